// topics_bench: time the topic engine on one transcript, natively or in WASM under node.
//   native: ./build/topics_bench assets/lex-fridman-383-mark-zuckerberg.txt [runs]
//   wasm:   node --no-experimental-fetch build-wasm/topics_bench.js assets/lex-fridman-383-mark-zuckerberg.txt
//           (build-wasm: `emcmake cmake -S . -B build-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release`,
//           then `cmake --build build-wasm --target topics_bench`)
// Reports the median (and the minimum) of R runs of: building the TopicDoc (the baseline: one pass over the words,
// the least any topic engine must do), segment_topics(), and build_timeline() (segmentation +
// labels + groups), with ratios against the baseline. A .txt is read as topic_doc_from_text()
// reads it (the demo's path); any other file (.vtt, .srt, .json, .html) is imported and read with
// topic_doc_from_episode(), as the page reads an episode of an archive.
//   archive: topics_bench --group RUNS FILE...   builds every file's timeline once (reports the
//   summed median-free time) and then the median of RUNS group_recurring() calls over them all
//   (the page's recurring topics of an archive, e.g. ../shared/data/lexicap/*.vtt).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/import.h"
#include "core/topics/topics.h"

namespace {

struct Times {
    double median = 0, min = 0;  // ms over the runs (min: the run least disturbed by other load)
};

template <class F>
Times time_ms(int runs, F&& f) {
    std::vector<double> t;
    for (int r = 0; r < runs; ++r) {
        auto a = std::chrono::steady_clock::now();
        f();
        auto b = std::chrono::steady_clock::now();
        t.push_back(std::chrono::duration<double, std::milli>(b - a).count());
    }
    std::sort(t.begin(), t.end());
    return {t[t.size() / 2], t[0]};
}

bool read_file(const char* path, std::string& out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::stringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return true;
}

bool is_txt(const std::string& p) { return p.size() > 4 && p.compare(p.size() - 4, 4, ".txt") == 0; }

// The file as an episode (imported) and as the topic engine's document.
bool load(const char* path, tx::Episode& ep, std::string& text) {
    if (!read_file(path, text)) {
        std::fprintf(stderr, "topics_bench: cannot read %s\n", path);
        return false;
    }
    if (is_txt(path)) return true;
    tx::ImportDesc d;
    d.name = path;
    auto r = tx::import_transcript(tx::Bytes{reinterpret_cast<const uint8_t*>(text.data()), text.size()}, d);
    if (!r) {
        std::fprintf(stderr, "topics_bench: %s: %s\n", path, r.message().c_str());
        return false;
    }
    ep = std::move(r.value());
    return true;
}

int group_bench(int runs, int nfiles, char** files) {
    std::vector<tx::TopicTimeline> tls;
    double build_ms = 0;
    for (int k = 0; k < nfiles; ++k) {
        tx::Episode ep;
        std::string text;
        if (!load(files[k], ep, text)) return 1;
        auto a = std::chrono::steady_clock::now();
        tx::TopicDoc doc = is_txt(files[k]) ? tx::topic_doc_from_text(text) : tx::topic_doc_from_episode(ep);
        auto tl = tx::build_timeline(doc, {}, ep.meta.chapters, ep.meta.duration_ms);
        build_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
        if (!tl) { std::fprintf(stderr, "topics_bench: %s: %s\n", files[k], tl.message().c_str()); return 1; }
        tls.push_back(std::move(tl.value()));
    }
    std::vector<const tx::TopicTimeline*> ptrs;
    size_t segs = 0, groups = 0;
    for (const auto& t : tls) { ptrs.push_back(&t); segs += t.segments.size(); }
    Times t_group = time_ms(runs, [&] { groups = tx::group_recurring(ptrs).size(); });
    std::printf("episodes: %d  segments: %zu  recurring topics: %zu  runs: %d\n", nfiles, segs, groups, runs);
    std::printf("| step | median ms | min ms |\n|---|---|---|\n");
    std::printf("| doc + build_timeline, all episodes once (sum) | %.1f | |\n", build_ms);
    std::printf("| group_recurring | %.2f | %.2f |\n", t_group.median, t_group.min);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: topics_bench FILE [runs]\n       topics_bench --group RUNS FILE...\n");
        return 2;
    }
    if (std::string(argv[1]) == "--group") {
        if (argc < 4) { std::fprintf(stderr, "usage: topics_bench --group RUNS FILE...\n"); return 2; }
        return group_bench(std::max(1, std::atoi(argv[2])), argc - 3, argv + 3);
    }
    tx::Episode ep;
    std::string text;
    if (!load(argv[1], ep, text)) return 1;
    const bool txt = is_txt(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 15;
    auto make_doc = [&] { return txt ? tx::topic_doc_from_text(text) : tx::topic_doc_from_episode(ep); };

    tx::TopicDoc doc = make_doc();
    size_t nb = 0, nseg = 0;
    Times t_doc = time_ms(runs, [&] { doc = make_doc(); });
    Times t_seg = time_ms(runs, [&] { nb = tx::segment_topics(doc).size(); });
    Times t_tl = time_ms(runs, [&] {
        auto tl = tx::build_timeline(doc, {}, ep.meta.chapters, ep.meta.duration_ms);
        nseg = tl.ok() ? tl->segments.size() : 0;
    });
    std::printf("file: %s  words: %zu  segments: %zu (boundaries %zu)  runs: %d\n", argv[1], doc.size(),
                nseg, nb, runs);
    std::printf("| step | median ms | min ms | x baseline |\n|---|---|---|---|\n");
    const char* from = txt ? "text" : "episode";
    std::printf("| %s -> TopicDoc (baseline) | %.2f | %.2f | 1.00 |\n", from, t_doc.median, t_doc.min);
    std::printf("| segment_topics | %.2f | %.2f | %.2f |\n", t_seg.median, t_seg.min, t_seg.median / t_doc.median);
    std::printf("| build_timeline (segments+labels+groups) | %.2f | %.2f | %.2f |\n", t_tl.median, t_tl.min,
                t_tl.median / t_doc.median);
    std::printf("| total from %s | %.2f | %.2f | %.2f |\n", from, t_doc.median + t_tl.median, t_doc.min + t_tl.min,
                (t_doc.median + t_tl.median) / t_doc.median);
    return 0;
}
