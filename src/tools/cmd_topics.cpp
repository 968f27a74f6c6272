// cmd_topics.cpp: `transcript topics` — topic timelines for transcript files, and the evaluation
// of the segmenter against human boundaries (`--eval DIR...`, format of ../shared/data/topics).
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/import.h"
#include "core/json.h"
#include "core/topics/boundary_cues.h"
#include "core/topics/segscore.h"
#include "core/topics/topics.h"
#include "core/topics/word_table.h"
#include "tools/commands.h"
#include "tools/file_util.h"

namespace {

using namespace tx;

bool read_all(const std::string& path, std::string& out) {
    auto data = tools::read_whole_file(path);
    if (!data) return false;
    out = std::move(data.value());
    return true;
}

std::vector<uint32_t> read_ints(const std::string& path, bool* ok = nullptr) {
    std::string s;
    std::vector<uint32_t> v;
    bool r = read_all(path, s);
    if (ok) *ok = r;
    std::istringstream is(s);
    long long x;
    while (is >> x)
        if (x >= 0 && x <= 0xffffffffLL) v.push_back(static_cast<uint32_t>(x));
    return v;
}

// `s` escaped for use inside a JSON string literal (without the quotes).
std::string json_escape(const std::string& s) {
    std::string o;
    json_append_string(o, s);
    return o.substr(1, o.size() - 2);
}

// A .txt file split on whitespace, so start_word indexes the file's whitespace-separated words.
Result<TopicDoc> load_doc(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return make_error(Errc::Io, "cannot read " + path + " (not a regular file)");
    std::string text;
    if (!read_all(path, text)) return make_error(Errc::Io, "cannot read " + path);
    return topic_doc_from_text(text);
}

// Replaces d.units with the word indices in `path` (one per line, as a topic set's .sents) when
// that file exists; indices out of range are dropped. @return true when the file was read.
bool read_units(const std::string& path, TopicDoc& d) {
    bool ok = false;
    std::vector<uint32_t> u = read_ints(path, &ok);
    if (!ok) return false;
    const uint32_t n = static_cast<uint32_t>(d.size());
    u.erase(std::remove_if(u.begin(), u.end(), [n](uint32_t x) { return x == 0 || x >= n; }), u.end());
    std::sort(u.begin(), u.end());
    u.erase(std::unique(u.begin(), u.end()), u.end());
    d.units = std::move(u);
    return true;
}

constexpr double kEstimatedMsPerWord = 60000.0 / kDefaultWordsPerMinute;  // as the importer estimates

std::string fmt_time(uint32_t ms) {
    char b[32];
    uint32_t s = ms / 1000;
    std::snprintf(b, sizeof b, "%u:%02u:%02u", s / 3600, s / 60 % 60, s % 60);
    return b;
}

// ---- evaluation ----

struct EvalParams {
    SegmentDesc seg;
    bool use_units = true;
    bool blocks = false;  // --blocks: no units at all (fixed word blocks), the old bare-text path
    std::string units_ext = "sents";  // which unit file gives candidate boundaries
    bool oracle = false;  // diagnostic: tune the penalty per document to the reference count
    int half = -1;  // -1 all docs, 0 even-indexed docs, 1 odd-indexed docs (tune/check split)
    std::string hyp_out;
    std::string dump_features;        // write per-unit boundary features + labels here (training)
    std::vector<float> cue_model;     // --cue-model FILE: feature weights for experiments
    std::unordered_map<std::string, int> clusters;  // --clusters FILE: word -> semantic cluster
};

struct Row {
    std::string doc, group;
    uint32_t n = 0, ref_segs = 0, hyp_segs = 0;
    double pk[3] = {0, 0, 0}, wd[3] = {0, 0, 0}, f1[3] = {0, 0, 0};  // ours, none, even
    double ms = 0;
};

std::vector<uint32_t> even_split(uint32_t n, size_t nseg) {
    std::vector<uint32_t> b;
    for (size_t i = 1; i < nseg; ++i) {
        uint32_t x = static_cast<uint32_t>(std::nearbyint(static_cast<double>(i) * n / nseg));
        if (x > 0 && x < n && (b.empty() || b.back() != x)) b.push_back(x);
    }
    return b;
}

std::vector<std::string> list_docs(const std::string& dir) {
    std::vector<std::string> ids;
    DIR* d = opendir(dir.c_str());
    if (!d) return ids;
    while (dirent* e = readdir(d)) {
        std::string name = e->d_name;
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0)
            ids.push_back(name.substr(0, name.size() - 4));
    }
    closedir(d);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void print_row(const char* set, const char* group, const char* method, size_t docs, double pk,
               double wd, double f1, double hs, double rs, double ms) {
    std::printf("| %s | %s | %s | %zu | %.4f | %.4f | %.3f | %.1f / %.1f | %.1f |\n", set, group,
                method, docs, pk, wd, f1, hs, rs, ms);
}

void summarize(const char* set, const char* group, const std::vector<const Row*>& rows) {
    if (rows.empty()) return;
    const char* names[3] = {"topics", "none", "even (oracle #segs)"};
    for (int m = 0; m < 3; ++m) {
        double pk = 0, wd = 0, f1 = 0, hs = 0, rs = 0, ms = 0;
        for (const Row* r : rows) {
            pk += r->pk[m]; wd += r->wd[m]; f1 += r->f1[m]; rs += r->ref_segs;
            hs += m == 0 ? r->hyp_segs : m == 1 ? 1 : r->ref_segs;
            ms += m == 0 ? r->ms : 0;
        }
        double c = static_cast<double>(rows.size());
        print_row(set, group, names[m], rows.size(), pk / c, wd / c, f1 / c, hs / c, rs / c, ms / c);
    }
}

int run_eval(const std::vector<std::string>& dirs, const EvalParams& p) {
    std::printf("| set | show | method | docs | Pk | WindowDiff | F1(+-k/2) | mean #segs hyp/ref | ms/doc |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    int rc = 0;
    for (const std::string& dir : dirs) {
        std::vector<std::string> ids = list_docs(dir);
        if (ids.empty()) { std::fprintf(stderr, "topics: no .txt documents in %s\n", dir.c_str()); rc = 1; continue; }
        std::string set = dir;
        while (!set.empty() && set.back() == '/') set.pop_back();
        set = set.substr(set.find_last_of('/') + 1);
        std::vector<Row> rows;
        for (size_t di = 0; di < ids.size(); ++di) {
            if (p.half >= 0 && static_cast<int>(di % 2) != p.half) continue;
            const std::string base = dir + "/" + ids[di];
            auto doc = load_doc(base + ".txt");
            if (!doc) { std::fprintf(stderr, "topics: %s\n", doc.message().c_str()); rc = 1; continue; }
            bool has_ref = false;
            std::vector<uint32_t> ref = read_ints(base + ".ref", &has_ref);
            if (!has_ref) { std::fprintf(stderr, "topics: missing %s.ref\n", base.c_str()); rc = 1; continue; }
            TopicDoc& d = doc.value();
            const uint32_t n = static_cast<uint32_t>(d.size());
            if (p.use_units) read_units(base + "." + p.units_ext, d);
            if (p.blocks) d.units.clear();
            if (!p.dump_features.empty()) {
                static std::ofstream dump;
                if (!dump.is_open()) {
                    dump.open(p.dump_features);
                    dump << "set\tdoc\thalf\tlabel";
                    for (const char* name : kCueFeatureNames) dump << "\t" << name;
                    dump << "\n";
                }
                std::vector<float> rows = boundary_cue_features(d, d.units);
                for (size_t u = 0; u < d.units.size(); ++u) {
                    bool is_ref = std::binary_search(ref.begin(), ref.end(), d.units[u]);
                    dump << set << "\t" << ids[di] << "\t" << di % 2 << "\t" << is_ref;
                    for (size_t c = 0; c < kCueFeatureCount; ++c) dump << "\t" << rows[u * kCueFeatureCount + c];
                    dump << "\n";
                }
            }
            auto t0 = std::chrono::steady_clock::now();
            std::vector<uint32_t> hyp = segment_topics(d, p.seg);
            if (p.oracle) {  // diagnostic only: bisect the penalty until #segments == reference
                double lo = 0, hi = 1e6;
                SegmentDesc sd = p.seg;
                for (int it = 0; it < 40 && hyp.size() != ref.size(); ++it) {
                    sd.boundary_penalty = static_cast<float>((lo + hi) / 2);
                    hyp = segment_topics(d, sd);
                    if (hyp.size() > ref.size()) lo = sd.boundary_penalty; else hi = sd.boundary_penalty;
                }
                if (std::getenv("TX_TOPICS_DEBUG")) {
                    size_t content = 0, types = 0;
                    std::vector<uint8_t> seen(d.vocab.size(), 0);
                    for (TermId t : d.terms)
                        if (t != kNoTopicTerm) { ++content; if (!seen[t]) { seen[t] = 1; ++types; } }
                    std::fprintf(stderr, "%s n=%u content=%zu ratio=%.3f ttr=%.3f pen=%.1f pen/content=%.4f segs=%zu\n",
                                 ids[di].c_str(), n, content, double(content) / n, double(types) / content,
                                 (lo + hi) / 2, (lo + hi) / 2 / content, ref.size() + 1);
                }
            }
            auto t1 = std::chrono::steady_clock::now();
            Row r;
            r.doc = ids[di];
            size_t g = r.doc.find_first_of("0123456789");
            r.group = r.doc.substr(0, g == std::string::npos ? r.doc.size() : g);
            r.n = n;
            r.ref_segs = static_cast<uint32_t>(ref.size() + 1);
            r.hyp_segs = static_cast<uint32_t>(hyp.size() + 1);
            r.ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
            const uint32_t k = seg_window_size(ref, n);
            const uint32_t tol = std::max<uint32_t>(1, k / 2);
            const std::vector<uint32_t> hyps[3] = {hyp, {}, even_split(n, ref.size() + 1)};
            for (int m = 0; m < 3; ++m) {
                r.pk[m] = seg_pk(ref, hyps[m], n, k);
                r.wd[m] = seg_windowdiff(ref, hyps[m], n, k);
                r.f1[m] = seg_boundary_prf(ref, hyps[m], tol).f1;
            }
            if (!p.hyp_out.empty()) {
                std::string out_dir = p.hyp_out + "/" + set;
                mkdir(p.hyp_out.c_str(), 0755);
                mkdir(out_dir.c_str(), 0755);
                std::ofstream f(out_dir + "/" + ids[di] + ".hyp");
                for (uint32_t b : hyp) f << b << "\n";
                std::ofstream s(out_dir + "/" + ids[di] + ".ours");  // our metrics for cross-checks
                char buf[128];
                std::snprintf(buf, sizeof buf, "%.6f %.6f %.6f\n", r.pk[0], r.wd[0], r.f1[0]);
                s << buf;
            }
            rows.push_back(std::move(r));
        }
        std::vector<const Row*> all;
        std::map<std::string, std::vector<const Row*>> groups;
        for (const Row& r : rows) { all.push_back(&r); groups[r.group].push_back(&r); }
        summarize(set.c_str(), "all", all);
        if (groups.size() > 1 && groups.size() < 6)
            for (const auto& kv : groups) summarize(set.c_str(), kv.first.c_str(), kv.second);
        std::fflush(stdout);
    }
    return rc;
}

void topics_usage(FILE* f) {
    std::fprintf(f,
                 "usage: transcript topics [--json] [--recurring] FILE...\n"
                 "       transcript topics --eval [--hyp-out DIR] [--no-units] [--half 0|1] SETDIR...\n"
                 "  FILE      .txt (whitespace-separated words, times estimated), .vtt/.srt/.sbv/.ass/.ssa/.json/.json3/\n"
                 "            .html/.ttml/.dfxp (imported), .txb bundle;\n"
                 "            a .txt's sentence starts come from its punctuation or, without any, are\n"
                 "            guessed; a file <name>.sents beside <name>.txt (word indices, one per line,\n"
                 "            as in the topic dev sets) gives them instead\n"
                 "  --recurring     also group segments across the files into recurring topics (with --json:\n"
                 "                  a last line {\"recurring\":[{label, segments:[{file, start_word, label}]}], \"episodes\":N})\n"
                 "  --group-sim X   cosine for segments of one episode to share a group (default 0.2)\n"
                 "  --json    one JSON object per line per episode: segments [{start_word, start_ms,\n"
                 "            end_ms, label, group, ...}] (start_word indexes the file's words;\n"
                 "            a bundle's episode with creator chapters adds chapters [{start_ms, title}];\n"
                 "            times are estimated at 164 words/minute for plain text, as in the page)\n"
                 "  --eval    score the segmenter on folders of <id>.txt/.ref[/.sents] (see\n"
                 "            ../shared/data/topics/README.md); prints Pk, WindowDiff, F1, ms/doc\n"
                 "            next to the 'none' and 'even split' baselines, per set and per show\n"
                 "  --hyp-out DIR   also write DIR/<set>/<id>.hyp (for ../shared/tools/segscore.py)\n"
                 "  --no-units      ignore .sents (sentence starts from punctuation, or guessed)\n"
                 "  --blocks        no sentence starts at all: candidate boundaries are fixed word blocks\n"
                 "  --units EXT     read candidate boundaries from <id>.EXT instead (e.g. turns)\n"
                 "  --half 0|1      evaluate only even/odd-indexed documents (tune on one, check the other)\n"
                 "  --oracle-count  diagnostic: give the segmenter the reference number of segments\n"
                 "  tuning knobs (defaults in segmenter.cpp): --alpha X (prior strength)\n"
                 "                  --beta X (penalty per word) --penalty X (nats per segment)\n"
                 "                  --min-seg N --min-frac X --block N --max-cands N\n"
                 "                  --cap-words N (penalty and shortest segment stop growing here)\n"
                 "  experiments (bench/TOPICS.md, off by default):\n"
                 "                  --cue X / --cue-keep Q / --cue-snap Q  boundary-cue model as DP bonus,\n"
                 "                  candidate filter or boundary snapping; --cue-model FILE other weights\n"
                 "                  --clusters FILE  word clusters (scripts/gen_topic_clusters.py)\n"
                 "                  --decay H (cache model)  --pen-exp G  --mbr T (MBR decoding for Pk)\n"
                 "                  --dump-features FILE  per-unit cue features + labels, for\n"
                 "                  scripts/train_boundary_cues.py\n");
}

}  // namespace

int cmd_topics(int argc, char** argv) {
    bool json = false, eval = false, recurring = false;
    EvalParams p;
    TopicDesc desc;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&](const char* what) -> const char* {
            if (i + 1 >= argc) { std::fprintf(stderr, "topics: %s needs a value\n", what); std::exit(2); }
            return argv[++i];
        };
        if (a == "--json") json = true;
        else if (a == "--recurring") recurring = true;
        else if (a == "--eval") eval = true;
        else if (a == "--hyp-out") p.hyp_out = next("--hyp-out");
        else if (a == "--no-units") p.use_units = false;
        else if (a == "--blocks") p.blocks = true;
        else if (a == "--units") p.units_ext = next("--units");
        else if (a == "--oracle-count") p.oracle = true;
        else if (a == "--half") p.half = std::atoi(next("--half"));
        else if (a == "--alpha") p.seg.prior_strength = static_cast<float>(std::atof(next("--alpha")));
        else if (a == "--penalty") p.seg.boundary_penalty = static_cast<float>(std::atof(next("--penalty")));
        else if (a == "--beta") p.seg.penalty_per_word = static_cast<float>(std::atof(next("--beta")));
        else if (a == "--min-frac") p.seg.min_segment_frac = static_cast<float>(std::atof(next("--min-frac")));
        else if (a == "--cue") p.seg.cue_weight = static_cast<float>(std::atof(next("--cue")));
        else if (a == "--cue-keep") p.seg.cue_keep = static_cast<float>(std::atof(next("--cue-keep")));
        else if (a == "--pen-exp") p.seg.penalty_exponent = static_cast<float>(std::atof(next("--pen-exp")));
        else if (a == "--mbr") p.seg.posterior_temp = static_cast<float>(std::atof(next("--mbr")));
        else if (a == "--decay") p.seg.decay_tokens = static_cast<float>(std::atof(next("--decay")));
        else if (a == "--cue-snap") p.seg.cue_snap = static_cast<float>(std::atof(next("--cue-snap")));
        else if (a == "--clusters") {  // a table from scripts/gen_topic_clusters.py
            std::string text, plain;
            const char* path = next("--clusters");
            if (!read_all(path, text)) { std::fprintf(stderr, "topics: cannot read %s\n", path); return 2; }
            for (size_t c = 0; c < text.size(); ++c) {  // the .inc's C strings: "word n\n"
                if (text[c] == '\\' && c + 1 < text.size() && text[c + 1] == 'n') { plain += '\n'; ++c; }
                else if (text[c] != '"') plain += text[c];
            }
            p.clusters = parse_word_table(plain);
        }
        else if (a == "--dump-features") p.dump_features = next("--dump-features");
        else if (a == "--cue-model") {
            std::ifstream f(next("--cue-model"));
            float x;
            while (f >> x) p.cue_model.push_back(x);
            if (p.cue_model.size() != kCueFeatureCount) { std::fprintf(stderr, "topics: --cue-model needs %zu numbers\n", kCueFeatureCount); return 2; }
        }
        else if (a == "--min-tc") p.seg.min_term_count = static_cast<uint32_t>(std::atoi(next("--min-tc")));
        else if (a == "--group-sim") desc.group_similarity = static_cast<float>(std::atof(next("--group-sim")));
        else if (a == "--min-seg") p.seg.min_segment_words = static_cast<uint32_t>(std::atoi(next("--min-seg")));
        else if (a == "--cap-words") p.seg.scale_cap_words = static_cast<uint32_t>(std::atoi(next("--cap-words")));
        else if (a == "--block") p.seg.block_words = static_cast<uint32_t>(std::atoi(next("--block")));
        else if (a == "--max-cands") p.seg.max_candidates = static_cast<uint32_t>(std::atoi(next("--max-cands")));
        else if (a == "-h" || a == "--help") { topics_usage(stdout); return 0; }
        else if (!a.empty() && a[0] == '-') { std::fprintf(stderr, "topics: unknown option %s\n", a.c_str()); topics_usage(stderr); return 2; }
        else files.push_back(a);
    }
    if (files.empty()) { topics_usage(stderr); return 2; }
    if (!p.cue_model.empty()) p.seg.cue_model = p.cue_model.data();
    if (!p.clusters.empty()) p.seg.clusters = &p.clusters;
    if (eval) return run_eval(files, p);
    desc.segment = p.seg;
    int rc = 0;
    std::vector<TopicTimeline> timelines;  // kept for --recurring
    std::vector<std::string> names;
    // One timeline per episode: .txt is split on whitespace here so start_word indexes the file's
    // whitespace-separated words (times estimated at a typical speaking rate); every other input
    // (.vtt/.srt/.json/.html/.txb) goes through the importers or the bundle reader and keeps its times.
    struct Item {
        std::string name;
        bool estimated;
        Result<TopicTimeline> tl;
    };
    // chapters: the creator's (a bundle's episode), printed after the computed segments
    auto emit = [&](const std::string& name, bool estimated, Result<TopicTimeline> tl, const std::vector<Chapter>& chapters) {
        if (!tl) { std::fprintf(stderr, "topics: %s: %s\n", name.c_str(), tl.message().c_str()); rc = 1; return; }
        if (json) {
            std::printf("{\"file\":\"%s\",\"words\":%u,\"times_estimated\":%s,\"segments\":[",
                        json_escape(name).c_str(), tl->word_count, estimated ? "true" : "false");
            for (size_t i = 0; i < tl->segments.size(); ++i) {
                const TopicSegment& s = tl->segments[i];
                std::printf("%s{\"start_word\":%u,\"end_word\":%u,\"start_ms\":%u,\"end_ms\":%u,\"label\":\"%s\",\"group\":%u,\"keywords\":[",
                            i ? "," : "", s.start_word, s.end_word, s.start_ms, s.end_ms,
                            json_escape(s.label).c_str(), s.group);
                for (size_t k = 0; k < s.keywords.size(); ++k)
                    std::printf("%s\"%s\"", k ? "," : "", json_escape(s.keywords[k]).c_str());
                std::printf("]}");
            }
            std::printf("]");
            if (!chapters.empty()) {
                std::printf(",\"chapters\":[");
                for (size_t i = 0; i < chapters.size(); ++i)
                    std::printf("%s{\"start_ms\":%u,\"title\":\"%s\"}", i ? "," : "", chapters[i].start_ms, json_escape(chapters[i].title).c_str());
                std::printf("]");
            }
            std::printf("}\n");
        } else {
            std::printf("%s: %u words, %zu segments", tools::terminal_text(name).c_str(), tl->word_count, tl->segments.size());
            if (!chapters.empty()) std::printf(", %zu chapters", chapters.size());
            std::printf("\n");
            for (const TopicSegment& s : tl->segments)
                std::printf("  %7u  %s  [g%u] %s\n", s.start_word,
                            fmt_time(s.start_ms).c_str(), s.group,
                            tools::terminal_text(s.label).c_str());
            for (const Chapter& c : chapters)
                std::printf("  chapter  %s  %s\n", fmt_time(c.start_ms).c_str(), tools::terminal_text(c.title).c_str());
        }
        if (recurring) {
            names.push_back(name);
            timelines.push_back(std::move(tl.value()));
        }
    };
    for (const std::string& path : files) {
        if (!tools::ends_with(path, ".txt")) {
            auto eps = tools::load_transcripts(path);
            if (!eps) { std::fprintf(stderr, "topics: %s\n", eps.message().c_str()); rc = 1; continue; }
            for (const Episode& ep : eps.value())
                emit(eps->size() > 1 && !ep.meta.title.empty() ? ep.meta.title : path, ep.meta.times_estimated,
                     build_timeline(ep, desc), ep.meta.chapters);
            continue;
        }
        auto doc = load_doc(path);
        if (!doc) { std::fprintf(stderr, "topics: %s\n", doc.message().c_str()); rc = 1; continue; }
        TopicDoc& d = doc.value();
        if (p.use_units) read_units(path.substr(0, path.size() - 4) + "." + p.units_ext, d);
        if (p.blocks) d.units.clear();
        d.start_ms.resize(d.size());
        for (size_t i = 0; i < d.size(); ++i) d.start_ms[i] = static_cast<uint32_t>(i * kEstimatedMsPerWord);
        emit(path, true, build_timeline(d, desc, {}, static_cast<uint32_t>(d.size() * kEstimatedMsPerWord)), {});
    }
    if (recurring) {
        std::vector<const TopicTimeline*> ptrs;
        for (const TopicTimeline& t : timelines) ptrs.push_back(&t);
        std::vector<RecurringTopic> groups = group_recurring(ptrs);
        if (json) {  // one more JSON line, so --json output stays one JSON object per line
            std::printf("{\"recurring\":[");
            for (size_t gi = 0; gi < groups.size(); ++gi) {
                const RecurringTopic& g = groups[gi];
                std::printf("%s{\"label\":\"%s\",\"segments\":[", gi ? "," : "", json_escape(g.label).c_str());
                for (size_t k = 0; k < g.members.size(); ++k) {
                    const auto& mem = g.members[k];
                    const TopicSegment& seg = timelines[mem.episode].segments[mem.segment];
                    std::printf("%s{\"file\":\"%s\",\"start_word\":%u,\"label\":\"%s\"}", k ? "," : "",
                                json_escape(names[mem.episode]).c_str(), seg.start_word, json_escape(seg.label).c_str());
                }
                std::printf("]}");
            }
            std::printf("],\"episodes\":%zu}\n", timelines.size());
            return rc;
        }
        std::printf("%zu recurring topics across %zu episodes\n", groups.size(), timelines.size());
        for (const RecurringTopic& g : groups) {
            std::printf("  %s  (%zu segments)\n", g.label.c_str(), g.members.size());
            for (size_t k = 0; k < g.members.size() && k < 6; ++k) {
                const auto& mem = g.members[k];
                std::printf("      %s @%u: %s\n", names[mem.episode].c_str(),
                            timelines[mem.episode].segments[mem.segment].start_word,
                            timelines[mem.episode].segments[mem.segment].label.c_str());
            }
            if (g.members.size() > 6) std::printf("      ...\n");
        }
    }
    return rc;
}
