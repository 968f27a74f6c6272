// Protects: the bundle format (docs/bundle-format.md): lossless round trips of every Episode field
// through write_bundle -> read_bundle, from every importer and from hand-built edge cases; the
// reader's errors (codes and human messages); lazy per-episode decoding.
#include <catch.hpp>

#include <random>

#include "core/bundle.h"
#include "core/bundle_codec.h"
#include "core/import.h"
#include "test_util.h"
#include "writer/bundle_writer.h"

using namespace tx;

namespace {

void require_same(const Episode& a, const Episode& b) {
    REQUIRE(a.meta.title == b.meta.title);
    REQUIRE(a.meta.date == b.meta.date);
    REQUIRE(a.meta.source_url == b.meta.source_url);
    REQUIRE(a.meta.media_url == b.meta.media_url);
    REQUIRE(a.meta.speakers == b.meta.speakers);
    REQUIRE(a.meta.duration_ms == b.meta.duration_ms);
    REQUIRE(a.meta.times_estimated == b.meta.times_estimated);
    REQUIRE(a.meta.chapters.size() == b.meta.chapters.size());
    for (size_t i = 0; i < a.meta.chapters.size(); ++i) {
        REQUIRE(a.meta.chapters[i].start_ms == b.meta.chapters[i].start_ms);
        REQUIRE(a.meta.chapters[i].title == b.meta.chapters[i].title);
    }
    REQUIRE(a.text == b.text);
    REQUIRE(a.words.size() == b.words.size());
    for (size_t i = 0; i < a.words.size(); ++i) {
        INFO("word " << i);
        REQUIRE(a.words[i].begin == b.words[i].begin);
        REQUIRE(a.words[i].end == b.words[i].end);
        REQUIRE(a.words[i].start_ms == b.words[i].start_ms);
        REQUIRE(a.words[i].speaker == b.words[i].speaker);
    }
    REQUIRE(a.cues.size() == b.cues.size());
    for (size_t i = 0; i < a.cues.size(); ++i) {
        INFO("cue " << i);
        REQUIRE(a.cues[i].first_word == b.cues[i].first_word);
        REQUIRE(a.cues[i].word_count == b.cues[i].word_count);
        REQUIRE(a.cues[i].start_ms == b.cues[i].start_ms);
        REQUIRE(a.cues[i].end_ms == b.cues[i].end_ms);
    }
}

std::vector<Episode> round_trip(const std::vector<Episode>& eps, const WriteDesc& wd = {}) {
    auto bytes = write_bundle(eps, wd);
    REQUIRE(bytes.ok());
    auto b = read_bundle(Bytes(bytes.value()));
    INFO(b.message());
    REQUIRE(b.ok());
    REQUIRE(b->size() == eps.size());
    auto all = decode_all(b.value());
    INFO(all.message());
    REQUIRE(all.ok());
    for (size_t i = 0; i < eps.size(); ++i) require_same(eps[i], all.value()[i]);
    return all.value();
}

Episode import_or_fail(const std::string& content, const std::string& name) {
    ImportDesc d;
    d.name = name;
    auto ep = import_transcript(Bytes(content), d);
    INFO(ep.message());
    REQUIRE(ep.ok());
    REQUIRE(!ep->words.empty());
    return ep.value();
}

// A hand-built episode exercising everything importers rarely produce.
Episode odd_episode() {
    Episode ep;
    ep.meta.title = "Odd \xE2\x80\x9Cquoted\xE2\x80\x9D title";
    ep.meta.date = "2023-06-08";
    ep.meta.source_url = "https://example.org/t";
    ep.meta.media_url = "https://example.org/a.mp3";
    ep.meta.speakers = {"Ann", "Bob"};
    ep.meta.duration_ms = 123456;
    ep.meta.chapters = {{0, "Intro"}, {60000, "Middle"}};
    ep.text = std::string("  Hello,\tworld!\r\n\r\nJiu-Jitsu \xE2\x80\x9Cquote\xE2\x80\x9D x\x00y \xFF\xFE tail  ", 52);
    // words: trimmed run, explicit overlapping, token, a zero-length word, one going backwards
    ep.words = {{2, 7, 0, 0}, {3, 5, 10, 0}, {9, 14, 4000000000u, 1}, {19, 28, 7, kNoSpeaker},
                {29, 29, 7, kNoSpeaker}, {0, 2, 5, 1}, {40, 43, 1, 1}};
    ep.cues = {{0, 3, 0, 1000}, {3, 4, 999, 500}};  // times out of order on purpose
    return ep;
}

}  // namespace

// A bundle from another writer (the format is documented) with chapters out of time order was read
// as written, and the page drew a chapter's band from its start back to the next one's.
TEST_CASE("bundle reader: chapters come out in time order, those at one time as written", "[bundle]") {
    Episode ep = odd_episode();
    ep.meta.chapters = {{60000, "B"}, {0, "A"}, {60000, "C"}, {30000, "\xCE\x95"}};
    auto bytes = write_bundle({ep});
    REQUIRE(bytes.ok());
    auto b = read_bundle(Bytes(bytes.value()));
    REQUIRE(b.ok());
    std::vector<std::string> got;
    for (const Chapter& c : b->episode(0).meta.chapters) got.push_back(std::to_string(c.start_ms) + " " + c.title);
    CHECK(got == std::vector<std::string>{"0 A", "30000 \xCE\x95", "60000 B", "60000 C"});
}

TEST_CASE("bundle round trip: plain text import keeps words, estimated times and cues", "[bundle]") {
    std::string txt = "the following is a conversation with Mark\nhe's the CEO of meta  and Jiu-Jitsu, too.\n";
    round_trip({import_or_fail(txt, "talk.txt")});
}

TEST_CASE("bundle round trip: WebVTT import with voice tags keeps measured times and speakers", "[bundle]") {
    std::string vtt =
        "WEBVTT\n\n00:00.000 --> 00:04.200\n<v Lex Fridman>As part of MIT course 6S099, Artificial General Intelligence,\n\n"
        "00:04.200 --> 00:06.600\n<v Max>I've gotten the chance to sit down with Max Tegmark.\n\n"
        "1:00:06.600 --> 1:00:08.680\n He is a professor here at MIT.\n";
    Episode ep = import_or_fail(vtt, "ep.vtt");
    REQUIRE(ep.meta.speakers.size() == 2);
    round_trip({ep});
}

TEST_CASE("bundle round trip: SRT import", "[bundle]") {
    std::string srt = "1\n00:00:01,000 --> 00:00:03,500\nHello <i>there</i>, friend.\n\n2\n00:00:04,000 --> 00:00:06,000\nSecond cue: 42 words?\n";
    round_trip({import_or_fail(srt, "ep.srt")});
}

TEST_CASE("bundle round trip: Whisper JSON import with word-level times", "[bundle]") {
    std::string json = R"({"text": "...", "segments": [
        {"id": 0, "start": 0.0, "end": 2.0, "text": " Hello world."},
        {"id": 1, "start": 2.5, "end": 4.0, "text": " x", "speaker": "SPEAKER_01",
         "words": [{"word": " I", "start": 2.5, "end": 2.6}, {"word": " don", "start": 2.7},
                   {"word": "'t", "start": 2.9}, {"word": " know.", "start": 3.1}]}]})";
    round_trip({import_or_fail(json, "ep.json")});
}

TEST_CASE("bundle round trip: odd bytes, whitespace, overlapping words, metadata and chapters", "[bundle]") {
    Episode ep = odd_episode();
    Episode empty;  // no text, no words
    empty.meta.title = "empty";
    round_trip({ep, empty, ep});
    WriteDesc raw;
    raw.force_raw_text = true;
    round_trip({ep, empty}, raw);
}

TEST_CASE("bundle round trip: text without spaces takes the raw path losslessly", "[bundle]") {
    Episode ep;
    ep.text = std::string(3000, 'a') + "\xE4\xB8\xAD\xE6\x96\x87\xE6\xB2\xA1\xE6\x9C\x89\xE7\xA9\xBA\xE6\xA0\xBC";
    ep.words = {{0, 3000, 0, kNoSpeaker}, {3000, uint32_t(ep.text.size()), 10, kNoSpeaker}};
    round_trip({ep});
}

TEST_CASE("bundle round trip: many episodes with a trained dictionary, decoded one at a time", "[bundle]") {
    std::vector<Episode> eps;
    std::mt19937 rng(7);
    const char* vocab[] = {"the", "podcast", "and", "I", "think", "that's", "really", "interesting", "AI", "Meta"};
    for (int e = 0; e < 12; ++e) {
        std::string vtt = "WEBVTT\n\n";
        for (int c = 0; c < 40; ++c) {
            char ts[64];
            std::snprintf(ts, sizeof ts, "00:%02d.%03d --> 00:%02d.%03d\n", c, c * 20 % 1000, c + 1, 0);
            vtt += ts;
            for (int w = 0; w < 8; ++w) vtt += std::string(vocab[rng() % 10]) + (w == 7 ? ".\n\n" : " ");
        }
        eps.push_back(import_or_fail(vtt, "ep" + std::to_string(e) + ".vtt"));
        eps.back().meta.title = "Episode " + std::to_string(e);
    }
    WriteDesc wd;
    wd.dictionary_bytes = 4096;
    auto bytes = write_bundle(eps, wd);
    REQUIRE(bytes.ok());
    auto b = read_bundle(Bytes(bytes.value()));
    REQUIRE(b.ok());
    CHECK(b->summary().dictionary_bytes > 0);
    // Titles come from the directory without decoding any episode.
    CHECK(b->episode(11).meta.title == "Episode 11");
    auto one = b->decode_episode(5);
    REQUIRE(one.ok());
    require_same(eps[5], one.value());
    auto none = b->decode_episode(12);
    CHECK(none.errc() == Errc::InvalidArgument);
    round_trip(eps, wd);
}

TEST_CASE("bundle round trip: the demo episode imports, packs and reads back identically", "[bundle]") {
    std::string txt = txtest::read_file(txtest::demo_path());
    REQUIRE(txt.size() > 100000);
    auto out = round_trip({import_or_fail(txt, "demo.txt")});
    CHECK(out[0].words.size() == count_words(txt));
}

TEST_CASE("bundle round trip: a lexicap WebVTT file", "[bundle][shared]") {
    TX_REQUIRE_SHARED("data/lexicap/episode_001_large.vtt");
    std::string vtt = txtest::read_file(txtest::shared_dir() + "/data/lexicap/episode_001_large.vtt");
    round_trip({import_or_fail(vtt, "episode_001_large.vtt")});
}

TEST_CASE("writer rejects episodes whose words or cues point outside them", "[bundle]") {
    Episode ep;
    ep.text = "abc";
    ep.words = {{1, 9, 0, kNoSpeaker}};
    auto r = write_bundle({ep});
    CHECK(r.errc() == Errc::InvalidArgument);
    CHECK(r.message().find("Episode 1: word 1") != std::string::npos);
    ep.words = {{0, 3, 0, 4}};
    CHECK(write_bundle({ep}).errc() == Errc::InvalidArgument);
    ep.words = {{0, 3, 0, kNoSpeaker}};
    ep.cues = {{0, 2, 0, 0}};
    CHECK(write_bundle({ep}).errc() == Errc::InvalidArgument);
}

// ---- Reader errors ----

namespace {
std::string small_bundle() {
    auto b = write_bundle({odd_episode(), import_or_fail("just a few words here", "a.txt")});
    REQUIRE(b.ok());
    return b.value();
}
void set_u32(std::string& s, size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) s[at + size_t(i)] = char((v >> (8 * i)) & 0xFF);
}
void fix_header_crc(std::string& s) {
    set_u32(s, 44, bundle_codec::crc32(reinterpret_cast<const uint8_t*>(s.data()), 44));
}
}  // namespace

TEST_CASE("crc32 matches the standard check value", "[bundle]") {
    const char* check = "123456789";
    CHECK(bundle_codec::crc32(reinterpret_cast<const uint8_t*>(check), 9) == 0xCBF43926u);
}

TEST_CASE("reader: not a bundle, empty input and a plain zstd file are BadMagic", "[bundle]") {
    CHECK(read_bundle(Bytes()).errc() == Errc::BadMagic);
    CHECK(read_bundle(Bytes(std::string_view("hello world, this is text"))).errc() == Errc::BadMagic);
    auto r = read_bundle(Bytes(std::string_view("\x28\xB5\x2F\xFD\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 16)));
    CHECK(r.errc() == Errc::BadMagic);
    CHECK(r.message() == "This is not a transcript bundle");
}

TEST_CASE("reader: a newer format version says so", "[bundle]") {
    std::string s = small_bundle();
    set_u32(s, 8, 2);
    fix_header_crc(s);
    auto r = read_bundle(Bytes(s));
    CHECK(r.errc() == Errc::VersionUnsupported);
    CHECK(r.message().find("This bundle was made by a newer version") == 0);
    // Unknown flags are a newer version too.
    s = small_bundle();
    set_u32(s, 12, 1);
    fix_header_crc(s);
    CHECK(read_bundle(Bytes(s)).errc() == Errc::VersionUnsupported);
}

TEST_CASE("reader: truncation names the byte where the file ends", "[bundle]") {
    std::string s = small_bundle();
    auto r = read_bundle(Bytes(reinterpret_cast<const uint8_t*>(s.data()), 100));
    CHECK(r.errc() == Errc::Truncated);
    CHECK(r.message() == "The file is truncated at byte 100 (the bundle is " + std::to_string(s.size()) + " bytes)");
    auto h = read_bundle(Bytes(reinterpret_cast<const uint8_t*>(s.data()), 20));
    CHECK(h.errc() == Errc::Truncated);
    CHECK(h.message() == "The file is truncated at byte 20 (inside the header)");
}

TEST_CASE("reader: trailing bytes, a flipped header bit and a flipped frame bit are Corrupt", "[bundle]") {
    std::string s = small_bundle();
    CHECK(read_bundle(Bytes(s + "x")).errc() == Errc::Corrupt);
    std::string h = s;
    h[16] ^= 1;  // episode count
    CHECK(read_bundle(Bytes(h)).errc() == Errc::Corrupt);
    std::string f = s;
    f[f.size() - 5] ^= 0x10;  // inside the last episode frame
    auto r = read_bundle(Bytes(f));
    CHECK(r.errc() == Errc::Corrupt);
    CHECK(r.message().find("episode 2 fails its checksum") != std::string::npos);
    // Lazy mode defers that check to decoding, which still catches it.
    ReadDesc lazy;
    lazy.verify_episodes = false;
    auto b = read_bundle(Bytes(f), lazy);
    REQUIRE(b.ok());
    CHECK(b->decode_episode(0).ok());
    CHECK(b->decode_episode(1).errc() == Errc::Corrupt);
}

TEST_CASE("reader: declared sizes above the caps are refused before allocating", "[bundle]") {
    std::string s = small_bundle();
    ReadDesc tight;
    tight.max_frame_bytes = 16;
    CHECK(read_bundle(Bytes(s), tight).errc() == Errc::TooLarge);
    ReadDesc total;
    total.max_total_bytes = 20;
    CHECK(read_bundle(Bytes(s), total).errc() == Errc::TooLarge);
}

TEST_CASE("writer output is deterministic: the same episodes give the same bytes", "[bundle]") {
    std::vector<Episode> eps = {odd_episode(), import_or_fail("some plain words and some more plain words", "p.txt")};
    auto a = write_bundle(eps);
    auto b = write_bundle(eps);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.value() == b.value());
}

// ---- The reader's fast word scan and text copy (decode_payload) against the plain definitions ----

namespace {

// Texts where a word scan or an 8-byte copy could go wrong: UTF-8 (Latin, CJK, emoji), invalid
// UTF-8, bytes next to the whitespace range (0x08, 0x0E, 0x1F, 0x21) and the whitespace bytes with
// their high bit set (0x89, 0x8A, 0xA0), punctuation, hyphens, apostrophes, runs and gaps of 7, 8,
// 9 and 17 bytes (chunk boundaries), \v and \f, text ending in a word, in punctuation and in spaces.
std::vector<std::string> tricky_texts() {
    return {
        "",
        " ",
        "a",
        "!",
        std::string("\0", 1),
        "caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 dash",
        "\xE4\xB8\xAD\xE6\x96\x87\xE6\xB2\xA1\xE6\x9C\x89\xE7\xA9\xBA\xE6\xA0\xBC \xF0\x9F\x98\x80\xF0\x9F\x98\x80 \xE6\x97\xA5\xE6\x9C\xAC",
        "bad \xFF\xFE utf8 \xC3 cut \xE2\x80 off \x80\x80\x80\x80\x80\x80\x80\x80\x80 cont",
        "near\x08" "space\x0E" "bytes\x1F" "and\x21" "bang \x89high\x8Atab\xA0nbsp",
        "Jiu-Jitsu, don't 'quoted' rock'n'roll -- (parens) [x] {y} \"z\" ...dots... -lead trail-",
        "1234567 12345678 123456789 12345678901234567 end",
        "a       b        c         d                 e",
        "\v\f\r\n\t mixed\v\fwhite\r\nspace\t\t",
        "!!! ??? ,,, ... --- ''' \"\"\"",
        "word,",
        "ends in spaces   ",
        "x\ty\nz\rw\vv\fu u",
        "....a.... ....b.... ,c, ,,d,,",
    };
}

// Words as importers make them: trimmed whitespace runs (WordCode::NextTrimmedRun), with every
// second one taken as its first token instead where it has one (NextToken).
Episode tricky_episode(const std::string& text) {
    Episode ep;
    ep.text = text;
    const auto* t = reinterpret_cast<const uint8_t*>(text.data());
    size_t cursor = 0, b, e;
    for (int k = 0; bundle_codec::next_trimmed_run(t, text.size(), cursor, b, e); ++k) {
        size_t tb, te;
        if (k % 2 && bundle_codec::next_token(t, text.size(), cursor, tb, te) && te <= e) { b = tb; e = te; }
        ep.words.push_back({uint32_t(b), uint32_t(e), uint32_t(100 * k), kNoSpeaker});
        cursor = e;
    }
    if (!ep.words.empty()) ep.cues = {{0, uint32_t(ep.words.size()), 0, uint32_t(100 * ep.words.size())}};
    return ep;
}

}  // namespace

TEST_CASE("space_bytes_mask marks exactly the ASCII whitespace bytes, in every byte of a word", "[bundle]") {
    for (int lane = 0; lane < 8; ++lane)
        for (int c = 0; c < 256; ++c)
            for (uint8_t fill : {uint8_t(' '), uint8_t('a'), uint8_t(0x89), uint8_t(0xFF), uint8_t(0)}) {
                uint8_t bytes[8];
                std::memset(bytes, fill, 8);
                bytes[lane] = uint8_t(c);
                uint64_t mask = bundle_codec::space_bytes_mask(bundle_codec::load_u64_le(bytes));
                for (int k = 0; k < 8; ++k) {
                    INFO("byte " << int(bytes[k]) << " in lane " << k);
                    CHECK(bool(mask >> (8 * k + 7) & 1) == is_ascii_space(char(bytes[k])));
                }
                CHECK((mask & ~0x8080808080808080ull) == 0);
            }
}

TEST_CASE("next_trimmed_run_padded finds what next_trimmed_run finds, from every cursor", "[bundle]") {
    std::vector<std::string> texts = tricky_texts();
    std::mt19937 rng(7);
    const char alphabet[] = " \t\n\v\f\r.,!-'\"aZ9\x80\xC3\xA9\xE4\xB8\xFF";
    for (int k = 0; k < 300; ++k) {  // random texts over bytes that matter to the scan
        std::string s(rng() % 40, ' ');
        for (char& c : s) c = alphabet[rng() % (sizeof alphabet - 1)];
        texts.push_back(s);
    }
    for (const std::string& text : texts)
      for (char pad : {'\0', ' ', 'a', '\n', '\x80'}) {  // what follows the text must not matter
        std::string padded = text + std::string(bundle_codec::kScanPad, pad);
        const auto* t = reinterpret_cast<const uint8_t*>(padded.data());
        for (size_t cursor = 0; cursor <= text.size(); ++cursor) {
            size_t b1 = 0, e1 = 0, b2 = 0, e2 = 0;
            bool ok1 = bundle_codec::next_trimmed_run(t, text.size(), cursor, b1, e1);
            bool ok2 = bundle_codec::next_trimmed_run_padded(t, text.size(), cursor, b2, e2);
            INFO("text \"" << text << "\" cursor " << cursor);
            REQUIRE(ok1 == ok2);
            if (ok1) {
                CHECK(b1 == b2);
                CHECK(e1 == e2);
            }
        }
      }
}

TEST_CASE("bundle round trip: tricky texts decode to the same text and words (fast scan and copy)", "[bundle]") {
    std::vector<Episode> eps;
    for (const std::string& text : tricky_texts()) eps.push_back(tricky_episode(text));
    // one episode holding them all: tokens of every length share one lexicon, the text ends in a word
    std::string all;
    for (const std::string& text : tricky_texts()) all += text + " ";
    all += "last";
    eps.push_back(tricky_episode(all));
    round_trip(eps);
    WriteDesc raw;
    raw.force_raw_text = true;
    round_trip(eps, raw);
}
