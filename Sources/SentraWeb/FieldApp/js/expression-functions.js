// expression-functions.js: the seven functions of the form expression language and the regex
// rules (SentraCore's ExpressionFunction and ExpressionRegex).

/** Each function's number of arguments and, for messages, what they are. */
export const FUNCTIONS = new Map([
  ["not", { arity: 1, argumentNames: "a condition" }],
  ["selected", { arity: 2, argumentNames: "the list and the value" }],
  ["count-selected", { arity: 1, argumentNames: "the list" }],
  ["string-length", { arity: 1, argumentNames: "the text" }],
  ["regex", { arity: 2, argumentNames: "the text and the pattern" }],
  ["today", { arity: 0, argumentNames: "" }],
  ["if", { arity: 3, argumentNames: "the condition, the value if true and the value if false" }],
]);

/**
 * Compiles a `regex()` pattern. Swift compiles it as a `Regex` with Unicode-scalar semantics,
 * ASCII-only `\d` and `\w` and simple word boundaries; JavaScript's `RegExp` with the `u` flag
 * has all of these by default. The two parsers agree on the syntax Docs/expressions.md allows;
 * outside it they may differ (JavaScript's `u` flag refuses a lone `{` or `\-`, which Swift may
 * accept), so a pattern that only one accepts is refused by one side when the form is loaded.
 * @param {string} pattern
 * @returns {RegExp}
 * @throws {SyntaxError} when the pattern is not valid
 */
export function compileRegex(pattern) {
  return new RegExp(pattern, "u");
}

/**
 * The non-empty items of a list separated by spaces (U+0020 only).
 * @param {string} list
 * @returns {string[]}
 */
export function items(list) {
  return list.split(" ").filter((item) => item !== "");
}

/**
 * The first line of a regex parser error, for a message.
 * @param {unknown} error
 * @returns {string}
 */
export function regexReason(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").find((line) => line !== "") ?? "not valid";
}
