// libFuzzer target: every importer (chosen by the first byte) must reject or accept any input
// without crashing, and accepted episodes must satisfy the model's invariants.
#include <cstdint>
#include <string>

#include "core/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    static const tx::Format kFormats[] = {tx::Format::Auto, tx::Format::PlainText, tx::Format::WebVTT, tx::Format::SRT,
                                          tx::Format::WhisperJSON};
    tx::ImportDesc d;
    d.format = kFormats[data[0] % 5];
    auto r = tx::import_transcript(tx::Bytes(data + 1, size - 1), d);
    if (!r) return 0;
    const tx::Episode& ep = r.value();
    uint32_t prev = 0, next = 0;
    for (const auto& w : ep.words) {
        if (w.begin >= w.end || w.end > ep.text.size() || w.begin < prev) __builtin_trap();
        prev = w.end;
    }
    for (const auto& c : ep.cues) {
        if (c.first_word != next || c.start_ms > c.end_ms) __builtin_trap();
        next += c.word_count;
    }
    if (next != ep.words.size()) __builtin_trap();
    return 0;
}
