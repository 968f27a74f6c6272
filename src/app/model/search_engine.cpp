// TEMPORARY exact token-sequence scan, replaced by the core index (issue 3) when it lands.
#include "app/model/search_engine.h"

#include "core/text.h"

namespace tx {

SearchEngine::SearchEngine(const std::vector<Episode>& episodes) : m_episodes(episodes) {
    WordTokens wt;
    for (const Episode& ep : episodes) {
        std::vector<std::string> toks;
        for (const Word& w : ep.words) {
            word_tokens(std::string_view(ep.text).substr(w.begin, w.end - w.begin), wt);
            toks.emplace_back(wt.parts.empty() ? std::string() : wt.parts[0]);
        }
        m_tokens.push_back(std::move(toks));
    }
}

SearchOutput SearchEngine::run(const std::string& query) const {
    SearchOutput out;
    std::vector<std::string> q;
    std::vector<WordSpan> spans;
    split_words(query, spans);
    for (const WordSpan& s : spans) q.push_back(fold_token(std::string_view(query).substr(s.begin, s.end - s.begin)));
    if (q.empty()) return out;
    for (uint32_t e = 0; e < m_episodes.size(); ++e) {
        const auto& toks = m_tokens[e];
        const Episode& ep = m_episodes[e];
        for (uint32_t i = 0; i + q.size() <= toks.size(); ++i) {
            bool ok = true;
            for (size_t k = 0; ok && k < q.size(); ++k) ok = toks[i + k] == q[k];
            if (!ok) continue;
            out.occurrences.push_back({e, i, uint32_t(i + q.size())});
            ResultRow r;
            r.episode = e; r.word = i; r.word_end = uint32_t(i + q.size());
            r.time_ms = ep.words[i].start_ms;
            uint32_t a = i > 8 ? i - 8 : 0, b = std::min<uint32_t>(uint32_t(toks.size()) - 1, i + uint32_t(q.size()) + 8);
            r.snippet = ep.text.substr(ep.words[a].begin, ep.words[b].end - ep.words[a].begin);
            r.spans.push_back({ep.words[i].begin - ep.words[a].begin, ep.words[i + q.size() - 1].end - ep.words[a].begin});
            out.results.push_back(std::move(r));
        }
    }
    out.total_passages = out.results.size();
    return out;
}

}  // namespace tx
