// views/home.js: the first screen: the counted lists (to revisit, conflicts, not yet sent, all)
// and the one main button, "Isi data baru".

import { h } from "../dom.js";
import * as R from "../record.js";
import { t } from "../words.js";
import { needsRevisit, visibleRecords, whereInfo } from "./common.js";

export function renderHome(app) {
  const records = visibleRecords(app).filter((s) => !R.isDeleted(s));
  const where = whereInfo(app);
  const counts = [
    { href: "#/revisit", label: t("revisit"), n: records.filter(needsRevisit).length, tone: "review" },
    { href: "#/conflicts", label: t("conflicts"), n: app.replica.conflicts(policyOf(app)).length, tone: "conflict" },
    { href: "#/records?f=unsent", label: t("unsent"), n: records.filter((s) => where.unsent.has(s.id)).length, tone: "unsent" },
    { href: "#/records", label: t("allRecords"), n: records.length, tone: "all" },
  ];
  const forms = [...app.forms.values()];
  return h("section", { class: "home" },
    h("h1", { class: "visually-hidden" }, t("home")),
    h("p", { class: "who" }, t("enrolledAs", { name: app.device.name, survey: app.device.survey })),
    // A service worker, which opens the app with no network, needs HTTPS or localhost.
    window.isSecureContext ? null : h("p", { class: "warning" }, t("insecure")),
    forms.length === 0
      ? h("p", { class: "notice" }, t("noForms"))
      : forms.map((form) => h("a", { class: "button primary big", href: `#/new/${encodeURIComponent(form.name)}` },
          forms.length > 1 ? `${t("newRecord")}: ${form.title ?? form.name}` : t("newRecord"))),
    h("ul", { class: "counts" }, counts.map((c) =>
      h("li", null, h("a", { href: c.href, class: `count count-${c.tone}${c.n > 0 ? " has" : ""}` },
        h("span", { class: "count-label" }, c.label), h("span", { class: "count-n" }, String(c.n)))))),
  );
}

/** The conflict policy of each field, from the record's form (`flag` when the phone lacks it). */
export function policyOf(app) {
  return (field, state) => {
    const form = app.forms.get(state.form);
    return form?.field(field)?.policy ?? "flag";
  };
}
