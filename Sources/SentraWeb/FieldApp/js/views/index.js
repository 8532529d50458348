// views/index.js: which view the address's fragment names (app.js lists the routes).

import { renderConflicts } from "./conflicts.js";
import { renderEnrol } from "./enrol.js";
import { renderFormScreen, startRecord } from "./form-screen.js";
import { renderHistory } from "./history.js";
import { renderHome } from "./home.js";
import { renderRecord } from "./record.js";
import { renderRecords } from "./records.js";
import { renderRevisit } from "./revisit.js";
import { renderSync } from "./sync.js";

/**
 * The view for `hash`.
 * @param {object} app
 * @param {string} hash
 * @returns {HTMLElement}
 */
export function route(app, hash) {
  const [path, query = ""] = hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (!app.device || parts[0] === "enrol") return renderEnrol(app);
  switch (parts[0]) {
    case undefined: return renderHome(app);
    case "records": return renderRecords(app, params);
    case "r": return parts[2] === "history" ? renderHistory(app, parts[1]) : renderRecord(app, parts[1]);
    case "new": return startRecord(app, parts[1]);
    case "edit": return renderFormScreen(app, parts[1], parts[2] ?? "0");
    case "revisit": return renderRevisit(app);
    case "conflicts": return renderConflicts(app);
    case "sync": return renderSync(app);
    default: return renderHome(app);
  }
}

/** After a view is drawn: focus what asks for it (an error summary, else the heading). */
export function afterRender(main) {
  const target = main.querySelector("[data-focus]") ?? main.querySelector("h1");
  if (target) {
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: false });
  }
}
