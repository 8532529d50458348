// form-text.js: the texts a form shows in several languages (SentraCore's LocalizedText), and
// the two languages of the field app's own messages.
//
// In a form a text is one string, or an object from language to text as XLSForm's
// `label::Indonesian (id)` columns give it: {"Indonesian (id)": "Nama usaha", "English (en)":
// "Business name"}. The field app names languages by their code ("id", "en"), the part in
// brackets; a key without brackets is its own code.

import { compareCodePoints } from "./expression-value.js";

/**
 * The code of a language key: "Indonesian (id)" → "id", "en" → "en".
 * @param {string|null|undefined} language
 * @returns {string|null}
 */
export function languageCode(language) {
  if (typeof language !== "string" || language === "") return null;
  const match = /\(([^()]+)\)\s*$/.exec(language);
  return (match ? match[1] : language).trim().toLowerCase();
}

/** The key of `texts` written in `language` (a code or a key), if any. */
function keyFor(texts, language) {
  if (typeof language !== "string" || language === "") return undefined;
  if (Object.hasOwn(texts, language)) return language;
  const code = languageCode(language);
  return Object.keys(texts).find((key) => key !== "" && languageCode(key) === code);
}

/**
 * The text for `language`, falling back to `defaultLanguage`, then to the text written without
 * a language, then to the first language by name (Swift's `LocalizedText.text(in:)` looks up the
 * exact key, then `""`, then the first by name; the field app also matches language codes and
 * tries the form's default language).
 * @param {string|Object<string, string>|null|undefined} localized
 * @param {string} [language] a code ("id") or a key ("Indonesian (id)")
 * @param {string} [defaultLanguage] the form's default language, a code or a key
 * @returns {string|null} null only when there is no text at all
 */
export function text(localized, language, defaultLanguage) {
  if (localized === null || localized === undefined) return null;
  if (typeof localized === "string") return localized;
  const key = keyFor(localized, language) ?? keyFor(localized, defaultLanguage);
  if (key !== undefined) return localized[key];
  if (Object.hasOwn(localized, "")) return localized[""];
  const first = Object.keys(localized).sort(compareCodePoints)[0];
  return first === undefined ? null : localized[first];
}

/**
 * One of two messages: Indonesian for "id", English for anything else. The field app's own
 * messages exist in these two languages; Swift's are English only.
 * @param {string|null|undefined} language a code or a key
 * @param {string} id
 * @param {string} en
 * @returns {string}
 */
export function say(language, id, en) {
  return languageCode(language) === "id" ? id : en;
}
