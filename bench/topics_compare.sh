#!/usr/bin/env bash
# Time two builds of topics_bench alternately on the same files (the machine is shared and noisy:
# alternating puts both under the same load), and print per file and step the median over rounds
# of each build's per-run median, and the minimum over all runs (the least disturbed run: under a
# varying load the steadier figure for comparing two builds).
#   bench/topics_compare.sh BASE_BENCH NEW_BENCH ROUNDS RUNS FILE...
# A bench ending in .js runs under node (the WASM build, build-wasm/topics_bench.js), e.g.
#   bench/topics_compare.sh /tmp/base/topics_bench build/topics_bench 5 15 assets/lex-fridman-383-mark-zuckerberg.txt
set -euo pipefail
[ $# -ge 5 ] || { echo "usage: bench/topics_compare.sh BASE_BENCH NEW_BENCH ROUNDS RUNS FILE..." >&2; exit 2; }
BASE=$1 NEW=$2 ROUNDS=$3 RUNS=$4; shift 4
run() { case $1 in *.js) node --no-experimental-fetch "$@" ;; *) "$@" ;; esac; }
OUT=$(mktemp); trap 'rm -f "$OUT"' EXIT
for f in "$@"; do
  for r in $(seq "$ROUNDS"); do
    for who in base new; do
      bin=$BASE; [ $who = new ] && bin=$NEW
      run "$bin" "$f" "$RUNS" | awk -F'|' -v w=$who -v f="$(basename "$f")" '/^\| / && $3 ~ /[0-9]/ {gsub(/^ +| +$/, "", $2); print f "\t" $2 "\t" w "\t" $3+0 "\t" $4+0}' >> "$OUT"
    done
  done
done
python3 - "$OUT" <<'PY'
import sys, statistics, collections
d = collections.OrderedDict()
for line in open(sys.argv[1]):
    f, step, who, med, mn = line.rstrip("\n").split("\t")
    e = d.setdefault((f, step), {"base": [], "new": [], "base_min": [], "new_min": []})
    e[who].append(float(med))
    e[who + "_min"].append(float(mn))
print("| file | step | base median ms | new median ms | new/base | base min ms | new min ms | new/base (min) |")
print("|---|---|---|---|---|---|---|---|")
for (f, step), v in d.items():
    b, n = statistics.median(v["base"]), statistics.median(v["new"])
    bm, nm = min(v["base_min"]), min(v["new_min"])
    print(f"| {f} | {step} | {b:.2f} | {n:.2f} | {n / b:.2f} | {bm:.2f} | {nm:.2f} | {nm / bm:.2f} |")
PY
