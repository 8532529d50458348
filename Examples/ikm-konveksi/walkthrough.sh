#!/usr/bin/env bash
# The IKM konveksi census on one machine, over loopback HTTP:
# a district office node (kantor), supervisor Sari's laptop (also a node), enumerators Ani and Budi.
# Offline work, a device-to-device relay through Sari, a conflict, its resolution, a CSV export.
#
#   bash Examples/ikm-konveksi/walkthrough.sh            # uses `sentra` on PATH
#   SENTRA=.build/debug/sentra bash Examples/ikm-konveksi/walkthrough.sh
set -euo pipefail

SENTRA=${SENTRA:-sentra}
# An absolute path before the `sentra` function below exists: with SENTRA=sentra, "$SENTRA" would
# otherwise name the function itself, which would call itself until bash runs out of stack.
case "$SENTRA" in
    /*) ;;
    */*) SENTRA="$PWD/$SENTRA" ;;
    *) SENTRA=$(type -P "$SENTRA") || { echo "no sentra on PATH; set SENTRA=path/to/sentra" >&2; exit 1; } ;;
esac
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${WORK:-$(mktemp -d)}
SURVEY=ikm-konveksi-2024
cd "$WORK"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

say() { printf '\n== %s\n' "$*"; }
sentra() { "$SENTRA" "$@"; }

# Starts `sentra serve` on a free port and sets the variable named $2 to its URL.
serve() {
    local db=$1 url=""
    "$SENTRA" serve --db "$db" --port 0 > "$db.log" 2>&1 &   # not the function: $! must be the server
    pids+=($!)
    for _ in $(seq 1 100); do
        url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$db.log" | head -1 || true)
        if [ -n "$url" ]; then printf -v "$2" '%s' "$url"; return; fi
        sleep 0.1
    done
    echo "sentra serve did not start: $(cat "$db.log")" >&2
    return 1
}

say "Four replicas, each a SQLite file in $WORK"
for node in kantor laptop-sari tablet-ani tablet-budi; do
    sentra init --db "$node.db" --name "$node" --survey "$SURVEY"
done

say "The office publishes the census form, written in XLSForm"
sentra form publish --db kantor.db "$HERE/form.xlsx"

say "Tokens, one per device: the office issues Ani's and Sari's; Sari's laptop issues Budi's"
ANI_TOKEN=$(sentra token create --db kantor.db --name tablet-ani --role enumerator 2>/dev/null)
SARI_TOKEN=$(sentra token create --db kantor.db --name laptop-sari --role enumerator 2>/dev/null)
BUDI_TOKEN=$(sentra token create --db laptop-sari.db --name tablet-budi --role enumerator 2>/dev/null)
serve kantor.db OFFICE
serve laptop-sari.db SARI
echo "kantor serves $OFFICE, Sari's laptop serves $SARI"

say "Before they leave, every device syncs once and gets the form; Budi's comes through Sari"
sentra sync "$OFFICE" --db tablet-ani.db --token "$ANI_TOKEN"
sentra sync "$OFFICE" --db laptop-sari.db --token "$SARI_TOKEN"
sentra sync "$SARI" --db tablet-budi.db --token "$BUDI_TOKEN"
sentra form list --db tablet-budi.db

say "Offline, Ani and Budi record workshops"
sentra record import --db tablet-ani.db --form usaha "$HERE/ani.csv"
sentra record import --db tablet-budi.db --form usaha "$HERE/budi.csv"
sentra record add --db tablet-ani.db --form usaha --id cbr-001 nama_usaha="Konveksi Maju Jaya" \
    pemilik="Siti Aminah" desa=Sindangmulya pekerja_perempuan=10 produk="kaos;seragam sekolah" lokasi=-6.4312,107.0688

say "Ani reaches signal and syncs with the office; Sari syncs before driving out"
sentra sync "$OFFICE" --db tablet-ani.db --token "$ANI_TOKEN"
sentra sync "$OFFICE" --db laptop-sari.db --token "$SARI_TOKEN"

say "No signal in the field: Budi syncs with Sari's laptop"
sentra sync "$SARI" --db tablet-budi.db --token "$BUDI_TOKEN"

say "Ani and Budi both revisit cbr-001 and count the women working there differently"
sentra record set --db tablet-ani.db cbr-001 pekerja_perempuan=12
sentra record set --db tablet-budi.db cbr-001 pekerja_perempuan=14
sentra sync "$SARI" --db tablet-budi.db --token "$BUDI_TOKEN"
sentra sync "$OFFICE" --db tablet-ani.db --token "$ANI_TOKEN"

say "Back at the office, Sari's laptop relays Budi's work"
sentra sync "$OFFICE" --db laptop-sari.db --token "$SARI_TOKEN"
sentra conflicts --db kantor.db
conflicts=$(sentra conflicts --db kantor.db --json | grep -c '"record"' || true)
[ "$conflicts" = 1 ] || { echo "expected 1 conflict at the office, found $conflicts" >&2; exit 1; }

say "The office resolves it and exports CSV"
sentra resolve --db kantor.db cbr-001 pekerja_perempuan=14
sentra export --db kantor.db --format csv --out ikm-konveksi.csv
rows=$(($(wc -l < ikm-konveksi.csv) - 1))
echo "ikm-konveksi.csv: $rows records"

say "Everyone syncs again: the resolution reaches Ani, and Budi through Sari"
sentra sync "$OFFICE" --db tablet-ani.db --token "$ANI_TOKEN"
sentra sync "$OFFICE" --db laptop-sari.db --token "$SARI_TOKEN"
sentra sync "$SARI" --db tablet-budi.db --token "$BUDI_TOKEN"
sentra record show --db tablet-budi.db cbr-001 | grep pekerja_perempuan
for node in kantor laptop-sari tablet-ani tablet-budi; do
    sentra conflicts --db "$node.db" | grep -q "No conflicts" || { echo "$node still has conflicts" >&2; exit 1; }
done
[ "$rows" = 25 ] || { echo "expected 25 records in the export, found $rows" >&2; exit 1; }

say "Walkthrough complete: 4 nodes agree, 1 conflict found and resolved, $rows records exported ($WORK)"
