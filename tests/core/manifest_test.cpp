// Protects: the `transcript pack` manifest parser (src/writer/manifest.h): columns in any order,
// comments, chapters with times, and errors that name the line.
#include <catch.hpp>

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
    };
    for (const auto& c : cases) {
        auto r = parse_manifest(c.text);
        INFO(c.text);
        REQUIRE_FALSE(r.ok());
        CHECK(r.errc() == Errc::Malformed);
        CHECK(r.message().find(c.expect) == 0);
    }
}
