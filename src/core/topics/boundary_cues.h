// boundary_cues.h: per-candidate boundary evidence for the segmenter (internal to src/core/topics).
//
// For a candidate boundary at word b (a sentence / cue / block start) it computes a small feature
// vector: spoken discourse cues at the start of the unit ("okay", "so", "all right", "thank you",
// "let's talk about", a host question opening with "what"/"how"/"do you"...), the lengths of the
// unit and the previous one, and lexical-cohesion drops (1 - cosine of the content words before
// and after b at three window sizes, plus the share of new vocabulary), z-scored within the
// document so they mean the same in a 2k-word text and a 30k-word episode. A linear model
// (weights in boundary_weights.inc, fitted by scripts/train_boundary_cues.py on the tune half of
// the spoken dev sets) turns the features into a log-odds score that the segmenter's dynamic
// programme adds as a bonus for placing a boundary there.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/topics/topics.h"

namespace tx {

constexpr size_t kCueFeatureCount = 18;  // columns of boundary_cue_features (0 is the constant 1)

// Names of the feature columns, for the training dump and the weights file.
extern const char* const kCueFeatureNames[kCueFeatureCount];

// @return positions.size() x kCueFeatureCount values, row-major (one row per position, same order).
// Positions must be valid word indices of doc (0 < b < doc.size()); others get an all-zero row.
std::vector<float> boundary_cue_features(const TopicDoc& doc, const std::vector<uint32_t>& positions);

// @return one score per position: the dot product of its feature row with `weights`
// (kCueFeatureCount values); the built-in model when weights is null.
std::vector<float> boundary_cue_scores(const TopicDoc& doc, const std::vector<uint32_t>& positions,
                                       const float* weights = nullptr);

}  // namespace tx
