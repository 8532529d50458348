// replica-core.js: an in-memory Sentra replica, the browser's counterpart of SentraStore's
// Replica without the storage: node ID, counter, clock, version vector, change log and records.
//
// It is the reference model's `Node` (semantics_model.py) made real: local writes stamp a dot, an
// HLC and the record's context; remote changes are applied causally and idempotently. Where the
// model asserts, this refuses: a change that breaks per-origin FIFO or whose context the replica
// does not hold throws an Error with `code: "causal_gap"`, a held dot with other content
// `conflicting_dot`, a change under this node's own origin that it did not write `own_origin`,
// and the replica is left unchanged. `applyBatch` checks a whole batch before applying any of it,
// as the store's one transaction does.
//
// Storage-agnostic on purpose: IndexedDB persistence (a later step) saves what `write` and
// `apply` return and loads it back with `Replica.restore`.

import * as C from "./change.js";
import { sentraError } from "./errors.js";
import * as HLC from "./hlc.js";
import * as R from "./record.js";
import * as VV from "./version-vector.js";

/** An in-memory replica of one survey. */
export class Replica {
  /**
   * @param {string} nodeId this node's ID
   * @param {{name?: string, form?: string, now?: () => number, maxAhead?: number|bigint}} [options]
   *   `name`: this node's name for people (the node ID by default), sent with every sync;
   *   `form`: the form local writes name by default; `now`: the wall clock (ms), Date.now by default;
   *   `maxAhead`: how far ahead (ms) a received clock is still followed (24 h by default)
   */
  constructor(nodeId, options = {}) {
    if (!VV.isNodeID(nodeId)) throw sentraError("invalid_input", `invalid node ID ${JSON.stringify(nodeId)}`);
    this.nodeId = nodeId;
    this.name = options.name ?? nodeId;
    /** @type {Map<string, string>} the names other nodes go by, as syncs told them (node ID → name) */
    this.names = new Map();
    this.form = options.form ?? "usaha";
    this.wallClock = options.now ?? Date.now;
    this.maxAhead = options.maxAhead ?? HLC.DEFAULT_MAX_AHEAD;
    /** This node's last counter. */
    this.counter = 0;
    /** The clock's last reading. */
    this.clock = HLC.ZERO;
    /** Changes received with a clock too far ahead to follow. */
    this.clockAhead = 0;
    /** @type {Map<string, number>} */
    this.vv = new Map();
    /** @type {object[]} every change held, in the order applied (a causal order) */
    this.log = [];
    /** @type {Map<string, object>} dot key → change */
    this.byDot = new Map();
    /** @type {Map<string, object>} record ID → record state */
    this.records = new Map();
  }

  /**
   * The record's state, created empty if the replica has none.
   * @param {string} recordId
   * @returns {object}
   */
  record(recordId) {
    if (!this.records.has(recordId)) this.records.set(recordId, R.emptyRecord(recordId));
    return this.records.get(recordId);
  }

  /**
   * A local write: assigns `assign` (or deletes the record) with the record's current context,
   * applies it and returns the change. Never touches the network.
   * @param {string} recordId
   * @param {Record<string, unknown>|null} assign field → value (ignored for a delete)
   * @param {{delete?: boolean, form?: string, hlc?: bigint}} [options] `hlc` overrides the clock
   *   (tests and replays only)
   * @returns {object} the change written
   * @throws {Error} code `invalid_body` when the write is not a valid change
   */
  write(recordId, assign, options = {}) {
    const state = this.records.get(recordId) ?? R.emptyRecord(recordId);
    const hlc = options.hlc ?? HLC.now(this.wallClock(), this.clock);
    const change = {
      origin: this.nodeId,
      counter: this.counter + 1,
      hlc,
      record: recordId,
      form: options.form ?? this.form,
      context: new Map(state.ctx),
    };
    if (options.delete) change.delete = true;
    else change.set = { ...assign };
    C.validate(change);
    if (hlc > this.clock) this.clock = hlc;
    this.commit(change);
    return change;
  }

  /**
   * Resolves a record's conflict with a write whose context covers all its entries
   * (see record.js `resolveChange`).
   * @param {string} recordId
   * @param {{set?: Record<string, unknown>, delete?: boolean, restore?: boolean}} resolution
   * @returns {object} the change written
   */
  resolve(recordId, resolution) {
    const state = this.records.get(recordId);
    if (!state) throw sentraError("unknown_record", `no record ${JSON.stringify(recordId)} here`);
    const hlc = HLC.now(this.wallClock(), this.clock);
    const stamp = { origin: this.nodeId, counter: this.counter + 1, hlc, form: state.form || this.form };
    const change = C.validate(R.resolveChange(state, stamp, resolution));
    this.clock = hlc;
    this.commit(change);
    return change;
  }

  /**
   * Applies one change from another node. Idempotent: a change already held is skipped (after
   * checking it is the same change) and false is returned.
   * @param {object} change a change in memory form
   * @returns {boolean} whether it was applied
   * @throws {Error} code `causal_gap`, `conflicting_dot`, `own_origin` or `invalid_body`; nothing changes
   */
  apply(change) {
    return this.applyBatch([change]).applied === 1;
  }

  /**
   * Applies a batch in order, all or nothing: every change is checked against what the replica
   * holds plus the batch's earlier changes before any is applied. A change may depend on an earlier
   * one in the same batch.
   * @param {object[]} changes
   * @returns {{applied: number, skipped: number}}
   * @throws {Error} code `causal_gap`, `conflicting_dot`, `own_origin` or `invalid_body`; nothing changes
   */
  applyBatch(changes) {
    const vv = new Map(this.vv);
    const fresh = [];
    const seen = new Map();
    for (const change of changes) {
      C.validate(change);
      const key = C.dotKey(change.origin, change.counter);
      if (VV.covers(vv, change)) {
        const held = this.byDot.get(key) ?? seen.get(key);
        if (C.canonical(held) !== C.canonical(change)) {
          throw sentraError("conflicting_dot", `change ${key} differs from the change held under that dot; the batch was refused`);
        }
        continue;
      }
      if (change.origin === this.nodeId) {
        throw sentraError("own_origin", `change ${key} claims this node's origin but this node did not write it`);
      }
      if (VV.get(vv, change.origin) !== change.counter - 1) {
        throw sentraError("causal_gap", `change ${key} arrived before ${C.dotKey(change.origin, VV.get(vv, change.origin) + 1)}; the batch has a gap and was refused, nothing was applied`);
      }
      for (const [origin, counter] of change.context) {
        if (VV.get(vv, origin) < counter) {
          throw sentraError("causal_gap", `change ${key} depends on ${C.dotKey(origin, counter)}, which is not held; the batch was refused, nothing was applied`);
        }
      }
      VV.include(vv, change);
      seen.set(key, change);
      fresh.push(change);
    }
    for (const change of fresh) {
      const now = this.wallClock();
      if (HLC.isTooFarAhead(change.hlc, now, this.maxAhead)) this.clockAhead++;
      this.clock = HLC.receive(this.clock, change.hlc, now, this.maxAhead);
      this.commit(change);
    }
    return { applied: fresh.length, skipped: changes.length - fresh.length };
  }

  /** Merges a checked change into its record, the log and the version vector. */
  commit(change) {
    R.applyChange(this.record(change.record), change);
    VV.include(this.vv, change);
    if (change.origin === this.nodeId && change.counter > this.counter) this.counter = change.counter;
    this.log.push(change);
    this.byDot.set(C.dotKey(change.origin, change.counter), change);
  }

  /**
   * Remembers the names of other nodes (a pull's or a bundle's `nodes`); the latest name told for
   * an ID wins, and this node's own entry is ignored, as the store's `learn(_:except:)` does.
   * @param {Iterable<{id: string, name: string}>} nodes
   */
  learnNames(nodes) {
    for (const { id, name } of nodes) {
      if (id !== this.nodeId && VV.isNodeID(id) && typeof name === "string") this.names.set(id, name);
    }
  }

  /**
   * Every node this replica knows by name, itself included, sorted by ID: a push's `nodes`
   * (Swift's `Replica.knownNodes`).
   * @returns {{id: string, name: string}[]}
   */
  knownNodes() {
    const all = new Map(this.names).set(this.nodeId, this.name);
    return [...all.keys()].sort().map((id) => ({ id, name: all.get(id) }));
  }

  /**
   * The changes a peer holding `vv` lacks, in log order (causal): what a sync sends it.
   * @param {Map<string, number>} vv
   * @returns {object[]}
   */
  missingFor(vv) {
    return VV.missing(this.log, vv);
  }

  /**
   * The replicated state in the reference model's canonical shape (`Node.state()`):
   * `{recordId: {field: [[[origin, counter], [hlc, value]], …]}}`, entries sorted by dot, empty
   * fields left out. `hlc` stays a BigInt.
   * @returns {Record<string, Record<string, [[string, number], [bigint, unknown]][]>>}
   */
  state() {
    const out = {};
    for (const id of [...this.records.keys()].sort()) {
      const record = this.records.get(id);
      const fields = {};
      for (const field of [...record.fields.keys()].sort()) {
        fields[field] = R.entriesOf(record, field).map((e) => [[e.node, e.counter], [e.hlc, e.value]]);
      }
      out[id] = fields;
    }
    return out;
  }

  /**
   * Every record's conflicts, as Swift's RecordState.conflicts presents them: records by ID.
   * @param {(field: string, record: object) => "flag"|"lww"} [policy] `flag` for every field by default
   * @returns {{record: string, field: string|null, entries: object[], displayed: object}[]}
   */
  conflicts(policy = () => "flag") {
    return [...this.records.keys()].sort().flatMap((id) => {
      const record = this.records.get(id);
      return R.conflicts(record, (field) => policy(field, record));
    });
  }

  /**
   * The conflicts in the reference model's shape (`Node.conflicts()`): `[recordId, field|null]`
   * pairs, every field flagged, in the model's order (by record, named fields by name, then the
   * delete/edit conflict).
   * @returns {[string, string|null][]}
   */
  conflictKeys() {
    return this.conflicts().map((c) => [c.record, c.field]).sort(([ra, fa], [rb, fb]) => {
      if (ra !== rb) return ra < rb ? -1 : 1;
      if (fa === fb) return 0;
      if (fa === null) return 1;
      if (fb === null) return -1;
      return fa < fb ? -1 : 1;
    });
  }
}
