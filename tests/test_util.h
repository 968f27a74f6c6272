// Helpers shared by the Catch2 tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>

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

}  // namespace txtest

// Skip a test (with a message saying why) when ../shared is not beside the repo.
#define TX_REQUIRE_SHARED(sub)                                                              \
    do {                                                                                    \
        if (!txtest::exists(txtest::shared_dir() + "/" + (sub))) {                          \
            WARN("SKIPPED: " << txtest::shared_dir() << "/" << (sub) << " is absent");     \
            return;                                                                         \
        }                                                                                   \
    } while (0)
