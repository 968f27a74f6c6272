#!/usr/bin/env bash
# Print the size of each shipped artefact, raw and brotli (-q 11), as a Markdown table for the
# README. Run after scripts/build.sh (reads dist/; set DIST_DIR to measure another one).
#   bash scripts/sizes.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST="${DIST_DIR:-$ROOT/dist}"
[ -d "$DIST/site" ] || { echo "sizes.sh: $DIST/site is missing: run scripts/build.sh first" >&2; exit 1; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f kB", b / 1000 }'; }
row() {  # label file
  local raw br
  raw=$(stat -c %s "$2")
  br=$(brotli -q 11 -c "$2" | wc -c)
  local name
  name=$(printf '%s' "${2#$DIST/}" | sed -E 's/\.[0-9a-f]{10}\./.<hash>./')
  printf '| %s | `%s` | %s | %s |\n' "$1" "$name" "$(kb "$raw")" "$(kb "$br")"
  total_raw=$((total_raw + raw)); total_br=$((total_br + br))
}
echo '| artefact | file | raw | brotli |'
echo '|---|---|---:|---:|'
total_raw=0; total_br=0
site="$DIST/site"
row 'explorer WASM' "$(ls "$site"/explorer.*.wasm)"
row 'explorer JS (Emscripten glue)' "$(ls "$site"/explorer.[0-9a-f]*.js)"
row 'loader (explorer-loader.js)' "$(ls "$site"/explorer-loader.[0-9a-f]*.js)"
row 'demo bundle (29.6k words)' "$(ls "$site"/demo.*.txb)"
row 'index.html' "$site/index.html"
row 'embed.html (iframe variant)' "$site/embed.html"
printf '| **static site, all files** | the rows above | **%s** | **%s** |\n' "$(kb $total_raw)" "$(kb $total_br)"
total_raw=0; total_br=0
for f in "$DIST"/offline/*.html; do row 'offline single file' "$f"; done
