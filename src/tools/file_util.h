// file_util.h: small file-system helpers for the command-line tools (never used by src/core).
#pragma once
#include <string>
#include <vector>

#include "core/base.h"

namespace tx::tools {

// @return the whole file, or Errc::Io naming the path and the OS reason.
Result<std::string> read_whole_file(const std::string& path);
// Write atomically (temp file + rename). @return ok, or Errc::Io naming the path.
Status write_whole_file(const std::string& path, const std::string& data);
bool is_directory(const std::string& path);
// Regular files under `dir` (recursive), sorted by path. @return the list, or Errc::Io.
Result<std::vector<std::string>> list_files(const std::string& dir);

}  // namespace tx::tools
