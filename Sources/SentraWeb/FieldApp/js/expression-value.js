// expression-value.js: the values of form expressions and the conversions between them, as
// SentraCore's ExpressionValue (ExpressionValue.swift, ExpressionValue+Number.swift).
//
// Swift's `enum ExpressionValue { case string, number(Double), boolean }` maps onto JavaScript's
// own primitives: a string, a Number (a double, as Swift's Double) and a boolean. `typeof` tells
// the case. Swift formats numbers exactly as JavaScript's `String(n)` does, so `format` here is
// `String` itself, and `parseDecimal` is the same small grammar (not `Number()`, which reads
// "1e3", "0x10" and "" too).

/** Whitespace between tokens and around a number read from text: space, tab, CR, LF. */
export function isWhitespace(ch) {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

/**
 * A string read as a number, as `ExpressionValue.parseDecimal`: after trimming space, tab, CR
 * and LF, an optional sign, then digits with at most one `.` and at least one digit. Anything
 * else (`""`, `1e3`, `0x10`, `Infinity`, `1,5`) is NaN.
 * @param {string} text
 * @returns {number}
 */
export function parseDecimal(text) {
  const match = /^[ \t\r\n]*([+-]?)([0-9]*)(?:\.([0-9]*))?[ \t\r\n]*$/.exec(text);
  if (!match) return NaN;
  const [, sign, whole, fraction = ""] = match;
  if (whole === "" && fraction === "") return NaN;
  return Number(`${sign === "-" ? "-" : ""}${whole || "0"}.${fraction || "0"}`);
}

/**
 * A number as text: JavaScript's `String(n)`, which `ExpressionValue.format` reproduces in Swift
 * (`3`, `0.5`, `1e+21`, `NaN`; `-0` is `0`).
 * @param {number} number
 * @returns {string}
 */
export function format(number) {
  return String(number);
}

/**
 * A finite, non-negative number as a plain decimal with no exponent, for the canonical text of a
 * literal (`ExpressionValue.plainDecimal`): `1e21` is `1000000000000000000000`.
 * @param {number} number
 * @returns {string}
 */
export function plainDecimal(number) {
  if (!Number.isFinite(number) || number <= 0) return number === 0 ? "0" : format(number);
  // toExponential() with no argument gives the shortest round-trip digits, as Swift's description.
  const [mantissa, exponentText] = number.toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const n = Number(exponentText) + 1; // the number is 0.d1…dk × 10^n
  if (n >= digits.length) return digits + "0".repeat(n - digits.length);
  if (n > 0) return `${digits.slice(0, n)}.${digits.slice(n)}`;
  return `0.${"0".repeat(-n)}${digits}`;
}

/**
 * A value as a boolean: a number is true unless 0 or NaN, a string unless empty.
 * @param {string|number|boolean} value
 * @returns {boolean}
 */
export function toBoolean(value) {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  return value !== "";
}

/**
 * A value as a number: a boolean is 1 or 0, a string is read by `parseDecimal`.
 * @param {string|number|boolean} value
 * @returns {number}
 */
export function toNumber(value) {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  return parseDecimal(value);
}

/**
 * A value as a string: `"true"`/`"false"`, a number by `format`.
 * @param {string|number|boolean} value
 * @returns {string}
 */
export function toText(value) {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return format(value);
  return value;
}

/** A JSON number member as Swift's `FieldValue.numberValue` reads it: a Number or a BigInt. */
function numberValue(value) {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  return undefined;
}

/**
 * A record field's value as an expression sees it (`ExpressionValue.init(_: FieldValue?)`):
 * missing and `null` are `""`; a string, number or boolean is itself (a BigInt integer becomes
 * a Number, as Swift's `Double(Int64)`); an array is its items as strings joined with one space;
 * a geopoint `{lat, lon}` is `"LAT LON"`; any other object is `""`.
 * @param {unknown} value
 * @returns {string|number|boolean}
 */
export function fromField(value) {
  if (value === undefined || value === null) return "";
  switch (typeof value) {
    case "boolean":
    case "number":
    case "string":
      return value;
    case "bigint":
      return Number(value);
    case "object":
      if (Array.isArray(value)) return value.map((item) => toText(fromField(item))).join(" ");
      {
        const lat = numberValue(value.lat), lon = numberValue(value.lon);
        if (lat !== undefined && lon !== undefined) return `${format(lat)} ${format(lon)}`;
      }
      return "";
    default:
      return "";
  }
}

/**
 * Compares two strings by Unicode code points (Swift's `StringOrder`), not by UTF-16 units as
 * JavaScript's `<` does: the two differ for characters beyond U+FFFF.
 * @param {string} a
 * @param {string} b
 * @returns {number} negative, 0 or positive
 */
export function compareCodePoints(a, b) {
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i), y = b.codePointAt(j);
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return (a.length - i) - (b.length - j);
}
