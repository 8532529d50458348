#!/usr/bin/env python3
"""Writes form.xlsx, the census form `usaha` of survey ikm-konveksi-2024 in XLSForm.

    python3 Examples/ikm-konveksi/make_form_xlsx.py    # needs openpyxl 3.1.5

form.xlsx is what an office would edit in a spreadsheet program and publish. CensusForm.usaha
(Sources/IKMKonveksi/CensusForm.swift) is the same form in Swift, and form.json the same form as
JSON; a test in SentraXLSFormTests keeps form.xlsx and CensusForm.usaha equal. The bytes are
deterministic: the same script writes the same file.
"""
import datetime
import io
import os
import re
import zipfile

import openpyxl
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
ID, EN = "Indonesian (id)", "English (en)"

SURVEY_COLUMNS = [
    "type", "name", f"label::{ID}", f"label::{EN}", f"hint::{ID}", f"hint::{EN}", "required",
    f"required_message::{ID}", f"required_message::{EN}", "constraint", f"constraint_message::{ID}",
    f"constraint_message::{EN}", "relevant", "choice_filter", "calculation", "default", "policy",
]

WORKERS = ". >= 0 and . <= 500"
WORKERS_MESSAGE = ("Jumlah pekerja 0 sampai 500", "The number of workers must be 0 to 500")


def q(type, name, id=None, en=None, hint=None, required=None, required_message=None, constraint=None,
      constraint_message=None, relevant=None, choice_filter=None, calculation=None, default=None, policy=None):
    """One survey row; texts in two languages are (Indonesian, English) pairs."""
    hint = hint or (None, None)
    required_message = required_message or (None, None)
    constraint_message = constraint_message or (None, None)
    return [type, name, id, en, hint[0], hint[1], required, required_message[0], required_message[1], constraint,
            constraint_message[0], constraint_message[1], relevant, choice_filter, calculation, default, policy]


SURVEY = [
    q("note", "pengantar", "Perkenalkan diri Anda dan jelaskan tujuan pendataan IKM konveksi.",
      "Introduce yourself and explain the purpose of the garment-maker census."),
    q("begin group", "identitas", "Identitas usaha", "Business identity"),
    q("text", "nama_usaha", "Nama usaha", "Business name", required="yes",
      required_message=("Nama usaha wajib diisi", "The business name is required")),
    q("text", "pemilik", "Nama pemilik", "Owner's name", required="yes"),
    q("text", "telepon", "Nomor telepon/WA", "Phone/WhatsApp number"),
    q("text", "nib", "NIB (Nomor Induk Berusaha)", "NIB (business identification number)",
      hint=("13 digit, tertera di dokumen NIB dari OSS", "13 digits, printed on the NIB document from OSS"),
      constraint="regex(., '^[0-9]{13}$')", constraint_message=("NIB harus 13 digit", "NIB must be 13 digits")),
    q("select_one bentuk_usaha", "bentuk_usaha", "Bentuk usaha", "Legal form"),
    q("select_one sektor", "sektor", "Sektor usaha", "Sector", default="sandang"),
    q("end group", None),
    q("begin group", "lokasi_usaha", "Lokasi", "Location"),
    q("text", "alamat", "Alamat", "Address"),
    q("select_one desa", "desa", "Desa", "Village", required="yes"),
    q("select_one dusun", "dusun", "Dusun/kampung", "Hamlet (dusun/kampung)", choice_filter="desa = ${desa}"),
    q("geopoint", "lokasi", "Titik GPS", "GPS location",
      hint=("Ambil di depan tempat usaha", "Take it in front of the workshop")),
    q("end group", None),
    q("begin group", "usaha", "Kegiatan usaha", "Business activity"),
    q("integer", "tahun_mulai", "Tahun mulai usaha", "Year the business started",
      constraint=". >= 1950 and . <= 2025", constraint_message=("Tahun antara 1950 dan 2025", "A year from 1950 to 2025")),
    q("begin group", "tenaga_kerja", "Tenaga kerja", "Workers"),
    q("integer", "pekerja_laki", "Pekerja laki-laki", "Male workers", constraint=WORKERS, constraint_message=WORKERS_MESSAGE),
    q("integer", "pekerja_perempuan", "Pekerja perempuan", "Female workers", constraint=WORKERS, constraint_message=WORKERS_MESSAGE),
    q("calculate", "total_pekerja", "Jumlah pekerja", "Total workers", calculation="${pekerja_laki} + ${pekerja_perempuan}",
      # Two enumerators who count workers differently also compute different totals: the count is
      # the conflict to resolve, the total follows it.
      policy="lww"),
    q("end group", "tenaga_kerja"),
    q("begin group", "produksi", "Produksi dan pemasaran", "Production and sales"),
    q("select_multiple produk", "produk", "Produk", "Products"),
    q("integer", "mesin_jahit", "Mesin jahit biasa (high speed)", "Sewing machines (high speed)"),
    q("integer", "mesin_obras", "Mesin obras", "Overlock machines"),
    q("integer", "mesin_overdeck", "Mesin overdeck", "Coverstitch (overdeck) machines"),
    q("integer", "mesin_bordir", "Mesin bordir", "Embroidery machines"),
    q("integer", "produksi_bulanan", "Produksi per bulan (potong)", "Monthly output (pieces)"),
    q("select_multiple bahan_baku", "bahan_baku", "Asal bahan baku", "Source of materials"),
    q("select_multiple pemasaran", "pemasaran", "Saluran pemasaran", "Sales channels"),
    q("select_one omzet", "omzet_bulanan", "Omzet per bulan", "Monthly turnover"),
    q("end group", "produksi"),
    q("end group", "usaha"),
    q("begin group", "perizinan", "Perizinan", "Permits"),
    q("select_multiple izin", "izin", "Izin yang dimiliki", "Permits held"),
    q("select_one halal", "sertifikat_halal", "Sertifikat halal (produk pangan)", "Halal certificate (food products)",
      relevant="${sektor} = 'pangan'"),
    q("end group", None),
    q("begin group", "kunjungan", "Kunjungan", "Visit"),
    q("select_multiple bantuan", "bantuan", "Bantuan yang dibutuhkan", "Assistance needed"),
    q("date", "tanggal_kunjungan", "Tanggal kunjungan", "Date of visit"),
    q("text", "catatan", "Catatan enumerator", "Enumerator's notes", policy="lww"),
    q("end group", None),
]

# list_name, name, Indonesian label, English label, desa (for dusun only)
CHOICES = [
    ("bentuk_usaha", "perorangan", "Perorangan", "Sole proprietor"),
    ("bentuk_usaha", "CV", "CV", "Limited partnership (CV)"),
    ("bentuk_usaha", "PT", "PT", "Limited company (PT)"),
    ("bentuk_usaha", "koperasi", "Koperasi", "Cooperative"),
    ("bentuk_usaha", "UD", "UD", "Trading business (UD)"),
    ("sektor", "sandang", "Sandang/konveksi", "Clothing/garments"),
    ("sektor", "pangan", "Pangan (makanan dan minuman)", "Food and beverages"),
    ("sektor", "kerajinan", "Kerajinan", "Handicrafts"),
    ("sektor", "lainnya", "Lainnya", "Other"),
    ("desa", "Cibarusah Kota", "Cibarusah Kota", "Cibarusah Kota"),
    ("desa", "Cibarusah Jaya", "Cibarusah Jaya", "Cibarusah Jaya"),
    ("desa", "Sindangmulya", "Sindangmulya", "Sindangmulya"),
    ("desa", "Ridogalih", "Ridogalih", "Ridogalih"),
    ("desa", "Ridomanah", "Ridomanah", "Ridomanah"),
    ("desa", "Sirnajati", "Sirnajati", "Sirnajati"),
    ("desa", "Wibawamulya", "Wibawamulya", "Wibawamulya"),
    ("dusun", "kp-pasar", "Kp. Pasar", "Kp. Pasar", "Cibarusah Kota"),
    ("dusun", "kp-kaum", "Kp. Kaum", "Kp. Kaum", "Cibarusah Kota"),
    ("dusun", "kp-babakan", "Kp. Babakan", "Kp. Babakan", "Cibarusah Kota"),
    ("dusun", "kp-pangkalan", "Kp. Pangkalan", "Kp. Pangkalan", "Cibarusah Jaya"),
    ("dusun", "kp-cijambu", "Kp. Cijambu", "Kp. Cijambu", "Cibarusah Jaya"),
    ("dusun", "kp-cikadu", "Kp. Cikadu", "Kp. Cikadu", "Sindangmulya"),
    ("dusun", "kp-sindangsari", "Kp. Sindangsari", "Kp. Sindangsari", "Sindangmulya"),
    ("dusun", "kp-cipicung", "Kp. Cipicung", "Kp. Cipicung", "Sindangmulya"),
    ("dusun", "kp-ridogalih", "Kp. Ridogalih", "Kp. Ridogalih", "Ridogalih"),
    ("dusun", "kp-cibeureum", "Kp. Cibeureum", "Kp. Cibeureum", "Ridogalih"),
    ("dusun", "kp-ridomanah", "Kp. Ridomanah", "Kp. Ridomanah", "Ridomanah"),
    ("dusun", "kp-pasir-gombong", "Kp. Pasir Gombong", "Kp. Pasir Gombong", "Ridomanah"),
    ("dusun", "kp-cipendeuy", "Kp. Cipendeuy", "Kp. Cipendeuy", "Ridomanah"),
    ("dusun", "kp-sirnajati", "Kp. Sirnajati", "Kp. Sirnajati", "Sirnajati"),
    ("dusun", "kp-pasir-randu", "Kp. Pasir Randu", "Kp. Pasir Randu", "Sirnajati"),
    ("dusun", "kp-wibawa", "Kp. Wibawa", "Kp. Wibawa", "Wibawamulya"),
    ("dusun", "kp-cikarang-hilir", "Kp. Cikarang Hilir", "Kp. Cikarang Hilir", "Wibawamulya"),
    ("produk", "kaos", "Kaos", "T-shirts"),
    ("produk", "kemeja", "Kemeja", "Shirts"),
    ("produk", "seragam sekolah", "Seragam sekolah", "School uniforms"),
    ("produk", "celana", "Celana", "Trousers"),
    ("produk", "jaket", "Jaket", "Jackets"),
    ("produk", "hijab/busana muslim", "Hijab/busana muslim", "Hijab/Muslim wear"),
    ("produk", "gamis", "Gamis", "Gamis (long dresses)"),
    ("produk", "pakaian anak", "Pakaian anak", "Children's clothing"),
    ("produk", "mukena", "Mukena", "Prayer robes (mukena)"),
    ("bahan_baku", "Tanah Abang", "Pasar Tanah Abang", "Tanah Abang market"),
    ("bahan_baku", "Cigondewah Bandung", "Cigondewah, Bandung", "Cigondewah, Bandung"),
    ("bahan_baku", "pemasok lokal", "Pemasok lokal", "Local supplier"),
    ("bahan_baku", "pesan online", "Pesan online", "Ordered online"),
    ("bahan_baku", "dari pemesan", "Dari pemesan", "Supplied by the customer"),
    ("pemasaran", "Tanah Abang", "Pasar Tanah Abang", "Tanah Abang market"),
    ("pemasaran", "Tasikmalaya", "Tasikmalaya", "Tasikmalaya"),
    ("pemasaran", "pasar lokal", "Pasar lokal", "Local market"),
    ("pemasaran", "online", "Online", "Online"),
    ("pemasaran", "pesanan sekolah/instansi", "Pesanan sekolah/instansi", "Orders from schools or agencies"),
    ("omzet", "< 5 juta", "Kurang dari Rp5 juta", "Under Rp5 million"),
    ("omzet", "5-15 juta", "Rp5-15 juta", "Rp5-15 million"),
    ("omzet", "15-50 juta", "Rp15-50 juta", "Rp15-50 million"),
    ("omzet", "50-100 juta", "Rp50-100 juta", "Rp50-100 million"),
    ("omzet", "> 100 juta", "Lebih dari Rp100 juta", "Over Rp100 million"),
    ("izin", "NIB", "NIB", "Business ID (NIB)"),
    ("izin", "halal", "Sertifikat halal", "Halal certificate"),
    ("izin", "PIRT", "PIRT", "Home food licence (PIRT)"),
    ("izin", "SNI", "SNI", "National standard (SNI)"),
    ("halal", "ya", "Ya, sudah bersertifikat", "Yes, certified"),
    ("halal", "tidak", "Tidak", "No"),
    ("halal", "dalam_proses", "Dalam proses", "In progress"),
    ("bantuan", "modal", "Modal", "Capital"),
    ("bantuan", "peralatan", "Peralatan", "Equipment"),
    ("bantuan", "pelatihan", "Pelatihan", "Training"),
    ("bantuan", "pemasaran", "Pemasaran", "Marketing"),
    ("bantuan", "perizinan", "Perizinan", "Permits"),
]

SETTINGS = [
    ["form_id", "form_title", "version", "default_language"],
    ["usaha", "Pendataan IKM konveksi, Kecamatan Cibarusah", 1, ID],
]


def sheet(book, title, rows, widths):
    """A sheet with a bold, frozen header row and readable column widths."""
    ws = book.create_sheet(title)
    for row in rows:
        ws.append(row)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for index, width in enumerate(widths):
        ws.column_dimensions[openpyxl.utils.get_column_letter(index + 1)].width = width


def main():
    book = openpyxl.Workbook()
    book.remove(book.active)
    book.properties.creator = "make_form_xlsx.py"
    book.properties.title = SETTINGS[1][1]
    book.properties.created = datetime.datetime(2024, 11, 1)
    sheet(book, "survey", [SURVEY_COLUMNS] + SURVEY, [24, 18, 36, 36, 30, 30, 9, 24, 24, 30, 24, 24, 24, 16, 36, 10, 8])
    sheet(book, "choices", [["list_name", "name", f"label::{ID}", f"label::{EN}", "desa"]] + [list(c) for c in CHOICES],
          [14, 24, 30, 30, 16])
    sheet(book, "settings", SETTINGS, [10, 44, 10, 18])
    buffer = io.BytesIO()
    book.save(buffer)
    # The same entries with fixed dates, so that the same script writes the same bytes.
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"<dcterms:modified([^>]*)>[^<]*<", rb"<dcterms:modified\1>2024-11-01T00:00:00Z<", content)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    with open(os.path.join(HERE, "form.xlsx"), "wb") as file:
        file.write(out.getvalue())


if __name__ == "__main__":
    main()
