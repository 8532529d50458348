// views/conflicts.js: "Beda isian": every conflict on this phone, the values side by side, each
// with who wrote it and when, and the one shown meanwhile. A conflict is decided, never dismissed
// (UX.md): "Pakai ini" keeps a value, "Isi lain" types another, checked by the form; a delete/edit
// conflict is kept deleted or restored. The decision is a change like any other and syncs.

import { h } from "../dom.js";
import { formatValue, parseInput, text } from "../form.js";
import { evaluate, localToday as today } from "../form-rules.js";
import * as R from "../record.js";
import { language, t } from "../words.js";
import { byLine, formOf, heading, titleOf } from "./common.js";
import { policyOf } from "./home.js";
import { render } from "../app.js";

export function renderConflicts(app) {
  const list = app.replica.conflicts(policyOf(app));
  return h("section", { class: "conflicts" },
    heading(t("conflicts")),
    list.length === 0 ? h("p", null, t("noConflicts")) : null,
    list.map((conflict) => conflictCard(app, conflict)),
  );
}

function conflictCard(app, conflict) {
  const state = app.replica.record(conflict.record);
  const form = formOf(app, state);
  const field = conflict.field ? form?.field(conflict.field) : null;
  const label = conflict.field === null ? t("deleted") : (field && text(field.label, language())) || conflict.field;
  const shown = (value) => (field ? formatValue(field, value, language()) : JSON.stringify(value));
  const decide = async (resolution) => {
    await app.replica.resolve(conflict.record, resolution);
    app.saved();
    render();
  };
  const authors = new Set(conflict.entries.map((e) => e.node)).size;
  const cardId = `conflict-${conflict.record}-${conflict.field ?? "deleted"}`;
  if (conflict.field === null) {
    return h("article", { class: "conflict", id: cardId },
      h("h2", null, h("a", { href: `#/r/${encodeURIComponent(conflict.record)}` }, titleOf(app, state))),
      h("p", null, t("deleteConflict")),
      h("div", { class: "actions" },
        h("button", { type: "button", class: "secondary", onclick: () => decide({ delete: true }) }, t("keepDeleted")),
        h("button", { type: "button", class: "primary", onclick: () => decide({ restore: true }) }, t("restore"))));
  }
  const otherId = `${cardId}-other`;
  const errorId = `${otherId}-error`;
  return h("article", { class: "conflict", id: cardId },
    h("h2", null, h("a", { href: `#/r/${encodeURIComponent(conflict.record)}` }, titleOf(app, state)), " · ", label),
    h("p", { class: "muted" }, t("conflictExplain", { n: authors })),
    h("div", { class: "side-by-side" }, conflict.entries.map((entry) => h("div", { class: "candidate" },
      h("p", { class: "candidate-value" }, shown(entry.value)),
      h("p", { class: "muted" }, byLine(app, entry)),
      entry === conflict.displayed ? h("p", { class: "chip" }, t("shownNow")) : null,
      h("button", { type: "button", class: "primary", onclick: () => decide({ set: { [conflict.field]: entry.value } }) }, t("useThis"))))),
    field && field.type !== "choice" && field.type !== "multichoice" && field.type !== "geopoint"
      ? h("form", { class: "other", novalidate: true, onsubmit: async (event) => {
          event.preventDefault();
          const input = event.target.elements.other;
          const message = document.getElementById(errorId);
          try {
            const value = parseInput(field, input.value, language());
            const values = { ...R.displayValues(state), [field.name]: value };
            const error = evaluate(form, values, { today: today(), language: language() }).fields.get(field.name)?.error;
            if (error) throw error;
            await decide({ set: { [field.name]: value } });
          } catch (error) {
            message.textContent = error.message;
            input.setAttribute("aria-invalid", "true");
            input.focus();
          }
        } },
        h("label", { for: otherId }, t("enterOther")),
        h("p", { class: "field-error", id: errorId, "aria-live": "polite" }),
        h("input", { id: otherId, name: "other", type: "text", autocomplete: "off", "aria-describedby": errorId,
          inputmode: field.type === "integer" ? "numeric" : field.type === "decimal" ? "decimal" : null }),
        h("button", { type: "submit", class: "secondary" }, t("saveOther")))
      : null,
  );
}
