// app_model.h: the explorer's state, testable without ImGui or a browser.
//
// Views read the model and call its actions; the platform layer feeds it bytes, load progress and
// the URL hash. Nothing here draws or touches the platform. Every change bumps revision(), which
// the platform uses to decide whether a frame must be drawn and whether to tell JavaScript.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/model/text_layout.h"
#include "core/base.h"
#include "core/episode.h"
#include "core/json.h"  // json_append_string

namespace tx {

enum class LoadPhase { Waiting, Downloading, Decompressing, Indexing, Ready, Error };
const char* load_phase_name(LoadPhase p);

struct HighlightSpan {
    uint32_t begin = 0;  // byte offsets into the snippet text
    uint32_t end = 0;
};

// One ranked search result (a passage), ready to draw.
struct ResultRow {
    uint32_t episode = 0;
    uint32_t word = 0;       // first matched word of the passage
    uint32_t word_end = 0;   // one past the last matched word of the first match
    uint32_t last_word = 0;  // last matched word of the passage
    uint32_t focus_word = 0; // the word the snippet centres on (Hit::focus_word): the reader jumps
                             // here; `word` while snippet_pending
    uint32_t time_ms = 0;    // passage start while snippet_pending, then focus_word's time
    float score = 0;
    std::string snippet;     // keyword-in-context text, cut on word boundaries
    std::vector<HighlightSpan> spans;
    bool snippet_pending = false;  // archive: the episode is not decoded yet (see want_snippet)
};

// One occurrence of the query in reading order (what F3 steps through).
struct MatchRef {
    uint32_t episode = 0;
    uint32_t word = 0;
    uint32_t word_end = 0;
    uint16_t first_char = 0xFFFF;  // words written without spaces: the characters matched
    uint16_t last_char = 0xFFFF;   // (WordMatch::first_char / last_char; 0xFFFF: the whole word)
};

// A topic segment, ready for the timeline and the topics panel.
struct TopicRow {
    uint32_t start_word = 0, end_word = 0;
    uint32_t start_ms = 0, end_ms = 0;
    std::string label;
    std::vector<std::string> keywords;
    uint32_t group = 0;  // topic group within the episode
    uint32_t color = 0;  // ABGR (ImGui's ImU32 layout): see AppModel::recurring_topics()
    int32_t recurring = -1;  // archives: index into AppModel::recurring_topics(), -1 = none
};

// A topic that recurs across an archive's episodes (group_recurring): its segments share its colour.
struct RecurringTopicRow {
    std::string label;
    uint32_t color = 0;               // ABGR
    std::vector<uint32_t> episodes;   // episodes with a segment of it, in bundle order (at least 2)
    uint32_t segments = 0;
};

struct TopicGroupRow {
    uint32_t id = 0;
    std::string label;
    uint32_t color = 0;
    uint32_t occurrences = 0;  // segments in this group (all episodes)
    uint32_t total_ms = 0;     // time covered
};

class SearchEngine;  // wraps the core index (app_model.cpp)
class Bundle;
struct ArchiveLoader;
struct TopicJob;
struct TopicTimeline;
struct RecurringTopic;

// A point on the archive timeline: one episode, placed by date (or by order when undated).
struct ArchiveEpisodeRow {
    uint32_t episode = 0;
    int32_t day = -1;  // days since 1970-01-01 from EpisodeMeta::date, -1 = undated
};

// Clock for AppModel::step: milliseconds from any fixed origin (the platform's performance.now).
using NowFn = std::function<double()>;

class AppModel {
public:
    AppModel();
    ~AppModel();
    AppModel(const AppModel&) = delete;
    AppModel& operator=(const AppModel&) = delete;

    // ---- loading ----
    // Load a bundle from bytes. On failure the model enters LoadPhase::Error with a human message
    // and keeps nothing half-loaded. @return ok, or the reader's error.
    // A single-episode (or small) bundle is decoded and indexed here and the model is Ready on
    // return. An archive only reads its header and directory here (the episode list is known, the
    // first episode is shown) and stays in LoadPhase::Indexing: the platform calls step() every
    // frame until it returns false; searches answer over the episodes indexed so far.
    Status load_bundle(Bytes data);
    // Advance an archive load for about `budget_ms` of `now_ms` time, then fill pending result
    // snippets the views asked for. The work is cut into pieces (one episode's decode + index, the
    // commit of new terms; once indexed, a piece of one episode's topic timeline or its decode),
    // and a piece starts only when its predicted cost fits in what is left of the budget, except
    // the first piece of a call; budget_ms <= 0 does nothing (a frame with no time to spare).
    // @return true while work remains (the platform keeps frames coming), false when idle.
    bool step(const NowFn& now_ms, double budget_ms);
    bool loading() const { return m_loader != nullptr; }
    uint32_t indexed_episodes() const { return m_indexed; }
    // Episodes whose topic timeline is computed (an archive's topics phase counts up to
    // episode_count() after indexing; the recurring topics follow once all are done).
    uint32_t topics_done() const;
    size_t episode_count() const { return m_meta.size(); }
    const EpisodeMeta& episode_meta(uint32_t e) const;  // e < episode_count()
    uint32_t episode_words(uint32_t e) const { return e < m_episode_words.size() ? m_episode_words[e] : 0; }
    // The episode the reader shows (decoded on demand in archives; empty when none).
    const Episode& current_episode() const;
    // true when the current results cover only part of the archive (still indexing)
    bool results_partial() const { return m_results_partial; }
    // The view shows result row i: fill its snippet soon (in step()) if it is pending.
    void want_snippet(size_t i);
    size_t index_bytes() const;
    bool index_committed() const;  // the term tables are built (a load leaves them to step() or a query)
    // Archive view: episodes by date (the recurring topics: recurring_topics()).
    const std::vector<ArchiveEpisodeRow>& archive_timeline() const { return m_archive_rows; }
    // Load already-imported episodes (tests, dropped files); all stay resident.
    void load_episodes(std::vector<Episode> episodes);
    void set_download_progress(uint64_t done, uint64_t total);
    void fail(Errc code, std::string message);

    LoadPhase phase() const { return m_phase; }
    float progress() const { return m_progress; }
    const Error& error() const { return m_error; }
    // Episodes held by the index. Complete after load_episodes(); for bundles, only resident
    // episodes have text (archives release it): views use episode_meta() / current_episode().
    const std::vector<Episode>& episodes() const;
    size_t total_words() const { return m_total_words; }

    // ---- search ----
    // Run the query now (fast enough to run on every keystroke). Empty query clears results.
    void set_query(std::string q);
    const std::string& query() const { return m_query; }
    const std::string& query_error() const { return m_query_error; }
    // Empty, or why the results hold only some of the query's words (no passage holds them all,
    // or the common words of a question typed as a sentence were left out).
    const std::string& query_note() const { return m_query_note; }
    bool query_partial() const { return m_query_partial; }  // no passage holds every word
    const std::vector<ResultRow>& results() const { return m_results; }
    uint64_t total_passages() const { return m_total_passages; }
    // Hits as the core counts them (same figure as `transcript search`'s occurrences); the
    // matches F3 steps through are occurrences().size() (every matched word range; the words of a
    // multi-word query side by side are one match). hits_in_episode counts those matches.
    uint64_t total_occurrences() const { return m_total_hits; }
    const std::vector<MatchRef>& occurrences() const { return m_occurrences; }
    uint32_t hits_in_episode(uint32_t ep) const { return ep < m_hits_per_episode.size() ? m_hits_per_episode[ep] : 0; }
    // Per-word flags for the current episode: 1 = part of a query match.
    const std::vector<uint8_t>& hit_flags() const { return m_hit_flags; }
    // The current episode's matches as text bytes (sorted, merged where they overlap): a word's
    // own bytes, a phrase from its first word to its last, in Chinese / Japanese the characters.
    const std::vector<TextSpan>& hit_spans() const { return m_hit_spans; }
    // Hit density of the current episode in `bins` bins over its duration (counts).
    std::vector<uint32_t> hit_density(uint32_t bins) const;
    // Remember the query in the history (the view calls this when a query "settles").
    void commit_history();
    const std::vector<std::string>& history() const { return m_history; }

    // ---- navigation ----
    void select_result(int i);        // -1 clears; moves the reader to the result
    int selected_result() const { return m_selected_result; }
    void next_occurrence();           // F3 / Enter: next match in reading order (wraps)
    void prev_occurrence();           // Shift+F3
    int current_occurrence() const { return m_current_occ; }
    void seek(uint32_t episode, uint32_t time_ms);  // reader jumps to the word at that time
    void seek_word(uint32_t episode, uint32_t word);
    void set_episode(uint32_t episode);
    uint32_t episode() const { return m_episode; }
    uint32_t time_ms() const { return m_time_ms; }
    uint32_t reader_word() const { return m_reader_word; }
    // The reader reports the first visible word after the user scrolled.
    void reader_scrolled_to(uint32_t word);
    // The reader reports the first word on screen (every frame it draws): Enter/F3 with no
    // current match starts from there, so a hit already on screen above the reading line is not skipped.
    void reader_shows_from(uint32_t word) { m_first_shown_word = word; }
    // A pending "scroll the reader to this word" request; consumed by the reader view.
    bool take_scroll_request(uint32_t& word);
    // Current match range in the current episode (emphasised), or false.
    bool current_match(uint32_t& begin, uint32_t& end) const;
    // The same as text bytes (as hit_spans), or false.
    bool current_match_span(TextSpan& span) const;

    // ---- reader ----
    const std::vector<Paragraph>& paragraphs() const { return m_paragraphs; }

    // ---- topics ----
    // Colours: a single episode (or a bundle loaded whole) colours segments by their group within
    // the episode (topic_colour(group)). An archive colours by recurring topic across episodes: a
    // segment of a recurring topic has that topic's colour in every episode (the 12 colours are
    // given so that topics sharing an episode differ where possible), every other segment the
    // neutral kOwnTopicColor; until the recurring topics are known all are neutral.
    const std::vector<TopicRow>& topics() const { return m_topics; }  // current episode
    const std::vector<RecurringTopicRow>& recurring_topics() const { return m_recurring; }
    // Indices into recurring_topics() for the Episodes tab's list: most episodes first, then most
    // segments (recurring_topics() itself is by segments, and TopicRow::recurring indexes it).
    const std::vector<uint32_t>& recurring_by_episodes() const { return m_recurring_order; }
    // The recurring topic chosen in the Episodes tab (-1: none): every strip dims the others.
    int chosen_recurring() const { return m_chosen_recurring; }
    void choose_recurring(int r);  // -1 or out of range clears
    // Open episode e at the first segment of recurring topic r there (at its start if it has none).
    void open_at_recurring(uint32_t e, int r);
    // true from when an archive's recurring topics are known (false for a single episode)
    bool recurring_known() const { return m_recurring_known; }
    // true while an archive's recurring topics are still being found
    bool recurring_pending() const { return m_loader != nullptr; }
    size_t recurring_bytes() const;  // what the archive keeps for grouping (profiles), while loading
    const std::vector<TopicGroupRow>& topic_groups() const { return m_groups; }  // current episode
    int highlighted_group() const { return m_highlight_group; }
    void set_highlighted_group(int g) { m_highlight_group = g; bump(); }

    // ---- deep links ----
    // "q=...&ep=...&t=..." (URL-encoded), for the page's location.hash.
    std::string deep_link() const;
    // Apply a hash produced by deep_link() (unknown keys ignored). A value that cannot be followed
    // (ep not a number or not in the bundle, t not a time or past the episode's end) is not applied
    // and is explained in link_note(); a bad ep also drops the link's t (it was for that episode).
    void apply_deep_link(std::string_view hash);
    // Empty, or what the last deep link asked for that could not be shown ("Link: no episode
    // ep=999 here (ep=0 to 292)"). Cleared when the reader moves or another bundle loads.
    const std::string& link_note() const { return m_link_note; }
    // "[12:34] quote text — link" for the reader's selection or the current match.
    std::string quote(uint32_t first_word, uint32_t last_word, std::string_view page_url) const;

    // ---- misc ----
    uint64_t revision() const { return m_revision; }
    void bump() { ++m_revision; }
    // The state as JSON for the JS API: {ready, phase, progress, query, totalHits, totalPassages,
    // results, selected, currentHit, episode, timeMs, word, words, topics, hash, queryError,
    // queryNote, linkNote, error,
    // and for archives: episodes (listed in the directory), indexedEpisodes (searchable so far),
    // loading (still indexing), topicsPending (archive topics still being computed), topicsDone
    // (episodes with topics so far), partial (the
    // current results cover only the indexed episodes), recurringTopics (recurring topics found),
    // chosenTopic (the recurring topic chosen in the Episodes tab, -1 = none),
    // indexBytes (InvertedIndex::memory_bytes), pendingSnippets (result rows not decoded yet)}.
    // The platform adds heapBytes, firstFrameMs, indexedMs, loadCallMs, frames, longestFrameMs...
    // (src/platform/main_web.cpp, tx_state_json).
    std::string state_json() const;

private:
    void after_load();
    void reset_for_load();
    void finish_load();
    void rerun_query();
    // resident or decoded (kept in a small LRU unless cache = false: background work)
    std::shared_ptr<const Episode> decoded(uint32_t e, bool cache = true);
    bool topics_slice(const NowFn& now_ms, double t0, double budget_ms);
    void build_archive_rows();
    void rebuild_episode_view();
    void init_episode_tables();
    void compute_topics(uint32_t episode);  // at once: loads of resident episodes
    void store_topics(uint32_t episode, const TopicTimeline& tl);
    void rebuild_topic_groups();
    void apply_recurring(std::vector<RecurringTopic> topics);
    void rebuild_hit_flags();
    void jump_to_occurrence(int i);

    LoadPhase m_phase = LoadPhase::Waiting;
    float m_progress = 0.f;
    Error m_error;
    size_t m_total_words = 0;
    std::unique_ptr<SearchEngine> m_engine;
    std::unique_ptr<Bundle> m_bundle;
    std::unique_ptr<ArchiveLoader> m_loader;
    std::unique_ptr<TopicJob> m_topic_job;  // archives: a topic timeline being built in steps
    double m_decode_ms_per_word = 0;        // measured episode decode cost (topics slices)
    std::vector<EpisodeMeta> m_meta;
    std::vector<uint32_t> m_episode_words;
    uint32_t m_indexed = 0;
    bool m_results_partial = false;
    std::shared_ptr<const Episode> m_current;
    std::vector<std::pair<uint32_t, std::shared_ptr<const Episode>>> m_cache;  // LRU, newest last
    std::vector<uint32_t> m_snippet_requests;
    std::vector<ArchiveEpisodeRow> m_archive_rows;

    std::string m_query, m_query_error, m_query_note;
    bool m_query_partial = false;
    std::string m_link_note;  // see link_note()
    std::vector<ResultRow> m_results;
    std::vector<MatchRef> m_occurrences;
    std::vector<MatchRef> m_word_matches;  // SearchOutput::word_matches (for fill_row)
    const std::vector<MatchRef>& word_matches() const { return m_word_matches.empty() ? m_occurrences : m_word_matches; }
    std::vector<uint32_t> m_hits_per_episode;
    uint64_t m_total_passages = 0;
    uint64_t m_total_hits = 0;
    std::string m_speaker;            // the results' speaker: filter (SearchOutput::speaker), for fill_row
    bool m_speaker_excluded = false;
    std::vector<uint8_t> m_hit_flags;
    std::vector<TextSpan> m_hit_spans;
    std::vector<std::string> m_history;
    int m_selected_result = -1;
    int m_current_occ = -1;

    uint32_t m_episode = 0, m_time_ms = 0, m_reader_word = 0;
    uint32_t m_first_shown_word = UINT32_MAX;  // reader_shows_from; UINT32_MAX = not drawn yet
    bool m_scroll_pending = false;
    uint32_t m_scroll_word = 0;

    std::vector<Paragraph> m_paragraphs;
    std::vector<TopicRow> m_topics;
    std::vector<TopicGroupRow> m_groups;
    std::vector<std::vector<TopicRow>> m_topics_by_episode;
    std::vector<RecurringTopicRow> m_recurring;
    std::vector<uint32_t> m_recurring_order;  // recurring_by_episodes()
    int m_chosen_recurring = -1;
    bool m_recurring_known = false;
    std::vector<uint8_t> m_topics_done;
    bool m_topics_wait = false;  // step() leaves the shown episode's topics to its next call
    int m_highlight_group = -1;
    uint64_t m_revision = 1;
};

// An archive segment in no recurring topic: a translucent grey (lighter on a light theme, darker
// on a dark one, so either label colour stays readable), unlike any of the 12 topic colours.
constexpr uint32_t kOwnTopicColor = 0x96808080u;  // ABGR: rgb(128,128,128), alpha 150

// "1:02:03" or "12:34"
std::string format_time(uint32_t ms);
// Percent-encode for a URL hash value, and decode (invalid escapes kept literally).
std::string url_encode(std::string_view s);
std::string url_decode(std::string_view s);

}  // namespace tx
