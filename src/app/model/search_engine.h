// search_engine.h: the model's bridge to the core search index. Turns the core's hits into the
// rows the views draw (ResultRow, Occurrence); the only app file that knows the search API.
#pragma once
#include <string>
#include <vector>

#include "app/model/app_model.h"

namespace tx {

constexpr size_t kMaxQueryBytes = 4096;  // longer queries are cut (the search box holds less)

struct SearchOutput {
    std::string error;                     // empty, or why the query could not be parsed
    std::vector<ResultRow> results;        // ranked passages
    std::vector<Occurrence> occurrences;   // every match, in reading order
    uint64_t total_passages = 0;
};

class SearchEngine {
public:
    explicit SearchEngine(const std::vector<Episode>& episodes);
    SearchOutput run(const std::string& query) const;

private:
    const std::vector<Episode>& m_episodes;
    std::vector<std::vector<std::string>> m_tokens;  // TEMPORARY until the core index lands
};

}  // namespace tx
