#include "core/episode.h"

#include "core/text.h"

namespace tx {

size_t count_words(std::string_view text) {
    size_t n = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = is_ascii_space(c);
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

std::pair<uint32_t, uint32_t> word_display_span(const Episode& ep, uint32_t w) {
    const Word& wd = ep.words[w];
    const uint32_t lo = w > 0 ? ep.words[w - 1].end : 0;
    const uint32_t hi = w + 1 < ep.words.size() ? ep.words[w + 1].begin : uint32_t(ep.text.size());
    uint32_t b = wd.begin, e = wd.end;
    while (b > lo && !is_ascii_space(ep.text[b - 1])) --b;
    while (e < hi && !is_ascii_space(ep.text[e])) ++e;
    return {b, e};
}

}  // namespace tx
