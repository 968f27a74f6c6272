#include "app/model/search_engine.h"

namespace tx {

SearchEngine::SearchEngine(std::vector<Episode> episodes) {
    for (Episode& ep : episodes) {
        auto id = m_collection.add(std::move(ep), false);
        (void)id;  // an episode the index refuses (too large) is simply not searchable
    }
    m_collection.commit();
}

SearchOutput SearchEngine::run(const std::string& query) const {
    SearchOutput out;
    SearchDesc desc;
    desc.limit = kMaxResultRows;
    desc.snippet_bytes = 90;
    auto r = m_collection.search(query, desc);
    if (!r) {
        out.error = r.message();
        return out;
    }
    const SearchResult& sr = r.value();
    out.total_passages = sr.total_passages;
    out.occurrences.reserve(sr.matches.size());
    for (const WordMatch& m : sr.matches)
        out.occurrences.push_back(MatchRef{m.doc, m.first_word, m.first_word + m.word_count});
    out.results.reserve(sr.hits.size());
    for (const Hit& h : sr.hits) {
        ResultRow row;
        row.episode = h.doc;
        row.word = h.word;
        row.word_end = h.word + 1;
        row.time_ms = h.time_ms;
        row.score = h.score;
        row.snippet = (h.snippet.cut_before ? "\xE2\x80\xA6" : "") + h.snippet.text + (h.snippet.cut_after ? "\xE2\x80\xA6" : "");
        uint32_t shift = h.snippet.cut_before ? 3 : 0;
        for (const ByteSpan& s : h.snippet.highlights) row.spans.push_back(HighlightSpan{s.begin + shift, s.end + shift});
        out.results.push_back(std::move(row));
    }
    if (!sr.warnings.empty() && out.results.empty()) out.error = sr.warnings.front();
    return out;
}

}  // namespace tx
