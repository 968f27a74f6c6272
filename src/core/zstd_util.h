// zstd_util.h: bounded zstd decompression. The only core file that calls zstd's decoder.
#pragma once
#include <memory>
#include <string>

#include "core/base.h"

namespace tx {

constexpr size_t kDefaultMaxDecompressed = size_t(512) << 20;  // 512 MiB: larger frames are refused

// Decompress one or more concatenated zstd frames whose declared content size must be present
// and not exceed `max_size` (checked before allocating).
// @return the decompressed bytes, or Errc::Truncated / Corrupt / TooLarge / Decompress / BadMagic.
Result<std::string> zstd_decompress(Bytes frame, size_t max_size = kDefaultMaxDecompressed);

// A digested zstd dictionary for decompression (wraps ZSTD_DDict). Immutable, shareable.
class ZstdDictionary {
public:
    // @return the dictionary, or Errc::Corrupt when zstd refuses the bytes.
    static Result<std::shared_ptr<const ZstdDictionary>> load(Bytes dict);
    ~ZstdDictionary();
    ZstdDictionary(const ZstdDictionary&) = delete;
    ZstdDictionary& operator=(const ZstdDictionary&) = delete;
    const void* handle() const { return m_ddict; }  // ZSTD_DDict*
    ZstdDictionary() = default;

private:
    void* m_ddict = nullptr;
};

// Decompress exactly one zstd frame that fills all of `frame` and declares a content size of
// exactly `expected_size` (the caller has already checked that size against its caps).
// @return the bytes, or Errc::Corrupt (size mismatch, checksum) / Truncated / Decompress.
Result<std::string> zstd_decompress_exact(Bytes frame, size_t expected_size, const ZstdDictionary* dict = nullptr);

}  // namespace tx
