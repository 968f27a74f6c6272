// bundle.h: reading transcript bundles (.txb), the file the explorer downloads.
//
// A bundle holds many episodes: a fixed header, an optional zstd dictionary, a shared lexicon
// (the vocabulary of every episode), a directory (per-episode metadata and frame sizes) and one
// zstd frame per episode, so one episode decodes without the others. The format is specified in
// docs/bundle-format.md; the writer lives in src/writer/ (native only, it needs zstd's
// compressor). This reader needs only zstd's decompressor and runs in WASM.
//
// Trust: read_bundle validates the magic, the version, the header CRC, every size against the
// buffer, every declared decompressed size against ReadDesc's caps, and the CRC-32 of every
// section and (by default) of every episode frame before decompressing or allocating anything
// proportional to a declared size. Episode decoding re-validates every count, id and range.
// Failures are Errc codes with a message the UI can show as is.
//
//   auto b = read_bundle(bytes);                 // header, lexicon, directory
//   if (!b) show(b.message());
//   for (size_t i = 0; i < b->size(); ++i) puts(b->episode(i).meta.title.c_str());
//   Result<Episode> ep = b->decode_episode(0);   // one episode on demand
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/base.h"
#include "core/episode.h"

namespace tx {

// ---- Options ----
struct ReadDesc {
    size_t max_frame_bytes = size_t(256) << 20;  // largest accepted decompressed section or episode
    uint64_t max_total_bytes = uint64_t(2) << 30; // cap on the sum of declared decompressed sizes
    bool verify_episodes = true;  // check every episode frame's CRC in read_bundle (else on decode)
};

// ---- What the directory says about one episode (available without decoding it) ----
struct EpisodeInfo {
    EpisodeMeta meta;
    uint32_t word_count = 0;
    uint32_t text_bytes = 0;
    uint32_t cue_count = 0;
    uint32_t payload_bytes = 0;  // decompressed size of its frame
    uint32_t frame_bytes = 0;    // compressed size of its frame
    uint64_t frame_offset = 0;   // where its frame starts in the file
    uint32_t frame_crc = 0;      // CRC-32 of the compressed frame
};

struct BundleSummary {
    uint32_t format_version = 0;
    uint64_t file_bytes = 0;
    uint32_t dictionary_bytes = 0;  // 0 = no zstd dictionary
    uint32_t lexicon_bytes = 0;     // compressed size of the lexicon section
    uint32_t directory_bytes = 0;   // compressed size of the directory section
    uint32_t lexicon_words = 0;     // distinct word tokens across the bundle
    uint64_t total_words = 0;
    uint64_t total_text_bytes = 0;
};

class Bundle {
public:
    struct State;  // owned file bytes, lexicon, dictionary; immutable once read
    Bundle() = default;
    explicit Bundle(std::shared_ptr<const State> s) : m_state(std::move(s)) {}

    size_t size() const;                         // number of episodes
    const EpisodeInfo& episode(size_t i) const;  // i < size() (asserted)
    const BundleSummary& summary() const;

    // Decode one episode: text, words (byte ranges, times, speakers), cues and metadata.
    // @return the episode, or Errc::Corrupt / Decompress / TooLarge / InvalidArgument (i out of
    //         range) with a message naming the episode. Thread-compatible: calls may run in parallel.
    Result<Episode> decode_episode(size_t i) const;

private:
    std::shared_ptr<const State> m_state;
};

// Parse and validate a bundle. The bytes are copied; `data` may be freed afterwards.
// @return the bundle, or Errc::BadMagic ("This is not a transcript bundle"), VersionUnsupported
//         ("This bundle was made by a newer version…"), Truncated ("The file is truncated at byte
//         N…"), Corrupt (checksum or structure), TooLarge (a declared size above the caps) or
//         Decompress.
Result<Bundle> read_bundle(Bytes data, const ReadDesc& desc = {});

// Decode every episode, in order. @return all episodes, or the first episode's error.
Result<std::vector<Episode>> decode_all(const Bundle& bundle);

}  // namespace tx
