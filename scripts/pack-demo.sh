#!/usr/bin/env bash
# Pack the demo episode (assets/) into a bundle at $1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
out=$1
src="$ROOT/assets/lex-fridman-383-mark-zuckerberg.txt"
if [ ! -f "$out" ] || [ "$src" -nt "$out" ]; then
  zstd -q -19 -f "$src" -o "$out"
fi
