// archive_steps: how long the archive load's units of work and AppModel::step() slices take,
// natively or in WASM under node (no browser, no drawing: the page adds its draw time on top).
//
//   archive_steps BUNDLE.txb [--budget MS] [--units]
//     default   load the bundle in an AppModel and call step(now, MS) (default 8, the page's budget
//               in a drawn frame) until it is idle, as the page does; report per phase (indexing,
//               topics) the number of steps, the total, the longest step and how many steps ran
//               over the budget (by > 5 ms / > 15 ms).
//     --units   time the indivisible pieces the old loader ran per step, one episode at a time:
//               decode, index (Collection::add), commit, and the topic timeline (TopicDoc,
//               segmentation, whole build_timeline, and the longest TimelineBuilder::step call of
//               150k work units), and print the largest of each; then group_recurring over all
//               the timelines, and the same in RecurringGrouper steps (add, memory, longest step).
// WASM: node --no-experimental-fetch build-wasm/archive_steps.js BUNDLE.txb
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/model/app_model.h"
#include "core/bundle.h"
#include "core/search.h"
#include "core/topics/topics.h"

using namespace tx;
using Clock = std::chrono::steady_clock;

namespace {

const Clock::time_point g_t0 = Clock::now();
constexpr uint64_t kPieceWork = 150000;  // as AppModel's kTopicWorkChunk
constexpr uint64_t kRecurringWork = 100000;  // as AppModel's kRecurringWorkChunk

double now_ms() { return std::chrono::duration<double, std::milli>(Clock::now() - g_t0).count(); }

std::string read_file(const char* path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

struct Worst {  // the slowest instances of one unit of work
    const char* what;
    double total = 0;
    std::vector<std::pair<double, uint32_t>> all;  // (ms, episode)
    void add(double t, uint32_t e) {
        total += t;
        all.push_back({t, e});
    }
    void print(const Bundle& b) {
        std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
        std::printf("  %-24s total %8.1f ms, longest:", what, total);
        for (size_t i = 0; i < all.size() && i < 4; ++i)
            std::printf(" %6.2f ms (#%u, %u w)", all[i].first, all[i].second, b.episode(all[i].second).word_count);
        std::printf("\n");
    }
};

int units(const Bundle& b) {
    Worst dec{"decode"}, add{"index (Collection::add)"}, commit{"commit"}, doc{"topics: TopicDoc"},
        seg{"topics: segment_topics"}, tl{"topics: build_timeline"}, piece{"topics: longest piece"};
    Collection c;
    std::vector<TopicTimeline> timelines;  // for group_recurring over the whole archive
    for (uint32_t e = 0; e < b.size(); ++e) {
        double t = now_ms();
        auto ep = b.decode_episode(e);
        if (!ep) { std::fprintf(stderr, "episode %u: %s\n", e, ep.message().c_str()); return 1; }
        dec.add(now_ms() - t, e);
        Episode copy = ep.value();
        t = now_ms();
        auto id = c.add(std::move(copy), false);
        add.add(now_ms() - t, e);
        if (id) c.release_text(id.value());
        t = now_ms();
        c.commit();
        commit.add(now_ms() - t, e);
        t = now_ms();
        TopicDoc d = topic_doc_from_episode(ep.value());
        doc.add(now_ms() - t, e);
        t = now_ms();
        auto bounds = segment_topics(d);
        seg.add(now_ms() - t, e);
        t = now_ms();
        auto timeline = build_timeline(ep.value());
        tl.add(now_ms() - t, e);
        if (timeline) timelines.push_back(std::move(timeline.value()));
        TimelineBuilder builder(ep.value());  // the same in pieces: the longest single call
        double longest = 0;
        for (bool done = false; !done;) {
            t = now_ms();
            done = builder.step(kPieceWork);
            longest = std::max(longest, now_ms() - t);
        }
        piece.add(longest, e);
    }
    std::printf("units over %zu episodes:\n", b.size());
    for (Worst* x : {&dec, &add, &commit, &doc, &seg, &tl, &piece}) x->print(b);
    std::vector<const TopicTimeline*> ptrs;
    size_t segments = 0;
    for (const TopicTimeline& x : timelines) { ptrs.push_back(&x); segments += x.segments.size(); }
    double t = now_ms();
    const size_t groups = group_recurring(ptrs).size();
    std::printf("  group_recurring          %8.1f ms for %zu segments of %zu episodes: %zu recurring topics\n",
                now_ms() - t, segments, ptrs.size(), groups);
    RecurringGrouper g;  // the same in pieces, as the page runs it (AppModel's kRecurringWorkChunk)
    t = now_ms();
    for (uint32_t e = 0; e < timelines.size(); ++e) g.add(e, timelines[e]);
    const double add_ms = now_ms() - t;
    double longest = 0, total = 0;
    size_t pieces = 0;
    for (bool done = false; !done; ++pieces) {
        t = now_ms();
        done = g.step(kRecurringWork);
        longest = std::max(longest, now_ms() - t);
        total += now_ms() - t;
    }
    std::printf("  RecurringGrouper         add %.1f ms (all episodes), keeps %.2f MB; %zu steps of %llu work: "
                "%.1f ms in all, longest %.2f ms; %zu topics\n", add_ms, double(g.memory_bytes()) / 1048576.0, pieces,
                (unsigned long long)kRecurringWork, total, longest, g.take().size());
    return 0;
}

struct PhaseStats {
    const char* name;
    std::vector<double> steps;
    void print(double budget) const {
        if (steps.empty()) { std::printf("  %-9s no steps\n", name); return; }
        double total = 0, worst = 0;
        size_t over5 = 0, over15 = 0;
        for (double s : steps) {
            total += s;
            worst = std::max(worst, s);
            over5 += s > budget + 5;
            over15 += s > budget + 15;
        }
        std::vector<double> sorted = steps;
        std::sort(sorted.begin(), sorted.end());
        std::printf("  %-9s %6zu steps, %8.1f ms in all, p50 %6.2f ms, p99 %6.2f ms, longest %7.2f ms, "
                    "over budget+5 ms: %zu, over budget+15 ms: %zu\n",
                    name, steps.size(), total, sorted[sorted.size() / 2], sorted[size_t(0.99 * double(sorted.size() - 1))],
                    worst, over5, over15);
    }
};

}  // namespace

int main(int argc, char** argv) {
    const char* path = nullptr;
    double budget = 8;
    bool unit_mode = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--budget") && i + 1 < argc) budget = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--units")) unit_mode = true;
        else path = argv[i];
    }
    if (!path) {
        std::fprintf(stderr, "usage: archive_steps BUNDLE.txb [--budget MS] [--units]\n");
        return 2;
    }
    const std::string bytes = read_file(path);
    if (unit_mode) {
        auto b = read_bundle(Bytes(bytes));
        if (!b) { std::fprintf(stderr, "%s: %s\n", path, b.message().c_str()); return 1; }
        return units(b.value());
    }
    AppModel m;
    double t = now_ms();
    Status st = m.load_bundle(Bytes(bytes));
    if (!st) { std::fprintf(stderr, "%s: %s\n", path, st.message().c_str()); return 1; }
    double load_ms = now_ms() - t;
    PhaseStats indexing{"indexing"}, topics{"topics"};
    double indexed_at = 0, start = now_ms();
    const NowFn clock = [] { return now_ms(); };
    for (;;) {
        bool was_indexing = m.indexed_episodes() < m.episode_count();
        t = now_ms();
        bool more = m.step(clock, budget);
        double dt = now_ms() - t;
        (was_indexing ? indexing : topics).steps.push_back(dt);
        if (was_indexing && m.indexed_episodes() == m.episode_count()) indexed_at = now_ms() - start;
        if (!more) break;
    }
    std::printf("%s: %zu episodes, %zu words; load call %.1f ms; budget %.1f ms per step\n", path, m.episode_count(),
                m.total_words(), load_ms, budget);
    std::printf("  indexed after %.1f ms of steps, topics done after %.1f ms; index %.1f MB, %zu recurring topics\n",
                indexed_at, now_ms() - start, double(m.index_bytes()) / 1048576.0, m.archive_topics().size());
    indexing.print(budget);
    topics.print(budget);
    return 0;
}
