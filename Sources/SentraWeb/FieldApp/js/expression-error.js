// expression-error.js: why a form expression could not be parsed (SentraCore's ExpressionError).
//
// The codes are the raw values of `ExpressionError.Code`, which are also the `error` values of
// Tests/Fixtures/expression-cases.json: `syntax`, `unknownFunction`, `wrongArgumentCount`,
// `invalidRegex`, `bareName`, `tooDeep`. (They are camelCase, unlike the protocol's snake_case
// codes, because the shared case file spells them so.) Match `code`, never the message.

import { sentraError } from "./errors.js";

/** The codes of expression errors, as `ExpressionError.Code`. */
export const ExpressionErrorCode = Object.freeze({
  syntax: "syntax",
  unknownFunction: "unknownFunction",
  wrongArgumentCount: "wrongArgumentCount",
  invalidRegex: "invalidRegex",
  bareName: "bareName",
  tooDeep: "tooDeep",
});

/**
 * An expression error: `code`, a one-line `message` ending with the position ("at character
 * N", counted in code points from 1), and `offset` (counted from 0).
 * @param {string} code one of ExpressionErrorCode
 * @param {string} message
 * @param {number} offset
 * @returns {Error & {code: string, offset: number}}
 */
export function expressionError(code, message, offset) {
  const error = sentraError(code, message);
  error.offset = offset;
  return error;
}
