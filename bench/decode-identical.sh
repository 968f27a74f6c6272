#!/usr/bin/env bash
# Does this tree's bundle reader decode real bundles exactly as a base tree's does?
#   bench/decode-identical.sh BASE_TREE [BUNDLE...]
# BASE_TREE: another checkout with its native build (e.g. /work/main, after scripts/build.sh native).
# Default bundles: the lexicap archive (every .vtt in /work/shared/data/lexicap, or $TX_LEXICAP)
# and the demo, packed here with this tree's build/transcript. Builds bench/decode_digest.cpp
# against each tree's src/ and build/libtx_core.a, prints one digest per episode, and diffs them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=$(cd "${1:?usage: decode-identical.sh BASE_TREE [BUNDLE...]}" && pwd)
shift
OUT="$ROOT/build/decode-identical"
mkdir -p "$OUT"
if [ $# -eq 0 ]; then
  LEX=${TX_LEXICAP:-/work/shared/data/lexicap}
  "$ROOT/build/transcript" pack --quiet -o "$OUT/lexicap.txb" "$LEX"/*.vtt
  "$ROOT/build/transcript" pack --quiet -o "$OUT/demo.txb" "$ROOT/assets/lex-fridman-383-mark-zuckerberg.txt"
  set -- "$OUT/lexicap.txb" "$OUT/demo.txb"
fi
for t in base:"$BASE" this:"$ROOT"; do
  name=${t%%:*} dir=${t#*:}
  g++ -O2 -std=c++17 -I"$dir/src" "$ROOT/bench/decode_digest.cpp" "$dir/build/libtx_core.a" "$dir/build/libtx_stemmer.a" -lzstd \
      -o "$OUT/decode_digest_$name"
  "$OUT/decode_digest_$name" "$@" > "$OUT/$name.txt"
done
if cmp -s "$OUT/base.txt" "$OUT/this.txt"; then
  echo "identical: $(wc -l < "$OUT/this.txt") episodes in $# bundle(s) decode the same ($OUT/this.txt)"
else
  diff "$OUT/base.txt" "$OUT/this.txt" | head -20
  echo "DIFFERENT: see $OUT/base.txt and $OUT/this.txt" >&2
  exit 1
fi
