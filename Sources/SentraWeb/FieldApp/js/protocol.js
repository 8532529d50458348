// protocol.js: the sync protocol's client (Docs/protocol.md), the browser's counterpart of
// SentraSync's HTTPTransport. One method per route, one request each, no retries: a failed call
// fails the sync, and the next sync resumes from the saved cursor (sync.js, re-exported here).
//
// Like the Swift client it sends `Authorization: Bearer …` and `Sentra-Protocol: 1` on every
// request and `"protocol": 1` in every body, checks the `protocol` of every sync response, and reads
// bodies with json.js so that HLCs beyond 2^53 stay exact. It differs in compression only:
// - responses: the Swift client asks for gzip itself; a browser's fetch always sends its own
//   `Accept-Encoding` (a header scripts may not set) and decompresses the body before we see it;
// - requests: the Swift client gzips every body, which the node accepts but does not require
//   (protocol.md §5); this client sends plain JSON, so it works where CompressionStream does not.
//
// Errors are Errors with `code` and `status`: the node's wire code (`unauthorized`, `wrong_node`,
// `causal_gap`, …) and the HTTP status for a refusal; `network` (status 0) when no answer came (no
// connection, a timeout, the server stopped); `peer_error` for an answer that is not a Sentra
// node's; `protocol_version` for a node that speaks another version.

import * as C from "./change.js";
import { sentraError } from "./errors.js";
import { parse, stringify } from "./json.js";
import * as VV from "./version-vector.js";

export { sync, memoryCursorStore } from "./sync.js";

/** The protocol version this client speaks. */
export const PROTOCOL = 1;
/** The most changes the Swift client pushes or asks for at once (the node takes up to 5,000). */
export const CLIENT_BATCH = 2000;
/** The most changes a node takes in one push (`batch_too_large` above it). */
export const MAX_BATCH = 5000;

/** A client of one Sentra node. */
export class NodeClient {
  /**
   * @param {{baseURL: string, token: string, fetch?: typeof globalThis.fetch, timeoutMs?: number}} options
   *   `baseURL`: the node, such as `http://192.168.43.1:8080` (or `""` for the node serving this
   *   page); `token`: the device's bearer token; `timeoutMs`: per request, 120 s as the Swift client
   */
  constructor({ baseURL, token, fetch = globalThis.fetch, timeoutMs = 120_000 }) {
    if (typeof baseURL !== "string") throw sentraError("invalid_input", "baseURL must be a string");
    this.baseURL = baseURL.replace(/\/+$/, "");
    this.token = token;
    // Called as a plain function: a browser's fetch throws "Illegal invocation" when called as a
    // method of another object.
    this.fetch = (url, init) => fetch(url, init);
    this.timeoutMs = timeoutMs;
  }

  /**
   * `GET /v1/surveys/{survey}/state`: what the node holds.
   * @param {string} survey
   * @returns {Promise<{protocol: number, node: {id: string, name: string}, survey: string, logId: string,
   *   logPosition: number, versionVector: Map<string, number>, serverTime: number, forms: Record<string, number>}>}
   */
  async state(survey) {
    const wire = await this.send("GET", survey, "state");
    checkProtocol(wire);
    return {
      protocol: wire.protocol,
      node: nodeInfo(wire.node, "node"),
      survey: expect(wire.survey, "string", "survey"),
      logId: expect(wire.logId, "string", "logId"),
      logPosition: count(wire.logPosition, "logPosition"),
      versionVector: vector(wire.versionVector),
      serverTime: expect(wire.serverTime, "number", "serverTime"),
      forms: wire.forms ?? {},
    };
  }

  /**
   * `POST /v1/surveys/{survey}/push`: a batch the node applies in one transaction.
   * @param {string} survey
   * @param {{sender: {id: string, name: string}, versionVector: Map<string, number>,
   *   nodes: {id: string, name: string}[], changes: object[]}} body changes in memory form (change.js)
   * @returns {Promise<{applied: number, skipped: number, newConflicts: number, versionVector: Map<string, number>, clockAhead: number}>}
   */
  async push(survey, body) {
    const wire = await this.send("POST", survey, "push", {
      protocol: PROTOCOL,
      sender: body.sender,
      versionVector: VV.toObject(body.versionVector),
      nodes: body.nodes ?? [],
      changes: body.changes.map(C.toWire),
    });
    checkProtocol(wire);
    return {
      applied: count(wire.applied, "applied"),
      skipped: count(wire.skipped, "skipped"),
      newConflicts: count(wire.newConflicts ?? 0, "newConflicts"),
      versionVector: vector(wire.versionVector),
      clockAhead: count(wire.clockAhead ?? 0, "clockAhead"),
    };
  }

  /**
   * `POST /v1/surveys/{survey}/pull`: the next changes after `after` in the node's log that
   * `versionVector` does not cover. The changes come back in memory form, checked as a push is.
   * @param {string} survey
   * @param {{receiver: {id: string, name: string}, after: number, logId: string|null,
   *   versionVector: Map<string, number>, limit: number}} body
   * @returns {Promise<{logId: string, changes: object[], next: number, more: boolean, nodes: {id: string, name: string}[]}>}
   */
  async pull(survey, body) {
    const wire = await this.send("POST", survey, "pull", {
      protocol: PROTOCOL,
      receiver: body.receiver,
      after: body.after,
      logId: body.logId ?? null,
      versionVector: VV.toObject(body.versionVector),
      limit: body.limit,
    });
    checkProtocol(wire);
    if (!Array.isArray(wire.changes)) throw peerError("pull answer without changes");
    if (typeof wire.more !== "boolean") throw peerError("pull answer without more");
    const changes = wire.changes.map((change, i) => {
      try {
        return C.fromWire(change);
      } catch (error) {
        throw peerError(`the node sent an invalid change (changes[${i}]): ${error.message}`);
      }
    });
    return {
      logId: expect(wire.logId, "string", "logId"),
      changes,
      next: count(wire.next, "next"),
      more: wire.more,
      nodes: (wire.nodes ?? []).map((n, i) => nodeInfo(n, `nodes[${i}]`)),
    };
  }

  /**
   * `GET /v1/surveys/{survey}/forms`: the forms the node passes on, as `PublishedForm`s.
   * @param {string} survey
   * @returns {Promise<{form: object, publisher: {id: string, name: string}, publishedAt: string}[]>}
   */
  async forms(survey) {
    const wire = await this.send("GET", survey, "forms");
    if (!Array.isArray(wire)) throw peerError("forms answer is not a list");
    return wire;
  }

  /** One request and its answer, parsed; throws the mapped error. */
  async send(method, survey, route, body) {
    const url = `${this.baseURL}/v1/surveys/${encodeURIComponent(survey)}/${route}`;
    const headers = { Authorization: `Bearer ${this.token}`, "Sentra-Protocol": String(PROTOCOL) };
    const init = { method, headers, redirect: "error" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = stringify(body);
    }
    if (this.timeoutMs && typeof AbortSignal.timeout === "function") init.signal = AbortSignal.timeout(this.timeoutMs);
    let response;
    let text;
    try {
      response = await this.fetch(url, init);
      text = await response.text();
    } catch (cause) {
      const error = sentraError("network", `cannot reach ${this.baseURL || "the node"}: ${cause?.message ?? cause}`);
      error.status = 0;
      error.cause = cause;
      throw error;
    }
    let json;
    try {
      json = parse(text);
    } catch {
      json = undefined;
    }
    if (response.status !== 200 && response.status !== 201) {
      const detail = json?.error;
      const code = typeof detail?.code === "string" ? detail.code : "peer_error";
      const message = typeof detail?.message === "string" ? detail.message : `HTTP ${response.status}`;
      const error = sentraError(code, `${this.baseURL || "the node"} answered ${response.status}: ${message}`);
      error.status = response.status;
      throw error;
    }
    if (json === undefined) throw peerError(`${this.baseURL || "the node"} answered with something that is not JSON (is it a Sentra node?)`);
    return json;
  }
}

function peerError(message) {
  const error = sentraError("peer_error", message);
  error.status = 200;
  return error;
}

function checkProtocol(wire) {
  if (wire === null || typeof wire !== "object" || Array.isArray(wire)) throw peerError("the answer is not a JSON object");
  if (wire.protocol !== PROTOCOL) {
    throw sentraError("protocol_version", `the node speaks sync protocol ${wire.protocol}, this client speaks ${PROTOCOL}; upgrade the older side`);
  }
}

function expect(value, type, name) {
  if (typeof value !== type) throw peerError(`the answer's ${name} is not a ${type}`);
  return value;
}

function count(value, name) {
  if (!Number.isSafeInteger(value) || value < 0) throw peerError(`the answer's ${name} is not a count`);
  return value;
}

function vector(value) {
  try {
    return VV.fromObject(value);
  } catch (error) {
    throw peerError(`the answer's versionVector is invalid: ${error.message}`);
  }
}

function nodeInfo(value, name) {
  if (!value || !VV.isNodeID(value.id) || typeof value.name !== "string") throw peerError(`the answer's ${name} is not a node`);
  return { id: value.id, name: value.name };
}
