// views/records.js: the record list, with search by name and filter chips (not yet sent, to
// revisit, conflicts, unfinished). Shows 50 at a time.

import { h } from "../dom.js";
import * as R from "../record.js";
import { evaluateRecord } from "./form-state.js";
import { t } from "../words.js";
import { chips, formOf, heading, needsRevisit, titleOf, visibleRecords, whereInfo } from "./common.js";

const PAGE = 50;
const FILTERS = ["", "unsent", "revisit", "conflicts", "unfinished"];

export function renderRecords(app, params) {
  const filter = FILTERS.includes(params.get("f")) ? params.get("f") : "";
  const query = (params.get("q") ?? "").trim().toLowerCase();
  const shown = Number(params.get("n")) || PAGE;
  const where = whereInfo(app);
  const tests = {
    "": () => true,
    unsent: (s) => where.unsent.has(s.id),
    revisit: needsRevisit,
    conflicts: (s) => R.conflicts(s).length > 0,
    unfinished: (s) => evaluateRecord(app, s).errors.length > 0,
  };
  const matches = visibleRecords(app).filter((s) => !R.isDeleted(s) || filter === "conflicts")
    .filter(tests[filter])
    .filter((s) => !query || titleOf(app, s).toLowerCase().includes(query));
  const link = (f, q, n) => `#/records?${new URLSearchParams({ ...(f ? { f } : {}), ...(q ? { q } : {}), ...(n ? { n } : {}) })}`;
  const labels = { "": t("filterAll"), unsent: t("unsent"), revisit: t("needsFixing"), conflicts: t("conflicts"), unfinished: t("unfinished") };
  const search = h("form", { class: "search", role: "search", onsubmit: (event) => {
    event.preventDefault();
    app.go(link(filter, event.target.elements.q.value.trim(), 0));
  } },
  h("label", { for: "record-search" }, t("search")),
  h("div", { class: "search-row" },
    h("input", { id: "record-search", name: "q", type: "search", value: params.get("q") ?? "", autocomplete: "off", enterkeyhint: "search" }),
    h("button", { type: "submit" }, t("search").split(" ")[0])));
  return h("section", null,
    heading(t("allRecords")),
    search,
    h("nav", { class: "chip-filters", "aria-label": t("records") },
      FILTERS.map((f) => h("a", { href: link(f, query, 0), class: "filter", "aria-current": f === filter ? "true" : false }, labels[f]))),
    h("p", { class: "muted" }, t("recordCount", { n: matches.length })),
    matches.length === 0 ? h("p", null, query || filter ? t("noMatch") : t("noRecords")) : null,
    h("ul", { class: "record-list" }, matches.slice(0, shown).map((state) =>
      h("li", null, h("a", { href: `#/r/${encodeURIComponent(state.id)}`, class: "record-link" },
        h("span", { class: "record-title" }, titleOf(app, state)),
        h("span", { class: "record-form muted" }, formOf(app, state)?.title ?? state.form),
        chips(app, state, where))))),
    matches.length > shown ? h("a", { class: "button secondary", href: link(filter, query, shown + PAGE) }, `+ ${Math.min(PAGE, matches.length - shown)}`) : null,
  );
}
