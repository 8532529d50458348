// views/form-widgets.js: one question on screen: its label, hint, input and message, by type
// (UX.md "Widgets"). Numbers use `inputmode`, never `type=number`; choices are full-width rows
// with a search above 12; a geopoint is taken from the browser with its accuracy and never blocks
// the form. Element IDs come from field and choice names, so focus survives a redraw.

import { h, uniqueId } from "../dom.js";
import { formatValue, text } from "../form.js";
import { language, t } from "../words.js";

/**
 * The question's block.
 * @param {object} field the form's field (form.js)
 * @param {{value: unknown, required: boolean, choices: {name: string, label: unknown}[], error: object|null}} evaluated
 * @param {{draft?: string, error?: string, onAnswer: (text: string|unknown[]|null) => void, onGeopoint: (field: object) => void}} options
 *   `draft`: text typed and not saved; `error`: the message for it
 */
export function questionBlock(field, evaluated, options) {
  const id = `q-${field.name}`;
  const label = text(field.label, language()) || field.name;
  const hintText = text(field.hint, language());
  const message = options.error ?? (evaluated.error && evaluated.error.code !== "missing_field" ? evaluated.error.message : null) ?? options.missing ?? null;
  const hintId = hintText ? `${id}-hint` : null;
  const errorId = message ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || null;
  const mark = evaluated.required ? h("span", { class: "required" }, ` (${t("required")})`) : null;
  const common = { "aria-describedby": describedBy, "aria-invalid": message ? "true" : null, autocomplete: "off" };
  const answered = evaluated.value !== undefined && evaluated.value !== null && !(Array.isArray(evaluated.value) && evaluated.value.length === 0);
  const clear = answered && field.type !== "calculate" && field.type !== "note"
    ? h("button", { type: "button", class: "link clear", onclick: () => options.onAnswer(null) }, t("clearAnswer"))
    : null;
  const hint = hintText ? h("p", { class: "hint", id: hintId }, hintText) : null;
  const error = message ? h("p", { class: "field-error", id: errorId }, message) : null;
  const block = (control, asGroup = false) => asGroup
    ? h("fieldset", { class: `question${message ? " invalid" : ""}`, id: `${id}-block`, "aria-describedby": describedBy },
        h("legend", null, label, mark), hint, error, control, clear)
    : h("div", { class: `question${message ? " invalid" : ""}`, id: `${id}-block` },
        h("label", { for: id }, label, mark), hint, error, control, clear);

  switch (field.type) {
    case "note":
      return h("div", { class: "question note", id: `${id}-block` }, h("p", { class: "note-text" }, label), hint);
    case "calculate":
      return h("div", { class: "question", id: `${id}-block` },
        h("p", { class: "calculated" }, h("span", null, `${label}: `), h("output", { id }, answered ? formatValue(field, evaluated.value, language()) : "—")));
    case "integer":
    case "decimal":
    case "text":
    case "date": {
      const value = options.draft ?? (answered ? inputText(field, evaluated.value) : "");
      const attributes = { id, name: field.name, value, ...common, onchange: (event) => options.onAnswer(event.target.value) };
      if (field.type === "integer") Object.assign(attributes, { type: "text", inputmode: "numeric", pattern: "-?[0-9]*" });
      else if (field.type === "decimal") Object.assign(attributes, { type: "text", inputmode: "decimal" });
      else if (field.type === "date") Object.assign(attributes, { type: "date" });
      else Object.assign(attributes, { type: "text" });
      return block(h("input", attributes));
    }
    case "boolean":
      return block(h("div", { class: "choices" },
        [[true, t("yes")], [false, t("no")]].map(([choice, words]) => choiceRow({
          type: "radio", id: `${id}-${choice}`, name: field.name, checked: evaluated.value === choice, common,
          label: words, onchange: () => options.onAnswer(choice ? "true" : "false"),
        }))), true);
    case "choice":
    case "multichoice": {
      const multiple = field.type === "multichoice";
      const selected = new Set(multiple ? (Array.isArray(evaluated.value) ? evaluated.value : []) : [evaluated.value]);
      const rows = evaluated.choices.map((choice) => choiceRow({
        type: multiple ? "checkbox" : "radio", id: `${id}-${choice.name.replace(/[^A-Za-z0-9_-]/g, "_")}`, name: field.name, checked: selected.has(choice.name), common,
        label: text(choice.label, language()) || choice.name,
        onchange: (event) => {
          if (!multiple) return options.onAnswer(choice.name);
          const names = evaluated.choices.map((c) => c.name).filter((n) => (n === choice.name ? event.target.checked : selected.has(n)));
          return options.onAnswer(names);
        },
      }));
      const list = h("div", { class: "choices" }, rows);
      const search = rows.length > 12 ? choiceSearch(id, list) : null;
      return block([search, list], true);
    }
    case "geopoint":
      return block(h("div", { class: "geopoint" },
        h("output", { id }, answered ? formatValue(field, evaluated.value, language()) : "—"),
        h("button", { type: "button", class: "secondary", onclick: () => options.onGeopoint(field) }, answered ? t("locationAgain") : t("location"))), true);
    default:
      return block(h("input", { id, type: "text", value: options.draft ?? (answered ? String(evaluated.value) : ""), ...common, onchange: (event) => options.onAnswer(event.target.value) }));
  }
}

/** The text an input shows for a stored value: decimals with a comma in Indonesian. */
function inputText(field, value) {
  if (field.type === "date" || field.type === "text") return String(value);
  return formatValue(field, value, language());
}

function choiceRow({ type, id, name, checked, common, label, onchange }) {
  return h("div", { class: "choice" },
    h("input", { type, id, name, checked, onchange, "aria-describedby": common["aria-describedby"] }),
    h("label", { for: id }, label));
}

/** A filter above a long list of choices. */
function choiceSearch(id, list) {
  const searchId = uniqueId(`${id}-search`);
  return h("div", { class: "choice-search" },
    h("label", { for: searchId, class: "small" }, t("searchChoices")),
    h("input", { id: searchId, type: "search", autocomplete: "off", oninput: (event) => {
      const needle = event.target.value.trim().toLowerCase();
      for (const row of list.children) row.hidden = needle !== "" && !row.textContent.toLowerCase().includes(needle);
    } }));
}
