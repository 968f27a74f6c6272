// search_engine.h: the model's bridge to the core search (tx::Collection). Owns the index (and,
// for small loads, the episodes), and turns the core's hits into the rows the views draw
// (ResultRow, MatchRef). The only app file that knows the search API.
//
// Built incrementally: add() episodes (an archive is added slice by slice from AppModel::step),
// commit() before run(). With keep_text = false an episode's text is dropped once indexed and its
// rows come back with snippet_pending set; fill_row() completes them from a decoded episode.
#pragma once
#include <string>
#include <vector>

#include "app/model/app_model.h"
#include "core/search.h"

namespace tx {

constexpr uint32_t kMaxResultRows = 300;  // ranked passages with snippets; the count covers all

struct SearchOutput {
    std::string error;                     // empty, or why the query could not be parsed
    std::string note;                      // empty, or why the results only hold some of the
                                           // query's words (partial_note: no passage holds all,
                                           // or a typed sentence's common words left out)
    bool partial = false;                  // no passage holds every word: the closest ones
    std::vector<ResultRow> results;        // ranked passages (at most kMaxResultRows)
    std::vector<MatchRef> occurrences;   // every match, in reading order; a multi-word query's
                                         // words side by side (or overlapping) are one match
    std::vector<MatchRef> word_matches;  // a multi-word query: the core's matches as it listed
                                         // them (word by word), what fill_row takes; else empty
                                         // (they are `occurrences`)
    uint64_t total_passages = 0;
    uint64_t hits = 0;                     // the core's count: a word or phrase once per match,
                                           // a multi-word query once per matched passage
    std::string speaker;                   // the query's speaker: filter (folded; empty = none)
    bool speaker_excluded = false;         // ... as -speaker:
};

class SearchEngine {
public:
    SearchEngine() = default;
    // Index `episodes` (moved in), keeping their text; commit = false leaves the term tables'
    // commit() to the caller (run() needs it first).
    explicit SearchEngine(std::vector<Episode> episodes, bool commit = true);
    // Index one more episode (DocIds follow call order). keep_text = false releases its text once
    // indexed. @return false when the index refused it (too large; it is then not searchable).
    bool add(Episode ep, bool keep_text);
    void commit() { m_collection.commit(); }
    bool committed() const { return m_collection.index().committed(); }
    size_t uncommitted_terms() const { return m_collection.index().uncommitted_terms(); }
    void finish() { m_collection.finish(); }
    size_t size() const { return m_collection.size(); }
    bool resident(uint32_t e) const { return m_collection.resident(e); }
    const std::vector<Episode>& episodes() const { return m_collection.episodes(); }
    size_t index_bytes() const { return m_collection.index().memory_bytes(); }
    SearchOutput run(const std::string& query) const;
    // Fill a pending row's snippet, highlights and exact time from its decoded episode, using the
    // matches in `occurrences` (SearchOutput::word_matches, or its occurrences when that is empty)
    // and the speaker: filter of the SearchOutput they came from.
    static void fill_row(ResultRow& row, const Episode& ep, const std::vector<MatchRef>& occurrences,
                         const std::string& speaker, bool speaker_excluded);

    // The episode text bytes match `o` covers (its words, or in Chinese / Japanese its characters).
    static ByteSpan match_bytes(const Episode& ep, const MatchRef& o);

private:
    Collection m_collection;
};

}  // namespace tx
