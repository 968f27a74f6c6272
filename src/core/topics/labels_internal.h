// labels_internal.h: shared between the topic engine's files (not part of the public API).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/topics/topics.h"

namespace tx {

struct SegmentLabel {
    std::vector<std::string> keywords;                   // best first, up to 8
    std::vector<TermWeight> profile;                     // top weighted terms, unit length
};


// @return one SegmentLabel per segment [bounds[i], bounds[i+1]).
std::vector<SegmentLabel> score_segments(const TopicDoc& doc, const std::vector<uint32_t>& bounds,
                                         const LabelDesc& desc);

// True when a normalised topic word (lower-case ASCII letters and digits, ', and non-ASCII
// letters as UTF-8) has a letter: an ASCII one or any non-ASCII byte.
bool has_letter(std::string_view w);

// Add words [word, end) of `ep` to `b` as topic_doc_from_episode() does (cue starts become unit
// starts); `word` and `cue` carry the position from one call to the next (start both at 0).
void add_episode_words(TopicDocBuilder& b, const Episode& ep, size_t& word, size_t& cue, size_t end);

}  // namespace tx
