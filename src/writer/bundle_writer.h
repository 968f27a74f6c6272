// bundle_writer.h: writing transcript bundles (native only: needs zstd's compressor and ZDICT).
//
// The inverse of core/bundle.h. Text is cut into word tokens and separators (lossless for any
// bytes); a shared lexicon stores each distinct token once, sorted and front-coded; each episode
// stores word ids ranked by frequency, separator ids, word ranges as predictions from the text,
// times as residuals of the best of three predictors, speaker runs and cues, in one zstd frame.
// Episodes whose text does not tokenize well (long runs without spaces, binary) are stored raw.
// See docs/bundle-format.md.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/base.h"
#include "core/episode.h"

namespace tx {

struct WriteDesc {
    int level = 19;                // zstd level for every section (1..22)
    size_t dictionary_bytes = 0;   // 0 = none; else train a zstd dictionary of up to this size
                                   // over the episode payloads (pays off for archives)
    bool force_raw_text = false;   // store every text verbatim (tests the raw path)
    // Tests and fuzzing only: edit each episode's payload before compression (the directory and
    // checksums then describe the edited bytes), to reach the reader's payload decoder.
    std::function<void(size_t episode, std::string& payload)> payload_hook;
};

// Encode episodes into one bundle.
// @return the bundle bytes, or Errc::InvalidArgument when an episode is inconsistent (a word
//         outside its text, a speaker index out of range, a cue past the last word) or too large
//         for the format's 32-bit sizes, naming the episode.
Result<std::string> write_bundle(const std::vector<Episode>& episodes, const WriteDesc& desc = {});

}  // namespace tx
