#include "core/search.h"

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "core/topics/topics.h"

namespace tx {

const char* match_level_name(MatchLevel l) {
    switch (l) {
        case MatchLevel::Exact: return "exact";
        case MatchLevel::Joined: return "joined";
        case MatchLevel::Stem: return "stem";
        case MatchLevel::Fuzzy: return "fuzzy";
        case MatchLevel::Phonetic: return "phonetic";
    }
    return "unknown";
}

// ==== Query parsing ====

namespace {

bool is_q_space(char c) { return c == ' ' || (uint8_t(c) < 0x20) || c == 0x7F; }

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A number of 4+ digits is written with and without thousands separators (Lexicap: "10,000" 212
// times, "10000" never): "10000" also finds the phrase "10 000" that "10,000" is, and "10,000"
// the word "10000"; 2-4 and 6-9 also find their roman numeral. Appends that other form as an
// exact alternative; nothing for other words.
void number_forms(std::string_view w, const WordTokens& wt, std::vector<QueryItem>& out) {
    QueryItem alt;
    alt.exact_only = true;
    alt.joined = true;
    if (wt.count() == 1) {
        const std::string_view d = wt.part(0);
        // 2-9 as a roman numeral ("world war 2": "World War II" 216 times in Lexicap, "2" never);
        // not 1, 5 or 10, which are the words "i", "v", "x"
        static const char* const kRoman[] = {nullptr, nullptr, "ii", "iii", "iv", nullptr, "vi", "vii", "viii", "ix"};
        if (d.size() == 1 && d[0] >= '2' && d[0] <= '9' && kRoman[d[0] - '0']) {
            alt.terms.push_back(QueryTerm{kRoman[d[0] - '0'], false});
            out.push_back(std::move(alt));
            return;
        }
        if (!all_digits(d) || d.size() < 4 || d.size() > 15) return;
        for (size_t b = 0, len = d.size() % 3 ? d.size() % 3 : 3; b < d.size(); b += len, len = 3)
            alt.terms.push_back(QueryTerm{std::string(d.substr(b, len)), false});
    } else {
        // digit groups "1" to "999" then "000" to "999", separated by commas only ("$10,000")
        const size_t first = w.find_first_of("0123456789"), last = w.find_last_of("0123456789");
        if (first == std::string_view::npos || w.substr(first, last - first + 1).find_first_not_of("0123456789,") != std::string_view::npos)
            return;
        std::string joined;
        for (size_t i = 0; i < wt.count(); ++i) {
            const std::string_view g = wt.part(i);
            if (!all_digits(g) || (i == 0 ? g.size() > 3 : g.size() != 3)) return;
            joined += g;
        }
        if (joined.size() > 15) return;
        alt.terms.push_back(QueryTerm{std::move(joined), false});
    }
    out.push_back(std::move(alt));
}

// Turn one query word (without quotes) into items: a word, or a phrase of its parts plus the
// joined form for hyphenated words, plus a number's other form (number_forms).
// @return false when it holds no letters or digits.
bool word_items(std::string_view w, bool exact_only, std::vector<QueryItem>& out, std::vector<std::string>& warnings) {
    bool prefix = false;
    while (!w.empty() && w.back() == '*') {
        prefix = true;
        w.remove_suffix(1);
    }
    WordTokens wt;
    word_tokens(w, wt);
    if (wt.count() == 0) return false;
    QueryItem item;
    item.exact_only = exact_only;
    size_t n = std::min(wt.count(), kMaxPhraseTerms);
    if (wt.count() > kMaxPhraseTerms) warnings.push_back("a word with more than 32 parts was cut");
    for (size_t i = 0; i < n; ++i) item.terms.push_back(QueryTerm{std::string(wt.part(i)), false});
    item.terms.back().prefix = prefix;
    out.push_back(item);
    if (!wt.joined().empty()) {
        QueryItem j;  // as tolerant as the word typed joined: "jiu-jitsu" finds "jujitsu" as "jiujitsu" does
        j.exact_only = exact_only;
        j.joined = true;
        j.terms.push_back(QueryTerm{std::string(wt.joined()), prefix});
        out.push_back(j);
    }
    if (!prefix) number_forms(w, wt, out);
    return true;
}

// The query with what phones and word processors type for '"' and ' ' made ASCII: curly and
// low double quotes, guillemets and the full-width quote delimit a phrase (“open source” was two
// words), and Unicode spaces (NBSP, U+2000-U+200A, U+3000, ...) separate words ("open\u00A0source"
// was the phrase of a hyphenated word). Other bytes, invalid UTF-8 included, are kept as they are.
std::string ascii_query_punctuation(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        if (uint8_t(text[i]) < 0x80) {
            out += text[i++];
            continue;
        }
        const size_t b = i;
        const uint32_t cp = utf8_next(text, i);
        if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB || cp == 0xFF02) out += '"';
        else if (is_space_cp(cp)) out += ' ';
        else out.append(text.substr(b, i - b));
    }
    return out;
}

}  // namespace

Result<Query> parse_query(std::string_view raw) {
    if (raw.size() > kMaxQueryBytes)
        return make_error(Errc::BadQuery, "The query is too long (" + std::to_string(raw.size()) +
                                              " bytes; the limit is " + std::to_string(kMaxQueryBytes) + ")");
    const std::string normalised = ascii_query_punctuation(raw);
    const std::string_view text = normalised;
    Query q;
    size_t i = 0, n = text.size();
    bool pending_or = false, after_speaker = false;
    // What to say when nothing is left to search for, from the last part ignored: short, as the
    // status line of a phone shows about 40 characters ("-", '"' and "speaker:" are also what
    // search-as-you-type sees first).
    std::string no_words_hint;
    auto add_items = [&](std::vector<QueryItem>&& items, bool negated, std::string_view src) {
        if (items.empty()) return;
        if (pending_or && !q.clauses.empty() && !q.clauses.back().negated && !negated) {
            auto& c = q.clauses.back();
            for (auto& it : items) c.any.push_back(std::move(it));
            c.source += " OR ";
            c.source += std::string(src);
        } else {
            if (pending_or) q.warnings.push_back("OR next to an excluded word was read as AND");
            QueryClause c;
            c.any = std::move(items);
            c.negated = negated;
            c.source = std::string(src);
            q.clauses.push_back(std::move(c));
        }
        pending_or = false;
    };
    while (i < n) {
        if (is_q_space(text[i])) { ++i; continue; }
        bool negated = false;
        size_t tok_start = i;
        if (text[i] == '-') {
            negated = true;
            ++i;
            if (i >= n || is_q_space(text[i])) {
                q.warnings.push_back("a lone '-' was ignored");
                no_words_hint = "Type a word after '-' to leave it out";
                continue;
            }
        }
        if (text[i] == '"') {  // phrase
            size_t close = text.find('"', i + 1);
            if (close == std::string_view::npos) {
                q.warnings.push_back("unbalanced quote: the phrase runs to the end of the query");
                close = n;
            }
            std::string_view body = text.substr(i + 1, close - i - 1);
            i = close < n ? close + 1 : n;
            QueryItem phrase;
            phrase.exact_only = true;
            size_t k = 0;
            bool cut = false;
            while (k < body.size()) {
                while (k < body.size() && is_q_space(body[k])) ++k;
                size_t s = k;
                while (k < body.size() && !is_q_space(body[k])) ++k;
                if (k == s) break;
                std::vector<QueryItem> parts;
                std::vector<std::string> ignore;
                if (!word_items(body.substr(s, k - s), true, parts, ignore)) continue;
                for (auto& t : parts[0].terms) {
                    if (phrase.terms.size() >= kMaxPhraseTerms) { cut = true; break; }
                    phrase.terms.push_back(t);
                }
            }
            if (cut) q.warnings.push_back("phrases are limited to 32 words; the rest was ignored");
            if (phrase.terms.empty()) {
                q.warnings.push_back("an empty phrase was ignored");
                no_words_hint = "Type the words of the phrase after '\"'";
                continue;
            }
            std::vector<QueryItem> items;
            items.push_back(std::move(phrase));
            add_items(std::move(items), negated, text.substr(tok_start, i - tok_start));
            continue;
        }
        size_t s = i;
        while (i < n && !is_q_space(text[i]) && text[i] != '"') ++i;
        std::string_view w = text.substr(s, i - s);
        const bool prev_speaker = std::exchange(after_speaker, false);
        if (!negated && w == "OR") {
            if (prev_speaker) q.warnings.push_back("OR cannot join speaker: filters; one speaker: filter is used per search");
            else if (q.clauses.empty()) q.warnings.push_back("OR at the start was ignored");
            else pending_or = true;
            no_words_hint = "OR goes between two words: a OR b";
            continue;
        }
        if (w.size() >= 8 && ascii_iequals(w.substr(0, 8), "speaker:")) {
            std::string_view name = w.substr(8);
            if (name.empty() && i < n && text[i] == '"') {
                size_t close = text.find('"', i + 1);
                if (close == std::string_view::npos) {
                    q.warnings.push_back("unbalanced quote in speaker:");
                    close = n;
                }
                name = text.substr(i + 1, close - i - 1);
                i = close < n ? close + 1 : n;
            }
            std::string folded;
            WordTokens wt;
            size_t k = 0;
            while (k < name.size()) {  // fold word by word, keep single spaces
                while (k < name.size() && is_q_space(name[k])) ++k;
                size_t b = k;
                while (k < name.size() && !is_q_space(name[k])) ++k;
                if (k == b) break;
                word_tokens(name.substr(b, k - b), wt);
                for (size_t p = 0; p < wt.count(); ++p) {
                    if (!folded.empty()) folded += ' ';
                    folded += std::string(wt.part(p));
                }
            }
            after_speaker = true;
            if (folded.empty()) {
                q.warnings.push_back("speaker: needs a name");
                no_words_hint = "speaker: needs a name, as in speaker:lex";
            } else if (!q.speaker.empty()) {
                q.warnings.push_back("one speaker: filter is used per search; " + std::string(negated ? "-" : "") + "speaker:" +
                                     folded + " was ignored");
            } else {
                q.speaker = folded;
                q.speaker_excluded = negated;
            }
            continue;
        }
        std::vector<QueryItem> items;
        if (!word_items(w, false, items, q.warnings)) {
            q.warnings.push_back("'" + std::string(w) + "' has no letters or digits and was ignored");
            no_words_hint = w.find_first_not_of('*') == std::string_view::npos
                                ? "'*' ends the start of a word, as in meta*"
                                : "'" + std::string(w) + "' has no letters or digits to search for";
            continue;
        }
        add_items(std::move(items), negated, text.substr(tok_start, i - tok_start));
    }
    if (pending_or) q.warnings.push_back("OR at the end was ignored");
    // A repeated word or phrase adds nothing to an AND but its cost (a pasted paragraph repeats
    // "the" and "of": 50 words of a repeated sentence took 39 ms on Lexicap, its 16 distinct 11 ms):
    // keep the first of identical clauses, then the first kMaxQueryClauses of them.
    auto same_term = [](const QueryTerm& a, const QueryTerm& b) {
        return a.text == b.text && a.prefix == b.prefix && a.completion == b.completion;
    };
    auto same_item = [&](const QueryItem& a, const QueryItem& b) {
        return a.exact_only == b.exact_only && a.joined == b.joined &&
               std::equal(a.terms.begin(), a.terms.end(), b.terms.begin(), b.terms.end(), same_term);
    };
    std::vector<QueryClause> distinct;
    for (QueryClause& c : q.clauses) {
        const bool seen = std::any_of(distinct.begin(), distinct.end(), [&](const QueryClause& d) {
            return d.negated == c.negated && std::equal(d.any.begin(), d.any.end(), c.any.begin(), c.any.end(), same_item);
        });
        if (!seen) distinct.push_back(std::move(c));
    }
    if (distinct.size() > kMaxQueryClauses) {
        q.warnings.push_back("only the first " + std::to_string(kMaxQueryClauses) + " words are used");
        distinct.resize(kMaxQueryClauses);
    }
    q.clauses = std::move(distinct);
    // Consecutive bare words may be written as one word in the transcript ("jiu jitsu" ->
    // "jiujitsu"): remember the pairs so the evaluator lets the joined word satisfy both.
    auto bare = [](const QueryClause& c) {  // a number's other forms (number_forms) may follow the word
        return !c.negated && !c.any.empty() && c.any[0].terms.size() == 1 && !c.any[0].exact_only &&
               !c.any[0].terms[0].prefix &&
               std::all_of(c.any.begin() + 1, c.any.end(), [](const QueryItem& i) { return i.joined && i.exact_only; });
    };
    for (size_t k = 0; k + 1 < q.clauses.size(); ++k)
        if (bare(q.clauses[k]) && bare(q.clauses[k + 1])) q.joins.push_back(uint32_t(k));
    bool any_positive = false;
    for (const auto& c : q.clauses) any_positive = any_positive || !c.negated;
    if (!any_positive) {
        if (q.clauses.empty() && !q.speaker.empty())
            return make_error(Errc::BadQuery, "speaker: narrows a search to one speaker's words; add a word to search for");
        // say what to type instead of "-", '"', "*", "OR", "speaker:" or an emoji
        if (q.clauses.empty())
            return make_error(Errc::BadQuery, no_words_hint.empty() ? "The query has no words to search for" : no_words_hint);
        return make_error(Errc::BadQuery, "The query only excludes words; add a word to search for");
    }
    // one note per kind: a 250-word query warns once that only 32 words are used, not 218 times
    std::vector<std::string> seen;
    for (std::string& w : q.warnings)
        if (std::find(seen.begin(), seen.end(), w) == seen.end()) seen.push_back(std::move(w));
    q.warnings = std::move(seen);
    return q;
}

// ==== Evaluation ====

namespace {

using M = Occurrence;  // a match: tokens [pos, pos + span) of doc, level = MatchLevel
inline MatchLevel lv(const M& m) { return MatchLevel(m.level); }

// (doc, pos, span, level) order; a function object, so that sorts and merges inline it
struct MLess {
    bool operator()(const M& a, const M& b) const {
        if (a.doc != b.doc) return a.doc < b.doc;
        if (a.pos != b.pos) return a.pos < b.pos;
        if (a.span != b.span) return a.span < b.span;
        return a.level < b.level;
    }
};
constexpr MLess m_less{};

// Sort and keep the best level per (doc, pos, span).
void normalise(std::vector<M>& v) {
    auto key_less = [](const M& a, const M& b) {  // strictly before, ignoring the level
        return a.doc != b.doc ? a.doc < b.doc : a.pos != b.pos ? a.pos < b.pos : a.span < b.span;
    };
    size_t k = 1;
    while (k < v.size() && key_less(v[k - 1], v[k])) ++k;
    if (k >= v.size()) return;  // the common case: already sorted without duplicates
    if (!std::is_sorted(v.begin(), v.end(), m_less)) std::sort(v.begin(), v.end(), m_less);
    size_t o = 0;
    for (size_t k = 0; k < v.size(); ++k) {
        if (o && v[o - 1].doc == v[k].doc && v[o - 1].pos == v[k].pos && v[o - 1].span == v[k].span) continue;
        v[o++] = v[k];
    }
    v.resize(o);
}

// By MatchLevel: the weight of an occurrence in a passage's term frequency, in twentieths
// (1.0, 0.95, 0.7, 0.5, 0.4: integer sums give the same score in any order), and the rank tier
// (exact and joined forms, then stems, then typos and sound-alikes).
constexpr uint32_t kLevelWeight20[5] = {20, 19, 14, 10, 8};
constexpr uint8_t kLevelTier[5] = {0, 0, 1, 2, 2};

size_t cp_count(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (uint8_t(c) & 0xC0) != 0x80;
    return n;
}

// Search-as-you-type completions (SearchDesc::prefix_last): only from 3 typed bytes, at most 64
// words, so a keystroke never expands "t" or "th" into half the dictionary.
constexpr size_t kMinCompletionBytes = 3;
constexpr size_t kMaxCompletions = 64;

bool is_function_word(std::string_view w);  // kFunctionWords, below

// Typos of a joined guess (two words typed apart or hyphenated, read as one word: "jiu jitsu" as
// "jiujitsu") are one edit at most. The reader typed two right words; a second edit on their
// long join reached words that hold only the first ("existential risk" -> "existentialrisk" ->
// "existentialist", two edits: 50 of Lexicap's 99 passages for the pair had no "risk").
// Sound-alikes of the join keep their bound ("jiu jitsu": "juditsu", "jujitsu's").
constexpr int kJoinedGuessEdits = 1;

// A query with this many bare function words besides other words reads as a sentence (SearchDesc::
// partial): it is searched for the other words. Two are still a name or a phrase typed bare
// ("free will", "let it be", "the office of"): those need every word, as any query does.
constexpr size_t kMinSentenceFunctionWords = 3;

class Evaluator {
public:
    Evaluator(const InvertedIndex& ix, const SearchDesc& d) : m_ix(ix), m_desc(d) {}

    // Expansions of one term position: (term, level), best level per term. `max_edits` caps the
    // typos (kJoinedGuessEdits for a joined guess); sound-alikes keep their own bound.
    void expand(const QueryTerm& t, bool exact_only, std::vector<std::pair<TermId, MatchLevel>>& out,
                std::vector<std::string>& warnings, int max_edits = 2) {
        out.clear();
        auto add = [&](TermId id, MatchLevel l) {
            for (auto& e : out)
                if (e.first == id) { e.second = std::min(e.second, l); return; }
            out.push_back({id, l});
        };
        TermId self = kNoTerm;  // the word itself, when it occurs (looked up for a whole word only)
        if (t.prefix && t.completion && t.text.size() < kMinCompletionBytes) {
            TermId id = m_ix.find(t.text);  // too short to complete while typing: the word only
            if (id != kNoTerm) add(id, MatchLevel::Exact);
        } else if (t.prefix) {
            std::vector<TermId> ids;
            size_t cap = t.completion ? std::min<size_t>(m_desc.max_expansions, kMaxCompletions) : m_desc.max_expansions;
            m_ix.prefix_terms(t.text, ids);
            if (cap && ids.size() > cap) {  // keep the most frequent words ("th*": the, that, think, ...)
                std::nth_element(ids.begin(), ids.begin() + long(cap), ids.end(), [&](TermId a, TermId b) {
                    uint32_t ca = m_ix.term_occurrences(a), cb = m_ix.term_occurrences(b);
                    return ca != cb ? ca > cb : a < b;
                });
                ids.resize(cap);
                if (!t.completion)
                    warnings.push_back("'" + t.text + "*' matches too many words; only the " + std::to_string(cap) +
                                       " most frequent are used");
            }
            // completions of a word still being typed rank below the word itself
            for (TermId id : ids)
                add(id, t.completion && m_ix.term_text(id) != t.text ? MatchLevel::Stem : MatchLevel::Exact);
        } else {
            self = m_ix.find(t.text);
            if (self != kNoTerm) add(self, MatchLevel::Exact);
        }
        std::vector<TermId> ids;
        m_ix.find_joined(t.text, ids);
        for (TermId id : ids) add(id, MatchLevel::Joined);
        if (exact_only || t.prefix) return;
        // Typos and sound-alikes stand for misrecognitions of the word ("Friedman" for "Fridman",
        // "Alex" for "Lex"). When the word itself occurs, an everyday English word is another
        // word, not one of those ("turing", 569 times in Lexicap, also brought in "during" and
        // "trying": 6,131 hits), and an everyday word that occurs was meant as typed ("think"
        // is not "thing"). A word that does not occur keeps every variant: it may be a typo.
        const bool occurs = self != kNoTerm;  // (a prefix returned above)
        const bool typed_common = occurs && is_common_english_word(t.text);
        // Where the transcripts write names with capitals, misrecognitions are of names: a word
        // that occurs and is mostly capitalised ("Fridman") keeps its capitalised variants
        // ("Friedman", "Alex" for "Lex"), while an ordinary word's look-alikes are other words
        // ("chess": "chaos", "chose", "chest"; "beauty": "beat"; "robot": "root"). Either keeps a
        // variant said 10x as often, which may be the word meant.
        const bool cased = occurs && m_ix.capitalised_tokens() * 100 >= m_ix.total_tokens();  // >= 1%
        const bool typed_name = cased && m_ix.term_name_like(self);
        auto plausible_variant = [&](TermId id) {
            if (!occurs) return true;
            if (typed_common || is_common_english_word(m_ix.term_text(id))) return false;
            if (!cased) return true;
            return (typed_name && m_ix.term_name_like(id)) ||
                   uint64_t(m_ix.term_occurrences(id)) >= 10 * uint64_t(m_ix.term_occurrences(self));
        };
        std::vector<TermId> stems;
        if (m_desc.stems) m_ix.stem_terms(t.text, stems);
        size_t len = cp_count(t.text);
        bool has_letter = false;
        for (char c : t.text) has_letter = has_letter || !(c >= '0' && c <= '9');
        std::vector<std::pair<TermId, int>> f;
        if (m_desc.typos && len >= 5 && has_letter) {
            m_ix.fuzzy_terms(t.text, std::min(len >= 9 ? 2 : 1, max_edits), f);
            f.erase(std::remove_if(f.begin(), f.end(), [&](const auto& e) { return !plausible_variant(e.first); }), f.end());
            // A word that does not occur and is one edit from a word meant that one: words two
            // edits away stay only as its inflections ("alogrithm": "algorithm", "algorithms";
            // "evloution" brought in "revolution", a swap and an inserted letter away).
            std::vector<std::string> meant;
            if (!occurs)
                for (const auto& e : f)
                    if (e.second == 1) meant.push_back(stem_english(m_ix.term_text(e.first)));
            if (!meant.empty())
                f.erase(std::remove_if(f.begin(), f.end(), [&](const auto& e) {
                    return e.second > 1 && std::find(meant.begin(), meant.end(), stem_english(m_ix.term_text(e.first))) == meant.end();
                }), f.end());
            std::sort(f.begin(), f.end(), [&](const auto& a, const auto& b) {
                return a.second != b.second ? a.second < b.second : m_ix.term_occurrences(a.first) > m_ix.term_occurrences(b.first);
            });
            if (m_desc.max_expansions && f.size() > m_desc.max_expansions) f.resize(m_desc.max_expansions);
        }
        // A word that does not occur and is one edit from a word of another stem is a misspelling
        // of it, and its own stem may belong to a third word ("definately" -> "defin": "define",
        // "definition" ranked above the "definitely" meant). Then only the stem matches that are
        // also one edit away stay ("llamas" for "llama"); a missing inflection ("studied" where
        // "studies" occurs: one edit, the same stem) keeps them all.
        auto one_edit = [&](TermId id) {
            return std::any_of(f.begin(), f.end(), [&](const auto& e) { return e.first == id && e.second == 1; });
        };
        const bool misspelling = !occurs && std::any_of(f.begin(), f.end(), [&](const auto& e) {
            return e.second == 1 && std::find(stems.begin(), stems.end(), e.first) == stems.end();
        });
        for (TermId id : stems)
            if (!misspelling || one_edit(id)) add(id, MatchLevel::Stem);
        for (auto& e : f) add(e.first, MatchLevel::Fuzzy);
        if (m_desc.phonetic && len >= 3) {
            ids.clear();
            m_ix.phonetic_terms(t.text, ids);
            // a swap counts two here: it is a typing error (found above), not a mishearing
            int bound = len <= 4 ? 1 : 2;
            for (TermId id : ids)
                if (plausible_variant(id) && levenshtein_bounded(t.text, m_ix.term_text(id), bound) <= bound)
                    add(id, MatchLevel::Phonetic);
        }
    }

    // Occurrences of every expansion, merged into (doc, pos) order, best level per position.
    void term_matches(const std::vector<std::pair<TermId, MatchLevel>>& ex, std::vector<M>& out) {
        size_t base = out.size(), total = 0;
        for (const auto& e : ex) total += m_ix.term_occurrences(e.first);
        out.reserve(base + total);
        std::vector<size_t> runs{base};
        for (const auto& e : ex) {
            m_ix.occurrences(e.first, out, uint8_t(e.second));
            if (out.size() > runs.back()) runs.push_back(out.size());
        }
        if (runs.size() > 2) {  // each run is sorted: merge pairs of runs, back and forth between two buffers
            for (size_t& r : runs) r -= base;
            std::vector<M> buf(out.size() - base);
            M* src = out.data() + base;
            M* dst = buf.data();
            while (runs.size() > 2) {
                std::vector<size_t> next{0};
                for (size_t r = 0; r + 1 < runs.size(); r += 2) {
                    size_t a = runs[r], b = runs[r + 1];
                    if (r + 2 < runs.size()) {
                        std::merge(src + a, src + b, src + b, src + runs[r + 2], dst + a, m_less);
                        next.push_back(runs[r + 2]);
                    } else {  // an odd run out
                        std::copy(src + a, src + b, dst + a);
                        next.push_back(b);
                    }
                }
                runs.swap(next);
                std::swap(src, dst);
            }
            if (src != out.data() + base) std::copy(src, src + buf.size(), out.data() + base);
            // no dedupe: distinct terms never share a (doc, pos, span) (a term is its text and span)
        }
    }

    // Matches of one item (word or phrase), sorted by (doc, pos).
    // The one-word forms two typed words may be written as ("jiu jitsu": "jiujitsu"), ranked as a
    // joined form at best. Two words of 3+ letters each get the stems and one-edit typos of the joined
    // word (kJoinedGuessEdits: "jujitsu", as "jiu-jitsu" and "jiujitsu" find it); with a digit or a shorter word only the
    // joined word itself counts ("llama 2": "llama2" is one edit from "llama" alone).
    // A function word on either side ("and love", "this earth") never makes one word: only the
    // exact joined word counts there, which also keeps a typed sentence's many pairs cheap.
    // Computed once per pair and search (clause_matches asks for both of its clauses).
    void joined_expansions(const std::string& a, const std::string& b, std::vector<std::pair<TermId, MatchLevel>>& ex) {
        const std::string joined = a + b;
        for (const auto& j : m_joined_cache)
            if (j.first == joined) { ex = j.second; return; }
        ex.clear();
        auto letters = [](const std::string& w) {
            return w.size() >= 3 && !is_function_word(w) &&
                   std::none_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        if (!letters(a) || !letters(b)) {
            const TermId t = m_ix.find(joined);
            if (t != kNoTerm) ex.push_back({t, MatchLevel::Joined});
        } else {
            std::vector<std::string> warnings;
            expand(QueryTerm{joined, false}, false, ex, warnings, kJoinedGuessEdits);
            ex.erase(std::remove_if(ex.begin(), ex.end(), [&](const auto& e) {
                const std::string_view w = m_ix.term_text(e.first);
                return m_ix.term_span(e.first) != 1 || w == a || w == b;
            }), ex.end());
            for (auto& e : ex) e.second = std::max(e.second, MatchLevel::Joined);
        }
        m_joined_cache.emplace_back(joined, ex);
    }

    void item_matches(const QueryItem& item, std::vector<M>& out, std::vector<std::string>& warnings) {
        std::vector<std::pair<TermId, MatchLevel>> ex;
        if (item.terms.empty()) return;  // only possible in a hand-built Query
        if (item.terms.size() == 1) {
            expand(item.terms[0], item.exact_only, ex, warnings, item.joined ? kJoinedGuessEdits : 2);
            term_matches(ex, out);
            if (m_desc.variants && !item.joined && !item.terms[0].prefix) split_matches(item.terms[0].text, out);
            return;
        }
        // Without a prefix no expansion can warn, so every word is looked up first: a phrase of
        // one-token words, each a single dictionary term, goes episode by episode.
        bool plain = true;
        for (const QueryTerm& t : item.terms) plain = plain && !t.prefix;
        std::vector<std::vector<std::pair<TermId, MatchLevel>>> exs;
        if (plain) {
            exs.resize(item.terms.size());
            std::vector<TermId> words;
            for (size_t k = 0; k < item.terms.size(); ++k) {
                expand(item.terms[k], true, exs[k], warnings);
                if (exs[k].empty()) return;  // a word that never occurs: no phrase
                if (exs[k].size() == 1 && m_ix.term_span(exs[k][0].first) == 1) words.push_back(exs[k][0].first);
            }
            if (words.size() == item.terms.size()) {
                phrase_by_episode(words, out);
                return;
            }
        }
        std::vector<M> cur, next, merged;
        auto expansions = [&](size_t k) -> const std::vector<std::pair<TermId, MatchLevel>>& {
            if (plain) return exs[k];
            expand(item.terms[k], true, ex, warnings);
            return ex;
        };
        term_matches(expansions(0), cur);
        for (size_t k = 1; k < item.terms.size() && !cur.empty(); ++k) {
            const auto& e = expansions(k);
            next.clear();
            term_matches(e, next);
            chain(cur, next, merged);
            cur.swap(merged);
        }
        out.insert(out.end(), cur.begin(), cur.end());
        if (!out.empty()) normalise(out);
    }

    // A phrase of one-token words (their term ids, in order): episode by episode from the rarest
    // word's occurrences, each other word's positions in that episode looked up (a summarised
    // term jumps to the episode: InvertedIndex::occurrences_in), candidate starts intersected.
    // Appends exact matches sorted by (doc, pos).
    void phrase_by_episode(const std::vector<TermId>& words, std::vector<M>& out) {
        const size_t n = words.size();
        std::vector<size_t> order(n);  // rarest first
        for (size_t k = 0; k < n; ++k) order[k] = k;
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            return m_ix.term_occurrences(words[a]) < m_ix.term_occurrences(words[b]);
        });
        auto emit = [&](DocId d, Pos s) {
            M& m = out.emplace_back();
            m.doc = d;
            m.pos = s;
            m.span = uint16_t(std::min<size_t>(n, 0xFFFF));
            m.level = uint8_t(MatchLevel::Exact);
        };
        auto bit = [](const uint64_t* b, Pos p) { return (b[p >> 6] >> (p & 63)) & 1; };
        const uint32_t docs = m_ix.doc_count();
        bool all_bits = n <= 63 && docs > 0;
        for (size_t k = 0; k < n && all_bits; ++k) all_bits = m_ix.position_bits(words[k], 0) != nullptr;
        if (all_bits) {  // only the densest words ("of the"): AND their bit sets, each shifted by its place
            std::vector<const uint64_t*> bits(n);
            for (DocId d = 0; d < docs; ++d) {
                const uint32_t tokens = m_ix.token_count(d), nw = tokens / 64 + 1;
                for (size_t k = 0; k < n; ++k) bits[k] = m_ix.position_bits(words[k], d);
                for (uint32_t w = 0; w < nw; ++w) {
                    uint64_t x = bits[0][w];
                    for (size_t k = 1; k < n && x; ++k)  // bit i: word k at 64 w + i + k
                        x &= (bits[k][w] >> k) | (w + 1 < nw ? bits[k][w + 1] << (64 - k) : 0);
                    for (; x; x &= x - 1) {
                        const Pos s = Pos(w * 64 + uint32_t(__builtin_ctzll(x)));
                        if (s + n > tokens) break;
                        emit(d, s);
                    }
                }
            }
            return;
        }
        const size_t r = order[0];
        std::vector<M> rare;
        std::vector<Pos> pos;
        m_ix.occurrences(words[r], rare);
        std::vector<std::vector<M>> full(n);  // unsummarised words: decoded once
        std::vector<Pos> starts;
        std::vector<uint64_t> bits;  // positions of one word in one episode, cleared after use
        auto keep_starts = [&](auto has) {  // keep the starts s for which has(s)
            size_t o = 0;
            for (Pos s : starts) {
                starts[o] = s;
                o += has(s) ? 1 : 0;
            }
            starts.resize(o);
        };
        for (size_t i = 0; i < rare.size();) {
            const DocId d = rare[i].doc;
            starts.clear();
            for (; i < rare.size() && rare[i].doc == d; ++i)
                if (rare[i].pos >= r) starts.push_back(rare[i].pos - Pos(r));
            for (size_t oi = 0; oi < n && !starts.empty(); ++oi) {
                const size_t k = order[oi];
                if (k == r) continue;
                if (const uint64_t* b = m_ix.position_bits(words[k], d)) {  // a dense word: one bit per start
                    const Pos tokens = m_ix.token_count(d);
                    keep_starts([&](Pos s) { return s + Pos(k) < tokens && bit(b, s + Pos(k)); });
                    continue;
                }
                const bool summary = m_ix.has_summary(words[k]);
                if (summary && starts.size() * 64 < m_ix.term_occurrences(words[k]) / std::max<uint32_t>(1, m_ix.doc_count())) {
                    // few starts against a frequent word ("future" in "the future of"): look each
                    // place up through the skip entries instead of decoding the whole episode
                    keep_starts([&](Pos s) {
                        pos.clear();
                        m_ix.positions_in(words[k], d, pos, s + Pos(k), s + Pos(k) + 1);
                        return !pos.empty();
                    });
                    continue;
                }
                // keep the starts s with word k at s + k: a bit per token of the episode (bit s
                // set for word k at s + k) beats a merge, whose loop exits are unpredictable; a
                // summarised word sets its bits straight from its postings
                const size_t words_needed = size_t(m_ix.token_count(d)) / 64 + 1;
                if (bits.size() < words_needed) bits.resize(words_needed, 0);
                if (!summary || !m_ix.mark_positions(words[k], d, Pos(k), bits.data())) {
                    if (full[k].empty()) m_ix.occurrences(words[k], full[k]);
                    M probe;
                    probe.doc = d;
                    auto range = std::equal_range(full[k].begin(), full[k].end(), probe, [](const M& x, const M& y) { return x.doc < y.doc; });
                    for (auto it = range.first; it != range.second; ++it)
                        if (it->pos >= Pos(k)) bits[(it->pos - k) >> 6] |= uint64_t(1) << ((it->pos - k) & 63);
                }
                keep_starts([&](Pos s) { return bit(bits.data(), s); });
                std::fill(bits.begin(), bits.begin() + long(words_needed), 0);
            }
            for (Pos s : starts) emit(d, s);
        }
    }

    // cur: phrase prefixes [pos, pos+span); next: candidates for the following token. Galloping
    // merge on (doc, end) = (doc, pos): cost ~ the smaller list times log of the larger, so a
    // rare word next to "the" does not walk all of "the".
    static void chain(const std::vector<M>& cur, const std::vector<M>& next, std::vector<M>& out) {
        out.clear();
        bool sorted = true;  // by end; spans differ only around joined (hyphenated) forms
        for (size_t k = 1; k < cur.size() && sorted; ++k) {
            const M &a = cur[k - 1], &b = cur[k];
            sorted = a.doc < b.doc || (a.doc == b.doc && a.pos + a.span <= b.pos + b.span);
        }
        std::vector<uint32_t> order;
        if (!sorted) {
            order.resize(cur.size());
            for (size_t k = 0; k < cur.size(); ++k) order[k] = uint32_t(k);
            std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
                const M &a = cur[x], &b = cur[y];
                return a.doc != b.doc ? a.doc < b.doc : a.pos + a.span < b.pos + b.span;
            });
        }
        auto at = [&](size_t i) -> const M& { return sorted ? cur[i] : cur[order[i]]; };
        auto key_c = [&](size_t i) { const M& c = at(i); return (uint64_t(c.doc) << 32) + c.pos + c.span; };
        auto key_n = [&](size_t j) { return (uint64_t(next[j].doc) << 32) + next[j].pos; };
        // first index >= from whose key is >= target (exponential then binary search)
        auto gallop = [](size_t from, size_t n, uint64_t target, auto key) {
            size_t step = 1, lo = from, hi = from;
            while (hi < n && key(hi) < target) {
                lo = hi + 1;
                hi += step;
                step *= 2;
            }
            if (hi > n) hi = n;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (key(mid) < target) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        };
        size_t i = 0, j = 0, nc = cur.size(), nn = next.size();
        // phrase c continued by every candidate from next[j] on that starts where c ends
        auto extend = [&](const M& c, size_t j) {
            const Pos end = c.pos + c.span;
            for (; j < nn && next[j].doc == c.doc && next[j].pos == end; ++j) {
                M& o = out.emplace_back();  // field stores in place (a temporary stalls store forwarding)
                o.doc = c.doc;
                o.pos = c.pos;
                o.span = uint16_t(std::min(0xFFFF, c.span + next[j].span));
                o.level = std::max(c.level, next[j].level);
            }
        };
        if (sorted && nc < nn * 8 && nn < nc * 8) {
            // lists of similar length ("to be"): a plain merge beats galloping
            out.reserve(std::min(nc, nn));
            while (i < nc && j < nn) {
                const M& c = cur[i];
                const M& n = next[j];
                if (c.doc != n.doc) {
                    if (c.doc < n.doc) ++i;
                    else ++j;
                    continue;
                }
                const Pos end = c.pos + c.span;
                if (end < n.pos) {
                    ++i;
                } else if (n.pos < end) {
                    ++j;
                } else {
                    extend(c, j);
                    ++i;
                }
            }
            return;
        }
        while (i < nc && j < nn) {
            uint64_t a = key_c(i), b = key_n(j);
            if (a < b) {
                i = gallop(i, nc, b, key_c);
            } else if (b < a) {
                j = gallop(j, nn, a, key_n);
            } else {
                extend(at(i), j);
                ++i;
            }
        }
        if (!sorted) normalise(out);
    }

    // "jiujitsu" also finds "jiu jitsu": every split into two dictionary words of >= 3 letters,
    // and the split between letters and digits at any length ("covid19" finds "covid 19",
    // "gpt4" "GPT 4": a version number is often written apart).
    void split_matches(const std::string& t, std::vector<M>& out) {
        if (t.size() < 2 || t.size() > 32) return;
        bool any = false;
        const size_t mid = out.size();  // out is sorted up to here: merge the splits in, not re-sort
        auto digit = [](char c) { return c >= '0' && c <= '9'; };
        for (size_t k = 1; k < t.size(); ++k) {
            if ((uint8_t(t[k]) & 0xC0) == 0x80) continue;
            if ((k < 3 || k + 3 > t.size()) && digit(t[k - 1]) == digit(t[k])) continue;
            TermId a = m_ix.find(std::string_view(t).substr(0, k));
            if (a == kNoTerm) continue;
            TermId b = m_ix.find(std::string_view(t).substr(k));
            if (b == kNoTerm) continue;
            std::vector<M> ma, mb, mm;
            term_matches({{a, MatchLevel::Joined}}, ma);
            term_matches({{b, MatchLevel::Joined}}, mb);
            chain(ma, mb, mm);
            out.insert(out.end(), mm.begin(), mm.end());
            if (!mm.empty() && out.size() > mm.size() + mid)  // keep [mid, end) sorted
                std::inplace_merge(out.begin() + long(mid), out.end() - long(mm.size()), out.end(), m_less);
            any = any || !mm.empty();
        }
        if (!any) return;
        if (std::is_sorted(out.begin(), out.begin() + long(mid), m_less))
            std::inplace_merge(out.begin(), out.begin() + long(mid), out.end(), m_less);
        normalise(out);
    }

private:
    const InvertedIndex& m_ix;
    std::vector<std::pair<std::string, std::vector<std::pair<TermId, MatchLevel>>>> m_joined_cache;  // joined_expansions, this search
    const SearchDesc& m_desc;
    std::vector<Occurrence> m_occ;
};

struct ClauseResult {
    std::vector<M> matches;                  // sorted by (doc, pos)
    std::vector<uint32_t> passages;          // sorted unique global passage ids
    std::vector<uint32_t> first;             // per passage: first index into matches

    // Passage entry i's level-weighted term frequency (twentieths, Bm25) and best tier.
    void levels(uint32_t i, uint32_t& tf20, int& best) const {
        tf20 = 0;
        best = 9;
        for (uint32_t mi = first[i]; mi < first[i + 1]; ++mi) {
            const uint8_t l = std::min<uint8_t>(matches[mi].level, 4);
            tf20 += kLevelWeight20[l];
            best = std::min(best, int(kLevelTier[l]));
        }
    }
};

// The exclusions (-word) of a search, asked about candidate passages in ascending order: a cursor
// per exclusion walks its passages forward, as a merge. (A binary search per candidate cost
// "ai -facebook" 7k searches through facebook's 1k passages at 100x, a third of the query; the walk
// reads each excluded passage once, which building the exclusion's list did already.)
class Exclusions {
public:
    explicit Exclusions(const std::vector<ClauseResult>& neg) : m_neg(neg), m_at(neg.size(), 0) {}
    // @return true when passage gid (not below any asked before) holds an excluded clause
    bool excludes(uint32_t gid) {
        for (size_t k = 0; k < m_neg.size(); ++k) {
            const std::vector<uint32_t>& ps = m_neg[k].passages;
            uint32_t& at = m_at[k];
            while (at < ps.size() && ps[at] < gid) ++at;
            if (at < ps.size() && ps[at] == gid) return true;
        }
        return false;
    }

private:
    const std::vector<ClauseResult>& m_neg;
    std::vector<uint32_t> m_at;  // per exclusion: its first passage not below the last candidate
};

bool name_matches(const std::string& folded_filter, const std::string& speaker_name) {
    std::string f;
    WordTokens wt;
    size_t k = 0;
    while (k < speaker_name.size()) {
        while (k < speaker_name.size() && is_q_space(speaker_name[k])) ++k;
        size_t b = k;
        while (k < speaker_name.size() && !is_q_space(speaker_name[k])) ++k;
        if (k == b) break;
        word_tokens(std::string_view(speaker_name).substr(b, k - b), wt);
        for (size_t p = 0; p < wt.count(); ++p) {
            if (!f.empty()) f += ' ';
            f += std::string(wt.part(p));
        }
    }
    return f.find(folded_filter) != std::string::npos;
}

// Speaker filter: per episode (empty = no filter).
using SpeakerFilter = std::vector<SpeakerKeep>;

// Matches of clause `ci` (its items, "jiu jitsu" joins, the speaker filter), grouped by passage.
ClauseResult clause_matches(const Collection& c, Evaluator& ev, const Query& query, size_t ci, const SearchDesc& desc,
                            const SpeakerFilter& allowed, std::vector<std::string>& warnings) {
    const InvertedIndex& ix = c.index();
    const QueryClause& cl = query.clauses[ci];
    ClauseResult cr;
    for (const auto& item : cl.any) ev.item_matches(item, cr.matches, warnings);
    for (uint32_t j : query.joins) {  // "jiu jitsu" also matches the single word "jiujitsu"
        if (!desc.variants || (j != ci && j + 1 != ci) || j + 1 >= query.clauses.size()) continue;
        const QueryClause &ca = query.clauses[j], &cb = query.clauses[j + 1];
        if (ca.any.empty() || cb.any.empty() || ca.any[0].terms.empty() || cb.any[0].terms.empty()) continue;
        std::vector<std::pair<TermId, MatchLevel>> ex;
        ev.joined_expansions(ca.any[0].terms[0].text, cb.any[0].terms[0].text, ex);
        if (ex.empty()) continue;
        std::vector<M> jm;
        ev.term_matches(ex, jm);
        cr.matches.insert(cr.matches.end(), jm.begin(), jm.end());
        normalise(cr.matches);
    }
    if (cl.any.size() > 1) normalise(cr.matches);
    if (!allowed.empty() && !cl.negated) {
        size_t o = 0;
        for (const M& m : cr.matches) {
            // -speaker: keeps every other word (unattributed too)
            if (allowed[m.doc].keeps(c.speaker_of(m.doc, ix.word_of_token(m.doc, m.pos)))) cr.matches[o++] = m;
        }
        cr.matches.resize(o);
    }
    // group by passage (matches are sorted by doc, pos)
    uint32_t last = 0xFFFFFFFFu;
    InvertedIndex::PassageCursor passages(ix);
    const size_t most = std::min<size_t>(cr.matches.size(), ix.passage_count());
    cr.passages.reserve(most);
    cr.first.reserve(most + 1);
    for (size_t k = 0; k < cr.matches.size(); ++k) {
        const M& m = cr.matches[k];
        const uint32_t gid = passages.at(m.doc, m.pos);
        if (gid != last) {
            cr.passages.push_back(gid);
            cr.first.push_back(uint32_t(k));
            last = gid;
        }
    }
    cr.first.push_back(uint32_t(cr.matches.size()));
    return cr;
}

// BM25 (k1 = 1.2, b = 0.75) over passages; term frequencies in twentieths (kLevelWeight20).
struct Bm25 {
    static constexpr double k1 = 1.2, b = 0.75;
    double N, norm0, norm1;  // length norm k1 * (1 - b + b * len / avg) = norm0 + norm1 * len
    explicit Bm25(const InvertedIndex& ix)
        : N(double(std::max<uint32_t>(1, ix.passage_count()))), norm0(k1 * (1 - b)), norm1(k1 * b / ix.avg_passage_tokens()) {}
    double idf(double df) const { return std::log(1.0 + (N - df + 0.5) / (df + 0.5)); }
    double term(double idf, uint32_t tf20, double len) const {
        const double tf = tf20 * (1.0 / 20.0);
        return idf * (k1 + 1) * tf / (tf + norm0 + norm1 * len);
    }
};

// True when sorted `prox` holds clauses 0, 1, ..., nc - 1 on consecutive positions: the words said
// as typed ("what is love", not "love is what").
bool in_typed_order(const std::vector<std::pair<Pos, uint32_t>>& prox, size_t nc) {
    for (size_t i = 0; i < prox.size(); ++i) {
        if (prox[i].second != 0) continue;
        size_t j = i;
        uint32_t k = 1;
        for (; k < nc; ++k) {
            const std::pair<Pos, uint32_t> want{prox[i].first + k, k};
            while (j < prox.size() && prox[j] < want) ++j;
            if (j == prox.size() || prox[j] != want) break;
        }
        if (k == nc) return true;
    }
    return false;
}

// Proximity for several clauses: 1 + 1 / (1 + extra / 2), extra = how many tokens the smallest
// window holding a match of every clause is longer than the number of clauses; the words side by
// side in the typed order get kTypedOrderBonus more.
// prox: (position, clause) of every match in the passage (sorted here).
constexpr double kTypedOrderBonus = 0.5;
double proximity_factor(std::vector<std::pair<Pos, uint32_t>>& prox, size_t nc) {
    std::sort(prox.begin(), prox.end());
    std::vector<uint32_t> seen(nc, 0);
    size_t have = 0, lo = 0;
    uint32_t best_w = 0xFFFFFFFFu;
    for (size_t hi = 0; hi < prox.size(); ++hi) {
        if (seen[prox[hi].second]++ == 0) ++have;
        while (have == nc) {
            best_w = std::min(best_w, prox[hi].first - prox[lo].first + 1);
            if (--seen[prox[lo].second] == 0) --have;
            ++lo;
        }
    }
    double extra = best_w > nc ? double(best_w - nc) : 0.0;
    if (extra == 0 && in_typed_order(prox, nc)) return 2.0 + kTypedOrderBonus;
    return 1.0 + 1.0 / (1.0 + extra / 2.0);
}

struct Cand {
    uint32_t gid;
    float score;
    int tier;
    uint32_t at;  // the path's own index (slow path: into `at_all`; passage path: into its aggregates)
};

// Rank: tier, then score, then position (stable across runs); keep the best `limit` (0 = all).
void keep_best(std::vector<Cand>& cands, uint32_t limit) {
    size_t n = limit ? std::min<size_t>(limit, cands.size()) : cands.size();
    auto better = [](const Cand& a, const Cand& x) {
        if (a.tier != x.tier) return a.tier < x.tier;
        if (a.score != x.score) return a.score > x.score;
        return a.gid < x.gid;
    };
    std::partial_sort(cands.begin(), cands.begin() + long(n), cands.end(), better);
    cands.resize(n);
}

// The word ranges of matches [b, e), appended (field stores straight into the vector: a
// temporary costs a store-forwarding stall).
void append_word_matches(InvertedIndex::WordCursor& cursor, const M* b, const M* e, std::vector<WordMatch>& out) {
    // a word written without spaces: the match's characters (kWholeWord beyond uint16_t: the word)
    auto ch = [](uint32_t c) { return c < kWholeWordChar ? uint16_t(c) : kWholeWordChar; };
    for (const M* m = b; m != e; ++m) {
        uint32_t w0 = cursor.word(m->doc, m->pos);
        const uint32_t c0 = cursor.char_of_last(m->pos);
        uint32_t w1 = m->span == 1 ? w0 : cursor.word(m->doc, m->pos + m->span - 1);
        const uint32_t c1 = m->span == 1 ? c0 : cursor.char_of_last(m->pos + m->span - 1);
        WordMatch& wm = out.emplace_back();
        wm.doc = m->doc;
        wm.first_word = w0;
        wm.word_count = w1 - w0 + 1;
        wm.level = lv(*m);
        wm.first_char = ch(c0);
        wm.last_char = ch(c1);
    }
}

// Sort (one clause's matches come sorted; several clauses interleave) and keep the best level
// per word range. @return the number left
size_t unique_word_matches(std::vector<WordMatch>& v) {
    // (characters of a word written without spaces are ranges of their own: 2 matches of "東京" in
    // one run of Japanese are 2; other words' characters are kWholeWordChar)
    auto wm_less = [](const WordMatch& a, const WordMatch& b) {
        if (a.first_word != b.first_word) return a.first_word < b.first_word;
        if (a.word_count != b.word_count) return a.word_count < b.word_count;
        if (a.first_char != b.first_char) return a.first_char < b.first_char;
        return a.last_char != b.last_char ? a.last_char < b.last_char : a.level < b.level;  // unique keeps the best
    };
    auto wm_same = [](const WordMatch& a, const WordMatch& b) {
        return a.first_word == b.first_word && a.word_count == b.word_count && a.first_char == b.first_char &&
               a.last_char == b.last_char;
    };
    if (!std::is_sorted(v.begin(), v.end(), wm_less)) std::sort(v.begin(), v.end(), wm_less);
    v.erase(std::unique(v.begin(), v.end(), wm_same), v.end());
    return v.size();
}

// ---- partial matching (SearchDesc::partial) ----

// English function words and spoken fillers: what a question typed as a sentence wraps around its
// content words ("what does he say about open source"). Only content-free words: a noun or verb
// that could be the point of a search ("life", "work", "people") is not here.
const char kFunctionWords[] =
    " a about above after again all also am an and any are as at be because been before being"
    " between both but by can could did do does doing down during each few for from further had"
    " has have having he her here hers him his how i if in into is it its itself just me more most"
    " my no nor not now of off on once only or other our ours out over own same she should so some"
    " such than that the their theirs them then there these they this those through to too under"
    " until up very was we were what when where which while who whom why will with would you your"
    " yours um uh uhm umm hmm mhm oh ah yeah okay ok like well know mean kind sort really actually"
    " basically literally gonna wanna thing things something anything tell said say says talk"
    " thoughts think ";

bool is_function_word(std::string_view w) {
    if (w.empty() || w.size() > 12) return false;
    const std::string key = " " + std::string(w) + " ";
    return std::string_view(kFunctionWords).find(key) != std::string_view::npos;
}

// The folded word of a bare word clause (no quotes, prefix, phrase or alternatives), or nullptr.
const std::string* bare_word(const QueryClause& cl) {
    if (cl.any.size() != 1 || cl.any[0].terms.size() != 1 || cl.any[0].exact_only || cl.any[0].terms[0].prefix) return nullptr;
    return &cl.any[0].terms[0].text;
}


// A bare word from kFunctionWords, or a bare number: a version or count qualifying the words
// around it ("2" in "llama 2"; searched alone, "Quest 2" and "2%" ranked above "llama").
bool is_function_word_clause(const QueryClause& cl) {
    const QueryItem* typed = cl.any.empty() ? nullptr : &cl.any[0];  // a number's other form may follow it
    if (typed && typed->terms.size() == 1 && !typed->exact_only && !typed->terms[0].prefix && all_digits(typed->terms[0].text))
        return true;
    const std::string* w = bare_word(cl);
    return w && is_function_word(*w);
}

constexpr uint32_t kAbsent = 0xFFFFFFFFu;  // at_all entry of a clause a partial candidate lacks

// The fewest of `of` clauses a partial candidate must hold: half of them (rounded up), or `best`,
// the most any passage holds, when that is fewer.
uint32_t partial_need(uint32_t best, uint32_t of) { return std::min(best, (of + 1) / 2); }
constexpr size_t kPartialProximityMax = 5000;  // partial candidates ranked with proximity, at most

// Candidates for k of m positive clauses: every passage holding at least min(best, ceil(m / 2))
// of them, where best is the most any passage holds; tier = clauses missing, then the worst
// match level; score = BM25 over the clauses held times their proximity. at_all gets nc entries
// per candidate (kAbsent for a clause the passage lacks). @param best set to the most held.
void partial_candidates(const InvertedIndex& ix, const std::vector<ClauseResult>& pos, const std::vector<ClauseResult>& neg, const Bm25& bm,
                        const std::vector<double>& idf, std::vector<Cand>& cands, std::vector<uint32_t>& at_all,
                        uint32_t& best) {
    const size_t nc = pos.size();
    std::vector<uint32_t> next(nc, 0);
    std::vector<uint32_t> neg_next(neg.size(), 0);
    std::vector<std::pair<Pos, uint32_t>> prox;
    best = 0;
    for (;;) {
        uint32_t gid = kAbsent;
        for (size_t k = 0; k < nc; ++k)
            if (next[k] < pos[k].passages.size()) gid = std::min(gid, pos[k].passages[next[k]]);
        if (gid == kAbsent) break;
        const uint32_t at = uint32_t(at_all.size());
        uint32_t count = 0;
        for (size_t k = 0; k < nc; ++k) {
            const bool has = next[k] < pos[k].passages.size() && pos[k].passages[next[k]] == gid;
            at_all.push_back(has ? next[k]++ : kAbsent);
            count += has;
        }
        bool excluded = false;
        for (size_t k = 0; k < neg.size() && !excluded; ++k) {
            const auto& ps = neg[k].passages;
            while (neg_next[k] < ps.size() && ps[neg_next[k]] < gid) ++neg_next[k];
            excluded = neg_next[k] < ps.size() && ps[neg_next[k]] == gid;
        }
        if (excluded) {
            at_all.resize(at);
            continue;
        }
        best = std::max(best, count);
        cands.push_back(Cand{gid, 0, int(count), at});  // tier holds the count until scored
    }
    const uint32_t need = partial_need(best, uint32_t(nc));
    // Proximity sorts every match of a passage: for thousands of passages of common words (a
    // sentence of function words only) it would dominate, and ranks nothing a reader looks for.
    size_t passing = 0;
    for (const Cand& cand : cands) passing += uint32_t(cand.tier) >= need;
    const bool use_proximity = passing <= kPartialProximityMax;
    size_t kept = 0;
    for (size_t c = 0; c < cands.size(); ++c) {
        Cand cand = cands[c];
        const uint32_t count = uint32_t(cand.tier);
        if (count < need) continue;
        const double len = double(ix.passage_tokens(cand.gid));
        double score = 0;
        int worst = 0;
        prox.clear();
        uint32_t held = 0;  // clauses seen so far: their proximity index
        for (size_t k = 0; k < nc; ++k) {
            const uint32_t a = at_all[cand.at + k];
            if (a == kAbsent) continue;
            uint32_t tf20;
            int lvl;
            pos[k].levels(a, tf20, lvl);
            worst = std::max(worst, lvl);
            score += bm.term(idf[k], tf20, len);
            if (use_proximity)
                for (uint32_t mi = pos[k].first[a]; mi < pos[k].first[a + 1]; ++mi)
                    prox.push_back({pos[k].matches[mi].pos, held});
            ++held;
        }
        if (use_proximity && held > 1) score *= proximity_factor(prox, held);
        cand.score = float(score);
        cand.tier = int(nc - count) * 4 + worst;
        cands[kept++] = cand;
    }
    cands.resize(kept);
}

using MatchRanges = std::vector<std::pair<const M*, const M*>>;  // per positive clause, sorted

// A ranked hit from its passage's matches: rank level, word ranges, highlights and snippet.
Hit make_hit(const Collection& c, const Cand& cand, const MatchRanges& ranges, uint32_t snippet_bytes,
             const SpeakerFilter& allowed) {
    const InvertedIndex& ix = c.index();
    Hit h;
    h.passage = cand.gid;
    h.doc = ix.passage(cand.gid).doc;
    h.score = cand.score;
    h.level = MatchLevel::Exact;
    uint32_t first_w = 0xFFFFFFFFu, last_w = 0;
    std::vector<WordMatch> words;
    size_t most = 0;
    for (const auto& r : ranges) most += size_t(r.second - r.first);
    words.reserve(most);  // one allocation, not one per doubling
    InvertedIndex::WordCursor cursor(ix);
    for (const auto& r : ranges) {
        MatchLevel best = MatchLevel::Phonetic;  // the clause's best match decides its level
        append_word_matches(cursor, r.first, r.second, words);
        for (const M* m = r.first; m != r.second; ++m) best = std::min(best, lv(*m));
        h.level = std::max(h.level, best);
    }
    unique_word_matches(words);
    for (const WordMatch& w : words) {
        first_w = std::min(first_w, w.first_word);
        last_w = std::max(last_w, w.first_word + w.word_count - 1);
    }
    h.word = first_w;
    h.focus_word = first_w;
    h.last_word = std::max(first_w, last_w);
    if (!c.resident(h.doc)) {  // text released: rank and count only, the caller fills the text
        h.time_ms = ix.passage(cand.gid).start_ms;
        h.text_pending = true;
    } else {
        fill_hit_text(h, c.episode(h.doc), words, snippet_bytes, allowed.empty() ? SpeakerKeep{} : allowed[h.doc]);
    }
    return h;
}

// ---- the passage path ----
// A query of one positive clause of single words (any number of OR alternatives, prefixes,
// exclusions), without a speaker filter or split/joined variants, that does not ask for every
// episode's match list: counted and ranked from per-passage counts (a frequent term's come from
// its summary, InvertedIndex::summary_counts) without a match per occurrence. Positions are only
// decoded for the episode whose match list is wanted, the returned hits, and passages where two
// matches might share a word. Gives exactly what the match path gives (tests compare them).
class PassagePath {
public:
    PassagePath(const Collection& c, Evaluator& ev, const SearchDesc& desc) : m_c(c), m_ix(c.index()), m_ev(ev), m_desc(desc) {}

    // @return false (res untouched) when the query does not fit this path.
    bool run(const Query& query, const SpeakerFilter& allowed, SearchResult& res);

private:
    struct TermSrc {
        TermId t;
        uint8_t level;
        bool summary;
        std::vector<M> occ;  // unsummarised terms: every occurrence
    };
    struct Agg {  // a passage holding the clause
        uint32_t gid;
        uint32_t tf20 = 0;   // level-weighted occurrences (Bm25)
        uint32_t count = 0;  // occurrences
        uint32_t multi = 0;  // occurrences of terms flagged PassageCount::multi there
        uint8_t tier = 9;
    };

    struct Clause {
        std::vector<TermSrc> terms;
        std::vector<Agg> agg;    // by passage
        std::vector<M> passage;  // passage_matches()
        DocId doc = 0xFFFFFFFFu; // episode_matches(): the episode in doc_occ
        std::vector<M> doc_occ;
    };

    bool expand_clause(const QueryClause& cl, Clause& c, std::vector<std::string>& warnings);
    void aggregate(Clause& c);
    // The clause's matches in episode d at tokens [lo, hi), sorted.
    void matches_in(const Clause& c, DocId d, Pos lo, Pos hi, std::vector<M>& out) const;
    // The clause's matches in passage gid, sorted.
    const std::vector<M>& passage_matches(Clause& c, uint32_t gid);
    // The same from the clause's matches in the whole episode, decoded once per episode (for an
    // episode whose every passage is listed).
    std::pair<const M*, const M*> episode_matches(Clause& c, uint32_t gid);

    const Collection& m_c;
    const InvertedIndex& m_ix;
    Evaluator& m_ev;
    const SearchDesc& m_desc;
    std::vector<Clause> m_clauses;  // the positive clauses, in query order
};

bool PassagePath::expand_clause(const QueryClause& cl, Clause& c, std::vector<std::string>& warnings) {
    std::vector<std::pair<TermId, MatchLevel>> ex, all;
    for (const QueryItem& item : cl.any) {
        if (item.terms.size() != 1) return false;  // phrases chain positions: the match path
        if (m_desc.variants && !item.joined && !item.terms[0].prefix) {
            std::vector<M> split;
            m_ev.split_matches(item.terms[0].text, split);
            if (!split.empty()) return false;  // "jiujitsu" found as "jiu jitsu": the match path
        }
        m_ev.expand(item.terms[0], item.exact_only, ex, warnings, item.joined ? kJoinedGuessEdits : 2);
        for (const auto& e : ex) {  // one term, one level: its best over the items
            auto it = std::find_if(all.begin(), all.end(), [&](const auto& a) { return a.first == e.first; });
            if (it == all.end()) all.push_back(e);
            else it->second = std::min(it->second, e.second);
        }
    }
    for (const auto& e : all) {
        TermSrc& s = c.terms.emplace_back();
        s.t = e.first;
        s.level = uint8_t(e.second);
        s.summary = m_ix.has_summary(e.first);
    }
    return true;
}

void PassagePath::aggregate(Clause& c) {
    std::vector<PassageCount> pcs;
    auto add = [&](Agg& a, const PassageCount& pc, uint8_t level) {
        a.tf20 += pc.count * kLevelWeight20[std::min<uint8_t>(level, 4)];
        a.count += pc.count;
        a.multi += pc.multi;
        a.tier = std::min(a.tier, kLevelTier[std::min<uint8_t>(level, 4)]);
    };
    auto counts_of = [&](TermSrc& s) {
        pcs.clear();
        if (!s.summary) {
            m_ix.occurrences(s.t, s.occ, s.level);
            m_ix.passage_counts(s.occ.data(), s.occ.data() + s.occ.size(), pcs);
        } else {
            m_ix.summary_counts(s.t, pcs);
        }
    };
    if (c.terms.size() == 1) {
        counts_of(c.terms[0]);
        const uint8_t l = std::min<uint8_t>(c.terms[0].level, 4);
        const uint32_t w = kLevelWeight20[l];
        const uint8_t tier = kLevelTier[l];
        c.agg.resize(pcs.size());  // filled in place: per-entry emplace_back dominated "the"
        for (size_t i = 0; i < pcs.size(); ++i) {
            Agg& a = c.agg[i];
            a.gid = pcs[i].gid;
            a.tf20 = pcs[i].count * w;
            a.count = pcs[i].count;
            a.multi = pcs[i].multi;
            a.tier = tier;
        }
        return;
    }
    if (c.terms.empty()) return;
    size_t most = 0;  // entries at most: occurrences
    for (const TermSrc& s : c.terms) most += m_ix.term_occurrences(s.t);
    if (most * 4 < m_ix.passage_count()) {
        // few entries ("ai", "meta*", typos): merge the terms' passage lists one after another
        std::vector<Agg> merged;
        for (TermSrc& s : c.terms) {
            counts_of(s);
            merged.clear();
            merged.reserve(c.agg.size() + pcs.size());
            size_t i = 0, j = 0;
            while (i < c.agg.size() || j < pcs.size()) {
                if (j == pcs.size() || (i < c.agg.size() && c.agg[i].gid < pcs[j].gid)) {
                    merged.push_back(c.agg[i++]);
                    continue;
                }
                if (i == c.agg.size() || pcs[j].gid < c.agg[i].gid) {
                    Agg& a = merged.emplace_back();
                    a.gid = pcs[j].gid;
                    add(a, pcs[j++], s.level);
                    continue;
                }
                merged.push_back(c.agg[i++]);
                add(merged.back(), pcs[j++], s.level);
            }
            c.agg.swap(merged);
        }
        return;
    }
    // many: sum per passage in a table over all passages, then collect in passage order
    bool one_level = true;  // prefixes: every term exact, so only the counts need summing
    for (const TermSrc& s : c.terms) one_level = one_level && s.level == c.terms[0].level;
    if (one_level) {
        std::vector<uint64_t> acc(m_ix.passage_count(), 0);  // count | multi << 32
        for (TermSrc& s : c.terms) {
            counts_of(s);
            for (const PassageCount& pc : pcs) acc[pc.gid] += pc.count | uint64_t(pc.multi) << 32;
        }
        const uint8_t l = std::min<uint8_t>(c.terms[0].level, 4);
        size_t n = 0;  // sized first, filled in place (emplace_back is an out-of-line call in WASM)
        for (const uint64_t x : acc) n += x != 0;
        c.agg.resize(n);
        n = 0;
        for (uint32_t g = 0; g < acc.size(); ++g) {
            if (!acc[g]) continue;
            Agg& a = c.agg[n++];
            a.gid = g;
            a.count = uint32_t(acc[g]);
            a.multi = uint32_t(acc[g] >> 32);
            a.tf20 = a.count * kLevelWeight20[l];
            a.tier = kLevelTier[l];
        }
        return;
    }
    std::vector<Agg> table(m_ix.passage_count());
    std::vector<uint8_t> touched(m_ix.passage_count(), 0);
    size_t n = 0;
    for (TermSrc& s : c.terms) {
        counts_of(s);
        for (const PassageCount& pc : pcs) {
            n += touched[pc.gid] == 0;
            touched[pc.gid] = 1;
            add(table[pc.gid], pc, s.level);
        }
    }
    c.agg.reserve(n);
    for (uint32_t g = 0; g < table.size(); ++g)
        if (touched[g]) {
            c.agg.push_back(table[g]);
            c.agg.back().gid = g;
        }
}

void PassagePath::matches_in(const Clause& c, DocId d, Pos lo, Pos hi, std::vector<M>& out) const {
    out.clear();
    for (const TermSrc& s : c.terms) {
        if (s.summary) {
            m_ix.occurrences_in(s.t, d, out, s.level, lo, hi);
            continue;
        }
        auto key = [](const M& m) { return (uint64_t(m.doc) << 32) | m.pos; };
        auto it = std::lower_bound(s.occ.begin(), s.occ.end(), (uint64_t(d) << 32) | lo,
                                   [&](const M& m, uint64_t k) { return key(m) < k; });
        for (; it != s.occ.end() && it->doc == d && it->pos < hi; ++it) out.push_back(*it);
    }
    if (c.terms.size() > 1) std::sort(out.begin(), out.end(), m_less);  // distinct terms never share a (pos, span)
}

const std::vector<M>& PassagePath::passage_matches(Clause& c, uint32_t gid) {
    const Passage& p = m_ix.passage(gid);
    matches_in(c, p.doc, p.first_token, m_ix.passage_end_token(gid), c.passage);
    return c.passage;
}

std::pair<const M*, const M*> PassagePath::episode_matches(Clause& c, uint32_t gid) {
    const Passage& p = m_ix.passage(gid);
    if (c.doc != p.doc) {
        matches_in(c, p.doc, 0, Pos(0xFFFFFFFFu), c.doc_occ);
        c.doc = p.doc;
    }
    const Pos hi = m_ix.passage_end_token(gid);
    auto b = std::lower_bound(c.doc_occ.begin(), c.doc_occ.end(), p.first_token, [](const M& m, Pos x) { return m.pos < x; });
    auto e = std::lower_bound(b, c.doc_occ.end(), hi, [](const M& m, Pos x) { return m.pos < x; });
    return {c.doc_occ.data() + (b - c.doc_occ.begin()), c.doc_occ.data() + (e - c.doc_occ.begin())};
}

bool PassagePath::run(const Query& query, const SpeakerFilter& allowed, SearchResult& res) {
    if (m_desc.matches == MatchScope::All || !query.speaker.empty()) return false;
    std::vector<size_t> pos_ci;
    for (size_t ci = 0; ci < query.clauses.size(); ++ci)
        if (!query.clauses[ci].negated) pos_ci.push_back(ci);
    if (pos_ci.empty()) return false;
    for (uint32_t j : query.joins) {  // a "jiu jitsu" join that finds "jiujitsu" takes the match path
        if (!m_desc.variants || j + 1 >= query.clauses.size()) continue;
        const QueryClause &ca = query.clauses[j], &cb = query.clauses[j + 1];
        if (ca.any.empty() || cb.any.empty() || ca.any[0].terms.empty() || cb.any[0].terms.empty()) continue;
        if (ca.negated && cb.negated) continue;  // exclusions take the match path anyway
        std::vector<std::pair<TermId, MatchLevel>> ex;
        m_ev.joined_expansions(ca.any[0].terms[0].text, cb.any[0].terms[0].text, ex);
        if (!ex.empty()) return false;
    }
    if (pos_ci.size() > 1) {
        // Several clauses need every candidate's positions (proximity): worth it only when the
        // frequent words' postings the match path would decode far outnumber the candidates
        // ("the metaverse", not "open source ai"). Judged from the words as typed (before
        // stems and typos), so that a query that takes the match path is not expanded twice.
        uint64_t summarised = 0, rarest = ~uint64_t(0);
        for (size_t ci : pos_ci) {
            uint64_t n = 0;
            for (const QueryItem& item : query.clauses[ci].any) {
                if (item.terms.size() != 1) return false;
                const TermId t = m_ix.find(item.terms[0].text);
                if (t == kNoTerm) continue;
                n += m_ix.term_occurrences(t);
                if (m_ix.has_summary(t)) summarised += m_ix.term_occurrences(t);
            }
            rarest = std::min(rarest, n);
        }
        if (summarised < 8 * rarest * (pos_ci.size() - 1)) return false;
    }
    std::vector<std::string> warnings;
    m_clauses.resize(pos_ci.size());
    for (size_t k = 0; k < pos_ci.size(); ++k)
        if (!expand_clause(query.clauses[pos_ci[k]], m_clauses[k], warnings)) return false;

    std::vector<ClauseResult> neg;
    for (size_t ci = 0; ci < query.clauses.size(); ++ci)
        if (query.clauses[ci].negated) neg.push_back(clause_matches(m_c, m_ev, query, ci, m_desc, allowed, warnings));
    res.warnings.insert(res.warnings.end(), warnings.begin(), warnings.end());
    const size_t nc = m_clauses.size();
    size_t rare = 0;
    for (size_t k = 0; k < nc; ++k) {
        aggregate(m_clauses[k]);
        if (m_clauses[k].agg.size() < m_clauses[rare].agg.size()) rare = k;
    }

    // AND: candidates from the rarest clause, found in the others by galloping forward
    const Bm25 bm(m_ix);
    std::vector<double> idf(nc);  // df: passages holding the clause, exclusions aside
    for (size_t k = 0; k < nc; ++k) idf[k] = bm.idf(double(m_clauses[k].agg.size()));
    std::vector<Cand> cands;
    std::vector<uint32_t> at_all;  // per candidate and clause: the index into its aggregates
    std::vector<uint32_t> from(nc, 0);
    std::vector<std::pair<Pos, uint32_t>> prox;
    InvertedIndex::WordCursor cursor(m_ix);
    std::vector<WordMatch> wm;
    std::vector<uint32_t> words;  // several clauses: per candidate, its matched word ranges
    const std::vector<Agg>& ra = m_clauses[rare].agg;
    if (nc == 1 && neg.empty()) {
        // every passage of the clause is a candidate: a loop without the AND, the exclusions and the
        // proximity, over locals the compiler can keep in registers ("the": 34k candidates at 100x)
        cands.resize(ra.size());
        const Agg* a = ra.data();
        Cand* out = cands.data();
        const double idf0 = idf[0];
        for (uint32_t ai = 0, n = uint32_t(ra.size()); ai < n; ++ai) {
            out[ai].gid = a[ai].gid;
            out[ai].tier = a[ai].tier;
            out[ai].at = ai;
            out[ai].score = float(bm.term(idf0, a[ai].tf20, double(m_ix.passage_tokens(a[ai].gid))));
        }
    } else {
        cands.reserve(ra.size());
        at_all.reserve(ra.size() * nc);
        Exclusions excluded(neg);
        for (uint32_t ai = 0; ai < ra.size(); ++ai) {
            const uint32_t gid = ra[ai].gid;
            bool ok = true;
            for (size_t k = 0; k < nc && ok; ++k) {
                if (k == rare) continue;
                const std::vector<Agg>& v = m_clauses[k].agg;
                const uint32_t n = uint32_t(v.size());
                uint32_t lo = from[k], step = 1, hi = lo;
                while (hi < n && v[hi].gid < gid) {
                    lo = hi + 1;
                    hi = lo + step;
                    step *= 2;
                }
                auto it = std::lower_bound(v.begin() + lo, v.begin() + std::min(hi, n), gid, [](const Agg& a, uint32_t g) { return a.gid < g; });
                from[k] = uint32_t(it - v.begin());
                ok = it != v.end() && it->gid == gid;
            }
            if (!ok || excluded.excludes(gid)) continue;
            // one clause: Cand::at is the aggregate; several: where their indices start in at_all
            Cand& cand = cands.emplace_back();  // fields stored in place (a temporary stalls store forwarding)
            cand.gid = gid;
            cand.tier = 0;
            cand.at = nc == 1 ? ai : uint32_t(at_all.size());
            const double len = double(m_ix.passage_tokens(gid));
            double score = 0;
            for (size_t k = 0; k < nc; ++k) {
                const uint32_t at = k == rare ? ai : from[k];
                if (nc > 1) at_all.push_back(at);
                const Agg& a = m_clauses[k].agg[at];
                score += bm.term(idf[k], a.tf20, len);
                cand.tier = std::max(cand.tier, int(a.tier));
            }
            if (nc > 1) {  // proximity, and the count of matched words, need the matches
                prox.clear();
                wm.clear();
                for (size_t k = 0; k < nc; ++k) {
                    const std::vector<M>& v = passage_matches(m_clauses[k], gid);
                    for (const M& m : v) prox.push_back({m.pos, uint32_t(k)});
                    append_word_matches(cursor, v.data(), v.data() + v.size(), wm);
                }
                score *= proximity_factor(prox, nc);
                words.push_back(uint32_t(unique_word_matches(wm)));
            }
            cand.score = float(score);
        }
    }
    res.total_passages = uint32_t(cands.size());

    // per episode: counts, and the word matches of the wanted episode
    auto append_passage = [&](uint32_t gid, std::vector<WordMatch>& out) {
        for (Clause& c : m_clauses) {
            const std::vector<M>& v = passage_matches(c, gid);
            append_word_matches(cursor, v.data(), v.data() + v.size(), out);
        }
    };
    uint64_t occ = 0;
    for (size_t c0 = 0; c0 < cands.size();) {
        const DocId doc = m_ix.passage(cands[c0].gid).doc;
        EpisodeHits eh{doc, 0, 0, 0};
        const bool wanted = m_desc.matches == MatchScope::Doc && m_desc.match_doc == doc;
        size_t c1 = c0;
        uint64_t n = 0;
        if (wanted) wm.clear();
        const uint32_t doc_end = m_ix.passages_end(doc);
        for (; c1 < cands.size() && cands[c1].gid < doc_end; ++c1) {
            const uint32_t gid = cands[c1].gid;
            eh.best_score = std::max(eh.best_score, cands[c1].score);
            const Agg& a = m_clauses[0].agg[nc == 1 ? cands[c1].at : at_all[cands[c1].at]];
            if (nc == 1) occ += a.count;
            if (wanted) {
                for (Clause& c : m_clauses) {
                    auto r = episode_matches(c, gid);
                    append_word_matches(cursor, r.first, r.second, wm);
                }
            } else if (nc > 1) {
                n += words[c1];
            } else if (a.multi >= 2) {  // two matches might cover one word ("jiu" and "jiujitsu")
                wm.clear();
                append_passage(gid, wm);
                n += unique_word_matches(wm);
            } else {
                n += a.count;
            }
        }
        eh.passages = uint32_t(c1 - c0);
        if (wanted) {
            eh.matches = uint32_t(unique_word_matches(wm));
            res.matches.insert(res.matches.end(), wm.begin(), wm.end());
        } else {
            eh.matches = uint32_t(n);
        }
        res.episodes.push_back(eh);
        c0 = c1;
    }
    res.occurrences = nc == 1 ? occ : res.total_passages;

    keep_best(cands, m_desc.limit);
    MatchRanges ranges(nc);
    res.hits.reserve(cands.size());  // a Hit is large: no moves while the list grows
    for (const Cand& cand : cands) {
        for (size_t k = 0; k < nc; ++k) {
            const std::vector<M>& v = passage_matches(m_clauses[k], cand.gid);
            ranges[k] = {v.data(), v.data() + v.size()};
        }
        res.hits.push_back(make_hit(m_c, cand, ranges, m_desc.snippet_bytes, allowed));
    }
    return true;
}

}  // namespace

std::pair<size_t, size_t> SearchResult::matches_in(DocId doc) const {
    auto lo = std::lower_bound(matches.begin(), matches.end(), doc, [](const WordMatch& m, DocId d) { return m.doc < d; });
    auto hi = std::upper_bound(lo, matches.end(), doc, [](DocId d, const WordMatch& m) { return d < m.doc; });
    return {size_t(lo - matches.begin()), size_t(hi - matches.begin())};
}

Result<DocId> Collection::add(Episode ep, bool commit) {
    auto r = m_index.add_episode(ep);
    if (!r) return r;
    m_episodes.push_back(std::move(ep));
    m_resident.push_back(1);
    if (commit) m_index.commit();
    return r;
}

void Collection::release_text(DocId d) {
    if (d >= m_episodes.size() || !m_resident[d]) return;
    Episode& ep = m_episodes[d];
    if (!ep.meta.speakers.empty()) {
        m_turns.resize(m_episodes.size());
        std::vector<SpeakerTurn>& turns = m_turns[d];
        for (uint32_t w = 0; w < ep.words.size(); ++w)
            if (turns.empty() || turns.back().speaker != ep.words[w].speaker) turns.push_back({w, ep.words[w].speaker});
        turns.shrink_to_fit();
    }
    std::string().swap(ep.text);
    std::vector<Word>().swap(ep.words);
    std::vector<Cue>().swap(ep.cues);
    m_resident[d] = 0;
}

int16_t Collection::speaker_of(DocId d, uint32_t w) const {
    if (d >= m_episodes.size()) return kNoSpeaker;
    if (m_resident[d]) return w < m_episodes[d].words.size() ? m_episodes[d].words[w].speaker : kNoSpeaker;
    if (d >= m_turns.size() || m_turns[d].empty()) return kNoSpeaker;
    const std::vector<SpeakerTurn>& turns = m_turns[d];
    auto after = std::upper_bound(turns.begin(), turns.end(), w, [](uint32_t x, const SpeakerTurn& t) { return x < t.first_word; });
    return after == turns.begin() ? kNoSpeaker : std::prev(after)->speaker;
}

SpeakerKeep speaker_keep(const EpisodeMeta& meta, const std::string& folded_name, bool excluded) {
    SpeakerKeep k;
    if (folded_name.empty()) return k;
    k.active = true;
    k.excluded = excluded;
    for (size_t s = 0; s < meta.speakers.size() && s < size_t(INT16_MAX); ++s)
        if (name_matches(folded_name, meta.speakers[s])) k.speakers.push_back(int16_t(s));
    return k;
}

ByteSpan match_bytes(const Episode& ep, const WordMatch& m) {
    const uint32_t last = m.first_word + m.word_count - 1;
    if (m.word_count == 0 || last >= ep.words.size()) return {};
    const Word &a = ep.words[m.first_word], &z = ep.words[last];
    ByteSpan s{a.begin, z.end};
    if (m.first_char == kWholeWordChar && m.last_char == kWholeWordChar) return s;
    WordTokens wt;
    wt.want_src = true;
    const std::string_view text(ep.text);
    if (m.first_char != kWholeWordChar && a.end <= text.size()) {
        word_tokens(text.substr(a.begin, a.end - a.begin), wt);
        if (m.first_char < wt.src.size()) s.begin = a.begin + wt.src[m.first_char].begin;
    }
    if (m.last_char != kWholeWordChar && z.end <= text.size()) {
        word_tokens(text.substr(z.begin, z.end - z.begin), wt);
        if (m.last_char < wt.src.size()) s.end = z.begin + wt.src[m.last_char].end;
    }
    if (s.end < s.begin) s = {a.begin, z.end};  // (not from the index: whole words)
    return s;
}

void fill_hit_text(Hit& h, const Episode& ep, const std::vector<WordMatch>& words,
                   uint32_t snippet_bytes, const SpeakerKeep& keep) {
    std::vector<ByteSpan> spans;  // by first byte (characters of one word need not follow word order)
    spans.reserve(words.size());
    for (const WordMatch& w : words)
        if (w.word_count > 0 && w.first_word + w.word_count - 1 < ep.words.size()) spans.push_back(match_bytes(ep, w));
    std::sort(spans.begin(), spans.end(), [](const ByteSpan& x, const ByteSpan& y) { return x.begin < y.begin; });
    h.highlights.clear();
    h.highlights.reserve(spans.size());
    for (const ByteSpan& s : spans) {
        if (!h.highlights.empty() && h.highlights.back().end >= s.begin)
            h.highlights.back().end = std::max(h.highlights.back().end, s.end);
        else
            h.highlights.push_back(s);
    }
    if (h.word >= ep.words.size()) h.word = 0;
    h.snippet = make_snippet(ep, h.word, std::max(h.word, h.last_word), h.highlights, snippet_bytes, keep);
    // the row's time and the reader's jump go where the snippet centres, not to an earlier lone match
    h.focus_word = ep.words.empty() ? h.word : h.snippet.focus_word;
    h.time_ms = ep.words.empty() ? 0 : ep.words[h.focus_word].start_ms;
    h.text_pending = false;
}

void fill_hit_text(Hit& h, const Episode& ep, const SearchResult& r, uint32_t snippet_bytes) {
    std::vector<WordMatch> words;
    auto range = r.matches_in(h.doc);
    for (size_t k = range.first; k < range.second; ++k) {
        const WordMatch& m = r.matches[k];
        if (m.first_word < h.word || m.first_word > h.last_word) continue;
        words.push_back(m);
    }
    fill_hit_text(h, ep, words, snippet_bytes, speaker_keep(ep.meta, r.speaker, r.speaker_excluded));
}

Result<SearchResult> Collection::search(std::string_view text, const SearchDesc& desc) const {
    auto q = parse_query(text);
    if (!q) return q.error();
    return search(q.value(), desc);
}

Result<SearchResult> Collection::search(const Query& query, const SearchDesc& desc) const {
    if (!m_index.committed())
        return make_error(Errc::InvalidArgument, "search: episodes were added without commit()");
    if (desc.prefix_last && !query.clauses.empty()) {
        // Search-as-you-type: the last bare word also matches as a prefix ("zuck" -> "zuckerberg").
        const QueryClause& last = query.clauses.back();
        if (!last.negated && last.any.size() == 1 && last.any[0].terms.size() == 1 && !last.any[0].exact_only &&
            !last.any[0].terms[0].prefix) {
            Query q = query;
            QueryItem completion = q.clauses.back().any[0];
            completion.terms[0].prefix = true;
            completion.terms[0].completion = true;
            q.clauses.back().any.push_back(std::move(completion));
            q.joins.erase(std::remove(q.joins.begin(), q.joins.end(), uint32_t(q.clauses.size() - 2)), q.joins.end());
            SearchDesc d = desc;
            d.prefix_last = false;
            return search(q, d);
        }
    }
    size_t positive = 0;
    for (const QueryClause& cl : query.clauses) positive += !cl.negated;
    auto strict_search = [&] {
        auto r = search_clauses(query, desc, false);
        if (r) r.value().positive_clauses = uint32_t(positive);
        return r;
    };
    if (!desc.partial) return strict_search();
    const bool any_content = std::any_of(query.clauses.begin(), query.clauses.end(),
                                         [](const QueryClause& cl) { return !cl.negated && !is_function_word_clause(cl); });
    size_t function_words = 0;  // bare words of kFunctionWords (not numbers) besides other words
    for (const QueryClause& cl : query.clauses) {
        const std::string* w = any_content && !cl.negated ? bare_word(cl) : nullptr;
        function_words += w && is_function_word(*w);
    }
    // A question typed as a sentence ("what does elon think about mars": 1 passage of Lexicap
    // held all six words, 55 hold "elon" and "mars") is searched for its other words, so every
    // passage about them is found (kMinSentenceFunctionWords). Otherwise every word is needed,
    // and only when no passage holds them all are the closest passages listed (partial).
    const bool sentence = function_words >= kMinSentenceFunctionWords;
    if (!sentence) {
        auto strict = strict_search();
        if (!strict || strict.value().total_passages > 0 || positive < 2) return strict;
    }
    // The query without its bare function words (and bare numbers, when `numbers`: the partial
    // search's "2" of "llama 2"), when other words remain; `left_out` names them.
    std::vector<std::string> left_out;
    auto without = [&](bool numbers) {
        Query rq;
        rq.speaker = query.speaker;
        rq.speaker_excluded = query.speaker_excluded;
        rq.warnings = query.warnings;
        left_out.clear();
        std::vector<uint32_t> new_index(query.clauses.size(), UINT32_MAX);
        for (size_t k = 0; k < query.clauses.size(); ++k) {
            const QueryClause& cl = query.clauses[k];
            const std::string* w = bare_word(cl);
            if (any_content && !cl.negated && is_function_word_clause(cl) && (numbers || (w && is_function_word(*w)))) {
                left_out.push_back(cl.source.empty() ? cl.any[0].terms[0].text : cl.source);
                continue;
            }
            new_index[k] = uint32_t(rq.clauses.size());
            rq.clauses.push_back(cl);
        }
        for (uint32_t j : query.joins)  // a join survives when both of its words do (they stay adjacent)
            if (j + 1 < new_index.size() && new_index[j] != UINT32_MAX && new_index[j + 1] != UINT32_MAX) rq.joins.push_back(new_index[j]);
        return rq;
    };
    if (sentence) {
        auto r = search_clauses(without(false), desc, false);
        if (r && r.value().total_passages > 0) {
            r.value().positive_clauses = uint32_t(positive);
            r.value().left_out = std::move(left_out);
            return r;
        }
        if (!r) return r;
        // no passage holds every word it asks about: the passages holding most of them, below
    }
    // Partial: k of the m words left.
    const Query rq = without(true);
    size_t m = 0;
    for (const QueryClause& cl : rq.clauses) m += !cl.negated;
    auto part = search_clauses(rq, desc, m >= 2);
    if (!part) return sentence ? part : strict_search();
    SearchResult& r = part.value();
    r.positive_clauses = uint32_t(positive);
    r.partial_of = uint32_t(m);
    if (m < 2) r.partial_best = r.total_passages ? 1 : 0;  // else set by search_clauses
    r.left_out = std::move(left_out);
    return part;
}

// A speaker: filter that names nobody in transcripts that do have speaker labels finds nothing:
// say so, with a few of the names there are (transcripts without labels are the UI's own note).
static void note_unknown_speaker(const std::vector<Episode>& episodes, const std::string& folded_name,
                                 const SpeakerFilter& allowed, std::vector<std::string>& warnings) {
    std::vector<std::string_view> names;
    bool more = false;
    for (size_t e = 0; e < allowed.size(); ++e) {
        if (!allowed[e].speakers.empty()) return;
        for (const std::string& n : episodes[e].meta.speakers) {
            if (std::find(names.begin(), names.end(), n) != names.end()) continue;
            if (names.size() == 4) more = true;
            else names.push_back(n);
        }
    }
    if (names.empty()) return;
    std::string w = "no speaker's name contains \"" + folded_name + "\" (speakers: ";
    for (size_t i = 0; i < names.size(); ++i) w.append(i ? ", " : "").append(names[i]);
    warnings.push_back(w + (more ? ", ...)" : ")"));
}

Result<SearchResult> Collection::search_clauses(const Query& query, const SearchDesc& desc, bool partial) const {
    SearchResult res;
    res.warnings = query.warnings;
    Evaluator ev(m_index, desc);

    res.speaker = query.speaker;
    res.speaker_excluded = query.speaker_excluded;
    SpeakerFilter allowed;
    if (!query.speaker.empty()) {
        allowed.reserve(m_episodes.size());
        for (const Episode& ep : m_episodes) allowed.push_back(speaker_keep(ep.meta, query.speaker, query.speaker_excluded));
        if (!query.speaker_excluded) note_unknown_speaker(m_episodes, query.speaker, allowed, res.warnings);
    }
    if (!partial && PassagePath(*this, ev, desc).run(query, allowed, res)) return res;

    std::vector<ClauseResult> pos_clauses, neg_clauses;
    for (size_t ci = 0; ci < query.clauses.size(); ++ci)
        (query.clauses[ci].negated ? neg_clauses : pos_clauses).push_back(clause_matches(*this, ev, query, ci, desc, allowed, res.warnings));
    if (pos_clauses.empty())  // a hand-built Query (parse_query never returns one)
        return make_error(Errc::BadQuery, "The query only excludes words; add a word to search for");
    // AND over positive clauses, minus negative ones: candidates from the rarest clause.
    size_t rare = 0;
    for (size_t k = 1; k < pos_clauses.size(); ++k)
        if (pos_clauses[k].passages.size() < pos_clauses[rare].passages.size()) rare = k;
    std::vector<Cand> cands;
    std::vector<uint32_t> at_all;  // per candidate and positive clause: the index into its passages
    const size_t nc = pos_clauses.size();
    const Bm25 bm(m_index);
    std::vector<double> idf(nc);
    for (size_t k = 0; k < nc; ++k) idf[k] = bm.idf(double(pos_clauses[k].passages.size()));
    std::vector<std::pair<Pos, uint32_t>> prox;
    cands.reserve(pos_clauses[rare].passages.size());
    at_all.reserve(pos_clauses[rare].passages.size() * nc);
    std::vector<uint32_t> from(nc, 0);  // per clause: candidates only move forward, so gallop from here
    if (partial) {
        partial_candidates(m_index, pos_clauses, neg_clauses, bm, idf, cands, at_all, res.partial_best);
    } else if (nc == 1 && neg_clauses.empty()) {
        // every passage of the clause is a candidate ("to be"): no AND, exclusions or proximity
        const ClauseResult& cr = pos_clauses[0];
        const size_t np = cr.passages.size();
        cands.resize(np);
        at_all.resize(np);
        const double idf0 = idf[0];
        for (uint32_t pi = 0; pi < np; ++pi) {
            uint32_t tf20;
            int best;
            cr.levels(pi, tf20, best);
            const uint32_t gid = cr.passages[pi];
            Cand& cand = cands[pi];
            cand.gid = gid;
            cand.at = pi;
            cand.tier = best;
            cand.score = float(bm.term(idf0, tf20, double(m_index.passage_tokens(gid))));
            at_all[pi] = pi;
        }
    } else {
        Exclusions excluded(neg_clauses);
        for (size_t pi = 0; pi < pos_clauses[rare].passages.size(); ++pi) {
            uint32_t gid = pos_clauses[rare].passages[pi];
            Cand cand{gid, 0, 0, uint32_t(at_all.size())};
            for (size_t k = 0; k < nc; ++k) at_all.push_back(0);  // (resize is an out-of-line call in WASM)
            uint32_t* at = &at_all[cand.at];
            bool ok = true;
            for (size_t k = 0; k < nc && ok; ++k) {
                if (k == rare) { at[k] = uint32_t(pi); continue; }
                const auto& ps = pos_clauses[k].passages;
                const uint32_t n = uint32_t(ps.size());
                uint32_t lo = from[k], step = 1, hi = lo;
                while (hi < n && ps[hi] < gid) {
                    lo = hi + 1;
                    hi = lo + step;
                    step *= 2;
                }
                auto it = std::lower_bound(ps.begin() + lo, ps.begin() + std::min(hi, n), gid);
                from[k] = uint32_t(it - ps.begin());
                ok = it != ps.end() && *it == gid;
                if (ok) at[k] = from[k];
            }
            ok = ok && !excluded.excludes(gid);
            if (!ok) {
                for (size_t k = 0; k < nc; ++k) at_all.pop_back();
                continue;
            }
            // BM25 with level-weighted term frequencies, exact-first tier and proximity.
            double len = double(m_index.passage_tokens(gid));
            double score = 0;
            int tier = 0;
            prox.clear();
            for (size_t k = 0; k < nc; ++k) {
                const auto& cr = pos_clauses[k];
                uint32_t tf20;
                int best;
                cr.levels(at[k], tf20, best);
                if (nc > 1)
                    for (uint32_t mi = cr.first[at[k]]; mi < cr.first[at[k] + 1]; ++mi) prox.push_back({cr.matches[mi].pos, uint32_t(k)});
                tier = std::max(tier, best);
                score += bm.term(idf[k], tf20, len);
            }
            if (nc > 1) score *= proximity_factor(prox, nc);
            cand.score = float(score);
            cand.tier = tier;
            cands.push_back(cand);
        }
    }

    res.total_passages = uint32_t(cands.size());
    // Per episode (candidates are in passage, so episode, order): counts, and the word matches
    // of the episodes in the requested scope (SearchDesc::matches).
    uint64_t single_occ = 0;
    InvertedIndex::WordCursor cursor(m_index);
    std::vector<WordMatch> doc_matches;
    auto ranges = [&](const Cand& cand) {  // per positive clause: the candidate's matches
        MatchRanges r;
        for (size_t k = 0; k < nc; ++k) {
            const auto& cr = pos_clauses[k];
            const uint32_t a = at_all[cand.at + k];
            if (a == kAbsent) continue;  // partial: a clause this passage does not hold
            r.push_back({cr.matches.data() + cr.first[a], cr.matches.data() + cr.first[a + 1]});
        }
        return r;
    };
    auto append_all = [&](const Cand& cand, std::vector<WordMatch>& out) {
        for (const auto& r : ranges(cand)) append_word_matches(cursor, r.first, r.second, out);
    };
    for (size_t c0 = 0; c0 < cands.size();) {
        const DocId doc = m_index.passage(cands[c0].gid).doc;
        EpisodeHits eh{doc, 0, 0, 0};
        size_t c1 = c0;
        uint64_t raw = 0;
        const uint32_t doc_end = m_index.passages_end(doc);
        for (; c1 < cands.size() && cands[c1].gid < doc_end; ++c1) {
            eh.best_score = std::max(eh.best_score, cands[c1].score);
            for (size_t k = 0; k < nc; ++k) {
                const uint32_t a = at_all[cands[c1].at + k];
                if (a != kAbsent) raw += pos_clauses[k].first[a + 1] - pos_clauses[k].first[a];
            }
        }
        eh.passages = uint32_t(c1 - c0);
        if (nc == 1) single_occ += raw;
        const bool wanted = desc.matches == MatchScope::All || (desc.matches == MatchScope::Doc && desc.match_doc == doc);
        if (!wanted) {
            // counted, not listed, passage by passage (two matches of one word range always share
            // a passage): one clause can only map two matches to one word range in a passage
            // with a multi-token word ("jiu" and "jiujitsu" both cover the word "jiu-jitsu")
            uint64_t n = 0;
            for (size_t ci = c0; ci < c1; ++ci) {
                if (nc == 1) {  // (several clauses: a partial candidate may lack clause 0's entry)
                    const auto& cr = pos_clauses[0];
                    const uint32_t at = at_all[cands[ci].at];
                    const uint32_t m0 = cr.first[at], m1 = cr.first[at + 1];
                    bool distinct = true;
                    if (m_index.passage_has_multi_token_word(cands[ci].gid)) {
                        // one-token matches at least 2 tokens apart cannot share a word
                        for (uint32_t mi = m0; mi < m1 && distinct; ++mi)
                            distinct = cr.matches[mi].span == 1 && (mi == m0 || cr.matches[mi].pos - cr.matches[mi - 1].pos >= 2);
                    }
                    if (distinct) {
                        n += m1 - m0;
                        continue;
                    }
                }
                doc_matches.clear();
                append_all(cands[ci], doc_matches);
                n += unique_word_matches(doc_matches);
            }
            eh.matches = uint32_t(n);
        } else {
            doc_matches.clear();
            doc_matches.reserve(raw);
            for (size_t ci = c0; ci < c1; ++ci) append_all(cands[ci], doc_matches);
            eh.matches = uint32_t(unique_word_matches(doc_matches));
            res.matches.insert(res.matches.end(), doc_matches.begin(), doc_matches.end());
        }
        res.episodes.push_back(eh);
        c0 = c1;
    }
    res.occurrences = nc == 1 ? single_occ : res.total_passages;

    keep_best(cands, desc.limit);
    res.hits.reserve(cands.size());  // a Hit is large: no moves while the list grows
    for (const Cand& cand : cands) res.hits.push_back(make_hit(*this, cand, ranges(cand), desc.snippet_bytes, allowed));
    return res;
}

// ==== Snippets and histograms ====

namespace {

// The word a snippet centres on: the first word of the highlight that opens the stretch of
// 2 * context bytes holding the most different matched forms, the tightest such (then the
// earliest), so a passage that says "of" early and "meaning of life" later shows the latter, and
// "what is love" said together beats the three words said apart; one matched form (a one-word
// query) keeps the first. `first_word` when no highlight lies in [first_word, last_word].
uint32_t snippet_focus(const Episode& ep, uint32_t first_word, uint32_t last_word,
                       const std::vector<ByteSpan>& highlights, uint32_t context) {
    if (highlights.size() < 2) return first_word;
    const std::string_view text(ep.text);
    auto form = [&](const ByteSpan& h) { return text.substr(h.begin, h.end - h.begin); };
    size_t best = highlights.size(), best_forms = 0;
    uint32_t best_span = 0;  // bytes from the highlight to where the stretch reached its last new form
    for (size_t i = 0; i < highlights.size(); ++i) {
        if (highlights[i].begin < ep.words[first_word].begin) continue;
        size_t forms = 0;
        uint32_t span = 0;
        for (size_t j = i; j < highlights.size() && highlights[j].end - highlights[i].begin <= 2 * context; ++j) {
            bool seen = false;
            for (size_t k = i; k < j && !seen; ++k) seen = ascii_iequals(form(highlights[k]), form(highlights[j]));
            if (!seen) ++forms, span = highlights[j].end - highlights[i].begin;
        }
        if (forms > best_forms || (forms == best_forms && span < best_span)) best = i, best_forms = forms, best_span = span;
    }
    if (best == highlights.size()) return first_word;
    uint32_t w = first_word;  // a walk: the highlights lie in the passage, a few hundred words at most
    while (w < last_word && ep.words[w].end <= highlights[best].begin) ++w;
    return w;
}

// Highlights, in `out` (offsets from byte `begin`), of the words a..z of the snippet that read as
// one of the matched forms (ASCII case-insensitive; a phrase as the same words with the same
// spacing) but lie outside the passage's highlights: the context a snippet borrows from a
// neighbouring passage otherwise shows the query's words plain.
void highlight_shown_forms(const Episode& ep, uint32_t a, uint32_t z, uint32_t begin,
                           const std::vector<ByteSpan>& highlights, const SpeakerKeep& keep, std::vector<ByteSpan>& out) {
    if (highlights.empty()) return;
    const std::string_view text(ep.text);
    std::vector<std::string_view> forms;
    for (const ByteSpan& h : highlights) {
        std::string_view f = text.substr(h.begin, h.end - h.begin);
        bool seen = false;
        for (std::string_view g : forms) seen = seen || ascii_iequals(f, g);
        if (!seen && !f.empty()) forms.push_back(f);
    }
    size_t before = out.size();
    for (uint32_t w = a; w <= z; ++w) {
        const uint32_t wb = ep.words[w].begin;
        if (!keep.keeps(ep.words[w].speaker)) continue;  // speaker:lex marks none of Mark's words
        bool inside = false;
        for (const ByteSpan& h : highlights) inside = inside || (wb >= h.begin && wb < h.end);
        if (inside) continue;
        for (std::string_view f : forms) {
            if (wb + f.size() > text.size() || !ascii_iequals(text.substr(wb, f.size()), f)) continue;
            uint32_t e = w;  // the form must end where a word of the snippet ends
            while (e < z && ep.words[e].end < wb + f.size()) ++e;
            if (ep.words[e].end != wb + f.size()) continue;
            out.push_back({wb - begin, uint32_t(wb + f.size()) - begin});
            w = e;
            break;
        }
    }
    if (out.size() != before)
        std::sort(out.begin(), out.end(), [](const ByteSpan& x, const ByteSpan& y) { return x.begin < y.begin; });
}

}  // namespace

Snippet make_snippet(const Episode& ep, uint32_t first_word, uint32_t last_word,
                     const std::vector<ByteSpan>& highlights, uint32_t context, const SpeakerKeep& keep) {
    Snippet s;
    if (ep.words.empty() || first_word >= ep.words.size()) return s;
    last_word = std::min<uint32_t>(last_word, uint32_t(ep.words.size() - 1));
    first_word = snippet_focus(ep, first_word, last_word, highlights, context);
    s.focus_word = first_word;
    // Anchor: the focus plus any further highlights within 2 * context bytes of it.
    uint32_t anchor_begin = ep.words[first_word].begin, anchor_end = ep.words[first_word].end;
    for (const auto& h : highlights)
        if (h.begin >= anchor_begin && h.end - anchor_begin <= 2 * context) anchor_end = std::max(anchor_end, h.end);
    // The word holding anchor_end - 1: at most 2 * context bytes on, so a walk from the first
    // match (a binary search over all the episode's words missed the cache at every step).
    uint32_t lw = first_word;
    if (ep.words[first_word].begin <= anchor_end - 1) {
        while (lw + 1 < ep.words.size() && ep.words[lw + 1].begin <= anchor_end - 1) ++lw;
    } else {  // an empty first word: the one before it, as the search over all words gives
        auto it = std::upper_bound(ep.words.begin(), ep.words.end(), anchor_end - 1,
                                   [](uint32_t b, const Word& w) { return b < w.begin; });
        lw = uint32_t(it - ep.words.begin()) - 1;
    }
    uint32_t a = first_word, z = std::max(lw, first_word);
    while (a > 0 && anchor_begin - ep.words[a - 1].begin <= context) --a;
    // nor does it open inside a run of marked words: "…source work" had cut the "open" of "open
    // source" off (a few words at most: a run of one word said over and over stays cut)
    auto marked = [&](uint32_t w) {
        const uint32_t b = ep.words[w].begin;
        return std::any_of(highlights.begin(), highlights.end(), [b](const ByteSpan& h) { return b >= h.begin && b < h.end; });
    };
    for (int k = 0; k < 4 && a > 0 && marked(a) && marked(a - 1); ++k) --a;
    while (z + 1 < ep.words.size() && ep.words[z + 1].end - anchor_end <= context) ++z;
    // with the punctuation written against the first and last words (an opening quote, a full stop)
    uint32_t begin = word_display_span(ep, a).first, end = word_display_span(ep, z).second;
    s.cut_before = a > 0;
    s.cut_after = z + 1 < ep.words.size();
    s.text = ep.text.substr(begin, end - begin);
    for (char& c : s.text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    s.highlights.reserve(highlights.size());
    for (const auto& h : highlights)
        if (h.begin >= begin && h.end <= end) s.highlights.push_back({h.begin - begin, h.end - begin});
    highlight_shown_forms(ep, a, z, begin, highlights, keep, s.highlights);
    return s;
}

std::string partial_note(const SearchResult& r) {
    if (r.partial_of == 0 && !r.left_out.empty()) {  // a sentence searched for its other words
        std::string s = r.left_out.size() == 1 ? "Common word left out: " : "Common words left out: ";
        for (size_t i = 0; i < r.left_out.size(); ++i) s += (i ? ", " : "") + r.left_out[i];
        return s;
    }
    if (r.partial_of == 0) return {};
    std::string s = "No passage has every word";
    if (r.total_passages == 0) {
        s += ", nor any of them";
    } else {
        const uint32_t need = partial_need(r.partial_best, r.partial_of);
        s += ": " + std::to_string(r.total_passages) + (r.total_passages == 1 ? " passage" : " passages") + " with ";
        if (r.partial_of == 1) s += "the word";
        else s += std::to_string(need) + (need < r.partial_best ? " to " + std::to_string(r.partial_best) : "") + " of the " +
                  std::to_string(r.partial_of) + " words";
    }
    if (!r.left_out.empty()) {
        if (std::any_of(r.left_out.begin(), r.left_out.end(), [](const std::string& w) { return all_digits(w); })) s += " (left out: ";
        else s += r.left_out.size() == 1 ? " (common word left out: " : " (common words left out: ";
        for (size_t i = 0; i < r.left_out.size(); ++i) s += (i ? ", " : "") + r.left_out[i];
        s += ")";
    }
    return s;
}

std::vector<uint32_t> hit_histogram(const SearchResult& r, const Collection& c, DocId doc, uint32_t bins) {
    std::vector<uint32_t> h(bins, 0);
    if (bins == 0 || doc >= c.size()) return h;
    const Episode& ep = c.episode(doc);
    uint32_t dur = ep.meta.duration_ms;
    if (!ep.words.empty()) dur = std::max(dur, ep.words.back().start_ms + 1);
    if (dur == 0) dur = 1;
    auto range = r.matches_in(doc);
    for (size_t k = range.first; k < range.second; ++k) {
        uint32_t w = r.matches[k].first_word;
        if (w >= ep.words.size()) continue;
        uint64_t bin = uint64_t(ep.words[w].start_ms) * bins / dur;
        h[std::min<uint64_t>(bin, bins - 1)]++;
    }
    return h;
}

}  // namespace tx
