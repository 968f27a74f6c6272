#include "core/base.h"

namespace tx {

const char* errc_name(Errc e) {
    switch (e) {
        case Errc::Ok: return "ok";
        case Errc::Truncated: return "truncated";
        case Errc::BadMagic: return "bad_magic";
        case Errc::VersionUnsupported: return "version_unsupported";
        case Errc::Corrupt: return "corrupt";
        case Errc::TooLarge: return "too_large";
        case Errc::Decompress: return "decompress";
        case Errc::Malformed: return "malformed";
        case Errc::BadQuery: return "bad_query";
        case Errc::InvalidArgument: return "invalid_argument";
        case Errc::Io: return "io";
    }
    return "unknown";
}

Error make_error(Errc code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace tx
