// decode_digest: one line per episode of a bundle with a digest (FNV-1a 64) of everything decoding
// gives (text, every word's range, time and speaker, cues, metadata), to check that a change to
// the reader decodes real archives identically. bench/decode-identical.sh builds it twice (this
// tree and a base tree) and compares the output on the lexicap archive and the demo.
//   decode_digest BUNDLE...
#include <cstdio>
#include <string>

#include "core/bundle.h"

namespace {

struct Fnv {
    uint64_t h = 0xcbf29ce484222325ull;
    void bytes(const void* p, size_t n) {
        for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<const uint8_t*>(p)[i]) * 0x100000001b3ull;
    }
    void str(const std::string& s) { u64(s.size()); bytes(s.data(), s.size()); }
    void u64(uint64_t v) { bytes(&v, sizeof v); }
};

uint64_t digest(const tx::Episode& ep) {
    Fnv f;
    f.str(ep.meta.title);
    f.str(ep.meta.date);
    f.str(ep.meta.source_url);
    f.str(ep.meta.media_url);
    f.u64(ep.meta.speakers.size());
    for (const auto& s : ep.meta.speakers) f.str(s);
    f.u64(ep.meta.duration_ms);
    f.u64(ep.meta.times_estimated);
    f.u64(ep.meta.chapters.size());
    for (const auto& c : ep.meta.chapters) { f.u64(c.start_ms); f.str(c.title); }
    f.str(ep.text);
    f.u64(ep.words.size());
    for (const auto& w : ep.words) { f.u64(w.begin); f.u64(w.end); f.u64(w.start_ms); f.u64(uint64_t(int64_t(w.speaker))); }
    f.u64(ep.cues.size());
    for (const auto& c : ep.cues) { f.u64(c.first_word); f.u64(c.word_count); f.u64(c.start_ms); f.u64(c.end_ms); }
    return f.h;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) { std::fprintf(stderr, "usage: decode_digest BUNDLE...\n"); return 2; }
    for (int a = 1; a < argc; ++a) {
        FILE* f = std::fopen(argv[a], "rb");
        if (!f) { std::perror(argv[a]); return 1; }
        std::string data;
        char buf[65536];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
        std::fclose(f);
        auto b = tx::read_bundle(tx::Bytes(reinterpret_cast<const uint8_t*>(data.data()), data.size()));
        if (!b) { std::fprintf(stderr, "%s: %s\n", argv[a], b.message().c_str()); return 1; }
        for (size_t i = 0; i < b->size(); ++i) {
            auto ep = b->decode_episode(i);
            if (!ep) { std::fprintf(stderr, "%s: %s\n", argv[a], ep.message().c_str()); return 1; }
            std::printf("%s %zu %zu words %zu bytes %016llx\n", argv[a], i, ep->words.size(), ep->text.size(),
                        static_cast<unsigned long long>(digest(ep.value())));
        }
    }
    return 0;
}
