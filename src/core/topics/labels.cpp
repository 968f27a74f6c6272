// labels.cpp: segment labels by c-TF-IDF within the episode, discounted by a background table of
// everyday English, preferring bigrams ("open source") over their parts, then filtered by rules
// found on episodes the scores were not tuned on (bench/TOPICS.md, "Labels on episodes ...").
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
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

// Words that are fine topic evidence for the segmenter but no chapter title: spoken URLs ("go to
// x.com slash lex"), "et cetera", the show talking about itself, swearing, numbers said as words
// (the stop list has "one" to "ten"). Label-only, so the
// segmentation (and Pk) does not move.
const char kLabelStopWords[] =
    "slash cetera etcetera et episode episodes fucking fuck fucked shit damn goddamn freaking frickin "
    "dunno nah please bleep "
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty "
    "fifty sixty seventy eighty ninety";

bool label_stop_word(std::string_view w) {
    static const std::vector<std::string_view> list = split_on_spaces(kLabelStopWords);
    static const std::unordered_set<std::string_view> words(list.begin(), list.end());
    return words.count(w) != 0;
}

// Code points in a normalised word (UTF-8 continuation bytes do not start one).
size_t code_points(std::string_view w) {
    return static_cast<size_t>(std::count_if(w.begin(), w.end(), [](char c) { return (uint8_t(c) & 0xC0) != 0x80; }));
}

// True when the word starts with a letter beyond Latin (Greek, Cyrillic, CJK, ...).
bool non_latin(std::string_view w) {
    size_t i = 0;
    return !w.empty() && uint8_t(w[0]) >= 0x80 && utf8_next(w, i) >= 0x370;
}

// A word that can be (part of) a label: not a single letter in any script ("и"), not one letter
// repeated 3+ times ("nnn", "mmmm": recognition noise; "ii" stays for "world war ii"), not a label stop word.
bool word_worthy(const std::string& w) {
    if (code_points(w) < 2 || !has_letter(w) || label_stop_word(w)) return false;
    return w.size() < 3 || w.find_first_not_of(w[0]) != std::string::npos;
}

// True when the word starts with a CJK character (kana, ideographs, Hangul: U+2E80 on), where
// two characters are a whole word ("日本").
bool cjk(std::string_view w) {
    size_t i = 0;
    return !w.empty() && uint8_t(w[0]) >= 0x80 && utf8_next(w, i) >= 0x2E80;
}

// A label on its own: at least 3 letters ("ai" only inside a phrase: "explainable ai"; in any
// alphabet: "см", "по" are 4 bytes but 2 letters), or 2 CJK characters.
bool label_worthy(const std::string& w) {
    return code_points(w) >= (cjk(w) ? 2u : 3u) && word_worthy(w);
}

}  // namespace

std::vector<TermId> most_frequent_terms(const std::vector<uint32_t>& tf, uint64_t content) {
    std::vector<TermId> by_tf;
    for (size_t t = 0; t < tf.size(); ++t)
        if (tf[t]) by_tf.push_back(static_cast<TermId>(t));
    std::sort(by_tf.begin(), by_tf.end(), [&](TermId x, TermId y) { return tf[x] != tf[y] ? tf[x] > tf[y] : x < y; });
    uint64_t covered = 0;
    size_t k = 0;
    while (k < by_tf.size() && covered * 5 < content * 2) covered += tf[by_tf[k++]];
    by_tf.resize(k);
    return by_tf;
}

namespace {

constexpr size_t kProfileTerms = 24;  // a segment's profile: its heaviest terms

struct Cand {
    double score = 0;
    std::string text;
    TermId a = kNoTopicTerm, b = kNoTopicTerm;  // b == kNoTopicTerm for a unigram
    uint32_t count = 0;                         // occurrences in the segment
    TermId c = kNoTopicTerm;                    // a third word joined by extend_phrases()
};

// Stop words that start a name or fixed phrase ("big bang", "new york", "world war", "real
// estate", "self driving cars"): the stop list keeps them out of bigrams, so a label showed "bang"
// alone and "driving cars".
const char kModifierStopWords[] = "big first great little long new real second self third whole world zero";

bool modifier_stop_word(std::string_view w) {
    static const std::vector<std::string_view> words = split_on_spaces(kModifierStopWords);  // sorted
    return std::binary_search(words.begin(), words.end(), w);
}

// How often each id followed (or preceded) a candidate phrase.
struct Neighbours {
    std::vector<std::pair<uint64_t, uint32_t>> seen;  // (id, count)
    void add(uint64_t id) {
        auto f = std::find_if(seen.begin(), seen.end(), [&](const auto& q) { return q.first == id; });
        if (f == seen.end()) seen.push_back({id, 1});
        else ++f->second;
    }
    // The id seen with at least `need` of the phrase's occurrences, or none (first wins ties).
    const std::pair<uint64_t, uint32_t>* most(uint32_t need) const {
        const std::pair<uint64_t, uint32_t>* best = nullptr;
        for (const auto& q : seen)
            if (!best || q.second > best->second) best = &q;
        return best && best->second >= need ? best : nullptr;
    }
};

bool shares_stem(std::string_view a, std::string_view b) {
    for (std::string_view x : split_on_spaces(a))
        for (std::string_view y : split_on_spaces(b))
            if (same_stem(x, y)) return true;
    return false;
}

}  // namespace

std::string_view word_stem(std::string_view w) {
    // longest first; a stem keeps at least 3 letters ("sing" stays, "things" -> "thing")
    static constexpr std::string_view kSuffixes[] = {"ations", "ation", "ness", "ments", "ment", "ings",
                                                     "ing",    "ies",   "ied",  "ers",   "er",   "ed",
                                                     "es",     "ly",    "al",   "s",     "e",    "y"};
    for (std::string_view suf : kSuffixes) {
        const size_t n = suf.size();
        if (w.size() >= n + 3 && w.compare(w.size() - n, n, suf) == 0) return w.substr(0, w.size() - n);
    }
    return w;
}

bool same_stem(std::string_view a, std::string_view b) {
    const std::string_view x = word_stem(a), y = word_stem(b);
    size_t i = 0;
    while (i < x.size() && i < y.size() && x[i] == y[i]) ++i;
    // "intelligence"/"intelligent" (6 letters in common), "drill"/"drilling", "waste"/"wasting",
    // "comet"/"cometary" (one stem starts the other, at least 5 letters: not "neur(al)"/"neuron"),
    // equal stems ("ride"/"rides")
    if (x == y || i >= 6 || (i >= 5 && i == std::min(x.size(), y.size()))) return true;
    // "moral" / "morality", "cyber" / "cybersecurity": the whole of a 5+ letter word starts the other
    const std::string_view& shorter = a.size() < b.size() ? a : b;
    const std::string_view& longer = a.size() < b.size() ? b : a;
    return shorter.size() >= 5 && longer.compare(0, shorter.size(), shorter) == 0;
}



namespace {

// Same words up to their stems: "vaccine" / "vaccines", "mental health" / "mental health".
bool same_phrase(std::string_view a, std::string_view b) {
    const auto x = split_on_spaces(a), y = split_on_spaces(b);
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
        if (!same_stem(x[i], y[i])) return false;
    return true;
}

}  // namespace

std::vector<SegmentLabel> score_segments(const TopicDoc& doc, const std::vector<uint32_t>& bounds,
                                         const LabelDesc& desc) {
    const size_t nseg = bounds.size() + 1;
    const uint32_t n = static_cast<uint32_t>(doc.size());
    const size_t V = std::min(doc.vocab.size(), doc.display.size());
    const bool has_ids = doc.word_ids.size() >= n;  // a hand-built doc may leave them out
    // Term of word i, treating ids outside the vocabulary (a hand-built doc) as topic-less.
    auto term = [&](uint32_t i) { TermId t = doc.terms[i]; return t < V ? t : kNoTopicTerm; };
    const uint32_t min_count = desc.min_count ? desc.min_count : 2;
    const size_t shown = std::min<uint32_t>(desc.max_keywords ? desc.max_keywords : 3, 4);
    auto seg_begin = [&](size_t s) { return s == 0 ? 0u : std::min(bounds[s - 1], n); };
    auto seg_end = [&](size_t s) { return s + 1 == nseg ? n : std::min(bounds[s], n); };

    // Document-wide frequencies of terms and bigrams (bigram = two adjacent content words), and
    // the number of segments each term occurs in.
    std::vector<uint32_t> doc_tf(V, 0), repeats(V, 0);  // repeats: occurrences right after itself
    std::unordered_map<uint64_t, uint32_t> doc_bi;
    uint64_t content = 0;
    for (uint32_t i = 0; i < n; ++i) {
        TermId t = term(i);
        if (t == kNoTopicTerm) continue;
        ++doc_tf[t];
        ++content;
        if (i > 0 && term(i - 1) == t) ++repeats[t];
        if (i + 1 < n && term(i + 1) != kNoTopicTerm && term(i + 1) != t)
            ++doc_bi[(static_cast<uint64_t>(t) << 32) | term(i + 1)];
    }
    std::vector<uint32_t> seg_df(V, 0), last_seg(V, UINT32_MAX);
    for (size_t s = 0; s < nseg; ++s)
        for (uint32_t i = seg_begin(s), e = seg_end(s); i < e; ++i) {
            const TermId t = term(i);
            if (t == kNoTopicTerm || last_seg[t] == s) continue;
            last_seg[t] = static_cast<uint32_t>(s);
            ++seg_df[t];
        }
    const double avg = static_cast<double>(content) / nseg;  // A in c-TF-IDF
    // Spoken web addresses ("go to masterclass.com slash lex"): a term said next to "slash" in a
    // third or more of its occurrences is part of an address (its other uses: "use code lex"),
    // not a topic.
    std::vector<uint32_t> by_slash(V, 0);
    const auto slash = std::find(doc.surface.begin(), doc.surface.end(), "slash");
    if (slash != doc.surface.end()) {
        const uint32_t sid = static_cast<uint32_t>(slash - doc.surface.begin());
        for (uint32_t i = 0; i < n && has_ids; ++i) {
            if (doc.word_ids[i] != sid) continue;
            // the site before it ("masterclass.com", "masterclass dot com") and the path after
            for (uint32_t j = i; j > 0 && j + 3 > i && term(j - 1) != kNoTopicTerm; --j) ++by_slash[term(j - 1)];
            if (i + 1 < n && term(i + 1) != kNoTopicTerm) ++by_slash[term(i + 1)];
        }
    }
    // A few words in another script inside a Latin-script episode ("и как" in an English
    // interview) are an aside, not a title; an episode mostly in that script keeps them.
    uint64_t non_latin_words = 0;
    for (size_t t = 0; t < V; ++t)
        if (doc_tf[t] && non_latin(doc.display[t]) && code_points(doc.display[t]) > 1) non_latin_words += doc_tf[t];
    const bool aside_script = non_latin_words * 10 < content;
    // A language the stop list does not know (German, Russian: it takes < 25% of the words with a
    // letter; 42-82% in English speech and text, dev sets): the episode's own most frequent terms
    // (those making up 40% of its content words) that are episode-wide (in 3/4 of 3+ segments) are
    // its function words ("und", "der", "по", "этот"): no label and no end of a phrase ("ist
    // andernfalls mit", "der baumaschine").
    std::vector<char> function_word(V, 0);
    // Segments a term must occur in to be episode-wide (the host's name, the episode's subject).
    const size_t wide_df = std::max<size_t>(3, (3 * nseg + 3) / 4);
    if (has_ids && nseg >= 3) {
        uint64_t lettered = 0;
        for (uint32_t i = 0; i < n; ++i)
            if (doc.word_ids[i] < doc.surface.size() && has_letter(doc.surface[doc.word_ids[i]])) ++lettered;
        if (stop_list_unknown(lettered, content))
            for (const TermId t : most_frequent_terms(doc_tf, content))
                if (seg_df[t] >= wide_df) function_word[t] = 1;
    }
    // What a term may be in a label, worked out once per term (not once per segment it is in):
    // kAlone can stand alone, kInPhrase can be part of a phrase, kTitled passes the script, web
    // address and repetition tests (a word said mostly in runs of itself is a recognition loop
    // or a stutter: Whisper's "puh, puh, puh, puh, ..." labelled a music episode's first segment).
    enum : uint8_t { kAlone = 1, kInPhrase = 2, kTitled = 4 };
    std::vector<uint8_t> fit(V, 0);
    for (size_t t = 0; t < V; ++t) {
        if (!doc_tf[t]) continue;
        const std::string& d = doc.display[t];
        if (function_word[t]) continue;
        fit[t] = uint8_t((label_worthy(d) ? kAlone : 0) | (word_worthy(d) ? kInPhrase : 0) |
                         (!(aside_script && non_latin(d)) && 3 * by_slash[t] < doc_tf[t] && 2 * repeats[t] < doc_tf[t]
                              ? kTitled : 0));
    }
    auto titled = [&](TermId t) { return (fit[t] & kTitled) != 0; };
    // background_weight of each term's display form, looked up once per term (not per segment)
    std::vector<double> bg_weight(V, -1.0);
    auto bg = [&](TermId t) {
        if (bg_weight[t] < 0) bg_weight[t] = background_weight(doc.display[t]);
        return bg_weight[t];
    };

    std::vector<SegmentLabel> out(nseg);
    std::vector<std::vector<Cand>> cands(nseg), spare(nseg);  // spare: said fewer than min_count times
    std::vector<int8_t> modifier(doc.surface.size(), -1);  // per surface word: -1 not looked up yet
    auto is_modifier = [&](uint32_t sid) {
        if (sid >= modifier.size()) return false;
        if (modifier[sid] < 0) modifier[sid] = modifier_stop_word(doc.surface[sid]) ? 1 : 0;
        return modifier[sid] == 1;
    };
    // Names and phrases of three words ("guido van rossum", "jorge luis borges") and phrases that
    // start with a stop word ("big bang", "world war"): a leading candidate said with the same
    // word next to it in 2/3 of its uses (a word: twice, a phrase: 3 times) is shown with it; a
    // word said 3+ times, in 2/3 of them as "X of Y", is shown as that ("proof of stake").
    const auto of_at = std::find(doc.surface.begin(), doc.surface.end(), "of");
    const uint32_t of_sid = of_at == doc.surface.end() ? UINT32_MAX : static_cast<uint32_t>(of_at - doc.surface.begin());
    std::vector<char> leads(V, 0);  // first terms of extend_phrases()' candidates: skips the rest fast
    auto extend_phrases = [&](size_t s, uint32_t b, uint32_t e) {
        const size_t top = std::min<size_t>(cands[s].size(), 24);  // enough for 8 keywords and skips
        std::unordered_map<uint64_t, size_t> at;                  // bigram key or unigram term -> index
        for (size_t k = 0; k < top; ++k) {
            const Cand& c = cands[s][k];
            at[c.b == kNoTopicTerm ? (uint64_t(UINT32_MAX) << 32) | c.a : (uint64_t(c.a) << 32) | c.b] = k;
            leads[c.a] = 1;
        }
        std::vector<Neighbours> before(top), after(top);
        // (neighbour term << 32 | the word beyond it) for a phrase's content-word neighbours, when
        // the word beyond is a content word or a modifier: whether the phrase goes on past them
        std::vector<Neighbours> before2(top), after2(top);
        auto beyond = [&](uint32_t pos, TermId z, Neighbours& into) {
            if (pos < b || pos >= e || !has_ids) return;
            if (term(pos) == kNoTopicTerm && !is_modifier(doc.word_ids[pos])) return;
            into.add((uint64_t(z) << 32) | doc.word_ids[pos]);
        };
        constexpr uint64_t kSurface = uint64_t(1) << 40;  // tags a modifier's surface id among term ids
        for (uint32_t i = b; i < e; ++i) {
            const TermId t = term(i);
            if (t == kNoTopicTerm || !leads[t]) continue;
            const TermId p = i > b ? term(i - 1) : kNoTopicTerm;
            const bool mod = i > b && p == kNoTopicTerm && has_ids && is_modifier(doc.word_ids[i - 1]);
            if (mod) {
                auto u = at.find((uint64_t(UINT32_MAX) << 32) | t);
                if (u != at.end()) before[u->second].add(kSurface | doc.word_ids[i - 1]);
            }
            if (i + 2 < e && has_ids && doc.word_ids[i + 1] == of_sid && term(i + 2) != kNoTopicTerm) {  // "proof of stake"
                auto u = at.find((uint64_t(UINT32_MAX) << 32) | t);
                if (u != at.end()) after[u->second].add(term(i + 2));
            }
            if (i + 1 >= e || term(i + 1) == kNoTopicTerm) continue;
            auto f = at.find((uint64_t(t) << 32) | term(i + 1));
            if (f == at.end()) continue;
            if (p != kNoTopicTerm || mod) before[f->second].add(mod ? kSurface | doc.word_ids[i - 1] : p);
            if (p != kNoTopicTerm && i >= b + 2) beyond(i - 2, p, before2[f->second]);
            if (i + 2 < e && term(i + 2) != kNoTopicTerm) {
                after[f->second].add(term(i + 2));
                beyond(i + 3, term(i + 2), after2[f->second]);
            }
        }
        for (size_t k = 0; k < top; ++k) leads[cands[s][k].a] = 0;
        for (size_t k = 0; k < top; ++k) {
            Cand& c = cands[s][k];
            const uint32_t need = std::max<uint32_t>(2, (2 * c.count + 2) / 3);
            if (c.b == kNoTopicTerm) {
                if (const auto* m = before[k].most(need)) {
                    c.text = doc.surface[m->first & ~kSurface] + " " + c.text;
                } else if (const auto* o = after[k].most(need)) {
                    const TermId z = static_cast<TermId>(o->first);
                    if (z != c.a && (fit[z] & kInPhrase) && titled(z) && c.count >= 3) {
                        c.text += " of " + doc.display[z];
                        c.c = z;
                    }
                }
                continue;
            }
            if (c.count < 3) continue;  // a phrase said twice is too thin evidence for a third word
            for (bool next : {true, false}) {
                const auto* m = (next ? after : before)[k].most(need);
                if (!m) continue;
                if (m->first & kSurface) {  // "big bang theory"
                    c.text = doc.surface[m->first & ~kSurface] + " " + c.text;
                    break;
                }
                const TermId z = static_cast<TermId>(m->first);
                if (z == c.a || z == c.b || !(fit[z] & kInPhrase) || !titled(z)) continue;
                // An everyday third word is often an accident of phrasing ("linear algebra wins"):
                // it joins only when said with every use of the phrase ("low hanging fruit",
                // "outer solar system", "infection fatality rate"), and not when the phrase goes
                // on past it ("long term existential threat" would show "term existential threat").
                if (bg(z) < 1.0 && (m->second < c.count || (next ? after2 : before2)[k].most(need))) continue;
                c.text = next ? c.text + " " + doc.display[z] : doc.display[z] + " " + c.text;
                c.c = z;
                break;
            }
        }
    };
    std::vector<uint32_t> tf(V, 0);
    for (size_t s = 0; s < nseg; ++s) {
        const uint32_t b = seg_begin(s), e = seg_end(s);
        std::vector<TermId> seen;
        std::unordered_map<uint64_t, uint32_t> bi;
        uint64_t seg_content = 0;
        for (uint32_t i = b; i < e; ++i) {
            TermId t = term(i);
            if (t == kNoTopicTerm) continue;
            ++seg_content;
            if (tf[t]++ == 0) seen.push_back(t);
            if (i + 1 < e && term(i + 1) != kNoTopicTerm && term(i + 1) != t)
                ++bi[(static_cast<uint64_t>(t) << 32) | term(i + 1)];
        }
        // Episode-wide here: in (nearly) every segment and not even twice as dense in this one
        // as in the episode, so no title for this segment in particular.
        auto episode_wide = [&](TermId t) {
            return nseg >= 3 && seg_df[t] >= wide_df && tf[t] * content < 2 * uint64_t(doc_tf[t]) * seg_content;
        };
        std::sort(seen.begin(), seen.end());
        std::vector<std::pair<float, TermId>> profile;  // (weight, term): strings only for the kept ones
        for (TermId t : seen) {
            double idf = std::log(1.0 + avg / doc_tf[t]);
            // Concentration: the share of the term's episode occurrences that fall in this
            // segment, so words spread over the whole episode ("willing") lose to local ones.
            double conc = static_cast<double>(tf[t]) / doc_tf[t];
            double w = tf[t] * idf * bg(t) * std::sqrt(conc);
            if (doc.display[t].size() >= 3 && has_letter(doc.display[t])) {
                profile.emplace_back(static_cast<float>(w), t);
                if ((fit[t] & kAlone) && titled(t) && !episode_wide(t))
                    (tf[t] >= min_count ? cands : spare)[s].push_back({w, doc.display[t], t, kNoTopicTerm, tf[t]});
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
        for (uint32_t i = b; has_ids && i + 1 < e; ++i) {  // without word ids: the terms' forms
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
            const std::string &dx = doc.display[x], &dy = doc.display[y];
            // both words fit a title, one can stand alone ("ai safety"), they are not one word
            // said twice ("infra infrared"), and not both the episode's everywhere-words ("lex fridman")
            if (!(fit[x] & fit[y] & kInPhrase) || !((fit[x] | fit[y]) & kAlone)) continue;
            if (!titled(x) || !titled(y) || same_stem(dx, dy) || (episode_wide(x) && episode_wide(y))) continue;
            double idf = std::log(1.0 + avg / doc_bi[kv.first]);
            double bw = std::min(bg(x), bg(y));
            // A bigram that is a fixed phrase (most of its words' occurrences) is a good title.
            double cohesion = static_cast<double>(kv.second) / std::min(tf[x], tf[y]);
            double conc = static_cast<double>(kv.second) / doc_bi[kv.first];
            double w = 1.5 * kv.second * idf * std::max(bw, 0.5) * (0.5 + cohesion) * std::sqrt(conc);
            cands[s].push_back({w, said_as(kv.first, x, y), x, y, kv.second});
        }
        for (TermId t : seen) tf[t] = 0;

        auto better = [](const Cand& p, const Cand& q) { return p.score != q.score ? p.score > q.score : p.text < q.text; };
        std::sort(cands[s].begin(), cands[s].end(), better);
        // the fallback needs 3 words; a few more allow for banned ones
        const size_t keep = std::min<size_t>(spare[s].size(), 8);
        std::partial_sort(spare[s].begin(), spare[s].begin() + keep, spare[s].end(), better);
        spare[s].resize(keep);
        // Heaviest first (ties by term): only the first kProfileTerms are kept, so only they are
        // sorted and given their strings. Terms are distinct, so the order is the full sort's.
        const size_t keep_profile = std::min(profile.size(), kProfileTerms);
        std::partial_sort(profile.begin(), profile.begin() + keep_profile, profile.end(),
                          [&](const std::pair<float, TermId>& p, const std::pair<float, TermId>& q) {
                              return p.first != q.first ? p.first > q.first : doc.vocab[p.second] < doc.vocab[q.second];
                          });
        out[s].profile.reserve(keep_profile);
        for (size_t k = 0; k < keep_profile; ++k)
            out[s].profile.push_back({doc.vocab[profile[k].second], doc.display[profile[k].second], profile[k].first});
        extend_phrases(s, b, e);
    }

    // Keywords: best candidates first, skipping terms already shown, words sharing a stem with a
    // chosen keyword ("virus" / "viruses", "drill" / "drilling") and keywords banned below.
    std::vector<std::vector<std::string>> banned(nseg);
    std::vector<std::vector<double>> kw_score(nseg);
    auto pick = [&](size_t s) {
        std::vector<std::string>& kw = out[s].keywords;
        kw.clear();
        kw_score[s].clear();
        std::vector<TermId> used;
        auto is_used = [&](TermId t) { return t != kNoTopicTerm && std::find(used.begin(), used.end(), t) != used.end(); };
        auto fits = [&](const std::string& text) {
            for (const std::string& k : kw)
                if (shares_stem(k, text)) return false;
            for (const std::string& k : banned[s])
                if (same_phrase(k, text)) return false;
            return true;
        };
        for (const Cand& c : cands[s]) {
            if (kw.size() >= 8) break;
            if (is_used(c.a) || is_used(c.b) || is_used(c.c) || !fits(c.text)) continue;
            kw.push_back(c.text);
            kw_score[s].push_back(c.score);
            for (TermId t : {c.a, c.b, c.c})
                if (t != kNoTopicTerm) used.push_back(t);
        }
        // A short segment may have no word seen min_count times: fall back to its best words.
        if (!kw.empty()) return;
        for (const Cand& c : spare[s]) {
            if (kw.size() >= 3) break;
            if (!fits(c.text)) continue;
            kw.push_back(c.text);
            kw_score[s].push_back(0);
        }
    };
    for (size_t s = 0; s < nseg; ++s) pick(s);
    // Neighbouring chapters with the same title word tell the reader nothing: a keyword shown in
    // two adjacent labels stays where it scores higher and the other segment shows its next best.
    // Each round bans one more candidate, so this ends; the cap only bounds the work.
    auto shown_match = [&](size_t s, const std::string& k) {
        for (size_t j = 0; j < out[s].keywords.size() && j < shown; ++j)
            if (same_phrase(out[s].keywords[j], k)) return j;
        return SIZE_MAX;
    };
    for (size_t round = 0, changed = 1; changed && round < 4 * nseg * shown; ++round) {
        changed = 0;
        for (size_t s = 1; s < nseg && !changed; ++s)
            for (size_t i = 0; i < out[s].keywords.size() && i < shown && !changed; ++i) {
                const size_t j = shown_match(s - 1, out[s].keywords[i]);
                if (j == SIZE_MAX) continue;
                const size_t loser = kw_score[s][i] > kw_score[s - 1][j] ? s - 1 : s;
                banned[loser].push_back(loser == s ? out[s].keywords[i] : out[s - 1].keywords[j]);
                pick(loser);
                changed = 1;
            }
    }

    for (size_t s = 0; s < nseg; ++s) {
        std::vector<TermWeight>& profile = out[s].profile;  // at most kProfileTerms
        double norm = 0;
        for (const TermWeight& p : profile) norm += static_cast<double>(p.weight) * p.weight;
        norm = norm > 0 ? 1.0 / std::sqrt(norm) : 0.0;
        for (TermWeight& p : profile) p.weight = static_cast<float>(p.weight * norm);
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
