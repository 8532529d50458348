// change.js: the change model, as Swift's Change in SentraCore and its wire form (protocol.md §8).
//
// A change is one write by one node. In memory it is the wire object with two types made exact:
//
//   { origin: "3f9c0a1b22d4e8f1", counter: 2,        // the dot
//     hlc: 113467647590400000n,                        // BigInt, see hlc.js
//     record: "0193…", form: "usaha",
//     context: Map { "3f9c0a1b22d4e8f1" => 1 },        // the record's context as the writer knew it
//     set: { pekerja_perempuan: 8 } }                  // or  delete: true  (and no `set`)
//
// `fromWire` checks everything the node checks on a push (protocol.md §8 "Change"), so the field
// app refuses a bad pulled change as the server refuses a bad pushed one. `canonical` is the text
// two copies of one dot are compared by (`conflicting_dot`).

import { sentraError } from "./errors.js";
import * as HLC from "./hlc.js";
import * as VV from "./version-vector.js";
import { stringify } from "./json.js";

/** The reserved field a deletion writes `true` to and a restore `false`. */
export const DELETED = "_deleted";
/** The reserved field holding the office's review (decision 0013). */
export const REVIEW = "_review";

const NAME = /^[A-Za-z0-9-][A-Za-z0-9_-]{0,63}$/;
const EXPORT_COLUMNS = new Set(["id", "form", "conflict", "deleted", "review_state", "review_note", "reviewer", "review_time"]);
const REVIEW_STATES = new Set(["received", "hasIssues", "approved", "rejected", "edited"]);

/**
 * Whether `name` is a valid form (or survey) name: 1 to 64 of `A-Z a-z 0-9 _ -`, not starting with `_`.
 * @param {unknown} name
 * @returns {boolean}
 */
export function isValidName(name) {
  return typeof name === "string" && NAME.test(name);
}

/**
 * Whether a user may write field `name`: a valid name that is not an export column.
 * @param {string} name
 * @returns {boolean}
 */
export function isValidUserField(name) {
  return isValidName(name) && !EXPORT_COLUMNS.has(name);
}

/**
 * Whether `id` is a valid record ID: 1 to 128 printable ASCII characters without spaces.
 * @param {unknown} id
 * @returns {boolean}
 */
export function isValidRecordID(id) {
  return typeof id === "string" && /^[\x21-\x7e]{1,128}$/.test(id);
}

function isReview(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  if (!Object.keys(value).every((k) => k === "state" || k === "note" || k === "by")) return false;
  const note = value.note ?? "";
  const by = value.by ?? "";
  return REVIEW_STATES.has(value.state) && typeof note === "string" && typeof by === "string"
    && [...note].length <= 4000 && [...by].length <= 200;
}

/**
 * Why `set` cannot be a change's assignments, or null when it can (Swift's Change.invalidAssignment).
 * @param {Record<string, unknown>} set
 * @returns {string|null}
 */
export function invalidAssignment(set) {
  const fields = Object.keys(set);
  if (fields.length === 0) return '"set" assigns no field; a change assigns at least one';
  for (const field of fields) {
    if (isValidUserField(field)) continue;
    if (field === DELETED) {
      if (set[field] !== false) return '"set" may hold "_deleted" only as false (a restore); a deletion is "delete": true';
    } else if (field === REVIEW) {
      if (!isReview(set[field])) return '"_review" must be {"state", "note", "by"} with a known state';
    } else {
      return `invalid field ${JSON.stringify(field)}`;
    }
  }
  return null;
}

/**
 * The dot's text form, `origin:counter`, used as a map key (node IDs hold no ':').
 * @param {string} origin
 * @param {number} counter
 * @returns {string}
 */
export function dotKey(origin, counter) {
  return `${origin}:${counter}`;
}

/**
 * The field assignments a change makes, a deletion written as `_deleted = true` (Swift's `assignments`).
 * @param {{set?: Record<string, unknown>, delete?: boolean}} change
 * @returns {[string, unknown][]}
 */
export function assignments(change) {
  return change.delete ? [[DELETED, true]] : Object.entries(change.set);
}

/**
 * Checks a change already in memory form and returns it; throws `invalid_body` naming the problem.
 * @param {object} change
 * @returns {object} `change`
 */
export function validate(change) {
  const bad = (why) => {
    throw sentraError("invalid_body", `invalid change: ${why}`);
  };
  if (!VV.isNodeID(change.origin)) bad("invalid origin");
  if (!Number.isSafeInteger(change.counter) || change.counter < 1) bad("counter must be at least 1");
  if (!HLC.isInRange(change.hlc)) bad("hlc out of range");
  if (!isValidRecordID(change.record)) bad("invalid record ID");
  if (!isValidName(change.form)) bad("invalid form name");
  if (!(change.context instanceof Map)) bad("context must be a Map");
  const hasSet = change.set !== undefined && change.set !== null;
  if (hasSet === (change.delete === true)) bad('a change has either "set" or "delete": true');
  if (hasSet) {
    if (typeof change.set !== "object" || Array.isArray(change.set)) bad('"set" must be an object');
    const reason = invalidAssignment(change.set);
    if (reason) bad(reason);
  }
  return change;
}

/**
 * Reads a change from its wire object (as json.js parses it) into memory form, checking it.
 * @param {any} wire
 * @returns {object} the change, with `hlc` a BigInt and `context` a Map
 * @throws {Error} code `invalid_body` or `invalid_hlc`
 */
export function fromWire(wire) {
  if (wire === null || typeof wire !== "object" || Array.isArray(wire)) {
    throw sentraError("invalid_body", "a change is a JSON object");
  }
  const known = new Set(["origin", "counter", "hlc", "record", "form", "context", "set", "delete"]);
  for (const key of Object.keys(wire)) if (!known.has(key)) throw sentraError("invalid_body", `unknown member ${JSON.stringify(key)}`);
  if (wire.delete !== undefined && typeof wire.delete !== "boolean") throw sentraError("invalid_body", '"delete" must be a boolean');
  const change = {
    origin: wire.origin,
    counter: wire.counter,
    hlc: HLC.fromJSON(wire.hlc),
    record: wire.record,
    form: wire.form,
    context: VV.fromObject(wire.context),
  };
  if (wire.delete === true) change.delete = true;
  if (wire.set !== undefined) change.set = wire.set;
  return validate(change);
}

/**
 * The wire object of a change, ready for json.js's `stringify` (hlc stays a BigInt).
 * @param {object} change
 * @returns {object}
 */
export function toWire(change) {
  const wire = {
    origin: change.origin,
    counter: change.counter,
    hlc: change.hlc,
    record: change.record,
    form: change.form,
    context: VV.toObject(change.context),
  };
  if (change.delete) wire.delete = true;
  else wire.set = change.set;
  return wire;
}

/**
 * The canonical JSON of a change: sorted keys, no spaces; two copies of a dot must agree on it.
 * @param {object} change
 * @returns {string}
 */
export function canonical(change) {
  return stringify(toWire(change));
}
