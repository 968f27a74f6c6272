# Shared environment for the project's scripts (sourced, not run).
# Emscripten 3.1.6 from Debian needs Debian's node modules (acorn) on NODE_PATH.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
: "${ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export DEPS_SRC="$ROOT/deps/src"
export TX_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/transcript-explorer"
# SDL_LEAN_AND_MEAN: no software blitters, RLE or YUV surfaces (the page draws with WebGL2 only and
# makes no SDL surface; SDL_CreateSystemCursor is CSS on Emscripten): 224 KB less wasm code, 19 kB brotli.
SDL2_FLAGS="-DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL2_DISABLE_SDL2MAIN=ON -DSDL_THREADS=OFF -DSDL_PTHREADS=OFF -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF -DSDL_POWER=OFF -DSDL_SENSOR=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOADSO=OFF -DSDL_CPUINFO=OFF -DSDL_ATOMIC=OFF -DSDL_RENDER=OFF -DSDL_VIDEO=ON -DSDL_EVENTS=ON -DSDL_TIMERS=ON -DSDL_OPENGLES=ON -DSDL_OPENGL=OFF -DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1"
_sdl_ver=$(ls -d "$DEPS_SRC"/libsdl2-2*/ 2>/dev/null | head -1 | xargs -r basename || true)
_emver=$(dpkg-query -W -f='${Version}' emscripten 2>/dev/null || echo none)
SDL2_KEY=$(printf '%s|%s|%s' "$_sdl_ver" "$_emver" "$SDL2_FLAGS" | sha1sum | cut -c1-12)
export SDL2_WASM_PREFIX="$TX_CACHE/sdl2-wasm-$SDL2_KEY"
export SDL2_FLAGS SDL2_KEY
