// expression-parser.js: a recursive-descent parser for form expressions, one function per
// grammar rule, as SentraCore's ExpressionParser:
//
//   expression     := or
//   or             := and ("or" and)*
//   and            := comparison ("and" comparison)*
//   comparison     := additive (("=" | "!=" | "<" | "<=" | ">" | ">=") additive)?
//   additive       := multiplicative (("+" | "-") multiplicative)*
//   multiplicative := unary (("*" | "div" | "mod") unary)*
//   unary          := "-" unary | primary
//   primary        := number | string | "." | "${" name "}" | function "(" [expression ("," expression)*] ")"
//                   | "(" expression ")" | name
//
// The syntax tree (Swift's indirect enum ExpressionNode) is plain objects:
//   {type: "number", value} | {type: "string", value} | {type: "current"} | {type: "field", name}
//   | {type: "column", name} | {type: "negate", operand} | {type: "binary", op, left, right}
//   | {type: "call", name, arguments}
// `op` is spelled as in the text: or and = != < <= > >= + - * div mod.
//
// Limits: at most MAXIMUM_LENGTH code points, a tree at most MAXIMUM_DEPTH deep (a literal is 1,
// an operator or call one more than its deepest operand), and brackets, calls and minus signs
// nested at most as deep.

import { ExpressionErrorCode as Code, expressionError } from "./expression-error.js";
import { FUNCTIONS, compileRegex, regexReason } from "./expression-functions.js";
import { KEYWORDS, quoted, tokenize } from "./expression-tokenizer.js";

/** The deepest syntax tree allowed (`FormExpression.maximumDepth`). */
export const MAXIMUM_DEPTH = 64;
/** The longest text allowed, in code points (`FormExpression.maximumLength`). */
export const MAXIMUM_LENGTH = 20_000;

const COMPARISONS = new Set(["=", "!=", "<", "<=", ">", ">="]);

/**
 * The syntax tree of `text`.
 * @param {string} text
 * @param {"field"|"choiceFilter"} kind `choiceFilter` allows bare names (choice columns)
 * @returns {object} the root node
 * @throws {Error} an expression error (expression-error.js)
 */
export function parseTree(text, kind) {
  const chars = Array.from(text);
  if (chars.length > MAXIMUM_LENGTH) {
    throw expressionError(Code.tooDeep, `the expression is longer than ${MAXIMUM_LENGTH} characters`, MAXIMUM_LENGTH);
  }
  const tokens = tokenize(chars);
  if (tokens.length <= 1) throw expressionError(Code.syntax, "the expression is empty", 0);
  const parser = new Parser(tokens, kind);
  const root = parser.parseOr().node;
  if (parser.current.kind !== "end") throw parser.error(Code.syntax, `unexpected ${quoted(parser.current)}`, parser.current);
  return root;
}

class Parser {
  constructor(tokens, kind) {
    this.tokens = tokens;
    this.kind = kind;
    this.index = 0;
    this.nesting = 0;
  }

  get current() { return this.tokens[this.index]; }

  advance() { this.index = Math.min(this.index + 1, this.tokens.length - 1); }

  isSymbol(symbol) { return this.current.kind === "symbol" && this.current.value === symbol; }

  isKeyword(word) { return this.current.kind === "name" && this.current.value === word; }

  error(code, text, token) {
    return expressionError(code, `${text} at character ${token.offset + 1}`, token.offset);
  }

  /** A node of `depth`, refused past the depth limit. */
  node(node, depth, token) {
    if (depth > MAXIMUM_DEPTH) throw this.tooDeep(token);
    return { node, depth };
  }

  combine(op, left, right, token) {
    return this.node({ type: "binary", op, left: left.node, right: right.node }, 1 + Math.max(left.depth, right.depth), token);
  }

  tooDeep(token) {
    return this.error(Code.tooDeep, `the expression nests more than ${MAXIMUM_DEPTH} levels deep`, token);
  }

  /** Enters a bracket, call or minus sign; refused past the depth limit. */
  enter(token) {
    this.nesting += 1;
    if (this.nesting > MAXIMUM_DEPTH) throw this.tooDeep(token);
  }

  parseOr() {
    let left = this.parseAnd();
    while (this.isKeyword("or")) {
      const token = this.current;
      this.advance();
      left = this.combine("or", left, this.parseAnd(), token);
    }
    return left;
  }

  parseAnd() {
    let left = this.parseComparison();
    while (this.isKeyword("and")) {
      const token = this.current;
      this.advance();
      left = this.combine("and", left, this.parseComparison(), token);
    }
    return left;
  }

  comparison() {
    return this.current.kind === "symbol" && COMPARISONS.has(this.current.value) ? this.current.value : null;
  }

  /** One comparison at most: `a < b < c` is refused rather than read as `(a < b) < c`. */
  parseComparison() {
    const left = this.parseAdditive();
    const op = this.comparison();
    if (op === null) return left;
    const token = this.current;
    this.advance();
    const result = this.combine(op, left, this.parseAdditive(), token);
    if (this.comparison() !== null) {
      throw this.error(Code.syntax, 'comparisons cannot be chained: join them with "and"', this.current);
    }
    return result;
  }

  parseAdditive() {
    let left = this.parseMultiplicative();
    while (this.isSymbol("+") || this.isSymbol("-")) {
      const token = this.current;
      this.advance();
      left = this.combine(token.value, left, this.parseMultiplicative(), token);
    }
    return left;
  }

  parseMultiplicative() {
    let left = this.parseUnary();
    while (this.isSymbol("*") || this.isKeyword("div") || this.isKeyword("mod")) {
      const token = this.current;
      this.advance();
      left = this.combine(token.value, left, this.parseUnary(), token);
    }
    return left;
  }

  parseUnary() {
    if (!this.isSymbol("-")) return this.parsePrimary();
    const token = this.current;
    this.enter(token);
    this.advance();
    const operand = this.parseUnary();
    this.nesting -= 1;
    return this.node({ type: "negate", operand: operand.node }, operand.depth + 1, token);
  }

  parsePrimary() {
    const token = this.current;
    switch (token.kind) {
      case "number":
      case "string":
        this.advance();
        return { node: { type: token.kind, value: token.value }, depth: 1 };
      case "dot":
        this.advance();
        return { node: { type: "current" }, depth: 1 };
      case "field":
        this.advance();
        return { node: { type: "field", name: token.value }, depth: 1 };
      case "name":
        this.advance();
        if (this.isSymbol("(")) return this.parseCall(token.value, token);
        return this.bareName(token.value, token);
      case "end":
        throw this.error(Code.syntax, "expected a value", token);
      default:
        if (token.value === "(") {
          this.enter(token);
          this.advance();
          const inner = this.parseOr();
          if (!this.isSymbol(")")) throw this.error(Code.syntax, 'expected ")"', this.current);
          this.advance();
          this.nesting -= 1;
          return inner;
        }
        throw this.error(Code.syntax, `expected a value but found ${quoted(token)}`, token);
    }
  }

  /** A name not followed by `(`: a choice column in a choice_filter, a mistake elsewhere. */
  bareName(name, token) {
    if (KEYWORDS.has(name)) throw this.error(Code.syntax, `expected a value before "${name}"`, token);
    if (this.kind === "choiceFilter") return { node: { type: "column", name }, depth: 1 };
    if (FUNCTIONS.has(name)) throw this.error(Code.syntax, `write ${name}(…) with brackets`, token);
    throw this.error(Code.bareName, `write \${${name}} instead of ${name} (a bare name only works in a choice_filter)`, token);
  }

  /** `name(arguments…)`, the current token being `(`. */
  parseCall(name, token) {
    const fn = FUNCTIONS.get(name);
    if (!fn) throw this.error(Code.unknownFunction, `unknown function "${name}()"`, token);
    this.enter(token);
    this.advance();
    const args = [], argumentTokens = [];
    if (this.isSymbol(")")) {
      this.advance();
    } else {
      while (true) {
        argumentTokens.push(this.current);
        args.push(this.parseOr());
        if (this.isSymbol(",")) {
          this.advance();
          continue;
        }
        if (!this.isSymbol(")")) throw this.error(Code.syntax, 'expected "," or ")"', this.current);
        this.advance();
        break;
      }
    }
    this.nesting -= 1;
    if (args.length !== fn.arity) {
      const needs = fn.arity === 0 ? "takes no arguments"
        : fn.arity === 1 ? `needs 1 argument (${fn.argumentNames})`
          : `needs ${fn.arity} arguments (${fn.argumentNames})`;
      throw this.error(Code.wrongArgumentCount, `${name}() ${needs}, not ${args.length},`, token);
    }
    if (name === "regex" && args[1].node.type === "string") {
      const pattern = args[1].node.value;
      try {
        compileRegex(pattern);
      } catch (error) {
        throw this.error(Code.invalidRegex, `invalid regular expression '${pattern}': ${regexReason(error)}`, argumentTokens[1]);
      }
    }
    const depth = 1 + Math.max(0, ...args.map((a) => a.depth));
    return this.node({ type: "call", name, arguments: args.map((a) => a.node) }, depth, token);
  }
}
