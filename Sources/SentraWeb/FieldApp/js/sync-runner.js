// sync-runner.js: when the app syncs, and what it tells the person holding the phone.
//
// It syncs when the app opens, a few seconds after each saved answer, when the browser says the
// connection is back, every five minutes while the app is open (to bring the office's reviews),
// and when "Sinkronkan sekarang" is pressed. A failure that may pass (no network, a node that is
// down or busy) is retried with backoff, 5 s doubling to 5 minutes; one a person must act on (a
// refused token, a survey the node lacks) is not retried until they press the button. Only one
// sync runs at a time. Listeners hear `change` whenever the status does.

import { NodeClient } from "./protocol.js";
import { sync } from "./sync.js";
import { unsentRecords } from "./unsent.js";

const FIRST_RETRY = 5_000;
const LAST_RETRY = 300_000;
const AFTER_SAVE = 3_000;
const WHILE_OPEN = 300_000;

/** Codes that need a person, not another try. */
const NEEDS_A_PERSON = new Set(["unauthorized", "wrong_node", "forbidden", "unknown_survey", "protocol_version", "own_origin"]);

export class SyncRunner extends EventTarget {
  /**
   * @param {object} app the app (app.js): `store`, `device`, `replica`, and `formsChanged()`
   * @param {{fetch?: typeof globalThis.fetch, now?: () => number}} [options]
   */
  constructor(app, options = {}) {
    super();
    this.app = app;
    this.now = options.now ?? Date.now;
    this.fetch = options.fetch;
    /** `idle`, `syncing`, `failed` or `offline`. */
    this.phase = "idle";
    /** Changes moved by the running sync. */
    this.moved = 0;
    /** The last failure: `{code, status, message}`, or null. */
    this.error = null;
    this.nextRetryAt = null;
    this.delay = FIRST_RETRY;
    this.running = null;
    this.timer = null;
    /** When the last sync sent and received: `{lastSentAt, lastReceivedAt, lastPushed, lastPulled}`. */
    this.activity = {};
  }

  /** Reads what the last syncs did (`activity`: lastSentAt, lastReceivedAt…), then starts the automatic syncs. */
  async start() {
    this.activity = (await this.app.store.get("activity")) ?? {};
    window.addEventListener("online", () => this.soon(0));
    window.addEventListener("offline", () => {
      if (this.phase !== "syncing") this.set("offline");
    });
    setInterval(() => this.soon(0), WHILE_OPEN);
    if (!navigator.onLine) this.set("offline");
    this.soon(0);
  }

  /** Schedules a sync in `delay` ms, unless one is already due sooner. */
  soon(delay = AFTER_SAVE) {
    if (!this.app.device) return;
    const at = this.now() + delay;
    if (this.timer && this.nextRetryAt !== null && this.nextRetryAt <= at) return;
    clearTimeout(this.timer);
    this.nextRetryAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextRetryAt = null;
      this.run().catch(() => {});
    }, delay);
  }

  /**
   * Syncs now, or joins the sync already running.
   * @returns {Promise<object>} the sync's summary
   */
  run() {
    if (!this.running) {
      this.running = this.attempt().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  async attempt() {
    const { device, replica, store } = this.app;
    clearTimeout(this.timer);
    this.timer = null;
    this.nextRetryAt = null;
    this.moved = 0;
    this.set("syncing");
    const client = new NodeClient({ baseURL: "", token: device.token, fetch: this.fetch });
    try {
      const summary = await sync(replica, client, device.survey, {
        cursorStore: replica.cursorStore(),
        onProgress: (running) => {
          this.moved = running.pushed + running.pulled;
          this.emit();
        },
      });
      await this.fetchForms(client, summary.forms ?? {});
      const at = this.now();
      const activity = { ...this.activity, lastSentAt: at, lastReceivedAt: at, lastPulled: summary.pulled, lastPushed: summary.pushed };
      await store.put("activity", activity);
      this.activity = activity;
      this.error = null;
      this.delay = FIRST_RETRY;
      this.set("idle");
      return summary;
    } catch (error) {
      this.error = { code: error.code ?? "unknown", status: error.status ?? 0, message: error.message };
      const offline = error.code === "network" && !navigator.onLine;
      this.set(offline ? "offline" : "failed");
      if (!NEEDS_A_PERSON.has(error.code) && !offline) {
        this.soon(this.delay * (0.8 + Math.random() * 0.4));
        this.delay = Math.min(this.delay * 2, LAST_RETRY);
      }
      throw error;
    }
  }

  /** Fetches the node's forms when it passes on a version this phone lacks. */
  async fetchForms(client, versions) {
    const held = (await this.app.store.get("forms")) ?? [];
    const heldVersion = new Map(held.map((p) => [p.form.name, p.form.version ?? 1]));
    const newer = Object.entries(versions).some(([name, version]) => (heldVersion.get(name) ?? 0) < version);
    if (!newer) return;
    const published = await client.forms(this.app.device.survey);
    const byName = new Map(held.map((p) => [p.form.name, p]));
    for (const p of published) {
      if ((byName.get(p.form.name)?.form.version ?? 0) < (p.form.version ?? 1)) byName.set(p.form.name, p);
    }
    await this.app.store.put("forms", [...byName.values()]);
    await this.app.formsChanged();
  }

  /** How many records have changes made here that the node has not confirmed. */
  unsent() {
    return this.app.replica ? unsentRecords(this.app.replica, this.app.replica.savedCursor).size : 0;
  }

  set(phase) {
    this.phase = phase;
    this.emit();
  }

  emit() {
    this.dispatchEvent(new Event("change"));
  }
}
