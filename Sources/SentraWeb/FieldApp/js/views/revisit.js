// views/revisit.js: "Perlu dikunjungi ulang": the records the office marked as having issues,
// with its full note, who wrote it and when, and "Perbaiki". A record fixed here reads "Sudah
// diperbaiki · belum terkirim" until a sync sends it, and leaves the list once the office holds it.

import { h } from "../dom.js";
import { t } from "../words.js";
import { heading, reviewOf, titleOf, visibleRecords, whereInfo } from "./common.js";
import { reviewBox } from "./record.js";

export function renderRevisit(app) {
  const where = whereInfo(app);
  const list = visibleRecords(app).filter((state) => {
    const review = reviewOf(state);
    return review?.state === "hasIssues" || (review?.state === "edited" && where.unsent.has(state.id));
  });
  return h("section", { class: "revisit" },
    heading(t("revisit")),
    list.length === 0 ? h("p", null, t("nothingToRevisit")) : null,
    h("ul", { class: "record-list" }, list.map((state) => {
      const review = reviewOf(state);
      const base = `#/edit/${encodeURIComponent(state.id)}`;
      return h("li", { class: "revisit-item" },
        h("a", { href: `#/r/${encodeURIComponent(state.id)}`, class: "record-title" }, titleOf(app, state)),
        review.state === "edited" ? h("p", { class: "chip chip-unsent" }, t("editedUnsent")) : reviewBox(app, state, review, base));
    })),
  );
}
