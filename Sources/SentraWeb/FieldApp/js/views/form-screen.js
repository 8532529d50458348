// views/form-screen.js: filling in a record, one screen per section (a group) or per question
// outside any group, with Back and Next buttons, never swipes (UX.md "Form").
//
// Every answer is saved as soon as it is given (an input's `change`), with no save button:
// "Tersimpan di HP 10.42". Relevance, calculations and choice filters are worked out again after
// each answer by redrawing the screen; text typed and not yet saved, and the focus, survive the
// redraw. Leaving a screen checks it: its missing and invalid answers are listed on top, linked to
// their fields, and the summary takes the focus. The last step lists what is still missing in the
// whole record before "Tandai selesai".

import { h } from "../dom.js";
import { newRecordID } from "../enrolment.js";
import { parseInput, text } from "../form.js";
import * as R from "../record.js";
import { clockTime, language, t } from "../words.js";
import { formOf, heading, titleOf, whenMs } from "./common.js";
import { evaluateRecord, saveAnswer } from "./form-state.js";
import { questionBlock } from "./form-widgets.js";
import { takeLocation } from "./geolocation.js";
import { render } from "../app.js";

/** What the screen remembers between redraws: unsaved text and its messages, by field. */
const drafts = new Map();
const draftErrors = new Map();
/** The form of each new record until its first answer is saved. */
const newRecordForms = new Map();
/** Fields whose missing answers are shown, after Next was pressed on their screen. */
let checkedScreen = null;
/**
 * Whether a finger (or the mouse) is down. Touching a button or a choice takes the focus from the
 * field being typed in, which saves it; the screen is redrawn only once the finger lifts and the
 * tap has landed, so the tap reaches the element it touched and is never lost to the redraw.
 */
let pointerDown = false;
let redrawWaiting = false;
document.addEventListener("pointerdown", () => { pointerDown = true; }, true);
for (const type of ["pointerup", "pointercancel"]) {
  document.addEventListener(type, () => {
    pointerDown = false;
    if (redrawWaiting) setTimeout(redrawKeepingFocus, 0);
  }, true);
}

/** `#/new/FORM`: a new record's first screen. */
export function startRecord(app, formName) {
  const form = app.forms.get(formName) ?? [...app.forms.values()][0];
  if (!form) return h("p", { class: "notice" }, t("noForms"));
  const id = newRecordID();
  newRecordForms.set(id, form.name);
  history.replaceState(null, "", `#/edit/${encodeURIComponent(id)}/0`);
  return renderFormScreen(app, id, "0");
}

/**
 * The screens of a form: each section with its fields, and each question outside any section alone.
 * @returns {{key: string, title: string, fields: object[]}[]}
 */
export function screensOf(form) {
  const screens = [];
  for (const section of form.sections) {
    if (section.fields.length === 0) continue;
    if (section.name === null) {
      for (const field of section.fields) screens.push({ key: field.name, title: text(field.label, language()) || field.name, fields: [field], section: null });
    } else {
      screens.push({ key: section.name, title: text(section.label, language()) || section.name, fields: section.fields, section: section.name });
    }
  }
  return screens;
}

/** The screens with at least one relevant question, each with its index among all screens. */
function shownScreens(screens, evaluation) {
  return screens.map((s, i) => ({ ...s, index: i })).filter((s) => s.fields.some((f) => evaluation.fields.get(f.name)?.relevant !== false));
}

/** `#/edit/ID/N`: screen N of the record, or `end` for the check before finishing. */
export function renderFormScreen(app, recordId, screenKey) {
  const state = app.replica.record(recordId) ?? R.emptyRecord(recordId);
  if (!state.form && newRecordForms.has(recordId)) state.form = newRecordForms.get(recordId);
  const form = formOf(app, state);
  if (!form) return h("p", { class: "notice" }, t("noForms"));
  const evaluation = evaluateRecord(app, state, form);
  const screens = screensOf(form);
  const visible = shownScreens(screens, evaluation);
  if (screenKey === "end") return endScreen(app, recordId, form, evaluation, visible);
  const index = Math.min(Number(screenKey) || 0, screens.length - 1);
  const screen = screens[index];
  const position = visible.findIndex((s) => s.index === index);
  const previous = visible.filter((s) => s.index < index).at(-1);
  const next = visible.find((s) => s.index > index);
  const base = `#/edit/${encodeURIComponent(recordId)}`;

  const problems = checkedScreen === `${recordId}/${index}` ? screenProblems(recordId, screen, evaluation) : [];
  const summary = problems.length > 0
    ? h("div", { class: "error-summary", role: "alert", "data-focus": true, tabindex: "-1" },
        h("h2", null, t("errorsSummary", { n: problems.length })),
        h("ul", null, problems.map((p) => h("li", null, h("a", { href: `${base}/${index}`, onclick: (event) => {
          event.preventDefault();
          document.getElementById(`q-${p.field}`)?.focus() ?? document.getElementById(`q-${p.field}-block`)?.querySelector("input")?.focus();
        } }, p.message)))))
    : null;

  const onAnswer = (field) => async (input) => {
    await answer(app, recordId, form, field, input);
  };
  const questions = screen.fields
    .filter((field) => evaluation.fields.get(field.name)?.relevant !== false)
    .map((field) => questionBlock(field, evaluation.fields.get(field.name) ?? { value: undefined, required: false, choices: [], error: null }, {
      draft: drafts.get(`${recordId}/${field.name}`),
      error: draftErrors.get(`${recordId}/${field.name}`),
      missing: problems.find((p) => p.field === field.name && p.code === "missing_field") ? evaluation.fields.get(field.name)?.error?.message : undefined,
      onAnswer: onAnswer(field),
      onGeopoint: (f) => takeLocation(app, f, (value) => answer(app, recordId, form, f, value)),
    }));

  // Where Back and Next lead is worked out when pressed, from the record as it is then: the
  // answer saved as the finger touched the button may have shown or hidden a section.
  const leave = (direction) => (event) => {
    event?.preventDefault();
    const now = app.replica.record(recordId) ?? state;
    const fresh = evaluateRecord(app, now, form);
    const shown = shownScreens(screens, fresh);
    if (direction === "next") {
      const open = screenProblems(recordId, screen, fresh);
      if (open.length > 0) {
        checkedScreen = `${recordId}/${index}`;
        render();
        return;
      }
    }
    const target = direction === "next" ? (shown.find((s) => s.index > index)?.index ?? "end") : (shown.filter((s) => s.index < index).at(-1)?.index ?? 0);
    checkedScreen = null;
    app.go(`${base}/${target}`);
  };
  return h("section", { class: "form-screen" },
    heading(form.title ?? form.name, state.fields.size > 0 ? `#/r/${encodeURIComponent(recordId)}` : "#/"),
    h("p", { class: "record-name" }, titleOf(app, state)),
    jumpList(base, screens, visible, index, evaluation),
    summary,
    h("form", { class: "questions", novalidate: true, onsubmit: leave("next") },
      h("h2", { class: "screen-title" }, `${screen.title} (${position + 1}/${visible.length})`),
      questions,
      savedLine(app, recordId),
      h("div", { class: "button-bar" },
        previous ? h("button", { type: "button", class: "secondary", onclick: leave("back") }, `← ${t("back")}`) : h("span"),
        h("button", { type: "submit", class: "primary" }, next ? `${t("next")} →` : t("finish")))),
  );
}

/** Saves one answer: text from an input (parsed for the field's type), a choice list, or null. */
async function answer(app, recordId, form, field, input) {
  // Saving: marked on the page, so that tests (and assistive tools) can wait for it.
  document.documentElement.dataset.saving = "true";
  const key = `${recordId}/${field.name}`;
  let value;
  try {
    value = input === null || Array.isArray(input) || typeof input === "object" ? input : parseInput(field, input, language());
  } catch (error) {
    drafts.set(key, input);
    draftErrors.set(key, error.message);
    redrawKeepingFocus();
    return;
  }
  if (value === undefined || (typeof value === "string" && value === "" )) value = null;
  let result;
  try {
    result = await saveAnswer(app, recordId, form, field.name, value);
  } catch (error) {
    drafts.set(key, typeof input === "string" ? input : "");
    draftErrors.set(key, t("notSaved", { message: error.message }));
    redrawKeepingFocus();
    return;
  }
  if (result.saved) {
    drafts.delete(key);
    draftErrors.delete(key);
    newRecordForms.delete(recordId);
  } else {
    drafts.set(key, typeof input === "string" ? input : "");
    draftErrors.set(key, result.error.message);
  }
  redrawKeepingFocus();
}

/** Redraws the screen, keeping the focused element and any text typed since the last save. */
function redrawKeepingFocus() {
  if (pointerDown) {
    redrawWaiting = true;
    return;
  }
  redrawWaiting = false;
  delete document.documentElement.dataset.saving;
  const focusedId = document.activeElement?.id;
  const typed = [...document.querySelectorAll("#main input[type=text], #main input[type=search]")]
    .filter((input) => input.id && input.value !== input.defaultValue)
    .map((input) => [input.id, input.value]);
  render();
  for (const [id, value] of typed) {
    const input = document.getElementById(id);
    if (input) input.value = value;
  }
  if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
}

/** The screen's missing and invalid answers: the record's, and text typed that was refused. */
function screenProblems(recordId, screen, evaluation) {
  const problems = [];
  for (const field of screen.fields) {
    const label = text(field.label, language()) || field.name;
    const typed = draftErrors.get(`${recordId}/${field.name}`);
    const error = typed ? { code: "invalid_value", message: typed } : evaluation.errors.find((e) => e.field === field.name);
    if (error && evaluation.fields.get(field.name)?.relevant !== false) problems.push({ field: field.name, code: error.code, message: `${label}: ${error.message}` });
  }
  return problems;
}

/** The list of screens with how many answers each has, to jump around. */
function jumpList(base, screens, visible, current, evaluation) {
  return h("details", { class: "jump-list" },
    h("summary", null, t("sections")),
    h("ol", null, visible.map((s) => {
      const relevant = s.fields.filter((f) => f.type !== "note" && f.type !== "calculate" && evaluation.fields.get(f.name)?.relevant !== false);
      const answered = relevant.filter((f) => {
        const v = evaluation.fields.get(f.name)?.value;
        return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
      }).length;
      return h("li", null, h("a", { href: `${base}/${s.index}`, "aria-current": s.index === current ? "step" : false },
        s.title, " ", h("span", { class: "muted" }, t("sectionStatus", { answered, total: relevant.length }))));
    })));
}

/** "Tersimpan di HP 10.42" after the record's last change made here. */
function savedLine(app, recordId) {
  const mine = app.replica.log.findLast((c) => c.record === recordId && c.origin === app.replica.nodeId);
  if (!mine) return null;
  return h("p", { class: "saved", role: "status" }, `✓ ${t("savedOnPhone", { time: clockTime(whenMs(mine.hlc)) })}`);
}

/** The last step: what is missing or invalid in the whole record, then "Tandai selesai". */
function endScreen(app, recordId, form, evaluation, visible) {
  const base = `#/edit/${encodeURIComponent(recordId)}`;
  const screenOf = (fieldName) => visible.find((s) => s.fields.some((f) => f.name === fieldName));
  const errors = evaluation.errors;
  return h("section", { class: "form-end" },
    heading(t("finishTitle"), `${base}/${visible.at(-1)?.index ?? 0}`),
    h("p", { class: "record-name" }, titleOf(app, app.replica.record(recordId) ?? R.emptyRecord(recordId))),
    errors.length > 0
      ? h("div", { class: "error-summary", "data-focus": true, tabindex: "-1" },
          h("h2", null, t("errorsSummary", { n: errors.length })),
          h("ul", null, errors.map((e) => h("li", null, h("a", { href: `${base}/${screenOf(e.field)?.index ?? 0}` }, `${text(form.field(e.field)?.label, language()) || e.field}: ${e.message}`)))))
      : h("p", { class: "notice" }, t("allAnswered")),
    savedLine(app, recordId),
    h("div", { class: "button-bar" },
      h("a", { class: "button secondary", href: `${base}/${visible.at(-1)?.index ?? 0}` }, `← ${t("back")}`),
      h("a", { class: "button primary", href: `#/r/${encodeURIComponent(recordId)}` }, t("markFinished"))),
  );
}
