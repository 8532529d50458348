// views/common.js: what several views show about a record: its name, where it is (on this phone,
// in a bundle file, sent), its review and its conflicts, and who wrote a value when.

import { h } from "../dom.js";
import * as HLC from "../hlc.js";
import * as R from "../record.js";
import { REVIEW } from "../change.js";
import { recordTitle } from "../form.js";
import { moment, t } from "../words.js";
import { unsentRecords } from "../unsent.js";

/** The form a record is filed under, or undefined when the phone lacks it. */
export function formOf(app, state) {
  return app.forms.get(state.form) ?? app.forms.get(app.device.form) ?? [...app.forms.values()][0];
}

/** A record's name for lists: the form's instance name, else its first text answer. */
export function titleOf(app, state) {
  const form = formOf(app, state);
  const values = R.displayValues(state);
  return (form && recordTitle(form, values)) || t("untitled");
}

/** The displayed review `{state, note, by, at}`, or null when the office wrote none. */
export function reviewOf(state) {
  const winner = R.displayWinner(state.fields.get(REVIEW)?.values() ?? []);
  if (!winner || typeof winner.value !== "object" || winner.value === null) return null;
  return { ...winner.value, at: whenMs(winner.hlc), node: winner.node };
}

/** A change's or entry's time in milliseconds since 1970. */
export function whenMs(hlc) {
  return Number(HLC.unpack(hlc).physical);
}

/** Who wrote an entry, in words: "Anda", or the node's name as syncs told it. */
export function who(app, node) {
  if (node === app.replica.nodeId) return t("you");
  return app.replica.names.get(node) ?? node;
}

/** "oleh Siti, 10.42". */
export function byLine(app, entry) {
  return t("by", { who: who(app, entry.node), time: moment(whenMs(entry.hlc)) });
}

/**
 * The chips that say where a record is and what it needs, as text (not colour alone).
 * @param {{unsent: Map<string, number>, bundledUpTo: {counter: number, savedAt: number}|null}} where
 */
export function chips(app, state, where) {
  const list = [];
  const unsentCounter = where.unsent.get(state.id);
  if (unsentCounter !== undefined) {
    const bundled = where.bundledUpTo && where.bundledUpTo.counter >= unsentCounter;
    list.push(h("span", { class: "chip chip-unsent" }, bundled ? t("inBundle", { date: dayOf(where.bundledUpTo.savedAt) }) : t("unsent")));
  } else {
    list.push(h("span", { class: "chip chip-sent" }, `✓ ${t("sent")}`));
  }
  const review = reviewOf(state);
  if (review && review.state !== "received") {
    list.push(h("span", { class: `chip chip-review-${review.state}` }, t(review.state)));
  }
  if (R.conflicts(state).length > 0) list.push(h("span", { class: "chip chip-conflict" }, `⚠ ${t("conflicts")}`));
  if (R.isDeleted(state)) list.push(h("span", { class: "chip" }, t("deleted")));
  return h("span", { class: "chips" }, list);
}

function dayOf(ms) {
  return moment(ms).split(" ").slice(0, 3).join(" ");
}

/** Where this phone's records are, for `chips`: unsent records and the last bundle file. */
export function whereInfo(app) {
  return { unsent: unsentRecords(app.replica, app.replica.savedCursor), bundledUpTo: app.replica.lastBundle };
}

/** The records a person sees: every record the replica holds, newest change first. */
export function visibleRecords(app) {
  const latest = new Map();
  for (const change of app.replica.log) latest.set(change.record, change.hlc);
  return [...app.replica.records.values()].sort((a, b) => {
    const x = latest.get(a.id) ?? 0n;
    const y = latest.get(b.id) ?? 0n;
    return x === y ? 0 : x > y ? -1 : 1;
  });
}

/** Whether the office asked for this record to be revisited and the phone has not answered yet. */
export function needsRevisit(state) {
  return reviewOf(state)?.state === "hasIssues";
}

/** A heading with a back link to home. */
export function heading(text, back = "#/") {
  return h("div", { class: "heading" }, h("a", { href: back, class: "back" }, `← ${t("back")}`), h("h1", null, text));
}
