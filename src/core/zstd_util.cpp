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

Result<std::shared_ptr<const ZstdDictionary>> ZstdDictionary::load(Bytes dict) {
    auto d = std::make_shared<ZstdDictionary>();
    d->m_ddict = ZSTD_createDDict(dict.ptr, dict.size);
    if (!d->m_ddict) return make_error(Errc::Corrupt, "The bundle's compression dictionary is damaged");
    return std::shared_ptr<const ZstdDictionary>(std::move(d));
}

ZstdDictionary::~ZstdDictionary() { ZSTD_freeDDict(static_cast<ZSTD_DDict*>(m_ddict)); }

Result<std::string> zstd_decompress_exact(Bytes frame, size_t expected_size, const ZstdDictionary* dict) {
    if (frame.size < 4) return make_error(Errc::Corrupt, "A compressed section is too short to be a zstd frame");
    unsigned long long declared = ZSTD_getFrameContentSize(frame.ptr, frame.size);
    if (declared == ZSTD_CONTENTSIZE_ERROR) return make_error(Errc::Corrupt, "A compressed section is not a valid zstd frame");
    if (declared != expected_size)
        return make_error(Errc::Corrupt, "A compressed section declares " + std::to_string(declared) + " bytes instead of " +
                                             std::to_string(expected_size));
    size_t frame_len = ZSTD_findFrameCompressedSize(frame.ptr, frame.size);
    if (ZSTD_isError(frame_len) || frame_len != frame.size)
        return make_error(Errc::Corrupt, "A compressed section does not hold exactly one zstd frame");
    std::string out(expected_size, '\0');
    ZSTD_DCtx* dctx = ZSTD_createDCtx();
    if (!dctx) return make_error(Errc::TooLarge, "Out of memory for the zstd decoder");
    size_t got = dict ? ZSTD_decompress_usingDDict(dctx, out.data(), out.size(), frame.ptr, frame.size,
                                                   static_cast<const ZSTD_DDict*>(dict->handle()))
                      : ZSTD_decompressDCtx(dctx, out.data(), out.size(), frame.ptr, frame.size);
    ZSTD_freeDCtx(dctx);
    if (ZSTD_isError(got)) {
        ZSTD_ErrorCode code = ZSTD_getErrorCode(got);
        Errc e = (code == ZSTD_error_checksum_wrong) ? Errc::Corrupt : Errc::Decompress;
        return make_error(e, std::string("Decompression failed: ") + ZSTD_getErrorName(got));
    }
    if (got != expected_size) return make_error(Errc::Corrupt, "Decompressed size differs from the declared size");
    return out;
}

}  // namespace tx
