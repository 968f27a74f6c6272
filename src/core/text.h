// text.h: UTF-8 and word normalisation shared by the importers, the index and the query parser.
//
// One definition of "word" and "token" for the whole project, so that indexing and querying
// always agree:
//   - A *word* (Episode::words) is a run of non-space bytes with leading/trailing punctuation
//     trimmed ("Intelligence," -> "Intelligence", "“Hello”" -> "Hello"); runs that are only
//     punctuation ("—", "...") are not words.
//   - A word yields one or more *tokens*: letters and digits, case folded (Unicode simple
//     folding for Latin, Greek, Cyrillic; Latin accents removed so "café" == "cafe" and
//     "Việt" == "viet"; Russian "ё" as "е", the way most Russian text writes it; full-width
//     Latin and digits as ASCII),
//     apostrophes (' ’ ʼ) and invisible format characters (soft hyphen, zero-width space and
//     joiners) deleted ("don't" -> "dont"), and any other inner punctuation splitting
//     the word ("jiu-jitsu" -> "jiu", "jitsu"; "3.0" -> "3", "0"), except "++" or "#" after
//     a part of one ASCII letter: the names "c++", "c#", "f#" (a word keeps them when trimmed:
//     "C++," -> "C++"), so they are not searched as the letter "c".
//   - Han ideographs and Japanese kana, written without spaces, are one token per character
//     ("私は東京に住んでいます" -> 11 tokens), so a search for "東京" (two tokens: a phrase)
//     finds it inside the run.
//   - A word split on hyphens also yields its *joined* form ("jiujitsu") at the position of its
//     first part, so "jiu-jitsu", "jiujitsu" and "jiu jitsu" find each other.
// Numbers are kept; stop words are kept.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base.h"

namespace tx {

// ---- UTF-8 ----

// Decode one code point at s[i]; advances i. Invalid sequences decode as U+FFFD, one byte each.
uint32_t utf8_next(std::string_view s, size_t& i);
// Append the UTF-8 encoding of code point cp (invalid code points become U+FFFD).
void utf8_append(std::string& out, uint32_t cp);
// @return the byte offset of the first invalid UTF-8 sequence, or std::string_view::npos if valid.
size_t utf8_invalid_offset(std::string_view s);
// The code point of Windows-1252 byte b (Latin-1 plus the quotes, dashes, € … in 0x80-0x9F).
// @return 0 for the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
uint32_t cp1252_to_unicode(uint8_t b);

// ---- Character classes ----

constexpr bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }  // space, \t \n \v \f \r
// @return a and b equal ignoring ASCII case (query keywords such as "speaker:", in any case)
constexpr bool ascii_iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}
bool is_space_cp(uint32_t cp);       // ASCII whitespace, NBSP, Unicode spaces
bool is_apostrophe_cp(uint32_t cp);  // ' ’ ʼ ‘ (deleted inside tokens)
bool is_hyphen_cp(uint32_t cp);      // - ‐ ‑ (split and joined)
bool is_word_cp(uint32_t cp);        // letters/digits (any non-punctuation code point >= 0x80)
bool is_cjk_char_cp(uint32_t cp);    // Han ideographs and kana: one token per character

// The high bit of every byte of x (8 bytes of text, loaded little-endian) that is an ASCII letter
// or digit, 0 in the others: the word-at-a-time tests of split_words and the index's folding.
inline uint64_t ascii_alnum_bytes(uint64_t x) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    // the high bit of each byte of y (all < 0x80) in [lo, hi]: no sum passes 0xFF, so no carry
    // crosses into the next byte
    auto in = [](uint64_t y, uint8_t lo, uint8_t hi) {
        return (y + ones * uint8_t(0x80 - lo)) & ~(y + ones * uint8_t(0x7F - hi)) & highs;
    };
    const uint64_t low7 = x & ~highs;  // bytes >= 0x80 are cleared from the result below
    return (in(low7, '0', '9') | in(low7 | (ones * 0x20), 'a', 'z')) & ~x & highs;
}

// ---- Words and tokens ----

struct WordSpan {
    uint32_t begin = 0;  // byte offset of the first byte (after punctuation trimming)
    uint32_t end = 0;    // one past the last byte
};

// Split `text` into words (see the file comment). Offsets are relative to text.data().
void split_words(std::string_view text, std::vector<WordSpan>& out);

constexpr size_t kMaxTokenBytes = 64;  // longer tokens are truncated (keeps the dictionary sane)

struct WordTokens {
    std::string buf;             // the folded parts, concatenated, in [0, ends.back()) (reused
                                 // between calls: bytes past ends.back() are stale)
    std::vector<uint32_t> ends;  // end offset of each part in buf
    bool hyphenated = false;     // parts were separated by hyphens: buf is also the joined form
    bool want_src = false;       // set by the caller: also fill `src` (slower; highlights only)
    std::vector<WordSpan> src;   // with want_src: each part's bytes in the word (a part cut at
                                 // kMaxTokenBytes keeps its whole source run)

    size_t count() const { return ends.size(); }
    std::string_view part(size_t i) const {
        uint32_t b = i ? ends[i - 1] : 0;
        return std::string_view(buf).substr(b, ends[i] - b);
    }
    // The joined form ("jiujitsu" for "jiu-jitsu"), or empty when the word had no hyphen.
    std::string_view joined() const;
};

// Normalise one word into its tokens (see the file comment); `out` is reset first.
void word_tokens(std::string_view word, WordTokens& out);
// True when `word` holds a Han ideograph or kana (is_cjk_char_cp): its tokens are characters.
bool has_cjk_char(std::string_view word);

// Case fold + normalise a single token-ish string (no splitting): letters/digits folded,
// apostrophes removed, anything else dropped. Used for dictionary keys and query terms.
std::string fold_token(std::string_view s);

// ---- Matching helpers ----

// Snowball English stem of a folded token (the Snowball "english" algorithm, UTF-8).
std::string stem_english(std::string_view token);

// A sound-alike key for speech-recognition errors: vowels and h/w/y dropped, consonants
// grouped (b=p, d=t, f=v=ph, c/g/k/q=K, s/z/soft c=S, x=KS), repeats collapsed; empty for
// tokens with non-ASCII letters or digits. "fridman" and "freedman" -> "FRTMN"; "lex" and
// "alex" -> "LKS". Used together with an edit-distance bound to keep it precise.
std::string phonetic_key(std::string_view token);

// Edit distance between a and b (bytes): each inserted, deleted or replaced byte, and each swap
// of two adjacent bytes ("recieve", "wierd"), is one edit; a swapped pair is not edited again
// (optimal string alignment: "ca" -> "abc" is 3). @return it, or max_dist + 1 if it exceeds
// max_dist. Words longer than kEditDistanceMaxBytes are only ever at distance 0 from themselves.
constexpr size_t kEditDistanceMaxBytes = 64;
int edit_distance_bounded(std::string_view a, std::string_view b, int max_dist);
// The same with a swap counted as two edits (Levenshtein): the bound of sound-alikes, where a swap
// is a typing error, not a mishearing (with swaps "aliens" took "lines" as one, "quiet" "quote").
int levenshtein_bounded(std::string_view a, std::string_view b, int max_dist);

// edit_distance_bounded(a, b, max_dist) for one word `a` against many words `b` (the typo
// search's candidates), bit-parallel (Myers 1999, in Hyyrö's form for the global distance, with
// his 2003 term for swaps): a few 64-bit operations per byte of b instead of a row of the DP
// table, with a per-byte table of a's positions built once. Keeps a view of `a`: it must outlive
// the object.
class EditDistanceFrom {
public:
    explicit EditDistanceFrom(std::string_view a);
    // @return the same as edit_distance_bounded(a, b, max_dist).
    int bounded(std::string_view b, int max_dist) const;

private:
    std::string_view m_a;
    uint64_t m_peq[256] = {};  // bit i set in m_peq[c] when a[i] == c
};

// ---- Formatting ----

// "6,210,151": @return n in decimal with a comma between groups of three digits (the page's counts,
// the command-line tools' tables).
std::string group_digits(uint64_t n);

}  // namespace tx
