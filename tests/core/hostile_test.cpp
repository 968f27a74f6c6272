// Protects: every parser's behaviour on hostile input (docs/security.md): absurd declared sizes,
// deep or huge JSON, a 100 MB line, invalid UTF-8, NUL bytes, bidi and zero-width characters,
// huge, long, regex-like and HTML-like queries. Each case must give a clear error or a correct
// result: never a crash, a hang or an allocation proportional to a *declared* size.
#include <catch.hpp>

#include <atomic>
#include <ctime>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "app/model/app_model.h"
#include "core/bundle.h"
#include "core/bundle_codec.h"
#include "core/import.h"
#include "core/json.h"
#include "core/search.h"
#include "writer/bundle_writer.h"

using namespace tx;

// ---- Largest single operator-new allocation (to prove "refused before allocating") ----
// Replacing the global operator new/delete pairs is allowed by the standard; every variant that
// can allocate through malloc is replaced so ASan never sees mismatched pairs.
static std::atomic<size_t> g_largest_alloc{0};
static void note_alloc(size_t n) {
    size_t cur = g_largest_alloc.load(std::memory_order_relaxed);
    while (n > cur && !g_largest_alloc.compare_exchange_weak(cur, n, std::memory_order_relaxed)) {}
}
static void* counted_alloc(size_t n) {
    note_alloc(n);
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    return p;
}
void* operator new(size_t n) { return counted_alloc(n); }
void* operator new[](size_t n) { return counted_alloc(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept { note_alloc(n); return std::malloc(n ? n : 1); }
void* operator new[](size_t n, const std::nothrow_t&) noexcept { note_alloc(n); return std::malloc(n ? n : 1); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

void put32(std::string& s, size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) s[at + size_t(i)] = char((v >> (8 * i)) & 0xFF);
}
void put64(std::string& s, size_t at, uint64_t v) {
    for (int i = 0; i < 8; ++i) s[at + size_t(i)] = char((v >> (8 * i)) & 0xFF);
}
uint32_t crc_of(const std::string& s, size_t from, size_t n) {
    return bundle_codec::crc32(reinterpret_cast<const uint8_t*>(s.data()) + from, n);
}

// A zstd frame (single segment, no checksum) whose header declares `content` bytes but whose
// one block is raw and empty: what a hostile bundle would use to make a reader allocate.
std::string lying_zstd_frame(uint64_t content) {
    std::string f = "\x28\xB5\x2F\xFD";
    f += char(0xE0);  // frame header descriptor: 8-byte content size, single segment
    f.append(8, '\0');
    put64(f, 5, content);
    f += std::string("\x01\x00\x00", 3);  // last block, raw, 0 bytes
    return f;
}

// A bundle built by hand from the format spec: header + lexicon frame + directory frame.
std::string bundle_with_sections(const std::string& lexicon, const std::string& directory, uint32_t episodes) {
    std::string b(48, '\0');
    const char magic[] = "\x89TXB\r\n\x1A\n";
    std::memcpy(&b[0], magic, 8);
    put32(b, 8, 1);
    put32(b, 12, 0);
    put32(b, 16, episodes);
    put32(b, 20, 0);
    put32(b, 24, uint32_t(lexicon.size()));
    put32(b, 28, uint32_t(directory.size()));
    b += lexicon;
    b += directory;
    put64(b, 32, b.size());
    put32(b, 40, crc_of(b, 48, b.size() - 48));
    put32(b, 44, crc_of(b, 0, 44));
    return b;
}

Episode plain(std::string_view text, std::string title = "t") {
    ImportDesc d;
    d.format = Format::PlainText;
    auto e = import_transcript(Bytes(text), d);
    REQUIRE(e.ok());
    e.value().meta.title = std::move(title);
    return std::move(e.value());
}

Collection collection_of(std::vector<Episode> eps) {
    Collection c;
    for (auto& e : eps) REQUIRE(c.add(std::move(e)).ok());
    c.finish();
    return c;
}

// Whatever the result, a returned result must be internally consistent.
void check_consistent(const Collection& c, const Result<SearchResult>& r) {
    if (!r) {
        CHECK(r.errc() == Errc::BadQuery);
        CHECK_FALSE(r.message().empty());
        return;
    }
    for (const Hit& h : r->hits) {
        REQUIRE(h.doc < c.size());
        for (const ByteSpan& s : h.highlights) CHECK(s.end <= c.episode(h.doc).text.size());
        for (const ByteSpan& s : h.snippet.highlights) {
            CHECK(s.begin <= s.end);
            CHECK(s.end <= h.snippet.text.size());
        }
    }
}

bool valid_json(const std::string& s) { return json_parse(s).ok(); }

const std::string kInvalidUtf8[] = {
    "\xC0\xAF",          // overlong '/'
    "\xE0\x80\xAF",      // overlong '/', 3 bytes
    "\xF0\x80\x80\xAF",  // overlong '/', 4 bytes
    "\xED\xA0\x80",      // UTF-16 surrogate
    "\xF4\x90\x80\x80",  // above U+10FFFF
    "\xFF\xFE\xFD",      // never valid
    "\xE2\x82",          // truncated sequence
    "\x80\x80",          // lone continuation bytes
};

}  // namespace

TEST_CASE("hostile bundle: a section declaring 4 GiB is refused as TooLarge before allocating", "[hostile][bundle]") {
    std::string frame = lying_zstd_frame(uint64_t(4) << 30);
    std::string b = bundle_with_sections(frame, frame, 1);
    g_largest_alloc = 0;
    auto r = read_bundle(Bytes(b));
    REQUIRE_FALSE(r.ok());
    CHECK(r.errc() == Errc::TooLarge);
    CHECK_FALSE(r.message().empty());
    CHECK(g_largest_alloc.load() < (size_t(1) << 20));  // nothing near the declared size
    // Even with caps raised to "allow" it, the empty block cannot fill the declared 4 GiB.
    ReadDesc loose;
    loose.max_frame_bytes = size_t(8) << 30;
    loose.max_total_bytes = uint64_t(16) << 30;
    (void)loose;  // (not run: on a 64-bit host that would legitimately try to allocate 4 GiB)
}

TEST_CASE("hostile bundle: 4 billion declared episodes are refused without allocating them", "[hostile][bundle]") {
    auto good = write_bundle({plain("hello world")});
    REQUIRE(good.ok());
    std::string b = good.value();
    put32(b, 16, 0xFFFFFFFFu);
    put32(b, 44, crc_of(b, 0, 44));  // a consistent header: only the count lies
    g_largest_alloc = 0;
    auto r = read_bundle(Bytes(b));
    REQUIRE_FALSE(r.ok());
    CHECK((r.errc() == Errc::Corrupt || r.errc() == Errc::TooLarge));
    CHECK(g_largest_alloc.load() < (size_t(1) << 20));
}

TEST_CASE("hostile bundle: a header claiming a 4 GiB file is Truncated, not read past the end", "[hostile][bundle]") {
    auto good = write_bundle({plain("hello world")});
    REQUIRE(good.ok());
    std::string b = good.value();
    put64(b, 32, (uint64_t(4) << 30) + 17);
    put32(b, 44, crc_of(b, 0, 44));
    auto r = read_bundle(Bytes(b));
    REQUIRE_FALSE(r.ok());
    CHECK(r.errc() == Errc::Truncated);
}

TEST_CASE("hostile JSON: 100,000 nested arrays and objects are Malformed, not a stack overflow", "[hostile][json]") {
    for (const char* open : {"[", "{\"a\":", "{\"segments\":"}) {
        std::string doc;
        for (int i = 0; i < 100000; ++i) doc += open;
        auto j = json_parse(doc);
        CHECK_FALSE(j.ok());
        ImportDesc d;
        d.format = Format::WhisperJSON;
        auto e = import_transcript(Bytes(doc), d);
        REQUIRE_FALSE(e.ok());
        CHECK(e.errc() == Errc::Malformed);
    }
    // the limit's depth still parses; twice as deep does not (the root counts as depth 0, so the
    // exact cut-off is kJsonMaxDepth + 1 nested containers)
    std::string at(kJsonMaxDepth, '['), over(2 * kJsonMaxDepth, '[');
    at += std::string(kJsonMaxDepth, ']');
    over += std::string(2 * kJsonMaxDepth, ']');
    CHECK(json_parse(at).ok());
    CHECK_FALSE(json_parse(over).ok());
}

TEST_CASE("hostile JSON: 200,000 Whisper segments and a 4 MB string import completely", "[hostile][json]") {
    std::string doc = "{\"segments\": [";
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        if (i) doc += ',';
        doc += "{\"start\": " + std::to_string(i) + ".0, \"end\": " + std::to_string(i) + ".5, \"text\": \" w" +
               std::to_string(i) + "\"}";
    }
    doc += "]}";
    ImportDesc d;
    d.format = Format::WhisperJSON;
    auto e = import_transcript(Bytes(doc), d);
    REQUIRE(e.ok());
    CHECK(e->words.size() == size_t(n));
    CHECK(e->words.back().start_ms == uint32_t(n - 1) * 1000);

    std::string big(4 << 20, 'x');
    std::string doc2 = "{\"segments\": [{\"start\": 0, \"end\": 1, \"text\": \"" + big + " tail\"}]}";
    auto e2 = import_transcript(Bytes(doc2), d);
    REQUIRE(e2.ok());
    REQUIRE(e2->words.size() == 2);
    CHECK(e2->words[0].end - e2->words[0].begin == big.size());
}

TEST_CASE("hostile JSON: absurd numbers and lone surrogate escapes are errors or clean text", "[hostile][json]") {
    const char* docs[] = {
        "{\"segments\": [{\"start\": 1e999, \"end\": 2, \"text\": \"a\"}]}",
        "{\"segments\": [{\"start\": -0.5, \"end\": 2, \"text\": \"a\"}]}",
        "{\"segments\": [{\"start\": 0, \"end\": 1e300, \"text\": \"a\"}]}",
        "{\"segments\": [{\"start\": 0, \"end\": 1, \"text\": \"\\ud800 \\udc00 \\u0000 ok\"}]}",
        "{\"segments\": [{\"start\": 0, \"end\": 1, \"text\": \"\\u12\"}]}",
        "{\"segments\": [{\"start\": NaN, \"end\": 1, \"text\": \"a\"}]}",
    };
    ImportDesc d;
    d.format = Format::WhisperJSON;
    for (const char* doc : docs) {
        INFO(doc);
        auto e = import_transcript(Bytes(std::string_view(doc)), d);
        if (!e) {
            CHECK(e.errc() == Errc::Malformed);
            CHECK_FALSE(e.message().empty());
        } else {
            for (const Word& w : e->words) CHECK(w.end <= e->text.size());
        }
    }
}

TEST_CASE("hostile text: a 100 MB single line imports, indexes and searches", "[hostile][text]") {
    // ~100 MB, no newline: 14.3 million words drawn from a 7-word cycle plus one rare word.
    const std::string unit = "alpha beta gamma delta epsilon zeta eta ";
    std::string line;
    line.reserve(100u << 20);
    while (line.size() + unit.size() < (100u << 20)) line += unit;
    size_t cycles = line.size() / unit.size();
    line += "needle";
    ImportDesc d;
    d.format = Format::PlainText;
    auto e = import_transcript(Bytes(line), d);
    REQUIRE(e.ok());
    REQUIRE(e->words.size() == cycles * 7 + 1);
    CHECK(e->text.size() == line.size());
    Collection c;
    REQUIRE(c.add(std::move(e.value())).ok());
    c.finish();
    auto r = c.search("needle");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 1);
    CHECK(r->hits[0].word == cycles * 7);
}

TEST_CASE("hostile text: a 100 MB line without any separator is one word, not a hang", "[hostile][text]") {
    std::string line(100u << 20, 'q');
    for (Format f : {Format::PlainText, Format::Auto}) {
        ImportDesc d;
        d.format = f;
        auto e = import_transcript(Bytes(line), d);
        REQUIRE(e.ok());
        CHECK(e->words.size() == 1);
    }
    // as a WebVTT cue and an SRT cue it is one (long) word too, or a clean error
    std::string vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\n" + line.substr(0, 10u << 20) + "\n";
    ImportDesc dv;
    dv.format = Format::WebVTT;
    auto v = import_transcript(Bytes(vtt), dv);
    if (v) CHECK(v->words.size() == 1);
    else CHECK(v.errc() == Errc::Malformed);
}

// Each '<' without a '>' after it, and each <head> or <title> never closed, searched the rest
// of the page again: quadratic (20 MB of them took minutes).
TEST_CASE("hostile HTML: 20 MB of unclosed '<', <head>s and <title>s import in one pass, without markup", "[hostile][html]") {
    // CPU time, not wall time: the machine may be busy with other work
    const auto ms_since = [](std::clock_t t0) { return long(double(std::clock() - t0) * 1000.0 / CLOCKS_PER_SEC); };
    for (const std::string unit : {"a <b ", "<head>x ", "<title>y ", "</ z ", "<p>q &amp; "}) {
        std::string page = "<html><body>";
        while (page.size() < (20u << 20)) page += unit;
        ImportDesc d;
        d.format = Format::HTML;
        const std::clock_t t0 = std::clock();
        auto e = import_transcript(Bytes(page), d);
        INFO(unit << " took " << ms_since(t0) << " ms");
        CHECK(ms_since(t0) < 20000);  // about a second in a Release build; minutes when quadratic
        if (e) CHECK(e->text.find("<head") == std::string::npos);
        else CHECK(e.errc() == Errc::Malformed);
    }
}

// The importer audit's additions (voice turns inside a cue, roll-up captions, UTF-16) look at
// every voice tag, every repeated line and every byte: each must stay linear on a huge file.
TEST_CASE("hostile subtitles: 4 MB cues of voice tags, of repeated lines, and a 20 MB UTF-16 file import in linear time", "[hostile][subtitles]") {
    const auto ms_since = [](std::clock_t t0) { return long(double(std::clock() - t0) * 1000.0 / CLOCKS_PER_SEC); };
    std::string voices = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n";
    while (voices.size() < (4u << 20)) voices += "<v A> <v.b B> ";
    voices += "word\n";
    std::string rolled;  // two cues of the same 200,000 different lines, then a roll-up pair
    for (int c = 0; c < 2; ++c) {
        rolled += std::to_string(c + 1) + "\n00:00:0" + std::to_string(c) + ",000 --> 00:00:0" + std::to_string(c + 1) + ",000\n";
        for (int k = 0; k < 200000; ++k) rolled += "line " + std::to_string(k) + "\n";
        rolled += "\n";
    }
    rolled += "3\n00:00:02,000 --> 00:00:03,000\nline 199999\nnew line\n\n4\n00:00:03,000 --> 00:00:04,000\nnew line\nlast\n";
    std::string utf16 = "\xFF\xFE";
    while (utf16.size() < (20u << 20)) utf16.append("w\0o\0r\0d\0 \0", 10);
    const struct { const char* name; const std::string* data; } cases[] = {{"v.vtt", &voices}, {"r.srt", &rolled}, {"u.txt", &utf16}};
    for (const auto& c : cases) {
        ImportDesc d;
        d.name = c.name;
        const std::clock_t t0 = std::clock();
        auto e = import_transcript(Bytes(*c.data), d);
        INFO(c.name << " took " << ms_since(t0) << " ms: " << e.message());
        CHECK(ms_since(t0) < 20000);  // a second or two in a Release build; hours when quadratic
        REQUIRE(e.ok());
        CHECK(!e->words.empty());
    }
}

// A TTML <p> starts a speaker turn at each <span> naming another speaker unless the text since
// the last turn is blank: looking at that text again for every span was quadratic.
TEST_CASE("hostile TTML: an 8 MB <p> of blank spans switching speakers imports in linear time", "[hostile][ttml]") {
    const auto ms_since = [](std::clock_t t0) { return long(double(std::clock() - t0) * 1000.0 / CLOCKS_PER_SEC); };
    std::string t = "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div><p begin=\"1s\" end=\"2s\">";
    for (bool a = false; t.size() < (8u << 20); a = !a) t += a ? "<span ttm:agent=\"a\"> </span>" : "<span ttm:agent=\"b\"> </span>";
    t += "word</p></div></body></tt>";
    ImportDesc d;
    d.name = "spans.ttml";
    const std::clock_t t0 = std::clock();
    auto e = import_transcript(Bytes(t), d);
    INFO("took " << ms_since(t0) << " ms: " << e.message());
    CHECK(ms_since(t0) < 20000);  // well under a second in a Release build; about a minute when quadratic
    REQUIRE(e.ok());
    CHECK(e->words.size() == 1);
}

TEST_CASE("hostile text: importers refuse invalid UTF-8 and overlong sequences, naming the line", "[hostile][utf8]") {
    for (const std::string& bad : kInvalidUtf8) {
        std::string text = "before " + bad + " after x" + bad + "y";
        std::string vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Sp" + bad + ">" + text + "\n";
        std::string srt = "1\n00:00:00,000 --> 00:00:01,000\n" + text + "\n";
        std::string json = "{\"segments\": [{\"start\": 0, \"end\": 1, \"text\": \"" + text + "\"}]}";
        std::pair<Format, std::string> inputs[] = {
            {Format::PlainText, text}, {Format::WebVTT, vtt}, {Format::SRT, srt}, {Format::WhisperJSON, json}, {Format::Auto, vtt}};
        for (auto& [fmt, data] : inputs) {
            INFO("format " << format_name(fmt) << ", bad bytes " << bad.size());
            ImportDesc d;
            d.format = fmt;
            auto e = import_transcript(Bytes(data), d);
            REQUIRE_FALSE(e.ok());
            CHECK(e.errc() == Errc::Malformed);
            CHECK(e.message().find("UTF-8") != std::string::npos);
            CHECK(e.message().find("line ") != std::string::npos);
        }
    }
}

TEST_CASE("hostile bundle: invalid UTF-8 in text, title and speakers is kept byte-exact and the JSON state still parses", "[hostile][utf8]") {
    // Another writer may put any bytes in a bundle; the format is lossless and the UI must cope.
    for (const std::string& bad : kInvalidUtf8) {
        INFO("bad bytes " << bad.size());
        Episode e;
        e.text = "before " + bad + " after x" + bad + "y";
        e.meta.title = "title" + bad;
        e.meta.speakers = {"Sp" + bad};
        uint32_t b = 0;
        for (uint32_t i = 0; i <= e.text.size(); ++i)
            if (i == e.text.size() || e.text[i] == ' ') {
                if (i > b) e.words.push_back({b, i, uint32_t(e.words.size() * 300), 0});
                b = i + 1;
            }
        REQUIRE(e.words.size() == 4);  // before, the bad bytes, after, x<bad>y
        auto bytes = write_bundle({e});
        REQUIRE(bytes.ok());
        auto rb = read_bundle(Bytes(bytes.value()));
        REQUIRE(rb.ok());
        auto back = rb->decode_episode(0);
        REQUIRE(back.ok());
        CHECK(back->text == e.text);
        CHECK(back->meta.title == e.meta.title);
        CHECK(back->meta.speakers == e.meta.speakers);
        AppModel m;
        REQUIRE(m.load_bundle(Bytes(bytes.value())).ok());
        m.set_query("after");
        CHECK(m.total_occurrences() == 1);
        CHECK(valid_json(m.state_json()));
        m.set_query("after " + bad);
        CHECK(valid_json(m.state_json()));
        m.set_query("speaker:sp" + bad);
        CHECK(valid_json(m.state_json()));
        CHECK(m.quote(0, 3, "https://example.org/").find(e.meta.title) != std::string::npos);
    }
}

TEST_CASE("hostile text: NUL bytes are ordinary separators, kept byte-exact", "[hostile][nul]") {
    std::string text("alpha\0beta\0\0gamma", 17);
    Episode e = plain(text, std::string("ti\0tle", 6));
    // Plain-text words are whitespace-delimited, so the reader shows one word; the search tokenizer
    // treats NUL as a separator (below), so each part is still found.
    CHECK(e.words.size() == 1);
    auto b = write_bundle({e});
    REQUIRE(b.ok());
    auto rb = read_bundle(Bytes(b.value()));
    REQUIRE(rb.ok());
    auto back = rb->decode_episode(0);
    REQUIRE(back.ok());
    CHECK(back->text == text);
    CHECK(back->meta.title == e.meta.title);
    Collection c = collection_of({back.value()});
    auto r = c.search("beta");
    REQUIRE(r.ok());
    CHECK(r->hits.size() == 1);
    check_consistent(c, c.search(std::string_view("be\0ta", 5)));
    AppModel m;
    REQUIRE(m.load_bundle(Bytes(b.value())).ok());
    m.set_query(std::string("gamma\0", 6));
    CHECK(valid_json(m.state_json()));
    // in WebVTT and SRT cues too
    std::string vtt = std::string("WEBVTT\n\n00:00.000 --> 00:01.000\nx\0y\n", 36);
    ImportDesc d;
    d.format = Format::WebVTT;
    auto v = import_transcript(Bytes(vtt), d);
    if (v) CHECK(v->text.find(std::string("x\0y", 3)) != std::string::npos);
    else CHECK(v.errc() == Errc::Malformed);
    // a raw NUL inside a JSON string is not JSON; the escaped form is text
    ImportDesc dj;
    dj.format = Format::WhisperJSON;
    std::string raw = std::string("{\"segments\": [{\"start\": 0, \"end\": 1, \"text\": \"a\0b\"}]}", 52);
    auto jr = import_transcript(Bytes(raw), dj);
    CHECK_FALSE(jr.ok());
}

TEST_CASE("hostile text: right-to-left overrides and zero-width characters in titles and speakers", "[hostile][bidi]") {
    const std::string rlo = "\xE2\x80\xAE", pdf = "\xE2\x80\xAC", zwsp = "\xE2\x80\x8B", rlm = "\xE2\x80\x8F",
                      zwj = "\xE2\x80\x8D", bom = "\xEF\xBB\xBF";
    std::string vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\n<v " + rlo + "Ann" + pdf + ">hello there\n\n"
                      "00:01.000 --> 00:02.000\n<v B" + zwsp + "ob" + rlm + ">general kenobi\n";
    ImportDesc d;
    d.format = Format::WebVTT;
    auto e = import_transcript(Bytes(vtt), d);
    REQUIRE(e.ok());
    REQUIRE(e->meta.speakers.size() == 2);
    CHECK(e->meta.speakers[0] == rlo + "Ann" + pdf);
    CHECK(e->meta.speakers[1] == "B" + zwsp + "ob" + rlm);
    e->meta.title = rlo + "txt.exe" + pdf + zwj + bom;
    auto b = write_bundle({e.value()});
    REQUIRE(b.ok());
    auto rb = read_bundle(Bytes(b.value()));
    REQUIRE(rb.ok());
    CHECK(rb->episode(0).meta.title == e->meta.title);
    CHECK(rb->episode(0).meta.speakers == e->meta.speakers);
    AppModel m;
    REQUIRE(m.load_bundle(Bytes(b.value())).ok());
    // speaker filters see the names as stored (case-insensitive "contains")
    m.set_query("speaker:ann hello");
    CHECK(m.total_occurrences() == 1);
    m.set_query("speaker:bob general");  // the invisible ZWSP is dropped from "B<ZWSP>ob" as from any word
    CHECK(m.total_occurrences() == 1);
    m.set_query("speaker:\"B" + zwsp + "ob\" general");
    CHECK(m.total_occurrences() == 1);
    m.set_query(rlo + "hello" + zwsp);
    CHECK(valid_json(m.state_json()));
    std::string q = m.quote(0, 1, "https://example.org/x");
    CHECK(q.find(e->meta.title) != std::string::npos);
}

TEST_CASE("hostile query: 1 MB and 10,000-term queries are refused with a message", "[hostile][query]") {
    Collection c = collection_of({plain("to be or not to be that is the question"), plain("mark zuckerberg on open source")});
    std::string huge(1 << 20, 'a');
    auto r1 = c.search(huge);
    REQUIRE_FALSE(r1.ok());
    CHECK(r1.errc() == Errc::BadQuery);
    std::string terms;
    for (int i = 0; i < 10000; ++i) terms += "t" + std::to_string(i % 97) + " ";
    auto r2 = c.search(terms);
    REQUIRE_FALSE(r2.ok());
    CHECK(r2.errc() == Errc::BadQuery);
    CHECK(r2.message().find("1024") != std::string::npos);
    // The model shows the error and keeps a consistent, parseable state.
    AppModel m;
    m.load_episodes({plain("to be or not to be")});
    m.set_query(huge);
    CHECK_FALSE(m.query_error().empty());
    CHECK(m.results().empty());
    CHECK(valid_json(m.state_json()));
    m.set_query(terms);
    CHECK_FALSE(m.query_error().empty());
    m.set_query("question");
    CHECK(m.query_error().empty());
}

TEST_CASE("hostile query: the most terms that fit in 1 KB are capped with a warning, still correct", "[hostile][query]") {
    // distinct words (a repeated one is searched once): the first 32 are all in the text
    std::string text;
    for (int i = 0; i < 40; ++i) text += "w" + std::to_string(i) + " ";
    Collection c = collection_of({plain("to be or not to be that is the question " + text)});
    std::string many;
    for (int i = 0; many.size() + 5 < kMaxQueryBytes; ++i) many += "w" + std::to_string(i % 40) + " ";
    auto r = c.search(many);
    REQUIRE(r.ok());
    CHECK(r->hits.size() == 1);
    CHECK_FALSE(r->warnings.empty());
    std::string ors = "zzz";
    while (ors.size() + 7 < kMaxQueryBytes) ors += " OR zzz";
    ors += " OR be";
    check_consistent(c, c.search(ors));
}

TEST_CASE("hostile query: regex- and HTML-like queries are plain words, matched as such", "[hostile][query]") {
    // Punctuation inside a whitespace-free word joins its parts into a phrase ("jiu-jitsu"), so
    // "<b>bold</b>" means the phrase "b bold b", and "^mark$" the word mark.
    Collection c = collection_of({plain("mark said script alert 1 script b bold b img src x onerror alert 1"),
                                  plain("nothing here")});
    const std::pair<const char*, const char*> same[] = {
        {"^mark$", "mark"},
        {"(mark|said)+", "\"mark said\""},
        {"<script>alert(1)</script>", "\"script alert 1 script\""},
        {"<img src=x onerror=alert(1)>", "img \"src x\" \"onerror alert 1\""},
        {"<b>bold</b>", "\"b bold b\""},
        {"mark.said", "\"mark said\""},
    };
    for (auto& [hostile, words] : same) {
        INFO(hostile);
        auto a = c.search(hostile), b = c.search(words);
        check_consistent(c, a);
        REQUIRE(a.ok() == b.ok());
        if (!a.ok()) continue;
        CHECK(b->hits.size() == 1);
        CHECK(a->hits.size() == b->hits.size());
        CHECK(a->occurrences == b->occurrences);
    }
    for (const char* q : {".*", "*", "**", "***", "-*", "\\d+", "[a-z]{3}", "\"", "\"\"", "OR", "OR OR", "-",
                          "speaker:", "speaker:\"", "a OR", "OR a", "m*", "%s%s%n", "${jndi:x}", "&lt;script&gt;",
                          "\\", "'", "''", "' OR 1=1 --", "\xEF\xBF\xBD", "\xC0\xAF"}) {
        INFO(q);
        check_consistent(c, c.search(q));
    }
}

TEST_CASE("hostile link: a deep-link time beyond 2^32 ms goes to the end, not wrapped to the start", "[hostile][link]") {
    // 4294968 s * 1000 wraps a 32-bit millisecond count to 704 ms; the reader must go to the end.
    std::string text;
    for (int i = 0; i < 200; ++i) text += "word" + std::to_string(i) + " ";
    AppModel m;
    m.load_episodes({plain(text)});
    m.apply_deep_link("ep=0&t=4294968");
    CHECK(m.reader_word() == 199);
    m.apply_deep_link("ep=0&t=999999999");
    CHECK(m.reader_word() == 199);
    m.apply_deep_link("ep=0&t=0");
    CHECK(m.reader_word() == 0);
    for (const char* h : {"ep=4294967295&t=1", "ep=-1", "t=-5", "q=%", "q=%zz%4", "&&&==&", "#", "q=a&q=b&q=%00",
                          "ep=0000000001&t=00000000001"}) {
        m.apply_deep_link(h);
        CHECK(m.episode() == 0);
        CHECK(valid_json(m.state_json()));
    }
}

// TTML is read tag by tag (import.cpp's TTML section): 20 MB of cues, spans and agents, or of
// empty timed <div>s, must import in one pass, and a file of unclosed quotes or tags fail at once.
TEST_CASE("hostile TTML: 20 MB of cues, spans, agents and empty <div>s import in linear time", "[hostile][ttml]") {
    const auto ms_since = [](std::clock_t t0) { return long(double(std::clock() - t0) * 1000.0 / CLOCKS_PER_SEC); };
    for (const std::string unit : {"<p begin=\"1s\" end=\"2s\" ttm:agent=\"a\"><span ttm:agent=\"b\">x &amp;</span><br/>y</p>\n",
                                   "<div begin=\"1s\"></div><!-- c -->\n", "<p begin=\"1s\"><span>&#x41;<![CDATA[z]]></span></p>"}) {
        std::string doc = "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><p begin=\"0s\">w</p>";
        while (doc.size() < (20u << 20)) doc += unit;
        doc += "</body></tt>";
        ImportDesc d;
        d.name = "h.ttml";
        const std::clock_t t0 = std::clock();
        auto e = import_transcript(Bytes(doc), d);
        INFO(unit << " took " << ms_since(t0) << " ms: " << e.message());
        CHECK(ms_since(t0) < 20000);  // a second or two in a Release build; minutes when quadratic
        CHECK(e.ok());
    }
    for (const std::string unit : {"<p begin=\"", "<span "}) {
        std::string doc = "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body>";
        while (doc.size() < (20u << 20)) doc += unit;
        const std::clock_t t0 = std::clock();
        auto e = import_transcript(Bytes(doc), ImportDesc{});
        INFO(unit << " took " << ms_since(t0) << " ms");
        CHECK(ms_since(t0) < 20000);
        CHECK(e.message() == "line 1: tag not closed (no '>')");
    }
}
