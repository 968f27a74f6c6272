// search_engine.h: the model's bridge to the core search (tx::Collection). Owns the episodes and
// their index, and turns the core's hits into the rows the views draw (ResultRow, MatchRef).
// The only app file that knows the search API.
#pragma once
#include <string>
#include <vector>

#include "app/model/app_model.h"
#include "core/search.h"

namespace tx {

constexpr uint32_t kMaxResultRows = 300;  // ranked passages with snippets; the count covers all

struct SearchOutput {
    std::string error;                     // empty, or why the query could not be parsed
    std::vector<ResultRow> results;        // ranked passages (at most kMaxResultRows)
    std::vector<MatchRef> occurrences;   // every match, in reading order
    uint64_t total_passages = 0;
};

class SearchEngine {
public:
    // Index `episodes` (moved in).
    explicit SearchEngine(std::vector<Episode> episodes);
    const std::vector<Episode>& episodes() const { return m_collection.episodes(); }
    SearchOutput run(const std::string& query) const;

private:
    Collection m_collection;
};

}  // namespace tx
