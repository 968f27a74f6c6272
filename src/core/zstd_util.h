// zstd_util.h: bounded zstd decompression. The only core file that calls zstd's decoder.
#pragma once
#include <string>

#include "core/base.h"

namespace tx {

constexpr size_t kDefaultMaxDecompressed = size_t(512) << 20;  // 512 MiB: larger frames are refused

// Decompress one or more concatenated zstd frames whose declared content size must be present
// and not exceed `max_size` (checked before allocating).
// @return the decompressed bytes, or Errc::Truncated / Corrupt / TooLarge / Decompress / BadMagic.
Result<std::string> zstd_decompress(Bytes frame, size_t max_size = kDefaultMaxDecompressed);

}  // namespace tx
