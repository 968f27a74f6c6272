// InvertedIndex building: the index's one-pass path for plain ASCII words must give exactly the
// terms and positions that word_tokens (text.h, the project's one definition of a token) gives.
#include <catch.hpp>

#include <cstring>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/index.h"
#include "core/text.h"

using namespace tx;

namespace {

// Every expected term (text, span) is in the index with exactly these positions; a position p of
// episode d is written d * 1000000 + p.
void check_postings(const InvertedIndex& ix, const std::map<std::pair<std::string, uint16_t>, std::vector<Pos>>& want) {
    CHECK(ix.term_count() == want.size());
    for (const auto& [key, positions] : want) {
        INFO("term '" << key.first << "' span " << key.second);
        std::vector<TermId> ids;
        if (key.second == 1) {
            TermId t = ix.find(key.first);
            REQUIRE(t != kNoTerm);
            ids.push_back(t);
        } else {
            ix.find_joined(key.first, ids);
            REQUIRE(ids.size() == 1);
            CHECK(ix.term_span(ids[0]) == key.second);
        }
        std::vector<Occurrence> occ;
        ix.occurrences(ids[0], occ);
        std::vector<Pos> got;
        for (const Occurrence& o : occ) got.push_back(o.doc * 1000000 + o.pos);
        CHECK(got == positions);
    }
}

}  // namespace

TEST_CASE("index: every word is indexed as word_tokens' parts (and joined form) at its token positions", "[index]") {
    const std::string long_word(70, 'Q'), at_limit(kMaxTokenBytes, 'z'), over_limit(kMaxTokenBytes + 1, 'y');
    const std::vector<std::string> words = {
        "Don't", "ABC123", "'", "''x''", "o'clock'", long_word, at_limit, over_limit, "na\xC3\xAFve", "jiu-jitsu",
        "3.0", "UPPER", "a'b'c", "x-", "-y", "the", "The", "THE", "caf\xC3\xA9", "e-mail", "__", "don\xE2\x80\x99t", "dont",
        "a", "7", "x-y-z", "Jiu-Jitsu"};
    Episode ep;
    for (const std::string& w : words) {
        Word word;
        word.begin = uint32_t(ep.text.size());
        ep.text += w;
        word.end = uint32_t(ep.text.size());
        ep.text += ' ';
        ep.words.push_back(word);
    }
    // Expected: term (text, span) -> token positions, from word_tokens word by word.
    std::map<std::pair<std::string, uint16_t>, std::vector<Pos>> want;
    WordTokens wt;
    Pos pos = 0;
    for (const std::string& w : words) {
        word_tokens(w, wt);
        for (size_t i = 0; i < wt.count(); ++i) want[{std::string(wt.part(i)), 1}].push_back(pos + Pos(i));
        if (!wt.joined().empty()) want[{std::string(wt.joined()), uint16_t(wt.count())}].push_back(pos);
        pos += Pos(wt.count());
    }
    REQUIRE(want.count({std::string(kMaxTokenBytes, 'q'), 1}) == 1);  // the 70-letter word, truncated

    InvertedIndex ix;
    auto d = ix.add_episode(ep);
    REQUIRE(d.ok());
    ix.commit();
    CHECK(ix.token_count(0) == pos);
    check_postings(ix, want);
    // token -> word map: every word with tokens starts at its first token
    pos = 0;
    for (uint32_t w = 0; w < words.size(); ++w) {
        word_tokens(words[w], wt);
        if (wt.count()) CHECK(ix.word_of_token(0, pos) == w);
        pos += Pos(wt.count());
    }
}

// Protects intern_simple's word-at-a-time path (a word of up to 16 bytes folded and hashed 8 bytes
// at a time, its term compared as two masked halves) and the byte-by-byte path it falls back to
// (apostrophes, other bytes, the last 16 bytes of the text, longer words): every word, of 1-20
// bytes of letters, digits and the bytes next to them in ASCII ('/', ':', '@', '[', '`', '{'),
// an apostrophe or UTF-8, must be indexed as word_tokens' tokens. The episode is indexed twice
// (the second time every word is a known term: the look-up, not the insertion) and its last word
// ends the text.
TEST_CASE("index: words of 1-20 letters, digits and neighbouring bytes are the terms word_tokens gives", "[index]") {
    const std::string alphabet = "aZz09AmQ/:@[`{'";
    uint32_t seed = 99;
    auto next = [&]() { return seed = seed * 1664525u + 1013904223u; };
    std::vector<std::string> words;
    for (int k = 0; k < 3000; ++k) {
        std::string w;
        const size_t len = 1 + (next() >> 8) % 20;
        const bool plain = (next() >> 8) % 4 != 0;  // mostly words the fast path takes
        for (size_t i = 0; i < len; ++i) {
            const uint32_t r = next() >> 8;
            w += plain ? "aZz09AmQ"[r % 8] : alphabet[r % alphabet.size()];
        }
        if (k % 97 == 0) w += "\xC3\xA9";  // UTF-8
        words.push_back(w);
    }
    // words that differ only in their second 8 bytes: enough that probes in the table pass them
    const std::string chars = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (char a : chars)
        for (char b : chars) words.push_back(std::string("aZz09AmQ") + a + b);
    for (size_t len = 9; len <= 17; ++len)
        for (char c : std::string("aZ0Q")) words.push_back(std::string("aZz09AmQ") + std::string(len - 9, 'm') + c);
    Episode ep;
    for (const std::string& w : words) {
        if (!ep.text.empty()) ep.text += ' ';
        Word word;
        word.begin = uint32_t(ep.text.size());
        ep.text += w;
        word.end = uint32_t(ep.text.size());
        ep.words.push_back(word);
    }
    std::map<std::pair<std::string, uint16_t>, std::vector<Pos>> want;
    WordTokens wt;
    InvertedIndex ix;
    for (DocId d = 0; d < 2; ++d) {
        Pos pos = 0;
        for (const std::string& w : words) {
            word_tokens(w, wt);
            for (size_t i = 0; i < wt.count(); ++i) want[{std::string(wt.part(i)), 1}].push_back(d * 1000000 + pos + Pos(i));
            if (!wt.joined().empty()) want[{std::string(wt.joined()), uint16_t(wt.count())}].push_back(d * 1000000 + pos);
            pos += Pos(wt.count());
        }
        REQUIRE(ix.add_episode(ep).ok());
        ix.commit();
        check_postings(ix, want);
    }
}

// Protects the postings' varint writer (one- and two-byte values stored with one two-byte write):
// a word's positions come back exactly for gaps whose delta takes 1, 2, 3 and more bytes (the
// stored value is gap * 2: 63 -> 1 byte, 64 and 8191 -> 2, 8192 -> 3), across episodes, before
// and after shrink(). The gaps repeat so that the word's postings reach the large slices written
// in place (its first few entries go byte by byte).
TEST_CASE("index: positions survive gaps of every varint length", "[index]") {
    std::vector<Pos> gaps = {1, 1048576};
    for (int r = 0; r < 30; ++r)
        for (Pos g : {1, 63, 64, 65, 2, 8191, 8192, 8193, 3}) gaps.push_back(g);
    Episode ep;
    std::vector<Pos> at;  // where "needle" is
    Pos p = 0;
    for (Pos g : gaps) {
        p += g;
        at.push_back(p);
    }
    for (Pos i = 0, k = 0; i <= p; ++i) {
        const bool needle = k < at.size() && at[k] == i;
        k += needle;
        Word word;
        word.begin = uint32_t(ep.text.size());
        ep.text += needle ? "needle " : "hay ";
        word.end = uint32_t(ep.text.size() - 1);
        ep.words.push_back(word);
    }
    InvertedIndex ix;
    for (DocId d = 0; d < 2; ++d) REQUIRE(ix.add_episode(ep).ok());
    ix.commit();
    std::vector<Occurrence> occ;  // (not check_postings: its keys hold positions below 1000000)
    ix.occurrences(ix.find("needle"), occ);
    REQUIRE(occ.size() == 2 * at.size());
    for (size_t k = 0; k < occ.size(); ++k) {
        CHECK(occ[k].doc == k / at.size());
        CHECK(occ[k].pos == at[k % at.size()]);
    }
    ix.shrink();
    std::vector<Occurrence> after;
    ix.occurrences(ix.find("needle"), after);
    REQUIRE(after.size() == occ.size());
    for (size_t k = 0; k < occ.size(); ++k) CHECK((after[k].doc == occ[k].doc && after[k].pos == occ[k].pos));
    CHECK(ix.term_occurrences(ix.find("hay")) == 2 * (p + 1 - at.size()));
}

TEST_CASE("index: shrink() keeps every term's postings, also when run twice or between additions", "[index]") {
    // Enough repeats that frequent terms span several postings slices (8 B .. 32 KiB each).
    Episode ep;
    std::map<std::pair<std::string, uint16_t>, std::vector<Pos>> want;
    for (uint32_t i = 0; i < 40000; ++i) {
        std::string w = i % 3 ? "the" : i % 7 ? "w" + std::to_string(i % 500) : "Jiu-jitsu";
        Word word;
        word.begin = uint32_t(ep.text.size());
        ep.text += w + ' ';
        word.end = word.begin + uint32_t(w.size());
        ep.words.push_back(word);
    }
    InvertedIndex ix;
    for (DocId d = 0; d < 3; ++d) {
        REQUIRE(ix.add_episode(ep).ok());
        WordTokens wt;
        Pos pos = 0;
        for (const Word& w : ep.words) {  // postings hold (doc, pos): positions per doc, docs in order
            word_tokens(std::string_view(ep.text).substr(w.begin, w.end - w.begin), wt);
            for (size_t i = 0; i < wt.count(); ++i) want[{std::string(wt.part(i)), 1}].push_back(d * 1000000 + pos + Pos(i));
            if (!wt.joined().empty()) want[{std::string(wt.joined()), uint16_t(wt.count())}].push_back(d * 1000000 + pos);
            pos += Pos(wt.count());
        }
        ix.commit();
        check_postings(ix, want);
        ix.shrink();  // from the writer's slices
        check_postings(ix, want);
        if (d == 1) {
            ix.shrink();  // again, without writer state
            check_postings(ix, want);
        }
    }
}

TEST_CASE("index: fuzzy_terms equals a scan of every term, across incremental commits", "[index][fuzzy]") {
    // fuzzy_terms reads per-length buckets filled by commit(): compare it with the definition, a
    // brute-force scan of every span-1 term with edit_distance_bounded, in term order. A small
    // alphabet makes near words common; lengths run past kEditDistanceMaxBytes; "x-y" adds
    // joined forms (span 2, never fuzzy candidates); digits and UTF-8 reach the mask's other bits.
    uint32_t seed = 12345;
    auto rnd = [&](uint32_t n) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % n;
    };
    const std::vector<std::string> alphabet = {"a", "b", "c", "d", "e", "s", "7", "\xC3\xA9", "-"};
    auto random_word = [&] {
        const uint32_t len = rnd(8) == 0 ? 50 + rnd(25) : 1 + rnd(12);
        std::string w;
        while (w.size() < len) w += alphabet[rnd(uint32_t(alphabet.size()))];
        return w;
    };
    InvertedIndex ix;
    std::vector<std::string> queries;
    for (int slice = 0; slice < 4; ++slice) {
        Episode ep;
        for (int i = 0; i < 400; ++i) {
            std::string w = random_word();
            if (i % 5 == 0) queries.push_back(w);
            Word word;
            word.begin = uint32_t(ep.text.size());
            ep.text += w + ' ';
            word.end = word.begin + uint32_t(w.size());
            ep.words.push_back(word);
        }
        REQUIRE(ix.add_episode(ep).ok());
        ix.commit();
        if (slice == 2) ix.shrink();
        for (int k = 0; k < 40; ++k) queries.push_back(random_word());
        std::vector<std::pair<TermId, int>> got, want;
        size_t found = 0;
        for (const std::string& q0 : queries) {
            WordTokens wt;
            word_tokens(q0, wt);
            const std::string q = wt.count() ? std::string(wt.part(0)) : q0;
            for (int max_dist = 0; max_dist <= 2; ++max_dist) {
                INFO("slice " << slice << " query '" << q << "' max_dist " << max_dist);
                want.clear();
                for (TermId t = 0; t < ix.term_count() && max_dist > 0; ++t) {
                    if (ix.term_span(t) != 1 || ix.term_text(t) == q) continue;
                    const int dist = edit_distance_bounded(q, ix.term_text(t), max_dist);
                    if (dist <= max_dist) want.push_back({t, dist});
                }
                got.assign(1, {kNoTerm, 9});  // fuzzy_terms appends
                ix.fuzzy_terms(q, max_dist, got);
                want.insert(want.begin(), {kNoTerm, 9});
                CHECK(got == want);
                found += want.size() - 1;
            }
        }
        CHECK(found > queries.size());  // the comparison covered many near words, not only empty lists
    }
}

TEST_CASE("index: passage_of and PassageCursor agree with a scan of passage starts (short, empty, several per block)", "[index]") {
    // Cues of 1-3 words 40 s apart: every cue its own passage, so a 64-token block holds from none
    // to many passage starts. Words without tokens ("__") make empty passages that start where the
    // next one does; "x-y-z" is three tokens (and its joined form). Two episodes: look-ups in the
    // second must not see the first's passages. passage_counts() is checked against the same scan,
    // with its count of occurrences in words of several tokens (a filter skips the others).
    const char* vocab[] = {"alpha", "__", "x-y-z", "beta", "gamma", "don't", "7"};
    InvertedIndex ix;
    uint32_t seed = 12345;
    auto next = [&](uint32_t n) { seed = seed * 1103515245u + 12345u; return (seed >> 16) % n; };
    for (int e = 0; e < 2; ++e) {
        Episode ep;
        for (uint32_t c = 0; c < 400; ++c) {
            const uint32_t n = 1 + next(c % 50 < 25 ? 3 : 60);  // stretches of short cues, then long ones
            Cue cue{uint32_t(ep.words.size()), n, c * 40000, c * 40000 + 1000};
            for (uint32_t k = 0; k < n; ++k) {
                const char* w = vocab[next(7)];
                ep.words.push_back(Word{uint32_t(ep.text.size()), uint32_t(ep.text.size() + std::strlen(w)), c * 40000, kNoSpeaker});
                ep.text += w;
                ep.text += ' ';
            }
            ep.cues.push_back(cue);
        }
        REQUIRE(ix.add_episode(ep).ok());
    }
    ix.commit();
    for (DocId d = 0; d < 2; ++d) {
        const Pos end = ix.token_count(d) + 130;  // places past the end belong to the last passage
        std::vector<uint32_t> want(end);
        for (Pos p = 0; p < end; ++p) {
            uint32_t g = ix.passages_begin(d);
            while (g + 1 < ix.passages_end(d) && ix.passage(g + 1).first_token <= p) ++g;
            want[p] = g;
        }
        REQUIRE(ix.passages_end(d) - ix.passages_begin(d) > 300);
        InvertedIndex::PassageCursor forward(ix), jumping(ix);
        for (Pos p = 0; p < end; ++p) {
            INFO("episode " << d << " token " << p);
            CHECK(ix.passage_of(d, p) == want[p]);
            CHECK(forward.at(d, p) == want[p]);
            const Pos q = Pos(next(end));
            CHECK(jumping.at(d, q) == want[q]);
        }
        size_t multi = 0;  // occurrences in words of several tokens: the check must meet some
        for (TermId t = 0; t < ix.term_count(); ++t) {
            std::vector<Occurrence> occ, in_d;
            ix.occurrences(t, occ);
            for (const Occurrence& o : occ)
                if (o.doc == d) in_d.push_back(o);
            std::vector<PassageCount> got, scan;
            ix.passage_counts(in_d.data(), in_d.data() + in_d.size(), got);
            for (const Occurrence& o : in_d) {
                if (scan.empty() || scan.back().gid != want[o.pos]) scan.push_back(PassageCount{want[o.pos], 0, 0});
                ++scan.back().count;
                const uint32_t w = ix.word_of_token(d, o.pos);  // a word's tokens all map to it
                const bool in_multi = o.span > 1 || (o.pos > 0 && ix.word_of_token(d, o.pos - 1) == w) ||
                                      (o.pos + 1 < ix.token_count(d) && ix.word_of_token(d, o.pos + 1) == w);
                scan.back().multi += in_multi;
                multi += in_multi;
            }
            INFO("term " << ix.term_text(t));
            REQUIRE(got.size() == scan.size());
            for (size_t k = 0; k < got.size(); ++k) {
                CHECK(got[k].gid == scan[k].gid);
                CHECK(got[k].count == scan[k].count);
                CHECK(got[k].multi == scan[k].multi);
            }
        }
        CHECK(multi > 100);
    }
}
