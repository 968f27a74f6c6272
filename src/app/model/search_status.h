// search_status.h: the words the explorer uses to describe a search's outcome: the one-line status
// of the top bar ("match 2 of 17 · 17 hits · 15 passages", singular forms for 1) and the note for a
// speaker: filter on transcripts that have no speaker labels. UI-free, so tested natively.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text.h"

namespace tx {

class AppModel;

// ---- Counting ----

// group_digits (core/text.h): "6,210,151".
// "1 hit", "2 hits", "0 hits", "6,210,151 words". @return n (digits grouped) followed by
// `singular` when n == 1, else by `plural`.
std::string count_noun(uint64_t n, std::string_view singular, std::string_view plural);

// ---- Speaker filters ----

// @return true when the query has a speaker: or -speaker: filter (any case of "speaker").
bool query_has_speaker_filter(std::string_view query);
// @return true when at least one loaded episode names its speakers (false when none is loaded).
bool any_speaker_labels(const AppModel& m);
// @return the note shown when the query filters by speaker but no loaded episode has speaker
// labels ("This transcript has no speaker labels"), or "" when the filter can match.
std::string speaker_note(const AppModel& m);

// ---- Status line ----

// The top bar's status for the current query. @return "" without a query, the query error when
// the query is malformed, else "No matches", the partial-match line or the hit and passage counts,
// followed by the speaker note and "(so far: 3 of 20 episodes indexed)" when they apply; a deep
// link's note (AppModel::link_note) comes first, with or without a query.
std::string search_status(const AppModel& m);

// ---- Search box ----

// The empty search box's hint. @return for one transcript the demo's examples ("Search the
// transcript  (e.g. llama, …)"), for an archive "Search all 293 episodes  (e.g. …)" (it said "the
// transcript" with the demo's "llama" over 293 episodes). examples = false: the hint without its
// examples ("Search the transcript", "Search all 293 episodes"), for a box too narrow for them (a
// phone's box cut the examples mid-word: "(e.g. llama").
std::string search_box_hint(const AppModel& m, bool examples = true);

// ---- Results list ----

// Under the last result row when the list holds only the best-ranked passages (the list stopped at
// 300 of Lexicap's 1,932 "consciousness" passages without a word, under a "Results (1932)" tab).
// @return "" when every passage is listed, else "The best 300 of 1,932 passages are listed…".
std::string results_cap_note(const AppModel& m);

// ---- Episode list ----

// The Episodes tab's filter: @return true when every space-separated word of `filter` occurs in the
// episode's title or date, ignoring ASCII case (an empty filter keeps every episode).
bool episode_matches(const std::string& title, const std::string& date, std::string_view filter);

// ---- Archive loading ----

// The archive progress bar: "Indexed 80 of 293 episodes" while indexing, then "Finding topics:
// 120 of 293 episodes" (it said "Finding topics across 293 episodes" over a full bar for ~15 s on
// Lexicap). @return the bar's text; `fraction` gets its filled part (0..1).
std::string archive_progress(const AppModel& m, float& fraction);

}  // namespace tx
