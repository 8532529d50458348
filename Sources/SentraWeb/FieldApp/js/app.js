// app.js: the field app's entry point. It opens the replica stored in IndexedDB, reads an
// enrolment link, starts the automatic syncs and draws the view the address's fragment names:
//
//   #/               home: the sync bar, counted lists and "Isi data baru"
//   #/records?f=…&q=…  the record list (f: unsent, revisit, conflicts, unfinished)
//   #/r/ID           one record; #/r/ID/history its history
//   #/new/FORM       a new record; #/edit/ID/N its Nth screen; #/edit/ID/end the check before finishing
//   #/revisit        records the office marked "Perlu diperbaiki"
//   #/conflicts      conflicts, side by side
//   #/sync           sync, storage and the bundle file
//   #enrol=…         an enrolment link from the office's QR code

import { FieldReplica } from "./field-replica.js";
import { loadForm } from "./form.js";
import { openDatabase } from "./store.js";
import { SyncRunner } from "./sync-runner.js";
import { h, replace } from "./dom.js";
import { setLanguage, t } from "./words.js";
import { parseEnrolment } from "./enrolment.js";
import { renderSyncBar } from "./views/sync-bar.js";
import * as views from "./views/index.js";

/** Everything the views share. */
export const app = {
  /** @type {import("./store.js").Store} */
  store: null,
  /** The enrolment: `{node, token, survey, nodeId, name, enrolledAt}`, or null before it. */
  device: null,
  /** @type {FieldReplica|null} */
  replica: null,
  /** @type {Map<string, object>} the forms held, loaded (form.js), by name */
  forms: new Map(),
  /** @type {SyncRunner} */
  runner: null,
  /** An enrolment read from the address, waiting for the person to confirm it. */
  pendingEnrolment: null,
  /** A message for the next view (after enrolment, a saved bundle…). */
  flash: null,

  /** Goes to a view. */
  go(hash) {
    if (location.hash === hash) render();
    else location.hash = hash;
  },

  /** Rereads the forms after a sync brought new ones. */
  async formsChanged() {
    const published = (await this.store.get("forms")) ?? [];
    const forms = new Map();
    for (const p of published) {
      try {
        forms.set(p.form.name, loadForm(p.form));
      } catch (error) {
        console.warn(`form ${p.form?.name} could not be read`, error);
      }
    }
    this.forms = forms;
    render();
  },

  /** Makes this browser a device of `enrolment`'s node (views/enrol.js calls it). */
  async enrol(device) {
    await this.store.put("device", device);
    this.device = device;
    this.replica = await FieldReplica.open(this.store, device);
    this.pendingEnrolment = null;
    this.flash = t("enrolled");
    this.runner.soon(0);
    this.go("#/");
  },

  /** Called after every local write: the record is on the phone; send it soon. */
  saved() {
    this.lastSavedAt = Date.now();
    this.runner.soon();
    renderSyncBar(this, document.getElementById("sync-bar"));
  },
};

async function boot() {
  setLanguage(localStorage.getItem("sentra-language") ?? "id");
  registerServiceWorker();
  if (!(await holdTheReplica())) {
    replace(document.getElementById("main"), h("h1", null, t("appName")), h("p", { class: "warning", role: "alert" }, t("otherTab")),
      h("button", { type: "button", class: "primary", onclick: () => location.reload() }, t("tryAgain")));
    return;
  }
  app.store = await openDatabase();
  app.device = (await app.store.get("device")) ?? null;
  if (app.device) app.replica = await FieldReplica.open(app.store, app.device);
  await app.formsChanged();
  app.runner = new SyncRunner(app);
  app.runner.addEventListener("change", () => renderSyncBar(app, document.getElementById("sync-bar")));
  readEnrolment();
  window.addEventListener("hashchange", () => {
    readEnrolment();
    render();
  });
  renderSyncBar(app, document.getElementById("sync-bar"));
  document.addEventListener("focusin", keepClearOfButtonBar);
  render();
  await app.runner.start();
}

/**
 * Takes the replica for this tab: two tabs writing as one node would both take the next counter.
 * The lock lasts as long as the tab; without the Web Locks API, the log's unique dot index still
 * refuses the second write.
 * @returns {Promise<boolean>} false when another tab holds it
 */
function holdTheReplica() {
  if (!navigator.locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    navigator.locks.request("sentra-field-replica", { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      return lock ? new Promise(() => {}) : undefined;
    });
  });
}

/** Takes an enrolment out of the address, so the token stays in neither the bar nor the history. */
function readEnrolment() {
  if (!location.hash.startsWith("#enrol=")) return;
  try {
    app.pendingEnrolment = parseEnrolment(location.hash);
    app.flash = null;
  } catch (error) {
    app.pendingEnrolment = null;
    app.flash = t("badLink", { message: error.message });
  }
  history.replaceState(null, "", `${location.pathname}#/enrol`);
}

/** Draws the view the address names into `<main>`. */
export function render() {
  const main = document.getElementById("main");
  let view;
  try {
    view = views.route(app, location.hash);
  } catch (error) {
    view = h("p", { class: "error", role: "alert" }, error.message);
  }
  const flash = app.flash ? h("p", { class: "notice", role: "status" }, app.flash) : null;
  app.flash = null;
  replace(main, flash, view);
  views.afterRender(main);
}

/** Scrolls a focused field out from under the sticky button bar (UX.md: the bar never covers it). */
function keepClearOfButtonBar(event) {
  const bar = document.querySelector(".button-bar");
  const target = event.target;
  if (!bar || !(target instanceof HTMLElement) || bar.contains(target)) return;
  const covered = target.getBoundingClientRect().bottom > bar.getBoundingClientRect().top;
  if (covered) target.scrollIntoView({ block: "center" });
}

function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/field/sw.js", { scope: "/field/" }).catch((error) => {
    console.warn("the service worker was not registered; the app will not open offline", error);
  });
}

boot().catch((error) => {
  const main = document.getElementById("main");
  replace(main, h("p", { class: "error", role: "alert" }, `Sentra: ${error.message}`));
});
