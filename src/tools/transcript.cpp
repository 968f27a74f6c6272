// transcript: the command-line tool. Subcommands live in cmd_*.cpp and register in kCommands.
#include <cstdio>
#include <cstring>
#include <string>

#include "tools/commands.h"

namespace {

struct Command {
    const char* name;
    int (*run)(int argc, char** argv);
    const char* help;
};

const Command kCommands[] = {
    {"search", cmd_search, "search transcript files or bundles: --query Q [--json] [--limit N] [--wpm N] [--strict] FILE..."},
    {"version", [](int, char**) { std::puts("transcript 0.1.0"); return 0; }, "print the version"},
    {"pack", cmd_pack, "pack transcripts (.txt .vtt .srt .sbv .ass .ssa .json .json3 .html .ttml .dfxp, folders, manifests) into a bundle"},
    {"info", cmd_info, "summarise and verify a bundle"},
    {"site", cmd_site, "publish transcripts: static site, blog snippet, offline file (-o OUT_DIR INPUT...)"},
    {"topics", cmd_topics, "topic timelines of transcripts; --eval scores the segmenter"},
};

void usage(FILE* f) {
    std::fprintf(f, "usage: transcript <command> [options]\n\ncommands:\n");
    for (const auto& c : kCommands) std::fprintf(f, "  %-10s %s\n", c.name, c.help);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    for (const auto& c : kCommands)
        if (!std::strcmp(argv[1], c.name)) return c.run(argc - 1, argv + 1);
    std::fprintf(stderr, "transcript: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
