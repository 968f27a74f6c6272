// labels.cpp: segment labels by c-TF-IDF within the episode, discounted by a background table of
// everyday English, preferring bigrams ("open source") over their parts.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/topics/labels_internal.h"
#include "core/topics/word_table.h"
#include "core/topics/topics.h"

namespace tx {
namespace {

const char kBackground[] =
#include "core/topics/background_words.inc"
    ;

// word -> percent of documents (in both a spoken and a written corpus) that contain it.
const std::unordered_map<std::string, int>& background() {
    static const std::unordered_map<std::string, int> table = parse_word_table(kBackground);
    return table;
}

// 1 for words outside the table, falling with background frequency (0.47 at 33%, floor 0.1).
double background_weight(const std::string& w) {
    const auto& t = background();
    auto it = t.find(w);
    if (it == t.end()) return 1.0;
    return std::max(0.1, 1.0 - 1.6 * it->second / 100.0);
}

bool label_worthy(const std::string& w) {
    if (w.size() < 3) return false;
    return has_letter(w);
}

struct Cand {
    double score = 0;
    std::string text;
    TermId a = kNoTopicTerm, b = kNoTopicTerm;  // b == kNoTopicTerm for a unigram
};

}  // namespace


std::vector<SegmentLabel> score_segments(const TopicDoc& doc, const std::vector<uint32_t>& bounds,
                                         const LabelDesc& desc) {
    const size_t nseg = bounds.size() + 1;
    const uint32_t n = static_cast<uint32_t>(doc.size());
    const size_t V = std::min(doc.vocab.size(), doc.display.size());
    // Term of word i, treating ids outside the vocabulary (a hand-built doc) as topic-less.
    auto term = [&](uint32_t i) { TermId t = doc.terms[i]; return t < V ? t : kNoTopicTerm; };
    const uint32_t min_count = desc.min_count ? desc.min_count : 2;
    auto seg_begin = [&](size_t s) { return s == 0 ? 0u : std::min(bounds[s - 1], n); };
    auto seg_end = [&](size_t s) { return s + 1 == nseg ? n : std::min(bounds[s], n); };

    // Document-wide frequencies of terms and bigrams (bigram = two adjacent content words).
    std::vector<uint32_t> doc_tf(V, 0);
    std::unordered_map<uint64_t, uint32_t> doc_bi;
    uint64_t content = 0;
    for (uint32_t i = 0; i < n; ++i) {
        TermId t = term(i);
        if (t == kNoTopicTerm) continue;
        ++doc_tf[t];
        ++content;
        if (i + 1 < n && term(i + 1) != kNoTopicTerm && term(i + 1) != t)
            ++doc_bi[(static_cast<uint64_t>(t) << 32) | term(i + 1)];
    }
    const double avg = static_cast<double>(content) / nseg;  // A in c-TF-IDF

    std::vector<SegmentLabel> out(nseg);
    std::vector<uint32_t> tf(V, 0);
    for (size_t s = 0; s < nseg; ++s) {
        const uint32_t b = seg_begin(s), e = seg_end(s);
        std::vector<TermId> seen;
        std::unordered_map<uint64_t, uint32_t> bi;
        for (uint32_t i = b; i < e; ++i) {
            TermId t = term(i);
            if (t == kNoTopicTerm) continue;
            if (tf[t]++ == 0) seen.push_back(t);
            if (i + 1 < e && term(i + 1) != kNoTopicTerm && term(i + 1) != t)
                ++bi[(static_cast<uint64_t>(t) << 32) | term(i + 1)];
        }
        std::sort(seen.begin(), seen.end());
        std::vector<Cand> cands;
        std::vector<TermWeight> profile;
        for (TermId t : seen) {
            double idf = std::log(1.0 + avg / doc_tf[t]);
            // Concentration: the share of the term's episode occurrences that fall in this
            // segment, so words spread over the whole episode ("willing") lose to local ones.
            double conc = static_cast<double>(tf[t]) / doc_tf[t];
            double w = tf[t] * idf * background_weight(doc.display[t]) * std::sqrt(conc);
            if (label_worthy(doc.display[t])) {
                profile.push_back({doc.vocab[t], doc.display[t], static_cast<float>(w)});
                if (tf[t] >= min_count) cands.push_back({w, doc.display[t], t, kNoTopicTerm});
            }
        }
        std::vector<std::pair<uint64_t, uint32_t>> bis;
        for (const auto& kv : bi)
            if (kv.second >= min_count) bis.push_back(kv);
        std::sort(bis.begin(), bis.end());
        // A bigram is shown as it was said most often in the segment ("policy gradient"), not as
        // its two terms' most frequent forms across the episode ("policies gradient").
        std::unordered_map<uint64_t, std::vector<std::pair<uint64_t, uint32_t>>> said;  // key -> (surface pair, count)
        for (const auto& kv : bis) said[kv.first];
        for (uint32_t i = b; i + 1 < e; ++i) {
            const TermId t = term(i), u = term(i + 1);
            if (t == kNoTopicTerm || u == kNoTopicTerm || t == u) continue;
            auto it = said.find((static_cast<uint64_t>(t) << 32) | u);
            if (it == said.end()) continue;
            const uint64_t pair = (static_cast<uint64_t>(doc.word_ids[i]) << 32) | doc.word_ids[i + 1];
            auto f = std::find_if(it->second.begin(), it->second.end(), [&](const auto& q) { return q.first == pair; });
            if (f == it->second.end()) it->second.push_back({pair, 1});
            else ++f->second;
        }
        auto said_as = [&](uint64_t key, TermId x, TermId y) {
            const auto& forms = said[key];
            const std::pair<uint64_t, uint32_t>* best = nullptr;
            for (const auto& q : forms)  // most frequent; the first said wins ties
                if (!best || q.second > best->second) best = &q;
            const size_t ns = doc.surface.size();
            if (!best || (best->first >> 32) >= ns || (best->first & 0xffffffffu) >= ns) return doc.display[x] + " " + doc.display[y];
            return doc.surface[best->first >> 32] + " " + doc.surface[best->first & 0xffffffffu];
        };
        for (const auto& kv : bis) {
            TermId x = static_cast<TermId>(kv.first >> 32), y = static_cast<TermId>(kv.first & 0xffffffffu);
            double idf = std::log(1.0 + avg / doc_bi[kv.first]);
            double bw = std::min(background_weight(doc.display[x]), background_weight(doc.display[y]));
            // A bigram that is a fixed phrase (most of its words' occurrences) is a good title.
            double cohesion = static_cast<double>(kv.second) / std::min(tf[x], tf[y]);
            double conc = static_cast<double>(kv.second) / doc_bi[kv.first];
            double w = 1.5 * kv.second * idf * std::max(bw, 0.5) * (0.5 + cohesion) * std::sqrt(conc);
            if (!label_worthy(doc.display[x]) && !label_worthy(doc.display[y])) continue;
            cands.push_back({w, said_as(kv.first, x, y), x, y});
        }
        for (TermId t : seen) tf[t] = 0;

        std::sort(cands.begin(), cands.end(), [](const Cand& p, const Cand& q) {
            return p.score != q.score ? p.score > q.score : p.text < q.text;
        });
        std::vector<TermId> used;
        auto is_used = [&](TermId t) { return t != kNoTopicTerm && std::find(used.begin(), used.end(), t) != used.end(); };
        // Near-duplicates ("intelligence" / "intelligent"): same first 6 letters as a chosen word.
        auto near_dup = [&](const std::string& text) {
            for (const std::string& k : out[s].keywords) {
                size_t i = 0;
                while (i < k.size() && i < text.size() && k[i] == text[i]) ++i;
                if (i >= 6 && text.find(' ') == std::string::npos && k.find(' ') == std::string::npos) return true;
            }
            return false;
        };
        for (const Cand& c : cands) {
            if (out[s].keywords.size() >= 8) break;
            if (is_used(c.a) || is_used(c.b) || near_dup(c.text)) continue;
            out[s].keywords.push_back(c.text);
            used.push_back(c.a);
            if (c.b != kNoTopicTerm) used.push_back(c.b);
        }
        std::sort(profile.begin(), profile.end(), [](const TermWeight& p, const TermWeight& q) {
            return p.weight != q.weight ? p.weight > q.weight : p.term < q.term;
        });
        // A short segment may have no word seen min_count times: fall back to its best words.
        if (out[s].keywords.empty())
            for (const TermWeight& p : profile) {
                if (out[s].keywords.size() >= 3) break;
                if (!near_dup(p.display)) out[s].keywords.push_back(p.display);
            }
        if (profile.size() > 24) profile.resize(24);
        double norm = 0;
        for (const TermWeight& p : profile) norm += static_cast<double>(p.weight) * p.weight;
        norm = norm > 0 ? 1.0 / std::sqrt(norm) : 0.0;
        for (TermWeight& p : profile) p.weight = static_cast<float>(p.weight * norm);
        out[s].profile = std::move(profile);
    }
    return out;
}

std::vector<std::vector<std::string>> label_segments(const TopicDoc& doc,
                                                     const std::vector<uint32_t>& bounds,
                                                     const LabelDesc& desc) {
    std::vector<std::vector<std::string>> out;
    for (SegmentLabel& l : score_segments(doc, bounds, desc)) out.push_back(std::move(l.keywords));
    return out;
}

bool is_common_english_word(std::string_view w) {
    return is_topic_stop_word(w) || background().count(std::string(w)) != 0;
}

}  // namespace tx
