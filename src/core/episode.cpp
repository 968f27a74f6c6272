#include "core/episode.h"

namespace tx {

size_t count_words(std::string_view text) {
    size_t n = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

}  // namespace tx
