#!/usr/bin/env bash
# Peer benchmark in one command: builds the native and WASM engine drivers, the explorer site and
# the bare Dear ImGui page, installs the pinned peers (bench/peers/package-lock.json), then runs
# every engine on every corpus in one node process, the native engine right after, and the page
# figures in headless Chromium. Prints the tables; writes bench/results/latest.json and
# bench/results/peers.md.
#   bash bench/run-all.sh [--reps N] [--corpora demo,100x,lexicap] [--no-page] [--no-pagefind]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. scripts/env.sh
JOBS=${JOBS:-2}
[ -f build/build.ninja ] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$JOBS" --target tx_bench_peers transcript >/dev/null
[ -f build-web/build.ninja ] || emcmake cmake -S . -B build-web -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DTX_SDL2_PREFIX="$SDL2_WASM_PREFIX" >/dev/null
cmake --build build-web -j "$JOBS" --target tx_bench_peers site bare_imgui >/dev/null
scripts/pack-demo.sh build-web/site/demo.txb
[ -d bench/peers/node_modules ] || (cd bench/peers && npm ci --no-audit --no-fund >/dev/null)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
node --expose-gc --max-old-space-size=16000 bench/peers/run.mjs "$@" 2>&1 | grep --line-buffered -v '^var Module='  # emscripten prints its source on an uncaught error
