// transcript site: everything a publisher needs from their own transcript files, in one folder:
//
//   OUT_DIR/NAME.txb            the bundle (packed exactly like `transcript pack`)
//   OUT_DIR/site/               the static site (index.html opens NAME.txb; embed.html; the blog loader
//                               explorer-loader.js; content-hashed JS/WASM/bundle with .br/.gz)
//   OUT_DIR/SNIPPET.html        the ready-to-paste blog snippet, shown and working (open it over http)
//   OUT_DIR/offline/NAME.html   the offline single file (works from disk, network off)
//
// It reuses the already-built web outputs (build-web/: explorer.js/.wasm, explorer-single.js) and the
// project's packaging script (scripts/dist.py, run with python3): no C++ toolchain is needed once the
// project is built. See docs/publish.md.
#include <limits.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <dirent.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/import.h"
#include "tools/commands.h"
#include "tools/file_util.h"
#include "writer/manifest.h"

extern char** environ;

namespace {

using namespace tx;

// The usage text: on stdout for --help, on stderr (status 2) after a wrong command line.
int site_usage(FILE* f = stderr) {
    std::fprintf(f,
                 "usage: transcript site INPUT... -o OUT_DIR [--title T] [--manifest M.tsv] [--name NAME] [--web-dir DIR]\n"
                 "  INPUT        .txt/.vtt/.srt/.sbv/.ass/.ssa/.json (Whisper, speech-to-text services, Podcasting 2.0)/.json3/.html/\n"
                 "               .ttml/.dfxp transcripts\n"
                 "               or folders of them (as for `transcript pack`)\n"
                 "  --manifest   per-episode metadata (tab-separated: file, title, date, source_url, media_url,\n"
                 "               speakers, chapters; docs/publish.md); its files are packed too\n"
                 "  --title T    the site's title (default: the episode's title, or \"Transcripts\")\n"
                 "  --name NAME  file name of the bundle and the offline file (default: transcripts)\n"
                 "  --web-dir D  the web build to reuse (default: build-web/ next to this program's build/)\n"
                 "Writes OUT_DIR/NAME.txb, OUT_DIR/site/, OUT_DIR/SNIPPET.html, OUT_DIR/offline/NAME.html.\n"
                 "Needs python3 (scripts/dist.py) and gzip/brotli for the precompressed site files.\n");
    return 2;
}

bool exists(const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0;
}

bool make_dirs(const std::string& p) {
    if (p.empty() || exists(p)) return true;
    size_t slash = p.find_last_of('/');
    if (slash != std::string::npos && slash > 0 && !make_dirs(p.substr(0, slash))) return false;
    return ::mkdir(p.c_str(), 0755) == 0 || exists(p);
}

void remove_tree(const std::string& p) {
    struct stat st;
    if (::lstat(p.c_str(), &st) != 0) return;
    if (S_ISDIR(st.st_mode)) {
        if (DIR* d = ::opendir(p.c_str())) {
            while (dirent* e = ::readdir(d)) {
                std::string n = e->d_name;
                if (n != "." && n != "..") remove_tree(p + "/" + n);
            }
            ::closedir(d);
        }
        ::rmdir(p.c_str());
    } else {
        ::unlink(p.c_str());
    }
}

std::string real_path(const std::string& p) {
    char buf[PATH_MAX];
    return ::realpath(p.c_str(), buf) ? std::string(buf) : p;
}

std::string dir_of(const std::string& p) {
    size_t s = p.find_last_of('/');
    return s == std::string::npos ? "." : (s == 0 ? "/" : p.substr(0, s));
}

// The folder holding this program (build/ after a build).
std::string exe_dir() {
    char buf[PATH_MAX];
    ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return ".";
    buf[n] = 0;
    return dir_of(buf);
}

// Run argv[0] (looked up in PATH) and wait. @return its exit status, or -1 if it could not start.
int run(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (::posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
    int status = 0;
    if (::waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool copy_file(const std::string& from, const std::string& to) {
    auto data = tools::read_whole_file(from);
    if (!data) { std::fprintf(stderr, "transcript site: %s\n", data.message().c_str()); return false; }
    auto st = tools::write_whole_file(to, data.value());
    if (!st) { std::fprintf(stderr, "transcript site: %s\n", st.message().c_str()); return false; }
    return true;
}

std::string html_escape(const std::string& s) {
    std::string o;
    for (char c : s) {
        switch (c) {
            case '&': o += "&amp;"; break;
            case '<': o += "&lt;"; break;
            case '>': o += "&gt;"; break;
            case '"': o += "&quot;"; break;
            case '\'': o += "&#39;"; break;
            default: o += c;
        }
    }
    return o;
}

// A field of the staging manifest: tabs and line breaks become spaces.
std::string tsv_field(std::string s) {
    for (char& c : s)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return s;
}

bool valid_name(const std::string& n) {
    if (n.empty() || n[0] == '.') return false;
    for (char c : n)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
    return true;
}

}  // namespace

int cmd_site(int argc, char** argv) {
    std::string out_dir, title, manifest, web_dir, name = "transcripts";
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto need = [&](std::string& dst) {
            if (i + 1 >= argc) { std::fprintf(stderr, "transcript site: %s needs a value\n", a.c_str()); return false; }
            dst = argv[++i];
            return true;
        };
        if (a == "-o" || a == "--output") { if (!need(out_dir)) return site_usage(); }
        else if (a == "--title") { if (!need(title)) return site_usage(); }
        else if (a == "--manifest") { if (!need(manifest)) return site_usage(); }
        else if (a == "--web-dir") { if (!need(web_dir)) return site_usage(); }
        else if (a == "--name") { if (!need(name)) return site_usage(); }
        else if (a == "-h" || a == "--help") { site_usage(stdout); return 0; }
        else if (!a.empty() && a[0] == '-') { std::fprintf(stderr, "transcript site: unknown option '%s'\n", a.c_str()); return site_usage(); }
        else inputs.push_back(a);
    }
    if (out_dir.empty() || (inputs.empty() && manifest.empty())) return site_usage();
    if (!valid_name(name)) {
        std::fprintf(stderr, "transcript site: --name must be letters, digits, '-', '_' or '.' (got '%s')\n", name.c_str());
        return 2;
    }

    // ---- the reused build: web outputs and the packaging script ----
    const std::string root = dir_of(exe_dir());  // build/transcript -> the source tree
    std::vector<std::string> roots = {root};
#ifdef TX_SOURCE_DIR
    roots.push_back(TX_SOURCE_DIR);
#endif
    std::string src;
    for (const auto& r : roots)
        if (exists(r + "/scripts/dist.py") && exists(r + "/web/offline.html")) { src = r; break; }
    if (src.empty()) {
        std::fprintf(stderr, "transcript site: cannot find scripts/dist.py and web/offline.html next to %s\n", root.c_str());
        return 1;
    }
    if (web_dir.empty()) web_dir = src + "/build-web";
    const char* site_files[] = {"explorer.js", "explorer.wasm", "index.html", "embed.html", "explorer-loader.js"};
    for (const char* f : site_files)
        if (!exists(web_dir + "/site/" + f)) {
            std::fprintf(stderr, "transcript site: %s/site/%s is missing: build the web explorer first (scripts/build.sh web) or pass --web-dir\n",
                         web_dir.c_str(), f);
            return 1;
        }
    if (!exists(web_dir + "/explorer-single.js")) {
        std::fprintf(stderr, "transcript site: %s/explorer-single.js is missing: build the web explorer first (scripts/build.sh web)\n", web_dir.c_str());
        return 1;
    }
    if (!make_dirs(out_dir)) { std::fprintf(stderr, "transcript site: cannot create %s\n", out_dir.c_str()); return 1; }
    const std::string work = out_dir + "/.site-work";
    remove_tree(work);
    if (!make_dirs(work + "/site")) { std::fprintf(stderr, "transcript site: cannot create %s\n", work.c_str()); return 1; }

    // ---- 1. the bundle, through `transcript pack` (inputs listed in the manifest come from it) ----
    // Folders expand to their transcript files here, so a file the manifest lists is packed once.
    std::vector<std::string> expanded;
    for (const auto& in : inputs) {
        if (!tools::is_directory(in)) { expanded.push_back(in); continue; }
        auto files = tools::list_files(in);
        if (!files) { std::fprintf(stderr, "transcript site: %s\n", files.message().c_str()); return 1; }
        const std::string out_real = real_path(out_dir) + "/";
        for (const auto& f : files.value()) {
            if (real_path(f).compare(0, out_real.size(), out_real) == 0) continue;  // OUT_DIR inside an input folder
            if (is_transcript_file_name(f)) expanded.push_back(f);
        }
    }
    inputs = expanded;
    std::vector<std::string> pack_inputs;
    if (!manifest.empty()) {
        auto text = tools::read_whole_file(manifest);
        if (!text) { std::fprintf(stderr, "transcript site: %s\n", text.message().c_str()); return 1; }
        auto entries = parse_manifest(text.value());
        if (!entries) { std::fprintf(stderr, "transcript site: %s: %s\n", manifest.c_str(), entries.message().c_str()); return 1; }
        std::vector<std::string> listed;
        for (const auto& e : entries.value())
            listed.push_back(real_path((!e.file.empty() && e.file[0] == '/') ? e.file : dir_of(manifest) + "/" + e.file));
        for (const auto& in : inputs) {
            bool dup = false;
            for (const auto& l : listed) dup = dup || l == real_path(in);
            if (!dup) pack_inputs.push_back(in);
        }
        pack_inputs.push_back(manifest);
    } else {
        pack_inputs = inputs;
    }
    const std::string bundle_path = out_dir + "/" + name + ".txb";
    std::vector<std::string> pack_args = {"pack", "--quiet", "-o", bundle_path};
    pack_args.insert(pack_args.end(), pack_inputs.begin(), pack_inputs.end());
    std::vector<char*> pack_argv;
    for (auto& a : pack_args) pack_argv.push_back(const_cast<char*>(a.c_str()));
    pack_argv.push_back(nullptr);
    ::unlink(bundle_path.c_str());
    const int pack_rc = cmd_pack(int(pack_args.size()), pack_argv.data());
    if (pack_inputs.empty() || !exists(bundle_path)) {
        std::fprintf(stderr, "transcript site: no bundle was written; nothing published\n");
        remove_tree(work);
        return 1;
    }

    // ---- 2. read it back: the episodes' titles and text for the offline file's plain-text version ----
    auto bytes = tools::read_whole_file(bundle_path);
    if (!bytes) { std::fprintf(stderr, "transcript site: %s\n", bytes.message().c_str()); return 1; }
    auto bundle = read_bundle(Bytes(bytes.value()));
    if (!bundle) { std::fprintf(stderr, "transcript site: %s: %s\n", bundle_path.c_str(), bundle.message().c_str()); return 1; }
    auto episodes = decode_all(bundle.value());
    if (!episodes) { std::fprintf(stderr, "transcript site: %s: %s\n", bundle_path.c_str(), episodes.message().c_str()); return 1; }
    if (title.empty()) title = episodes->size() == 1 ? episodes->front().meta.title : "Transcripts";
    std::string text_tsv = "file\ttitle\n";
    for (size_t i = 0; i < episodes->size(); ++i) {
        const Episode& e = episodes.value()[i];
        std::string f = "episode-" + std::to_string(i + 1) + ".txt";
        if (auto st = tools::write_whole_file(work + "/" + f, e.text); !st) {
            std::fprintf(stderr, "transcript site: %s\n", st.message().c_str());
            return 1;
        }
        text_tsv += f + "\t" + tsv_field(e.meta.title.empty() ? "Episode " + std::to_string(i + 1) : e.meta.title) + "\n";
    }
    if (auto st = tools::write_whole_file(work + "/text.tsv", text_tsv); !st) {
        std::fprintf(stderr, "transcript site: %s\n", st.message().c_str());
        return 1;
    }

    // ---- 3. the static site: the built explorer + this bundle, hashed and precompressed ----
    for (const char* f : site_files)
        if (!copy_file(web_dir + "/site/" + f, work + "/site/" + f)) return 1;
    if (!copy_file(bundle_path, work + "/site/" + name + ".txb")) return 1;
    const std::string dist = src + "/scripts/dist.py";
    int rc = run({"python3", dist, "site", "--from", work + "/site", "--out", out_dir + "/site", "--bundle", name + ".txb",
                  "--title", title});
    if (rc != 0) {
        std::fprintf(stderr, "transcript site: building the static site failed (python3 %s site: status %d)\n", dist.c_str(), rc);
        return 1;
    }

    // ---- 4. the offline single file ----
    rc = run({"python3", dist, "offline", "--js", web_dir + "/explorer-single.js", "--loader", web_dir + "/site/explorer-loader.js",
              "--template", src + "/web/offline.html", "--bundle", bundle_path, "--manifest", work + "/text.tsv", "--title", title,
              "--out", out_dir + "/offline/" + name + ".html"});
    if (rc != 0) {
        std::fprintf(stderr, "transcript site: building the offline file failed (python3 %s offline: status %d)\n", dist.c_str(), rc);
        return 1;
    }

    // ---- 5. the blog snippet, with the content-hashed bundle name ----
    std::string hashed;
    if (DIR* d = ::opendir((out_dir + "/site").c_str())) {
        while (dirent* e = ::readdir(d)) {
            std::string n = e->d_name;
            if (n.size() == name.size() + 15 && n.compare(0, name.size() + 1, name + ".") == 0 && tools::ends_with(n, ".txb")) hashed = n;
        }
        ::closedir(d);
    }
    if (hashed.empty()) { std::fprintf(stderr, "transcript site: the site has no %s.*.txb\n", name.c_str()); return 1; }
    const std::string snippet = "<div data-transcript-explorer data-bundle=\"site/" + hashed + "\" style=\"height:520px\"></div>\n"
                                "<script src=\"site/explorer-loader.js\" defer></script>\n";
    const std::string page =
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Embed snippet: " + html_escape(title) + "</title>\n"
        "<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 860px; margin: 2em auto; padding: 0 1em; }\n"
        "pre { background: #f3f2ef; padding: 1em; overflow: auto; }</style>\n</head>\n<body>\n"
        "<h1>Embed \xE2\x80\x9C" + html_escape(title) + "\xE2\x80\x9D in a page</h1>\n"
        "<p>Upload the folder <code>site/</code> to your web server. Paste this where the explorer should appear, and\n"
        "replace both <code>site/</code> with the address of that folder (for example\n"
        "<code>https://example.org/transcripts/</code>):</p>\n"
        "<pre id=\"snippet\">" + html_escape(snippet) + "</pre>\n"
        "<p>Add <code>data-allow-open</code> to the <code>div</code> to let readers open their own files in it too.\n"
        "The explorer below is that snippet, live (open this page over http, not from disk).</p>\n" +
        snippet + "</body>\n</html>\n";
    if (auto st = tools::write_whole_file(out_dir + "/SNIPPET.html", page); !st) {
        std::fprintf(stderr, "transcript site: %s\n", st.message().c_str());
        return 1;
    }
    remove_tree(work);

    std::printf("\npublished %zu episode(s) as \"%s\" in %s/\n", episodes->size(), title.c_str(), out_dir.c_str());
    std::printf("  site/                 upload this folder; its index.html is the explorer\n");
    std::printf("  site/embed.html       the iframe embed (?bundle=%s&q=...)\n", hashed.c_str());
    std::printf("  offline/%s.html  one file that works from disk, network off\n", name.c_str());
    std::printf("  %s.txb       the bundle\n", name.c_str());
    std::printf("  SNIPPET.html          the blog snippet (replace site/ with the folder's URL):\n\n%s", snippet.c_str());
    if (pack_rc != 0) std::fprintf(stderr, "transcript site: some inputs were skipped (see the warnings above)\n");
    return pack_rc != 0 ? 1 : 0;
}
