// Unit tests of record.js (the merge rule, display winner, conflicts, resolve) and replica-core.js
// (local writes, causal and idempotent delivery that refuses instead of asserting).

import assert from "node:assert/strict";
import { test } from "node:test";
import * as HLC from "../js/hlc.js";
import * as R from "../js/record.js";
import { Replica } from "../js/replica-core.js";
import * as VV from "../js/version-vector.js";

const A = "aaaa000000000001";
const B = "bbbb000000000002";
const entry = (hlc, node, counter, value = null) => ({ hlc, node, counter, value });
const change = (origin, counter, ms, context, body) => ({
  origin, counter, hlc: HLC.pack(ms, 0), record: "usaha-1", form: "usaha", context: new Map(Object.entries(context)), ...body,
});
const created = change(A, 1, 100, {}, { set: { nama: "Konveksi Maju", pekerja: 5 } });

test("display winner: greatest hlc, then node ID as text, then counter", () => {
  assert.equal(R.displayWinner([entry(5n, B, 1), entry(6n, A, 1)]).node, A, "greater hlc wins");
  assert.equal(R.displayWinner([entry(6n, B, 1), entry(6n, A, 9)]).node, B, "tie on hlc: greater node wins");
  assert.equal(R.displayWinner([entry(6n, A, 2), entry(6n, A, 3), entry(6n, A, 1)]).counter, 3, "then counter");
  assert.equal(R.displayWinner([entry(6n, "b", 1), entry(6n, "B", 1)]).node, "b", "node IDs compare by code unit: 'b' > 'B'");
  assert.equal(R.displayWinner([entry(6n, "a", 1), entry(6n, "a-1", 1)]).node, "a-1", "a longer ID with the same prefix is greater");
  assert.equal(R.displayWinner([]), undefined);
  const x = entry(2n ** 60n + 1n, A, 1);
  assert.equal(R.displayWinner([entry(2n ** 60n, B, 1), x]), x, "BigInt HLCs compare exactly beyond 2^53");
});

test("concurrent edits of one field conflict, the same in both orders", () => {
  const x = change(A, 2, 200, { [A]: 1 }, { set: { pekerja: 6 } });
  const y = change(B, 1, 300, { [A]: 1 }, { set: { pekerja: 7 } });
  const states = [[created, x, y], [created, y, x]].map((order) => {
    const state = R.emptyRecord("usaha-1");
    for (const c of order) R.applyChange(state, c);
    return state;
  });
  for (const state of states) {
    const [conflict, ...rest] = R.conflicts(state);
    assert.equal(rest.length, 0);
    assert.equal(conflict.field, "pekerja");
    assert.deepEqual(conflict.entries.map((e) => e.value), [6, 7]);
    assert.equal(conflict.displayed.node, B);
    assert.deepEqual(R.conflicts(state, () => "lww"), [], "lww hides it");
    assert.equal(state.fields.get("pekerja").size, 2, "but keeps both entries");
  }
  assert.deepEqual(R.displayValues(states[0]), R.displayValues(states[1]));
});

test("delete/edit conflict: deleted, field null, the concurrent edit kept", () => {
  const state = R.emptyRecord("usaha-1");
  R.applyChange(state, created);
  R.applyChange(state, change(B, 1, 150, { [A]: 1 }, { set: { pekerja: 9 } }));
  const delta = R.applyChange(state, change(A, 2, 200, { [A]: 1 }, { delete: true }));
  assert.deepEqual(delta.removed.map((r) => `${r.field}@${r.node}:${r.counter}`), [`nama@${A}:1`], "only what the delete had seen (B's edit had already replaced pekerja A:1)");
  assert.ok(R.isDeleted(state));
  assert.deepEqual(R.displayValues(state), { pekerja: 9 });
  const conflicts = R.conflicts(state, () => "lww");
  assert.deepEqual(conflicts.map((c) => [c.field, c.entries.map((e) => `${e.field}=${e.value}`)]), [[null, ["pekerja=9"]]]);
});

test("resolve: a change whose context covers all entries clears the conflict", () => {
  const state = R.emptyRecord("usaha-1");
  for (const c of [created, change(A, 2, 200, { [A]: 1 }, { set: { pekerja: 6 } }), change(B, 1, 300, { [A]: 1 }, { set: { pekerja: 7 } })]) {
    R.applyChange(state, c);
  }
  const resolution = R.resolveChange(state, { origin: A, counter: 3, hlc: HLC.pack(250, 0) }, { set: { pekerja: 6 } });
  assert.deepEqual(VV.toObject(resolution.context), { [A]: 2, [B]: 1 });
  R.applyChange(state, resolution);
  assert.deepEqual(R.conflicts(state), []);
  assert.deepEqual(R.displayValues(state), { nama: "Konveksi Maju", pekerja: 6 }, "a lower HLC still wins once it supersedes");
  const again = R.applyChange(state, resolution);
  assert.deepEqual(again, { removed: [], added: [], formChanged: false }, "applying again does nothing");
});

test("resolve a delete/edit conflict by restoring, or by deleting again, through a replica", () => {
  const make = () => {
    const replica = new Replica(B, { now: () => 1000 });
    replica.apply(created);
    replica.write("usaha-1", { pekerja: 9 });
    replica.apply(change(A, 2, 200, { [A]: 1 }, { delete: true }));
    assert.equal(replica.conflicts()[0].field, null);
    return replica;
  };
  const restored = make();
  const restore = restored.resolve("usaha-1", { restore: true });
  assert.deepEqual(restore.set, { _deleted: false });
  assert.ok(!R.isDeleted(restored.records.get("usaha-1")));
  assert.deepEqual(restored.conflicts(), []);
  const deleted = make();
  deleted.resolve("usaha-1", { delete: true });
  const state = deleted.records.get("usaha-1");
  assert.ok(R.isDeleted(state) && R.userFields(state).length === 0);
  assert.deepEqual(deleted.conflicts(), []);
  assert.throws(() => deleted.resolve("nope", { delete: true }), { code: "unknown_record" });
});

test("local writes: counter, record context, a clock that never goes back", () => {
  let wall = 5000;
  const replica = new Replica(A, { now: () => wall });
  const first = replica.write("r1", { nama: "X" });
  wall = 4000;
  const second = replica.write("r1", { nama: "Y" });
  assert.deepEqual([first.counter, second.counter], [1, 2]);
  assert.deepEqual(VV.toObject(second.context), { [A]: 1 });
  assert.ok(second.hlc > first.hlc);
  assert.equal(HLC.format(second.hlc), "5000.1");
  assert.throws(() => replica.write("r1", { _deleted: true }), { code: "invalid_body" });
  assert.throws(() => replica.write("r1", {}), { code: "invalid_body" });
  assert.equal(replica.counter, 2, "a refused write takes no counter");
});

test("apply is idempotent and refuses gaps, conflicting dots and its own origin without changing anything", () => {
  const writer = new Replica(A, { now: () => 1000 });
  const c1 = writer.write("r1", { nama: "X" });
  const c2 = writer.write("r1", { nama: "Y" });
  const c3 = writer.write("r2", { nama: "Z" });
  const reader = new Replica(B, { now: () => 1000 });
  assert.throws(() => reader.apply(c2), { code: "causal_gap" });
  assert.throws(() => reader.applyBatch([c1, c3]), { code: "causal_gap" });
  assert.equal(reader.log.length, 0, "a refused batch applies nothing, not even its valid prefix");
  assert.deepEqual(reader.applyBatch([c1, c2]), { applied: 2, skipped: 0 }, "a change may depend on an earlier one in its batch");
  assert.deepEqual(reader.applyBatch([c1, c2, c3]), { applied: 1, skipped: 2 });
  assert.equal(reader.apply(c3), false, "a held change is skipped");
  assert.throws(() => reader.apply({ ...c2, set: { nama: "other" } }), { code: "conflicting_dot" });
  const other = new Replica(B);
  assert.throws(() => other.apply(change(B, 1, 1, {}, { set: { x: 1 } })), { code: "own_origin" });
  const context = change(B, 1, 1, { [A]: 9 }, { set: { x: 1 } });
  assert.throws(() => new Replica("c").apply(context), { code: "causal_gap" }, "a context the replica does not hold");
  assert.deepEqual(reader.state(), writer.state());
  assert.ok(reader.clock > HLC.ZERO, "receiving advances the clock");
});

test("missingFor gives what a peer lacks, in log order; syncing both ways converges", () => {
  const a = new Replica(A, { now: () => 1 });
  const b = new Replica(B, { now: () => 2 });
  a.write("r1", { nama: "X" });
  b.write("r1", { nama: "Y" });
  a.write("r2", { nama: "Q" });
  assert.deepEqual(a.missingFor(b.vv).map((c) => c.counter), [1, 2]);
  b.applyBatch(a.missingFor(b.vv));
  a.applyBatch(b.missingFor(a.vv));
  assert.deepEqual(a.state(), b.state());
  assert.deepEqual(a.conflictKeys(), [["r1", "nama"]]);
  assert.deepEqual(a.conflicts().map((c) => c.displayed.node), b.conflicts().map((c) => c.displayed.node));
  assert.equal(a.missingFor(b.vv).length, 0);
});
