// timeline.cpp: assemble the per-episode topic timeline (segments, labels, groups, colours),
// group segments across episodes, and bin query hits for the timeline's density strip.
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "core/topics/labels_internal.h"
#include "core/topics/topics.h"

namespace tx {
namespace {

constexpr uint32_t kMaxWords = 1u << 26;
constexpr float kDefaultGroupSimilarity = 0.20f;

using Profile = std::vector<TermWeight>;

double cosine(const Profile& a, const Profile& b) {
    double dot = 0;
    for (const TermWeight& x : a)
        for (const TermWeight& y : b)
            if (x.term == y.term) dot += static_cast<double>(x.weight) * y.weight;
    return dot;  // profiles are unit length
}

std::string join_label(const std::vector<std::string>& kw, size_t max_kw) {
    std::string s;
    for (size_t i = 0; i < kw.size() && i < max_kw; ++i) {
        if (i) s += " \xC2\xB7 ";  // U+00B7 middle dot
        s += kw[i];
    }
    return s;
}

// A TopicDoc can be built by hand; check what the engine relies on before using it.
Status check_doc(const TopicDoc& doc) {
    const size_t n = doc.size(), V = doc.vocab.size();
    if (doc.display.size() != V)
        return make_error(Errc::InvalidArgument, "topic doc: display has " + std::to_string(doc.display.size()) +
                                                     " entries for " + std::to_string(V) + " terms");
    for (size_t i = 0; i < n; ++i)
        if (doc.terms[i] != kNoTopicTerm && doc.terms[i] >= V)
            return make_error(Errc::InvalidArgument, "topic doc: word " + std::to_string(i) + " has term id " +
                                                         std::to_string(doc.terms[i]) + " outside the vocabulary");
    if (!doc.start_ms.empty() && doc.start_ms.size() != n)
        return make_error(Errc::InvalidArgument, "topic doc: start_ms has " + std::to_string(doc.start_ms.size()) +
                                                     " entries for " + std::to_string(n) + " words");
    return ok_status();
}

// Phrase with each word's plural "s" dropped, so "conspiracy theories" and "conspiracy theory"
// or "aliens" and "alien" compare equal when picking distinct label parts.
std::string loose(const std::string& phrase) {
    std::string out, word;
    auto flush = [&] {
        if (word.size() > 3 && word.compare(word.size() - 3, 3, "ies") == 0) word.replace(word.size() - 3, 3, "y");
        else if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') word.pop_back();
        if (!out.empty() && !word.empty()) out += ' ';
        out += word;
        word.clear();
    };
    for (char c : phrase) {
        if (c == ' ') flush(); else word += c;
    }
    flush();
    return out;
}


// A recurring topic's label: keywords (phrases included) that several members share, most shared
// first; then the heaviest profile terms not already covered by a chosen phrase.
std::string recurring_label(const std::map<std::string, double>& weight,
                            const std::map<std::string, std::string>& display,
                            const std::map<std::string, int>& shared) {
    std::vector<std::pair<int, std::string>> phrases;
    for (const auto& kv : shared)
        if (kv.second >= 2) phrases.emplace_back(-kv.second, kv.first);
    std::sort(phrases.begin(), phrases.end());
    std::vector<std::string> kw;
    auto covered = [&](const std::string& w) {
        const std::string nw = " " + loose(w) + " ";
        for (const std::string& k : kw) {
            const std::string nk = " " + loose(k) + " ";
            if (nk.find(nw) != std::string::npos || nw.find(nk) != std::string::npos) return true;
            for (std::string_view x : split_on_spaces(k))  // "intelligent" / "artificial intelligence"
                for (std::string_view y : split_on_spaces(w))
                    if (same_stem(x, y)) return true;
        }
        return false;
    };
    for (const auto& ph : phrases)
        if (kw.size() < 3 && !covered(ph.second)) kw.push_back(ph.second);
    // A members' two-word keyword made of `w` and the chosen word `k`, most shared first.
    auto phrase_of = [&](const std::string& k, const std::string& w) -> const std::string* {
        const std::string* best = nullptr;
        for (const auto& kv : shared) {
            const auto parts = split_on_spaces(kv.first);
            if (parts.size() == 2 && ((parts[0] == w && parts[1] == k) || (parts[0] == k && parts[1] == w)) &&
                (!best || kv.second > shared.find(*best)->second))
                best = &kv.first;
        }
        return best;
    };
    std::vector<std::pair<double, std::string>> top;
    for (const auto& w : weight) top.emplace_back(-w.second, display.find(w.first)->second);
    std::sort(top.begin(), top.end());
    for (size_t t = 0; t < top.size() && kw.size() < 3; ++t) {
        const std::string& w = top[t].second;
        if (covered(w)) continue;
        // A word said in one phrase with a chosen word joins it ("intelligence" and "artificial"
        // gave "intelligence · artificial"; now "artificial intelligence").
        bool joined = false;
        for (std::string& k : kw)
            if (!joined && k.find(' ') == std::string::npos)
                if (const std::string* p = phrase_of(k, w)) {
                    k = *p;
                    joined = true;
                }
        if (!joined) kw.push_back(w);
    }
    return join_label(kw, 3);
}

}  // namespace

Rgba topic_colour(uint32_t group) {
    // Mid-luminance, moderately saturated hues: distinguishable, and a bar in any of them keeps
    // contrast against both a light (#f5f5f5) and a dark (#1e1e1e) background.
    static const Rgba kPalette[12] = {
        {66, 133, 244, 255}, {234, 134, 52, 255}, {52, 168, 83, 255},  {219, 68, 85, 255},
        {142, 99, 206, 255}, {0, 160, 170, 255},  {200, 160, 30, 255}, {214, 92, 170, 255},
        {120, 140, 60, 255}, {90, 110, 200, 255}, {180, 100, 60, 255}, {60, 150, 130, 255},
    };
    return kPalette[group % 12];
}

namespace {

// What build_timeline checks before segmenting. @return ok, or the error build_timeline returns.
Status validate_doc(const TopicDoc& doc) {
    if (doc.size() > kMaxWords)
        return make_error(Errc::TooLarge, "episode has " + std::to_string(doc.size()) +
                                              " words; the topic engine takes at most 67108864");
    return check_doc(doc);
}

// Everything build_timeline does after segmenting: labels, groups, colours.
TopicTimeline assemble_timeline(const TopicDoc& doc, const std::vector<uint32_t>& bounds, const TopicDesc& desc,
                                const std::vector<Chapter>& chapters, uint32_t duration_ms) {
    TopicTimeline tl;
    tl.chapters = chapters;
    tl.word_count = static_cast<uint32_t>(doc.size());
    const bool timed = !doc.start_ms.empty();
    tl.duration_ms = duration_ms;
    if (timed) tl.duration_ms = std::max(tl.duration_ms, doc.start_ms.back());
    if (doc.size() == 0) return tl;

    std::vector<SegmentLabel> labels = score_segments(doc, bounds, desc.label);
    const size_t max_kw = std::min<uint32_t>(desc.label.max_keywords ? desc.label.max_keywords : 3, 4);
    const float sim = desc.group_similarity > 0 ? desc.group_similarity : kDefaultGroupSimilarity;

    std::vector<std::vector<size_t>> groups;  // members per group
    for (size_t i = 0; i <= bounds.size(); ++i) {
        TopicSegment s;
        s.start_word = i == 0 ? 0 : bounds[i - 1];
        s.end_word = i < bounds.size() ? bounds[i] : tl.word_count;
        s.start_ms = timed ? doc.start_ms[s.start_word] : 0;
        s.end_ms = timed ? (s.end_word < doc.size() ? doc.start_ms[s.end_word] : tl.duration_ms) : 0;
        s.keywords = std::move(labels[i].keywords);
        s.label = join_label(s.keywords, max_kw);
        if (s.label.empty()) s.label = "(no distinctive words)";
        s.profile = std::move(labels[i].profile);
        // Recurring topic within the episode: join the most similar earlier non-adjacent group
        // (average similarity to its members) when it is similar enough.
        double best = sim;
        size_t best_g = groups.size();
        for (size_t g = 0; g < groups.size(); ++g) {
            if (groups[g].back() + 1 == i) continue;  // the segmenter split them for a reason
            double sum = 0;
            for (size_t m : groups[g]) sum += cosine(s.profile, tl.segments[m].profile);
            double avg = sum / groups[g].size();
            if (avg > best) { best = avg; best_g = g; }
        }
        if (best_g == groups.size()) groups.emplace_back();
        groups[best_g].push_back(i);
        s.group = static_cast<uint32_t>(best_g);
        s.colour = topic_colour(s.group);
        tl.segments.push_back(std::move(s));
    }
    tl.group_count = static_cast<uint32_t>(groups.size());
    return tl;
}

}  // namespace

Result<TopicTimeline> build_timeline(const TopicDoc& doc, const TopicDesc& desc,
                                     const std::vector<Chapter>& chapters, uint32_t duration_ms) {
    Status st = validate_doc(doc);
    if (!st) return st.error();
    std::vector<uint32_t> bounds;
    if (doc.size() > 0) bounds = segment_topics(doc, desc.segment);
    return assemble_timeline(doc, bounds, desc, chapters, duration_ms);
}

Result<TopicTimeline> build_timeline(const Episode& ep, const TopicDesc& desc) {
    return build_timeline(topic_doc_from_episode(ep), desc, ep.meta.chapters, ep.meta.duration_ms);
}

// ---- TimelineBuilder: the same steps as build_timeline(ep), in pieces ----

TimelineBuilder::TimelineBuilder(const Episode& ep, const TopicDesc& desc) : m_ep(ep), m_desc(desc) {
    m_builder.set_has_times(true);
}

bool TimelineBuilder::step(uint64_t max_work) {
    const uint64_t start = m_work;
    auto left = [&] { return max_work - std::min(m_work - start, max_work); };
    // An indivisible piece of `cost` runs when it fits in what is left, or alone in this call.
    auto fits = [&](uint64_t cost) { return m_work == start || cost <= left(); };
    while (m_stage != Stage::Done) {
        const uint64_t n = m_ep.words.size();
        if (m_stage == Stage::Doc) {
            uint64_t words = std::min<uint64_t>(n - m_word, left() / kWordWork);
            if (words == 0 && m_word < n) {
                if (m_work != start) return false;
                words = 1;  // a budget below one word still advances
            }
            add_episode_words(m_builder, m_ep, m_word, m_cue, m_word + words);
            m_work += words * kWordWork;
            if (m_word < n) return false;
            m_doc = m_builder.finish();
            m_stage = Stage::Prepare;
        } else if (m_stage == Stage::Prepare) {
            if (!fits(n * kWordWork)) return false;
            m_work += n * kWordWork;
            Status st = validate_doc(m_doc);
            if (!st) {
                m_result.push_back(st.error());
                m_doc = TopicDoc();
                m_stage = Stage::Done;
                break;
            }
            if (m_doc.size() > 0) m_seg.emplace_back(m_doc, m_desc.segment);
            m_stage = Stage::Segment;
        } else if (m_stage == Stage::Segment) {
            if (!m_seg.empty()) {
                const uint64_t before = m_seg[0].work_done();
                const bool finished = m_seg[0].run(m_work == start ? std::max<uint64_t>(left(), 1) : left());
                m_work += m_seg[0].work_done() - before;
                if (!finished) return false;
            }
            m_stage = Stage::Assemble;
        } else {  // Stage::Assemble
            if (!fits(n * kWordWork)) return false;
            m_work += n * kWordWork;
            std::vector<uint32_t> bounds = m_seg.empty() ? std::vector<uint32_t>() : m_seg[0].bounds();
            m_result.push_back(assemble_timeline(m_doc, bounds, m_desc, m_ep.meta.chapters, m_ep.meta.duration_ms));
            m_seg.clear();
            m_doc = TopicDoc();
            m_stage = Stage::Done;
        }
    }
    return true;
}

Result<TopicTimeline> TimelineBuilder::take() {
    if (m_result.empty()) return make_error(Errc::InvalidArgument, "timeline builder: not finished");
    Result<TopicTimeline> r = std::move(m_result[0]);
    m_result.clear();
    return r;
}

std::vector<RecurringTopic> group_recurring(const std::vector<const TopicTimeline*>& timelines,
                                            float min_similarity) {
    RecurringGrouper g(min_similarity);
    for (uint32_t e = 0; e < timelines.size(); ++e)
        if (timelines[e]) g.add(e, *timelines[e]);
    while (!g.step(UINT64_MAX)) {}
    return g.take();
}

// ---- RecurringGrouper: group_recurring in pieces ----

// A label's share of work per profile term or keyword it reads (string maps, phrase checks: ~30x
// a profile term visited for pairs; measured with bench/archive_steps.cpp --units).
constexpr uint64_t kLabelWork = 30;

uint32_t RecurringGrouper::intern(const std::string& s) {
    auto it = m_ids.find(s);
    if (it != m_ids.end()) return it->second;
    const uint32_t id = static_cast<uint32_t>(m_strings.size());
    m_strings.push_back(s);
    m_ids.emplace(s, id);
    return id;
}

void RecurringGrouper::add(uint32_t episode, const TopicTimeline& tl) {
    if (m_stage != Stage::Items || m_next != 0) return;  // too late: step() has started
    if (episode >= m_eps.size()) m_eps.resize(size_t(episode) + 1);
    std::vector<Seg>& segs = m_eps[episode];
    segs.assign(tl.segments.size(), Seg());
    for (size_t s = 0; s < tl.segments.size(); ++s) {
        const TopicSegment& ts = tl.segments[s];
        if (ts.profile.empty()) continue;  // never an item: its keywords are not needed either
        for (const TermWeight& tw : ts.profile) segs[s].profile.push_back({intern(tw.term), intern(tw.display), tw.weight});
        for (const std::string& k : ts.keywords) segs[s].keywords.push_back(intern(k));
    }
}

size_t RecurringGrouper::memory_bytes() const {
    size_t n = m_strings.capacity() * sizeof(std::string) + m_eps.capacity() * sizeof(std::vector<Seg>);
    for (const std::string& s : m_strings)
        n += (s.size() > 10 ? s.capacity() + 1 : 0) + s.size() + sizeof(std::string) + 3 * sizeof(void*);  // + map node
    for (const auto& segs : m_eps)
        for (const Seg& sg : segs)
            n += sizeof(Seg) + sg.profile.capacity() * sizeof(Entry) + sg.keywords.capacity() * sizeof(uint32_t);
    return n;
}

uint32_t RecurringGrouper::find(uint32_t x) {
    while (m_parent[x] != x) x = m_parent[x] = m_parent[m_parent[x]];
    return x;
}

bool RecurringGrouper::step(uint64_t max_work) {
    uint64_t work = 0;
    auto more = [&] { return work == 0 || work < max_work; };  // the first piece always runs
    while (m_stage != Stage::Done) {
        if (m_stage == Stage::Items) {
            // Items in episode then segment order, and an inverted list term -> (item, weight)
            // for sparse dot products (one piece: a pass over the kept profiles).
            for (uint32_t e = 0; e < m_eps.size(); ++e)
                for (uint32_t s = 0; s < m_eps[e].size(); ++s)
                    if (!m_eps[e][s].profile.empty()) m_items.push_back({e, s});
            m_inv.assign(m_strings.size(), {});
            m_is_term.assign(m_strings.size(), 0);
            for (uint32_t i = 0; i < m_items.size(); ++i)
                for (const Entry& en : seg_of(i).profile) {
                    m_inv[en.term].emplace_back(i, en.weight);
                    m_is_term[en.term] = 1;
                    ++work;
                }
            m_acc.assign(m_items.size(), 0.0);
            m_parent.resize(m_items.size());
            for (uint32_t i = 0; i < m_parent.size(); ++i) m_parent[i] = i;
            m_next = 0;
            m_stage = Stage::Pairs;
        } else if (m_stage == Stage::Pairs) {
            // Candidate pairs: segments of different episodes with cosine >= min_similarity.
            std::vector<uint32_t> touched;
            for (; m_next < m_items.size(); ++m_next) {
                if (!more()) return false;
                const uint32_t i = static_cast<uint32_t>(m_next);
                touched.clear();
                for (const Entry& en : seg_of(i).profile)
                    for (const auto& jw : m_inv[en.term]) {
                        ++work;
                        if (jw.first <= i || m_items[jw.first].ep == m_items[i].ep) continue;
                        if (m_acc[jw.first] == 0.0) touched.push_back(jw.first);
                        m_acc[jw.first] += static_cast<double>(en.weight) * jw.second;
                    }
                for (uint32_t j : touched) {
                    if (m_acc[j] >= m_min) m_pairs.push_back({m_acc[j], i, j});
                    m_acc[j] = 0.0;
                }
            }
            m_inv = {};
            m_acc = {};
            m_stage = Stage::Sort;
        } else if (m_stage == Stage::Sort) {
            // A piece of its own: the pairs most similar first.
            if (work != 0) return false;
            std::sort(m_pairs.begin(), m_pairs.end(), [](const Pair& x, const Pair& y) {
                if (x.sim != y.sim) return x.sim > y.sim;
                return x.i != y.i ? x.i < y.i : x.j < y.j;
            });
            work += m_pairs.size() + 1;
            m_stage = Stage::Rank;
        } else if (m_stage == Stage::Rank) {
            // A piece of its own: each term's rank in string order (centroids are summed in that
            // order, as a std::map<std::string, double> would), and one centroid per item.
            if (work != 0) return false;
            std::vector<uint32_t> order;  // the profile terms (not displays or keywords)
            for (uint32_t k = 0; k < m_strings.size(); ++k)
                if (m_is_term[k]) order.push_back(k);
            std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return m_strings[x] < m_strings[y]; });
            m_rank.assign(m_strings.size(), 0);
            for (uint32_t k = 0; k < order.size(); ++k) m_rank[order[k]] = k;
            m_centroid.assign(m_items.size(), {});
            for (uint32_t i = 0; i < m_items.size(); ++i) {
                auto& c = m_centroid[i];
                for (const Entry& en : seg_of(i).profile) c.emplace_back(m_rank[en.term], double(en.weight));
                std::sort(c.begin(), c.end());
                size_t w = 0;  // a term twice in one profile: summed, as map[term] += weight
                for (size_t k = 0; k < c.size(); ++k) {
                    if (w > 0 && c[w - 1].first == c[k].first) c[w - 1].second += c[k].second;
                    else c[w++] = c[k];
                }
                c.resize(w);
            }
            work += order.size() + m_items.size();
            m_is_term = {};
            m_next = 0;
            m_stage = Stage::Merge;
        } else if (m_stage == Stage::Merge) {
            // Most similar pairs first; two groups merge only when their centroids are still
            // similar enough, so a chain of pairwise look-alikes cannot grow into one blob.
            for (; m_next < m_pairs.size(); ++m_next) {
                if (!more()) return false;
                uint32_t a = find(m_pairs[m_next].i), b = find(m_pairs[m_next].j);
                if (a == b) continue;
                const auto &x = m_centroid[a], &y = m_centroid[b];
                work += x.size() + y.size();
                double dot = 0, nx = 0, ny = 0;
                for (size_t p = 0, q = 0; p < x.size(); ++p) {
                    nx += x[p].second * x[p].second;
                    while (q < y.size() && y[q].first < x[p].first) ++q;
                    if (q < y.size() && y[q].first == x[p].first) dot += x[p].second * y[q].second;
                }
                for (const auto& kv : y) ny += kv.second * kv.second;
                const double cos = nx > 0 && ny > 0 ? dot / std::sqrt(nx * ny) : 0.0;
                if (cos < m_min) continue;
                if (b < a) std::swap(a, b);
                m_parent[b] = a;
                std::vector<std::pair<uint32_t, double>> merged;  // sorted union, weights summed
                merged.reserve(m_centroid[a].size() + m_centroid[b].size());
                const auto &ca = m_centroid[a], &cb = m_centroid[b];
                size_t p = 0, q = 0;
                while (p < ca.size() || q < cb.size()) {
                    if (q == cb.size() || (p < ca.size() && ca[p].first < cb[q].first)) merged.push_back(ca[p++]);
                    else if (p == ca.size() || cb[q].first < ca[p].first) merged.push_back(cb[q++]);
                    else { merged.emplace_back(ca[p].first, ca[p].second + cb[q].second); ++p; ++q; }
                }
                m_centroid[a] = std::move(merged);
                m_centroid[b] = {};
            }
            m_pairs = {};
            m_centroid = {};
            std::map<uint32_t, std::vector<uint32_t>> comps;  // root -> items (ordered: deterministic)
            for (uint32_t i = 0; i < m_items.size(); ++i) comps[find(i)].push_back(i);
            for (auto& kv : comps)
                if (kv.second.size() >= 2) m_comps.emplace_back(kv.first, std::move(kv.second));
            work += m_items.size();
            m_next = 0;
            m_stage = Stage::Label;
        } else if (m_stage == Stage::Label) {
            for (; m_next < m_comps.size(); ++m_next) {
                if (!more()) return false;
                const auto& mem = m_comps[m_next].second;
                RecurringTopic rt;
                std::map<std::string, double> weight;        // folded term -> summed weight
                std::map<std::string, std::string> display;  // folded term -> first surface form seen
                std::map<std::string, int> shared;           // keyword -> members that have it
                for (uint32_t i : mem) {
                    rt.members.push_back({m_items[i].ep, m_items[i].seg});
                    for (const Entry& en : seg_of(i).profile) {
                        weight[m_strings[en.term]] += en.weight;
                        display.emplace(m_strings[en.term], m_strings[en.display]);
                    }
                    for (uint32_t k : seg_of(i).keywords) ++shared[m_strings[k]];
                    work += kLabelWork * (seg_of(i).profile.size() + seg_of(i).keywords.size());
                }
                rt.label = recurring_label(weight, display, shared);
                m_out.push_back(std::move(rt));
            }
            m_comps = {};
            std::stable_sort(m_out.begin(), m_out.end(), [](const RecurringTopic& a, const RecurringTopic& b) {
                return a.members.size() > b.members.size();
            });
            for (size_t g = 0; g < m_out.size(); ++g) m_out[g].colour = topic_colour(static_cast<uint32_t>(g));
            m_stage = Stage::Done;
        }
    }
    return true;
}

std::vector<RecurringTopic> RecurringGrouper::take() { return std::move(m_out); }

std::vector<float> hit_density(const std::vector<Pos>& hits, uint32_t word_count, uint32_t bins) {
    if (bins == 0 || word_count == 0) return {};
    std::vector<float> d(bins, 0.0f);
    for (Pos p : hits) {
        if (p >= word_count) continue;
        uint32_t b = static_cast<uint32_t>(static_cast<uint64_t>(p) * bins / word_count);
        d[std::min(b, bins - 1)] += 1.0f;
    }
    float mx = *std::max_element(d.begin(), d.end());
    if (mx > 0)
        for (float& x : d) x /= mx;
    return d;
}

}  // namespace tx
