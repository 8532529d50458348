// field-format.js: a field's value as a person reads it in the field app, in Indonesian or
// English. Swift has no counterpart (its CLI prints JSON); the rules are the field app's own.

import { isDate } from "./field-value.js";
import { say, text } from "./form-text.js";

const MONTHS = {
  id: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

/** A number as text, with the decimal comma in Indonesian: 2.5 → "2,5". */
function number(value, language) {
  const written = String(value);
  return say(language, written.replace(".", ","), written);
}

/** "2026-12-03" → "3 Des 2026" (id) or "3 Dec 2026" (en); other text as it is. */
function date(value, language) {
  if (typeof value !== "string" || !isDate(value)) return String(value);
  const [year, month, day] = value.split("-").map(Number);
  return `${day} ${say(language, MONTHS.id[month - 1], MONTHS.en[month - 1])} ${year}`;
}

/** A choice's label in `language`, or its name; a name that is not a choice is shown as it is. */
function choiceLabel(field, name, language, defaultLanguage) {
  const choice = (field.choices ?? []).find((c) => c.name === name);
  return (choice && text(choice.label, language, defaultLanguage)) ?? String(name);
}

/**
 * A value as display text.
 * - null or missing: ""; a note: "";
 * - integer: its digits; decimal: "2,5" in Indonesian, "2.5" in English;
 * - boolean: "Ya"/"Tidak" or "Yes"/"No";
 * - date: "3 Des 2026" or "3 Dec 2026";
 * - choice: its label in the language (else its name); multichoice: the labels joined with ", ";
 * - geopoint: "LAT, LON" with decimal points in both languages (a comma would be ambiguous),
 *   plus " ±N m" when the value carries an `accuracy` (Swift's geopoint has only lat and lon,
 *   so a value checked by a form never does);
 * - calculate: a number, boolean or text as above.
 * A value of the wrong type is shown as JSON-like text rather than refused.
 * @param {object} field a field of a loaded form (form.js)
 * @param {unknown} value a wire value
 * @param {string} [language] "id" or "en" (the default)
 * @param {string} [defaultLanguage] the form's default language, for choice labels
 * @returns {string}
 */
export function formatValue(field, value, language, defaultLanguage) {
  if (value === null || value === undefined || field.type === "note") return "";
  if (typeof value === "boolean") return value ? say(language, "Ya", "Yes") : say(language, "Tidak", "No");
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return number(value, language);
  switch (field.type) {
    case "date":
      return date(value, language);
    case "choice":
      return choiceLabel(field, value, language, defaultLanguage);
    case "multichoice":
      return Array.isArray(value) ? value.map((name) => choiceLabel(field, name, language, defaultLanguage)).join(", ") : String(value);
    case "geopoint":
      if (value && typeof value === "object" && typeof value.lat === "number" && typeof value.lon === "number") {
        const accuracy = typeof value.accuracy === "number" ? ` ±${Math.round(value.accuracy)} m` : "";
        return `${value.lat}, ${value.lon}${accuracy}`;
      }
      break;
  }
  if (typeof value === "string") return value;
  return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));
}
