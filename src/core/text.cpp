#include "core/text.h"

#include <algorithm>
#include <cstring>
#include <utility>

extern "C" {
#include "runtime/api.h"  // Snowball's runtime: struct SN_env, SN_set_current
#include "stem_UTF_8_english.h"
}

namespace tx {

// ---- UTF-8 ----

uint32_t utf8_next(std::string_view s, size_t& i) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    size_t n = s.size();
    uint8_t c = p[i];
    if (c < 0x80) { ++i; return c; }
    int len = 0;
    uint32_t cp = 0, min = 0;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else { ++i; return 0xFFFD; }
    if (i + len > n) { ++i; return 0xFFFD; }
    for (int k = 1; k < len; ++k) {
        uint8_t cc = p[i + k];
        if ((cc & 0xC0) != 0x80) { ++i; return 0xFFFD; }
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return 0xFFFD; }
    i += len;
    return cp;
}

void utf8_append(std::string& out, uint32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

uint32_t cp1252_to_unicode(uint8_t b) {
    static const uint16_t k80[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
        0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    return b >= 0x80 && b < 0xA0 ? k80[b - 0x80] : b;
}

size_t utf8_invalid_offset(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        if (uint8_t(s[i]) < 0x80) { ++i; continue; }
        size_t at = i;
        uint32_t cp = utf8_next(s, i);
        if (cp == 0xFFFD) {
            // A literal U+FFFD (EF BF BD) is valid; anything else decoding to it is not.
            if (!(i - at == 3 && uint8_t(s[at]) == 0xEF && uint8_t(s[at + 1]) == 0xBF && uint8_t(s[at + 2]) == 0xBD))
                return at;
        }
    }
    return std::string_view::npos;
}

// ---- Character classes ----

bool is_space_cp(uint32_t cp) {
    if (cp < 0x80) return is_ascii_space(char(cp));
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool is_apostrophe_cp(uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018; }

bool is_hyphen_cp(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

bool is_word_cp(uint32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, currency, symbols, arrows, boxes
    if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
    if (cp >= 0xE000 && cp <= 0xF8FF) return false;  // private use
    if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
    if ((cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
        (cp >= 0xFF5B && cp <= 0xFF65))
        return false;
    if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;    // specials incl. U+FFFD
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and pictographs
    return true;
}

// Han ideographs and Japanese kana: scripts written without spaces, where one character is the
// smallest unit a search can rely on (a word is a run of them: "東京" is a two-token phrase).
bool is_cjk_char_cp(uint32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) ||    // hiragana, katakana
           (cp >= 0x31F0 && cp <= 0x31FF) ||    // katakana phonetic extensions
           (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
           (cp >= 0xF900 && cp <= 0xFAFF) ||    // CJK compatibility ideographs
           (cp >= 0xFF66 && cp <= 0xFF9F) ||    // half-width katakana
           (cp >= 0x20000 && cp <= 0x3134F);    // CJK extensions B-G
}

namespace {

// Dropped from tokens: combining marks, variation selectors, and the invisible format characters
// that copy-and-paste and phone keyboards leave inside words (soft hyphen U+00AD, zero-width
// space, non-joiner and joiner U+200B-U+200D, word joiner U+2060): "meta\u200Bverse" is
// "metaverse", not the phrase "meta verse".
bool is_ignorable_cp(uint32_t cp) {
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) ||
           cp == 0x2060;
}

// Base letters for U+00C0..U+017F; '*' = multi-letter, '#' = not a letter.
const char kLatin1[] = "aaaaaa*ceeeeiiiidnooooo#ouuuuy**aaaaaa*ceeeeiiiidnooooo#ouuuuy*y";
const char kLatinA[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkklllllllllln"
    "nnnnnnnnoooooo**rrrrrrsssssssstttttt"
    "uuuuuuuuuuuuwwyyyzzzzzzs";

// Latin Extended-B and Latin Extended Additional (Vietnamese: "Việt" == "viet"), from Unicode's
// decompositions (NFKD, marks dropped) at the time of writing.
// U+0180-U+024F: base letter, or * (kept as is)
const char kLatinB[] =
    "********************************oo*************uu***************"
    "*************aaiioouuuuuuuuuu*aaaa****ggkkoooo**j***gg**nnaa****"
    "aaaaeeeeiiiioooorrrruuuusstt**hh******aaeeooooooooyy************"
    "****************"
    ;

// U+1E00-U+1EFF: base letter, or * (kept as is)
const char kLatinAdd[] =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
    "wwwwwwwwwwxxxxyyzzzzzzhtwy*s****aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy******"
    ;

void fold_append(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') cp += 32;
        out += char(cp);
        return;
    }
    if (is_ignorable_cp(cp)) return;
    if (cp >= 0xC0 && cp <= 0x17F) {
        char b = cp < 0x100 ? kLatin1[cp - 0xC0] : kLatinA[cp - 0x100];
        if (b != '*' && b != '#') { out += b; return; }
        switch (cp) {
            case 0xC6: case 0xE6: out += "ae"; return;
            case 0xDE: case 0xFE: out += "th"; return;
            case 0xDF: out += "ss"; return;
            case 0x132: case 0x133: out += "ij"; return;
            case 0x152: case 0x153: out += "oe"; return;
            default: break;
        }
    }
    if ((cp >= 0x180 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF)) {
        const char b = cp <= 0x24F ? kLatinB[cp - 0x180] : kLatinAdd[cp - 0x1E00];
        if (b != '*') { out += b; return; }
    }
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A)) {
        fold_append(out, cp - 0xFEE0);  // full-width digits and Latin letters: ＦＵＬＬ == full
        return;
    }
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) cp += 0x20;
    else if (cp == 0x3C2) cp = 0x3C3;
    else if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;
    else if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
    if (cp == 0x451) cp = 0x435;  // ё as е: Russian text mostly writes "ежик" for "ёжик"
    utf8_append(out, cp);
}

void truncate_token(std::string& t) {
    if (t.size() <= kMaxTokenBytes) return;
    size_t n = kMaxTokenBytes;
    while (n > 0 && (uint8_t(t[n]) & 0xC0) == 0x80) --n;  // keep whole code points
    t.resize(n);
}

}  // namespace

// ---- Words and tokens ----

namespace {
// Byte classes for split_words' fast path: 0 other ASCII, 1 space, 2 letter or digit, 3 not ASCII.
struct AsciiClass {
    uint8_t c[256] = {};
    constexpr AsciiClass() {
        for (int k = 0; k < 256; ++k)
            c[k] = k >= 0x80 ? 3
                   : (k == ' ' || (k >= 0x09 && k <= 0x0D)) ? 1
                   : ((k >= '0' && k <= '9') || (k >= 'a' && k <= 'z') || (k >= 'A' && k <= 'Z')) ? 2 : 0;
    }
};
constexpr AsciiClass kAscii;

constexpr bool is_ascii_letter(uint8_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// A name of one letter and a symbol: "C++", "C#", "F#" (and the notes "A#", "C#"). The symbols
// at word[k] glue onto a part that is the one ASCII letter word[k-1], so the name is not searched
// as the letter. @return how many bytes glue (0: none; the caller checks the part).
size_t letter_symbol_len(std::string_view word, size_t k) {
    if (k == 0 || k >= word.size() || !is_ascii_letter(uint8_t(word[k - 1]))) return 0;
    if (word[k] == '#') return 1;
    return word[k] == '+' && k + 1 < word.size() && word[k + 1] == '+' ? 2 : 0;
}

// split_words' general case: a run of non-space code points whose word code points so far are
// [first_word, last_word_end) (first_word = npos: none yet), scanned on from j. Appends the
// run's word with leading/trailing punctuation trimmed, if it has one. @return where the run ends.
size_t finish_word(std::string_view text, size_t first_word, size_t last_word_end, size_t j, std::vector<WordSpan>& out) {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    size_t n = text.size();
    while (j < n) {
        size_t cpos = j;
        uint8_t cls;
        if (p[j] < 0x80) {
            cls = kAscii.c[p[j++]];
        } else {
            uint32_t c = utf8_next(text, j);
            cls = is_space_cp(c) ? 1 : is_word_cp(c) ? 2 : 0;
        }
        if (cls == 1) { j = cpos; break; }
        if (cls == 2) {
            if (first_word == std::string_view::npos) first_word = cpos;
            last_word_end = j;
        }
    }
    if (first_word != std::string_view::npos) {
        // a last part of one ASCII letter keeps the symbols word_tokens glues onto it ("C++,")
        const size_t e = last_word_end;
        if (e - first_word == 1 || (!is_ascii_letter(p[e - 2]) && !(p[e - 2] >= '0' && p[e - 2] <= '9') && p[e - 2] < 0x80 &&
                                    p[e - 2] != '\''))
            last_word_end += letter_symbol_len(text.substr(0, j), e);
        out.push_back({uint32_t(first_word), uint32_t(last_word_end)});
    }
    return j;
}
}  // namespace

void split_words(std::string_view text, std::vector<WordSpan>& out) {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    size_t i = 0, n = text.size();
    while (i < n) {
        uint8_t cls = kAscii.c[p[i]];
        if (cls == 1) {  // space
            ++i;
            continue;
        }
        if (cls == 2) {  // the common word: a run of ASCII letters and digits up to a space
            size_t b = i++;
            for (; n - i >= 8; i += 8) {  // 8 bytes at a time: most words end in the first 8
                uint64_t x;
                std::memcpy(&x, p + i, 8);
                const uint64_t other = ~ascii_alnum_bytes(x) & 0x8080808080808080ull;
                if (other) {
                    i += size_t(__builtin_ctzll(other)) >> 3;
                    break;
                }
            }
            while (i < n && kAscii.c[p[i]] == 2) ++i;
            if (i == n || kAscii.c[p[i]] == 1) out.push_back({uint32_t(b), uint32_t(i)});
            else i = finish_word(text, b, i, i, out);
            continue;
        }
        if (cls == 3) {  // not ASCII: a space, or the start of a run
            size_t k = i;
            if (is_space_cp(utf8_next(text, k))) {
                i = k;
                continue;
            }
        }
        i = finish_word(text, std::string_view::npos, 0, i, out);
    }
}

std::string_view WordTokens::joined() const {
    if (!hyphenated || ends.size() < 2) return {};
    std::string_view j(buf.data(), ends.back());
    if (j.size() > kMaxTokenBytes) {
        size_t n = kMaxTokenBytes;
        while (n > 0 && (uint8_t(j[n]) & 0xC0) == 0x80) --n;
        j = j.substr(0, n);
    }
    return j;
}

namespace {
// word_tokens for an all-ASCII word, writing through a pointer into a buffer that only ever
// grows: std::string's push_back and resize are out-of-line calls in the WASM build's libc++ and
// dominated indexing there. buf may hold stale bytes past ends.back().
void ascii_word_tokens(std::string_view word, WordTokens& out) {
    if (out.buf.size() < word.size()) out.buf.resize(std::max<size_t>(word.size(), 64));
    char* o = out.buf.data();
    size_t len = 0, part_begin = 0;
    auto flush = [&]() {
        if (len > part_begin) {
            if (len - part_begin > kMaxTokenBytes) len = part_begin + kMaxTokenBytes;  // ASCII: any cut is a boundary
            out.ends.push_back(uint32_t(len));
            part_begin = len;
        }
    };
    for (size_t k = 0; k < word.size(); ++k) {
        uint8_t c = uint8_t(word[k]);
        if (c >= 'A' && c <= 'Z') o[len++] = char(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) o[len++] = char(c);
        else if (c == '\'') continue;
        else if (size_t g = len - part_begin == 1 ? letter_symbol_len(word, k) : 0) {  // "c++", "c#"
            for (size_t x = 0; x < g; ++x) o[len++] = word[k + x];
            k += g - 1;
            flush();
        } else {
            if (c == '-' && len > part_begin) out.hyphenated = true;
            flush();
        }
    }
    flush();
}
}  // namespace

void word_tokens(std::string_view word, WordTokens& out) {
    out.ends.clear();
    out.src.clear();
    out.hyphenated = false;
    bool ascii = true;
    for (char c : word) ascii = ascii && uint8_t(c) < 0x80;
    if (ascii && !out.want_src) {
        ascii_word_tokens(word, out);
        return;
    }
    out.buf.clear();
    size_t part_begin = 0;
    WordSpan src;  // want_src: the current part's bytes in `word`
    // before appending the code point [from, to) of `word` to the current part
    auto mark = [&](size_t from, size_t to) {
        if (!out.want_src) return;
        if (out.buf.size() == part_begin) src.begin = uint32_t(from);
        src.end = uint32_t(to);
    };
    auto flush = [&]() {
        if (out.buf.size() > part_begin) {
            if (out.buf.size() - part_begin > kMaxTokenBytes) {  // truncate on a code point boundary
                size_t n = part_begin + kMaxTokenBytes;
                while (n > part_begin && (uint8_t(out.buf[n]) & 0xC0) == 0x80) --n;
                out.buf.resize(n);
            }
            out.ends.push_back(uint32_t(out.buf.size()));
            if (out.want_src) out.src.push_back(src);
            part_begin = out.buf.size();
        }
    };
    size_t i = 0, n = word.size();
    while (i < n) {
        uint8_t c = uint8_t(word[i]);
        if (c < 0x80) {  // ASCII fast path
            ++i;
            if (c >= 'A' && c <= 'Z') mark(i - 1, i), out.buf += char(c + 32);
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) mark(i - 1, i), out.buf += char(c);
            else if (c == '\'') continue;
            else if (size_t g = out.buf.size() - part_begin == 1 ? letter_symbol_len(word, i - 1) : 0) {  // "c++", "c#"
                mark(i - 1, i - 1 + g);
                out.buf.append(word, i - 1, g);
                i += g - 1;
                flush();
            } else {
                if (c == '-' && out.buf.size() > part_begin) out.hyphenated = true;
                flush();
            }
            continue;
        }
        const size_t at = i;
        uint32_t cp = utf8_next(word, i);
        if (is_cjk_char_cp(cp)) {  // a token of its own
            flush();
            mark(at, i);
            fold_append(out.buf, cp);
            flush();
        } else if (is_word_cp(cp)) mark(at, i), fold_append(out.buf, cp);
        else if (is_apostrophe_cp(cp) || is_ignorable_cp(cp)) continue;
        else {
            if (is_hyphen_cp(cp) && out.buf.size() > part_begin) out.hyphenated = true;
            flush();
        }
    }
    flush();
}

bool has_cjk_char(std::string_view word) {
    for (size_t i = 0; i < word.size();) {
        if (uint8_t(word[i]) < 0xE3) {  // below the lead byte of U+3040 (ASCII, Latin, Greek, Cyrillic...)
            ++i;
            continue;
        }
        if (is_cjk_char_cp(utf8_next(word, i))) return true;
    }
    return false;
}

std::string fold_token(std::string_view s) {
    std::string out;
    size_t i = 0;
    while (i < s.size()) {
        uint32_t cp = utf8_next(s, i);
        if (is_word_cp(cp)) fold_append(out, cp);
    }
    truncate_token(out);
    return out;
}

// ---- Matching helpers ----

namespace {
struct Stemmer {
    SN_env* env = english_UTF_8_create_env();
    ~Stemmer() { english_UTF_8_close_env(env); }
};
}  // namespace

std::string stem_english(std::string_view token) {
    // One stemmer for the process, like the rest of the core not thread-safe (it was thread_local:
    // WASM thread-local storage needs the atomics feature once bulk memory is on, see CMakeLists.txt).
    static Stemmer s;
    if (!s.env || token.empty()) return std::string(token);
    if (SN_set_current(s.env, int(token.size()), reinterpret_cast<const unsigned char*>(token.data())) != 0)
        return std::string(token);
    if (english_UTF_8_stem(s.env) < 0) return std::string(token);
    return std::string(reinterpret_cast<const char*>(s.env->p), size_t(s.env->l));
}

std::string phonetic_key(std::string_view t) {
    std::string k;
    auto push = [&](char c) {
        if (k.empty() || k.back() != c) k += c;
    };
    size_t n = t.size();
    for (size_t i = 0; i < n; ++i) {
        char c = t[i];
        if (c < 'a' || c > 'z') return {};  // digits or non-ASCII: no key
        char next = i + 1 < n ? t[i + 1] : 0;
        switch (c) {
            case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'h': case 'w': break;
            case 'b': case 'p':
                if (c == 'p' && next == 'h') { push('F'); ++i; }
                else push('P');
                break;
            case 'd': case 't': push('T'); break;
            case 'f': case 'v': push('F'); break;
            case 'c':
                if (next == 'e' || next == 'i' || next == 'y') push('S');
                else push('K');
                break;
            case 'g': case 'k': case 'q': push('K'); break;
            case 'j': push('J'); break;
            case 's': case 'z': push('S'); break;
            case 'x': push('K'); push('S'); break;
            case 'l': push('L'); break;
            case 'm': push('M'); break;
            case 'n': push('N'); break;
            case 'r': push('R'); break;
            default: break;
        }
    }
    return k;
}

namespace {
// The bounded DP of both distances; kSwaps: a swap of two adjacent bytes is one edit.
template <bool kSwaps>
int bounded_distance(std::string_view a, std::string_view b, int max_dist) {
    int la = int(a.size()), lb = int(b.size());
    if (std::abs(la - lb) > max_dist) return max_dist + 1;
    if (lb > int(kEditDistanceMaxBytes) || la > int(kEditDistanceMaxBytes)) return a == b ? 0 : max_dist + 1;
    // Three rows of the DP table: a swap reads the row two above. A row's minimum never falls
    // below the one above it (the swap's D[i-2][j-2] + 1 is at least the substitution's
    // D[i-1][j-1]), so a row past the bound ends the search.
    int rows[3][kEditDistanceMaxBytes + 1];
    int *pprev = rows[0], *prev = rows[1], *cur = rows[2];
    for (int j = 0; j <= lb; ++j) prev[j] = j;
    for (int i = 1; i <= la; ++i) {
        cur[0] = i;
        int row_min = cur[0];
        for (int j = 1; j <= lb; ++j) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (kSwaps && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, pprev[j - 2] + 1);
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > max_dist) return max_dist + 1;
        std::swap(pprev, prev);
        std::swap(prev, cur);
    }
    return prev[lb] > max_dist ? max_dist + 1 : prev[lb];
}
}  // namespace

int edit_distance_bounded(std::string_view a, std::string_view b, int max_dist) { return bounded_distance<true>(a, b, max_dist); }

int levenshtein_bounded(std::string_view a, std::string_view b, int max_dist) { return bounded_distance<false>(a, b, max_dist); }

EditDistanceFrom::EditDistanceFrom(std::string_view a) : m_a(a) {
    if (a.size() > kEditDistanceMaxBytes) return;  // bounded() falls back to the DP
    for (size_t i = 0; i < a.size(); ++i) m_peq[uint8_t(a[i])] |= uint64_t(1) << i;
}

int EditDistanceFrom::bounded(std::string_view b, int max_dist) const {
    const int la = int(m_a.size()), lb = int(b.size());
    if (la == 0 || std::abs(la - lb) > max_dist || la > int(kEditDistanceMaxBytes) || lb > int(kEditDistanceMaxBytes))
        return edit_distance_bounded(m_a, b, max_dist);
    // Column j of the DP table (a down, b across) as vertical deltas: bit i of pv / mv says
    // D[i+1][j] - D[i][j] is +1 / -1; `score` follows the last row, D[la][j]. d0: the diagonal
    // deltas D[i+1][j+1] - D[i][j] that are 0. A swap (Hyyrö 2003): a[i] == b[j-1] and
    // a[i-1] == b[j] make that delta 0 when the one before it, at (i, j), was 1.
    const uint64_t top = uint64_t(1) << (la - 1);
    uint64_t pv = ~uint64_t(0), mv = 0, d0 = 0, eq_prev = 0;
    int score = la;
    for (int j = 0; j < lb; ++j) {
        const uint64_t eq = m_peq[uint8_t(b[j])];
        const uint64_t swap = ((~d0 & eq) << 1) & eq_prev;
        d0 = (((eq & pv) + pv) ^ pv) | eq | mv | swap;
        uint64_t ph = mv | ~(d0 | pv);
        uint64_t mh = pv & d0;
        score += (ph & top) ? 1 : (mh & top) ? -1 : 0;
        // each further byte lowers the last row by at most one
        if (score - (lb - 1 - j) > max_dist) return max_dist + 1;
        ph = (ph << 1) | 1;  // row 0 is D[0][j] = j: every horizontal delta there is +1
        mh <<= 1;
        pv = mh | ~(d0 | ph);
        mv = ph & d0;
        eq_prev = eq;
    }
    return score > max_dist ? max_dist + 1 : score;
}

std::string group_digits(uint64_t n) {
    const std::string d = std::to_string(n);
    std::string s;
    for (size_t i = 0; i < d.size(); ++i) {
        if (i > 0 && (d.size() - i) % 3 == 0) s += ',';
        s += d[i];
    }
    return s;
}

}  // namespace tx
