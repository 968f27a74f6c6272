#include "app/model/search_engine.h"

#include <algorithm>

namespace tx {

constexpr uint32_t kSnippetBytes = 90;

SearchEngine::SearchEngine(std::vector<Episode> episodes, bool commit) {
    for (Episode& ep : episodes) {
        auto id = m_collection.add(std::move(ep), false);
        (void)id;  // an episode the index refuses (too large) is simply not searchable
    }
    if (commit) m_collection.commit();
}

bool SearchEngine::add(Episode ep, bool keep_text) {
    auto id = m_collection.add(std::move(ep), false);
    if (!id) return false;
    if (!keep_text) m_collection.release_text(id.value());
    return true;
}

// The core's WordMatch of `o` (for match_bytes and fill_hit_text).
static WordMatch word_match(const MatchRef& o) {
    WordMatch m;
    m.doc = o.episode;
    m.first_word = o.word;
    m.word_count = o.word_end > o.word ? o.word_end - o.word : 1;
    m.first_char = o.first_char;
    m.last_char = o.last_char;
    return m;
}

ByteSpan SearchEngine::match_bytes(const Episode& ep, const MatchRef& o) { return tx::match_bytes(ep, word_match(o)); }

// The core lists a multi-word query's matches word by word: "open source" said once was two
// matches, so F3 took two steps over it and the status counted it twice. Whole-word matches that
// touch or overlap (by word, in one episode) become one match covering them all. `occ` is sorted
// by (episode, word) and stays so.
static void merge_adjacent(std::vector<MatchRef>& occ) {
    auto whole = [](const MatchRef& m) { return m.first_char == kWholeWordChar && m.last_char == kWholeWordChar; };
    size_t k = 0;
    for (size_t i = 0; i < occ.size(); ++i) {
        MatchRef& last = occ[k == 0 ? 0 : k - 1];
        if (k > 0 && last.episode == occ[i].episode && occ[i].word <= last.word_end && whole(last) && whole(occ[i]))
            last.word_end = std::max(last.word_end, occ[i].word_end);
        else
            occ[k++] = occ[i];
    }
    occ.resize(k);
}

static void set_snippet(ResultRow& row, const Hit& h) {
    row.snippet = (h.snippet.cut_before ? "\xE2\x80\xA6" : "") + h.snippet.text + (h.snippet.cut_after ? "\xE2\x80\xA6" : "");
    uint32_t shift = h.snippet.cut_before ? 3 : 0;
    row.spans.clear();
    for (const ByteSpan& s : h.snippet.highlights) row.spans.push_back(HighlightSpan{s.begin + shift, s.end + shift});
}

SearchOutput SearchEngine::run(const std::string& query) const {
    SearchOutput out;
    SearchDesc desc;
    desc.limit = kMaxResultRows;
    desc.snippet_bytes = kSnippetBytes;
    desc.partial = true;  // a question typed as a sentence still finds the passages closest to it
    auto r = m_collection.search(query, desc);
    if (!r) {
        out.error = r.message();
        return out;
    }
    const SearchResult& sr = r.value();
    out.total_passages = sr.total_passages;
    out.note = partial_note(sr);
    out.partial = sr.partial_of > 0;
    out.hits = sr.occurrences;
    out.speaker = sr.speaker;
    out.speaker_excluded = sr.speaker_excluded;
    out.occurrences.reserve(sr.matches.size());
    for (const WordMatch& m : sr.matches)
        out.occurrences.push_back(MatchRef{m.doc, m.first_word, m.first_word + m.word_count, m.first_char, m.last_char});
    if (sr.positive_clauses > 1) {  // snippets are made from the core's own list, as for resident episodes
        out.word_matches = out.occurrences;
        merge_adjacent(out.occurrences);
    }
    out.results.reserve(sr.hits.size());
    for (const Hit& h : sr.hits) {
        ResultRow row;
        row.episode = h.doc;
        row.word = h.word;
        row.word_end = h.word + 1;
        row.last_word = h.last_word;
        row.focus_word = h.focus_word;
        row.time_ms = h.time_ms;
        row.score = h.score;
        row.snippet_pending = h.text_pending;
        if (!h.text_pending) set_snippet(row, h);
        out.results.push_back(std::move(row));
    }
    if (!sr.warnings.empty() && out.results.empty()) out.error = sr.warnings.front();
    return out;
}

void SearchEngine::fill_row(ResultRow& row, const Episode& ep, const std::vector<MatchRef>& occurrences,
                            const std::string& speaker, bool speaker_excluded) {
    Hit h;
    h.doc = row.episode;
    h.word = row.word;
    h.last_word = row.last_word;
    std::vector<WordMatch> words;
    auto lo = std::lower_bound(occurrences.begin(), occurrences.end(), std::make_pair(row.episode, row.word),
                               [](const MatchRef& m, const std::pair<uint32_t, uint32_t>& k) {
                                   return m.episode != k.first ? m.episode < k.first : m.word < k.second;
                               });
    for (auto it = lo; it != occurrences.end() && it->episode == row.episode && it->word <= row.last_word; ++it)
        words.push_back(word_match(*it));
    fill_hit_text(h, ep, words, kSnippetBytes, speaker_keep(ep.meta, speaker, speaker_excluded));
    row.word = h.word;
    row.focus_word = h.focus_word;
    row.time_ms = h.time_ms;
    set_snippet(row, h);
    row.snippet_pending = false;
}

}  // namespace tx
