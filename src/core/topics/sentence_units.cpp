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
#include <string>
#include <unordered_map>

#include "core/topics/topics.h"
#include "core/topics/word_table.h"

namespace tx {
namespace {

#include "core/topics/sentence_words.inc"

constexpr int kThreshold = 50;   // hundredths of a nat: a gap is a start when P(end) > 0.62
constexpr uint32_t kMaxGap = 30; // words: no stretch without a candidate longer than this

struct Tables {
    std::unordered_map<std::string, int> end = parse_word_table(kSentenceEndWords);
    std::unordered_map<std::string, int> start = parse_word_table(kSentenceStartWords);
};

const Tables& tables() {
    static const Tables t;
    return t;
}

}  // namespace

std::vector<uint32_t> guess_sentence_starts(const TopicDoc& doc) {
    const size_t n = doc.word_ids.size();
    std::vector<uint32_t> out;
    if (n < 2) return out;
    // per distinct surface word: its two table values (one lookup each, not one per word)
    const Tables& t = tables();
    std::vector<int> end(doc.surface.size(), 0), start(doc.surface.size(), 0);
    for (size_t s = 0; s < doc.surface.size(); ++s) {
        auto e = t.end.find(doc.surface[s]);
        if (e != t.end.end()) end[s] = e->second;
        auto b = t.start.find(doc.surface[s]);
        if (b != t.start.end()) start[s] = b->second;
    }
    // score[i]: log-odds that a sentence starts at word i (i >= 1)
    std::vector<int> score(n, 0);
    for (size_t i = 1; i < n; ++i) score[i] = kSentencePrior + end[doc.word_ids[i - 1]] + start[doc.word_ids[i]];
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
    fill_gap(static_cast<uint32_t>(n));
    return out;
}

}  // namespace tx
