#!/usr/bin/env bash
# Pack the demo episode (assets/) into a bundle at $1 with the project's own packer
# (build/transcript, built by scripts/build.sh's native step before the web step).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
out=$1
src="$ROOT/assets/lex-fridman-383-mark-zuckerberg.txt"
tool=${TRANSCRIPT:-$ROOT/build/transcript}
if [ ! -x "$tool" ]; then
  echo "pack-demo.sh: $tool is missing: build the native tools first (scripts/build.sh native)" >&2
  exit 1
fi
if [ ! -f "$out" ] || [ "$src" -nt "$out" ] || [ "$tool" -nt "$out" ]; then
  "$tool" pack --quiet -o "$out" "$src"
fi
