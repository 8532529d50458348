// The shared merge cases (Tests/Fixtures/merge-cases.json: the Swift scenario and regression tests
// and the worked examples of semantics.md, as data) run through the JS merge: once on a bare record
// state (record.js, as Swift's RecordState tests do) and once through an in-memory replica
// (replica-core.js), in every delivery order the case lists.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { test } from "node:test";
import * as C from "../js/change.js";
import { parse } from "../js/json.js";
import * as R from "../js/record.js";
import { Replica } from "../js/replica-core.js";
import * as VV from "../js/version-vector.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const fixture = parse(readFileSync(path.join(root, "Tests/Fixtures/merge-cases.json"), "utf8"));

const dot = (e) => `${e.node}:${e.counter}`;

function policyOf(policy) {
  if (policy === undefined) return () => "flag";
  if (policy === "lww") return () => "lww";
  return (field) => policy[field] ?? "flag";
}

function check(state, conflicts, expect, where) {
  if ("deleted" in expect) assert.equal(R.isDeleted(state), expect.deleted, `${where}: deleted`);
  if ("form" in expect) assert.equal(state.form, expect.form, `${where}: form`);
  if ("display" in expect) assert.deepEqual(R.displayValues(state), expect.display, `${where}: display values`);
  if ("context" in expect) assert.deepEqual(VV.toObject(state.ctx), expect.context, `${where}: context`);
  if ("fields" in expect) {
    const fields = Object.fromEntries([...state.fields.keys()].sort().map((f) => [f, R.entriesOf(state, f).map(dot)]));
    assert.deepEqual(fields, expect.fields, `${where}: entries`);
  }
  if ("conflicts" in expect) {
    const actual = conflicts.map((c) => {
      const shown = { field: c.field, entries: c.entries.map(dot), values: c.entries.map((e) => e.value), displayed: dot(c.displayed) };
      return shown;
    });
    const wanted = expect.conflicts.map(({ displayedValue, ...rest }) => rest);
    assert.deepEqual(actual, wanted, `${where}: conflicts`);
    expect.conflicts.forEach((c, i) => {
      if ("displayedValue" in c) assert.deepEqual(conflicts[i].displayed.value, c.displayedValue, `${where}: displayed value`);
    });
  }
}

test("the fixture holds the merge cases", () => {
  assert.ok(fixture.cases.length >= 15);
});

for (const kase of fixture.cases) {
  test(`merge case: ${kase.name}`, () => {
    const changes = Object.fromEntries(Object.entries(kase.changes).map(([name, wire]) => [name, C.fromWire(wire)]));
    const recordId = kase.expect.record ?? "usaha-1";
    const policy = policyOf(kase.policy);
    const winners = new Set();
    for (const order of kase.orders) {
      const where = `order ${order.join(",")}`;
      // Record level: only this record's changes, applied as given.
      const state = R.emptyRecord(recordId);
      for (const name of order) if (changes[name].record === recordId) R.applyChange(state, changes[name]);
      check(state, R.conflicts(state, policy), kase.expect, `record, ${where}`);
      // Replica level: every change, through the causal and idempotent apply.
      const replica = new Replica("replay-node", { now: () => 0 });
      for (const name of order) replica.apply(changes[name]);
      const held = replica.records.get(recordId);
      check(held, replica.conflicts(policy).filter((c) => c.record === recordId), kase.expect, `replica, ${where}`);
      winners.add(JSON.stringify(R.conflicts(state, policy).map((c) => dot(c.displayed))));
    }
    assert.equal(winners.size, 1, "every order shows the same display winners");
  });
}
