#!/usr/bin/env bash
# Generate the bundle fuzzer's seed corpus into $2 using the packer $1 (build/transcript):
# small bundles from every importer (mode byte 0x01 + the file), plus payload-edit seeds.
#   tests/fuzz/make_corpus.sh build-fuzz/transcript build-fuzz/fuzz-corpus
set -euo pipefail
TOOL=$1
OUT=$2
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
printf 'the following is a conversation with Mark\nhe is the CEO of meta\n' > "$TMP/a.txt"
printf 'WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ann>Hello there, how is it going?\n\n00:02.000 --> 00:05.500\n<v Bob>Fine, thanks.\n' > "$TMP/b.vtt"
printf '1\n00:00:01,000 --> 00:00:03,500\nHello <i>there</i>, friend.\n\n2\n00:00:04,000 --> 00:00:06,000\nSecond cue.\n' > "$TMP/c.srt"
printf '{"segments": [{"start": 0.0, "end": 2.0, "text": " Hello world.", "words": [{"word": " Hello", "start": 0.0}, {"word": " world.", "start": 1.0}]}]}\n' > "$TMP/d.json"
printf 'file\ttitle\tdate\tspeakers\tchapters\nb.vtt\tA title\t2024-01-02\tAnn;Bob\t0:00 Start;0:02 Later\n' > "$TMP/m.tsv"
n=0
for inputs in a.txt b.vtt c.srt d.json m.tsv "a.txt b.vtt c.srt d.json"; do
  n=$((n + 1))
  (cd "$TMP" && "$TOOL" pack --quiet -o "$TMP/s$n.txb" $inputs)
  { printf '\001'; cat "$TMP/s$n.txb"; } > "$OUT/bundle-$n"
done
printf '\000\000\005\001' > "$OUT/edit-1"
printf '\000\000\020\200\000\030\377' > "$OUT/edit-2"
printf '\004\001\000\000\000' > "$OUT/payload-1"
echo "wrote $(ls "$OUT" | wc -l) seeds to $OUT"
