// episode.h: the transcript model shared by importers, the index, topics, the bundle and the UI.
//
// An Episode is metadata plus the display text and a sequence of words. Each word knows its byte
// range in `text` (highlights and snippets come from these offsets, never from re-searching the
// text), its start time in ms and an optional speaker. Cues are ranges of words (a subtitle cue,
// or a ~30 s window for plain text) and are the passages that search ranks.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base.h"

namespace tx {

constexpr int16_t kNoSpeaker = -1;

struct Word {
    uint32_t begin = 0;     // byte offset of the word's first byte in Episode::text
    uint32_t end = 0;       // one past its last byte
    uint32_t start_ms = 0;  // start time (estimated when EpisodeMeta::times_estimated)
    int16_t speaker = kNoSpeaker;  // index into EpisodeMeta::speakers, or kNoSpeaker
};

struct Cue {
    uint32_t first_word = 0;  // index into Episode::words
    uint32_t word_count = 0;
    uint32_t start_ms = 0;
    uint32_t end_ms = 0;
};

struct Chapter {  // a creator-given chapter mark
    uint32_t start_ms = 0;
    std::string title;
};

// Chapters in time order, those at the same time kept in the order given: the timeline draws each
// chapter up to the next one. One sort for every reader (bundle, manifest, the page's own import).
void sort_chapters(std::vector<Chapter>& chapters);

struct EpisodeMeta {
    std::string title;
    std::string date;        // ISO 8601 date when known ("2023-06-08"), else empty
    std::string source_url;  // page the transcript came from
    std::string media_url;   // audio/video; "open at this moment" appends a time parameter
    std::vector<std::string> speakers;
    uint32_t duration_ms = 0;
    bool times_estimated = false;  // true when times come from a speaking-rate estimate
    std::vector<Chapter> chapters;
};

struct Episode {
    EpisodeMeta meta;
    std::string text;          // UTF-8 display text; words point into it
    std::vector<Word> words;
    std::vector<Cue> cues;     // cover all words, in order, without overlap
};

// Count whitespace-separated words (ASCII whitespace), the unit the demo's word count uses.
size_t count_words(std::string_view text);

// The bytes shown for word `w` (reader, snippets, quotes): the word with the punctuation written against it
// ("“Yeah,", "term.", "matter,"), i.e. its whitespace-delimited run, never reaching into a
// neighbouring word, plus what stands alone between it and the next word ("rock &", "100 %").
// Word spans leave punctuation out (for search), so drawing them alone lost
// every comma and full stop of a punctuated transcript. [begin, end) into ep.text.
std::pair<uint32_t, uint32_t> word_display_span(const Episode& ep, uint32_t w);

// A title from the opening sentence of a transcript, cut at a word boundary to at most ~72 bytes
// ("…" when cut). "The following is a conversation with X" becomes "Conversation with X". The
// sentence runs past the full stop of an initial or a title ("S. James Gates", "U.S. Navy",
// "George St. Pierre", "Dr. Smith"). Sound tags opening the transcript ("[MUSIC PLAYING]",
// "(applause)", "♪ theme ♪") are skipped when words follow them; a transcript of tags only keeps
// its brackets. @return the title, or "" when the episode has no words.
std::string title_from_opening(const Episode& ep);

}  // namespace tx
