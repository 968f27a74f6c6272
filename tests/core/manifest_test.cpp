// Protects: the `transcript pack` manifest parser (src/writer/manifest.h): columns in any order,
// comments, chapters with times, and errors that name the line.
#include <catch.hpp>

#include <utility>

#include "writer/manifest.h"

using namespace tx;

TEST_CASE("manifest: columns in any order, comments, speakers and chapters", "[manifest]") {
    std::string m =
        "# my archive\n"
        "title\tfile\tchapters\tspeakers\tdate\tmedia_url\tsource_url\n"
        "\n"
        "First\tep1.vtt\t0:00 Intro; 1:02:03.5 Late part\tLex;Max\t2018-04-19\thttps://m/1.mp3\thttps://s/1\r\n"
        "\tsub/ep2.txt\n";
    auto r = parse_manifest(m);
    INFO(r.message());
    REQUIRE(r.ok());
    REQUIRE(r->size() == 2);
    const ManifestEntry& a = r.value()[0];
    CHECK(a.file == "ep1.vtt");
    CHECK(a.line == 4);
    CHECK(a.meta.title == "First");
    CHECK(a.meta.date == "2018-04-19");
    CHECK(a.meta.media_url == "https://m/1.mp3");
    CHECK(a.meta.source_url == "https://s/1");
    CHECK(a.meta.speakers == std::vector<std::string>{"Lex", "Max"});
    REQUIRE(a.meta.chapters.size() == 2);
    CHECK(a.meta.chapters[0].start_ms == 0);
    CHECK(a.meta.chapters[0].title == "Intro");
    CHECK(a.meta.chapters[1].start_ms == 3723500);
    CHECK(a.meta.chapters[1].title == "Late part");
    CHECK(r.value()[1].file == "sub/ep2.txt");
    CHECK(r.value()[1].meta.title.empty());

    EpisodeMeta imported;
    imported.title = "from file";
    imported.speakers = {"Max"};
    apply_manifest(a, imported);
    CHECK(imported.title == "First");
    CHECK(imported.speakers == std::vector<std::string>{"Max", "Lex"});
    CHECK(imported.chapters.size() == 2);
}

TEST_CASE("manifest: malformed lines are errors naming the line", "[manifest]") {
    struct Case { const char* text; const char* expect; };
    Case cases[] = {
        {"", "line 1: the manifest has no header line"},
        {"title\tdate\n", "line 1: the header line needs a 'file' column"},
        {"file\tauthor\n", "line 1: unknown column 'author'"},
        {"file\tfile\n", "line 1: column 'file' appears twice"},
        {"file\ttitle\na.vtt\tT\textra\n", "line 2: has 3 fields but the header names 2 columns"},
        {"file\tchapters\n# c\na.vtt\tIntro at the start\n", "line 3: chapter 1: expected a time"},
        {"file\tchapters\na.vtt\t0:00 A;99:99 B\n", "line 2: chapter 2: expected a time"},
        {"file\ttitle\n\tno file\n", "line 2: the 'file' field is empty"},
        {"file\tdate\na.vtt\t19/04/2018\n", "line 2: date '19/04/2018': expected YYYY-MM-DD (or YYYY-MM, YYYY)"},
        {"file\tdate\na.vtt\t2018-13-01\n", "line 2: date '2018-13-01'"},
        {"file\tdate\na.vtt\t2023-02-29\n", "line 2: date '2023-02-29'"},
        {"file\tdate\na.vtt\tApril 2018\n", "line 2: date 'April 2018'"},
    };
    for (const auto& c : cases) {
        auto r = parse_manifest(c.text);
        INFO(c.text);
        REQUIRE_FALSE(r.ok());
        CHECK(r.errc() == Errc::Malformed);
        CHECK(r.message().find(c.expect) == 0);
    }
}

// Any text was accepted as a date, and the explorer shows and sorts dates as written; chapters
// past the end of the episode (a wrong time, or the wrong file) were kept without a word.
TEST_CASE("manifest: ISO dates are accepted, chapters after the episode's end are reported", "[manifest]") {
    auto r = parse_manifest("file\tdate\tchapters\na.vtt\t2024-02-29\t0:00 Intro;10:00 Middle;1:02:03 Outro\nb.vtt\t2018-04\nc.vtt\t2018\nd.vtt\t\n");
    REQUIRE(r.ok());
    REQUIRE(r->size() == 4);
    CHECK((*r)[0].meta.date == "2024-02-29");
    CHECK((*r)[1].meta.date == "2018-04");
    CHECK((*r)[3].meta.date.empty());
    CHECK(chapter_problems((*r)[0], 3723000).empty());
    CHECK(chapter_problems((*r)[0], 0).empty());  // no duration known
    const auto past = chapter_problems((*r)[0], 15 * 60 * 1000);
    REQUIRE(past.size() == 1);
    CHECK(past[0] == "chapter 3 'Outro' at 1:02:03 starts after the episode ends (0:15:00)");
}

// Chapters written out of time order were kept in that order, and the timeline draws each chapter
// up to the next one's start: a chapter listed late got a band running backwards (nothing drawn,
// or one over its neighbours), and one at the time of the one before it was hidden, all without a
// word from `transcript pack`.
TEST_CASE("manifest: chapters out of time order are reported and sorted, chapters at the same time reported", "[manifest]") {
    auto r = parse_manifest("file\tchapters\na.vtt\t0:00 Intro;10:00 A;5:00 B;10:00 C;0:30 \xCE\x95\xCE\xBB\n");
    REQUIRE(r.ok());
    const ManifestEntry& e = (*r)[0];
    const auto p = chapter_problems(e, 20 * 60 * 1000);
    REQUIRE(p.size() == 2);
    CHECK(p[0] == "chapter 3 'B' at 0:05:00 is listed after chapter 2 'A' at 0:10:00; chapters are put in time order");
    CHECK(p[1] == "chapter 5 '\xCE\x95\xCE\xBB' at 0:00:30 is listed after chapter 4 'C' at 0:10:00; chapters are put in time order");
    EpisodeMeta meta;
    apply_manifest(e, meta);
    std::vector<std::pair<uint32_t, std::string>> got;
    for (const Chapter& c : meta.chapters) got.emplace_back(c.start_ms, c.title);
    const std::vector<std::pair<uint32_t, std::string>> want = {
        {0, "Intro"}, {30000, "\xCE\x95\xCE\xBB"}, {300000, "B"}, {600000, "A"}, {600000, "C"}};  // stable: A before C
    CHECK(got == want);
    // the same times in order: only the one at the time of the chapter before it is reported
    auto same = parse_manifest("file\tchapters\na.vtt\t0:00 Intro;10:00 A;10:00 C\n");
    REQUIRE(same.ok());
    const auto q = chapter_problems((*same)[0], 0);  // no duration known: the order is still checked
    REQUIRE(q.size() == 1);
    CHECK(q[0] == "chapter 3 'C' starts at the same time as chapter 2 'A' (0:10:00)");
    auto fine = parse_manifest("file\tchapters\na.vtt\t0:00 Intro;10:00 A\n");
    REQUIRE(fine.ok());
    CHECK(chapter_problems((*fine)[0], 20 * 60 * 1000).empty());
}
