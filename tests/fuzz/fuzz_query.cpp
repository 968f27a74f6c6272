// libFuzzer target: the query parser and evaluator on a small fixed collection must never crash;
// a narrower MatchScope must give the same counts and hits as MatchScope::All; and a compacted
// copy of the collection (passage summaries and skip entries for every term, which the passage
// path and phrase look-ups use) must give exactly what the uncompacted one gives.
#include <cstdint>
#include <string>

#include "core/import.h"
#include "core/search.h"

namespace {
tx::Collection make_collection(bool compacted) {
    tx::IndexDesc idesc;
    idesc.summary_min = 1;
    tx::Collection cc(idesc);
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
    if (compacted) cc.finish();
    return cc;
}

const tx::Collection& plain() {
    static tx::Collection c = make_collection(false);
    return c;
}
const tx::Collection& compacted() {
    static tx::Collection c = make_collection(true);
    return c;
}

// Counts, per-episode summaries and ranked hits agree (the match lists are compared by the caller).
void require_same(const tx::SearchResult& a, const tx::SearchResult& b) {
    if (a.total_passages != b.total_passages || a.occurrences != b.occurrences || a.hits.size() != b.hits.size() ||
        a.episodes.size() != b.episodes.size())
        __builtin_trap();
    for (size_t e = 0; e < a.episodes.size(); ++e)
        if (a.episodes[e].matches != b.episodes[e].matches || a.episodes[e].passages != b.episodes[e].passages)
            __builtin_trap();
    for (size_t h = 0; h < a.hits.size(); ++h)
        if (a.hits[h].passage != b.hits[h].passage || a.hits[h].score != b.hits[h].score || a.hits[h].level != b.hits[h].level ||
            a.hits[h].snippet.text != b.hits[h].snippet.text)
            __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view q(reinterpret_cast<const char*>(data), size);
    auto r = plain().search(q);
    auto rc = compacted().search(q);
    if (r.ok() != rc.ok()) __builtin_trap();
    if (!r) return 0;
    for (const auto& h : r->hits)
        for (const auto& s : h.snippet.highlights)
            if (s.begin > s.end || s.end > h.snippet.text.size()) __builtin_trap();
    require_same(*r, *rc);
    if (r->matches.size() != rc->matches.size()) __builtin_trap();
    tx::SearchDesc sd;
    sd.matches = size % 3 == 0 ? tx::MatchScope::None : tx::MatchScope::Doc;
    sd.match_doc = tx::DocId(size % 2);
    size_t in_doc = 0;
    for (const auto& m : r->matches) in_doc += sd.matches == tx::MatchScope::Doc && m.doc == sd.match_doc;
    for (const tx::Collection* c : {&plain(), &compacted()}) {
        auto n = c->search(q, sd);
        if (!n) __builtin_trap();
        require_same(*r, *n);
        if (n->matches.size() != in_doc) __builtin_trap();
    }
    // partial matches: the same on both index forms, the strict result whenever that found a
    // passage, and consistent counts otherwise
    tx::SearchDesc pd;
    pd.partial = true;
    auto p = plain().search(q, pd), pc = compacted().search(q, pd);
    if (!p || !pc) __builtin_trap();
    require_same(*p, *pc);
    pd.matches = sd.matches;  // the narrower scopes count matches on another path
    pd.match_doc = sd.match_doc;
    for (const tx::Collection* c : {&plain(), &compacted()}) {
        auto n = c->search(q, pd);
        if (!n) __builtin_trap();
        require_same(*p, *n);
    }
    if (r->total_passages > 0) {
        require_same(*r, *p);
        if (p->partial_of != 0) __builtin_trap();
    } else if (p->partial_of != 0) {
        if (p->partial_best > p->partial_of || (p->total_passages > 0) != (p->partial_best > 0)) __builtin_trap();
        if (p->hits.size() > p->total_passages || tx::partial_note(*p).empty()) __builtin_trap();
        for (const auto& h : p->hits)
            for (const auto& s : h.snippet.highlights)
                if (s.begin > s.end || s.end > h.snippet.text.size()) __builtin_trap();
    }
    return 0;
}
