// Unit tests of protocol.js with a fake fetch: the headers and bodies it sends, exact big integers
// both ways, and how answers map to errors. The live tests (protocol.live.test.mjs) run it against
// a real node.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as HLC from "../js/hlc.js";
import { NodeClient } from "../js/protocol.js";

const A = "aaaa000000000001";
const K = "d64c2fea473c6935";

/** A fetch that records each request and answers with `status` and `text`. */
function fakeFetch(answers) {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({ url, ...init });
    const [status, text] = answers.shift();
    if (status === "drop") throw new TypeError("fetch failed");
    return new Response(text, { status });
  };
  return { fetch, requests };
}

const state = `{"logId":"L1","logPosition":0,"node":{"id":"${K}","name":"kantor"},"protocol":1,"serverTime":1795926548685,"survey":"ikm konveksi","versionVector":{}}`;

test("requests carry the bearer token and Sentra-Protocol: 1; the survey is percent-encoded", async () => {
  const { fetch, requests } = fakeFetch([[200, state]]);
  const client = new NodeClient({ baseURL: "http://node:8080//", token: "sentra_x", fetch });
  const answer = await client.state("ikm konveksi");
  assert.equal(requests[0].url, "http://node:8080/v1/surveys/ikm%20konveksi/state");
  assert.equal(requests[0].method, "GET");
  assert.equal(requests[0].headers.Authorization, "Bearer sentra_x");
  assert.equal(requests[0].headers["Sentra-Protocol"], "1");
  assert.equal(requests[0].headers["Content-Encoding"], undefined, "requests are not compressed");
  assert.deepEqual(answer.node, { id: K, name: "kantor" });
  assert.ok(answer.versionVector instanceof Map);
});

test("a push sends protocol 1 and exact HLCs; a pull's changes come back exact", async () => {
  const hlc = HLC.pack(1795926548685, 3);
  const change = { origin: A, counter: 1, hlc, record: "r1", form: "usaha", context: new Map(), set: { n: 2n ** 60n } };
  const pulled = `{"changes":[{"context":{},"counter":1,"form":"usaha","hlc":${hlc},"origin":"${A}","record":"r1","set":{"n":${2n ** 60n}}}],"logId":"L1","more":false,"next":1,"nodes":[{"id":"${A}","name":"hp"}],"protocol":1}`;
  const { fetch, requests } = fakeFetch([[200, `{"applied":1,"newConflicts":0,"protocol":1,"skipped":0,"versionVector":{"${A}":1}}`], [200, pulled]]);
  const client = new NodeClient({ baseURL: "http://node", token: "t", fetch });
  const pushed = await client.push("ikm", { sender: { id: A, name: "hp" }, versionVector: new Map([[A, 1]]), nodes: [], changes: [change] });
  assert.equal(pushed.applied, 1);
  assert.equal(requests[0].headers["Content-Type"], "application/json");
  assert.ok(requests[0].body.includes(`"hlc":${hlc}`), "the HLC is written as its exact digits");
  assert.ok(requests[0].body.startsWith('{"changes":'), "canonical JSON, sorted keys");
  assert.ok(requests[0].body.includes('"protocol":1'));
  const page = await client.pull("ikm", { receiver: { id: A, name: "hp" }, after: 0, logId: null, versionVector: new Map(), limit: 10 });
  assert.ok(requests[1].body.includes('"logId":null'));
  assert.equal(page.changes[0].hlc, hlc);
  assert.equal(page.changes[0].set.n, 2n ** 60n);
});

test("refusals carry the wire code and status; no answer is network; a stranger is peer_error", async () => {
  const { fetch } = fakeFetch([
    [403, '{"error":{"code":"wrong_node","message":"each device needs its own token"}}'],
    ["drop"],
    [200, "<html>captive portal</html>"],
    [502, "Bad Gateway"],
    [200, state.replace('"protocol":1', '"protocol":2')],
  ]);
  const client = new NodeClient({ baseURL: "http://node", token: "t", fetch });
  await assert.rejects(client.state("ikm"), (e) => e.code === "wrong_node" && e.status === 403 && /own token/.test(e.message));
  await assert.rejects(client.state("ikm"), (e) => e.code === "network" && e.status === 0);
  await assert.rejects(client.state("ikm"), (e) => e.code === "peer_error");
  await assert.rejects(client.state("ikm"), (e) => e.code === "peer_error" && e.status === 502);
  await assert.rejects(client.state("ikm"), (e) => e.code === "protocol_version");
});

test("a pulled change the protocol forbids is refused as the node's fault", async () => {
  const bad = `{"changes":[{"context":{},"counter":0,"form":"usaha","hlc":1,"origin":"${A}","record":"r1","set":{"n":1}}],"logId":"L1","more":false,"next":1,"nodes":[],"protocol":1}`;
  const { fetch } = fakeFetch([[200, bad]]);
  const client = new NodeClient({ baseURL: "http://node", token: "t", fetch });
  await assert.rejects(client.pull("ikm", { receiver: { id: A, name: "hp" }, after: 0, logId: null, versionVector: new Map(), limit: 10 }),
    (e) => e.code === "peer_error" && /changes\[0\]/.test(e.message));
});
