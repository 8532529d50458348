// views/record.js: one record: where it is, the office's review, its answers by the form's labels,
// its conflicts, and the ways on: edit, history, delete or restore.

import { h } from "../dom.js";
import { formatValue, text } from "../form.js";
import * as R from "../record.js";
import { language, moment, t } from "../words.js";
import { chips, formOf, heading, reviewOf, titleOf, whereInfo, who } from "./common.js";
import { screensOf } from "./form-screen.js";
import { evaluateRecord } from "./form-state.js";

export function renderRecord(app, recordId) {
  const state = app.replica.record(recordId);
  if (!state) return h("section", null, heading(t("records"), "#/records"), h("p", null, t("noMatch")));
  const form = formOf(app, state);
  const evaluation = evaluateRecord(app, state, form);
  const values = R.displayValues(state);
  const base = `#/edit/${encodeURIComponent(recordId)}`;
  const review = reviewOf(state);
  const conflicted = new Set(R.conflicts(state).map((c) => c.field));
  const deleted = R.isDeleted(state);
  const rows = [];
  if (form) {
    screensOf(form).forEach((screen, index) => {
      for (const field of screen.fields) {
        if (field.type === "note" || !(field.name in values)) continue;
        rows.push(h("div", { class: "answer" },
          h("dt", null, text(field.label, language()) || field.name),
          h("dd", null, formatValue(field, values[field.name], language()),
            conflicted.has(field.name) ? h("a", { class: "chip chip-conflict", href: "#/conflicts" }, `⚠ ${t("conflicts")}`) : null,
            deleted ? null : h("a", { class: "edit-link", href: `${base}/${index}`, "aria-label": `${t("edit")}: ${text(field.label, language()) || field.name}` }, t("edit")))));
      }
    });
  }
  for (const name of Object.keys(values)) {
    if (name.startsWith("_") || form?.field(name)) continue;
    rows.push(h("div", { class: "answer" }, h("dt", null, name), h("dd", null, JSON.stringify(values[name]))));
  }
  return h("section", { class: "record" },
    heading(titleOf(app, state), "#/records"),
    chips(app, state, whereInfo(app)),
    review && review.state !== "received" ? reviewBox(app, state, review, base) : null,
    evaluation.errors.length > 0 && !deleted ? h("p", { class: "notice" }, `${t("unfinished")}: ${t("errorsSummary", { n: evaluation.errors.length })}`) : null,
    deleted ? h("p", { class: "notice" }, t("deleted")) : h("a", { class: "button primary", href: `${base}/0` }, t("edit")),
    h("dl", { class: "answers" }, rows),
    h("div", { class: "actions" },
      h("a", { class: "button secondary", href: `#/r/${encodeURIComponent(recordId)}/history` }, t("history")),
      deleted
        ? h("button", { type: "button", class: "secondary", onclick: async () => {
            await app.replica.write(recordId, { _deleted: false }, { form: state.form });
            app.saved();
            app.go(`#/r/${encodeURIComponent(recordId)}`);
          } }, t("restoreRecord"))
        : h("button", { type: "button", class: "danger", onclick: async () => {
            if (!confirm(t("confirmDelete"))) return;
            await app.replica.write(recordId, null, { delete: true, form: state.form });
            app.saved();
            app.go("#/records");
          } }, t("deleteRecord"))),
  );
}

/** The office's review: state, the full note, who and when, and "Perbaiki". */
export function reviewBox(app, state, review, base) {
  return h("div", { class: `review review-${review.state}` },
    h("p", { class: "review-state" }, `${t("reviewState")}: ${t(review.state)}`),
    review.note ? h("blockquote", { class: "review-note" }, review.note) : null,
    h("p", { class: "muted" }, t("noteBy", { by: review.by || who(app, review.node), date: moment(review.at) })),
    review.state === "hasIssues" ? h("a", { class: "button primary", href: `${base}/0` }, t("fix")) : null);
}
