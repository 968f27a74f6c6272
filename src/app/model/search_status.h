// search_status.h: the words the explorer uses to describe a search's outcome: the one-line status
// of the top bar ("match 2 of 17 · 17 hits · 15 passages", singular forms for 1) and the note for a
// speaker: filter on transcripts that have no speaker labels. UI-free, so tested natively.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace tx {

class AppModel;

// ---- Counting ----

// "6,210,151": @return n in decimal with a comma between groups of three digits.
std::string group_digits(uint64_t n);
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

}  // namespace tx
