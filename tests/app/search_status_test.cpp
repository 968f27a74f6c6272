// Protects: the status line's wording (singular forms for one match or passage: the page said
// "1 hits · 1 passages"; what each number counts) and the note that a speaker: filter cannot match a transcript without
// speaker labels (the page said only "No matches").
#include <catch.hpp>

#include "app/model/app_model.h"
#include "app/model/search_status.h"
#include "core/import.h"
#include "test_util.h"

using namespace tx;

static Episode episode_from(const std::string& text, const char* name) {
    ImportDesc d;
    d.name = name;
    auto ep = import_transcript(Bytes(text), d);
    REQUIRE(ep.ok());
    return std::move(ep.value());
}

// Load plain-text transcripts ({text, file name}) into m.
static void load_texts(AppModel& m, const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<Episode> eps;
    for (const auto& f : files) eps.push_back(episode_from(f.first, f.second.c_str()));
    m.load_episodes(std::move(eps));
}

TEST_CASE("count_noun uses the singular only for one") {
    CHECK(count_noun(0, "hit", "hits") == "0 hits");
    CHECK(count_noun(1, "hit", "hits") == "1 hit");
    CHECK(count_noun(2, "passage", "passages") == "2 passages");
}

// Protects big counts' readability: an archive's summary read "293 episodes · 6210151 words".
TEST_CASE("counts of a thousand and more have their digits grouped") {
    CHECK(group_digits(0) == "0");
    CHECK(group_digits(999) == "999");
    CHECK(group_digits(1000) == "1,000");
    CHECK(group_digits(6210151) == "6,210,151");
    CHECK(group_digits(18446744073709551615ull) == "18,446,744,073,709,551,615");
    CHECK(count_noun(3185, "hit", "hits") == "3,185 hits");
}

TEST_CASE("the status of a query with one hit in one passage is singular") {
    std::vector<Episode> eps;
    eps.push_back(episode_from("we talked about the aardvark once and then about other things entirely. "
                               "nothing more was said on that subject in the rest of this talk.", "one.txt"));
    AppModel m;
    m.load_episodes(std::move(eps));
    m.set_query("aardvark");
    REQUIRE(m.total_occurrences() == 1);
    CHECK(search_status(m) == "1 match \xC2\xB7 1 passage");
    m.next_occurrence();
    CHECK(search_status(m) == "match 1 of 1 \xC2\xB7 1 passage");
    m.set_query("zzzznotthere");
    CHECK(search_status(m) == "No matches");
    // operators only: the status says what to type (it read "The query has no words to search for")
    m.set_query("-");
    CHECK(search_status(m) == "Type a word after '-' to leave it out");
    m.set_query("");
    CHECK(search_status(m).empty());
}

// Protects the status of a multi-word query: "open source" read "match 2 of 64 · 22 hits", a
// phrase said once counted as two matches and "hits" that were in fact passages.
TEST_CASE("the status counts a multi-word query's matches as F3 steps through them, and its passages") {
    AppModel m;
    load_texts(m, {{"we like open source software a lot. open the door now. the source of it all. "
                    "and then open source again, said twice.", "talk.txt"}});
    m.set_query("open source");
    // the two "open source", the lone "open" and the lone "source": 4 matches, in the one passage
    CHECK(search_status(m) == "4 matches \xC2\xB7 1 passage");
    m.next_occurrence();
    m.next_occurrence();
    CHECK(search_status(m) == "match 2 of 4 \xC2\xB7 1 passage");
    m.set_query("source");
    CHECK(search_status(m) == "3 matches \xC2\xB7 1 passage");
}

TEST_CASE("a speaker: filter on a transcript without speaker labels says so") {
    CHECK(query_has_speaker_filter("speaker:lex llama"));
    CHECK(query_has_speaker_filter("llama -Speaker:lex"));
    CHECK_FALSE(query_has_speaker_filter("llama speakers"));
    CHECK_FALSE(query_has_speaker_filter("the loudspeaker:"));
    // the note follows the parser: a quoted "speaker:x" is a phrase, an empty name no filter
    CHECK(query_has_speaker_filter("llama sPeaker:lex"));
    CHECK_FALSE(query_has_speaker_filter("\"speaker:lex\" llama"));
    CHECK_FALSE(query_has_speaker_filter("llama speaker:"));

    std::vector<Episode> demo;
    demo.push_back(txtest::demo_episode());
    AppModel m;
    m.load_episodes(std::move(demo));
    REQUIRE_FALSE(any_speaker_labels(m));
    m.set_query("speaker:lex llama");
    CHECK(search_status(m) == "No matches \xC2\xB7 This transcript has no speaker labels");
    m.set_query("llama");
    CHECK(speaker_note(m).empty());

    std::vector<Episode> turns;
    turns.push_back(episode_from("Lex: so tell me about llama\nMark: llama is our model\nLex: and the weights\n", "turns.txt"));
    AppModel t;
    t.load_episodes(std::move(turns));
    REQUIRE(any_speaker_labels(t));
    t.set_query("speaker:nobody llama");
    CHECK(speaker_note(t).empty());  // labels exist: "No matches" is the whole story
}

// Protects the end of a long results list: it stopped at the best 300 passages (of 1,932 for
// "consciousness" on Lexicap) with nothing saying so under a "Results (1932)" tab.
TEST_CASE("a results list cut to the best passages says how many it lists of how many") {
    std::string text;
    for (int i = 0; i < 400; ++i) {
        text += "The aardvark came back. ";
        for (int k = 0; k < 120; ++k) text += "word" + std::to_string(k % 40) + " ";
        text += ". ";
    }
    AppModel m;
    load_texts(m, {{text, "long.txt"}});
    m.set_query("aardvark");
    REQUIRE(m.total_passages() > m.results().size());
    CHECK(results_cap_note(m) == "The best " + group_digits(m.results().size()) + " of " +
                                     count_noun(m.total_passages(), "passage", "passages") +
                                     " are listed. Enter / F3 steps through all 400 matches. Add words to narrow the search.");
    m.set_query("zzzznotthere");
    CHECK(results_cap_note(m).empty());
    AppModel small;
    load_texts(small, {{"we talked about the aardvark once and then about other things.", "one.txt"}});
    small.set_query("aardvark");
    CHECK(results_cap_note(small).empty());  // every passage listed
}

// Protects the archive's search box: its hint said "Search the transcript (e.g. llama…)" over 293
// episodes of another show.
TEST_CASE("the search box hint speaks of the transcript or of all the archive's episodes") {
    const std::string talk = "a short talk about gardens.";
    AppModel m;
    load_texts(m, {{talk, "one.txt"}});
    CHECK(search_box_hint(m) == "Search the transcript  (e.g. llama, \"open source\", meta*)");
    load_texts(m, {{talk, "a.txt"}, {talk, "b.txt"}, {talk, "c.txt"}});
    CHECK(search_box_hint(m) == "Search all 3 episodes  (e.g. \"open source\", meta*, -music)");
}

// Protects the phone's search box: the hint's examples were cut mid-word ("(e.g. llama"); a narrow
// box shows the hint without them.
TEST_CASE("the search box hint without examples names only what is searched") {
    const std::string talk = "a short talk about gardens.";
    AppModel m;
    load_texts(m, {{talk, "one.txt"}});
    CHECK(search_box_hint(m, false) == "Search the transcript");
    load_texts(m, {{talk, "a.txt"}, {talk, "b.txt"}, {talk, "c.txt"}});
    CHECK(search_box_hint(m, false) == "Search all 3 episodes");
}

// Protects finding one of an archive's 293 episodes: the Episodes tab could only be scrolled.
TEST_CASE("the episode filter keeps episodes whose title or date has every word, in any case") {
    CHECK(episode_matches("Conversation with Guido van Rossum", "", ""));
    CHECK(episode_matches("Conversation with Guido van Rossum", "", "guido"));
    CHECK(episode_matches("Conversation with Guido van Rossum", "", "  ROSSUM   guido "));
    CHECK_FALSE(episode_matches("Conversation with Guido van Rossum", "", "guido musk"));
    CHECK(episode_matches("Bread", "2026-01-12", "2026-01"));
    CHECK(episode_matches("Bread", "2026-01-12", "bread 2026"));
    CHECK_FALSE(episode_matches("Bread", "", "2026"));
    CHECK_FALSE(episode_matches("", "", "x"));
}

// Protects the status of a question typed as a sentence, now searched for its other words: it
// must count matches and passages as any search does, not claim "No passage has every word"
// (which stays for a real partial match), while the note names the common words left out.
TEST_CASE("a typed question's status counts its passages and its note names the words left out") {
    AppModel m;
    load_texts(m, {{"elon wants to go to mars one day. that is the plan he has.", "talk.txt"}});
    m.set_query("what does elon think about mars");
    CHECK(m.query_note() == "Common words left out: what, does, think, about");
    CHECK(search_status(m) == "2 matches \xC2\xB7 1 passage");
    m.set_query("elon zzqx");  // no passage holds both: the closest ones, said so
    CHECK(search_status(m).rfind("No passage has every word", 0) == 0);
}
