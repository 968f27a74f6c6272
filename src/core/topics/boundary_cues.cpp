// boundary_cues.cpp: discourse-cue and cohesion features of candidate boundaries (see
// boundary_cues.h), and the linear model that scores them.
#include "core/topics/boundary_cues.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace tx {

const char* const kCueFeatureNames[kCueFeatureCount] = {
    "bias",      "okay",       "so",        "and_but",   "well",      "now_lets",
    "thank",     "wh_question", "yn_question", "topic_phrase", "you_early", "log_len",
    "log_prev_len", "cos_drop_100", "cos_drop_300", "cos_drop_800", "novelty_300", "depth_300"};

namespace {

#include "core/topics/boundary_weights.inc"  // kCueWeights[kCueFeatureCount]

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
    for (std::string_view s : set)
        if (w == s) return true;
    return false;
}

bool is_filler(std::string_view w) {
    return in(w, {"um", "uh", "so", "and", "well", "ok", "okay", "yeah", "oh", "alright", "right", "now",
                  "but", "mm", "hmm", "mhm", "like", "yes", "no"});
}

// Words [b, b + count) as surface strings ("" past the end).
struct WordAt {
    const TopicDoc& doc;
    std::string_view operator()(size_t i) const {
        if (i >= doc.word_ids.size()) return {};
        return doc.surface[doc.word_ids[i]];
    }
};

// Two-word phrases (by their first word's position) that announce a new subject.
bool topic_phrase_at(const WordAt& w, size_t i) {
    std::string_view a = w(i), b = w(i + 1), c = w(i + 2);
    if (b == "about" && in(a, {"talk", "talking", "ask", "asking", "tell"})) return true;
    if (a == "speaking" && b == "of") return true;
    if (a == "switch" && b == "gears") return true;
    if (in(a, {"move", "moving", "go", "going", "turn", "coming", "come", "get", "getting"}) &&
        in(b, {"on", "back", "to"}) && (b != "to" || in(a, {"turn", "move", "moving"})))
        return true;
    if (a == "next" && in(b, {"question", "topic", "item", "thing", "point"})) return true;
    if (a == "let" && in(b, {"me", "us"}) && in(c, {"ask", "turn", "move", "go", "talk"})) return true;
    if (a == "i" && in(b, {"want", "wanted"}) && c == "to") return true;
    return false;
}

// 1 - cosine of the content-word counts in [b - win, b) and [b, b + win); also the share of the
// right window's content tokens whose term does not occur in the left window.
struct Cohesion {
    std::vector<uint32_t> left, right, stamp_l, stamp_r;
    uint32_t stamp = 0;
    void init(size_t v) { left.assign(v, 0); right.assign(v, 0); stamp_l.assign(v, 0); stamp_r.assign(v, 0); }
    void measure(const TopicDoc& doc, uint32_t b, uint32_t win, float* drop, float* novelty) {
        ++stamp;
        const uint32_t n = static_cast<uint32_t>(doc.size());
        const uint32_t lo = b > win ? b - win : 0, hi = std::min<uint32_t>(n, b + win);
        const size_t V = left.size();
        double ll = 0, rr = 0, lr = 0;
        for (uint32_t i = lo; i < b; ++i) {
            TermId t = doc.terms[i];
            if (t >= V) continue;
            if (stamp_l[t] != stamp) { stamp_l[t] = stamp; left[t] = 0; }
            ll += 2.0 * left[t] + 1;  // (c+1)^2 - c^2
            ++left[t];
        }
        uint32_t right_tokens = 0, unseen = 0;
        for (uint32_t i = b; i < hi; ++i) {
            TermId t = doc.terms[i];
            if (t >= V) continue;
            if (stamp_r[t] != stamp) { stamp_r[t] = stamp; right[t] = 0; }
            rr += 2.0 * right[t] + 1;
            ++right[t];
            const uint32_t lc = stamp_l[t] == stamp ? left[t] : 0;
            lr += lc;
            ++right_tokens;
            if (lc == 0) ++unseen;
        }
        *drop = (ll > 0 && rr > 0) ? static_cast<float>(1.0 - lr / std::sqrt(ll * rr)) : 0.0f;
        *novelty = right_tokens ? static_cast<float>(unseen) / right_tokens : 0.0f;
    }
};

void zscore_column(std::vector<float>& rows, size_t count, size_t col) {
    if (count == 0) return;
    double s = 0, ss = 0;
    for (size_t r = 0; r < count; ++r) s += rows[r * kCueFeatureCount + col];
    const double mean = s / count;
    for (size_t r = 0; r < count; ++r) {
        const double d = rows[r * kCueFeatureCount + col] - mean;
        ss += d * d;
    }
    const double sd = std::sqrt(ss / count);
    for (size_t r = 0; r < count; ++r) {
        float& x = rows[r * kCueFeatureCount + col];
        x = sd > 1e-9 ? static_cast<float>((x - mean) / sd) : 0.0f;
    }
}

}  // namespace

std::vector<float> boundary_cue_features(const TopicDoc& doc, const std::vector<uint32_t>& positions) {
    const size_t P = positions.size();
    std::vector<float> rows(P * kCueFeatureCount, 0.0f);
    const uint32_t n = static_cast<uint32_t>(doc.size());
    if (doc.word_ids.size() != n) return rows;
    const WordAt w{doc};
    // Median unit length, so unit-length features are relative to the document's own units.
    std::vector<uint32_t> lens;
    for (size_t i = 0; i + 1 < doc.units.size(); ++i) lens.push_back(doc.units[i + 1] - doc.units[i]);
    double med = 1;
    if (!lens.empty()) {
        std::nth_element(lens.begin(), lens.begin() + lens.size() / 2, lens.end());
        med = std::max<uint32_t>(1, lens[lens.size() / 2]);
    }
    Cohesion coh;
    coh.init(doc.vocab.size());
    std::vector<uint32_t> valid;  // rows to z-score
    for (size_t p = 0; p < P; ++p) {
        const uint32_t b = positions[p];
        if (b == 0 || b >= n) continue;
        valid.push_back(static_cast<uint32_t>(p));
        float* f = &rows[p * kCueFeatureCount];
        f[0] = 1;
        std::string_view w0 = w(b), w1 = w(b + 1);
        f[1] = in(w0, {"okay", "ok", "alright"}) || (w0 == "all" && w1 == "right") ? 1.f : 0.f;
        f[2] = w0 == "so" ? 1.f : 0.f;
        f[3] = in(w0, {"and", "but", "because", "cause", "or"}) ? 1.f : 0.f;
        f[4] = w0 == "well" ? 1.f : 0.f;
        f[5] = in(w0, {"now", "next"}) || w0 == "let's" || (w0 == "let" && w1 == "us") ? 1.f : 0.f;
        for (uint32_t i = b; i < b + 3 && i < n; ++i)
            if (in(w(i), {"thank", "thanks"})) f[6] = 1;
        size_t c = b;
        while (c < b + 4 && c < n && is_filler(w(c))) ++c;
        std::string_view wc = w(c);
        f[7] = in(wc, {"what", "what's", "how", "why", "where", "who", "which", "when"}) ? 1.f : 0.f;
        f[8] = in(wc, {"do", "does", "did", "are", "is", "can", "could", "would", "have", "has", "was",
                       "were", "should", "will", "any"}) ? 1.f : 0.f;
        for (uint32_t i = b; i < b + 8 && i < n; ++i)
            if (topic_phrase_at(w, i)) { f[9] = 1; break; }
        for (uint32_t i = b; i < b + 6 && i < n; ++i)
            if (w(i) == "you") { f[10] = 1; break; }
        if (!doc.units.empty()) {
            auto it = std::upper_bound(doc.units.begin(), doc.units.end(), b);
            const uint32_t next = it == doc.units.end() ? n : *it;
            const uint32_t prev = it - doc.units.begin() >= 2 && *(it - 1) == b ? *(it - 2)
                                  : (it == doc.units.begin() ? 0 : *(it - 1));
            f[11] = static_cast<float>(std::log((next - b + 1.0) / med));
            f[12] = static_cast<float>(std::log((b - prev + 1.0) / med));
        }
        float nov = 0;
        coh.measure(doc, b, 100, &f[13], &nov);
        coh.measure(doc, b, 300, &f[14], &f[16]);
        coh.measure(doc, b, 800, &f[15], &nov);
    }
    // Depth at 300 words: how much this drop exceeds the smallest drop within 150 words either side
    // (a valley of cohesion rather than a uniformly low stretch).
    for (size_t vi = 0; vi < valid.size(); ++vi) {
        const uint32_t p = valid[vi], b = positions[p];
        float lo_l = rows[p * kCueFeatureCount + 14], lo_r = lo_l;
        for (size_t vj = vi; vj-- > 0 && positions[valid[vj]] + 150 >= b;)
            lo_l = std::min(lo_l, rows[valid[vj] * kCueFeatureCount + 14]);
        for (size_t vj = vi + 1; vj < valid.size() && positions[valid[vj]] <= b + 150; ++vj)
            lo_r = std::min(lo_r, rows[valid[vj] * kCueFeatureCount + 14]);
        rows[p * kCueFeatureCount + 17] = rows[p * kCueFeatureCount + 14] - 0.5f * (lo_l + lo_r);
    }
    std::vector<float> sub(valid.size() * kCueFeatureCount);
    for (size_t vi = 0; vi < valid.size(); ++vi)
        std::copy_n(&rows[valid[vi] * kCueFeatureCount], kCueFeatureCount, &sub[vi * kCueFeatureCount]);
    for (size_t col = 13; col < kCueFeatureCount; ++col) zscore_column(sub, valid.size(), col);
    for (size_t vi = 0; vi < valid.size(); ++vi)
        std::copy_n(&sub[vi * kCueFeatureCount], kCueFeatureCount, &rows[valid[vi] * kCueFeatureCount]);
    return rows;
}

std::vector<float> boundary_cue_scores(const TopicDoc& doc, const std::vector<uint32_t>& positions,
                                       const float* weights) {
    if (!weights) weights = kCueWeights;
    const std::vector<float> rows = boundary_cue_features(doc, positions);
    std::vector<float> out(positions.size(), 0.0f);
    for (size_t p = 0; p < positions.size(); ++p) {
        double s = 0;
        for (size_t c = 0; c < kCueFeatureCount; ++c) s += weights[c] * rows[p * kCueFeatureCount + c];
        out[p] = static_cast<float>(s);
    }
    return out;
}

}  // namespace tx
