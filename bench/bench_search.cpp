// bench_search: index build time, index bytes and query latency, natively and in WASM (node).
//
//   tx_bench_search [DEMO.txt] [--copies N] [--reps R] [--warmup W] [--only QUERY] [--summary-min N] [--json]
//
// Corpora: the demo episode, and N (default 100) deterministically shuffled copies of it
// (8-word chunks shuffled per copy, so phrases survive and get new neighbours): 2.97 M words.
// Baselines measured in the same run: import (UTF-8 split into words) for build time, and a
// brute-force scan of the token stream for query latency.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/import.h"
#include "core/search.h"
#include "core/text.h"

using namespace tx;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::string read_file(const char* path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

Episode import_plain(const std::string& text, const std::string& name) {
    ImportDesc d;
    d.format = Format::PlainText;
    d.name = name;
    auto r = import_transcript(Bytes(text), d);
    if (!r) {
        std::fprintf(stderr, "import failed: %s\n", r.message().c_str());
        std::exit(1);
    }
    return std::move(r.value());
}

struct QuerySpec {
    const char* kind;
    const char* text;
};

const QuerySpec kQueries[] = {
    {"word", "facebook"},        {"word", "metaverse"},          {"word", "the"},
    {"word", "jiujitsu"},        {"word", "consciousness"},      {"words", "mark zuckerberg"},
    {"words", "open source ai"}, {"phrase", "\"mark zuckerberg\""}, {"phrase", "\"the future of\""},
    {"phrase", "\"to be\""},     {"phrase", "\"open source\""},  {"prefix", "meta*"},
    {"prefix", "zuck*"},         {"prefix", "th*"},              {"typo", "zuckerburg"},
    {"typo", "metavers"},        {"typo", "facebok"},            {"typo", "instagarm"},
    {"sound", "Lex Fridman"},    {"mixed", "ai -facebook"},      {"mixed", "llama OR llamas"},
};

// Baseline: scan the folded token stream for the query's tokens (phrase semantics).
size_t brute_force(const std::vector<std::vector<std::string>>& docs, const std::vector<std::string>& q) {
    size_t n = 0;
    for (const auto& d : docs)
        for (size_t i = 0; i + q.size() <= d.size(); ++i) {
            bool ok = true;
            for (size_t k = 0; k < q.size() && ok; ++k) ok = d[i + k] == q[k];
            n += ok;
        }
    return n;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t i = size_t(p * double(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
    const char* demo = "assets/lex-fridman-383-mark-zuckerberg.txt";
    int copies = 100, reps = 15, warmup = 60;
    bool json = false;
    const char* only = nullptr;  // --only Q: run just this query (for profiling)
    IndexDesc idesc;             // --summary-min N: passage summaries for terms with >= N occurrences (0 = none)
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--copies") && i + 1 < argc) copies = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--reps") && i + 1 < argc) reps = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--warmup") && i + 1 < argc) warmup = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--json")) json = true;
        else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
        else if (!std::strcmp(argv[i], "--summary-min") && i + 1 < argc) idesc.summary_min = uint32_t(std::atoi(argv[++i]));
        else demo = argv[i];
    }
#ifdef __EMSCRIPTEN__
    const char* platform = "wasm";
#else
    const char* platform = "native";
#endif
    std::string text = read_file(demo);
    if (text.empty()) {
        std::fprintf(stderr, "cannot read %s\n", demo);
        return 1;
    }

    // ---- demo ----
    auto t0 = Clock::now();
    Episode demo_ep = import_plain(text, "demo");
    double demo_import_ms = ms_since(t0);
    size_t demo_words = demo_ep.words.size();
    // index build alone (episode already imported), 5 runs: the first one also pays for cold
    // caches and, in WASM, the engine's baseline tier; the median is the steady state
    std::vector<double> demo_runs;
    for (int r = 0; r < 5; ++r) {
        t0 = Clock::now();
        InvertedIndex ix;
        (void)ix.add_episode(demo_ep);
        ix.commit();
        ix.shrink();
        demo_runs.push_back(ms_since(t0));
    }
    double demo_index_ms = demo_runs[0];
    double demo_warm_ms = percentile(demo_runs, 0.5);
    Collection demo_c;
    (void)demo_c.add(std::move(demo_ep), false);
    demo_c.finish();
    size_t demo_bytes = demo_c.index().memory_bytes();

    // ---- 100x shuffled corpus ----
    std::vector<std::string> words;
    {
        std::vector<WordSpan> spans;
        split_words(text, spans);
        for (const auto& s : spans) words.push_back(text.substr(s.begin, s.end - s.begin));
    }
    std::mt19937 rng(2023);
    std::vector<std::string> texts;
    size_t raw_bytes = 0;
    for (int c = 0; c < copies; ++c) {
        std::vector<size_t> chunks;
        for (size_t k = 0; k < words.size(); k += 8) chunks.push_back(k);
        // Fisher-Yates with raw mt19937 output: std::shuffle differs between libstdc++ (native)
        // and libc++ (emscripten), and both builds must measure the same corpus.
        for (size_t k = chunks.size(); k > 1; --k) std::swap(chunks[k - 1], chunks[size_t(rng()) % k]);
        std::string t;
        t.reserve(text.size() + 16);
        for (size_t k : chunks)
            for (size_t j = k; j < std::min(words.size(), k + 8); ++j) {
                t += words[j];
                t += ' ';
            }
        raw_bytes += t.size();
        texts.push_back(std::move(t));
    }
    t0 = Clock::now();
    std::vector<Episode> eps;
    for (int c = 0; c < copies; ++c) eps.push_back(import_plain(texts[size_t(c)], "copy" + std::to_string(c)));
    double big_import_ms = ms_since(t0);
    size_t big_words = 0;
    for (const auto& e : eps) big_words += e.words.size();
    // index build (add_episode for every episode + commit), 3 runs; then compaction
    std::vector<double> big_runs;
    size_t big_bytes_building = 0;
    for (int r = 0; r < 3; ++r) {
        t0 = Clock::now();
        InvertedIndex ix;
        for (const auto& e : eps) (void)ix.add_episode(e);
        ix.commit();
        big_runs.push_back(ms_since(t0));
        big_bytes_building = ix.memory_bytes();
    }
    double big_index_ms = percentile(big_runs, 0.5);
    double big_index_min_ms = *std::min_element(big_runs.begin(), big_runs.end());
    Collection big(idesc);
    for (auto& e : eps) (void)big.add(std::move(e), false);
    big.commit();
    t0 = Clock::now();
    big.finish();
    double big_shrink_ms = ms_since(t0);
    size_t big_bytes = big.index().memory_bytes();

    // ---- queries on the big corpus ----
    std::vector<std::vector<std::string>> token_docs(big.size());
    {
        WordTokens wt;
        for (DocId d = 0; d < big.size(); ++d) {
            const Episode& ep = big.episode(d);
            for (const Word& w : ep.words) {
                word_tokens(std::string_view(ep.text).substr(w.begin, w.end - w.begin), wt);
                for (size_t k = 0; k < wt.count(); ++k) token_docs[d].emplace_back(wt.part(k));
            }
        }
    }
    std::vector<double> all, all_cpu;
    double cold_max = 0;  // the slowest first (cold) run of a query
    std::string rows;
    SearchDesc sd;
    sd.limit = 20;
    // what a results list plus one reader needs: all counts, the top 20 with snippets, and the word
    // matches of the episode on screen (here the first one). The explorer page currently asks for
    // every episode's matches (MatchScope::All, for F3 across episodes): bench/archive.sh measures it.
    sd.matches = MatchScope::Doc;
    sd.match_doc = 0;
    for (const auto& q : kQueries) {
        if (only && std::strcmp(only, q.text)) continue;
        std::vector<double> lat, cpu;  // wall and process CPU time per run
        SearchResult last;
        // Warm-up runs first, left out of the percentiles: the first one is reported on its own
        // (`first ms`: cold caches, heap growth), the rest let V8 finish optimising. It runs a WASM
        // function with its baseline compiler (Liftoff) until the function has done enough work,
        // and a heavy query's code ran ~1.5x slower for its first ~50 runs here (with node
        // --no-liftoff every run was as fast as the later ones).
        double cold_ms = 0;
        for (int r = -warmup; r < reps; ++r) {
            auto tq = Clock::now();
            std::clock_t cq = std::clock();
            auto res = big.search(q.text, sd);
            if (r < 0) {  // a failure is reported by the last run
                if (r == -warmup) cold_ms = ms_since(tq);
                continue;
            }
            lat.push_back(ms_since(tq));
#ifdef __EMSCRIPTEN__
            (void)cq;  // clock() ticks in whole milliseconds there: report wall time only
            cpu.push_back(lat.back());
#else
            cpu.push_back(1000.0 * double(std::clock() - cq) / CLOCKS_PER_SEC);
#endif
            if (!res) {
                std::fprintf(stderr, "query %s failed: %s\n", q.text, res.message().c_str());
                return 1;
            }
            last = std::move(res.value());
        }
        all.insert(all.end(), lat.begin(), lat.end());
        all_cpu.insert(all_cpu.end(), cpu.begin(), cpu.end());
        // brute-force baseline (exact tokens of the query as a phrase) for words and phrases
        double bf_ms = 0;
        size_t bf_n = 0;
        if (!std::strcmp(q.kind, "word") || !std::strcmp(q.kind, "phrase")) {
            std::vector<std::string> qt;
            WordTokens wt;
            std::string s = q.text;
            std::istringstream is(s);
            std::string w;
            while (is >> w) {
                w.erase(std::remove(w.begin(), w.end(), '"'), w.end());
                word_tokens(w, wt);
                for (size_t k = 0; k < wt.count(); ++k) qt.emplace_back(wt.part(k));
            }
            auto tb = Clock::now();
            bf_n = brute_force(token_docs, qt);
            bf_ms = ms_since(tb);
        }
        char buf[512];
        char scan[64] = "-";
        if (bf_ms > 0) std::snprintf(scan, sizeof scan, "%.2f (%zu)", bf_ms, bf_n);
        std::snprintf(buf, sizeof buf, "| %-6s | %-22s | %8u | %11llu | %8.3f | %8.3f | %8.3f | %8.3f | %8.3f | %-18s |\n", q.kind,
                      q.text, last.total_passages, (unsigned long long)last.occurrences, percentile(lat, 0.5),
                      percentile(lat, 0.95), percentile(cpu, 0.5), percentile(cpu, 0.95), cold_ms, scan);
        cold_max = std::max(cold_max, cold_ms);
        rows += buf;
    }
    double p50 = percentile(all, 0.5), p95 = percentile(all, 0.95);
    double cpu50 = percentile(all_cpu, 0.5), cpu95 = percentile(all_cpu, 0.95);

    std::printf("== search benchmark (%s) ==\n", platform);
    std::printf("demo: %zu words, %zu bytes raw; import %.2f ms; index %.2f ms (first run), %.2f ms (median of 5); index %zu bytes (%.2fx raw)\n",
                demo_words, text.size(), demo_import_ms, demo_index_ms, demo_warm_ms, demo_bytes,
                double(demo_bytes) / double(text.size()));
    std::printf("%dx: %zu words, %zu bytes raw; import %.1f ms (baseline); index %.1f ms (median of 3, best %.1f; %.2fx import) + compact %.1f ms\n",
                copies, big_words, raw_bytes, big_import_ms, big_index_ms, big_index_min_ms, big_index_ms / big_import_ms,
                big_shrink_ms);
    std::printf("%dx index: %zu bytes while building (%.2fx raw), %zu bytes compacted (%.2fx raw)\n", copies,
                big_bytes_building, double(big_bytes_building) / double(raw_bytes), big_bytes,
                double(big_bytes) / double(raw_bytes));
    std::printf("queries on %dx (%d timed runs each after %d warm-up runs, the first of them reported as `first ms`; limit 20, snippets and\n"
                "the on-screen episode's match list included):\n",
                copies, reps, warmup);
#ifdef __EMSCRIPTEN__
    std::printf("(wall time; the cpu columns repeat it: clock() has millisecond ticks in WASM)\n");
#else
    std::printf("(wall time, and process CPU time, which a machine shared with other jobs inflates less)\n");
#endif
    std::printf("| kind   | query                  | passages | occurrences | p50 ms   | p95 ms   | cpu p50  | cpu p95  | first ms | scan ms (exact n)  |\n");
    std::printf("|--------|------------------------|----------|-------------|----------|----------|----------|----------|----------|--------------------|\n");
    std::fputs(rows.c_str(), stdout);
    std::printf("all queries: median %.3f ms, p95 %.3f ms; CPU time median %.3f ms, p95 %.3f ms; slowest first run %.3f ms\n", p50, p95,
                cpu50, cpu95, cold_max);
    if (json) {  // one machine-readable last line for bench/search.sh
        std::printf("JSON {\"platform\":\"%s\",\"demo_words\":%zu,\"demo_raw_bytes\":%zu,\"demo_import_ms\":%.2f,"
                    "\"demo_index_ms\":%.2f,\"demo_index_warm_ms\":%.2f,\"demo_index_bytes\":%zu,\"big_words\":%zu,\"big_raw_bytes\":%zu,"
                    "\"big_import_ms\":%.1f,\"big_index_ms\":%.1f,\"big_index_min_ms\":%.1f,\"big_shrink_ms\":%.1f,"
                    "\"big_index_bytes_building\":%zu,\"big_index_bytes\":%zu,\"query_p50_ms\":%.4f,\"query_p95_ms\":%.4f,"
                    "\"query_cpu_p50_ms\":%.4f,\"query_cpu_p95_ms\":%.4f,\"query_first_max_ms\":%.4f}\n",
                    platform, demo_words, text.size(), demo_import_ms, demo_index_ms, demo_warm_ms, demo_bytes, big_words,
                    raw_bytes, big_import_ms, big_index_ms, big_index_min_ms, big_shrink_ms, big_bytes_building, big_bytes, p50,
                    p95, cpu50, cpu95, cold_max);
    }
    return 0;
}
