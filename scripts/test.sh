#!/usr/bin/env bash
# README command 2: set up, build, and run every test: native Catch2 via ctest, the same suite under
# ASan+UBSan (build-asan/), every libFuzzer target for a short fixed iteration count (build-fuzz/,
# clang), the browser tests, and the 60 s browser soak.
# Skip parts with TX_TEST_ASAN=0, TX_TEST_FUZZ=0, TX_TEST_SOAK=0 (all default to 1).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JOBS=${JOBS:-$(nproc)}
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh" all
echo "== native tests (ctest) =="
ctest --test-dir "$ROOT/build" --output-on-failure
if [ "${TX_TEST_ASAN:-1}" = 1 ]; then
  echo "== native tests under ASan+UBSan (build-asan) =="
  [ -f "$ROOT/build-asan/build.ninja" ] || cmake -S "$ROOT" -B "$ROOT/build-asan" -G Ninja \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTX_SANITIZE=ON >/dev/null
  cmake --build "$ROOT/build-asan" -j "$JOBS" --target tx_tests transcript
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$ROOT/build-asan" --output-on-failure
fi
if [ "${TX_TEST_FUZZ:-1}" = 1 ]; then
  echo "== fuzz targets, fixed iteration counts, and crash regressions (build-fuzz, clang) =="
  [ -f "$ROOT/build-fuzz/build.ninja" ] || CC=clang CXX=clang++ cmake -S "$ROOT" -B "$ROOT/build-fuzz" -G Ninja \
      -DCMAKE_BUILD_TYPE=Release -DTX_FUZZ=ON >/dev/null
  cmake --build "$ROOT/build-fuzz" -j "$JOBS" --target bundle_fuzz fuzz_import fuzz_query fuzz_deeplink transcript
  ctest --test-dir "$ROOT/build-fuzz" --output-on-failure -R '^(fuzz|regress)_'
fi
echo "== browser tests (headless chromium) =="
node "$ROOT/tests/browser/run.mjs"
if [ "${TX_TEST_SOAK:-1}" = 1 ]; then
  echo "== browser soak (60 s of typing) =="
  node "$ROOT/tests/browser/soak.mjs"
fi
