// InvertedIndex building: the index's one-pass path for plain ASCII words must give exactly the
// terms and positions that word_tokens (text.h, the project's one definition of a token) gives.
#include <catch.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/index.h"
#include "core/text.h"

using namespace tx;

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
        for (const Occurrence& o : occ) {
            CHECK(o.doc == 0);
            got.push_back(o.pos);
        }
        CHECK(got == positions);
    }
    // token -> word map: every word with tokens starts at its first token
    pos = 0;
    for (uint32_t w = 0; w < words.size(); ++w) {
        word_tokens(words[w], wt);
        if (wt.count()) CHECK(ix.word_of_token(0, pos) == w);
        pos += Pos(wt.count());
    }
}
