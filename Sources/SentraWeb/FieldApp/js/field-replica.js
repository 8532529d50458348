// field-replica.js: the browser replica, replica-core.js's in-memory Replica kept in IndexedDB
// (store.js). The log is the truth: opening replays it into a fresh Replica (records, version
// vector, counter), and every write or pulled page is applied in memory and then stored in one
// transaction. When storing fails, the memory is thrown away and read back from the database, so
// what the app shows is always what a reload would show.

import * as HLC from "./hlc.js";
import { Replica } from "./replica-core.js";

/** A replica whose every change is in IndexedDB before the call returns. */
export class FieldReplica {
  /**
   * Opens the replica stored in `store`.
   * @param {import("./store.js").Store} store
   * @param {{nodeId: string, name: string, form?: string}} device this node's ID and name
   * @returns {Promise<FieldReplica>}
   */
  static async open(store, device) {
    const replica = new FieldReplica(store, device);
    await replica.load();
    return replica;
  }

  constructor(store, device) {
    this.store = store;
    this.device = device;
    /** @type {Replica} */
    this.core = null;
  }

  /** (Re)reads everything from the database. */
  async load() {
    const [changes, meta] = await Promise.all([this.store.changes(), this.store.getAll(["clock", "names", "cursor", "bundles"])]);
    const core = new Replica(this.device.nodeId, { name: this.device.name, form: this.device.form });
    for (const change of changes) core.commit(change);
    let clock = typeof meta.clock === "bigint" ? meta.clock : HLC.ZERO;
    for (const change of changes) if (change.hlc > clock) clock = change.hlc;
    core.clock = clock;
    if (meta.names instanceof Map) core.names = meta.names;
    this.core = core;
    /** The sync cursor as stored (`{survey, cursor}`): what the node held when last heard from. */
    this.savedCursor = meta.cursor;
    /** The bundle files saved, `[{file, savedAt, counter}]`: this node's counter each carried up to. */
    this.bundles = meta.bundles ?? [];
  }

  /** The latest bundle file saved, or null. */
  get lastBundle() {
    return this.bundles.at(-1) ?? null;
  }

  /** Notes a saved bundle file that carried this node's changes up to `counter`. */
  async bundleSaved(file, savedAt) {
    const bundles = [...this.bundles, { file, savedAt, counter: this.core.counter }].slice(-20);
    await this.store.put("bundles", bundles);
    this.bundles = bundles;
  }

  get nodeId() { return this.core.nodeId; }
  get name() { return this.core.name; }
  get vv() { return this.core.vv; }
  get log() { return this.core.log; }
  get records() { return this.core.records; }
  get names() { return this.core.names; }
  get clockAhead() { return this.core.clockAhead; }

  /**
   * A local write (replica-core `write`), stored before it returns.
   * @returns {Promise<object>} the change
   */
  async write(recordId, assign, options = {}) {
    return this.storing(() => this.core.write(recordId, assign, options));
  }

  /**
   * Resolves a conflict (replica-core `resolve`), stored before it returns.
   * @returns {Promise<object>} the change
   */
  async resolve(recordId, resolution) {
    return this.storing(() => this.core.resolve(recordId, resolution));
  }

  /**
   * Applies a batch from another node, all or nothing, stored in one transaction.
   * @returns {Promise<{applied: number, skipped: number}>}
   */
  async applyBatch(changes) {
    return this.storing(() => this.core.applyBatch(changes));
  }

  /** Learns other nodes' names; they are stored with the next write. */
  learnNames(nodes) {
    this.core.learnNames(nodes);
    this.namesChanged = true;
  }

  knownNodes() { return this.core.knownNodes(); }
  missingFor(vv) { return this.core.missingFor(vv); }
  conflicts(policy) { return this.core.conflicts(policy); }
  record(recordId) { return this.core.records.get(recordId); }

  /** Runs `body` on the in-memory replica and stores the changes it logged, with the clock. */
  async storing(body) {
    const before = this.core.log.length;
    const result = body();
    const fresh = this.core.log.slice(before);
    const meta = { clock: this.core.clock };
    if (this.namesChanged) meta.names = new Map(this.core.names);
    try {
      if (fresh.length > 0 || this.namesChanged) await this.store.write(fresh, meta);
      this.namesChanged = false;
    } catch (error) {
      await this.load();
      throw error;
    }
    return result;
  }

  /**
   * sync.js's cursor store, kept in `meta` under "cursor" with the names learnt so far.
   * @returns {{get(survey: string): Promise<object|undefined>, set(survey: string, cursor: object): Promise<void>}}
   */
  cursorStore() {
    return {
      get: async (survey) => {
        const saved = await this.store.get("cursor");
        return saved?.survey === survey ? saved.cursor : undefined;
      },
      set: async (survey, cursor) => {
        const meta = { cursor: { survey, cursor } };
        if (this.namesChanged) meta.names = new Map(this.core.names);
        await this.store.write([], meta);
        this.namesChanged = false;
        this.savedCursor = meta.cursor;
      },
    };
  }
}
