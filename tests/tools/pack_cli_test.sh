#!/usr/bin/env bash
# Protects: `transcript pack` / `transcript info` behaviour seen by users: inputs as files,
# folders and manifests; chapters files attached to their transcripts; skip-with-warning (exit 1, bundle still written) vs --strict (stop, no
# bundle); errors naming the file and line; info's summary and its clear error on damaged files.
#   tests/tools/pack_cli_test.sh build/transcript
set -uo pipefail
T=${1:?usage: pack_cli_test.sh TRANSCRIPT}
# a path made absolute: one case runs the tool from inside the temporary folder (a bare name
# stays a command looked up on PATH)
case $T in */*) T=$(cd "$(dirname "$T")" 2> /dev/null && pwd)/$(basename "$T") ;; esac
[ -x "$T" ] || command -v "$T" > /dev/null || { echo "pack_cli_test.sh: no program $1" >&2; exit 2; }
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$D/in/sub"
printf 'hello there this is plain text\n' > "$D/in/a.txt"
printf 'WEBVTT\n\n00:00.000 --> 00:02.000\nHello from a cue.\n' > "$D/in/sub/b.vtt"
printf 'not a transcript\n' > "$D/in/notes.md"   # ignored in folders (not a transcript extension)
printf 'WEBVTT\n\n00:00.000 --> nonsense\nBroken.\n' > "$D/bad.vtt"
printf 'file\ttitle\tchapters\nin/a.txt\tMy Title\t0:00 Start;0:10 Next\n' > "$D/list.tsv"

# folder: both transcripts, exit 0, summary table
out=$("$T" pack -o "$D/f.txb" "$D/in") || fail "pack of a folder exited $?"
grep -q '^episodes' <<< "$out" || fail "no summary table: $out"
grep -Eq '^2 +' <<< "$out" || fail "folder should give 2 episodes: $out"

# folder with the formats met in the wild: Podcasting 2.0 .json, podcast .html and a saved page
# (.HTM), picked up by extension in any case, imported with their own times (not estimated)
mkdir -p "$D/pod/sub"
printf '{"version":"1.0.0","segments":[{"speaker":"Ann","startTime":0.5,"endTime":0.9,"body":"Hello"},{"speaker":"Ann","startTime":1,"endTime":1.4,"body":"owls."}]}' > "$D/pod/p.json"
printf '<cite>Ann:</cite><time>0:00</time><p>Owls &amp; mice.</p><cite>Bo:</cite><time>0:04</time><p>Yes.</p>' > "$D/pod/h.html"
printf '<html><head><title>Saved</title><script>x()</script></head><body><p>A saved page about owls.</p></body></html>' > "$D/pod/sub/s.HTM"
out=$("$T" pack -o "$D/pod.txb" "$D/pod") || fail "pack of a folder of .json/.html exited $?"
grep -Eq '^3 +' <<< "$out" || fail "folder of .json/.html/.HTM should give 3 episodes: $out"
info=$("$T" info "$D/pod.txb")
[ "$(echo "$info" | grep -c ' measured ')" = 2 ] || fail "the .json and the timed .html keep their times: $info"
grep -q 'Saved' <<< "$info" || fail "the saved page's <title> is its title: $info"

# folder with subtitle formats the importers read: ASS/SSA (.ass, .SSA) and YouTube json3 (.json3)
# are picked up too, with their own times (the folder scan took .txt .vtt .srt .sbv .json .html
# .ttml .dfxp only, so these were left out, or the folder refused as holding no transcripts)
mkdir -p "$D/subs"
printf '[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:03.00,Default,Ann,0,0,0,,Owls hunt at night.\n' > "$D/subs/a.ass"
cp "$D/subs/a.ass" "$D/subs/b.SSA"
printf '{"events": [{"tStartMs": 1000, "dDurationMs": 2000, "segs": [{"utf8": "Mice hide from owls."}]}]}' > "$D/subs/y.json3"
out=$("$T" pack -o "$D/subs.txb" "$D/subs" 2>"$D/err") || fail "pack of a folder of .ass/.SSA/.json3 exited $?: $(cat "$D/err")"
grep -Eq '^3 +' <<< "$out" || fail "folder of .ass/.SSA/.json3 should give 3 episodes: $out"
[ "$(echo "$("$T" info "$D/subs.txb")" | grep -c ' measured ')" = 3 ] || fail "the .ass/.SSA/.json3 keep their times: $("$T" info "$D/subs.txb")"

# manifest: title and chapters reach the bundle
"$T" pack -q -o "$D/m.txb" "$D/list.tsv" || fail "pack of a manifest failed"
info=$("$T" info "$D/m.txb") || fail "info failed on a good bundle"
grep -q 'My Title' <<< "$info" || fail "manifest title missing from info: $info"
grep -Eq 'estimated +2 ' <<< "$info" || fail "chapters missing from info: $info"

# no title in the file or manifest: the opening sentence, "The following is a conversation with"
# shortened; long openings cut at a word boundary with an ellipsis; a manifest title still wins
printf 'WEBVTT\n\n00:00.000 --> 00:02.000\nThe following is a conversation with Jane Roe. She studies owls.\n' > "$D/c.vtt"
printf 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen\n' > "$D/long.txt"
"$T" pack -q -o "$D/t.txb" "$D/c.vtt" "$D/long.txt" "$D/list.tsv" || fail "pack for titles failed"
info=$("$T" info "$D/t.txb")
grep -q 'Conversation with Jane Roe ' <<< "$info" || fail "title from the opening line missing: $info"
grep -q 'She studies' <<< "$info" && fail "title should stop at the first sentence: $info"
grep -q 'My Title' <<< "$info" || fail "manifest title should win: $info"
grep -q 'one two three' <<< "$("$T" info "$D/t.txb")" || fail "long opening not used as title: $info"

# --repeat N: the inputs N times, copies marked in the title; bad values refused
"$T" pack -q --repeat 3 -o "$D/r.txb" "$D/c.vtt" || fail "--repeat failed"
info=$("$T" info "$D/r.txb")
grep -q '^episodes 3,' <<< "$info" || fail "--repeat 3 should give 3 episodes: $info"
grep -q '(copy 3)' <<< "$info" || fail "copies should be marked: $info"
"$T" pack -q --repeat 0 -o "$D/r0.txb" "$D/c.vtt" 2> /dev/null && fail "--repeat 0 accepted"

# default: skip the bad file with a warning naming file and line, still write, exit 1
"$T" pack -q -o "$D/s.txb" "$D/in/a.txt" "$D/bad.vtt" 2> "$D/err"; rc=$?
[ $rc -eq 1 ] || fail "skipping should exit 1, got $rc"
grep -q "bad.vtt: line 3" "$D/err" || fail "warning should name file and line: $(cat "$D/err")"
[ -f "$D/s.txb" ] || fail "bundle not written when a file was skipped"
"$T" info "$D/s.txb" > /dev/null || fail "bundle with the skipped file left out does not verify"

# an empty file, or a WebVTT file without a cue, is skipped saying why (was packed as an episode
# of 0 words, silently)
: > "$D/empty.txt"
printf 'WEBVTT\n\n' > "$D/nocue.vtt"
"$T" pack -q -o "$D/e.txb" "$D/in/a.txt" "$D/empty.txt" "$D/nocue.vtt" 2> "$D/err"; rc=$?
[ $rc -eq 1 ] || fail "skipping empty files should exit 1, got $rc"
grep -q "skipping .*empty.txt: the file is empty" "$D/err" || fail "empty file warning: $(cat "$D/err")"
grep -q "skipping .*nocue.vtt: no words in this transcript (read as webvtt)" "$D/err" || fail "no-cue warning: $(cat "$D/err")"
grep -q '^episodes 1,' <<< "$("$T" info "$D/e.txb")" || fail "only the transcript with words is packed: $("$T" info "$D/e.txb")"

# --strict: stop, no bundle
"$T" pack -q --strict -o "$D/x.txb" "$D/bad.vtt" "$D/in/a.txt" 2> "$D/err"; rc=$?
[ $rc -eq 1 ] || fail "--strict should exit 1, got $rc"
[ ! -f "$D/x.txb" ] || fail "--strict wrote a bundle"
grep -q "error: .*bad.vtt: line 3" "$D/err" || fail "strict error should name file and line: $(cat "$D/err")"

# missing input file
"$T" pack -q -o "$D/y.txb" "$D/nope.txt" 2> "$D/err"; rc=$?
[ $rc -eq 1 ] || fail "missing input should exit 1"
grep -q "nope.txt: cannot open" "$D/err" || fail "missing input message: $(cat "$D/err")"

# manifest chapters after the episode's end: a warning naming file, manifest line and chapter
printf 'file\tdate\tchapters\nin/sub/b.vtt\t2024-01-02\t0:00 Start;1:00:00 Far away\n' > "$D/late.tsv"
"$T" pack -q -o "$D/late.txb" "$D/late.tsv" 2> "$D/err" || fail "pack with a late chapter failed"
grep -q "b.vtt (manifest line 2): chapter 2 'Far away' at 1:00:00 starts after the episode ends" "$D/err" || fail "late chapter warning: $(cat "$D/err")"

# manifest chapters out of time order: a warning naming the chapter, and the bundle holds them in
# time order (they were kept as written, and the timeline drew a band running backwards)
printf 'file\tchapters\nin/sub/b.vtt\t0:00 Start;0:03 Late;0:01 Early\n' > "$D/order.tsv"
"$T" pack -q -o "$D/order.txb" "$D/order.tsv" 2> "$D/err" || fail "pack with unsorted chapters failed"
grep -q "b.vtt (manifest line 2): chapter 3 'Early' at 0:00:01 is listed after chapter 2 'Late' at 0:00:03; chapters are put in time order" "$D/err" ||
  fail "unsorted chapter warning: $(cat "$D/err")"
"$T" topics --json "$D/order.txb" | grep -q '"chapters":\[{"start_ms":0,"title":"Start"},{"start_ms":1000,"title":"Early"},{"start_ms":3000,"title":"Late"}\]' ||
  fail "chapters not in time order in the bundle: $("$T" topics --json "$D/order.txb")"

# chapters files beside their transcripts: a WebVTT chapters track (X.chapters.vtt) and Podcasting
# 2.0 chapters JSON (X.json) are attached to X.vtt / X.srt, not packed as episodes (the track was
# packed as an episode of chapter titles, the JSON refused); toc:false chapters left out
mkdir -p "$D/ch"
printf 'WEBVTT\n\n00:00.000 --> 00:02.000\nHello owls.\n\n00:02.000 --> 00:04.000\nAnd mice.\n' > "$D/ch/a.vtt"
printf 'WEBVTT\n\n00:00.000 --> 00:01.500\nOwls\n\n00:01.500 --> 00:04.000\nMice\n' > "$D/ch/a.chapters.vtt"
printf '1\n00:00:00,000 --> 00:00:03,000\nBread and starters.\n' > "$D/ch/b.srt"
printf '{"version":"1.2.0","chapters":[{"startTime":0,"title":"Bread"},{"startTime":1,"title":"Ad","toc":false},{"startTime":2.25,"title":"Starters"}]}' > "$D/ch/b.json"
out=$("$T" pack -o "$D/ch.txb" "$D/ch" 2> "$D/err") || fail "pack of a folder with chapters files exited $?: $(cat "$D/err")"
grep -Eq '^2 +' <<< "$out" || fail "chapters files should not be episodes (2 expected): $out"
[ -s "$D/err" ] && fail "chapters files that fit should pack without a word: $(cat "$D/err")"
topics=$("$T" topics --json "$D/ch.txb")
grep -q '"chapters":\[{"start_ms":0,"title":"Owls"},{"start_ms":1500,"title":"Mice"}\]' <<< "$topics" || fail "WebVTT chapters not attached: $topics"
grep -q '"chapters":\[{"start_ms":0,"title":"Bread"},{"start_ms":2250,"title":"Starters"}\]' <<< "$topics" || fail "JSON chapters not attached: $topics"

# problems with a chapters file: a warning naming it, never silent. An orphan (no transcript of its
# stem in its folder) and a malformed one are skipped (exit 1, bundle still written), one whose
# transcript was skipped is said to be unused (not called an orphan); a manifest's
# chapters column wins over a chapters file; times out of order or past the end are reported as
# for a manifest, and sorted
printf 'WEBVTT\n\n00:00.000 --> 00:01.000\nLonely\n' > "$D/ch/lonely.chapters.vtt"
printf '{"chapters":[{"startTime":0,"title":"A"},\n{"title":"B"}]}' > "$D/ch/c.chapters.json"
printf 'WEBVTT\n\n00:00.000 --> 00:05.000\nCarrots and peas.\n' > "$D/ch/c.vtt"
printf 'WEBVTT\n\n00:00.000 --> nonsense\nBroken.\n' > "$D/ch/broken.vtt"
printf 'WEBVTT\n\n00:00.000 --> 00:01.000\nIntro\n' > "$D/ch/broken.chapters.vtt"
"$T" pack -q -o "$D/ch2.txb" "$D/ch" 2> "$D/err"; rc=$?
[ $rc -eq 1 ] || fail "an orphan or malformed chapters file should exit 1, got $rc"
grep -q "skipping .*ch/lonely.chapters.vtt: a chapters file without its transcript: expected lonely.vtt" "$D/err" || fail "orphan warning: $(cat "$D/err")"
grep -q "skipping .*ch/c.chapters.json: line 2: chapter 2 has no \"startTime\"" "$D/err" || fail "malformed chapters warning: $(cat "$D/err")"
grep -q "warning: .*ch/broken.chapters.vtt: not used: its transcript .*ch/broken.vtt was skipped" "$D/err" || fail "chapters of a skipped transcript: $(cat "$D/err")"
grep -q '^episodes 3,' <<< "$("$T" info "$D/ch2.txb")" || fail "the transcripts are still packed: $("$T" info "$D/ch2.txb")"
"$T" pack -q --strict -o "$D/ch3.txb" "$D/ch" 2> "$D/err" && fail "--strict accepted an orphan chapters file"
[ -f "$D/ch3.txb" ] && fail "--strict wrote a bundle with an orphan chapters file"
printf 'file\tchapters\nch/a.vtt\t0:00 From the manifest\n' > "$D/chm.tsv"
"$T" pack -q -o "$D/chm.txb" "$D/chm.tsv" "$D/ch/a.chapters.vtt" 2> "$D/err" || fail "manifest + chapters file failed: $(cat "$D/err")"
grep -q "ch/a.chapters.vtt: not used for .*ch/a.vtt: manifest line 2 gives its chapters" "$D/err" || fail "conflict warning: $(cat "$D/err")"
"$T" topics --json "$D/chm.txb" | grep -q '"chapters":\[{"start_ms":0,"title":"From the manifest"}\]' || fail "the manifest's chapters should win"
printf 'file\ttitle\nch/a.chapters.vtt\tLost title\n' > "$D/chl.tsv"   # a chapters file on a manifest line: its title is not used, said so
"$T" pack -q -o "$D/chl.txb" "$D/chl.tsv" "$D/ch/a.vtt" 2> "$D/err" || fail "a manifest naming a chapters file failed: $(cat "$D/err")"
grep -q "a.chapters.vtt (manifest line 2): a chapters file: the manifest line's other fields are not used" "$D/err" || fail "manifest line of a chapters file: $(cat "$D/err")"
printf 'WEBVTT\n\n00:03.000 --> 00:04.000\nLate\n\n00:01.000 --> 00:02.000\nEarly\n\n01:00:00.000 --> 01:00:01.000\nFar away\n' > "$D/ch/a.chapters.vtt"
"$T" pack -q -o "$D/cho.txb" "$D/ch/a.vtt" "$D/ch/a.chapters.vtt" 2> "$D/err" || fail "pack with unsorted chapters failed: $(cat "$D/err")"
grep -q "a.chapters.vtt: chapter 2 'Early' at 0:00:01 is listed after chapter 1 'Late' at 0:00:03; chapters are put in time order" "$D/err" ||
  fail "unsorted chapters file warning: $(cat "$D/err")"
grep -q "a.chapters.vtt: chapter 3 'Far away' at 1:00:00 starts after the episode ends (0:00:04)" "$D/err" || fail "late chapter warning: $(cat "$D/err")"
"$T" topics --json "$D/cho.txb" | grep -q '"chapters":\[{"start_ms":1000,"title":"Early"},{"start_ms":3000,"title":"Late"},' ||
  fail "chapters file not sorted: $("$T" topics --json "$D/cho.txb")"

# a bundle given as an input: said so, not "invalid UTF-8 (byte 0)"
"$T" pack -q -o "$D/b2.txb" "$D/f.txb" "$D/in/a.txt" 2> "$D/err"; rc=$?
[ $rc -eq 1 ] || fail "a .txb input should be skipped with exit 1, got $rc"
grep -q "f.txb: a transcript bundle (.txb) cannot be packed as a transcript" "$D/err" || fail ".txb input message: $(cat "$D/err")"
grep -q "UTF-8" "$D/err" && fail ".txb input reported as bad UTF-8: $(cat "$D/err")"

# the other commands name a bad file once ("x.vtt: line 3", not "x.vtt: x.vtt: line 3")
"$T" search --query x "$D/bad.vtt" 2> "$D/err"
grep -q "bad.vtt: line 3" "$D/err" || fail "search error should name file and line: $(cat "$D/err")"
grep -q "bad.vtt: .*bad.vtt" "$D/err" && fail "search error names the file twice: $(cat "$D/err")"

# -o naming an input: refused (the transcript is kept), also through another path or a folder;
# an output without .txb: a warning
cp "$D/c.vtt" "$D/keep.vtt"
"$T" pack -q -o "$D/keep.vtt" "$D/keep.vtt" 2> "$D/err"; rc=$?
[ $rc -eq 2 ] || fail "-o an input should exit 2, got $rc"
cmp -s "$D/c.vtt" "$D/keep.vtt" || fail "-o an input overwrote it"
grep -q "is also an input" "$D/err" || fail "-o an input message: $(cat "$D/err")"
(cd "$D" && "$T" pack -q -o ./in/sub/../a.txt in 2> "$D/err"); rc=$?
[ $rc -eq 2 ] || fail "-o a file inside an input folder should exit 2, got $rc"
"$T" pack -q -o "$D/out.bin" "$D/c.vtt" 2> "$D/err" || fail "pack to out.bin failed"
grep -q "out.bin does not end in .txb" "$D/err" || fail "no warning for an output without .txb: $(cat "$D/err")"
"$T" info "$D/out.bin" > /dev/null || fail "out.bin is not a bundle"

# info's table counts terminal columns, not bytes: a title in Han / kana (2 columns a character)
# was padded by its bytes and pushed the date left of its column, and a long one was cut mid-character
printf 'file\ttitle\tdate\nin/a.txt\t東京の話\t2024-01-02\nin/sub/b.vtt\t%s\t2024-01-03\n' \
  "$(printf '長%.0s' $(seq 30))" > "$D/ja.tsv"
info=$("$T" pack -o "$D/ja.txb" "$D/ja.tsv" > /dev/null && "$T" info "$D/ja.txb") || fail "info of CJK titles failed"
grep -Eq '^ +1  東京の話 {36} 2024-01-02 ' <<< "$info" || fail "a 4-character CJK title takes 8 of the 44 columns: $info"
grep -Eq "^ +2  $(printf '長%.0s' $(seq 22)) 2024-01-03 " <<< "$info" || fail "a long CJK title is cut at 22 characters (44 columns): $info"

# info on damaged / foreign files: clear message, non-zero exit
head -c 100 "$D/f.txb" > "$D/trunc.txb"
"$T" info "$D/trunc.txb" 2> "$D/err" && fail "info accepted a truncated bundle"
grep -q "The file is truncated at byte 100" "$D/err" || fail "truncation message: $(cat "$D/err")"
"$T" info "$D/in/a.txt" 2> "$D/err" && fail "info accepted a text file"
grep -q "This is not a transcript bundle" "$D/err" || fail "bad magic message: $(cat "$D/err")"
echo "pack/info CLI: all checks passed"
