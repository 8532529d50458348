// hlc.js: the hybrid logical clock (decision 0002, semantics.md §8), as Swift's
// HybridClock and HybridTimestamp in SentraCore.
//
// A timestamp is one BigInt, `physical << 16 | logical`: milliseconds since 1970 above, a
// logical counter (0…65535) in the low 16 bits. Raw values today are about 1.1e17, beyond
// Number's exact range (2^53), so they are BigInt everywhere and never pass through Number.
// Physical time stays below 2^46 (the year 4199): valid values are 0 … 2^62 − 1.
//
// Unlike Swift's `struct HybridClock`, there is no object: the clock's state is its last reading,
// and `now` / `receive` are pure functions that return the next reading. The caller keeps it.
// The wall clock is passed in (milliseconds, Number or BigInt), so tests control time.
//
// Wire: on the wire an HLC is a JSON integer. `JSON.parse` would round it to a double, and
// Node 20 has neither `JSON.rawJSON` nor the reviver's source text. So the field app reads and
// writes change bodies with its own small JSON reader/writer (json.js), which hands integers
// beyond 2^53 over as BigInt, digit for digit. `toJSON`/`fromJSON` here convert between a
// timestamp and that integer token; parsing the HLC textually out of a larger body with a regular
// expression was rejected as fragile (escapes, nesting, key order).

import { sentraError } from "./errors.js";

/** Bits of the logical counter. */
export const LOGICAL_BITS = 16n;
/** The largest logical counter; the next tick borrows a millisecond. */
export const MAX_LOGICAL = 0xffffn;
/** The first physical time out of range: 2^46 ms. */
export const PHYSICAL_LIMIT = 1n << 46n;
/** The zero timestamp, before every other. */
export const ZERO = 0n;
/** The greatest timestamp in range: 2^62 − 1. */
export const GREATEST = ((PHYSICAL_LIMIT - 1n) << LOGICAL_BITS) | MAX_LOGICAL;
/** Default bound on following a received clock: 24 h in ms (Swift's HybridClock.defaultMaxAhead). */
export const DEFAULT_MAX_AHEAD = 86_400_000n;

/**
 * Packs physical milliseconds and a logical counter into one timestamp.
 * @param {number|bigint} physical milliseconds since 1970, 0 ≤ physical < 2^46
 * @param {number|bigint} logical 0 … 65535
 * @returns {bigint}
 */
export function pack(physical, logical) {
  const p = BigInt(physical);
  const l = BigInt(logical);
  if (p < 0n || p >= PHYSICAL_LIMIT || l < 0n || l > MAX_LOGICAL) {
    throw sentraError("invalid_hlc", `HLC parts out of range: ${p}.${l}`);
  }
  return (p << LOGICAL_BITS) | l;
}

/**
 * Splits a timestamp. Physical time is below 2^46, so it is exact as a Number.
 * @param {bigint} hlc
 * @returns {{physical: number, logical: number}}
 */
export function unpack(hlc) {
  return { physical: Number(hlc >> LOGICAL_BITS), logical: Number(hlc & MAX_LOGICAL) };
}

/**
 * Whether `raw` is a valid timestamp: a BigInt from 0 to 2^62 − 1.
 * @param {unknown} raw
 * @returns {boolean}
 */
export function isInRange(raw) {
  return typeof raw === "bigint" && raw >= 0n && raw <= GREATEST;
}

/**
 * Orders two timestamps.
 * @param {bigint} a
 * @param {bigint} b
 * @returns {-1|0|1}
 */
export function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A wall-clock reading as a BigInt kept in range, so a broken clock cannot overflow. */
function clamped(wallClockMs) {
  let ms;
  if (typeof wallClockMs === "bigint") ms = wallClockMs;
  else if (Number.isNaN(wallClockMs)) ms = 0n;
  else if (!Number.isFinite(wallClockMs)) ms = wallClockMs > 0 ? PHYSICAL_LIMIT : 0n;
  else ms = BigInt(Math.trunc(wallClockMs));
  if (ms < 0n) return 0n;
  return ms < PHYSICAL_LIMIT ? ms : PHYSICAL_LIMIT - 1n;
}

/** (physical, logical) as the next reading: a logical overflow borrows a millisecond; stops at GREATEST. */
function advance(physical, logical) {
  if (logical <= MAX_LOGICAL) return (physical << LOGICAL_BITS) | logical;
  if (physical + 1n < PHYSICAL_LIMIT) return (physical + 1n) << LOGICAL_BITS;
  return GREATEST;
}

/**
 * The send rule: the timestamp of a local write at `wallClockMs`, after the clock last read `last`.
 * physical = max(last physical, now); logical = last logical + 1 if physical did not move, else 0.
 * @param {number|bigint} wallClockMs the wall clock, e.g. Date.now()
 * @param {bigint} [last=ZERO] the clock's previous reading
 * @returns {bigint} the new reading, greater than `last` (except at GREATEST, where it stops)
 */
export function now(wallClockMs, last = ZERO) {
  const previous = last > GREATEST ? GREATEST : last;
  const lastPhysical = previous >> LOGICAL_BITS;
  const physical = lastPhysical > clamped(wallClockMs) ? lastPhysical : clamped(wallClockMs);
  const logical = physical === lastPhysical ? (previous & MAX_LOGICAL) + 1n : 0n;
  return advance(physical, logical);
}

/**
 * Whether `remote` is more than `maxAhead` ms ahead of the wall clock, so `receive` will not follow it.
 * @param {bigint} remote
 * @param {number|bigint} wallClockMs
 * @param {number|bigint} [maxAhead=DEFAULT_MAX_AHEAD]
 * @returns {boolean}
 */
export function isTooFarAhead(remote, wallClockMs, maxAhead = DEFAULT_MAX_AHEAD) {
  const bound = BigInt(maxAhead) < 0n ? 0n : BigInt(maxAhead);
  return (remote >> LOGICAL_BITS) - clamped(wallClockMs) > bound;
}

/**
 * The receive rule: the reading after applying a change stamped `remote` from another node.
 * Greater than both `local` and `remote`, unless `remote` is too far ahead (then a plain `now` tick,
 * as Swift's HybridClock.receive).
 * @param {bigint} local the clock's previous reading
 * @param {bigint} remote the received change's timestamp
 * @param {number|bigint} wallClockMs
 * @param {number|bigint} [maxAhead=DEFAULT_MAX_AHEAD]
 * @returns {bigint}
 */
export function receive(local, remote, wallClockMs, maxAhead = DEFAULT_MAX_AHEAD) {
  if (isTooFarAhead(remote, wallClockMs, maxAhead)) return now(wallClockMs, local);
  const last = local > GREATEST ? GREATEST : local;
  const other = remote > GREATEST ? GREATEST : remote;
  const lastPhysical = last >> LOGICAL_BITS;
  const remotePhysical = other >> LOGICAL_BITS;
  let physical = clamped(wallClockMs);
  if (lastPhysical > physical) physical = lastPhysical;
  if (remotePhysical > physical) physical = remotePhysical;
  const lastLogical = last & MAX_LOGICAL;
  const remoteLogical = other & MAX_LOGICAL;
  let logical;
  if (physical === lastPhysical && physical === remotePhysical) {
    logical = (lastLogical > remoteLogical ? lastLogical : remoteLogical) + 1n;
  } else if (physical === lastPhysical) logical = lastLogical + 1n;
  else if (physical === remotePhysical) logical = remoteLogical + 1n;
  else logical = 0n;
  return advance(physical, logical);
}

/**
 * The timestamp as its JSON integer token (a decimal string), for json.js's writer.
 * @param {bigint} hlc
 * @returns {string} e.g. "113467647590400000"
 */
export function toJSON(hlc) {
  if (!isInRange(hlc)) throw sentraError("invalid_hlc", `HLC ${hlc} is out of range`);
  return hlc.toString(10);
}

/**
 * Reads a wire timestamp: a BigInt (as json.js gives big integers), a safe integer Number (small
 * values, as json.js gives them), or the integer token text. Refuses anything out of range, and any
 * Number beyond 2^53, which may already have been rounded.
 * @param {bigint|number|string} raw
 * @returns {bigint}
 */
export function fromJSON(raw) {
  let value;
  if (typeof raw === "bigint") value = raw;
  else if (typeof raw === "number" && Number.isSafeInteger(raw)) value = BigInt(raw);
  else if (typeof raw === "string" && /^(0|-?[1-9][0-9]*)$/.test(raw)) value = BigInt(raw);
  else throw sentraError("invalid_hlc", `HLC ${String(raw)} is not an exact integer`);
  if (!isInRange(value)) throw sentraError("invalid_hlc", `HLC ${value} is out of range (0 to 2^62 − 1)`);
  return value;
}

/**
 * The timestamp as people read it: `physical.logical`, e.g. "1732850000000.3".
 * @param {bigint} hlc
 * @returns {string}
 */
export function format(hlc) {
  const { physical, logical } = unpack(hlc);
  return `${physical}.${logical}`;
}
