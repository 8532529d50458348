#!/usr/bin/env python3
"""Writes the XLSForm fixtures of SentraXLSFormTests into this folder.

Run it after changing a fixture: python3 make_fixtures.py (needs openpyxl 3.1.5). The .xlsx files
it writes are committed, so the tests need no Python. Every workbook but cell_types.xlsx is
written by openpyxl, a real spreadsheet writer (which writes text as inline strings);
cell_types.xlsx is written part by part to hold what openpyxl never writes and other writers do:
shared strings with rich-text runs and phonetic text, a formula's string result, an ISO date
cell, a number in scientific notation, cells without references, parts under a namespace
prefix and relationship targets both absolute and relative. Each workbook is repacked with fixed timestamps so
that a run writes the same bytes.
"""
import datetime
import io
import os
import re
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime.datetime(2024, 11, 1, 0, 0, 0)


def repack(data):
    """The same ZIP entries, in the same order, with a fixed date: deterministic bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the time of saving; the fixtures keep a fixed one.
                content = re.sub(rb"<dcterms:modified([^>]*)>[^<]*<", rb"<dcterms:modified\1>2024-11-01T00:00:00Z<", content)
            target.writestr(entry, content)
    return out.getvalue()


def write(name, sheets):
    """Writes `name` with one sheet per (title, rows) pair; rows are lists of cell values."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    book.properties.creator = "make_fixtures.py"
    book.properties.created = FIXED
    book.properties.modified = FIXED
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    book.save(buffer)
    with open(os.path.join(HERE, name), "wb") as file:
        file.write(repack(buffer.getvalue()))


SURVEY_HEADER = ["type", "name", "label", "hint", "required", "required_message", "constraint", "constraint_message",
                 "relevant", "default", "choice_filter", "calculation", "appearance", "policy", "guidance_hint"]


def row(type, name, label=None, **columns):
    """A survey row in SURVEY_HEADER's order."""
    values = dict(type=type, name=name, label=label, **columns)
    return [values.get(header) for header in SURVEY_HEADER]


def survey(*rows):
    return ("survey", [SURVEY_HEADER] + list(rows))


# Every type and every column of the subset, in one language. `guidance_hint` is a column
# outside the subset that is left empty, which is allowed.
write("all_types.xlsx", [
    survey(
        row("text", "nama", "Nama", hint="Nama lengkap", required="yes", required_message="Nama wajib diisi"),
        row("integer", "umur", "Umur", constraint=". >= 0 and . <= 120", constraint_message="0 sampai 120", default=30),
        row("decimal", "luas", "Luas (m²)", default=12.5),
        row("date", "tanggal", "Tanggal kunjungan", default=datetime.date(2024, 7, 1)),
        row("select_one desa", "desa", "Desa", required=True),
        row("select_one dusun", "dusun", "Dusun", choice_filter="desa = ${desa}"),
        row("select_multiple produk", "produk", "Produk", appearance="minimal"),
        row("geopoint", "lokasi", "Titik GPS", policy="lww"),
        row("note", "info", "Terima kasih"),
        row("calculate", "dua_kali", calculation="${umur} * 2"),
        row("text", "catatan", "Catatan", relevant="${umur} > 17", required="no"),
        [],
        row("integer", "jumlah", "Jumlah", required=0, default=1.0),
    ),
    ("choices", [
        ["list_name", "name", "label", "desa"],
        ["desa", "sindangmulya", "Sindangmulya"],
        ["desa", "ridogalih", "Ridogalih"],
        ["dusun", "kp-cikadu", "Kp. Cikadu", "sindangmulya"],
        ["dusun", "kp-pasir", "Kp. Pasir", "ridogalih"],
        ["produk", "kaos", "Kaos"],
        ["produk", 1, "Nomor satu"],
        ["produk", 2.0, "Nomor dua"],
    ]),
    ("settings", [["form_id", "form_title", "version"], ["semua_tipe", "Semua tipe", 3]]),
    ("notes", [["anything"], ["is ignored"]]),
])

# Two languages in every text column; the settings name Indonesian as the default.
ID, EN = "Indonesian (id)", "English (en)"
write("two_languages.xlsx", [
    ("survey", [
        ["type", "name", f"label::{ID}", f"label::{EN}", f"hint::{ID}", f"hint::{EN}", "required",
         f"required_message::{ID}", f"required_message::{EN}", "constraint", f"constraint_message::{ID}", f"constraint_message::{EN}"],
        ["begin group", "usaha", "Usaha", "Business"],
        ["text", "nama_usaha", "Nama usaha", "Business name", "Nama di papan", "Name on the sign", "yes", "Wajib diisi", "Required"],
        ["integer", "pekerja", "Pekerja", "Workers", None, None, None, None, None, ". >= 0", "Tidak boleh negatif", "Cannot be negative"],
        ["select_one ya_tidak", "halal", "Sertifikat halal", "Halal certificate"],
        ["end group"],
    ]),
    ("choices", [
        ["list name", "name", f"label::{ID}", f"label::{EN}"],
        ["ya_tidak", "ya", "Ya", "Yes"],
        ["ya_tidak", "tidak", "Tidak", "No"],
    ]),
    ("settings", [["form_id", "default_language"], ["dua_bahasa", ID]]),
])

# A plain label column under a default language, next to a second language; a long version.
write("settings.xlsx", [
    ("survey", [["type", "name", "label", f"label::{EN}"], ["text", "nama", "Nama", "Name"]]),
    ("settings", [["form_id", "form_title", "version", "default_language"], ["pendataan", "Pendataan usaha", 2024110101, ID]]),
])

# Nested groups; no settings sheet, so the form is named after the file.
write("groups.xlsx", [
    ("survey", [
        ["type", "name", "label", "relevant"],
        ["text", "judul", "Judul"],
        ["begin group", "identitas", "Identitas", "${judul} != ''"],
        ["text", "pemilik", "Pemilik"],
        ["begin_group", "alamat", "Alamat"],
        ["text", "jalan", "Jalan"],
        ["end_group", "alamat"],
        ["text", "telepon", "Telepon"],
        ["end group"],
        ["begin group", "kosong"],
        ["end group"],
        ["text", "penutup", "Penutup"],
    ]),
])

# Refusals, one problem each.
write("repeat.xlsx", [survey(row("text", "nama", "Nama"), row("begin repeat", "anggota", "Anggota"), row("text", "anak"), row("end repeat", None))])
write("image.xlsx", [survey(row("text", "nama", "Nama"), row("image", "foto", "Foto"))])
write("unsupported_column.xlsx", [("survey", [["type", "name", "label", "read_only"], ["text", "nama", "Nama"], ["text", "kode", "Kode", "yes"]])])
write("missing_list.xlsx", [
    survey(row("text", "nama", "Nama"), row("select_one kota", "kota", "Kota")),
    ("choices", [["list_name", "name", "label"], ["desa", "a", "A"]]),
])
write("bad_required.xlsx", [survey(row("integer", "umur", "Umur"), row("text", "nama", "Nama", required="${umur} > 17"))])
write("bad_version.xlsx", [survey(row("text", "nama", "Nama")), ("settings", [["form_id", "version"], ["usaha", "v2"]])])
write("not_xlsform.xlsx", [("Sheet1", [["nama", "umur"], ["Siti", 31]])])
write("unbalanced_group.xlsx", [survey(row("begin group", "identitas", "Identitas"), row("text", "nama", "Nama"))])
write("stray_end_group.xlsx", [survey(row("text", "nama", "Nama"), row("end group", None))])
write("duplicate_choice.xlsx", [
    survey(row("select_one desa", "desa", "Desa")),
    ("choices", [["list_name", "name", "label"], ["desa", "a", "A"], ["desa", "b", "B"], ["desa", "a", "A lagi"]]),
])
write("bad_default.xlsx", [survey(row("text", "nama", "Nama"), row("integer", "umur", "Umur", default="tiga puluh"))])
write("unknown_function.xlsx", [survey(row("text", "nama", "Nama"), row("integer", "umur", "Umur", constraint="frobnicate(.) > 1"))])
write("unknown_field.xlsx", [survey(row("text", "nama", "Nama"), row("text", "alasan", "Alasan", relevant="${tidak_ada} = 'x'"))])


def raw_xlsx(name, parts):
    """Writes an .xlsx part by part, for cell kinds openpyxl does not write."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in parts:
            entry = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, text)
    with open(os.path.join(HERE, name), "wb") as file:
        file.write(out.getvalue())


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
raw_xlsx("cell_types.xlsx", [
    ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    ("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    ("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="{MAIN}" xmlns:r="{REL}">'
        '<x:sheets><x:sheet name="survey" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>'),
    ("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="/xl/worksheets/survey.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="strings.xml"/></Relationships>'),
    ("xl/strings.xml", f'<?xml version="1.0" encoding="UTF-8"?><x:sst xmlns:x="{MAIN}">'
        '<x:si><x:t>type</x:t></x:si><x:si><x:t>name</x:t></x:si><x:si><x:t>label</x:t></x:si><x:si><x:t>default</x:t></x:si>'
        '<x:si><x:r><x:t>Nama </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">lengkap</x:t></x:r><x:rPh><x:t>NAMA</x:t></x:rPh></x:si>'
        '</x:sst>'),
    ("xl/worksheets/survey.xml", f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{MAIN}"><x:sheetData>'
        # Header row without cell references.
        '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>'
        # Inline string type, a formula string name, rich shared text, an empty default.
        '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t> text </x:t></x:is></x:c>'
        '<x:c r="B2" t="str"><x:f>LOWER("NAMA")</x:f><x:v>nama</x:v></x:c><x:c r="C2" t="s"><x:v>4</x:v></x:c><x:c r="D2"/></x:row>'
        # An ISO date cell, a number in scientific notation.
        '<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t>date</x:t></x:is></x:c><x:c r="B4" t="inlineStr"><x:is><x:t>tanggal</x:t></x:is></x:c>'
        '<x:c r="D4" t="d"><x:v>2024-07-01T00:00:00</x:v></x:c></x:row>'
        '<x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:t>integer</x:t></x:is></x:c><x:c r="B5" t="inlineStr"><x:is><x:t>kode</x:t></x:is></x:c>'
        '<x:c r="D5"><x:v>2.024110101E9</x:v></x:c></x:row>'
        '</x:sheetData></x:worksheet>'),
])

# A ZIP that is no workbook.
raw_xlsx("not_a_workbook.xlsx", [("readme.txt", "not a spreadsheet\n")])

# A group's relevant that reads a field the form does not define.
write("unknown_field_in_group.xlsx", [("survey", [
    ["type", "name", "label", "relevant"],
    ["text", "nama", "Nama"],
    ["begin group", "rincian", "Rincian", "${tidak_ada} = 'ya'"],
    ["text", "alasan", "Alasan"],
    ["end group"],
])])
