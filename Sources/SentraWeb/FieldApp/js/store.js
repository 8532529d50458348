// store.js: the field app's IndexedDB database, the browser's counterpart of the replica's SQLite
// file. Two object stores:
//
//   log   every change held, in the order applied (a causal order), keyed by an increasing
//         number; a unique index on the dot ("origin:counter") refuses a second copy of a dot, so
//         two tabs writing at once fail instead of forking this node's counter;
//   meta  small values by name: "device" (enrolment: node URL, token, survey, this node's ID and
//         name), "clock" (the HLC as a BigInt), "names" (other nodes' names), "cursor" (sync.js),
//         "forms" (the published forms), "activity" (last sent, last received, last error),
//         "bundles" (what each saved bundle file carried).
//
// Changes are stored as their in-memory objects: structured clone keeps the BigInt HLC and the
// context Map exact. Every write is one transaction: a page of pulled changes and the names it
// taught arrive together or not at all.

import { sentraError } from "./errors.js";

const DB_NAME = "sentra-field";
const DB_VERSION = 1;

/** Opens (and on first use creates) the app's database. */
export function openDatabase(name = DB_NAME) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      const log = db.createObjectStore("log", { autoIncrement: true });
      log.createIndex("dot", "dot", { unique: true });
      db.createObjectStore("meta");
    };
    request.onsuccess = () => resolve(new Store(request.result));
    request.onerror = () => reject(storageError(request.error));
    request.onblocked = () => reject(sentraError("storage_blocked", "the app's storage is held by another tab; close the other Sentra tabs"));
  });
}

/** Deletes the app's database: what "leave this survey" does once everything is sent. */
export function deleteDatabase(name = DB_NAME) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(storageError(request.error));
  });
}

/** The open database, with the few operations the app needs. */
export class Store {
  /** @param {IDBDatabase} db */
  constructor(db) {
    this.db = db;
    // Another tab upgrading or deleting the database: let it, and stop using this connection.
    db.onversionchange = () => db.close();
  }

  /**
   * Every change in the log, in the order applied.
   * @returns {Promise<object[]>}
   */
  async changes() {
    const rows = await this.read(["log"], (tx) => request(tx.objectStore("log").getAll()));
    return rows.map((row) => row.change);
  }

  /**
   * A value from `meta`, or undefined.
   * @param {string} key
   */
  get(key) {
    return this.read(["meta"], (tx) => request(tx.objectStore("meta").get(key)));
  }

  /**
   * Several values from `meta` at once, by key.
   * @param {string[]} keys
   * @returns {Promise<Record<string, unknown>>}
   */
  async getAll(keys) {
    const values = await this.read(["meta"], (tx) => Promise.all(keys.map((key) => request(tx.objectStore("meta").get(key)))));
    return Object.fromEntries(keys.map((key, i) => [key, values[i]]));
  }

  /**
   * Writes, in one transaction, `changes` to the log and `meta` values (undefined deletes).
   * @param {object[]} changes changes in memory form, in causal order
   * @param {Record<string, unknown>} [meta]
   * @throws {Error} code `storage_full` when the browser's quota is used up, `duplicate_dot` when
   *   the log already holds one of the dots (another tab wrote it), else `storage_failed`; nothing is written
   */
  write(changes, meta = {}) {
    return new Promise((resolve, reject) => {
      let tx;
      try {
        tx = this.db.transaction(["log", "meta"], "readwrite", { durability: "strict" });
      } catch (error) {
        reject(storageError(error));
        return;
      }
      const log = tx.objectStore("log");
      for (const change of changes) log.add({ dot: `${change.origin}:${change.counter}`, change });
      const store = tx.objectStore("meta");
      for (const [key, value] of Object.entries(meta)) {
        if (value === undefined) store.delete(key);
        else store.put(value, key);
      }
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(storageError(tx.error));
    });
  }

  /**
   * Puts one `meta` value.
   * @param {string} key
   * @param {unknown} value
   */
  put(key, value) {
    return this.write([], { [key]: value });
  }

  read(stores, body) {
    const tx = this.db.transaction(stores, "readonly");
    return body(tx);
  }

  close() {
    this.db.close();
  }
}

/** An IDBRequest as a promise. */
function request(idbRequest) {
  return new Promise((resolve, reject) => {
    idbRequest.onsuccess = () => resolve(idbRequest.result);
    idbRequest.onerror = () => reject(storageError(idbRequest.error));
  });
}

/** A DOMException from IndexedDB as an error with a code the views can word. */
export function storageError(error) {
  if (error?.code && typeof error.code === "string" && !(error instanceof DOMException)) return error;
  const name = error?.name ?? "";
  if (name === "QuotaExceededError") return sentraError("storage_full", "the phone's storage for this app is full");
  if (name === "ConstraintError") return sentraError("duplicate_dot", "another tab wrote to this replica at the same time; reload the page");
  return sentraError("storage_failed", `the browser's storage failed: ${name || "unknown"} ${error?.message ?? ""}`.trim());
}
