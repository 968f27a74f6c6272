// commands.h: entry points of the `transcript` subcommands (argv[0] is the subcommand name).
#pragma once

int cmd_pack(int argc, char** argv);  // transcript pack -o OUT INPUT... (cmd_pack.cpp)
int cmd_info(int argc, char** argv);  // transcript info BUNDLE (cmd_pack.cpp)

// transcript search --query Q [--json] [--limit N] FILE...  (cmd_search.cpp)
int cmd_search(int argc, char** argv);

// transcript topics [--json] FILE... | --eval SETDIR...: topic timelines and segmentation scores.
int cmd_topics(int argc, char** argv);

// transcript site INPUT... -o OUT_DIR [--title T] [--manifest M]: bundle + static site + blog
// snippet + offline single file, reusing the built web outputs (cmd_site.cpp, docs/publish.md).
int cmd_site(int argc, char** argv);
