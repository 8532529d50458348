// views/form-state.js: a record seen through its form: the evaluation (relevance, required,
// constraints, calculations, choice filters; form-rules.js) and saving one answer.
//
// Saving follows the CLI's rule that forms check local writes: a value its field's type or
// constraint refuses is not written, and the field shows the form's message. An edit to a record
// the office marked "Perlu diperbaiki" carries `_review = {"state": "edited"}` in the same change
// (semantics.md §7a), keeping the office's note.

import { REVIEW } from "../change.js";
import { stringify } from "../json.js";
import { evaluate, localToday as today } from "../form-rules.js";
import * as R from "../record.js";
import { language } from "../words.js";
import { formOf, reviewOf } from "./common.js";

const cache = new WeakMap();

/**
 * The evaluation of a record against its form, kept until the record changes.
 * @returns {{fields: Map<string, object>, errors: object[], sectionStatus: Map<string, object>}}
 */
export function evaluateRecord(app, state, form = formOf(app, state)) {
  if (!form) return { fields: new Map(), errors: [], sectionStatus: new Map() };
  let version = 0;
  for (const counter of state.ctx.values()) version += counter;
  const key = `${form.name}@${form.version}:${version}:${language()}:${today()}`;
  const held = cache.get(state);
  if (held?.key === key) return held.result;
  const result = evaluate(form, R.displayValues(state), { today: today(), language: language() });
  cache.set(state, { key, result });
  return result;
}

/**
 * Writes one answer, with the calculations it changes, if the form accepts it.
 * @param {object} app
 * @param {string} recordId
 * @param {object} form
 * @param {string} field
 * @param {unknown} value the wire value, or null to clear the answer
 * @returns {Promise<{saved: boolean, error?: {code: string, message: string}}>}
 */
export async function saveAnswer(app, recordId, form, field, value) {
  const state = app.replica.record(recordId) ?? R.emptyRecord(recordId);
  const values = { ...R.displayValues(state), [field]: value };
  if (value === null) delete values[field];
  const evaluation = evaluate(form, values, { today: today(), language: language() });
  const checked = evaluation.fields.get(field);
  if (value !== null && checked?.error && checked.error.code !== "missing_field") {
    return { saved: false, error: checked.error };
  }
  const assign = { [field]: value };
  // Answers this one made irrelevant are cleared in the same change, as the form asks.
  for (const name of evaluation.clear) if (name !== field) assign[name] = null;
  const held = R.displayValues(state);
  for (const definition of form.fields) {
    if (definition.type !== "calculate" || definition.name === field) continue;
    const calculated = evaluation.fields.get(definition.name)?.value;
    if (calculated !== undefined && !sameValue(calculated, held[definition.name])) assign[definition.name] = calculated ?? null;
  }
  const review = reviewOf(state);
  if (review?.state === "hasIssues") {
    assign[REVIEW] = { state: "edited", note: review.note ?? "", by: app.device.name };
  }
  await app.replica.write(recordId, assign, { form: form.name });
  app.saved();
  return { saved: true };
}

function sameValue(a, b) {
  return stringify(a ?? null) === stringify(b ?? null);
}
