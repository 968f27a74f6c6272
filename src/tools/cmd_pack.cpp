// transcript pack / transcript info: write and inspect transcript bundles (docs/bundle-format.md).
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/import.h"
#include "core/text.h"
#include "tools/commands.h"
#include "tools/file_util.h"
#include "writer/bundle_writer.h"
#include "writer/manifest.h"

namespace {

using namespace tx;

struct Job {
    std::string path;
    const ManifestEntry* manifest = nullptr;  // metadata overlay, or null
};

bool ends_with(std::string_view s, std::string_view suffix) {  // ignoring ASCII case
    return s.size() >= suffix.size() && ascii_iequals(s.substr(s.size() - suffix.size()), suffix);
}
bool is_manifest(const std::string& p) { return ends_with(p, ".tsv") || ends_with(p, ".manifest"); }
std::string base_name(const std::string& p) {
    size_t s = p.find_last_of('/');
    return s == std::string::npos ? p : p.substr(s + 1);
}
std::string dir_name(const std::string& p) {
    size_t s = p.find_last_of('/');
    return s == std::string::npos ? "." : p.substr(0, s);
}
std::string stem(const std::string& name) {
    size_t dot = name.find_last_of('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}
// True when paths `a` and `b` are in the same folder (same device and inode: "d/x" and "./d/x" too).
bool same_folder(const std::string& a, const std::string& b) {
    struct stat sa, sb;
    return ::stat(dir_name(a).c_str(), &sa) == 0 && ::stat(dir_name(b).c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

// A chapters file among the inputs (import_chapters), for the transcripts it belongs to.
struct ChaptersFile {
    std::string path, where;  // where: " (manifest line N)" when a manifest listed it
    std::vector<Chapter> chapters;
};

std::string duration(uint32_t ms) {
    char b[32];
    uint32_t s = ms / 1000;
    std::snprintf(b, sizeof b, "%u:%02u:%02u", s / 3600, s / 60 % 60, s % 60);
    return b;
}

// The usage text: on stdout for --help, on stderr (status 2) after a wrong command line.
int pack_usage(FILE* f = stderr) {
    std::fprintf(f,
                 "usage: transcript pack -o OUT.txb [--strict] [--level N] [--dict BYTES] [--wpm N] [--quiet] [--repeat N] INPUT...\n"
                 "  INPUT: .txt/.vtt/.srt/.sbv/.ass/.ssa/.json/.json3/.html/.htm/.ttml/.dfxp transcripts, folders of them, or a manifest\n"
                 "         (.tsv/.manifest, tab-separated: file, title, date, source_url, media_url, speakers, chapters)\n"
                 "         Chapters files are attached to the transcript X.* beside them: X.chapters.vtt (a WebVTT\n"
                 "         chapters track), X.chapters.json or X.json (Podcasting 2.0 chapters); docs/publish.md\n"
                 "  --repeat N: pack the inputs N times (1..1000), titles marked \"(copy k)\": synthetic\n"
                 "         archives for benchmarks (bench/archive.sh)\n"
                 "  --strict      stop at the first unreadable or malformed input (default: skip it with a\n"
                 "                warning, still write the bundle, exit with status 1)\n"
                 "  --level N     zstd level 1..22 (default 19)\n"
                 "  --dict BYTES  train a shared zstd dictionary of up to BYTES (default: 0 = none)\n"
                 "  --wpm N       speaking rate for plain text times (default: the importer's)\n");
    return 2;
}

// -o names input `input`. @return the exit status.
int refuse_output(const std::string& out_path, const std::string& input) {
    std::fprintf(stderr, "transcript pack: -o %s is also an input (%s); refusing to overwrite it\n", out_path.c_str(), input.c_str());
    return 2;
}

}  // namespace

int cmd_pack(int argc, char** argv) {
    std::string out_path;
    bool strict = false, quiet = false;
    int repeat = 1;
    WriteDesc wdesc;
    double wpm = 0;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto need = [&](const char* what) -> const char* {
            if (i + 1 >= argc) { std::fprintf(stderr, "transcript pack: %s needs a value\n", what); return nullptr; }
            return argv[++i];
        };
        if (a == "-o" || a == "--output") {
            const char* v = need("-o");
            if (!v) return pack_usage();
            out_path = v;
        } else if (a == "--strict") {
            strict = true;
        } else if (a == "--repeat") {
            const char* v = need("--repeat");
            if (!v) return pack_usage();
            repeat = std::atoi(v);
            if (repeat < 1 || repeat > 1000) { std::fprintf(stderr, "transcript pack: --repeat must be 1..1000\n"); return 2; }
        } else if (a == "--quiet" || a == "-q") {
            quiet = true;
        } else if (a == "--level") {
            const char* v = need("--level");
            if (!v) return pack_usage();
            wdesc.level = std::atoi(v);
            if (wdesc.level < 1 || wdesc.level > 22) { std::fprintf(stderr, "transcript pack: --level must be 1..22\n"); return 2; }
        } else if (a == "--dict") {
            const char* v = need("--dict");
            if (!v) return pack_usage();
            long long n = std::atoll(v);
            if (n < 0 || n > (64 << 20)) { std::fprintf(stderr, "transcript pack: --dict must be 0..67108864\n"); return 2; }
            wdesc.dictionary_bytes = size_t(n);
        } else if (a == "--wpm") {
            const char* v = need("--wpm");
            if (!v) return pack_usage();
            wpm = std::atof(v);
            if (!(wpm > 0)) { std::fprintf(stderr, "transcript pack: --wpm must be a positive number\n"); return 2; }
        } else if (a == "-h" || a == "--help") {
            pack_usage(stdout);
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "transcript pack: unknown option '%s'\n", a.c_str());
            return pack_usage();
        } else {
            inputs.push_back(a);
        }
    }
    if (out_path.empty() || inputs.empty()) return pack_usage();

    int skipped = 0;
    auto problem = [&](const std::string& msg) -> bool {  // @return true when packing must stop
        std::fprintf(stderr, "transcript pack: %s%s\n", strict ? "error: " : "warning: skipping ", msg.c_str());
        ++skipped;
        return strict;
    };

    // Expand inputs into jobs.
    std::vector<std::vector<ManifestEntry>> manifests;
    manifests.reserve(inputs.size());
    std::vector<Job> jobs;
    for (const auto& in : inputs) {
        if (tools::is_directory(in)) {
            auto files = tools::list_files(in);
            if (!files) { if (problem(files.message())) return 1; continue; }
            size_t before = jobs.size();
            for (auto& f : files.value())
                if (is_transcript_file_name(f)) jobs.push_back({f, nullptr});
            if (jobs.size() == before) {
                std::string exts;
                for (std::string_view x : kTranscriptExtensions) exts += (exts.empty() ? "" : "/") + std::string(x);
                if (problem(in + ": no " + exts + " files in this folder")) return 1;
            }
        } else if (is_manifest(in)) {
            auto text = tools::read_whole_file(in);
            if (!text) { if (problem(text.message())) return 1; continue; }
            auto entries = parse_manifest(text.value());
            if (!entries) { if (problem(in + ": " + entries.message())) return 1; continue; }
            manifests.push_back(std::move(entries.value()));
            for (const auto& e : manifests.back())
                jobs.push_back({(!e.file.empty() && e.file[0] == '/') ? e.file : dir_name(in) + "/" + e.file, &e});
        } else {
            jobs.push_back({in, nullptr});
        }
    }

    // -o must not name an input: the bundle would replace a transcript (or manifest) the user
    // still needs. Same file = same device and inode, so "./a.vtt" and links are caught too.
    if (struct stat out_st; ::stat(out_path.c_str(), &out_st) == 0) {
        auto same = [&](const std::string& p) {
            struct stat st;
            return ::stat(p.c_str(), &st) == 0 && st.st_dev == out_st.st_dev && st.st_ino == out_st.st_ino;
        };
        for (const std::string& p : inputs)
            if (same(p)) return refuse_output(out_path, p);
        for (const Job& j : jobs)
            if (same(j.path)) return refuse_output(out_path, j.path);
    }
    if (!ends_with(out_path, ".txb"))
        std::fprintf(stderr, "transcript pack: warning: %s does not end in .txb; the explorer and the other commands "
                     "recognise bundles by that extension\n", out_path.c_str());

    // Import.
    const bool progress = !quiet && jobs.size() >= 20;
    const bool tty = isatty(2);
    auto t0 = std::chrono::steady_clock::now();
    std::vector<Episode> episodes;
    episodes.reserve(jobs.size());
    std::vector<const Job*> episode_jobs, skipped_jobs;  // the job of each episode; transcripts skipped
    std::vector<ChaptersFile> chapter_files;
    uint64_t input_bytes = 0;
    for (size_t k = 0; k < jobs.size(); ++k) {
        const Job& j = jobs[k];
        if (progress && (tty || (k + 1) % 25 == 0 || k + 1 == jobs.size())) {
            std::fprintf(stderr, tty ? "\r  reading %zu/%zu %-40.40s" : "  reading %zu/%zu %s\n", k + 1, jobs.size(), base_name(j.path).c_str());
            std::fflush(stderr);
        }
        auto data = tools::read_whole_file(j.path);
        std::string where = j.manifest ? " (manifest line " + std::to_string(j.manifest->line) + ")" : "";
        if (!data) { if (problem(data.message() + where)) return 1; continue; }
        if (ends_with(j.path, ".txb") || data->compare(0, 4, "\x89TXB") == 0) {  // was "invalid UTF-8 (byte 0)"
            if (problem(j.path + ": a transcript bundle (.txb) cannot be packed as a transcript; pack the transcripts it was made from" + where)) return 1;
            continue;
        }
        ImportDesc idesc;
        idesc.name = base_name(j.path);
        idesc.words_per_minute = wpm;
        std::vector<std::string> warnings;
        idesc.warnings = &warnings;
        auto print_warnings = [&] {
            for (const std::string& w : warnings) std::fprintf(stderr, "transcript pack: warning: %s%s\n", w.c_str(), where.c_str());
        };
        if (auto ch = import_if_chapters(Bytes(data.value()), idesc)) {  // a chapters file: attached to its transcript below
            print_warnings();
            if (!ch->ok()) { if (problem(j.path + ": " + without_file_name(ch->message(), idesc.name) + where)) return 1; continue; }
            const ManifestEntry* m = j.manifest;  // its line's fields are for a transcript: say they are not used
            if (m && (!m->meta.title.empty() || !m->meta.date.empty() || !m->meta.source_url.empty() ||
                      !m->meta.media_url.empty() || !m->meta.speakers.empty() || m->has_chapters))
                std::fprintf(stderr, "transcript pack: warning: %s%s: a chapters file: the manifest line's other fields are not used "
                             "(list its transcript %s.* there instead)\n", j.path.c_str(), where.c_str(), chapters_stem(idesc.name).c_str());
            chapter_files.push_back({j.path, where, std::move(ch->value())});
            continue;
        }
        auto ep = import_transcript(Bytes(data.value()), idesc);
        print_warnings();
        if (!ep) {
            skipped_jobs.push_back(&j);
            if (problem(j.path + ": " + without_file_name(ep.message(), idesc.name) + where)) return 1;  // the path names it
            continue;
        }
        // No title in the file (the importer fell back to the file name) and none in a manifest:
        // the transcript's opening line is the best title there is.
        if (ep->meta.title == stem(idesc.name) && !(j.manifest && !j.manifest->meta.title.empty())) {
            std::string t = title_from_opening(ep.value());
            if (!t.empty()) ep->meta.title = t;
        }
        if (j.manifest) {
            for (const std::string& w : chapter_problems(*j.manifest, ep->meta.duration_ms))
                std::fprintf(stderr, "transcript pack: warning: %s%s: %s\n", j.path.c_str(), where.c_str(), w.c_str());
            apply_manifest(*j.manifest, ep->meta);
        }
        input_bytes += data->size();
        episodes.push_back(std::move(ep.value()));
        episode_jobs.push_back(&j);
    }
    if (progress && tty) std::fprintf(stderr, "\n");

    // Chapters files: each to the transcripts in its folder with its stem (X.chapters.vtt,
    // X.chapters.json, X.json -> X.vtt, X.srt, ...; import.h). A manifest's chapters column wins.
    std::vector<std::string> chapters_from(episodes.size());  // the chapters file each episode's chapters came from
    for (const ChaptersFile& cf : chapter_files) {
        const std::string owner = chapters_stem(base_name(cf.path));
        auto owns = [&](const Job& t) { return stem(base_name(t.path)) == owner && same_folder(t.path, cf.path); };
        bool attached = false;
        auto note = [&](const std::string& what) {
            std::fprintf(stderr, "transcript pack: warning: %s%s: %s\n", cf.path.c_str(), cf.where.c_str(), what.c_str());
        };
        for (size_t e = 0; e < episodes.size(); ++e) {
            const Job& t = *episode_jobs[e];
            if (!owns(t)) continue;
            attached = true;
            if (t.manifest && t.manifest->has_chapters) {
                note("not used for " + t.path + ": manifest line " + std::to_string(t.manifest->line) + " gives its chapters");
            } else if (!chapters_from[e].empty()) {
                note("not used for " + t.path + ": its chapters come from " + chapters_from[e]);
            } else {
                for (const std::string& w : chapter_problems(cf.chapters, episodes[e].meta.duration_ms)) note(w);
                set_chapters(cf.chapters, episodes[e].meta);
                chapters_from[e] = cf.path;
            }
        }
        if (attached) continue;
        const auto failed = std::find_if(skipped_jobs.begin(), skipped_jobs.end(), [&](const Job* t) { return owns(*t); });
        if (failed != skipped_jobs.end()) {
            note("not used: its transcript " + (*failed)->path + " was skipped");
        } else if (problem(cf.path + ": a chapters file without its transcript: expected " + owner +
                           ".vtt (or .srt, .json, .txt, ...) in its folder among the inputs" + cf.where)) {
            return 1;
        }
    }
    if (episodes.empty()) {
        std::fprintf(stderr, "transcript pack: no episodes to pack; %s not written\n", out_path.c_str());
        return 1;
    }
    if (repeat > 1) {  // synthetic archive: the same episodes again, in the same order
        size_t n = episodes.size();
        episodes.reserve(n * size_t(repeat));
        for (int k = 2; k <= repeat; ++k)
            for (size_t i = 0; i < n; ++i) {
                Episode copy = episodes[i];
                copy.meta.title += " (copy " + std::to_string(k) + ")";
                episodes.push_back(std::move(copy));
            }
    }
    if (progress) std::fprintf(stderr, "  compressing %zu episodes (zstd level %d)...\n", episodes.size(), wdesc.level);
    auto bundle = write_bundle(episodes, wdesc);
    if (!bundle) {
        std::fprintf(stderr, "transcript pack: %s\n", bundle.message().c_str());
        return 1;
    }
    if (auto s = tools::write_whole_file(out_path, bundle.value()); !s) {
        std::fprintf(stderr, "transcript pack: %s\n", s.message().c_str());
        return 1;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!quiet) {
        uint64_t words = 0, text = 0;
        for (auto& e : episodes) { words += e.words.size(); text += e.text.size(); }
        std::printf("%-10s %12s %14s %14s %14s %8s\n", "episodes", "words", "input bytes", "text bytes", "bundle bytes", "ratio");
        std::printf("%-10zu %12s %14s %14s %14s %7.2f%%\n", episodes.size(), group_digits(words).c_str(),
                    group_digits(input_bytes).c_str(), group_digits(text).c_str(), group_digits(bundle->size()).c_str(),
                    text ? 100.0 * double(bundle->size()) / double(text) : 0.0);
        std::printf("wrote %s in %.1f s%s\n", out_path.c_str(), secs,
                    skipped ? (" (" + std::to_string(skipped) + " input(s) skipped)").c_str() : "");
    }
    return skipped ? 1 : 0;
}

int cmd_info(int argc, char** argv) {
    bool help = argc == 2 && (!std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help"));
    if (argc != 2 || argv[1][0] == '-') {
        std::fprintf(help ? stdout : stderr, "usage: transcript info BUNDLE.txb\n");
        return help ? 0 : 2;
    }
    std::string path = argv[1];
    auto data = tools::read_whole_file(path);
    if (!data) { std::fprintf(stderr, "transcript info: %s\n", data.message().c_str()); return 1; }
    auto b = read_bundle(Bytes(data.value()));
    if (!b) {
        std::fprintf(stderr, "transcript info: %s: %s [%s]\n", path.c_str(), b.message().c_str(), errc_name(b.errc()));
        return 1;
    }
    const BundleSummary& s = b->summary();
    std::printf("%s: transcript bundle, format %u, %s bytes\n", path.c_str(), s.format_version, group_digits(s.file_bytes).c_str());
    std::printf("episodes %zu, words %s, text %s bytes (bundle is %.2f%% of the text)\n", b->size(),
                group_digits(s.total_words).c_str(), group_digits(s.total_text_bytes).c_str(),
                s.total_text_bytes ? 100.0 * double(s.file_bytes) / double(s.total_text_bytes) : 0.0);
    std::printf("lexicon %s words in %s bytes, directory %s bytes, dictionary %s\n", group_digits(s.lexicon_words).c_str(),
                group_digits(s.lexicon_bytes).c_str(), group_digits(s.directory_bytes).c_str(),
                s.dictionary_bytes ? (group_digits(s.dictionary_bytes) + " bytes").c_str() : "none");
    std::printf("%5s  %-44s %-10s %9s %9s %-9s %6s %9s\n", "#", "title", "date", "words", "duration", "times", "chaps", "bytes");
    int bad = 0;
    for (size_t i = 0; i < b->size(); ++i) {
        const EpisodeInfo& e = b->episode(i);
        std::printf("%5zu  %s %s %9s %9s %-9s %6zu %9s\n", i + 1, tools::fit_columns(tools::terminal_text(e.meta.title), 44).c_str(),
                    tools::fit_columns(tools::terminal_text(e.meta.date), 10).c_str(),
                    group_digits(e.word_count).c_str(), duration(e.meta.duration_ms).c_str(),
                    e.meta.times_estimated ? "estimated" : "measured", e.meta.chapters.size(), group_digits(e.frame_bytes).c_str());
        auto ep = b->decode_episode(i);  // verify: every episode must decode
        if (!ep) {
            std::fprintf(stderr, "transcript info: %s: %s [%s]\n", path.c_str(), ep.message().c_str(), errc_name(ep.errc()));
            ++bad;
        }
    }
    return bad ? 1 : 0;
}
