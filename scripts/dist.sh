#!/usr/bin/env bash
# Ship the explorer (after scripts/build.sh web): writes
#   dist/site/       static site: content-hashed JS/WASM/bundle, .br/.gz next to them, index.html, embed.html
#   dist/offline/    one self-contained HTML file per bundle (here: the demo episode)
# See docs/embedding.md. The offline file's plain-text fallback is made from the source transcript.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WEB="$ROOT/build-web"
OUT="${DIST_DIR:-$ROOT/dist}"
python3 "$ROOT/scripts/dist.py" site --from "$WEB/site" --out "$OUT/site"
python3 "$ROOT/scripts/dist.py" offline --js "$WEB/explorer-single.js" --loader "$WEB/site/explorer-loader.js" \
  --template "$ROOT/web/offline.html" --bundle "$WEB/site/demo.txb" \
  --text "$ROOT/assets/lex-fridman-383-mark-zuckerberg.txt" --title "Mark Zuckerberg (Lex Fridman Podcast #383)" \
  --out "$OUT/offline/lex-fridman-383-mark-zuckerberg.html"
