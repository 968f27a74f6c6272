// topics_bench: time the topic engine on one transcript, natively or in WASM under node.
//   native: ./build/topics_bench assets/lex-fridman-383-mark-zuckerberg.txt
//   wasm:   node --no-experimental-fetch build-wasm/topics_bench.js assets/lex-fridman-383-mark-zuckerberg.txt
// Reports the median of R runs of: building the TopicDoc from text (the baseline: one pass over
// the words, the least any topic engine must do), segment_topics(), and build_timeline()
// (segmentation + labels + groups), with ratios against the baseline.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/topics/topics.h"

namespace {

template <class F>
double median_ms(int runs, F&& f) {
    std::vector<double> t;
    for (int r = 0; r < runs; ++r) {
        auto a = std::chrono::steady_clock::now();
        f();
        auto b = std::chrono::steady_clock::now();
        t.push_back(std::chrono::duration<double, std::milli>(b - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: topics_bench FILE.txt [runs]\n");
        return 2;
    }
    std::ifstream f(argv[1], std::ios::binary);
    if (!f) {
        std::fprintf(stderr, "topics_bench: cannot read %s\n", argv[1]);
        return 1;
    }
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string text = ss.str();
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 15;

    tx::TopicDoc doc = tx::topic_doc_from_text(text);
    size_t nb = 0, nseg = 0;
    double t_doc = median_ms(runs, [&] { doc = tx::topic_doc_from_text(text); });
    double t_seg = median_ms(runs, [&] { nb = tx::segment_topics(doc).size(); });
    double t_tl = median_ms(runs, [&] {
        auto tl = tx::build_timeline(doc);
        nseg = tl.ok() ? tl->segments.size() : 0;
    });
    std::printf("file: %s  words: %zu  segments: %zu (boundaries %zu)  runs: %d\n", argv[1], doc.size(),
                nseg, nb, runs);
    std::printf("| step | median ms | x baseline |\n|---|---|---|\n");
    std::printf("| text -> TopicDoc (baseline) | %.2f | 1.00 |\n", t_doc);
    std::printf("| segment_topics | %.2f | %.2f |\n", t_seg, t_seg / t_doc);
    std::printf("| build_timeline (segments+labels+groups) | %.2f | %.2f |\n", t_tl, t_tl / t_doc);
    std::printf("| total from text | %.2f | %.2f |\n", t_doc + t_tl, (t_doc + t_tl) / t_doc);
    return 0;
}
