#include "writer/bundle_writer.h"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <numeric>
#include <unordered_map>

#include "core/bundle_codec.h"

namespace tx {

using namespace bundle_codec;

namespace {

Error invalid(size_t episode, const std::string& what) {
    return make_error(Errc::InvalidArgument, "Episode " + std::to_string(episode + 1) + ": " + what);
}

// zstd with the content size and a content checksum in the frame.
Result<std::string> compress(std::string_view src, int level, const ZSTD_CDict* cdict = nullptr) {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    if (!cctx) return make_error(Errc::TooLarge, "Out of memory for the zstd compressor");
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 1);
    if (cdict) ZSTD_CCtx_refCDict(cctx, cdict);
    std::string out(ZSTD_compressBound(src.size()), '\0');
    size_t n = ZSTD_compress2(cctx, out.data(), out.size(), src.data(), src.size());
    ZSTD_freeCCtx(cctx);
    if (ZSTD_isError(n)) return make_error(Errc::Decompress, std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

size_t compressed_size(std::string_view src, int level) {
    std::string out(ZSTD_compressBound(src.size()), '\0');
    size_t n = ZSTD_compress(out.data(), out.size(), src.data(), src.size(), level);
    return ZSTD_isError(n) ? src.size() : n;
}

struct Split {  // text = sep[0] tok[0] sep[1] ... tok[n-1] sep[n]
    std::vector<std::string_view> toks, seps;
};

Split split_text(std::string_view text) {
    Split s;
    const auto* t = reinterpret_cast<const uint8_t*>(text.data());
    size_t i = 0, n = text.size();
    for (;;) {
        size_t b = i;
        while (i < n && !is_token_byte(t[i])) ++i;
        s.seps.push_back(text.substr(b, i - b));
        if (i == n) break;
        b = i;
        while (i < n && is_token_byte(t[i])) ++i;
        s.toks.push_back(text.substr(b, i - b));
    }
    return s;
}

// Raw text when tokens would not pay: no tokens, or long unbroken runs (e.g. CJK, base64).
bool use_tokens(const Split& s, size_t text_bytes) {
    if (s.toks.empty()) return false;
    return text_bytes / (s.toks.size() + s.seps.size()) <= 24;
}

struct LexBuilder {
    std::unordered_map<std::string_view, uint32_t> counts;
    std::unordered_map<std::string_view, uint32_t> ids;
    void add(std::string_view t) { ++counts[t]; }
    // Assign ids by frequency class, ties in byte order, and write the block (sorted, front-coded,
    // then classes) from which the reader rebuilds the same ids.
    void finish(std::string& out, bool terminated) {
        std::vector<std::pair<std::string_view, uint32_t>> sorted(counts.begin(), counts.end());
        std::sort(sorted.begin(), sorted.end());
        put_varint(out, sorted.size());
        std::string_view prev;
        for (auto& [tok, c] : sorted) {
            size_t shared = 0;
            while (shared < prev.size() && shared < tok.size() && prev[shared] == tok[shared]) ++shared;
            put_varint(out, shared);
            if (terminated) {
                TX_ASSERT(tok.find('\n') == std::string_view::npos);
                out.append(tok.substr(shared));
                out += '\n';
            } else {
                put_string(out, tok.substr(shared));
            }
            prev = tok;
        }
        for (auto& kv : sorted) kv.second = frequency_class(kv.second);
        for (auto& kv : sorted) put_varint(out, kv.second);
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        for (uint32_t i = 0; i < sorted.size(); ++i) ids[sorted[i].first] = i;
    }
};

// The episode payload; see docs/bundle-format.md "Episode payload".
std::string encode_payload(const Episode& ep, const Split* split, const LexBuilder& words, const LexBuilder& seps, int level) {
    std::string out;
    out += char(split ? uint8_t(TextMode::Tokens) : uint8_t(TextMode::Raw));
    put_varint(out, ep.text.size());
    put_varint(out, ep.words.size());
    put_varint(out, ep.cues.size());
    if (!split) {
        out += ep.text;
    } else {
        std::string ids, sep_ids;
        for (auto t : split->toks) put_id(ids, words.ids.at(t));
        for (auto t : split->seps) put_id(sep_ids, seps.ids.at(t));
        put_varint(out, split->toks.size());
        put_block(out, ids);
        put_block(out, sep_ids);
    }
    // Word ranges.
    std::string codes, explicit_s;
    const auto* t = reinterpret_cast<const uint8_t*>(ep.text.data());
    const size_t n = ep.text.size();
    size_t cursor = 0;
    for (const Word& w : ep.words) {
        size_t b, e;
        if (next_trimmed_run(t, n, cursor, b, e) && w.begin == b && w.end == e) {
            codes += char(WordCode::NextTrimmedRun);
        } else if (next_token(t, n, cursor, b, e) && w.begin == b && w.end == e) {
            codes += char(WordCode::NextToken);
        } else {
            codes += char(WordCode::Explicit);
            put_varint(explicit_s, zigzag(int64_t(w.begin) - int64_t(cursor)));
            put_varint(explicit_s, w.end - w.begin);
        }
        cursor = std::max<size_t>(cursor, w.end);
    }
    put_block(out, codes);
    put_block(out, explicit_s);
    // Cues: a time unit (the gcd of all cue times, e.g. 10 or 20 ms for Whisper), then four
    // columns (first-word gap, word count, start gap, duration) so each compresses on its own.
    uint64_t unit = 0;
    for (const Cue& c : ep.cues) unit = std::gcd(unit, std::gcd(uint64_t(c.start_ms), uint64_t(c.end_ms)));
    if (unit == 0 || unit > (1u << 30)) unit = 1;
    // Durations are stored against count x rate (the cue's words at the episode's mean rate).
    uint64_t cue_words = 0, cue_units = 0;
    for (const Cue& c : ep.cues) {
        cue_words += c.word_count;
        if (c.end_ms > c.start_ms) cue_units += (c.end_ms - c.start_ms) / unit;
    }
    uint64_t rate = cue_words ? std::min<uint64_t>((cue_units * 256 + cue_words / 2) / cue_words, kMaxCueRate) : 0;
    std::string cues, col[4];
    int64_t prev_end_word = 0, prev_ms = 0;
    for (const Cue& c : ep.cues) {
        put_varint(col[0], zigzag(int64_t(c.first_word) - prev_end_word));
        put_varint(col[1], c.word_count);
        put_varint(col[2], zigzag((int64_t(c.start_ms) - prev_ms) / int64_t(unit)));
        put_varint(col[3], zigzag((int64_t(c.end_ms) - int64_t(c.start_ms)) / int64_t(unit) - predicted_cue_units(c.word_count, rate)));
        prev_end_word = int64_t(c.first_word) + c.word_count;
        prev_ms = c.end_ms;
    }
    put_varint(cues, unit);
    put_varint(cues, rate);
    for (auto& c : col) put_block(cues, c);
    put_block(out, cues);
    // Times: try each predictor, keep the one whose residuals compress best.
    std::string best;
    uint8_t best_pred = 0;
    size_t best_size = SIZE_MAX;
    for (uint8_t pred = 0; pred <= kMaxTimePredictor; ++pred) {
        TimePrediction tp;
        tp.kind = TimePredictor(pred);
        tp.text_bytes = ep.text.size();
        std::string res;
        if (tp.kind == TimePredictor::CueBytes && ep.cues.empty()) continue;
        if (tp.kind == TimePredictor::Linear) {
            // The rate as words per minute to 1/100 (what an importer is given): ms/word = 6e6 / (wpm * 100).
            if (ep.words.size() < 2 || ep.words.back().start_ms == 0) continue;
            double wpm = 60000.0 * double(ep.words.size() - 1) / double(ep.words.back().start_ms);
            uint64_t den = uint64_t(wpm * 100 + 0.5);
            if (den == 0 || den > (1u << 30)) continue;
            tp.num = 6000000;
            tp.den = den;
            put_varint(res, tp.num);
            put_varint(res, tp.den);
        }
        bool usable = true;
        for (size_t i = 0; i < ep.words.size() && usable; ++i) {
            int64_t v = ep.words[i].start_ms, r = v - tp.predict(i, ep.words, ep.cues);
            usable = r > -(int64_t(1) << 40) && r < (int64_t(1) << 40);  // the reader's bound
            put_varint(res, zigzag(r));
            tp.push(v);
        }
        if (!usable) continue;  // (Delta is always usable: |residual| < 2^32)
        size_t sz = compressed_size(res, std::min(level, 9));
        if (sz < best_size) { best_size = sz; best = std::move(res); best_pred = pred; }
    }
    out += char(best_pred);
    put_block(out, best);
    // Speakers.
    std::string spk;
    for (size_t i = 0; i < ep.words.size();) {
        size_t j = i;
        while (j < ep.words.size() && ep.words[j].speaker == ep.words[i].speaker) ++j;
        put_varint(spk, j - i);
        put_varint(spk, uint64_t(int64_t(ep.words[i].speaker) + 1));
        i = j;
    }
    put_block(out, spk);
    if (std::getenv("TX_BUNDLE_DEBUG"))
        std::fprintf(stderr, "payload %zu: codes %zu->%zu explicit %zu->%zu cues %zu->%zu times(%d) %zu->%zu speakers %zu->%zu\n", out.size(),
                     codes.size(), compressed_size(codes, level), explicit_s.size(), compressed_size(explicit_s, level), cues.size(),
                     compressed_size(cues, level), best_pred, best.size(), compressed_size(best, level), spk.size(), compressed_size(spk, level));
    return out;
}

Status validate(const Episode& ep, size_t i) {
    if (ep.text.size() > UINT32_MAX / 2) return invalid(i, "the text is too large for a bundle");
    if (ep.meta.speakers.size() > 32767) return invalid(i, "too many speakers");
    for (size_t k = 0; k < ep.words.size(); ++k) {
        const Word& w = ep.words[k];
        if (w.begin > w.end || w.end > ep.text.size())
            return invalid(i, "word " + std::to_string(k + 1) + " lies outside the text");
        if (w.speaker < kNoSpeaker || (w.speaker >= 0 && size_t(w.speaker) >= ep.meta.speakers.size()))
            return invalid(i, "word " + std::to_string(k + 1) + " has an unknown speaker");
    }
    for (size_t k = 0; k < ep.cues.size(); ++k) {
        const Cue& c = ep.cues[k];
        if (uint64_t(c.first_word) + c.word_count > ep.words.size())
            return invalid(i, "cue " + std::to_string(k + 1) + " covers words that do not exist");
    }
    return ok_status();
}

void put_meta(std::string& o, const EpisodeMeta& m) {
    put_string(o, m.title);
    put_string(o, m.date);
    put_string(o, m.source_url);
    put_string(o, m.media_url);
    put_varint(o, m.speakers.size());
    for (auto& s : m.speakers) put_string(o, s);
    put_varint(o, m.duration_ms);
    o += char(m.times_estimated ? 1 : 0);
    put_varint(o, m.chapters.size());
    for (auto& c : m.chapters) {
        put_varint(o, c.start_ms);
        put_string(o, c.title);
    }
}

}  // namespace

Result<std::string> write_bundle(const std::vector<Episode>& episodes, const WriteDesc& desc) {
    if (episodes.size() > UINT32_MAX / 2) return make_error(Errc::InvalidArgument, "Too many episodes");
    std::vector<Split> splits(episodes.size());
    std::vector<bool> tokenized(episodes.size(), false);
    LexBuilder words, seps;
    for (size_t i = 0; i < episodes.size(); ++i) {
        if (auto s = validate(episodes[i], i); !s) return s.error();
        for (auto& str : {episodes[i].meta.title, episodes[i].meta.date, episodes[i].meta.source_url, episodes[i].meta.media_url})
            if (str.size() > (1u << 20)) return invalid(i, "a metadata field is longer than 1 MiB");
        if (desc.force_raw_text) continue;
        splits[i] = split_text(episodes[i].text);
        tokenized[i] = use_tokens(splits[i], episodes[i].text.size());
        if (!tokenized[i]) { splits[i] = Split{}; continue; }
        for (auto t : splits[i].toks) words.add(t);
        for (auto t : splits[i].seps) seps.add(t);
    }
    std::string lexicon;
    if (!words.counts.empty() || !seps.counts.empty()) {
        words.finish(lexicon, true);
        seps.finish(lexicon, false);
    }
    std::vector<std::string> payloads(episodes.size());
    for (size_t i = 0; i < episodes.size(); ++i) {
        payloads[i] = encode_payload(episodes[i], tokenized[i] ? &splits[i] : nullptr, words, seps, desc.level);
        if (desc.payload_hook) desc.payload_hook(i, payloads[i]);
        if (payloads[i].size() > UINT32_MAX / 2) return invalid(i, "the episode is too large for a bundle");
    }
    // Optional dictionary over the payloads (needs a handful of samples to be worth it).
    std::string dict;
    ZSTD_CDict* cdict = nullptr;
    if (desc.dictionary_bytes && episodes.size() >= 8) {
        std::string samples;
        std::vector<size_t> sizes;
        for (auto& p : payloads) { samples += p; sizes.push_back(p.size()); }
        dict.resize(desc.dictionary_bytes);
        size_t n = ZDICT_trainFromBuffer(dict.data(), dict.size(), samples.data(), sizes.data(), unsigned(sizes.size()));
        if (ZDICT_isError(n)) dict.clear();
        else dict.resize(n);
        if (!dict.empty()) cdict = ZSTD_createCDict(dict.data(), dict.size(), desc.level);
    }
    std::vector<std::string> frames(episodes.size());
    std::string directory;
    put_varint(directory, episodes.size());
    for (size_t i = 0; i < episodes.size(); ++i) {
        auto f = compress(payloads[i], desc.level, cdict);
        if (!f) { ZSTD_freeCDict(cdict); return f.error(); }
        frames[i] = std::move(f.value());
        const Episode& ep = episodes[i];
        put_meta(directory, ep.meta);
        put_varint(directory, ep.words.size());
        put_varint(directory, ep.text.size());
        put_varint(directory, ep.cues.size());
        put_varint(directory, payloads[i].size());
        put_varint(directory, frames[i].size());
        put_u32(directory, crc32(reinterpret_cast<const uint8_t*>(frames[i].data()), frames[i].size()));
    }
    ZSTD_freeCDict(cdict);
    std::string lex_frame, dir_frame;
    if (!lexicon.empty()) {
        auto l = compress(lexicon, desc.level);
        if (!l) return l.error();
        lex_frame = std::move(l.value());
    }
    auto d = compress(directory, desc.level);
    if (!d) return d.error();
    dir_frame = std::move(d.value());
    if (dict.size() > UINT32_MAX / 4 || lex_frame.size() > UINT32_MAX / 4 || dir_frame.size() > UINT32_MAX / 4)
        return make_error(Errc::InvalidArgument, "The bundle is too large for format version 1");

    std::string sections = dict + lex_frame + dir_frame;
    uint64_t total = kHeaderSize + sections.size();
    for (auto& f : frames) total += f.size();
    std::string out;
    out.reserve(size_t(total));
    out.append(reinterpret_cast<const char*>(kMagic), sizeof(kMagic));
    put_u32(out, kFormatVersion);
    put_u32(out, 0);  // flags
    put_u32(out, uint32_t(episodes.size()));
    put_u32(out, uint32_t(dict.size()));
    put_u32(out, uint32_t(lex_frame.size()));
    put_u32(out, uint32_t(dir_frame.size()));
    put_u64(out, total);
    put_u32(out, crc32(reinterpret_cast<const uint8_t*>(sections.data()), sections.size()));
    put_u32(out, crc32(reinterpret_cast<const uint8_t*>(out.data()), out.size()));
    TX_ASSERT(out.size() == kHeaderSize);
    out += sections;
    for (auto& f : frames) out += f;
    return out;
}

}  // namespace tx
