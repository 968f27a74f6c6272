#!/usr/bin/env bash
# `transcript topics --json` on plain text, as an evaluator scores it: start_word must index the
# file's whitespace-separated words, a <name>.sents beside <name>.txt must give the candidate
# boundaries (as `--eval` reads them), --no-units must ignore it, and --recurring must keep the
# output JSON lines.
#   tests/tools/topics_cli_test.sh path/to/transcript
set -uo pipefail
T=${1:?usage: topics_cli_test.sh TRANSCRIPT}
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Three topics of 600 words, each a 12-word sentence repeated 50 times.
python3 - "$D" <<'PY'
import sys
d = sys.argv[1]
topics = [
    "we baked bread with flour butter and yeast in the oven today",
    "the rocket launch reached orbit and the astronauts docked with the station",
    "the court heard the lawyer argue the appeal before the judge ruled",
]
words = []
for t in topics:
    for _ in range(50):
        words += t.split()
open(f"{d}/doc.txt", "w").write(" ".join(words) + "\n")
# "starts" every 12 words, 7 words into each sentence ("the | astronauts", "and | yeast", "the |
# appeal"), where no punctuation or guess would put one: only .sents says so
open(f"{d}/doc.sents", "w").write("\n".join(str(i) for i in range(7, len(words), 12)) + "\n")
PY

out=$("$T" topics --json "$D/doc.txt") || fail "topics --json exited $?"
python3 - "$out" "$D/doc.sents" <<'PY' || exit 1
import json, sys
o = json.loads(sys.argv[1])
sents = {int(x) for x in open(sys.argv[2]).read().split()}
starts = [s["start_word"] for s in o["segments"]]
if o["words"] != 1800: sys.exit(f"FAIL: words {o['words']} != 1800")
if starts[0] != 0: sys.exit(f"FAIL: first segment starts at {starts[0]}")
if len(starts) != 3: sys.exit(f"FAIL: expected 3 segments, got {starts}")
bad = [b for b in starts[1:] if b not in sents]
if bad: sys.exit(f"FAIL: boundaries {bad} are not .sents starts")
# each boundary within one sentence of the true shift (600, 1200)
for b, want in zip(starts[1:], (600, 1200)):
    if abs(b - want) > 12: sys.exit(f"FAIL: boundary {b} far from {want}")
for s in o["segments"]:
    if not s["label"]: sys.exit("FAIL: a segment without a label")
PY

out=$("$T" topics --json --no-units "$D/doc.txt") || fail "topics --json --no-units exited $?"
python3 - "$out" "$D/doc.sents" <<'PY' || exit 1
import json, sys
o = json.loads(sys.argv[1])
sents = {int(x) for x in open(sys.argv[2]).read().split()}
starts = [s["start_word"] for s in o["segments"]][1:]
if not starts: sys.exit("FAIL: --no-units found no boundary")
if all(b in sents for b in starts): sys.exit(f"FAIL: --no-units boundaries {starts} all sit on .sents starts")
PY

# --json --recurring stays JSON lines: the recurring topics come as one more JSON object (they
# were a plain-text block after the JSON, which a JSON-lines reader chokes on). Two copies of
# the document: each of its topics recurs in both, at the same words.
cp "$D/doc.txt" "$D/copy.txt"; cp "$D/doc.sents" "$D/copy.sents"
out=$("$T" topics --json --recurring "$D/doc.txt" "$D/copy.txt") || fail "topics --json --recurring exited $?"
python3 - "$out" <<'PY' || exit 1
import json, sys
lines = sys.argv[1].splitlines()
try:
    objs = [json.loads(l) for l in lines]
except ValueError as e:
    sys.exit(f"FAIL: --json --recurring printed a line that is not JSON ({e}): {lines}")
if len(objs) != 3 or "recurring" not in objs[-1]: sys.exit(f"FAIL: expected 2 episodes and a recurring line: {lines}")
rec = objs[-1]
if rec["episodes"] != 2 or not rec["recurring"]: sys.exit(f"FAIL: no recurring topic across two copies: {rec}")
for g in rec["recurring"]:
    files = sorted(m["file"].rsplit("/", 1)[-1] for m in g["segments"])
    if files != ["copy.txt", "doc.txt"]: sys.exit(f"FAIL: a recurring topic not in both copies: {g}")
    if len({m["start_word"] for m in g["segments"]}) != 1: sys.exit(f"FAIL: copies' segments at different words: {g}")
PY

"$T" topics --json "$D/missing.txt" 2> "$D/err" && fail "a missing file was accepted"
grep -q "missing.txt" "$D/err" || fail "missing-file message does not name it: $(cat "$D/err")"
echo "topics CLI: all checks passed"

# A bundle's creator chapters are reported next to the computed segments (they were left out of
# both outputs): in the manifest's time order, titles as written.
printf 'file\tchapters\ndoc.txt\t0:00 Bread;3:40 Caf\xc3\xa9 \xc3\x9c \xe2\x80\x94 \xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1;7:20 "Court"\n' > "$D/m.tsv"
"$T" pack -q -o "$D/b.txb" "$D/m.tsv" || fail "pack with chapters exited $?"
out=$("$T" topics --json "$D/b.txb") || fail "topics --json on a bundle exited $?"
python3 - "$out" <<'PY' || exit 1
import json, sys
o = json.loads(sys.argv[1])
want = [{"start_ms": 0, "title": "Bread"}, {"start_ms": 220000, "title": "Caf\u00e9 \u00dc \u2014 \u0395\u03bb\u03bb\u03ac\u03b4\u03b1"},
        {"start_ms": 440000, "title": '"Court"'}]
if o.get("chapters") != want: sys.exit(f"FAIL: topics --json chapters {o.get('chapters')} != {want}")
if len(o["segments"]) < 2: sys.exit(f"FAIL: the computed segments are still there: {o['segments']}")
PY
out=$("$T" topics "$D/b.txb") || fail "topics on a bundle exited $?"
grep -q "segments, 3 chapters$" <<< "$out" || fail "topics text: no chapter count: $out"
grep -q "^  chapter  0:03:40  Caf" <<< "$out" || fail "topics text: no chapter line: $out"
out=$("$T" topics --json "$D/doc.txt") || fail "topics --json exited $?"
grep -q '"chapters"' <<< "$out" && fail "a file without chapters got a chapters field: $out"
exit 0
