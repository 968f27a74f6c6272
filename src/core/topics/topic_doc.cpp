// topic_doc.cpp: turning words into the topic engine's input (stop list, folding, adapters).
#include <algorithm>
#include <iterator>
#include <unordered_set>

#include "core/topics/labels_internal.h"
#include "core/text.h"
#include "core/topics/topics.h"

namespace tx {
namespace {

// English function words, spoken fillers and discourse markers, and very common verbs/adverbs
// that say nothing about a topic. Multi-word fillers ("you know", "i mean", "kind of") are
// covered by their parts. Kept as one string so the table is easy to read and review.
const char kStopWords[] =
    "a about above after again against ago ah ahead all almost along already alright also although "
    "always am among an and another any anybody anymore anyone anything anyway anyways "
    "anywhere are aren't around as ask asked at aw away awesome back bad basically be became "
    "because become been before began being believe below best better between big bit both "
    "but by call called came can can't cannot case certain certainly change come comes coming "
    "completely could couldn't course cool d day days definitely did didn't different do does "
    "doesn't doing don't done down during each easy eh either else em end enough er especially "
    "even ever every everybody everyone everything exactly example fact far feel feeling felt "
    "few fine first for found four from further gave get gets getting give given gives go goes "
    "going gone gonna good got gotta great guess guy guys had hadn't half happen happened "
    "happens hard has hasn't have haven't having he he'd he'll he's hear heard hello her here "
    "here's hers herself hey hi him himself his hmm honestly hope how how's huh huge i i'd "
    "i'll i'm i've idea if important in inside instead interesting into is isn't it it'd "
    "it'll it's its itself just keep kind kinda knew know knows last later least less let "
    "let's life like liked likely little ll long look looked looking looks lot lots love m "
    "made make makes making many may maybe me mean means meant mhm might mind mine mm mmm "
    "more most mostly much must mustn't my myself need needs never new next nice no nobody "
    "none nor not nothing now number of off oh ok okay on once one ones only onto or other "
    "others otherwise ought our ours ourselves out over own part particular people person "
    "perfect place point pretty probably pull put quite rather re real really reason right "
    "s said same saw say saying says second see seeing seem seemed seems seen self sense "
    "several shall shan't she she'd she'll she's should shouldn't show side similar simply "
    "since so some somebody someone something sometimes somewhat somewhere sort sorry start "
    "started still stuff such suppose supposed sure t take taken takes taking talk talked "
    "talking tell telling ten than thank thanks that that'd that'll that's the their theirs "
    "them themselves then there there'd there'll there's these they they'd they'll they're "
    "they've thing things think thinking third this those though thought three through throughout "
    "till time times to today together told too took totally toward towards tried true truly "
    "try trying turn two uh uhm uh-huh um umm under understand unless until up upon us use "
    "used uses using usually ve very via wait wanna want wanted wants was wasn't way ways we "
    "we'd we'll we're we've well went were weren't what what's whatever when when's where "
    "where's whereas whether which while who who's whoever whole whom whose why why's will "
    "with within without won't wonder word words work works world would wouldn't wow y'all "
    "yeah yep yes yet you you'd you'll you're you've your yours yourself yourselves year "
    "years zero five six seven eight nine hundred thousand million billion whatnot gosh "
    "gonna oops ooh uhh ahh laughter laughs applause music crosstalk inaudible quote unquote "
    "mr mrs ms dr hon sir madam";

struct StopSet {
    std::unordered_set<std::string_view> set;
    StopSet() {
        for (std::string_view w : split_on_spaces(kStopWords)) set.insert(w);
    }
};

const StopSet& stop_set() {
    static const StopSet s;
    return s;
}

bool is_alpha(char c) { return c >= 'a' && c <= 'z'; }

constexpr size_t kMaxTopicWordBytes = 48;

// Light folding so "headsets"/"headset" and "zuckerberg's"/"zuckerberg" share a term. Not a full
// stemmer on purpose: labels show the most frequent surface form and must stay readable.
std::string fold(std::string_view w) {
    std::string s(w);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, "'s") == 0) s.resize(s.size() - 2);
    while (!s.empty() && s.back() == '\'') s.pop_back();
    size_t n = s.size();
    if (n > 4 && s.compare(n - 3, 3, "ies") == 0) {
        s.replace(n - 3, 3, "y");
    } else if (n > 3 && s[n - 1] == 's' && s[n - 2] != 's' && s[n - 2] != 'u' && s[n - 2] != 'i' &&
               is_alpha(s[n - 2])) {
        s.pop_back();
    }
    return s;
}

}  // namespace

std::vector<std::string_view> split_on_spaces(std::string_view text) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < text.size()) {
        size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        if (j > i) out.push_back(text.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

bool has_letter(std::string_view w) {
    // normalise_word keeps only letters and digits beyond ASCII, so any such byte is a letter's
    return std::any_of(w.begin(), w.end(), [](char c) { return is_alpha(c) || uint8_t(c) >= 0x80; });
}

bool is_topic_stop_word(std::string_view w) {
    if (w.empty()) return true;
    if (w.size() == 1) return true;  // single letters and digits
    return stop_set().set.count(w) != 0;
}

void TopicDocBuilder::mark_unit_start() { m_unit_pending = true; }

void TopicDocBuilder::add(std::string_view word, uint32_t start_ms) {
    uint32_t pos = static_cast<uint32_t>(m_doc.terms.size());
    if (m_unit_pending || pos == 0) {
        if (pos > 0) m_doc.units.push_back(pos);
        m_unit_pending = false;
    }
    const uint32_t h = word_hash(word);
    if (m_surface_slots.empty()) m_surface_slots.assign(1024, 0);
    size_t mask = m_surface_slots.size() - 1, at = h & mask;
    uint32_t sid = UINT32_MAX;
    for (;; at = (at + 1) & mask) {
        const uint32_t s = m_surface_slots[at];
        if (s == 0) break;
        if (m_surface_hash[s - 1] == h && m_doc.surface[s - 1] == word) { sid = s - 1; break; }
    }
    if (sid == UINT32_MAX) {
        sid = static_cast<uint32_t>(m_doc.surface.size());
        m_surface_slots[at] = sid + 1;
        m_surface_hash.push_back(h);
        if (2 * (size_t(sid) + 1) > m_surface_slots.size()) {  // more than half full: double
            m_surface_slots.assign(2 * m_surface_slots.size(), 0);
            mask = m_surface_slots.size() - 1;
            for (uint32_t k = 0; k <= sid; ++k) {
                size_t a = m_surface_hash[k] & mask;
                while (m_surface_slots[a]) a = (a + 1) & mask;
                m_surface_slots[a] = k + 1;
            }
        }
        const std::string key(word);
        m_doc.surface.push_back(key);
        m_surface_counts.push_back(0);
        TermId t = kNoTopicTerm;
        // a "word" longer than kMaxTopicWordBytes is no topic word (a URL, a run of text without
        // spaces, garbage); it would also make a label of any size
        if (key.size() <= kMaxTopicWordBytes && !is_topic_stop_word(key) && has_letter(key)) {
            std::string f = fold(key);
            if (!is_topic_stop_word(f)) {
                auto ti = m_term_index.find(f);
                if (ti == m_term_index.end()) {
                    t = static_cast<TermId>(m_doc.vocab.size());
                    m_term_index.emplace(f, t);
                    m_doc.vocab.push_back(f);
                    m_forms.emplace_back();
                } else {
                    t = ti->second;
                }
                m_forms[t].push_back(sid);
            }
        }
        m_term_of_surface.push_back(t);
    }
    ++m_surface_counts[sid];
    m_doc.word_ids.push_back(sid);
    m_doc.terms.push_back(m_term_of_surface[sid]);
    m_doc.start_ms.push_back(start_ms);
}

namespace {

// In a language the stop list does not know (German, Russian: it takes < 25% of the words with a
// letter; 42-82% on every English dev document and Lexicap episode), the document's own most
// frequent terms that make up 40% of its content words and occur in 8 of its 10 equal parts are
// its function words ("und", "der", "и", "по"): they become topic-less, as English stop words are.
// Without this, ~95% of such a text counted as content, boundaries came cheap (German manual
// pages: 12.3 segments for 6 pages) and the programme ran over 2.5x the words. A short text
// (a sentence said over and over) cannot tell its function words from its subject: it is left.
constexpr size_t kOwnFunctionWordsMin = 1000;  // words
void drop_own_function_words(TopicDoc& d) {
    const size_t n = d.size(), V = d.vocab.size();
    if (n < kOwnFunctionWordsMin || d.word_ids.size() < n) return;
    uint64_t lettered = 0, content = 0;
    for (size_t i = 0; i < n; ++i) {
        if (d.terms[i] != kNoTopicTerm) ++content;
        if (d.word_ids[i] < d.surface.size() && has_letter(d.surface[d.word_ids[i]])) ++lettered;
    }
    if (!stop_list_unknown(lettered, content)) return;
    std::vector<uint32_t> tf(V, 0);
    std::vector<uint16_t> parts(V, 0);  // bit p: the term occurs in tenth p of the document
    for (size_t i = 0; i < n; ++i) {
        const TermId t = d.terms[i];
        if (t >= V) continue;
        ++tf[t];
        parts[t] = uint16_t(parts[t] | (1u << (i * 10 / n)));
    }
    std::vector<char> drop(V, 0);
    for (const TermId t : most_frequent_terms(tf, content)) {
        int in = 0;
        for (uint16_t m = parts[t]; m; m = uint16_t(m & (m - 1))) ++in;
        if (in >= 8) drop[t] = 1;
    }
    for (size_t i = 0; i < n; ++i)
        if (d.terms[i] < V && drop[d.terms[i]]) d.terms[i] = kNoTopicTerm;
}

}  // namespace

TopicDoc TopicDocBuilder::finish() {
    TopicDoc d = std::move(m_doc);
    if (m_guess_units && too_few_units(d.units.size(), d.size())) merge_starts(d.units, guess_sentence_starts(d));
    drop_own_function_words(d);
    if (!m_has_times) d.start_ms.clear();
    d.display.resize(d.vocab.size());
    for (size_t t = 0; t < d.vocab.size(); ++t) {
        uint32_t best = m_forms[t][0];
        for (uint32_t sid : m_forms[t])
            if (m_surface_counts[sid] > m_surface_counts[best]) best = sid;  // first wins ties
        d.display[t] = d.surface[best];
    }
    *this = TopicDocBuilder();
    return d;
}

namespace {
// Lower case for the alphabets with simple case pairs (Latin-1, Latin Extended-A, Greek,
// Cyrillic); other code points unchanged.
uint32_t lower_cp(uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
        (cp >= 0x410 && cp <= 0x42F))
        return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    if (cp >= 0x100 && cp <= 0x17E && cp != 0x130 && cp != 0x138 && cp != 0x149 && cp != 0x178) {
        const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (odd_upper ? (cp & 1) : !(cp & 1)) return cp + 1;
    }
    return cp;
}

}  // namespace

void normalise_word_into(std::string_view raw, std::string& w) {
    w.clear();
    size_t ascii = 0;  // the common case first: ASCII only, no UTF-8 decoding
    while (ascii < raw.size() && uint8_t(raw[ascii]) < 0x80) ++ascii;
    if (ascii == raw.size()) {
        for (char c : raw) {
            if (c >= 'A' && c <= 'Z') c = char(c + 32);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') w.push_back(c);
        }
        return;
    }
    for (size_t i = 0; i < raw.size();) {
        const uint32_t cp = utf8_next(raw, i);
        if (cp < 0x80) {
            const char c = static_cast<char>(lower_cp(cp));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') w.push_back(c);
        } else if (is_apostrophe_cp(cp)) {
            w.push_back('\'');
        } else if (is_word_cp(cp) && cp != 0xFFFD) {
            utf8_append(w, lower_cp(cp));
        }
    }
}

std::string normalise_word(std::string_view raw) {
    std::string w;
    w.reserve(raw.size());
    normalise_word_into(raw, w);
    return w;
}

bool ends_sentence(std::string_view raw) {
    size_t e = raw.size();
    while (e > 0 && (raw[e - 1] == '"' || raw[e - 1] == '\'' || raw[e - 1] == ')' || raw[e - 1] == ']')) --e;
    return e > 0 && (raw[e - 1] == '.' || raw[e - 1] == '?' || raw[e - 1] == '!');
}

std::string_view word_bytes(const Episode& ep, size_t i) {
    const Word& w = ep.words[i];
    if (w.begin <= w.end && w.end <= ep.text.size()) return std::string_view(ep.text).substr(w.begin, w.end - w.begin);
    return {};
}

void merge_starts(std::vector<uint32_t>& units, const std::vector<uint32_t>& more) {
    std::vector<uint32_t> merged;
    merged.reserve(units.size() + more.size());
    std::set_union(units.begin(), units.end(), more.begin(), more.end(), std::back_inserter(merged));
    units = std::move(merged);
}

bool word_ends_sentence(const Episode& ep, size_t i) {
    const Word& w = ep.words[i];
    if (ends_sentence(word_bytes(ep, i))) return true;  // a span that keeps its punctuation (hand-built episodes)
    size_t to = i + 1 < ep.words.size() ? ep.words[i + 1].begin : ep.text.size();
    to = std::min<size_t>({to, ep.text.size(), size_t(w.end) + 16});
    for (size_t k = w.end; k < to; ++k)
        if (ep.text[k] == '.' || ep.text[k] == '?' || ep.text[k] == '!') return true;
    return false;
}

TopicDoc topic_doc_from_text(std::string_view text) {
    TopicDocBuilder b;
    b.set_guess_units(true);
    size_t i = 0;
    std::string w;  // reused: no string per word
    while (i < text.size()) {
        while (i < text.size() && is_ascii_space(text[i])) ++i;
        size_t j = i;
        while (j < text.size() && !is_ascii_space(text[j])) ++j;
        if (j > i) {
            normalise_word_into(text.substr(i, j - i), w);
            b.add(w);
            if (ends_sentence(text.substr(i, j - i))) b.mark_unit_start();
        }
        i = j;
    }
    return b.finish();
}

void add_episode_words(TopicDocBuilder& b, const Episode& ep, size_t& word, size_t& cue, size_t end) {
    end = std::min(end, ep.words.size());
    const bool plain = ep.meta.times_estimated;  // cues are fixed word blocks, not the speaker's
    if (plain) b.set_guess_units(true);
    std::string w;  // reused: no string per word
    for (size_t i = word; i < end; ++i) {
        while (cue < ep.cues.size() && ep.cues[cue].first_word + ep.cues[cue].word_count <= i) ++cue;
        if (!plain && cue < ep.cues.size() && ep.cues[cue].first_word == i && i > 0) b.mark_unit_start();
        normalise_word_into(word_bytes(ep, i), w);
        b.add(w, ep.words[i].start_ms);
        if (plain && word_ends_sentence(ep, i)) b.mark_unit_start();
    }
    word = std::max(word, end);
}

TopicDoc topic_doc_from_episode(const Episode& ep) {
    TopicDocBuilder b;
    b.set_has_times(true);
    size_t word = 0, cue = 0;
    add_episode_words(b, ep, word, cue, ep.words.size());
    return b.finish();
}

}  // namespace tx
