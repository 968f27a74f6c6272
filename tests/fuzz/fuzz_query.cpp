// libFuzzer target: the query parser and evaluator on a small fixed collection must never crash.
#include <cstdint>
#include <string>

#include "core/import.h"
#include "core/search.h"

namespace {
tx::Collection& collection() {
    static tx::Collection c = [] {
        tx::Collection cc;
        const char* texts[] = {
            "The following is a conversation with Mark Zuckerberg about the metaverse, jiu-jitsu and open source AI.",
            "to be or not to be that is the question; Alex Freedman isn't here. Caf\xC3\xA9 3.0 state-of-the-art",
        };
        for (const char* t : texts) {
            tx::ImportDesc d;
            d.format = tx::Format::PlainText;
            auto e = tx::import_transcript(tx::Bytes(std::string_view(t)), d);
            if (e) (void)cc.add(std::move(e.value()));
        }
        return cc;
    }();
    return c;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view q(reinterpret_cast<const char*>(data), size);
    auto r = collection().search(q);
    if (r) {
        for (const auto& h : r->hits)
            for (const auto& s : h.snippet.highlights)
                if (s.begin > s.end || s.end > h.snippet.text.size()) __builtin_trap();
    }
    return 0;
}
