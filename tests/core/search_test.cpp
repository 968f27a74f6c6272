// Search engine tests. The oracle below is written independently of src/core: it tokenises the
// text itself (ASCII: lowercase, delete apostrophes, split on any other non-alphanumeric byte)
// and scans the token stream; the engine must report exactly the same match positions.
#include <catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/import.h"
#include "core/topics/topics.h"
#include "core/search.h"
#include "core/text.h"
#include "test_util.h"

using namespace tx;

namespace {

// ---- the oracle ----

struct OTok {
    std::string text;
    uint32_t word;  // index of the whitespace word (after dropping words without letters/digits)
};

struct ODoc {
    std::vector<OTok> toks;
};

// Words: whitespace runs that contain at least one letter or digit (the demo is ASCII).
ODoc oracle_tokens(const std::string& text) {
    ODoc d;
    uint32_t word = 0;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(uint8_t(text[i]))) ++i;
        size_t s = i;
        while (i < text.size() && !std::isspace(uint8_t(text[i]))) ++i;
        if (s == i) break;
        std::string cur;
        bool any = false;
        for (size_t k = s; k <= i; ++k) {
            char c = k < i ? text[k] : ' ';
            if (std::isalnum(uint8_t(c))) cur += char(std::tolower(uint8_t(c)));
            else if (c == '\'') continue;
            else if (!cur.empty()) {
                d.toks.push_back({cur, word});
                cur.clear();
                any = true;
            }
        }
        if (any) ++word;
    }
    return d;
}

using Key = std::tuple<uint32_t, uint32_t, uint32_t>;  // doc, first word, last word

std::set<Key> oracle_phrase(const std::vector<ODoc>& docs, const std::vector<std::string>& phrase, bool prefix_last,
                            size_t* count = nullptr) {
    std::set<Key> out;
    size_t n = 0;
    for (uint32_t d = 0; d < docs.size(); ++d) {
        const auto& t = docs[d].toks;
        for (size_t i = 0; i + phrase.size() <= t.size(); ++i) {
            bool ok = true;
            for (size_t k = 0; k < phrase.size() && ok; ++k) {
                const std::string& tok = t[i + k].text;
                if (prefix_last && k + 1 == phrase.size()) ok = tok.compare(0, phrase[k].size(), phrase[k]) == 0;
                else ok = tok == phrase[k];
            }
            if (ok) {
                out.insert({d, t[i].word, t[i + phrase.size() - 1].word});
                ++n;
            }
        }
    }
    if (count) *count = n;
    return out;
}

// Same scan, but starting only at the positions where the first token occurs (still a direct
// comparison of the token stream; the map just avoids rescanning every position per query).
using FirstIndex = std::map<std::string, std::vector<std::pair<uint32_t, uint32_t>>>;
FirstIndex first_index(const std::vector<ODoc>& docs) {
    FirstIndex ix;
    for (uint32_t d = 0; d < docs.size(); ++d)
        for (uint32_t i = 0; i < docs[d].toks.size(); ++i) ix[docs[d].toks[i].text].push_back({d, i});
    return ix;
}

std::set<Key> oracle_phrase_at(const std::vector<ODoc>& docs, const FirstIndex& ix, const std::vector<std::string>& phrase,
                               size_t* count) {
    std::set<Key> out;
    size_t n = 0;
    auto it = ix.find(phrase[0]);
    if (it != ix.end())
        for (auto [d, i] : it->second) {
            const auto& t = docs[d].toks;
            if (i + phrase.size() > t.size()) continue;
            bool ok = true;
            for (size_t k = 1; k < phrase.size() && ok; ++k) ok = t[i + k].text == phrase[k];
            if (ok) {
                out.insert({d, t[i].word, t[i + phrase.size() - 1].word});
                ++n;
            }
        }
    *count = n;
    return out;
}

std::set<Key> engine_exact(const SearchResult& r) {
    std::set<Key> out;
    for (const auto& m : r.matches)
        if (m.level == MatchLevel::Exact) out.insert({m.doc, m.first_word, m.first_word + m.word_count - 1});
    return out;
}

SearchDesc exact_desc() {
    SearchDesc d;
    d.limit = 1;
    d.stems = d.typos = d.phonetic = d.variants = false;
    d.max_expansions = 1000000;
    return d;
}

// Import a WebVTT text and add it to c.
void add_vtt(Collection& c, const std::string& vtt) {
    ImportDesc d;
    d.format = Format::WebVTT;
    auto ep = import_transcript(Bytes(vtt), d);
    REQUIRE(ep.ok());
    REQUIRE(c.add(std::move(ep.value())).ok());
}

Episode import_text(const std::string& text, const std::string& name) {
    ImportDesc d;
    d.name = name;
    d.format = Format::PlainText;
    auto r = import_transcript(Bytes(text), d);
    REQUIRE(r.ok());
    return std::move(r.value());
}

std::string filler(int n) {  // pushes the next words into a later ~30 s passage
    std::string s;
    for (int i = 0; i < n; ++i) s += "filler ";
    return s;
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
}

// Check every distinct token, `phrases` sampled 2-3 token phrases and `prefixes` sampled
// prefixes against the oracle.
void run_oracle(const Collection& c, const std::vector<ODoc>& docs, size_t max_words, size_t phrases, size_t prefixes,
                uint32_t seed) {
    SearchDesc ed = exact_desc();
    const FirstIndex fidx = first_index(docs);
    // the shortcut agrees with the plain scan (checked on a few words)
    for (const char* w : {"the", "metaverse", "jiu"}) {
        size_t a = 0, b = 0;
        REQUIRE(oracle_phrase(docs, {w}, false, &a) == oracle_phrase_at(docs, fidx, {w}, &b));
        REQUIRE(a == b);
    }
    std::set<std::string> vocab_set;
    for (const auto& d : docs)
        for (const auto& t : d.toks) vocab_set.insert(t.text);
    std::vector<std::string> vocab(vocab_set.begin(), vocab_set.end());
    std::mt19937 rng(seed);
    if (max_words && vocab.size() > max_words) {
        std::shuffle(vocab.begin(), vocab.end(), rng);
        vocab.resize(max_words);
    }
    size_t checked = 0;
    for (const auto& w : vocab) {
        size_t n = 0;
        auto expect = oracle_phrase_at(docs, fidx, {w}, &n);
        auto r = c.search("\"" + w + "\"", ed);
        REQUIRE(r.ok());
        INFO("word: " << w);
        REQUIRE(engine_exact(r.value()) == expect);
        bool joined = false;
        for (const auto& m : r->matches) joined = joined || m.level != MatchLevel::Exact;
        if (!joined) REQUIRE(r->occurrences == n);
        ++checked;
    }
    CHECK(checked == vocab.size());

    // phrases drawn from the text
    size_t total_tokens = 0;
    for (const auto& d : docs) total_tokens += d.toks.size();
    for (size_t k = 0; k < phrases; ++k) {
        size_t len = 2 + (k % 2);
        const ODoc& d = docs[rng() % docs.size()];
        size_t at = rng() % (d.toks.size() - len);
        std::vector<std::string> p;
        for (size_t i = 0; i < len; ++i) p.push_back(d.toks[at + i].text);
        size_t n = 0;
        auto expect = oracle_phrase_at(docs, fidx, p, &n);
        auto r = c.search("\"" + join(p) + "\"", ed);
        REQUIRE(r.ok());
        INFO("phrase: " << join(p));
        REQUIRE(!expect.empty());
        REQUIRE(engine_exact(r.value()) == expect);
    }

    // prefixes of sampled tokens
    for (size_t k = 0; k < prefixes; ++k) {
        const ODoc& d = docs[rng() % docs.size()];
        const std::string& t = d.toks[rng() % d.toks.size()].text;
        std::string p = t.substr(0, 1 + rng() % t.size());
        auto expect = oracle_phrase(docs, {p}, true);
        auto r = c.search(p + "*", ed);
        REQUIRE(r.ok());
        INFO("prefix: " << p);
        REQUIRE(engine_exact(r.value()) == expect);
    }
}

const Collection& demo_collection() {
    static Collection c = [] {
        Collection cc;
        auto r = cc.add(import_text(txtest::read_file(txtest::demo_path()), "demo"));
        REQUIRE(r.ok());
        return cc;
    }();
    return c;
}

}  // namespace

TEST_CASE("oracle: every word, 2,000 phrases and sampled prefixes of the demo match exactly", "[search][oracle]") {
    const std::string text = txtest::read_file(txtest::demo_path());
    REQUIRE(text.size() > 100000);
    std::vector<ODoc> docs{oracle_tokens(text)};
    const Collection& c = demo_collection();
    REQUIRE(c.episode(0).words.size() == count_words(text));  // the demo has no punctuation-only words
    run_oracle(c, docs, 0, 2000, 300, 1234);
}

// Three times: as built (every posting list decoded); compacted with passage summaries and skip
// entries for every word with >= 64 occurrences (phrases then look frequent words up per episode
// and per place) and position bit sets for the densest ones; and compacted with a bit set for every
// summarised word (phrases of such words then AND shifted bit sets, the others test one bit).
TEST_CASE("oracle: a deterministically shuffled 10x corpus matches exactly (sampled)", "[search][oracle]") {
    const int mode = GENERATE(0, 1, 2);
    const bool compacted = mode > 0;
    INFO((mode == 0 ? "as built" : mode == 1 ? "compacted, summaries from 64 occurrences" : "compacted, bit sets for every summarised word"));
    const std::string text = txtest::read_file(txtest::demo_path());
    std::vector<std::string> words;
    {
        size_t i = 0;
        while (i < text.size()) {
            while (i < text.size() && std::isspace(uint8_t(text[i]))) ++i;
            size_t s = i;
            while (i < text.size() && !std::isspace(uint8_t(text[i]))) ++i;
            if (i > s) words.push_back(text.substr(s, i - s));
        }
    }
    IndexDesc idesc;
    idesc.summary_min = 64;
    if (mode == 2) idesc.bitmap_max_ratio = 1000000;
    Collection c(idesc);
    std::vector<ODoc> docs;
    std::mt19937 rng(42);
    for (int copy = 0; copy < 10; ++copy) {
        // shuffle 8-word chunks so phrases both survive and get new neighbours
        std::vector<size_t> chunks;
        for (size_t k = 0; k < words.size(); k += 8) chunks.push_back(k);
        std::shuffle(chunks.begin(), chunks.end(), rng);
        std::string t;
        for (size_t k : chunks)
            for (size_t j = k; j < std::min(words.size(), k + 8); ++j) t += words[j] + ' ';
        docs.push_back(oracle_tokens(t));
        REQUIRE(c.add(import_text(t, "copy" + std::to_string(copy)), false).ok());
    }
    if (compacted) c.finish();
    else c.commit();
    REQUIRE(c.index().has_summary(c.index().find("the")) == compacted);
    // "the" is dense enough for a bit set by default; "facebook" (~1 in 3000 tokens) only when
    // every summarised word gets one
    REQUIRE((c.index().position_bits(c.index().find("the"), 3) != nullptr) == compacted);
    REQUIRE((c.index().position_bits(c.index().find("facebook"), 3) != nullptr) == (mode == 2));
    run_oracle(c, docs, 600, 2000, 200, 99);
}

// The cue (= passage of a plain-text episode) of each word.
std::vector<uint32_t> cue_of_words(const Episode& ep) {
    std::vector<uint32_t> cue_of(ep.words.size());
    for (uint32_t k = 0; k < ep.cues.size(); ++k)
        for (uint32_t w = 0; w < ep.cues[k].word_count; ++w) cue_of[ep.cues[k].first_word + w] = k;
    return cue_of;
}

TEST_CASE("oracle: bare words AND within the same ~30 s passage", "[search][oracle]") {
    const std::string text = txtest::read_file(txtest::demo_path());
    ODoc od = oracle_tokens(text);
    const Collection& c = demo_collection();
    // plain text passages are its ~30 s cues (82 words at 164 words/min, ending at a sentence end)
    const std::vector<uint32_t> cue_of = cue_of_words(c.episode(0));
    std::mt19937 rng(7);
    SearchDesc d = exact_desc();
    for (int k = 0; k < 300; ++k) {
        std::string a = od.toks[rng() % od.toks.size()].text, b = od.toks[rng() % od.toks.size()].text;
        if (a == b) continue;
        std::set<uint32_t> pa, pb, both;
        for (const auto& t : od.toks) {
            if (t.text == a) pa.insert(cue_of[t.word]);
            if (t.text == b) pb.insert(cue_of[t.word]);
        }
        for (uint32_t p : pa)
            if (pb.count(p)) both.insert(p);
        auto r = c.search(a + " " + b, d);
        REQUIRE(r.ok());
        INFO(a << " " << b);
        REQUIRE(r->total_passages == both.size());
        REQUIRE(r->occurrences == both.size());
    }
}

// Protects SearchDesc::partial: when no passage holds every word, the passages holding the most
// of them come back (at least half, or the most any passage holds), ranked by how many they hold;
// when some passage holds them all, partial changes nothing.
TEST_CASE("partial: k of m words when no passage holds them all (oracle)", "[search][oracle][partial]") {
    const std::string text = txtest::read_file(txtest::demo_path());
    ODoc od = oracle_tokens(text);
    const Collection& c = demo_collection();
    const std::vector<uint32_t> cue_of = cue_of_words(c.episode(0));
    std::mt19937 rng(11);
    SearchDesc d = exact_desc();
    d.limit = 0;
    d.partial = true;
    int checked_partial = 0, checked_full = 0;
    for (int k = 0; k < 1500; ++k) {
        const size_t m = 2 + rng() % 3;  // 2-4 words
        std::vector<std::string> words;
        std::string q;
        for (size_t i = 0; i < m; ++i) {
            const std::string& w = od.toks[rng() % od.toks.size()].text;
            if (w.size() < 4 || std::find(words.begin(), words.end(), w) != words.end()) continue;
            words.push_back(w);
            q += (q.empty() ? "" : " ") + w;
        }
        if (words.size() < 2) continue;
        std::map<uint32_t, uint32_t> held;  // passage -> how many of the words it holds
        for (size_t i = 0; i < words.size(); ++i) {
            std::set<uint32_t> ps;
            for (const auto& t : od.toks)
                if (t.text == words[i]) ps.insert(cue_of[t.word]);
            for (uint32_t p : ps) ++held[p];
        }
        uint32_t best = 0;
        for (const auto& [p, n] : held) best = std::max(best, n);
        auto r = c.search(q, d);
        REQUIRE(r.ok());
        INFO(q);
        // narrower match scopes count on another path (a partial candidate may lack clause 0)
        for (MatchScope scope : {MatchScope::Doc, MatchScope::None}) {
            SearchDesc ds = d;
            ds.matches = scope;
            auto rs = c.search(q, ds);
            REQUIRE(rs.ok());
            REQUIRE(rs->total_passages == r->total_passages);
            REQUIRE(rs->occurrences == r->occurrences);
            REQUIRE(rs->episodes.size() == r->episodes.size());
            for (size_t e = 0; e < rs->episodes.size(); ++e) REQUIRE(rs->episodes[e].matches == r->episodes[e].matches);
        }
        if (!r->left_out.empty()) continue;  // a function word was dropped: not this oracle's case
        const uint32_t need = best == words.size() ? best : std::min<uint32_t>(best, uint32_t(words.size() + 1) / 2);
        size_t expected = 0;
        for (const auto& [p, n] : held) expected += n >= need;
        REQUIRE(r->total_passages == expected);
        if (best == words.size()) {
            REQUIRE(r->partial_of == 0);  // the strict result, untouched
            ++checked_full;
            continue;
        }
        ++checked_partial;
        REQUIRE(r->partial_of == words.size());
        REQUIRE(r->partial_best == best);
        REQUIRE(!partial_note(r.value()).empty());
        // ranked by how many words a passage holds: never a passage holding fewer above one holding more
        const InvertedIndex& ix = c.index();
        uint32_t prev = UINT32_MAX;
        for (const Hit& h : r->hits) {
            const uint32_t cue = h.passage - ix.passages_begin(h.doc);
            const uint32_t n = held.count(cue) ? held[cue] : 0;
            REQUIRE(n >= need);
            REQUIRE(n <= prev);
            prev = n;
        }
    }
    CHECK(checked_partial >= 100);
    CHECK(checked_full >= 10);
}

TEST_CASE("partial: function words of a typed question are left out, exclusions still apply", "[search][partial]") {
    // three passages (a minute apart)
    std::string vtt =
        "WEBVTT\n\n00:00.000 --> 00:05.000\nwe talked about llamas and the open source models today\n\n"
        "01:00.000 --> 01:05.000\nnobody mentioned sunglasses here at all only weather\n\n"
        "02:00.000 --> 02:05.000\nopen source is a choice the llama model is open and sunny weather\n";
    Collection c;
    add_vtt(c, vtt);
    REQUIRE(c.index().passage_count() == 3);
    SearchDesc d = exact_desc();
    d.limit = 0;
    // strict: no passage holds "what", "does", "he", "think", "about" and "sunglasses" together
    d.partial = false;
    auto strict = c.search("what does he think about sunglasses", d);
    REQUIRE(strict.ok());
    REQUIRE(strict->total_passages == 0);
    REQUIRE(strict->partial_of == 0);
    d.partial = true;
    auto r = c.search("what does he think about sunglasses", d);
    REQUIRE(r.ok());
    REQUIRE(r->total_passages == 1);  // the passage with the one word left once the others are dropped
    REQUIRE(r->hits.at(0).passage == 1);
    // a typed sentence (3+ function words) is searched for its other words: every passage holds
    // them, so this is no partial match, but the note still names the words left out
    REQUIRE(r->partial_of == 0);
    REQUIRE(r->left_out == std::vector<std::string>{"what", "does", "he", "think", "about"});
    REQUIRE(partial_note(r.value()).find("left out: what, does, he, think, about") != std::string::npos);
    // nothing found at all: an empty result that says so, not an error
    auto none = c.search("zzqx yyqw", d);
    REQUIRE(none.ok());
    REQUIRE(none->total_passages == 0);
    REQUIRE(none->partial_of == 2);
    // an exclusion still applies: passage 2 holds "weather" and "open" but also "llama"
    auto ex = c.search("sunglasses weather open -llama zzqx", d);
    REQUIRE(ex.ok());
    REQUIRE(ex->partial_of == 4);
    REQUIRE(ex->partial_best == 2);
    REQUIRE(ex->total_passages == 1);
    REQUIRE(ex->hits.at(0).passage == 1);
    // all function words: nothing is left out (a search for "to be or not" is about those words)
    auto fw = c.search("what about zzqx", d);
    REQUIRE(fw.ok());
    REQUIRE(fw->left_out == std::vector<std::string>{"what", "about"});
    auto only_fw = c.search("we the at", d);
    REQUIRE(only_fw.ok());
    REQUIRE(only_fw->left_out.empty());
    REQUIRE(only_fw->partial_of == 3);
    REQUIRE(only_fw->partial_best == 2);
}

// Protects SearchResult::positive_clauses, which tells the app to join a multi-word query's
// word-by-word matches into one (it re-parsed the query to learn it before): the clauses as typed,
// negated ones not counted, an OR group one clause, the same for a partial result that left words out.
TEST_CASE("the result counts the query's positive clauses as typed, partial or not", "[search][query]") {
    Collection c;
    add_vtt(c, "WEBVTT\n\n00:00.000 --> 00:05.000\nwe talked about llamas and the open source models today\n\n"
               "01:00.000 --> 01:05.000\nopen source is a choice the llama model is open and sunny weather\n");
    SearchDesc d = exact_desc();
    d.partial = true;
    const std::pair<const char*, uint32_t> cases[] = {
        {"llama", 1}, {"open source", 2}, {"\"open source\"", 1}, {"open -llama", 1}, {"llama OR sunny", 1},
        {"open source -weather models", 3}, {"what does he think about sunny zzqx", 7},  // partial: left out, still 7
    };
    for (const auto& [q, n] : cases) {
        auto r = c.search(q, d);
        INFO(q);
        REQUIRE(r.ok());
        CHECK(r->positive_clauses == n);
    }
    auto partial = c.search("what does he think about sunny zzqx", d);
    REQUIRE(partial.ok());
    CHECK(partial->partial_of > 0);  // the case above took the partial path
}

// Protects search in text without spaces (Chinese, Japanese): a word inside a run is found.
TEST_CASE("a CJK word is found inside a run without spaces", "[search][cjk]") {
    auto ep = import_text("私は東京に住んでいます。東京はとても大きいです。京都も好きです。", "ja");
    Collection c;
    REQUIRE(c.add(std::move(ep)).ok());
    auto count = [&](const char* q) {
        auto r = c.search(q);
        REQUIRE(r.ok());
        return r->occurrences;
    };
    CHECK(count("東京") == 2);
    CHECK(count("\"東京\"") == 2);
    CHECK(count("京都") == 1);
    CHECK(count("京") == 3);
    CHECK(count("大阪") == 0);
}

// Protects CJK highlights: a match in text without spaces marked the whole run up to the next
// space ("私は東京に住んでいます。東京タワーが好きです。" for "東京"), not the characters found.
TEST_CASE("a CJK match highlights only its characters, in the snippet and the match list", "[search][cjk][snippet]") {
    const std::string text = "私は東京に住んでいます。東京タワーが好きです。 iPhone用の東京ガイド";
    Collection c;
    REQUIRE(c.add(import_text(text, "ja")).ok());
    const Episode& ep = c.episode(0);
    auto marked = [&](const char* q) {
        auto r = c.search(q);
        REQUIRE(r.ok());
        REQUIRE(r->hits.size() == 1);
        std::vector<std::string> snip, hl, list;
        const Hit& h = r->hits[0];
        for (const ByteSpan& b : h.snippet.highlights) snip.push_back(h.snippet.text.substr(b.begin, b.end - b.begin));
        for (const ByteSpan& b : h.highlights) hl.push_back(ep.text.substr(b.begin, b.end - b.begin));
        for (const WordMatch& m : r->matches) {
            const ByteSpan b = match_bytes(ep, m);
            list.push_back(std::to_string(b.begin) + ":" + ep.text.substr(b.begin, b.end - b.begin));
        }
        CHECK(snip == hl);
        return std::make_pair(hl, list);
    };
    auto m = marked("東京");
    CHECK(m.first == std::vector<std::string>{"東京", "東京", "東京"});
    CHECK(m.second == std::vector<std::string>{"6:東京", "36:東京", "82:東京"});
    m = marked("京");  // twice in one run: two matches (F3 steps to each), not one for the run
    CHECK(m.first == std::vector<std::string>{"京", "京", "京"});
    CHECK(m.second == std::vector<std::string>{"9:京", "39:京", "85:京"});
    m = marked("iphone");  // the Latin part of a mixed run
    CHECK(m.first == std::vector<std::string>{"iPhone"});
    m = marked("東京 ガイド");  // two clauses in one run: side by side they are one mark
    CHECK(m.first == std::vector<std::string>{"東京", "東京", "東京ガイド"});
    // other words are still marked whole: "jitsu" marks "jiu-jitsu", as before
    Collection latin;
    REQUIRE(latin.add(import_text("We train jiu-jitsu daily.", "en")).ok());
    auto r = latin.search("jitsu");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 1);
    const ByteSpan b = r->hits[0].highlights.at(0);
    CHECK(latin.episode(0).text.substr(b.begin, b.end - b.begin) == "jiu-jitsu");
}

// Protects numbers written with a symbol (audit: "100%", "$100"): the symbol is not indexed, so
// "100" finds "100%", "$100", "100 %" and "100 percent", and "100%" or "$100" find the same
// rather than nothing; the mark is the number, never the symbol or the word beside it.
TEST_CASE("a number written with % or $ is found by the number, and marked as the number", "[search][snippet]") {
    Collection c;
    REQUIRE(c.add(import_text("About 100% of it. Paid $100 for 100 percent, then 100 % again.", "n")).ok());
    for (const char* q : {"100", "100%", "$100", "100 %"}) {
        INFO(q);
        auto r = c.search(q);
        REQUIRE(r.ok());
        CHECK(r->occurrences == 4);
        REQUIRE(r->hits.size() == 1);
        const Hit& h = r->hits[0];
        REQUIRE(h.snippet.highlights.size() == 4);
        for (const ByteSpan& b : h.snippet.highlights) CHECK(h.snippet.text.substr(b.begin, b.end - b.begin) == "100");
    }
    auto r = c.search("\"100 percent\"");
    REQUIRE(r.ok());
    CHECK(r->occurrences == 1);
}

// Protects snippets of punctuated text: they began at the first word's span and dropped an
// opening quote ("[smart] quotes”") and ended before a final full stop.
TEST_CASE("a snippet keeps the punctuation around its first and last words", "[search][snippet]") {
    Collection c;
    add_vtt(c, "WEBVTT\n\n00:00.000 --> 00:05.000\n\xE2\x80\x9CSmart quotes\xE2\x80\x9D are nice.\n");
    auto r = c.search("smart");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 1);
    const Snippet& s = r->hits[0].snippet;
    CHECK(s.text == "\xE2\x80\x9CSmart quotes\xE2\x80\x9D are nice.");
    REQUIRE(s.highlights.size() == 1);
    CHECK(s.text.substr(s.highlights[0].begin, s.highlights[0].end - s.highlights[0].begin) == "Smart");
}

TEST_CASE("typos and sound-alikes: listed examples", "[search][fuzzy]") {
    const Collection& demo = demo_collection();
    auto has_word = [](const Collection& c, const SearchResult& r, const std::string& want, MatchLevel level) {
        for (const auto& m : r.matches) {
            const Episode& ep = c.episode(m.doc);
            const Word& w = ep.words[m.first_word];
            if (fold_token(ep.text.substr(w.begin, w.end - w.begin)) == want && m.level == level) return true;
        }
        return false;
    };
    auto r = demo.search("metavers");
    REQUIRE(r.ok());
    CHECK(r->total_passages > 0);
    CHECK(has_word(demo, r.value(), "metaverse", MatchLevel::Fuzzy));
    r = demo.search("zuckerburg");
    REQUIRE(r.ok());
    CHECK(has_word(demo, r.value(), "zuckerberg", MatchLevel::Fuzzy));
    // exact matches rank first: "metaverse" itself is exact, "metaverses"-like forms come later
    r = demo.search("metaverse");
    REQUIRE(r.ok());
    REQUIRE(!r->hits.empty());
    CHECK(r->hits[0].level == MatchLevel::Exact);

    Collection c;
    Episode ep = import_text(
        "welcome back everyone today my guest is a researcher " + filler(100) +
            "and now a word from Alex Freedman who hosts a show about robots",
        "alex");
    REQUIRE(c.add(std::move(ep)).ok());
    r = c.search("Lex Fridman");
    REQUIRE(r.ok());
    REQUIRE(r->total_passages == 1);
    CHECK(has_word(c, r.value(), "alex", MatchLevel::Phonetic));
    CHECK(has_word(c, r.value(), "freedman", MatchLevel::Phonetic));
    // and it is precise enough not to match unrelated words
    r = c.search("Lex Fridman robots");
    REQUIRE(r.ok());
    CHECK(r->total_passages == 1);
    r = c.search("Lex Fridman welcome");
    REQUIRE(r.ok());
    CHECK(r->total_passages == 0);
    // sound-alikes can be turned off
    SearchDesc off;
    off.phonetic = false;
    off.typos = false;
    r = c.search("Lex Fridman", off);
    REQUIRE(r.ok());
    CHECK(r->total_passages == 0);
}

// Protects search precision on archives: "turing" (569 times in Lexicap) also matched "during"
// and "trying" as a typo and a sound-alike: 6,131 hits, most of them not about Turing.
TEST_CASE("a word that occurs does not bring in everyday words as its typos or sound-alikes", "[search][fuzzy]") {
    Collection c;
    REQUIRE(c.add(import_text("alan turing built a machine " + filler(100) + "we were trying hard during the war " +
                              filler(100) + "a touring band " + filler(100) + "milton friedman wrote " + filler(100) +
                              "i think so " + filler(100) + "a thing on the table", "t")).ok());
    auto words_found = [&](const char* q) {
        auto r = c.search(q);
        REQUIRE(r.ok());
        std::vector<std::string> out;
        for (const auto& m : r->matches) {
            const Episode& ep = c.episode(m.doc);
            const Word& w = ep.words[m.first_word];
            out.push_back(fold_token(ep.text.substr(w.begin, w.end - w.begin)));
        }
        std::sort(out.begin(), out.end());
        return join(out);
    };
    REQUIRE(is_common_english_word("during"));
    REQUIRE(is_common_english_word("trying"));
    REQUIRE_FALSE(is_common_english_word("touring"));
    // the word occurs: its rarer, non-everyday variants stay ("touring"), "during"/"trying" go
    CHECK(words_found("turing") == "touring turing");
    // a name misheard as another name is still found both ways
    CHECK(words_found("fridman") == "friedman");
    // an everyday word that occurs is taken as typed
    CHECK(words_found("think") == "think");
    // a word that does not occur may be a typo: every variant stays
    CHECK(words_found("thinc") == "thing think");
}

TEST_CASE("jiu-jitsu, jiujitsu and jiu jitsu find each other", "[search][normalise]") {
    Collection c;
    REQUIRE(c.add(import_text("I train Jiu-Jitsu daily", "a")).ok());
    REQUIRE(c.add(import_text("my jiujitsu coach", "b")).ok());
    REQUIRE(c.add(import_text("brazilian jiu jitsu rules", "c")).ok());
    for (const char* q : {"jiu-jitsu", "jiujitsu", "jiu jitsu", "\"jiu jitsu\"", "JIU-JITSU"}) {
        auto r = c.search(q);
        REQUIRE(r.ok());
        INFO(q);
        std::set<DocId> docs;
        for (const auto& m : r->matches) docs.insert(m.doc);
        CHECK(docs.size() == 3 - (std::string(q) == "\"jiu jitsu\"" ? 1 : 0));  // a quoted phrase needs two tokens
    }
    // highlights cover the whole hyphenated word
    auto r = c.search("jitsu");
    REQUIRE(r.ok());
    bool saw = false;
    for (const auto& h : r->hits) {
        if (h.doc != 0) continue;
        const Episode& ep = c.episode(0);
        REQUIRE(h.highlights.size() == 1);
        CHECK(ep.text.substr(h.highlights[0].begin, h.highlights[0].end - h.highlights[0].begin) == "Jiu-Jitsu");
        saw = true;
    }
    CHECK(saw);
}

TEST_CASE("normalisation: case, accents, apostrophes, numbers, stop words", "[search][normalise]") {
    // Snowball English (Porter2) reference outputs
    CHECK(stem_english("running") == "run");
    CHECK(stem_english("connections") == "connect");
    CHECK(stem_english("generously") == "generous");
    CHECK(stem_english("zuckerberg") == "zuckerberg");
    CHECK(phonetic_key("fridman") == phonetic_key("freedman"));
    CHECK(phonetic_key("lex") == phonetic_key("alex"));
    // the key alone is coarse ("likes" is LKS too): search also bounds the edit distance
    CHECK(edit_distance_bounded("lex", "likes", 1) > 1);
    CHECK(phonetic_key("gpt4").empty());
    CHECK(edit_distance_bounded("zuckerburg", "zuckerberg", 2) == 1);
    CHECK(edit_distance_bounded("kitten", "sitting", 2) == 3);  // over the bound: bound + 1
    CHECK(fold_token("Caf\xC3\xA9") == "cafe");
    CHECK(fold_token("\xC3\x9C" "BER") == "uber");
    CHECK(fold_token("don\xE2\x80\x99t") == "dont");
    CHECK(fold_token("\xCE\x91\xCE\x92\xCE\x93") == "\xCE\xB1\xCE\xB2\xCE\xB3");  // Greek lowercase
    WordTokens wt;
    word_tokens("state-of-the-art", wt);
    REQUIRE(wt.count() == 4);
    CHECK(wt.part(1) == "of");
    CHECK(wt.joined() == "stateoftheart");
    word_tokens("3.0", wt);
    REQUIRE(wt.count() == 2);
    CHECK(wt.joined().empty());
    std::vector<WordSpan> spans;
    split_words("\xE2\x80\x9CHello,\xE2\x80\x9D she said \xE2\x80\x94 ok...", spans);
    REQUIRE(spans.size() == 4);
    CHECK(spans[0].begin == 3);
    CHECK(spans[0].end == 8);

    Collection c;
    REQUIRE(c.add(import_text("To be, or not to be: that is the question. It\xE2\x80\x99s 2023 and GPT-4 is here. Caf\xC3\xA9 time.", "t")).ok());
    auto r = c.search("\"to be or not to be\"");
    REQUIRE(r.ok());
    CHECK(r->occurrences == 1);
    r = c.search("it's");  // straight apostrophe finds the curly one
    REQUIRE(r.ok());
    CHECK(r->occurrences == 1);
    r = c.search("2023");
    REQUIRE(r.ok());
    CHECK(r->occurrences == 1);
    r = c.search("gpt4");
    REQUIRE(r.ok());
    CHECK(r->total_passages == 1);
    r = c.search("cafe");
    REQUIRE(r.ok());
    CHECK(r->occurrences == 1);
    CHECK(c.episode(0).text.substr(r->hits[0].highlights[0].begin, 5) == "Caf\xC3\xA9");
}

TEST_CASE("stems match at a lower level than exact words", "[search]") {
    Collection c;
    REQUIRE(c.add(import_text("she was running fast " + filler(100) + "he runs every day", "s")).ok());
    auto r = c.search("running");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 2);
    CHECK(r->hits[0].level == MatchLevel::Exact);
    CHECK(r->hits[1].level == MatchLevel::Stem);
    CHECK(r->hits[0].score > 0);
    SearchDesc d;
    d.stems = false;
    d.typos = false;
    d.phonetic = false;
    r = c.search("running", d);
    REQUIRE(r.ok());
    CHECK(r->hits.size() == 1);
}

TEST_CASE("OR, -exclude and speaker: filter", "[search][query]") {
    std::string vtt =
        "WEBVTT\n\n00:00.000 --> 00:05.000\n<v Lex Fridman>robots and love\n\n"
        "01:00.000 --> 01:05.000\n<v Mark>robots and fear\n\n"
        "02:00.000 --> 02:05.000\n<v Mark>cats and love\n";
    Collection c;
    add_vtt(c, vtt);
    auto count = [&](const char* q) {
        auto r = c.search(q);
        REQUIRE(r.ok());
        return r->total_passages;
    };
    CHECK(count("robots") == 2);
    CHECK(count("robots -fear") == 1);
    CHECK(count("fear OR cats") == 2);
    CHECK(count("love robots OR cats") == 2);
    CHECK(count("robots speaker:mark") == 1);
    CHECK(count("love speaker:\"lex fridman\"") == 1);
    CHECK(count("love speaker:nobody") == 0);
    // -speaker: keeps every other speaker's words (it used to act as speaker:)
    CHECK(count("robots -speaker:mark") == 1);
    CHECK(count("love -speaker:lex") == 1);
    CHECK(count("love -speaker:nobody") == 2);
    // the keyword in any case, as the search box's note and help read it (sPeaker: was a word)
    CHECK(count("robots sPeaker:mark") == 1);
    CHECK(count("robots -SpEaKeR:mark") == 1);
    {
        auto r = c.search("love -speaker:lex");
        REQUIRE(r.ok());
        REQUIRE(r->hits.size() == 1);
        CHECK(r->hits[0].time_ms >= 120000);  // Mark's "cats and love", not Lex's line
    }
    // one speaker filter per search, said once; OR between filters is not a silent AND
    {
        auto r = c.search("robots speaker:lex OR speaker:mark");
        REQUIRE(r.ok());
        CHECK(r->total_passages == 1);
        CHECK(r->warnings.size() == 2);
    }
    // a filter that names nobody here says so, with the names there are (it found nothing silently);
    // a name that is here, or -speaker:, says nothing
    {
        auto r = c.search("love speaker:nobody");
        REQUIRE(r.ok());
        REQUIRE(r->warnings.size() == 1);
        CHECK(r->warnings[0].find("\"nobody\"") != std::string::npos);
        CHECK(r->warnings[0].find("Lex Fridman, Mark") != std::string::npos);
        CHECK(c.search("love speaker:mark")->warnings.empty());
        CHECK(c.search("love -speaker:nobody")->warnings.empty());
    }
    CHECK(count("robots -\"and fear\"") == 1);
    auto r = c.search("love");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 2);
    CHECK(r->hits[0].time_ms < 5000 + 120000);
    // times come from the cue
    CHECK(r->hits[0].time_ms <= 5000);  // "love" in the first cue, interpolated inside it
    CHECK(r->hits[1].time_ms >= 120000);
    CHECK(r->hits[1].time_ms <= 125000);
}

// Protects speaker filters over an archive's released episodes (Collection::release_text drops
// their words, and with them each word's speaker): "-speaker:mark" matched Mark's words too, as
// if nobody had spoken them, and "speaker:mark" matched nothing.
TEST_CASE("speaker: and -speaker: filter an episode whose text was released as a resident one", "[search][query]") {
    Collection c;
    add_vtt(c, "WEBVTT\n\n00:00.000 --> 00:05.000\n<v Lex Fridman>robots and love\n\n"
               "01:00.000 --> 01:05.000\n<v Mark>robots and fear\n\n"
               "02:00.000 --> 02:05.000\n<v Mark>cats and love\n\n"
               "03:00.000 --> 03:05.000\nrobots said by nobody named\n");
    c.release_text(0);
    REQUIRE_FALSE(c.resident(0));
    auto minutes = [&](const char* q) {
        auto r = c.search(q);
        REQUIRE(r.ok());
        std::vector<uint32_t> t;
        for (const Hit& h : r->hits) t.push_back(h.time_ms / 60000);
        std::sort(t.begin(), t.end());
        return t;
    };
    CHECK(minutes("robots") == std::vector<uint32_t>{0, 1, 3});
    CHECK(minutes("robots -speaker:mark") == std::vector<uint32_t>{0, 3});  // Lex's and the unattributed line
    CHECK(minutes("robots speaker:mark") == std::vector<uint32_t>{1});
    CHECK(minutes("love -speaker:lex") == std::vector<uint32_t>{2});
    CHECK(minutes("love speaker:\"lex fridman\"") == std::vector<uint32_t>{0});
}

TEST_CASE("a warning repeated by a long query is given once", "[search][query]") {
    std::string q;
    for (int i = 0; i < 200; ++i) q += "w" + std::to_string(i % 60) + " ";  // 200 words, under kMaxQueryBytes
    auto p = parse_query(q);
    REQUIRE(p.ok());
    CHECK(p->clauses.size() == kMaxQueryClauses);
    REQUIRE(p->warnings.size() == 1);
    CHECK(p->warnings[0].find("only the first") != std::string::npos);
}

TEST_CASE("malformed queries get a clear error or a best-effort parse", "[search][query]") {
    const Collection& c = demo_collection();
    auto bad = [&](const std::string& q) {
        auto r = c.search(q);
        REQUIRE_FALSE(r.ok());
        CHECK(r.errc() == Errc::BadQuery);
        CHECK(!r.message().empty());
    };
    bad("");
    bad("   ");
    bad("-facebook");
    bad(std::string(10240, 'a'));
    bad("- - -");
    bad("\"\"");
    Query hand;  // built by hand, bypassing parse_query's checks
    CHECK(c.search(hand).errc() == Errc::BadQuery);
    hand.clauses.emplace_back();
    hand.clauses.back().any.emplace_back();  // an item without terms matches nothing
    REQUIRE(c.search(hand).ok());
    CHECK(c.search(hand)->total_passages == 0);
    hand.clauses.clear();
    hand.clauses.emplace_back();
    hand.clauses.back().negated = true;
    CHECK(c.search(hand).errc() == Errc::BadQuery);
    auto ok = [&](const std::string& q) {
        auto r = c.search(q);
        INFO(q);
        REQUIRE(r.ok());
        return r.value();
    };
    auto r = ok("\"mark zuckerberg");  // unbalanced quote
    CHECK(r.total_passages > 0);
    CHECK(!r.warnings.empty());
    r = ok("facebook -");
    CHECK(r.total_passages > 0);
    CHECK(!r.warnings.empty());
    r = ok(std::string("face\x01" "book\x7f\ttwitter"));
    CHECK(r.warnings.empty());
    ok("OR OR facebook OR");
    bad("*");
    ok("a*");
    ok("facebook speaker:");
    ok("\xff\xfe facebook \xC3");
    std::string many;
    for (int i = 0; i < 100; ++i) many += "the" + std::to_string(i) + " ";
    r = ok(many);
    CHECK(!r.warnings.empty());
    std::string longphrase = "\"";
    for (int i = 0; i < 60; ++i) longphrase += "the ";
    ok(longphrase + "\"");
}

TEST_CASE("hits carry byte ranges of every matched word, snippets and histograms agree", "[search]") {
    const Collection& c = demo_collection();
    const Episode& ep = c.episode(0);
    SearchDesc d;
    d.limit = 0;
    auto r = c.search("mark zuckerberg", d);
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == r->total_passages);
    for (const auto& h : r->hits) {
        REQUIRE(!h.highlights.empty());
        for (const auto& s : h.highlights) {
            std::string w = fold_token(ep.text.substr(s.begin, s.end - s.begin));
            CHECK((w == "mark" || w == "zuckerberg" || w == "markzuckerberg" || w.find("mark") == 0 ||
                   edit_distance_bounded(w, "zuckerberg", 2) <= 2 || edit_distance_bounded(w, "mark", 2) <= 2));
        }
        for (const auto& s : h.snippet.highlights) {
            REQUIRE(s.end <= h.snippet.text.size());
            CHECK(ep.text.find(h.snippet.text) != std::string::npos);
        }
        CHECK(h.time_ms == ep.words[h.focus_word].start_ms);
        CHECK((h.focus_word >= h.word && h.focus_word <= h.last_word));
        CHECK(!h.snippet.highlights.empty());
    }
    // ranked: tiers then scores
    for (size_t k = 1; k < r->hits.size(); ++k)
        if (r->hits[k].level == r->hits[k - 1].level) CHECK(r->hits[k].score <= r->hits[k - 1].score);
    auto hist = hit_histogram(r.value(), c, 0, 20);
    REQUIRE(hist.size() == 20);
    uint32_t sum = 0;
    for (uint32_t v : hist) sum += v;
    auto range = r->matches_in(0);
    CHECK(sum == range.second - range.first);
    CHECK(hist[0] > 0);  // the intro names the guest
}

TEST_CASE("incremental indexing gives the same results as one batch", "[search][index]") {
    const std::string text = txtest::read_file(txtest::demo_path());
    std::string a = text.substr(0, text.size() / 2), b = text.substr(text.size() / 2);
    Collection one;
    IndexDesc small_summaries;  // compaction gives frequent words passage summaries and skip entries
    small_summaries.summary_min = 8;
    Collection inc(small_summaries);
    REQUIRE(one.add(import_text(a, "a"), false).ok());
    REQUIRE(one.add(import_text(b, "b"), false).ok());
    one.commit();
    REQUIRE(inc.add(import_text(a, "a")).ok());
    inc.finish();  // compacted, then appended to again
    const TermId the = inc.index().find("the");
    CHECK(inc.index().has_summary(the));
    auto mid = inc.search("facebook");
    REQUIRE(mid.ok());
    REQUIRE(inc.add(import_text(b, "b")).ok());
    CHECK_FALSE(inc.index().has_summary(the));  // they would miss episode b: dropped
    for (int round = 0; round < 2; ++round) {  // appended to, then compacted again
        INFO("round " << round);
        for (const char* q : {"facebook", "\"open source\"", "meta*", "zuckerburg", "mark zuckerberg", "the", "\"to be\"", "th* people"}) {
            INFO(q);
            SearchDesc doc_b;
            doc_b.matches = MatchScope::Doc;
            doc_b.match_doc = 1;
            auto r1 = one.search(q), r2 = inc.search(q), r3 = inc.search(q, doc_b);
            REQUIRE(r1.ok());
            REQUIRE(r2.ok());
            REQUIRE(r3.ok());
            CHECK(r1->total_passages == r2->total_passages);
            CHECK(r1->occurrences == r2->occurrences);
            CHECK(r1->matches.size() == r2->matches.size());
            CHECK(r3->total_passages == r1->total_passages);
            CHECK(r3->occurrences == r1->occurrences);
            CHECK(r3->matches.size() == size_t(r1->matches_in(1).second - r1->matches_in(1).first));
        }
        inc.finish();
        CHECK(inc.index().has_summary(the));
    }
    auto r = inc.search("facebook");
    CHECK(r->occurrences > mid->occurrences);
    // per-episode summary agrees with the matches and the passage total
    REQUIRE(r->episodes.size() == 2);
    uint32_t passages = 0;
    for (const auto& e : r->episodes) {
        auto range = r->matches_in(e.doc);
        CHECK(e.matches == range.second - range.first);
        CHECK(e.best_score > 0);
        passages += e.passages;
    }
    CHECK(passages == r->total_passages);
    // searching before commit is refused, not wrong
    Collection lazy;
    REQUIRE(lazy.add(import_text(a, "a"), false).ok());
    CHECK(lazy.search("facebook").errc() == Errc::InvalidArgument);
}

// Protects the project's index-size goal (#3: the index under 1.5x the raw text; 0.70x on the
// 100x set, README). The demo is its hardest case in the project's data: one 152 KB episode with
// 2,609 distinct terms, whose per-term tables (dictionary, hash table, stem, phonetic, fuzzy and
// prefix keys: ~60 bytes a term, 157 KB) outweigh its 61 KB of postings, so it sits at 1.49x,
// ~0.85 KB under. That headroom is the budget for anything added per term or per token: a change
// that needs more must save it elsewhere (bench/results/search.md lists one that did not). It is
// not slack to trim: after finish() every table's capacity equals its size (checked 2026-11-28).
TEST_CASE("compacted index memory stays below 1.5x the raw text", "[search][index]") {
    Collection c;
    REQUIRE(c.add(import_text(txtest::read_file(txtest::demo_path()), "demo")).ok());
    c.finish();
    size_t raw = c.episode(0).text.size();
    auto r = c.search("\"mark zuckerberg\"");
    REQUIRE(r.ok());
    CHECK(r->occurrences > 0);
    INFO("index bytes " << c.index().memory_bytes() << " raw " << raw);
    CHECK(c.index().memory_bytes() < raw * 3 / 2);
}

TEST_CASE("real Lexicap WebVTT files: phrase hits land in the right episodes with exact highlights", "[search][shared]") {
    TX_REQUIRE_SHARED("data/lexicap/episode_001_large.vtt");
    Collection c;
    std::vector<std::string> raws;
    for (int n : {1, 2, 3, 5, 10, 20, 50, 100, 150, 200}) {
        char name[64];
        std::snprintf(name, sizeof name, "/data/lexicap/episode_%03d_large.vtt", n);
        std::string path = txtest::shared_dir() + name;
        if (!txtest::exists(path)) continue;
        std::string raw = txtest::read_file(path);
        ImportDesc d;
        d.name = name;
        auto ep = import_transcript(Bytes(raw), d);
        REQUIRE(ep.ok());
        REQUIRE(c.add(std::move(ep.value()), false).ok());
        raws.push_back(raw);
    }
    c.commit();
    REQUIRE(c.size() >= 5);
    SearchDesc d;
    d.limit = 0;
    auto r = c.search("\"following is a conversation with\"", d);
    REQUIRE(r.ok());
    std::set<DocId> docs;
    for (const auto& m : r->matches) docs.insert(m.doc);
    for (DocId k = 0; k < raws.size(); ++k) {
        // the phrase on one cue line, or broken across two cue lines
        bool in_raw = raws[k].find("following is a conversation with") != std::string::npos ||
                      raws[k].find("following is a conversation\n") != std::string::npos;
        if (in_raw) CHECK(docs.count(k) == 1);
    }
    for (const auto& h : r->hits) {
        const Episode& ep = c.episode(h.doc);
        REQUIRE(h.highlights.size() >= 1);
        std::string hl = ep.text.substr(h.highlights[0].begin, h.highlights[0].end - h.highlights[0].begin);
        CHECK(fold_token(hl) == "followingisaconversationwith");
        CHECK(h.time_ms >= ep.cues.front().start_ms);
    }
}

TEST_CASE("prefix_last: the word being typed also completes, ranked below exact matches", "[search][query]") {
    Collection c;
    REQUIRE(c.add(import_text("the zuck said hi " + filler(100) + "then zuckerberg spoke", "p")).ok());
    SearchDesc d;
    auto r = c.search("zuck", d);
    REQUIRE(r.ok());
    CHECK(r->total_passages == 1);
    d.prefix_last = true;
    r = c.search("zuck", d);
    REQUIRE(r.ok());
    REQUIRE(r->total_passages == 2);
    CHECK(r->hits[0].level == MatchLevel::Exact);
    CHECK(r->hits[1].level == MatchLevel::Stem);
    r = c.search("zu", d);  // too short to complete while typing
    REQUIRE(r.ok());
    CHECK(r->total_passages == 0);
    r = c.search("\"zuck\"", d);  // quoted words are not completed
    REQUIRE(r.ok());
    CHECK(r->total_passages == 1);
}

// Doc and None scopes take the passage path (per-passage counts, positions on demand) for
// single-clause queries; All takes the match path. Both must agree, with passage summaries for
// every term (summary_min 1) and for none (0).
TEST_CASE("MatchScope Doc and None change only which episodes get a match list, not counts or hits", "[search][scope]") {
    const std::string text = txtest::read_file(txtest::demo_path());
    const uint32_t summary_min = GENERATE(0u, 1u);
    INFO("summary_min " << summary_min);
    IndexDesc idesc;
    idesc.summary_min = summary_min;
    Collection c(idesc);
    REQUIRE(c.add(import_text(text.substr(0, text.size() / 3), "a"), false).ok());
    // an episode with hyphenated and joined words: its tokens are not one-to-one with its words
    REQUIRE(c.add(import_text("we did jiu-jitsu and jiujitsu then jiu jitsu again, the end of the day " + text.substr(text.size() / 3, text.size() / 3), "b"), false).ok());
    REQUIRE(c.add(import_text(text.substr(2 * text.size() / 3), "c"), false).ok());
    c.finish();
    for (const char* q : {"the", "jiu-jitsu", "jiujitsu", "jiu", "jitsu", "\"the day\"", "open source ai", "ai -facebook", "llama OR llamas",
                          "th*", "jiu the", "jiu OR jitsu", "the day", "jiu jitsu", "open OR the source -day", "th* the", "mark zuckerberg", "zuckerburg", "metavers", "the OR day -end", "-the day", "jiu*", "Lex Fridman"}) {
        INFO(q);
        SearchDesc all;
        all.limit = 10;
        auto ra = c.search(q, all);
        REQUIRE(ra.ok());
        for (DocId d = 0; d < 4; ++d) {  // 3 = an episode that does not exist: no matches at all
            SearchDesc sd = all;
            sd.matches = d == 3 ? MatchScope::None : MatchScope::Doc;
            sd.match_doc = d;
            auto rs = c.search(q, sd);
            REQUIRE(rs.ok());
            CHECK(rs->total_passages == ra->total_passages);
            CHECK(rs->occurrences == ra->occurrences);
            REQUIRE(rs->episodes.size() == ra->episodes.size());
            for (size_t e = 0; e < ra->episodes.size(); ++e) {
                CHECK(rs->episodes[e].doc == ra->episodes[e].doc);
                CHECK(rs->episodes[e].passages == ra->episodes[e].passages);
                CHECK(rs->episodes[e].matches == ra->episodes[e].matches);
            }
            REQUIRE(rs->hits.size() == ra->hits.size());
            for (size_t h = 0; h < ra->hits.size(); ++h) {
                CHECK(rs->hits[h].passage == ra->hits[h].passage);
                CHECK(rs->hits[h].score == ra->hits[h].score);
                CHECK(rs->hits[h].level == ra->hits[h].level);
                CHECK(rs->hits[h].word == ra->hits[h].word);
                CHECK(rs->hits[h].last_word == ra->hits[h].last_word);
                CHECK(rs->hits[h].snippet.text == ra->hits[h].snippet.text);
                CHECK(rs->hits[h].highlights.size() == ra->hits[h].highlights.size());
            }
            std::vector<std::tuple<DocId, uint32_t, uint32_t, int>> want, got;
            for (const auto& m : ra->matches)
                if (sd.matches == MatchScope::Doc && m.doc == d) want.emplace_back(m.doc, m.first_word, m.word_count, int(m.level));
            for (const auto& m : rs->matches) got.emplace_back(m.doc, m.first_word, m.word_count, int(m.level));
            CHECK(got == want);
        }
    }
}

TEST_CASE("a prefix with more words than the expansion cap keeps the most frequent ones", "[search][query]") {
    Collection c;
    // "aaz" is the most frequent word starting with "aa" but sorts last alphabetically
    REQUIRE(c.add(import_text("aa1 aa2 aa3 aa4 aa5 aaz aaz aaz aaz aaz aa6 aa7 aa7", "p")).ok());
    SearchDesc sd;
    sd.max_expansions = 3;
    auto r = c.search("aa*", sd);
    REQUIRE(r.ok());
    // aaz (5) + aa7 (2) + one of the single words (1)
    CHECK(r->occurrences == 8);
    REQUIRE(r->warnings.size() == 1);
    CHECK(r->warnings[0].find("most frequent") != std::string::npos);
    sd.max_expansions = 0;  // no cap: every word
    auto all = c.search("aa*", sd);
    REQUIRE(all.ok());
    CHECK(all->occurrences == 13);
    CHECK(all->warnings.empty());
}

// ---- queries typed the way users type them (the query audit of 2026-11-27) ----

namespace {
size_t cp_count_of(const std::string& s) {
    size_t n = 0;
    for (char c : s) n += (uint8_t(c) & 0xC0) != 0x80;
    return n;
}

// The episodes a query's matches are in.
std::set<DocId> docs_matched(const Collection& c, const char* q) {
    auto r = c.search(q);
    REQUIRE(r.ok());
    std::set<DocId> docs;
    for (const auto& m : r->matches) docs.insert(m.doc);
    return docs;
}
}  // namespace

TEST_CASE("typographic quotes delimit a phrase and Unicode spaces separate words in a query", "[search][query]") {
    // Phones and word processors turn "…" into “…”: the curly quotes were trimmed as punctuation,
    // so “open source” searched the two words anywhere in a passage instead of the phrase.
    for (const char* q : {"\xE2\x80\x9Copen source\xE2\x80\x9D", "\xE2\x80\x9Eopen source\xE2\x80\x9C", "\xC2\xABopen source\xC2\xBB",
                          "\xEF\xBC\x82open source\xEF\xBC\x82"}) {
        INFO(q);
        auto p = parse_query(q);
        REQUIRE(p.ok());
        REQUIRE(p->clauses.size() == 1);
        REQUIRE(p->clauses[0].any.size() == 1);
        CHECK(p->clauses[0].any[0].exact_only);
        CHECK(p->clauses[0].any[0].terms.size() == 2);
        CHECK(p->warnings.empty());
    }
    auto s = parse_query("speaker:\xE2\x80\x9CLex Fridman\xE2\x80\x9D llama");
    REQUIRE(s.ok());
    CHECK(s->speaker == "lex fridman");
    CHECK(s->clauses.size() == 1);
}

TEST_CASE("a no-break or other Unicode space in a query separates words", "[search][query]") {
    // A no-break space (or another Unicode space) between words was read as inner punctuation of
    // one word: "open\u00A0source" became the phrase "open source" plus the word "opensource".
    for (const char* q : {"open\xC2\xA0source", "open\xE2\x80\x83source", "open\xE3\x80\x80source", "open\xE2\x80\xAFsource"}) {
        INFO(q);
        auto p = parse_query(q);
        REQUIRE(p.ok());
        REQUIRE(p->clauses.size() == 2);
        CHECK(p->clauses[0].any.size() == 1);
        CHECK(p->clauses[0].any[0].terms.size() == 1);
        CHECK(p->clauses[0].any[0].terms[0].text == "open");
        CHECK(p->clauses[1].any[0].terms[0].text == "source");
    }
    // curly single quotes stay apostrophes: don’t == don't
    auto a = parse_query("don\xE2\x80\x99t");
    REQUIRE(a.ok());
    REQUIRE(a->clauses.size() == 1);
    CHECK(a->clauses[0].any[0].terms[0].text == "dont");
}

TEST_CASE("a word glued to a number also finds it written apart", "[search][normalise]") {
    // "covid19", "gpt4", "llama2": the split into two words needed both parts >= 3 letters, so
    // "covid19" found nothing in Lexicap's 66 passages of "COVID 19".
    Collection c;
    REQUIRE(c.add(import_text("during the COVID 19 pandemic we stayed home", "a")).ok());
    REQUIRE(c.add(import_text("then I asked GPT 4 about it", "b")).ok());
    REQUIRE(c.add(import_text("the new Llama 2 model is out", "c")).ok());
    REQUIRE(c.add(import_text("covid and 19 and gpt and 4 apart from each other", "d")).ok());
    CHECK(docs_matched(c, "covid19") == std::set<DocId>{0});
    CHECK(docs_matched(c, "gpt4") == std::set<DocId>{1});
    CHECK(docs_matched(c, "llama2") == std::set<DocId>{2});
    CHECK(docs_matched(c, "COVID19") == std::set<DocId>{0});
}

TEST_CASE("a hyphenated word is as tolerant as the same word typed joined", "[search][normalise]") {
    // "jiu-jitsu" found Lexicap's "jiu jitsu" but not the 98 passages of "jujitsu" that
    // "jiujitsu" finds (a typo of it); "e-mail" missed the "emails" that "email" finds.
    Collection c;
    REQUIRE(c.add(import_text("I train jujitsu every morning", "a")).ok());
    REQUIRE(c.add(import_text("she never answers her emails", "b")).ok());
    REQUIRE(docs_matched(c, "jiujitsu") == std::set<DocId>{0});  // the joined spelling's typo
    CHECK(docs_matched(c, "jiu-jitsu") == std::set<DocId>{0});
    REQUIRE(docs_matched(c, "email") == std::set<DocId>{1});     // its stem
    CHECK(docs_matched(c, "e-mail") == std::set<DocId>{1});
    // quoted, the joined form stays exact
    CHECK(docs_matched(c, "\"e-mail\"").empty());
}

TEST_CASE("partial: a bare number is left out like a function word", "[search][partial]") {
    // "llama 2" where no passage has both: the passages of "2" ("Quest 2", "2%") ranked above
    // those of "llama", the word the search is about.
    std::string vtt =
        "WEBVTT\n\n00:00.000 --> 00:05.000\nthe llama model we released is open\n\n"
        "01:00.000 --> 01:05.000\nQuest 2 is great and Quest 2 is 2 times cheaper than 2 others\n";
    Collection c;
    add_vtt(c, vtt);
    REQUIRE(c.index().passage_count() == 2);
    SearchDesc d;
    d.limit = 0;
    d.partial = true;
    auto r = c.search("llama 2", d);
    REQUIRE(r.ok());
    REQUIRE(r->total_passages == 1);
    CHECK(r->hits.at(0).passage == 0);
    CHECK(r->left_out == std::vector<std::string>{"2"});
    CHECK(partial_note(r.value()).find("(left out: 2)") != std::string::npos);
    // numbers alone are what is searched for: nothing is left out
    auto n = c.search("2 7", d);
    REQUIRE(n.ok());
    CHECK(n->left_out.empty());
    CHECK(n->total_passages == 1);
}

TEST_CASE("a misspelling does not bring in the words its stem belongs to", "[search][fuzzy]") {
    // "definately" is not in the text and is one edit from "definitely"; its Snowball stem
    // "defin" is that of "define" and "definition", which ranked as stems above the typo's word.
    REQUIRE(stem_english("definately") == stem_english("define"));
    REQUIRE(stem_english("definately") != stem_english("definitely"));
    Collection c;
    REQUIRE(c.add(import_text("I definitely agree with you", "a")).ok());
    REQUIRE(c.add(import_text("define the definition of what you defined", "b")).ok());
    REQUIRE(c.add(import_text("she studies mathematics", "c")).ok());
    CHECK(docs_matched(c, "definately") == std::set<DocId>{0});
    // a word that occurs keeps its stems; a missing inflection of a word that occurs keeps them too
    CHECK(docs_matched(c, "defining") == std::set<DocId>{1});
    CHECK(docs_matched(c, "studied") == std::set<DocId>{2});
    // a stem match one edit away stays a stem match: "llama" (not in the text, one edit from "lama")
    // still ranks "llamas" at the stem level, above the typo "lama"
    REQUIRE(c.add(import_text("the llamas of peru", "d")).ok());
    REQUIRE(c.add(import_text("the dalai lama spoke", "e")).ok());
    auto r = c.search("llama");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 2);
    CHECK(r->hits[0].doc == 3);
    CHECK(r->hits[0].level == MatchLevel::Stem);
}

TEST_CASE("a swapped pair of letters finds the word meant, as a typo", "[search][fuzzy]") {
    // The most common typing error: with plain Levenshtein a swap was two edits, past the bound of
    // words of 5-8 letters ("wierd" found "weird" only as a sound-alike, "recieve" nothing).
    Collection c;
    REQUIRE(c.add(import_text("that is a weird idea " + filler(100) + "you receive a letter " + filler(100) +
                              "the metaverse is here", "t")).ok());
    auto level_of = [](const Collection& c, const char* q, const char* want) {
        auto r = c.search(q);
        REQUIRE(r.ok());
        int level = -1;
        for (const auto& m : r->matches) {
            const Episode& ep = c.episode(m.doc);
            const Word& w = ep.words[m.first_word];
            if (fold_token(ep.text.substr(w.begin, w.end - w.begin)) == want) level = int(m.level);
        }
        return level;
    };
    CHECK(level_of(c, "wierd", "weird") == int(MatchLevel::Fuzzy));
    CHECK(level_of(c, "recieve", "receive") == int(MatchLevel::Fuzzy));
    CHECK(level_of(c, "metaevrse", "metaverse") == int(MatchLevel::Fuzzy));
    // a sound-alike still needs its letters in order: the phonetic key plus two edits with swaps
    // took "lines" for "aliens" and "quote" for "quiet" (each a swap and one more edit away)
    Collection s;
    // (the typed words do not occur, so every variant is allowed)
    REQUIRE(s.add(import_text("the lines of the quote", "s")).ok());
    for (auto [typed, other] : {std::pair{"aliens", "lines"}, {"quiet", "quote"}}) {
        INFO(typed << " / " << other);
        REQUIRE(phonetic_key(typed) == phonetic_key(other));
        REQUIRE(edit_distance_bounded(typed, other, 2) == 2);
        CHECK(docs_matched(s, typed).empty());
    }
    // from 9 letters on two edits are allowed: a swap and one more edit reach other words, so
    // when a word one edit away exists the ones two away stay only as its inflections
    Collection e;
    REQUIRE(e.add(import_text("evolution and evolutions " + filler(100) + "the french revolution", "e")).ok());
    REQUIRE(edit_distance_bounded("evloution", "revolution", 2) == 2);
    CHECK(level_of(e, "evloution", "evolution") == int(MatchLevel::Fuzzy));
    CHECK(level_of(e, "evloution", "evolutions") == int(MatchLevel::Fuzzy));
    CHECK(level_of(e, "evloution", "revolution") == -1);
    CHECK(level_of(e, "evolutoin", "revolution") == -1);
    // with no word one edit away, two edits still find it
    CHECK(level_of(e, "evoolutionn", "evolution") == int(MatchLevel::Fuzzy));
    const Collection& demo = demo_collection();
    auto r = demo.search("zuckerbreg");
    REQUIRE(r.ok());
    auto exact = demo.search("zuckerberg");
    REQUIRE(exact.ok());
    CHECK(r->total_passages == exact->total_passages);
}

// Protects searching for programming languages: "c++" and "c#" searched the letter "c" (on
// Lexicap 651 matches, of which ~230 were "C++").
TEST_CASE("searching c++ or c# or f# finds the language and not the letter c", "[search][query]") {
    Collection c;
    REQUIRE(c.add(import_text("I write C++ every day", "a")).ok());
    REQUIRE(c.add(import_text("plan c is fine", "b")).ok());
    REQUIRE(c.add(import_text("C# and F#, then C++.", "c")).ok());
    CHECK(docs_matched(c, "c++") == std::set<DocId>{0, 2});
    CHECK(docs_matched(c, "C#") == std::set<DocId>{2});
    CHECK(docs_matched(c, "f#") == std::set<DocId>{2});
    CHECK(docs_matched(c, "c") == std::set<DocId>{1});
    CHECK(docs_matched(c, "\"write c++\"") == std::set<DocId>{0});
    // the highlight covers the whole name
    auto r = c.search("c++");
    REQUIRE(r.ok());
    for (const auto& h : r->hits) {
        REQUIRE(h.highlights.size() == 1);
        const std::string& text = c.episode(h.doc).text;
        CHECK(text.substr(h.highlights[0].begin, h.highlights[0].end - h.highlights[0].begin) == "C++");
    }
}

TEST_CASE("a query of operators only says what it holds instead of words", "[search][query]") {
    // '"', '-' and "speaker:" are what search-as-you-type sees first; "*", "OR" and an emoji are
    // what a user tries. Each read only "The query has no words to search for". Short messages: a
    // phone's status line shows about 40 characters.
    auto message = [](const std::string& q) {
        auto p = parse_query(q);
        REQUIRE_FALSE(p.ok());
        CHECK(p.errc() == Errc::BadQuery);
        return p.message();
    };
    CHECK(message("-") == "Type a word after '-' to leave it out");
    CHECK(message("\"") == "Type the words of the phrase after '\"'");
    CHECK(message("\"\"") == "Type the words of the phrase after '\"'");
    CHECK(message("-\"") == "Type the words of the phrase after '\"'");
    CHECK(message("*") == "'*' ends the start of a word, as in meta*");
    CHECK(message("OR") == "OR goes between two words: a OR b");
    CHECK(message("speaker:") == "speaker: needs a name, as in speaker:lex");
    CHECK(message("\xF0\x9F\x98\x80") == "'\xF0\x9F\x98\x80' has no letters or digits to search for");
    for (const char* q : {"-", "\"", "*", "OR", "speaker:"}) CHECK(cp_count_of(message(q)) <= 42);
    // nothing typed at all: the plain message
    CHECK(message("   ") == "The query has no words to search for");
}

TEST_CASE("a repeated word or phrase is searched once", "[search][query]") {
    // A pasted paragraph repeats "the" and "of": each repeat was another clause (the same AND, its
    // cost again: 50 words of a repeated sentence took 39 ms on Lexicap, its 16 distinct 11 ms),
    // and counted toward the 32-clause cap, crowding out the distinct words after it.
    auto p = parse_query("the cat and the dog and \"the cat\" the");
    REQUIRE(p.ok());
    REQUIRE(p->clauses.size() == 5);  // the, cat, and, dog, "the cat"
    CHECK(p->clauses[0].source == "the");
    CHECK(p->clauses[4].source == "\"the cat\"");
    CHECK(p->warnings.empty());
    // different meanings stay: an exclusion, an alternative, a prefix, a quoted word
    auto d = parse_query("meta -meta meta OR llama meta* \"meta\"");
    REQUIRE(d.ok());
    CHECK(d->clauses.size() == 5);
    // 40 distinct words each said twice: the first 32 distinct are used, not 16 of them twice
    std::string q;
    for (int i = 0; i < 40; ++i) q += "w" + std::to_string(i) + " w" + std::to_string(i) + " ";
    auto c = parse_query(q);
    REQUIRE(c.ok());
    REQUIRE(c->clauses.size() == kMaxQueryClauses);
    CHECK(c->clauses.back().source == "w31");
    // the search itself: same passages as the query without the repeats
    const Collection& demo = demo_collection();
    auto a = demo.search("open source open source models open");
    auto b = demo.search("open source models");
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->total_passages == b->total_passages);
    CHECK(a->occurrences == b->occurrences);
}

TEST_CASE("a number finds itself written with or without thousands separators", "[search][normalise]") {
    // Whisper writes "10,000" (212 times in Lexicap, as the phrase "10 000"); "10000" found none.
    Collection c;
    REQUIRE(c.add(import_text("we raised 10,000 dollars last year", "a")).ok());
    REQUIRE(c.add(import_text("about 10000 people came", "b")).ok());
    REQUIRE(c.add(import_text("in 1984 and in 2,023 other books", "c")).ok());
    REQUIRE(c.add(import_text("the ratio was 10 to 000 or 1,0000 maybe", "d")).ok());
    CHECK(docs_matched(c, "10000") == std::set<DocId>{0, 1});
    CHECK(docs_matched(c, "10,000") == std::set<DocId>{0, 1});
    CHECK(docs_matched(c, "$10,000") == std::set<DocId>{0, 1});
    CHECK(docs_matched(c, "2023") == std::set<DocId>{2});
    CHECK(docs_matched(c, "1984") == std::set<DocId>{2});
    // not a thousands grouping: no other form
    CHECK(docs_matched(c, "1,0000").size() == 1);
    CHECK(docs_matched(c, "100") .empty());
    // a long number in a partial search is still a number left out
    SearchDesc d;
    d.partial = true;
    auto r = c.search("dollars 5000", d);
    REQUIRE(r.ok());
    CHECK(r->left_out == std::vector<std::string>{"5000"});
}

// Protects the snippet's focus (audit on Lexicap: "meaning of life" showed "...different parts
// [of] the world..." and "sam harris" showed "...I just talked to [Sam], who...": the snippet
// centred on the passage's first matched word, often a lone common word, while the words the
// reader typed stood together later in the passage, out of the snippet).
TEST_CASE("a snippet shows where the query's words stand together, not the first lone match", "[search][snippet]") {
    Collection c;
    add_vtt(c, "WEBVTT\n\n00:00.000 --> 00:20.000\n"
               "Some of the people I spoke with over the years kept returning to one question, across "
               "many long evenings, many long walks, many cups with friends and strangers in cafes, on "
               "trains and in kitchens late at night, when the talk turns slowly away from work and news "
               "and toward the things that people rarely say out loud in daylight. So tell me, what "
               "is the meaning of life for you?\n");
    auto r = c.search("meaning of life");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 1);
    const Snippet& s = r->hits[0].snippet;
    std::vector<std::string> lit;
    for (const ByteSpan& h : s.highlights) lit.push_back(s.text.substr(h.begin, h.end - h.begin));
    CHECK(s.text.find("meaning of life") != std::string::npos);
    CHECK(std::count(lit.begin(), lit.end(), "meaning") == 1);
    CHECK(std::count(lit.begin(), lit.end(), "life") == 1);
    // the words said together beat the same words said apart in the same stretch
    Collection apart;
    add_vtt(apart, "WEBVTT\n\n00:00.000 --> 00:20.000\nAsk what they think; love, they say, is patient and kind. "
                   "We walked on for a while, and then came back to the question: so what is love?\n");
    auto together = apart.search("what is love");
    REQUIRE(together.ok());
    REQUIRE(together->hits.size() == 1);
    const Snippet& t = together->hits[0].snippet;
    bool shown = false;
    for (const ByteSpan& h : t.highlights) shown = shown || t.text.compare(h.begin, 4, "what") == 0 && t.text.compare(h.begin, 12, "what is love") == 0;
    CHECK(shown);
    CHECK(t.cut_before);  // centred on the phrase, not on the first "what"
    // a single word still shows its first occurrence
    auto one = c.search("many");
    REQUIRE(one.ok());
    REQUIRE(one->hits.size() == 1);
    CHECK(one->hits[0].snippet.text.find("many long evenings") != std::string::npos);
}

// Protects snippets of a multi-word query (audit 2026-11-28: the demo's first result for `open
// source`, the docs' embed example, began "...source work than" with a lone "source" marked: the
// context walked back from the focus stopped between the "open" and the "source" said before it).
TEST_CASE("a snippet does not begin inside a run of marked words", "[search][snippet]") {
    Collection c;
    add_vtt(c, "WEBVTT\n\n00:00.000 --> 00:20.000\nWe probably do more open source work than you know, "
               "most of the other big tech companies, but we also do not open source everything.\n");
    const Episode& ep = c.episode(0);
    std::vector<uint32_t> open, source;
    for (uint32_t w = 0; w < ep.words.size(); ++w) {
        const std::string word = ep.text.substr(ep.words[w].begin, ep.words[w].end - ep.words[w].begin);
        if (word == "open") open.push_back(w);
        if (word == "source") source.push_back(w);
    }
    REQUIRE(open.size() == 2);
    REQUIRE(source.size() == 2);
    std::vector<ByteSpan> marks;
    for (size_t i = 0; i < 2; ++i)
        for (uint32_t w : {open[i], source[i]}) marks.push_back({ep.words[w].begin, ep.words[w].end});
    // centred on the second "open source", with just enough context to reach the first "source"
    const uint32_t context = ep.words[open[1]].begin - ep.words[source[0]].begin;
    const Snippet s = make_snippet(ep, open[1], source[1], marks, context);
    CHECK(s.text.rfind("open source work", 0) == 0);
    CHECK(s.cut_before);  // "We probably do more" stays out
    CHECK(s.highlights.size() == 4);
    // a phrase marked as one span is kept whole the same way
    std::vector<ByteSpan> phrases;
    for (size_t i = 0; i < 2; ++i) phrases.push_back({ep.words[open[i]].begin, ep.words[source[i]].end});
    CHECK(make_snippet(ep, open[1], source[1], phrases, context).text.rfind("open source work", 0) == 0);
    // with room for less, the marked run is left out whole, not cut
    CHECK(make_snippet(ep, open[1], source[1], marks, context - 6).text.rfind("work than", 0) == 0);
}

// Protects the hit's time and jump target (audit: "meaning of life" showed the phrase in the
// snippet, but the row's time and the reader's jump went to a lone "of" said seconds earlier in the
// passage): Hit::focus_word and time_ms are the snippet's focus, not the passage's first match.
TEST_CASE("a hit's time and focus word are where its snippet centres, not the first lone match", "[search][snippet]") {
    const std::string vtt = "WEBVTT\n\n00:01.000 --> 00:04.000\nMost of the guests I talked with kept coming back to one question.\n\n"
                            "00:08.000 --> 00:12.000\nWe walked for hours through the town, past the harbour and the old market.\n\n"
                            "00:16.000 --> 00:20.000\nSo tell me, what is the meaning of life for you?\n";
    Collection c;
    add_vtt(c, vtt);
    REQUIRE(c.index().passage_count() == 1);
    const Episode& ep = c.episode(0);
    auto word_index = [&](const std::string& w, uint32_t from) {  // found in the text, not by the search
        for (uint32_t i = from; i < ep.words.size(); ++i)
            if (ep.text.compare(ep.words[i].begin, ep.words[i].end - ep.words[i].begin, w) == 0) return i;
        FAIL("no word " << w);
        return uint32_t(0);
    };
    const uint32_t lone_of = word_index("of", 0), meaning = word_index("meaning", 0);
    REQUIRE(lone_of < meaning);
    REQUIRE(ep.words[lone_of].start_ms < 5000);
    REQUIRE(ep.words[meaning].start_ms >= 16000);

    auto r = c.search("meaning of life");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 1);
    const Hit& h = r->hits[0];
    CHECK(h.word == lone_of);  // the passage's range still starts at its first match
    CHECK(h.snippet.focus_word == meaning);
    CHECK(h.focus_word == meaning);
    CHECK(h.time_ms == ep.words[meaning].start_ms);

    // one word: its focus is its first occurrence, as before
    auto one = c.search("the");
    REQUIRE(one.ok());
    REQUIRE(one->hits.size() == 1);
    CHECK(one->hits[0].focus_word == word_index("the", 0));
    CHECK(one->hits[0].focus_word == one->hits[0].word);
    CHECK(one->hits[0].time_ms == ep.words[word_index("the", 0)].start_ms);

    // an archive's released episode: the first match until its text is filled in, then the focus
    Collection released;
    add_vtt(released, vtt);
    const Episode copy = released.episode(0);
    released.release_text(0);
    auto p = released.search("meaning of life");
    REQUIRE(p.ok());
    REQUIRE(p->hits.size() == 1);
    Hit ph = p->hits[0];
    REQUIRE(ph.text_pending);
    CHECK(ph.focus_word == ph.word);
    fill_hit_text(ph, copy, p.value());
    CHECK(ph.focus_word == meaning);
    CHECK(ph.time_ms == copy.words[meaning].start_ms);
}

// Protects highlights in the context a snippet borrows from a neighbouring passage (audit:
// "...It was [Sam] [Harris]. Was it [Sam] [Harris]? Sam Harris." left the last, in the next
// passage, plain): the matched word forms are highlighted wherever the snippet shows them.
TEST_CASE("a snippet highlights the matched words in the neighbouring passage's text it shows too", "[search][snippet]") {
    Collection c;
    add_vtt(c, "WEBVTT\n\n00:00.000 --> 00:25.000\nYesterday I talked to Sam Harris about it.\n\n"
               "00:40.000 --> 00:45.000\nSam Harris disagreed.\n\n"
               "01:30.000 --> 01:35.000\nSomething else entirely.\n");
    auto r = c.search("\"sam harris\"");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 2);
    for (const Hit& h : r->hits) {
        const Snippet& s = h.snippet;
        REQUIRE(s.text.find("about it. Sam Harris disagreed") != std::string::npos);
        CHECK(s.highlights.size() == 2);
        for (const ByteSpan& b : s.highlights) CHECK(s.text.substr(b.begin, b.end - b.begin) == "Sam Harris");
    }
}

// Protects speaker: searches from marking the other speaker's word: "robots speaker:mark" showed
// "I love [robots] [robots] are great" when Lex's and Mark's lines shared a passage (the matched
// form was marked wherever the snippet showed it).
TEST_CASE("a speaker: search marks only that speaker's words in its snippets", "[search][snippet][query]") {
    const std::string vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Lex>I love robots\n\n"
                            "00:02.000 --> 00:04.000\n<v Mark>robots are great\n";
    auto marked = [](const Hit& h) {
        std::vector<std::string> out;
        for (const ByteSpan& b : h.snippet.highlights)
            out.push_back(std::to_string(b.begin) + ":" + h.snippet.text.substr(b.begin, b.end - b.begin));
        return out;
    };
    Collection c;
    add_vtt(c, vtt);
    auto r = c.search("robots speaker:mark");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 1);
    REQUIRE(r->hits[0].snippet.text == "I love robots robots are great");
    CHECK(marked(r->hits[0]) == std::vector<std::string>{"14:robots"});
    r = c.search("robots -speaker:mark");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 1);
    CHECK(marked(r->hits[0]) == std::vector<std::string>{"7:robots"});
    r = c.search("robots");  // no filter: both
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 1);
    CHECK(marked(r->hits[0]) == std::vector<std::string>{"7:robots", "14:robots"});
    // filled again from the result (as for an archive's decoded episode): the result's filter applies
    r = c.search("robots speaker:mark");
    REQUIRE(r.ok());
    Hit h = r->hits[0];
    h.snippet = Snippet{};
    fill_hit_text(h, c.episode(0), r.value());
    CHECK(marked(h) == std::vector<std::string>{"14:robots"});
}

// Protects the rank of the words said in the order typed (audit on Lexicap: "what is love" ranked
// "...love is what makes you tick" and a passage saying "is" and "what" often above 11 of the 17
// passages saying "what is love"; "artificial general intelligence" put "general intelligence"
// first): any order of adjacent words got the same proximity factor as the typed phrase itself.
TEST_CASE("passages saying the query's words in the typed order rank above the same words reordered", "[search][rank]") {
    Collection c;
    add_vtt(c, "WEBVTT\n\n00:00.000 --> 00:05.000\nFor me love is what makes you tick, and love is patient.\n\n"
               "01:00.000 --> 01:05.000\nSo then, what is love for you, in the end?\n\n"
               "02:00.000 --> 02:05.000\nNothing about it here at all.\n");
    auto r = c.search("what is love");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 2);
    CHECK(r->hits[0].time_ms >= 60000);  // "what is love"
    CHECK(r->hits[1].time_ms < 60000);   // "love is what"
}

// Protects correct words from look-alike matches (audit on Lexicap: "chess" also listed 212
// "chaos", 111 "chose", 70 "chest"; "beauty" 502 "beat"; "robot" 114 "root"; "turing" "tuning",
// "touring"): a word that occurs and is not a name keeps no typo or sound-alike variants, while a
// name keeps its capitalised ones ("Fridman" -> "Friedman"), and transcripts written without
// capitals keep every variant (nothing tells a name there).
TEST_CASE("a word that occurs gets no look-alikes unless it and they are names", "[search][fuzzy]") {
    auto forms = [](const Collection& c, const std::string& q) {
        std::set<std::string> out;
        auto r = c.search(q);
        REQUIRE(r.ok());
        for (const WordMatch& m : r->matches) {
            const Episode& ep = c.episode(m.doc);
            std::string w = ep.text.substr(ep.words[m.first_word].begin, ep.words[m.first_word].end - ep.words[m.first_word].begin);
            for (char& ch : w) ch = char(std::tolower(uint8_t(ch)));
            out.insert(w);
        }
        return out;
    };
    Collection cased;
    add_vtt(cased, "WEBVTT\n\n00:00.000 --> 00:20.000\nWe played chess all night, and I love chess. My chest hurt "
                   "from the chaos of it, total chaos.\n\n"
                   "01:00.000 --> 01:20.000\nThis is Lex Fridman. The captions often say Friedman, Friedman again.\n");
    for (int compacted = 0; compacted < 3; ++compacted) {  // while building, compacted, added to again
        INFO("compacted " << compacted);
        CHECK(forms(cased, "chess") == std::set<std::string>{"chess"});
        CHECK(forms(cased, "fridman") == std::set<std::string>{"fridman", "friedman"});
        if (compacted == 0) cased.finish();
        if (compacted == 1) add_vtt(cased, "WEBVTT\n\n00:00.000 --> 00:05.000\nAnother episode entirely.\n");
    }
    Collection lower;
    add_vtt(lower, "WEBVTT\n\n00:00.000 --> 00:20.000\nwe played chess all night and i love chess my chest hurt "
                   "from the chaos of it total chaos\n\n"
                   "01:00.000 --> 01:20.000\nthis is lex fridman the captions often say friedman friedman again\n");
    CHECK(forms(lower, "fridman") == std::set<std::string>{"fridman", "friedman"});
    CHECK(forms(lower, "chess").count("chest") == 1);
}

// Protects "world war 2" (audit on Lexicap: 1 passage, "World War I" with a "2" elsewhere, while
// 216 passages say "World War II"): a digit 2-4 or 6-9 also finds its roman numeral, ranked
// like a joined form, and "gpt 4" still finds the joined "GPT4".
TEST_CASE("a small number also finds its roman numeral", "[search][numbers]") {
    Collection c;
    add_vtt(c, "WEBVTT\n\n00:00.000 --> 00:05.000\nAfter World War II the map changed.\n\n"
               "01:00.000 --> 01:05.000\nWorld War I came first, and 2 of my uncles fought.\n\n"
               "02:00.000 --> 02:05.000\nThey say World War 2 in the film.\n\n"
               "03:00.000 --> 03:05.000\nThen GPT4 came out.\n");
    auto r = c.search("world war 2");
    REQUIRE(r.ok());
    REQUIRE(r->hits.size() == 3);
    std::set<uint32_t> top{r->hits[0].time_ms / 60000, r->hits[1].time_ms / 60000};
    CHECK(top == std::set<uint32_t>{0, 2});  // "World War II" and "World War 2" ...
    CHECK(r->hits[2].time_ms / 60000 == 1);  // ... above "World War I ... 2"
    auto g = c.search("gpt 4");
    REQUIRE(g.ok());
    REQUIRE(g->hits.size() == 1);
    CHECK(g->hits[0].time_ms / 60000 == 3);
}

// Protects "jiu jitsu" typed apart (audit on Lexicap: 251 passages, while "jiu-jitsu" and
// "jiujitsu" found 340: the typed pair matched only the exact joined word, not "jujitsu", the
// typo the joined forms get), without letting "llama 2" take "llama" alone as "llama2" mistyped,
// "model 3" take "models" as "model3" mistyped, or a pair with a function word ("and roid") take
// a word one edit from their join ("android"; a typed sentence has many such pairs, and expanding
// them all made a 24-word question 2.4x slower).
TEST_CASE("two words typed apart find the joined word's typos as the hyphenated form does", "[search][variants]") {
    Collection c;
    add_vtt(c, "WEBVTT\n\n00:00.000 --> 00:05.000\nI train jujitsu every morning.\n\n"
               "01:00.000 --> 01:05.000\nThe llama weights are out.\n\n"
               "02:00.000 --> 02:05.000\nThe models are big.\n\n"
               "03:00.000 --> 03:05.000\nMy android phone.\n");
    for (const char* q : {"jiu jitsu", "jiu-jitsu", "jiujitsu"}) {
        INFO(q);
        auto r = c.search(q);
        REQUIRE(r.ok());
        REQUIRE(r->hits.size() == 1);
        CHECK(r->hits[0].time_ms < 60000);
    }
    SearchDesc strict;
    strict.partial = false;
    for (const char* q : {"llama 2", "model 3", "and roit"}) {
        INFO(q);
        auto l = c.search(q, strict);
        REQUIRE(l.ok());
        CHECK(l->hits.empty());
    }
}

// Protects two words typed apart from matching a word that holds only the first (audit on
// Lexicap, bench/results/relevance.md: "existential risk" found 99 passages, 50 of them with
// "existentialist" and no "risk": their join "existentialrisk" took "existentialist" as a typo
// two edits away; "risk existential", with no such join, found 49). A joined guess takes one edit.
TEST_CASE("a joined guess of two typed words takes one typo not two", "[search][variants]") {
    Collection c;
    add_vtt(c, "WEBVTT\n\n00:00.000 --> 00:05.000\nI read existentialist philosophy.\n\n"
               "01:00.000 --> 01:05.000\nAn existential risk to all of us.\n\n"
               "02:00.000 --> 02:05.000\nI train jujitsu every morning.\n");
    SearchDesc strict;
    strict.partial = false;
    auto minutes = [&](const char* q) {  // the minute of every hit
        INFO(q);
        auto r = c.search(q, strict);
        REQUIRE(r.ok());
        std::vector<uint32_t> m;
        for (const Hit& h : r->hits) m.push_back(h.time_ms / 60000);
        return m;
    };
    for (const char* q : {"existential risk", "existential-risk", "risk existential"})
        CHECK(minutes(q) == std::vector<uint32_t>{1});
    // the one-edit typo of a join still counts ("jiujitsu" -> "jujitsu")
    for (const char* q : {"jiu jitsu", "jiu-jitsu"}) CHECK(minutes(q) == std::vector<uint32_t>{2});
    // a word typed joined keeps its own typo budget (two edits from 9 letters on): it is the
    // reader's spelling, and finds both
    CHECK(minutes("existentialrisk").size() == 2);
}

// Protects questions typed as sentences (audit on Lexicap, bench/results/relevance.md: "what does
// elon think about mars" found the 1 passage holding all six words, while 55 hold "elon" and
// "mars"; "why do we dream" listed "Dare to dream" second because it held "do" and "we"). With
// three or more function words the query is searched for its other words; with fewer ("free
// will", "let it be") every word is still needed.
TEST_CASE("a question typed as a sentence finds every passage about its other words", "[search][partial]") {
    Collection c;
    add_vtt(c, "WEBVTT\n\n00:00.000 --> 00:05.000\nwhat does elon think about mars\n\n"
               "01:00.000 --> 01:05.000\nelon wants to go to mars soon\n\n"
               "02:00.000 --> 02:05.000\nmars is red and cold\n\n"
               "03:00.000 --> 03:05.000\nyou are free to go\n\n"
               "04:00.000 --> 04:05.000\nfree will is an illusion\n");
    SearchDesc d;
    d.limit = 0;
    d.partial = true;
    auto minutes = [&](const char* q) {  // the minutes of the hits, in time order
        INFO(q);
        auto r = c.search(q, d);
        REQUIRE(r.ok());
        std::vector<uint32_t> m;
        for (const Hit& h : r->hits) m.push_back(h.time_ms / 60000);
        std::sort(m.begin(), m.end());
        return m;
    };
    CHECK(minutes("what does elon think about mars") == std::vector<uint32_t>{0, 1});
    auto r = c.search("what does elon think about mars", d);
    REQUIRE(r.ok());
    CHECK(partial_note(r.value()) == "Common words left out: what, does, think, about");
    // two function words: a name or phrase typed bare, every word needed
    CHECK(minutes("free will") == std::vector<uint32_t>{4});
    CHECK(minutes("what does elon") == std::vector<uint32_t>{0});
    // a number is no function word: the sentence still needs it, so no passage holds every word
    // it asks about and the closest are listed as such (it left "2" out and said nothing)
    auto n = c.search("what does elon think about mars 2", d);
    REQUIRE(n.ok());
    CHECK(n->partial_of == 2);  // the partial search leaves the bare number out, and says so
    CHECK(n->left_out.back() == "2");
    // --strict (SearchDesc::partial off) needs every word
    d.partial = false;
    CHECK(minutes("what does elon think about mars") == std::vector<uint32_t>{0});
}
