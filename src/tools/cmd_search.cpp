// transcript search: import transcript files, index them and print ranked hits.
//   transcript search --query Q [--json] [--limit N] [--wpm N] [--strict] FILE...
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/import.h"
#include "core/json.h"
#include "core/search.h"
#include "tools/commands.h"
#include "tools/file_util.h"

namespace {

using namespace tx;

// Load the episodes of one input file (a transcript or a bundle) into `out`.
Status load_input(const std::string& path, double wpm, std::vector<Episode>& out, std::vector<std::string>& names) {
    auto eps = tools::load_transcripts(path, wpm);
    if (!eps) return eps.error();
    for (Episode& e : eps.value()) {
        names.push_back(eps->size() > 1 && !e.meta.title.empty() ? e.meta.title : path);
        out.push_back(std::move(e));
    }
    return ok_status();
}


std::string clock(uint32_t ms) {
    char buf[32];
    uint32_t s = ms / 1000;
    std::snprintf(buf, sizeof buf, "%u:%02u:%02u", s / 3600, (s / 60) % 60, s % 60);
    return buf;
}

// The usage text: on stdout for --help, on stderr (status 2) after a wrong command line.
int usage(FILE* f = stderr) {
    std::fprintf(f,
                 "usage: transcript search --query Q [--json] [--limit N] [--wpm N] [--strict] FILE...\n"
                 "  FILE: .txt (plain text, times estimated), .vtt, .srt, .sbv, .ass/.ssa, .json (Whisper, AssemblyAI, Deepgram,\n"
                 "        Rev.ai, AWS Transcribe, Google Speech-to-Text, Podcasting 2.0), .json3 (YouTube), .html/.htm,\n"
                 "        .ttml/.dfxp, or a .txb bundle\n"
                 "  --limit N   hits to print (default 20, 0 = all)\n"
                 "  --wpm N     speaking rate for plain text (default 164, measured on Lexicap)\n"
                 "  --strict    no partial matches: when no passage has every word, report none\n"
                 "              (by default the passages with the most of them are shown, with a note)\n");
    return 2;
}

}  // namespace

int cmd_search(int argc, char** argv) {
    std::string query;
    bool json = false, have_query = false, strict = false;
    uint32_t limit = 20;
    double wpm = 0;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if ((a == "--query" || a == "-q") && i + 1 < argc) { query = argv[++i]; have_query = true; }
        else if (a == "--json") json = true;
        else if (a == "--strict") strict = true;
        else if (a == "--limit" && i + 1 < argc) {
            char* end = nullptr;
            long v = std::strtol(argv[++i], &end, 10);
            if (!end || *end || v < 0) return usage();
            limit = uint32_t(std::min<long>(v, 1000000));
        } else if (a == "--wpm" && i + 1 < argc) {
            wpm = std::atof(argv[++i]);
            if (!(wpm > 0) || !std::isfinite(wpm)) {  // as pack: 0, -5 and nan were silently the default
                std::fprintf(stderr, "transcript search: --wpm must be a positive number\n");
                return 2;
            }
        } else if (a == "-h" || a == "--help") {
            usage(stdout);
            return 0;
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            std::fprintf(stderr, "transcript search: unknown option '%s'\n", a.c_str());
            return usage();
        } else {
            files.push_back(a);
        }
    }
    if (!have_query || files.empty()) return usage();

    std::vector<Episode> eps;
    std::vector<std::string> names;
    for (const auto& f : files) {
        Status s = load_input(f, wpm, eps, names);
        if (!s) {
            std::fprintf(stderr, "transcript search: %s\n", s.message().c_str());
            return 1;
        }
    }
    Collection coll;
    for (auto& e : eps) {
        auto r = coll.add(std::move(e), false);
        if (!r) {
            std::fprintf(stderr, "transcript search: %s\n", r.message().c_str());
            return 1;
        }
    }
    coll.commit();
    SearchDesc sd;
    sd.limit = limit;
    sd.partial = !strict;
    auto res = coll.search(query, sd);
    if (!res) {
        if (json) {
            std::string o = "{\"error\":";
            json_append_string(o, res.message());
            o += "}\n";
            std::fputs(o.c_str(), stdout);
        }
        std::fprintf(stderr, "transcript search: %s\n", res.message().c_str());
        return 1;
    }
    const SearchResult& r = res.value();
    if (json) {
        std::string o;
        o += "{\"query\":";
        json_append_string(o, query);
        o += ",\"total_passages\":" + std::to_string(r.total_passages);
        o += ",\"occurrences\":" + std::to_string(r.occurrences);
        o += ",\"warnings\":[";
        for (size_t i = 0; i < r.warnings.size(); ++i) {
            if (i) o += ',';
            json_append_string(o, r.warnings[i]);
        }
        o += "]";
        std::string left_out = "[";  // common words the search left out
        for (size_t i = 0; i < r.left_out.size(); ++i) {
            if (i) left_out += ',';
            json_append_string(left_out, r.left_out[i]);
        }
        left_out += "]";
        if (r.partial_of)
            o += ",\"partial\":{\"of\":" + std::to_string(r.partial_of) + ",\"best\":" + std::to_string(r.partial_best) +
                 ",\"left_out\":" + left_out + "}";
        else if (!r.left_out.empty())  // a question typed as a sentence, searched for its other words
            o += ",\"left_out\":" + left_out;
        o += ",\"hits\":[";
        for (size_t i = 0; i < r.hits.size(); ++i) {
            const Hit& h = r.hits[i];
            const Episode& ep = coll.episode(h.doc);
            if (i) o += ',';
            o += "\n{\"episode\":";
            json_append_string(o, ep.meta.title);
            o += ",\"file\":";
            json_append_string(o, names[h.doc]);
            o += ",\"time_ms\":" + std::to_string(h.time_ms);
            o += ",\"time_estimated\":" + std::string(ep.meta.times_estimated ? "true" : "false");
            o += ",\"word\":" + std::to_string(h.word);
            o += ",\"focus_word\":" + std::to_string(h.focus_word);
            o += ",\"passage\":" + std::to_string(h.passage - coll.index().passages_begin(h.doc));
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.4f", double(h.score));
            o += ",\"score\":" + std::string(buf);
            o += ",\"level\":\"" + std::string(match_level_name(h.level)) + "\"";
            o += ",\"snippet\":";
            json_append_string(o, h.snippet.text);
            o += ",\"snippet_highlights\":[";
            for (size_t k = 0; k < h.snippet.highlights.size(); ++k)
                o += (k ? ",[" : "[") + std::to_string(h.snippet.highlights[k].begin) + "," +
                     std::to_string(h.snippet.highlights[k].end) + "]";
            o += "],\"highlights\":[";
            for (size_t k = 0; k < h.highlights.size(); ++k)
                o += (k ? ",[" : "[") + std::to_string(h.highlights[k].begin) + "," + std::to_string(h.highlights[k].end) + "]";
            o += "]}";
        }
        o += "]}\n";
        std::fputs(o.c_str(), stdout);
        return 0;
    }
    for (const auto& w : r.warnings) std::fprintf(stderr, "note: %s\n", w.c_str());
    if (!partial_note(r).empty()) std::fprintf(stderr, "note: %s\n", partial_note(r).c_str());
    std::printf("%u passage%s, %llu occurrence%s\n", r.total_passages, r.total_passages == 1 ? "" : "s",
                (unsigned long long)r.occurrences, r.occurrences == 1 ? "" : "s");
    for (const Hit& h : r.hits) {
        const Episode& ep = coll.episode(h.doc);
        std::string line;
        const Snippet& s = h.snippet;
        size_t at = 0;
        if (s.cut_before) line += "...";
        for (const auto& hl : s.highlights) {
            line += s.text.substr(at, hl.begin - at) + "[" + s.text.substr(hl.begin, hl.end - hl.begin) + "]";
            at = hl.end;
        }
        line += s.text.substr(at);
        if (s.cut_after) line += "...";
        std::printf("%s %s%s  %.2f %s\n    %s\n", tools::terminal_text(names[h.doc]).c_str(), ep.meta.times_estimated ? "~" : "",
                    clock(h.time_ms).c_str(), double(h.score), match_level_name(h.level), tools::terminal_text(line).c_str());
    }
    return 0;
}
