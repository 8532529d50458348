// Unit tests of hlc.js and json.js: the clock rules of semantics.md §8 and decision 0002, and HLCs
// beyond 2^53 surviving the wire.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as C from "../js/change.js";
import * as HLC from "../js/hlc.js";
import { parse, stringify } from "../js/json.js";

const t = (physical, logical) => HLC.pack(physical, logical);

test("the documented table: a wall clock going back, receives, a peer ahead", () => {
  let clock = HLC.ZERO;
  const steps = [
    () => HLC.now(1000, clock),
    () => HLC.now(900, clock),
    () => HLC.receive(clock, t(1000, 0), 950),
    () => HLC.now(1200, clock),
    () => HLC.receive(clock, t(1500, 4), 1210),
    () => HLC.now(1211, clock),
  ];
  const readings = steps.map((step) => (clock = step()));
  assert.deepEqual(readings.map(HLC.format), ["1000.0", "1000.1", "1000.2", "1200.0", "1500.5", "1500.6"]);
});

test("packing: physical in the high bits, logical in the low 16", () => {
  const stamp = t(1_732_850_000_000, 3);
  assert.equal(stamp, 113_564_057_600_000_003n);
  assert.deepEqual(HLC.unpack(stamp), { physical: 1_732_850_000_000, logical: 3 });
  assert.equal(HLC.format(stamp), "1732850000000.3");
  assert.equal(HLC.GREATEST, (1n << 62n) - 1n);
  assert.throws(() => HLC.pack(2 ** 46, 0), { code: "invalid_hlc" });
  assert.throws(() => HLC.pack(0, 65536), { code: "invalid_hlc" });
  assert.equal(HLC.compare(t(5, 0), t(4, 65535)), 1);
  assert.equal(HLC.compare(t(5, 0), t(5, 0)), 0);
});

test("logical overflow past 0xFFFF moves physical time on", () => {
  const full = t(2000, 65535);
  assert.equal(HLC.now(1500, full), t(2001, 0));
  assert.equal(HLC.receive(t(1000, 0), full, 1500), t(2001, 0));
  assert.equal(HLC.receive(full, full, 0), t(2001, 0));
});

test("a timestamp more than maxAhead ahead is not followed; one within is (Swift's farAheadIsNotFollowed)", () => {
  const now = 1_764_000_000_000;
  const bound = Number(HLC.DEFAULT_MAX_AHEAD);
  let clock = t(now - 10, 0);
  const far = t(now + bound + 1, 7);
  assert.ok(HLC.isTooFarAhead(far, now));
  clock = HLC.receive(clock, far, now);
  assert.equal(clock, t(now, 0));
  clock = HLC.receive(clock, HLC.GREATEST, now);
  assert.equal(clock, t(now, 1));
  const edge = t(now + bound, 7);
  assert.ok(!HLC.isTooFarAhead(edge, now));
  assert.equal(HLC.receive(clock, edge, now), t(now + bound, 8));
  assert.equal(HLC.receive(HLC.ZERO, t(now + 1, 0), now, 0), t(now, 0));
});

test("the clock stops at the greatest timestamp instead of leaving the range", () => {
  const limit = 2 ** 46;
  assert.equal(HLC.receive(HLC.ZERO, HLC.GREATEST, limit - 1, Number.MAX_SAFE_INTEGER), HLC.GREATEST);
  assert.equal(HLC.now(limit - 1, HLC.GREATEST), HLC.GREATEST);
  assert.ok(HLC.now(Infinity, HLC.ZERO) <= HLC.GREATEST);
  assert.equal(HLC.now(-5, HLC.ZERO), t(0, 1));
  assert.equal(HLC.now(0, (1n << 63n) - 1n), HLC.GREATEST, "a saved clock beyond the range comes back to the top");
});

test("HLC values beyond 2^53 survive JSON round trips, digit for digit", () => {
  const values = [113_467_647_590_400_001n, 2n ** 53n + 1n, HLC.GREATEST];
  for (const value of values) {
    const text = stringify({ hlc: value });
    assert.equal(text, `{"hlc":${value}}`);
    assert.equal(parse(text).hlc, value);
    assert.equal(HLC.fromJSON(parse(text).hlc), value);
    assert.equal(HLC.fromJSON(HLC.toJSON(value)), value);
  }
  // The reason for json.js: JSON.parse loses the last digit.
  assert.notEqual(BigInt(JSON.parse("113467647590400001")), 113_467_647_590_400_001n);
});

test("a whole change with a big HLC round-trips through the wire form exactly", () => {
  const text = '{"origin": "3f9c0a1b22d4e8f1", "counter": 2, "hlc": 113467647590400001, "record": "0193a1c2-7e4f-7a10-9b2c-5d6e7f801234", "form": "usaha", "context": {"3f9c0a1b22d4e8f1": 1}, "set": {"pekerja_perempuan": 8, "omzet": 12.0, "luas": 7.25}}';
  const change = C.fromWire(parse(text));
  assert.equal(change.hlc, 113_467_647_590_400_001n);
  assert.deepEqual([...change.context], [["3f9c0a1b22d4e8f1", 1]]);
  assert.equal(change.set.omzet, 12, "12.0 reads as the integer 12");
  const again = C.fromWire(parse(C.canonical(change)));
  assert.equal(C.canonical(again), C.canonical(change));
  assert.equal(C.canonical(change),
    '{"context":{"3f9c0a1b22d4e8f1":1},"counter":2,"form":"usaha","hlc":113467647590400001,"origin":"3f9c0a1b22d4e8f1","record":"0193a1c2-7e4f-7a10-9b2c-5d6e7f801234","set":{"luas":7.25,"omzet":12,"pekerja_perempuan":8}}');
});

test("out-of-range or inexact HLCs are refused", () => {
  for (const bad of [-1n, 1n << 62n, 1n << 63n, "9223372036854775807", 2 ** 60, 1.5, "12a"]) {
    assert.throws(() => HLC.fromJSON(bad), { code: "invalid_hlc" }, String(bad));
  }
  assert.throws(() => C.fromWire(parse('{"origin":"a","counter":1,"hlc":4611686018427387904,"record":"r","form":"f","context":{},"set":{"x":1}}')), { code: "invalid_hlc" });
});

test("the JSON reader refuses duplicate keys and malformed text, and keeps __proto__ as data", () => {
  assert.throws(() => parse('{"limit": 10, "limit": 100000}'), { code: "duplicate_key" });
  for (const bad of ["{", '{"a":1,}', "[1 2]", "01", '"\u0001"', "tru", "1 2"]) {
    assert.throws(() => parse(bad), { code: "malformed_json" }, bad);
  }
  const vv = parse('{"__proto__": 3}');
  assert.equal(Object.getPrototypeOf(vv), Object.prototype);
  assert.deepEqual(Object.entries(vv), [["__proto__", 3]]);
  assert.deepEqual(parse('[-0, 1e2, 9223372036854775807, 9223372036854775808, "\\u00e9"]'),
    [0, 100, 9223372036854775807n, 9223372036854775808, "é"]);
});
