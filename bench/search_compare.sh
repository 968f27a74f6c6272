#!/usr/bin/env bash
# Same-run comparison of two builds of tx_bench_search (e.g. an old commit built in a worktree and
# the current one): the two binaries run in turn for ROUNDS rounds over the full query set on the
# 100x corpus; each figure is the lowest p50 over the rounds (process CPU time natively, wall time
# for a .js build under node), which a shared machine disturbs least.
#   bench/search_compare.sh OLD_BIN NEW_BIN [ROUNDS]      (binaries: native, or .js for WASM)
# Prints one row per query: old p50, new p50 and new/old, in ms.
set -euo pipefail
A=$1; B=$2; R=${3:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
D="$ROOT/assets/lex-fridman-383-mark-zuckerberg.txt"
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
run() { if [[ $1 == *.js ]]; then node --no-experimental-fetch "$1" "$D" --reps 15; else "$1" "$D" --reps 15; fi; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for ((r = 0; r < R; r++)); do
  run "$A" > "$TMP/a$r.txt" 2>&1
  run "$B" > "$TMP/b$r.txt" 2>&1
done
python3 - "$TMP" "$R" <<'PY'
import sys, re, glob
tmp, rounds = sys.argv[1], int(sys.argv[2])
def best(prefix):
    out = {}
    for r in range(rounds):
        for line in open(f"{tmp}/{prefix}{r}.txt"):
            cells = [c.strip() for c in line.split('|')]
            if len(cells) > 8 and cells[1] in ('word', 'words', 'phrase', 'prefix', 'typo', 'sound', 'mixed'):
                v = float(cells[7])  # cpu p50 (natively process CPU time; in WASM the wall time)
                out[cells[2]] = min(out.get(cells[2], v), v)
    return out
a, b = best('a'), best('b')
for q in a:
    print(f"{q:22s} A {a[q]:7.3f}  B {b[q]:7.3f}  B/A {b[q] / max(a[q], 1e-9):.2f}")
PY
