// Live tests of protocol.js and sync.js against a real `sentra serve` (the binary built by
// `swift build`, or $SENTRA_BIN) and a second device synced with `sentra sync`: the browser
// replica pushes, pulls, conflicts, resolves and resumes exactly as a Swift replica does.
// Every test stops its server in `finally`.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as R from "../js/record.js";
import { memoryCursorStore, NodeClient, sync } from "../js/protocol.js";
import { Replica } from "../js/replica-core.js";
import * as VV from "../js/version-vector.js";
import { openSite, randomNodeId, sentraBin } from "./sentra-cli.mjs";

const SURVEY = "ikm";

test("the sentra binary is there (build it with swift build, or set SENTRA_BIN)", () => {
  sentraBin();
});

function phone(name = "phone-1") {
  return new Replica(randomNodeId(), { name, form: "usaha" });
}

function clientFor(site, token = site.phoneToken, fetch) {
  return new NodeClient({ baseURL: site.url, token, ...(fetch ? { fetch } : {}) });
}

/** A record's entries as [node, counter, hlc, value] rows, for comparing with `sentra record show`. */
function entryRows(entries) {
  return Object.keys(entries).sort().flatMap((field) =>
    entries[field].map((e) => [field, e.node, e.counter, BigInt(e.hlc), e.value]));
}

function jsEntryRows(replica, id) {
  const record = replica.records.get(id);
  return R.userFields(record).flatMap((field) =>
    R.entriesOf(record, field).map((e) => [field, e.node, e.counter, BigInt(e.hlc), e.value]));
}

test("(1) the phone's writes reach the node with their values, clocks and author", async () => {
  const site = await openSite();
  try {
    const replica = phone();
    replica.write("phone-r1", { nama_usaha: "Konveksi Maju", pekerja: 5, produk: ["kaos", "kemeja"] });
    replica.write("phone-r2", { nama_usaha: "Jahit Sari", lokasi: { lat: -6.4312, lon: 107.0968 }, omzet: 2n ** 60n + 7n });
    replica.write("phone-r3", { nama_usaha: "Bordir Ani", aktif: true, catatan: null });
    const progress = [];
    const summary = await sync(replica, clientFor(site), SURVEY, { onProgress: (s) => progress.push(s) });
    assert.equal(summary.pushed, 3);
    assert.equal(summary.pulled, 0);
    assert.equal(summary.peer.id, site.officeId);
    assert.ok(progress.length >= 2, "progress after the push and after the pull");

    const listed = await site.json(["record", "list", "--db", "kantor.db"]);
    assert.deepEqual(listed.map((r) => r.id).sort(), ["phone-r1", "phone-r2", "phone-r3"]);
    for (const id of ["phone-r1", "phone-r2", "phone-r3"]) {
      const shown = await site.json(["record", "show", id, "--db", "kantor.db"]);
      assert.deepEqual(shown.fields, R.displayValues(replica.records.get(id)), `${id}: the node shows the phone's values`);
      assert.deepEqual(entryRows(shown.entries), jsEntryRows(replica, id), `${id}: same authors, counters and exact HLCs`);
      assert.ok(Object.values(shown.entries).flat().every((e) => e.nodeName === "phone-1"), "the node learned the phone's name");
    }
    assert.equal((await site.json(["record", "show", "phone-r2", "--db", "kantor.db"])).fields.omzet, 2n ** 60n + 7n, "an integer beyond 2^53 stays exact");

    const again = await sync(replica, clientFor(site), SURVEY);
    assert.deepEqual([again.pushed, again.pulled], [0, 0], "a second sync moves nothing");
  } finally {
    await site.close();
  }
});

test("(2) a tablet's records reach the phone as the tablet holds them", async () => {
  const site = await openSite();
  try {
    await site.run(["record", "add", "--db", "tab.db", "--form", "usaha", "--id", "tab-r1", "nama_usaha=Konveksi Tablet", "pekerja=4", "produk=[\"seragam\"]"]);
    await site.run(["record", "add", "--db", "tab.db", "--form", "usaha", "--id", "tab-r2", "nama_usaha=Jahit Dua"]);
    await site.run(["record", "set", "tab-r1", "--db", "tab.db", "pekerja=6"]);
    assert.equal((await site.syncTablet()).pushed, 3);

    const replica = phone();
    const summary = await sync(replica, clientFor(site), SURVEY);
    assert.equal(summary.pulled, 3);
    assert.equal(replica.names.get(site.tabletId), "tablet-1", "the phone learned the tablet's name");
    assert.equal(replica.names.get(site.officeId), "kantor");
    for (const id of ["tab-r1", "tab-r2"]) {
      const shown = await site.json(["record", "show", id, "--db", "tab.db"]);
      assert.deepEqual(R.displayValues(replica.records.get(id)), shown.fields, `${id}: the phone shows the tablet's values`);
      assert.deepEqual(jsEntryRows(replica, id), entryRows(shown.entries), `${id}: same entries, exact HLCs`);
      assert.deepEqual(VV.toObject(replica.records.get(id).ctx), shown.context, `${id}: same context`);
    }
  } finally {
    await site.close();
  }
});

test("(3) concurrent edits conflict alike on the phone and the tablet, and the phone's resolve reaches the tablet", async () => {
  const site = await openSite();
  try {
    const replica = phone();
    const client = clientFor(site);
    replica.write("r1", { nama_usaha: "Konveksi Bersama", pekerja: 5 });
    await sync(replica, client, SURVEY);
    await site.syncTablet();

    replica.write("r1", { pekerja: 7 });
    await site.run(["record", "set", "r1", "--db", "tab.db", "pekerja=9"]);
    let phoneNew = 0;
    for (let round = 0; round < 2; round++) {
      phoneNew += (await sync(replica, client, SURVEY)).newConflicts;
      await site.syncTablet();
    }
    assert.equal(phoneNew, 1, "the phone saw one new conflict");

    const tabletConflicts = await site.json(["conflicts", "--db", "tab.db"]);
    const phoneConflicts = replica.conflicts();
    assert.equal(tabletConflicts.length, 1);
    assert.equal(phoneConflicts.length, 1);
    const [t] = tabletConflicts;
    const [p] = phoneConflicts;
    assert.deepEqual([p.record, p.field], [t.record, t.field]);
    assert.deepEqual(p.entries.map((e) => [e.node, e.counter, e.hlc, e.value]), t.values.map((v) => [v.node, v.counter, BigInt(v.hlc), v.value]));
    assert.deepEqual([p.displayed.value, p.displayed.node], [t.displayed, t.values.find((v) => v.value === t.displayed).node]);
    assert.deepEqual(VV.toObject(replica.vv), (await site.json(["status", "--db", "tab.db"])).surveys[0].versionVector, "both hold the same changes");

    replica.resolve("r1", { set: { pekerja: 8 } });
    assert.equal(replica.conflicts().length, 0);
    assert.equal((await sync(replica, client, SURVEY)).pushed, 1);
    await site.syncTablet();
    const shown = await site.json(["record", "show", "r1", "--db", "tab.db"]);
    assert.equal(shown.fields.pekerja, 8, "the tablet shows the phone's resolution");
    assert.deepEqual(shown.conflicts, [], "and has no conflict left");
    assert.deepEqual(await site.json(["conflicts", "--db", "kantor.db"]), [], "nor has the node");
  } finally {
    await site.close();
  }
});

test("(4) a pull cut off after its first page resumes from the saved cursor, nothing lost or doubled", async () => {
  const site = await openSite();
  try {
    for (let i = 1; i <= 7; i++) {
      await site.run(["record", "add", "--db", "tab.db", "--form", "usaha", "--id", `t${i}`, `nomor=${i}`]);
    }
    await site.syncTablet();
    const office = (await site.json(["status", "--db", "kantor.db"])).surveys[0];
    assert.equal(office.changes, 7);

    // The second pull request fails as a dropped connection would.
    const pulls = [];
    let dropAt = 2;
    const flaky = async (url, init) => {
      if (url.endsWith("/pull")) {
        pulls.push(JSON.parse(init.body));
        if (pulls.length === dropAt) throw new TypeError("fetch failed: the signal dropped");
      }
      return fetch(url, init);
    };
    const replica = phone();
    const cursors = memoryCursorStore();
    const client = clientFor(site, site.phoneToken, flaky);
    await assert.rejects(sync(replica, client, SURVEY, { cursorStore: cursors, batchSize: 3 }), (e) => e.code === "network" && e.status === 0);
    const saved = cursors.get(SURVEY);
    assert.equal(replica.log.length, 3, "the first page was applied");
    assert.equal(saved.pullCursor, 3, "the cursor was saved after the first page only");
    assert.equal(saved.peer, site.officeId);
    assert.equal(saved.logId, (await client.state(SURVEY)).logId);

    dropAt = 0;
    pulls.length = 0;
    const summary = await sync(replica, client, SURVEY, { cursorStore: cursors, batchSize: 3 });
    assert.equal(pulls[0].after, 3, "the pull resumed after the saved cursor");
    assert.equal(pulls[0].logId, saved.logId);
    assert.equal(summary.pulled, 4);
    assert.equal(summary.peerReset, false);
    assert.equal(replica.log.length, 7, "exactly the node's changes");
    assert.equal(new Set(replica.log.map((c) => `${c.origin}:${c.counter}`)).size, 7, "none twice");
    assert.deepEqual(VV.toObject(replica.vv), office.versionVector);
    for (let i = 1; i <= 7; i++) assert.equal(R.displayValues(replica.records.get(`t${i}`)).nomor, i);

    // A cursor for another log of the same node is dropped: the pull starts from nothing.
    cursors.set(SURVEY, { ...cursors.get(SURVEY), logId: "00000000-0000-0000-0000-000000000000" });
    const warnings = [];
    pulls.length = 0;
    const reset = await sync(replica, client, SURVEY, { cursorStore: cursors, batchSize: 3, onWarning: (w) => warnings.push(w) });
    assert.equal(reset.peerReset, true);
    assert.equal(pulls[0].after, 0);
    assert.match(warnings.join("\n"), /new log/);
    assert.equal(reset.pulled, 0, "the version vector still keeps every change from coming twice");
    assert.equal(replica.log.length, 7);
  } finally {
    await site.close();
  }
});

test("(5) a wrong token gives the wire code, a stopped node gives network", async () => {
  const site = await openSite();
  try {
    const replica = phone();
    replica.write("r1", { nama_usaha: "X" });
    const wrong = clientFor(site, `sentra_${"0".repeat(64)}`);
    await assert.rejects(sync(replica, wrong, SURVEY), (e) => e.code === "unauthorized" && e.status === 401);
    await assert.rejects(clientFor(site).state("no-such-survey"), (e) => e.code === "unknown_survey" && e.status === 404);
    await site.stop();
    await assert.rejects(sync(replica, clientFor(site), SURVEY), (e) => e.code === "network" && e.status === 0);
  } finally {
    await site.close();
  }
});

test("(6) a token bound to another node is refused with wrong_node, and nothing is applied", async () => {
  const site = await openSite();
  try {
    const bound = await site.json(["token", "create", "--db", "kantor.db", "--name", "phone-2", "--role", "enumerator", "--node", "0123456789abcdef"]);
    const replica = phone("phone-2");
    replica.write("r1", { nama_usaha: "Y" });
    await assert.rejects(sync(replica, clientFor(site, bound.token), SURVEY), (e) => e.code === "wrong_node" && e.status === 403);
    assert.deepEqual(await site.json(["record", "list", "--db", "kantor.db"]), [], "the node applied nothing");

    // A token bound by its first sync: the tablet's, then used by the phone.
    await site.syncTablet();
    await assert.rejects(sync(replica, clientFor(site, site.tabletToken), SURVEY), (e) => e.code === "wrong_node" && e.status === 403);
    await sync(replica, clientFor(site), SURVEY);
    assert.equal((await site.json(["record", "list", "--db", "kantor.db"])).length, 1, "its own token works");
  } finally {
    await site.close();
  }
});
