// json.js: a small JSON reader and writer for change bodies that keeps big integers exact.
//
// Why not JSON.parse: HLC timestamps (and any 64-bit integer field value) exceed 2^53, and
// JSON.parse rounds them to doubles before a reviver sees them; Node 20 and older browsers lack
// the reviver's source text and JSON.rawJSON. A rounded HLC is a corrupted change (a re-push is
// refused as `conflicting_dot`, protocol.md §8).
//
// Reading, as Swift's reader does for FieldValue (protocol.md §8):
// - an integer token (no fraction, no exponent) within Int64 is an integer: a Number when it is
//   a safe integer, a BigInt beyond 2^53; outside Int64 it is a decimal (Number);
// - other numbers are Numbers; `12.0` therefore reads as the integer 12;
// - a key repeated in one object is refused (`duplicate_key`), as the node refuses it;
// - objects are plain objects; keys are defined as own properties, so "__proto__" is data.
// Writing is canonical: sorted keys, no whitespace, BigInt as its digits, Map as an object.

import { sentraError } from "./errors.js";

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/**
 * Parses JSON text, keeping integers beyond 2^53 as BigInt.
 * @param {string} text
 * @returns {unknown}
 * @throws {Error} code `malformed_json` or `duplicate_key`
 */
export function parse(text) {
  let i = 0;
  const fail = (what) => {
    throw sentraError("malformed_json", `malformed JSON at offset ${i}: ${what}`);
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const literal = (word, value) => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail(`unexpected ${JSON.stringify(text.slice(i, i + 8))}`);
  };
  const string = () => {
    const start = i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail("control character in string");
      i += text[i] === "\\" ? 2 : 1;
    }
    if (i >= text.length) fail("unterminated string");
    i++;
    try {
      return JSON.parse(text.slice(start, i)); // a string token alone is exact: delegate escapes
    } catch {
      return fail("bad escape in string");
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!match) fail("bad number");
    i += match[0].length;
    if (match[2] === undefined && match[3] === undefined) {
      const big = BigInt(match[0]);
      if (big >= INT64_MIN && big <= INT64_MAX) {
        const small = Number(big);
        return Number.isSafeInteger(small) ? small : big;
      }
    }
    return Number(match[0]);
  };
  const value = (depth) => {
    if (depth > 256) fail("nested too deeply");
    space();
    const c = text[i];
    if (c === "{") {
      i++;
      const object = {};
      const seen = new Set();
      space();
      if (text[i] === "}") {
        i++;
        return object;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail("expected a key");
        const key = string();
        if (seen.has(key)) throw sentraError("duplicate_key", `key ${JSON.stringify(key)} repeated in one object`);
        seen.add(key);
        space();
        if (text[i++] !== ":") fail("expected ':'");
        Object.defineProperty(object, key, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return object;
        } else fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      const array = [];
      space();
      if (text[i] === "]") {
        i++;
        return array;
      }
      for (;;) {
        array.push(value(depth + 1));
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return array;
        } else fail("expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true", true);
    if (c === "f") return literal("false", false);
    if (c === "n") return literal("null", null);
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    return fail(c === undefined ? "unexpected end" : `unexpected ${JSON.stringify(c)}`);
  };
  const result = value(0);
  space();
  if (i !== text.length) fail("trailing characters");
  return result;
}

/**
 * Writes canonical JSON: sorted keys, no whitespace, BigInt as its digits, Map as an object.
 * Object members whose value is `undefined` are left out, as JSON.stringify does.
 * @param {unknown} value
 * @returns {string}
 */
export function stringify(value) {
  if (value === null) return "null";
  switch (typeof value) {
    case "bigint":
      return value.toString(10);
    case "number":
      if (!Number.isFinite(value)) throw sentraError("invalid_body", `${value} has no JSON form`);
      return JSON.stringify(value);
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map(stringify).join(",")}]`;
      const entries = value instanceof Map ? [...value] : Object.entries(value);
      const members = entries
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${JSON.stringify(String(k))}:${stringify(v)}`);
      return `{${members.join(",")}}`;
    }
    default:
      throw sentraError("invalid_body", `a ${typeof value} has no JSON form`);
  }
}
