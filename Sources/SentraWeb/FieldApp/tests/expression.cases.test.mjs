// The shared cases of Tests/Fixtures/expression-cases.json, which Swift's ExpressionCaseFileTests
// runs too: each expression must give exactly the JSON result, or fail with the error code.
// Each case is read as Swift reads it: `kind` "choiceFilter" allows bare names, anything else is
// "field"; `current` and `fields` are field values (read with json.js, so integers stay
// integers); `choice` keeps only its string members; `today` defaults to "2026-12-02".

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { ExpressionErrorCode, parseExpression } from "../js/expression.js";
import { parse } from "../js/json.js";

const file = new URL("../../../../Tests/Fixtures/expression-cases.json", import.meta.url);
const cases = parse(readFileSync(file, "utf8"));

/** Swift's `ExpressionValue ==`: the same case and an equal payload (0 equals -0; NaN nothing). */
function same(actual, expected) {
  return typeof actual === typeof expected && actual === expected;
}

test("the case file holds at least 80 cases and every error code", () => {
  assert.ok(Array.isArray(cases) && cases.length >= 80);
  const codes = new Set(cases.filter((c) => typeof c.error === "string").map((c) => c.error));
  assert.deepEqual([...codes].sort(), Object.values(ExpressionErrorCode).sort());
});

test("every case gives its result or its error code", () => {
  let passed = 0;
  cases.forEach((item, index) => {
    const kind = item.kind === "choiceFilter" ? "choiceFilter" : "field";
    const label = `case ${index}: ${item.expression.slice(0, 80)}`;
    if (typeof item.error === "string") {
      let parsed;
      try {
        parsed = parseExpression(item.expression, kind);
      } catch (error) {
        assert.equal(error.code, item.error, `${label}: ${error.message}`);
        passed++;
        return;
      }
      assert.fail(`${label}: parsed as ${parsed.canonical}, expected error ${item.error}`);
    }
    const expression = parseExpression(item.expression, kind);
    const choice = Object.fromEntries(Object.entries(item.choice ?? {}).filter(([, v]) => typeof v === "string"));
    const context = {
      current: item.current,
      fields: item.fields && typeof item.fields === "object" && !Array.isArray(item.fields) ? item.fields : {},
      choice,
      today: typeof item.today === "string" ? item.today : "2026-12-02",
    };
    let expected = item.result;
    if (typeof expected === "bigint") expected = Number(expected);
    assert.ok(["boolean", "string", "number"].includes(typeof expected), `${label}: no result`);
    const actual = expression.evaluate(context);
    assert.ok(same(actual, expected), `${label}: got ${JSON.stringify(actual)} (${typeof actual}), expected ${JSON.stringify(expected)}`);
    passed++;
  });
  assert.equal(passed, cases.length);
});
