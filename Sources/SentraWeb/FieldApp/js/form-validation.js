// form-validation.js: checks that a form definition itself is usable, and parses its
// expressions (SentraCore's FormDefinition+Validation and FormRules.compile). The order of the
// checks, and so which problem a form with several is refused for, is Swift's.
//
// Errors have code `invalid_form`, `field`, `section`, `property` (the form file's key) and
// `reason`; the message is Swift's, in English: "form NAME: REASON", or for an expression
// "form NAME: field F: PROPERTY REASON".

import { isValidName, isValidUserField } from "./change.js";
import { sentraError } from "./errors.js";
import { parseExpression } from "./expression.js";
import { isInput, parseInput } from "./field-value.js";

const RESERVED = "id, form, conflict, deleted, review_state, review_note, reviewer or review_time";

function invalid(form, reason, { field = null, section = null, property = null } = {}) {
  const error = sentraError("invalid_form", `form ${form.name}: ${reason}`);
  Object.assign(error, { field, section, property, reason });
  return error;
}

function invalidExpression(form, reason, { field = null, section = null, property }) {
  const subject = field !== null ? `field ${field}` : section !== null ? `section ${section}` : "form";
  const error = sentraError("invalid_form", `form ${form.name}: ${subject}: ${property} ${reason}`);
  Object.assign(error, { field, section, property, reason });
  return error;
}

/**
 * Checks `form` (decoded, not yet validated) and returns its parsed expressions.
 * @param {object} form with name, version, sections [{name, label, relevant, parent}] and fields
 * @returns {{constraints: Map, relevant: Map, sectionRelevant: Map, choiceFilters: Map, calculations: Map}}
 * @throws {Error} code `invalid_form`
 */
export function validateForm(form) {
  if (!isValidName(form.name)) {
    throw invalid(form, `form name "${form.name}" must be 1 to 64 letters, digits, "_" or "-"`, { property: "name" });
  }
  if (!(form.version >= 1)) {
    throw invalid(form, `version must be a whole number of at least 1, not ${form.version}`, { property: "version" });
  }
  validateSections(form);
  const seen = new Set();
  for (const field of form.fields) {
    if (!isValidUserField(field.name)) {
      throw invalid(form, `field name "${field.name}" must be 1 to 64 letters, digits, "_" or "-", not starting with "_", and not ${RESERVED}`,
        { field: field.name, property: "name" });
    }
    if (seen.has(field.name)) throw invalid(form, `field ${field.name} is defined twice`, { field: field.name, property: "name" });
    seen.add(field.name);
    validateField(form, field);
  }
  return validateExpressions(form);
}

function validateSections(form) {
  const seen = new Set();
  for (const section of form.sections) {
    if (!isValidName(section.name) || seen.has(section.name)) {
      throw invalid(form, `section name "${section.name}" must be unique and 1 to 64 letters, digits, "_" or "-"`, { property: "sections" });
    }
    seen.add(section.name);
    // Parents come first, so nesting cannot loop.
    if (section.parent !== null && (!seen.has(section.parent) || section.parent === section.name)) {
      throw invalid(form, `section ${section.name} sits in section ${section.parent}, which is not defined before it`, { property: "sections" });
    }
  }
}

function validateField(form, field) {
  const fail = (reason, property) => invalid(form, `field ${field.name} ${reason}`, { field: field.name, property });
  const choices = field.choices ?? [];
  const hasChoices = field.type === "choice" || field.type === "multichoice";
  if (hasChoices === (choices.length === 0)) {
    throw choices.length === 0
      ? fail(`of type ${field.type} needs a list of choices`, "choices")
      : fail(`has choices but is of type ${field.type}`, "choices");
  }
  const names = new Set();
  for (const choice of choices) {
    if (choice.name === "") throw fail("has a choice with no name", "choices");
    if (names.has(choice.name)) throw fail(`has the choice "${choice.name}" twice`, "choices");
    names.add(choice.name);
  }
  if (field.choiceFilter !== null && !hasChoices) throw fail("has a choice_filter but no choices", "choice_filter");
  if ((field.type === "calculate") !== (field.calculation !== null)) {
    throw field.type === "calculate"
      ? fail("of type calculate needs a calculation", "calculation")
      : fail(`has a calculation but is of type ${field.type}, not calculate`, "calculation");
  }
  if (!isInput(field.type)) {
    if (field.required) throw fail(`is a ${field.type} and cannot be required`, "required");
    if (field.constraint !== null) throw fail(`is a ${field.type} and cannot have a constraint`, "constraint");
    if (field.default !== null) throw fail(`is a ${field.type} and cannot have a default`, "default");
  }
  if (field.default !== null) {
    try {
      parseInput(field, field.default, "en", { decimalComma: false });
    } catch (error) {
      throw fail(`has a default that does not fit: field ${field.name}: ${error.message}`, "default");
    }
  }
  if (field.section !== null && !form.sections.some((s) => s.name === field.section)) {
    throw fail(`is in section ${field.section}, which the form does not define`, "section");
  }
}

/** Parses every expression (FormRules.compile), then checks what they read. */
function validateExpressions(form) {
  const rules = { constraints: new Map(), relevant: new Map(), sectionRelevant: new Map(), choiceFilters: new Map(), calculations: new Map() };
  const parse = (text, kind, place) => {
    try {
      return parseExpression(text, kind);
    } catch (error) {
      throw invalidExpression(form, error.message, place);
    }
  };
  for (const section of form.sections) {
    if (section.relevant !== null) {
      rules.sectionRelevant.set(section.name, parse(section.relevant, "field", { section: section.name, property: "relevant" }));
    }
  }
  for (const field of form.fields) {
    const add = (map, text, property, kind = "field") => {
      if (text !== null) map.set(field.name, parse(text, kind, { field: field.name, property }));
    };
    add(rules.constraints, field.constraint, "constraint");
    add(rules.relevant, field.relevant, "relevant");
    add(rules.choiceFilters, field.choiceFilter, "choice_filter", "choiceFilter");
    add(rules.calculations, field.calculation, "calculation");
  }
  const names = new Set(form.fields.map((f) => f.name));
  const check = (expression, place) => {
    const unknown = expression?.fieldReferences.find((name) => !names.has(name));
    if (unknown !== undefined) throw invalidExpression(form, `reads \${${unknown}}, which the form does not define`, place);
  };
  for (const section of form.sections) check(rules.sectionRelevant.get(section.name), { section: section.name, property: "relevant" });
  for (const field of form.fields) {
    check(rules.constraints.get(field.name), { field: field.name, property: "constraint" });
    check(rules.relevant.get(field.name), { field: field.name, property: "relevant" });
    check(rules.calculations.get(field.name), { field: field.name, property: "calculation" });
    const filter = rules.choiceFilters.get(field.name);
    check(filter, { field: field.name, property: "choice_filter" });
    if (filter) {
      const columns = new Set(["name", ...(field.choices ?? []).flatMap((c) => Object.keys(c.columns))]);
      const unknown = filter.choiceColumns.find((column) => !columns.has(column));
      if (unknown !== undefined) {
        throw invalidExpression(form, `reads the column ${unknown}, which its choices do not have`, { field: field.name, property: "choice_filter" });
      }
    }
  }
  return rules;
}
