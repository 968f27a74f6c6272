// Helpers shared by the Catch2 tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>

#include <catch.hpp>

#include "core/import.h"

namespace txtest {

inline std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline bool exists(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

inline std::string demo_path() { return std::string(TX_SOURCE_DIR) + "/assets/lex-fridman-383-mark-zuckerberg.txt"; }
inline std::string shared_dir() { return std::string(TX_SHARED_DIR); }

// The demo transcript imported as plain text (what the page's demo bundle holds).
inline tx::Episode demo_episode() {
    std::string text = read_file(demo_path());
    tx::ImportDesc d;
    d.format = tx::Format::PlainText;
    d.name = "demo.txt";
    auto ep = tx::import_transcript(tx::Bytes(text), d);
    REQUIRE(ep.ok());
    return std::move(ep.value());
}

}  // namespace txtest

// Skip a test (with a message saying why) when ../shared is not beside the repo.
#define TX_REQUIRE_SHARED(sub)                                                              \
    do {                                                                                    \
        if (!txtest::exists(txtest::shared_dir() + "/" + (sub))) {                          \
            WARN("SKIPPED: " << txtest::shared_dir() << "/" << (sub) << " is absent");     \
            return;                                                                         \
        }                                                                                   \
    } while (0)
