// words.js: every text the field app shows, in Indonesian (the default) and English, one plain
// word per concept as on the office pages (UX.md "Copy"). `t("unsentCount", {n: 3})` fills `{n}`.

const WORDS = {
  id: {
    appName: "Sentra Lapangan",
    home: "Beranda", records: "Data", sync: "Sinkron", language: "English",
    newRecord: "Isi data baru",
    revisit: "Perlu dikunjungi ulang", conflicts: "Beda isian", unsent: "Belum terkirim", allRecords: "Semua data",
    unfinished: "Belum selesai", needsFixing: "Perlu diperbaiki",
    sent: "Terkirim", inBundle: "Belum terkirim (ada di berkas {date})", savedOnPhone: "Tersimpan di HP {time}",
    offline: "Tidak ada sinyal · {n} belum terkirim", offlineNone: "Tidak ada sinyal",
    syncing: "Menyinkronkan {n}", syncingStart: "Menyinkronkan…", allSent: "Semua terkirim · {time}",
    failed: "Gagal: {cause}", tryAgain: "Coba lagi", syncNow: "Sinkronkan sekarang", notSynced: "Belum pernah sinkron",
    unsentCount: "{n} belum terkirim",
    lastSent: "Terakhir mengirim", lastReceived: "Terakhir menerima", never: "belum pernah",
    storageUsed: "Dipakai di HP", storagePersistent: "Data dijaga browser: ya",
    storageNotPersistent: "Browser tidak berjanji menjaga data ini. Jangan hapus data browser sebelum semua terkirim.",
    storageUnknown: "Browser ini tidak memberi tahu apakah data dijaga. Jangan hapus data browser sebelum semua terkirim.",
    enrolledAs: "Terdaftar sebagai {name} · {survey}", node: "Kantor",
    causeNetwork: "kantor tidak terjangkau", causeToken: "Kode akses ditolak. Minta QR baru ke kantor.",
    causeWrongNode: "Kode akses ini milik HP lain. Minta QR baru ke kantor.",
    causeServer: "kantor sedang bermasalah ({status}); dicoba lagi nanti", causeStorage: "penyimpanan HP penuh; kosongkan ruang lalu coba lagi",
    causeSurvey: "survei ini tidak ada di kantor; minta QR baru ke kantor", causeProtocol: "aplikasi perlu diperbarui; muat ulang halaman",
    causeOther: "{message}",
    retryIn: "dicoba lagi {time}",
    otherTab: "Sentra Lapangan sudah terbuka di tab lain. Pakai tab itu, atau tutup tab itu lalu tekan Coba lagi.",
    insecure: "Alamat ini bukan HTTPS: data tetap tersimpan di HP, tetapi aplikasi tidak bisa dibuka ulang tanpa sinyal. Minta kantor alamat https://.",
    // Enrolment
    enrolTitle: "Daftarkan HP ini", notEnrolled: "HP ini belum terdaftar. Pindai kode QR dari kantor dengan kamera HP.",
    enrolNode: "Alamat kantor", enrolSurvey: "Survei", enrolName: "Nama Anda atau nama HP", enrolButton: "Daftar",
    enrolNameHint: "Dipakai kantor untuk mengenali isian Anda, misalnya \"Siti · HP tab-07\".",
    enrolOtherNode: "Link ini untuk kantor lain dari halaman ini. Buka link dari alamat {node}.",
    enrolReplace: "HP ini sudah terdaftar sebagai {name}. Kode akses baru dipakai; data di HP tetap.",
    enrolUnsentOther: "HP ini masih punya {n} perubahan belum terkirim untuk survei {survey}. Kirim dulu, lalu daftar ulang.",
    enrolled: "Terdaftar. Sinkron pertama berjalan.", badLink: "Link pendaftaran rusak: {message}",
    // Records
    search: "Cari nama usaha", noRecords: "Belum ada data.", noMatch: "Tidak ada data yang cocok.",
    recordCount: "{n} data", filterAll: "Semua", open: "Buka", deleted: "Dihapus",
    untitled: "(belum bernama)", lastChange: "Terakhir diubah {time} oleh {who}",
    edit: "Ubah", history: "Riwayat", deleteRecord: "Hapus data ini", confirmDelete: "Hapus data ini? Kantor tetap melihat riwayatnya.",
    restoreRecord: "Pulihkan data", you: "Anda",
    // Review
    reviewState: "Pemeriksaan", received: "Diterima", hasIssues: "Perlu diperbaiki", approved: "Disetujui", rejected: "Ditolak",
    edited: "Sudah diperbaiki", editedUnsent: "Sudah diperbaiki · belum terkirim", fix: "Perbaiki", noteBy: "Catatan {by}, {date}",
    nothingToRevisit: "Tidak ada data yang perlu dikunjungi ulang.",
    // Conflicts
    conflictExplain: "{n} pencacah mengisi berbeda", useThis: "Pakai ini", enterOther: "Isi lain", saveOther: "Simpan isian lain",
    noConflicts: "Tidak ada beda isian.", shownNow: "sedang ditampilkan", by: "oleh {who}, {time}",
    deleteConflict: "Satu pihak menghapus data ini, pihak lain mengubahnya.", keepDeleted: "Tetap dihapus", restore: "Pulihkan",
    // Form
    next: "Lanjut", back: "Kembali", finish: "Selesai", clearAnswer: "Hapus jawaban", required: "wajib",
    errorsSummary: "{n} isian perlu diperbaiki", missingAnswers: "Isian yang kurang atau salah",
    finishTitle: "Periksa dan selesaikan", markFinished: "Tandai selesai", allAnswered: "Semua isian wajib sudah terisi.",
    sectionStatus: "{answered}/{total} terisi", sections: "Bagian", chooseForm: "Pilih formulir",
    noForms: "Belum ada formulir. Sinkronkan dulu saat ada sinyal.", searchChoices: "Cari pilihan",
    location: "Ambil lokasi", locationAgain: "Ambil ulang", locationSave: "Simpan lokasi", locationWaiting: "Mencari lokasi…",
    locationDenied: "Izin lokasi ditolak. Isian lain tetap bisa diisi.", locationUnavailable: "Lokasi tidak didapat: {message}",
    accuracy: "±{m} m", yes: "Ya", no: "Tidak", notSaved: "Belum tersimpan: {message}",
    // Bundle
    bundleTitle: "Tanpa sinyal sama sekali", bundleExplain: "Simpan berkas berisi perubahan yang belum diterima kantor, lalu serahkan ke pengawas (sentra bundle import).",
    saveBundle: "Simpan berkas kiriman", bundleSaved: "Berkas {file} disimpan: {n} perubahan.", bundleEmpty: "Kantor sudah punya semua perubahan; berkas tetap dibuat.",
  },
  en: {
    appName: "Sentra Field",
    home: "Home", records: "Records", sync: "Sync", language: "Bahasa Indonesia",
    newRecord: "New record",
    revisit: "To revisit", conflicts: "Conflicts", unsent: "Not yet sent", allRecords: "All records",
    unfinished: "Unfinished", needsFixing: "Needs fixing",
    sent: "Sent", inBundle: "Not yet sent (in the file of {date})", savedOnPhone: "Saved on this phone {time}",
    offline: "No signal · {n} not yet sent", offlineNone: "No signal",
    syncing: "Syncing {n}", syncingStart: "Syncing…", allSent: "All sent · {time}",
    failed: "Failed: {cause}", tryAgain: "Try again", syncNow: "Sync now", notSynced: "Never synced",
    unsentCount: "{n} not yet sent",
    lastSent: "Last sent", lastReceived: "Last received", never: "never",
    storageUsed: "Used on this phone", storagePersistent: "The browser keeps this data: yes",
    storageNotPersistent: "The browser does not promise to keep this data. Do not clear browser data until everything is sent.",
    storageUnknown: "This browser does not say whether it keeps the data. Do not clear browser data until everything is sent.",
    enrolledAs: "Enrolled as {name} · {survey}", node: "Office",
    causeNetwork: "the office cannot be reached", causeToken: "The access code was refused. Ask the office for a new QR code.",
    causeWrongNode: "This access code belongs to another phone. Ask the office for a new QR code.",
    causeServer: "the office has a problem ({status}); trying again later", causeStorage: "the phone's storage is full; free some space and try again",
    causeSurvey: "the office does not hold this survey; ask the office for a new QR code", causeProtocol: "the app needs updating; reload the page",
    causeOther: "{message}",
    retryIn: "trying again {time}",
    otherTab: "Sentra Field is already open in another tab. Use that tab, or close it and press Try again.",
    insecure: "This address is not HTTPS: the data stays on the phone, but the app cannot be reopened without signal. Ask the office for an https:// address.",
    enrolTitle: "Enrol this phone", notEnrolled: "This phone is not enrolled. Scan the office's QR code with the phone's camera.",
    enrolNode: "Office address", enrolSurvey: "Survey", enrolName: "Your name or the phone's name", enrolButton: "Enrol",
    enrolNameHint: "The office sees your records under it, for example \"Siti · tab-07\".",
    enrolOtherNode: "This link is for another office than this page's. Open the link from {node}.",
    enrolReplace: "This phone is enrolled as {name}. The new access code is used; the data on the phone stays.",
    enrolUnsentOther: "This phone still has {n} changes not yet sent for survey {survey}. Send them first, then enrol again.",
    enrolled: "Enrolled. The first sync is running.", badLink: "The enrolment link is damaged: {message}",
    search: "Search by business name", noRecords: "No records yet.", noMatch: "No records match.",
    recordCount: "{n} records", filterAll: "All", open: "Open", deleted: "Deleted",
    untitled: "(no name yet)", lastChange: "Last changed {time} by {who}",
    edit: "Edit", history: "History", deleteRecord: "Delete this record", confirmDelete: "Delete this record? The office still sees its history.",
    restoreRecord: "Restore record", you: "you",
    reviewState: "Review", received: "Received", hasIssues: "Needs fixing", approved: "Approved", rejected: "Rejected",
    edited: "Fixed", editedUnsent: "Fixed · not yet sent", fix: "Fix", noteBy: "Note by {by}, {date}",
    nothingToRevisit: "No records to revisit.",
    conflictExplain: "{n} enumerators entered different values", useThis: "Use this", enterOther: "Enter another", saveOther: "Save the other value",
    noConflicts: "No conflicts.", shownNow: "shown now", by: "by {who}, {time}",
    deleteConflict: "One side deleted this record while another edited it.", keepDeleted: "Keep deleted", restore: "Restore",
    next: "Next", back: "Back", finish: "Finish", clearAnswer: "Clear answer", required: "required",
    errorsSummary: "{n} answers need fixing", missingAnswers: "Missing or invalid answers",
    finishTitle: "Check and finish", markFinished: "Mark finished", allAnswered: "Every required answer is filled in.",
    sectionStatus: "{answered}/{total} answered", sections: "Sections", chooseForm: "Choose a form",
    noForms: "No forms yet. Sync first when there is signal.", searchChoices: "Search the choices",
    location: "Get location", locationAgain: "Get it again", locationSave: "Save location", locationWaiting: "Finding the location…",
    locationDenied: "Location permission was refused. The other answers can still be filled in.", locationUnavailable: "No location: {message}",
    accuracy: "±{m} m", yes: "Yes", no: "No", notSaved: "Not saved: {message}",
    bundleTitle: "No network at all", bundleExplain: "Save a file with the changes the office does not have yet, and hand it to a supervisor (sentra bundle import).",
    saveBundle: "Save a bundle file", bundleSaved: "File {file} saved: {n} changes.", bundleEmpty: "The office already has every change; the file was made anyway.",
  },
};

const MONTHS = {
  id: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

let current = "id";

/** The language in use: "id" or "en". */
export function language() {
  return current;
}

/** Switches the language ("id" or "en"). */
export function setLanguage(code) {
  current = code === "en" ? "en" : "id";
  document.documentElement.lang = current;
}

/**
 * A text in the current language, with `{name}` filled from `values`.
 * @param {keyof typeof WORDS.id} key
 * @param {Record<string, unknown>} [values]
 * @returns {string}
 */
export function t(key, values = {}) {
  const text = WORDS[current][key] ?? WORDS.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/** A time of day as the phone's clock shows it: "10.42" (id) or "10:42" (en). */
export function clockTime(ms) {
  const date = new Date(ms);
  const hh = String(date.getHours()).padStart(2, "0");
  const mm = String(date.getMinutes()).padStart(2, "0");
  return current === "id" ? `${hh}.${mm}` : `${hh}:${mm}`;
}

/** A day: "3 Des 2026". */
export function day(ms) {
  const date = new Date(ms);
  return `${date.getDate()} ${MONTHS[current][date.getMonth()]} ${date.getFullYear()}`;
}

/** A moment: the time alone when it is today, else the day and the time. */
export function moment(ms, now = Date.now()) {
  return new Date(ms).toDateString() === new Date(now).toDateString() ? clockTime(ms) : `${day(ms)} ${clockTime(ms)}`;
}

/** A count of bytes for people: "1,2 MB". */
export function bytes(n) {
  const units = ["B", "KB", "MB", "GB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = unit === 0 ? String(value) : value.toFixed(1);
  return `${current === "id" ? text.replace(".", ",") : text} ${units[unit]}`;
}
