// Protects: the bundle reader against damaged input. Every truncation of a small bundle and
// 10,000+ deterministic random byte flips must end in a clean error or in exactly the original
// data (when a flip lands in a byte the format does not use). Payload-level flips (re-compressed
// and re-checksummed through the writer's payload hook) reach the episode decoder itself.
// Run under ASan+UBSan too: cmake -B build-asan -DTX_SANITIZE=ON && ./build-asan/tx_tests "[corrupt]".
#include <catch.hpp>

#include <random>

#include "core/bundle.h"
#include "core/import.h"
#include "writer/bundle_writer.h"

using namespace tx;

namespace {

std::vector<Episode> sample_episodes() {
    std::vector<Episode> eps;
    ImportDesc d;
    d.name = "a.vtt";
    std::string vtt =
        "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ann>Hello there, how's it going?\n\n"
        "00:02.000 --> 00:05.500\n<v Bob>Fine, thanks \xE2\x80\x94 and you?\n\n00:06.000 --> 00:08.000\nJiu-Jitsu is fun.\n";
    auto a = import_transcript(Bytes(vtt), d);
    REQUIRE(a.ok());
    a->meta.chapters = {{0, "Start"}, {6000, "Sport"}};
    eps.push_back(a.value());
    d.name = "b.txt";
    auto b = import_transcript(Bytes(std::string_view("plain words with estimated times and a second line\nof text")), d);
    REQUIRE(b.ok());
    eps.push_back(b.value());
    return eps;
}

bool same(const Episode& a, const Episode& b) {
    if (a.text != b.text || a.words.size() != b.words.size() || a.cues.size() != b.cues.size()) return false;
    for (size_t i = 0; i < a.words.size(); ++i)
        if (a.words[i].begin != b.words[i].begin || a.words[i].end != b.words[i].end ||
            a.words[i].start_ms != b.words[i].start_ms || a.words[i].speaker != b.words[i].speaker)
            return false;
    for (size_t i = 0; i < a.cues.size(); ++i)
        if (a.cues[i].first_word != b.cues[i].first_word || a.cues[i].word_count != b.cues[i].word_count ||
            a.cues[i].start_ms != b.cues[i].start_ms || a.cues[i].end_ms != b.cues[i].end_ms)
            return false;
    return a.meta.title == b.meta.title && a.meta.speakers == b.meta.speakers && a.meta.chapters.size() == b.meta.chapters.size() &&
           a.meta.duration_ms == b.meta.duration_ms && a.meta.times_estimated == b.meta.times_estimated;
}

// @return 0 when the bytes were refused with an error, 1 when they decoded to `expected`.
// Fails the test when they decode to anything else (silent damage).
int outcome(const std::string& bytes, const std::vector<Episode>& expected) {
    auto b = read_bundle(Bytes(bytes));
    if (!b) {
        REQUIRE(b.errc() != Errc::Ok);
        REQUIRE(!b.message().empty());
        return 0;
    }
    auto all = decode_all(b.value());
    if (!all) {
        REQUIRE(!all.message().empty());
        return 0;
    }
    REQUIRE(all->size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) REQUIRE(same(all.value()[i], expected[i]));
    return 1;
}

}  // namespace

TEST_CASE("corrupt: every truncation of a small bundle is a clean Truncated or BadMagic error", "[bundle][corrupt]") {
    auto eps = sample_episodes();
    auto full = write_bundle(eps);
    REQUIRE(full.ok());
    const std::string& s = full.value();
    REQUIRE(outcome(s, eps) == 1);
    for (size_t n = 0; n < s.size(); ++n) {
        auto r = read_bundle(Bytes(reinterpret_cast<const uint8_t*>(s.data()), n));
        INFO("truncated to " << n << " bytes");
        REQUIRE_FALSE(r.ok());
        REQUIRE((r.errc() == Errc::Truncated || (n == 0 && r.errc() == Errc::BadMagic)));
    }
}

TEST_CASE("corrupt: 12,000 random byte flips end in an error or the original data", "[bundle][corrupt]") {
    auto eps = sample_episodes();
    auto full = write_bundle(eps);
    REQUIRE(full.ok());
    const std::string& s = full.value();
    std::mt19937 rng(20231127);
    int errors = 0, intact = 0;
    for (int k = 0; k < 12000; ++k) {
        std::string m = s;
        int flips = 1 + int(rng() % 3);
        for (int f = 0; f < flips; ++f) m[rng() % m.size()] ^= char(1 + rng() % 255);
        if (outcome(m, eps)) ++intact; else ++errors;
    }
    // Every byte of a bundle is covered by a checksum, so flips are caught.
    CHECK(errors == 12000);
    CHECK(intact == 0);
}

TEST_CASE("corrupt: flips inside decompressed payloads reach the episode decoder and fail cleanly", "[bundle][corrupt]") {
    auto eps = sample_episodes();
    std::string reference[2];
    {
        WriteDesc grab;
        grab.payload_hook = [&](size_t i, std::string& p) { reference[i] = p; };
        REQUIRE(write_bundle(eps, grab).ok());
    }
    std::mt19937 rng(42);
    int decoded = 0, refused = 0;
    for (int k = 0; k < 3000; ++k) {
        size_t target = rng() % 2;
        std::string edited = reference[target];
        int flips = 1 + int(rng() % 4);
        for (int f = 0; f < flips; ++f) edited[rng() % edited.size()] ^= char(1 + rng() % 255);
        if (rng() % 8 == 0) edited.resize(rng() % edited.size());
        WriteDesc wd;
        wd.level = 1;
        wd.payload_hook = [&](size_t i, std::string& p) { if (i == target) p = edited; };
        auto bytes = write_bundle(eps, wd);
        REQUIRE(bytes.ok());
        auto b = read_bundle(Bytes(bytes.value()));
        if (!b) {  // only when the edit makes the payload too small for the episode's declared counts
            REQUIRE(b.errc() == Errc::Corrupt);
            ++refused;
            continue;
        }
        auto ep = b->decode_episode(target);
        if (ep.ok()) {
            ++decoded;  // a flip in a value (a time, an id): the decoder must still give a consistent episode
            for (const Word& w : ep->words) REQUIRE((w.begin <= w.end && w.end <= ep->text.size()));
            for (const Cue& c : ep->cues) REQUIRE(uint64_t(c.first_word) + c.word_count <= ep->words.size());
            for (const Word& w : ep->words) REQUIRE((w.speaker == kNoSpeaker || size_t(w.speaker) < ep->meta.speakers.size()));
        } else {
            ++refused;
            REQUIRE(ep.errc() == Errc::Corrupt);
        }
    }
    CHECK(refused > 1500);
    WARN("payload flips: " << refused << " refused, " << decoded << " decoded to a consistent episode");
}
