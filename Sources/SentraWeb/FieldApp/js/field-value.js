// field-value.js: a field's values: typed text to a wire value, a wire value checked against the
// field's type, and a value shown to a person (SentraCore's FieldDefinition+Values).
//
// Values are as json.js reads them: null, a string, a boolean, a Number (an integer when it is
// a whole number below 2^53, as Swift's `FieldValue.number` stores one; JavaScript has only one
// kind of Number, and JSON writes 12.0 as 12 anyway), a BigInt (an integer beyond 2^53), an
// array (multichoice) or an object (geopoint `{lat, lon}`, both Numbers).
//
// Errors have code `invalid_value` (Swift's CoreError.invalidValue), `field` and a message in
// Indonesian or English without the field's name (the view shows the field); Swift's message
// is "field NAME: REASON" in English.

import { sentraError } from "./errors.js";
import { parse as parseJSON } from "./json.js";
import { say } from "./form-text.js";

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** The types that take input (Swift's `FieldType.isInput`): all but note and calculate. */
export function isInput(type) {
  return type !== "note" && type !== "calculate";
}

function invalid(field, language, id, en) {
  const error = sentraError("invalid_value", say(language, id, en));
  error.field = field.name;
  return error;
}

/** Swift's `String.trimmed` (Character.isWhitespace), close to JavaScript's `trim`. */
const trimmed = (text) => text.trim();

/** The JSON type name of a value, for messages (`FieldValue.typeName`). */
export function typeName(value) {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "bigint") return "integer";
  if (typeof value === "number") return isIntegerValue(value) ? "integer" : "decimal";
  if (typeof value === "string") return "string";
  return Array.isArray(value) ? "array" : "object";
}

/** Whether a value is an integer as Swift holds it: a BigInt, or a whole Number below 2^53. */
function isIntegerValue(value) {
  return typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value) && Math.abs(value) < 2 ** 53);
}

/**
 * Whether `text` is a real calendar date written `YYYY-MM-DD`.
 * @param {string} text
 * @returns {boolean}
 */
export function isDate(text) {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Swift's `Double(String)` on the forms people type: decimal digits with an optional exponent. */
function readDouble(text) {
  return /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text) ? Number(text) : NaN;
}

/**
 * Parses typed text into the value to write for `field` (what goes in a change's `set`), as
 * Swift's `FieldDefinition.parse` then `check`:
 * - `""` is null (it clears the field), for every type;
 * - text: kept as typed, not trimmed;
 * - integer: whole numbers within Int64, trimmed (a BigInt beyond 2^53);
 * - decimal: a number, "2.5", and in JavaScript only also "2,5" (the Indonesian decimal comma;
 *   Swift's CLI refuses it); a whole number is stored as an integer;
 * - boolean: true/yes/ya/1 and false/no/tidak/0, any case;
 * - date: `YYYY-MM-DD`, a real date; choice: a choice's name, trimmed;
 * - multichoice: a JSON array, or names separated by ";" (if any) else ","; each once;
 * - geopoint: "LAT,LON" → `{lat, lon}` Numbers, lat in -90…90 and lon in -180…180;
 * - note and calculate cannot be set.
 * @param {object} field a field of a loaded form (form.js)
 * @param {string} text
 * @param {string} [language] "id" or "en" (the default) for the message
 * @param {{decimalComma?: boolean}} [options] decimalComma false parses as Swift does exactly
 * @returns {unknown} the wire value
 * @throws {Error} code `invalid_value`, with `field`
 */
export function parseInput(field, text, language, { decimalComma = true } = {}) {
  if (text === "") return null;
  const input = trimmed(text);
  switch (field.type) {
    case "text":
      return text;
    case "integer": {
      if (!/^[+-]?[0-9]+$/.test(input)) throw invalid(field, language, `"${text}" bukan bilangan bulat`, `"${text}" is not a whole number`);
      const big = BigInt(input);
      if (big < INT64_MIN || big > INT64_MAX) throw invalid(field, language, `"${text}" bukan bilangan bulat`, `"${text}" is not a whole number`);
      return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    }
    case "decimal": {
      // JavaScript only: one "," and no "." is a decimal comma ("2,5"), as Indonesians write it.
      const written = decimalComma && /^[+-]?[0-9]*,[0-9]*$/.test(input) ? input.replace(",", ".") : input;
      const number = readDouble(written);
      if (!Number.isFinite(number)) throw invalid(field, language, `"${text}" bukan angka`, `"${text}" is not a number`);
      return checkValue(field, number, language);
    }
    case "boolean": {
      const word = input.toLowerCase();
      if (["true", "yes", "ya", "1"].includes(word)) return true;
      if (["false", "no", "tidak", "0"].includes(word)) return false;
      throw invalid(field, language, `"${text}" bukan ya atau tidak`, `"${text}" is not true or false`);
    }
    case "date":
    case "choice":
      return checkValue(field, input, language);
    case "multichoice": {
      if (text.startsWith("[")) return checkValue(field, parseLiteral(text), language);
      // Exports join choices with ";"; people often type ",".
      const separator = text.includes(";") ? ";" : ",";
      const items = text.split(separator).filter((part) => part !== "").map(trimmed);
      return checkValue(field, items, language);
    }
    case "geopoint": {
      const parts = text.split(",").filter((part) => part !== "").map((part) => readDouble(trimmed(part)));
      if (parts.length !== 2 || parts.some(Number.isNaN)) {
        throw invalid(field, language, `"${text}" bukan LAT,LON`, `"${text}" is not LAT,LON`);
      }
      return checkValue(field, { lat: parts[0], lon: parts[1] }, language);
    }
    default:
      throw cannotBeSet(field, language);
  }
}

/** A JSON literal, or the text itself (Swift's `FieldValue.parseLiteral`). */
function parseLiteral(text) {
  if (/^\s|\s$/.test(text)) return text;
  try {
    return parseJSON(text);
  } catch {
    return text;
  }
}

function cannotBeSet(field, language) {
  return invalid(field, language, `${field.name} adalah ${field.type} dan tidak bisa diisi`, `field ${field.name} is a ${field.type} and cannot be set`);
}

/**
 * Checks a wire value against `field`'s type and returns it as stored (Swift's
 * `FieldDefinition.check`): null passes (required is the form's business); a geopoint keeps only
 * `lat` and `lon`; a calculate field takes a string, boolean or finite number.
 * @param {object} field
 * @param {unknown} value
 * @param {string} [language]
 * @returns {unknown}
 * @throws {Error} code `invalid_value`, with `field`
 */
export function checkValue(field, value, language) {
  if (value === null || value === undefined) return null;
  const type = field.type;
  const kind = typeName(value);
  if ((type === "text" && kind === "string") || (type === "integer" && kind === "integer") || (type === "boolean" && kind === "boolean")) {
    return value;
  }
  if ((type === "decimal" || type === "calculate") && (kind === "integer" || (kind === "decimal" && Number.isFinite(value)))) return value;
  if (type === "calculate" && (kind === "string" || kind === "boolean")) return value;
  if (type === "date" && kind === "string") {
    if (!isDate(value)) throw invalid(field, language, `"${value}" bukan tanggal (TTTT-BB-HH)`, `"${value}" is not a date (YYYY-MM-DD)`);
    return value;
  }
  if (type === "choice" && kind === "string") {
    checkChoice(field, value, language);
    return value;
  }
  if (type === "multichoice" && kind === "array") {
    const seen = new Set();
    for (const item of value) {
      if (typeof item !== "string") throw invalid(field, language, "pilihan harus berupa teks", "choices must be strings");
      checkChoice(field, item, language);
      if (seen.has(item)) throw invalid(field, language, `"${item}" dipilih dua kali`, `"${item}" is chosen twice`);
      seen.add(item);
    }
    return value;
  }
  if (type === "geopoint" && kind === "object") {
    const keys = Object.keys(value);
    const lat = toNumber(value.lat), lon = toNumber(value.lon);
    if (keys.length !== 2 || lat === undefined || lon === undefined || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw invalid(field, language, 'lokasi perlu "lat" -90…90 dan "lon" -180…180', 'a location needs "lat" in -90…90 and "lon" in -180…180');
    }
    return { lat, lon };
  }
  if (!isInput(type) && type !== "calculate") throw cannotBeSet(field, language);
  throw invalid(field, language, `harus ${type}, bukan ${kind}`, `expected ${type}, got ${kind}`);
}

function toNumber(member) {
  if (typeof member === "number") return member;
  if (typeof member === "bigint") return Number(member);
  return undefined;
}

function checkChoice(field, name, language) {
  if ((field.choices ?? []).some((choice) => choice.name === name)) return;
  const allowed = (field.choices ?? []).map((choice) => `"${choice.name}"`).join(", ");
  throw invalid(field, language, `"${name}" tidak ada di pilihan: ${allowed}`, `"${name}" is not one of the choices: ${allowed}`);
}
