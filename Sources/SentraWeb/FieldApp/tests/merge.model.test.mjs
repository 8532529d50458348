// Cross-check of the JS merge (replica-core.js) against the reference model.
//
// model_driver.py runs the model's own random simulation (semantics_model.py `sim`) for seeds
// 1…200 and records every local write and every apply, in order, with the model's final `state()`,
// `conflicts()` and version vector on each node. This test replays exactly those operations through
// JS replicas and asserts, on every node, the same applied/skipped answers, states, conflicts and
// version vectors. Needs python3 (standard library only).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { test } from "node:test";
import { parse } from "../js/json.js";
import { Replica } from "../js/replica-core.js";
import * as VV from "../js/version-vector.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const FIRST = 1;
const LAST = 200;

/** The model's runs, one per seed. */
function modelRuns() {
  const run = spawnSync("python3", [path.join(here, "model_driver.py"), String(FIRST), String(LAST)], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw new Error(`cannot run python3 (install python3): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`model_driver.py failed (${run.status}):\n${run.stderr}`);
  return run.stdout.trim().split("\n").map((line) => parse(line));
}

/** A JS state with its BigInt HLCs as Numbers, to compare with the model's JSON. */
function plain(state) {
  return JSON.parse(JSON.stringify(state, (_, v) => (typeof v === "bigint" ? Number(v) : v)));
}

/** Replays one recorded run through JS replicas; returns them by node ID. */
export function replay(run) {
  const replicas = new Map(run.nodes.map((id) => [id, new Replica(id, { now: () => 0 })]));
  const written = new Map();
  run.ops.forEach((op, index) => {
    const replica = replicas.get(op.node);
    const where = `seed ${run.seed}, op ${index} (${op.op} on ${op.node})`;
    if (op.op === "write") {
      const change = replica.write(op.record, op.set, { delete: op.delete, hlc: BigInt(op.hlc) });
      assert.deepEqual([change.origin, change.counter], op.dot, `${where}: dot`);
      written.set(op.dot.join(":"), change);
    } else {
      const change = written.get(op.dot.join(":"));
      assert.ok(change, `${where}: the model applied ${op.dot} before anyone wrote it`);
      assert.equal(replica.apply(change), op.applied, `${where}: applied or skipped ${op.dot}`);
    }
  });
  return replicas;
}

const runs = modelRuns();

test("the model driver ran every seed and recorded operations", () => {
  assert.equal(runs.length, LAST - FIRST + 1);
  assert.ok(runs.every((run) => run.ops.some((op) => op.op === "write") && run.ops.some((op) => op.op === "apply")));
  const conflicts = runs.reduce((n, run) => n + run.final[run.nodes[0]].conflicts.length, 0);
  assert.ok(conflicts > 100, `the runs exercise conflicts (${conflicts} in final states)`);
});

test(`JS replicas agree with the reference model on seeds ${FIRST}…${LAST}`, () => {
  for (const run of runs) {
    const replicas = replay(run);
    for (const [id, replica] of replicas) {
      const expected = run.final[id];
      assert.deepEqual(plain(replica.state()), expected.state, `seed ${run.seed}: state of ${id}`);
      assert.deepEqual(replica.conflictKeys(), expected.conflicts, `seed ${run.seed}: conflicts of ${id}`);
      assert.deepEqual(VV.toObject(replica.vv), expected.vv, `seed ${run.seed}: version vector of ${id}`);
    }
    // Convergence among the JS replicas themselves, including display winners (the model has none).
    const [first, ...rest] = [...replicas.values()];
    for (const other of rest) {
      const winners = (r) => r.conflicts().map((c) => [c.record, c.field, c.displayed && [c.displayed.node, c.displayed.counter]]);
      assert.deepEqual(winners(other), winners(first), `seed ${run.seed}: display winners of ${other.nodeId}`);
    }
  }
});
