#!/usr/bin/env bash
# Pack the demo episode (assets/) into a bundle at $1 with the project's own packer
# (build/transcript, built by scripts/build.sh's native step before the web step). A one-line
# manifest gives the episode a readable title.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
out=$1
src="$ROOT/assets/lex-fridman-383-mark-zuckerberg.txt"
tool=${TRANSCRIPT:-$ROOT/build/transcript}
if [ ! -x "$tool" ]; then
  echo "pack-demo.sh: $tool is missing: build the native tools first (scripts/build.sh native)" >&2
  exit 1
fi
if [ ! -f "$out" ] || [ "$src" -nt "$out" ] || [ "$tool" -nt "$out" ] || [ "$0" -nt "$out" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  printf 'file\ttitle\n%s\tMark Zuckerberg (Lex Fridman Podcast #383)\n' "$src" > "$tmp/demo.tsv"
  "$tool" pack --quiet -o "$out" "$tmp/demo.tsv"
fi
