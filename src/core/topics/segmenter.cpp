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
// The penalty is proportional to the number of words (all words, stop words included): speech
// with few content words per minute then needs a stronger vocabulary shift per boundary than
// written text. Defaults were picked on half of the dev sets and checked on the other half
// (bench/TOPICS.md has the numbers, and the variants that measured worse: a penalty per content
// word, a penalty from the best split of a block-shuffled document, discourse-cue bonuses,
// co-occurrence (random-indexing) vectors with a scatter cost, binary counts per block, and
// dropping everyday words via the background table).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/topics/topics.h"

namespace tx {
namespace {

constexpr uint32_t kDefaultBlockWords = 30;
constexpr uint32_t kDefaultMaxCandidates = 800;
constexpr double kDefaultAlpha = 160.0;          // prior concentration (pseudo-words per segment)
constexpr double kDefaultPenaltyPerWord = 0.012; // nats per word of the document per segment
constexpr double kDefaultMinSegmentFrac = 0.025; // shortest segment: 2.5% of the document...
constexpr uint32_t kMinSegmentFloor = 60;        // ...but at least 60 words
constexpr uint64_t kWorkBudget = 200000000;      // DP steps (candidates x words) before coarsening
constexpr uint32_t kSmallCounts = 8;             // log(c + alpha * p_t) tabulated for c < this

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

}  // namespace

TopicSegmenter::TopicSegmenter(const TopicDoc& doc, const SegmentDesc& desc) {
    const uint32_t n = static_cast<uint32_t>(doc.size());
    const uint32_t block_words = desc.block_words ? desc.block_words : kDefaultBlockWords;
    uint32_t max_cands = desc.max_candidates ? desc.max_candidates : kDefaultMaxCandidates;
    // The DP costs ~candidates x words: cap it so absurdly long inputs stay bounded (~2e8 steps)
    // at the price of coarser boundaries (a 1M-word input gets 200 candidates).
    max_cands = std::min<uint64_t>(max_cands, std::max<uint64_t>(16, kWorkBudget / std::max<uint32_t>(n, 1)));
    const double frac = desc.min_segment_frac > 0 ? desc.min_segment_frac : kDefaultMinSegmentFrac;
    m_min_seg = desc.min_segment_words;
    if (m_min_seg == 0) m_min_seg = std::max<uint32_t>(kMinSegmentFloor, static_cast<uint32_t>(n * frac));
    if (n < 2 * m_min_seg) return;  // too short: done, no boundaries

    const uint32_t min_block = std::max<uint32_t>(1, (n + max_cands - 1) / max_cands);
    m_cand = candidates(doc, block_words, min_block);
    const size_t m = m_cand.size() - 1;  // number of blocks
    if (m < 2) return;

    // Content words per block, flattened, and the document distribution over them.
    const size_t V = doc.vocab.size();
    std::vector<uint32_t> doc_count(V, 0);
    for (TermId t : doc.terms)
        if (t < V) ++doc_count[t];
    const uint32_t min_tc = desc.min_term_count ? desc.min_term_count : 1;
    m_block_begin.resize(m + 1);
    for (size_t b = 0; b < m; ++b) {
        m_block_begin[b] = static_cast<uint32_t>(m_flat.size());
        for (uint32_t i = m_cand[b]; i < m_cand[b + 1]; ++i)
            if (doc.terms[i] < V && doc_count[doc.terms[i]] >= min_tc) m_flat.push_back(doc.terms[i]);
    }
    m_block_begin[m] = static_cast<uint32_t>(m_flat.size());
    if (m_flat.size() < 2) return;
    const double alpha = desc.prior_strength > 0 ? desc.prior_strength : kDefaultAlpha;
    m_prior.assign(V, 0.0);  // alpha * p_w
    for (TermId t : m_flat) m_prior[t] += 1;
    for (double& p : m_prior) p = alpha * p / static_cast<double>(m_flat.size());
    // log(c + alpha * p_t) for the first kSmallCounts counts of every term: most increments hit
    // this table instead of calling log() (same values, so results are unchanged).
    m_log_small.resize(V * kSmallCounts);
    for (size_t t = 0; t < V; ++t)
        for (uint32_t c = 0; c < kSmallCounts; ++c) m_log_small[t * kSmallCounts + c] = std::log(c + m_prior[t]);
    m_log_n.resize(m_flat.size() + 1);  // log(k + alpha) for the running count k
    for (size_t k = 0; k < m_log_n.size(); ++k) m_log_n[k] = std::log(static_cast<double>(k) + alpha);

    m_penalty = desc.boundary_penalty;
    if (m_penalty < 0) m_penalty = (desc.penalty_per_word > 0 ? desc.penalty_per_word : kDefaultPenaltyPerWord) * n;

    m_best.assign(m + 1, std::numeric_limits<double>::infinity());
    m_back.assign(m + 1, 0);
    m_count.assign(V, 0);
    m_stamp.assign(V, 0);
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
        for (; m_j <= m; ++m_j) {
            const uint32_t block_end = m_block_begin[m_j];
            if (m_f < block_end) {
                if (left == 0) return false;
                const uint32_t stop = static_cast<uint32_t>(std::min<uint64_t>(block_end, m_f + left));
                double cost = m_cost;
                uint32_t k = m_k;
                const TermId* flat = m_flat.data();
                uint32_t *count = m_count.data(), *stamp = m_stamp.data();
                const double *log_small = m_log_small.data(), *log_n = m_log_n.data(), *prior = m_prior.data();
                for (uint32_t f = m_f; f < stop; ++f) {
                    const TermId t = flat[f];
                    if (stamp[t] != st) { stamp[t] = st; count[t] = 0; }
                    const uint32_t c = count[t];
                    cost -= (c < kSmallCounts ? log_small[t * kSmallCounts + c] : std::log(c + prior[t])) - log_n[k];
                    ++count[t];
                    ++k;
                }
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
    TopicSegmenter s(doc, desc);
    s.run(UINT64_MAX);
    return s.bounds();
}

}  // namespace tx
