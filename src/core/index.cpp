#include "core/index.h"

#include <algorithm>
#include <cstring>

#include "core/text.h"

namespace tx {

namespace {

// The dictionary's hash: the bytes as little-endian 64-bit chunks (the last one zero-padded),
// one multiply per chunk, then a final mix. intern_simple() hashes a word of up to 16 bytes from
// the same chunks it folds (two multiplies for most words, against one per byte before).
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "index.cpp: the word-at-a-time folding assumes a little-endian target (x86-64, WASM)"
#endif
constexpr uint64_t kHashSeed = 0x243F6A8885A308D3ull, kHashMul = 0x9E3779B97F4A7C15ull;
inline uint64_t hash_chunk(uint64_t h, uint64_t chunk) {
    h = (h ^ chunk) * kHashMul;
    return h ^ (h >> 32);
}
inline uint64_t hash_final(uint64_t h) {
    h *= 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 32);
}
inline uint64_t hash_start(size_t len, uint16_t span) { return kHashSeed ^ (uint64_t(span) << 32) ^ len; }
inline uint64_t hash_bytes(std::string_view s, uint16_t span) {
    uint64_t h = hash_start(s.size(), span);
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t c;
        std::memcpy(&c, s.data() + i, 8);
        h = hash_chunk(h, c);
    }
    if (i < s.size()) {
        uint64_t c = 0;
        std::memcpy(&c, s.data() + i, s.size() - i);
        h = hash_chunk(h, c);
    }
    return hash_final(h);
}

// Byte equality of two short strings inline (memcmp is an out-of-line call in WASM).
inline bool same_bytes(const char* a, const char* b, size_t n) {
    for (; n >= 8; n -= 8, a += 8, b += 8) {
        uint64_t x, y;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (x != y) return false;
    }
    if (n >= 4) {
        uint32_t x, y;
        std::memcpy(&x, a, 4);
        std::memcpy(&y, b, 4);
        if (x != y) return false;
        n -= 4, a += 4, b += 4;
    }
    for (; n; --n)
        if (*a++ != *b++) return false;
    return true;
}

// word_tokens' folding of ASCII bytes, for intern_simple(): the folded letter or digit,
// kSkip for an apostrophe (deleted), 0 for anything else (it splits the word or is not ASCII).
constexpr uint8_t kSkip = 1;
struct AsciiFold {
    uint8_t f[256] = {};
    constexpr AsciiFold() {
        for (int c = '0'; c <= '9'; ++c) f[c] = uint8_t(c);
        for (int c = 'a'; c <= 'z'; ++c) f[c] = uint8_t(c);
        for (int c = 'A'; c <= 'Z'; ++c) f[c] = uint8_t(c + 32);
        f[int('\'')] = kSkip;
    }
};
constexpr AsciiFold kFold;

uint32_t letter_mask(std::string_view s) {
    uint32_t m = 0;
    for (char c : s) {
        uint8_t u = uint8_t(c);
        if (u >= 'a' && u <= 'z') m |= 1u << (u - 'a');
        else m |= 1u << (26 + (u % 6));
    }
    return m;
}

// popcount(x) <= k without a popcount: the letter filter's bounds are 0..2, and native x86-64
// builds have no popcount instruction by default (libgcc's __popcountdi2 was ~12% of a typo
// lookup there). x1, x2: x without its lowest one and two set bits; no branch (WASM has popcnt,
// and a loop there cost more than it saved).
inline bool at_most_bits(uint32_t x, int k) {
    if (k > 2) return __builtin_popcount(x) <= k;  // not from search (max_dist <= 2)
    const uint32_t x1 = x & (x - 1), x2 = x1 & (x1 - 1);
    return (k == 0 ? x : k == 1 ? x1 : x2) == 0;
}

}  // namespace

// libstdc++ ignores shrink_to_fit() without exceptions (we build with -fno-exceptions): copy instead.
template <class V>
void shrink_vec(V& v) {
    if (v.capacity() > v.size()) V(v.begin(), v.end()).swap(v);
}

// ---- building ----

inline bool InvertedIndex::term_is(TermId t, std::string_view s, uint16_t span) const {
    const TermInfo& ti = m_terms[t];
    return ti.span == span && ti.text_len == s.size() && same_bytes(m_arena.data() + ti.text_begin, s.data(), s.size());
}

template <class Match>
inline size_t InvertedIndex::probe(uint64_t hash, Match match) const {
    const size_t mask = m_table.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const TermId t = m_table[i];
        if (t == kNoTerm || match(t)) return i;
    }
}

inline size_t InvertedIndex::slot_of(std::string_view s, uint16_t span, uint64_t hash) const {
    return probe(hash, [&](TermId t) { return term_is(t, s, span); });
}

TermId InvertedIndex::find_span(std::string_view s, uint16_t span) const {
    if (m_table.empty()) return kNoTerm;
    return m_table[slot_of(s, span, hash_bytes(s, span))];  // kNoTerm when absent
}

void InvertedIndex::grow_table() {
    size_t n = m_table.empty() ? 1024 : m_table.size() * 2;
    m_table.assign(n, kNoTerm);
    size_t mask = n - 1;
    for (TermId t = 0; t < m_terms.size(); ++t) {
        size_t i = hash_bytes(term_text(t), m_terms[t].span) & mask;
        while (m_table[i] != kNoTerm) i = (i + 1) & mask;
        m_table[i] = t;
    }
}

namespace {
// x's bytes folded as kFold would (ASCII letters lowered, digits kept) into `folded`, when every
// byte whose high bit is in `lanes` (0x80 in each of the word's bytes) is an ASCII letter or digit.
inline bool fold_chunk(uint64_t x, uint64_t lanes, uint64_t& folded) {
    if ((ascii_alnum_bytes(x) & lanes) != lanes) return false;
    folded = x | (lanes >> 2);  // 0x20 in the word's bytes: lowers a letter, a digit has it already
    return true;
}
}  // namespace

TermId InvertedIndex::intern_simple(std::string_view word, const char* text_end) {
    const size_t len = word.size();
    // The common word: 1-16 letters and digits, read 8 bytes at a time (the bytes past it are
    // masked off; reading them needs 16 readable bytes from its start).
    if (len - 1 < 16 && text_end - word.data() >= 16) {
        uint64_t x0, x1 = 0;
        std::memcpy(&x0, word.data(), 8);
        std::memcpy(&x1, word.data() + 8, 8);
        const uint64_t all = ~uint64_t(0), highs = 0x8080808080808080ull;
        const uint64_t m0 = all >> (64 - 8 * std::min<size_t>(len, 8));  // the word's bytes of each half
        const uint64_t m1 = len > 8 ? all >> (128 - 8 * len) : 0;
        uint64_t f0 = 0, f1 = 0;
        if (fold_chunk(x0 & m0, highs & m0, f0) && (len <= 8 || fold_chunk(x1 & m1, highs & m1, f1))) {
            uint64_t h = hash_chunk(hash_start(len, 1), f0);
            if (len > 8) h = hash_chunk(h, f1);
            h = hash_final(h);
            char buf[16];
            std::memcpy(buf, &f0, 8);
            std::memcpy(buf + 8, &f1, 8);
            if (!m_table.empty()) {
                // a term's text compared as the same two masked halves when 16 bytes of the arena
                // can be read from its start (every term but the last few)
                const char* arena = m_arena.data();
                const size_t arena_size = m_arena.size();
                const TermId t = m_table[probe(h, [&](TermId c) {
                    const TermInfo& ti = m_terms[c];
                    if (ti.text_len != len || ti.span != 1) return false;
                    if (ti.text_begin + 16 > arena_size) return same_bytes(arena + ti.text_begin, buf, len);
                    uint64_t a0, a1;
                    std::memcpy(&a0, arena + ti.text_begin, 8);
                    std::memcpy(&a1, arena + ti.text_begin + 8, 8);
                    return (((a0 & m0) ^ f0) | ((a1 & m1) ^ f1)) == 0;
                })];
                if (t != kNoTerm) return t;
            }
            return add_term(std::string_view(buf, len), 1, h);
        }
    }
    // Apostrophes, longer words, the end of the text: byte by byte.
    char buf[kMaxTokenBytes];
    size_t n = 0;
    if (len > kMaxTokenBytes) return kNoTerm;  // may need truncating: the general path
    for (char ch : word) {
        uint8_t c = kFold.f[uint8_t(ch)];
        if (c <= kSkip) {
            if (c == kSkip) continue;
            return kNoTerm;
        }
        buf[n++] = char(c);
    }
    if (n == 0) return kNoTerm;
    const std::string_view folded(buf, n);
    return intern(folded, 1, hash_bytes(folded, 1));
}

inline TermId InvertedIndex::intern(std::string_view s, uint16_t span, uint64_t hash) {
    if (!m_table.empty()) {
        const TermId t = m_table[slot_of(s, span, hash)];
        if (t != kNoTerm) return t;
    }
    return add_term(s, span, hash);
}

TermId InvertedIndex::add_term(std::string_view s, uint16_t span, uint64_t hash) {
    if ((m_terms.size() + 1) * 10 > m_table.size() * 7) grow_table();  // load <= 0.7
    const size_t i = slot_of(s, span, hash);
    TermId id = TermId(m_terms.size());
    TermInfo ti;
    ti.text_begin = uint32_t(m_arena.size());
    ti.text_len = uint16_t(s.size());
    ti.span = span;
    m_arena.append(s.data(), s.size());
    m_terms.push_back(ti);
    m_build.emplace_back();
    m_table[i] = id;
    return id;
}

TermId InvertedIndex::intern(std::string_view s, uint16_t span) { return intern(s, span, hash_bytes(s, span)); }

// Slice sizes: 8, 16, ..., 32 KiB, then 32 KiB again. The last 4 bytes of a slice link to the next.
namespace {
constexpr uint32_t kMaxLevel = 12;
inline uint32_t slice_size(uint32_t level) { return 8u << std::min(level, kMaxLevel); }

// Reads one term's postings byte by byte across its slices.
struct SliceReader {
    const uint8_t* pool;
    uint32_t p, end, level = 0;
    SliceReader(const uint8_t* pl, uint32_t head, uint32_t first_size) : pool(pl), p(head), end(head + first_size - 4) {}
    inline uint8_t byte() {
        if (p == end) {
            uint32_t next;
            std::memcpy(&next, pool + end, 4);
            level = std::min(level + 1, kMaxLevel);
            p = next;
            end = next + slice_size(level) - 4;
        }
        return pool[p++];
    }
    inline uint64_t varint() {
        uint64_t x = 0;
        int shift = 0;
        while (true) {
            uint8_t b = byte();
            x |= uint64_t(b & 0x7F) << shift;
            if (!(b & 0x80)) return x;
            shift += 7;
        }
    }
};
}  // namespace

namespace {
inline uint64_t read_varint(const uint8_t*& p) {
    uint64_t x = *p++;
    if (x < 0x80) return x;
    x &= 0x7F;
    for (int shift = 7;; shift += 7) {
        uint8_t b = *p++;
        x |= uint64_t(b & 0x7F) << shift;
        if (!(b & 0x80)) return x;
    }
}
// Writes through a raw pointer (a vector push_back per byte is an out-of-line call in WASM);
// the caller makes sure 10 bytes fit (two are written even for a one-byte varint).
inline void put_varint(uint8_t*& o, uint64_t x) {
    if (x < 0x4000) {  // one or two bytes (most gaps): both stored at once, no branch on the length
        const uint32_t two = x >= 0x80;
        const uint16_t v = uint16_t((x & 0x7F) | (two << 7) | ((x >> 7) << 8));
        std::memcpy(o, &v, 2);
        o += 1 + two;
        return;
    }
    while (x >= 0x80) { *o++ = uint8_t(x) | 0x80; x >>= 7; }
    *o++ = uint8_t(x);
}
}  // namespace

uint32_t InvertedIndex::alloc_slice(uint32_t size) {
    uint32_t at = uint32_t(m_pool.size());
    m_pool.resize(m_pool.size() + size);
    return at;
}

inline void InvertedIndex::put_byte(BuildState& b, uint8_t v) {
    if (b.write == b.slice_end) {
        b.level = std::min<uint32_t>(b.level + 1, kMaxLevel);
        uint32_t next = alloc_slice(slice_size(b.level));
        std::memcpy(&m_pool[b.slice_end], &next, 4);
        b.write = next;
        b.slice_end = next + slice_size(b.level) - 4;
    }
    m_pool[b.write++] = v;
}

inline void InvertedIndex::add_posting(TermId t, DocId d, Pos p) {
    TermInfo& ti = m_terms[t];
    BuildState& b = m_build[t];
    if (ti.count != 0 && b.slice_end - b.write >= 10) {  // the entry surely fits: write it in place
        uint8_t* o = m_pool.data() + b.write;
        if (b.last_doc != d) {
            put_varint(o, (uint64_t(d - b.last_doc) << 1) | 1);
            put_varint(o, p);
        } else {
            put_varint(o, uint64_t(p - b.last_pos) << 1);
        }
        b.write = uint32_t(o - m_pool.data());
        b.last_doc = d;
        b.last_pos = p;
        ++ti.count;
        return;
    }
    add_posting_slow(t, d, p);
}

void InvertedIndex::add_posting_slow(TermId t, DocId d, Pos p) {
    TermInfo& ti = m_terms[t];
    BuildState& b = m_build[t];
    if (ti.count == 0) {
        ti.head = alloc_slice(slice_size(0));
        ti.first_size = slice_size(0);
        b.write = ti.head;
        b.slice_end = ti.head + ti.first_size - 4;
        b.level = 0;
    }
    uint64_t x;
    if (ti.count == 0 || b.last_doc != d) {
        x = (uint64_t(d - (ti.count ? b.last_doc : 0)) << 1) | 1;
        while (x >= 0x80) { put_byte(b, uint8_t(x) | 0x80); x >>= 7; }
        put_byte(b, uint8_t(x));
        x = p;
    } else {
        x = uint64_t(p - b.last_pos) << 1;
    }
    while (x >= 0x80) { put_byte(b, uint8_t(x) | 0x80); x >>= 7; }
    put_byte(b, uint8_t(x));
    b.last_doc = d;
    b.last_pos = p;
    ++ti.count;
}

void InvertedIndex::restore_build_state() {
    m_build.assign(m_terms.size(), BuildState{});
    for (TermId t = 0; t < m_terms.size(); ++t) {
        const TermInfo& ti = m_terms[t];
        if (ti.count == 0) continue;
        SliceReader r(m_pool.data(), ti.head, ti.first_size);
        BuildState& b = m_build[t];
        b.capitalised = t / 64 < m_name_bits.size() && (m_name_bits[t / 64] >> (t % 64) & 1) ? std::min(ti.count, (1u << 27) - 1) : 0;
        for (uint32_t k = 0; k < ti.count; ++k) {
            uint64_t v = r.varint();
            if (v & 1) { b.last_doc += uint32_t(v >> 1); b.last_pos = uint32_t(r.varint()); }
            else b.last_pos += uint32_t(v >> 1);
        }
        b.write = r.p;
        b.slice_end = r.end;
        b.level = r.level;
    }
}

namespace {
template <class B>
inline void count_capital(B& b) { b.capitalised += b.capitalised != (1u << 27) - 1; }
}  // namespace

struct InvertedIndex::WordLoop {  // add_episode's walk over the words, between chunks
    const Episode& ep;
    DocId d;
    const std::vector<std::pair<uint32_t, uint32_t>>& starts;  // passage starts: (word, time)
    WordTokens wt{};
    Pos pos = 0;
    size_t next_start = 0;
    uint32_t next_start_word = 0;
    bool run_open = false;    // m_runs.back() is a one-to-one run of this episode ...
    uint32_t run_offset = 0;  // ... whose first_token - first_word is this
};

__attribute__((noinline)) void InvertedIndex::index_words(WordLoop& L, uint32_t w0, uint32_t w1) {
    const Episode& ep = L.ep;
    const DocId d = L.d;
    std::string_view text(ep.text);
    Pos pos = L.pos;
    for (uint32_t w = w0; w < w1; ++w) {
        while (L.next_start_word <= w) {  // passages starting at word w (duplicates are skipped)
            if (L.next_start_word == w) m_passages.push_back(Passage{d, pos, w, L.starts[L.next_start].second});
            L.next_start_word = ++L.next_start < L.starts.size() ? L.starts[L.next_start].first : UINT32_MAX;
        }
        const Word& word = ep.words[w];
        if (word.end > text.size() || word.begin >= word.end) continue;
        std::string_view ws = text.substr(word.begin, word.end - word.begin);
        const TermId simple = intern_simple(ws, text.data() + text.size());  // the common word: one token, as word_tokens would give
        size_t k = 1;
        if (simple == kNoTerm) {
            word_tokens(ws, L.wt);
            k = L.wt.count();
            if (k == 0) continue;
        }
        if (k == 1) {  // extend the open one-to-one run, or start one
            if (!L.run_open || pos - w != L.run_offset) {
                m_runs.push_back(Run{pos, w, 1, 0});
                L.run_open = true;
                L.run_offset = pos - w;
            }
        } else {
            m_runs.push_back(Run{pos, w, 0, uint16_t(has_cjk_char(ws))});
            L.run_open = false;
            m_passage_multi.resize(m_passages.size(), 0);
            m_passage_multi.back() = 1;  // this passage holds a word of several tokens
        }
        const bool capital = uint8_t(ws[0] - 'A') < 26;
        m_capitalised_tokens += capital;
        if (simple != kNoTerm) {
            add_posting(simple, d, pos);
            if (capital) count_capital(m_build[simple]);
        } else {
            for (size_t i = 0; i < k; ++i) {
                const TermId t = intern(L.wt.part(i), 1);
                add_posting(t, d, pos + Pos(i));
                if (capital && i == 0) count_capital(m_build[t]);
            }
            std::string_view j = L.wt.joined();
            if (!j.empty()) {
                const TermId t = intern(j, uint16_t(std::min<size_t>(k, 0xFFFF)));
                add_posting(t, d, pos);
                if (capital) count_capital(m_build[t]);
            }
        }
        pos += Pos(k);
    }
    L.pos = pos;
}

Result<DocId> InvertedIndex::add_episode(const Episode& ep) {
    if (m_docs.size() >= 0x7FFFFFFFu) return make_error(Errc::TooLarge, "index: too many episodes");
    if (m_total_tokens + uint64_t(ep.words.size()) * 4 > 0xFFFFFFF0ull)
        return make_error(Errc::TooLarge, "index: the collection exceeds 2^32 tokens");
    if (m_pool.size() > 0xC0000000u) return make_error(Errc::TooLarge, "index: postings exceed 3 GiB");
    if (m_build.size() != m_terms.size()) restore_build_state();
    if (!m_summaries.empty()) drop_summaries();  // they would miss this episode: search decodes postings again
    DocId d = DocId(m_docs.size());
    DocInfo di;
    di.run_begin = uint32_t(m_runs.size());
    di.passage_begin = uint32_t(m_passages.size());

    // Passage starts (word index + time): consecutive cues up to passage_ms; without cues, by time.
    std::vector<std::pair<uint32_t, uint32_t>> starts;
    if (!ep.cues.empty()) {
        uint32_t pstart = 0;
        for (const Cue& c : ep.cues) {
            if (c.word_count == 0 || c.first_word >= ep.words.size()) continue;
            if (starts.empty() || c.end_ms > pstart + m_desc.passage_ms) {
                starts.push_back({c.first_word, c.start_ms});
                pstart = c.start_ms;
            }
        }
    } else {
        uint32_t pstart = 0;
        for (uint32_t w = 0; w < ep.words.size(); ++w)
            if (starts.empty() || ep.words[w].start_ms >= pstart + m_desc.passage_ms) {
                starts.push_back({w, ep.words[w].start_ms});
                pstart = ep.words[w].start_ms;
            }
    }
    if (starts.empty() || starts[0].first != 0) starts.insert(starts.begin(), {0u, 0u});

    WordLoop loop{ep, d, starts};
    loop.next_start_word = starts[0].first;  // starts is never empty
    // In chunks, through a function that is not inlined: V8 runs a WASM function with its baseline
    // compiler until the function has done enough work and replaces it on its next call, so a
    // whole episode in one call would be indexed by baseline code.
    for (uint32_t w = 0; w < ep.words.size(); w += kWordChunk)
        index_words(loop, w, uint32_t(std::min<size_t>(ep.words.size(), size_t(w) + kWordChunk)));
    const Pos pos = loop.pos;
    if (m_passages.size() == di.passage_begin) m_passages.push_back(Passage{d, 0, 0, 0});
    m_passage_multi.resize(m_passages.size(), 0);
    di.token_count = pos;
    di.run_end = uint32_t(m_runs.size());
    di.passage_end = uint32_t(m_passages.size());
    di.block_begin = uint32_t(m_passage_block.size());
    for (uint32_t g = di.passage_begin, b = 0; b < pos; b += 1u << kPassageBlockShift) {
        while (g + 1 < di.passage_end && m_passages[g + 1].first_token <= b) ++g;
        m_passage_block.push_back(g);
    }
    m_docs.push_back(di);
    m_total_tokens += pos;
    return d;
}

void InvertedIndex::merge_keys(KeyIndex& ix, size_t old_size) {
    std::sort(ix.begin() + long(old_size), ix.end());
    std::inplace_merge(ix.begin(), ix.begin() + long(old_size), ix.end());
}

namespace {
uint32_t key_hash(std::string_view s) { return uint32_t(hash_bytes(s, 0)); }
}  // namespace

void InvertedIndex::commit() {
    if (committed()) return;
    size_t old_sorted = m_sorted.size(), old_stems = m_stems.size(), old_ph = m_phonetic.size(), old_j = m_joined.size();
    std::vector<TermId> fuzzy_new;
    for (TermId t = TermId(m_committed_terms); t < m_terms.size(); ++t) {
        std::string_view s = term_text(t);
        if (m_terms[t].span != 1) {
            m_joined.push_back({key_hash(s), t});
            continue;
        }
        m_sorted.push_back(t);
        if (s.size() <= kEditDistanceMaxBytes) fuzzy_new.push_back(t);
        m_stems.push_back({key_hash(stem_english(s)), t});
        std::string key = phonetic_key(s);
        if (key.size() >= 2) m_phonetic.push_back({key_hash(key), t});
    }
    auto less = [this](TermId a, TermId b) { return term_text(a) < term_text(b); };
    std::sort(m_sorted.begin() + long(old_sorted), m_sorted.end(), less);
    std::inplace_merge(m_sorted.begin(), m_sorted.begin() + long(old_sorted), m_sorted.end(), less);
    merge_keys(m_stems, old_stems);
    merge_keys(m_phonetic, old_ph);
    merge_keys(m_joined, old_j);
    add_fuzzy(fuzzy_new);
    m_committed_terms = m_terms.size();
}

void InvertedIndex::add_fuzzy(const std::vector<TermId>& terms) {
    if (terms.empty()) return;
    // Each length's new terms go after its old ones (a counting sort by length).
    std::vector<uint32_t> begin(kEditDistanceMaxBytes + 2, 0);
    for (size_t len = 0; len + 1 < m_fuzzy_begin.size(); ++len) begin[len + 1] = m_fuzzy_begin[len + 1] - m_fuzzy_begin[len];
    for (TermId t : terms) ++begin[m_terms[t].text_len + 1];
    for (size_t len = 1; len < begin.size(); ++len) begin[len] += begin[len - 1];
    std::vector<uint32_t> mask(begin.back()), text(begin.back());
    std::vector<uint32_t> at(begin.begin(), begin.end() - 1);
    for (size_t len = 0; len + 1 < m_fuzzy_begin.size(); ++len)
        for (uint32_t i = m_fuzzy_begin[len]; i < m_fuzzy_begin[len + 1]; ++i, ++at[len]) {
            mask[at[len]] = m_fuzzy_mask[i];
            text[at[len]] = m_fuzzy_text[i];
        }
    for (TermId t : terms) {
        const uint32_t i = at[m_terms[t].text_len]++;
        mask[i] = letter_mask(term_text(t));
        text[i] = m_terms[t].text_begin;
    }
    m_fuzzy_mask.swap(mask);
    m_fuzzy_text.swap(text);
    m_fuzzy_begin.swap(begin);
}

template <class F>
void InvertedIndex::for_each_piece(TermId t, F f) const {
    const TermInfo& ti = m_terms[t];
    const uint32_t write = m_build[t].write;
    uint32_t p = ti.head, end = ti.head + ti.first_size - 4, level = 0;
    while (!(write >= p && write <= end)) {
        f(m_pool.data() + p, m_pool.data() + end);
        std::memcpy(&p, m_pool.data() + end, 4);
        level = std::min(level + 1, kMaxLevel);
        end = p + slice_size(level) - 4;
    }
    f(m_pool.data() + p, m_pool.data() + write);
}

void InvertedIndex::copy_postings(TermId t, std::vector<uint8_t>& out) const {
    if (m_build.size() == m_terms.size()) {  // the writer knows where the stream ends: copy slice by slice
        for_each_piece(t, [&](const uint8_t* b, const uint8_t* e) { out.insert(out.end(), b, e); });
        return;
    }
    const TermInfo& ti = m_terms[t];
    SliceReader r(m_pool.data(), ti.head, ti.first_size);
    for (uint32_t k = 0; k < ti.count; ++k) {  // copy entry by entry: flag entries hold two varints
        uint64_t v = 0;
        int shift = 0;
        uint8_t b;
        do { b = r.byte(); out.push_back(b); v |= uint64_t(b & 0x7F) << shift; shift += 7; } while (b & 0x80);
        if (v & 1) do { b = r.byte(); out.push_back(b); } while (b & 0x80);
    }
}

void InvertedIndex::shrink() {
    // Rewrite every term's postings as one exactly sized slice (+4 link bytes, so that later
    // appends can chain new slices) and drop the writer state. The new pool is sized exactly
    // first when the writer state tells each stream's length (a pool that grew while copying, and
    // was then copied again to trim it, took a third of the compaction's time in WASM).
    std::vector<uint8_t> pool;
    size_t need = 0;
    for (TermId t = 0; t < m_terms.size(); ++t) {
        if (m_terms[t].count == 0) continue;
        need += 4;
        if (m_build.size() == m_terms.size()) for_each_piece(t, [&](const uint8_t* b, const uint8_t* e) { need += size_t(e - b); });
        else need += m_terms[t].first_size;  // an upper bound (a stream after shrink() fills its slice)
    }
    pool.reserve(need);
    for (TermId t = 0; t < m_terms.size(); ++t) {
        TermInfo& ti = m_terms[t];
        if (ti.count == 0) continue;
        size_t start = pool.size();
        copy_postings(t, pool);
        ti.head = uint32_t(start);
        ti.first_size = uint32_t(pool.size() - start + 4);
        pool.insert(pool.end(), 4, 0);
    }
    m_pool.swap(pool);
    shrink_vec(m_pool);
    if (m_build.size() == m_terms.size()) {  // keep term_name_like() as bits
        m_name_bits.assign((m_terms.size() + 63) / 64, 0);
        for (TermId t = 0; t < m_terms.size(); ++t)
            if (uint64_t(m_build[t].capitalised) * 2 > m_terms[t].count) m_name_bits[t / 64] |= uint64_t(1) << (t % 64);
    }
    m_build.clear();
    shrink_vec(m_build);
    shrink_vec(m_terms);
    shrink_vec(m_arena);
    shrink_vec(m_runs);
    shrink_vec(m_passages);
    shrink_vec(m_passage_multi);
    shrink_vec(m_passage_block);
    shrink_vec(m_docs);
    shrink_vec(m_sorted);
    shrink_vec(m_stems);
    shrink_vec(m_phonetic);
    shrink_vec(m_joined);
    shrink_vec(m_fuzzy_mask);
    shrink_vec(m_fuzzy_text);
    build_summaries();
}

namespace {
constexpr uint32_t kSkipEvery = 64;  // skip entries per summarised term: one per 64 postings of an episode
}  // namespace

void InvertedIndex::drop_summaries() {
    m_summaries.clear();
    m_summary.clear();
    m_summary_dir.clear();
    m_bits.clear();
    m_bit_base.clear();
}

void InvertedIndex::build_summaries() {
    drop_summaries();
    if (m_desc.summary_min == 0) return;
    std::vector<uint64_t> doc_base(m_docs.size() + 1, 0);  // first token of each episode in `multi_bits`
    for (size_t d = 0; d < m_docs.size(); ++d) doc_base[d + 1] = doc_base[d] + m_docs[d].token_count;
    std::vector<uint64_t> multi_bits(size_t(doc_base.back() / 64 + 1), 0);  // tokens of words of several tokens
    for (size_t d = 0; d < m_docs.size(); ++d)
        for (uint32_t r = m_docs[d].run_begin; r < m_docs[d].run_end; ++r) {
            if (m_runs[r].one_to_one) continue;
            const Pos e = r + 1 < m_docs[d].run_end ? m_runs[r + 1].first_token : m_docs[d].token_count;
            for (Pos p = m_runs[r].first_token; p < e; ++p) {
                const uint64_t b = doc_base[d] + p;
                multi_bits[b >> 6] |= uint64_t(1) << (b & 63);
            }
        }

    m_bit_base.assign(m_docs.size() + 1, 0);
    for (size_t d = 0; d < m_docs.size(); ++d) m_bit_base[d + 1] = m_bit_base[d] + m_docs[d].token_count / 64 + 1;
    const uint64_t bit_bytes = uint64_t(m_bit_base.back()) * 8;  // one term's bit set

    std::vector<uint8_t> scratch;
    // One pass per frequent term over its postings (after shrink() one slice): skip entries and
    // passage counts written straight into the summary (through a raw pointer: a vector
    // push_back per byte is an out-of-line call in WASM).
    for (TermId t = 0; t < m_terms.size(); ++t) {
        const TermInfo& ti = m_terms[t];
        if (ti.count == 0 || ti.count < m_desc.summary_min) continue;
        Summary s;
        s.term = t;
        s.dir_begin = uint32_t(m_summary_dir.size());
        uint64_t* bits = nullptr;  // this term's bit set, when it gets one
        if (m_desc.bitmap_max_ratio && bit_bytes <= uint64_t(m_desc.bitmap_max_ratio) * (ti.first_size - 4) &&
            m_bits.size() + m_bit_base.back() < 0xFFFFFFFFu) {
            s.bits = uint32_t(m_bits.size());
            m_bits.resize(m_bits.size() + m_bit_base.back(), 0);
            bits = m_bits.data() + s.bits;
        }
        s.begin = uint32_t(m_summary.size());
        // at most 15 bytes per passage entry; written into a scratch buffer reused across terms
        const size_t most = size_t(std::min<uint64_t>(ti.count, m_passages.size())) * 15;
        if (scratch.size() < most) scratch.resize(most);
        uint8_t* out = scratch.data();
        const uint8_t* const base = m_pool.data() + ti.head;
        const uint8_t* p = base;
        DocId doc = 0;
        Pos pos = 0;
        uint32_t in_doc = 0;  // postings since the last skip entry
        uint32_t prev_gid = 0;
        PassageCursor passages(*this);
        uint64_t first = 0;   // doc_base of doc
        PassageCount cur;
        bool open = false;
        auto flush = [&]() {
            put_varint(out, (uint64_t(cur.gid - prev_gid) << 1) | (cur.multi ? 1 : 0));
            put_varint(out, cur.count);
            if (cur.multi) put_varint(out, cur.multi);
            prev_gid = cur.gid;
            ++s.passages;
        };
        for (uint32_t k = 0; k < ti.count; ++k) {
            uint64_t v = read_varint(p);
            if (v & 1) {
                doc += DocId(v >> 1);
                pos = Pos(read_varint(p));
                in_doc = 0;
                first = doc_base[doc];
            } else {
                pos += Pos(v >> 1);
            }
            const uint32_t gid = passages.at(doc, pos);
            if (bits) bits[m_bit_base[doc] + (pos >> 6)] |= uint64_t(1) << (pos & 63);
            if (in_doc++ % kSkipEvery == 0) m_summary_dir.push_back(Skip{doc, pos, uint32_t(p - base)});
            if (!open || cur.gid != gid) {
                if (open) flush();
                cur = PassageCount{gid, 0, 0};
                open = true;
            }
            ++cur.count;
            const uint64_t b = first + pos;
            if (m_passage_multi[gid]) cur.multi += ti.span > 1 || ((multi_bits[b >> 6] >> (b & 63)) & 1);
        }
        if (open) flush();
        m_summary.insert(m_summary.end(), scratch.data(), out);
        s.dir_end = uint32_t(m_summary_dir.size());
        s.end = uint32_t(m_summary.size());
        m_summaries.push_back(s);
    }
    shrink_vec(m_summaries);
    shrink_vec(m_summary);
    shrink_vec(m_summary_dir);
    if (m_bits.empty()) m_bit_base.clear();
    shrink_vec(m_bits);
    shrink_vec(m_bit_base);
}

const uint64_t* InvertedIndex::position_bits(TermId t, DocId d) const {
    const Summary* s = summary_of(t);
    return s && s->bits != kNoBits && d < m_docs.size() ? m_bits.data() + s->bits + m_bit_base[d] : nullptr;
}

const InvertedIndex::Summary* InvertedIndex::summary_of(TermId t) const {
    auto it = std::lower_bound(m_summaries.begin(), m_summaries.end(), t, [](const Summary& s, TermId x) { return s.term < x; });
    return it != m_summaries.end() && it->term == t ? &*it : nullptr;
}

bool InvertedIndex::summary_counts(TermId t, std::vector<PassageCount>& out) const {
    const Summary* s = summary_of(t);
    if (!s) return false;
    const uint8_t* p = m_summary.data() + s->begin;
    size_t at = out.size();
    out.resize(at + s->passages);  // filled in place (emplace_back per entry costs more than the decode)
    uint32_t gid = 0;
    for (uint32_t k = 0; k < s->passages; ++k) {
        uint64_t v = read_varint(p);
        gid += uint32_t(v >> 1);
        PassageCount& pc = out[at + k];
        pc.gid = gid;
        pc.count = uint32_t(read_varint(p));
        pc.multi = v & 1 ? uint32_t(read_varint(p)) : 0;
    }
    return true;
}

// Calls f(pos) for every position in [lo, hi) of summarised term t in episode d.
// @return false when t has no summary.
template <class F>
bool InvertedIndex::for_each_in(TermId t, DocId d, Pos lo, Pos hi, F f) const {
    const Summary* s = summary_of(t);
    if (!s) return false;
    const TermInfo& ti = m_terms[t];
    auto b = m_summary_dir.begin() + s->dir_begin, e = m_summary_dir.begin() + s->dir_end;
    // the last skip entry at or before (d, lo), else d's first
    auto it = std::upper_bound(b, e, std::make_pair(d, lo), [](const std::pair<DocId, Pos>& x, const Skip& y) {
        return x.first != y.doc ? x.first < y.doc : x.second < y.pos;
    });
    if (it != b && (it - 1)->doc == d) --it;
    if (it == e || it->doc != d) return true;
    const uint8_t* p = m_pool.data() + ti.head + it->next;
    const uint8_t* const end = m_pool.data() + ti.head + (ti.first_size - 4);
    for (Pos pos = it->pos; pos < hi;) {
        if (pos >= lo) f(pos);
        if (p >= end) break;
        uint64_t v = read_varint(p);
        if (v & 1) break;  // the next episode
        pos += Pos(v >> 1);
    }
    return true;
}

void InvertedIndex::occurrences_in(TermId t, DocId d, std::vector<Occurrence>& out, uint8_t level, Pos lo, Pos hi) const {
    const uint16_t span = m_terms[t].span;
    bool summarised = for_each_in(t, d, lo, hi, [&](Pos pos) {
        Occurrence& o = out.emplace_back();
        o.doc = d;
        o.pos = pos;
        o.span = span;
        o.level = level;
    });
    if (summarised) return;
    std::vector<Occurrence> all;  // decode everything, keep episode d
    occurrences(t, all, level);
    auto key = [](const Occurrence& o) { return (uint64_t(o.doc) << 32) | o.pos; };
    auto from = std::lower_bound(all.begin(), all.end(), (uint64_t(d) << 32) | lo, [&](const Occurrence& o, uint64_t k) { return key(o) < k; });
    for (; from != all.end() && from->doc == d && from->pos < hi; ++from) out.push_back(*from);
}

bool InvertedIndex::mark_positions(TermId t, DocId d, Pos shift, uint64_t* bits) const {
    return for_each_in(t, d, shift, Pos(0xFFFFFFFFu), [&](Pos pos) {
        const Pos b = pos - shift;
        bits[b >> 6] |= uint64_t(1) << (b & 63);
    });
}

void InvertedIndex::positions_in(TermId t, DocId d, std::vector<Pos>& out, Pos lo, Pos hi) const {
    if (for_each_in(t, d, lo, hi, [&](Pos pos) { out.push_back(pos); })) return;
    std::vector<Occurrence> occ;
    occurrences_in(t, d, occ, 0, lo, hi);
    for (const Occurrence& o : occ) out.push_back(o.pos);
}

void InvertedIndex::passage_counts(const Occurrence* begin, const Occurrence* end, std::vector<PassageCount>& out) const {
    const size_t first = out.size();
    // At most one entry per occurrence, written in place and trimmed at the end: an emplace_back
    // per passage is an out-of-line call in WASM, and the terms counted here (unsummarised) mostly
    // have one occurrence per passage. The bound is smaller than the occurrences passed in.
    out.resize(first + size_t(end - begin));
    PassageCount* const entries = out.data() + first;
    size_t n = 0;
    uint32_t last_gid = 0;
    DocId doc = 0xFFFFFFFFu;
    uint32_t run = 0, run_end = 0;  // the token -> word run at or before the last multi-word check
    PassageCursor passages(*this);
    for (const Occurrence* o = begin; o != end; ++o) {
        if (o->doc != doc) {
            doc = o->doc;
            run = m_docs[doc].run_begin;
            run_end = m_docs[doc].run_end;
        }
        const uint32_t gid = passages.at(doc, o->pos);
        if (n == 0 || last_gid != gid) {
            entries[n++] = PassageCount{gid, 0, 0};
            last_gid = gid;
        }
        PassageCount& pc = entries[n - 1];
        ++pc.count;
        if (!m_passage_multi[gid]) continue;
        if (o->span > 1) {
            ++pc.multi;
            continue;
        }
        // gallop to the last run starting at or before pos: does its word have several tokens?
        uint32_t lo = run, step = 1, up = run + 1;
        while (up < run_end && m_runs[up].first_token <= o->pos) {
            lo = up;
            up = lo + step;
            step *= 2;
        }
        auto it = std::upper_bound(m_runs.begin() + lo + 1, m_runs.begin() + std::min(up, run_end), o->pos,
                                   [](Pos p, const Run& r) { return p < r.first_token; });
        run = uint32_t(it - m_runs.begin()) - 1;
        if (run < run_end && m_runs[run].first_token <= o->pos && !m_runs[run].one_to_one) ++pc.multi;
    }
    out.resize(first + n);
}

// ---- documents, tokens, passages ----

uint32_t InvertedIndex::word_of_token_slow(DocId d, Pos pos) const {
    const DocInfo& di = m_docs[d];
    auto b = m_runs.begin() + di.run_begin, e = m_runs.begin() + di.run_end;
    auto it = std::upper_bound(b, e, pos, [](Pos p, const Run& r) { return p < r.first_token; });
    if (it == b) return 0;
    --it;
    return it->one_to_one ? it->first_word + (pos - it->first_token) : it->first_word;
}

uint32_t InvertedIndex::char_of_token(DocId d, Pos pos) const {
    const DocInfo& di = m_docs[d];
    auto b = m_runs.begin() + di.run_begin, e = m_runs.begin() + di.run_end;
    auto it = std::upper_bound(b, e, pos, [](Pos p, const Run& r) { return p < r.first_token; });
    if (it == b || !(--it)->by_char) return kWholeWord;
    return pos - it->first_token;
}

uint32_t InvertedIndex::passage_of(DocId d, Pos pos) const {
    const DocInfo& di = m_docs[d];
    const uint32_t blocks = (di.token_count + (1u << kPassageBlockShift) - 1) >> kPassageBlockShift;
    if (blocks == 0) return di.passage_begin;
    // a place past the end (not a token) belongs to the last passage, found from the last block
    const uint32_t b = std::min(pos >> kPassageBlockShift, blocks - 1);
    uint32_t gid = m_passage_block[di.block_begin + b];
    // A block (64 tokens) mostly holds at most one more passage start (passages are ~30 s, 60-90
    // tokens): that first step without a branch (taken or not about as often, it mispredicted
    // about every other time in the per-occurrence look-ups of passage_counts), then the loop
    // for short passages. m_passages[last] stands in when gid is the episode's last passage.
    const uint32_t last = di.passage_end - 1;
    gid += uint32_t(gid < last) & uint32_t(m_passages[std::min(gid + 1, last)].first_token <= pos);
    while (gid < last && m_passages[gid + 1].first_token <= pos) ++gid;
    return gid;
}

double InvertedIndex::avg_passage_tokens() const {
    return m_passages.empty() ? 1.0 : std::max(1.0, double(m_total_tokens) / double(m_passages.size()));
}

// ---- term dictionary ----

std::string_view InvertedIndex::term_text(TermId t) const {
    return std::string_view(m_arena).substr(m_terms[t].text_begin, m_terms[t].text_len);
}

namespace {
template <class F>
void for_key(const std::vector<std::pair<uint32_t, TermId>>& ix, uint32_t h, F f) {
    auto it = std::lower_bound(ix.begin(), ix.end(), std::make_pair(h, TermId(0)));
    for (; it != ix.end() && it->first == h; ++it) f(it->second);
}
}  // namespace

void InvertedIndex::find_joined(std::string_view folded, std::vector<TermId>& out) const {
    for_key(m_joined, key_hash(folded), [&](TermId t) {
        if (term_text(t) == folded) out.push_back(t);
    });
}

bool InvertedIndex::prefix_terms(std::string_view prefix, std::vector<TermId>& out, size_t max) const {
    auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), prefix,
                               [this](TermId t, std::string_view p) { return term_text(t) < p; });
    size_t n = 0;
    for (; it != m_sorted.end(); ++it) {
        std::string_view s = term_text(*it);
        if (s.substr(0, prefix.size()) != prefix) break;
        if (max && n == max) return false;
        out.push_back(*it);
        ++n;
    }
    return true;
}

void InvertedIndex::fuzzy_terms(std::string_view q, int max_dist, std::vector<std::pair<TermId, int>>& out) const {
    if (max_dist <= 0 || q.size() > kEditDistanceMaxBytes || m_fuzzy_begin.empty()) return;
    const uint32_t qmask = letter_mask(q);
    const size_t d = size_t(max_dist), lo = q.size() > d ? q.size() - d : 0;
    const size_t hi = std::min(q.size() + d, kEditDistanceMaxBytes), base = out.size();
    const EditDistanceFrom from_q(q);
    for (size_t len = lo; len <= hi; ++len) {
        // Letter filter: an alignment of i insertions, e deletions and u substitutions
        // (i + e + u <= max_dist, i - e = len - |q|) leaves at most e + u of the word's letters
        // missing from the term and at most i + u of the term's missing from the word: the shorter
        // side's bound is max_dist less the length difference. Swaps of neighbours (the rest of
        // max_dist) change neither the length nor the letters, so the bounds hold with them.
        const int diff = int(len) - int(q.size());
        const int q_missing = max_dist - std::max(diff, 0), t_missing = max_dist - std::max(-diff, 0);
        for (uint32_t i = m_fuzzy_begin[len], end = m_fuzzy_begin[len + 1]; i < end; ++i) {
            const uint32_t m = m_fuzzy_mask[i];
            if (!at_most_bits(qmask & ~m, q_missing) || !at_most_bits(m & ~qmask, t_missing)) continue;
            const std::string_view s(m_arena.data() + m_fuzzy_text[i], len);
            if (s == q) continue;
            const int dist = from_q.bounded(s, max_dist);
            if (dist <= max_dist) out.push_back({find(s), dist});
        }
    }
    std::sort(out.begin() + long(base), out.end());  // term order, as documented
}

void InvertedIndex::stem_terms(std::string_view folded, std::vector<TermId>& out) const {
    std::string st = stem_english(folded);
    for_key(m_stems, key_hash(st), [&](TermId t) {
        std::string_view s = term_text(t);
        if (s != folded && stem_english(s) == st) out.push_back(t);
    });
}

void InvertedIndex::phonetic_terms(std::string_view folded, std::vector<TermId>& out) const {
    std::string key = phonetic_key(folded);
    if (key.size() < 2) return;
    for_key(m_phonetic, key_hash(key), [&](TermId t) {
        std::string_view s = term_text(t);
        if (s != folded && phonetic_key(s) == key) out.push_back(t);
    });
}

// ---- postings ----

void InvertedIndex::occurrences(TermId t, std::vector<Occurrence>& out, uint8_t level) const {
    const TermInfo& ti = m_terms[t];
    if (ti.count == 0) return;
    size_t base = out.size();
    out.resize(base + ti.count);  // fields are stored in place below (no temporaries)
    Occurrence* o = out.data() + base;
    DocId doc = 0;
    Pos pos = 0;
    const uint16_t span = ti.span;
    uint32_t k = 0;
    // Fast path: raw pointer decoding while the whole entry (<= 2 x 10 bytes) surely lies in the
    // first slice, which after shrink() holds the term's entire stream.
    // one posting: varint(doc delta << 1 | 1), varint(pos) starts an episode; varint(gap << 1) follows
    auto decode = [&](auto next) {
        const uint64_t v = next();
        if (v & 1) {
            doc += DocId(v >> 1);
            pos = Pos(next());
        } else {
            pos += Pos(v >> 1);
        }
        o[k].doc = doc;
        o[k].pos = pos;
        o[k].span = span;
        o[k].level = level;
    };
    const uint8_t* p = m_pool.data() + ti.head;
    const uint8_t* e = p + (ti.first_size - 4);
    for (; k < ti.count && e - p >= 20; ++k) decode([&] { return read_varint(p); });
    if (k == ti.count) return;
    SliceReader r(m_pool.data(), ti.head, ti.first_size);
    r.p = uint32_t(p - m_pool.data());
    for (; k < ti.count; ++k) decode([&] { return r.varint(); });
}

bool InvertedIndex::term_name_like(TermId t) const {
    if (t < m_build.size()) return uint64_t(m_build[t].capitalised) * 2 > m_terms[t].count;
    return t / 64 < m_name_bits.size() && (m_name_bits[t / 64] >> (t % 64) & 1);
}

size_t InvertedIndex::postings_bytes() const { return m_pool.capacity(); }

size_t InvertedIndex::memory_bytes() const {
    size_t n = postings_bytes();
    n += m_arena.capacity() + m_terms.capacity() * sizeof(TermInfo) + m_table.capacity() * sizeof(m_table[0]);
    n += m_name_bits.capacity() * sizeof(uint64_t);
    n += m_build.capacity() * sizeof(BuildState);
    n += m_docs.capacity() * sizeof(DocInfo) + m_runs.capacity() * sizeof(Run) + m_passages.capacity() * sizeof(Passage);
    n += m_passage_multi.capacity() + m_passage_block.capacity() * sizeof(uint32_t);
    n += m_summaries.capacity() * sizeof(Summary) + m_summary.capacity() + m_summary_dir.capacity() * sizeof(m_summary_dir[0]);
    n += m_bits.capacity() * sizeof(uint64_t) + m_bit_base.capacity() * sizeof(uint32_t);
    n += m_sorted.capacity() * sizeof(TermId);
    n += (m_stems.capacity() + m_phonetic.capacity() + m_joined.capacity()) * sizeof(KeyIndex::value_type);
    n += (m_fuzzy_mask.capacity() + m_fuzzy_text.capacity() + m_fuzzy_begin.capacity()) * sizeof(uint32_t);
    return n;
}

}  // namespace tx
