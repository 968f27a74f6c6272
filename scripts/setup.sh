#!/usr/bin/env bash
# Install everything Transcript Explorer needs on a fresh Debian 12 machine (run as root).
# Idempotent: every step checks whether it is already done and skips it.
#
#   apt packages        toolchain, libraries, fonts, chromium
#   deps/src/           Debian *source* packages of imgui, libsdl2, libzstd, snowball (ignored by git)
#   $TX_CACHE/sdl2-*    SDL2 built once for Emscripten, cached outside the clone so CI and new
#                       clones on the same machine reuse it (key: SDL version + flags hash)
#   node_modules/       playwright-core (tests/browser), terser (scripts/minify), pinned by package-lock.json
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/env.sh"

log() { printf '[setup] %s\n' "$*" >&2; }

# ---- apt packages ----
PKGS=(build-essential cmake ninja-build pkg-config git ca-certificates dpkg-dev
      emscripten nodejs
      catch2 libzstd-dev zstd brotli libstemmer-dev
      clang libclang-rt-14-dev
      fonts-inter fonts-noto-core fonts-dejavu-core python3-fonttools
      fonts-wqy-microhei   # a CJK font for the browser tests (1.6 MB): the page draws CJK with the system's fonts
      python3-numpy
      chromium)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing apt packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt packages: present"
fi

# ---- Debian source packages ----
SRC_LIST=/etc/apt/sources.list.d/debian-src.sources
if [ ! -f "$SRC_LIST" ]; then
  log "adding deb-src list"
  cat > "$SRC_LIST" <<'EOS'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOS
  apt-get update -qq
fi
mkdir -p "$DEPS_SRC"
for spec in "imgui:imgui-*" "libsdl2:libsdl2-2*" "libzstd:libzstd-*" "snowball:snowball-*"; do
  pkg=${spec%%:*}; pat=${spec#*:}
  if ! compgen -G "$DEPS_SRC/$pat/" >/dev/null; then
    log "fetching source package $pkg"
    (cd "$DEPS_SRC" && apt-get source -qq "$pkg" >/dev/null 2>&1) || { log "apt-get source $pkg failed"; exit 1; }
  fi
done

# ---- SDL2 for Emscripten, cached outside the clone ----
. "$ROOT/scripts/env.sh"   # recompute the cache key now that the SDL source version is known
SDL_SRC=$(ls -d "$DEPS_SRC"/libsdl2-2*/ | head -1)
if [ ! -f "$SDL2_WASM_PREFIX/lib/libSDL2.a" ]; then
  log "building SDL2 for Emscripten into $SDL2_WASM_PREFIX (one-off, ~6 min)"
  mkdir -p "$TX_CACHE"; B="$TX_CACHE/sdl2-build-$SDL2_KEY"
  emcmake cmake -S "$SDL_SRC" -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$SDL2_WASM_PREFIX" $SDL2_FLAGS >"$TX_CACHE/sdl2-configure.log" 2>&1 \
    || { log "SDL2 configure failed, see $TX_CACHE/sdl2-configure.log"; exit 1; }
  cmake --build "$B" >"$TX_CACHE/sdl2-build.log" 2>&1 && cmake --install "$B" >/dev/null \
    || { log "SDL2 build failed, see $TX_CACHE/sdl2-build.log"; exit 1; }
else
  log "SDL2 for Emscripten: cached at $SDL2_WASM_PREFIX"
fi

# ---- npm: playwright-core for the browser tests, terser for the web build (each pinned by its package-lock.json) ----
if [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ]; then
  log "installing playwright-core"
  (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --silent)
fi
if [ ! -d "$ROOT/scripts/minify/node_modules/terser" ]; then
  log "installing terser (scripts/minify)"
  (cd "$ROOT/scripts/minify" && npm ci --no-audit --no-fund --silent)
fi
log "setup done"
