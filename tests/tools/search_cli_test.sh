#!/usr/bin/env bash
# Protects: `transcript search` (and the text output of topics and info, and every subcommand's --help) as users see it: partial matches with a note (and --strict without
# them), option checks like pack's, and output that a hostile transcript cannot use to drive the
# terminal (escape sequences, BEL) or cut short (a NUL byte).
#   tests/tools/search_cli_test.sh build/transcript
set -uo pipefail
T=$1
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

printf 'WEBVTT\n\n00:00.000 --> 00:05.000\nwe talked about open source models today\n\n01:00.000 --> 01:05.000\nnobody mentioned safety here\n\n02:00.000 --> 02:05.000\nand then the weather\n' > "$D/a.vtt"

# a question: no passage holds every word; the closest passages come with a note on stderr
out=$("$T" search --query "what does he think about open source safety" "$D/a.vtt" 2>"$D/err") || fail "search exited $?"
# passage 0 holds 2 of the 3 words left (open, source), passage 1 only 1 (safety): at least half
grep -q '^1 passage,' <<< "$out" || fail "only the passage with 2 of the 3 words should be listed: $out"
grep -q '2 of the 3 words' "$D/err" || fail "note should say 2 of the 3 words: $(cat "$D/err")"
grep -q 'No passage has every word' "$D/err" || fail "no partial note: $(cat "$D/err")"
grep -q 'left out: what, does, he, think, about' "$D/err" || fail "left-out words not named: $(cat "$D/err")"
# --json carries the same as data
grep -q '"partial":{"of":3,"best":2' <<< "$("$T" search --json --query "what does he think about open source safety" "$D/a.vtt")" \
  || fail "--json lacks the partial object"
# a hit's time is where its snippet centres: "meaning of life" at 0:16, not the lone "of" at 0:01
printf 'WEBVTT\n\n00:01.000 --> 00:04.000\nMost of the guests I talked with kept coming back to one question.\n\n00:08.000 --> 00:12.000\nWe walked for hours through the town, past the harbour and the old market.\n\n00:16.000 --> 00:20.000\nSo tell me, what is the meaning of life for you?\n' > "$D/life.vtt"
"$T" search --json --query "meaning of life" "$D/life.vtt" | python3 -c '
import json, sys
h = json.load(sys.stdin)["hits"][0]
assert h["word"] == 1, h                   # the lone "of" (word 1) still starts the passage range
assert h["focus_word"] == 33, h            # "meaning", the 34th word
assert h["time_ms"] >= 16000, h           # said in the third cue
' || fail "--json time_ms / focus_word should be the phrase's, not the first lone match's"
# --strict: the old all-words rule
out=$("$T" search --strict --query "what does he think about open source safety" "$D/a.vtt" 2>"$D/err") || fail "--strict exited $?"
grep -q '^0 passages' <<< "$out" || fail "--strict should find nothing: $out"
grep -q 'No passage has every word' "$D/err" && fail "--strict should not add a partial note"

# --wpm is checked as pack checks it
for v in 0 -5 nan inf; do
  "$T" search --wpm "$v" --query we "$D/a.vtt" >/dev/null 2>"$D/err"
  [ $? -eq 2 ] || fail "--wpm $v should be refused with exit 2"
  grep -q 'positive number' "$D/err" || fail "--wpm $v: unclear message: $(cat "$D/err")"
done

# control characters from a transcript never reach the terminal raw; a NUL does not cut the line
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\033]0;pwned\007\033[2J hello there\n' > "$D/ansi.vtt"
out=$("$T" search --query hello "$D/ansi.vtt") || fail "search of a file with escapes exited $?"
printf '%s' "$out" | LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')" && fail "control bytes printed raw: $(printf '%s' "$out" | cat -v)"
grep -q 'hello' <<< "$out" || fail "the hit is missing: $out"
printf 'hello\000world and more text after\n' > "$D/nul.txt"
out=$("$T" search --query more "$D/nul.txt") || fail "search of a file with a NUL exited $?"
grep -q 'text after' <<< "$out" || fail "the snippet was cut at the NUL byte: $(printf '%s' "$out" | cat -v)"
out=$("$T" topics "$D/ansi.vtt") || fail "topics of a file with escapes exited $?"
printf '%s' "$out" | LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')" && fail "topics printed control bytes raw"

# info prints titles from the bundle: the same rule (the title is the escape-laden first line here)
"$T" pack -q -o "$D/ansi.txb" "$D/ansi.vtt" || fail "pack of a file with escapes failed"
out=$("$T" info "$D/ansi.txb") || fail "info exited $?"
printf '%s' "$out" | LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')" && fail "info printed control bytes raw: $(printf '%s' "$out" | cat -v)"

# the count line reads as English: "1 passage, 1 occurrence" (it said "1 passages, 1 occurrences"),
# "3 passages, 3 occurrences"
out=$("$T" search --query weather "$D/a.vtt" 2>/dev/null) || fail "search exited $?"
[ "$(head -1 <<< "$out")" = "1 passage, 1 occurrence" ] || fail "singular count line: $(head -1 <<< "$out")"
out=$("$T" search --query "about OR here OR then" "$D/a.vtt" 2>/dev/null) || fail "search exited $?"
[ "$(head -1 <<< "$out")" = "3 passages, 3 occurrences" ] || fail "plural count line: $(head -1 <<< "$out")"

# --help of every subcommand is the usage on stdout with status 0, so `transcript pack --help | less`
# shows it (search, pack and site printed it on stderr; `info --help` was an error, status 2); a
# wrong command line still gets it on stderr with status 2.
for c in search pack info site topics; do
  grep -q "^  $c " <<< "$("$T" --help)" || fail "transcript --help does not list $c"
  out=$("$T" $c --help 2>/dev/null) || fail "$c --help exited $?"
  grep -q "^usage: transcript $c" <<< "$out" || fail "$c --help printed no usage on stdout: $out"
done
"$T" info 2>/dev/null >"$D/out"; [ $? = 2 ] || fail "info without a bundle should exit 2"
[ -s "$D/out" ] && fail "info's usage error went to stdout"
# The formats each command reads are named in its help: every importer extension (docs/bundle-format.md,
# "Tools") is read by pack here, so a help text that leaves one out (they left out .sbv, .ttml
# and .dfxp) is caught.
printf 'WEBVTT\n\n00:00.000 --> 00:05.000\nformat check words\n' > "$D/f.vtt"
printf '1\n00:00:00,000 --> 00:00:05,000\nformat check words\n' > "$D/f.srt"
printf '0:00:00.000,0:00:05.000\nformat check words\n' > "$D/f.sbv"
printf 'format check words\n' > "$D/f.txt"
printf '{"text": "format check words", "segments": [{"start": 0, "end": 5, "text": "format check words"}]}' > "$D/f.json"
printf '<html><body><p>format check words</p></body></html>' > "$D/f.html"
printf '<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin="0s" end="5s">format check words</p></body></tt>' > "$D/f.ttml"
cp "$D/f.ttml" "$D/f.dfxp"
printf '[Script Info]\n\n[Events]\nFormat: Start, End, Text\nDialogue: 0:00:00.00,0:00:05.00,format check words\n' > "$D/f.ass"
cp "$D/f.ass" "$D/f.ssa"
printf '{"events": [{"tStartMs": 0, "dDurationMs": 5000, "segs": [{"utf8": "format check words"}]}]}' > "$D/f.json3"
# ... and the page's file picker offers each (its accept list in web/explorer-loader.js left out
# .ass, .ssa and .json3, which the page opens as pack does)
LOADER=$(cd "$(dirname "$0")/../.." && pwd)/web/explorer-loader.js
accept=$(grep -o "var ACCEPT = '[^']*'" "$LOADER") || fail "no ACCEPT list in $LOADER"
for x in txt vtt srt sbv ass ssa json json3 html ttml dfxp; do
  grep -q "[',]\.$x[',]" <<< "$accept" || fail "the page's file picker does not offer .$x: $accept"
  "$T" pack -q --strict -o "$D/f_$x.txb" "$D/f.$x" 2>"$D/err" || fail "pack does not read .$x: $(cat "$D/err")"
  for c in pack search site topics; do
    grep -q "\.$x\b" <<< "$("$T" $c --help)" || fail "$c --help does not name .$x"
  done
  grep -q "\.$x\b" <<< "$("$T" --help | grep '^  pack ')" || fail "transcript --help's pack line does not name .$x"
done
for c in search topics; do  # both also read bundles
  grep -q '\.txb\b' <<< "$("$T" $c --help)" || fail "$c --help does not name .txb bundles"
done

echo "search_cli: ok"
