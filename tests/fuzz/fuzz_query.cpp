// libFuzzer target: the query parser and evaluator on a small fixed collection must never crash,
// and a narrower MatchScope must give the same counts and hits as MatchScope::All.
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
        tx::SearchDesc sd;
        sd.matches = size % 3 == 0 ? tx::MatchScope::None : tx::MatchScope::Doc;
        sd.match_doc = tx::DocId(size % 2);
        auto n = collection().search(q, sd);
        if (!n || n->total_passages != r->total_passages || n->occurrences != r->occurrences ||
            n->hits.size() != r->hits.size() || n->episodes.size() != r->episodes.size())
            __builtin_trap();
        for (size_t e = 0; e < r->episodes.size(); ++e)
            if (n->episodes[e].matches != r->episodes[e].matches || n->episodes[e].passages != r->episodes[e].passages)
                __builtin_trap();
        size_t in_doc = 0;
        for (const auto& m : r->matches) in_doc += sd.matches == tx::MatchScope::Doc && m.doc == sd.match_doc;
        if (n->matches.size() != in_doc) __builtin_trap();
    }
    return 0;
}
