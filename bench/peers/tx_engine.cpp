// tx_engine: the project's search engine behind a tiny C API, so bench/peers/run.mjs can drive
// the WASM build in the same node process as the peer engines (and a native build for reference).
//
//   WASM (node):  createTxEngine() -> _txb_build(ptr, len), _txb_search(qptr), _txb_index_bytes()
//   native:       tx_bench_peers PASSAGES.txt QUERIES.txt [--reps R]  -> one JSON line
//
// Input: passages separated by '\n'. Each passage is imported as one plain-text episode (one
// document = one ~60-word passage, exactly what the peers index), so "passages returned" is the
// engine's SearchResult::total_passages and means the same as the peers' result counts.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/import.h"
#include "core/search.h"

using namespace tx;
using Clock = std::chrono::steady_clock;

namespace {

Collection* g_coll = nullptr;
double g_build_ms = 0;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

}  // namespace

extern "C" {

// Build a fresh collection from '\n'-separated passages. @return passages indexed, or -1.
int txb_build(const char* data, int len) {
    delete g_coll;
    g_coll = nullptr;
    auto t0 = Clock::now();
    auto* c = new Collection();
    ImportDesc d;
    d.format = Format::PlainText;
    d.name = "p";
    int n = 0;
    const char* p = data;
    const char* end = data + len;
    while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
        if (!nl) nl = end;
        if (nl > p) {
            auto r = import_transcript(Bytes(std::string_view(p, size_t(nl - p))), d);
            if (!r) {
                std::fprintf(stderr, "import failed: %s\n", r.message().c_str());
                delete c;
                return -1;
            }
            if (!c->add(std::move(r.value()), false)) {
                delete c;
                return -1;
            }
            ++n;
        }
        p = nl + 1;
    }
    c->finish();
    g_build_ms = ms_since(t0);
    g_coll = c;
    return n;
}

double txb_build_ms() { return g_build_ms; }
double txb_index_bytes() { return g_coll ? double(g_coll->index().memory_bytes()) : 0; }

// Run a query as the page does (default SearchDesc, top 20 ranked with snippets).
// @return matched passages (all of them, not only the 20 returned), or -1 on a bad query.
int txb_search(const char* q) {
    if (!g_coll) return -1;
    SearchDesc sd;
    sd.limit = 20;
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

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s PASSAGES.txt QUERIES.txt [--reps R]\n", argv[0]);
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
    std::vector<double> builds;
    for (int r = 0; r < 3; ++r) {
        if (txb_build(data.data(), int(data.size())) < 0) return 1;
        builds.push_back(txb_build_ms());
    }
    std::vector<double> all;
    std::printf("{\"build_ms\":%.3f,\"index_bytes\":%.0f,\"queries\":[", pct(builds, 0.5), txb_index_bytes());
    for (size_t i = 0; i < queries.size(); ++i) {
        std::vector<double> lat;
        int n = 0;
        for (int r = 0; r < reps; ++r) {
            auto t0 = Clock::now();
            n = txb_search(queries[i].c_str());
            lat.push_back(ms_since(t0) * 1000.0);
        }
        all.insert(all.end(), lat.begin(), lat.end());
        std::printf("%s{\"count\":%d,\"p50_us\":%.1f,\"p95_us\":%.1f}", i ? "," : "", n, pct(lat, 0.5), pct(lat, 0.95));
    }
    std::printf("],\"query_p50_us\":%.1f,\"query_p95_us\":%.1f}\n", pct(all, 0.5), pct(all, 0.95));
    return 0;
}
#endif
