// The enrolment link's reading (enrolment.js), unsent changes (unsent.js) and bundle files
// (bundle.js): the app's pure parts beside its storage and views.

import assert from "node:assert/strict";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { bundleBytes, bundleContent, bundleFileName } from "../js/bundle.js";
import { newNodeID, newRecordID, parseEnrolment } from "../js/enrolment.js";
import { parse } from "../js/json.js";
import { Replica } from "../js/replica-core.js";
import { unsentChanges, unsentRecords } from "../js/unsent.js";

const payload = { node: "http://127.0.0.1:8080", token: "sentra_abc", survey: "ikm-konveksi" };

test("an enrolment link is read from the fragment Swift's EnrolmentLink writes", () => {
  const hash = `#enrol=${encodeURIComponent(JSON.stringify(payload))}`;
  assert.deepEqual(parseEnrolment(hash), { ...payload, name: null });
  assert.deepEqual(parseEnrolment(`#enrol=${encodeURIComponent(JSON.stringify({ ...payload, survey: null, name: "tab-07" }))}`),
    { ...payload, survey: null, name: "tab-07" });
  assert.equal(parseEnrolment("#/records"), null);
});

test("a damaged enrolment link is refused with a code", () => {
  for (const hash of ["#enrol=%7Bnot json", `#enrol=${encodeURIComponent(JSON.stringify({ ...payload, node: "ftp://x" }))}`,
    `#enrol=${encodeURIComponent(JSON.stringify({ ...payload, token: "" }))}`,
    `#enrol=${encodeURIComponent(JSON.stringify({ ...payload, survey: "_hidden" }))}`]) {
    assert.throws(() => parseEnrolment(hash), (error) => error.code === "invalid_enrolment", hash);
  }
});

test("node IDs are 16 hex digits and record IDs are UUIDv7 in time order", () => {
  assert.match(newNodeID(), /^[0-9a-f]{16}$/);
  const first = newRecordID(1_700_000_000_000);
  const second = newRecordID(1_700_000_000_001);
  assert.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(first < second);
});

test("unsent changes are this node's changes the node's vector does not cover", () => {
  const replica = new Replica("aaaaaaaaaaaaaaaa", { now: () => 1_700_000_000_000 });
  replica.write("r1", { nama: "A" });
  replica.write("r2", { nama: "B" });
  replica.write("r1", { nama: "A2" });
  assert.equal(unsentChanges(replica, undefined).length, 3);
  const saved = { cursor: { versionVector: { aaaaaaaaaaaaaaaa: 2 } } };
  assert.deepEqual(unsentChanges(replica, saved).map((c) => c.counter), [3]);
  assert.deepEqual([...unsentRecords(replica, saved)], [["r1", 3]]);
});

test("a bundle holds what the node lacks, gzip-compressed, with exact clocks", async () => {
  const replica = new Replica("aaaaaaaaaaaaaaaa", { name: "hp-siti", now: () => 1_700_000_000_000 });
  replica.write("r1", { nama: "A" });
  replica.write("r2", { nama: "B" });
  const content = bundleContent(replica, "ikm-konveksi", new Map([["aaaaaaaaaaaaaaaa", 1]]));
  const read = parse(gunzipSync(await bundleBytes(content)).toString("utf8"));
  assert.equal(read.format, "sentra-bundle");
  assert.equal(read.version, 1);
  assert.equal(read.survey, "ikm-konveksi");
  assert.deepEqual(read.sender, { id: "aaaaaaaaaaaaaaaa", name: "hp-siti" });
  assert.deepEqual(read.versionVector, { aaaaaaaaaaaaaaaa: 2 });
  assert.equal(read.changes.length, 1);
  assert.equal(read.changes[0].record, "r2");
  assert.equal(typeof read.changes[0].hlc, "bigint");
  assert.equal(read.changes[0].hlc, replica.log[1].hlc);
  assert.equal(bundleFileName("Siti Aminah", new Date(2026, 11, 3, 10, 42).getTime()), "sentra-siti-aminah-20261203-1042.sentra");
});
