// base.h: the small vocabulary every core module shares.
//
//   Bytes      a non-owning view of input bytes (C++17 has no std::span)
//   Errc       stable error codes (append only: values are shown to users and stored in tests)
//   Error      an error code plus a human message naming where it happened
//   Result<T>  a value or an Error; the core never throws (built with -fno-exceptions)
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <cstdio>
#include <cstdlib>

namespace tx {

using DocId = uint32_t;  // episode index within a bundle / collection
using Pos = uint32_t;    // word position within an episode

struct Bytes {
    const uint8_t* ptr = nullptr;
    size_t size = 0;
    Bytes() = default;
    Bytes(const uint8_t* p, size_t n) : ptr(p), size(n) {}
    explicit Bytes(std::string_view s) : ptr(reinterpret_cast<const uint8_t*>(s.data())), size(s.size()) {}
    std::string_view view() const { return {reinterpret_cast<const char*>(ptr), size}; }
};

enum class Errc : uint16_t {  // stable values: append only
    Ok = 0,
    Truncated = 1,           // input ends before a declared structure
    BadMagic = 2,            // not a file of the expected kind
    VersionUnsupported = 3,  // made by a newer version
    Corrupt = 4,             // checksum or structural inconsistency
    TooLarge = 5,            // declared size above the configured cap
    Decompress = 6,          // zstd reported an error
    Malformed = 7,           // text input does not follow its format (message names the line)
    BadQuery = 8,            // query could not be parsed
    InvalidArgument = 9,     // API misuse from a caller (e.g. JS passed a null buffer)
    Io = 10,                 // file could not be read or written (native tools only)
};

const char* errc_name(Errc e);

struct Error {
    Errc code = Errc::Ok;
    std::string message;  // human readable, suitable for the UI ("The file is truncated at byte 812")
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) {}  // NOLINT: implicit on purpose
    Result(Error err) : m_err(std::move(err)) {}    // NOLINT
    bool ok() const { return m_err.code == Errc::Ok; }
    explicit operator bool() const { return ok(); }
    Errc errc() const { return m_err.code; }
    const Error& error() const { return m_err; }
    const std::string& message() const { return m_err.message; }
    T& value() { check(); return m_value; }
    const T& value() const { check(); return m_value; }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }

private:
    void check() const {
        if (!ok()) { std::fprintf(stderr, "tx: value() on error result: %s\n", m_err.message.c_str()); std::abort(); }
    }
    T m_value{};
    Error m_err{};
};

// Result<void> substitute.
struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

Error make_error(Errc code, std::string message);

}  // namespace tx

// Assert a programming error (not bad input): aborts with file and line.
#define TX_ASSERT(cond)                                                                      \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            std::fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond); \
            std::abort();                                                                    \
        }                                                                                    \
    } while (0)
