#include "core/index.h"

#include <algorithm>

#include "core/text.h"

namespace tx {

namespace {

inline uint64_t hash_bytes(std::string_view s, uint16_t span) {
    uint64_t h = 1469598103934665603ull ^ span;
    for (char c : s) {
        h ^= uint8_t(c);
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

inline void put_varint(std::vector<uint8_t>& v, uint64_t x) {
    while (x >= 0x80) {
        v.push_back(uint8_t(x) | 0x80);
        x >>= 7;
    }
    v.push_back(uint8_t(x));
}

inline uint64_t get_varint(const uint8_t*& p) {
    uint64_t x = 0;
    int shift = 0;
    while (true) {
        uint8_t b = *p++;
        x |= uint64_t(b & 0x7F) << shift;
        if (!(b & 0x80)) return x;
        shift += 7;
    }
}

uint32_t letter_mask(std::string_view s) {
    uint32_t m = 0;
    for (char c : s) {
        uint8_t u = uint8_t(c);
        if (u >= 'a' && u <= 'z') m |= 1u << (u - 'a');
        else m |= 1u << (26 + (u % 6));
    }
    return m;
}

}  // namespace

// ---- building ----

TermId InvertedIndex::find_span(std::string_view s, uint16_t span) const {
    if (m_table.empty()) return kNoTerm;
    size_t mask = m_table.size() - 1;
    for (size_t i = hash_bytes(s, span) & mask;; i = (i + 1) & mask) {
        uint32_t t = m_table[i];
        if (t == kNoTerm) return kNoTerm;
        const TermInfo& ti = m_terms[t];
        if (ti.span == span && ti.text_len == s.size() && std::string_view(m_arena).substr(ti.text_begin, ti.text_len) == s)
            return t;
    }
}

void InvertedIndex::grow_table() {
    size_t n = m_table.empty() ? 1024 : m_table.size() * 2;
    m_table.assign(n, kNoTerm);
    size_t mask = n - 1;
    for (TermId t = 0; t < m_terms.size(); ++t) {
        size_t i = hash_bytes(term_text(t), m_terms[t].span) & mask;
        while (m_table[i] != kNoTerm) i = (i + 1) & mask;
        m_table[i] = t;
    }
}

TermId InvertedIndex::intern(std::string_view s, uint16_t span) {
    if ((m_terms.size() + 1) * 2 > m_table.size()) grow_table();
    size_t mask = m_table.size() - 1;
    size_t i = hash_bytes(s, span) & mask;
    for (;; i = (i + 1) & mask) {
        uint32_t t = m_table[i];
        if (t == kNoTerm) break;
        const TermInfo& ti = m_terms[t];
        if (ti.span == span && ti.text_len == s.size() && std::string_view(m_arena).substr(ti.text_begin, ti.text_len) == s)
            return t;
    }
    TermId id = TermId(m_terms.size());
    TermInfo ti;
    ti.text_begin = uint32_t(m_arena.size());
    ti.text_len = uint16_t(s.size());
    ti.span = span;
    ti.mask = letter_mask(s);
    m_arena.append(s.data(), s.size());
    m_terms.push_back(std::move(ti));
    m_table[i] = id;
    return id;
}

void InvertedIndex::add_posting(TermId t, DocId d, Pos p) {
    TermInfo& ti = m_terms[t];
    if (ti.count == 0 || ti.last_doc != d) {
        put_varint(ti.postings, (uint64_t(d - (ti.count ? ti.last_doc : 0)) << 1) | 1);
        put_varint(ti.postings, p);
    } else {
        put_varint(ti.postings, uint64_t(p - ti.last_pos) << 1);
    }
    ti.last_doc = d;
    ti.last_pos = p;
    ++ti.count;
}

Result<DocId> InvertedIndex::add_episode(const Episode& ep) {
    if (m_docs.size() >= 0x7FFFFFFFu) return make_error(Errc::TooLarge, "index: too many episodes");
    if (m_total_tokens + uint64_t(ep.words.size()) * 4 > 0xFFFFFFF0ull)
        return make_error(Errc::TooLarge, "index: the collection exceeds 2^32 tokens");
    DocId d = DocId(m_docs.size());
    DocInfo di;
    di.run_begin = uint32_t(m_runs.size());
    di.passage_begin = uint32_t(m_passages.size());

    // Passage starts (word index + time): consecutive cues up to passage_ms; without cues, by time.
    std::vector<std::pair<uint32_t, uint32_t>> starts;
    if (!ep.cues.empty()) {
        uint32_t pstart = 0;
        for (const Cue& c : ep.cues) {
            if (c.word_count == 0 || c.first_word >= ep.words.size()) continue;
            if (starts.empty() || c.end_ms > pstart + m_desc.passage_ms) {
                starts.push_back({c.first_word, c.start_ms});
                pstart = c.start_ms;
            }
        }
    } else {
        uint32_t pstart = 0;
        for (uint32_t w = 0; w < ep.words.size(); ++w)
            if (starts.empty() || ep.words[w].start_ms >= pstart + m_desc.passage_ms) {
                starts.push_back({w, ep.words[w].start_ms});
                pstart = ep.words[w].start_ms;
            }
    }
    if (starts.empty() || starts[0].first != 0) starts.insert(starts.begin(), {0u, 0u});

    WordTokens wt;
    Pos pos = 0;
    size_t next_start = 0;
    std::string_view text(ep.text);
    for (uint32_t w = 0; w < ep.words.size(); ++w) {
        while (next_start < starts.size() && starts[next_start].first <= w) {
            if (starts[next_start].first == w) m_passages.push_back(Passage{d, pos, w, starts[next_start].second});
            ++next_start;
        }
        const Word& word = ep.words[w];
        if (word.end > text.size() || word.begin >= word.end) continue;
        word_tokens(text.substr(word.begin, word.end - word.begin), wt);
        size_t k = wt.count();
        if (k == 0) continue;
        if (k == 1) {
            bool extend = m_runs.size() > di.run_begin && m_runs.back().one_to_one &&
                          m_runs.back().first_token + (w - m_runs.back().first_word) == pos;
            if (!extend) m_runs.push_back(Run{pos, w, 1});
        } else {
            m_runs.push_back(Run{pos, w, 0});
        }
        for (size_t i = 0; i < k; ++i) add_posting(intern(wt.part(i), 1), d, pos + Pos(i));
        std::string_view j = wt.joined();
        if (!j.empty()) add_posting(intern(j, uint16_t(std::min<size_t>(k, 0xFFFF))), d, pos);
        pos += Pos(k);
    }
    if (m_passages.size() == di.passage_begin) m_passages.push_back(Passage{d, 0, 0, 0});
    di.token_count = pos;
    di.run_end = uint32_t(m_runs.size());
    di.passage_end = uint32_t(m_passages.size());
    m_docs.push_back(di);
    m_total_tokens += pos;
    return d;
}

void InvertedIndex::commit() {
    if (committed()) return;
    if (m_by_length.empty()) m_by_length.resize(kMaxTokenBytes + 1);
    size_t old_sorted = m_sorted.size();
    for (TermId t = TermId(m_committed_terms); t < m_terms.size(); ++t) {
        std::string_view s = term_text(t);
        if (m_terms[t].span != 1) {
            m_joined[std::string(s)].push_back(t);
            continue;
        }
        m_sorted.push_back(t);
        m_by_length[std::min(s.size(), kMaxTokenBytes)].push_back(t);
        std::string st = stem_english(s);
        auto it = m_stem_ids.find(st);
        uint32_t sid;
        if (it == m_stem_ids.end()) {
            sid = uint32_t(m_stem_groups.size());
            m_stem_ids.emplace(std::move(st), sid);
            m_stem_groups.emplace_back();
        } else {
            sid = it->second;
        }
        m_stem_groups[sid].push_back(t);
        m_terms[t].stem = sid;
        std::string key = phonetic_key(s);
        if (key.size() >= 2) m_phonetic[key].push_back(t);
    }
    auto less = [this](TermId a, TermId b) { return term_text(a) < term_text(b); };
    std::sort(m_sorted.begin() + long(old_sorted), m_sorted.end(), less);
    std::inplace_merge(m_sorted.begin(), m_sorted.begin() + long(old_sorted), m_sorted.end(), less);
    m_committed_terms = m_terms.size();
}

void InvertedIndex::shrink() {
    for (auto& t : m_terms) t.postings.shrink_to_fit();
    m_terms.shrink_to_fit();
    m_arena.shrink_to_fit();
    m_runs.shrink_to_fit();
    m_passages.shrink_to_fit();
    m_docs.shrink_to_fit();
}

// ---- documents, tokens, passages ----

uint32_t InvertedIndex::word_of_token(DocId d, Pos pos) const {
    const DocInfo& di = m_docs[d];
    auto b = m_runs.begin() + di.run_begin, e = m_runs.begin() + di.run_end;
    auto it = std::upper_bound(b, e, pos, [](Pos p, const Run& r) { return p < r.first_token; });
    if (it == b) return 0;
    --it;
    return it->one_to_one ? it->first_word + (pos - it->first_token) : it->first_word;
}

uint32_t InvertedIndex::passage_of(DocId d, Pos pos) const {
    const DocInfo& di = m_docs[d];
    auto b = m_passages.begin() + di.passage_begin, e = m_passages.begin() + di.passage_end;
    auto it = std::upper_bound(b, e, pos, [](Pos p, const Passage& r) { return p < r.first_token; });
    if (it != b) --it;
    return uint32_t(it - m_passages.begin());
}

uint32_t InvertedIndex::passage_tokens(uint32_t gid) const {
    const Passage& p = m_passages[gid];
    uint32_t end = (gid + 1 < m_passages.size() && m_passages[gid + 1].doc == p.doc) ? m_passages[gid + 1].first_token
                                                                                     : m_docs[p.doc].token_count;
    return end - p.first_token;
}

double InvertedIndex::avg_passage_tokens() const {
    return m_passages.empty() ? 1.0 : std::max(1.0, double(m_total_tokens) / double(m_passages.size()));
}

// ---- term dictionary ----

std::string_view InvertedIndex::term_text(TermId t) const {
    return std::string_view(m_arena).substr(m_terms[t].text_begin, m_terms[t].text_len);
}

void InvertedIndex::find_joined(std::string_view folded, std::vector<TermId>& out) const {
    auto it = m_joined.find(std::string(folded));
    if (it != m_joined.end()) out.insert(out.end(), it->second.begin(), it->second.end());
}

bool InvertedIndex::prefix_terms(std::string_view prefix, std::vector<TermId>& out, size_t max) const {
    auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), prefix,
                               [this](TermId t, std::string_view p) { return term_text(t) < p; });
    size_t n = 0;
    for (; it != m_sorted.end(); ++it) {
        std::string_view s = term_text(*it);
        if (s.substr(0, prefix.size()) != prefix) break;
        if (max && n == max) return false;
        out.push_back(*it);
        ++n;
    }
    return true;
}

void InvertedIndex::fuzzy_terms(std::string_view q, int max_dist, std::vector<std::pair<TermId, int>>& out) const {
    if (m_by_length.empty() || max_dist <= 0) return;
    uint32_t qmask = letter_mask(q);
    int lq = int(q.size());
    for (int len = std::max(1, lq - max_dist); len <= std::min(int(kMaxTokenBytes), lq + max_dist); ++len) {
        for (TermId t : m_by_length[size_t(len)]) {
            if (__builtin_popcount(m_terms[t].mask ^ qmask) > 2 * max_dist) continue;
            std::string_view s = term_text(t);
            if (s == q) continue;
            int dist = edit_distance_bounded(q, s, max_dist);
            if (dist <= max_dist) out.push_back({t, dist});
        }
    }
}

void InvertedIndex::stem_terms(std::string_view folded, std::vector<TermId>& out) const {
    auto it = m_stem_ids.find(stem_english(folded));
    if (it == m_stem_ids.end()) return;
    for (TermId t : m_stem_groups[it->second])
        if (term_text(t) != folded) out.push_back(t);
}

void InvertedIndex::phonetic_terms(std::string_view folded, std::vector<TermId>& out) const {
    std::string key = phonetic_key(folded);
    if (key.size() < 2) return;
    auto it = m_phonetic.find(key);
    if (it == m_phonetic.end()) return;
    for (TermId t : it->second)
        if (term_text(t) != folded) out.push_back(t);
}

// ---- postings ----

void InvertedIndex::occurrences(TermId t, std::vector<Occurrence>& out) const {
    const TermInfo& ti = m_terms[t];
    out.reserve(out.size() + ti.count);
    const uint8_t* p = ti.postings.data();
    const uint8_t* end = p + ti.postings.size();
    DocId doc = 0;
    Pos pos = 0;
    uint16_t span = ti.span;
    while (p < end) {
        uint64_t v = get_varint(p);
        if (v & 1) {
            doc += DocId(v >> 1);
            pos = Pos(get_varint(p));
        } else {
            pos += Pos(v >> 1);
        }
        out.push_back(Occurrence{doc, pos, span});
    }
}

size_t InvertedIndex::postings_bytes() const {
    size_t n = 0;
    for (const auto& t : m_terms) n += t.postings.capacity();
    return n;
}

size_t InvertedIndex::memory_bytes() const {
    size_t n = postings_bytes();
    n += m_arena.capacity() + m_terms.capacity() * sizeof(TermInfo) + m_table.capacity() * sizeof(uint32_t);
    n += m_docs.capacity() * sizeof(DocInfo) + m_runs.capacity() * sizeof(Run) + m_passages.capacity() * sizeof(Passage);
    n += m_sorted.capacity() * sizeof(TermId);
    for (const auto& v : m_by_length) n += v.capacity() * sizeof(TermId) + sizeof(v);
    for (const auto& g : m_stem_groups) n += g.capacity() * sizeof(TermId) + sizeof(g);
    for (const auto& kv : m_stem_ids) n += kv.first.capacity() + 48;
    for (const auto& kv : m_phonetic) n += kv.first.capacity() + kv.second.capacity() * sizeof(TermId) + 72;
    for (const auto& kv : m_joined) n += kv.first.capacity() + kv.second.capacity() * sizeof(TermId) + 72;
    return n;
}

}  // namespace tx
