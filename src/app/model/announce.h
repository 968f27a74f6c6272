// announce.h: the short texts a screen reader speaks for what the canvas shows: the item the
// keyboard focus is on (a result, a topic, an episode, the timeline's topic, the reader's passage).
// The web page puts them in visually hidden ARIA live regions (web/explorer-loader.js); the status
// line's text is search_status() (search_status.h). UI-free, so tested natively.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tx {

class AppModel;

constexpr size_t kAnnounceWords = 24;  // words of a snippet or passage read out: enough to place it

// A result row: "12:34, <snippet words>, result 3 of 9" (several episodes: "…, in <title>, result
// 3 of 9"). @return "" when `row` is out of range.
std::string announce_result(const AppModel& m, int row);
// A topic of the current episode: "<label>, 12:34, topic 2 of 7". @return "" when out of range.
std::string announce_topic(const AppModel& m, int i);
// A chapter of the current episode: "Chapter: <title>, 12:34, chapter 2 of 7". @return "" when out of range.
std::string announce_chapter(const AppModel& m, int i);
// An episode of the Episodes list: "<title>, <date>, 42 hits, episode 2 of 10" (row of rows:
// the list as filtered). @return "" when `ep` is out of range.
std::string announce_episode(const AppModel& m, uint32_t ep, int row, int rows);
// A row of the Episodes tab's recurring topics (row: index into recurring_by_episodes()):
// "<label>, 3 episodes, 7 segments, recurring topic 2 of 5" (", chosen" before the place while it
// filters the episodes). @return "" when `row` is out of range.
std::string announce_recurring(const AppModel& m, int row);
// The timeline at the reading position: "12:34 of 1:02:03, topic: <label>".
std::string announce_timeline(const AppModel& m);
// The reader at the reading position: "12:34, <speaker>: <the passage's first words>".
// @return "" when the current episode's text is not loaded.
std::string announce_passage(const AppModel& m);
// At most `max_words` space-separated words of `text` (one line: newlines become spaces), with
// "…" when some were left out.
std::string first_words(const std::string& text, size_t max_words);

// What the page's live regions are told for a drawn text: the middle dots that separate a status
// line's parts ("17 hits · 15 passages") and a topic label's keywords ("llama · open source")
// become commas, which a screen reader reads as a pause; some read "·" aloud ("dot", "middle dot").
std::string for_speech(std::string_view text);

}  // namespace tx
