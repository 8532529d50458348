// Unit checks of expression.js beyond the shared case file, ported from Swift's
// ExpressionParserTests: canonical text, references, messages and offsets, limits.

import assert from "node:assert/strict";
import { test } from "node:test";
import { MAXIMUM_DEPTH, MAXIMUM_LENGTH, parseExpression, parseDecimal, toText } from "../js/expression.js";

const canonical = (text, kind) => parseExpression(text, kind).canonical;
const failure = (text, kind) => {
  try {
    parseExpression(text, kind);
    return null;
  } catch (error) {
    return error;
  }
};

test("precedence: or < and < comparison < additive < multiplicative < unary", () => {
  assert.equal(canonical("1 or 2 and 3"), "(1 or (2 and 3))");
  assert.equal(canonical("1 = 2 and 3 != 4"), "((1 = 2) and (3 != 4))");
  assert.equal(canonical("1 + 2 * 3 < 4 - 5 div 6 mod 7"), "((1 + (2 * 3)) < (4 - ((5 div 6) mod 7)))");
  assert.equal(canonical("-1 * -(2 + 3)"), "(-1 * -(2 + 3))");
  assert.equal(canonical("1 - 2 - 3"), "((1 - 2) - 3)");
  assert.equal(canonical(". >= 0 and . <= 500"), "((. >= 0) and (. <= 500))");
});

test("literals: numbers in plain decimals, strings in either quote", () => {
  assert.equal(canonical("007.50"), "7.5");
  assert.equal(canonical("100000000000000000000000"), "100000000000000000000000");
  assert.equal(canonical("0.0000001"), "0.0000001");
  assert.equal(canonical("\"it's\""), "\"it's\"");
  assert.equal(canonical("'say \"hi\"'"), "'say \"hi\"'");
  assert.equal(canonical("\"plain\""), "'plain'");
  assert.equal(canonical("''"), "''");
});

test("names, minus and keywords", () => {
  assert.equal(canonical("count-selected(${a})"), "count-selected(${a})");
  assert.equal(canonical("${a}-1"), "(${a} - 1)");
  assert.equal(canonical(".-1"), "(. - 1)");
  assert.equal(canonical("2-1"), "(2 - 1)");
  assert.equal(canonical("(1)-1"), "(1 - 1)");
  assert.equal(canonical("a-b = 1", "choiceFilter"), "(a-b = 1)");
  assert.equal(canonical("a - b", "choiceFilter"), "(a - b)");
  assert.equal(canonical("${kode-desa}"), "${kode-desa}");
  assert.equal(canonical("${a}and${b}"), "(${a} and ${b})");
  assert.equal(canonical("(1)or(2)"), "(1 or 2)");
  assert.equal(canonical("6 div 2 mod 4"), "((6 div 2) mod 4)");
  assert.equal(failure("${a} anda ${b}")?.code, "syntax");
});

test("what an expression reads: fields in first-use order, '.', choice columns", () => {
  const expression = parseExpression("desa = ${desa} and ${kec} = kec or ${desa} = '' and . > 1", "choiceFilter");
  assert.deepEqual(expression.fieldReferences, ["desa", "kec"]);
  assert.deepEqual(expression.choiceColumns, ["desa", "kec"]);
  assert.equal(expression.usesCurrentValue, true);
  const plain = parseExpression("${sektor} = 'pangan'");
  assert.deepEqual(plain.fieldReferences, ["sektor"]);
  assert.deepEqual(plain.choiceColumns, []);
  assert.equal(plain.usesCurrentValue, false);
});

test("syntax errors say what was expected and where, counting characters from 1", () => {
  const cases = [
    ["", "the expression is empty"],
    ["   ", "the expression is empty"],
    ["(1 + 2", 'expected ")" at character 7'],
    ["1 +", "expected a value at character 4"],
    ["1 + )", 'expected a value but found ")" at character 5'],
    ["1 2", 'unexpected "2" at character 3'],
    ["1 < 2 < 3", 'comparisons cannot be chained: join them with "and" at character 7'],
    ["'abc", "unterminated string starting at character 1: add the closing '"],
    ["${a} == 1", 'use "=" instead of "==" at character 6'],
    ["${a} && 1", 'use "and" instead of "&&" at character 6'],
    ["${a} || 1", 'use "or" instead of "||" at character 6'],
    ["${a} / 2", 'use "div" instead of "/" at character 6'],
    ["${a} % 2", 'use "mod" instead of "%" at character 6'],
    ["!${a}", 'use "not(…)" or "!=" instead of "!" at character 1'],
    ["${}", 'expected a field name after "${" at character 3'],
    ["${a.b}", 'expected "}" at character 4'],
    ["$a", 'unexpected "$" at character 1: write a field as ${name}'],
    ["1 # 2", 'unexpected "#" at character 3'],
    ["1 \u00a0", "unexpected character U+00A0 at character 3"],
    ["and 1", 'expected a value before "and" at character 1'],
    ["today", "write today(…) with brackets at character 1"],
    ["1.", 'unexpected "." at character 2'],
    ["selected(${a} ${b})", 'expected "," or ")" at character 15'],
    ["1" + "0".repeat(400), "number 10000000000000000000… is too large at character 1"],
    // Offsets count code points: the emoji is one character, as in Swift.
    ["'\u{1F600}' 1", 'unexpected "1" at character 5'],
  ];
  for (const [text, message] of cases) {
    const error = failure(text);
    assert.equal(error?.code, "syntax", text);
    assert.equal(error?.message, message, text);
  }
  assert.equal(failure("(1 + 2")?.offset, 6);
});

test("unknown functions, wrong argument counts, invalid regexes, bare names", () => {
  const unknown = failure("1 + concat(${a}, 'x')");
  assert.equal(unknown?.code, "unknownFunction");
  assert.equal(unknown?.message, 'unknown function "concat()" at character 5');
  assert.equal(unknown?.offset, 4);
  assert.equal(failure("and(1, 2)")?.code, "unknownFunction");
  const count = failure("if(${a}, 1)");
  assert.equal(count?.code, "wrongArgumentCount");
  assert.equal(count?.message, "if() needs 3 arguments (the condition, the value if true and the value if false), not 2, at character 1");
  assert.equal(failure("today(1)")?.message, "today() takes no arguments, not 1, at character 1");
  assert.equal(failure("not()")?.message, "not() needs 1 argument (a condition), not 0, at character 1");
  const regex = failure("regex(., '[a-')");
  assert.equal(regex?.code, "invalidRegex");
  assert.equal(regex?.offset, 9);
  assert.ok(regex?.message.startsWith("invalid regular expression '[a-': "));
  assert.ok(regex?.message.endsWith(" at character 10"));
  assert.equal(failure("regex(., ${pola})"), null, "a pattern computed at run time is not checked when parsing");
  const bare = failure("desa = ${desa}");
  assert.equal(bare?.code, "bareName");
  assert.equal(bare?.message, "write ${desa} instead of desa (a bare name only works in a choice_filter) at character 1");
  assert.equal(failure("desa = ${desa}", "choiceFilter"), null);
});

test("hostile text: depth and length limits stop it before the stack does", () => {
  assert.equal(failure("(".repeat(10_000) + "1" + ")".repeat(10_000))?.code, "tooDeep");
  assert.equal(failure("-".repeat(5_000) + "1")?.code, "tooDeep");
  assert.equal(failure("not(".repeat(1_000) + "1" + ")".repeat(1_000))?.code, "tooDeep");
  assert.equal(failure(Array(5_000).fill("1").join("+"))?.code, "tooDeep");
  assert.equal(failure(" ".repeat(MAXIMUM_LENGTH + 1))?.code, "tooDeep");
  const atLimit = Array(MAXIMUM_DEPTH).fill("1").join(" + ");
  assert.equal(failure(atLimit), null);
  assert.equal(failure(atLimit + " + 1")?.code, "tooDeep");
  const brackets = "(".repeat(MAXIMUM_DEPTH) + "1" + ")".repeat(MAXIMUM_DEPTH);
  assert.equal(failure(brackets), null);
  assert.equal(failure("(" + brackets + ")")?.code, "tooDeep");
  const parsed = parseExpression(atLimit);
  assert.equal(parseExpression(parsed.canonical).canonical, parsed.canonical);
});

test("conversions: plain decimals only, numbers as String(n)", () => {
  assert.equal(parseDecimal(" 12.5 "), 12.5);
  assert.equal(parseDecimal("-.5"), -0.5);
  for (const bad of ["", ".", "+", "1e3", "0x10", "Infinity", "1,5", "1.2.3", "- 1"]) assert.ok(Number.isNaN(parseDecimal(bad)), bad);
  assert.equal(toText(3), "3");
  assert.equal(toText(-0), "0");
  assert.equal(toText(true), "true");
});

test("a record's values as expressions see them; prototype names are not fields", () => {
  const e = parseExpression("${constructor}");
  assert.equal(e.evaluate({ fields: {}, today: "2026-12-02" }), "");
  assert.equal(parseExpression("${n} + 1").evaluate({ fields: new Map([["n", 2n ** 60n]]), today: "" }), 2 ** 60 + 1);
  assert.equal(parseExpression("${g}").evaluate({ fields: { g: { lat: -6, lon: 107.5 } }, today: "" }), "-6 107.5");
});
