// word_table.h: "word number\n" tables (the compiled-in background_words.inc; word -> cluster
// tables from scripts/gen_topic_clusters.py, given to the segmenter by the CLI for experiments).
#pragma once
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tx {

// @return word -> number for every "word number" line of `text` (lines without a space are skipped).
inline std::unordered_map<std::string, int> parse_word_table(std::string_view text) {
    std::unordered_map<std::string, int> t;
    size_t i = 0;
    while (i < text.size()) {
        size_t nl = text.find('\n', i);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(i, nl - i);
        size_t sp = line.find(' ');
        if (sp != std::string_view::npos)
            t.emplace(std::string(line.substr(0, sp)), std::atoi(std::string(line.substr(sp + 1)).c_str()));
        i = nl + 1;
    }
    return t;
}

}  // namespace tx
