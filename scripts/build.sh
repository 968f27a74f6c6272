#!/usr/bin/env bash
# Build the native tools/tests (build/) and the web explorer (build-web/site/, then dist/). Assumes setup.sh ran.
#   scripts/build.sh [native|web|all]   (default all)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/env.sh"
what=${1:-all}
JOBS=${JOBS:-$(nproc)}

if [ "$what" = native ] || [ "$what" = all ]; then
  [ -f "$ROOT/build/build.ninja" ] || cmake -S "$ROOT" -B "$ROOT/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$ROOT/build" -j "$JOBS"
fi
if [ "$what" = web ] || [ "$what" = all ]; then
  # Configure once, and again when the SDL2 build it links moved (SDL2_FLAGS changed its cache key).
  if [ ! -f "$ROOT/build-web/build.ninja" ] \
     || ! grep -qxF "TX_SDL2_PREFIX:PATH=$SDL2_WASM_PREFIX" "$ROOT/build-web/CMakeCache.txt"; then
    emcmake cmake -S "$ROOT" -B "$ROOT/build-web" -G Ninja \
      -DCMAKE_BUILD_TYPE=Release -DTX_SDL2_PREFIX="$SDL2_WASM_PREFIX" >/dev/null
  fi
  cmake --build "$ROOT/build-web" -j "$JOBS"
  # The demo bundle: the seed transcript packed at build time.
  "$ROOT/scripts/pack-demo.sh" "$ROOT/build-web/site/demo.txb"
  # The shipped forms: dist/site/ (hashed, precompressed) and dist/offline/<name>.html.
  bash "$ROOT/scripts/dist.sh"
fi
