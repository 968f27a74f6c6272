// labels_internal.h: shared between the topic engine's files (not part of the public API).
#pragma once
#include <algorithm>
#include <cstdint>
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

// The stem a label compares words by: one common English suffix off ("drilling" -> "drill",
// "viruses" -> "virus"), keeping at least 3 letters. Not shown to anyone.
std::string_view word_stem(std::string_view w);

// True when two words are one word to a reader of a label: their stems are equal ("virus" /
// "viruses"), one stem or 5+ letter word starts the other ("comet" / "cometary", "moral" /
// "morality"), or they share their first 6 letters ("intelligence" / "intelligent").
bool same_stem(std::string_view a, std::string_view b);

// FNV-1a hash of a word, for the engine's open-addressing word tables (TopicDocBuilder's surface
// words, the sentence-start tables).
inline uint32_t word_hash(std::string_view w) {
    uint32_t h = 2166136261u;
    for (char c : w) h = (h ^ uint8_t(c)) * 16777619u;
    return h;
}

// The space-separated pieces of `text` (views into it; runs of spaces give no empty pieces).
std::vector<std::string_view> split_on_spaces(std::string_view text);

// True when a normalised topic word (lower-case ASCII letters and digits, ', and non-ASCII
// letters as UTF-8) has a letter: an ASCII one or any non-ASCII byte.
bool has_letter(std::string_view w);

// True when a text's words with a letter are under a quarter stop words (the rest, `content`, are
// topic terms): a language the English stop list does not know (German, Russian; 42-82% of the
// words in English speech and text). Its own function words are then found by frequency.
inline bool stop_list_unknown(uint64_t lettered, uint64_t content) { return (lettered - std::min(lettered, content)) * 4 < lettered; }

// The most frequent terms (by `tf`, ties by id) that together make up 40% of the `content` words:
// where a text's own function words ("und", "der", "по") are looked for (stop_list_unknown).
std::vector<TermId> most_frequent_terms(const std::vector<uint32_t>& tf, uint64_t content);

// A word as the topic engine and labels see it: lower case, letters (accents kept: "café", not
// "caf") and digits, apostrophes as '. The _into form reuses `out`'s buffer.
std::string normalise_word(std::string_view raw);
void normalise_word_into(std::string_view raw, std::string& out);

// True when a raw word ends a sentence: its last character before any closing quotes or brackets
// is . ? or ! ("it.", "so?\"", "(really!)"). Abbreviations ("Dr.") count too: a spare candidate
// boundary costs little, a missed one costs a boundary in the wrong place.
bool ends_sentence(std::string_view raw);

// True when word i of `ep` ends a sentence: the word itself ends in . ? or !, or the bytes between
// it and the next word (the importers keep punctuation out of a word's span) hold one, looking at
// most 16 bytes ahead.
bool word_ends_sentence(const Episode& ep, size_t i);

// The bytes of word i of `ep` (empty when its span falls outside the text).
std::string_view word_bytes(const Episode& ep, size_t i);

// True when `units` sentence starts are too few for `words` words (fewer than one per 60; real
// sentences average ~10-16 words in speech): guessed starts are added then
// (TopicDocBuilder::set_guess_units, sentence_starts()).
inline bool too_few_units(size_t units, size_t words) { return units * 60 < words; }

// Adds the sorted starts `more` to the sorted starts `units` (a sorted union).
void merge_starts(std::vector<uint32_t>& units, const std::vector<uint32_t>& more);

// Add words [word, end) of `ep` to `b` as topic_doc_from_episode() does (cue starts become unit
// starts); `word` and `cue` carry the position from one call to the next (start both at 0).
void add_episode_words(TopicDocBuilder& b, const Episode& ep, size_t& word, size_t& cue, size_t end);

}  // namespace tx
