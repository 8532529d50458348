// expression-evaluator.js: evaluates a syntax tree against a context (SentraCore's
// ExpressionEvaluator). Total: every tree gives a value for every context.

import { compileRegex, items } from "./expression-functions.js";
import { compareCodePoints, fromField, toBoolean, toNumber, toText } from "./expression-value.js";

/** A member of a plain object or a Map, without reading the object's prototype. */
function lookup(source, name) {
  if (!source) return undefined;
  if (source instanceof Map) return source.get(name);
  return Object.hasOwn(source, name) ? source[name] : undefined;
}

/**
 * `=`: as booleans if either side is one, else as numbers if either is one, else as strings
 * (code point by code point; no Unicode normalisation, as Swift's `StringOrder`).
 */
export function equal(left, right) {
  if (typeof left === "boolean" || typeof right === "boolean") return toBoolean(left) === toBoolean(right);
  if (typeof left === "number" || typeof right === "number") return toNumber(left) === toNumber(right);
  return left === right;
}

/**
 * `<`, `<=`, `>`, `>=`: as numbers if both sides read as numbers (not NaN), else by code points
 * if both are strings, else false.
 */
function order(left, right, test) {
  const a = toNumber(left), b = toNumber(right);
  if (!Number.isNaN(a) && !Number.isNaN(b)) return test(a < b ? -1 : a > b ? 1 : 0);
  if (typeof left === "string" && typeof right === "string") return test(compareCodePoints(left, right));
  return false;
}

/**
 * The value of `node` in `context`.
 * @param {object} node a syntax tree (expression-parser.js)
 * @param {{current?: unknown, fields?: object|Map, choice?: object|Map, today: string}} context
 * @param {Map<string, RegExp|null>} patterns the string-literal `regex()` patterns, compiled once
 * @returns {string|number|boolean}
 */
export function evaluateNode(node, context, patterns) {
  const value = (n) => evaluateNode(n, context, patterns);
  switch (node.type) {
    case "number":
    case "string":
      return node.value;
    case "current": return fromField(context.current);
    case "field": return fromField(lookup(context.fields, node.name));
    case "column": {
      const column = lookup(context.choice, node.name);
      return typeof column === "string" ? column : "";
    }
    case "negate": return -toNumber(value(node.operand));
    case "binary": return binary(node, value);
    case "call": return call(node, value, context, patterns);
  }
  throw new Error(`unknown node ${node.type}`);
}

function binary({ op, left: leftNode, right: rightNode }, value) {
  // `and` and `or` do not evaluate their right side when the left decides.
  if (op === "or") return toBoolean(value(leftNode)) || toBoolean(value(rightNode));
  if (op === "and") return toBoolean(value(leftNode)) && toBoolean(value(rightNode));
  const left = value(leftNode), right = value(rightNode);
  switch (op) {
    case "=": return equal(left, right);
    case "!=": return !equal(left, right);
    case "<": return order(left, right, (c) => c < 0);
    case "<=": return order(left, right, (c) => c <= 0);
    case ">": return order(left, right, (c) => c > 0);
    case ">=": return order(left, right, (c) => c >= 0);
    case "+": return toNumber(left) + toNumber(right);
    case "-": return toNumber(left) - toNumber(right);
    case "*": return toNumber(left) * toNumber(right);
    case "div": return toNumber(left) / toNumber(right);
    // JavaScript's % is Swift's truncatingRemainder: the sign of the left side.
    case "mod": return toNumber(left) % toNumber(right);
  }
  throw new Error(`unknown operator ${op}`);
}

function call({ name, arguments: args }, value, context, patterns) {
  // The parser checked the number of arguments; `argument` still never throws.
  const argument = (i) => (i < args.length ? value(args[i]) : "");
  switch (name) {
    case "not": return !toBoolean(argument(0));
    case "selected": {
      const list = toText(argument(0)), item = toText(argument(1));
      return items(list).includes(item);
    }
    case "count-selected": return items(toText(argument(0))).length;
    case "string-length": return Array.from(toText(argument(0))).length;
    case "regex": {
      const text = toText(argument(0)), pattern = toText(argument(1));
      let regex = patterns.get(pattern);
      if (regex === undefined) {
        // A pattern computed at run time: compiled for this evaluation; invalid never matches.
        try { regex = compileRegex(pattern); } catch { regex = null; }
      }
      return regex !== null && regex.test(text);
    }
    case "today": return context.today;
    case "if": return toBoolean(argument(0)) ? argument(1) : argument(2);
  }
  throw new Error(`unknown function ${name}`);
}
