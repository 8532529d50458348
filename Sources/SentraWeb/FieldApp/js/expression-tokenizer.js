// expression-tokenizer.js: splits a form expression into tokens (SentraCore's
// ExpressionTokenizer and ExpressionToken).
//
// The text is handled as an array of code points (Swift's Unicode scalars), so offsets in
// messages agree with Swift's even beyond U+FFFF.
//
// A token is `{kind, value, offset}`, kind one of "number" (value a Number), "string", "dot",
// "field" (value the name), "name", "symbol" (value the symbol text: = != < <= > >= + - * ( ) ,)
// and "end".

import { ExpressionErrorCode as Code, expressionError } from "./expression-error.js";
import { format, isWhitespace } from "./expression-value.js";

/** The words that are operators, never names of columns. */
export const KEYWORDS = new Set(["and", "or", "div", "mod"]);

const isDigit = (ch) => ch !== undefined && ch >= "0" && ch <= "9";
const isLetter = (ch) => ch !== undefined && ((ch >= "A" && ch <= "Z") || (ch >= "a" && ch <= "z"));
const isNameStart = (ch) => isLetter(ch) || ch === "_";
const isNameCharacter = (ch) => isLetter(ch) || isDigit(ch) || ch === "_" || ch === "-" || ch === ".";
const isFieldNameCharacter = (ch) => isLetter(ch) || isDigit(ch) || ch === "_" || ch === "-";

/** A character for a message: itself in quotes if printable ASCII, else its code point. */
function show(ch) {
  const value = ch.codePointAt(0);
  if (value >= 0x21 && value < 0x7f) return `"${ch}"`;
  return `character U+${value.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * The token as the author wrote it, for messages: `")"`, `"and"`, `the end of the expression`.
 * @param {{kind: string, value?: unknown}} token
 * @returns {string}
 */
export function quoted(token) {
  switch (token.kind) {
    case "number": return `"${format(token.value)}"`;
    case "string": return token.value.includes("'") ? `"${token.value}"` : `'${token.value}'`;
    case "dot": return '"."';
    case "field": return `"\${${token.value}}"`;
    case "name": return `"${token.value}"`;
    case "symbol": return `"${token.value}"`;
    default: return "the end of the expression";
  }
}

const hint = (text, offset) => expressionError(Code.syntax, `${text} at character ${offset + 1}`, offset);

/**
 * All the tokens of `chars`, ending with one "end" token.
 * @param {string[]} chars the text's code points (`Array.from(text)`)
 * @returns {{kind: string, value?: unknown, offset: number}[]}
 * @throws {Error} code `syntax`
 */
export function tokenize(chars) {
  const tokens = [];
  let position = 0;
  const peek = (ahead = 0) => chars[position + ahead];
  const take = (kind, value, length) => {
    const token = { kind, value, offset: position };
    position += length;
    return token;
  };

  while (true) {
    while (peek() !== undefined && isWhitespace(peek())) position++;
    const ch = peek();
    if (ch === undefined) break;
    const start = position;
    if (isDigit(ch)) {
      // digits ["." digits]; a "." not followed by a digit is left for the next token.
      while (isDigit(peek())) position++;
      if (peek() === "." && isDigit(peek(1))) {
        position++;
        while (isDigit(peek())) position++;
      }
      const text = chars.slice(start, position).join("");
      const value = Number(text);
      if (!Number.isFinite(value)) {
        throw expressionError(Code.syntax, `number ${text.slice(0, 20)}… is too large at character ${start + 1}`, start);
      }
      tokens.push({ kind: "number", value, offset: start });
    } else if (ch === "'" || ch === '"') {
      position++;
      while (peek() !== undefined && peek() !== ch) position++;
      if (peek() !== ch) {
        throw expressionError(Code.syntax, `unterminated string starting at character ${start + 1}: add the closing ${ch}`, start);
      }
      tokens.push({ kind: "string", value: chars.slice(start + 1, position).join(""), offset: start });
      position++;
    } else if (ch === "$") {
      if (peek(1) !== "{") throw expressionError(Code.syntax, `unexpected "$" at character ${start + 1}: write a field as \${name}`, start);
      position += 2;
      const nameStart = position;
      while (isFieldNameCharacter(peek())) position++;
      if (position === nameStart) {
        throw expressionError(Code.syntax, `expected a field name after "\${" at character ${position + 1}`, position);
      }
      if (peek() !== "}") throw expressionError(Code.syntax, `expected "}" at character ${position + 1}`, position);
      const name = chars.slice(nameStart, position).join("");
      position++;
      tokens.push({ kind: "field", value: name, offset: start });
    } else if (isNameStart(ch)) {
      position++;
      while (isNameCharacter(peek())) position++;
      tokens.push({ kind: "name", value: chars.slice(start, position).join(""), offset: start });
    } else {
      tokens.push(symbol(ch));
    }
  }
  tokens.push({ kind: "end", offset: chars.length });
  return tokens;

  function symbol(ch) {
    const start = position;
    switch (ch) {
      case ".": return take("dot", undefined, 1);
      case "=":
        if (peek(1) === "=") throw hint('use "=" instead of "=="', start);
        return take("symbol", "=", 1);
      case "!":
        if (peek(1) !== "=") throw hint('use "not(…)" or "!=" instead of "!"', start);
        return take("symbol", "!=", 2);
      case "<": return peek(1) === "=" ? take("symbol", "<=", 2) : take("symbol", "<", 1);
      case ">": return peek(1) === "=" ? take("symbol", ">=", 2) : take("symbol", ">", 1);
      case "+": case "-": case "*": case "(": case ")": case ",":
        return take("symbol", ch, 1);
      case "&": if (peek(1) === "&") throw hint('use "and" instead of "&&"', start); break;
      case "|": if (peek(1) === "|") throw hint('use "or" instead of "||"', start); break;
      case "/": throw hint('use "div" instead of "/"', start);
      case "%": throw hint('use "mod" instead of "%"', start);
    }
    throw expressionError(Code.syntax, `unexpected ${show(ch)} at character ${start + 1}`, start);
  }
}
