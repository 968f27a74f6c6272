#!/usr/bin/env bash
# Check that a build of the topic engine gives byte-identical output to a baseline build.
#   bench/topics_identical.sh BASELINE_TRANSCRIPT [NEW_TRANSCRIPT]   (default new: build/transcript)
# e.g. keep a copy of build/transcript from before a change (cp build/transcript /tmp/base-transcript),
# rebuild, then run this. Compares `transcript topics --json` on
#   - the demo episode (guessed sentence starts),
#   - every Lexicap episode (../shared/data/lexicap/*.vtt), one episode per run,
#   - all Lexicap episodes in one --recurring run (recurring-topic groups across the archive; a
#     baseline built before --json --recurring printed them as one JSON line differs there in form only),
#   - every topic dev document (.txt with its .sents: podcasts, meetings_dev, choi),
# and `transcript topics --eval` (with and without .sents): the score table without its ms/doc
# column, and every written .hyp file. Prints one line per check; exit status 1 when any differs.
# Data beside the repo that is absent is skipped, and the script says so.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${1:?usage: bench/topics_identical.sh BASELINE_TRANSCRIPT [NEW_TRANSCRIPT]}
NEW=${2:-$ROOT/build/transcript}
DATA=${TX_SHARED_DATA:-$ROOT/../shared/data}
[ -x "$BASE" ] || { echo "topics_identical: $BASE is not an executable" >&2; exit 2; }
[ -x "$NEW" ] || { echo "topics_identical: $NEW is not an executable" >&2; exit 2; }
OUT=$(mktemp -d "${TMPDIR:-/tmp}/topics_identical.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
fail=0

# compare NAME CMD...: run CMD with each binary (as "$BIN" placeholder), diff stdout.
compare() {
  local name=$1; shift
  local b n
  b=$("$BASE" "$@" 2>&1); echo "$b" > "$OUT/base.$name"
  n=$("$NEW" "$@" 2>&1); echo "$n" > "$OUT/new.$name"
  if cmp -s "$OUT/base.$name" "$OUT/new.$name"; then
    echo "same    $name ($(wc -c < "$OUT/new.$name") bytes)"
  else
    echo "DIFFERS $name"; diff "$OUT/base.$name" "$OUT/new.$name" | head -6
    fail=1
  fi
}

compare demo topics --json "$ROOT/assets/lex-fridman-383-mark-zuckerberg.txt"

shopt -s nullglob
vtts=("$DATA"/lexicap/*.vtt)
if [ ${#vtts[@]} -gt 0 ]; then
  : > "$OUT/base.lexicap-each"; : > "$OUT/new.lexicap-each"
  for f in "${vtts[@]}"; do
    "$BASE" topics --json "$f" >> "$OUT/base.lexicap-each" 2>&1
    "$NEW" topics --json "$f" >> "$OUT/new.lexicap-each" 2>&1
  done
  if cmp -s "$OUT/base.lexicap-each" "$OUT/new.lexicap-each"; then
    echo "same    lexicap-each (${#vtts[@]} episodes, $(wc -c < "$OUT/new.lexicap-each") bytes)"
  else
    echo "DIFFERS lexicap-each"; diff "$OUT/base.lexicap-each" "$OUT/new.lexicap-each" | head -6; fail=1
  fi
  compare lexicap-recurring topics --json --recurring "${vtts[@]}"
else
  echo "skip    lexicap: no $DATA/lexicap/*.vtt"
fi

sets=()
for s in podcasts meetings_dev choi; do [ -d "$DATA/topics/$s" ] && sets+=("$DATA/topics/$s"); done
if [ ${#sets[@]} -gt 0 ]; then
  docs=()
  for s in "${sets[@]}"; do docs+=("$s"/*.txt); done
  compare devdocs topics --json "${docs[@]}"
  for mode in units no-units; do
    extra=(); [ $mode = no-units ] && extra=(--no-units)
    for who in base new; do
      bin=$BASE; [ $who = new ] && bin=$NEW
      # the score table without its last column (ms/doc: a timing)
      "$bin" topics --eval "${extra[@]}" --hyp-out "$OUT/hyp.$who.$mode" "${sets[@]}" 2>&1 \
        | sed 's/| [^|]* |$/|/' > "$OUT/$who.eval-$mode"
    done
    if cmp -s "$OUT/base.eval-$mode" "$OUT/new.eval-$mode" && diff -r -q "$OUT/hyp.base.$mode" "$OUT/hyp.new.$mode" > /dev/null; then
      echo "same    eval-$mode (score table and $(find "$OUT/hyp.new.$mode" -name '*.hyp' | wc -l) .hyp files)"
      grep -E '\| all \| topics \|' "$OUT/new.eval-$mode" | awk -F'|' '{printf "          %s Pk%s\n", $2, $6}'
    else
      echo "DIFFERS eval-$mode"; diff "$OUT/base.eval-$mode" "$OUT/new.eval-$mode" | head -6
      diff -r -q "$OUT/hyp.base.$mode" "$OUT/hyp.new.$mode" | head -3; fail=1
    fi
  done
else
  echo "skip    dev sets: no $DATA/topics/{podcasts,meetings_dev,choi}"
fi

[ $fail = 0 ] && echo "topics_identical: all outputs identical" || echo "topics_identical: OUTPUTS DIFFER"
exit $fail
