// sentence_units.cpp: guessed sentence starts for unpunctuated speech (guess_sentence_starts).
//
// Raw speech-to-text output has no punctuation, so the segmenter had only fixed 30-word blocks as
// candidate boundaries there. Here a gap between two words gets the log-odds that a sentence ends
// in it, prior + end[previous word] + start[next word], from two per-word tables learnt on a
// punctuated spoken corpus (scripts/gen_sentence_starts.py; "yeah", "right", "okay" end
// sentences, "so", "and", "i" start them, "the", "know", "of" never end one). A gap is a unit start
// when its log-odds exceed kThreshold; a stretch longer than kMaxGap words with none gets its most
// likely gap, so the candidates never get sparser than the blocks they replace.
// Measured on the topic dev sets, which the tables never saw (bench/TOPICS.md, "Guessed sentence
// starts"): Pk without sentence marks 0.407 -> 0.395 on podcasts, 0.384 -> 0.382 on meetings,
// 0.258 -> 0.239 on Choi.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/topics/labels_internal.h"
#include "core/topics/topics.h"
#include "core/topics/word_table.h"

namespace tx {
namespace {

#include "core/topics/sentence_words.inc"

constexpr int kThreshold = 50;   // hundredths of a nat: a gap is a start when P(end) > 0.62
constexpr uint32_t kMaxGap = 30; // words: no stretch without a candidate longer than this

// Both tables in one open-addressing table (FNV-1a, linear probing, at most half full): a plain
// text import looks up every word, and std::unordered_map's two lookups per word tripled the
// import time of the 100x corpus (98 -> 279 ms natively).
class Tables {
public:
    Tables() {
        size_t n = 0;
        for (const char* t : {kSentenceEndWords, kSentenceStartWords})
            n += size_t(std::count(t, t + std::char_traits<char>::length(t), '\n'));
        size_t cap = 16;
        while (cap < 2 * n) cap *= 2;
        m_slots.resize(cap);
        for (const auto& kv : parse_word_table(kSentenceEndWords)) slot(kv.first).end = int16_t(kv.second);
        for (const auto& kv : parse_word_table(kSentenceStartWords)) slot(kv.first).start = int16_t(kv.second);
    }
    // The word's (end, start) log-odds; (0, 0) for a word in neither table.
    void find(std::string_view w, int& end, int& start) const {
        end = start = 0;
        if (w.empty() || w.size() > m_longest) return;
        for (size_t i = hash(w) & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            const Slot& s = m_slots[i];
            if (s.word.empty()) return;
            if (s.word == w) {
                end = s.end;
                start = s.start;
                return;
            }
        }
    }

private:
    struct Slot {
        std::string word;  // empty: a free slot
        int16_t end = 0, start = 0;
    };
    static size_t hash(std::string_view w) { return word_hash(w); }
    Slot& slot(const std::string& w) {
        m_longest = std::max(m_longest, w.size());
        for (size_t i = hash(w) & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            if (m_slots[i].word.empty()) m_slots[i].word = w;
            if (m_slots[i].word == w) return m_slots[i];
        }
    }
    std::vector<Slot> m_slots;
    size_t m_longest = 0;
};

const Tables& tables() {
    static const Tables t;
    return t;
}

// Unit starts from gap scores: score[i] is the log-odds (hundredths of a nat) that a sentence
// starts at word i (score[0] unused). @return sorted starts > 0.
std::vector<uint32_t> starts_from_scores(const std::vector<int16_t>& score) {
    const uint32_t n = static_cast<uint32_t>(score.size());
    std::vector<uint32_t> out;
    uint32_t last = 0;  // the previous unit start (word 0 starts the first unit)
    auto fill_gap = [&](uint32_t to) {  // guessed starts in (last, to) while the gap is too long
        while (to - last > kMaxGap) {
            const uint32_t lo = last + kMaxGap / 3, hi = std::min(to - kMaxGap / 3, last + kMaxGap);
            if (hi <= lo) break;
            uint32_t best = lo;  // ties go to the earliest gap (the latest measured no better)
            for (uint32_t i = lo + 1; i < hi; ++i)
                if (score[i] > score[best]) best = i;
            out.push_back(best);
            last = best;
        }
    };
    for (uint32_t i = 1; i < n; ++i) {
        if (score[i] <= kThreshold) continue;
        fill_gap(i);
        out.push_back(i);
        last = i;
    }
    fill_gap(n);
    return out;
}

int16_t gap_score(int end_before, int start_after) {
    return static_cast<int16_t>(kSentencePrior + end_before + start_after);  // |.| < 2000 by construction
}

}  // namespace

std::vector<uint32_t> guess_sentence_starts(const TopicDoc& doc) {
    const size_t n = doc.word_ids.size();
    if (n < 2) return {};
    // per distinct surface word: its two table values (one lookup each, not one per word)
    const Tables& t = tables();
    std::vector<int> end(doc.surface.size(), 0), start(doc.surface.size(), 0);
    for (size_t s = 0; s < doc.surface.size(); ++s) t.find(doc.surface[s], end[s], start[s]);
    std::vector<int16_t> score(n, 0);
    for (size_t i = 1; i < n; ++i) score[i] = gap_score(end[doc.word_ids[i - 1]], start[doc.word_ids[i]]);
    return starts_from_scores(score);
}

std::vector<uint32_t> sentence_starts(const Episode& ep) {
    const size_t n = ep.words.size();
    if (n < 2) return {};
    std::vector<uint32_t> punct;  // punctuated text needs nothing else (the cheap pass first)
    for (size_t i = 0; i + 1 < n; ++i)
        if (word_ends_sentence(ep, i)) punct.push_back(static_cast<uint32_t>(i + 1));
    if (!too_few_units(punct.size(), n)) return punct;
    const Tables& t = tables();
    std::vector<int16_t> score(n, 0);  // 2 bytes a word: a 100 MB text needs no TopicDoc
    std::string w;
    int end_before = 0;
    for (size_t i = 0; i < n; ++i) {
        normalise_word_into(word_bytes(ep, i), w);
        int end_here, start_here;
        t.find(w, end_here, start_here);
        if (i > 0) score[i] = gap_score(end_before, start_here);
        end_before = end_here;
    }
    merge_starts(punct, starts_from_scores(score));
    return punct;
}

}  // namespace tx
