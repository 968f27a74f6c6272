// segmenter.cpp: topic segmentation by dynamic programming over candidate boundaries.
//
// Model. Each segment's content words are a draw from a Dirichlet-multinomial whose prior mean is
// the whole document's word distribution p (with concentration alpha). The cost of a segment is
// its negative log marginal likelihood,
//     cost(seg) = -sum over words, in order, of log((c_w + alpha * p_w) / (n + alpha))
// where c_w / n are the counts seen so far inside the segment. A segment whose vocabulary looks
// like the document's pays about the same as under p; a segment that keeps repeating its own
// words pays less. The optimal segmentation minimises sum(cost) + penalty * (#segments) with an
// O(C^2) dynamic programme over C candidate boundaries (sentence/cue starts merged into blocks,
// or fixed blocks), counting incrementally, so it needs no number of segments.
//
// The penalty is proportional to the number of words (all words, stop words included) up to
// 30,000 words (~3 h of speech) and fixed beyond: speech with few content words per minute then
// needs a stronger vocabulary shift per boundary than written text, and an episode longer than
// any the defaults were picked on gets more segments rather than ever longer ones. Defaults were picked on half of the dev sets and checked on the other half
// (bench/TOPICS.md has the numbers, and the variants that measured worse: a penalty per content
// word, a penalty from the best split of a block-shuffled document, discourse-cue bonuses,
// co-occurrence (random-indexing) vectors with a scatter cost, binary counts per block,
// dropping everyday words via the background table, and in a second round a learned cue +
// cohesion boundary score used as a DP bonus / candidate filter / boundary snapping,
// build-time word clusters counted beside the terms, a cache model with decaying counts, a
// sub-linear penalty and minimum-Bayes-risk decoding for Pk: those stay available as
// SegmentDesc options for experiments, off by default).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/topics/boundary_cues.h"
#include "core/topics/topics.h"

namespace tx {
namespace {

constexpr uint32_t kDefaultBlockWords = 30;
constexpr uint32_t kDefaultMaxCandidates = 800;
constexpr double kDefaultAlpha = 160.0;          // prior concentration (pseudo-words per segment)
constexpr double kDefaultPenaltyPerWord = 0.012; // nats per word of the document per segment
constexpr double kDefaultMinSegmentFrac = 0.025; // shortest segment: 2.5% of the document...
constexpr uint32_t kMinSegmentFloor = 60;        // ...but at least 60 words
// Penalty and shortest segment scale with the words up to here (SegmentDesc::scale_cap_words):
// the longest dev document is 27,391 words; beyond ~3 h a fixed penalty per segment kept the
// number of segments at ~7 whatever the length (a 15 h file: 5 segments of up to 6 h).
constexpr uint32_t kDefaultScaleCapWords = 30000;
constexpr uint64_t kWorkBudget = 200000000;      // DP steps (candidates x words) before coarsening

// Candidate boundaries: units (or fixed blocks) merged so blocks are at least `min_block` words.
std::vector<uint32_t> candidates(const TopicDoc& doc, uint32_t block_words, uint32_t min_block) {
    const uint32_t n = static_cast<uint32_t>(doc.size());
    std::vector<uint32_t> raw;
    if (!doc.units.empty()) {
        raw = doc.units;
    } else {
        for (uint32_t b = block_words; b < n; b += block_words) raw.push_back(b);
    }
    std::vector<uint32_t> out{0};
    for (uint32_t b : raw) {
        if (b <= out.back() || b >= n) continue;
        if (b - out.back() < min_block) continue;
        if (n - b < min_block / 2) break;
        out.push_back(b);
    }
    out.push_back(n);
    return out;
}

// The words of an n-word document that the penalty and the shortest segment scale with.
uint32_t scaled_words(const SegmentDesc& desc, uint32_t n) {
    return std::min(n, desc.scale_cap_words ? desc.scale_cap_words : kDefaultScaleCapWords);
}

// Shortest segment in words for an n-word document (SegmentDesc::min_segment_words, or 2.5% of
// the document up to scale_cap_words, and at least 60 words).
uint32_t min_segment_words(const SegmentDesc& desc, uint32_t n) {
    if (desc.min_segment_words) return desc.min_segment_words;
    const double frac = desc.min_segment_frac > 0 ? desc.min_segment_frac : kDefaultMinSegmentFrac;
    return std::max<uint32_t>(kMinSegmentFloor, static_cast<uint32_t>(scaled_words(desc, n) * frac));
}

// Nats per segment: penalty_per_word x the scaled words (or boundary_penalty when given).
double segment_penalty(const SegmentDesc& desc, uint32_t n) {
    if (desc.boundary_penalty >= 0) return desc.boundary_penalty;
    const double per_word = desc.penalty_per_word > 0 ? desc.penalty_per_word : kDefaultPenaltyPerWord;
    const double expo = desc.penalty_exponent > 0 ? desc.penalty_exponent : 1.0;
    const double w = scaled_words(desc, n);
    return expo == 1.0 ? per_word * w : per_word * 10000.0 * std::pow(w / 10000.0, expo);
}

// The DP's candidate boundaries. The DP costs ~candidates x words: their number is capped so
// absurdly long inputs stay bounded (~2e8 steps) at the price of coarser boundaries (a 1M-word
// input gets 200 candidates).
std::vector<uint32_t> dp_candidates(const TopicDoc& doc, const SegmentDesc& desc) {
    const uint32_t n = static_cast<uint32_t>(doc.size());
    const uint32_t block_words = desc.block_words ? desc.block_words : kDefaultBlockWords;
    uint32_t max_cands = desc.max_candidates ? desc.max_candidates : kDefaultMaxCandidates;
    max_cands = std::min<uint64_t>(max_cands, std::max<uint64_t>(16, kWorkBudget / std::max<uint32_t>(n, 1)));
    const uint32_t min_block = std::max<uint32_t>(1, (n + max_cands - 1) / max_cands);
    return candidates(doc, block_words, min_block);
}

// Content words per block between candidates `cand` (terms the document has at least
// min_term_count times), flattened into `flat`; block b is flat[block_begin[b], block_begin[b+1]).
// With a non-empty `cluster_of`, a word of cluster c is followed by the token vocab.size() + c.
void flatten_blocks(const TopicDoc& doc, const SegmentDesc& desc, const std::vector<uint32_t>& cand,
                    const std::vector<int>& cluster_of, std::vector<uint32_t>& block_begin, std::vector<TermId>& flat) {
    const size_t NV = doc.vocab.size(), m = cand.size() - 1;
    std::vector<uint32_t> doc_count(NV, 0);
    for (TermId t : doc.terms)
        if (t < NV) ++doc_count[t];
    const uint32_t min_tc = desc.min_term_count ? desc.min_term_count : 1;
    block_begin.resize(m + 1);
    for (size_t b = 0; b < m; ++b) {
        block_begin[b] = static_cast<uint32_t>(flat.size());
        for (uint32_t i = cand[b]; i < cand[b + 1]; ++i) {
            const TermId t = doc.terms[i];
            if (t >= NV || doc_count[t] < min_tc) continue;
            flat.push_back(t);
            if (!cluster_of.empty() && cluster_of[t] >= 0) flat.push_back(static_cast<TermId>(NV + cluster_of[t]));
        }
    }
    block_begin[m] = static_cast<uint32_t>(flat.size());
}

// The Dirichlet-multinomial tables for a flattened stream over V tokens: prior[t] = alpha * p_t;
// log(c + prior[t]) for every count c a segment can reach (0 up to the token's count in the
// stream - 1: no std::log in the programme; the values are the ones it would compute, so results
// are unchanged), token t's at log_c[first[t] + c]; log(k + alpha) for the running count k.
void dm_tables(const std::vector<TermId>& flat, size_t V, double alpha, std::vector<double>& prior,
               std::vector<uint32_t>& first, std::vector<double>& log_c, std::vector<double>& log_n) {
    std::vector<uint32_t> count(V, 0);
    for (TermId t : flat) ++count[t];
    prior.resize(V);
    first.resize(V);
    log_c.resize(flat.size());
    uint32_t at = 0;
    for (size_t t = 0; t < V; ++t) {
        prior[t] = alpha * static_cast<double>(count[t]) / static_cast<double>(flat.size());
        first[t] = at;
        for (uint32_t c = 0; c < count[t]; ++c) log_c[at++] = std::log(c + prior[t]);
    }
    log_n.resize(flat.size() + 1);
    for (size_t k = 0; k < log_n.size(); ++k) log_n[k] = std::log(static_cast<double>(k) + alpha);
}

// One more token of term t (the segment's k-th) in the segment stamped st: the log-probability it
// adds under the tables of dm_tables (the caller subtracts it from the cost). slot[2t] is the
// stamp of the last segment that saw t, slot[2t + 1] where t's next count is in log_c; the count
// restarts at 0 the first time the segment sees t.
inline double dm_token(TermId t, uint32_t k, uint32_t st, uint32_t* slot, const uint32_t* first, const double* log_c,
                       const double* log_n) {
    uint32_t* s = slot + 2 * size_t(t);
    if (s[0] != st) { s[0] = st; s[1] = first[t]; }
    return log_c[s[1]++] - log_n[k];
}

// The experiment options of SegmentDesc (all off by default and none better than the default,
// bench/TOPICS.md) are compiled out of the web build (CMake defines TX_TOPICS_EXPERIMENTS=0 under
// Emscripten) so they cost the page nothing; natively they stay for `transcript topics --eval`.
#ifndef TX_TOPICS_EXPERIMENTS
#define TX_TOPICS_EXPERIMENTS 1
#endif

#if TX_TOPICS_EXPERIMENTS
constexpr double kDefaultCueWeight = 0.0;        // boundary-cue bonus (nats per log-odds unit)

// Minimum-Bayes-risk decoding for Pk. seg_cost[i * (m + 1) + j] is the cost (nats, penalty
// included) of a segment from candidate i to j (inf when not allowed). The costs at temperature T
// define a distribution over segmentations; forward-backward gives each candidate's posterior
// probability of being a boundary, hence for every Pk window (a, a + k] the probability that it
// contains one. A second dynamic programme then picks the boundaries that minimise the expected
// number of Pk window errors (k from the expected number of segments).
std::vector<uint32_t> mbr_decode(const std::vector<uint32_t>& cand, const std::vector<double>& seg_cost,
                                 size_t m, uint32_t n, uint32_t min_seg, double temp) {
    const double inf = std::numeric_limits<double>::infinity();
    auto lse = [inf](double a, double b) {
        if (a == -inf) return b;
        if (b == -inf) return a;
        return a > b ? a + std::log1p(std::exp(b - a)) : b + std::log1p(std::exp(a - b));
    };
    const size_t w = m + 1;
    std::vector<double> la(w, -inf), lb(w, -inf);
    la[0] = 0;
    for (size_t j = 1; j <= m; ++j)
        for (size_t i = 0; i < j; ++i)
            if (la[i] > -inf && seg_cost[i * w + j] < inf) la[j] = lse(la[j], la[i] - seg_cost[i * w + j] / temp);
    lb[m] = 0;
    for (size_t i = m; i-- > 0;)
        for (size_t j = i + 1; j <= m; ++j)
            if (lb[j] > -inf && seg_cost[i * w + j] < inf) lb[i] = lse(lb[i], lb[j] - seg_cost[i * w + j] / temp);
    if (la[m] == -inf) return {};
    std::vector<double> mass(n + 1, 0.0);  // posterior boundary probability at each word
    double expected = 1;
    for (size_t j = 1; j < m; ++j) {
        const double p = la[j] > -inf && lb[j] > -inf ? std::exp(la[j] + lb[j] - la[m]) : 0.0;
        mass[cand[j]] = p;
        expected += p;
    }
    const uint32_t k = std::max<uint32_t>(2, static_cast<uint32_t>(std::lround(n / (2.0 * expected))));
    if (k >= n) return {};
    // p_diff(a): probability that (a, a + k] holds a boundary, for window starts a in [0, n - k).
    const uint32_t wins = n - k;
    std::vector<double> sum_diff(wins + 1, 0.0), sum_same(wins + 1, 0.0);
    double in_win = 0;
    for (uint32_t c = 1; c <= k; ++c) in_win += mass[c];
    for (uint32_t a = 0; a < wins; ++a) {
        const double pd = std::min(1.0, in_win);
        sum_diff[a + 1] = sum_diff[a] + pd;
        sum_same[a + 1] = sum_same[a] + (1 - pd);
        in_win += mass[a + k + 1] - mass[a + 1];
    }
    auto clip = [wins](int64_t x) { return static_cast<uint32_t>(std::max<int64_t>(0, std::min<int64_t>(wins, x))); };
    std::vector<double> best(w, inf);
    std::vector<uint32_t> back(w, 0);
    best[0] = 0;
    for (size_t j = 1; j <= m; ++j) {
        for (size_t i = 0; i < j; ++i) {
            if (best[i] == inf || seg_cost[i * w + j] == inf) continue;
            if (cand[j] - cand[i] < min_seg && !(i == 0 && j == m)) continue;
            const uint32_t lo = clip(cand[i]), hi = clip(cand[j]);
            const uint32_t mid = j == m ? hi : std::max(lo, clip(static_cast<int64_t>(cand[j]) - k));
            const double v = best[i] + (sum_diff[mid] - sum_diff[lo]) + (sum_same[hi] - sum_same[mid]);
            if (v < best[j]) { best[j] = v; back[j] = static_cast<uint32_t>(i); }
        }
    }
    std::vector<uint32_t> bounds;
    if (best[m] == inf) return bounds;
    for (size_t j = back[m]; j > 0; j = back[j]) bounds.push_back(cand[j]);
    std::reverse(bounds.begin(), bounds.end());
    return bounds;
}

bool uses_experiments(const SegmentDesc& d) {
    return d.cue_weight > 0 || d.cue_keep > 0 || d.cue_snap > 0 || d.clusters || d.decay_tokens > 0 ||
           d.posterior_temp > 0 || d.penalty_exponent > 0;
}

// The one-shot segmentation with the experiment options (the default path is TopicSegmenter).
std::vector<uint32_t> segment_topics_experiments(const TopicDoc& doc, const SegmentDesc& desc) {
    const uint32_t n = static_cast<uint32_t>(doc.size());
    const uint32_t min_seg = min_segment_words(desc, n);
    if (n < 2 * min_seg) return {};

    std::vector<uint32_t> cand = dp_candidates(doc, desc);
    if (desc.cue_keep > 0 && desc.cue_keep < 1 && cand.size() > 4) {
        // Only the most boundary-like candidates (cue + cohesion score) stay in the DP.
        std::vector<uint32_t> pos(cand.begin() + 1, cand.end() - 1);
        std::vector<float> s = boundary_cue_scores(doc, pos, desc.cue_model);
        std::vector<float> sorted = s;
        const size_t keep = std::max<size_t>(2, static_cast<size_t>(desc.cue_keep * s.size()));
        std::nth_element(sorted.begin(), sorted.end() - keep, sorted.end(), std::less<float>());
        const float thr = *(sorted.end() - keep);
        std::vector<uint32_t> kept{0};
        for (size_t i = 0; i < pos.size(); ++i)
            if (s[i] >= thr) kept.push_back(pos[i]);
        kept.push_back(n);
        cand = kept;
    }
    const size_t m = cand.size() - 1;  // number of blocks
    if (m < 2) return {};

    // Tokens: term ids, plus NV + the term's semantic cluster when a cluster table is given.
    const size_t NV = doc.vocab.size();
    std::vector<int> cluster_of(desc.clusters ? NV : 0, -1);
    int clusters = 0;
    for (size_t t = 0; t < cluster_of.size(); ++t) {
        auto it = desc.clusters->find(doc.vocab[t]);
        if (it != desc.clusters->end() && it->second >= 0 && it->second < (1 << 20)) cluster_of[t] = it->second;
        clusters = std::max(clusters, cluster_of[t] + 1);
    }
    const size_t V = NV + static_cast<size_t>(clusters);
    std::vector<uint32_t> block_begin;
    std::vector<TermId> flat;
    flatten_blocks(doc, desc, cand, cluster_of, block_begin, flat);
    if (flat.size() < 2) return {};
    const double alpha = desc.prior_strength > 0 ? desc.prior_strength : kDefaultAlpha;
    std::vector<double> prior, log_c, log_n;
    std::vector<uint32_t> first;
    dm_tables(flat, V, alpha, prior, first, log_c, log_n);

    const double penalty = segment_penalty(desc, n);

    // Bonus for a boundary at candidate j (discourse cues and local cohesion, boundary_cues.h).
    const double cue_w = desc.cue_weight >= 0 ? desc.cue_weight : kDefaultCueWeight;
    std::vector<double> bonus(m + 1, 0.0);
    if (cue_w > 0) {
        std::vector<uint32_t> pos(cand.begin() + 1, cand.end() - 1);
        std::vector<float> s = boundary_cue_scores(doc, pos, desc.cue_model);
        // Centred on the document's median score, so the bonus moves boundaries towards likely
        // places without changing how many segments the penalty allows on average.
        std::vector<float> sorted = s;
        std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
        const double med = sorted.empty() ? 0.0 : sorted[sorted.size() / 2];
        for (size_t j = 1; j < m; ++j) bonus[j] = cue_w * (s[j - 1] - med);
    }

    // best[j]: lowest cost of blocks [0, j) ending in a boundary at cand[j]. For each start i the
    // segment [i, j) is extended block by block, updating its cost incrementally: O(m * words).
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> best(m + 1, inf);
    std::vector<uint32_t> back(m + 1, 0);
    std::vector<uint32_t> slot(2 * V, 0), stamp(V, 0);
    best[0] = 0;
    if (desc.decay_tokens > 0) {
        // Cache-model variant: a term's count and the segment's length decay by half every
        // decay_tokens content tokens, so a segment is judged by its recent vocabulary.
        const double lam = std::pow(0.5, 1.0 / desc.decay_tokens);
        std::vector<double> lam_pow(flat.size() + 1);
        for (size_t d = 0; d < lam_pow.size(); ++d) lam_pow[d] = std::pow(lam, static_cast<double>(d));
        std::vector<double> dcount(V, 0.0);
        std::vector<uint32_t> last(V, 0);
        for (size_t i = 0; i < m; ++i) {
            if (best[i] == inf) continue;
            const uint32_t st = static_cast<uint32_t>(i + 1);
            double cost = 0, nd = 0;
            uint32_t k = 0;
            for (size_t j = i + 1; j <= m; ++j) {
                for (uint32_t f = block_begin[j - 1]; f < block_begin[j]; ++f) {
                    const TermId t = flat[f];
                    if (stamp[t] != st) { stamp[t] = st; dcount[t] = 0; last[t] = k; }
                    const double c = dcount[t] * lam_pow[k - last[t]];
                    cost -= std::log((c + prior[t]) / (nd + alpha));
                    dcount[t] = c + 1;
                    last[t] = k;
                    nd = nd * lam + 1;
                    ++k;
                }
                if (cand[j] - cand[i] < min_seg && !(i == 0 && j == m)) continue;
                const double v = best[i] + cost + penalty - bonus[j];
                if (v < best[j]) { best[j] = v; back[j] = static_cast<uint32_t>(i); }
            }
        }
    }
    const bool mbr = desc.posterior_temp > 0;
    std::vector<double> seg_cost(mbr ? (m + 1) * (m + 1) : 0, inf);
    for (size_t i = 0; i < m && desc.decay_tokens <= 0; ++i) {
        if (best[i] == inf) continue;
        const uint32_t st = static_cast<uint32_t>(i + 1);
        double cost = 0;
        uint32_t k = 0;
        for (size_t j = i + 1; j <= m; ++j) {
            for (uint32_t f = block_begin[j - 1]; f < block_begin[j]; ++f)
                cost -= dm_token(flat[f], k++, st, slot.data(), first.data(), log_c.data(), log_n.data());
            if (cand[j] - cand[i] < min_seg && !(i == 0 && j == m)) continue;
            const double v = best[i] + cost + penalty - bonus[j];
            if (mbr) seg_cost[i * (m + 1) + j] = cost + penalty - bonus[j];
            if (v < best[j]) { best[j] = v; back[j] = static_cast<uint32_t>(i); }
        }
    }
    if (mbr && desc.decay_tokens <= 0) return mbr_decode(cand, seg_cost, m, n, min_seg, desc.posterior_temp);
    std::vector<uint32_t> bounds;
    if (best[m] == inf) return bounds;
    for (size_t j = back[m]; j > 0; j = back[j]) bounds.push_back(cand[j]);
    std::reverse(bounds.begin(), bounds.end());
    if (desc.cue_snap > 0 && !bounds.empty()) {
        // Move each boundary to the highest cue score among candidates within cue_snap x the
        // shorter neighbouring segment, keeping the order.
        std::vector<uint32_t> pos(cand.begin() + 1, cand.end() - 1);
        std::vector<float> s = boundary_cue_scores(doc, pos, desc.cue_model);
        for (size_t b = 0; b < bounds.size(); ++b) {
            const uint32_t lo = b ? bounds[b - 1] : 0, hi = b + 1 < bounds.size() ? bounds[b + 1] : n;
            const uint32_t reach = static_cast<uint32_t>(desc.cue_snap * std::min(bounds[b] - lo, hi - bounds[b]));
            size_t at = std::lower_bound(pos.begin(), pos.end(), bounds[b]) - pos.begin();
            size_t best_i = at;
            for (size_t i = 0; i < pos.size(); ++i)
                if (pos[i] + reach >= bounds[b] && pos[i] <= bounds[b] + reach && pos[i] > lo + min_seg / 2 &&
                    pos[i] + min_seg / 2 < hi && s[i] > s[best_i])
                    best_i = i;
            bounds[b] = pos[best_i];
        }
    }
    return bounds;
}
#endif  // TX_TOPICS_EXPERIMENTS

}  // namespace

TopicSegmenter::TopicSegmenter(const TopicDoc& doc, const SegmentDesc& desc) {
    const uint32_t n = static_cast<uint32_t>(doc.size());
    m_min_seg = min_segment_words(desc, n);
    if (n < 2 * m_min_seg) return;  // too short: done, no boundaries

    m_cand = dp_candidates(doc, desc);
    const size_t m = m_cand.size() - 1;  // number of blocks
    if (m < 2) return;

    const size_t V = doc.vocab.size();
    flatten_blocks(doc, desc, m_cand, {}, m_block_begin, m_flat);
    if (m_flat.size() < 2) return;
    std::vector<double> prior;
    dm_tables(m_flat, V, desc.prior_strength > 0 ? desc.prior_strength : kDefaultAlpha, prior, m_first, m_log_c, m_log_n);

    m_penalty = segment_penalty(desc, n);

    m_best.assign(m + 1, std::numeric_limits<double>::infinity());
    m_back.assign(m + 1, 0);
    m_slot.assign(2 * V, 0);
    m_best[0] = 0;
    m_i = 0;
    m_j = 0;  // row m_i not started
    m_done = false;
}

// best[j]: lowest cost of blocks [0, j) ending in a boundary at cand[j]. For each start i the
// segment [i, j) is extended block by block, updating its cost incrementally: O(m * words). The
// loops are segment_topics()'s, with their position (row i, block j, word f, cost, count k) kept
// in members so that they can stop after any word and resume.
bool TopicSegmenter::run(uint64_t max_work) {
    if (m_done) return true;
    const double inf = std::numeric_limits<double>::infinity();
    const size_t m = m_cand.size() - 1;
    uint64_t left = max_work;
    while (m_i < m) {
        if (m_j == 0) {  // start row i
            if (m_best[m_i] == inf) { ++m_i; continue; }
            m_j = m_i + 1;
            m_f = m_block_begin[m_i];
            m_cost = 0;
            m_k = 0;
        }
        const uint32_t st = static_cast<uint32_t>(m_i + 1);
        if (left >= m_flat.size() - m_f) {
            // The budget covers the rest of the row: the same steps with everything in locals (no
            // position saved after each block; in WASM every member access is a memory access).
            const TermId* flat = m_flat.data();
            uint32_t* slot = m_slot.data();
            const uint32_t* first = m_first.data();
            const uint32_t* block_begin = m_block_begin.data();
            const uint32_t* cand = m_cand.data();
            const double *log_c = m_log_c.data(), *log_n = m_log_n.data();
            double* best = m_best.data();
            const double best_i = best[m_i], penalty = m_penalty;
            const size_t i = m_i;
            const uint32_t cand_i = cand[i], min_seg = m_min_seg;
            double cost = m_cost;
            uint32_t k = m_k, f = m_f;
            for (size_t j = m_j; j <= m; ++j) {
                for (const uint32_t block_end = block_begin[j]; f < block_end; ++f)
                    cost -= dm_token(flat[f], k++, st, slot, first, log_c, log_n);
                if (cand[j] - cand_i < min_seg && !(i == 0 && j == m)) continue;
                const double v = best_i + cost + penalty;
                if (v < best[j]) { best[j] = v; m_back[j] = static_cast<uint32_t>(i); }
            }
            left -= f - m_f;
            m_work += f - m_f;
            ++m_i;
            m_j = 0;
            continue;
        }
        for (; m_j <= m; ++m_j) {
            const uint32_t block_end = m_block_begin[m_j];
            if (m_f < block_end) {
                if (left == 0) return false;
                const uint32_t stop = static_cast<uint32_t>(std::min<uint64_t>(block_end, m_f + left));
                double cost = m_cost;
                uint32_t k = m_k;
                const TermId* flat = m_flat.data();
                uint32_t* slot = m_slot.data();
                const uint32_t* first = m_first.data();
                const double *log_c = m_log_c.data(), *log_n = m_log_n.data();
                for (uint32_t f = m_f; f < stop; ++f) cost -= dm_token(flat[f], k++, st, slot, first, log_c, log_n);
                left -= stop - m_f;
                m_work += stop - m_f;
                m_f = stop;
                m_cost = cost;
                m_k = k;
                if (m_f < block_end) return false;  // budget spent inside block j
            }
            if (m_cand[m_j] - m_cand[m_i] < m_min_seg && !(m_i == 0 && m_j == m)) continue;
            const double v = m_best[m_i] + m_cost + m_penalty;
            if (v < m_best[m_j]) { m_best[m_j] = v; m_back[m_j] = static_cast<uint32_t>(m_i); }
        }
        ++m_i;
        m_j = 0;
    }
    m_done = true;
    return true;
}

std::vector<uint32_t> TopicSegmenter::bounds() const {
    std::vector<uint32_t> bounds;
    if (!m_done || m_best.empty()) return bounds;
    const size_t m = m_cand.size() - 1;
    if (m_best[m] == std::numeric_limits<double>::infinity()) return bounds;
    for (size_t j = m_back[m]; j > 0; j = m_back[j]) bounds.push_back(m_cand[j]);
    std::reverse(bounds.begin(), bounds.end());
    return bounds;
}

std::vector<uint32_t> segment_topics(const TopicDoc& doc, const SegmentDesc& desc) {
#if TX_TOPICS_EXPERIMENTS
    if (uses_experiments(desc)) return segment_topics_experiments(doc, desc);
#endif
    TopicSegmenter s(doc, desc);
    s.run(UINT64_MAX);
    return s.bounds();
}

}  // namespace tx
