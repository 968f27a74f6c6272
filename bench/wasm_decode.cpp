// WASM decode benchmark: time read_bundle + decode_all on a bundle under node (built by
// bench/wasm-decode.sh with the same zstd decompressor sources as the page). A plain .zst file
// is timed with zstd_decompress alone, as the baseline the page used before bundles.
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <cstdlib>

#include "core/bundle.h"
#include "core/zstd_util.h"

int main(int argc, char** argv) {
    if (argc < 2) { std::fprintf(stderr, "usage: wasm_decode BUNDLE [REPEATS]\n"); return 2; }
    FILE* f = std::fopen(argv[1], "rb");
    if (!f) { std::perror(argv[1]); return 1; }
    std::string data;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
    std::fclose(f);
    int repeats = argc > 2 ? std::atoi(argv[2]) : 20;
    double best = 1e9, total = 0, first = 0;
    size_t words = 0;
    for (int r = 0; r < repeats; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        if (data.size() >= 4 && std::string_view(data).substr(0, 4) == "\x28\xB5\x2F\xFD") {  // baseline: a plain .zst
            auto z = tx::zstd_decompress(tx::Bytes(reinterpret_cast<const uint8_t*>(data.data()), data.size()));
            if (!z) { std::fprintf(stderr, "%s\n", z.message().c_str()); return 1; }
            double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            if (r == 0) first = ms;
            best = ms < best ? ms : best;
            total += ms;
            continue;
        }
        auto b = tx::read_bundle(tx::Bytes(reinterpret_cast<const uint8_t*>(data.data()), data.size()));
        if (!b) { std::fprintf(stderr, "%s\n", b.message().c_str()); return 1; }
        auto eps = tx::decode_all(b.value());
        if (!eps) { std::fprintf(stderr, "%s\n", eps.message().c_str()); return 1; }
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (r == 0) first = ms;
        best = ms < best ? ms : best;
        total += ms;
        words = 0;
        for (auto& e : eps.value()) words += e.words.size();
    }
    std::printf("%s: %zu bytes, %zu words: read+decode first run %.2f ms, best %.2f ms, mean %.2f ms over %d runs\n",
                argv[1], data.size(), words, first, best, total / repeats, repeats);
    return 0;
}
