// tx_engine: the project's search engine behind a tiny C API, so bench/peers/run.mjs can drive
// the WASM build in the same node process as the peer engines (and a native build for reference).
//
//   WASM (node):  createTxEngine() -> _txb_begin(), _txb_episode_text(len), _txb_add_episode(),
//                 _txb_finish(), _txb_search(qptr), _txb_index_bytes()
//   native:       tx_bench_peers PASSAGES.txt QUERIES.txt [--reps R]  -> one JSON line
//                 tx_bench_peers PASSAGES.txt QUERIES.txt --dump  -> every query's results as text
//                 (bench/peers/identical.mjs diffs two builds' dumps: a faster build must not change them)
//
// Input: passages separated by '\n', episodes by an empty line; every passage becomes one cue
// and one search passage, so "passages returned" (SearchResult::total_passages) means the same
// as the peers' result counts (each peer indexes every passage as one document).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/search.h"
#include "core/text.h"

using namespace tx;
using Clock = std::chrono::steady_clock;

namespace {

Collection* g_coll = nullptr;     // the last collection built
Collection* g_building = nullptr;  // between txb_begin and txb_finish
Episode g_ep;                     // the episode being filled (txb_episode_text)
std::vector<WordSpan> g_spans;
std::vector<uint32_t> g_pstart;   // byte offset of each passage in the episode text
int g_passages = 0;
Clock::time_point g_t0;
double g_build_ms = 0;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

}  // namespace

extern "C" {

// Building, one episode at a time (the WASM driver writes each episode's UTF-8 straight into its
// text; txb_build below feeds a whole input through the same calls):
//   txb_begin(); for each episode { p = txb_episode_text(len); fill p[0, len); txb_add_episode(); }
//   txb_finish();
// An episode's text holds its passages separated by '\n'. Its cues are exactly its passages (20 s
// each, so the index's 30 s passage grouping keeps one cue per passage): the engine ranks and
// counts the same passages the peers index as documents, inside episodes as in the page.
void txb_begin() {
    delete g_coll;
    g_coll = nullptr;
    delete g_building;
    g_t0 = Clock::now();
    g_building = new Collection();
    g_passages = 0;
}

// @return where the caller writes the next episode's `len` bytes of text.
char* txb_episode_text(int len) {
    g_ep = Episode();
    g_ep.text.resize(size_t(std::max(len, 0)));
    return g_ep.text.data();
}

// Split the episode filled through txb_episode_text into words and passage cues and index it.
// @return 0, or -1 when the collection refuses it.
int txb_add_episode() {
    Episode& ep = g_ep;
    ep.meta.title = "episode " + std::to_string(g_building->size());
    ep.meta.times_estimated = true;
    std::vector<uint32_t>& pstart = g_pstart;
    std::vector<WordSpan>& spans = g_spans;
    pstart.clear();
    pstart.push_back(0);
    for (size_t i = ep.text.find('\n'); i != std::string::npos; i = ep.text.find('\n', i + 1))
        pstart.push_back(uint32_t(i + 1));
    spans.clear();  // split_words appends
    split_words(ep.text, spans);
    ep.words.reserve(spans.size());
    // Passage p's words: those starting before passage p + 1; a cue per passage up to the
    // last one with words (empty passages before it get empty cues).
    size_t w = 0;
    for (size_t p = 0; p < pstart.size() && w < spans.size(); ++p) {
        const uint32_t end = p + 1 < pstart.size() ? pstart[p + 1] : UINT32_MAX, t0 = uint32_t(p) * 20000;
        const size_t first = w;
        for (; w < spans.size() && spans[w].begin < end; ++w)
            ep.words.push_back(Word{spans[w].begin, spans[w].end, t0 + 300 * uint32_t(w - first), kNoSpeaker});
        if (w == first) continue;
        while (ep.cues.size() < p) ep.cues.push_back(Cue{uint32_t(first), 0, uint32_t(ep.cues.size()) * 20000, uint32_t(ep.cues.size()) * 20000 + 20000});
        ep.cues.push_back(Cue{uint32_t(first), uint32_t(w - first), t0, t0 + 20000});
    }
    g_passages += int(pstart.size());
    ep.meta.duration_ms = uint32_t(pstart.size()) * 20000;
    return g_building->add(std::move(ep), false) ? 0 : -1;
}

// Commit and compact the collection built since txb_begin. @return passages indexed.
int txb_finish() {
    g_building->finish();
    g_build_ms = ms_since(g_t0);
    g_coll = g_building;
    g_building = nullptr;
    return g_passages;
}

// Build a fresh collection from one input: passages separated by '\n', episodes separated by an
// empty line. @return passages indexed, or -1.
int txb_build(const char* data, int len) {
    txb_begin();
    std::string_view all(data, size_t(len));
    size_t at = 0;
    while (at < all.size()) {
        size_t e = all.find("\n\n", at);
        if (e == std::string_view::npos) e = all.size();
        std::memcpy(txb_episode_text(int(e - at)), all.data() + at, e - at);
        if (txb_add_episode() < 0) {
            delete g_building;
            g_building = nullptr;
            return -1;
        }
        at = e + 2;
    }
    return txb_finish();
}

double txb_build_ms() { return g_build_ms; }
double txb_index_bytes() { return g_coll ? double(g_coll->index().memory_bytes()) : 0; }

// Run a query the way a results list plus one reader needs it: every passage counted, the top 20
// ranked with snippets, and the word matches of the episode on screen (the first one) for the
// reader's highlights (MatchScope::Doc). The explorer page currently asks for every episode's
// matches (MatchScope::All, for F3 across episodes); bench/archive.sh measures the page itself.
// @return matched passages (all of them, not only the 20 returned), or -1 on a bad query.
int txb_search(const char* q) {
    if (!g_coll) return -1;
    SearchDesc sd;
    sd.limit = 20;
    sd.matches = MatchScope::Doc;
    sd.match_doc = 0;
    auto r = g_coll->search(q, sd);
    if (!r) return -1;
    return int(r.value().total_passages);
}

}  // extern "C"

#ifndef __EMSCRIPTEN__
static std::string read_all(const char* path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

static double pct(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

// FNV-1a of a match list: thousands of matches compared as one number.
static uint64_t matches_hash(const std::vector<WordMatch>& ms) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&](uint32_t v) {
        for (int k = 0; k < 4; ++k) h = (h ^ ((v >> (8 * k)) & 0xFF)) * 1099511628211ull;
    };
    for (const WordMatch& m : ms) {
        mix(m.doc);
        mix(m.first_word);
        mix(m.word_count);
        mix(uint32_t(m.level));
    }
    return h;
}

// Everything a query returns, as text (scores to 9 digits: a float's exact value): the counts, the
// per-episode summary, every word match (as a hash), and the ranked hits with snippets. Searches
// with MatchScope::All and the first 20 hits, as the explorer's results list.
static void dump_query(const std::string& q) {
    SearchDesc sd;
    sd.limit = 20;
    auto r = g_coll->search(q, sd);
    std::printf("Q %s\n", q.c_str());
    if (!r) {
        std::printf("  error %s\n", errc_name(r.errc()));
        return;
    }
    const SearchResult& s = r.value();
    std::printf("  passages %u occurrences %llu episodes %zu matches %zu #%016llx partial %u/%u\n", s.total_passages,
                (unsigned long long)s.occurrences, s.episodes.size(), s.matches.size(),
                (unsigned long long)matches_hash(s.matches), s.partial_of, s.partial_best);
    for (const std::string& w : s.warnings) std::printf("  warning %s\n", w.c_str());
    for (const EpisodeHits& e : s.episodes)
        std::printf("  ep %u %u %u %.9g\n", e.doc, e.passages, e.matches, double(e.best_score));
    for (const Hit& h : s.hits) {
        std::printf("  hit %u p%u w%u-%u t%u %.9g %s |%s|", h.doc, h.passage, h.word, h.last_word, h.time_ms, double(h.score),
                    match_level_name(h.level), h.snippet.text.c_str());
        for (const ByteSpan& b : h.snippet.highlights) std::printf(" %u-%u", b.begin, b.end);
        std::printf("\n");
    }
}

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s PASSAGES.txt QUERIES.txt [--reps R | --dump]\n", argv[0]);
        return 2;
    }
    int reps = 15;
    if (argc >= 5 && !std::strcmp(argv[3], "--reps")) reps = std::atoi(argv[4]);
    std::string data = read_all(argv[1]);
    std::vector<std::string> queries;
    {
        std::istringstream qs(read_all(argv[2]));
        std::string line;
        while (std::getline(qs, line))
            if (!line.empty()) queries.push_back(line);
    }
    if (argc >= 4 && !std::strcmp(argv[3], "--dump")) {
        const int n = txb_build(data.data(), int(data.size()));
        if (n < 0) return 1;
        const InvertedIndex& ix = g_coll->index();
        std::printf("passages %d episodes %u terms %zu tokens %llu index-passages %u\n", n, ix.doc_count(), ix.term_count(),
                    (unsigned long long)ix.total_tokens(), ix.passage_count());
        for (const std::string& q : queries) dump_query(q);
        return 0;
    }
    std::vector<double> builds;
    for (int r = 0; r < 3; ++r) {
        if (txb_build(data.data(), int(data.size())) < 0) return 1;
        builds.push_back(txb_build_ms());
    }
    // The order of run.mjs's WASM loop: every query warmed up (30 runs or 300 ms), then each rep
    // runs every query once. Run back to back, a query found its data in the cache from its run
    // before and measured 2-4x faster than the interleaved WASM figures it is printed beside
    // (sunglasses on the 100x corpus: 17 us back to back, 59 us interleaved, 86 us in WASM).
    std::vector<int> counts(queries.size(), 0);
    for (size_t i = 0; i < queries.size(); ++i) {
        const auto w0 = Clock::now();
        counts[i] = txb_search(queries[i].c_str());
        for (int w = 1; w < 30 && ms_since(w0) < 300; ++w) txb_search(queries[i].c_str());
    }
    std::vector<std::vector<double>> lat(queries.size());
    for (int r = 0; r < reps; ++r)
        for (size_t i = 0; i < queries.size(); ++i) {
            auto t0 = Clock::now();
            txb_search(queries[i].c_str());
            lat[i].push_back(ms_since(t0) * 1000.0);
        }
    std::vector<double> all;
    std::printf("{\"build_ms\":%.3f,\"index_bytes\":%.0f,\"queries\":[", pct(builds, 0.5), txb_index_bytes());
    for (size_t i = 0; i < queries.size(); ++i) {
        all.insert(all.end(), lat[i].begin(), lat[i].end());
        std::printf("%s{\"count\":%d,\"p50_us\":%.1f,\"p95_us\":%.1f}", i ? "," : "", counts[i], pct(lat[i], 0.5), pct(lat[i], 0.95));
    }
    std::printf("],\"query_p50_us\":%.1f,\"query_p95_us\":%.1f}\n", pct(all, 0.5), pct(all, 0.95));
    return 0;
}
#endif
