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
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/topics/topics.h"

namespace tx {
namespace {

constexpr uint32_t kDefaultBlockWords = 30;
constexpr uint32_t kDefaultMaxCandidates = 800;
constexpr double kDefaultAlpha = 100.0;          // prior concentration (pseudo-words per segment)
constexpr double kDefaultPenaltyPerWord = 0.04;  // nats per content word per extra segment

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

std::vector<uint32_t> segment_topics(const TopicDoc& doc, const SegmentDesc& desc) {
    const uint32_t n = static_cast<uint32_t>(doc.size());
    const uint32_t block_words = desc.block_words ? desc.block_words : kDefaultBlockWords;
    const uint32_t max_cands = desc.max_candidates ? desc.max_candidates : kDefaultMaxCandidates;
    uint32_t min_seg = desc.min_segment_words;
    const double frac = desc.min_segment_frac > 0 ? desc.min_segment_frac : 0.025;
    if (min_seg == 0) min_seg = std::max<uint32_t>(60, static_cast<uint32_t>(n * frac));
    if (n < 2 * min_seg) return {};

    const uint32_t min_block = std::max<uint32_t>(1, (n + max_cands - 1) / max_cands);
    std::vector<uint32_t> cand = candidates(doc, block_words, min_block);
    const size_t m = cand.size() - 1;  // number of blocks
    if (m < 2) return {};

    // Document distribution over content terms.
    const size_t V = doc.vocab.size();
    std::vector<double> prior(V, 0.0);
    double total = 0;
    for (TermId t : doc.terms)
        if (t != kNoTopicTerm) { prior[t] += 1; total += 1; }
    if (total < 2) return {};
    const double alpha = desc.prior_strength > 0 ? desc.prior_strength : kDefaultAlpha;
    std::vector<uint32_t> raw_count(V);
    for (size_t t = 0; t < V; ++t) raw_count[t] = static_cast<uint32_t>(prior[t]);
    const uint32_t min_tc = desc.min_term_count ? desc.min_term_count : 1;
    if (min_tc > 1) {
        total = 0;
        for (size_t t = 0; t < V; ++t) if (raw_count[t] >= min_tc) total += prior[t];
        if (total < 2) return {};
    }
    for (double& p : prior) p = alpha * p / total;

    // Per-block content words, flattened.
    std::vector<uint32_t> block_begin(m + 1);
    std::vector<TermId> flat;
    flat.reserve(static_cast<size_t>(total));
    for (size_t b = 0; b < m; ++b) {
        block_begin[b] = static_cast<uint32_t>(flat.size());
        for (uint32_t i = cand[b]; i < cand[b + 1]; ++i)
            if (doc.terms[i] != kNoTopicTerm && raw_count[doc.terms[i]] >= min_tc) flat.push_back(doc.terms[i]);
    }
    block_begin[m] = static_cast<uint32_t>(flat.size());
    // log(k + alpha) for the running content-word count k.
    std::vector<double> log_n(flat.size() + 1);
    for (size_t k = 0; k < log_n.size(); ++k) log_n[k] = std::log(static_cast<double>(k) + alpha);

    std::vector<uint32_t> count(V, 0);
    std::vector<uint32_t> stamp(V, 0);
    uint32_t stamp_id = 0;

    // Cost of the prefixes of the blocks taken in `order`: out[j] = cost of blocks order[0..j).
    auto prefix_costs = [&](const std::vector<uint32_t>& order, std::vector<double>& out,
                            std::vector<uint32_t>& words) {
        ++stamp_id;
        out.assign(order.size() + 1, 0.0);
        words.assign(order.size() + 1, 0);
        double cost = 0;
        uint32_t k = 0;
        for (size_t j = 0; j < order.size(); ++j) {
            const uint32_t b = order[j];
            for (uint32_t f = block_begin[b]; f < block_begin[b + 1]; ++f) {
                TermId t = flat[f];
                if (stamp[t] != stamp_id) { stamp[t] = stamp_id; count[t] = 0; }
                cost -= std::log(count[t] + prior[t]) - log_n[k];
                ++count[t];
                ++k;
            }
            out[j + 1] = cost;
            words[j + 1] = words[j] + (cand[b + 1] - cand[b]);
        }
    };

    // Penalty per segment. Default: proportional to the number of content words, so the expected
    // segment count is decided by how strongly the vocabulary shifts, not by the length alone.
    // Alternative (noise_multiple > 0): a multiple of the gain that the best single split achieves
    // on the same blocks in shuffled order (only the document's own burstiness is left). Measured
    // worse on the dev sets (written text with coherent blocks gets a far too high threshold).
    double penalty = desc.boundary_penalty;
    if (penalty < 0) {
        if (desc.noise_multiple <= 0) {
            penalty = (desc.penalty_per_word > 0 ? desc.penalty_per_word : kDefaultPenaltyPerWord) * total;
        } else {
            const double mult = desc.noise_multiple;
            const int rounds = 4;
            double gain_sum = 0;
            std::vector<uint32_t> order(m), rev(m), wf, wb;
            std::vector<double> fwd, bwd;
            uint64_t rng = 0x9e3779b97f4a7c15ull;
            for (int r = 0; r < rounds; ++r) {
                for (size_t b = 0; b < m; ++b) order[b] = static_cast<uint32_t>(b);
                for (size_t b = m - 1; b > 0; --b) {  // Fisher-Yates with a fixed LCG: deterministic
                    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
                    std::swap(order[b], order[(rng >> 33) % (b + 1)]);
                }
                for (size_t b = 0; b < m; ++b) rev[b] = order[m - 1 - b];
                prefix_costs(order, fwd, wf);
                prefix_costs(rev, bwd, wb);
                double best_split = fwd[m];
                for (size_t j = 1; j < m; ++j) {
                    if (wf[j] < min_seg || wb[m - j] < min_seg) continue;
                    best_split = std::min(best_split, fwd[j] + bwd[m - j]);
                }
                gain_sum += fwd[m] - best_split;
            }
            penalty = mult * gain_sum / rounds;
        }
    }

    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> best(m + 1, inf);
    std::vector<uint32_t> back(m + 1, 0);
    best[0] = 0;
    for (size_t i = 0; i < m; ++i) {
        if (best[i] == inf) continue;
        const uint32_t st = ++stamp_id;
        double cost = 0;
        uint32_t k = 0;
        for (size_t j = i + 1; j <= m; ++j) {
            for (uint32_t f = block_begin[j - 1]; f < block_begin[j]; ++f) {
                TermId t = flat[f];
                if (stamp[t] != st) { stamp[t] = st; count[t] = 0; }
                cost -= std::log(count[t] + prior[t]) - log_n[k];
                ++count[t];
                ++k;
            }
            if (cand[j] - cand[i] < min_seg && j != m) continue;
            if (j == m && i != 0 && cand[j] - cand[i] < min_seg) continue;
            double v = best[i] + cost + penalty;
            if (v < best[j]) { best[j] = v; back[j] = static_cast<uint32_t>(i); }
        }
    }
    std::vector<uint32_t> bounds;
    for (size_t j = back[m]; j > 0; j = back[j]) bounds.push_back(cand[j]);
    std::reverse(bounds.begin(), bounds.end());
    return bounds;
}

}  // namespace tx
