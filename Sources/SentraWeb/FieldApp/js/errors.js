// errors.js: the one error shape of the field app's core.
//
// Like SentraCore's error structs, every failure carries a stable `code` that callers match
// (`catch (e) { if (e.code === "causal_gap") … }`); the message is for people only. The codes are
// the protocol's (Docs/protocol.md §7) where one exists: `causal_gap`, `conflicting_dot`,
// `own_origin`, `invalid_body`; plus `malformed_json`, `duplicate_key` from the JSON reader.

/**
 * An Error with a stable `code`.
 * @param {string} code machine-readable code, e.g. "causal_gap"
 * @param {string} message one sentence for a person
 * @returns {Error & {code: string}}
 */
export function sentraError(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
}
