// Protects: the reader's paragraphing and word wrapping (no word lost or duplicated, lines fit,
// virtualisation offsets consistent).
#include <catch.hpp>

#include <cfloat>

#include "app/model/text_layout.h"
#include "core/text.h"
#include "test_util.h"

using namespace tx;

static Episode words_episode(const std::string& text, uint32_t cue_every) {
    Episode ep;
    ep.text = text;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        size_t b = i;
        while (i < text.size() && text[i] != ' ') ++i;
        if (i > b) ep.words.push_back(Word{uint32_t(b), uint32_t(i), uint32_t(ep.words.size() * 400), kNoSpeaker});
    }
    for (uint32_t w = 0; w < ep.words.size(); w += cue_every)
        ep.cues.push_back(Cue{w, std::min<uint32_t>(cue_every, uint32_t(ep.words.size()) - w), 0, 0});
    return ep;
}

TEST_CASE("paragraphs cover every word exactly once, in order, within the size bounds") {
    Episode ep = words_episode(txtest::read_file(txtest::demo_path()), 25);
    auto paras = make_paragraphs(ep, {1000, 5000}, 60, 160);
    uint32_t next = 0;
    for (const auto& p : paras) {
        CHECK(p.first_word == next);
        CHECK(p.word_count >= 1);
        CHECK(p.word_count <= 160);
        next += p.word_count;
    }
    CHECK(next == ep.words.size());
    CHECK(paras[paragraph_of_word(paras, 1000)].first_word == 1000);  // forced break honoured
    CHECK(paras[paragraph_of_word(paras, 5000)].first_word == 5000);
}

// Whisper splits long sentences over cues and YouTube's captions cut every few seconds: a
// paragraph that began at any cue boundary began mid-sentence.
TEST_CASE("paragraphs start where a sentence starts, not at any cue boundary") {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "the rocket left the pad and climbed into a clear sky today. ";
    Episode ep = words_episode(text, 7);  // 12-word sentences, a cue every 7 words
    auto paras = make_paragraphs(ep, {}, 60, 160);
    REQUIRE(paras.size() >= 5);
    for (size_t k = 1; k < paras.size(); ++k) {
        INFO("paragraph " << k << " starts at word " << paras[k].first_word);
        CHECK(paras[k].first_word % 12 == 0);  // after "today."
        CHECK(paras[k].first_word % 7 == 0);   // and at a cue boundary
        CHECK(paras[k - 1].word_count >= 60);
    }
}

TEST_CASE("a speaker change always starts a new paragraph") {
    Episode ep = words_episode("a b c d e f g h", 100);
    ep.words[5].speaker = 1;
    ep.words[6].speaker = 1;
    ep.words[7].speaker = 1;
    auto paras = make_paragraphs(ep, {}, 1, 100);
    REQUIRE(paras.size() == 2);
    CHECK(paras[1].first_word == 5);
}

TEST_CASE("wrapped lines never exceed the width unless a single word is wider") {
    Episode ep = words_episode(txtest::read_file(txtest::demo_path()).substr(0, 20000), 30);
    auto paras = make_paragraphs(ep, {}, 60, 160);
    auto measure = [](std::string_view w) { return float(w.size()) * 7.f; };
    const float width = 300, space = 4;
    TextLayout L = layout_paragraphs(ep, paras, width, measure, space, 20, 10);
    uint32_t covered = 0;
    for (const auto& line : L.lines) {
        REQUIRE(line.word_count >= 1);
        uint32_t last = line.first_word + line.word_count - 1;
        const Word& lw = ep.words[last];
        float right = L.word_x[last] + measure(std::string_view(ep.text).substr(lw.begin, lw.end - lw.begin));
        if (line.word_count > 1) CHECK(right <= width);
        CHECK(L.word_x[line.first_word] == 0.f);
        covered += line.word_count;
    }
    CHECK(covered == ep.words.size());
    // paragraph offsets are increasing and consistent with heights
    for (size_t i = 1; i < L.paragraphs.size(); ++i)
        CHECK(L.paragraphs[i].y == Approx(L.paragraphs[i - 1].y + L.paragraphs[i - 1].height + 10));
}

// Protects the reader's stepwise layout (the first frame lays out only what it shows): laid out in
// steps, every paragraph, line and word lands exactly where the layout at once puts it, each step
// stops as soon as it reaches below its y and holds its word, and the height is an estimate only
// until the last paragraph is laid out.
TEST_CASE("a layout laid out in steps is the layout laid out at once", "[layout]") {
    Episode ep = words_episode(txtest::read_file(txtest::demo_path()).substr(0, 40000), 30);
    auto paras = make_paragraphs(ep, {}, 60, 160);
    REQUIRE(paras.size() > 20);
    auto measure = [](std::string_view w) { return float(w.size()) * 7.f; };
    const TextLayout whole = layout_paragraphs(ep, paras, 300, measure, 4, 20, 10);

    TextLayout L = begin_layout(ep, paras, 300, 4, 20, 10);
    CHECK(L.paragraphs.empty());
    CHECK_FALSE(L.complete());
    extend_layout(L, ep, paras, measure, 500.f);  // a view 500 high at the top
    REQUIRE(!L.paragraphs.empty());
    CHECK(L.paragraphs.size() < paras.size() / 4);
    CHECK(L.laid_height > 500.f);                                           // reaches below the view
    CHECK(L.paragraphs.back().y <= 500.f);                                  // and not a paragraph further
    CHECK(L.total_height > L.laid_height);                                  // the rest estimated
    CHECK(L.total_height == Approx(whole.total_height).epsilon(0.25));

    const uint32_t far_word = paras[paras.size() * 3 / 4].first_word + 5;  // a deep link's word
    extend_layout(L, ep, paras, measure, 0.f, far_word);
    CHECK(paragraph_of_word(paras, far_word) == L.paragraphs.size() - 1);  // holds it, stops there
    CHECK_FALSE(L.complete());

    extend_layout(L, ep, paras, measure, FLT_MAX);
    REQUIRE(L.complete());
    REQUIRE(L.paragraphs.size() == whole.paragraphs.size());
    for (size_t i = 0; i < whole.paragraphs.size(); ++i) {
        CHECK(L.paragraphs[i].y == whole.paragraphs[i].y);
        CHECK(L.paragraphs[i].first_line == whole.paragraphs[i].first_line);
        CHECK(L.paragraphs[i].line_count == whole.paragraphs[i].line_count);
    }
    REQUIRE(L.lines.size() == whole.lines.size());
    for (size_t i = 0; i < whole.lines.size(); ++i) CHECK(L.lines[i].first_word == whole.lines[i].first_word);
    CHECK(L.word_x == whole.word_x);
    CHECK(L.word_line == whole.word_line);
    CHECK(L.total_height == whole.total_height);
}

// An episode of `text` split into words (no times, no speakers), and what the reader shows of word w.
static Episode split_episode(std::string text) {
    Episode ep;
    ep.text = std::move(text);
    std::vector<WordSpan> spans;
    split_words(ep.text, spans);
    for (const WordSpan& s : spans) ep.words.push_back(Word{s.begin, s.end, 0, kNoSpeaker});
    return ep;
}
static std::string shown_word(const Episode& ep, uint32_t w) {
    auto [b, e] = word_display_span(ep, w);
    return ep.text.substr(b, e - b);
}

// Protects punctuation in the reader: word spans leave punctuation out (for search), and the reader
// drew only them, so a punctuated transcript read "Yeah so the perceptronium Yeah So you coined".
TEST_CASE("the reader shows each word with the punctuation written against it", "[layout]") {
    Episode ep = split_episode("\xE2\x80\x9CYeah, so the perceptronium.\xE2\x80\x9D Yeah. \xE2\x80\x94 So: (you) coined it!");
    auto shown = [&](uint32_t w) { return shown_word(ep, w); };
    REQUIRE(ep.words.size() == 9);
    CHECK(ep.text.substr(ep.words[0].begin, ep.words[0].end - ep.words[0].begin) == "Yeah");  // the span itself
    CHECK(shown(0) == "\xE2\x80\x9CYeah,");
    CHECK(shown(3) == "perceptronium.\xE2\x80\x9D");
    CHECK(shown(4) == "Yeah. \xE2\x80\x94");  // the lone dash is shown with the word before it
    CHECK(shown(5) == "So:");
    CHECK(shown(6) == "(you)");
    CHECK(shown(8) == "it!");
    // the layout measures what is shown: punctuation takes room on the line
    auto paras = std::vector<Paragraph>{Paragraph{0, uint32_t(ep.words.size()), 0}};
    auto L = layout_paragraphs(ep, paras, 1000.f, [](std::string_view s) { return float(s.size()); }, 1.f, 10.f, 5.f);
    CHECK(L.word_x[1] == float(shown(0).size()) + 1.f);
}

// Protects the reader from doubled spaces: words split at a no-break or em space (common in
// subtitles and pasted text) each drew that space as part of their punctuation.
TEST_CASE("a word's punctuation stops at no-break and Unicode spaces", "[layout]") {
    const Episode ep = split_episode("Hello,\xC2\xA0world!\xE2\x80\x83(yes)");
    REQUIRE(ep.words.size() == 3);
    CHECK(shown_word(ep, 0) == "Hello,");
    CHECK(shown_word(ep, 1) == "world!");
    CHECK(shown_word(ep, 2) == "(yes)");
}

// Protects the reader's text from silent loss: a symbol standing alone between spaces ("rock & roll",
// "100 %", "so - yes", a leading "-" or a trailing "...") belonged to no word's display span, so the
// reader and copied quotes read "rock roll", "100 of it".
TEST_CASE("every character of the text is shown by exactly one word, lone symbols included", "[layout]") {
    const char* texts[] = {"yes & more, rock & roll - and 100 % of it + extra",
                           "- hello there ...", "\xE2\x80\x94 a \xE2\x80\x94 b \xE2\x80\x94",
                           "  & leading spaces and trailing symbols ! ?  ", "one", "(x) , y"};
    for (const char* t : texts) {
        const Episode ep = split_episode(t);
        REQUIRE(!ep.words.empty());
        std::vector<int> owner(ep.text.size(), -1);
        uint32_t prev_end = 0;
        for (uint32_t w = 0; w < ep.words.size(); ++w) {
            auto [b, e] = word_display_span(ep, w);
            CHECK(b <= ep.words[w].begin);
            CHECK(e >= ep.words[w].end);
            CHECK(b >= prev_end);  // in order, never overlapping the word before
            prev_end = e;
            for (uint32_t i = b; i < e; ++i) owner[i] = int(w);
        }
        for (size_t i = 0; i < ep.text.size(); ++i) {
            INFO("text \"" << t << "\" byte " << i);
            if (!is_ascii_space(ep.text[i])) CHECK(owner[i] >= 0);
        }
    }
    const Episode ep = split_episode("rock & roll, 100 % sure");
    CHECK(shown_word(ep, 0) == "rock &");
    CHECK(shown_word(ep, 1) == "roll,");
    CHECK(shown_word(ep, 2) == "100 %");
    CHECK(shown_word(ep, 3) == "sure");
}

// Protects the reader's match marks: "rock roll" drew one bar over "rock & roll" (adjacent hits
// were joined over whatever the first one showed after it: the lone "&"), and a CJK match marked
// the whole run without spaces. A mark covers what matched; only one match (a phrase) runs on.
TEST_CASE("a match mark covers the matched word or characters, and runs on only within a phrase", "[layout]") {
    const Episode ep = split_episode("We like rock & roll, 私は東京に住んでいます");
    auto marks = [&](uint32_t w, const std::vector<TextSpan>& spans) {
        std::vector<WordMark> out;
        word_marks(ep, w, spans, out);
        std::vector<std::string> s;
        for (const WordMark& m : out) s.push_back(ep.text.substr(m.begin, m.end - m.begin) + (m.to_next ? ">" : ""));
        return s;
    };
    REQUIRE(shown_word(ep, 2) == "rock &");
    const Word &rock = ep.words[2], &roll = ep.words[3], &ja = ep.words[4];
    const std::vector<TextSpan> apart{{rock.begin, rock.end}, {roll.begin, roll.end}};  // "rock roll"
    CHECK(marks(2, apart) == std::vector<std::string>{"rock"});
    CHECK(marks(3, apart) == std::vector<std::string>{"roll"});
    const std::vector<TextSpan> phrase{{rock.begin, roll.end}};  // one match over both words
    CHECK(marks(2, phrase) == std::vector<std::string>{"rock &>"});
    CHECK(marks(3, phrase) == std::vector<std::string>{"roll"});
    const uint32_t tokyo = uint32_t(ep.text.find("東京"));
    CHECK(marks(4, {{tokyo, tokyo + 6}}) == std::vector<std::string>{"東京"});
    CHECK(marks(4, {{ja.begin, ja.begin + 3}, {tokyo, tokyo + 3}}) == std::vector<std::string>{"私", "東"});
    CHECK(marks(1, apart).empty());
}

// Protects the reader's gutter: the speaker's name is set under the paragraph's time, so a one-line
// paragraph drew its name level with the next paragraph's time, where it read as the next
// speaker's. A paragraph is now as tall as its text or its gutter (time + name rows), whichever
// is taller; the text's own lines are where they were.
TEST_CASE("a paragraph is as tall as its gutter: time and speaker's name rows", "[layout]") {
    Episode ep = words_episode("one two three four five six seven eight nine ten", 100);
    for (uint32_t w = 0; w < ep.words.size(); ++w) ep.words[w].speaker = w < 2 ? 0 : w < 4 ? 1 : w < 9 ? 2 : kNoSpeaker;
    auto paras = make_paragraphs(ep, {}, 1, 100);
    REQUIRE(paras.size() == 4);  // "one two" (0), "three four" (1), "five … nine" (2), "ten" (none)
    auto measure = [](std::string_view w) { return float(w.size()) * 10.f; };
    // 90 wide: "five six" / "seven" / "eight" / "nine" is four lines; the gutters (the time and the
    // name's rows) are 32, 60 and 46 high
    const TextLayout L = layout_paragraphs(ep, paras, 90, measure, 10, 20, 7, {32, 60, 46});
    REQUIRE(L.paragraphs.size() == 4);
    CHECK(L.paragraphs[0].line_count == 1);
    CHECK(L.paragraphs[0].height == 32.f);   // the time + the name, over 1 text line
    CHECK(L.paragraphs[1].height == 60.f);   // the time + a name of 2 or 3 rows
    CHECK(L.paragraphs[2].line_count == 4);
    CHECK(L.paragraphs[2].height == 80.f);   // the text is the taller: the gutter fits beside it
    CHECK(L.paragraphs[3].height == 20.f);   // no speaker: the time alone
    CHECK(L.paragraphs[1].y == 39.f);
    CHECK(L.paragraphs[2].y == 106.f);
    CHECK(L.paragraphs[3].y == 193.f);
    CHECK(L.total_height == 220.f);
    // without names, the text's lines alone
    const TextLayout bare = layout_paragraphs(ep, paras, 90, measure, 10, 20, 7);
    CHECK(bare.paragraphs[0].height == 20.f);
    CHECK(bare.word_x == L.word_x);
    CHECK(bare.word_line == L.word_line);
}

// Protects names in a narrow gutter: they went on past it, over the paragraph's text.
TEST_CASE("a speaker's name in the gutter: rows broken at spaces, cut with an ellipsis only where a word does not fit", "[layout]") {
    auto measure = [](std::string_view s) {  // 10 per character, "…" (3 bytes) one character
        float n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n * 10.f;
    };
    using V = std::vector<std::string>;
    CHECK(gutter_rows("Ada", 60, measure) == V{"Ada"});
    CHECK(gutter_rows("Mark Zuckerberg", 200, measure) == V{"Mark Zuckerberg"});
    CHECK(gutter_rows("Mark Zuckerberg", 100, measure) == V{"Mark", "Zuckerberg"});
    CHECK(gutter_rows("Mark Zuckerberg", 60, measure) == V{"Mark", "Zucke\xE2\x80\xA6"});
    CHECK(gutter_rows("Ana de la Cruz", 60, measure) == V{"Ana de", "la Cr\xE2\x80\xA6"});  // the rest on the last row
    CHECK(gutter_rows("Ana de la Cruz", 60, measure, 3) == V{"Ana de", "la", "Cruz"});
    CHECK(gutter_rows("SPEAKER_00", 60, measure) == V{"SPEAK\xE2\x80\xA6"});
    CHECK(gutter_rows("\xC3\x89lodie", 40, measure) == V{"\xC3\x89lo\xE2\x80\xA6"});  // whole characters
    CHECK(gutter_rows("Bob", 5, measure) == V{"B\xE2\x80\xA6"});  // one character kept however narrow
    CHECK(gutter_rows("  ", 60, measure).empty());
    CHECK(gutter_rows("", 60, measure).empty());
    CHECK(label_words(" Ana  de ") == std::vector<std::string_view>{"Ana", "de"});
    for (const std::string& r : gutter_rows("Ana de la Cruz Ximenez", 70, measure)) CHECK(measure(r) <= 70.f);
}
