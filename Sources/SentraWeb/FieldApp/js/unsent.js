// unsent.js: which of this phone's changes the node has not confirmed yet.
//
// The node's version vector as last heard (the sync cursor's `versionVector`, updated after every
// pushed batch) says what it holds. A change this phone wrote that the vector does not cover is
// "Belum terkirim" until a sync hears otherwise.

import * as VV from "./version-vector.js";

/**
 * This phone's changes the node did not hold when last heard from, in log order.
 * @param {{nodeId: string, log: object[]}} replica
 * @param {{cursor?: {versionVector?: Record<string, number>}}|undefined} saved the stored cursor (meta "cursor")
 * @returns {object[]}
 */
export function unsentChanges(replica, saved) {
  const held = VV.get(VV.fromObject(saved?.cursor?.versionVector ?? {}), replica.nodeId);
  return replica.log.filter((c) => c.origin === replica.nodeId && c.counter > held);
}

/**
 * The records with unsent changes, and the highest unsent counter of each.
 * @returns {Map<string, number>} record ID → highest counter of this phone's unsent change to it
 */
export function unsentRecords(replica, saved) {
  const records = new Map();
  for (const change of unsentChanges(replica, saved)) records.set(change.record, change.counter);
  return records;
}
