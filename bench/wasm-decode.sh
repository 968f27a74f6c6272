#!/usr/bin/env bash
# Decode speed of the bundle reader in WebAssembly (node), and the reader's code size.
#   bench/wasm-decode.sh [BUNDLE...]   (default: the demo packed with build/transcript)
# Builds with em++ -O3 -mbulk-memory (the page's flags for the core) from the same sources as the
# page: src/core bundle reader + zstd's lib/common + lib/decompress from deps/src. By default times
# the demo as a bundle and, as the baseline, the demo text as a plain zstd -19 file decompressed by
# the same wasm. Then, as the page meets it: the first read + decode in each of COLD_RUNS (default
# 9) fresh node processes with lazy compilation (as Chromium): the median shows V8's background
# tier-up competing with the call on a busy machine, the minimum the Liftoff code's own speed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/env.sh"
ZSTD=$(ls -d "$DEPS_SRC"/libzstd-*/ | head -1)
OUT="$ROOT/build/bench-wasm"
mkdir -p "$OUT"
if [ $# -eq 0 ]; then
  "$ROOT/build/transcript" pack --quiet -o "$OUT/demo.txb" "$ROOT/assets/lex-fridman-383-mark-zuckerberg.txt"
  zstd -q -19 -f "$ROOT/assets/lex-fridman-383-mark-zuckerberg.txt" -o "$OUT/demo.txt.zst"
  set -- "$OUT/demo.txt.zst" "$OUT/demo.txb"
fi
SRC="$ROOT/src/core/bundle.cpp $ROOT/src/core/base.cpp $ROOT/src/core/zstd_util.cpp"
if [ ! -f "$OUT/libzstd_dec_O3.a" ]; then
  (cd "$OUT" && rm -f *.o && emcc -O3 -mbulk-memory -c -DZSTD_DISABLE_ASM=1 -DZSTD_LEGACY_SUPPORT=0 -DZSTD_NO_TRACE=1 \
      "$ZSTD"/lib/common/*.c "$ZSTD"/lib/decompress/*.c && emar rcs libzstd_dec_O3.a *.o && rm -f *.o)
fi
em++ -O3 -mbulk-memory -std=c++17 -fno-exceptions -I"$ROOT/src" -I"$ZSTD/lib" $SRC "$ROOT/bench/wasm_decode.cpp" "$OUT/libzstd_dec_O3.a" \
  -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sMEMORY_GROWTH_GEOMETRIC_STEP=1.0 -o "$OUT/wasm_decode.js"
# Code size of the reader alone (what the page pays beyond the zstd decoder it already has).
em++ -O3 -mbulk-memory -std=c++17 -fno-exceptions -I"$ROOT/src" -I"$ZSTD/lib" -c "$ROOT/src/core/bundle.cpp" -o "$OUT/bundle.o"
echo "bundle reader object (wasm, -O3, before linking): $(wc -c < "$OUT/bundle.o") bytes; whole benchmark .wasm (reader + zstd decoder + libc++ bits): $(wc -c < "$OUT/wasm_decode.wasm") bytes"
for b in "$@"; do
  node --no-experimental-fetch "$OUT/wasm_decode.js" "$b" 20 | sed 's/^/wasm:   /'
done
for b in "$@"; do
  for i in $(seq "${COLD_RUNS:-9}"); do
    node --no-experimental-fetch --wasm-lazy-compilation "$OUT/wasm_decode.js" "$b" 1 | sed -n 's/.*first run \([0-9.]*\) ms.*/\1/p'
  done | sort -n | awk -v b="$b" '{v[NR]=$1} END {printf "wasm:   %s: first read+decode in %d fresh processes (lazy compilation): median %.2f ms, min %.2f, max %.2f\n", b, NR, v[int((NR+1)/2)], v[1], v[NR]}'
done
