#!/usr/bin/env bash
# Compression benchmark: the bundle against generic compressors, measured in the same run.
#   bench/compress.sh [LEXICAP_DIR]     (default ../shared/data/lexicap, skipped when absent)
# Needs build/transcript (scripts/build.sh native), gzip, brotli, zstd.
#
# Demo: the raw transcript text (assets/) vs gzip -9, brotli -q 11, zstd -19 and the bundle.
# Lexicap: the bundle (text + words + cue and word times + metadata) vs the SUM of per-file
# compression of each .vtt's plain text. Plain text = the cue payload lines of the file, in order,
# one per line (the "WEBVTT" header, blank lines and "-->" timing lines dropped; the cue identifiers
# Lexicap does not use); see plain_text() below.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOL=${TRANSCRIPT:-$ROOT/build/transcript}
LEX=${1:-$ROOT/../shared/data/lexicap}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
[ -x "$TOOL" ] || { echo "build/transcript missing: run scripts/build.sh native" >&2; exit 1; }

size() { wc -c < "$1" | tr -d ' '; }
row() {  # name raw gzip brotli zstd bundle
  awk -v n="$1" -v r="$2" -v g="$3" -v b="$4" -v z="$5" -v x="$6" 'BEGIN {
    printf "%-22s %12d %12d %12d %12d %12d\n", n, r, g, b, z, x
    printf "%-22s %12s %11.2f%% %11.2f%% %11.2f%% %11.2f%%\n", "  (% of raw)", "", 100*g/r, 100*b/r, 100*z/r, 100*x/r
    printf "%-22s %12s %12s %12s %12s %11.2f%%  <- bundle / brotli-11 (below 100%% = smaller)\n", "", "", "", "", "", 100*x/b }'
}
printf "%-22s %12s %12s %12s %12s %12s\n" "input" "raw" "gzip -9" "brotli -q11" "zstd -19" "bundle"

demo="$ROOT/assets/lex-fridman-383-mark-zuckerberg.txt"
"$TOOL" pack --quiet -o "$TMP/demo.txb" "$demo"
row "demo (1 episode)" "$(size "$demo")" "$(gzip -9 -c "$demo" | wc -c)" "$(brotli -q 11 -c "$demo" | wc -c)" \
    "$(zstd -19 -q -c "$demo" | wc -c)" "$(size "$TMP/demo.txb")"

plain_text() { awk 'NR == 1 && /^WEBVTT/ { next } /-->/ { next } /^[[:space:]]*$/ { next } { sub(/^[ \t]+/, ""); print }' "$1"; }

if [ -d "$LEX" ]; then
  # Files the importer refuses are skipped by pack (it exits 1 and names them); the baselines
  # leave the same files out so both sides compress the same transcripts.
  "$TOOL" pack --quiet -o "$TMP/lexicap.txb" "$LEX" 2> "$TMP/pack.err" || true
  skipped=$(grep -c 'skipping' "$TMP/pack.err" || true)
  raw=0; gz=0; br=0; zs=0; n=0
  for f in "$LEX"/*.vtt; do
    if grep -qF "skipping $f:" "$TMP/pack.err"; then continue; fi
    plain_text "$f" > "$TMP/p.txt"
    raw=$((raw + $(size "$TMP/p.txt")))
    gz=$((gz + $(gzip -9 -c "$TMP/p.txt" | wc -c)))
    br=$((br + $(brotli -q 11 -c "$TMP/p.txt" | wc -c)))
    zs=$((zs + $(zstd -19 -q -c "$TMP/p.txt" | wc -c)))
    n=$((n + 1))
  done
  row "lexicap ($n files)" "$raw" "$gz" "$br" "$zs" "$(size "$TMP/lexicap.txb")"
  echo "  lexicap baselines are sums of per-file compression of the plain text (no times);"
  echo "  the bundle also stores cue and word times, speakers and metadata. Files the importer skipped (left out of both sides): $skipped"
  if [ "$skipped" != 0 ]; then sed 's/^/    /' "$TMP/pack.err"; fi
else
  echo "(lexicap not found at $LEX: archive row skipped)"
fi
