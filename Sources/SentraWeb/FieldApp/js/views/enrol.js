// views/enrol.js: enrolment. The office's QR code opens `/field/#enrol=…`; app.js takes the link
// out of the address, and this screen shows what it holds and asks for the enumerator's name.
// "Daftar" makes this browser a device: a new node ID of its own, the token, the survey. The
// token binds to that node ID at the first sync (decision 0011), and the browser is asked to keep
// the data (`navigator.storage.persist()`), saying plainly when it refuses.

import { h } from "../dom.js";
import { newNodeID } from "../enrolment.js";
import { t } from "../words.js";

export function renderEnrol(app) {
  const pending = app.pendingEnrolment;
  if (!pending) {
    return h("section", { class: "enrol" }, h("h1", null, t("enrolTitle")), h("p", null, t("notEnrolled")),
      app.device ? h("p", null, h("a", { href: "#/" }, t("home"))) : null);
  }
  if (new URL(pending.node).origin !== location.origin) {
    return h("section", { class: "enrol" }, h("h1", null, t("enrolTitle")), h("p", { class: "error" }, t("enrolOtherNode", { node: pending.node })));
  }
  const current = app.device;
  const sameSurvey = current && current.survey === (pending.survey ?? current.survey);
  const unsent = current ? app.runner.unsent() : 0;
  if (current && !sameSurvey && unsent > 0) {
    return h("section", { class: "enrol" }, h("h1", null, t("enrolTitle")),
      h("p", { class: "error" }, t("enrolUnsentOther", { n: unsent, survey: current.survey })), h("a", { href: "#/sync" }, t("sync")));
  }
  return h("section", { class: "enrol" },
    h("h1", null, t("enrolTitle")),
    current && sameSurvey ? h("p", { class: "notice" }, t("enrolReplace", { name: current.name })) : null,
    window.isSecureContext ? null : h("p", { class: "warning" }, t("insecure")),
    h("dl", { class: "facts" },
      h("dt", null, t("enrolNode")), h("dd", null, pending.node),
      pending.survey ? [h("dt", null, t("enrolSurvey")), h("dd", null, pending.survey)] : null),
    h("form", { class: "enrol-form", novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      const form = event.target.elements;
      const name = form.name.value.trim();
      const survey = pending.survey ?? form.survey?.value.trim();
      if (!name || !survey) {
        (name ? form.survey : form.name).setAttribute("aria-invalid", "true");
        (name ? form.survey : form.name).focus();
        return;
      }
      // Asked during the tap, when browsers are most willing; the sync page shows the answer.
      await navigator.storage?.persist?.().catch(() => false);
      const keep = current && sameSurvey;
      if (current && !keep) {
        const { deleteDatabase, openDatabase } = await import("../store.js");
        app.store.close();
        await deleteDatabase();
        app.store = await openDatabase();
      }
      await app.enrol({
        node: pending.node, token: pending.token, survey,
        nodeId: keep ? current.nodeId : newNodeID(), name: keep ? current.name : name, enrolledAt: Date.now(),
      });
    } },
      h("label", { for: "enrol-name" }, t("enrolName")),
      h("p", { class: "hint", id: "enrol-name-hint" }, t("enrolNameHint")),
      h("input", { id: "enrol-name", name: "name", type: "text", autocomplete: "off", required: true,
        value: current?.name ?? pending.name ?? "", "aria-describedby": "enrol-name-hint" }),
      pending.survey ? null : [h("label", { for: "enrol-survey" }, t("enrolSurvey")),
        h("input", { id: "enrol-survey", name: "survey", type: "text", autocomplete: "off", required: true })],
      h("button", { type: "submit", class: "primary big", id: "enrol-button" }, t("enrolButton"))),
  );
}
