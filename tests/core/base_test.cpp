// Protects: bounded zstd decompression (size caps, truncation, corruption) and word counting.
#include <catch.hpp>
#include <zstd.h>

#include "core/episode.h"
#include "core/zstd_util.h"
#include "test_util.h"

using namespace tx;

static std::string compress(const std::string& s, int level = 3) {
    std::string out(ZSTD_compressBound(s.size()), '\0');
    size_t n = ZSTD_compress(out.data(), out.size(), s.data(), s.size(), level);
    REQUIRE_FALSE(ZSTD_isError(n));
    out.resize(n);
    return out;
}

TEST_CASE("zstd round trip returns the original bytes") {
    std::string text = txtest::read_file(txtest::demo_path());
    REQUIRE(text.size() > 100000);
    std::string z = compress(text);
    auto r = zstd_decompress(Bytes(z));
    REQUIRE(r.ok());
    CHECK(r.value() == text);
}

TEST_CASE("zstd_decompress refuses a frame above the cap before allocating") {
    std::string z = compress(std::string(100000, 'a'));
    auto r = zstd_decompress(Bytes(z), 1000);
    REQUIRE_FALSE(r.ok());
    CHECK(r.errc() == Errc::TooLarge);
}

TEST_CASE("zstd_decompress reports every truncation as an error, never a crash") {
    std::string z = compress("hello world, this is a transcript of a podcast episode");
    for (size_t n = 0; n < z.size(); ++n) {
        auto r = zstd_decompress(Bytes(reinterpret_cast<const uint8_t*>(z.data()), n));
        CHECK_FALSE(r.ok());
        CHECK_FALSE(r.message().empty());
    }
}

TEST_CASE("zstd_decompress rejects data that is not zstd") {
    auto r = zstd_decompress(Bytes(std::string_view("this is plain text, not a frame")));
    REQUIRE_FALSE(r.ok());
    CHECK(r.errc() == Errc::BadMagic);
}

TEST_CASE("count_words counts whitespace-separated words") {
    CHECK(count_words("") == 0);
    CHECK(count_words("   ") == 0);
    CHECK(count_words("one") == 1);
    CHECK(count_words(" one  two\tthree\nfour ") == 4);
    CHECK(count_words("jiu-jitsu is fun") == 3);
}
