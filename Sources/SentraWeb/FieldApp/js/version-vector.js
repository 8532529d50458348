// version-vector.js: version vectors and record contexts, as Swift's VersionVector.
//
// A vector maps an origin node ID to the highest counter held from it. Here it is a
// `Map<string, number>` (not a plain object: a node ID such as "__proto__" is valid and must stay
// data). Zero entries are never stored, so equal vectors cover equal dots. Counters are Numbers:
// they count one node's writes and stay far below 2^53.
//
// A dot `{origin, counter}` names one change. Because delivery is causal and per-origin FIFO, a
// replica's vector names exactly the changes it holds: it holds (n, k) iff vv[n] ≥ k.

import { sentraError } from "./errors.js";

const NODE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Whether `text` is a valid node ID: 1 to 64 of `A-Z a-z 0-9 . _ -`.
 * @param {unknown} text
 * @returns {boolean}
 */
export function isNodeID(text) {
  return typeof text === "string" && NODE_ID.test(text);
}

/**
 * The highest counter held from `origin`, or 0.
 * @param {Map<string, number>} vv
 * @param {string} origin
 * @returns {number}
 */
export function get(vv, origin) {
  return vv.get(origin) ?? 0;
}

/**
 * Whether `vv` covers the change named `dot`.
 * @param {Map<string, number>} vv
 * @param {{origin: string, counter: number}} dot
 * @returns {boolean}
 */
export function covers(vv, dot) {
  return get(vv, dot.origin) >= dot.counter;
}

/**
 * Whether every dot `other` covers is covered by `vv` too.
 * @param {Map<string, number>} vv
 * @param {Map<string, number>} other
 * @returns {boolean}
 */
export function dominates(vv, other) {
  for (const [origin, counter] of other) if (get(vv, origin) < counter) return false;
  return true;
}

/**
 * Raises `vv`'s entry for `dot.origin` to at least `dot.counter`, in place.
 * @param {Map<string, number>} vv
 * @param {{origin: string, counter: number}} dot
 * @returns {Map<string, number>} `vv`
 */
export function include(vv, dot) {
  if (get(vv, dot.origin) < dot.counter) vv.set(dot.origin, dot.counter);
  return vv;
}

/**
 * The pointwise maximum: the union of the dots both cover. Neither argument changes.
 * @param {Map<string, number>} a
 * @param {Map<string, number>} b
 * @returns {Map<string, number>}
 */
export function merge(a, b) {
  const result = new Map(a);
  for (const [origin, counter] of b) include(result, { origin, counter });
  return result;
}

/**
 * Whether two vectors cover the same dots.
 * @param {Map<string, number>} a
 * @param {Map<string, number>} b
 * @returns {boolean}
 */
export function equals(a, b) {
  return dominates(a, b) && dominates(b, a);
}

/**
 * The changes of `log` that `vv` does not cover, in log order (which respects causality).
 * @template {{origin: string, counter: number}} C
 * @param {Iterable<C>} log
 * @param {Map<string, number>} vv
 * @returns {C[]}
 */
export function missing(log, vv) {
  const result = [];
  for (const change of log) if (!covers(vv, change)) result.push(change);
  return result;
}

/**
 * Reads a wire vector (`{"3f9c0a1b22d4e8f1": 2}`), dropping zero entries.
 * @param {unknown} object
 * @returns {Map<string, number>}
 * @throws {Error} code `invalid_body` on a bad node ID or counter
 */
export function fromObject(object) {
  if (object === null || typeof object !== "object" || Array.isArray(object) || object instanceof Map) {
    if (object instanceof Map) return fromObject(Object.fromEntries(object));
    throw sentraError("invalid_body", "a version vector is an object of node ID → counter");
  }
  const vv = new Map();
  for (const [origin, counter] of Object.entries(object)) {
    if (!isNodeID(origin) || !Number.isSafeInteger(counter) || counter < 0) {
      throw sentraError("invalid_body", `invalid version vector entry ${JSON.stringify(origin)}: ${String(counter)}`);
    }
    if (counter > 0) vv.set(origin, counter);
  }
  return vv;
}

/**
 * The wire form: an object with sorted keys, zero entries left out.
 * @param {Map<string, number>} vv
 * @returns {Record<string, number>}
 */
export function toObject(vv) {
  const object = {};
  for (const origin of [...vv.keys()].sort()) {
    const counter = vv.get(origin);
    if (counter > 0) Object.defineProperty(object, origin, { value: counter, enumerable: true, writable: true, configurable: true });
  }
  return object;
}
