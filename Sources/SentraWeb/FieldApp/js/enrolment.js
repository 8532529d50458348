// enrolment.js: reading the enrolment link a phone opens from the office's QR code,
//
//   https://kantor.example/field/#enrol=<percent-encoded JSON {"node", "token", "survey", "name"?}>
//
// (Swift's EnrolmentLink). The token rides in the fragment, which browsers never send to a server.
// The app reads it once, stores it, and removes it from the address bar and the history.

import { sentraError } from "./errors.js";

/**
 * The enrolment in a URL's fragment, or null when the fragment holds none.
 * @param {string} hash `location.hash`, such as `#enrol=%7B%22node%22…`
 * @returns {{node: string, token: string, survey: string|null, name: string|null}|null}
 * @throws {Error} code `invalid_enrolment` when the fragment names an enrolment that cannot be read
 */
export function parseEnrolment(hash) {
  const match = /^#?enrol=(.*)$/s.exec(hash ?? "");
  if (!match) return null;
  let payload;
  try {
    payload = JSON.parse(decodeURIComponent(match[1]));
  } catch {
    throw sentraError("invalid_enrolment", "the enrolment link is damaged; scan the QR code again");
  }
  const { node, token, survey = null, name = null } = payload ?? {};
  if (typeof node !== "string" || !/^https?:\/\/[^\s/?#]+$/.test(node)) {
    throw sentraError("invalid_enrolment", "the enrolment link names no node address");
  }
  if (typeof token !== "string" || token.length === 0) {
    throw sentraError("invalid_enrolment", "the enrolment link holds no access code");
  }
  if (survey !== null && (typeof survey !== "string" || !/^[A-Za-z0-9-][A-Za-z0-9_-]{0,63}$/.test(survey))) {
    throw sentraError("invalid_enrolment", "the enrolment link names an invalid survey");
  }
  return { node, token, survey, name: typeof name === "string" && name.length > 0 ? name : null };
}

/**
 * A new node ID for this browser's replica: 16 lowercase hex digits at random, as nodes make them.
 * @returns {string}
 */
export function newNodeID() {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A new record ID: a UUIDv7 (time-ordered), as the CLI makes them.
 * @param {number} [now] milliseconds since 1970
 * @returns {string}
 */
export function newRecordID(now = Date.now()) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = BigInt(now);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = Number(ms & 0xffn);
    ms >>= 8n;
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
