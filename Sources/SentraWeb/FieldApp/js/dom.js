// dom.js: building elements without HTML strings, so that no value typed in the field or sent by a
// node is ever read as markup.
//
//   h("button", {class: "primary", onclick: save}, words.save)
//
// Attributes named `on…` add event listeners; `false`, null and undefined attributes are left out;
// children may be strings, elements, arrays of them, or null (skipped).

/**
 * A new element.
 * @param {string} tag
 * @param {Record<string, unknown>|null} [attributes]
 * @param {...unknown} children
 * @returns {HTMLElement}
 */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "value" && "value" in element) element.value = String(value);
    else if (name === "checked" || name === "selected" || name === "disabled") element[name] = Boolean(value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/**
 * Replaces everything inside `element` with `children`.
 * @param {Element} element
 * @param {...unknown} children
 */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** An ID unique in this page, for `for`/`aria-describedby` pairs. */
let lastId = 0;
export function uniqueId(prefix = "f") {
  lastId += 1;
  return `${prefix}-${lastId}`;
}
