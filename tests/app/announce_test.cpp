// Protects what a screen reader is told about the canvas (announce.h): the focused result's time
// and words with its place in the list, a topic's label and time, an episode's title, the reader's
// passage at the reading position, and that nothing out of range is described (no crash, "").
#include <catch.hpp>

#include "app/model/announce.h"
#include "app/model/app_model.h"
#include "test_util.h"

using namespace tx;

static void load_demo(AppModel& m) {
    std::vector<Episode> v;
    v.push_back(txtest::demo_episode());
    m.load_episodes(std::move(v));
}

TEST_CASE("first_words keeps at most n words on one line and marks the cut") {
    CHECK(first_words("a b\nc", 5) == "a b c");
    CHECK(first_words("  one   two three ", 2) == "one two\xE2\x80\xA6");
    CHECK(first_words("", 3).empty());
    CHECK(first_words("exactly two", 2) == "exactly two");
}

TEST_CASE("a focused result is described by its time, its words and its place in the list") {
    AppModel m;
    load_demo(m);
    m.set_query("zuckerberg");
    const auto& rows = m.results();
    REQUIRE(rows.size() >= 2);
    const std::string s = announce_result(m, 1);
    CHECK(s.rfind(format_time(rows[1].time_ms) + ", ", 0) == 0);  // starts with the row's time
    std::string head = first_words(rows[1].snippet, 3);
    head = head.substr(0, head.find("\xE2\x80\xA6"));  // its first three words
    CHECK(s.find(head) != std::string::npos);
    CHECK(s.find("result 2 of " + std::to_string(rows.size())) != std::string::npos);
    CHECK(announce_result(m, -1).empty());
    CHECK(announce_result(m, int(rows.size())).empty());
}

TEST_CASE("a topic is described by its label, time and place; the timeline by the time and its topic") {
    AppModel m;
    load_demo(m);
    auto now = [] { return 0.0; };
    for (int i = 0; i < 10000 && m.topics().empty() && m.step(now, 50.0); ++i) {}
    const auto& topics = m.topics();
    REQUIRE(topics.size() >= 2);
    const std::string s = announce_topic(m, 1);
    CHECK(s.find(topics[1].label) == 0);
    CHECK(s.find(format_time(topics[1].start_ms)) != std::string::npos);
    CHECK(s.find("topic 2 of " + std::to_string(topics.size())) != std::string::npos);
    CHECK(announce_topic(m, int(topics.size())).empty());
    m.seek(0, topics[1].start_ms + 1000);
    const std::string t = announce_timeline(m);
    CHECK(t.rfind(format_time(m.time_ms()), 0) == 0);
    CHECK(t.find("topic: " + topics[1].label) != std::string::npos);
}

// Protects how screen readers hear labels and the status line: the middle dot between a label's
// keywords and a status line's parts was passed on as is, and some screen readers say it ("dot").
TEST_CASE("for_speech reads the middle dots between parts as commas and leaves other text alone") {
    CHECK(for_speech("llama \xC2\xB7 open source \xC2\xB7 models") == "llama, open source, models");
    CHECK(for_speech("17 hits \xC2\xB7 15 passages") == "17 hits, 15 passages");
    CHECK(for_speech("") == "");
    CHECK(for_speech("no dots here, 3:05") == "no dots here, 3:05");
    CHECK(for_speech("a\xC2\xB7" "b") == "a\xC2\xB7" "b");  // a dot inside a word is not a separator
    CHECK(for_speech("end \xC2\xB7 ") == "end, ");
    AppModel m;
    load_demo(m);
    auto now = [] { return 0.0; };
    for (int i = 0; i < 10000 && m.topics().empty() && m.step(now, 50.0); ++i) {}
    REQUIRE(m.topics().size() >= 2);
    const std::string s = for_speech(announce_topic(m, 1));
    INFO(s);
    CHECK(s.find("\xC2\xB7") == std::string::npos);  // the demo's labels have 2-4 keywords
}

TEST_CASE("the reader is described by the words at the reading position, and an episode by its title") {
    AppModel m;
    load_demo(m);
    const Episode& ep = m.current_episode();
    REQUIRE(ep.words.size() > 500);
    m.seek_word(0, 400);
    const std::string s = announce_passage(m);
    const auto span = word_display_span(ep, 400);
    CHECK(s.find(ep.text.substr(span.first, span.second - span.first)) != std::string::npos);
    CHECK(s.rfind(format_time(ep.words[400].start_ms), 0) == 0);
    const std::string e = announce_episode(m, 0, 0, 1);
    CHECK(e.find(m.episode_meta(0).title.empty() ? "Episode 1" : m.episode_meta(0).title) == 0);
    CHECK(e.find("episode 1 of 1") != std::string::npos);
    CHECK(announce_episode(m, 5, 0, 1).empty());
    AppModel empty;
    CHECK(announce_passage(empty).empty());
    CHECK(announce_timeline(empty).empty());
}
