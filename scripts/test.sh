#!/usr/bin/env bash
# README command 2: set up, build, and run every test (native Catch2 via ctest, then browser tests).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh" all
echo "== native tests (ctest) =="
ctest --test-dir "$ROOT/build" --output-on-failure
echo "== browser tests (headless chromium) =="
node "$ROOT/tests/browser/run.mjs"
