// text_layout.h: word-wrapping of transcript paragraphs, independent of ImGui.
//
// The reader draws an episode as paragraphs of words. Layout needs only a width for each word
// (the view passes one measured with the current font), so it is tested natively with a fixed-
// width measure. Virtualisation uses the per-paragraph y offsets: the view draws only the
// paragraphs that intersect the visible range. Layout can go in steps (begin_layout, then
// extend_layout in reading order): a frame lays out only down to what it shows, which, with
// paragraphs laid out top to bottom, never moves what is already laid out.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/episode.h"

namespace tx {

struct Paragraph {
    uint32_t first_word = 0;
    uint32_t word_count = 0;
    uint32_t start_ms = 0;
};

struct LayoutLine {
    uint32_t first_word = 0;  // episode word index
    uint32_t word_count = 0;
};

struct LayoutParagraph {
    uint32_t first_line = 0;  // index into TextLayout::lines
    uint32_t line_count = 0;
    float y = 0;              // top of the paragraph in layout coordinates
    float height = 0;
};

struct TextLayout {
    std::vector<LayoutLine> lines;
    std::vector<LayoutParagraph> paragraphs;  // the paragraphs laid out so far, from the first
    std::vector<float> word_x;     // x offset of every laid-out word within its line
    std::vector<uint32_t> word_line;  // line index of every laid-out word
    float total_height = 0;        // exact once complete(); until then an estimate (see extend_layout)
    float width = 0;
    // ---- stepwise layout (begin_layout / extend_layout) ----
    float space = 0, line_height = 0, paragraph_gap = 0;
    std::vector<float> speaker_gutter;  // height of the gutter (time and name) of each speaker's paragraphs
    size_t paragraph_count = 0;    // paragraphs to lay out in all
    float laid_height = 0;         // bottom of the laid-out paragraphs, gap included
    uint32_t laid_words = 0;       // words in the laid-out paragraphs
    bool complete() const { return paragraphs.size() >= paragraph_count; }
};

// Split an episode into reading paragraphs: at a cue boundary where a paragraph already holds at
// least `min_words` and a sentence starts (sentence_starts(): punctuation, else guessed; any cue
// boundary from 2 x `min_words`), at every `forced_breaks` word (e.g. topic segment starts), and
// always before `max_words`. Speaker changes always start a paragraph.
std::vector<Paragraph> make_paragraphs(const Episode& ep, const std::vector<uint32_t>& forced_breaks,
                                       uint32_t min_words = 60, uint32_t max_words = 160);

using MeasureFn = std::function<float(std::string_view)>;

// Lay out paragraphs in `width`. measure(word) returns a word's advance; space is the advance of
// one space; line_height and paragraph_gap are in the same units. The left gutter of a paragraph
// holds its time beside the first line and under it its speaker's name (gutter_rows): the gutter
// of a paragraph of speaker s is speaker_gutter[s] high (no speaker, or none given: a line). A
// paragraph is as tall as the taller of its text and its gutter, so a one-line paragraph's name is
// not drawn beside the next paragraph's time.
TextLayout layout_paragraphs(const Episode& ep, const std::vector<Paragraph>& paras, float width,
                             const MeasureFn& measure, float space, float line_height, float paragraph_gap,
                             std::vector<float> speaker_gutter = {});

// The same layout in steps: begin_layout lays out nothing yet; extend_layout lays out the next
// paragraphs, in order, until the laid-out ones reach below `until_y` and hold word `until_word`
// (or all of them: until_y = FLT_MAX). Each paragraph comes out exactly as layout_paragraphs lays
// it out. Until complete(), total_height is the laid-out height plus the rest of the words at the
// laid-out paragraphs' height per word (a scrollbar's estimate); then it is exact.
TextLayout begin_layout(const Episode& ep, const std::vector<Paragraph>& paras, float width, float space,
                        float line_height, float paragraph_gap, std::vector<float> speaker_gutter = {});
void extend_layout(TextLayout& L, const Episode& ep, const std::vector<Paragraph>& paras, const MeasureFn& measure,
                   float until_y, uint32_t until_word = 0);

// A label (a speaker's name) set in a gutter `width` wide, as rows: broken at spaces into rows that
// fit, at most `max_rows` ("Ada", "Mark" + "Zuckerberg"); a word wider than the gutter, and the last
// row when more words are left, are cut with "…" at a character boundary (at least one character
// and the "…" are kept, however narrow the gutter). @return the rows; none for an empty label.
std::vector<std::string> gutter_rows(std::string_view label, float width, const MeasureFn& measure, size_t max_rows = 2);
// The words of a label, split at spaces.
std::vector<std::string_view> label_words(std::string_view label);

// Index of the paragraph containing word `w` (paragraphs sorted by first_word).
size_t paragraph_of_word(const std::vector<Paragraph>& paras, uint32_t w);

struct TextSpan {  // bytes [begin, end) of Episode::text
    uint32_t begin = 0;
    uint32_t end = 0;
};

// What a match highlight covers of word `w` as the reader draws it (its word_display_span
// [db, de)): the bytes [begin, end), and whether the same match goes on into the next word (a
// phrase: the mark then runs on to it over the space between).
struct WordMark {
    uint32_t begin = 0;
    uint32_t end = 0;
    bool to_next = false;
};

// The marks of word `w` from match byte ranges `spans` (Episode::text, sorted by begin, not
// overlapping: AppModel::hit_spans): a match covers the word's own bytes only, not the
// punctuation or lone symbol shown with it ("rock" in "rock & roll" marks "rock"), nor in Chinese
// or Japanese the characters it did not match; a match that goes on into the next word covers
// the rest of the shown word. Appended to `out`.
void word_marks(const Episode& ep, uint32_t w, const std::vector<TextSpan>& spans, std::vector<WordMark>& out);

}  // namespace tx
