#!/usr/bin/env bash
# Search benchmark, native and WASM (node): index build time and bytes for the demo and a
# shuffled 100x corpus (2.96 M words), and p50/p95 latency over a fixed query set.
#   bench/search.sh [--reps N]        (builds build/ and build-wasm/ targets tx_bench_search; 60 warm-up runs per query)
# Output: the two reports, then a side-by-side summary table. Goals (issue 3): 100x index built
# in WASM < 1 s, p95 query < 1 ms, index memory < 1.5x the raw text.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
REPS=${2:-15}
[ "${1:-}" = "--reps" ] || REPS=15
DEMO="$ROOT/assets/lex-fridman-383-mark-zuckerberg.txt"
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

[ -f build/build.ninja ] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target tx_bench_search >/dev/null
[ -f build-wasm/build.ninja ] || emcmake cmake -S . -B build-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-wasm -j2 --target tx_bench_search >/dev/null

./build/tx_bench_search "$DEMO" --reps "$REPS" --json | tee /tmp/tx_bench_native.txt | grep -v '^JSON '
echo
node --no-experimental-fetch build-wasm/tx_bench_search.js "$DEMO" --reps "$REPS" --json | tee /tmp/tx_bench_wasm.txt | grep -v '^JSON '
echo
N=$(grep '^JSON ' /tmp/tx_bench_native.txt | sed 's/^JSON //')
W=$(grep '^JSON ' /tmp/tx_bench_wasm.txt | sed 's/^JSON //')
python3 - "$N" "$W" <<'PY'
import json, sys
n, w = json.loads(sys.argv[1]), json.loads(sys.argv[2])
rows = [
    ("demo index build, first run (ms)", "demo_index_ms", "%.2f"),
    ("demo index build, median of 5 (ms)", "demo_index_warm_ms", "%.2f"),
    ("demo index bytes", "demo_index_bytes", "%d"),
    ("demo index / raw text", None, None),
    ("100x import (ms, baseline)", "big_import_ms", "%.1f"),
    ("100x index build, median of 3 (ms)", "big_index_ms", "%.1f"),
    ("100x index build, best of 3 (ms)", "big_index_min_ms", "%.1f"),
    ("100x compact (ms)", "big_shrink_ms", "%.1f"),
    ("100x index bytes", "big_index_bytes", "%d"),
    ("100x index / raw text", None, None),
    ("query median (ms)", "query_p50_ms", "%.3f"),
    ("query p95 (ms)", "query_p95_ms", "%.3f"),
]
print("| measure | native | wasm (node) |")
print("|---|---|---|")
for label, key, fmt in rows:
    if key is None:
        k = "demo" if label.startswith("demo") else "big"
        f = lambda d: "%.2fx" % (d[k + "_index_bytes"] / d[k + "_raw_bytes"])
        print("| %s | %s | %s |" % (label, f(n), f(w)))
    else:
        print("| %s | %s | %s |" % (label, fmt % n[key], fmt % w[key]))
print("| 100x words | %d | %d |" % (n["big_words"], w["big_words"]))
PY
