#include "core/episode.h"

#include <algorithm>

#include "core/text.h"

namespace tx {

void sort_chapters(std::vector<Chapter>& chapters) {
    std::stable_sort(chapters.begin(), chapters.end(), [](const Chapter& a, const Chapter& b) { return a.start_ms < b.start_ms; });
}

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

namespace {

// The start of the run of non-space code points that ends at `begin` (a word's punctuation written
// before it), going back no further than `lo`.
uint32_t run_begin(std::string_view text, uint32_t begin, uint32_t lo) {
    uint32_t b = begin;
    while (b > lo) {
        uint32_t p = b - 1;
        while (p > lo && (uint8_t(text[p]) & 0xC0) == 0x80) --p;
        size_t j = p;
        if (is_space_cp(utf8_next(text, j))) break;
        b = p;
    }
    return b;
}

// The end of the run of non-space code points that starts at `end`, going no further than `hi`.
uint32_t run_end(std::string_view text, uint32_t end, uint32_t hi) {
    uint32_t e = end;
    while (e < hi) {
        size_t j = e;
        if (is_space_cp(utf8_next(text, j))) break;
        e = uint32_t(std::min<size_t>(j, hi));
    }
    return e;
}

// The end of the last non-space code point in [from, to), or `from` when there is none.
uint32_t last_non_space_end(std::string_view text, uint32_t from, uint32_t to) {
    uint32_t last = from;
    for (size_t i = from; i < to;)
        if (!is_space_cp(utf8_next(text, i))) last = uint32_t(std::min<size_t>(i, to));
    return last;
}

// The start of the first non-space code point in [from, to), or `to` when there is none.
uint32_t first_non_space(std::string_view text, uint32_t from, uint32_t to) {
    for (size_t i = from; i < to;) {
        const size_t at = i;
        if (!is_space_cp(utf8_next(text, i))) return uint32_t(at);
    }
    return to;
}

}  // namespace

std::pair<uint32_t, uint32_t> word_display_span(const Episode& ep, uint32_t w) {
    const std::string_view text = ep.text;  // whole code points, stopping at any space split_words splits at
    const size_t n = ep.words.size();
    const Word& wd = ep.words[w];
    uint32_t b = run_begin(text, wd.begin, w > 0 ? ep.words[w - 1].end : 0);
    uint32_t e = run_end(text, wd.end, w + 1 < n ? ep.words[w + 1].begin : uint32_t(text.size()));
    // What stands alone between two words, spaces on both sides ("rock & roll", "100 %", "so — yes"),
    // is nobody's punctuation: the word before it shows it (and the first word what comes before
    // it), so the reader and quotes lose no text.
    const uint32_t next = w + 1 < n ? run_begin(text, ep.words[w + 1].begin, wd.end) : uint32_t(text.size());
    e = std::max(e, last_non_space_end(text, e, next));
    if (w == 0) b = first_non_space(text, 0, b);
    return {b, e};
}

}  // namespace tx
