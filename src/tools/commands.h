// commands.h: entry points of the `transcript` subcommands (argv[0] is the subcommand name).
#pragma once


