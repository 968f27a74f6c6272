// search_status.cpp: see search_status.h.
#include "app/model/search_status.h"

#include "app/model/app_model.h"
#include "core/search.h"

namespace tx {

std::string count_noun(uint64_t n, std::string_view singular, std::string_view plural) {
    std::string s = std::to_string(n);
    s += ' ';
    s += n == 1 ? singular : plural;
    return s;
}

bool query_has_speaker_filter(std::string_view q) {
    // the parser's own reading, so the note never disagrees with the search (a quoted
    // "speaker:x" or an invalid query has no filter)
    auto parsed = parse_query(q);
    return parsed && !parsed.value().speaker.empty();
}

bool any_speaker_labels(const AppModel& m) {
    for (uint32_t e = 0; e < m.episode_count(); ++e)
        if (!m.episode_meta(e).speakers.empty()) return true;
    return false;
}

std::string speaker_note(const AppModel& m) {
    if (m.episode_count() == 0 || !query_has_speaker_filter(m.query()) || any_speaker_labels(m)) return {};
    return m.episode_count() == 1 ? "This transcript has no speaker labels"
                                  : "None of these transcripts has speaker labels";
}

std::string search_status(const AppModel& m) {
    if (!m.query_error().empty()) return m.query_error();
    if (m.query().empty()) return {};
    static constexpr const char* kDot = " \xC2\xB7 ";
    const uint64_t hits = m.total_occurrences(), passages = m.total_passages();
    std::string s;
    if (hits == 0) {
        s = "No matches";
    } else if (!m.query_note().empty()) {
        s = "No passage has every word" + std::string(kDot) + count_noun(passages, "closest passage", "closest passages");
    } else {
        const int cur = m.current_occurrence();
        if (cur >= 0) s = "match " + std::to_string(cur + 1) + " of " + std::to_string(m.occurrences().size()) + kDot;
        s += count_noun(hits, "hit", "hits") + kDot + count_noun(passages, "passage", "passages");
    }
    const std::string note = speaker_note(m);
    if (!note.empty()) s += kDot + note;
    if (m.results_partial())
        s += "  (so far: " + std::to_string(m.indexed_episodes()) + " of " + std::to_string(m.episode_count()) + " episodes indexed)";
    return s;
}

}  // namespace tx
