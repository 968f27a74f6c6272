// announce.cpp: see announce.h.
#include "app/model/announce.h"

#include <algorithm>

#include "app/model/app_model.h"
#include "app/model/search_status.h"

namespace tx {

namespace {

std::string episode_title(const AppModel& m, uint32_t ep) {
    const std::string& t = m.episode_meta(ep).title;
    return t.empty() ? "Episode " + std::to_string(ep + 1) : t;
}

std::string of(const char* what, size_t i, size_t n) {
    return std::string(what) + " " + std::to_string(i + 1) + " of " + std::to_string(n);
}

// The topic of the current episode at `ms` (the last one starting at or before it), or -1.
int topic_at(const AppModel& m, uint32_t ms) {
    int at = -1;
    const auto& topics = m.topics();
    for (size_t i = 0; i < topics.size(); ++i)
        if (topics[i].start_ms <= ms) at = int(i);
    return at;
}

}  // namespace

std::string first_words(const std::string& text, size_t max_words) {
    std::string out;
    size_t words = 0, i = 0;
    const size_t n = text.size();
    while (i < n) {
        while (i < n && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
        if (i >= n) break;
        if (words == max_words) { out += "\xE2\x80\xA6"; break; }
        const size_t b = i;
        while (i < n && !(text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
        if (!out.empty()) out += ' ';
        out.append(text, b, i - b);
        ++words;
    }
    return out;
}

std::string for_speech(std::string_view text) {
    static constexpr std::string_view kDot = " \xC2\xB7 ";  // U+00B7 between spaces
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (text.compare(i, kDot.size(), kDot) == 0) { out += ", "; i += kDot.size(); }
        else out += text[i++];
    }
    return out;
}

std::string announce_result(const AppModel& m, int row) {
    const auto& rows = m.results();
    if (row < 0 || size_t(row) >= rows.size()) return "";
    const ResultRow& r = rows[size_t(row)];
    std::string s = format_time(r.time_ms) + ", ";
    s += r.snippet_pending ? std::string("text not loaded yet") : first_words(r.snippet, kAnnounceWords);
    if (m.episode_count() > 1) s += ", in " + episode_title(m, r.episode);
    return s + ", " + of("result", size_t(row), rows.size());
}

std::string announce_topic(const AppModel& m, int i) {
    const auto& topics = m.topics();
    if (i < 0 || size_t(i) >= topics.size()) return "";
    const TopicRow& t = topics[size_t(i)];
    return (t.label.empty() ? std::string("Topic") : t.label) + ", " + format_time(t.start_ms) + ", " +
           of("topic", size_t(i), topics.size());
}

std::string announce_chapter(const AppModel& m, int i) {
    if (m.episode() >= m.episode_count()) return "";
    const auto& chapters = m.episode_meta(m.episode()).chapters;
    if (i < 0 || size_t(i) >= chapters.size()) return "";
    const Chapter& c = chapters[size_t(i)];
    return "Chapter: " + c.title + ", " + format_time(c.start_ms) + ", " + of("chapter", size_t(i), chapters.size());
}

std::string announce_episode(const AppModel& m, uint32_t ep, int row, int rows) {
    if (ep >= m.episode_count()) return "";
    const EpisodeMeta& meta = m.episode_meta(ep);
    std::string s = episode_title(m, ep);
    if (!meta.date.empty()) s += ", " + meta.date;
    if (!m.query().empty()) s += ", " + count_noun(m.hits_in_episode(ep), "match", "matches");
    if (row >= 0 && row < rows) s += ", " + of("episode", size_t(row), size_t(rows));
    return s;
}

std::string announce_recurring(const AppModel& m, int row) {
    const auto& order = m.recurring_by_episodes();
    if (row < 0 || size_t(row) >= order.size() || order[size_t(row)] >= m.recurring_topics().size()) return "";
    const uint32_t g = order[size_t(row)];
    const RecurringTopicRow& t = m.recurring_topics()[g];
    std::string s = (t.label.empty() ? std::string("Topic") : t.label) + ", " + count_noun(t.episodes.size(), "episode", "episodes") +
                    ", " + count_noun(t.segments, "segment", "segments");
    if (m.chosen_recurring() == int(g)) s += ", chosen";
    return s + ", " + of("recurring topic", size_t(row), order.size());
}

std::string announce_timeline(const AppModel& m) {
    if (m.episode() >= m.episode_count()) return "";
    std::string s = format_time(m.time_ms());
    const uint32_t dur = m.episode_meta(m.episode()).duration_ms;
    if (dur > 0) s += " of " + format_time(dur);
    const int t = topic_at(m, m.time_ms());
    if (t >= 0 && !m.topics()[size_t(t)].label.empty()) s += ", topic: " + m.topics()[size_t(t)].label;
    return s;
}

std::string announce_passage(const AppModel& m) {
    if (m.episode() >= m.episode_count()) return "";
    const Episode& ep = m.current_episode();
    const auto& paras = m.paragraphs();
    const uint32_t w = m.reader_word();
    if (ep.words.empty() || ep.text.empty() || w >= ep.words.size() || paras.empty()) return "";
    const Paragraph& p = paras[std::min(paragraph_of_word(paras, w), paras.size() - 1)];
    const uint32_t first = std::max(p.first_word, std::min(w, p.first_word + p.word_count - 1));
    const uint32_t last = std::min<uint32_t>(uint32_t(ep.words.size()), p.first_word + p.word_count) - 1;
    if (first > last) return "";
    const uint32_t b = word_display_span(ep, first).first, e = word_display_span(ep, last).second;
    std::string s = format_time(ep.words[first].start_ms) + ", ";
    const int16_t sp = ep.words[first].speaker;
    if (sp >= 0 && size_t(sp) < ep.meta.speakers.size()) s += ep.meta.speakers[size_t(sp)] + ": ";
    return s + first_words(ep.text.substr(b, e - b), kAnnounceWords);
}

}  // namespace tx
