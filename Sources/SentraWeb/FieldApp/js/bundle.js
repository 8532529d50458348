// bundle.js: a bundle file for `sentra bundle import`, for when there is no network at all
// (protocol.md, "Bundles"; Swift's SyncBundle): the changes the node lacks as far as this phone
// last heard, with the sender's identity, its version vector and the names it knows, as JSON,
// gzip-compressed.

import * as C from "./change.js";
import { stringify } from "./json.js";
import * as VV from "./version-vector.js";

/** The format name and version every bundle carries. */
export const FORMAT = "sentra-bundle";
export const VERSION = 1;

/**
 * The bundle's content as an object ready for json.js.
 * @param {{nodeId: string, name: string, vv: Map<string, number>, knownNodes(): object[], missingFor(vv: Map): object[]}} replica
 * @param {string} survey
 * @param {Map<string, number>} nodeHolds what the node held when last heard from
 * @returns {object}
 */
export function bundleContent(replica, survey, nodeHolds) {
  return {
    format: FORMAT,
    version: VERSION,
    survey,
    sender: { id: replica.nodeId, name: replica.name },
    versionVector: VV.toObject(replica.vv),
    nodes: replica.knownNodes(),
    changes: replica.missingFor(nodeHolds).map(C.toWire),
  };
}

/**
 * The bundle as the bytes of a file: the JSON (HLCs as exact integers), gzip-compressed.
 * @param {object} content `bundleContent`'s result
 * @returns {Promise<Uint8Array>}
 */
export async function bundleBytes(content) {
  const json = new Blob([stringify(content)]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(json).arrayBuffer());
}

/**
 * The file name a bundle is saved under: `sentra-<name>-<yyyymmdd>-<hhmm>.sentra`.
 * @param {string} deviceName
 * @param {number} now milliseconds since 1970
 */
export function bundleFileName(deviceName, now) {
  const date = new Date(now);
  const two = (n) => String(n).padStart(2, "0");
  const name = deviceName.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "hp";
  return `sentra-${name}-${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}.sentra`;
}
