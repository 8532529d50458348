// Tests of the forms layer: form.js (loading and validating a form), field-value.js (typed input),
// field-format.js (display) and form-rules.js (a record evaluated against its form). Most cases
// are ported from Swift's FormRulesTests, FieldDefinitionTests and FormDefinitionTests; the rest
// use the census form of Examples/ikm-konveksi.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { checkValue, formatValue, loadForm, parseInput, recordTitle, text } from "../js/form.js";
import { evaluate, withDefaults } from "../js/form-rules.js";

const examples = new URL("../../../../Examples/ikm-konveksi/", import.meta.url);
const census = () => loadForm(readFileSync(new URL("form.json", examples), "utf8"));
const TODAY = "2026-12-02";
const ID = "Indonesian (id)";

/** The form of Swift's FormRulesTests, as its JSON. */
const rulesForm = () => loadForm({
  name: "usaha", version: 2, default_language: ID,
  sections: [{ name: "pangan", label: "Pangan", relevant: "${sektor} = 'pangan'" }],
  fields: [
    { name: "nama_usaha", type: "text", required: true,
      required_message: { [ID]: "Nama usaha wajib diisi", "English (en)": "Business name is required" } },
    { name: "sektor", type: "choice", choices: ["sandang", "pangan"] },
    { name: "sertifikat_halal", type: "choice", relevant: "${sektor} = 'pangan'", choices: ["ya", "tidak"] },
    { name: "izin_pirt", type: "text", required: true, section: "pangan" },
    { name: "pekerja_laki", type: "integer", constraint: ". >= 0 and . <= 500",
      constraint_message: { [ID]: "Jumlah pekerja 0 sampai 500", "English (en)": "Workers 0 to 500" } },
    { name: "pekerja_perempuan", type: "integer", constraint: ". >= 0 and . <= 500" },
    { name: "nib", type: "text", constraint: "regex(., '^[0-9]{13}$')" },
    { name: "desa", type: "choice", choices: ["Sindangmulya", "Ridogalih"] },
    { name: "dusun", type: "choice", choice_filter: "desa = ${desa}", choices: [
      { name: "cikadu", columns: { desa: "Sindangmulya" } }, { name: "pasir", columns: { desa: "Ridogalih" } }] },
    { name: "total_pekerja", type: "calculate", calculation: "${pekerja_laki} + ${pekerja_perempuan}" },
    { name: "info", type: "note", label: "Tanyakan pemilik" },
    { name: "status_kunjungan", type: "choice", default: "selesai", choices: ["selesai", "ulang"] },
    { name: "tanggal", type: "date", constraint: ". <= today()" },
  ],
});

/** The first error of a write as Swift's `check` would name one (by field), or null. */
const errorsOf = (form, values, options = {}) => evaluate(form, values, { today: TODAY, language: "id", ...options }).errors;
const errorOf = (form, values, field, options) => errorsOf(form, values, options).find((e) => e.field === field) ?? null;

test("the census form loads: sections in order, fields, languages", () => {
  const form = census();
  assert.equal(form.name, "usaha");
  assert.equal(form.version, 1);
  assert.equal(form.defaultLanguage, "id");
  assert.equal(form.defaultLanguageKey, ID);
  assert.deepEqual(form.languages, ["id", "en"]);
  assert.deepEqual(form.sections.map((s) => s.name), [null, "identitas", "lokasi_usaha", "usaha", "tenaga_kerja", "produksi", "perizinan", "kunjungan"]);
  assert.deepEqual(form.sections[0].fields.map((f) => f.name), ["pengantar"]);
  assert.equal(form.sections.flatMap((s) => s.fields).length, form.fields.length);
  const dusun = form.field("dusun");
  assert.equal(dusun.choiceFilter, "desa = ${desa}");
  assert.equal(dusun.section, "lokasi_usaha");
  assert.equal(dusun.policy, "flag");
  assert.equal(form.field("sektor").default, "sandang");
  assert.equal(form.text(form.field("nama_usaha").label, "en"), "Business name");
  assert.equal(form.text(form.field("nama_usaha").label), "Nama usaha", "the form's default language");
  assert.equal(form.field("tidak_ada"), undefined);
});

test("a PublishedForm and JSON text load the same form", () => {
  const definition = JSON.parse(readFileSync(new URL("form.json", examples), "utf8"));
  const published = loadForm({ form: definition, publisher: { id: "d64c2fea473c6935", name: "kantor" }, publishedAt: "2026-12-02T08:00:00.000Z" });
  assert.equal(published.publisher.name, "kantor");
  assert.deepEqual(published.fields, census().fields);
  assert.equal(loadForm(JSON.stringify({ name: "f", fields: [] })).version, 1);
});

test("text: the language by code or key, then the default, then plain text, then the first by name", () => {
  const both = { [ID]: "Nama usaha", "English (en)": "Business name" };
  assert.equal(text(both, "id"), "Nama usaha");
  assert.equal(text(both, "en"), "Business name");
  assert.equal(text(both, "English (en)"), "Business name");
  assert.equal(text(both, "fr", ID), "Nama usaha");
  assert.equal(text(both, "fr"), "Business name", "the first by name: English (en) < Indonesian (id)");
  assert.equal(text({ "": "plain", [ID]: "x" }, "fr"), "plain");
  assert.equal(text("Nama", "en"), "Nama");
  assert.equal(text(null, "en"), null);
  assert.equal(text({}, "en"), null);
});

test("invalid definitions are refused with a message naming the problem (FormDefinitionTests)", () => {
  const cases = [
    [{ name: "bad name", fields: [] }, "bad name"],
    [{ name: "", fields: [] }, "form name"],
    [{ name: "f", fields: [{ name: "_deleted", type: "boolean" }] }, "_deleted"],
    [{ name: "f", fields: [{ name: "nama usaha", type: "text" }] }, "nama usaha"],
    [{ name: "f", fields: [{ name: "id", type: "text" }] }, '"id"'],
    [{ name: "f", fields: [{ name: "deleted", type: "boolean" }] }, '"deleted"'],
    [{ name: "f", fields: [{ name: "a", type: "text" }, { name: "a", type: "integer" }] }, "field a is defined twice"],
    [{ name: "f", fields: [{ name: "desa", type: "choice" }] }, "field desa of type choice needs a list of choices"],
    [{ name: "f", fields: [{ name: "desa", type: "multichoice", choices: [] }] }, "field desa of type multichoice"],
    [{ name: "f", fields: [{ name: "nama", type: "text", choices: ["a"] }] }, "field nama has choices"],
    [{ name: "f", version: 0, fields: [] }, "version must be"],
    [{ name: "f", fields: [{ name: "a", type: "integer", default: "x" }] }, "has a default that does not fit"],
    [{ name: "f", fields: [{ name: "a", type: "decimal", default: "2,5" }] }, "has a default that does not fit"],
    [{ name: "f", fields: [{ name: "a", type: "text", section: "s" }] }, "is in section s"],
    [{ name: "f", sections: [{ name: "b", parent: "a" }, { name: "a" }], fields: [] }, "not defined before it"],
    [{ name: "f", fields: [{ name: "a", type: "note", required: true }] }, "cannot be required"],
  ];
  for (const [definition, fragment] of cases) {
    assert.throws(() => loadForm(definition), (e) => e.code === "invalid_form" && e.message.includes(fragment), fragment);
  }
  assert.throws(() => loadForm({ name: "f", fields: [{ name: "a", type: "image" }] }), { code: "invalid_form" });
  assert.throws(() => loadForm({ name: "f" }), { code: "invalid_form" });
});

test("a form's expressions are checked when it is loaded (FormRulesTests)", () => {
  const cases = [
    [{ name: "a", type: "integer", constraint: ". >" }, "constraint"],
    [{ name: "a", type: "integer", constraint: "concat(., 'x')" }, "constraint"],
    [{ name: "a", type: "integer", relevant: "${tidak_ada} = 1" }, "relevant"],
    [{ name: "a", type: "choice", choice_filter: "kolom = 1", choices: ["x"] }, "choice_filter"],
    [{ name: "a", type: "calculate", calculation: "${a} +" }, "calculation"],
    [{ name: "a", type: "text", constraint: "desa = 1" }, "constraint"],
  ];
  for (const [field, property] of cases) {
    assert.throws(() => loadForm({ name: "f", fields: [field] }),
      (e) => e.code === "invalid_form" && e.field === "a" && e.property === property, `${property}: ${JSON.stringify(field)}`);
  }
  assert.throws(() => loadForm({ name: "f", fields: [{ name: "a", type: "integer", constraint: ". >" }] }),
    { message: "form f: field a: constraint expected a value at character 4" });
  assert.throws(() => loadForm({ name: "f", sections: [{ name: "s", relevant: "${x} = 1" }], fields: [] }),
    (e) => e.section === "s" && e.message === "form f: section s: relevant reads ${x}, which the form does not define");
});

test("a field that is not relevant may not be set; it may once it is", () => {
  const form = rulesForm();
  const error = errorOf(form, { nama_usaha: "Maju", sektor: "sandang", sertifikat_halal: "ya" }, "sertifikat_halal", { language: "en" });
  assert.equal(error?.code, "not_relevant");
  assert.ok(error.message.includes("${sektor} = 'pangan'"));
  const result = evaluate(form, { nama_usaha: "Maju", sektor: "sandang", sertifikat_halal: "ya" }, { today: TODAY });
  assert.deepEqual(result.clear, ["sertifikat_halal"]);
  assert.equal(result.fields.get("sertifikat_halal").relevant, false);
  assert.deepEqual(errorsOf(form, { nama_usaha: "Maju", sektor: "pangan", sertifikat_halal: "ya", izin_pirt: "P-IRT 123" }), []);
  // An edit that changes only the halal answer, the sector being in the record.
  const previous = { nama_usaha: "Maju", sektor: "pangan", izin_pirt: "x", sertifikat_halal: "ya" };
  assert.deepEqual(errorsOf(form, { ...previous, sertifikat_halal: "tidak" }, { previous }), []);
  const sandang = { nama_usaha: "Maju", sektor: "sandang" };
  assert.equal(errorOf(form, { ...sandang, sertifikat_halal: "tidak" }, "sertifikat_halal", { previous: sandang })?.code, "not_relevant");
  // A stale value the edit does not touch is not refused, as Swift checks only what is written.
  assert.deepEqual(errorsOf(form, { ...sandang, sertifikat_halal: "ya", nama_usaha: "Baru" }, { previous: { ...sandang, sertifikat_halal: "ya" } }), []);
});

test("a required field counts only where it is relevant, with the form's message", () => {
  const form = rulesForm();
  assert.deepEqual(errorsOf(form, { nama_usaha: "Maju", sektor: "sandang" }), []);
  const result = evaluate(form, { nama_usaha: "Maju", sektor: "pangan" }, { today: TODAY });
  assert.equal(result.errors[0]?.field, "izin_pirt");
  assert.equal(result.errors[0]?.code, "missing_field");
  assert.equal(result.fields.get("izin_pirt").required, true);
  assert.equal(evaluate(form, { sektor: "sandang" }, { today: TODAY }).fields.get("izin_pirt").required, false);
  assert.equal(errorOf(form, { sektor: "sandang" }, "nama_usaha")?.message, "Nama usaha wajib diisi");
  assert.equal(errorOf(form, { sektor: "sandang" }, "nama_usaha", { language: "en" })?.message, "Business name is required");
  // An edit need not fill a required field it does not touch, but may not empty one.
  const previous = { sektor: "sandang" };
  assert.deepEqual(errorsOf(form, { sektor: "sandang", desa: "Ridogalih" }, { previous }), []);
  assert.equal(errorOf(form, { sektor: "sandang" }, "nama_usaha", { previous: { nama_usaha: "Maju", sektor: "sandang" } })?.code, "missing_field");
});

test("constraints give the form's message, or name the rule; an empty value is not checked", () => {
  const form = rulesForm();
  const base = { nama_usaha: "Maju" };
  const workers = errorOf(form, { ...base, pekerja_laki: 501 }, "pekerja_laki");
  assert.deepEqual([workers?.code, workers?.message], ["constraint_failed", "Jumlah pekerja 0 sampai 500"]);
  assert.equal(errorOf(form, { ...base, pekerja_laki: 501 }, "pekerja_laki", { language: "en" })?.message, "Workers 0 to 500");
  assert.equal(errorOf(form, { ...base, pekerja_perempuan: -1 }, "pekerja_perempuan", { language: "en" })?.message,
    "-1 does not meet the constraint . >= 0 and . <= 500");
  assert.equal(errorOf(form, { ...base, nib: "12345" }, "nib")?.code, "constraint_failed");
  assert.deepEqual(errorsOf(form, { ...base, nib: "1234567890123", pekerja_laki: 500, pekerja_perempuan: 0 }), []);
  assert.equal(errorOf(form, { ...base, tanggal: "2026-12-03" }, "tanggal")?.code, "constraint_failed");
  assert.deepEqual(errorsOf(form, { ...base, tanggal: "2026-12-02" }), []);
  assert.deepEqual(errorsOf(form, { ...base, pekerja_laki: null }, { previous: { ...base, pekerja_laki: 3 } }), []);
});

test("a choice must pass the field's choice_filter; the filter decides the choices offered", () => {
  const form = rulesForm();
  assert.deepEqual(errorsOf(form, { nama_usaha: "Maju", desa: "Sindangmulya", dusun: "cikadu" }), []);
  const error = errorOf(form, { nama_usaha: "Maju", desa: "Sindangmulya", dusun: "pasir" }, "dusun");
  assert.deepEqual([error?.code, error?.property], ["invalid_value", "choice_filter"]);
  const result = evaluate(form, { desa: "Ridogalih" }, { today: TODAY });
  assert.deepEqual(result.fields.get("dusun").choices, [{ name: "pasir", label: "pasir" }]);
  assert.deepEqual(evaluate(form, {}, { today: TODAY }).fields.get("dusun").choices, []);
});

test("calculations are filled in; a type error is reported", () => {
  const form = rulesForm();
  const result = evaluate(form, { nama_usaha: "Maju", pekerja_laki: 3, pekerja_perempuan: 4 }, { today: TODAY });
  assert.equal(result.fields.get("total_pekerja").value, 7);
  assert.equal(result.values.get("total_pekerja"), 7);
  assert.equal(evaluate(form, { pekerja_laki: 3 }, { today: TODAY }).fields.get("total_pekerja").value, null, "NaN is empty");
  assert.equal(errorOf(form, { nama_usaha: "Maju", pekerja_laki: "banyak" }, "pekerja_laki")?.code, "invalid_value");
  assert.equal(evaluate(form, { info: "x" }, { today: TODAY }).fields.get("info").value, null);
});

test("a new record gets the defaults it does not give", () => {
  const form = rulesForm();
  assert.equal(withDefaults(form, { nama_usaha: "Maju" }, { today: TODAY }).status_kunjungan, "selesai");
  assert.equal(withDefaults(form, { status_kunjungan: "ulang" }, { today: TODAY }).status_kunjungan, "ulang");
  assert.equal(withDefaults(form, { status_kunjungan: null }, { today: TODAY }).status_kunjungan, null);
});

test("the census form: relevance, constraint, choice_filter, calculation and section status", () => {
  const form = census();
  const values = withDefaults(form, { nama_usaha: "Konveksi Maju", pemilik: "Budi", desa: "Ridogalih", dusun: "kp-ridogalih",
    pekerja_laki: 3, pekerja_perempuan: 4, nib: "1234567890123", tahun_mulai: 2005 }, { today: TODAY });
  assert.equal(values.sektor, "sandang");
  const result = evaluate(form, values, { today: TODAY, language: "en" });
  assert.deepEqual(result.errors, []);
  assert.equal(result.fields.get("total_pekerja").value, 7);
  assert.equal(result.fields.get("sertifikat_halal").relevant, false);
  assert.deepEqual(result.fields.get("dusun").choices.map((c) => c.name), ["kp-ridogalih", "kp-cibeureum"]);
  assert.deepEqual(result.sectionStatus.get("tenaga_kerja"), { answered: 2, total: 2, relevant: true });
  assert.deepEqual(result.sectionStatus.get("usaha"), { answered: 3, total: 12, relevant: true }, "a section counts its sub-sections");
  const pangan = evaluate(form, { ...values, sektor: "pangan", tahun_mulai: 2030, nib: "12" }, { today: TODAY, language: "id" });
  assert.equal(pangan.fields.get("sertifikat_halal").relevant, true);
  assert.deepEqual(pangan.errors.map((e) => [e.field, e.code, e.message]), [
    ["nib", "constraint_failed", "NIB harus 13 digit"],
    ["tahun_mulai", "constraint_failed", "Tahun antara 1950 dan 2025"],
  ]);
  const empty = evaluate(form, {}, { today: TODAY, language: "en" });
  assert.deepEqual(empty.errors.map((e) => [e.field, e.message]), [
    ["nama_usaha", "The business name is required"], ["pemilik", "This field is required"], ["desa", "This field is required"],
  ]);
});

/** A CSV parser for the example files: quoted cells, "" inside quotes. */
function csv(textContent) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < textContent.length; i++) {
    const ch = textContent[i];
    if (quoted) {
      if (ch === '"' && textContent[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(cell); cell = ""; }
    else if (ch === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; }
    else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

test("every row of the example CSV files parses with parseInput and passes the census form", () => {
  const form = census();
  for (const file of ["ani.csv", "budi.csv"]) {
    const [header, ...rows] = csv(readFileSync(new URL(file, examples), "utf8"));
    for (const row of rows) {
      const values = {};
      header.forEach((name, i) => { values[name] = parseInput(form.field(name), row[i], "en"); });
      const result = evaluate(form, withDefaults(form, values, { today: TODAY }), { today: TODAY, language: "en" });
      assert.deepEqual(result.errors, [], `${file}: ${row[0]}`);
      assert.equal(recordTitle(form, values), row[0]);
    }
  }
});

const field = (type, extra = {}) => ({
  name: `f_${type}`, type, choices: type === "choice" || type === "multichoice" ? ["Cibarusah Kota", "Sindangmulya", "Sirnajati"].map((name) => ({ name, label: null, columns: {} })) : null, ...extra,
});
const invalid = (f, input, language = "en") => assert.throws(() => parseInput(f, input, language), (e) => e.code === "invalid_value" && e.field === f.name, `${f.type}: ${input}`);

test("parseInput: empty text is null for every type; text is kept as typed", () => {
  for (const type of ["text", "integer", "decimal", "boolean", "date", "choice", "multichoice", "geopoint", "note", "calculate"]) {
    assert.equal(parseInput(field(type), ""), null, type);
  }
  assert.equal(parseInput(field("text"), "0812555"), "0812555");
  assert.equal(parseInput(field("text"), " Budi "), " Budi ");
  assert.throws(() => parseInput(field("note"), "x"), { code: "invalid_value" });
  assert.throws(() => parseInput(field("calculate"), "x"), { code: "invalid_value" });
});

test("parseInput: integer, decimal (with the decimal comma), boolean", () => {
  assert.equal(parseInput(field("integer"), "12"), 12);
  assert.equal(parseInput(field("integer"), " -7 "), -7);
  assert.equal(parseInput(field("integer"), "9007199254740993"), 9007199254740993n);
  for (const bad of ["12.5", "abc", "1e3", "99999999999999999999"]) invalid(field("integer"), bad);
  assert.equal(parseInput(field("decimal"), "12.5"), 12.5);
  assert.equal(parseInput(field("decimal"), " -0.25 "), -0.25);
  assert.equal(parseInput(field("decimal"), "2,5"), 2.5, "the Indonesian decimal comma");
  assert.equal(parseInput(field("decimal"), "12.0"), 12);
  for (const bad of ["abc", "nan", "inf", "1e400", "1.500,25", "1,5,2"]) invalid(field("decimal"), bad);
  assert.throws(() => parseInput(field("decimal"), "1,5", "en", { decimalComma: false }), { code: "invalid_value" });
  for (const yes of ["true", "TRUE", "yes", "ya", "Ya", "1", " true "]) assert.equal(parseInput(field("boolean"), yes), true, yes);
  for (const no of ["false", "no", "tidak", "0"]) assert.equal(parseInput(field("boolean"), no), false, no);
  invalid(field("boolean"), "maybe");
  assert.throws(() => parseInput(field("integer"), "banyak", "id"), { message: '"banyak" bukan bilangan bulat' });
  assert.throws(() => parseInput(field("integer"), "banyak", "en"), { message: '"banyak" is not a whole number' });
});

test("parseInput: real calendar dates only", () => {
  const valid = ["2024-02-29", "2000-02-29", "2024-01-31"];
  const bad = ["2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "24-01-01", "2024-1-01",
    "2024/01/01", "2024-01-01T00:00", "2024-+1-+5", "+024-01-01", "2024-01- 5"];
  for (const d of valid) assert.equal(parseInput(field("date"), d), d);
  for (const d of bad) invalid(field("date"), d);
});

test("parseInput: choice, multichoice and geopoint", () => {
  assert.equal(parseInput(field("choice"), " Sindangmulya "), "Sindangmulya");
  assert.throws(() => parseInput(field("choice"), "Jakarta"), { message: '"Jakarta" is not one of the choices: "Cibarusah Kota", "Sindangmulya", "Sirnajati"' });
  const multi = field("multichoice");
  assert.deepEqual(parseInput(multi, "Sirnajati, Sindangmulya"), ["Sirnajati", "Sindangmulya"]);
  assert.deepEqual(parseInput(multi, "Cibarusah Kota;Sirnajati"), ["Cibarusah Kota", "Sirnajati"]);
  assert.deepEqual(parseInput(multi, '["Cibarusah Kota"]'), ["Cibarusah Kota"]);
  for (const bad of ["Sirnajati,Sirnajati", "Sirnajati,Jakarta", "[1]"]) invalid(multi, bad);
  assert.deepEqual(parseInput(field("geopoint"), "-6.43, 107.12"), { lat: -6.43, lon: 107.12 });
  for (const bad of ["91,0", "0,181", "-6.43", "a,b", "1,2,3"]) invalid(field("geopoint"), bad);
});

test("checkValue: values checked against the type, as FieldDefinition.check", () => {
  assert.deepEqual(checkValue(field("geopoint"), { lat: -6, lon: 107 }), { lat: -6, lon: 107 });
  assert.throws(() => checkValue(field("geopoint"), { lat: 1, lon: 2, alt: 3 }), { code: "invalid_value" });
  assert.throws(() => checkValue(field("geopoint"), { lat: "1", lon: 2 }), { code: "invalid_value" });
  assert.throws(() => checkValue(field("text"), 1), { code: "invalid_value" });
  assert.throws(() => checkValue(field("integer"), 1.5), { code: "invalid_value" });
  assert.throws(() => checkValue(field("integer"), "12"), { code: "invalid_value" });
  assert.equal(checkValue(field("decimal"), 3), 3);
  assert.throws(() => checkValue(field("decimal"), Infinity), { code: "invalid_value" });
  assert.throws(() => checkValue(field("choice"), ["Sirnajati"]), { code: "invalid_value" });
  assert.throws(() => checkValue(field("boolean"), 1), { code: "invalid_value" });
  assert.equal(checkValue(field("text"), null), null);
});

test("formatValue: numbers, dates, booleans, choices and locations in Indonesian and English", () => {
  const form = census();
  assert.equal(formatValue(field("decimal"), 2.5, "id"), "2,5");
  assert.equal(formatValue(field("decimal"), 2.5, "en"), "2.5");
  assert.equal(formatValue(field("integer"), 2005, "id"), "2005");
  assert.equal(formatValue(field("date"), "2026-12-03", "id"), "3 Des 2026");
  assert.equal(formatValue(field("date"), "2026-12-03", "en"), "3 Dec 2026");
  assert.equal(formatValue(field("boolean"), true, "id"), "Ya");
  assert.equal(formatValue(field("boolean"), false, "en"), "No");
  assert.equal(formatValue(form.field("sektor"), "pangan", "en"), "Food and beverages");
  assert.equal(form.formatValue(form.field("sektor"), "pangan"), "Pangan (makanan dan minuman)");
  assert.equal(formatValue(form.field("produk"), ["kaos", "kemeja"], "en"), "T-shirts, Shirts");
  assert.equal(formatValue(form.field("sektor"), "tidak-ada", "en"), "tidak-ada");
  assert.equal(formatValue(field("geopoint"), { lat: -6.4187, lon: 107.0996 }, "id"), "-6.4187, 107.0996");
  assert.equal(formatValue(field("geopoint"), { lat: -6.4187, lon: 107.0996, accuracy: 12.3 }, "en"), "-6.4187, 107.0996 ±12 m");
  assert.equal(formatValue(field("text"), null, "en"), "");
});

test("recordTitle: the first text field's value", () => {
  const form = census();
  assert.equal(recordTitle(form, { nama_usaha: "Konveksi Maju", pemilik: "Budi" }), "Konveksi Maju");
  assert.equal(recordTitle(form, new Map([["nama_usaha", "Maju"]])), "Maju");
  assert.equal(recordTitle(form, { pemilik: "Budi" }), null);
});
