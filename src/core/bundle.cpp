#include "core/bundle.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include <zstd.h>

#include "core/bundle_codec.h"
#include "core/zstd_util.h"

namespace tx {

using namespace bundle_codec;

// ---- CRC-32 ----
namespace bundle_codec {
namespace {
struct CrcTable {  // built at compile time: no first-call race when episodes decode in parallel
    uint32_t t[256];
    constexpr CrcTable() : t{} {
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
    }
};
constexpr CrcTable kCrcTable{};
}  // namespace

uint32_t crc32(const uint8_t* p, size_t n, uint32_t crc) {
    crc = ~crc;
    for (size_t i = 0; i < n; ++i) crc = kCrcTable.t[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}
}  // namespace bundle_codec

namespace {

// A lexicon: tokens addressed by id (rank by frequency), stored as one string plus offsets.
// `bytes` ends with kLexiconPad bytes past the last entry, so a short entry is copied with one
// fixed-size load (see decode_payload).
constexpr size_t kLexiconPad = 8;
struct Lexicon {
    std::string bytes;
    std::vector<uint32_t> offsets;  // size() == count + 1
    size_t count() const { return offsets.empty() ? 0 : offsets.size() - 1; }
    std::string_view at(uint32_t id) const { return std::string_view(bytes).substr(offsets[id], offsets[id + 1] - offsets[id]); }
};

Error corrupt(std::string what) { return make_error(Errc::Corrupt, "The bundle is damaged: " + what); }

// Lexicon block (docs/bundle-format.md "Lexicon"): varint n; n entries in byte order, each a
// varint shared-prefix length then the suffix, either ended by '\n' (word lexicon: tokens never
// hold whitespace) or preceded by its varint length (separator lexicon); then n varint frequency
// classes. Ids are the entries ranked by class (descending), ties in byte order.
Status read_lexicon(ByteReader& r, Lexicon& lex, bool terminated) {
    uint64_t n;
    if (!r.varint(n) || n > r.remaining() / 2) return corrupt("the lexicon size is impossible");
    std::string sorted;
    std::vector<uint32_t> sorted_off;
    sorted_off.reserve(size_t(n) + 1);
    sorted_off.push_back(0);
    size_t prev_begin = 0, prev_len = 0;
    for (uint64_t i = 0; i < n; ++i) {
        uint64_t shared;
        std::string_view suffix;
        if (!r.varint(shared) || shared > prev_len) return corrupt("a lexicon entry is malformed");
        if (terminated) {
            size_t len = 0;
            ByteReader probe = r;
            uint8_t c = 0;
            while (probe.u8(c) && c != '\n') ++len;
            std::string_view nl;
            if (c != '\n' || !r.bytes(len, suffix) || !r.bytes(1, nl)) return corrupt("a lexicon entry is cut short");
        } else {
            uint64_t len;
            if (!r.varint(len) || !r.bytes(size_t(len), suffix)) return corrupt("a lexicon entry is malformed");
        }
        if (sorted.size() + shared + suffix.size() > UINT32_MAX) return corrupt("the lexicon is too large");
        size_t begin = sorted.size();
        sorted.append(sorted, prev_begin, size_t(shared));
        sorted.append(suffix);
        sorted_off.push_back(uint32_t(sorted.size()));
        prev_begin = begin;
        prev_len = sorted.size() - begin;
    }
    std::vector<uint32_t> classes{};
    classes.resize(size_t(n));
    for (auto& c : classes)
        if (!r.varint32(c, 32)) return corrupt("a lexicon frequency class is malformed");
    std::vector<uint32_t> order{};
    order.resize(size_t(n));
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return classes[a] > classes[b]; });
    lex.bytes.clear();
    lex.bytes.reserve(sorted.size());
    lex.offsets.assign(1, 0);
    lex.offsets.reserve(size_t(n) + 1);
    for (uint32_t k : order) {
        lex.bytes.append(sorted, sorted_off[k], sorted_off[k + 1] - sorted_off[k]);
        lex.offsets.push_back(uint32_t(lex.bytes.size()));
    }
    lex.bytes.append(kLexiconPad, '\0');
    return ok_status();
}

// One zstd frame filling `frame`, its declared size checked against the cap before allocating.
Result<std::string> decompress_section(Bytes frame, size_t max, const char* what) {
    auto fail = [&](const std::string& why) { return corrupt(std::string("the ") + what + " cannot be decompressed (" + why + ")"); };
    if (frame.size < 4) return fail("too short");
    unsigned long long declared = ZSTD_getFrameContentSize(frame.ptr, frame.size);
    if (declared == ZSTD_CONTENTSIZE_ERROR || declared == ZSTD_CONTENTSIZE_UNKNOWN) return fail("not a zstd frame with a size");
    if (declared > max)
        return make_error(Errc::TooLarge, std::string("The ") + what + " declares " + std::to_string(declared) +
                                              " bytes, above the limit of " + std::to_string(max));
    auto out = zstd_decompress_exact(frame, size_t(declared));
    if (!out) return fail(out.message());
    return out;
}

}  // namespace

struct Bundle::State {
    std::string file;  // the whole bundle
    BundleSummary summary;
    std::vector<EpisodeInfo> episodes;
    Lexicon words, seps;
    std::shared_ptr<const ZstdDictionary> dict;
    size_t max_frame_bytes = 0;
    size_t max_token_bytes = 0;  // longest word or separator in the lexicon
};

namespace {

Status check_frame_crc(const Bundle::State& st, size_t i) {
    const EpisodeInfo& e = st.episodes[i];
    uint32_t crc = crc32(reinterpret_cast<const uint8_t*>(st.file.data()) + e.frame_offset, e.frame_bytes);
    if (crc != e.frame_crc) return corrupt("episode " + std::to_string(i + 1) + " fails its checksum");
    return ok_status();
}

Status read_directory(ByteReader& r, Bundle::State& st, uint32_t episode_count, const ReadDesc& desc) {
    uint64_t n;
    if (!r.varint(n) || n != episode_count) return corrupt("the directory does not match the header");
    if (n > r.remaining() / 16) return corrupt("the episode count is impossible");
    st.episodes.resize(size_t(n));
    uint64_t total = 0;
    for (size_t i = 0; i < n; ++i) {
        EpisodeInfo& e = st.episodes[i];
        EpisodeMeta& m = e.meta;
        uint64_t speakers, chapters;
        uint8_t flags;
        bool ok = r.string(m.title) && r.string(m.date) && r.string(m.source_url) && r.string(m.media_url) &&
                  r.varint(speakers) && speakers <= 32767 && speakers <= r.remaining();
        if (ok) {
            m.speakers.resize(size_t(speakers));
            for (auto& s : m.speakers) ok = ok && r.string(s);
        }
        ok = ok && r.varint32(m.duration_ms) && r.u8(flags) && flags <= 1 && r.varint(chapters) &&
             chapters <= r.remaining() / 2;
        if (ok) {
            m.times_estimated = flags & 1;
            m.chapters.resize(size_t(chapters));
            for (auto& c : m.chapters) ok = ok && r.varint32(c.start_ms) && r.string(c.title);
            // in time order, whoever wrote them: the timeline draws each chapter up to the next one
            sort_chapters(m.chapters);
        }
        ok = ok && r.varint32(e.word_count) && r.varint32(e.text_bytes) && r.varint32(e.cue_count) &&
             r.varint32(e.payload_bytes) && r.varint32(e.frame_bytes) && r.u32(e.frame_crc);
        if (!ok) return corrupt("the entry of episode " + std::to_string(i + 1) + " is malformed");
        if (e.payload_bytes > desc.max_frame_bytes)
            return make_error(Errc::TooLarge, "Episode " + std::to_string(i + 1) + " declares " + std::to_string(e.payload_bytes) +
                                                  " bytes, above the limit of " + std::to_string(desc.max_frame_bytes));
        total += e.payload_bytes;
        if (total > desc.max_total_bytes)
            return make_error(Errc::TooLarge, "The bundle declares more than " + std::to_string(desc.max_total_bytes) +
                                                  " bytes of transcripts, above the limit");
        // Every word and cue costs at least one payload byte; this bounds later allocations.
        // Every word, cue and token costs at least one payload byte, and a token expands to at most
        // the longest lexicon entry: this bounds every later allocation by what the file holds.
        if (e.word_count > e.payload_bytes || e.cue_count > e.payload_bytes || e.text_bytes > desc.max_frame_bytes ||
            e.text_bytes > uint64_t(e.payload_bytes) * std::max<uint64_t>(1, st.max_token_bytes))
            return corrupt("episode " + std::to_string(i + 1) + " declares impossible counts");
    }
    if (!r.empty()) return corrupt("the directory has trailing bytes");
    return ok_status();
}

}  // namespace

Result<Bundle> read_bundle(Bytes data, const ReadDesc& desc) {
    if (!data.ptr && data.size) return make_error(Errc::InvalidArgument, "No bundle data was given");
    const uint8_t* p = data.ptr;
    if (data.size < sizeof(kMagic)) {
        if (data.size && std::memcmp(p, kMagic, data.size) == 0)
            return make_error(Errc::Truncated, "The file is truncated at byte " + std::to_string(data.size) + " (inside the header)");
        return make_error(Errc::BadMagic, "This is not a transcript bundle (the file is too short)");
    }
    if (std::memcmp(p, kMagic, sizeof(kMagic)) != 0) return make_error(Errc::BadMagic, "This is not a transcript bundle");
    if (data.size < kHeaderSize)
        return make_error(Errc::Truncated, "The file is truncated at byte " + std::to_string(data.size) + " (inside the header)");
    ByteReader h(p + 8, kHeaderSize - 8);
    uint32_t version, flags, episode_count, dict_size, lex_size, dir_size, lo, hi, sections_crc, header_crc;
    h.u32(version);
    h.u32(flags);
    h.u32(episode_count);
    h.u32(dict_size);
    h.u32(lex_size);
    h.u32(dir_size);
    h.u32(lo);
    h.u32(hi);
    h.u32(sections_crc);
    h.u32(header_crc);
    uint64_t total_size = uint64_t(hi) << 32 | lo;
    if (crc32(p, kHeaderSize - 4) != header_crc) {
        if (version > kFormatVersion && version < 0x10000)
            return make_error(Errc::VersionUnsupported, "This bundle was made by a newer version (format " + std::to_string(version) +
                                                            "); this explorer reads format " + std::to_string(kFormatVersion) +
                                                            ". Update the explorer.");
        return corrupt("the header fails its checksum");
    }
    if (version != kFormatVersion) {
        if (version > kFormatVersion)
            return make_error(Errc::VersionUnsupported, "This bundle was made by a newer version (format " + std::to_string(version) +
                                                            "); this explorer reads format " + std::to_string(kFormatVersion) +
                                                            ". Update the explorer.");
        return corrupt("format version " + std::to_string(version) + " does not exist");
    }
    if (flags != 0)
        return make_error(Errc::VersionUnsupported, "This bundle uses features of a newer version (flags " + std::to_string(flags) +
                                                        "). Update the explorer.");
    if (data.size < total_size)
        return make_error(Errc::Truncated, "The file is truncated at byte " + std::to_string(data.size) + " (the bundle is " +
                                               std::to_string(total_size) + " bytes)");
    if (data.size > total_size)
        return corrupt("there are " + std::to_string(data.size - total_size) + " unexpected bytes after the end of the bundle");
    uint64_t sections = uint64_t(dict_size) + lex_size + dir_size;
    if (kHeaderSize + sections > total_size) return corrupt("the section sizes exceed the file size");
    if (crc32(p + kHeaderSize, size_t(sections)) != sections_crc) return corrupt("the lexicon or directory fails its checksum");

    auto st = std::make_shared<Bundle::State>();
    st->max_frame_bytes = desc.max_frame_bytes;
    BundleSummary& sum = st->summary;
    sum.format_version = version;
    sum.file_bytes = total_size;
    sum.dictionary_bytes = dict_size;
    sum.lexicon_bytes = lex_size;
    sum.directory_bytes = dir_size;

    const uint8_t* cur = p + kHeaderSize;
    if (dict_size) {
        auto d = ZstdDictionary::load(Bytes(cur, dict_size));
        if (!d) return d.error();
        st->dict = d.value();
        cur += dict_size;
    }
    if (lex_size) {
        auto lex = decompress_section(Bytes(cur, lex_size), desc.max_frame_bytes, "lexicon");
        if (!lex) return lex.error();
        ByteReader r(lex.value());
        if (auto s = read_lexicon(r, st->words, true); !s) return s.error();
        if (auto s = read_lexicon(r, st->seps, false); !s) return s.error();
        if (!r.empty()) return corrupt("the lexicon has trailing bytes");
        for (const Lexicon* l : {&st->words, &st->seps})
            for (size_t k = 0; k < l->count(); ++k) st->max_token_bytes = std::max(st->max_token_bytes, l->at(uint32_t(k)).size());
        cur += lex_size;
    }
    auto dir = decompress_section(Bytes(cur, dir_size), desc.max_frame_bytes, "directory");
    if (!dir) return dir.error();
    cur += dir_size;
    {
        ByteReader r(dir.value());
        if (auto s = read_directory(r, *st, episode_count, desc); !s) return s.error();
    }
    uint64_t offset = uint64_t(cur - p);
    for (auto& e : st->episodes) {
        e.frame_offset = offset;
        offset += e.frame_bytes;
        sum.total_words += e.word_count;
        sum.total_text_bytes += e.text_bytes;
    }
    if (offset != total_size) return corrupt("the episode frames do not fill the file");
    sum.lexicon_words = uint32_t(st->words.count());
    st->file.assign(reinterpret_cast<const char*>(p), size_t(total_size));
    if (desc.verify_episodes)
        for (size_t i = 0; i < st->episodes.size(); ++i)
            if (auto s = check_frame_crc(*st, i); !s) return s.error();
    return Bundle(std::move(st));
}

// ---- Episode decoding ----

size_t Bundle::size() const { return m_state ? m_state->episodes.size() : 0; }
const EpisodeInfo& Bundle::episode(size_t i) const {
    TX_ASSERT(i < size());
    return m_state->episodes[i];
}
const BundleSummary& Bundle::summary() const {
    static const BundleSummary empty;
    return m_state ? m_state->summary : empty;
}

namespace {

// The hot loops of decode_payload (one pass over the text or the words each) live in small
// functions of their own. V8 compiles WASM with its
// baseline compiler (Liftoff) first and recompiles a function with TurboFan in the background once
// it has run long enough; a loop inlined into decode_payload made V8 recompile all of it (with the
// decompressor's call, ~10 KB of WASM) during the page's load call, CPU the busy load call then
// lacked. Here only the loops are recompiled, and only if they run long.

// The text of a TextMode::Tokens episode from its word and separator ids, written to `out`, which
// has kLexiconPad bytes of slack past `text_bytes`. A std::string::append per token is an
// out-of-line call in WASM (60k of them were most of the demo's decode), and so is a memcpy of a
// size not known at compile time (memory.copy: a call into V8's runtime per token). A token of at
// most kLexiconPad bytes (nearly all of them) is copied as one 8-byte load and store instead: the
// lexicon is padded after its last entry, and the bytes copied past a token's end are overwritten
// by the next token or, past the text's end, cut off by the caller after the word scan.
// @return ok, or Errc::Corrupt.
__attribute__((noinline)) Status join_tokens(const Bundle::State& st, uint32_t tokens, ByteReader& ids, ByteReader& sep_ids,
                                             char* out, size_t text_bytes) {
    size_t at = 0;
    auto put = [&](std::string_view v) {
        if (v.size() > text_bytes - at) return false;
        if (v.size() <= kLexiconPad)
            std::memcpy(out + at, v.data(), kLexiconPad);
        else
            std::memcpy(out + at, v.data(), v.size());
        at += v.size();
        return true;
    };
    for (uint32_t k = 0; k <= tokens; ++k) {
        uint32_t s;
        if (!sep_ids.id(s) || s >= st.seps.count()) return corrupt("a separator id is out of range");
        if (!put(st.seps.at(s))) return corrupt("the episode text is longer than declared");
        if (k == tokens) break;
        uint32_t w;
        if (!ids.id(w) || w >= st.words.count()) return corrupt("a word id is out of range");
        if (!put(st.words.at(w))) return corrupt("the episode text is longer than declared");
    }
    if (!ids.empty() || !sep_ids.empty()) return corrupt("the episode's token streams have trailing bytes");
    if (at != text_bytes) return corrupt("the episode text is shorter than declared");
    return ok_status();
}

// Word byte ranges from their codes: predicted from a cursor that only moves forward (linear
// time). `t` holds the text's `n` bytes and then kScanPad readable bytes (for next_trimmed_run_padded).
// @return ok, or Errc::Corrupt.
__attribute__((noinline)) Status word_ranges(const uint8_t* t, size_t n, ByteReader& codes, ByteReader& explicit_r,
                                             std::vector<Word>& words) {
    size_t cursor = 0;
    for (Word& w : words) {
        uint8_t c = 0;
        codes.u8(c);
        size_t b = 0, e = 0;
        if (c == uint8_t(WordCode::NextToken)) {
            if (!next_token(t, n, cursor, b, e)) return corrupt("a word lies past the end of the text");
        } else if (c == uint8_t(WordCode::NextTrimmedRun)) {
            if (!next_trimmed_run_padded(t, n, cursor, b, e)) return corrupt("a word lies past the end of the text");
        } else if (c == uint8_t(WordCode::Explicit)) {
            int64_t delta;
            uint64_t len;
            if (!explicit_r.svarint(delta) || !explicit_r.varint(len)) return corrupt("an explicit word range is malformed");
            if ((delta < 0 && uint64_t(-delta) > cursor) || (delta > 0 && uint64_t(delta) > n - cursor))
                return corrupt("a word lies outside the text");
            b = size_t(int64_t(cursor) + delta);
            if (len > n - b) return corrupt("a word lies outside the text");
            e = b + size_t(len);
        } else {
            return corrupt("unknown word code " + std::to_string(c));
        }
        w.begin = uint32_t(b);
        w.end = uint32_t(e);
        cursor = std::max(cursor, e);
    }
    if (!explicit_r.empty()) return corrupt("the word streams have trailing bytes");
    return ok_status();
}

// Word start times from their residuals against `tp`'s predictions. @return ok, or Errc::Corrupt.
__attribute__((noinline)) Status word_times(TimePrediction& tp, ByteReader& times, Episode& ep) {
    for (size_t i = 0; i < ep.words.size(); ++i) {
        int64_t residual;
        if (!times.svarint(residual)) return corrupt("the time stream is malformed");
        int64_t v = tp.predict(i, ep.words, ep.cues) + residual;
        if (v < 0 || v > UINT32_MAX) return corrupt("a word time is out of range");
        ep.words[i].start_ms = uint32_t(v);
        tp.push(v);
    }
    if (!times.empty()) return corrupt("the time stream has trailing bytes");
    return ok_status();
}

// Word speakers from runs of (length, speaker + 1). @return ok, or Errc::Corrupt.
__attribute__((noinline)) Status word_speakers(ByteReader& spk, size_t speakers, std::vector<Word>& words) {
    for (size_t i = 0; i < words.size();) {
        uint64_t run, who;
        if (!spk.varint(run) || !spk.varint(who) || run == 0 || run > words.size() - i || who > speakers)
            return corrupt("the speaker stream is malformed");
        for (uint64_t k = 0; k < run; ++k) words[i++].speaker = int16_t(int64_t(who) - 1);
    }
    return ok_status();
}

// Decode the payload of one episode (see docs/bundle-format.md, "Episode payload").
Status decode_payload(const Bundle::State& st, const EpisodeInfo& info, std::string_view payload, Episode& ep) {
    ByteReader r(payload);
    uint8_t mode;
    uint32_t text_bytes, word_count, cue_count;
    if (!r.u8(mode) || !r.varint32(text_bytes) || !r.varint32(word_count) || !r.varint32(cue_count))
        return corrupt("the episode header is malformed");
    if (text_bytes != info.text_bytes || word_count != info.word_count || cue_count != info.cue_count)
        return corrupt("the episode does not match its directory entry");
    ep.text.clear();
    if (mode == uint8_t(TextMode::Raw)) {
        std::string_view t;
        if (!r.bytes(text_bytes, t)) return corrupt("the episode text is cut short");
        ep.text.resize(size_t(text_bytes) + kScanPad);
        std::memcpy(ep.text.data(), t.data(), t.size());
    } else if (mode == uint8_t(TextMode::Tokens)) {
        uint32_t tokens;
        ByteReader ids, sep_ids;
        if (!r.varint32(tokens) || !r.block(ids) || !r.block(sep_ids) || tokens > ids.remaining() ||
            uint64_t(tokens) + 1 > sep_ids.remaining())
            return corrupt("the episode's token streams are malformed");
        ep.text.resize(size_t(text_bytes) + kLexiconPad);
        if (auto s = join_tokens(st, tokens, ids, sep_ids, ep.text.data(), text_bytes); !s) return s;
    } else {
        return corrupt("unknown text mode " + std::to_string(mode));
    }

    // Words: byte ranges predicted from a cursor that only moves forward (linear time). The text
    // still has kScanPad bytes of slack for next_trimmed_run_padded.
    static_assert(kScanPad <= kLexiconPad, "the text's slack holds the scan's padding");
    ByteReader codes, explicit_r;
    if (!r.block(codes) || !r.block(explicit_r) || codes.remaining() != word_count)
        return corrupt("the word streams are malformed");
    ep.words.assign(word_count, Word{});
    if (auto s = word_ranges(reinterpret_cast<const uint8_t*>(ep.text.data()), text_bytes, codes, explicit_r, ep.words); !s) return s;
    ep.text.resize(text_bytes);

    // Cues: time unit, then columns (first-word gap, word count, start gap, duration).
    ByteReader cues_r, col[4];
    uint64_t unit, rate;
    if (!r.block(cues_r) || !cues_r.varint(unit) || unit == 0 || unit > (1u << 30) || !cues_r.varint(rate) || rate > kMaxCueRate)
        return corrupt("the cue stream is malformed");
    for (auto& c : col)
        if (!cues_r.block(c)) return corrupt("the cue stream is malformed");
    ep.cues.assign(cue_count, Cue{});
    uint64_t prev_word_end = 0;
    int64_t prev_ms = 0;
    for (auto& c : ep.cues) {
        int64_t gap, start, len;
        uint64_t count;
        if (!col[0].svarint(gap) || !col[1].varint(count) || !col[2].svarint(start) || !col[3].svarint(len))
            return corrupt("a cue is malformed");
        int64_t first = int64_t(prev_word_end) + gap;
        if (first < 0 || uint64_t(first) > word_count || count > word_count - uint64_t(first))
            return corrupt("a cue covers words that do not exist");
        if (start > (int64_t(1) << 33) / int64_t(unit) || start < -(int64_t(1) << 33) / int64_t(unit) ||
            len > (int64_t(1) << 33) / int64_t(unit) || len < -(int64_t(1) << 33) / int64_t(unit))
            return corrupt("a cue time is out of range");
        len += predicted_cue_units(count, rate);  // count <= 2^32, rate <= 2^24: < 2^48
        if (len > (int64_t(1) << 33) / int64_t(unit) || len < -(int64_t(1) << 33) / int64_t(unit))
            return corrupt("a cue time is out of range");
        int64_t s = prev_ms + start * int64_t(unit), e = s + len * int64_t(unit);
        if (s < 0 || s > UINT32_MAX || e < 0 || e > UINT32_MAX) return corrupt("a cue time is out of range");
        c.first_word = uint32_t(first);
        c.word_count = uint32_t(count);
        c.start_ms = uint32_t(s);
        c.end_ms = uint32_t(e);
        prev_word_end = uint64_t(first) + count;
        prev_ms = e;
    }
    for (auto& c : col)
        if (!c.empty()) return corrupt("the cue stream has trailing bytes");
    if (!cues_r.empty()) return corrupt("the cue stream has trailing bytes");

    // Times.
    uint8_t pred;
    ByteReader times;
    if (!r.u8(pred) || pred > kMaxTimePredictor || !r.block(times)) return corrupt("the time stream is malformed");
    TimePrediction tp;
    tp.kind = TimePredictor(pred);
    tp.text_bytes = ep.text.size();
    if (tp.kind == TimePredictor::Linear &&
        (!times.varint(tp.num) || !times.varint(tp.den) || tp.num == 0 || tp.den == 0 || tp.num > (1u << 30) || tp.den > (1u << 30)))
        return corrupt("the speaking rate is malformed");
    if (auto s = word_times(tp, times, ep); !s) return s;

    // Speakers: runs of (length, speaker + 1).
    ByteReader spk;
    if (!r.block(spk)) return corrupt("the speaker stream is malformed");
    if (auto s = word_speakers(spk, info.meta.speakers.size(), ep.words); !s) return s;
    if (!spk.empty() || !r.empty()) return corrupt("the episode has trailing bytes");
    ep.meta = info.meta;
    return ok_status();
}

}  // namespace

Result<Episode> Bundle::decode_episode(size_t i) const {
    if (i >= size()) return make_error(Errc::InvalidArgument, "There is no episode " + std::to_string(i + 1) + " in this bundle");
    const State& st = *m_state;
    const EpisodeInfo& info = st.episodes[i];
    if (auto s = check_frame_crc(st, i); !s) return s.error();
    auto payload = zstd_decompress_exact(Bytes(reinterpret_cast<const uint8_t*>(st.file.data()) + info.frame_offset, info.frame_bytes),
                                         info.payload_bytes, st.dict.get());
    if (!payload) return corrupt("episode " + std::to_string(i + 1) + " cannot be decompressed (" + payload.message() + ")");
    Episode ep;
    if (auto s = decode_payload(st, info, payload.value(), ep); !s)
        return make_error(s.errc(), s.message() + " (episode " + std::to_string(i + 1) + ")");
    return ep;
}

Result<std::vector<Episode>> decode_all(const Bundle& bundle) {
    std::vector<Episode> out;
    out.reserve(bundle.size());
    for (size_t i = 0; i < bundle.size(); ++i) {
        auto ep = bundle.decode_episode(i);
        if (!ep) return ep.error();
        out.push_back(std::move(ep.value()));
    }
    return out;
}

}  // namespace tx
