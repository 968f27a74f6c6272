// search_status.cpp: see search_status.h.
#include "app/model/search_status.h"

#include "app/model/app_model.h"
#include "core/search.h"

namespace tx {

std::string count_noun(uint64_t n, std::string_view singular, std::string_view plural) {
    std::string s = group_digits(n);
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

static constexpr const char* kDot = " \xC2\xB7 ";

static std::string query_status(const AppModel& m) {
    if (!m.query_error().empty()) return m.query_error();
    if (m.query().empty()) return {};
    // Two numbers, each saying what it counts: matches (what F3 steps through and the reader marks;
    // a multi-word query's words side by side are one) and passages (the result rows). It said
    // "match 2 of 64 · 22 hits" for "open source": 64 single words, and "hits" that were passages.
    const uint64_t hits = m.total_occurrences(), passages = m.total_passages(), matches = m.occurrences().size();
    std::string s;
    if (hits == 0) {
        s = "No matches";
    } else if (m.query_partial()) {
        s = "No passage has every word" + std::string(kDot) + count_noun(passages, "closest passage", "closest passages");
    } else {
        const int cur = m.current_occurrence();
        s = cur >= 0 ? "match " + group_digits(uint64_t(cur) + 1) + " of " + group_digits(matches) : count_noun(matches, "match", "matches");
        s += kDot + count_noun(passages, "passage", "passages");
    }
    const std::string note = speaker_note(m);
    if (!note.empty()) s += kDot + note;
    if (m.results_partial())
        s += "  (so far: " + std::to_string(m.indexed_episodes()) + " of " + std::to_string(m.episode_count()) + " episodes indexed)";
    return s;
}

std::string search_status(const AppModel& m) {
    const std::string s = query_status(m);
    if (m.link_note().empty()) return s;
    return s.empty() ? m.link_note() : m.link_note() + kDot + s;
}

std::string search_box_hint(const AppModel& m, bool examples) {
    if (m.episode_count() <= 1) return std::string("Search the transcript") + (examples ? "  (e.g. llama, \"open source\", meta*)" : "");
    return "Search all " + count_noun(m.episode_count(), "episode", "episodes") + (examples ? "  (e.g. \"open source\", meta*, -music)" : "");
}

std::string results_cap_note(const AppModel& m) {
    const size_t listed = m.results().size();
    if (listed == 0 || listed >= m.total_passages()) return {};
    return "The best " + group_digits(listed) + " of " + count_noun(m.total_passages(), "passage", "passages") +
           " are listed. Enter / F3 steps through all " + count_noun(m.occurrences().size(), "match", "matches") +
           (m.episode_count() > 1 ? "; the Episodes tab counts them per episode" : "") + ". Add words to narrow the search.";
}

static bool contains_nocase(std::string_view hay, std::string_view needle) {
    for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
        if (ascii_iequals(hay.substr(i, needle.size()), needle)) return true;
    return false;
}

bool episode_matches(const std::string& title, const std::string& date, std::string_view filter) {
    size_t i = 0;
    while (i < filter.size()) {
        while (i < filter.size() && filter[i] == ' ') ++i;
        size_t j = i;
        while (j < filter.size() && filter[j] != ' ') ++j;
        const std::string_view word = filter.substr(i, j - i);
        if (!word.empty() && !contains_nocase(title, word) && !contains_nocase(date, word)) return false;
        i = j;
    }
    return true;
}

std::string archive_progress(const AppModel& m, float& fraction) {
    const size_t n = m.episode_count();
    const uint32_t indexed = m.indexed_episodes();
    if (indexed < n) {
        fraction = m.progress();
        return "Indexed " + group_digits(indexed) + " of " + count_noun(n, "episode", "episodes");
    }
    const uint32_t done = m.topics_done();
    fraction = n ? float(done) / float(n) : 1.f;
    return "Search is ready \xC2\xB7 finding topics: " + group_digits(done) + " of " + count_noun(n, "episode", "episodes");
}

}  // namespace tx
