// libFuzzer target for the bundle reader (core/bundle.h). Build: CC=clang CXX=clang++
//   cmake -B build-fuzz -DTX_FUZZ=ON && cmake --build build-fuzz --target bundle_fuzz
//   ./build-fuzz/bundle_fuzz build-fuzz/fuzz-corpus      (seeds: tests/fuzz/make_corpus.sh)
//
// The first input byte picks what the rest is:
//   odd   a whole bundle file: read_bundle, then decode every episode (header/section parsing;
//         checksums stop most mutations here, which is itself what this mode checks)
//   0, 2  edits to the real payload of a small fixed episode, as (offset hi, offset lo, xor)
//         triples, re-compressed and re-checksummed by the writer: reaches the episode decoder
//   4, 6  a whole replacement payload for that episode (same path, unconstrained bytes)
// Every path must return (a value or an error) without a crash, leak or sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/bundle.h"
#include "writer/bundle_writer.h"

using namespace tx;

namespace {

const std::vector<Episode>& fixed_episodes() {
    static std::vector<Episode> eps = [] {
        Episode a;
        a.meta.title = "fixed";
        a.meta.speakers = {"Ann", "Bob"};
        a.meta.chapters = {{0, "Start"}};
        a.text = "Hello there, how's it going? Jiu-Jitsu \xE2\x80\x94 fun.\n";
        uint32_t t = 0;
        size_t i = 0;
        while (i < a.text.size()) {  // whitespace words, times 300 ms apart, alternating speakers
            while (i < a.text.size() && (a.text[i] == ' ' || a.text[i] == '\n')) ++i;
            size_t b = i;
            while (i < a.text.size() && a.text[i] != ' ' && a.text[i] != '\n') ++i;
            if (b < i) a.words.push_back({uint32_t(b), uint32_t(i), t += 300, int16_t(a.words.size() % 2)});
        }
        a.cues = {{0, 3, 0, 1000}, {3, uint32_t(a.words.size() - 3), 1000, 2500}};
        return std::vector<Episode>{a};
    }();
    return eps;
}

void decode_everything(Bytes b) {
    ReadDesc d;
    d.max_frame_bytes = 1 << 22;  // keep the fuzzer's memory small
    d.max_total_bytes = 1 << 24;
    auto bundle = read_bundle(b, d);
    if (!bundle) return;
    for (size_t i = 0; i < bundle->size(); ++i) (void)bundle->decode_episode(i);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    uint8_t mode = data[0];
    Bytes rest(data + 1, size - 1);
    if (mode & 1) {
        decode_everything(rest);
        return 0;
    }
    WriteDesc wd;
    wd.level = 1;
    wd.payload_hook = [&](size_t, std::string& payload) {
        if ((mode & 4) == 0) {
            for (size_t k = 0; k + 3 <= rest.size && !payload.empty(); k += 3) {
                size_t off = (size_t(rest.ptr[k]) << 8 | rest.ptr[k + 1]) % payload.size();
                payload[off] = char(payload[off] ^ rest.ptr[k + 2]);
            }
        } else {
            payload.assign(reinterpret_cast<const char*>(rest.ptr), rest.size);
        }
    };
    auto bytes = write_bundle(fixed_episodes(), wd);
    if (bytes) decode_everything(Bytes(bytes.value()));
    return 0;
}
