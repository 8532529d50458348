// views/sync.js: the sync page: "Sinkronkan sekarang", last sent and last received apart, what is
// not yet sent, the storage used and whether the browser keeps it, the bundle file for when there
// is no network at all, and the language.

import { h, replace } from "../dom.js";
import { bundleBytes, bundleContent, bundleFileName } from "../bundle.js";
import * as VV from "../version-vector.js";
import { bytes, language, moment, setLanguage, t } from "../words.js";
import { heading } from "./common.js";
import { causeText } from "./sync-bar.js";
import { render } from "../app.js";

export function renderSync(app) {
  const runner = app.runner;
  const activity = runner.activity ?? {};
  const storage = h("span", { id: "storage-line" }, "…");
  const persistence = h("p", { id: "persistence-line" }, "…");
  describeStorage(storage, persistence);
  const bundleStatus = h("p", { role: "status", id: "bundle-status" });
  return h("section", { class: "sync-page" },
    heading(t("sync")),
    h("p", null, t("enrolledAs", { name: app.device.name, survey: app.device.survey })),
    h("p", { class: "muted" }, `${t("node")}: ${location.origin}`),
    h("button", { type: "button", class: "primary big", id: "sync-now", onclick: async () => {
      try {
        await runner.run();
      } catch {
        // The bar says why.
      }
      render();
    } }, t("syncNow")),
    runner.phase === "failed" && runner.error ? h("p", { class: "error" }, t("failed", { cause: causeText(runner.error) })) : null,
    h("dl", { class: "facts" },
      h("dt", null, t("unsent")), h("dd", { id: "unsent-count" }, String(runner.unsent())),
      h("dt", null, t("lastSent")), h("dd", null, activity.lastSentAt ? moment(activity.lastSentAt) : t("never")),
      h("dt", null, t("lastReceived")), h("dd", null, activity.lastReceivedAt ? moment(activity.lastReceivedAt) : t("never")),
      h("dt", null, t("storageUsed")), h("dd", null, storage)),
    persistence,
    h("h2", null, t("bundleTitle")),
    h("p", null, t("bundleExplain")),
    h("button", { type: "button", class: "secondary", id: "save-bundle", onclick: () => saveBundle(app, bundleStatus) }, t("saveBundle")),
    bundleStatus,
    h("h2", null, "Bahasa / Language"),
    h("button", { type: "button", class: "secondary", lang: language() === "id" ? "en" : "id", onclick: () => {
      const next = language() === "id" ? "en" : "id";
      localStorage.setItem("sentra-language", next);
      setLanguage(next);
      render();
    } }, t("language")),
  );
}

/** Saves a bundle file of what the node lacks and remembers that it was saved. */
async function saveBundle(app, status) {
  const replica = app.replica;
  const nodeHolds = VV.fromObject(replica.savedCursor?.cursor?.versionVector ?? {});
  const content = bundleContent(replica, app.device.survey, nodeHolds);
  const data = await bundleBytes(content);
  const now = Date.now();
  const file = bundleFileName(app.device.name, now);
  const url = URL.createObjectURL(new Blob([data], { type: "application/octet-stream" }));
  const link = h("a", { href: url, download: file, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  await replica.bundleSaved(file, now);
  replace(status, content.changes.length > 0 ? t("bundleSaved", { file, n: content.changes.length }) : t("bundleEmpty"));
}

/** Fills in the storage used and whether the browser keeps the data. */
async function describeStorage(storage, persistence) {
  try {
    const estimate = await navigator.storage?.estimate?.();
    replace(storage, estimate ? `${bytes(estimate.usage ?? 0)} / ${bytes(estimate.quota ?? 0)}` : "—");
  } catch {
    replace(storage, "—");
  }
  try {
    const kept = await navigator.storage?.persisted?.();
    persistence.className = kept ? "ok" : "warning";
    replace(persistence, kept === undefined ? t("storageUnknown") : kept ? `✓ ${t("storagePersistent")}` : t("storageNotPersistent"));
  } catch {
    replace(persistence, t("storageUnknown"));
  }
}
