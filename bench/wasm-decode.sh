#!/usr/bin/env bash
# Decode speed of the bundle reader in WebAssembly (node), and the reader's code size.
#   bench/wasm-decode.sh [BUNDLE...]   (default: the demo packed with build/transcript)
# Builds with em++ -O2 from the same sources as the page: src/core bundle reader + zstd's
# lib/common + lib/decompress from deps/src. By default times the demo as a bundle and, as the
# baseline, the demo text as a plain zstd -19 file decompressed by the same wasm.
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
if [ ! -f "$OUT/libzstd_dec.a" ]; then
  (cd "$OUT" && rm -f *.o && emcc -O2 -c -DZSTD_DISABLE_ASM=1 -DZSTD_LEGACY_SUPPORT=0 -DZSTD_NO_TRACE=1 \
      "$ZSTD"/lib/common/*.c "$ZSTD"/lib/decompress/*.c && emar rcs libzstd_dec.a *.o && rm -f *.o)
fi
em++ -O2 -std=c++17 -fno-exceptions -I"$ROOT/src" -I"$ZSTD/lib" $SRC "$ROOT/bench/wasm_decode.cpp" "$OUT/libzstd_dec.a" \
  -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -o "$OUT/wasm_decode.js"
# Code size of the reader alone (what the page pays beyond the zstd decoder it already has).
em++ -O2 -std=c++17 -fno-exceptions -I"$ROOT/src" -I"$ZSTD/lib" -c "$ROOT/src/core/bundle.cpp" -o "$OUT/bundle.o"
echo "bundle reader object (wasm, -O2, before linking): $(wc -c < "$OUT/bundle.o") bytes; whole benchmark .wasm (reader + zstd decoder + libc++ bits): $(wc -c < "$OUT/wasm_decode.wasm") bytes"
for b in "$@"; do
  node --no-experimental-fetch "$OUT/wasm_decode.js" "$b" 20 | sed 's/^/wasm:   /'
done
