// sync.js: one sync of one survey with one node, as Swift's SyncSession and SyncDriver do it
// (protocol.md §10): state, push what the node lacks, pull what this replica lacks.
//
// The cursor is the Swift client's peer cursor without the push position (the in-memory replica
// finds what to push from the version vectors alone): a plain object, so IndexedDB can keep it,
//
//   { peer: "d64c2fea473c6935", peerName: "kantor", logId: "07937e89-…", pullCursor: 42,
//     versionVector: { "3f9c…": 2 } }       // what the node held, as last heard
//
// saved through `cursorStore.set(survey, cursor)` after every pushed batch and after every pulled
// page is applied, never before: a sync cut off anywhere resumes from the last saved page, and the
// version vector sent with every pull keeps the node from sending anything twice.
//
// The cursor is dropped (the pull starts from 0, `peerReset` is reported and `onWarning` told) when
// the node's `logId` is not the saved one, its log is shorter than the saved position, or it holds
// less than it did (restored from a backup). A cursor saved for another node is ignored.

import { sentraError } from "./errors.js";
import * as R from "./record.js";
import * as VV from "./version-vector.js";

const CLIENT_BATCH = 2000;
const MAX_BATCH = 5000;
const CLOCK_SKEW_WARNING = 10 * 60 * 1000;

/**
 * A cursor store that keeps cursors in memory, by survey: for tests and for a page without storage.
 * @returns {{get(survey: string): object|undefined, set(survey: string, cursor: object): void, cursors: Map<string, object>}}
 */
export function memoryCursorStore() {
  const cursors = new Map();
  return {
    cursors,
    get: (survey) => (cursors.has(survey) ? structuredClone(cursors.get(survey)) : undefined),
    set: (survey, cursor) => void cursors.set(survey, structuredClone(cursor)),
  };
}

/**
 * Syncs `survey` of `replica` with the node behind `client`: pushes, in batches and in causal order,
 * every change the node's version vector lacks, then pulls page by page from the saved cursor,
 * applying each page with `replica.applyBatch` (all or nothing) before saving the cursor.
 *
 * @param {import("./replica-core.js").Replica} replica
 * @param {import("./protocol.js").NodeClient} client
 * @param {string} survey
 * @param {{cursorStore?: {get(survey: string): any, set(survey: string, cursor: object): any},
 *   batchSize?: number, onProgress?: (summary: object) => void, onWarning?: (line: string) => void,
 *   now?: () => number}} [options] `batchSize`: changes per push and per pull (2,000, as the Swift
 *   client; at most 5,000); `onProgress`: the running summary after each batch; `now`: the wall clock
 * @returns {Promise<{peer: {id: string, name: string}, survey: string, pushed: number, pulled: number,
 *   newConflicts: number, conflicts: number, clockOffset: number, clockAhead: number, peerReset: boolean,
 *   forms: Record<string, number>}>} `pushed`: changes the node applied; `pulled`: changes applied
 *   here; `newConflicts`: conflicts that appeared here; `conflicts`: all this replica's conflicts now;
 *   `forms`: the form versions the node passes on (fetch them with `client.forms` when newer)
 * @throws {Error} the client's errors (`code`, `status`), or the replica's (`causal_gap`, …)
 */
export async function sync(replica, client, survey, options = {}) {
  const { cursorStore = memoryCursorStore(), onProgress = () => {}, onWarning = () => {}, now = Date.now } = options;
  const batchSize = Math.min(options.batchSize ?? CLIENT_BATCH, MAX_BATCH);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw sentraError("invalid_input", "batchSize must be a whole number of at least 1");
  const self = { id: replica.nodeId, name: replica.name };

  // 1. State.
  const state = await client.state(survey);
  if (state.survey !== survey) throw sentraError("peer_error", `the node answered for survey ${state.survey}, not ${survey}`);
  if (state.node.id === replica.nodeId) throw sentraError("wrong_node", "the node has this replica's own node ID");
  const summary = {
    peer: state.node, survey, pushed: 0, pulled: 0, newConflicts: 0, conflicts: 0,
    clockOffset: state.serverTime - now(), clockAhead: 0, peerReset: false, forms: state.forms,
  };
  if (Math.abs(summary.clockOffset) > CLOCK_SKEW_WARNING) {
    const minutes = (Math.abs(summary.clockOffset) / 60000).toFixed(1);
    onWarning(`the node's clock is ${minutes} minutes ${summary.clockOffset > 0 ? "ahead of" : "behind"} ours; values may display in the wrong order until a clock is fixed`);
  }

  // 2. The cursor: kept only for the same node and log, which must hold at least what it held.
  let saved = await cursorStore.get(survey);
  if (saved && saved.peer !== state.node.id) saved = undefined;
  const cursor = { peer: state.node.id, peerName: state.node.name, logId: saved?.logId ?? state.logId, pullCursor: saved?.pullCursor ?? 0 };
  const reason = saved && resetReason(saved, state);
  if (reason) {
    cursor.logId = state.logId;
    cursor.pullCursor = 0;
    summary.peerReset = true;
    onWarning(reason);
  }
  const peerHeld = state.versionVector;
  const peerVV = new Map(state.versionVector);
  const save = async () => {
    await cursorStore.set(survey, { ...cursor, versionVector: VV.toObject(peerVV) });
    onProgress({ ...summary });
  };

  // 3. Push: what the node's version vector lacks, in log (causal) order.
  const missing = replica.missingFor(peerVV);
  for (let start = 0; start < missing.length; start += batchSize) {
    const changes = missing.slice(start, start + batchSize);
    const answer = await client.push(survey, {
      sender: self, versionVector: replica.vv, nodes: replica.knownNodes(), changes,
    });
    for (const [origin, counter] of VV.merge(peerVV, answer.versionVector)) peerVV.set(origin, counter);
    summary.pushed += answer.applied;
    summary.clockAhead += answer.clockAhead;
    await save();
  }

  // 4. Pull, page by page, saving the cursor after each page is applied.
  await save();
  let restarted = false;
  const restart = async (why) => {
    if (restarted) return false;
    restarted = true;
    summary.peerReset = true;
    cursor.pullCursor = 0;
    cursor.logId = null;
    onWarning(why);
    await save();
    return true;
  };
  for (;;) {
    const page = await client.pull(survey, {
      receiver: self, after: cursor.pullCursor, logId: cursor.logId, versionVector: replica.vv, limit: batchSize,
    });
    const before = conflictKeys(replica, page.changes);
    const clockAheadBefore = replica.clockAhead;
    let result;
    try {
      result = await replica.applyBatch(page.changes); // the browser replica stores it before answering
    } catch (error) {
      if (error.code === "causal_gap" && (await restart(`${state.node.name} sent changes whose predecessors the cursor skipped (restored from a backup?); reading its log again from the start`))) continue;
      throw error;
    }
    replica.learnNames(page.nodes);
    for (const change of page.changes) VV.include(peerVV, change); // the node sent it, so it holds it
    for (const key of conflictKeys(replica, page.changes)) if (!before.has(key)) summary.newConflicts++;
    summary.pulled += result.applied;
    summary.clockAhead += replica.clockAhead - clockAheadBefore;
    cursor.pullCursor = page.next;
    cursor.logId = page.logId;
    await save();
    if (page.more) continue;
    if (!VV.dominates(replica.vv, peerHeld)) {
      if (await restart(`${state.node.name}'s log skipped changes we lack (restored from a backup?); reading it again from the start`)) continue;
      onWarning(`${state.node.name} claimed changes it did not send; sync again later`);
    }
    break;
  }
  summary.conflicts = replica.conflicts().length;
  return summary;
}

/** Why a saved cursor cannot be trusted for the node in `state`, or null (SyncSession.resetReason). */
function resetReason(saved, state) {
  if (!saved.logId && !(saved.pullCursor > 0)) return null;
  if (saved.logId && saved.logId !== state.logId) {
    return `${state.node.name} has a new log (replaced or re-created); comparing version vectors from the start`;
  }
  if (state.logPosition < saved.pullCursor || !VV.dominates(state.versionVector, VV.fromObject(saved.versionVector ?? {}))) {
    return `${state.node.name} holds less than it did (restored from a backup?); comparing version vectors from the start`;
  }
  return null;
}

/** The conflicts (record and field) of the records `changes` touch, as keys. */
function conflictKeys(replica, changes) {
  const keys = new Set();
  for (const id of new Set(changes.map((c) => c.record))) {
    const record = replica.records.get(id);
    if (record) for (const c of R.conflicts(record)) keys.add(`${id}\u0000${c.field}`);
  }
  return keys;
}
