// form.js: the form model: a published form decoded, validated and arranged for the views
// (SentraCore's FormDefinition, FieldDefinition, FieldType, Choice, FormSection, LocalizedText).
//
//   const form = loadForm(publishedForm);            // from NodeClient.forms(survey)
//   form.field("sektor").choices[1].name              // "pangan"
//   form.text(form.field("sektor").label, "en")       // "Business sector"
//
// A form is refused as Swift refuses it when a sync delivers it (`Replica.receiveForms` runs
// `FormDefinition.validate()`): code `invalid_form`. Evaluating a record against the form is
// form-rules.js; typed input and display are field-value.js and field-format.js.

import { sentraError } from "./errors.js";
import { parse as parseJSON } from "./json.js";
import { formatValue as format } from "./field-format.js";
import { languageCode, text as localizedText } from "./form-text.js";
import { validateForm } from "./form-validation.js";

export { text } from "./form-text.js";
export { parseInput, checkValue, isDate } from "./field-value.js";

/** The field types (Swift's `FieldType`). */
export const FIELD_TYPES = Object.freeze(["text", "integer", "decimal", "boolean", "date", "choice", "multichoice", "geopoint", "note", "calculate"]);
/** The conflict policies (Swift's `ConflictPolicy`). */
export const POLICIES = Object.freeze(["flag", "lww"]);

function malformed(path, what) {
  const error = sentraError("invalid_form", `not a valid form definition: ${path}: ${what}`);
  error.property = path;
  return error;
}

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Decodes as Swift's Codable does: a missing or null optional member is null. */
function decoder(object, path) {
  const get = (key) => (Object.hasOwn(object, key) ? object[key] : null);
  const string = (key, required = false) => {
    const value = get(key);
    if (value === null && !required) return null;
    if (typeof value !== "string") throw malformed(`${path}.${key}`, "expected a string");
    return value;
  };
  const localized = (key) => {
    const value = get(key);
    if (value === null || typeof value === "string") return value;
    if (isObject(value) && Object.values(value).every((v) => typeof v === "string")) return { ...value };
    throw malformed(`${path}.${key}`, "expected a text or an object of texts by language");
  };
  return { get, string, localized };
}

function decodeSection(object, path) {
  if (!isObject(object)) throw malformed(path, "expected an object");
  const d = decoder(object, path);
  return { name: d.string("name", true), label: d.localized("label"), relevant: d.string("relevant"), parent: d.string("parent") };
}

function decodeChoice(object, path) {
  if (typeof object === "string") return { name: object, label: null, columns: {} };
  if (!isObject(object)) throw malformed(path, "expected a name or an object");
  const d = decoder(object, path);
  const columns = d.get("columns") ?? {};
  if (!isObject(columns) || !Object.values(columns).every((v) => typeof v === "string")) {
    throw malformed(`${path}.columns`, "expected an object of texts");
  }
  return { name: d.string("name", true), label: d.localized("label"), columns: { ...columns } };
}

function decodeField(object, path) {
  if (!isObject(object)) throw malformed(path, "expected an object");
  const d = decoder(object, path);
  const type = d.string("type", true);
  if (!FIELD_TYPES.includes(type)) throw malformed(`${path}.type`, `"${type}" is not one of ${FIELD_TYPES.join(", ")}`);
  const required = d.get("required") ?? false;
  if (typeof required !== "boolean") throw malformed(`${path}.required`, "expected true or false");
  const policy = d.get("policy") ?? "flag";
  if (!POLICIES.includes(policy)) throw malformed(`${path}.policy`, "expected flag or lww");
  const choices = d.get("choices");
  if (choices !== null && !Array.isArray(choices)) throw malformed(`${path}.choices`, "expected a list");
  return {
    name: d.string("name", true),
    type,
    required,
    policy,
    label: d.localized("label"),
    hint: d.localized("hint"),
    constraint: d.string("constraint"),
    constraintMessage: d.localized("constraint_message"),
    requiredMessage: d.localized("required_message"),
    relevant: d.string("relevant"),
    choiceFilter: d.string("choice_filter"),
    calculation: d.string("calculation"),
    default: d.string("default"),
    choices: choices === null ? null : choices.map((c, i) => decodeChoice(c, `${path}.choices[${i}]`)),
    section: d.string("section"),
  };
}

/**
 * Every language key the form's texts are written in ("" excluded).
 * @returns {string[]}
 */
function languageKeys(definition) {
  const keys = new Set();
  const add = (localized) => {
    if (isObject(localized)) for (const key of Object.keys(localized)) if (key !== "") keys.add(key);
  };
  for (const section of definition.sections) add(section.label);
  for (const field of definition.fields) {
    [field.label, field.hint, field.constraintMessage, field.requiredMessage].forEach(add);
    for (const choice of field.choices ?? []) add(choice.label);
  }
  return [...keys];
}

/**
 * The sections in the order a person fills them: each section (declared order) with the fields
 * directly in it, and the fields in no section in a section named null; ordered by the position
 * of their first field (a section with no field of its own keeps its declared place).
 */
function arrange(definition) {
  const groups = [{ name: null, label: null, relevant: null, parent: null, fields: [] },
    ...definition.sections.map((s) => ({ ...s, fields: [] }))];
  const byName = new Map(groups.map((g) => [g.name, g]));
  for (const field of definition.fields) byName.get(field.section).fields.push(field);
  const position = (field) => definition.fields.indexOf(field);
  let last = -1;
  const keyed = groups.map((group, index) => {
    if (group.fields.length > 0) last = position(group.fields[0]);
    else if (group.name === null) return null;
    return { group, key: group.fields.length > 0 ? position(group.fields[0]) : last + 0.5, index };
  }).filter((entry) => entry !== null);
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return keyed.map((entry) => entry.group);
}

/**
 * Loads a form: a `PublishedForm` (`{form, publisher, publishedAt}`, as `GET /forms` lists them),
 * a `FormDefinition` object, or JSON text of either.
 * @param {object|string} json
 * @returns {{name: string, title: string|null, version: number|bigint, defaultLanguage: string|null,
 *   defaultLanguageKey: string|null, languages: string[],
 *   sections: {name: string|null, label: unknown, relevant: string|null, parent: string|null, fields: object[]}[],
 *   fields: object[], field: (name: string) => object|undefined, section: (name: string) => object|undefined,
 *   text: (localized: unknown, language?: string) => string|null,
 *   formatValue: (field: object, value: unknown, language?: string) => string,
 *   rules: object, publisher: object|null, publishedAt: string|null}}
 *   `defaultLanguage` is the code ("id") of `default_language` ("Indonesian (id)", kept as
 *   `defaultLanguageKey`); `languages` the codes of every language its texts are written in, the
 *   default first. Each field is `{name, type, required, policy, label, hint, constraint,
 *   constraintMessage, requiredMessage, relevant, choiceFilter, calculation, default, choices:
 *   [{name, label, columns}]|null, section}`; texts keep the form file's shape (a string or an
 *   object by language key), read them with `text`. `rules` holds the parsed expressions.
 * @throws {Error} code `invalid_form` (with `field`, `section`, `property` when known), or
 *   `malformed_json` for text that is not JSON
 */
export function loadForm(json) {
  let object = typeof json === "string" ? parseJSON(json) : json;
  let publisher = null, publishedAt = null;
  if (isObject(object) && isObject(object.form) && !Object.hasOwn(object, "fields")) {
    ({ publisher = null, publishedAt = null } = object);
    object = object.form;
  }
  if (!isObject(object)) throw malformed("form", "expected an object");
  const d = decoder(object, "form");
  const version = d.get("version") ?? 1;
  if (!((typeof version === "number" && Number.isInteger(version)) || typeof version === "bigint")) {
    throw malformed("form.version", "expected a whole number");
  }
  const sections = d.get("sections") ?? [];
  const fields = d.get("fields");
  if (!Array.isArray(sections)) throw malformed("form.sections", "expected a list");
  if (!Array.isArray(fields)) throw malformed("form.fields", "expected a list");
  const definition = {
    name: d.string("name", true),
    title: d.string("title"),
    version,
    defaultLanguageKey: d.string("default_language"),
    sections: sections.map((s, i) => decodeSection(s, `form.sections[${i}]`)),
    fields: fields.map((f, i) => decodeField(f, `form.fields[${i}]`)),
  };
  const rules = validateForm(definition);
  const fieldsByName = new Map(definition.fields.map((f) => [f.name, f]));
  const sectionsByName = new Map(definition.sections.map((s) => [s.name, s]));
  const defaultLanguage = languageCode(definition.defaultLanguageKey);
  const codes = [...new Set(languageKeys(definition).map(languageCode))].sort();
  const languages = defaultLanguage === null ? codes : [defaultLanguage, ...codes.filter((c) => c !== defaultLanguage)];
  return Object.freeze({
    ...definition,
    defaultLanguage,
    languages,
    sections: arrange(definition),
    field: (name) => fieldsByName.get(name),
    section: (name) => sectionsByName.get(name),
    text: (localized, language) => localizedText(localized, language ?? definition.defaultLanguageKey, definition.defaultLanguageKey),
    formatValue: (field, value, language) => format(field, value, language ?? defaultLanguage, definition.defaultLanguageKey),
    rules,
    publisher,
    publishedAt,
  });
}

/**
 * A short name for a record in a list. Swift's FormDefinition has no instance name (the
 * XLSForm setting `instance_name` is refused), so this is the value of the form's first `text`
 * field when it is not empty, else null.
 * @param {object} form a loaded form
 * @param {Object<string, unknown>|Map<string, unknown>} values the record's values
 * @returns {string|null}
 */
export function recordTitle(form, values) {
  const field = form.fields.find((f) => f.type === "text");
  if (!field) return null;
  const value = values instanceof Map ? values.get(field.name) : Object.hasOwn(values ?? {}, field.name) ? values[field.name] : undefined;
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

export { formatValue } from "./field-format.js";
