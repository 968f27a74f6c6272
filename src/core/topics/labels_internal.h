// labels_internal.h: shared between labels.cpp and timeline.cpp (not part of the public API).
#pragma once
#include <string>
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

}  // namespace tx
