// views/history.js: a record's changes in the order this phone applied them: who, when, and what
// each wrote.

import { h } from "../dom.js";
import { formatValue, text } from "../form.js";
import { language, moment, t } from "../words.js";
import { formOf, heading, titleOf, whenMs, who } from "./common.js";

export function renderHistory(app, recordId) {
  const state = app.replica.record(recordId);
  const back = `#/r/${encodeURIComponent(recordId)}`;
  if (!state) return h("section", null, heading(t("history"), "#/records"));
  const form = formOf(app, state);
  const changes = app.replica.log.filter((c) => c.record === recordId).reverse();
  return h("section", { class: "history" },
    heading(`${t("history")}: ${titleOf(app, state)}`, back),
    h("ol", { class: "changes" }, changes.map((change) => h("li", null,
      h("p", { class: "change-head" }, `${moment(whenMs(change.hlc))} · ${who(app, change.origin)}`),
      change.delete
        ? h("p", null, t("deleted"))
        : h("ul", null, Object.entries(change.set).map(([name, value]) => {
            const field = form?.field(name);
            const label = name === "_review" ? t("reviewState") : name === "_deleted" ? t("restoreRecord")
              : (field && text(field.label, language())) || name;
            const shown = name === "_review" ? `${t(value.state)}${value.note ? `: ${value.note}` : ""}`
              : name === "_deleted" ? "" : field ? formatValue(field, value, language()) : JSON.stringify(value);
            return h("li", null, h("strong", null, `${label}`), shown ? `: ${shown}` : "");
          }))))),
  );
}
