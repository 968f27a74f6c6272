// libFuzzer target: every importer (chosen by the first byte) must reject or accept any input
// without crashing, and accepted episodes must satisfy the model's invariants.
#include <cstdint>
#include <string>

#include "core/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    // first byte: the format (seeds use 0-6); Auto also tries names, so detection by extension is
    // exercised (values 7-11: Auto with a .json, .html, .txt, .vtt or .srt name); 12-13: a chapters
    // file (import_chapters, import_if_chapters) named x.chapters.vtt or x.json
    static const tx::Format kFormats[] = {tx::Format::Auto, tx::Format::PlainText, tx::Format::WebVTT, tx::Format::SRT,
                                          tx::Format::WhisperJSON, tx::Format::PodcastJSON, tx::Format::HTML};
    static const char* const kNames[] = {"x.json", "x.html", "x.txt", "x.vtt", "x.srt"};
    tx::ImportDesc d;
    const unsigned sel = data[0] % 14;
    if (sel >= 12) {  // chapters: accepted ones are titled, bounded and not more than kMaxChapters
        d.name = sel == 12 ? "x.chapters.vtt" : "x.json";
        auto maybe = tx::import_if_chapters(tx::Bytes(data + 1, size - 1), d);
        auto ch = tx::import_chapters(tx::Bytes(data + 1, size - 1), d);
        if (maybe && maybe->message() != ch.message()) __builtin_trap();  // one reading, either way in
        if (!ch) return 0;
        if (ch->empty() || ch->size() > tx::kMaxChapters) __builtin_trap();
        for (const tx::Chapter& c : ch.value())
            if (c.title.empty() || c.title.size() > tx::kMaxChapterTitleBytes) __builtin_trap();
        return 0;
    }
    d.format = sel < 7 ? kFormats[sel] : tx::Format::Auto;
    if (sel >= 7) d.name = kNames[sel - 7];
    auto r = tx::import_transcript(tx::Bytes(data + 1, size - 1), d);
    if (!r) return 0;
    const tx::Episode& ep = r.value();
    uint32_t prev = 0, next = 0;
    for (const auto& w : ep.words) {
        if (w.begin >= w.end || w.end > ep.text.size() || w.begin < prev) __builtin_trap();
        prev = w.end;
    }
    for (const auto& c : ep.cues) {
        if (c.first_word != next || c.start_ms > c.end_ms || c.word_count > ep.words.size() - next) __builtin_trap();
        for (uint32_t i = c.first_word; i < c.first_word + c.word_count; ++i)  // a cue's words are timed within it
            if (ep.words[i].start_ms < c.start_ms || ep.words[i].start_ms > c.end_ms) __builtin_trap();
        next += c.word_count;
    }
    if (next != ep.words.size()) __builtin_trap();
    return 0;
}
