// Importer tests: formats, word byte ranges, time interpolation, malformed input naming the line.
#include <catch.hpp>

#include <dirent.h>

#include <algorithm>
#include <string>

#include "core/import.h"
#include "core/text.h"
#include "test_util.h"

using namespace tx;

namespace {

Result<Episode> imp(const std::string& s, Format f, const std::string& name = "", std::vector<std::string>* warnings = nullptr) {
    ImportDesc d;
    d.format = f;
    d.name = name;
    d.warnings = warnings;
    return import_transcript(Bytes(s), d);
}

std::vector<std::string> word_texts(const Episode& ep) {
    std::vector<std::string> out;
    for (const auto& w : ep.words) out.push_back(ep.text.substr(w.begin, w.end - w.begin));
    return out;
}

// Every structural invariant the index, the reader and the bundle rely on.
void check_invariants(const Episode& ep) {
    uint32_t prev_end = 0;
    for (const auto& w : ep.words) {
        REQUIRE(w.begin < w.end);
        REQUIRE(w.end <= ep.text.size());
        REQUIRE(w.begin >= prev_end);
        prev_end = w.end;
        REQUIRE((w.speaker == kNoSpeaker || size_t(w.speaker) < ep.meta.speakers.size()));
    }
    uint32_t next = 0;
    for (const auto& c : ep.cues) {
        REQUIRE(c.first_word == next);
        REQUIRE(c.word_count > 0);
        REQUIRE(c.start_ms <= c.end_ms);
        for (uint32_t i = c.first_word; i < c.first_word + c.word_count; ++i) {
            REQUIRE(ep.words[i].start_ms >= c.start_ms);
            REQUIRE(ep.words[i].start_ms <= c.end_ms);
        }
        next += c.word_count;
    }
    REQUIRE(next == ep.words.size());
}

// Imports `s` (its warnings into `warnings` when given), requires success and the model's
// invariants. @return the episode.
Episode imported(const std::string& s, Format f, const std::string& name, std::vector<std::string>* warnings = nullptr) {
    auto r = imp(s, f, name, warnings);
    INFO(r.message());
    REQUIRE(r.ok());
    check_invariants(r.value());
    return std::move(r.value());
}

}  // namespace

// Protects the one helper `transcript pack` and the page use so that a list which already names
// the file does not repeat it ("ep.vtt: ep.vtt: the file is empty").
TEST_CASE("without_file_name strips only a leading \"NAME: \"", "[import]") {
    ImportDesc d;
    d.name = "ep.vtt";
    auto empty = import_transcript(Bytes(std::string("\n")), d);  // an importer's own message
    REQUIRE_FALSE(empty.ok());
    CHECK(without_file_name(empty.message(), "ep.vtt") == "the file is empty");
    CHECK(without_file_name("ep.vtt: line 3: bad", "ep.vtt") == "line 3: bad");
    // the name absent, only later in the message, a longer name, or no ": " after it: unchanged
    CHECK(without_file_name("line 3: bad", "ep.vtt") == "line 3: bad");
    CHECK(without_file_name("line 3: ep.vtt: bad", "ep.vtt") == "line 3: ep.vtt: bad");
    CHECK(without_file_name("ep.vtt.bak: bad", "ep.vtt") == "ep.vtt.bak: bad");
    CHECK(without_file_name("ep.vtt", "ep.vtt") == "ep.vtt");
    CHECK(without_file_name("ep.vtt:", "ep.vtt") == "ep.vtt:");
    CHECK(without_file_name("ep.vtt: ", "ep.vtt") == "");
    // an empty name: the importers add no prefix then, so nothing is taken
    CHECK(without_file_name(": bad", "") == ": bad");
    CHECK(without_file_name("", "") == "");
}

TEST_CASE("detect_format uses the extension, then the content", "[import]") {
    CHECK(detect_format("a.VTT", Bytes()) == Format::WebVTT);
    CHECK(detect_format("a.srt", Bytes()) == Format::SRT);
    CHECK(detect_format("a.json", Bytes()) == Format::WhisperJSON);
    CHECK(detect_format("a.txt", Bytes(std::string_view("WEBVTT\n"))) == Format::PlainText);  // no cue: "WEBVTT" is a word
    CHECK(detect_format("a.txt", Bytes(std::string_view("WEBVTT is a caption format.\nIt has cues."))) == Format::PlainText);
    CHECK(detect_format("x", Bytes(std::string_view("\xEF\xBB\xBFWEBVTT\n\n"))) == Format::WebVTT);
    CHECK(detect_format("x", Bytes(std::string_view("  {\"segments\": []}"))) == Format::WhisperJSON);
    CHECK(detect_format("x", Bytes(std::string_view("1\n00:00:01,000 --> 00:00:02,000\nhi\n"))) == Format::SRT);
    CHECK(detect_format("x", Bytes(std::string_view("hello world"))) == Format::PlainText);
}

// Caption files saved or renamed as .txt were imported as plain text: "00:00:01,000" and "-->"
// became words and the times were estimated.
TEST_CASE("detect_format: a .txt or unknown file holding WebVTT or SRT is read as that format", "[import]") {
    const std::string vtt = "\xEF\xBB\xBFWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nhello one\r\n";
    const std::string srt = "\n1\r\n00:00:01,000 --> 00:00:02,000\r\nhello one\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nhello two\r\n";
    CHECK(detect_format("subs.txt", Bytes(vtt)) == Format::WebVTT);
    CHECK(detect_format("subs.TXT", Bytes(srt)) == Format::SRT);
    CHECK(detect_format("subs", Bytes(srt)) == Format::SRT);
    CHECK(detect_format("notes.txt", Bytes(std::string_view("1\nthe first point --> the second\n"))) == Format::PlainText);
    for (const std::string& name : {"subs.txt", "subs"}) {
        const Episode e = imported(srt, Format::Auto, name);
        CHECK(word_texts(e) == std::vector<std::string>{"hello", "one", "hello", "two"});
        CHECK(e.cues.size() == 2);
        CHECK_FALSE(e.meta.times_estimated);
        const Episode v = imported(vtt, Format::Auto, name);
        CHECK(word_texts(v) == std::vector<std::string>{"hello", "one"});
        CHECK(v.words[0].start_ms == 1000);
    }
}

TEST_CASE("plain text: words keep byte ranges, times are estimated and cues are ~30 s windows", "[import]") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "word" + std::to_string(i) + (i % 7 == 0 ? ",  " : " ");
    auto r = imp(text, Format::PlainText, "dir/my-episode.txt");
    REQUIRE(r.ok());
    const Episode& ep = r.value();
    CHECK(ep.meta.title == "my-episode");
    CHECK(ep.meta.times_estimated);
    REQUIRE(ep.words.size() == 200);
    auto w = word_texts(ep);
    CHECK(w[0] == "word0");  // trailing comma trimmed
    CHECK(w[199] == "word199");
    check_invariants(ep);
    // 164 words/min: word 164 starts at one minute
    CHECK(ep.words[164].start_ms == 60000);
    // ~30 s windows (82 words at 164 words/min, a cue may end up to 40% early or late so that it
    // ends with a sentence) that tile the words; times follow the speaking rate
    REQUIRE(ep.cues.size() >= 2);
    REQUIRE(ep.cues.size() <= 4);
    uint32_t next = 0;
    for (size_t k = 0; k < ep.cues.size(); ++k) {
        const Cue& c = ep.cues[k];
        CHECK(c.first_word == next);
        if (k + 1 < ep.cues.size()) {
            CHECK(c.word_count >= 50);
            CHECK(c.word_count <= 114);
        }
        CHECK(c.end_ms == uint32_t(std::llround((c.first_word + c.word_count) * 60000.0 / 164)));
        next = c.first_word + c.word_count;
    }
    CHECK(next == 200);
    ImportDesc d;
    d.format = Format::PlainText;
    d.words_per_minute = 120;
    auto r2 = import_transcript(Bytes(text), d);
    REQUIRE(r2.ok());
    CHECK(r2->words[120].start_ms == 60000);
}

// Reader paragraphs and search passages follow the cues: a cue that stops at a fixed word count
// cuts a sentence in two. Plain-text cues end at a sentence end (punctuation, or a guessed one).
TEST_CASE("plain text: ~30 s cues end where a sentence ends", "[import]") {
    std::string text;
    // sentences that open with "the": no guess would cut before it, only the punctuation can
    for (int i = 0; i < 60; ++i) text += "the crew of the rocket left the coast at dawn" + std::string(i % 3 ? ". " : "? ");
    auto r = imp(text, Format::PlainText, "punct.txt");
    REQUIRE(r.ok());
    const Episode& ep = r.value();
    REQUIRE(ep.cues.size() >= 5);
    auto w = word_texts(ep);
    for (size_t k = 0; k + 1 < ep.cues.size(); ++k) {
        const Cue& c = ep.cues[k];
        INFO("cue " << k << " ends with word " << c.first_word + c.word_count - 1);
        CHECK(c.first_word + c.word_count < ep.words.size());
        CHECK((c.first_word + c.word_count) % 10 == 0);  // whole 10-word sentences
        CHECK(w[c.first_word + c.word_count - 1] == "dawn");
    }
    // raw speech-to-text output: the cut goes to a guessed sentence start, not into "the future of"
    std::string speech;
    for (int i = 0; i < 40; ++i) speech += "i think the future of the open source model is great yeah so let me ask you about that ";
    auto s = imp(speech, Format::PlainText, "speech.txt");
    REQUIRE(s.ok());
    auto sw = word_texts(s.value());
    REQUIRE(s->cues.size() >= 5);
    for (size_t k = 1; k < s->cues.size(); ++k) {
        INFO("cue " << k << " starts at " << s->cues[k].first_word);
        const std::string& first = sw[s->cues[k].first_word];  // a turn: "(great) yeah", "(yeah) so", "(that) i"
        CHECK((first == "yeah" || first == "so" || first == "i"));
    }
}

// YouTube's automatic captions (as yt-dlp saves them) are the most common WebVTT in the wild: every
// cue opens with a line of one space (WebVTT ends a cue only at an empty line), carries inline word
// timestamps, and repeats the previous cue's line before its new words ("rolling" captions).
// Transcripts people paste or export as text carry time marks: YouTube's "Show transcript" copied,
// Otter, Rev/Descript, notes. Their times and speakers must be read, not indexed as words.
TEST_CASE("plain text with time marks: YouTube copy, Rev, Otter and [hh:mm:ss] notes get real times and speakers", "[import]") {
    auto timed = [](const std::string& text) { return imported(text, Format::PlainText, "t.txt"); };
    Episode yt = timed("0:00\nthe following is a conversation\n0:03\nwith mark zuckerberg\n1:02:07\non this podcast\n");
    CHECK_FALSE(yt.meta.times_estimated);
    CHECK(word_texts(yt) == std::vector<std::string>{"the", "following", "is", "a", "conversation", "with", "mark", "zuckerberg", "on", "this", "podcast"});
    CHECK(yt.words[5].start_ms == 3000);
    CHECK(yt.words[8].start_ms == 3727000);
    CHECK(yt.cues.size() == 3);

    Episode rev = timed("Lex Fridman (00:00:00):\nThe following is a conversation.\n\nMark Zuckerberg (00:00:05):\nThanks for having me.\n\n"
                        "Lex Fridman (00:00:09):\nLet us talk about llamas.\n");
    CHECK(rev.meta.speakers == std::vector<std::string>{"Lex Fridman", "Mark Zuckerberg"});
    REQUIRE(rev.words.size() == 14);
    CHECK(word_texts(rev)[5] == "Thanks");
    CHECK(rev.words[5].start_ms == 5000);
    CHECK(rev.words[5].speaker == 1);
    CHECK(rev.words[9].speaker == 0);

    // Otter: "Speaker 1  0:00"; a time inside a sentence ("at 10:30") is a word, not a mark
    Episode otter = timed("Speaker 1  0:00\nHello there, how are you?\n\nSpeaker 2  0:04\nFine, thanks. We met at 10:30 today.\n\nSpeaker 1  0:09\nGreat.\n");
    CHECK(otter.meta.speakers == std::vector<std::string>{"Speaker 1", "Speaker 2"});
    auto ow = word_texts(otter);
    CHECK(std::find(ow.begin(), ow.end(), "10:30") != ow.end());
    CHECK(otter.cues.size() == 3);
    CHECK(otter.cues[2].start_ms == 9000);

    Episode notes = timed("[00:00:01] opening remarks\n[00:01:10] budget review\nmore on the budget\n[00:02:00] any other business\n");
    CHECK(word_texts(notes).front() == "opening");
    CHECK(notes.cues[1].start_ms == 70000);
    CHECK(notes.cues[1].word_count == 6);
}

// Published podcast transcripts are text with turns written "Name: ..."; the names are speakers
// (the reader's labels, speaker: queries), not words.
TEST_CASE("plain text with 'Name: text' turns gets speakers, and long turns ~30 s cues ending at sentences", "[import]") {
    std::string long_turn;
    for (int i = 0; i < 30; ++i) long_turn += "We trained the model on many tokens and it learned a lot. ";
    const Episode e = imported("Episode 383\n\nLex Fridman: The following is a conversation with Mark.\n\n"
                               "Mark Zuckerberg: Thanks for having me.\n\nLex Fridman: Tell me about llama.\nIt is open.\n\n"
                               "Mark Zuckerberg: " + long_turn + "\n",
                               Format::PlainText, "pod.txt");
    CHECK(e.meta.times_estimated);
    CHECK(e.meta.speakers == std::vector<std::string>{"Lex Fridman", "Mark Zuckerberg"});
    auto w = word_texts(e);
    CHECK(std::find(w.begin(), w.end(), "Zuckerberg") == w.end());  // a speaker, not a word
    CHECK(w[0] == "Episode");
    CHECK(e.words[0].speaker == kNoSpeaker);
    CHECK(e.words[2].speaker == 0);                                 // "The"
    const size_t it = size_t(std::find(w.begin(), w.end(), "It") - w.begin());
    REQUIRE(it < w.size());
    CHECK(e.words[it].speaker == 0);  // a line without a name continues the turn
    CHECK(e.words.back().speaker == 1);
    // the 360-word turn: cues of 82-114 words (30 s at 164 words/min), each ending with "lot."
    size_t long_cues = 0;
    for (const Cue& c : e.cues) {
        if (c.word_count < 50) continue;
        ++long_cues;
        CHECK(c.word_count <= 114);
        CHECK(w[c.first_word + c.word_count - 1] == "lot");
    }
    CHECK(long_cues >= 3);
    // a few "Note:" lines in ordinary text are words
    std::string text = "Note: this is a memo.\n";
    for (int i = 0; i < 20; ++i) text += "we went to the shop and bought bread\n";
    text += "Note: the end.\nAlso: one more thing.\n";
    auto p = imp(text, Format::PlainText, "memo.txt");
    REQUIRE(p.ok());
    CHECK(p->meta.speakers.empty());
    CHECK(word_texts(p.value()).front() == "Note");
}

// Otter's export without timestamps puts each speaker's name alone on the line above the turn:
// the names were read as words of the text ("Speaker 1 Hello and welcome...") and no speakers.
TEST_CASE("plain text with a speaker's name alone above each paragraph gets speakers", "[import]") {
    const Episode ep = imported("Speaker 1\nHello and welcome to the podcast.\nToday we have a guest.\n\nJane Doe\n"
                                "Thanks for having me.\n\nSpeaker 1\nLet's get started.\n\nJane Doe\nSure.\n\n"
                                "Transcribed by https://otter.ai\n",
                                Format::Auto, "otter.txt");
    CHECK(ep.meta.speakers == std::vector<std::string>{"Speaker 1", "Jane Doe"});
    CHECK(word_texts(ep) == std::vector<std::string>{"Hello", "and", "welcome", "to", "the", "podcast", "Today", "we", "have", "a",
                                                     "guest", "Thanks", "for", "having", "me", "Let's", "get", "started", "Sure"});
    CHECK(ep.words.at(11).speaker == 1);
    CHECK(ep.words.at(15).speaker == 0);
    CHECK(ep.meta.times_estimated);
    // section headings that do not come back are headings, not speakers
    const Episode doc = imported("Introduction\nRivers carve valleys.\n\nMethods\nWe walked along them.\n\nResults\nThey are wet.\n",
                                 Format::Auto, "doc.txt");
    CHECK(doc.meta.speakers.empty());
    CHECK(word_texts(doc).front() == "Introduction");
}

TEST_CASE("plain text with the odd time in a sentence stays plain text with estimated times", "[import]") {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "we talked for a while about the launch\n";
    text += "it was 10:30 when we met\nat 11:45 we left\nby 12:00 we were home\n";
    auto r = imp(text, Format::PlainText, "p.txt");
    REQUIRE(r.ok());
    CHECK(r->meta.times_estimated);  // 3 marks in 63 lines: not a timed transcript
    CHECK(txtest::demo_episode().meta.times_estimated);
    // marks that mostly go backwards are not a time axis either
    auto b = imp("3:00\nc\n2:00\nb\n1:00\na\n0:30\nz\n", Format::PlainText, "b.txt");
    REQUIRE(b.ok());
    CHECK(b->meta.times_estimated);
}

TEST_CASE("WebVTT: YouTube automatic captions import with each word once", "[import]") {
    const std::string vtt =
        "WEBVTT\nKind: captions\nLanguage: en\n\n"
        "00:00:00.000 --> 00:00:02.310 align:start position:0%\n \n"
        "hello<00:00:00.320><c> everyone</c><00:00:00.640><c> and</c><00:00:00.880><c> welcome</c>\n\n"
        "00:00:02.310 --> 00:00:02.320 align:start position:0%\nhello everyone and welcome\n \n\n"
        "00:00:02.320 --> 00:00:05.190 align:start position:0%\nhello everyone and welcome\n"
        "to<00:00:02.560><c> the</c><00:00:02.800><c> podcast</c><00:00:03.120><c> today</c>\n\n"
        "00:00:05.190 --> 00:00:05.200 align:start position:0%\nto the podcast today\n \n\n"
        "00:00:05.200 --> 00:00:08.000 align:start position:0%\nto the podcast today\n"
        "we<00:00:05.500><c> talk</c><00:00:05.900><c> about</c><00:00:06.300><c> llamas</c>\n";
    const Episode ep = imported(vtt, Format::WebVTT, "yt.vtt");
    const std::vector<std::string> want = {"hello", "everyone", "and", "welcome", "to", "the", "podcast", "today", "we", "talk", "about", "llamas"};
    CHECK(word_texts(ep) == want);
    REQUIRE(ep.words.size() == want.size());
    // each word at its own inline time; a word before the first tag at its cue's start
    const uint32_t at[] = {0, 320, 640, 880, 2320, 2560, 2800, 3120, 5200, 5500, 5900, 6300};
    for (size_t i = 0; i < want.size(); ++i) {
        INFO(want[i]);
        CHECK(ep.words[i].start_ms == at[i]);
    }
    REQUIRE(ep.cues.size() == 3);  // the 10 ms cues that only repeat a line add nothing
    CHECK(ep.cues[1].start_ms == 2320);
    CHECK(ep.meta.duration_ms == 8000);
}

// Rolling-caption de-duplication drops a cue's lines that the cue before showed. It used to be
// switched on by any "<" + two digits + ":" in the file, so one NOTE or one karaoke tag made
// ordinary repeated cues vanish (data loss).
TEST_CASE("WebVTT: a NOTE block or a single karaoke tag does not make a file rolling captions", "[import]") {
    const Episode note = imported("WEBVTT\n\nNOTE recorded <10:30 local>\n\n00:00:01.000 --> 00:00:02.000\nYes\n\n"
                                  "00:00:02.000 --> 00:00:03.000\nYes\n\n00:00:03.000 --> 00:00:04.000\nYes\n",
                                  Format::WebVTT, "note.vtt");
    CHECK(word_texts(note) == std::vector<std::string>{"Yes", "Yes", "Yes"});
    CHECK(note.cues.size() == 3);
    const Episode karaoke = imported("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nLa la la\n\n00:00:02.000 --> 00:00:03.000\nLa la la\n\n"
                                     "00:00:03.000 --> 00:00:04.000\nsing <00:00:03.500>along now\n\n"
                                     "00:00:04.000 --> 00:00:05.000\nLa la la\n",
                                     Format::WebVTT, "karaoke.vtt");
    CHECK(karaoke.words.size() == 12);
    CHECK(karaoke.cues.size() == 4);
}

// Roll-up captions (YouTube's automatic captions as yt-dlp --convert-subs srt writes them, or
// broadcast roll-up in WebVTT) repeat the line the cue before showed, then add one: every line
// was imported twice, so the reader showed each sentence twice and search counted it twice.
TEST_CASE("SRT and WebVTT: roll-up captions without word times import each line once", "[import]") {
    const std::string srt =
        "1\n00:00:00,160 --> 00:00:02,869\nso today we're going to talk\n\n"
        "2\n00:00:02,869 --> 00:00:02,879\nso today we're going to talk\n\n"
        "3\n00:00:02,879 --> 00:00:05,030\nso today we're going to talk\nabout the history of computing\n\n"
        "4\n00:00:05,030 --> 00:00:05,040\nabout the history of computing\n\n"
        "5\n00:00:05,040 --> 00:00:07,000\nabout the history of computing\nand why it matters\n";
    std::vector<std::string> warnings;
    auto rs = imp(srt, Format::Auto, "yt-dlp.en.srt", &warnings);
    REQUIRE(rs.ok());
    const Episode& s = rs.value();
    check_invariants(s);
    const std::vector<std::string> want = {"so", "today", "we're", "going", "to", "talk", "about", "the",
                                           "history", "of", "computing", "and", "why", "it", "matters"};
    CHECK(word_texts(s) == want);
    // the lines are dropped by a guess (a file whose speakers really repeat themselves could look
    // alike): said in a warning, not silently
    CHECK(warnings == std::vector<std::string>{"yt-dlp.en.srt: read as roll-up captions: dropped 4 line(s) repeating the cue before"});
    REQUIRE(s.cues.size() == 3);  // the 10 ms cues that only repeat a line add nothing
    CHECK(s.cues[1].start_ms == 2879);
    CHECK(s.words[6].start_ms == 2879);  // "about" in the cue that added its line
    CHECK(s.cues[2].end_ms == 7000);

    const std::string vtt =
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann>the first line of speech\n\n"
        "00:00:03.000 --> 00:00:05.000\n<v Ann>the first line of speech\ncontinues on the second\n\n"
        "00:00:05.000 --> 00:00:07.000\ncontinues on the second\nand a third arrives\n";
    const Episode v = imported(vtt, Format::WebVTT, "rollup.vtt");
    CHECK(word_texts(v) == std::vector<std::string>{"the", "first", "line", "of", "speech", "continues", "on", "the", "second",
                                                    "and", "a", "third", "arrives"});
    REQUIRE(v.cues.size() == 3);
    CHECK(v.words[5].start_ms == 3000);
    REQUIRE(v.meta.speakers == std::vector<std::string>{"Ann"});
    CHECK(v.words[5].speaker == 0);  // the dropped line's <v> tag still names the cue's speaker

    // Two-line cues that do not repeat the cue before are ordinary subtitles: every line stays.
    const Episode two = imported("1\n00:00:01,000 --> 00:00:02,000\n- Are you coming?\n- Yes.\n\n"
                                 "2\n00:00:02,000 --> 00:00:03,000\n- Yes.\n- Good.\n\n"
                                 "3\n00:00:03,000 --> 00:00:04,000\nWe leave now\nbefore dark\n",
                                 Format::SRT, "dialogue.srt");
    CHECK(two.words.size() == 11);
}

// Broadcast captions mark a new speaker with ">>" (">> ALICE: text"), Markdown exports write the
// name bold ("**Alice:** text"): the names stayed words of the text and there were no speakers.
TEST_CASE("speaker prefixes after '>>' and in Markdown bold become speakers", "[import]") {
    const Episode txt = imported(">> ALICE: Welcome back to the program.\n>> BOB: Thanks for having me.\n"
                                 ">> ALICE: Let's begin.\n>> Right.\n",
                                 Format::Auto, "cc.txt");
    CHECK(txt.meta.speakers == std::vector<std::string>{"ALICE", "BOB"});
    CHECK(word_texts(txt) == std::vector<std::string>{"Welcome", "back", "to", "the", "program", "Thanks", "for", "having", "me",
                                                      "Let's", "begin", "Right"});
    CHECK(txt.words.at(5).speaker == 1);
    const Episode srt = imported("1\n00:00:01,000 --> 00:00:03,000\n>> JOHN: Hello there.\n\n2\n00:00:03,000 --> 00:00:05,000\n"
                                 ">> MARY: Hi John.\n\n3\n00:00:05,000 --> 00:00:07,000\n>> JOHN: How are you?\n",
                                 Format::SRT, "cc.srt");
    CHECK(srt.meta.speakers == std::vector<std::string>{"JOHN", "MARY"});
    CHECK(word_texts(srt).front() == "Hello");
    CHECK(srt.words.at(2).speaker == 1);
    const Episode md = imported("**Alice:** Welcome to the show.\n\n**Bob:** Glad to be here.\n\n**Alice**: So what is new?\n",
                                Format::Auto, "md.txt");
    CHECK(md.meta.speakers == std::vector<std::string>{"Alice", "Bob"});
    CHECK(word_texts(md).front() == "Welcome");
    CHECK(md.words.at(8).speaker == 0);  // "So", after "**Alice**:"
    // bold that is not a name prefix stays text
    const Episode emph = imported("**Note** this well: it matters.\nAnother line.\nA third line.\n", Format::Auto, "e.txt");
    CHECK(emph.meta.speakers.empty());
}

// A cue of two voices ("- <v Ann>Hi. - <v Bob>Hello.", as dialogue subtitles write it) gave every
// word to the last voice: Ann's words were Bob's and Ann was no speaker at all.
TEST_CASE("WebVTT: a cue with two voice tags becomes one turn per voice", "[import]") {
    const Episode ep = imported("WEBVTT\n\n00:00:07.000 --> 00:00:09.000\n- <v Ann>Are you coming?\n- <v Bob>Yes, now.\n\n"
                                "00:00:09.000 --> 00:00:10.000\n<v Ann>Good.</v> <i>laughs</i>\n",
                                Format::WebVTT, "two.vtt");
    CHECK(ep.meta.speakers == std::vector<std::string>{"Ann", "Bob"});
    CHECK(word_texts(ep) == std::vector<std::string>{"Are", "you", "coming", "Yes", "now", "Good", "laughs"});
    const int16_t want[] = {0, 0, 0, 1, 1, 0, 0};
    for (size_t i = 0; i < 7; ++i) CHECK(ep.words.at(i).speaker == want[i]);
    REQUIRE(ep.cues.size() == 3);
    CHECK(ep.cues[0].start_ms == 7000);
    CHECK(ep.cues[1].start_ms > 7000);  // Bob's turn starts inside the cue, at his share of the text
    CHECK(ep.cues[1].end_ms == 9000);
    CHECK(ep.cues[2].start_ms == 9000);
}

// Zoom's transcripts (and many caption tools' SRT) write the speaker as a "Name: " prefix of each
// cue; as text, the names were indexed as words and `speaker:` found nothing.
TEST_CASE("WebVTT and SRT: 'Name: text' cue prefixes become speakers when most cues have one", "[import]") {
    const std::string zoom =
        "WEBVTT\n\n1\n00:00:01.500 --> 00:00:04.000\nLex Fridman: Hello and welcome.\n\n"
        "2\n00:00:04.500 --> 00:00:06.000\nMark Zuckerberg: Thanks for having me.\n\n"
        "3\n00:00:06.000 --> 00:00:08.000\nit is great to be here.\n\n"
        "4\n00:00:08.500 --> 00:00:10.000\nLex Fridman: Note: we start with llamas.\n";
    const Episode z = imported(zoom, Format::WebVTT, "zoom.vtt");
    CHECK(z.meta.speakers == std::vector<std::string>{"Lex Fridman", "Mark Zuckerberg"});
    auto w = word_texts(z);
    CHECK(w.front() == "Hello");
    CHECK(std::find(w.begin(), w.end(), "Fridman") == w.end());
    REQUIRE(z.cues.size() == 4);
    CHECK(z.words[z.cues[2].first_word].speaker == 1);  // no prefix: the turn goes on
    CHECK(w[z.cues[3].first_word] == "Note");           // only the first prefix is a name
    CHECK(z.words[z.cues[3].first_word].speaker == 0);

    const std::string srt = "1\n00:00:01,000 --> 00:00:02,000\nANNA: Good morning.\n\n2\n00:00:02,000 --> 00:00:03,000\nBEN: Morning!\n\n"
                            "3\n00:00:03,000 --> 00:00:04,000\nANNA: Shall we start?\n";
    auto s2 = imp(srt, Format::SRT, "m.srt");
    REQUIRE(s2.ok());
    CHECK(s2->meta.speakers == std::vector<std::string>{"ANNA", "BEN"});
    CHECK(word_texts(s2.value()).front() == "Good");

    // one cue opening with "Note:" among plain cues is text, not a speaker
    const std::string plain = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nNote: the first part\n\n00:00:02.000 --> 00:00:03.000\nand then more\n\n"
                              "00:00:03.000 --> 00:00:04.000\nstill more text\n\n00:00:04.000 --> 00:00:05.000\nthe end\n";
    auto p = imp(plain, Format::WebVTT, "p.vtt");
    REQUIRE(p.ok());
    CHECK(p->meta.speakers.empty());
    CHECK(word_texts(p.value()).front() == "Note");
}

TEST_CASE("WebVTT: padding lines stay inside a cue, blank-looking separators still end one", "[import]") {
    // a whitespace-only line before more text is padding; before an identifier + timing line (or
    // a timing line) it ends the cue, as sloppy writers that pad their blank lines expect
    const std::string vtt =
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n  \nfirst line\n   \n42\n"
        "00:00:03.000 --> 00:00:04.000\nsecond\n \n00:00:05.000 --> 00:00:06.000\nthird\n";
    const Episode e = imported(vtt, Format::WebVTT, "pad.vtt");
    CHECK(word_texts(e) == std::vector<std::string>{"first", "line", "second", "third"});
    REQUIRE(e.cues.size() == 3);
    CHECK(e.cues[1].start_ms == 3000);
    CHECK(e.cues[2].start_ms == 5000);
    // without inline timestamps nothing is dropped: a line said twice in a row stays twice
    const std::string twice = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nYeah.\n\n00:00:02.000 --> 00:00:03.000\nYeah.\n";
    auto t = imp(twice, Format::WebVTT, "twice.vtt");
    REQUIRE(t.ok());
    CHECK(t->words.size() == 2);
}

TEST_CASE("WebVTT: voice tags, cue settings, NOTE/STYLE blocks, both timestamp forms", "[import]") {
    std::string vtt =
        "WEBVTT - a title\n"
        "Kind: captions\n"
        "\n"
        "STYLE\n"
        "::cue { color: red }\n"
        "\n"
        "NOTE this is a comment\n"
        "spanning lines --> with an arrow\n"
        "\n"
        "intro\n"
        "00:01.000 --> 00:03.000 align:start position:10%\n"
        "<v Lex Fridman>Hello, <i>world</i> &amp; friends\n"
        "\n"
        "1:00:00.000 --> 1:00:02.000\n"
        "<v.loud Mark>It's a jiu-jitsu\n"
        "thing.\n"
        "\n"
        "01:00:02.000 --> 01:00:04.000\n"
        "no speaker here\n";
    auto r = imp(vtt, Format::Auto, "x.vtt");
    REQUIRE(r.ok());
    const Episode& ep = r.value();
    check_invariants(ep);
    auto w = word_texts(ep);
    REQUIRE(w.size() == 10);
    CHECK(w[0] == "Hello");
    CHECK(w[1] == "world");
    CHECK(w[2] == "friends");  // "&" alone is not a word
    CHECK(w[4] == "a");
    CHECK(w[5] == "jiu-jitsu");
    CHECK(w[6] == "thing");
    REQUIRE(ep.meta.speakers.size() == 2);
    CHECK(ep.meta.speakers[0] == "Lex Fridman");
    CHECK(ep.meta.speakers[1] == "Mark");
    CHECK(ep.words[0].speaker == 0);
    CHECK(ep.words[3].speaker == 1);
    CHECK(ep.words[7].speaker == kNoSpeaker);
    REQUIRE(ep.cues.size() == 3);
    CHECK(ep.cues[0].start_ms == 1000);
    CHECK(ep.cues[1].start_ms == 3600000);
    CHECK(ep.cues[2].end_ms == 3604000);
    // interpolation: first word at the cue start, later words later but inside the cue
    CHECK(ep.words[0].start_ms == 1000);
    CHECK(ep.words[2].start_ms > ep.words[1].start_ms);
    CHECK(ep.words[2].start_ms < 3000);
    CHECK(ep.text.find("&amp;") == std::string::npos);
    CHECK(!ep.meta.times_estimated);
}

TEST_CASE("WebVTT: a first cue right after the header line is accepted", "[import]") {
    auto r = imp("WEBVTT\n00:01.000 --> 00:02.000\nhello\n\n00:02.000 --> 00:03.000\nworld\n", Format::WebVTT);
    REQUIRE(r.ok());
    REQUIRE(r->words.size() == 2);
    CHECK(r->cues[0].start_ms == 1000);
}

TEST_CASE("SRT: numbered cues with comma milliseconds and formatting tags", "[import]") {
    std::string srt =
        "1\r\n00:00:01,500 --> 00:00:04,000\r\n<i>First</i> line\r\nsecond line\r\n\r\n"
        "2\r\n00:00:05,000 --> 00:00:06,000 X1:10 X2:20\r\nlast\r\n";
    auto r = imp(srt, Format::Auto, "x.srt");
    REQUIRE(r.ok());
    check_invariants(r.value());
    auto w = word_texts(r.value());
    REQUIRE(w.size() == 5);
    CHECK(w[0] == "First");
    CHECK(w[3] == "line");
    CHECK(r->cues[0].start_ms == 1500);
    CHECK(r->cues[1].start_ms == 5000);
}

// Subtitles converted from ASS/SSA keep override blocks ({\an8}, {\i1}), and many writers escape
// apostrophes and accents as character references: all of them were indexed as words ("an8",
// "39", "eacute") and "I'm" was not found.
TEST_CASE("SRT and WebVTT: ASS override blocks are dropped and character references decoded", "[import]") {
    const Episode srt = imported("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}top text {\\i1}ass{\\i0}\n\n"
                                 "2\n00:00:02,000 --> 00:00:03,000\nI&#39;m here caf&eacute; &#x27;n&#X27; &rsquo;s&hellip;\n",
                                 Format::SRT, "tags.srt");
    CHECK(word_texts(srt) == std::vector<std::string>{"top", "text", "ass", "I'm", "here", "caf\xC3\xA9", "n", "s"});
    CHECK(srt.text.find("\xE2\x80\x99s\xE2\x80\xA6") != std::string::npos);  // &rsquo;s&hellip;
    struct Case { const char* in; const char* out; };
    const Case cases[] = {
        {"a&uuml;b &szlig; &ntilde; &Eacute; &mdash; &ndash; &ldquo;x&rdquo; &copy; &reg; &trade; &deg;",
         "a\xC3\xBC" "b \xC3\x9F \xC3\xB1 \xC3\x89 \xE2\x80\x94 \xE2\x80\x93 \xE2\x80\x9Cx\xE2\x80\x9D \xC2\xA9 \xC2\xAE \xE2\x84\xA2 \xC2\xB0"},
        {"&#146;&#x1F600; ok", "\xE2\x80\x99\xF0\x9F\x98\x80 ok"},  // 0x80-0x9F read as Windows-1252, as browsers do
                                                                    // ("ok": a cue without a word is no transcript)
        // invalid or unknown references stay text, and never make invalid UTF-8
        {"&#xD800; &#x110000; &#0; &#1; &#99999999999; &#; &#xZZ; &bogus; &amp &eacute", "&#xD800; &#x110000; &#0; &#1; &#99999999999; &#; &#xZZ; &bogus; &amp &eacute"},
        {"{\\unclosed text", "{\\unclosed text"},
    };
    for (const Case& c : cases) {
        INFO(c.in);
        const Episode e = imported(std::string("WEBVTT\n\n00:01.000 --> 00:02.000\n") + c.in + "\n", Format::WebVTT, "e.vtt");
        CHECK(e.text == c.out);
        CHECK(utf8_invalid_offset(e.text) == std::string::npos);
    }
}

TEST_CASE("Whisper JSON: segments, and word-level times when words[] is present", "[import]") {
    std::string json = R"({"text": "...", "segments": [
        {"id": 0, "start": 0.0, "end": 2.5, "text": " Hello there, \u00e9t\u00e9 friend."},
        {"id": 1, "start": 2.5, "end": 4.0, "text": " ignored when words exist", "speaker": "SPEAKER_01",
         "words": [{"word": " I", "start": 2.5, "end": 2.6}, {"word": " don", "start": 2.7},
                   {"word": "'t", "start": 2.9}, {"word": " know.", "start": 3.1, "end": 3.5}]}
    ]})";
    auto r = imp(json, Format::Auto, "x.json");
    REQUIRE(r.ok());
    check_invariants(r.value());
    auto w = word_texts(r.value());
    REQUIRE(w.size() == 7);
    CHECK(w[2] == "\xC3\xA9t\xC3\xA9");
    CHECK(w[5] == "don't");
    CHECK(w[6] == "know");
    CHECK(r->words[4].start_ms == 2500);
    CHECK(r->words[5].start_ms == 2700);
    CHECK(r->words[6].start_ms == 3100);
    REQUIRE(r->meta.speakers.size() == 1);
    CHECK(r->words[4].speaker == 0);
    CHECK(r->words[0].speaker == kNoSpeaker);
}

// WhisperX and faster-whisper write words without the leading space openai-whisper gives them;
// read with openai-whisper's rule ("a word without a space continues the one before") a whole
// segment became one word ("Hellothere.").
TEST_CASE("Whisper JSON: WhisperX words without leading spaces stay separate words, with speakers", "[import]") {
    const std::string wx =
        R"({"segments":[{"start":0.0,"end":2.0,"text":" Hello there.","speaker":"SPEAKER_00","words":[)"
        R"({"word":"Hello","start":0.0,"end":0.5,"speaker":"SPEAKER_00"},{"word":"there.","start":0.6,"end":1.0}]},)"
        R"({"start":2.0,"end":4.0,"text":" Hi llama.","speaker":"SPEAKER_01","words":[)"
        R"({"word":"Hi","start":2.1,"end":2.4},{"word":"llama.","start":2.5,"end":3.0}]}],"language":"en"})";
    const Episode e = imported(wx, Format::WhisperJSON, "wx.json");
    CHECK(word_texts(e) == std::vector<std::string>{"Hello", "there", "Hi", "llama"});
    REQUIRE(e.words.size() == 4);
    CHECK(e.words[3].start_ms == 2500);
    CHECK(e.words[3].speaker == 1);
    CHECK(e.meta.speakers == std::vector<std::string>{"SPEAKER_00", "SPEAKER_01"});
}

// WhisperX assigns speakers per word, and a segment may hold words of two speakers; the
// segment's speaker was given to all of them, so `speaker:SPEAKER_01 there` found nothing.
TEST_CASE("Whisper JSON: WhisperX per-word speakers win over their segment's", "[import]") {
    const Episode e = imported(
        R"({"segments":[{"start":0,"end":2,"text":"x","speaker":"SPEAKER_00","words":[)"
        R"({"word":"Hi","start":0,"end":1,"speaker":"SPEAKER_00"},{"word":"there","start":1,"end":2,"speaker":"SPEAKER_01"},)"
        R"({"word":"again","start":1.5,"end":2}]}],)"
        R"("words":[]})",
        Format::WhisperJSON, "wx.json");
    REQUIRE(e.words.size() == 3);
    CHECK(e.meta.speakers == std::vector<std::string>{"SPEAKER_00", "SPEAKER_01"});
    CHECK(e.words[0].speaker == 0);
    CHECK(e.words[1].speaker == 1);
    CHECK(e.words[2].speaker == 0);  // no label: the segment's speaker
    const Episode top = imported(R"({"words":[{"word":"a","start":0,"speaker":"A"},{"word":"b","start":1}]})", Format::WhisperJSON, "t.json");
    REQUIRE(top.words.size() == 2);
    CHECK(top.words[0].speaker == 0);
    CHECK(top.words[1].speaker == kNoSpeaker);
}

// Word-level timestamps (openai-whisper's DTW, WhisperX's alignment) can fall outside their segment
// or go back: the cue kept the segment's times, so its words lay outside it (breaking the cue /
// word invariant the reader and index rely on), and word times went backwards within a cue.
TEST_CASE("Whisper JSON: segment words outside the segment widen its cue; words going back keep the time before", "[import]") {
    const Episode e = imported(R"({"segments":[
  {"start":1,"end":2,"text":" early late","words":[{"word":" early","start":0.5,"end":0.8},{"word":" late","start":3,"end":3.5}]},
  {"start":4,"end":7,"text":" one two three","words":[{"word":" one","start":6},{"word":" two","start":5},{"word":" three","start":4.2}]}]})",
                               Format::WhisperJSON, "w.json");
    CHECK(word_texts(e) == std::vector<std::string>{"early", "late", "one", "two", "three"});
    CHECK(e.cues.at(0).start_ms == 500);
    CHECK(e.cues.at(0).end_ms == 3000);
    CHECK(e.words.at(3).start_ms == 6000);
    CHECK(e.words.at(4).start_ms == 6000);
    CHECK(e.cues.at(1).start_ms == 4000);
    CHECK(e.cues.at(1).end_ms == 7000);
}

TEST_CASE("Whisper JSON variants: top-level words[] (OpenAI) and transcription[] (whisper.cpp)", "[import]") {
    std::string openai = R"({"task":"transcribe","duration":9.0,"text":"Hello there. General Kenobi!",
        "segments":[{"id":0,"start":0.0,"end":2.0,"text":" Hello there."},{"id":1,"start":5.0,"end":9.0,"text":" General Kenobi!"}],
        "words":[{"word":"Hello","start":0.0,"end":0.5},{"word":"there","start":0.6,"end":1.0},
                 {"word":"General","start":5.0,"end":5.5},{"word":"Kenobi","start":5.6,"end":6.2}]})";
    auto r = imp(openai, Format::WhisperJSON);
    REQUIRE(r.ok());
    check_invariants(r.value());
    auto w = word_texts(r.value());
    REQUIRE(w.size() == 4);
    CHECK(w[1] == "there");
    CHECK(w[2] == "General");
    CHECK(r->words[3].start_ms == 5600);
    REQUIRE(r->cues.size() == 2);  // follows the segments
    CHECK(r->cues[1].first_word == 2);

    std::string wcpp = R"({"systeminfo":"x","result":{"language":"en"},"transcription":[
        {"timestamps":{"from":"00:00:00,000","to":"00:00:03,000"},"offsets":{"from":0,"to":3000},"text":" And so my fellow"},
        {"timestamps":{"from":"00:00:03,000","to":"00:00:05,500"},"offsets":{"from":3000,"to":5500},"text":" Americans, ask not"}]})";
    r = imp(wcpp, Format::WhisperJSON);
    REQUIRE(r.ok());
    check_invariants(r.value());
    REQUIRE(r->words.size() == 7);
    CHECK(r->cues[1].start_ms == 3000);
    CHECK(word_texts(r.value())[4] == "Americans");
    auto bad = imp("{\"transcription\":[\n{\"offsets\":{\"from\":\"x\"},\"text\":\"a\"}]}", Format::WhisperJSON);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.message().find("line 2:") != std::string::npos);
}

// AssemblyAI's transcript JSON has top-level words[] like OpenAI's, but {"text", "start", "end"}
// in milliseconds: read as seconds, a word at 0.25 s was placed at 4 minutes 10, silently.
TEST_CASE("AssemblyAI JSON: word times in milliseconds, speakers, cues at its utterances", "[import]") {
    const std::string json = R"({"id":"x1","status":"completed","audio_url":"https://example.com/a.mp3","text":"Hello there. Hi, you?",
        "words":[{"text":"Hello","start":250,"end":650,"confidence":0.97,"speaker":"A"},
                 {"text":"there.","start":730,"end":1022,"confidence":0.99,"speaker":"A"},
                 {"text":"Hi,","start":32500,"end":32800,"confidence":0.9,"speaker":"B"},
                 {"text":"you?","start":33300,"end":33900,"confidence":0.9,"speaker":"B"}],
        "utterances":[{"speaker":"A","start":250,"end":1022,"text":"Hello there."},
                      {"speaker":"B","start":32500,"end":33900,"text":"Hi, you?"}],"audio_duration":34})";
    const Episode ep = imported(json, Format::Auto, "assembly.json");
    CHECK(word_texts(ep) == std::vector<std::string>{"Hello", "there", "Hi", "you"});
    const uint32_t at[] = {250, 730, 32500, 33300};
    for (size_t i = 0; i < 4; ++i) CHECK(ep.words.at(i).start_ms == at[i]);
    CHECK(ep.meta.duration_ms == 33900);
    CHECK(ep.meta.speakers == std::vector<std::string>{"A", "B"});
    REQUIRE(ep.cues.size() == 2);  // one per utterance
    CHECK(ep.cues[1].start_ms == 32500);
    // OpenAI's words[] ("word", seconds) beside an "audio_url" stay seconds
    const Episode openai = imported(R"({"audio_url":"u","words":[{"word":"Hi","start":1.5,"end":2.0}]})", Format::Auto, "o.json");
    CHECK(openai.words.at(0).start_ms == 1500);
}

// OpenAI's transcription API answers {"text": "..."} unless asked for verbose_json: the file was
// refused ("expected Whisper JSON ...") though it holds the whole transcript.
TEST_CASE("Whisper JSON: a bare {\"text\"} (OpenAI API default) imports as text with estimated times", "[import]") {
    const Episode ep = imported("{\"text\": \" Hola, \\u00bfqu\\u00e9 tal? Muy bien, gracias.\", \"language\": \"es\"}",
                                Format::Auto, "api.json");
    CHECK(word_texts(ep) == std::vector<std::string>{"Hola", "qu\xC3\xA9", "tal", "Muy", "bien", "gracias"});
    CHECK(ep.meta.times_estimated);
    CHECK(ep.words.back().start_ms > 0);
    CHECK(ep.meta.title == "api");
    // without "text" (or with a non-string one) it is still refused, now naming "text" among the fields
    for (const char* bad : {"{\"language\": \"en\"}", "{\"text\": 42}"}) {
        auto r = imp(bad, Format::Auto, "x.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.message().find("\"transcription\" or \"text\")") != std::string::npos);
    }
}

// Subtitles written on Windows are often Windows-1252, not UTF-8; the whole file was refused as
// "invalid UTF-8". They are read as Windows-1252 with a warning; damaged UTF-8 and binary bytes
// are still refused (hostile_test.cpp checks the overlong and surrogate forms).
TEST_CASE("import: a Windows-1252 file is transcoded with a warning, other invalid UTF-8 still refused", "[import]") {
    std::vector<std::string> warnings;
    ImportDesc d;
    d.name = "cp1252.srt";
    d.warnings = &warnings;
    auto r = import_transcript(Bytes(std::string_view("1\r\n00:00:01,000 --> 00:00:02,000\r\n\x93smart quotes\x94 caf\xE9 \x96 na\xEFve\r\n")), d);
    REQUIRE(r.ok());
    check_invariants(r.value());
    CHECK(r->text == "\xE2\x80\x9Csmart quotes\xE2\x80\x9D caf\xC3\xA9 \xE2\x80\x93 na\xC3\xAFve");
    CHECK(word_texts(r.value()) == std::vector<std::string>{"smart", "quotes", "caf\xC3\xA9", "na\xC3\xAFve"});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "cp1252.srt: line 3: not valid UTF-8; read as Windows-1252");
    const Episode plain = imported("Na\xEFve \x93quotes\x94 in a .txt\n", Format::Auto, "p.txt");
    CHECK(word_texts(plain)[0] == "Na\xC3\xAFve");
    // not Windows-1252 text: undefined bytes, control bytes, UTF-8-shaped runs, no typical byte
    const std::string refused[] = {"caf\xE9 \x81 x", "caf\xE9 \x01 x", "caf\xC3\xA9 and caf\xE9", "x \xE2\x82\xAC\x80 y", "bad \xFF byte"};
    for (const std::string& bad : refused) {
        INFO(bad);
        warnings.clear();
        auto e = import_transcript(Bytes(bad), d);
        REQUIRE_FALSE(e.ok());
        CHECK(e.message().find("invalid UTF-8") != std::string::npos);
        CHECK(warnings.empty());
    }
}

TEST_CASE("importers reject malformed input with a message naming the line", "[import]") {
    struct Case { std::string input; Format f; std::string expect; };
    const Case cases[] = {
        {"WEBVTX\n\n00:01.000 --> 00:02.000\nhi\n", Format::WebVTT, "line 1:"},
        {"WEBVTT\n\n00:01.000 -> 00:02.000\nhi\n", Format::WebVTT, "line 3:"},
        {"WEBVTT\n\n00:01.000 --> 00:0x.000\nhi\n", Format::WebVTT, "line 3:"},
        {"WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n00:02.000 --> 00:0x.000\nho\n", Format::WebVTT, "line 5:"},
        {"WEBVTT\n\n00:61.000 --> 00:62.000\nhi\n", Format::WebVTT, "line 3:"},
        {"WEBVTT\n\nid-only\n", Format::WebVTT, "line 3:"},
        {"1\n00:00:01,000 --> 00:00:02,000\nhi\n\nabc\n00:00:03,000 --> 00:00:04,000\nho\n", Format::SRT, "line 5:"},
        {"1\n00:00:01,000 -->\n", Format::SRT, "line 2:"},
        {"{\"segments\": [\n{\"start\": 0, \"end\": 1, \"text\": \"a\"},\n{\"start\": \"x\", \"end\": 1}]}", Format::WhisperJSON, "line 3:"},
        {"{\"segments\": [\n{\"start\": 0, \"end\": 1, \"text\": \"a\"\n", Format::WhisperJSON, "line 3"},
        {"{\"segments\": 5}", Format::WhisperJSON, "line 1:"},
        {std::string(200, '[') , Format::WhisperJSON, "nesting too deep"},
        {"ok line\nbad \xFF byte\n", Format::PlainText, "line 2: invalid UTF-8"},
        {"WEBVTT\n\n00:01.000 --> 00:02.000\n\xC3\x28\n", Format::WebVTT, "line 4: invalid UTF-8"},
    };
    for (const auto& c : cases) {
        INFO(c.input);
        auto r = imp(c.input, c.f, "bad.file");
        REQUIRE_FALSE(r.ok());
        CHECK(r.errc() == Errc::Malformed);
        CHECK(r.message().find(c.expect) != std::string::npos);
        CHECK(r.message().rfind("bad.file: ", 0) == 0);
    }
}

// A time that is a number but unusable was reported as 'needs a numeric "start"', which sends the
// user looking for a missing or quoted value.
// Notepad's "Unicode" and some subtitle tools save UTF-16; such files were refused as "invalid
// UTF-8 (byte 0)" or, for SRT, "expected a cue number or a timing line".
TEST_CASE("import: UTF-16 files (with a BOM or without, either byte order) are read", "[import]") {
    // hand-encoded UTF-16, independent of the importer's decoder
    auto utf16 = [](const std::u16string& text, bool le, bool bom) {
        std::string out;
        std::u16string all = bom ? u"\uFEFF" + text : text;
        for (char16_t u : all) {
            const char lo = char(u & 0xFF), hi = char(u >> 8);
            out += le ? lo : hi;
            out += le ? hi : lo;
        }
        return out;
    };
    const Episode txt = imported(utf16(u"Caf\u00e9 talk.\r\nSecond line \U0001F600 here.\r\n", true, true), Format::Auto, "n.txt");
    CHECK(word_texts(txt) == std::vector<std::string>{"Caf\xC3\xA9", "talk", "Second", "line", "here"});
    CHECK(txt.text.find("\xF0\x9F\x98\x80") != std::string::npos);  // a surrogate pair, one character
    const Episode srt = imported(utf16(u"1\r\n00:00:01,000 --> 00:00:02,500\r\nHello from SRT\r\n", true, false), Format::Auto, "s.srt");
    CHECK(word_texts(srt) == std::vector<std::string>{"Hello", "from", "SRT"});
    CHECK(srt.cues.at(0).end_ms == 2500);
    const Episode vtt = imported(utf16(u"WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann>big endian\n", false, true), Format::Auto, "v.vtt");
    CHECK(word_texts(vtt) == std::vector<std::string>{"big", "endian"});
    CHECK(vtt.meta.speakers == std::vector<std::string>{"Ann"});

    auto bad = imp(utf16(u"ok\nthen \xD800 alone", true, true), Format::Auto, "b.txt");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.message() == "b.txt: line 2: invalid UTF-16 (an unpaired surrogate at byte 18)");
    bad = imp(utf16(u"odd", true, true) + "x", Format::Auto, "o.txt");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.message() == "o.txt: line 1: UTF-16 text ends in half a character (byte 8)");
}

// An empty file, or one with no word in it, was imported as an episode of 0 words: `transcript
// pack` put it in the archive without a warning (the page alone refused it), `search` was silent.
TEST_CASE("import: an empty file, or one without a word, is refused saying so", "[import]") {
    struct Case { const char* in; Format f; const char* name; const char* msg; };
    const Case cases[] = {
        {"", Format::Auto, "e.txt", "e.txt: the file is empty"},
        {"", Format::Auto, "e.vtt", "e.vtt: the file is empty"},
        {"", Format::Auto, "e.json", "e.json: the file is empty"},
        {"\xEF\xBB\xBF \r\n\n\t\n", Format::Auto, "e.srt", "e.srt: the file is empty"},
        {"WEBVTT\n\nNOTE nothing yet\n", Format::Auto, "h.vtt", "h.vtt: no words in this transcript (read as webvtt)"},
        {"1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\n\xE2\x99\xAA\n", Format::Auto, "m.srt",
         "m.srt: no words in this transcript (read as srt)"},
        {"{\"text\": \"\", \"segments\": [], \"language\": \"en\"}", Format::Auto, "s.json",
         "s.json: no words in this transcript (read as whisper-json)"},
    };
    for (const Case& c : cases) {
        INFO(c.name << ": " << c.in);
        auto r = imp(c.in, c.f, c.name);
        REQUIRE_FALSE(r.ok());
        CHECK(r.message() == c.msg);
    }
}

// A typo in an SRT timing line ("->" for "-->") after a blank line made the broken cue a paragraph
// of the cue before: its number and times became words ("2 00 00 02 000 ...") and the cue's
// time was lost, silently.
TEST_CASE("SRT: a numbered cue with a broken timing line is reported, not read as text of the cue before", "[import]") {
    auto r = imp("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:02,000 -> 00:00:03,000\nbroken arrow\n", Format::SRT, "a.srt");
    REQUIRE_FALSE(r.ok());
    CHECK(r.message() == "a.srt: line 6: expected '-->' after the start time");
    // a paragraph break inside a cue still continues it, numbers and all
    const Episode ok = imported("1\n00:00:01,000 --> 00:00:04,000\nWe counted\n\n2 apples at 10:30\n\n"
                                "2\n00:00:04,000 --> 00:00:05,000\nthen left\n",
                                Format::SRT, "p.srt");
    CHECK(ok.cues.size() == 2);
    CHECK(word_texts(ok) == std::vector<std::string>{"We", "counted", "2", "apples", "at", "10:30", "then", "left"});
}

TEST_CASE("SRT and WebVTT: a timing line with seconds or minutes over 59 says which, not just that a time was expected", "[import]") {
    struct Case { std::string text; Format f; std::string expect; };
    const Case cases[] = {
        {"1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:61,000 --> 00:01:02,000\nlate\n", Format::SRT,
         "s.srt: line 6: the seconds in 00:00:61,000 are over 59"},
        {"WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\n00:03.000 --> 00:75.500\nlate\n", Format::WebVTT,
         "s.srt: line 6: the seconds in 00:75.500 are over 59"},
        {"WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\n00:61:00.000 --> 01:00:02.000\nlate\n", Format::WebVTT,
         "s.srt: line 6: the minutes in 00:61:00.000 are over 59"},
        {"WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\n999999:00:00.000 --> 999999:00:01.000\nlate\n", Format::WebVTT,
         "s.srt: line 6: the time 999999:00:00.000 is too large"},
        // a timing line that is not a time at all keeps the plain message
        {"WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\n00:03.000 --> 00:04.\nlate\n", Format::WebVTT,
         "s.srt: line 6: expected an end time like 00:01:04.000"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        auto r = imp(c.text, c.f, "s.srt");
        REQUIRE_FALSE(r.ok());
        CHECK(r.message() == c.expect);
    }
}

TEST_CASE("Whisper JSON: negative or too large times say so", "[import]") {
    struct Case { std::string json, expect; };
    const Case cases[] = {
        {R"({"segments":[{"start":-1.5,"end":1,"text":"a"}]})", R"(line 1: segment "start" is negative (-1.500 s))"},
        {R"({"segments":[{"start":4294967.295,"end":4294967.296,"text":"a"}]})",
         R"(line 1: segment "start" is too large (4294967.295 s; the limit is 2147483.647 s))"},
        {"{\"segments\":[{\"start\":0,\n\"end\":1e300,\"text\":\"a\"}]}", R"(line 2: segment "end" is too large)"},
        {R"({"segments":[{"start":"0","end":1,"text":"a"}]})", R"(line 1: segment needs a numeric "start" (seconds))"},
        {R"({"segments":[{"start":0,"end":1,"words":[{"word":"a","start":-2}]}]})", R"(line 1: word "start" is negative (-2.000 s))"},
        {R"({"words":[{"word":"a","start":"x"}]})", R"(line 1: word needs a numeric "start" (seconds))"},
    };
    for (const Case& c : cases) {
        INFO(c.json);
        auto r = imp(c.json, Format::WhisperJSON, "t.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.message().find("t.json: " + c.expect) == 0);
    }
}

// Hand-edited caption files often lose the blank line between cues; the next cue's number and
// timing line (or a bare timing line that parses) start a new cue instead of failing the file.
TEST_CASE("SRT and WebVTT: a next cue without the blank line before it still starts a new cue", "[import]") {
    const Episode srt = imported("1\n00:00:01,000 --> 00:00:02,000\nhello there\n2\n00:00:02,000 --> 00:00:03,000\nsecond cue\n"
                                 "3\n00:00:03,000 --> 00:00:04,000\nthe end\n", Format::SRT, "nb.srt");
    CHECK(word_texts(srt) == std::vector<std::string>{"hello", "there", "second", "cue", "the", "end"});
    REQUIRE(srt.cues.size() == 3);
    CHECK(srt.cues[1].start_ms == 2000);
    const Episode vtt = imported("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello there\n00:00:02.000 --> 00:00:03.000\nsecond cue\n",
                                 Format::WebVTT, "nb.vtt");
    REQUIRE(vtt.cues.size() == 2);
    CHECK(vtt.cues[1].start_ms == 2000);
    // a number that is cue text, followed by a blank line, stays text
    const Episode num = imported("1\n00:00:01,000 --> 00:00:02,000\nthe answer is\n42\n\n2\n00:00:02,000 --> 00:00:03,000\nok\n",
                                 Format::SRT, "n.srt");
    CHECK(word_texts(num) == std::vector<std::string>{"the", "answer", "is", "42", "ok"});
}

// Real caption files were rejected whole for one small flaw: a blank line inside an SRT cue (the
// rest of the cue was then "expected a cue number"), an arrow in the spoken text ("timing line
// inside a cue"), or a WebVTT cue identifier that starts like a time ("00:01 intro").
TEST_CASE("SRT and WebVTT: a blank line inside an SRT cue, '-->' in cue text and time-like cue identifiers are read", "[import]") {
    const Episode blank = imported("1\n00:00:01,000 --> 00:00:02,000\nfirst line\n\n\nsecond paragraph\n\n"
                                   "2\n00:00:02,000 --> 00:00:03,000\nok\n\nlast words\n",
                                   Format::SRT, "blank.srt");
    CHECK(word_texts(blank) == std::vector<std::string>{"first", "line", "second", "paragraph", "ok", "last", "words"});
    REQUIRE(blank.cues.size() == 2);
    CHECK(blank.cues[0].word_count == 4);
    const Episode arrow = imported("1\n00:00:01,000 --> 00:00:02,000\nclick File --> Save\n\n2\n00:00:02,000 --> 00:00:03,000\n--> done\n",
                                   Format::SRT, "arrow.srt");
    CHECK(word_texts(arrow) == std::vector<std::string>{"click", "File", "Save", "done"});
    const Episode varrow = imported("WEBVTT\n\n00:01.000 --> 00:02.000\nA --> B\n", Format::WebVTT, "arrow.vtt");
    CHECK(word_texts(varrow) == std::vector<std::string>{"A", "B"});
    const Episode ids = imported("WEBVTT\n\n00:01 intro\n00:00:01.000 --> 00:00:02.000\nhello\n\n"
                                 "1:05 part two\n00:00:02.000 --> 00:00:03.000\nworld\n",
                                 Format::WebVTT, "ids.vtt");
    CHECK(word_texts(ids) == std::vector<std::string>{"hello", "world"});
    CHECK(ids.cues.size() == 2);
    // still errors: a broken timing line, and a timing line inside a cue
    CHECK_FALSE(imp("WEBVTT\n\n00:01 intro\nhello\n", Format::WebVTT).ok());
    CHECK_FALSE(imp("1\n00:00:01,000 --> 00:00:02,000\nhi\n00:00:02,000 --> 00:00:0x,000\nho\n", Format::SRT).ok());
}

TEST_CASE("a cue ending before it starts (seen in real Whisper output) becomes a zero-length cue", "[import]") {
    auto r = imp("WEBVTT\n\n00:05.000 --> 00:02.000\nhi there\n\n00:02.000 --> 00:03.000\nnext\n", Format::WebVTT);
    REQUIRE(r.ok());
    REQUIRE(r->cues.size() == 2);
    CHECK(r->cues[0].start_ms == 5000);
    CHECK(r->cues[0].end_ms == 5000);
    CHECK(r->words[1].start_ms == 5000);
}

TEST_CASE("importers survive truncations of valid files without crashing", "[import]") {
    const std::string inputs[] = {
        "WEBVTT\n\nNOTE x\n\n1\n00:01.000 --> 00:02.000 align:start\n<v A>Hello <b>there</b>\n\n1:00:01.000 --> 1:00:02.000\nbye\n",
        "1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n00:00:03,000 --> 00:00:04,000\nho\n",
        R"({"segments":[{"start":0,"end":1,"text":" a b","words":[{"word":" a","start":0},{"word":" b","start":0.5}]}]})",
    };
    const Format fs[] = {Format::WebVTT, Format::SRT, Format::WhisperJSON};
    for (int k = 0; k < 3; ++k) {
        for (size_t n = 0; n <= inputs[k].size(); ++n) {
            auto r = imp(inputs[k].substr(0, n), fs[k]);
            if (r.ok()) check_invariants(r.value());
            else CHECK(r.errc() == Errc::Malformed);
        }
    }
}

TEST_CASE("the real lexicap WebVTT files import with consistent words, cues and times", "[import][shared]") {
    TX_REQUIRE_SHARED("data/lexicap");
    std::string dir = txtest::shared_dir() + "/data/lexicap";
    DIR* d = opendir(dir.c_str());
    REQUIRE(d);
    std::vector<std::string> names;
    while (dirent* e = readdir(d)) {
        std::string n = e->d_name;
        if (n.size() > 4 && n.substr(n.size() - 4) == ".vtt") names.push_back(n);
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    REQUIRE(names.size() > 10);
    // A sample keeps the suite fast; the whole archive is covered by bench/.
    size_t total_words = 0;
    for (size_t i = 0; i < names.size(); i += 25) {
        std::string raw = txtest::read_file(dir + "/" + names[i]);
        auto r = imp(raw, Format::Auto, names[i]);
        INFO(names[i] << ": " << r.message());
        REQUIRE(r.ok());
        check_invariants(r.value());
        // words = whitespace words of the cue payloads (minus punctuation-only runs like "-")
        size_t cue_words = 0;
        std::vector<WordSpan> spans;
        size_t pos = 0;
        int state = 0;  // count the payload lines' words independently of the importer
        while (pos < raw.size()) {
            size_t nl = raw.find('\n', pos);
            if (nl == std::string::npos) nl = raw.size();
            std::string line = raw.substr(pos, nl - pos);
            pos = nl + 1;
            if (line.find("-->") != std::string::npos) { state = 1; continue; }
            if (line.empty()) { state = 0; continue; }
            if (state == 1) { spans.clear(); split_words(line, spans); cue_words += spans.size(); }
        }
        CHECK(r->words.size() == cue_words);
        CHECK(r->meta.duration_ms > 60000);
        total_words += r->words.size();
    }
    CHECK(total_words > 100000);
}

// ---- Podcasting 2.0 JSON, timed-text headings, HTML (formats met in the wild) ----

// The podcast namespace's transcript JSON was refused: 'segment needs a numeric "start"'.
TEST_CASE("Podcasting 2.0 JSON: speakers, times and bodies import; detected from .json and from content", "[import]") {
    const std::string pc = R"({"version":"1.0.0","segments":[
        {"speaker":"Alice","startTime":0.5,"endTime":3.2,"body":"Welcome to the show about compilers."},
        {"speaker":"Bob","startTime":3.4,"endTime":6.0,"body":"Thanks, happy to be here.","extra":{"x":1}},
        {"startTime":6.1,"endTime":8.0,"body":"I write parsers."}]})";
    CHECK(detect_format("ep.json", Bytes(pc)) == Format::PodcastJSON);
    CHECK(detect_format("ep.txt", Bytes(pc)) == Format::PodcastJSON);
    CHECK(detect_format("ep.json", Bytes(std::string_view(R"({"segments":[{"start":0,"end":1,"text":"a"}]})"))) == Format::WhisperJSON);
    for (const char* name : {"ep.json", "ep.txt", "ep"}) {
        INFO(name);
        const Episode e = imported(pc, Format::Auto, name);
        CHECK_FALSE(e.meta.times_estimated);
        CHECK(e.meta.speakers == std::vector<std::string>{"Alice", "Bob"});
        const auto w = word_texts(e);
        REQUIRE(w.size() == 6 + 5 + 3);
        CHECK(w[0] == "Welcome");
        CHECK(w[5] == "compilers");
        CHECK(e.words[0].start_ms == 500);
        CHECK(e.words[6].start_ms == 3400);  // "Thanks"
        CHECK(e.words[6].speaker == 1);
        CHECK(e.words[13].speaker == 1);     // no "speaker": the turn goes on
        REQUIRE(e.cues.size() == 2);         // a cue per turn
        CHECK(e.cues[0].end_ms == 3200);
        CHECK(e.cues[1].start_ms == 3400);
        CHECK(e.meta.duration_ms == 8000);
    }
    // the same file forced as Whisper JSON is still read by its structure, and a bare array of
    // segments is read too
    CHECK(imported(pc, Format::WhisperJSON, "x").words.size() == 14);
    CHECK(imported(R"([{"startTime":1,"endTime":2,"body":"bare array"}])", Format::Auto, "a.json").words.size() == 2);
}

// Many hosts write one segment per word; as one cue per word the reader's paragraphs and search's
// passages were single words.
TEST_CASE("Podcasting 2.0 JSON: word-level segments are joined into cues at speaker changes, pauses and sentence ends", "[import]") {
    std::string json = R"({"version":"1.0.0","segments":[)";
    double t = 0;
    int n = 0;
    auto word = [&](const std::string& sp, const std::string& body, double len = 0.3) {
        json += std::string(n++ ? "," : "") + "{\"speaker\":\"" + sp + "\",\"startTime\":" + std::to_string(t) +
                ",\"endTime\":" + std::to_string(t + len) + ",\"body\":\"" + body + "\"}";
        t += len + 0.05;
    };
    for (int k = 0; k < 10; ++k) word("Alice", k == 9 ? "compilers." : "word");  // 3.5 s, one cue
    word("Bob", "Yes.");                                                          // speaker change
    t += 5;                                                                       // a 5 s pause
    word("Bob", "Later");
    word("Bob", "on.");
    for (int s = 0; s < 20; ++s)  // 20 sentences of 6 words, 2.1 s each: cues end at a sentence after 10 s
        for (int k = 0; k < 6; ++k) word("Bob", k == 5 ? "end." : "talk");
    json += "]}";
    const Episode e = imported(json, Format::Auto, "words.json");
    REQUIRE(e.words.size() == 10 + 1 + 2 + 120);
    CHECK(e.words[9].start_ms == 3150);
    REQUIRE(e.cues.size() >= 5);
    CHECK(e.cues[0].word_count == 10);
    CHECK(e.cues[1].word_count == 1);
    CHECK(e.cues[2].first_word == 11);  // after the pause
    const auto w = word_texts(e);
    for (size_t c = 3; c < e.cues.size(); ++c) {
        const Cue& cue = e.cues[c];
        CHECK(w[cue.first_word - 1] == "end");  // every later cue starts after a sentence end
        if (c + 1 < e.cues.size()) {
            CHECK(cue.end_ms - cue.start_ms >= 10000);
            CHECK(cue.end_ms - cue.start_ms < 13000);
        }
    }
}

TEST_CASE("Podcasting 2.0 JSON: string times, missing or backwards endTime and going-back starts are read sensibly", "[import]") {
    const Episode e = imported(R"({"segments":[
        {"speaker":"A","startTime":"00:00:01.5","endTime":"2.5","body":"one two"},
        {"speaker":"A","startTime":"3","body":"three"},
        {"speaker":"A","startTime":2.0,"endTime":1.0,"body":"four"},
        {"speaker":"A","startTime":10,"endTime":null,"body":"five"}]})",
                               Format::PodcastJSON, "s.json");
    REQUIRE(e.words.size() == 5);
    CHECK(e.words[0].start_ms == 1500);
    CHECK(e.words[2].start_ms == 3000);
    CHECK(e.words[3].start_ms == 3000);  // 2.0 goes back: kept at 3.0
    CHECK(e.words[4].start_ms == 10000);
    CHECK(e.meta.duration_ms > 10000);   // no end: a speaking-rate guess, not 0 length
    CHECK_FALSE(e.meta.times_estimated);
}

TEST_CASE("Podcasting 2.0 and unknown JSON: malformed variants get clear messages naming the line", "[import]") {
    struct Case { std::string json, expect; };
    const Case cases[] = {
        {"{\"version\":\"1.0.0\",\"segments\":[\n{\"startTime\":0,\"endTime\":1,\"body\":\"a\"},\n{\"startTime\":1", "line 3"},
        {"{\"segments\":[{\"startTime\":0,\"body\":\"a\"},\n{\"startTime\":\"soon\",\"body\":\"b\"}]}",
         R"(line 2: segment "startTime" is not a time: "soon")"},
        {"{\"segments\":[{\"startTime\":0,\"body\":\"a\"},\n{\"startTime\":true,\"body\":\"b\"}]}",
         R"(line 2: segment "startTime" must be a number of seconds)"},
        {"{\"segments\":[{\"startTime\":-3,\"body\":\"a\"}]}", R"(line 1: segment "startTime" is negative (-3.000 s))"},
        {"{\"segments\":[{\"startTime\":1e12,\"body\":\"a\"}]}", R"(line 1: segment "startTime" is too large)"},
        {"{\"segments\":[{\"startTime\":0,\"endTime\":\"1e400\",\"body\":\"a\"}]}", R"(line 1: segment "endTime" is not a time)"},
        {"{\"segments\":[{\"startTime\":0,\"body\":\"a\"},\n{\"endTime\":3,\"body\":\"b\"}]}", R"(line 2: segment needs a "startTime")"},
        {"{\"segments\":[{\"startTime\":0,\"body\":\"a\"},\n{\"startTime\":3,\"text\":\"b\"}]}", R"(line 2: segment needs a "body" string)"},
        {"{\"segments\":[{\"from\":0,\"words\":\"a\"}]}", R"(line 1: segment needs a "start" (Whisper JSON) or "startTime" (Podcasting 2.0 JSON))"},
        {"{\"result\":[{\"alternatives\":[]}]}", R"(line 1: expected Whisper JSON)"},
        // a show's chapters file, packed with its folder, was refused as "expected Whisper JSON ..."
        {"{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Intro\"}]}",
         R"(line 1: a chapters file (Podcasting 2.0 "chapters"), not a transcript: name it X.chapters.json and pack or open it )"
         R"(with its transcript X.* (X.vtt, ...), or give the chapters in a manifest's chapters column)"},
    };
    for (const Case& c : cases) {
        INFO(c.json);
        auto r = imp(c.json, Format::Auto, "p.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.errc() == Errc::Malformed);
        CHECK(r.message().find("p.json: " + c.expect) == 0);
    }
    auto other = imp("{\"data\":[]}", Format::Auto, "p.json");
    REQUIRE_FALSE(other.ok());
    for (const char* kind : {"Whisper JSON", "Podcasting 2.0 JSON", "AssemblyAI", "Deepgram", "Rev.ai", "AWS Transcribe", "Google Speech-to-Text"})
        CHECK(other.message().find(kind) != std::string::npos);  // names every kind it takes
}

// Exports of two turns (below the 3 marks plain text needed) kept "Speaker 1  0:00" and
// "Alice Smith (00:00:01):" as words with estimated times; "[00:00:01] Alice:" kept the name.
TEST_CASE("timed text: Otter and Rev headings of a short export, '[time] Name:' and 'Name (time): text' give speakers and real times", "[import]") {
    auto timed = [](const std::string& text) { return imported(text, Format::Auto, "t.txt"); };
    const Episode otter = timed("Speaker 1  0:00\nWelcome to the show about compilers.\n\nSpeaker 2  0:04\nThanks.\n\n"
                                "Transcribed by https://otter.ai\n");
    CHECK_FALSE(otter.meta.times_estimated);
    CHECK(otter.meta.speakers == std::vector<std::string>{"Speaker 1", "Speaker 2"});
    CHECK(word_texts(otter) == std::vector<std::string>{"Welcome", "to", "the", "show", "about", "compilers", "Thanks"});
    CHECK(otter.words[6].start_ms == 4000);
    CHECK(otter.words[6].speaker == 1);

    const Episode rev = timed("Alice Smith (00:00:01):\nWelcome to the show.\n\nBob Jones (00:01:02):\nThanks for having me.\n");
    CHECK_FALSE(rev.meta.times_estimated);
    CHECK(rev.meta.speakers == std::vector<std::string>{"Alice Smith", "Bob Jones"});
    REQUIRE(rev.words.size() == 8);
    CHECK(rev.words[4].start_ms == 62000);

    const Episode lead = timed("[00:00:01] Alice: Welcome to the show.\n[00:00:05] Bob: Thanks.\n[00:00:07] Alice:\nSo, compilers.\n");
    CHECK(lead.meta.speakers == std::vector<std::string>{"Alice", "Bob"});
    CHECK(word_texts(lead) == std::vector<std::string>{"Welcome", "to", "the", "show", "Thanks", "So", "compilers"});
    CHECK(lead.words[5].speaker == 0);
    CHECK(lead.words[5].start_ms == 7000);

    const Episode inl = timed("Alice Smith (00:00:01): Welcome to the show.\nBob Jones (00:00:04): Thanks.\n");
    CHECK(inl.meta.speakers == std::vector<std::string>{"Alice Smith", "Bob Jones"});
    CHECK(word_texts(inl).size() == 5);
    CHECK(inl.words[4].start_ms == 4000);

    const Episode spaced = timed("Alice  00:01:02\nHello there.\nBob  00:01:05\nHi.\n");
    CHECK(spaced.meta.speakers == std::vector<std::string>{"Alice", "Bob"});
    CHECK(spaced.words[0].start_ms == 62000);

    // "Name: [time] text" (the name first, with its colon): the colon was kept in the name
    // ("Speaker 1:"), so `speaker:"Speaker 1"` found nothing
    const Episode colon = timed("Speaker 1: [00:00:00] Welcome to the show.\nSpeaker 2: [00:00:04] Glad to be here.\n"
                                "Speaker 1: [00:00:09] So what is new?\n");
    CHECK(colon.meta.speakers == std::vector<std::string>{"Speaker 1", "Speaker 2"});
    CHECK(word_texts(colon).front() == "Welcome");
    CHECK(colon.words[4].start_ms == 4000);
    CHECK(colon.words[4].speaker == 1);

    // Markdown exports write the name bold: "**Alice** [00:00:00]" gave the speaker "**Alice**"
    const Episode md = timed("**Alice** [00:00:00]\nWelcome to the show.\n\n**Bob** [00:00:04]\nGlad to be here.\n");
    CHECK(md.meta.speakers == std::vector<std::string>{"Alice", "Bob"});
    CHECK(md.words.at(4).start_ms == 4000);

    // YouTube Studio's .sbv captions: "start,end" on a line, the cue's text below, here after
    // broadcast ">>" speaker marks; the timing lines were words and every time was estimated
    const Episode sbv = imported("0:00:00.599,0:00:04.160\n>> ALICE: Hi, my name is Alice\n\n0:00:04.160,0:00:06.770\n"
                                 ">> JOHN: and I am John.\n\n0:00:06.770,0:00:10.880\n>> ALICE: Today we bake\ncookies!\n",
                                 Format::Auto, "studio.sbv");
    CHECK_FALSE(sbv.meta.times_estimated);
    CHECK(sbv.meta.speakers == std::vector<std::string>{"ALICE", "JOHN"});
    CHECK(word_texts(sbv) == std::vector<std::string>{"Hi", "my", "name", "is", "Alice", "and", "I", "am", "John", "Today", "we",
                                                      "bake", "cookies"});
    REQUIRE(sbv.cues.size() == 3);
    CHECK(sbv.cues[0].start_ms == 599);
    CHECK(sbv.cues[1].start_ms == 4160);
    CHECK(sbv.cues[2].start_ms == 6770);
    CHECK(sbv.words.at(9).speaker == 0);
    // one or two .sbv cues are captions too: they were read as plain text, the timing lines as
    // words ("0:00:00.599,0:00:04.160 hello") and every time estimated; the last cue ends at its own end
    for (const char* name : {"short.sbv", "short.txt"}) {
        INFO(name);
        const Episode one = imported("0:00:00.599,0:00:04.160\nhello sbv world\n", Format::Auto, name);
        CHECK_FALSE(one.meta.times_estimated);
        CHECK(word_texts(one) == std::vector<std::string>{"hello", "sbv", "world"});
        REQUIRE(one.cues.size() == 1);
        CHECK(one.cues[0].start_ms == 599);
        CHECK(one.cues[0].end_ms == 4160);
        const Episode two = imported("0:00:00.599,0:00:04.160\nhello sbv world\n\n0:00:05.000,0:00:08.000\nsecond cue here\n",
                                     Format::Auto, name);
        CHECK_FALSE(two.meta.times_estimated);
        CHECK(word_texts(two).size() == 6);
        REQUIRE(two.cues.size() == 2);
        CHECK(two.cues[1].start_ms == 5000);
        CHECK(two.cues[1].end_ms == 8000);
    }
    // a timing-like line that does not open the text leaves it plain
    CHECK(imported("Meeting notes\n10:30,11:45\nwe talked\n", Format::Auto, "notes.txt").meta.times_estimated);

    // ordinary text with a bracketed time or a "Note:" stays plain text
    for (const std::string& text : {std::string("We met (10:30) and talked.\nThen we left.\n"),
                                    std::string("Intro (0:00)\nShow notes for this week.\nLinks below.\n"),
                                    std::string("[00:00:01] Note: record this.\nthe rest of the day was quiet\nand long\n")}) {
        INFO(text);
        const Episode p = imported(text, Format::Auto, "n.txt");
        CHECK(p.meta.speakers.empty());
    }
}

TEST_CASE("HTML: podcast namespace cite/time/p transcripts keep speakers and times, no markup in the text", "[import]") {
    const std::string html = "<cite>Alice:</cite>\n<time>0:00</time>\n<p>Welcome to the show about <b>compilers</b> &amp; parsers.</p>\n"
                             "<cite>Bob:</cite>\n<time>0:05</time>\n<p>Thanks&nbsp;&mdash; glad to&#32;be here.</p>\n";
    CHECK(detect_format("t.html", Bytes(html)) == Format::HTML);
    CHECK(detect_format("t.txt", Bytes(html)) == Format::HTML);
    CHECK(detect_format("t", Bytes(html)) == Format::HTML);
    for (const char* name : {"t.html", "t.htm", "t.txt"}) {
        INFO(name);
        const Episode e = imported(html, Format::Auto, name);
        CHECK_FALSE(e.meta.times_estimated);
        CHECK(e.meta.speakers == std::vector<std::string>{"Alice", "Bob"});
        const auto w = word_texts(e);
        CHECK(w == std::vector<std::string>{"Welcome", "to", "the", "show", "about", "compilers", "parsers", "Thanks", "glad", "to", "be", "here"});
        CHECK(e.text.find('<') == std::string::npos);
        CHECK(e.text.find("&amp;") == std::string::npos);
        CHECK(e.words[7].start_ms == 5000);
        CHECK(e.words[7].speaker == 1);
    }
    // a <cite> or <time> inside a sentence is words, not a heading; a page may leave out </head>
    const Episode inl = imported("<html><head><title>T</title><meta charset=utf-8><body><p>As <cite>Knuth</cite> wrote at "
                                 "<time>10:30</time> on <time datetime=2024-01-02>Tuesday</time>, programs are essays.</p>",
                                 Format::Auto, "i.html");
    CHECK(word_texts(inl) == std::vector<std::string>{"As", "Knuth", "wrote", "at", "10:30", "on", "Tuesday", "programs", "are", "essays"});
    CHECK(inl.meta.speakers.empty());
    CHECK(inl.meta.title == "T");
}

TEST_CASE("HTML: a saved web page keeps its <main>/<article> paragraphs, drops scripts, styles, comments and navigation", "[import]") {
    std::string page = "<!DOCTYPE html><html><head><title>Episode 12 &ndash; Compilers</title><style>p{color:red}</style>"
                       "<script>var secret = 'compiled';</script></head><body><nav><a href='/'>Home</a> Subscribe</nav>"
                       "<article><h1>Transcript</h1><!-- hidden words -->";
    for (int k = 0; k < 4; ++k)
        page += "<p>Alice: We talk about parsers and compilers, paragraph " + std::to_string(k) + ".</p>\n<p>Bob: Indeed.<br>A second line.</p>";
    page += "</article><footer>Copyright footer</footer><script>tracker()</script></body></html>";
    const Episode e = imported(page, Format::Auto, "page.html");
    CHECK(e.meta.title == "Episode 12 \xE2\x80\x93 Compilers");
    const auto w = word_texts(e);
    for (const char* gone : {"Home", "Subscribe", "secret", "compiled", "hidden", "Copyright", "tracker", "color", "Alice"}) {
        INFO(gone);
        CHECK(std::find(w.begin(), w.end(), gone) == w.end());
    }
    CHECK(w.front() == "Transcript");
    CHECK(e.meta.speakers == std::vector<std::string>{"Alice", "Bob"});  // the "Name:" turns
    CHECK(e.meta.times_estimated);
    CHECK(std::count(w.begin(), w.end(), "compilers") == 4);
    // a page without text says so
    auto empty = imp("<html><head><script>x()</script></head><body> </body></html>", Format::Auto, "e.html");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.message() == "e.html: no transcript text in this HTML (after removing tags, scripts and styles)");
}

// TTML / DFXP captions (.ttml, .dfxp, .xml) were read as text with estimated times, though every
// <p> carries its begin and end. Now each timed <p> is a cue with its times; only TTML without a
// timed <p> keeps the text reading, with a warning.
namespace {

struct Cues {
    std::vector<std::pair<uint32_t, uint32_t>> times;  // (start_ms, end_ms) per cue
    std::vector<std::string> texts;                     // each cue's words, joined by spaces
};

// Cue start times and the speaker name of each cue's first word.
std::vector<uint32_t> cue_starts(const Episode& ep) {
    std::vector<uint32_t> out;
    for (const Cue& c : ep.cues) out.push_back(c.start_ms);
    return out;
}
std::vector<std::string> cue_speakers(const Episode& ep) {
    std::vector<std::string> out;
    for (const Cue& c : ep.cues) {
        const int16_t s = ep.words.at(c.first_word).speaker;
        out.push_back(s == kNoSpeaker ? "" : ep.meta.speakers.at(size_t(s)));
    }
    return out;
}

Cues cues_of(const Episode& e) {
    Cues c;
    for (const Cue& q : e.cues) {
        c.times.emplace_back(q.start_ms, q.end_ms);
        std::string t;
        for (uint32_t i = q.first_word; i < q.first_word + q.word_count; ++i)
            t += (t.empty() ? "" : " ") + e.text.substr(e.words[i].begin, e.words[i].end - e.words[i].begin);
        c.texts.push_back(t);
    }
    return c;
}

Result<Episode> ttml(const std::string& s, std::vector<std::string>* warnings = nullptr) {
    ImportDesc d;
    d.name = "c.ttml";
    d.warnings = warnings;
    return import_transcript(Bytes(s), d);
}

// A document with `tt_attrs` on <tt> and one <p begin="`begin`" end="100:00:00.000">.
std::string one_cue(const std::string& tt_attrs, const std::string& begin) {
    return "<?xml version=\"1.0\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\" xmlns:ttp=\"http://www.w3.org/ns/ttml#parameter\" " +
           tt_attrs + ">\n<body><div>\n<p begin=\"" + begin + "\" end=\"100:00:00.000\">words here</p>\n</div></body></tt>\n";
}

}  // namespace

// (The second cue's "<tt:br>", not closed as XML wants, is a break as HTML's: exports do write it.)
TEST_CASE("TTML: Netflix-style DFXP with ticks, frames, agents, <br/>, spans and entities", "[import][ttml]") {
    const std::string dfxp =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<tt:tt xmlns:tt=\"http://www.w3.org/ns/ttml\" xmlns:ttp=\"http://www.w3.org/ns/ttml#parameter\"\n"
        "       xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\" xmlns:tts=\"http://www.w3.org/ns/ttml#styling\"\n"
        "       ttp:tickRate=\"10000000\" ttp:frameRate=\"25\" xml:lang=\"en\">\n"
        "  <tt:head>\n"
        "    <tt:metadata><ttm:agent xml:id=\"a1\" type=\"person\"><ttm:name type=\"full\">Lex Fridman</ttm:name></ttm:agent>\n"
        "    <ttm:agent xml:id=\"a2\"><ttm:name>Gu&#233;st</ttm:name></ttm:agent></tt:metadata>\n"
        "    <tt:styling><tt:style xml:id=\"s1\" tts:color=\"white\"/></tt:styling>\n"
        "  </tt:head>\n"
        "  <tt:body><tt:div>\n"
        "    <!-- reel 1 -->\n"
        "    <tt:p begin=\"10010000t\" end=\"30030000t\" ttm:agent=\"a1\">Welcome <tt:span tts:fontStyle=\"italic\">back</tt:span>,<tt:br/>everyone &amp; friends</tt:p>\n"
        "    <tt:p begin=\"00:00:04:05\" end=\"00:00:06:20\"><tt:span ttm:agent=\"a2\">Thanks&#x2014;glad</tt:span><tt:br>to be here</tt:p>\n"
        "  </tt:div></tt:body>\n"
        "</tt:tt>\n";
    std::vector<std::string> warnings;
    const Episode e = imported(dfxp, Format::Auto, "c.ttml", &warnings);
    const Cues c = cues_of(e);
    // 10010000 / 10^7 s = 1.001 s; 4 s + 5 frames at 25 fps = 4.2 s; 6 s + 20/25 = 6.8 s
    CHECK(c.times == std::vector<std::pair<uint32_t, uint32_t>>{{1001, 3003}, {4200, 6800}});
    CHECK(c.texts == std::vector<std::string>{"Welcome back everyone friends", "Thanks\u2014glad to be here"});
    CHECK(e.text.find("Welcome back, everyone & friends") != std::string::npos);
    CHECK(e.meta.speakers == std::vector<std::string>{"Lex Fridman", "Guést"});
    CHECK(e.words.front().speaker == 0);
    CHECK(e.words.back().speaker == 1);
    CHECK_FALSE(e.meta.times_estimated);
    CHECK(warnings.empty());
}

TEST_CASE("TTML: YouTube-style offset times, and begins inherited from <body> and <div>", "[import][ttml]") {
    const std::string yt =
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?><tt xml:lang=\"en\" xmlns=\"http://www.w3.org/ns/ttml\">"
        "<head><styling><style xml:id=\"s1\"/></styling><layout><region xml:id=\"r1\"/></layout></head>\n"
        "<body region=\"r1\" begin=\"2s\">\n"
        "<div><p begin=\"0.5s\" dur=\"1500ms\" style=\"s1\">first line</p>\n"
        "<p begin=\"2.25s\" end=\"3s\" role=\"narrator\">second line</p></div>\n"
        "<div begin=\"1m\"><p begin=\"10s\" end=\"12s\">in the second div</p>\n"
        "<p begin=\"15s\">open ended</p><p begin=\"20s\" end=\"21s\">last</p></div>\n"
        "</body></tt>\n";
    const Episode e = imported(yt, Format::Auto, "c.ttml");
    const Cues c = cues_of(e);
    // body 2 s; the second div 2 s + 1 min; a cue without end or dur lasts until the next one
    CHECK(c.times == std::vector<std::pair<uint32_t, uint32_t>>{{2500, 4000}, {4250, 5000}, {72000, 74000}, {77000, 82000}, {82000, 83000}});
    CHECK(c.texts[2] == "in the second div");
    CHECK(e.meta.speakers == std::vector<std::string>{"narrator"});
}

TEST_CASE("TTML: every time expression form", "[import][ttml]") {
    struct Case { const char* tt_attrs; const char* begin; uint32_t ms; };
    const Case cases[] = {
        {"", "01:02:03.500", 3723500},
        {"", "00:00:07", 7000},
        {"", "00:00:01:15", 1500},                                              // frames, default 30 fps
        {"ttp:frameRate=\"25\"", "00:00:01:10", 1400},
        {"ttp:frameRate=\"24\"", "00:00:00:20", 833},
        {"ttp:frameRate=\"24\" ttp:frameRateMultiplier=\"1000 1001\"", "00:00:00:20", 834},  // 20 * 1001 / 24000 s
        {"ttp:frameRate=\"25\" ttp:subFrameRate=\"2\"", "00:00:01:10.1", 1420},             // 10.5 frames
        {"", "12.5s", 12500},
        {"", "1500ms", 1500},
        {"", "2m", 120000},
        {"", "1h", 3600000},
        {"", "0.5h", 1800000},
        {"", "30f", 1000},
        {"ttp:frameRate=\"25\"", "30f", 1200},
        {"", "3t", 3000},                                                       // no tickRate, no frameRate: 1 a second
        {"ttp:frameRate=\"25\"", "50t", 2000},                                  // no tickRate: frame rate x sub-frame rate
        {"ttp:tickRate=\"10000000\"", "12345670000t", 1234567},
        // TTML2 §7.2.12: without ttp:tickRate, ticks are sub-frames of the effective frame rate
        {"ttp:frameRate=\"25\" ttp:subFrameRate=\"4\"", "150t", 1500},                  // 100 ticks a second
        {"ttp:frameRate=\"30\" ttp:frameRateMultiplier=\"1000 1001\"", "2997t", 100000}, // 29.97 ticks a second
        {"ttp:subFrameRate=\"4\"", "7t", 7000},                                          // no frame rate: 1 a second
        {"ttp:tickRate=\"90000\" ttp:frameRate=\"25\"", "45000t", 500},                 // a tick rate given wins
    };
    for (const Case& k : cases) {
        auto r = ttml(one_cue(k.tt_attrs, k.begin));
        INFO(k.tt_attrs << " begin=" << k.begin << ": " << r.message());
        REQUIRE(r.ok());
        CHECK(r->cues.at(0).start_ms == k.ms);
        CHECK(r->cues.at(0).end_ms == 360000000u);
    }
}

// timeContainer="seq" was read as "par": each child's times counted from the parent's begin,
// instead of from the end of the sibling before, so captions timed as a sequence piled up at the start.
TEST_CASE("TTML: timeContainer=\"seq\" times each child from the end of the one before", "[import][ttml]") {
    const std::string seq = "<tt xmlns=\"http://www.w3.org/ns/ttml\" xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\"><body>\n"
                            "<div timeContainer=\"seq\" begin=\"10s\">\n"
                            "<metadata><ttm:desc>sequence</ttm:desc></metadata>\n"
                            "<p begin=\"5s\" dur=\"5s\">first</p>\n"                 // 15 - 20
                            "<p dur=\"3s\">second</p>\n"                            // 20 - 23
                            "<p begin=\"1s\" end=\"2s\">third</p>\n"                // 24 - 25: begin and end from 23
                            "<div><p begin=\"0s\" end=\"4s\">nested</p></div>\n"   // 25 - 29: the div ends with its <p>
                            "<p dur=\"1s\">last</p>\n"                              // 29 - 30
                            "</div>\n<div begin=\"2s\"><p begin=\"1s\" end=\"2s\">par again</p></div>\n"  // 3 - 4
                            "</body></tt>\n";
    std::vector<std::string> warnings;
    const Cues c = cues_of(imported(seq, Format::Auto, "c.ttml", &warnings));
    CHECK(c.texts == std::vector<std::string>{"par again", "first", "second", "third", "nested", "last"});
    CHECK(c.times == std::vector<std::pair<uint32_t, uint32_t>>{{3000, 4000}, {15000, 20000}, {20000, 23000}, {24000, 25000}, {25000, 29000}, {29000, 30000}});
    CHECK(warnings.empty());

    // a child without end or dur would last indefinitely (hiding all later ones): it is taken to end
    // where it begins, with a warning; a timeContainer that is neither par nor seq is read as par
    warnings.clear();
    auto open = ttml("<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div timeContainer=\"seq\">\n<p begin=\"1s\">open</p>\n<p dur=\"2s\">next</p>\n"
                     "</div><div timeContainer=\"sequential\"><p begin=\"5s\" end=\"6s\">x</p></div></body></tt>\n", &warnings);
    REQUIRE(open.ok());
    CHECK(cues_of(open.value()).times == std::vector<std::pair<uint32_t, uint32_t>>{{1000, 1000}, {1000, 3000}, {5000, 6000}});
    CHECK(warnings == std::vector<std::string>{
        "c.ttml: line 4: timeContainer \"sequential\" is not par or seq; read as par",
        "c.ttml: line 2: 1 element(s) in a timeContainer=\"seq\" without end or dur: each taken to end where it begins (approximated)"});
}

// A <p> of two speakers (a <span ttm:agent> each, as Netflix-style DFXP writes a two-person
// subtitle) was all given to the first span's speaker; now each span's speaker has its turn,
// timed by its share of the text, and text back outside a span is the <p>'s speaker's again.
TEST_CASE("TTML: spans naming different speakers in one <p> are a turn each", "[import][ttml]") {
    const std::string two = "<tt xmlns=\"http://www.w3.org/ns/ttml\" xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\">\n"
                            "<head><metadata><ttm:agent xml:id=\"a1\"><ttm:name>Ann</ttm:name></ttm:agent>"
                            "<ttm:agent xml:id=\"a2\"><ttm:name>Bob</ttm:name></ttm:agent></metadata></head><body><div>\n"
                            "<p begin=\"1s\" end=\"3s\"><span ttm:agent=\"a1\">Hi there.</span> <span ttm:agent=\"a2\">Hello you.</span></p>\n"
                            "<p begin=\"4s\" end=\"6s\" ttm:agent=\"a1\">Start <span ttm:agent=\"a2\">middle</span> end</p>\n"
                            "</div></body></tt>\n";
    const Episode e = imported(two, Format::Auto, "c.ttml");
    const Cues c = cues_of(e);
    CHECK(c.texts == std::vector<std::string>{"Hi there", "Hello you", "Start", "middle", "end"});
    CHECK(cue_speakers(e) == std::vector<std::string>{"Ann", "Bob", "Ann", "Bob", "Ann"});
    // "Hi there. " is 10 of the 20 characters: half of 1-3 s; "Start " 6 and "middle" 6 of 16: 4-6 s
    CHECK(c.times == std::vector<std::pair<uint32_t, uint32_t>>{{1000, 2000}, {2000, 3000}, {4000, 4750}, {4750, 5500}, {5500, 6000}});
}

// A <metadata> block inside a <p> (a description, a title) was read as the cue's words, glued to them.
TEST_CASE("TTML: <metadata> inside a <p> is not read as its words", "[import][ttml]") {
    const std::string m = "<tt xmlns=\"http://www.w3.org/ns/ttml\" xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\"><body><div>\n"
                          "<p begin=\"1s\" end=\"2s\"><metadata><ttm:desc>not spoken</ttm:desc><![CDATA[nor this]]></metadata>spoken words</p>\n"
                          "</div></body></tt>\n";
    const Episode e = imported(m, Format::Auto, "c.ttml");
    CHECK(word_texts(e) == std::vector<std::string>{"spoken", "words"});
}

TEST_CASE("TTML: malformed files get an error naming the line, or a warning and the cue skipped", "[import][ttml]") {
    const std::string head = "<tt xmlns=\"http://www.w3.org/ns/ttml\">\n<body><div>\n";  // the <p>s start on line 3
    const std::string tail = "</div></body></tt>\n";
    struct Bad { std::string body, message; };
    const Bad bad[] = {
        {"<p begin=\"1s\" end=\"2s\">unclosed\n" + tail, "c.ttml: line 4: </div> closes <p> of line 3"},
        {"<p begin=\"1s\" end=\"2s\">ok</p>\n<p begin=\"3s\" end=\"4s\">cut off", "c.ttml: line 4: <p> is not closed"},
        {"<p begin=\"1s\" end=\"2s\"", "c.ttml: line 3: tag not closed (no '>')"},
        {"<p begin=1s end=2s>x</p>\n" + tail, "c.ttml: line 3: malformed tag <p begin=1s end=2s>"},
        {"<p begin=\"1.5x\" end=\"2s\">x</p>\n" + tail,
         "c.ttml: line 3: begin: \"1.5x\" is not a TTML time (like 00:00:01.500, 00:00:01:12, 1.5s or 1500ms)"},
        {"<p begin=\"00:61:00.000\" end=\"2s\">x</p>\n" + tail,
         "c.ttml: line 3: begin: \"00:61:00.000\" is not a TTML time (like 00:00:01.500, 00:00:01:12, 1.5s or 1500ms)"},
        {"<p begin=\"1s\" end=\"00:00:01:30\">x</p>\n" + tail, "c.ttml: line 3: end: \"00:00:01:30\": frame 30 is not below the frame rate"},
        {"\n<p begin=\"999999h\" end=\"1000000h\">x</p>\n" + tail, "c.ttml: line 4: time beyond 596 hours"},
        {"<p begin=\"1s\" end=\"2s\">x</p>\n<!-- no end\n" + tail, "c.ttml: line 4: comment not closed (no -->)"},
        {"<p begin=\"1s\" end=\"2s\">x</span></p>\n" + tail, "c.ttml: line 3: </span> closes <p> of line 3"},
    };
    for (const Bad& b : bad) {
        auto r = ttml(head + b.body);
        INFO(b.body);
        REQUIRE_FALSE(r.ok());
        CHECK(r.message() == b.message);
    }
    auto rate = ttml("<tt xmlns=\"http://www.w3.org/ns/ttml\" ttp:frameRate=\"0\"><body><p begin=\"1s\">x</p></body></tt>");
    CHECK(rate.message() == "c.ttml: line 1: ttp:frameRate \"0\" is not a positive number");
    std::string deep = "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body>";
    for (int k = 0; k < 100000; ++k) deep += "<div begin=\"1s\">";
    auto d = ttml(deep);
    CHECK(d.message() == "c.ttml: line 1: elements nested deeper than 256");

    // end before begin, and a <p> without a time among timed ones: warnings, the cues skipped
    std::vector<std::string> warnings;
    auto r = ttml(head + "<p begin=\"5s\" end=\"4s\">backwards</p>\n<p>untimed</p>\n<p begin=\"6s\" end=\"7s\">kept</p>\n" + tail, &warnings);
    REQUIRE(r.ok());
    CHECK(word_texts(r.value()) == std::vector<std::string>{"kept"});
    CHECK(warnings == std::vector<std::string>{"c.ttml: line 3: cue ends before it begins; skipped", "c.ttml: <p> without a begin skipped"});
}

TEST_CASE("TTML without a timed <p>: the text, with a warning that times are estimated", "[import][ttml]") {
    const std::string ttml_text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\" xml:lang=\"en\">\n"
                                  "<head><styling><style xml:id=\"s1\" tts:color=\"white\"/></styling></head>\n<body><div>\n"
                                  "<p>Hi, my name<br/>is Alice</p>\n"
                                  "<p><span>and this</span> is John</p>\n</div></body></tt>\n";
    for (const char* name : {"c.ttml", "c.dfxp", "c.xml"}) {
        std::vector<std::string> warnings;
        ImportDesc d;
        d.name = name;
        d.warnings = &warnings;
        auto r = import_transcript(Bytes(ttml_text), d);
        INFO(name << ": " << r.message());
        REQUIRE(r.ok());
        check_invariants(r.value());
        CHECK(word_texts(r.value()) == std::vector<std::string>{"Hi", "my", "name", "is", "Alice", "and", "this", "is", "John"});
        CHECK(r->meta.times_estimated);
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0] == std::string(name) + ": XML without timed <p> cues: its text is read, its times are estimated");
    }
}

TEST_CASE("is_transcript_file_name takes the importable extensions in any case", "[import]") {
    for (const char* n : {"a.txt", "a.VTT", "a.srt", "a.sbv", "b/a.json", "a.html", "a.HTM", "a.ttml", "a.DFXP"}) CHECK(is_transcript_file_name(n));
    for (const char* n : {"a.txb", "a.tsv", "a.mp3", "html", "a.json.bak", "feed.xml"}) CHECK_FALSE(is_transcript_file_name(n));
}

TEST_CASE("new importers survive truncations of valid files without crashing", "[import]") {
    const std::string inputs[] = {
        R"({"version":"1.0.0","segments":[{"speaker":"A","startTime":0.5,"endTime":"1.2","body":"a b"},{"startTime":"00:00:02","body":"c."}]})",
        "<html><head><title>T</title></head><body><cite>A:</cite><time>0:01</time><p>x &amp; y</p><!-- c --><script>s</script></body>",
        "[00:00:01] Alice: hello\nAlice Smith (00:00:02): there\nSpeaker 1  0:03\nyes\n",
    };
    for (const std::string& in : inputs)
        for (size_t n = 0; n <= in.size(); ++n) {
            auto r = imp(in.substr(0, n), Format::Auto, "x");
            if (r.ok()) check_invariants(r.value());
            else CHECK(r.errc() == Errc::Malformed);
        }
}

// Speech-to-text services emit punctuation and contraction tails as tokens; as segments of their
// own they were shown "Hello , I don 't" and searched as the words "don" and "t".
TEST_CASE("Podcasting 2.0 JSON: punctuation and contraction-tail segments join the word before", "[import]") {
    const Episode e = imported(R"({"segments":[
        {"startTime":0,"endTime":0.4,"body":"Hello"},{"startTime":0.4,"endTime":0.4,"body":","},
        {"startTime":0.5,"endTime":0.7,"body":"I"},{"startTime":0.7,"endTime":0.9,"body":"don"},
        {"startTime":0.9,"endTime":1.0,"body":"’t"},{"startTime":1.0,"endTime":1.2,"body":"know"},
        {"startTime":1.2,"endTime":1.2,"body":"."},{"startTime":1.3,"endTime":1.6,"body":"Isn"},
        {"startTime":1.6,"endTime":1.7,"body":"'T"},{"startTime":1.7,"endTime":2,"body":"'tis"}]})",
                               Format::PodcastJSON, "p.json");
    CHECK(e.text == "Hello, I don\xE2\x80\x99t know. Isn'T 'tis");
    CHECK(word_texts(e) == std::vector<std::string>{"Hello", "I", "don\xE2\x80\x99t", "know", "Isn'T", "tis"});
    CHECK(e.words[2].start_ms == 700);
}

// ---- speech-to-text services' JSON ----
// Deepgram, Rev.ai, AWS Transcribe and Google Speech-to-Text files were refused ("expected Whisper
// JSON ..."): readers bringing a service's export got nothing. The samples follow each service's
// documented response shape.

namespace {

// Every case must fail with Malformed and a message starting "<name>: <expect>".
void check_refused(const std::vector<std::pair<std::string, std::string>>& cases, const std::string& name) {
    for (const auto& c : cases) {
        INFO(c.first);
        auto r = imp(c.first, Format::Auto, name);
        REQUIRE_FALSE(r.ok());
        CHECK(r.errc() == Errc::Malformed);
        CHECK(r.message().find(name + ": " + c.second) == 0);
    }
}

const char* const kDeepgramWords = R"("words":[
  {"word":"hello","start":0.08,"end":0.4,"confidence":0.99,"punctuated_word":"Hello","speaker":0},
  {"word":"there","start":0.4,"end":0.8,"confidence":0.99,"punctuated_word":"there.","speaker":0},
  {"word":"how","start":1.2,"end":1.4,"confidence":0.98,"punctuated_word":"How","speaker":0},
  {"word":"are","start":1.4,"end":1.5,"confidence":0.98,"punctuated_word":"are","speaker":0},
  {"word":"you","start":1.5,"end":1.9,"confidence":0.97,"punctuated_word":"you?","speaker":0},
  {"word":"i","start":3.0,"end":3.1,"confidence":0.99,"punctuated_word":"I","speaker":1},
  {"word":"am","start":3.1,"end":3.3,"confidence":0.99,"punctuated_word":"am","speaker":1},
  {"word":"fine","start":3.3,"end":3.9,"confidence":0.99,"punctuated_word":"fine.","speaker":1}])";

std::string deepgram(const std::string& alt_extra, const std::string& results_extra = "") {
    return std::string(R"({"metadata":{"request_id":"5d3c","duration":4.2,"channels":1,"models":["nova-2"]},
"results":{"channels":[{"alternatives":[{"transcript":"hello there how are you i am fine","confidence":0.99,)") +
           kDeepgramWords + alt_extra + "}]}]" + results_extra + "}}";
}

}  // namespace

TEST_CASE("Deepgram JSON: words grouped into sentence cues with punctuated_word and speakers", "[import]") {
    const Episode ep = imported(deepgram(""), Format::Auto, "dg.json");
    CHECK(ep.text == "Hello there. How are you? I am fine.");
    CHECK(word_texts(ep) == std::vector<std::string>{"Hello", "there", "How", "are", "you", "I", "am", "fine"});
    CHECK(ep.words.at(1).start_ms == 400);
    CHECK(ep.words.at(7).start_ms == 3300);
    CHECK(cue_starts(ep) == std::vector<uint32_t>{80, 1200, 3000});
    CHECK(ep.cues.at(2).end_ms == 3900);
    CHECK(cue_speakers(ep) == std::vector<std::string>{"Speaker 0", "Speaker 0", "Speaker 1"});
    // detected by shape, not name: the same file saved as .txt
    CHECK(imported(deepgram(""), Format::Auto, "dg.txt").text == ep.text);
}

TEST_CASE("Deepgram JSON: utterances, else paragraphs' sentences, make the cues", "[import]") {
    const std::string paras = R"(,"paragraphs":{"transcript":"...","paragraphs":[
  {"sentences":[{"text":"Hello there.","start":0.08,"end":0.8},{"text":"How are you?","start":1.2,"end":1.9}],"speaker":0,"num_words":5,"start":0.08,"end":1.9},
  {"sentences":[{"text":"I am fine.","start":3.0,"end":3.9}],"speaker":1,"num_words":3,"start":3.0,"end":3.9}]})";
    const Episode p = imported(deepgram(paras), Format::Auto, "dg.json");
    CHECK(p.text == "Hello there. How are you? I am fine.");
    CHECK(cue_starts(p) == std::vector<uint32_t>{80, 1200, 3000});
    CHECK(cue_speakers(p) == std::vector<std::string>{"Speaker 0", "Speaker 0", "Speaker 1"});
    const std::string utts = R"(,"utterances":[
  {"start":0.08,"end":1.9,"confidence":0.98,"channel":0,"transcript":"Hello there. How are you?","speaker":0,"id":"a1"},
  {"start":3.0,"end":3.9,"confidence":0.99,"channel":0,"transcript":"I am fine.","speaker":1,"id":"a2"}])";
    const Episode u = imported(deepgram(paras, utts), Format::Auto, "dg.json");
    CHECK(u.text == "Hello there. How are you? I am fine.");
    CHECK(cue_starts(u) == std::vector<uint32_t>{80, 3000});
    CHECK(u.cues.at(0).end_ms == 1900);
    CHECK(cue_speakers(u) == std::vector<std::string>{"Speaker 0", "Speaker 1"});
    // a transcript without words reads as text, times estimated
    const Episode t = imported(R"({"metadata":{},"results":{"channels":[{"alternatives":[{"transcript":"Just the words here.","words":[]}]}]}})",
                               Format::Auto, "dg.json");
    CHECK(t.meta.times_estimated);
    CHECK(word_texts(t).size() == 4);
}

TEST_CASE("Deepgram JSON: malformed files name what is wrong and where", "[import]") {
    const std::string head = R"({"metadata":{},"results":{"channels":[{"alternatives":[{"transcript":"a b","words":[)" "\n";
    check_refused({
        {head + R"({"word":"a","start":"soon","end":1}]}]}]}})", R"(line 2: Deepgram word "start" is not a time: "soon")"},
        {head + R"({"word":"a","start":"NaN","end":1}]}]}]}})", R"(line 2: Deepgram word "start" is not a time: "NaN")"},
        {head + R"({"word":"a","start":-1,"end":1}]}]}]}})", R"(line 2: Deepgram word "start" is negative (-1.000 s))"},
        {head + R"({"word":"a","start":1e12,"end":1}]}]}]}})", R"(line 2: Deepgram word "start" is too large)"},
        {head + R"({"word":"a","start":1e300,"end":1}]}]}]}})", R"(line 2: Deepgram word "start" is too large (1e+300 s; the limit is 2147483.647 s))"},
        {head + R"({"word":"a","start":0}]}]}]}})", R"(line 2: Deepgram word needs an "end" time)"},
        {head + R"({"start":0,"end":1}]}]}]}})", R"(line 2: Deepgram word needs a "word" string)"},
        {head + R"(7]}]}]}})", "line 2: Deepgram word is not an object"},
        {R"({"results":{"channels":[]}})", R"(line 1: Deepgram JSON needs a non-empty "channels" array)"},
        {R"({"results":{"channels":[{"alternatives":3}]}})", R"(line 1: Deepgram channel needs an "alternatives" array)"},
        {R"({"results":{"channels":[{"alternatives":[{"transcript":"","words":[]}]}]}})", "line 1: no words in this Deepgram transcript"},
        {"{\"results\":{\"channels\":[],\"utterances\":[\n{\"start\":2,\"end\":1}]}}", R"(line 2: Deepgram utterance needs a "transcript" string)"},
    }, "dg.json");
}

TEST_CASE("Deepgram JSON: words out of order keep times in order; an empty punctuated_word is the word", "[import]") {
    const std::string one = R"({"results":{"channels":[{"alternatives":[{"words":[{"word":"b","start":5,"end":6},{"word":"a","start":2,"end":1}]}]}]}})";
    const Episode ep = imported(one, Format::Auto, "dg.json");
    CHECK(word_texts(ep) == std::vector<std::string>{"b", "a"});
    CHECK(ep.words.at(1).start_ms == 5000);
    // an empty "punctuated_word" dropped its word: the plain "word" is read then
    const Episode e = imported(R"({"results":{"channels":[{"alternatives":[{"words":[{"word":"kept","start":1,"end":2,"punctuated_word":""},
        {"word":"too","start":2,"end":3,"punctuated_word":"too."}]}]}]}})", Format::Auto, "dg.json");
    CHECK(word_texts(e) == std::vector<std::string>{"kept", "too"});
}

// multichannel=true (a stereo call, one speaker a channel): every channel is read, not only the
// first, its cues interleaved with the other channels' by time, each channel a speaker.
TEST_CASE("Deepgram JSON: every channel of a multichannel answer is read, interleaved by time, a speaker each", "[import]") {
    const std::string words = R"({"metadata":{"channels":2},"results":{"channels":[
  {"alternatives":[{"transcript":"thank you for calling. how can i help?","words":[
    {"word":"thank","start":0.9,"end":1.0,"punctuated_word":"Thank"},{"word":"you","start":1.0,"end":1.2,"punctuated_word":"you"},
    {"word":"for","start":1.2,"end":1.3,"punctuated_word":"for"},{"word":"calling","start":1.3,"end":1.8,"punctuated_word":"calling."},
    {"word":"how","start":6.0,"end":6.2,"punctuated_word":"How"},{"word":"can","start":6.2,"end":6.3,"punctuated_word":"can"},
    {"word":"i","start":6.3,"end":6.4,"punctuated_word":"I"},{"word":"help","start":6.4,"end":6.9,"punctuated_word":"help?"}]}]},
  {"alternatives":[{"transcript":"hello i'd like flowers","words":[
    {"word":"hello","start":4.0,"end":4.3,"punctuated_word":"Hello."},
    {"word":"i'd","start":8.0,"end":8.2,"punctuated_word":"I'd"},{"word":"like","start":8.2,"end":8.4,"punctuated_word":"like"},
    {"word":"flowers","start":8.4,"end":9.0,"punctuated_word":"flowers."}]}]}]}})";
    std::vector<std::string> warnings;
    auto r = imp(words, Format::Auto, "call.json", &warnings);
    REQUIRE(r.ok());
    const Episode& ep = r.value();
    check_invariants(ep);
    CHECK(ep.text == "Thank you for calling. Hello. How can I help? I'd like flowers.");
    CHECK(cue_starts(ep) == std::vector<uint32_t>{900, 4000, 6000, 8000});
    CHECK(cue_speakers(ep) == std::vector<std::string>{"Channel 1", "Channel 2", "Channel 1", "Channel 2"});
    CHECK(warnings.empty());

    // paragraphs per channel, diarized as well: a channel's speakers are its own
    const std::string paras = R"({"results":{"channels":[
  {"alternatives":[{"transcript":"a","paragraphs":{"paragraphs":[{"speaker":0,"sentences":[{"text":"Good morning.","start":1,"end":2},{"text":"Bye now.","start":9,"end":10}]}]}}]},
  {"alternatives":[{"transcript":"b","paragraphs":{"paragraphs":[{"speaker":0,"sentences":[{"text":"Hi there.","start":3,"end":4}]},
                                                              {"speaker":1,"sentences":[{"text":"Me too.","start":5,"end":6}]}]}}]}]}})";
    const Episode p = imported(paras, Format::Auto, "call.json");
    CHECK(p.text == "Good morning. Hi there. Me too. Bye now.");
    CHECK(cue_speakers(p) == std::vector<std::string>{"Channel 1, Speaker 0", "Channel 2, Speaker 0", "Channel 2, Speaker 1", "Channel 1, Speaker 0"});

    // utterances carry their channel; listed channel by channel, they are put in time order
    const std::string utts = R"({"results":{"channels":[{"alternatives":[]},{"alternatives":[]}],"utterances":[
  {"start":3,"end":4,"channel":1,"transcript":"Second from the right.","speaker":0},
  {"start":0.5,"end":2,"channel":0,"transcript":"First from the left."},
  {"start":6,"end":7,"channel":0,"transcript":"Third from the left."}]}})";
    const Episode u = imported(utts, Format::Auto, "call.json");
    CHECK(u.text == "First from the left. Second from the right. Third from the left.");
    CHECK(cue_starts(u) == std::vector<uint32_t>{500, 3000, 6000});
    CHECK(cue_speakers(u) == std::vector<std::string>{"Channel 1", "Channel 2, Speaker 0", "Channel 1"});
    CHECK(u.meta.speakers == std::vector<std::string>{"Channel 1", "Channel 2, Speaker 0"});  // in the order they first speak
}

TEST_CASE("Deepgram JSON: a channel with a transcript but no word times is named in a warning", "[import]") {
    std::vector<std::string> warnings;
    const std::string s = R"({"results":{"channels":[{"alternatives":[{"transcript":"timed","words":[{"word":"timed","start":1,"end":2}]}]},
        {"alternatives":[{"transcript":"only text here","words":[]}]}]}})";
    auto r = imp(s, Format::Auto, "call.json", &warnings);
    REQUIRE(r.ok());
    CHECK(word_texts(r.value()) == std::vector<std::string>{"timed"});
    CHECK(warnings == std::vector<std::string>{"call.json: Deepgram channel 2 has a transcript without word times: not read"});
    check_refused({{"{\"results\":{\"channels\":[{\"alternatives\":[]}],\"utterances\":[\n{\"start\":1,\"end\":2,\"transcript\":\"a\",\"channel\":\"left\"}]}}",
                    R"(line 2: Deepgram utterance "channel" is not a channel number (0, 1, ...))"}},
                  "call.json");
}

TEST_CASE("Rev.ai JSON: elements joined as Rev joins them, monologue speakers, sentence cues", "[import]") {
    const std::string rev = R"({"monologues":[{"speaker":0,"speaker_name":"Alice","elements":[
  {"type":"text","value":"Hello","ts":0.5,"end_ts":0.9,"confidence":1.0},
  {"type":"punct","value":","},{"type":"punct","value":" "},
  {"type":"text","value":"world","ts":1.0,"end_ts":1.4,"confidence":0.9},
  {"type":"punct","value":"."},{"type":"punct","value":" "},
  {"type":"unknown","value":"<inaudible>"},{"type":"punct","value":" "},
  {"type":"text","value":"Nice","ts":2.0,"end_ts":2.3,"confidence":0.9},{"type":"punct","value":" "},
  {"type":"text","value":"day","ts":2.3,"end_ts":2.7,"confidence":0.9},{"type":"punct","value":"."}]},
 {"speaker":1,"elements":[{"type":"text","value":"Thanks","ts":4.0,"end_ts":4.4,"confidence":1.0},{"type":"punct","value":"."}]}]})";
    ImportDesc d;
    d.name = "rev.json";
    std::vector<std::string> warnings;
    d.warnings = &warnings;
    auto r = import_transcript(Bytes(rev), d);
    REQUIRE(r.ok());
    const Episode& ep = r.value();
    check_invariants(ep);
    CHECK(ep.text == "Hello, world. Nice day. Thanks.");
    CHECK(word_texts(ep) == std::vector<std::string>{"Hello", "world", "Nice", "day", "Thanks"});
    CHECK(ep.words.at(3).start_ms == 2300);
    CHECK(cue_starts(ep) == std::vector<uint32_t>{500, 2000, 4000});
    CHECK(ep.cues.at(1).end_ms == 2700);
    CHECK(cue_speakers(ep) == std::vector<std::string>{"Alice", "Alice", "Speaker 1"});
    CHECK(warnings == std::vector<std::string>{"rev.json: Rev.ai: skipped 1 element(s) neither \"text\" nor \"punct\""});
}

TEST_CASE("Rev.ai JSON: malformed files name what is wrong and where", "[import]") {
    const std::string head = "{\"monologues\":[{\"speaker\":0,\"elements\":[\n";
    check_refused({
        {head + R"({"type":"text","value":"a","end_ts":1}]}]})", R"(line 2: Rev.ai element needs a "ts" time)"},
        {head + R"({"type":"text","value":"a","ts":"x","end_ts":1}]}]})", R"(line 2: Rev.ai element "ts" is not a time: "x")"},
        {head + R"({"type":"text","value":"a","ts":1,"end_ts":true}]}]})", R"(line 2: Rev.ai element "end_ts" must be a number of seconds)"},
        {head + R"({"type":"text","ts":1,"end_ts":2}]}]})", R"(line 2: Rev.ai element needs a "value" string)"},
        {head + R"({"value":"a","ts":1,"end_ts":2}]}]})", R"(line 2: Rev.ai element needs a "type" string)"},
        {R"({"monologues":[{"speaker":0,"elements":"a"}]})", R"(line 1: Rev.ai monologue needs an "elements" array)"},
        {R"({"monologues":{}})", R"(line 1: Rev.ai JSON: "monologues" must be an array)"},
        {R"({"monologues":[{"speaker":0,"elements":[{"type":"punct","value":" "}]}]})", "line 1: no words in this Rev.ai transcript"},
    }, "rev.json");
}

namespace {

const char* const kAwsItems = R"("items":[
  {"start_time":"0.5","end_time":"0.9","alternatives":[{"confidence":"0.99","content":"Hello"}],"type":"pronunciation"},
  {"alternatives":[{"confidence":"0.0","content":","}],"type":"punctuation"},
  {"start_time":"1.0","end_time":"1.9","alternatives":[{"confidence":"0.99","content":"world"}],"type":"pronunciation"},
  {"alternatives":[{"confidence":"0.0","content":"."}],"type":"punctuation"},
  {"start_time":"2.5","end_time":"3.2","alternatives":[{"confidence":"0.98","content":"Fine"}],"type":"pronunciation"},
  {"alternatives":[{"confidence":"0.0","content":"."}],"type":"punctuation"}])";

std::string aws(const std::string& extra) {
    return std::string(R"({"jobName":"episode-1","accountId":"123456789012","status":"COMPLETED",
"results":{"transcripts":[{"transcript":"Hello, world. Fine."}],)") + extra + kAwsItems + "}}";
}

}  // namespace

TEST_CASE("AWS Transcribe JSON: string times, punctuation on the word before, speakers from speaker_labels", "[import]") {
    const Episode plain = imported(aws(""), Format::Auto, "aws.json");
    CHECK(plain.text == "Hello, world. Fine.");
    CHECK(word_texts(plain) == std::vector<std::string>{"Hello", "world", "Fine"});
    CHECK(plain.words.at(1).start_ms == 1000);
    CHECK(cue_starts(plain) == std::vector<uint32_t>{500, 2500});
    CHECK(plain.cues.at(0).end_ms == 1900);
    CHECK(plain.meta.speakers.empty());
    const Episode spk = imported(aws(R"("speaker_labels":{"speakers":2,"segments":[
  {"start_time":"0.5","end_time":"1.9","speaker_label":"spk_0","items":[]},
  {"start_time":"2.5","end_time":"3.2","speaker_label":"spk_1","items":[]}]},)"), Format::Auto, "aws.json");
    CHECK(cue_speakers(spk) == std::vector<std::string>{"Speaker 0", "Speaker 1"});
    CHECK(spk.words.at(1).speaker == 0);
    const Episode seg = imported(aws(R"("audio_segments":[
  {"id":0,"transcript":"Hello, world.","start_time":"0.5","end_time":"1.9","speaker_label":"spk_0","items":[0,1,2,3]},
  {"id":1,"transcript":"Fine.","start_time":"2.5","end_time":"3.2","speaker_label":"spk_1","items":[4,5]}],)"), Format::Auto, "aws.json");
    CHECK(seg.text == "Hello, world. Fine.");
    CHECK(cue_starts(seg) == std::vector<uint32_t>{500, 2500});
    CHECK(cue_speakers(seg) == std::vector<std::string>{"Speaker 0", "Speaker 1"});
}

// Channel identification (a call with one side a channel): the items' "channel_label" was ignored,
// so nobody was told apart, and output with only "channel_labels" (no merged "items") lost every
// word time, read as the plain transcript.
TEST_CASE("AWS Transcribe JSON: channel labels are speakers; channel_labels' items are read, interleaved by time", "[import]") {
    const std::string merged = R"({"jobName":"j","results":{"transcripts":[{"transcript":"Hello. Hi."}],"items":[
  {"channel_label":"ch_0","start_time":"0.5","end_time":"0.9","alternatives":[{"content":"Hello"}],"type":"pronunciation"},
  {"channel_label":"ch_0","alternatives":[{"content":"."}],"type":"punctuation"},
  {"channel_label":"ch_1","start_time":"1.5","end_time":"1.9","alternatives":[{"content":"Hi"}],"type":"pronunciation"},
  {"channel_label":"ch_1","alternatives":[{"content":"."}],"type":"punctuation"}]}})";
    const Episode m = imported(merged, Format::Auto, "aws.json");
    CHECK(m.text == "Hello. Hi.");
    CHECK(cue_speakers(m) == std::vector<std::string>{"Channel 1", "Channel 2"});
    const std::string per_channel = R"({"jobName":"j","results":{"transcripts":[{"transcript":"Hello. Fine. Hi."}],"channel_labels":{"number_of_channels":2,"channels":[
  {"channel_label":"ch_0","items":[
    {"channel_label":"ch_0","start_time":"0.5","end_time":"0.9","alternatives":[{"content":"Hello"}],"type":"pronunciation"},
    {"channel_label":"ch_0","alternatives":[{"content":"."}],"type":"punctuation"},
    {"channel_label":"ch_0","start_time":"3","end_time":"3.5","alternatives":[{"content":"Fine"}],"type":"pronunciation"},
    {"channel_label":"ch_0","alternatives":[{"content":"."}],"type":"punctuation"}]},
  {"channel_label":"ch_1","items":[
    {"channel_label":"ch_1","start_time":"1.5","end_time":"1.9","alternatives":[{"content":"Hi"}],"type":"pronunciation"},
    {"channel_label":"ch_1","alternatives":[{"content":"."}],"type":"punctuation"}]}]}}})";
    const Episode c = imported(per_channel, Format::Auto, "aws.json");
    CHECK_FALSE(c.meta.times_estimated);
    CHECK(c.text == "Hello. Hi. Fine.");
    CHECK(cue_starts(c) == std::vector<uint32_t>{500, 1500, 3000});
    CHECK(cue_speakers(c) == std::vector<std::string>{"Channel 1", "Channel 2", "Channel 1"});
    const Episode seg = imported(R"({"results":{"transcripts":[],"audio_segments":[
  {"transcript":"Right side.","start_time":"2","end_time":"3","channel_label":"ch_1"},
  {"transcript":"Left side.","start_time":"0.5","end_time":"1.5","channel_label":"ch_0"}]}})", Format::Auto, "aws.json");
    CHECK(seg.text == "Left side. Right side.");
    CHECK(cue_speakers(seg) == std::vector<std::string>{"Channel 1", "Channel 2"});
}

TEST_CASE("AWS Transcribe JSON: malformed files name what is wrong and where", "[import]") {
    const std::string head = "{\"jobName\":\"j\",\"results\":{\"transcripts\":[],\"items\":[\n";
    const std::string alt = R"("alternatives":[{"content":"a"}],"type":"pronunciation")";
    check_refused({
        {head + R"({"start_time":"abc","end_time":"1",)" + alt + "}]}}", R"(line 2: AWS item "start_time" is not a time: "abc")"},
        {head + R"({"start_time":"-1","end_time":"1",)" + alt + "}]}}", R"(line 2: AWS item "start_time" is negative (-1.000 s))"},
        {head + R"({"end_time":"1",)" + alt + "}]}}", R"(line 2: AWS item needs a "start_time" time)"},
        {head + R"({"start_time":"0","end_time":"1","type":"pronunciation"}]}})", R"(line 2: AWS item needs an "alternatives" array)"},
        {head + R"({"start_time":"0","end_time":"1","alternatives":[{}],"type":"pronunciation"}]}})", R"(line 2: AWS alternative needs a "content" string)"},
        {"{\"results\":{\"items\":{}}}", R"(line 1: AWS Transcribe JSON: "items" must be an array)"},
        {"{\"results\":{\"transcripts\":[{\"transcript\":\"\"}],\"items\":[]}}", "line 1: no words in this AWS Transcribe transcript"},
    }, "aws.json");
    // a job without word items still has its transcript: read as text, times estimated
    const Episode t = imported(R"({"jobName":"j","results":{"transcripts":[{"transcript":"Only text here."}],"items":[]}})", Format::Auto, "aws.json");
    CHECK(t.meta.times_estimated);
    CHECK(word_texts(t) == std::vector<std::string>{"Only", "text", "here"});
}

TEST_CASE("Google Speech-to-Text JSON: a cue per result, word times, left-out zero times, results without words", "[import]") {
    // v1 "recognize": durations as "1.500s"; a zero duration is left out of Google's JSON
    const std::string v1 = R"({"results":[
  {"alternatives":[{"transcript":"Hello world.","confidence":0.98,"words":[{"endTime":"0.400s","word":"Hello"},{"startTime":"0.400s","endTime":"0.900s","word":"world."}]}],"resultEndTime":"1.200s","languageCode":"en-us"},
  {"alternatives":[{"transcript":" how are you","confidence":0.91}],"resultEndTime":"4.500s","languageCode":"en-us"}],
 "totalBilledTime":"5s","requestId":"1"})";
    const Episode ep = imported(v1, Format::Auto, "g.json");
    CHECK(ep.text == "Hello world. how are you");
    CHECK(word_texts(ep) == std::vector<std::string>{"Hello", "world", "how", "are", "you"});
    CHECK(ep.words.at(0).start_ms == 0);
    CHECK(ep.words.at(1).start_ms == 400);
    CHECK(cue_starts(ep) == std::vector<uint32_t>{0, 1200});  // the second from the first's end
    CHECK(ep.cues.at(0).end_ms == 900);
    CHECK(ep.cues.at(1).end_ms == 4500);
    // v2: "startOffset" / "endOffset" / "resultEndOffset"
    const Episode v2 = imported(R"({"results":[{"alternatives":[{"transcript":"Hi there","words":[
  {"startOffset":"2.100s","endOffset":"2.300s","word":"Hi"},{"startOffset":"2.300s","endOffset":"2.800s","word":"there"}]}],"resultEndOffset":"3s"}]})",
                                Format::Auto, "g.json");
    CHECK(v2.words.at(1).start_ms == 2300);
    CHECK(v2.cues.at(0).start_ms == 2100);
}

// With speaker diarization Google repeats every word, now with its speakerTag, in the last result:
// read as well as the others, each word came twice.
TEST_CASE("Google Speech-to-Text JSON: the diarized last result is read alone, split at speaker changes", "[import]") {
    const std::string g = R"({"results":[
  {"alternatives":[{"transcript":"Hello world.","words":[{"startTime":"0.100s","endTime":"0.400s","word":"Hello"},{"startTime":"0.400s","endTime":"0.900s","word":"world."}]}],"resultEndTime":"1.200s"},
  {"alternatives":[{"transcript":"Fine.","words":[{"startTime":"2s","endTime":"2.500s","word":"Fine."}]}],"resultEndTime":"3s"},
  {"alternatives":[{"words":[{"startTime":"0.100s","endTime":"0.400s","word":"Hello","speakerTag":1},{"startTime":"0.400s","endTime":"0.900s","word":"world.","speakerTag":1},
    {"startTime":"2s","endTime":"2.500s","word":"Fine.","speakerTag":2}]}]}]})";
    const Episode ep = imported(g, Format::Auto, "g.json");
    CHECK(word_texts(ep) == std::vector<std::string>{"Hello", "world", "Fine"});
    CHECK(cue_starts(ep) == std::vector<uint32_t>{100, 2000});
    CHECK(cue_speakers(ep) == std::vector<std::string>{"Speaker 1", "Speaker 2"});
    // a diarized answer of one result is split at its speaker changes too (v2 writes "speakerLabel")
    const Episode one = imported(R"({"results":[{"alternatives":[{"words":[{"startOffset":"0.1s","word":"Hi","speakerLabel":"1"},
        {"startOffset":"0.5s","word":"there","speakerLabel":"1"},{"startOffset":"2s","word":"Hello","speakerLabel":"2"}]}]}]})",
                                 Format::Auto, "g.json");
    CHECK(cue_starts(one) == std::vector<uint32_t>{100, 2000});
    CHECK(cue_speakers(one) == std::vector<std::string>{"1", "2"});
}

// Google's client libraries print protobuf Durations as objects ({"seconds": "1", "nanos": 500000000},
// int64 seconds as a string in Node), and print every field with its default value: "speakerTag": 0
// on each word of an answer without diarization, which must not be taken for the diarized last result.
TEST_CASE("Google Speech-to-Text JSON: {seconds, nanos} duration objects and default-valued speaker fields", "[import]") {
    const std::string g = R"({"results":[
  {"alternatives":[{"transcript":"Hello world.","confidence":0.9,"words":[
    {"startTime":{"seconds":"0","nanos":100000000},"endTime":{"seconds":"0","nanos":400000000},"word":"Hello","speakerTag":0,"speakerLabel":""},
    {"startTime":{"nanos":400000000},"endTime":{"seconds":1},"word":"world.","speakerTag":0,"speakerLabel":""}]}],
   "channelTag":0,"resultEndTime":{"seconds":"1","nanos":200000000},"languageCode":"en-us"},
  {"alternatives":[{"transcript":"Fine.","confidence":0.9,"words":[
    {"startTime":{"seconds":"2","nanos":0},"endTime":{"seconds":"2","nanos":500000000},"word":"Fine.","speakerTag":0,"speakerLabel":""}]}],
   "channelTag":0,"resultEndTime":{"seconds":3,"nanos":null},"languageCode":"en-us"}],
 "totalBilledTime":{"seconds":"3","nanos":0}})";
    const Episode ep = imported(g, Format::Auto, "g.json");
    CHECK(word_texts(ep) == std::vector<std::string>{"Hello", "world", "Fine"});
    CHECK(ep.words.at(0).start_ms == 100);
    CHECK(ep.words.at(1).start_ms == 400);
    CHECK(ep.words.at(2).start_ms == 2000);
    CHECK(cue_starts(ep) == std::vector<uint32_t>{100, 2000});
    CHECK(ep.cues.at(0).end_ms == 1000);
    CHECK(ep.cues.at(1).end_ms == 2500);
    CHECK(ep.meta.speakers.empty());
    // proto-plus to_json: string durations, every default printed; each result is read, not only the last
    const Episode pp = imported(R"({"results":[
  {"alternatives":[{"transcript":"One.","words":[{"startTime":"1s","endTime":"1.500s","word":"One.","speakerTag":0,"speakerLabel":""}]}],"channelTag":0},
  {"alternatives":[{"transcript":"Two.","words":[{"startTime":"2s","endTime":"2.500s","word":"Two.","speakerTag":0,"speakerLabel":""}]}],"channelTag":0}]})",
                                Format::Auto, "g.json");
    CHECK(word_texts(pp) == std::vector<std::string>{"One", "Two"});

    const std::string head = "{\"results\":[{\"alternatives\":[{\"transcript\":\"a\",\"words\":[\n";
    check_refused({
        {head + R"({"startTime":{},"word":"a"}]}]}]})", R"(line 2: Google word "startTime" is an object without "seconds" or "nanos")"},
        {head + R"({"startTime":{"seconds":"1.5"},"word":"a"}]}]}]})", R"(line 2: Google word "startTime" "seconds" is not a whole number: "1.5")"},
        {head + R"({"startTime":{"seconds":"0x10"},"word":"a"}]}]}]})", R"(line 2: Google word "startTime" "seconds" is not a whole number: "0x10")"},
        {head + R"({"startTime":{"seconds":1.5},"word":"a"}]}]}]})", R"(line 2: Google word "startTime" "seconds" is not a whole number)"},
        {head + R"({"startTime":{"seconds":1,"nanos":1e10},"word":"a"}]}]}]})", R"(line 2: Google word "startTime" "nanos" is not a whole number of nanoseconds)"},
        {head + R"({"startTime":{"seconds":1,"nanos":"5"},"word":"a"}]}]}]})", R"(line 2: Google word "startTime" "nanos" is not a whole number of nanoseconds)"},
        {head + R"({"startTime":{"seconds":"-2"},"word":"a"}]}]}]})", R"(line 2: Google word "startTime" is negative (-2.000 s))"},
        {head + R"({"startTime":{"seconds":"99999999999"},"word":"a"}]}]}]})", R"(line 2: Google word "startTime" is too large)"},
    }, "g.json");
}

// With separate recognition per channel, each result has its "channelTag": the channels' words
// were merged without telling who spoke, and an untimed result started at another channel's end.
TEST_CASE("Google Speech-to-Text JSON: results of several channels are a speaker each, in time order", "[import]") {
    const std::string g = R"({"results":[
  {"alternatives":[{"transcript":"Left first.","words":[{"startTime":"1s","endTime":"2s","word":"Left"},{"startTime":"2s","endTime":"2.500s","word":"first."}]}],"channelTag":1,"resultEndTime":"2.500s"},
  {"alternatives":[{"transcript":"Left again."}],"channelTag":1,"resultEndTime":"9s"},
  {"alternatives":[{"transcript":"Right.","words":[{"startTime":"0.500s","endTime":"0.900s","word":"Right."}]}],"channelTag":2,"resultEndTime":"1s"},
  {"alternatives":[{"transcript":"Right untimed."}],"channelTag":2,"resultEndTime":"4s"}]})";
    const Episode ep = imported(g, Format::Auto, "g.json");
    CHECK(ep.text == "Right. Left first. Right untimed. Left again.");
    CHECK(cue_starts(ep) == std::vector<uint32_t>{500, 1000, 1000, 2500});  // "Right untimed." from its own channel's end
    CHECK(cue_speakers(ep) == std::vector<std::string>{"Channel 2", "Channel 1", "Channel 2", "Channel 1"});
    // one channel tagged: no speakers made up
    const Episode one = imported(R"({"results":[{"alternatives":[{"transcript":"Solo."}],"channelTag":1,"resultEndTime":"2s"}]})", Format::Auto, "g.json");
    CHECK(one.meta.speakers.empty());
}

TEST_CASE("Google Speech-to-Text JSON: malformed files name what is wrong and where", "[import]") {
    const std::string head = "{\"results\":[{\"alternatives\":[{\"transcript\":\"a\",\"words\":[\n";
    check_refused({
        {head + R"({"startTime":"1.5x","endTime":"2s","word":"a"}]}]}]})", R"(line 2: Google word "startTime" is not a time: "1.5x")"},
        {head + R"({"startTime":"1s","endTime":"-2s","word":"a"}]}]}]})", R"(line 2: Google word "endTime" is negative (-2.000 s))"},
        {head + R"({"startTime":"1s","endTime":"2s"}]}]}]})", R"(line 2: Google word needs a "word" string)"},
        {"{\"results\":[{\"alternatives\":[{\"transcript\":\"a\"}],\n\"resultEndTime\":[]}]}", R"(line 2: Google result "resultEndTime" must be a number of seconds)"},
        {"{\"results\":[\n3]}", "line 2: Google result is not an object"},
        {"{\"results\":[{\"alternatives\":[{\"confidence\":1}]}]}", R"(line 1: Google alternative needs a "transcript" string)"},
        {"{\"results\":[{\"alternatives\":[]}]}", "line 1: no words in this Google Speech-to-Text transcript"},
        {"{\"results\":[]}", "line 1: no words in this Google Speech-to-Text transcript"},
    }, "g.json");
    // a result without alternatives (a stretch without speech) is skipped, with a warning
    ImportDesc d;
    d.name = "g.json";
    std::vector<std::string> warnings;
    d.warnings = &warnings;
    auto r = import_transcript(Bytes(std::string(R"({"results":[{"alternatives":[],"resultEndTime":"3s"},
        {"alternatives":[{"transcript":"Go on."}],"resultEndTime":"5s"}]})")), d);
    REQUIRE(r.ok());
    CHECK(r.value().cues.at(0).start_ms == 3000);  // after the skipped result's end
    CHECK(warnings == std::vector<std::string>{"g.json: Google Speech-to-Text: skipped 1 result(s) without alternatives"});
}

// ---- Real-world shapes found by the importer audit (bench/results/importers.md) ----

// Apple Podcasts' transcripts (TTML with podcasts:unit spans) were refused: their times are bare
// seconds ("75.120") or minutes:seconds ("1:08.737"), which TTML does not define. Read, their word
// spans (no space between them) ran together ("WelcometoWarTalk."), and their times, given from
// the start of the episode, would have been added to the enclosing <div>'s.
TEST_CASE("TTML: Apple Podcasts transcripts: bare-second and minutes:seconds times, absolute times, word spans", "[import][ttml]") {
    const std::string apple =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<tt xmlns=\"http://www.w3.org/ns/ttml\" xmlns:podcasts=\"http://podcasts.apple.com/transcript-ttml-internal\" "
        "xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\"><head><metadata><ttm:agent type=\"person\" xml:id=\"SPEAKER_1\"/>"
        "</metadata></head>\n<body dur=\"75.120\"><div begin=\"0.860\" end=\"75.120\">\n"
        "<p begin=\"0.860\" end=\"6.200\" ttm:agent=\"SPEAKER_1\"><span podcasts:unit=\"sentence\">"
        "<span podcasts:unit=\"word\" begin=\"0.860\" end=\"1.200\">Welcome</span><span podcasts:unit=\"word\" begin=\"1.200\" "
        "end=\"1.400\">to</span><span podcasts:unit=\"word\" begin=\"1.400\" end=\"2.100\">WarTalk.</span></span></p>\n"
        "<p begin=\"59.500\" end=\"1:08.737\" ttm:agent=\"SPEAKER_2\"><span podcasts:unit=\"sentence\">"
        "<span podcasts:unit=\"word\" begin=\"59.500\" end=\"1:00.100\">Thanks</span><span podcasts:unit=\"word\" "
        "begin=\"1:00.100\" end=\"1:08.737\">all.</span></span></p>\n"
        // a <p> without times of its own runs from its first word to its last
        "<p ttm:agent=\"SPEAKER_1\">\n  <span podcasts:unit=\"sentence\">\n    <span podcasts:unit=\"word\" begin=\"1:02:00.000\" "
        "end=\"1:02:00.300\">Bye</span>\n    <span podcasts:unit=\"word\" begin=\"1:02:00.400\" end=\"1:02:03.456\">now.</span>\n"
        "  </span>\n</p>\n</div></body></tt>\n";
    const Episode e = imported(apple, Format::Auto, "apple.ttml");
    CHECK(word_texts(e) == std::vector<std::string>{"Welcome", "to", "WarTalk", "Thanks", "all", "Bye", "now"});
    const Cues c = cues_of(e);
    CHECK(c.times == std::vector<std::pair<uint32_t, uint32_t>>{{860, 6200}, {59500, 68737}, {3720000, 3723456}});
    CHECK(e.meta.speakers == std::vector<std::string>{"SPEAKER_1", "SPEAKER_2"});
    CHECK(e.words[3].speaker == 1);
    CHECK(e.words[5].speaker == 0);
    CHECK(e.text.find("  ") == std::string::npos);  // the indentation between spans is one space, as XML reads it
    // the same time forms in any TTML; a seconds field of one digit is still no time
    auto bare = ttml(one_cue("", "75.120"));
    REQUIRE(bare.ok());
    CHECK(bare->cues.at(0).start_ms == 75120);
    auto min_sec = ttml(one_cue("", "1:08.737"));
    REQUIRE(min_sec.ok());
    CHECK(min_sec->cues.at(0).start_ms == 68737);
    CHECK(ttml(one_cue("", "1:8.737")).message() == "c.ttml: line 4: begin: \"1:8.737\" is not a TTML time (like 00:00:01.500, 00:00:01:12, 1.5s or 1500ms)");
}

// Google Meet's transcript (Docs, saved as text) has a time mark every minute or two and a
// "Name: text" line per turn: only the first turn after each mark got its speaker, the others were
// words of that turn ("Garrett: Hey," inside Anna's), and the closing lines were words too.
TEST_CASE("timed text: Google Meet export: a turn per 'Name:' line between marks, its closing lines dropped", "[import]") {
    const std::string meet =
        "Garden club - Transcript\n00:00:00\n \nAnna Hewitt: Okay, the spring planting.\nGarrett McGrath: Hey,\n"
        "Anna Hewitt: the seeds are in the folder.\n \n \n00:01:26\n\xC2\xA0\nGarrett McGrath: Tomatoes first.\nJustin Sous: Yeah.\n"
        " \n \n00:03:09\n \nAnna Hewitt: Thanks everyone.\n \n \nTranscription ended after 00:04:40\n\n"
        "This editable transcript was computer generated and might contain errors. People can also change the text after it was created.\n";
    const Episode e = imported(meet, Format::Auto, "meet.txt");
    CHECK_FALSE(e.meta.times_estimated);
    CHECK(e.meta.speakers == std::vector<std::string>{"Anna Hewitt", "Garrett McGrath", "Justin Sous"});
    const Cues c = cues_of(e);
    CHECK(c.texts == std::vector<std::string>{"Garden club Transcript", "Okay the spring planting", "Hey", "the seeds are in the folder",
                                              "Tomatoes first", "Yeah", "Thanks everyone"});
    const std::vector<int16_t> speaker_of_cue = {kNoSpeaker, 0, 1, 0, 1, 2, 0};
    for (size_t k = 0; k < e.cues.size(); ++k) CHECK(e.words[e.cues[k].first_word].speaker == speaker_of_cue.at(k));
    // turns between two marks share their time: in order, from one mark to the next
    CHECK(c.times.at(1).first == 0);
    CHECK(c.times.at(3).second == 86000);
    CHECK(c.times.at(4).first == 86000);
    CHECK(c.times.at(5).second == 189000);
    for (size_t k = 2; k < 6; ++k) CHECK(c.times[k].first == c.times[k - 1].second);
    CHECK(c.times.at(6) == std::make_pair(189000u, 280000u));  // to "Transcription ended after 00:04:40"
}

// whisper-ctranslate2 and WhisperX, diarizing, write the speaker in brackets in their subtitles:
// the label stayed a word of every cue and no speaker was known.
TEST_CASE("speaker prefixes in brackets, '[SPEAKER_00]: text', give speakers", "[import]") {
    const std::string srt = "1\n00:00:00,000 --> 00:00:02,500\n[SPEAKER_00]: There are many people here.\n\n"
                            "2\n00:00:02,500 --> 00:00:04,000\n[SPEAKER_01]: Yes, it is crowded.\n\n"
                            "3\n00:00:04,000 --> 00:00:06,000\n[SPEAKER_00]: Open a window.\n";
    const Episode e = imported(srt, Format::Auto, "c.srt");
    CHECK(e.meta.speakers == std::vector<std::string>{"SPEAKER_00", "SPEAKER_01"});
    CHECK(cues_of(e).texts == std::vector<std::string>{"There are many people here", "Yes it is crowded", "Open a window"});
    CHECK(e.words.at(5).speaker == 1);
    // a bracketed time or sound is no speaker
    const Episode n = imported("[Music]: la la\n[00:01]: x\nplain words\n", Format::PlainText, "n.txt");
    CHECK(n.meta.speakers.empty());
}

// A WebVTT ruby annotation (<ruby>漢<rt>kan</rt></ruby>) gives a reading, not spoken words: "kan"
// was read as part of the word before it ("漢kan").
TEST_CASE("WebVTT: ruby annotations are not words", "[import]") {
    const Episode e = imported("WEBVTT\n\n00:01.000 --> 00:02.000\n<ruby>漢<rt>kan</rt></ruby> is a <ruby>字<rt>ji</rt></ruby>.\n",
                               Format::WebVTT, "r.vtt");
    CHECK(word_texts(e) == std::vector<std::string>{"漢", "is", "a", "字"});
}

// YouTube's json3 captions (yt-dlp --sub-format json3) were refused as unknown JSON.
TEST_CASE("YouTube json3: automatic captions keep word times, uploaded ones are cues; bad events name their line", "[import]") {
    const std::string autos =
        "{\"wireMagic\": \"pb3\", \"events\": [\n{\"tStartMs\": 0, \"dDurationMs\": 5000, \"id\": 1, \"wpWinPosId\": 1},\n"
        "{\"tStartMs\": 160, \"dDurationMs\": 4000, \"wWinId\": 1, \"segs\": [{\"utf8\": \"so\", \"acAsrConf\": 0}, "
        "{\"utf8\": \" to\", \"tOffsetMs\": 400}, {\"utf8\": \"day\", \"tOffsetMs\": 600}, {\"utf8\": \" we\", \"tOffsetMs\": 800}]},\n"
        "{\"tStartMs\": 2000, \"dDurationMs\": 2160, \"wWinId\": 1, \"aAppend\": 1, \"segs\": [{\"utf8\": \"\\n\"}]},\n"
        "{\"tStartMs\": 2010, \"dDurationMs\": 3000, \"wWinId\": 1, \"segs\": [{\"utf8\": \"talk\"}, {\"utf8\": \" [Music]\", \"tOffsetMs\": 9000}]}]}\n";
    const Episode a = imported(autos, Format::Auto, "v.en.json3");
    CHECK(word_texts(a) == std::vector<std::string>{"so", "today", "we", "talk", "Music"});
    std::vector<uint32_t> times;
    for (const Word& w : a.words) times.push_back(w.start_ms);
    CHECK(times == std::vector<uint32_t>{160, 560, 960, 2010, 5010});  // an offset past its event ends with it
    CHECK(cues_of(a).times == std::vector<std::pair<uint32_t, uint32_t>>{{160, 4160}, {2010, 5010}});
    const Episode u = imported("{\"events\": [{\"tStartMs\": 1000, \"dDurationMs\": 2000, \"segs\": [{\"utf8\": \"Hello\\nthere\"}]}]}",
                               Format::Auto, "u.json");
    CHECK(cues_of(u).texts == std::vector<std::string>{"Hello there"});
    CHECK(cues_of(u).times == std::vector<std::pair<uint32_t, uint32_t>>{{1000, 3000}});
    CHECK(imp("{\"events\": [\n{\"tStartMs\": -5, \"segs\": [{\"utf8\": \"x\"}]}]}", Format::Auto, "b.json").message() ==
          "b.json: line 2: an event needs \"tStartMs\" (and \"dDurationMs\", if any) in milliseconds, from 0 to 596 hours");
    CHECK(imp("{\"events\": [{\"tStartMs\": 5, \"segs\": [\n{\"text\": \"x\"}]}]}", Format::Auto, "b.json").message() ==
          "b.json: line 2: a seg needs a \"utf8\" string");
    CHECK(imp("{\"events\": [{\"tStartMs\": 0}]}", Format::Auto, "b.json").message() == "b.json: no words in this transcript (read as whisper-json)");
}

// Google Meet's and Teams' transcripts download as Word .docx by default: given one, the importer
// read the ZIP's bytes as text, a transcript of one word, "PK". A PDF was "invalid UTF-8".
TEST_CASE("a .docx (ZIP) or PDF is refused, saying what it is", "[import]") {
    const std::string docx("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml", 31);
    for (const char* name : {"meet.docx", "meet.txt", "meet"})
        CHECK(imp(docx, Format::Auto, name).message() ==
              std::string(name) + ": a ZIP archive (a Word .docx?), not a transcript: save or export it as text (.txt)");
    CHECK(imp("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", Format::PlainText, "t.pdf").message() ==
          "t.pdf: a PDF, not a transcript: save or export it as text (.txt)");
}

// ASS / SSA subtitles (Aegisub, stable-ts) were read as plain text: the [Script Info] and style
// lines were words, "Dialogue: 0,0:00:01.00,..." a turn of speaker "Dialogue", times estimated.
TEST_CASE("ASS / SSA: Dialogue lines are cues, Name the speaker, override blocks and \\N breaks dropped", "[import]") {
    const std::string ass =
        "\xEF\xBB\xBF[Script Info]\r\n; Script generated by Aegisub 3.2.2\r\nTitle: Episode 1\r\nScriptType: v4.00+\r\n\r\n"
        "[V4+ Styles]\r\nFormat: Name, Fontname, Fontsize\r\nStyle: Default,Arial,48\r\n\r\n[Events]\r\n"
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\r\n"
        "Dialogue: 0,0:00:04.00,0:00:06.00,Default,Bob,0,0,0,,Hi Alice.\\NHow are you?\r\n"
        "Comment: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,not spoken\r\n"
        "Dialogue: 0,0:00:01.00,0:00:03.50,Default,Alice,0,0,0,,Hello, {\\i1}world{\\i0}!\r\n";
    for (const char* name : {"e.ass", "e.txt"}) {
        const Episode e = imported(ass, Format::Auto, name);
        CHECK_FALSE(e.meta.times_estimated);
        CHECK(e.meta.speakers == std::vector<std::string>{"Alice", "Bob"});
        const Cues c = cues_of(e);
        CHECK(c.texts == std::vector<std::string>{"Hello world", "Hi Alice How are you"});
        CHECK(c.times == std::vector<std::pair<uint32_t, uint32_t>>{{1000, 3500}, {4000, 6000}});
    }
    CHECK(detect_format("e.ssa", Bytes()) == Format::SSA);
    const std::string head = "[Script Info]\n\n[Events]\n";
    CHECK(imp(head + "Dialogue: 0,0:00:01.00,0:00:02.00,,,0,0,0,,x\n", Format::Auto, "b.ass").message() ==
          "b.ass: line 4: a Dialogue line before a Format line ending in Text");
    CHECK(imp(head + "Format: Start, End, Text\nDialogue: 0:00:01.00,1:0x,words\n", Format::Auto, "b.ass").message() ==
          "b.ass: line 5: End is not a time like 0:00:01.50");
    CHECK(imp(head + "Format: Start, End, Name, Text\nDialogue: 0:00:01.00,0:00:02.00\n", Format::Auto, "b.ass").message() ==
          "b.ass: line 5: expected 4 fields, as the Format line names");
}

// Speechmatics' JSON ("results" of typed items, like AWS's, but an array) was taken for Google's:
// refused with 'Google alternative needs a "transcript" string'.
TEST_CASE("Speechmatics JSON: words and punctuation with their times and speakers", "[import]") {
    const std::string sm =
        "{\"format\": \"2.9\", \"metadata\": {\"type\": \"transcription\"}, \"results\": [\n"
        "{\"alternatives\": [{\"content\": \"Hello\", \"speaker\": \"S1\"}], \"end_time\": 0.5, \"start_time\": 0.1, \"type\": \"word\"},\n"
        "{\"alternatives\": [{\"content\": \"there\", \"speaker\": \"S1\"}], \"end_time\": 0.9, \"start_time\": 0.5, \"type\": \"word\"},\n"
        "{\"alternatives\": [{\"content\": \".\", \"speaker\": \"S1\"}], \"attaches_to\": \"previous\", \"end_time\": 0.9, "
        "\"is_eos\": true, \"start_time\": 0.9, \"type\": \"punctuation\"},\n"
        "{\"alternatives\": [{\"content\": \"£5\"}], \"end_time\": 1.2, \"start_time\": 1.0, \"type\": \"entity\"},\n"
        "{\"alternatives\": [{\"content\": \"Hi\", \"speaker\": \"S2\"}], \"end_time\": 1.6, \"start_time\": 1.2, \"type\": \"word\"}]}\n";
    std::vector<std::string> warnings;
    const Episode e = imported(sm, Format::Auto, "sm.json", &warnings);
    CHECK(e.text == "Hello there. Hi");
    CHECK(e.meta.speakers == std::vector<std::string>{"S1", "S2"});
    CHECK(cues_of(e).times == std::vector<std::pair<uint32_t, uint32_t>>{{100, 900}, {1200, 1600}});
    CHECK(e.words.at(2).start_ms == 1200);
    CHECK(warnings == std::vector<std::string>{"sm.json: Speechmatics: skipped 1 result(s) neither \"word\" nor \"punctuation\""});
    CHECK(imp("{\"results\": [\n{\"type\": \"word\", \"start_time\": 1, \"alternatives\": [{\"content\": \"x\"}]}]}", Format::Auto, "b.json")
              .message() == "b.json: line 2: Speechmatics result needs an \"end_time\" time");
}

// Azure AI Speech's batch transcription JSON was refused with the list of JSON shapes read.
TEST_CASE("Azure Speech JSON: a cue per recognized phrase, in time order, with its speaker or channel", "[import]") {
    const std::string az =
        "{\"durationInTicks\": 50000000, \"combinedRecognizedPhrases\": [{\"channel\": 0, \"display\": \"Hello there. Hi!\"}],\n"
        "\"recognizedPhrases\": [\n"
        "{\"recognitionStatus\": \"Success\", \"channel\": 0, \"speaker\": 2, \"offsetInTicks\": 12000000.0, \"durationInTicks\": 4000000,"
        " \"nBest\": [{\"confidence\": 0.9, \"lexical\": \"hi\", \"display\": \"Hi!\"}]},\n"
        "{\"recognitionStatus\": \"NoMatch\", \"channel\": 0, \"offsetInTicks\": 0, \"durationInTicks\": 0, \"nBest\": []},\n"
        "{\"recognitionStatus\": \"Success\", \"channel\": 0, \"speaker\": 1, \"offsetInTicks\": 1000000, \"durationInTicks\": 8000000,"
        " \"nBest\": [{\"display\": \"Hello there.\"}]}]}\n";
    std::vector<std::string> warnings;
    const Episode e = imported(az, Format::Auto, "az.json", &warnings);
    CHECK(e.text == "Hello there. Hi!");
    CHECK(cues_of(e).times == std::vector<std::pair<uint32_t, uint32_t>>{{100, 900}, {1200, 1600}});
    CHECK(e.meta.speakers == std::vector<std::string>{"Speaker 1", "Speaker 2"});
    CHECK(e.words.at(2).speaker == 1);
    CHECK(warnings == std::vector<std::string>{"az.json: Azure: skipped 1 phrase(s) whose recognitionStatus is not \"Success\""});
    // two channels without diarization: a speaker per channel; milliseconds instead of ticks
    const Episode ch = imported("{\"recognizedPhrases\": [{\"channel\": 1, \"offsetMilliseconds\": 500, \"durationMilliseconds\": 500, "
                                "\"nBest\": [{\"display\": \"Right.\"}]}, {\"channel\": 0, \"offsetMilliseconds\": 0, "
                                "\"durationMilliseconds\": 400, \"nBest\": [{\"display\": \"Left.\"}]}]}",
                                Format::Auto, "ch.json");
    CHECK(ch.text == "Left. Right.");
    CHECK(ch.meta.speakers == std::vector<std::string>{"Channel 1", "Channel 2"});
    CHECK(imp("{\"recognizedPhrases\": [\n{\"offsetInTicks\": 0, \"nBest\": [{\"display\": \"x\"}]}]}", Format::Auto, "b.json").message() ==
          "b.json: line 2: Azure phrase needs \"offsetInTicks\" and \"durationInTicks\" (or their Milliseconds)");
}

namespace {

// title_from_opening of a WebVTT file's text
std::string vtt_title(const std::string& vtt) {
    ImportDesc d;
    d.format = Format::WebVTT;
    auto ep = import_transcript(Bytes(vtt), d);
    REQUIRE(ep.ok());
    return title_from_opening(ep.value());
}
const std::string kCueHead = "WEBVTT\n\n00:00.000 --> 00:05.000\n";

}  // namespace

// Protects the titles `transcript pack` gives episodes without one (audit of search results on
// Lexicap, bench/results/relevance.md): the opening sentence ended at the full stop of an
// initial or a title, so results read "Conversation with S" (S. James Gates, Jr.), "Conversation
// with George St" (George St. Pierre) and "Conversation with Jaco Willink, a retired U.S".
TEST_CASE("a title from the opening runs past initials and titles", "[import][title]") {
    CHECK(vtt_title(kCueHead + "The following is a conversation with S. James Gates, Jr. He is a physicist.\n") ==
          "Conversation with S. James Gates, Jr");
    CHECK(vtt_title(kCueHead + "The following is a conversation with George St. Pierre, a fighter. He won.\n") ==
          "Conversation with George St. Pierre, a fighter");
    CHECK(vtt_title(kCueHead + "The following is a conversation with Jo Ray, a U.S. Navy SEAL. Hi.\n") ==
          "Conversation with Jo Ray, a U.S. Navy SEAL");
    CHECK(vtt_title(kCueHead + "Ask Dr. Smith. Then go.\n") == "Ask Dr. Smith");
    // a sentence still ends at a word's full stop, a question or an exclamation
    CHECK(vtt_title(kCueHead + "We met in 2019. It rained.\n") == "We met in 2019");
    CHECK(vtt_title(kCueHead + "Is it A? Yes.\n") == "Is it A");
}

// Protects titles of captions that open with a sound tag: "[MUSIC PLAYING] Welcome back..." was
// titled "MUSIC PLAYING] Welcome back" (the first word begins after the "[").
TEST_CASE("a title from the opening skips the sound tags before the first words", "[import][title]") {
    CHECK(vtt_title(kCueHead + "[MUSIC PLAYING] Welcome back to the show. Today owls.\n") == "Welcome back to the show");
    CHECK(vtt_title(kCueHead + "[Music]\n\n00:05.000 --> 00:09.000\nHello everyone. Hi.\n") == "Hello everyone");
    CHECK(vtt_title(kCueHead + "(applause) [laughter] Thank you all. Sit.\n") == "Thank you all");
    CHECK(vtt_title(kCueHead + "\xE2\x99\xAA Here comes the sun \xE2\x99\xAA So, welcome. Hi.\n") == "So, welcome");
    CHECK(vtt_title(kCueHead + "\xE2\x99\xAA Welcome to the night shift. Hi.\n") == "Welcome to the night shift");
    // tags alone: kept whole, brackets balanced; a long aside in brackets is no sound tag
    CHECK(vtt_title(kCueHead + "[MUSIC PLAYING]\n") == "[MUSIC PLAYING]");
    CHECK(vtt_title(kCueHead + "[inaudible] and then, as I said, owls [laughs]. Yes.\n") == "and then, as I said, owls [laughs]");
    CHECK(vtt_title(kCueHead + "(This is a recording from our archive of 1998, lightly edited) Hi. Yes.\n") ==
          "(This is a recording from our archive of 1998, lightly edited) Hi");
}
