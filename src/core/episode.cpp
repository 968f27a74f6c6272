#include "core/episode.h"

namespace tx {

size_t count_words(std::string_view text) {
    size_t n = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

std::pair<uint32_t, uint32_t> word_display_span(const Episode& ep, uint32_t w) {
    const Word& wd = ep.words[w];
    const uint32_t lo = w > 0 ? ep.words[w - 1].end : 0;
    const uint32_t hi = w + 1 < ep.words.size() ? ep.words[w + 1].begin : uint32_t(ep.text.size());
    auto space = [&](uint32_t i) {
        const char c = ep.text[i];
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
    };
    uint32_t b = wd.begin, e = wd.end;
    while (b > lo && !space(b - 1)) --b;
    while (e < hi && !space(e)) ++e;
    return {b, e};
}

}  // namespace tx
