// form-rules.js: a record evaluated against its form, for the views: which fields apply, which
// are required, what the calculations give, which choices the filters leave, and what is wrong
// (SentraCore's RecordEvaluator and FormDefinition.check, FormDefinition+Write.swift).
//
// Swift checks one write and throws its first problem; `evaluate` looks at the whole record and
// reports every field's problem at once, in form order, deciding each as Swift's check would:
// - a field is relevant when its own `relevant` and those of every section it sits in are true;
// - every calculate field is computed in form order on the record (a later one sees an earlier
//   one's result); one that is not relevant is empty; a result that is NaN, infinite or "" is empty;
// - for each value written (with `previous`, only the fields whose value differs from it; without,
//   every value: a new record): a value of the wrong type is `invalid_value`; a value in a field
//   that is not relevant is `not_relevant` (Swift refuses to write it; clear it, writing null is
//   allowed); a value that makes the constraint false is `constraint_failed` (an empty value is
//   not checked); a choice the choice_filter refuses is `invalid_value`;
// - a relevant required field is `missing_field` when empty (with `previous`, only when the write
//   empties it: an edit need not fill a field an older form version did not ask for).

import { toBoolean } from "./expression-value.js";
import { checkValue, isInput, parseInput } from "./field-value.js";
import { say, text } from "./form-text.js";
import { stringify } from "./json.js";

/**
 * The local date as `YYYY-MM-DD`: the default for `today()` when the caller gives none, and the
 * date the views evaluate records with.
 * @returns {string}
 */
export function localToday() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** Values as a Map without null members (a missing field and null read the same). */
function toRecord(values) {
  const entries = values instanceof Map ? [...values] : Object.entries(values ?? {});
  return new Map(entries.filter(([, v]) => v !== null && v !== undefined));
}

const read = (values, name) => (values instanceof Map ? values.get(name) : values && Object.hasOwn(values, name) ? values[name] : undefined) ?? null;

/** Whether two wire values are the same (canonical JSON, so key order does not matter). */
const same = (a, b) => stringify(a ?? null) === stringify(b ?? null);

/** A calculation's result as a field holds it (`RecordEvaluator.stored`). */
function stored(value) {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  return value === "" ? null : value;
}

/** A value as Swift's messages show it (`FieldValue.displayText`): text quoted, else its type. */
function displayText(value) {
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  return Array.isArray(value) ? "array" : "object";
}

/** The evaluator of one record: Swift's RecordEvaluator over the form's parsed rules. */
function evaluator(form, record, today) {
  const context = (current, choice = {}) => ({ current, fields: record, choice, today });

  function sectionRelevant(name) {
    let section = name, depth = 0;
    while (section !== null && section !== undefined && depth < form.sections.length) {
      const rule = form.rules.sectionRelevant.get(section);
      if (rule && !toBoolean(rule.evaluate(context(null)))) return false;
      section = form.section(section)?.parent ?? null;
      depth += 1;
    }
    return true;
  }

  return {
    isRelevant(field) {
      const rule = form.rules.relevant.get(field.name);
      if (rule && !toBoolean(rule.evaluate(context(record.get(field.name))))) return false;
      return sectionRelevant(field.section);
    },
    sectionRelevant,
    /** Whether `choice` passes the field's choice_filter, `value` being the field's value. */
    passes(field, choice, value) {
      const rule = form.rules.choiceFilters.get(field.name);
      return !rule || toBoolean(rule.evaluate(context(value, { ...choice.columns, name: choice.name })));
    },
    constraintHolds(field, value) {
      const rule = form.rules.constraints.get(field.name);
      return !rule || toBoolean(rule.evaluate(context(value)));
    },
    calculate(field) {
      return stored(form.rules.calculations.get(field.name).evaluate(context(null)));
    },
  };
}

/** The relevance conditions of `field`, for a message (`RecordEvaluator.relevanceText`). */
function relevanceText(form, field) {
  const texts = field.relevant !== null ? [field.relevant] : [];
  let section = field.section;
  while (section !== null && form.section(section) && texts.length <= form.sections.length) {
    const definition = form.section(section);
    if (definition.relevant !== null) texts.push(definition.relevant);
    section = definition.parent;
  }
  return texts.join(" and ");
}

/**
 * Evaluates a record against its form.
 * @param {object} form a loaded form (form.js)
 * @param {Object<string, unknown>|Map<string, unknown>} values the record's values as the view
 *   holds them (wire values; missing and null are empty)
 * @param {{today?: string, language?: string, previous?: Object<string, unknown>|Map<string, unknown>}} [options]
 *   `today`: `YYYY-MM-DD` for `today()` (default: the local date); `language`: "id" or "en" for
 *   messages and labels (default: the form's); `previous`: the stored values when editing a record
 * @returns {{fields: Map<string, {relevant: boolean, required: boolean, value: unknown,
 *   choices: {name: string, label: string}[], error: null|{code: string, message: string, property: string}}>,
 *   errors: {field: string, code: string, message: string, property: string}[],
 *   values: Map<string, unknown>, clear: string[],
 *   sectionStatus: Map<string|null, {answered: number, total: number, relevant: boolean}>}}
 *   `value` is the field's value with calculations filled in (null when empty); `choices` are
 *   the choices its choice_filter keeps (all of them for a field that is not relevant), labels
 *   in the language; `values` the record with calculations (no null members); `clear` the input
 *   fields that hold a value but are not relevant. `sectionStatus` counts, per section (null for
 *   fields in none), the relevant input fields in it or in its sub-sections (`total`) and those
 *   with a value (`answered`); `relevant` is the section's own relevance.
 */
export function evaluate(form, values, { today = localToday(), language, previous } = {}) {
  const lang = language ?? form.defaultLanguage;
  const record = toRecord(values);
  const rules = evaluator(form, record, today);
  for (const field of form.fields) {
    if (field.type !== "calculate") continue;
    const value = rules.isRelevant(field) ? rules.calculate(field) : null;
    if (value === null) record.delete(field.name);
    else record.set(field.name, value);
  }
  const fields = new Map(), errors = [], clear = [];
  for (const field of form.fields) {
    const relevant = rules.isRelevant(field);
    const value = field.type === "note" ? null : record.get(field.name) ?? null;
    const written = previous === undefined || !same(read(values, field.name), read(previous, field.name));
    const choices = (field.choices ?? [])
      .filter((choice) => !relevant || rules.passes(field, choice, value))
      .map((choice) => ({ name: choice.name, label: text(choice.label, lang, form.defaultLanguageKey) ?? choice.name }));
    let error = null;
    if (isInput(field.type) && value !== null && !relevant) clear.push(field.name);
    if (isInput(field.type) && written) error = problem(form, field, value, relevant, rules, lang, previous === undefined);
    if (error) errors.push({ field: field.name, ...error });
    fields.set(field.name, { relevant, required: field.required && relevant, value, choices, error });
  }
  return { fields, errors, values: record, clear, sectionStatus: sectionStatus(form, fields, rules) };
}

/** The one problem of a written field, in Swift's order: type, relevance, constraint, filter, required. */
function problem(form, field, value, relevant, rules, lang, isNew) {
  if (value === null) {
    if (!field.required || !relevant) return null;
    const message = text(field.requiredMessage, lang, form.defaultLanguageKey) ?? say(lang, "Wajib diisi", "This field is required");
    return { code: "missing_field", message, property: "required" };
  }
  try {
    checkValue(field, value, lang);
  } catch (error) {
    return { code: error.code, message: error.message, property: "type" };
  }
  if (!relevant) {
    const rule = relevanceText(form, field);
    return {
      code: "not_relevant", property: "relevant",
      message: say(lang, `tidak berlaku untuk data ini (relevant: ${rule}); kosongkan`, `does not apply to this record (relevant: ${rule}); leave it empty`),
    };
  }
  if (!rules.constraintHolds(field, value)) {
    const message = text(field.constraintMessage, lang, form.defaultLanguageKey)
      ?? say(lang, `${displayText(value)} tidak memenuhi syarat ${field.constraint}`, `${displayText(value)} does not meet the constraint ${field.constraint}`);
    return { code: "constraint_failed", message, property: "constraint" };
  }
  const names = typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
  for (const name of names) {
    const choice = (field.choices ?? []).find((c) => c.name === name);
    if (choice && !rules.passes(field, choice, value)) {
      return {
        code: "invalid_value", property: "choice_filter",
        message: say(lang, `"${name}" bukan pilihan di sini (choice_filter: ${field.choiceFilter})`, `"${name}" is not a choice here (choice_filter: ${field.choiceFilter})`),
      };
    }
  }
  return null;
}

function sectionStatus(form, fields, rules) {
  const status = new Map([[null, { answered: 0, total: 0, relevant: true }]]);
  for (const section of form.sections) {
    if (section.name !== null) status.set(section.name, { answered: 0, total: 0, relevant: rules.sectionRelevant(section.name) });
  }
  for (const field of form.fields) {
    const result = fields.get(field.name);
    if (!isInput(field.type) || !result.relevant) continue;
    // The field counts in its section and in every section around it.
    const chain = [];
    for (let s = field.section, depth = 0; s !== null && s !== undefined && depth <= form.sections.length; s = form.section(s)?.parent, depth++) chain.push(s);
    if (chain.length === 0) chain.push(null);
    for (const name of chain) {
      const entry = status.get(name);
      entry.total += 1;
      if (result.value !== null) entry.answered += 1;
    }
  }
  return status;
}

/**
 * The values a new record starts with: `values` plus the `default` of each relevant field that
 * `values` does not name (a null member counts as named), in form order, each default seen by
 * the relevance of the fields after it (Swift's `addDefaults` on a new record).
 * @param {object} form a loaded form
 * @param {Object<string, unknown>} values
 * @param {{today?: string}} [options]
 * @returns {Object<string, unknown>} a new object
 */
export function withDefaults(form, values = {}, { today = localToday() } = {}) {
  const result = { ...values };
  const record = toRecord(values);
  const rules = evaluator(form, record, today);
  for (const field of form.fields) {
    if (Object.hasOwn(result, field.name) || field.default === null || !rules.isRelevant(field)) continue;
    const value = parseInput(field, field.default, "en", { decimalComma: false });
    result[field.name] = value;
    if (value !== null) record.set(field.name, value);
  }
  return result;
}

