// expression.js: form expressions, the small XPath-like language of constraint, relevant,
// choice_filter and calculation (Docs/expressions.md), as SentraCore's FormExpression.
//
//   const rule = parseExpression(". >= 0 and . <= 500");
//   rule.evaluate({current: 12, today: "2026-12-02"});          // true
//   parseExpression("desa = ${desa}", "choiceFilter").choiceColumns  // ["desa"]
//
// Parse once when the form is loaded, evaluate per record. Evaluation never fails. Values are
// JavaScript strings, Numbers and booleans (expression-value.js). The modules behind it:
// expression-tokenizer.js, expression-parser.js, expression-evaluator.js, expression-functions.js,
// expression-value.js, expression-error.js.

import { evaluateNode } from "./expression-evaluator.js";
import { compileRegex } from "./expression-functions.js";
import { MAXIMUM_DEPTH, MAXIMUM_LENGTH, parseTree } from "./expression-parser.js";
import { plainDecimal } from "./expression-value.js";

export { ExpressionErrorCode } from "./expression-error.js";
export { MAXIMUM_DEPTH, MAXIMUM_LENGTH };
export { fromField, parseDecimal, toBoolean, toNumber, toText } from "./expression-value.js";

/**
 * @typedef {object} ExpressionContext what an expression is evaluated against
 * @property {unknown} [current] the value of `.` (a field value as on the wire); missing is `""`
 * @property {Object<string, unknown>|Map<string, unknown>} [fields] the record's values, read by `${name}`
 * @property {Object<string, string>|Map<string, string>} [choice] the columns of the choice being
 *   filtered (choice_filter only), read by bare names
 * @property {string} today today's date, `YYYY-MM-DD`, the value of `today()`
 */

/**
 * @typedef {object} Expression a parsed expression
 * @property {(context: ExpressionContext) => string|number|boolean} evaluate its value; never throws
 * @property {string[]} fieldReferences the fields read with `${name}`, each once, in first-use order
 * @property {string[]} choiceColumns the choice columns read by bare names, each once
 * @property {boolean} usesCurrentValue whether it reads `.`
 * @property {string} canonical the fully parenthesised text (Swift's `description`)
 * @property {string} text the text it was parsed from
 */

/**
 * Parses a form expression.
 * @param {string} text
 * @param {"field"|"choiceFilter"} [kind="field"] "choiceFilter" allows bare names (choice columns)
 * @returns {Expression}
 * @throws {Error} with `code` syntax, unknownFunction, wrongArgumentCount, invalidRegex,
 *   bareName or tooDeep, and `offset` (code points from 0)
 */
export function parseExpression(text, kind = "field") {
  const root = parseTree(text, kind);
  const nodes = [];
  visit(root, (node) => nodes.push(node));
  // The string-literal patterns of regex(), compiled once (the parser has checked them).
  const patterns = new Map();
  for (const node of nodes) {
    if (node.type === "call" && node.name === "regex" && node.arguments[1]?.type === "string") {
      const pattern = node.arguments[1].value;
      if (!patterns.has(pattern)) patterns.set(pattern, compileRegex(pattern));
    }
  }
  const unique = (type) => [...new Set(nodes.filter((n) => n.type === type).map((n) => n.name))];
  return Object.freeze({
    text,
    canonical: describe(root),
    fieldReferences: unique("field"),
    choiceColumns: unique("column"),
    usesCurrentValue: nodes.some((n) => n.type === "current"),
    evaluate: (context) => evaluateNode(root, context, patterns),
  });
}

/** Each node and its children, depth first, parents before children, left to right. */
function visit(node, body) {
  body(node);
  if (node.type === "negate") visit(node.operand, body);
  else if (node.type === "binary") {
    visit(node.left, body);
    visit(node.right, body);
  } else if (node.type === "call") for (const argument of node.arguments) visit(argument, body);
}

/** The canonical text: binary operations in parentheses, numbers as plain decimals. */
function describe(node) {
  switch (node.type) {
    case "number": return plainDecimal(node.value);
    case "string": return node.value.includes("'") ? `"${node.value}"` : `'${node.value}'`;
    case "current": return ".";
    case "field": return `\${${node.name}}`;
    case "column": return node.name;
    case "negate": return `-${describe(node.operand)}`;
    case "binary": return `(${describe(node.left)} ${node.op} ${describe(node.right)})`;
    case "call": return `${node.name}(${node.arguments.map(describe).join(", ")})`;
  }
  return "";
}
