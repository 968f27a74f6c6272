#!/usr/bin/env bash
# Archive benchmark: packs the Lexicap archive (../shared/data/lexicap, or 293 synthetic WebVTT
# episodes of the same size when it is absent) and synthetic N-fold copies of it
# (`transcript pack --repeat N`, deterministic), then loads each in headless Chromium in one run
# (bench/archive.mjs) and writes bench/results/archive.md.
#   bench/archive.sh [COPIES...]      default: 1 2 4 10   (assumes scripts/build.sh all ran)
#   BENCH_RUNS=N bench/archive.sh 1   loads each archive N times (one row per run)
# 100x does not fit: see bench/results/archive.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
copies=("$@")
[ ${#copies[@]} -gt 0 ] || copies=(1 2 4 10)
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/tx-archive-bench}
mkdir -p "$WORK"
SRC="$ROOT/../shared/data/lexicap"
label=lexicap
if [ ! -d "$SRC" ]; then
  SRC="$WORK/synthetic"
  label=synthetic
  [ -d "$SRC" ] || node -e "import('$ROOT/tests/browser/synth-archive.mjs').then(m => m.writeSyntheticArchive('$SRC', 293, 20700))"
fi
args=()
for n in "${copies[@]}"; do
  out="$WORK/$label-${n}x.txb"
  if [ ! -f "$out" ]; then
    echo "packing ${n}x -> $out" >&2
    "$ROOT/build/transcript" pack -q --repeat "$n" -o "$out" "$SRC"
  fi
  if [ "$n" = 1 ]; then args+=("$label=$out"); else args+=("$label-${n}x=$out"); fi
done
mkdir -p "$ROOT/bench/results"
# baseline in the same run: the single-episode demo bundle (the page's default)
args=("demo (baseline)=$ROOT/build-web/site/demo.txb" "${args[@]}")
BENCH_NOTE="load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" \
node "$ROOT/bench/archive.mjs" --out "$ROOT/bench/results/archive.md" --runs "${BENCH_RUNS:-1}" "${args[@]}"
