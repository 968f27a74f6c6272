// file_util.h: small file-system helpers for the command-line tools (never used by src/core).
#pragma once
#include <string>
#include <vector>

#include "core/base.h"
#include "core/episode.h"

namespace tx::tools {

// @return the whole file, or Errc::Io naming the path and the OS reason.
Result<std::string> read_whole_file(const std::string& path);
// Write atomically (temp file + rename). @return ok, or Errc::Io naming the path.
Status write_whole_file(const std::string& path, const std::string& data);
bool is_directory(const std::string& path);
// Regular files under `dir` (recursive), sorted by path. @return the list, or Errc::Io.
Result<std::vector<std::string>> list_files(const std::string& dir);

// Load the episodes of one input: a bundle (.txb) gives all its episodes, any other file goes
// through import_transcript (format from the extension, then the content). `wpm` is the plain-
// text speaking rate (0 = default). @return the episodes, or an error naming the path.
Result<std::vector<Episode>> load_transcripts(const std::string& path, double wpm = 0);  // import warnings go to stderr

bool ends_with(std::string_view s, std::string_view suffix);

// Text from a transcript made safe to print on a terminal: C0 and C1 control characters (ESC
// sequences that set the window title or clear the screen, BEL, NUL, which would also cut a
// printf("%s") short) and DEL become U+FFFD; tabs and line breaks become spaces.
std::string terminal_text(std::string_view s);

// Columns a code point takes on a terminal: 2 for East Asian wide and full-width characters
// (Han, kana, Hangul, full-width forms, most emoji: Unicode's East_Asian_Width W and F), 0 for
// combining marks, zero-width characters and variation selectors, else 1.
int terminal_columns(uint32_t cp);
// `s` (valid UTF-8, e.g. terminal_text's output) cut to at most `cols` terminal columns on a code
// point boundary and padded with spaces to exactly `cols`: a table column that printf's "%-44.44s"
// (bytes) misaligned for any non-ASCII title and could cut inside a character.
std::string fit_columns(std::string_view s, size_t cols);

}  // namespace tx::tools
