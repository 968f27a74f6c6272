#include "core/zstd_util.h"

#include <zstd.h>
#include <zstd_errors.h>

namespace tx {

Result<std::string> zstd_decompress(Bytes frame, size_t max_size) {
    if (frame.size < 4) return make_error(Errc::Truncated, "The compressed data is truncated (" + std::to_string(frame.size) + " bytes)");
    unsigned long long declared = ZSTD_getFrameContentSize(frame.ptr, frame.size);
    if (declared == ZSTD_CONTENTSIZE_ERROR)
        return make_error(Errc::BadMagic, "This is not zstd-compressed data");
    if (declared == ZSTD_CONTENTSIZE_UNKNOWN)
        return make_error(Errc::Corrupt, "The compressed data does not declare its size");
    if (declared > max_size)
        return make_error(Errc::TooLarge, "The compressed data declares " + std::to_string(declared) +
                                              " bytes, above the limit of " + std::to_string(max_size));
    std::string out(size_t(declared), '\0');
    size_t got = ZSTD_decompress(out.data(), out.size(), frame.ptr, frame.size);
    if (ZSTD_isError(got)) {
        ZSTD_ErrorCode code = ZSTD_getErrorCode(got);
        Errc e = (code == ZSTD_error_srcSize_wrong) ? Errc::Truncated
               : (code == ZSTD_error_checksum_wrong) ? Errc::Corrupt : Errc::Decompress;
        return make_error(e, std::string("Decompression failed: ") + ZSTD_getErrorName(got));
    }
    if (got != out.size()) return make_error(Errc::Corrupt, "Decompressed size differs from the declared size");
    return out;
}

}  // namespace tx
