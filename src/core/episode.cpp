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

// True when the '.' at text[i] ends an initial ("S.", "U.S.") or a title written before a name
// ("Dr.", "St."), not a sentence.
bool abbreviation_dot(std::string_view text, size_t i) {
    size_t b = i;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '.') --b;
    const std::string_view w = text.substr(b, i - b);
    if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;
    for (const char* t : {"Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Mt"})
        if (w == t) return true;
    return false;
}

bool starts_with_note(std::string_view s) {  // "♪" U+266A or "♫" U+266B
    return s.size() >= 3 && uint8_t(s[0]) == 0xE2 && uint8_t(s[1]) == 0x99 && (uint8_t(s[2]) == 0xAA || uint8_t(s[2]) == 0xAB);
}

// Where the text after the sound tags opening it ends ("[MUSIC PLAYING] ", "(applause) ",
// "♪ theme song ♪ ", "♪ "), from `at` (the start of the first word's run, its "[" included);
// `at` when there is none.
size_t after_sound_tags(std::string_view text, size_t at) {
    constexpr size_t kMaxTag = 60;  // longer is an aside in brackets, kept
    for (;;) {
        const std::string_view s = text.substr(at);
        size_t close = std::string_view::npos;
        if (!s.empty() && (s[0] == '[' || s[0] == '(')) {
            const size_t c = s.find(s[0] == '[' ? ']' : ')');
            if (c != std::string_view::npos && c <= kMaxTag && s.substr(0, c).find('\n') == std::string_view::npos) close = c + 1;
        } else if (starts_with_note(s)) {
            close = 3;  // a lone note, or one opening lyrics: to the closing note on the line
            for (size_t i = 3; i < s.size() && i <= kMaxTag && s[i] != '\n'; ++i)
                if (starts_with_note(s.substr(i))) { close = i + 3; break; }
        }
        if (close == std::string_view::npos) return at;
        at += close;
        while (at < text.size() && (is_ascii_space(text[at]) || starts_with_note(text.substr(at)))) at += is_ascii_space(text[at]) ? 1 : 3;
    }
}

}  // namespace

std::string title_from_opening(const Episode& ep) {
    constexpr size_t kMax = 72;
    if (ep.words.empty()) return {};
    std::string_view text(ep.text);
    // From the start of the first word's line ("[MUSIC PLAYING] Hi", "♪ theme ♪ Hi"), past any
    // sound tags to the first word after them; a transcript of sound tags only keeps its brackets
    // ("[MUSIC PLAYING]"). Without tags, the first word (no leading quote or dash), or its bracket.
    size_t start = std::min<size_t>(ep.words.front().begin, text.size());
    while (start > 0 && text[start - 1] != '\n') --start;
    while (start < text.size() && is_ascii_space(text[start])) ++start;
    const size_t after = after_sound_tags(text, start);
    size_t first = ep.words.front().begin;
    if (after == start && first == start + 1 && (text[start] == '(' || text[start] == '[')) {
        first = start;  // a long aside in brackets, not a tag: its bracket kept, balanced
    } else if (after != start) {
        first = start;  // nothing but tags, unless a word follows them
        for (const auto& w : ep.words)
            if (w.begin >= after) { first = w.begin; break; }
    }
    text.remove_prefix(std::min<size_t>(first, text.size()));
    size_t end = text.size();
    for (size_t i = 0; i < text.size(); ++i) {  // the first sentence (or line)
        char c = text[i];
        const bool stop = c == '.' || c == '?' || c == '!';
        if (c == '\n' || (stop && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n') &&
                          !(c == '.' && abbreviation_dot(text, i)))) {
            end = i;
            break;
        }
    }
    bool cut = false;
    if (end > kMax) {
        size_t sp = text.substr(0, kMax).find_last_of(' ');
        end = sp == std::string_view::npos || sp == 0 ? kMax : sp;
        while (end > 0 && (uint8_t(text[end]) & 0xC0) == 0x80) --end;  // never split a UTF-8 sequence
        cut = true;
    }
    std::string t(text.substr(0, end));
    for (char& c : t) if (c == '\t' || c == '\r') c = ' ';
    const std::string lead = "The following is a conversation with ";
    if (t.compare(0, lead.size(), lead) == 0) t = "Conversation with " + t.substr(lead.size());
    while (!t.empty() && (t.back() == ',' || t.back() == '.' || t.back() == ';' || t.back() == ':')) t.pop_back();
    if (cut) t += "\xE2\x80\xA6";
    return t;
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
