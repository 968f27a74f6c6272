// topics.h: the topic timeline engine. Splits an episode into topical segments, labels them,
// groups segments about the same thing (within an episode and across an archive), and produces
// the data the UI's timeline draws. Everything here is deterministic (no clocks, no randomness,
// no hash-order dependence) and runs on load: build_timeline on a 30k-word episode takes ~4 ms
// natively and ~5 ms in WASM, reading it into a TopicDoc ~2-3 ms more (fastest runs,
// bench/topics_bench.cpp; bench/TOPICS.md, "Speed round").
//
// Index of this file
//   ---- Input ----         TopicDoc: per word a normalised term, an optional time, optional units
//   ---- Segmentation ----  segment_topics(): boundaries chosen by dynamic programming;
//                           TopicSegmenter: the same in pieces of bounded work
//   ---- Labels ----        label_segments(): 2-4 keywords / key phrases per segment
//   ---- Timeline ----      build_timeline(): segments + labels + groups + colours + chapters;
//                           TimelineBuilder: the same in pieces (a UI spreads it over frames)
//   ---- Archive ----       group_recurring(): recurring topics across several episodes
//   ---- Hit density ----   hit_density(): per-query hits per timeline bin
//
// How segmentation works (see segmenter.cpp for the details and the measurements behind it):
// content words (stop words and spoken fillers removed, light plural folding) are counted per
// candidate segment; a segment's cost is the negative log marginal likelihood of its words under a
// Dirichlet-multinomial whose prior is centred on the whole episode's word distribution, so a
// segment only "pays off" when its vocabulary differs from the episode as a whole. A dynamic
// programme over candidate boundaries (sentence / cue / pause starts when the caller gives them,
// else fixed word blocks) minimises total cost plus a per-segment penalty proportional to the
// episode's length. The number of segments follows from the content; it is never given.
// Measured on the dev sets (bench/TOPICS.md): Pk 0.386 podcasts, 0.380 meetings, 0.171 Choi.
//
// Using it from the UI (all values, no ownership puzzles):
//   Result<TopicTimeline> tl = build_timeline(episode);       // once per episode, on load
//   for (const TopicSegment& s : tl->segments)                // bar from s.start_ms to s.end_ms
//       draw_bar(s.start_ms, s.end_ms, s.colour, s.label);    // colour by s.group
//   for (const Chapter& c : tl->chapters) draw_tick(c.start_ms, c.title);  // creator chapters
//   std::vector<float> d = hit_density(hit_positions, tl->word_count, 200); // query strip
//   std::vector<RecurringTopic> r = group_recurring({&tl_a, &tl_b, ...});    // archive view
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/base.h"
#include "core/episode.h"

namespace tx {

using TermId = uint32_t;                     // index into TopicDoc::vocab
constexpr TermId kNoTopicTerm = 0xffffffffu;      // a word that carries no topic (stop word, filler, empty)

// ---- Input ----

// One episode as the topic engine sees it. Build with TopicDocBuilder or topic_doc_from_episode().
struct TopicDoc {
    std::vector<std::string> vocab;        // term strings (folded form, e.g. "headset" for "headsets")
    std::vector<std::string> display;      // per term: the most frequent surface form, for labels
    std::vector<TermId> terms;             // per word: its term, or kNoTopicTerm for stop words/fillers
    std::vector<uint32_t> word_ids;        // per word: index into `surface` (stop words included)
    std::vector<std::string> surface;      // distinct lowercase surface words
    std::vector<uint32_t> start_ms;        // per word start time; empty when unknown
    std::vector<uint32_t> units;           // sorted word indices where a sentence/cue/pause unit
                                           // starts (candidate boundaries); empty = fixed blocks
    size_t size() const { return terms.size(); }
};

// Accumulates words one by one. `word` must already be normalised (lowercase); add() decides
// whether it is a stop word and folds plurals. Deterministic: term ids follow first occurrence.
class TopicDocBuilder {
public:
    void add(std::string_view word, uint32_t start_ms = 0);  // append one word
    void mark_unit_start();        // the next added word starts a new unit (sentence, cue, pause)
    void set_has_times(bool on) { m_has_times = on; }  // keep start_ms in the result (default off)
    // When the finished document has fewer than one unit per 60 words (raw speech-to-text output
    // has no punctuation), add guess_sentence_starts()'s starts to its units (default off).
    void set_guess_units(bool on) { m_guess_units = on; }
    TopicDoc finish();             // @return the document; the builder is left empty

private:
    TopicDoc m_doc;
    std::vector<uint32_t> m_surface_counts;   // per surface word
    std::vector<uint32_t> m_term_of_surface;  // per surface word: its term (or kNoTopicTerm)
    std::vector<std::vector<uint32_t>> m_forms;  // per term: surface ids seen (for `display`)
    // surface word -> id: open addressing (linear probing, at most half full) over surface id + 1
    // (0 = free), with each word's hash kept for growing; a std::unordered_map<std::string> cost a
    // string and a node per new word and a hash of every word (most of the document's build time)
    std::vector<uint32_t> m_surface_slots, m_surface_hash;
    std::unordered_map<std::string, uint32_t> m_term_index;     // folded term -> id
    bool m_has_times = false;
    bool m_unit_pending = false;
    bool m_guess_units = false;
};

// Split whitespace-separated text into words, lowercase ASCII and keep [a-z0-9'] only (so
// "Open-source," becomes "opensource"); word i of the result is whitespace word i of `text`
// (a word with no letters stays as an empty, topic-less word so indices line up). Units: a word
// after one ending in . ? or ! starts one; with little or no punctuation, guessed sentence starts
// are added (TopicDocBuilder::set_guess_units).
// @return the document (never fails; empty text gives an empty document).
TopicDoc topic_doc_from_text(std::string_view text);

// Adapter from the shared transcript model: each Episode word's bytes are lowercased (ASCII
// alnum and apostrophes kept), start_ms is copied, and every cue start becomes a unit start;
// except for plain text (EpisodeMeta::times_estimated), whose cues are fixed word blocks: there
// units come from punctuation and guessed sentence starts, as in topic_doc_from_text().
// @return the document; words whose bytes fall outside Episode::text become topic-less words.
TopicDoc topic_doc_from_episode(const Episode& ep);

// Guesses where sentences start in unpunctuated speech from the words either side of each gap
// (which words tend to end a sentence, "yeah", "right", and to start one, "so", "i"; tables learnt
// from punctuated transcripts by scripts/gen_sentence_starts.py). A stretch of more than 30 words
// without a likely start gets its most likely gap, so the result is never sparser than 30-word
// blocks. @return sorted word indices (> 0) where a sentence probably starts. Deterministic.
std::vector<uint32_t> guess_sentence_starts(const TopicDoc& doc);

// Sentence starts of an episode's words read as plain text: after each word ending in . ? or !,
// plus guessed ones when that gives fewer than one per 60 words (raw speech-to-text output). The
// same units topic_doc_from_episode() gives a plain-text episode, with 2 bytes of memory a word.
// @return sorted word indices (> 0).
std::vector<uint32_t> sentence_starts(const Episode& ep);

// True for stop words and spoken fillers ("um", "uh", "yeah", "like", "gonna", ...).
bool is_topic_stop_word(std::string_view w);
// True for an everyday English word (lower case): a stop word above, or a content word in the
// background table (in >= 20% of spoken and written documents: "model", "answer"). Search uses it
// to tell a misrecognition of a word from another, common word ("turing" vs "during", "trying").
bool is_common_english_word(std::string_view w);

// ---- Segmentation ----

struct SegmentDesc {
    uint32_t block_words = 0;       // candidate spacing in words when the doc has no units (default 30)
    uint32_t max_candidates = 0;    // cap on DP candidates; units are merged to respect it (default 800)
    uint32_t min_segment_words = 0; // shortest segment; 0 = max(60, min_segment_frac * words)
    uint32_t min_term_count = 0;    // terms seen fewer times in the episode are ignored (default 1)
    float min_segment_frac = 0;     // default shortest segment as a fraction of the words (0.025)
    float prior_strength = 0;       // Dirichlet concentration per segment; 0 = default (160)
    float penalty_per_word = 0;     // penalty per segment = this * words; 0 = default (0.012)
    float boundary_penalty = -1;    // >= 0: penalty per segment in nats (overrides penalty_per_word)
    uint32_t scale_cap_words = 0;   // the penalty and the shortest segment grow with the words up to
                                    // this many, then stay, so a longer episode gets more segments,
                                    // not longer ones; 0 = default (30,000: ~3 h of speech)
    // Experiments (bench/TOPICS.md): all off by default, none beat the default on speech. Native
    // builds only: the web build ignores them (segmenter.cpp, TX_TOPICS_EXPERIMENTS).
    float cue_weight = -1;          // DP bonus in nats per unit of boundary-cue log-odds (centred
                                    // on the episode's median; boundary_cues.h); <= 0 = off
    float cue_keep = 0;             // keep only this top fraction of candidates by cue score (0 = all)
    float cue_snap = 0;             // move each boundary to the best cue-scored candidate within
                                    // this fraction of the shorter neighbouring segment (0 = off)
    const float* cue_model = nullptr;  // cue feature weights instead of the built-in model
    const std::unordered_map<std::string, int>* clusters = nullptr;  // folded term -> semantic
                                    // cluster (scripts/gen_topic_clusters.py); each content word
                                    // also counts as its cluster (null = off)
    float decay_tokens = 0;         // counts inside a segment fade with this half-life in content
                                    // tokens (a cache model; 0 = plain counts)
    float penalty_exponent = 0;     // penalty = penalty_per_word x 10000 x (words / 10000)^this
                                    // (0 = 1: proportional to the words)
    float posterior_temp = 0;       // > 0: minimum-Bayes-risk decoding for Pk from the boundary
                                    // posterior at this temperature (0 = best path)
};

// @return sorted boundary word indices b (0 < b < doc.size()): a new segment starts at word b.
// Empty for an empty or very short document. Deterministic.
std::vector<uint32_t> segment_topics(const TopicDoc& doc, const SegmentDesc& desc = {});

// The same segmentation in pieces of bounded work, for a UI thread that must not block: the
// constructor prepares the candidates and tables (one pass over the words), run() advances the
// dynamic programme. Any sequence of run() calls gives exactly segment_topics(doc, desc).
//   TopicSegmenter s(doc);                 // copies what it needs from `doc`
//   while (!s.run(200000)) { /* yield */ }
//   std::vector<uint32_t> b = s.bounds();
class TopicSegmenter {
public:
    explicit TopicSegmenter(const TopicDoc& doc, const SegmentDesc& desc = {});
    // Do at most `max_work` steps of the programme (a step adds one content word to one candidate
    // segment; a 30k-word episode takes a few million). @return true when finished.
    bool run(uint64_t max_work);
    bool done() const { return m_done; }
    uint64_t work_done() const { return m_work; }  // steps so far
    // @return segment_topics()'s boundaries once done(); empty before, and for short documents.
    std::vector<uint32_t> bounds() const;

private:
    std::vector<uint32_t> m_cand, m_block_begin, m_back, m_slot, m_first;
    std::vector<TermId> m_flat;
    std::vector<double> m_log_c, m_log_n, m_best;
    double m_penalty = 0, m_cost = 0;
    uint32_t m_min_seg = 0, m_f = 0, m_k = 0;
    size_t m_i = 0, m_j = 0;
    uint64_t m_work = 0;
    bool m_done = true;
};

// ---- Labels ----

struct LabelDesc {
    uint32_t max_keywords = 0;  // keywords/phrases per segment label (default 3, at most 4)
    uint32_t min_count = 0;     // minimum occurrences in a segment to qualify (default 2)
};

// Keywords of each segment [bounds[i], bounds[i+1]), best first (bigrams such as "open source"
// preferred over their parts). Scores are c-TF-IDF within the episode times a background weight
// that discounts everyday English. A label holds no word said all through the episode, no word in
// two forms, no keyword shown by a neighbouring segment (bench/TOPICS.md lists the rules).
// @return one keyword list per segment (bounds.size()+1 lists).
std::vector<std::vector<std::string>> label_segments(const TopicDoc& doc,
                                                     const std::vector<uint32_t>& bounds,
                                                     const LabelDesc& desc = {});

// ---- Timeline ----

struct Rgba {
    uint8_t r = 0, g = 0, b = 0, a = 255;
};
// Colour of a topic group: a fixed 12-colour palette (mid-saturation, readable as a bar fill on
// light and dark backgrounds with either black or white labels), cycled by group id.
Rgba topic_colour(uint32_t group);

struct TermWeight {
    std::string term;     // folded term ("headset"), compared across episodes
    std::string display;  // surface form shown to people ("headsets")
    float weight = 0;
};

struct TopicSegment {
    uint32_t start_word = 0;  // first word (index into Episode::words / the .txt's words)
    uint32_t end_word = 0;    // one past the last word
    uint32_t start_ms = 0;    // time of start_word (0 when the doc has no times)
    uint32_t end_ms = 0;      // time of end_word (the episode's end for the last segment)
    std::string label;        // "open source · llama · meta ai": keywords joined with " · "
    std::vector<std::string> keywords;  // the label's parts plus a few more, best first
    uint32_t group = 0;       // topic group within the episode (segments that recur share it)
    Rgba colour;              // topic_colour(group)
    std::vector<TermWeight> profile;  // top weighted terms, unit length (for grouping across
                                      // episodes)
};

struct TopicTimeline {
    std::vector<TopicSegment> segments;   // cover all words in order
    std::vector<Chapter> chapters;        // creator chapters, passed through (may be empty)
    uint32_t word_count = 0;
    uint32_t duration_ms = 0;             // end of the timeline (last word's time or meta)
    uint32_t group_count = 0;             // groups are 0..group_count-1
};

struct TopicDesc {
    SegmentDesc segment;
    LabelDesc label;
    float group_similarity = 0;  // mean cosine to a group above which a segment joins it (default 0.20)
};

// Segment, label and group one episode. `chapters` are copied into the result untouched.
// @return the timeline; Errc::TooLarge when the document has more than 2^26 words;
// Errc::InvalidArgument (message names the field) when a hand-built doc is inconsistent
// (term id outside vocab, display/vocab or start_ms/terms size mismatch).
Result<TopicTimeline> build_timeline(const TopicDoc& doc, const TopicDesc& desc = {},
                                     const std::vector<Chapter>& chapters = {},
                                     uint32_t duration_ms = 0);

// Convenience: topic_doc_from_episode + build_timeline with the episode's chapters and duration.
Result<TopicTimeline> build_timeline(const Episode& ep, const TopicDesc& desc = {});

// build_timeline(ep, desc) in pieces of bounded work, so that a UI thread can spread one
// episode's timeline over several frames (the archive view computes one per episode in the
// background). Work is counted in segmentation steps (see TopicSegmenter::run); a word read into
// the TopicDoc counts kWordWork. step(max_work) does at most max_work, except that a call may do
// one indivisible piece alone (preparing the segmentation, or labelling and grouping the
// segments: each at most kWordWork per word). Any sequence of step() calls gives exactly
// build_timeline(ep, desc).
//   TimelineBuilder b(ep);                 // `ep` must outlive `b`
//   while (!b.step(200000)) { /* yield */ }
//   Result<TopicTimeline> tl = b.take();
class TimelineBuilder {
public:
    static constexpr uint64_t kWordWork = 48;  // a word's share of work (~ segmentation steps)
    explicit TimelineBuilder(const Episode& ep, const TopicDesc& desc = {});
    // @return true when the timeline is complete (take() may be called).
    bool step(uint64_t max_work);
    bool done() const { return m_stage == Stage::Done; }
    uint64_t work_done() const { return m_work; }
    // @return the timeline (or build_timeline's error) once done(); Errc::InvalidArgument before,
    // or when called twice.
    Result<TopicTimeline> take();

private:
    enum class Stage { Doc, Prepare, Segment, Assemble, Done };
    const Episode& m_ep;
    TopicDesc m_desc;
    Stage m_stage = Stage::Doc;
    TopicDocBuilder m_builder;
    size_t m_word = 0, m_cue = 0;
    TopicDoc m_doc;
    std::vector<TopicSegmenter> m_seg;  // 0 or 1 (built in Stage::Prepare)
    std::vector<Result<TopicTimeline>> m_result;  // 0 or 1 (set when done)
    uint64_t m_work = 0;
};

// ---- Archive ----

struct RecurringTopic {
    std::string label;  // keywords shared by the members, joined with " · "
    struct Member {
        uint32_t episode = 0;  // index into the timelines passed in
        uint32_t segment = 0;  // index into that timeline's segments
    };
    std::vector<Member> members;  // at least two segments, from at least two episodes
    Rgba colour;
};

// Group segments across several episodes into recurring topics (archive-level groups): pairs of
// segments from different episodes with profile cosine >= min_similarity are merged, most similar
// first, as long as the two groups' centroids stay that similar (no chaining into one blob).
// Labels prefer keyword phrases shared by several members ("string theory · gravity").
// @return the groups, largest first; empty when nothing recurs. Deterministic for the same input
// order. Lexicap (293 episodes, ~2000 segments): see RecurringGrouper for the cost.
std::vector<RecurringTopic> group_recurring(const std::vector<const TopicTimeline*>& timelines,
                                            float min_similarity = 0.35f);

// group_recurring() in pieces of bounded work, holding only what it needs of each timeline (each
// segment's profile and keywords, strings interned once for the archive), so that a UI can keep
// that instead of whole timelines and spread the grouping over frames:
//   RecurringGrouper g;
//   g.add(e, timeline_of_e);               // as each episode's timeline is built, in any order
//   while (!g.step(100000)) { /* yield */ } // once every episode is added
//   std::vector<RecurringTopic> r = g.take();
// Any order of add() calls and any sequence of step() calls give exactly group_recurring() over
// the timelines in episode order (an episode never added counts as a null timeline).
class RecurringGrouper {
public:
    explicit RecurringGrouper(float min_similarity = 0.35f) : m_min(min_similarity) {}
    // Keep episode `episode`'s segment profiles and keywords (a second add of it replaces the
    // first). Must not be called once step() has started.
    void add(uint32_t episode, const TopicTimeline& tl);
    // Do at most about `max_work` units (one unit ~ one profile term visited; a call may do one
    // indivisible piece alone: listing the items, sorting the candidate pairs, or ranking the
    // interned strings and starting the centroids; each at most a few ms in WASM for Lexicap).
    // @return true when the groups are ready (take() may be called).
    bool step(uint64_t max_work);
    bool done() const { return m_stage == Stage::Done; }
    // @return group_recurring()'s groups once done(); empty before (and after a first take()).
    std::vector<RecurringTopic> take();
    size_t memory_bytes() const;  // what add() keeps (strings, profiles, keywords), estimated

private:
    struct Entry { uint32_t term, display; float weight; };  // ids into m_strings
    struct Seg { std::vector<Entry> profile; std::vector<uint32_t> keywords; };
    struct Item { uint32_t ep, seg; };
    struct Pair { double sim; uint32_t i, j; };
    enum class Stage { Items, Pairs, Sort, Rank, Merge, Label, Done };
    uint32_t intern(const std::string& s);
    const Seg& seg_of(uint32_t item) const { return m_eps[m_items[item].ep][m_items[item].seg]; }
    uint32_t find(uint32_t x);
    float m_min;
    Stage m_stage = Stage::Items;
    std::vector<std::string> m_strings;                 // interned terms, displays, keywords
    std::unordered_map<std::string, uint32_t> m_ids;    // string -> id
    std::vector<std::vector<Seg>> m_eps;                // per episode, per segment
    // grouping state (step)
    std::vector<Item> m_items;
    std::vector<std::vector<std::pair<uint32_t, float>>> m_inv;  // term id -> (item, weight)
    std::vector<double> m_acc;
    std::vector<uint8_t> m_is_term;                     // per string: used as a profile term
    std::vector<Pair> m_pairs;
    std::vector<uint32_t> m_parent, m_rank;             // union-find; term id -> rank in string order
    std::vector<std::vector<std::pair<uint32_t, double>>> m_centroid;  // per root: (rank, weight), sorted
    std::vector<std::pair<uint32_t, std::vector<uint32_t>>> m_comps;   // root -> items, by root
    std::vector<RecurringTopic> m_out;
    size_t m_next = 0;                                  // item, pair or component to do next
};

// ---- Hit density ----

// Histogram of query hits along an episode: bin i covers words [i*n/bins, (i+1)*n/bins).
// @return `bins` values in [0, 1] (count / max count); all zeros when there are no hits;
// positions >= word_count are ignored; empty when bins == 0 or word_count == 0.
std::vector<float> hit_density(const std::vector<Pos>& hits, uint32_t word_count, uint32_t bins);

}  // namespace tx
