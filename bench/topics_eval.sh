#!/usr/bin/env bash
# topics_eval.sh: score the topic segmenter on the dev sets and cross-check the C++ scorer against
# the reference scorer (../shared/tools/segscore.py) on the very same hypotheses.
#   bench/topics_eval.sh [BUILD_DIR] [SHARED_DIR] [-- extra `transcript topics --eval` options]
# Prints the table of `transcript topics --eval` (Pk, WindowDiff, F1, ms/doc per set and per show,
# next to the "none" and "even split" baselines), then the reference scorer's table for our .hyp
# files, then the per-document agreement check. Exits 0 (with a message) when the data is absent.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
SHARED=${2:-$ROOT/../shared}
shift $(( $# > 2 ? 2 : $# )) || true
[ "${1:-}" = "--" ] && shift
T=$SHARED/data/topics
if [ ! -d "$T" ]; then echo "topics_eval: $T is absent, nothing to evaluate"; exit 0; fi
SETS=()
for s in podcasts meetings_dev choi; do [ -d "$T/$s" ] && SETS+=("$T/$s"); done
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

echo "== transcript topics --eval (C++ scorer) =="
"$BUILD/transcript" topics --eval --hyp-out "$OUT" "$@" "${SETS[@]}"

echo
echo "== reference scorer on the same .hyp files (segscore.py --hyp) =="
for s in "${SETS[@]}"; do
  python3 "$SHARED/tools/segscore.py" --hyp "$OUT/$(basename "$s")" "$s" | tail -n +3
done

echo
echo "== per-document agreement (C++ vs segscore.py: Pk, WindowDiff, F1) =="
python3 - "$OUT" "$SHARED/tools" "${SETS[@]}" <<'PY'
import os, sys
out, tools, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.path.insert(0, tools)
import segscore as ss
bad = total = 0
for setdir in sets:
    name = os.path.basename(os.path.normpath(setdir))
    for doc_id, words, ref in ss.load_set(setdir):
        n = len(words)
        hyp = ss.read_ints(os.path.join(out, name, doc_id + ".hyp"))
        k = ss.window_size(ref, n)
        want = (ss.pk(ref, hyp, n, k), ss.windowdiff(ref, hyp, n, k),
                ss.boundary_prf(ref, hyp, max(1, int(k * 0.5)))[2])
        with open(os.path.join(out, name, doc_id + ".ours")) as f:
            got = tuple(float(x) for x in f.read().split())
        total += 1
        if any(abs(a - b) > 1e-5 for a, b in zip(want, got)):
            bad += 1
            print("MISMATCH %s/%s ref %s ours %s" % (name, doc_id, want, got))
print("agreement: %d of %d documents identical to 1e-5" % (total - bad, total))
sys.exit(1 if bad else 0)
PY
