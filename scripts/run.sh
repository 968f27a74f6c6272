#!/usr/bin/env bash
# README command 1: set up, build, and serve the explorer on the demo episode at http://127.0.0.1:PORT/
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-8000}
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh" all
exec python3 "$ROOT/scripts/serve.py" --port "$PORT" "$ROOT/build-web/site"
