// search.h: the query language, ranking, snippets and hit histograms over a Collection.
//
// Query language (parse_query):
//   word word        all must match within one passage (AND), any order
//   "exact phrase"   consecutive tokens, exact forms only ("mark zuck*" allows a prefix last);
//                    “ ” „ « » and ＂ delimit a phrase as '"' does, and Unicode spaces (NBSP,
//                    U+3000, ...) separate words as ' ' does
//   prefix*          every dictionary term starting with "prefix" (the most frequent
//                    SearchDesc::max_expansions of them, with a warning, when there are more)
//   -word  -"a b"    passages containing it are excluded
//   a OR b           either (binds tighter than the implicit AND: "x a OR b" = x AND (a OR b))
//   speaker:NAME     only words spoken by a speaker whose name contains NAME (case-insensitive);
//                    speaker:"Lex Fridman" for names with spaces; -speaker:NAME every other
//                    speaker's words (and words without a speaker); one filter per search
// Bare words also match, ranked lower and flagged by MatchLevel: Snowball stems ("running" ->
// "runs"), typos (words of >= 5 letters within edit distance 1, >= 9 letters within 2, a swap
// of two neighbouring letters being one edit: "wierd" -> "weird"), and sound-alikes (same
// phonetic key and Levenshtein distance <= 2: "fridman" -> "freedman"). A word that occurs keeps
// only look-alikes that are not everyday words, and, where the transcripts use capitals, only
// when it and they are names (InvertedIndex::term_name_like: "fridman" -> "Friedman", but not
// "chess" -> "chaos") or they occur 10x as often.
// "jiu-jitsu", "jiujitsu" and "jiu jitsu" find each other (the joined form of an unquoted
// hyphenated word, or of two words typed apart, gets the stems of the word typed joined and its
// typos of one edit: "existential risk" does not find "existentialist"), and a word glued to a
// number finds it written apart ("covid19" -> "covid 19"), a number of 4+ digits its form with or
// without thousands separators ("10000" <-> "10,000"), 2-4 and 6-9 their roman numeral ("world
// war 2" -> "World War II"). A word that does not occur and is one
// edit from a word of another stem is a misspelling: only its stem matches one edit away count,
// and its typos two edits away only as inflections of one a single edit away. Malformed queries parse best-effort
// with warnings (an unbalanced quote runs to the end, a lone '-' is ignored); an empty query,
// one with only exclusions, or one over kMaxQueryBytes is Errc::BadQuery.
//
// Archives: Collection::release_text() drops an indexed episode's text; its hits then carry
// text_pending and the caller fills snippets from a decoded copy (fill_hit_text). Speaker:
// filters apply to them too (the speakers' turns are kept).
//
// Ranking: BM25 (k1 = 1.2, b = 0.75) over passages, with each occurrence weighted by its match
// level, a proximity factor for multi-word queries (highest for the words side by side in the
// typed order), and exact-first tiers: a passage whose words all match exactly ranks above any
// passage that needs a stem, typo or sound-alike. A snippet centres on the tightest stretch
// holding the most matched forms and highlights them wherever it shows them.
//
// Typical UI use: keep the Collection and the last SearchResult; per frame read
// result.hits / result.matches / histogram vectors (nothing is recomputed or copied per frame).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/base.h"
#include "core/episode.h"
#include "core/index.h"

namespace tx {

// ---- Query ----

constexpr size_t kMaxQueryBytes = 1024;  // longer queries are refused (Errc::BadQuery)
constexpr size_t kMaxQueryClauses = 32;  // further distinct words are ignored with a warning (repeats are dropped)
constexpr size_t kMaxPhraseTerms = 32;   // longer phrases are cut with a warning

struct QueryTerm {
    std::string text;      // folded token
    bool prefix = false;   // "term*"
    bool completion = false;  // added by SearchDesc::prefix_last: completions rank below the word
};

struct QueryItem {
    std::vector<QueryTerm> terms;  // 1 term = a word; more = a phrase (consecutive tokens)
    bool exact_only = false;       // quoted: no stems, typos or sound-alikes
    bool joined = false;           // the joined form of a hyphenated word ("jiujitsu")
};

struct QueryClause {
    std::vector<QueryItem> any;  // alternatives (OR)
    bool negated = false;
    std::string source;          // the query text this clause came from (for messages)
};

struct Query {
    std::vector<QueryClause> clauses;  // all positive clauses must match in one passage
    std::string speaker;               // speaker:NAME filter (folded), empty = any
    bool speaker_excluded = false;     // -speaker:NAME: words of every other speaker
    std::vector<std::string> warnings; // best-effort parse notes for the UI
    std::vector<uint32_t> joins;       // k: bare words k and k+1 may also match as one word
};

// @return the parsed query, or Errc::BadQuery with a message for the UI.
Result<Query> parse_query(std::string_view text);

// ---- Results ----

enum class MatchLevel : uint8_t {
    Exact = 0,     // the folded word itself (or a requested prefix)
    Joined = 1,    // hyphen/space variants: "jiujitsu" <-> "jiu-jitsu" <-> "jiu jitsu"
    Stem = 2,      // same Snowball stem
    Fuzzy = 3,     // typo within the edit-distance bound
    Phonetic = 4,  // sound-alike
};
const char* match_level_name(MatchLevel l);

struct ByteSpan {
    uint32_t begin = 0;
    uint32_t end = 0;
};

constexpr uint16_t kWholeWordChar = 0xFFFF;  // WordMatch: the match covers the word whole

// A matched word range in an episode (a phrase covers several words). In a word written without
// spaces (Chinese, Japanese: one token per character) the match is only some of its characters.
struct WordMatch {
    DocId doc = 0;
    uint32_t first_word = 0;
    uint32_t word_count = 1;
    MatchLevel level = MatchLevel::Exact;
    uint16_t first_char = kWholeWordChar;  // the first word's character (token) the match starts at
    uint16_t last_char = kWholeWordChar;   // the last word's character it ends at
};

// @return the bytes of Episode::text that match `m` covers: its words, or in words written
// without spaces its characters (word_tokens(..).src); clamped to the text.
ByteSpan match_bytes(const Episode& ep, const WordMatch& m);

struct Snippet {
    std::string text;                  // context cut on word boundaries (newlines -> spaces)
    std::vector<ByteSpan> highlights;  // into `text`
    bool cut_before = false;           // text continues before / after the snippet ("…")
    bool cut_after = false;
    uint32_t focus_word = 0;           // the episode word it centres on: the first word of the
                                       // tightest stretch holding the most matched forms
};

struct Hit {
    DocId doc = 0;
    uint32_t passage = 0;              // global passage id (InvertedIndex::passage)
    uint32_t word = 0;                 // first matched word in the passage (Episode::words index)
    uint32_t last_word = 0;            // last matched word in the passage
    uint32_t focus_word = 0;           // where to read it: the snippet's focus (Snippet::focus_word),
                                       // `word` for a one-word query or while text_pending
    uint32_t time_ms = 0;              // start time of `focus_word` (estimated if meta.times_estimated)
    float score = 0;
    MatchLevel level = MatchLevel::Exact;  // rank tier: the worst, over query words, of each word's best match
    std::vector<ByteSpan> highlights;  // Episode::text byte ranges of every matched word
    Snippet snippet;                   // filled for the returned hits only
    bool text_pending = false;         // the episode's text was released (Collection::release_text):
                                       // time_ms is the passage start, focus_word is `word`,
                                       // highlights and snippet are empty; fill them from a
                                       // decoded episode (fill_hit_text)
};

struct EpisodeHits {  // per-episode summary, for an episode list with counts
    DocId doc = 0;
    uint32_t passages = 0;  // matched passages in this episode
    uint32_t matches = 0;   // entries of SearchResult::matches in this episode
    float best_score = 0;   // score of its best passage
};

// Which words of one episode a speaker: filter keeps (Query::speaker, Query::speaker_excluded).
struct SpeakerKeep {
    bool active = false;            // false: every word (no filter)
    bool excluded = false;          // -speaker:NAME: every word but those of `speakers`
    std::vector<int16_t> speakers;  // ids (EpisodeMeta::speakers) whose names hold the filter's name
    // @return true when a word of `speaker` (kNoSpeaker: none) passes the filter
    bool keeps(int16_t speaker) const {
        if (!active) return true;
        bool named = false;
        for (int16_t s : speakers) named = named || (s == speaker && s != kNoSpeaker);
        return named != excluded;
    }
};
// @return the filter `folded_name` (Query::speaker; empty = none), `excluded` as -speaker:, for `ep`.
SpeakerKeep speaker_keep(const EpisodeMeta& meta, const std::string& folded_name, bool excluded);

struct SearchResult {
    std::vector<Hit> hits;             // ranked, at most SearchDesc::limit
    std::vector<EpisodeHits> episodes; // every episode with a matched passage, by DocId
    uint32_t total_passages = 0;       // passages that matched
    uint64_t occurrences = 0;          // single clause: matches (a phrase once per start);
                                       // several clauses: matched passages
    std::vector<WordMatch> matches;    // every match in every matched passage, by (doc, word),
                                       // of the episodes SearchDesc::matches asks for
    std::vector<std::string> warnings;
    // SearchDesc::partial: no passage held every positive clause, so these are the passages
    // holding the most of them. 0 = every returned passage holds every clause (the normal case).
    uint32_t partial_of = 0;           // positive clauses searched for (after `left_out`)
    uint32_t partial_best = 0;         // the most of them any passage holds
    std::vector<std::string> left_out; // common words dropped from the partial search ("what", "the"),
                                       // or from a typed sentence (SearchDesc::partial) with partial_of 0
    std::string speaker;               // the speaker: filter the matches obey (Query::speaker)
    bool speaker_excluded = false;     // ... as -speaker: (Query::speaker_excluded)
    uint32_t positive_clauses = 0;     // clauses of the query as given that must match (words,
                                       // phrases, alternatives; not -word), partial or not: above 1,
                                       // `matches` lists a multi-word match word by word

    // Matches in episode `doc` (for the reader's highlights): [first, last) into `matches`.
    std::pair<size_t, size_t> matches_in(DocId doc) const;
};

// Which episodes SearchResult::matches covers. Counts (occurrences, EpisodeHits) and hits are
// the same in every scope; a narrower scope only skips building the per-word match list, which
// dominates the cost of very common words ("the" matches ~5% of all words).
enum class MatchScope : uint8_t {
    All,   // every match in every matched passage (the CLI, tests, a reader over all results)
    Doc,   // only episode SearchDesc::match_doc (the episode on screen)
    None,  // no match list
};

struct SearchDesc {
    uint32_t limit = 50;              // hits returned; 0 = all
    MatchScope matches = MatchScope::All;  // which episodes SearchResult::matches covers
    DocId match_doc = 0;              // the episode for MatchScope::Doc
    bool stems = true;                // Snowball stem matches
    bool typos = true;                // automatic typo tolerance (words >= 5 letters)
    bool phonetic = true;             // sound-alike matches
    bool variants = true;             // "jiujitsu" <-> "jiu jitsu" split/joined matches
    bool prefix_last = false;         // search-as-you-type: the last bare word (>= 3 bytes) also
                                      // matches as a prefix (the 64 most frequent completions),
                                      // ranked like stems
    uint32_t snippet_bytes = 80;      // context each side of the first highlight
    uint32_t max_expansions = 200;    // cap on dictionary terms per prefix/fuzzy word (0 = none)
    bool partial = false;             // a query with 3+ bare function words besides other words
                                      // (a question typed as a sentence) is searched for those
                                      // other words (SearchResult::left_out names the rest,
                                      // partial_of stays 0); and
                                      // when no passage holds every positive clause (a question
                                      // typed as a sentence, words said in different passages),
                                      // return the passages holding the most of them instead:
                                      // bare function words ("what", "the", "about") are left
                                      // out when other words remain (bare numbers too: "2"
                                      // in "llama 2"), and passages holding at
                                      // least half of the rest (or the most any passage holds,
                                      // if fewer) rank by how many they hold, then BM25.
                                      // SearchResult::partial_of / partial_best / left_out say so
};

// ---- Collection ----

// Episodes plus their index. Episodes are moved in and never copied afterwards.
class Collection {
public:
    explicit Collection(const IndexDesc& desc = {}) : m_index(desc) {}

    // Add an episode; with commit = false, call commit() before searching (faster bulk loads).
    // @return its DocId, or the index's error (Errc::TooLarge).
    Result<DocId> add(Episode ep, bool commit = true);
    void commit() { m_index.commit(); }
    // Commit and compact the index (InvertedIndex::shrink): call once a bulk load is done.
    void finish() { m_index.commit(); m_index.shrink(); }

    // Free an indexed episode's text, words and cues (search still ranks and counts it; its hits
    // come back with text_pending). Keeps the metadata and who speaks where, for speaker: filters.
    // For archives decoded on demand.
    void release_text(DocId d);
    bool resident(DocId d) const { return d < m_resident.size() && m_resident[d]; }
    // @return the speaker of word `w` of episode `d`, resident or released; kNoSpeaker when
    // nobody is named for it (or `d`, `w` are out of range).
    int16_t speaker_of(DocId d, uint32_t w) const;

    size_t size() const { return m_episodes.size(); }
    const Episode& episode(DocId d) const { return m_episodes[d]; }
    const std::vector<Episode>& episodes() const { return m_episodes; }
    const InvertedIndex& index() const { return m_index; }
    InvertedIndex& index() { return m_index; }

    // Run a query. @return ranked results, or Errc::BadQuery from parse_query, or
    // Errc::InvalidArgument when episodes were added without commit().
    Result<SearchResult> search(std::string_view query, const SearchDesc& desc = {}) const;
    Result<SearchResult> search(const Query& query, const SearchDesc& desc = {}) const;

private:
    // search() without the partial fallback; partial = k-of-m matching of the positive clauses.
    Result<SearchResult> search_clauses(const Query& query, const SearchDesc& desc, bool partial) const;

    std::vector<Episode> m_episodes;
    std::vector<uint8_t> m_resident;  // per episode: 1 = text and words present
    struct SpeakerTurn {
        uint32_t first_word;
        int16_t speaker;
    };
    // per released episode: the words where a speaker's turn starts (the words are gone; empty
    // when the episode names no speakers)
    std::vector<std::vector<SpeakerTurn>> m_turns;
    InvertedIndex m_index;
};

// Fill a hit's highlights, snippet, focus word and exact time from its decoded episode `ep`, using the matches
// of `r` inside [h.word, h.last_word] and its speaker: filter (what search does for resident
// episodes). Clears text_pending.
void fill_hit_text(Hit& h, const Episode& ep, const SearchResult& r, uint32_t snippet_bytes = 80);
// The same from matches of episode `ep` (WordMatch::doc is not read), sorted by first word;
// `keep`: the speakers whose words the snippet may mark beyond them (make_snippet).
void fill_hit_text(Hit& h, const Episode& ep, const std::vector<WordMatch>& words,
                   uint32_t snippet_bytes = 80, const SpeakerKeep& keep = {});

// KWIC: the text around words [first_word, last_word] of `ep`, about `context` bytes each side,
// cut on word boundaries; `highlights` (Episode::text offsets) inside the window are mapped, and
// other words of the window that read as a matched form are marked too when `keep` keeps their
// speaker (a speaker: search marks only that speaker's words). It centres on the highlights'
// tightest stretch with the most matched forms (Snippet::focus_word).
Snippet make_snippet(const Episode& ep, uint32_t first_word, uint32_t last_word,
                     const std::vector<ByteSpan>& highlights, uint32_t context = 80, const SpeakerKeep& keep = {});

// One line for the UI and the CLI when `r` holds partial matches (SearchResult::partial_of), e.g.
// "No passage has every word: 12 passages with 2 of 3 (left out: what, does)", or when a typed
// sentence's common words were left out ("Common words left out: what, does"); empty otherwise.
std::string partial_note(const SearchResult& r);

// Matches of episode `doc` per time bin (bins = N equal slices of the episode's duration).
std::vector<uint32_t> hit_histogram(const SearchResult& r, const Collection& c, DocId doc, uint32_t bins);

}  // namespace tx
