// Protects: chapters files (import.h "Chapters files"): a WebVTT chapters track and Podcasting 2.0
// chapters JSON read into chapter marks (times, titles, toc:false left out), recognised by name or
// (a .json) by content so `transcript pack` attaches them instead of importing them as an episode,
// the stem they belong to, and clear errors for malformed, empty or absurd files. The attaching
// itself (folders, orphans, manifest conflicts) is tests/tools/pack_cli_test.sh.
#include <catch.hpp>

#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/import.h"
#include "writer/bundle_writer.h"
#include "writer/manifest.h"

using namespace tx;

namespace {

Result<std::vector<Chapter>> chapters(const std::string& text, const std::string& name = "ep.chapters.vtt",
                                      std::vector<std::string>* warnings = nullptr) {
    ImportDesc d;
    d.name = name;
    d.warnings = warnings;
    return import_chapters(Bytes(text), d);
}

// True when `data` named `name` is taken as a chapters file (import_if_chapters), not a transcript.
bool read_as_chapters(const std::string& name, Bytes data) {
    ImportDesc d;
    d.name = name;
    return import_if_chapters(data, d).has_value();
}

// The error message of reading `text` as `name` (empty when it was read).
std::string error_of(const std::string& text, const std::string& name = "ep.chapters.json") {
    auto r = chapters(text, name);
    return r.ok() ? std::string() : r.message();
}

}  // namespace

TEST_CASE("chapters: a WebVTT chapters track gives each cue's start and title", "[chapters]") {
    std::vector<std::string> warnings;
    auto r = chapters("WEBVTT\n\nNOTE made by hand\n\nchapter-1\n00:00:00.000 --> 00:01:05.000\nIntro &amp; <b>hello</b>\n\n"
                      "00:01:05.500 --> 00:10:00.000\nThe   long\nmiddle part\n\n01:02:03.250 --> 01:10:00.000\n \n",
                      "ep.chapters.vtt", &warnings);
    INFO(r.message());
    REQUIRE(r.ok());
    REQUIRE(r->size() == 2);
    CHECK(r.value()[0].start_ms == 0);
    CHECK(r.value()[0].title == "Intro & hello");  // markup and references as the transcript importer reads them
    CHECK(r.value()[1].start_ms == 65500);
    CHECK(r.value()[1].title == "The long middle part");  // lines joined, blanks collapsed
    REQUIRE(warnings.size() == 1);  // the untitled third cue is left out, said so
    CHECK(warnings[0] == "ep.chapters.vtt: skipped 1 chapter(s) without a title");
}

TEST_CASE("chapters: Podcasting 2.0 JSON gives startTime and title, leaves out toc:false", "[chapters]") {
    std::vector<std::string> warnings;
    auto r = chapters(R"({"version":"1.2.0","author":"x","chapters":[
        {"startTime":0,"title":"Intro","img":"https://i/1.jpg"},
        {"startTime":12.345,"endTime":20,"title":"Sponsor","toc":false},
        {"startTime":"1:02:03.5","title":"Late\ntitle","url":"https://u"},
        {"startTime":90.5,"title":"Back","toc":true},
        {"startTime":95}]})",
                      "ep.json", &warnings);
    INFO(r.message());
    REQUIRE(r.ok());
    REQUIRE(r->size() == 3);  // file order: not sorted here (chapter_problems reports the order)
    CHECK(r.value()[0].start_ms == 0);
    CHECK(r.value()[0].title == "Intro");
    CHECK(r.value()[1].start_ms == 3723500);
    CHECK(r.value()[1].title == "Late title");
    CHECK(r.value()[2].start_ms == 90500);  // fractional seconds
    CHECK(r.value()[2].title == "Back");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "ep.json: skipped 1 chapter(s) without a title");
}

TEST_CASE("chapters: attached chapters survive the bundle, in time order", "[chapters]") {
    auto ep = import_transcript(Bytes(std::string("WEBVTT\n\n00:00.000 --> 00:30.000\nHello there, owls and mice.\n")),
                                ImportDesc{Format::Auto, "ep.vtt"});
    REQUIRE(ep.ok());
    auto ch = chapters(R"({"chapters":[{"startTime":20,"title":"Mice"},{"startTime":0.25,"title":"Owls"}]})", "ep.json");
    REQUIRE(ch.ok());
    CHECK(chapter_problems(ch.value(), ep->meta.duration_ms) ==
          std::vector<std::string>{"chapter 2 'Owls' at 0:00:00 is listed after chapter 1 'Mice' at 0:00:20; chapters are put in time order"});
    set_chapters(ch.value(), ep->meta);
    auto bytes = write_bundle({ep.value()});
    REQUIRE(bytes.ok());
    auto b = read_bundle(Bytes(bytes.value()));
    REQUIRE(b.ok());
    const auto& got = b->episode(0).meta.chapters;
    REQUIRE(got.size() == 2);
    CHECK(got[0].start_ms == 250);
    CHECK(got[0].title == "Owls");
    CHECK(got[1].start_ms == 20000);
    CHECK(got[1].title == "Mice");
}

TEST_CASE("chapters: recognised by name, or a .json by its content", "[chapters]") {
    const std::string vtt = "WEBVTT\n\n00:00.000 --> 00:05.000\nIntro\n";
    const std::string chapters_json = R"({"version":"1.2.0","chapters":[{"startTime":0,"title":"Intro"}]})";
    CHECK(read_as_chapters("ep.chapters.vtt", Bytes(vtt)));
    CHECK(read_as_chapters("EP.Chapters.VTT", Bytes(vtt)));
    CHECK(read_as_chapters("ep.chapters.json", Bytes(std::string("{}"))));  // by name: read (and refused) as chapters
    CHECK(read_as_chapters("ep.json", Bytes(chapters_json)));
    CHECK(read_as_chapters("ep.json", Bytes("\xEF\xBB\xBF" + chapters_json)));
    // transcripts, even ones saying "chapters"
    CHECK_FALSE(read_as_chapters("ep.vtt", Bytes(vtt)));  // a chapters track must be named so: content is no guide
    CHECK_FALSE(read_as_chapters("ep.txt", Bytes(chapters_json)));
    CHECK_FALSE(read_as_chapters("ep.json", Bytes(std::string(R"({"text":"chapters","segments":[]})"))));
    CHECK_FALSE(read_as_chapters("ep.json", Bytes(std::string(R"({"segments":[{"start":0,"end":1,"text":"x"}],"chapters":[]})"))));
    CHECK_FALSE(read_as_chapters("ep.json", Bytes(std::string(R"({"chapters":"three"})"))));
    CHECK_FALSE(read_as_chapters("ep.json", Bytes(std::string(R"({"chapters":[)"))));  // broken: the importer says why

    // what it reads is what import_chapters reads, warnings too (a .json parsed once, not twice)
    const std::vector<std::pair<std::string, std::string>> files = {
        {"ep.chapters.vtt", vtt},
        {"ep.chapters.json", "{}"},
        {"ep.json", "\xEF\xBB\xBF" + chapters_json},
        {"ep.json", R"({"chapters":[{"startTime":0,"title":""},{"startTime":3,"title":"B"}]})"},
        {"ep.json", "{\"chapters\":[\n{\"title\":\"A\"}]}"},
    };
    for (const auto& f : files) {
        INFO(f.first << " " << f.second);
        std::vector<std::string> warned, warned_once;
        ImportDesc d;
        d.name = f.first;
        d.warnings = &warned;
        auto ch = import_if_chapters(Bytes(f.second), d);
        REQUIRE(ch.has_value());
        d.warnings = &warned_once;
        auto expect = import_chapters(Bytes(f.second), d);
        CHECK(ch->message() == expect.message());
        CHECK(warned == warned_once);
        if (ch->ok() && expect.ok()) {
            REQUIRE(ch->value().size() == expect->size());
            for (size_t i = 0; i < expect->size(); ++i)
                CHECK((ch->value()[i].start_ms == expect->at(i).start_ms && ch->value()[i].title == expect->at(i).title));
        }
    }

    CHECK(chapters_stem("ep1.chapters.vtt") == "ep1");
    CHECK(chapters_stem("ep1.en.Chapters.JSON") == "ep1.en");
    CHECK(chapters_stem("ep1.json") == "ep1");
    CHECK(chapters_stem(".chapters.vtt") == ".chapters");  // no stem: nothing belongs to it but ".chapters.*"
}

// Protects one test for "a chapters JSON": a .json that pack and the page do not take as chapters
// must not be refused by the transcript importer as "a chapters file" either, and the reverse (the
// importer's own test had let {"chapters": [...], "words": []} through as chapters).
TEST_CASE("chapters: the transcript importer refuses as chapters exactly the JSON read as chapters", "[chapters]") {
    const std::string list = R"("chapters":[{"startTime":0,"title":"Intro"}])";
    const std::vector<std::string> files = {"{" + list + "}", R"({"version":"1.2.0","chapters":[]})", "{" + list + R"(,"words":[]})",
                                            "{" + list + R"(,"text":5})", "{" + list + R"(,"transcription":{}})", R"({"chapters":"three"})"};
    for (const std::string& json : files) {
        INFO(json);
        ImportDesc d;
        d.name = "ep.json";
        auto r = import_transcript(Bytes(json), d);
        REQUIRE_FALSE(r.ok());
        CHECK(read_as_chapters("ep.json", Bytes(json)) == (r.message().find("a chapters file") != std::string::npos));
    }
}

TEST_CASE("chapters: malformed, empty and absurd files are errors naming the file and line", "[chapters]") {
    struct Case {
        std::string text, name, expect;
    };
    const std::vector<Case> cases = {
        {"", "e.chapters.json", "e.chapters.json: the file is empty"},
        {"Intro at 0:00\n", "e.chapters.json", "e.chapters.json: line 1: expected a WebVTT chapters track"},
        {"{\"chapters\":[{\"startTime\":0,\n\"title\":\"A\"", "e.json", "e.json: line 2, column"},
        {"{\"version\":\"1.2.0\"}", "e.json", "e.json: line 1: expected Podcasting 2.0 chapters"},
        {"{\"chapters\":[\n{\"title\":\"A\"}]}", "e.json", "e.json: line 2: chapter 1 has no \"startTime\""},
        {"{\"chapters\":[{\"startTime\":0,\"title\":\"A\"},\n{\"startTime\":-3,\"title\":\"B\"}]}", "e.json",
         "e.json: line 2: chapter 2 \"startTime\" is negative"},
        {"{\"chapters\":[{\"startTime\":\"soon\",\"title\":\"A\"}]}", "e.json", "e.json: line 1: chapter 1 \"startTime\" is not a time"},
        {"{\"chapters\":[{\"startTime\":0,\"title\":7}]}", "e.json", "e.json: line 1: chapter 1 \"title\" must be a string"},
        {"{\"chapters\":[{\"startTime\":0,\"title\":\"A\",\"toc\":\"no\"}]}", "e.json", "e.json: line 1: chapter 1 \"toc\" must be true or false"},
        {"{\"chapters\":[7]}", "e.json", "e.json: line 1: chapter 1 is not an object"},
        {"{\"chapters\":[]}", "e.json", "e.json: no chapters in this file"},
        {"{\"chapters\":[{\"startTime\":0,\"title\":\"A\",\"toc\":false}]}", "e.json",
         "e.json: no chapters for the table of contents (all 1 have \"toc\": false)"},
        {"{\"chapters\":[{\"startTime\":0,\"title\":\"\x81\x81x\"}]}", "e.json", "e.json: line 1: invalid UTF-8 in the title"},
        {"WEBVTT\n\n00:00.000 --> nonsense\nIntro\n", "e.chapters.vtt", "e.chapters.vtt: line 3: "},
        {"WEBVTT\n\n", "e.chapters.vtt", "e.chapters.vtt: no chapters in this file"},
        {"WEBVTT\n\n00:00.000 --> 00:01.000\nIntro \xFF\xFE\n", "e.chapters.vtt", "e.chapters.vtt: line 4: invalid UTF-8"},
        {std::string("\xFF\xFEW\0E\0", 6), "e.chapters.vtt", "e.chapters.vtt: line 1: expected a WebVTT chapters track"},  // UTF-16: said, not misread
        {"WEBVTT\n\nNOTE\n00:05 was recut\n\n00:00.000 -> 00:01.000\nIntro\n", "e.chapters.vtt", "e.chapters.vtt: line 6: "},  // a broken timing line; the NOTE passed over
        // a transcript named like a chapters track
        {"WEBVTT\n\n00:00.000 --> 00:01.000\n" + std::string(1200, 'a') + "\n", "e.chapters.vtt",
         "e.chapters.vtt: cue 1: chapter 1's title is 1200 bytes (at most 1000): a transcript, not a chapters file?"},
    };
    for (const Case& c : cases) {
        INFO(c.text.substr(0, 80));
        const std::string msg = error_of(c.text, c.name);
        INFO(msg);
        CHECK(msg.compare(0, c.expect.size(), c.expect) == 0);
    }
}

TEST_CASE("chapters: too many chapters or bytes are refused as TooLarge", "[chapters]") {
    std::string many = "WEBVTT\n\n";
    for (size_t i = 0; i <= kMaxChapters; ++i) many += "00:00.000 --> 00:01.000\nC\n\n";
    auto r = chapters(many);
    REQUIRE_FALSE(r.ok());
    CHECK(r.errc() == Errc::TooLarge);
    CHECK(r.message() == "ep.chapters.vtt: cue 10001: more than 10000 chapters");

    std::string huge = "{\"chapters\":[" + std::string(size_t(17) << 20, ' ') + "]}";
    auto h = chapters(huge, "h.json");
    REQUIRE_FALSE(h.ok());
    CHECK(h.errc() == Errc::TooLarge);
    CHECK(h.message() == "h.json: a chapters file of 17 MiB; the limit is 16 MiB");
    CHECK_FALSE(read_as_chapters("h.json", Bytes(huge)));  // left to the importer, which refuses it as chapters
}
