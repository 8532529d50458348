// views/sync-bar.js: the bar on every screen that says whether this phone's work has reached the
// office (UX.md "Sync"): grey with no signal, blue while syncing, green when everything is sent,
// amber with the cause and "Coba lagi" when a sync failed.

import { h, replace } from "../dom.js";
import { clockTime, moment, t } from "../words.js";

/** Redraws the bar from the runner's status. */
export function renderSyncBar(app, bar) {
  if (!bar) return;
  if (!app.device || !app.runner) {
    bar.className = "sync-bar";
    replace(bar);
    return;
  }
  const runner = app.runner;
  const unsent = runner.unsent();
  let tone;
  let text;
  let action = null;
  switch (runner.phase) {
    case "syncing":
      tone = "busy";
      text = runner.moved > 0 ? t("syncing", { n: runner.moved }) : t("syncingStart");
      break;
    case "offline":
      tone = "offline";
      text = unsent > 0 ? t("offline", { n: unsent }) : t("offlineNone");
      break;
    case "failed":
      tone = "failed";
      text = t("failed", { cause: causeText(runner.error) });
      if (runner.nextRetryAt) text += ` · ${t("retryIn", { time: clockTime(runner.nextRetryAt) })}`;
      action = h("button", { type: "button", class: "bar-action", onclick: () => runner.run().catch(() => {}) }, t("tryAgain"));
      break;
    default:
      if (unsent > 0) {
        tone = "pending";
        text = t("unsentCount", { n: unsent });
        action = h("button", { type: "button", class: "bar-action", onclick: () => runner.run().catch(() => {}) }, t("syncNow"));
      } else if (runner.activity.lastSentAt) {
        tone = "done";
        text = `✓ ${t("allSent", { time: moment(runner.activity.lastSentAt) })}`;
      } else {
        tone = "pending";
        text = t("notSynced");
        action = h("button", { type: "button", class: "bar-action", onclick: () => runner.run().catch(() => {}) }, t("syncNow"));
      }
  }
  bar.className = `sync-bar sync-${tone}`;
  replace(bar, h("span", { class: "sync-text", id: "sync-text" }, text), action);
}

/**
 * A sync failure in plain words, with the next step.
 * @param {{code: string, status: number, message: string}|null} error
 * @returns {string}
 */
export function causeText(error) {
  if (!error) return "";
  switch (error.code) {
    case "network": return t("causeNetwork");
    case "unauthorized": return t("causeToken");
    case "wrong_node": return t("causeWrongNode");
    case "unknown_survey": return t("causeSurvey");
    case "protocol_version": return t("causeProtocol");
    case "storage_full": return t("causeStorage");
    default:
      if (error.status >= 500) return t("causeServer", { status: error.status });
      return t("causeOther", { message: error.message });
  }
}
