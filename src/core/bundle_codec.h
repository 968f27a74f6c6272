// bundle_codec.h: byte-level building blocks shared by the bundle reader (core) and writer
// (src/writer): little-endian integers, LEB128 varints, zigzag, CRC-32, the text tokenizer and
// the word-id byte code. Internal to the bundle format; see docs/bundle-format.md.
//
// The reader side (ByteReader) never reads past its buffer: every get returns false on underflow
// or overflow, and callers turn that into an Errc.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/base.h"
#include "core/episode.h"
#include "core/text.h"

namespace tx::bundle_codec {

// ---- Constants of format version 1 ----
constexpr uint8_t kMagic[8] = {0x89, 'T', 'X', 'B', '\r', '\n', 0x1A, '\n'};
constexpr uint32_t kFormatVersion = 1;
constexpr size_t kHeaderSize = 48;

enum class TextMode : uint8_t { Raw = 0, Tokens = 1 };
enum class WordCode : uint8_t { NextTrimmedRun = 0, NextToken = 1, Explicit = 2 };
enum class TimePredictor : uint8_t { Delta = 0, DeltaOfDelta = 1, CueBytes = 2, Linear = 3 };
constexpr uint8_t kMaxTimePredictor = 3;

// ---- CRC-32 (IEEE 802.3, the zlib/PNG polynomial; crc32("123456789") == 0xCBF43926) ----
uint32_t crc32(const uint8_t* p, size_t n, uint32_t crc = 0);
inline uint32_t crc32(Bytes b) { return crc32(b.ptr, b.size); }

// ---- Writing ----
inline void put_u16(std::string& o, uint16_t v) { o += char(v & 0xFF); o += char(v >> 8); }
inline void put_u32(std::string& o, uint32_t v) { for (int i = 0; i < 4; ++i) o += char((v >> (8 * i)) & 0xFF); }
inline void put_u64(std::string& o, uint64_t v) { for (int i = 0; i < 8; ++i) o += char((v >> (8 * i)) & 0xFF); }
inline void put_varint(std::string& o, uint64_t v) {
    while (v >= 0x80) { o += char(0x80 | (v & 0x7F)); v >>= 7; }
    o += char(v);
}
inline uint64_t zigzag(int64_t v) { return (uint64_t(v) << 1) ^ uint64_t(v >> 63); }
inline int64_t unzigzag(uint64_t v) { return int64_t(v >> 1) ^ -int64_t(v & 1); }
inline void put_string(std::string& o, std::string_view s) { put_varint(o, s.size()); o.append(s); }
inline void put_block(std::string& o, const std::string& block) { put_varint(o, block.size()); o += block; }

// Word ids: one byte below 240 (the most frequent words), two bytes up to 3311, three up to
// 199,919, else 0xFF plus a u32. Ranked ids make the common case one byte.
constexpr uint32_t kId1 = 240, kId2 = kId1 + 12 * 256, kId3 = kId2 + 3 * 65536;
inline void put_id(std::string& o, uint32_t id) {
    if (id < kId1) { o += char(id); return; }
    if (id < kId2) { id -= kId1; o += char(kId1 + (id >> 8)); o += char(id & 0xFF); return; }
    if (id < kId3) { id -= kId2; o += char(252 + (id >> 16)); o += char((id >> 8) & 0xFF); o += char(id & 0xFF); return; }
    o += char(0xFF); put_u32(o, id);
}

// ---- Reading ----
class ByteReader {
public:
    ByteReader() = default;
    explicit ByteReader(std::string_view s) : m_p(reinterpret_cast<const uint8_t*>(s.data())), m_end(m_p + s.size()) {}
    ByteReader(const uint8_t* p, size_t n) : m_p(p), m_end(p + n) {}
    size_t remaining() const { return size_t(m_end - m_p); }
    bool empty() const { return m_p == m_end; }
    bool u8(uint8_t& v) { if (m_p == m_end) return false; v = *m_p++; return true; }
    bool u32(uint32_t& v) {
        if (remaining() < 4) return false;
        v = uint32_t(m_p[0]) | uint32_t(m_p[1]) << 8 | uint32_t(m_p[2]) << 16 | uint32_t(m_p[3]) << 24;
        m_p += 4;
        return true;
    }
    bool varint(uint64_t& v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p == m_end) return false;
            uint8_t b = *m_p++;
            if (shift == 63 && b > 1) return false;  // would overflow 64 bits
            v |= uint64_t(b & 0x7F) << shift;
            if (!(b & 0x80)) return true;
        }
        return false;
    }
    // A varint that must fit in 32 bits and be <= max.
    bool varint32(uint32_t& v, uint64_t max = UINT32_MAX) {
        uint64_t x;
        if (!varint(x) || x > max || x > UINT32_MAX) return false;
        v = uint32_t(x);
        return true;
    }
    // A zigzag varint whose magnitude is below 2^40 (times, offsets): no overflow downstream.
    bool svarint(int64_t& v) {
        uint64_t z;
        if (!varint(z) || z >= (uint64_t(1) << 41)) return false;
        v = unzigzag(z);
        return true;
    }
    bool bytes(size_t n, std::string_view& out) {
        if (remaining() < n) return false;
        out = std::string_view(reinterpret_cast<const char*>(m_p), n);
        m_p += n;
        return true;
    }
    bool string(std::string& out, size_t max_len = 1 << 20) {
        uint64_t n;
        std::string_view v;
        if (!varint(n) || n > max_len || !bytes(size_t(n), v)) return false;
        out.assign(v);
        return true;
    }
    bool block(ByteReader& out) {
        uint64_t n;
        std::string_view v;
        if (!varint(n) || n > remaining() || !bytes(size_t(n), v)) return false;
        out = ByteReader(v);
        return true;
    }
    bool id(uint32_t& v) {
        uint8_t b, c, d;
        if (!u8(b)) return false;
        if (b < kId1) { v = b; return true; }
        if (b < 252) { if (!u8(c)) return false; v = kId1 + (uint32_t(b - kId1) << 8 | c); return true; }
        if (b < 255) {
            if (!u8(c) || !u8(d)) return false;
            v = kId2 + (uint32_t(b - 252) << 16 | uint32_t(c) << 8 | d);
            return true;
        }
        return u32(v);
    }

private:
    const uint8_t* m_p = nullptr;
    const uint8_t* m_end = nullptr;
};

// ---- Tokenizer ----
// Text is cut into alternating separator and token runs: sep0 tok0 sep1 tok1 ... tok(n-1) sep(n).
// Token bytes are ASCII letters, digits, apostrophe and every byte >= 0x80 (UTF-8 letters);
// everything else (spaces, punctuation, newlines) is separator. Any byte sequence splits and
// rejoins exactly, so this transform is lossless for arbitrary input.
// Byte classes as a table (the decoder's scanning loops are its hottest code, in WASM too).
enum : uint8_t { kClassSep = 0, kClassToken = 1, kClassSpace = 2, kClassPunct = 4 };
struct ByteClasses {
    uint8_t c[256];
    constexpr ByteClasses() : c{} {
        for (int i = 0; i < 256; ++i) {
            bool token = (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') || (i >= '0' && i <= '9') || i == '\'' || i >= 0x80;
            bool space = is_ascii_space(char(i));
            c[i] = uint8_t(token ? kClassToken : space ? kClassSpace | kClassSep : kClassPunct | kClassSep);
        }
    }
};
inline constexpr ByteClasses kByteClasses{};
inline bool is_token_byte(uint8_t c) { return kByteClasses.c[c] & kClassToken; }
inline bool is_space_byte(uint8_t c) { return kByteClasses.c[c] & kClassSpace; }

// Lexicon entries carry a frequency class, floor(log2(count)); ids rank entries by class
// (descending), ties in byte order, so frequent words get one-byte ids.
inline uint32_t frequency_class(uint32_t count) {
    uint32_t c = 0;
    while (count > 1) { count >>= 1; ++c; }
    return c;
}

// ---- Word ranges ----
// Word codes predict the next word from a cursor (the largest word end so far), so decoding is
// linear in the text size whatever the codes say.
inline bool is_ascii_punct(uint8_t c) { return kByteClasses.c[c] & kClassPunct; }

// NextToken: the next run of token bytes at or after `cursor`. @return false when there is none.
inline bool next_token(const uint8_t* t, size_t n, size_t cursor, size_t& b, size_t& e) {
    b = cursor;
    while (b < n && !is_token_byte(t[b])) ++b;
    e = b;
    while (e < n && is_token_byte(t[e])) ++e;
    return b < e;
}
// NextTrimmedRun: the next whitespace-delimited run at or after `cursor`, trimmed of ASCII
// punctuation at both ends ("Jiu-Jitsu," -> "Jiu-Jitsu"); runs that trim to nothing are skipped.
inline bool next_trimmed_run(const uint8_t* t, size_t n, size_t cursor, size_t& b, size_t& e) {
    size_t i = cursor;
    for (;;) {
        while (i < n && is_space_byte(t[i])) ++i;
        if (i == n) return false;
        size_t rb = i;
        while (i < n && !is_space_byte(t[i])) ++i;
        b = rb;
        e = i;
        while (b < e && is_ascii_punct(t[b])) ++b;
        while (e > b && is_ascii_punct(t[e - 1])) --e;
        if (b < e) return true;
    }
}

// The reader's NextTrimmedRun, eight bytes at a time: the same answer as next_trimmed_run for a
// text `t` of `n` bytes followed by at least kScanPad readable bytes (of any value: what is found
// past n is cut off). Byte loops spent most of their time on mispredicted loop exits (one or two
// a word, ~0.6 ms of the demo's 1.6 ms decode natively) and on per-byte bounds checks in WASM.
constexpr size_t kScanPad = 8;
// 0x80 in each byte of v that is ASCII whitespace (space, \t \n \v \f \r), 0 in the others.
// Exact per byte: no sum below carries into a neighbouring byte.
inline uint64_t space_bytes_mask(uint64_t v) {
    constexpr uint64_t k7F = 0x7F7F7F7F7F7F7F7Full, k80 = 0x8080808080808080ull, kOnes = 0x0101010101010101ull;
    const uint64_t lo = v & k7F;
    const uint64_t x = v ^ (kOnes * 0x20);
    const uint64_t is_space = ~(((x & k7F) + k7F) | x | k7F);              // byte == 0x20
    const uint64_t ge9 = lo + kOnes * (0x80 - 0x09), ge14 = lo + kOnes * (0x80 - 0x0E);
    const uint64_t is_ctrl = ge9 & ~ge14 & ~v & k80;                        // 0x09 <= byte <= 0x0D
    return is_space | is_ctrl;
}
inline uint64_t load_u64_le(const uint8_t* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}
inline bool next_trimmed_run_padded(const uint8_t* t, size_t n, size_t cursor, size_t& b, size_t& e) {
    size_t i = cursor;
    for (;;) {
        for (;;) {  // skip whitespace
            if (i >= n) return false;
            const uint64_t other = ~space_bytes_mask(load_u64_le(t + i)) & 0x8080808080808080ull;
            if (other) { i += size_t(__builtin_ctzll(other)) >> 3; break; }
            i += 8;
        }
        if (i >= n) return false;
        const size_t rb = i;
        for (;;) {  // the run: up to the next whitespace or n
            const uint64_t space = space_bytes_mask(load_u64_le(t + i));
            if (space) { i += size_t(__builtin_ctzll(space)) >> 3; break; }
            i += 8;
            if (i >= n) break;
        }
        if (i > n) i = n;
        b = rb;
        e = i;
        while (b < e && is_ascii_punct(t[b])) ++b;
        while (e > b && is_ascii_punct(t[e - 1])) --e;
        if (b < e) return true;
    }
}

// ---- Cue durations ----
// A cue's duration (in time units) is stored against its word count x the episode's mean rate
// (units per word, x256). Bounds keep the product far from overflow.
constexpr uint64_t kMaxCueRate = uint64_t(1) << 24;
inline int64_t predicted_cue_units(uint64_t word_count, uint64_t rate) { return int64_t((word_count * rate + 128) >> 8); }

// ---- Word time prediction (shared so writer and reader cannot diverge) ----
// Times are stored as residuals against one of these predictions, chosen per episode:
//   Delta         the previous word's time
//   DeltaOfDelta  linear extrapolation from the two previous words
//   CueBytes      interpolation inside the word's cue by byte offset (subtitle importers)
//   Linear        round(i * num / den): a constant speaking rate (plain text estimates)
struct TimePrediction {
    TimePredictor kind = TimePredictor::Delta;
    uint64_t num = 0, den = 1;  // Linear: ms per word as a fraction; num, den in [1, 2^30]
    size_t text_bytes = 0;
    size_t cue = 0;  // cue cursor for CueBytes (only moves forward)
    int64_t prev = 0, prev2 = 0;

    // Predict word i's start time; words[0..i) have final times, words[i] has its byte range.
    int64_t predict(size_t i, const std::vector<Word>& words, const std::vector<Cue>& cues) {
        switch (kind) {
            case TimePredictor::Delta: return prev;
            case TimePredictor::DeltaOfDelta: return i >= 2 ? 2 * prev - prev2 : prev;
            case TimePredictor::Linear: return int64_t((2 * uint64_t(i) * num + den) / (2 * den));
            case TimePredictor::CueBytes: break;
        }
        while (cue < cues.size() && uint64_t(cues[cue].first_word) + cues[cue].word_count <= i) ++cue;
        if (cue >= cues.size() || cues[cue].first_word > i) return prev;
        const Cue& c = cues[cue];  // word_count >= 1 here
        int64_t b0 = words[c.first_word].begin, b1 = int64_t(text_bytes);
        if (cue + 1 < cues.size() && cues[cue + 1].word_count && cues[cue + 1].first_word < words.size())
            b1 = int64_t(words[cues[cue + 1].first_word].begin) - 1;  // the cue's text ends before a separator
        int64_t span = b1 - b0, off = int64_t(words[i].begin) - b0, dur = int64_t(c.end_ms) - int64_t(c.start_ms);
        if (span <= 0 || off < 0 || off > span) return c.start_ms;
        return int64_t(c.start_ms) + dur * off / span;  // |dur| < 2^32, off <= span < 2^32: no overflow
    }
    void push(int64_t t) { prev2 = prev; prev = t; }
};

}  // namespace tx::bundle_codec
