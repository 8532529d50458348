// record.js: the field merge rule, as Swift's RecordState, FieldEntry and Conflict in SentraCore
// (semantics.md §2–7, the reference model's Node.apply).
//
// A record state is
//
//   { id, form, formStamp,                                    // the record's form (semantics §4)
//     fields: Map<field, Map<dotKey, {hlc, value, node, counter}>>,
//     ctx: Map<origin, counter> }                             // the record's context
//
// Each field is a multi-value register. A change with context `ctx` that assigns field `f`
// removes every entry of `f` that `ctx` covers, then adds its own entry; a delete does the same to
// every field and writes `_deleted = true`. Two entries left in one field are a conflict. Fields
// with no entries are absent. `applyChange` mutates the state (Swift's `mutating func apply`) and
// does not check causal delivery: the replica does (replica-core.js).

import { DELETED, assignments, dotKey } from "./change.js";
import * as VV from "./version-vector.js";

/**
 * An empty record, before its first change.
 * @param {string} [id=""]
 * @returns {{id: string, form: string, formStamp: object|null, fields: Map, ctx: Map<string, number>}}
 */
export function emptyRecord(id = "") {
  return { id, form: "", formStamp: null, fields: new Map(), ctx: new Map() };
}

/**
 * Orders entries for display: positive when `a` is displayed ahead of `b`, by `(hlc, node, counter)`.
 * Node IDs compare as text (code units, as Swift compares these ASCII strings).
 * @param {{hlc: bigint, node: string, counter: number}} a
 * @param {{hlc: bigint, node: string, counter: number}} b
 * @returns {number}
 */
export function compareDisplay(a, b) {
  if (a.hlc !== b.hlc) return a.hlc > b.hlc ? 1 : -1;
  if (a.node !== b.node) return a.node > b.node ? 1 : -1;
  return a.counter - b.counter;
}

/**
 * Orders entries by dot: origin as text, then counter (the order conflicts list values in).
 * @param {{node: string, counter: number}} a
 * @param {{node: string, counter: number}} b
 * @returns {number}
 */
export function compareDot(a, b) {
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return a.counter - b.counter;
}

/**
 * The entry every replica displays: the greatest `(hlc, node, counter)`; undefined when none.
 * @param {Iterable<{hlc: bigint, node: string, counter: number}>} entries
 * @returns {object|undefined}
 */
export function displayWinner(entries) {
  let winner;
  for (const entry of entries) if (winner === undefined || compareDisplay(entry, winner) > 0) winner = entry;
  return winner;
}

/**
 * A field's entries, sorted by dot (empty when the field has none).
 * @param {object} state
 * @param {string} field
 * @returns {object[]}
 */
export function entriesOf(state, field) {
  return [...(state.fields.get(field)?.values() ?? [])].sort(compareDot);
}

/**
 * Applies `change` to `state` in place and returns what changed; a change already in the record's
 * context changes nothing. The caller is responsible for causal delivery.
 * @param {object} state a record state (emptyRecord)
 * @param {object} change a change in memory form (change.js)
 * @returns {{removed: {field: string, node: string, counter: number}[], added: {field: string, entry: object}[], formChanged: boolean}}
 */
export function applyChange(state, change) {
  const delta = { removed: [], added: [], formChanged: false };
  if (VV.covers(state.ctx, change)) return delta;
  const cleared = change.delete ? [...state.fields.keys()] : Object.keys(change.set);
  for (const field of cleared) {
    const entries = state.fields.get(field);
    if (!entries) continue;
    for (const [key, entry] of entries) {
      if (VV.covers(change.context, { origin: entry.node, counter: entry.counter })) {
        entries.delete(key);
        delta.removed.push({ field, node: entry.node, counter: entry.counter });
      }
    }
    if (entries.size === 0) state.fields.delete(field);
  }
  const key = dotKey(change.origin, change.counter);
  for (const [field, value] of assignments(change)) {
    const entry = { hlc: change.hlc, value, node: change.origin, counter: change.counter };
    if (!state.fields.has(field)) state.fields.set(field, new Map());
    state.fields.get(field).set(key, entry);
    delta.added.push({ field, entry });
  }
  const stamp = { hlc: change.hlc, node: change.origin, counter: change.counter };
  if (state.formStamp === null || compareDisplay(stamp, state.formStamp) > 0) {
    state.formStamp = stamp;
    state.form = change.form;
    delta.formChanged = true;
  }
  VV.include(state.ctx, change);
  return delta;
}

/**
 * Whether the record is deleted: the display winner of `_deleted` is `true`.
 * @param {object} state
 * @returns {boolean}
 */
export function isDeleted(state) {
  return displayWinner(state.fields.get(DELETED)?.values() ?? [])?.value === true;
}

/**
 * The user fields' names (every field but `_deleted`), sorted.
 * @param {object} state
 * @returns {string[]}
 */
export function userFields(state) {
  return [...state.fields.keys()].filter((f) => f !== DELETED).sort();
}

/**
 * The value every replica displays for each user field.
 * @param {object} state
 * @returns {Record<string, unknown>}
 */
export function displayValues(state) {
  const values = {};
  for (const field of userFields(state)) values[field] = displayWinner(state.fields.get(field).values()).value;
  return values;
}

/**
 * The conflicts in the record as `policy` presents them (Swift's RecordState.conflicts):
 * a delete/edit conflict first (field null, the surviving user entries by field then dot), then
 * each field with two or more entries, by field name, unless its policy is `lww`. `_deleted` and
 * delete/edit conflicts are flagged whatever the policy. Entries are sorted by dot; `displayed` is
 * the display winner.
 * @param {object} state
 * @param {(field: string) => "flag"|"lww"} [policy] the form's policy per field; `flag` by default
 * @returns {{record: string, field: string|null, entries: object[], displayed: object}[]}
 */
export function conflicts(state, policy = () => "flag") {
  const result = [];
  const users = userFields(state);
  if (isDeleted(state) && users.length > 0) {
    const entries = users.flatMap((f) => entriesOf(state, f).map((e) => ({ ...e, field: f })));
    result.push({ record: state.id, field: null, entries, displayed: displayWinner(entries) });
  }
  for (const field of [...state.fields.keys()].sort()) {
    if (state.fields.get(field).size < 2) continue;
    if (field !== DELETED && policy(field) === "lww") continue;
    const entries = entriesOf(state, field);
    result.push({ record: state.id, field, entries, displayed: displayWinner(entries) });
  }
  return result;
}

/**
 * The change that resolves a conflict: an ordinary write whose context is the record's whole
 * context, so it covers every entry the writer holds. `resolution` is `{set}` (new values; to take
 * an existing one, write it again), `{delete: true}` (delete again, covering the edits) or
 * `{restore: true}` (`_deleted = false`, bringing the record back with its surviving entries).
 * @param {object} state the record as the resolving node holds it
 * @param {{origin: string, counter: number, hlc: bigint, form?: string}} stamp the new change's dot and time
 * @param {{set?: Record<string, unknown>, delete?: boolean, restore?: boolean}} resolution
 * @returns {object} the change, not yet applied
 */
export function resolveChange(state, stamp, resolution) {
  const change = {
    origin: stamp.origin,
    counter: stamp.counter,
    hlc: stamp.hlc,
    record: state.id,
    form: stamp.form ?? state.form,
    context: new Map(state.ctx),
  };
  if (resolution.delete) change.delete = true;
  else change.set = { ...(resolution.set ?? {}), ...(resolution.restore ? { [DELETED]: false } : {}) };
  return change;
}
