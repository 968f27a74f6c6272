// split_words against a plain restatement of its rule (text.h): a word is a run of non-space code
// points trimmed to its first..last letter/digit code point; runs without one are not words.
#include <catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <random>
#include <utility>
#include <string>
#include <vector>

#include "core/text.h"

using namespace tx;

namespace {

std::vector<WordSpan> reference_words(std::string_view s) {
    std::vector<WordSpan> out;
    size_t i = 0;
    bool in_run = false, has_word = false;
    WordSpan cur;
    size_t run_begin = 0;
    while (i <= s.size()) {
        size_t at = i;
        uint32_t cp = i < s.size() ? utf8_next(s, i) : ' ';
        if (i == at) ++i;  // the end
        if (is_space_cp(cp)) {
            if (in_run && has_word) {
                // "C++", "C#": a last part of one ASCII letter (after the run's start or ASCII
                // punctuation other than an apostrophe) keeps a "++" or "#" after it
                const std::string_view run = s.substr(run_begin, at - run_begin);
                const size_t e = cur.end - run_begin;  // in run
                auto ascii_letter = [](char c) { return std::isalpha(uint8_t(c)) && uint8_t(c) < 0x80; };
                const bool one_letter = ascii_letter(run[e - 1]) &&
                                        (e - 1 == cur.begin - run_begin ||
                                         (uint8_t(run[e - 2]) < 0x80 && !std::isalnum(uint8_t(run[e - 2])) && run[e - 2] != '\''));
                if (one_letter && run.substr(e, 2) == "++") cur.end += 2;
                else if (one_letter && run.substr(e, 1) == "#") cur.end += 1;
                out.push_back(cur);
            }
            in_run = has_word = false;
            continue;
        }
        if (!in_run) run_begin = at;
        in_run = true;
        if (is_word_cp(cp)) {
            if (!has_word) cur.begin = uint32_t(at);
            cur.end = uint32_t(std::min(i, s.size()));
            has_word = true;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("split_words: random mixes of ASCII words, punctuation, spaces, UTF-8 and invalid bytes match the rule", "[text]") {
    const std::vector<std::string> pieces = {
        "word", "Hello", "x", "42", "don't", ",", "...", "\"", "-", "jiu-jitsu", " ", "  ", "\n", "\t",
        "\xC3\xA9", "caf\xC3\xA9", "\xE2\x80\x94", "\xE2\x80\x9C", "\xC2\xA0", "\xE3\x80\x80", "\xF0\x9F\x98\x80",
        "\xFF", "\xC3", "\xE2\x80", "\xCE\x91\xCE\x92", "a\xE2\x80\x99s", "(", ")", "e-mail,",
        "C++", "c#", "+", "#", "++", "'", "/"};
    std::mt19937 rng(7);
    for (int round = 0; round < 3000; ++round) {
        std::string s;
        size_t n = rng() % 12;
        for (size_t k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
        std::vector<WordSpan> got;
        split_words(s, got);
        std::vector<WordSpan> want = reference_words(s);
        INFO("text: '" << s << "'");
        REQUIRE(got.size() == want.size());
        for (size_t k = 0; k < got.size(); ++k) {
            CHECK(got[k].begin == want[k].begin);
            CHECK(got[k].end == want[k].end);
        }
    }
}

// Protects split_words' word-at-a-time step (8 bytes tested at once for letters and digits): a
// run of them ends at the first other byte whatever that byte is, wherever it falls in the 8, and
// within the last 8 bytes of the text (the byte-by-byte end).
TEST_CASE("split_words: a run of letters and digits ends at any other byte, at any offset of an 8-byte step", "[text]") {
    for (int b = 1; b < 256; ++b)
        for (size_t run = 1; run <= 18; ++run)
            for (size_t tail : {0, 1, 3, 9}) {
                std::string s;
                for (size_t i = 0; i < run; ++i) s += "aZ09zAmQ"[i % 8];
                s += char(b);
                s += std::string(tail, 'q');
                std::vector<WordSpan> got;
                split_words(s, got);
                const std::vector<WordSpan> want = reference_words(s);
                INFO("run " << run << ", byte " << b << ", tail " << tail);
                REQUIRE(got.size() == want.size());
                for (size_t k = 0; k < got.size(); ++k) {
                    CHECK(got[k].begin == want[k].begin);
                    CHECK(got[k].end == want[k].end);
                }
            }
}

// Protects ascii_alnum_bytes, the 8-bytes-at-once letter/digit test of split_words and the index:
// each byte value in each of the 8 places, among other bytes, against the plain definition.
TEST_CASE("ascii_alnum_bytes: flags exactly the ASCII letters and digits, in every byte of the 8", "[text]") {
    auto alnum = [](int c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    uint32_t seed = 5;
    for (int round = 0; round < 64; ++round) {
        uint8_t bytes[8];
        for (uint8_t& x : bytes) x = uint8_t((seed = seed * 1664525u + 1013904223u) >> 24);
        for (int lane = 0; lane < 8; ++lane)
            for (int c = 0; c < 256; ++c) {
                bytes[lane] = uint8_t(c);
                uint64_t x;
                std::memcpy(&x, bytes, 8);
                const uint64_t got = ascii_alnum_bytes(x);
                for (int k = 0; k < 8; ++k) {
                    INFO("lane " << k << " byte " << int(bytes[k]));
                    REQUIRE(((got >> (8 * k + 7)) & 1) == uint64_t(alnum(bytes[k])));
                }
                CHECK((got & ~0x8080808080808080ull) == 0);
            }
    }
}

// Protects search in Chinese and Japanese text, written without spaces: a run of ideographs and
// kana was one token, so "東京" could not be found inside "私は東京に住んでいます".
TEST_CASE("word_tokens: Han ideographs and kana are one token per character", "[text]") {
    WordTokens wt;
    word_tokens("私は東京に住んでいます", wt);
    REQUIRE(wt.count() == 11);
    CHECK(wt.part(0) == "私");
    CHECK(wt.part(2) == "東");
    CHECK(wt.part(3) == "京");
    CHECK(wt.joined().empty());
    // mixed with Latin letters: the Latin run stays one token
    word_tokens("iPhone東京", wt);
    REQUIRE(wt.count() == 3);
    CHECK(wt.part(0) == "iphone");
    // Hangul is written with spaces: a word stays one token
    word_tokens("서울에서", wt);
    CHECK(wt.count() == 1);
}

// Protects CJK highlights, which mark a match's characters from these source spans: each token's
// bytes in the word, for words written without spaces, mixed with Latin, and plain ASCII ones.
TEST_CASE("word_tokens: with want_src, each token's bytes in the word", "[text][cjk]") {
    WordTokens wt;
    wt.want_src = true;
    auto spans = [&](const std::string& w) {
        word_tokens(w, wt);
        REQUIRE(wt.src.size() == wt.count());
        std::vector<std::string> out;
        for (const WordSpan& s : wt.src) out.push_back(w.substr(s.begin, s.end - s.begin));
        return out;
    };
    CHECK(spans("私は東京") == std::vector<std::string>{"私", "は", "東", "京"});
    CHECK(spans("iPhone用の東京") == std::vector<std::string>{"iPhone", "用", "の", "東", "京"});
    CHECK(spans("「東京」、") == std::vector<std::string>{"東", "京"});  // punctuation is no token's
    CHECK(spans("Don't-stop") == std::vector<std::string>{"Don't", "stop"});
    CHECK(spans("C++") == std::vector<std::string>{"C++"});
    CHECK(spans("Ｔｏｋｙｏ東京") == std::vector<std::string>{"Ｔｏｋｙｏ", "東", "京"});
    wt.want_src = false;
    word_tokens("私は", wt);
    CHECK(wt.src.empty());
    CHECK(has_cjk_char("iPhone用"));
    CHECK_FALSE(has_cjk_char("Ёжик café 서울"));
}

// Protects search in Vietnamese and full-width text: "Việt" and "VIỆT" were different tokens and
// "viet" found neither; "ＦＵＬＬ" (full-width) did not fold to "full".
TEST_CASE("word_tokens: Vietnamese letters and full-width Latin fold to their base letters", "[text]") {
    WordTokens a, b;
    auto same = [&](const char* x, const char* y) {
        word_tokens(x, a);
        word_tokens(y, b);
        REQUIRE(a.count() == 1);
        REQUIRE(b.count() == 1);
        return a.part(0) == b.part(0);
    };
    CHECK(same("Việt", "viet"));
    CHECK(same("VIỆT", "viet"));
    CHECK(same("Trường", "truong"));
    CHECK(same("Ơn", "on"));
    CHECK(same("Đà", "da"));
    CHECK(same("ＦＵＬＬ", "full"));
    CHECK(same("２０２３", "2023"));
    CHECK(same("Ștefan", "stefan"));  // Latin Extended-B (Romanian)
    CHECK_FALSE(same("ẞ", "b"));        // no single base letter: kept as it is
}

// The textbook optimal string alignment distance (full table, no bound), the definition that
// edit_distance_bounded and EditDistanceFrom must agree with.
int reference_osa_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = int(i);
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = int(j);
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

// Russian text mostly writes "е" for "ё" ("ежик" for "ёжик"): a search typed either way missed the
// other spelling.
TEST_CASE("fold_token: Russian yo (Ё ё) folds to ye (е), so either spelling finds the other", "[text]") {
    const std::string ye = "\xD0\xB5\xD0\xB6\xD0\xB8\xD0\xBA";  // ежик
    CHECK(fold_token("\xD0\x81\xD0\xB6\xD0\xB8\xD0\xBA") == ye);  // Ёжик
    CHECK(fold_token("\xD1\x91\xD0\xB6\xD0\xB8\xD0\xBA") == ye);  // ёжик
    CHECK(fold_token("\xD0\x95\xD0\xB6\xD0\xB8\xD0\xBA") == ye);  // Ежик
    CHECK(fold_token("\xD0\x99") == "\xD0\xB9");                      // Й stays й (not и)
}

TEST_CASE("text: a swap of two adjacent letters is one edit, the most common typing error", "[text][fuzzy]") {
    // Plain Levenshtein counts "recieve" as two edits from "receive": past the one-edit bound of
    // words of 5-8 letters, so the typo was never found.
    for (auto [typed, meant] : {std::pair{"recieve", "receive"}, {"wierd", "weird"}, {"teh", "the"},
                                {"zuckerbreg", "zuckerberg"}, {"metaevrse", "metaverse"}, {"ab", "ba"}}) {
        INFO(typed << " / " << meant);
        CHECK(edit_distance_bounded(typed, meant, 1) == 1);
        CHECK(EditDistanceFrom(typed).bounded(meant, 1) == 1);
        CHECK(edit_distance_bounded(typed, meant, 0) == 1);  // over a bound of 0: bound + 1
    }
    // Two swaps are two edits; a swapped pair is not edited again (optimal string alignment).
    CHECK(edit_distance_bounded("abcd", "badc", 2) == 2);
    CHECK(edit_distance_bounded("ca", "abc", 3) == 3);
    CHECK(EditDistanceFrom("ca").bounded("abc", 3) == 3);
    CHECK(edit_distance_bounded("kitten", "sitting", 3) == 3);  // plain edits as before
}

TEST_CASE("text: EditDistanceFrom equals edit_distance_bounded equals the textbook distance", "[text][fuzzy]") {
    // The bit-parallel form and the bounded DP against the full-table definition: random words
    // and words a few random edits (swaps included) away, over a small alphabet (with a byte
    // >= 0x80), lengths 0..70 (past kEditDistanceMaxBytes).
    uint32_t seed = 777;
    auto rnd = [&](uint32_t n) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % n;
    };
    const char alphabet[] = {'a', 'b', 'c', 'e', 's', '7', '\xC3', '\'', 'z'};
    auto random_word = [&] {
        const uint32_t len = rnd(6) == 0 ? 55 + rnd(16) : rnd(14);
        std::string w;
        for (uint32_t i = 0; i < len; ++i) w += alphabet[rnd(sizeof alphabet)];
        return w;
    };
    size_t near = 0;
    for (int k = 0; k < 20000; ++k) {
        const std::string a = random_word();
        std::string b = random_word();
        if (k % 2) {  // a within a few edits
            b = a;
            for (uint32_t e = rnd(4); e > 0; --e) {
                const size_t at = b.empty() ? 0 : rnd(uint32_t(b.size()));
                const char c = alphabet[rnd(sizeof alphabet)];
                switch (rnd(4)) {
                    case 0: b.insert(b.begin() + long(at), c); break;
                    case 1: if (!b.empty()) b.erase(at, 1); break;
                    case 2: if (at + 1 < b.size()) std::swap(b[at], b[at + 1]); break;
                    default: if (!b.empty()) b[at] = c; break;
                }
            }
        }
        const EditDistanceFrom from_a(a);
        const bool long_word = std::max(a.size(), b.size()) > kEditDistanceMaxBytes;
        const int full = long_word ? (a == b ? 0 : 99) : reference_osa_distance(a, b);
        for (int max_dist = 0; max_dist <= 3; ++max_dist) {
            INFO("a '" << a << "' b '" << b << "' max_dist " << max_dist);
            const int want = std::min(full, max_dist + 1);
            CHECK(edit_distance_bounded(a, b, max_dist) == want);
            CHECK(from_a.bounded(b, max_dist) == want);
            near += want <= max_dist;
        }
    }
    CHECK(near > 10000);  // many pairs within the bound, not only "too far"
}

// Protects searching for programming languages: symbols split words, so "c++", "c#" and "f#"
// searched the letter "c" (on Lexicap 651 matches, of which ~230 were "C++").
TEST_CASE("word_tokens: a one-letter name with ++ or # is one token (C++ C# F#) and not the letter", "[text]") {
    auto tokens = [](std::string_view text) {
        std::vector<WordSpan> spans;
        split_words(text, spans);
        std::string out;
        WordTokens wt;
        for (const WordSpan& w : spans) {
            out += "[" + std::string(text.substr(w.begin, w.end - w.begin)) + "]";
            word_tokens(text.substr(w.begin, w.end - w.begin), wt);
            for (size_t i = 0; i < wt.count(); ++i) out += " " + std::string(wt.part(i));
            out += ";";
        }
        return out;
    };
    CHECK(tokens("C++, C# and F#.") == "[C++] c++;[C#] c#;[and] and;[F#] f#;");
    CHECK(tokens("(C++) C++20 C/C++ g++") == "[C++] c++;[C++20] c++ 20;[C/C++] c c++;[g++] g++;");
    // unchanged: the letter alone, a single '+', hashtags and numbers, longer words, a letter
    // after an apostrophe or a UTF-8 letter
    CHECK(tokens("c a+ #1 #metaverse ab++ x'c++ \xC3\xA9#") == "[c] c;[a] a;[1] 1;[metaverse] metaverse;[ab] ab;[x'c] xc;[\xC3\xA9] e;");
    // a query word is the same token, wherever it was cut from
    WordTokens wt;
    word_tokens("C++", wt);
    REQUIRE(wt.count() == 1);
    CHECK(wt.part(0) == "c++");
    word_tokens("caf\xC3\xA9-C#", wt);  // the UTF-8 path
    REQUIRE(wt.count() == 2);
    CHECK(wt.part(1) == "c#");
}

TEST_CASE("word_tokens: invisible format characters inside a word do not split it", "[text]") {
    // Pasted and phone-typed text carries zero-width spaces, joiners and soft hyphens inside words;
    // they split "meta\u200Bverse" into the phrase "meta verse", which finds no "metaverse".
    WordTokens t;
    for (const char* w : {"meta\xE2\x80\x8Bverse", "meta\xC2\xADverse", "meta\xE2\x80\x8Cverse", "meta\xE2\x80\x8Dverse",
                          "meta\xE2\x81\xA0verse"}) {
        INFO(w);
        word_tokens(w, t);
        REQUIRE(t.count() == 1);
        CHECK(t.part(0) == "metaverse");
    }
    // a hyphen still splits (and joins), so only the invisible ones are dropped
    word_tokens("meta-verse", t);
    CHECK(t.count() == 2);
    CHECK(t.joined() == "metaverse");
}
