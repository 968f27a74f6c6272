// index.h: the positional inverted index over many episodes.
//
// Positions are *token* positions (see text.h): most words are one token, "jiu-jitsu" is two
// ("jiu", "jitsu") plus its joined form "jiujitsu" indexed at the first part's position with a
// span of two. The index maps tokens back to Episode::words, and groups them into passages
// (consecutive cues up to ~30 s) that search ranks with BM25.
//
// Postings: one byte stream per term, appended while episodes are added (no sort pass):
//   same episode as the previous entry:  varint((pos - prev_pos) << 1)
//   new episode:                          varint((doc - prev_doc) << 1 | 1), varint(pos)
// The streams live in one byte pool as chains of slices of growing size (8 B .. 32 KiB, the last
// 4 bytes of a full slice link to the next), so appending never moves other terms' bytes;
// shrink() rewrites each stream into one exactly sized slice. Measured: ~0.4x the raw text for
// 2.96 M words, 1.4x for a single 30 k-word episode (the dictionary dominates there).
// Term dictionary: an open-addressing hash (exact), a sorted id array (prefix ranges), letter
// masks + length filter (fuzzy, bounded Levenshtein), Snowball stems and phonetic keys (sorted
// (hash, term) arrays, verified on lookup).
//
// Building is incremental: add_episode() any number of times (e.g. an archive in time slices),
// then commit() (cheap, only processes new terms) before lookups. Not thread-safe.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base.h"
#include "core/episode.h"

namespace tx {

using TermId = uint32_t;  // index into the term dictionary
constexpr TermId kNoTerm = 0xFFFFFFFFu;
constexpr uint32_t kWholeWord = 0xFFFFFFFFu;  // InvertedIndex::char_of_token: not a word written by characters

struct IndexDesc {
    uint32_t passage_ms = 30000;  // passages group consecutive cues up to this duration
    // shrink() gives every term with at least this many occurrences a passage summary and skip
    // entries (see PassageCount): search then counts and ranks it per passage without decoding
    // its positions, and finds a frequent word's place in a phrase without decoding its episode.
    // 16384 keeps only the few dozen most frequent words of a large collection ("the", "that",
    // "think"): they hold most postings; rarer words decode in well under a millisecond, and
    // summarising them too doubled the compaction time (0 = no summaries).
    uint32_t summary_min = 16384;
    // A summarised term also gets its positions as one bit per token of every episode when that
    // bit set is at most this many times the size of its postings (the densest words: "the",
    // "to", "of", about one token in 40 or more): a phrase then tests a word's place with one
    // bit instead of decoding the episode's postings (0 = no bit sets).
    uint32_t bitmap_max_ratio = 4;
};

// One occurrence of a term: episode, first token position, number of tokens it covers.
struct Occurrence {
    DocId doc = 0;
    Pos pos = 0;
    uint16_t span = 1;
    uint8_t level = 0;  // the caller's tag, copied from occurrences() (search: MatchLevel)
};

// One passage holding a term: how often, and how many of those occurrences lie in a word of
// several tokens ("jiu" in "jiu-jitsu") or are joined forms (only such occurrences can map to the
// same word as another match).
struct PassageCount {
    uint32_t gid = 0;    // global passage id
    uint32_t count = 0;  // occurrences of the term in it
    uint32_t multi = 0;  // how many of them lie in a word of several tokens (or are joined forms)
};

struct Passage {
    DocId doc = 0;
    uint32_t first_token = 0;
    uint32_t first_word = 0;
    uint32_t start_ms = 0;
};

class InvertedIndex {
public:
    explicit InvertedIndex(const IndexDesc& desc = {}) : m_desc(desc) {}

    // ---- building ----

    // Index one episode's words and cues. @return its DocId (0, 1, 2, ... in call order), or
    // Errc::TooLarge when the collection would exceed 2^32 tokens or 2^31 episodes.
    Result<DocId> add_episode(const Episode& ep);
    // Update the sorted dictionary, stems and phonetic keys for terms added since the last call.
    void commit();
    bool committed() const { return m_committed_terms == m_terms.size(); }
    size_t uncommitted_terms() const { return m_terms.size() - m_committed_terms; }  // commit()'s work
    // Compact the postings into exactly sized slices and drop the writer state (call when an
    // archive is fully loaded; adding more episodes afterwards still works).
    void shrink();

    // ---- documents, tokens, passages ----

    uint32_t doc_count() const { return uint32_t(m_docs.size()); }
    uint32_t token_count(DocId d) const { return m_docs[d].token_count; }
    uint64_t total_tokens() const { return m_total_tokens; }
    // Word index (into Episode::words) of token `pos` of episode `d`.
    uint32_t word_of_token(DocId d, Pos pos) const {
        const DocInfo& di = m_docs[d];
        if (di.run_end - di.run_begin == 1) {  // the common case: one token per word throughout
            const Run& r = m_runs[di.run_begin];
            if (pos >= r.first_token) return r.one_to_one ? r.first_word + (pos - r.first_token) : r.first_word;
        }
        return word_of_token_slow(d, pos);
    }
    // Which token of its word `pos` is, when that word is written without spaces (Chinese,
    // Japanese: has_cjk_char); kWholeWord for any other word (a match covers it whole).
    uint32_t char_of_token(DocId d, Pos pos) const;
    // True when passage `gid` holds a word of several tokens ("jiu-jitsu"): only there can two
    // distinct token ranges map to the same word range.
    bool passage_has_multi_token_word(uint32_t gid) const { return m_passage_multi[gid] != 0; }
    // Maps many tokens to words cheaply when positions mostly increase (search results).
    class WordCursor {
    public:
        explicit WordCursor(const InvertedIndex& ix) : m_ix(ix) {}
        uint32_t word(DocId d, Pos pos) {
            const DocInfo& di = m_ix.m_docs[d];
            if (d != m_doc || m_run < di.run_begin || m_run >= di.run_end || m_ix.m_runs[m_run].first_token > pos) {
                m_doc = d;
                m_run = di.run_begin;  // restart at the episode's first run
            }
            while (m_run + 1 < di.run_end && m_ix.m_runs[m_run + 1].first_token <= pos) ++m_run;
            if (m_run >= di.run_end) return 0;
            const Run& r = m_ix.m_runs[m_run];
            return r.one_to_one ? r.first_word + (pos - r.first_token) : r.first_word;
        }
        // InvertedIndex::char_of_token of the `pos` last given to word()
        uint32_t char_of_last(Pos pos) const {
            if (m_run >= m_ix.m_runs.size()) return kWholeWord;
            const Run& r = m_ix.m_runs[m_run];
            return r.by_char && pos >= r.first_token ? pos - r.first_token : kWholeWord;
        }

    private:
        const InvertedIndex& m_ix;
        DocId m_doc = 0xFFFFFFFFu;
        uint32_t m_run = 0;
    };

    // Maps (episode, token) pairs, mostly in increasing order, to global passage ids: one
    // comparison while they stay in the current passage, passage_of() on any other move. The one
    // way postings and matches are grouped into passages (summaries, counts, clauses).
    class PassageCursor {
    public:
        explicit PassageCursor(const InvertedIndex& ix) : m_ix(ix) {}
        uint32_t at(DocId d, Pos pos) {
            if (d != m_doc || pos >= m_hi || pos < m_lo) {
                m_doc = d;
                m_gid = m_ix.passage_of(d, pos);
                m_lo = m_ix.m_passages[m_gid].first_token;
                m_hi = m_ix.passage_end_token(m_gid);
            }
            return m_gid;
        }

    private:
        const InvertedIndex& m_ix;
        DocId m_doc = 0xFFFFFFFFu;
        uint32_t m_gid = 0;
        Pos m_lo = 0, m_hi = 0;  // tokens [m_lo, m_hi) of passage m_gid
    };

    // Passages of episode `d`: [passages_begin(d), passages_end(d)) are global passage ids.
    uint32_t passages_begin(DocId d) const { return m_docs[d].passage_begin; }
    uint32_t passages_end(DocId d) const { return m_docs[d].passage_end; }
    uint32_t passage_count() const { return uint32_t(m_passages.size()); }
    const Passage& passage(uint32_t gid) const { return m_passages[gid]; }
    // Global passage id containing token `pos` of episode `d`.
    uint32_t passage_of(DocId d, Pos pos) const;
    // First token after passage `gid`; 0xFFFFFFFF for an episode's last passage (it runs to the end).
    Pos passage_end_token(uint32_t gid) const {
        return gid + 1 < m_passages.size() && m_passages[gid + 1].doc == m_passages[gid].doc ? m_passages[gid + 1].first_token
                                                                                           : Pos(0xFFFFFFFFu);
    }
    uint32_t passage_tokens(uint32_t gid) const {  // length in tokens (BM25 length norm)
        const Passage& p = m_passages[gid];
        const Pos end = passage_end_token(gid);
        return (end == Pos(0xFFFFFFFFu) ? m_docs[p.doc].token_count : end) - p.first_token;
    }
    double avg_passage_tokens() const;

    // ---- term dictionary ----

    size_t term_count() const { return m_terms.size(); }
    std::string_view term_text(TermId t) const;
    uint16_t term_span(TermId t) const { return m_terms[t].span; }
    uint32_t term_occurrences(TermId t) const { return m_terms[t].count; }
    // True when most of the term's occurrences begin with a capital (ASCII A-Z): a name
    // ("Friedman"), not an ordinary word ("chaos"; "Chess" opening a sentence now and then).
    bool term_name_like(TermId t) const;
    // Words indexed that begin with a capital: few (< 1% of total_tokens()) when the transcripts
    // are written without capitals, and term_name_like() then tells nothing.
    uint64_t capitalised_tokens() const { return m_capitalised_tokens; }
    // @return the term with exactly this folded text and span 1, or kNoTerm.
    TermId find(std::string_view folded) const { return find_span(folded, 1); }
    // @return joined-form terms ("jiujitsu" from "jiu-jitsu", span >= 2) with this text.
    void find_joined(std::string_view folded, std::vector<TermId>& out) const;
    // Span-1 terms starting with `prefix` (sorted by text), at most `max` (0 = no limit).
    // @return false when the limit cut the list.
    bool prefix_terms(std::string_view prefix, std::vector<TermId>& out, size_t max = 0) const;
    // Span-1 terms within edit distance `max_dist` of `folded` (the term itself excluded),
    // with their distance, appended in term order.
    void fuzzy_terms(std::string_view folded, int max_dist, std::vector<std::pair<TermId, int>>& out) const;
    // Span-1 terms with the same Snowball stem as `folded` (the term itself excluded).
    void stem_terms(std::string_view folded, std::vector<TermId>& out) const;
    // Span-1 terms with the same phonetic key (text.h) as `folded` (the term itself excluded).
    void phonetic_terms(std::string_view folded, std::vector<TermId>& out) const;

    // ---- postings ----

    // Append every occurrence of `t` to `out`, in (doc, pos) order, tagged with `level`.
    void occurrences(TermId t, std::vector<Occurrence>& out, uint8_t level = 0) const;

    // Group occurrences sorted by (doc, pos), all of one term, into passages (appended to `out`).
    void passage_counts(const Occurrence* begin, const Occurrence* end, std::vector<PassageCount>& out) const;
    // True when `t` has a passage summary: shrink() made one (IndexDesc::summary_min) and no
    // episode was added since.
    bool has_summary(TermId t) const { return summary_of(t) != nullptr; }
    // A dense term's positions in episode `d` as bits (bit p set when `t` occurs at token p;
    // token_count(d) / 64 + 1 words), built by shrink() (IndexDesc::bitmap_max_ratio); nullptr
    // when it has none.
    const uint64_t* position_bits(TermId t, DocId d) const;
    // Append `t`'s per-passage counts from its summary, in passage order. @return false (nothing
    // appended) when it has none.
    bool summary_counts(TermId t, std::vector<PassageCount>& out) const;
    // Append the occurrences of `t` in episode `d` at token positions [lo, hi), in position order:
    // a summarised term jumps close to (d, lo) through its skip directory; others decode the
    // whole list.
    void occurrences_in(TermId t, DocId d, std::vector<Occurrence>& out, uint8_t level = 0, Pos lo = 0,
                        Pos hi = 0xFFFFFFFFu) const;
    // The same, positions only.
    void positions_in(TermId t, DocId d, std::vector<Pos>& out, Pos lo = 0, Pos hi = 0xFFFFFFFFu) const;
    // For a summarised term: set bit p - shift of `bits` for every position p >= shift of `t` in
    // episode `d`, straight from the postings (no list in between; the phrase search's bit set).
    // `bits` holds at least token_count(d) / 64 + 1 words. @return false (nothing set) without a summary.
    bool mark_positions(TermId t, DocId d, Pos shift, uint64_t* bits) const;

    // Bytes held by the index (postings, dictionary, tables), capacity included.
    size_t memory_bytes() const;
    size_t postings_bytes() const;

private:
    struct TermInfo {             // 20 bytes: kept for the life of the index
        uint32_t text_begin = 0;  // into m_arena
        uint16_t text_len = 0;
        uint16_t span = 1;        // tokens covered (joined forms > 1)
        uint32_t count = 0;       // occurrences
        uint32_t head = 0;        // first postings slice in m_pool
        uint32_t first_size = 0;  // its size in bytes (the last 4 hold the link to the next slice)
    };
    struct BuildState {           // writer state per term; dropped by shrink(), rebuilt on demand
        uint32_t last_doc = 0;
        uint32_t last_pos = 0;
        uint32_t write = 0;       // next byte to write in m_pool
        uint32_t slice_end = 0;   // where the current slice's 4-byte link starts
        uint32_t level : 5;       // slice size level (<= kMaxLevel)
        uint32_t capitalised : 27;  // occurrences beginning with a capital (term_name_like; saturates)
        BuildState() : level(0), capitalised(0) {}
    };
    struct DocInfo {
        uint32_t token_count = 0;
        uint32_t run_begin = 0, run_end = 0;  // into m_runs
        uint32_t passage_begin = 0, passage_end = 0;
        uint32_t block_begin = 0;             // into m_passage_block: (token_count + 63) / 64 entries
    };
    struct Run {                // token -> word map, piecewise
        uint32_t first_token;
        uint32_t first_word;
        uint16_t one_to_one;   // 1: word advances with token; 0: all tokens map to first_word
        uint16_t by_char;      // 1: a word of several tokens written without spaces (has_cjk_char):
                               // a match marks its characters, not the whole word
    };

    struct Summary {              // a frequent term's passage summary and episode directory
        TermId term = 0;
        uint32_t passages = 0;                // entries
        uint32_t begin = 0, end = 0;          // bytes in m_summary: per passage varint(gid delta << 1 | has multi), varint(count)[, varint(multi)]
        uint32_t dir_begin = 0, dir_end = 0;  // into m_summary_dir
        uint32_t bits = kNoBits;              // into m_bits: the term's position bit set, every episode's at m_bit_base
    };
    static constexpr uint32_t kNoBits = 0xFFFFFFFFu;
    const Summary* summary_of(TermId t) const;
    template <class F>
    bool for_each_in(TermId t, DocId d, Pos lo, Pos hi, F f) const;
    void build_summaries();
    void drop_summaries();

    TermId find_span(std::string_view s, uint16_t span) const;
    // The table slot holding this term, or the empty slot where it would go (m_table not empty).
    size_t slot_of(std::string_view s, uint16_t span, uint64_t hash) const;
    // The same with the term's test as match(TermId).
    template <class Match>
    size_t probe(uint64_t hash, Match match) const;
    uint32_t word_of_token_slow(DocId d, Pos pos) const;
    struct WordLoop;
    static constexpr uint32_t kWordChunk = 2048;
    void index_words(WordLoop& loop, uint32_t w0, uint32_t w1);  // add_episode's words [w0, w1)
    // The term with this folded text and span, added when new; `hash` = hash_bytes(s, span).
    TermId intern(std::string_view s, uint16_t span, uint64_t hash);
    TermId intern(std::string_view s, uint16_t span);
    TermId add_term(std::string_view s, uint16_t span, uint64_t hash);  // intern's insertion
    // The common word (ASCII letters, digits, apostrophes; one token; see word_tokens) folded,
    // hashed and interned in one pass; `word` lies in a text ending at `text_end`.
    // @return its term, or kNoTerm for any other word.
    TermId intern_simple(std::string_view word, const char* text_end);
    bool term_is(TermId t, std::string_view s, uint16_t span) const;
    void grow_table();
    void add_posting(TermId t, DocId d, Pos p);
    void add_posting_slow(TermId t, DocId d, Pos p);  // first entry, or near a slice's end
    uint32_t alloc_slice(uint32_t size);
    void put_byte(BuildState& b, uint8_t v);
    void restore_build_state();
    void add_fuzzy(const std::vector<TermId>& terms);  // commit(): new span-1 terms into m_fuzzy_*
    // Append term t's postings stream to `out` (the bytes only, no slice links).
    void copy_postings(TermId t, std::vector<uint8_t>& out) const;
    // While building: f(begin, end) for each piece of term t's stream in m_pool, in order.
    template <class F>
    void for_each_piece(TermId t, F f) const;

    IndexDesc m_desc;
    std::string m_arena;
    std::vector<TermInfo> m_terms;
    std::vector<uint64_t> m_name_bits;  // term_name_like() per term, set by shrink() (m_build counts before)
    uint64_t m_capitalised_tokens = 0;
    std::vector<BuildState> m_build;  // parallel to m_terms while building
    std::vector<uint8_t> m_pool;      // postings: per term a chain of slices of growing size
    std::vector<uint32_t> m_table;  // open addressing, kNoTerm = empty
    std::vector<DocInfo> m_docs;
    std::vector<Run> m_runs;
    std::vector<Passage> m_passages;
    std::vector<uint8_t> m_passage_multi;  // per passage: 1 = holds a multi-token word
    // Per episode and block of kPassageBlock tokens: the passage holding the block's first token.
    // passage_of() starts there and walks at most the few passages inside one block (a passage is
    // ~30 s of speech, ~60-90 tokens), instead of a binary search per far jump: 4 bytes per 64
    // tokens (~2% of the index), for the per-occurrence passage look-ups of frequent words.
    static constexpr uint32_t kPassageBlockShift = 6;
    std::vector<uint32_t> m_passage_block;
    uint64_t m_total_tokens = 0;
    std::vector<Summary> m_summaries;       // sorted by term; empty when stale (episodes added since)
    std::vector<uint8_t> m_summary;         // their passage counts
    struct Skip {  // a summarised term's posting with its absolute place: decoding may start after it
        DocId doc;
        Pos pos;
        uint32_t next;  // offset (from the term's head) of the posting after it
    };
    std::vector<Skip> m_summary_dir;  // per summary: every episode's first posting and every kSkipEvery-th after
    std::vector<uint64_t> m_bits;      // position bit sets of the densest summarised terms
    std::vector<uint32_t> m_bit_base;  // per episode: its first word in a term's bit set (token_count / 64 + 1 words each)

    // commit() state
    size_t m_committed_terms = 0;
    std::vector<TermId> m_sorted;                      // span-1 terms sorted by text
    // (hash of key, term) sorted: candidates are verified against the key, so collisions are harmless
    using KeyIndex = std::vector<std::pair<uint32_t, TermId>>;
    KeyIndex m_stems;     // Snowball stem of span-1 terms
    KeyIndex m_phonetic;  // phonetic key of span-1 terms
    KeyIndex m_joined;    // text of joined-form terms (span > 1)
    // Fuzzy candidates: the span-1 terms of at most kEditDistanceMaxBytes (text.h) bytes grouped
    // by length, as two parallel arrays. fuzzy_terms() reads only the lengths within the distance
    // bound, not the whole term table (a typo-eligible word scanned every term of a large
    // vocabulary per query), and of those only the masks: a term's text is read only when its
    // letters pass, straight from the arena, and its id is looked up only when it matches (each
    // is a cache miss in a search that runs among others). Longer terms are left out:
    // edit_distance_bounded() never finds them near another word.
    std::vector<uint32_t> m_fuzzy_mask;  // letters present (letter_mask)
    std::vector<uint32_t> m_fuzzy_text;  // where the text starts in m_arena
    std::vector<uint32_t> m_fuzzy_begin;  // per length 0 .. kEditDistanceMaxBytes + 1: its first entry
    static void merge_keys(KeyIndex& ix, size_t old_size);
};

}  // namespace tx
