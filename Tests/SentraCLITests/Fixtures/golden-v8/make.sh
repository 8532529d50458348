#!/usr/bin/env bash
# Makes the golden replicas of schema v8, the schema before issue 16 (decision 0008, updated),
# with the `sentra` of that release: kantor.db (an office) and ani.db (a device), and what that
# release printed about them (expected/). GoldenReplicaTests opens copies of them with today's
# sentra and checks that it prints the same.
#
# They were made with sentra built from commit e5d8637:
#   SENTRA=/path/to/that/sentra bash Tests/SentraCLITests/Fixtures/golden-v8/make.sh
set -euo pipefail
S=${SENTRA:?set SENTRA to the sentra executable of the release that makes the golden files}
here=$(cd "$(dirname "$0")" && pwd)
form=$(cd "$here/../../../.." && pwd)/Examples/ikm-konveksi/form.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

$S init --db kantor.db --name kantor --survey ikm --office >/dev/null
$S init --db ani.db --name tablet-ani --survey ikm >/dev/null
$S init --db budi.db --name tablet-budi --survey ikm >/dev/null
$S form publish --db kantor.db "$form" >/dev/null
$S token create --db kantor.db --name ani >/dev/null 2>&1 || true

exchange() { # every replica gets every change, through bundles
    for from in "$@"; do
        $S bundle export --db "$from.db" --out "$from.bundle" >/dev/null
        for to in "$@"; do [ "$from" = "$to" ] || $S bundle import --db "$to.db" "$from.bundle" >/dev/null; done
    done
}
exchange kantor ani budi

add() { $S record add --db "$1.db" --form usaha --id "$2" "${@:3}" >/dev/null; }
add ani usaha-kept nama_usaha="Konveksi Maju" pemilik="Bu Sari" desa=Sindangmulya pekerja_laki=2 pekerja_perempuan=5 produk='["kaos","gamis"]' tanggal_kunjungan=2026-11-02
add ani usaha-conflict nama_usaha="Gamis Bu Imas" pemilik="Imas" desa=Ridogalih pekerja_perempuan=3
add ani usaha-deleted nama_usaha="Jahit Pak Ujang" pemilik="Ujang" desa=Ridomanah
add ani usaha-revisited nama_usaha="Bordir Cahaya" pemilik="Cahya" desa="Cibarusah Kota" pekerja_laki=1
add budi usaha-resolved nama_usaha="Sablon Mandiri" pemilik="Dedi" desa="Cibarusah Jaya" pekerja_laki=4
add kantor usaha-reviewed nama_usaha="Konveksi Berkah" pemilik="Hj. Nur" desa=Sirnajati pekerja_perempuan=8
printf 'id,nama_usaha,pemilik,desa,pekerja_laki,catatan\nusaha-imported-1,"Konveksi ""Sinar"", Jaya",Asep,Sindangmulya,3,"baris dua\nbaris tiga"\nusaha-imported-2,Kaos Polos,Rina,Ridogalih,,\n' > rows.csv
$S record import --db ani.db --form usaha rows.csv >/dev/null
exchange kantor ani budi

$S record set --db ani.db usaha-conflict pekerja_perempuan=4 >/dev/null
$S record set --db budi.db usaha-conflict pekerja_perempuan=6 catatan="dua kali dihitung" >/dev/null
$S record delete --db ani.db usaha-deleted >/dev/null
$S record set --db budi.db usaha-deleted catatan="masih buka" >/dev/null
$S record set --db ani.db usaha-revisited pekerja_laki=2 >/dev/null
$S record set --db ani.db usaha-revisited pekerja_laki=3 telepon=08125550101 >/dev/null
$S record set --db ani.db usaha-resolved pemilik="Dedi S." >/dev/null
$S record set --db budi.db usaha-resolved pemilik="Dedi Supriadi" >/dev/null
exchange kantor ani budi
$S resolve --db kantor.db usaha-resolved pemilik="Dedi Supriadi" >/dev/null
$S review set --db kantor.db usaha-reviewed --state hasIssues --note "NIB kosong" --by "Pak Hadi" >/dev/null
$S review set --db kantor.db usaha-kept --state approved --by "Pak Hadi" >/dev/null
exchange kantor ani
$S record set --db ani.db usaha-reviewed nib=1234567890123 >/dev/null
exchange kantor ani

rm -rf "$here/expected" && mkdir -p "$here/expected"
for node in kantor ani; do
    $S checkpoint --db "$node.db" >/dev/null 2>&1 || sqlite3 "$node.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
    cp "$node.db" "$here/$node.db"
    $S record list --db "$node.db" --json > "$here/expected/$node.records.json"
    $S conflicts --db "$node.db" --json > "$here/expected/$node.conflicts.json"
    $S log --db "$node.db" --json > "$here/expected/$node.log.json"
    $S export --db "$node.db" --format csv > "$here/expected/$node.export.csv"
    for id in usaha-kept usaha-conflict usaha-deleted usaha-revisited usaha-resolved usaha-reviewed usaha-imported-1; do
        $S record history --db "$node.db" "$id" --json > "$here/expected/$node.history.$id.json"
        $S record show --db "$node.db" "$id" --json > "$here/expected/$node.show.$id.json"
    done
done
echo "made $(ls "$here"/*.db | wc -l) replicas and $(ls "$here/expected" | wc -l) expected outputs in $here"
