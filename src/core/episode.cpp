#include "core/episode.h"

#include <algorithm>

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
    // whole code points, stopping at any space split_words splits at (NBSP and the Unicode spaces too)
    const std::string_view text = ep.text;
    while (b > lo) {
        uint32_t p = b - 1;
        while (p > lo && (uint8_t(text[p]) & 0xC0) == 0x80) --p;
        size_t j = p;
        if (is_space_cp(utf8_next(text, j))) break;
        b = p;
    }
    while (e < hi) {
        size_t j = e;
        if (is_space_cp(utf8_next(text, j))) break;
        e = uint32_t(std::min<size_t>(j, hi));
    }
    return {b, e};
}

}  // namespace tx
