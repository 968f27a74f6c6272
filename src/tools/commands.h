// commands.h: entry points of the `transcript` subcommands (argv[0] is the subcommand name).
#pragma once



// transcript topics [--json] FILE... | --eval SETDIR...: topic timelines and segmentation scores.
int cmd_topics(int argc, char** argv);
