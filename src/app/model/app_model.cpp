#include "app/model/app_model.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "app/model/search_engine.h"
#include "core/bundle.h"
#include "core/topics/topics.h"

namespace tx {

const char* load_phase_name(LoadPhase p) {
    switch (p) {
        case LoadPhase::Waiting: return "waiting";
        case LoadPhase::Downloading: return "downloading";
        case LoadPhase::Decompressing: return "decompressing";
        case LoadPhase::Indexing: return "indexing";
        case LoadPhase::Ready: return "ready";
        case LoadPhase::Error: return "error";
    }
    return "unknown";
}

// Archive loading state (AppModel::step).
struct ArchiveLoader {
    uint32_t next = 0;            // next episode to decode and index
    std::vector<Episode> decoded;  // episode `next`, decoded and not indexed yet (0 or 1)
    double add_ms_per_word = 0;   // measured index cost (decode: AppModel::m_decode_ms_per_word)
    double commit_ms_per_term = 0.002;  // measured commit cost per new term (starts at WASM's ~1.5 us)
    double commit_base_ms = 0;    // and per commit (merging into the sorted dictionary)
    uint32_t slices = 0;          // step() calls so far (the query is re-run every few)
    bool keep_text = true;        // small bundles keep every episode resident
    bool indexing = true;         // false: computing archive topics
    uint32_t next_topic = 0;      // background topics: episodes before this one are collected
    RecurringGrouper recurring;   // every episode's segment profiles, then grouped in steps
};

// One episode's topic timeline being built over several steps (TimelineBuilder).
struct TopicJob {
    uint32_t episode = 0;
    std::shared_ptr<const Episode> ep;  // kept alive while the builder reads it
    std::unique_ptr<TimelineBuilder> builder;
};

// Bundles up to this much text (and any single episode) load in one call and stay resident.
constexpr uint64_t kSyncTextBytes = 1u << 20;
constexpr size_t kDecodedCache = 6;  // decoded episodes kept for the reader and snippets
// Work per TimelineBuilder::step call between clock checks: ~1-2 ms in WASM (segmentation steps
// run at ~5-10 ns, a word of the topic document ~0.3 us).
constexpr uint64_t kTopicWorkChunk = 150000;
// Work per RecurringGrouper::step call between clock checks: ~0.5 ms natively for Lexicap, its
// indivisible pieces (sorting pairs, ranking terms) ~4 ms (bench/archive_steps.cpp --units).
constexpr uint64_t kRecurringWorkChunk = 100000;

AppModel::AppModel() = default;
AppModel::~AppModel() = default;

const std::vector<Episode>& AppModel::episodes() const {
    static const std::vector<Episode> kNone;
    return m_engine ? m_engine->episodes() : kNone;
}

const EpisodeMeta& AppModel::episode_meta(uint32_t e) const {
    static const EpisodeMeta kNone;
    return e < m_meta.size() ? m_meta[e] : kNone;
}

const Episode& AppModel::current_episode() const {
    static const Episode kNone;
    return m_current ? *m_current : kNone;
}

size_t AppModel::index_bytes() const { return m_engine ? m_engine->index_bytes() : 0; }
bool AppModel::index_committed() const { return !m_engine || m_engine->committed(); }

std::shared_ptr<const Episode> AppModel::decoded(uint32_t e, bool cache) {
    if (e >= m_meta.size()) return nullptr;
    if (m_engine && e < m_engine->size() && m_engine->resident(e))  // non-owning: the engine keeps it
        return std::shared_ptr<const Episode>(std::shared_ptr<const Episode>(), &m_engine->episodes()[e]);
    for (size_t k = 0; k < m_cache.size(); ++k) {
        if (m_cache[k].first != e) continue;
        auto hit = m_cache[k];
        m_cache.erase(m_cache.begin() + long(k));
        m_cache.push_back(hit);
        return hit.second;
    }
    if (!m_bundle) return nullptr;
    auto ep = m_bundle->decode_episode(e);
    if (!ep) return nullptr;  // a corrupt frame: the reader shows nothing for this episode
    auto p = std::make_shared<const Episode>(std::move(ep.value()));
    if (!cache) return p;
    if (m_cache.size() >= kDecodedCache) m_cache.erase(m_cache.begin());
    m_cache.push_back({e, p});
    return p;
}

// ---- loading ----

uint32_t AppModel::topics_done() const {
    return uint32_t(std::count(m_topics_done.begin(), m_topics_done.end(), uint8_t(1)));
}

void AppModel::reset_for_load() {
    m_engine = std::make_unique<SearchEngine>();
    m_loader.reset();
    m_topic_job.reset();
    m_cache.clear();
    m_current.reset();
    m_indexed = 0;
    m_total_words = 0;
    m_link_note.clear();
    m_meta.clear();
    m_episode_words.clear();
    m_results.clear();
    m_occurrences.clear();
    m_word_matches.clear();
    m_snippet_requests.clear();
    m_archive_rows.clear();
    m_recurring.clear();
    m_recurring_order.clear();
    m_chosen_recurring = -1;
    m_recurring_known = false;
    m_results_partial = false;
    m_error = {};
    m_episode = 0;
    m_reader_word = 0;
    m_time_ms = 0;
}

Status AppModel::load_bundle(Bytes data) {
    m_phase = LoadPhase::Decompressing;
    m_progress = 0.f;
    bump();
    ReadDesc rd;
    rd.verify_episodes = false;  // archives: each frame's CRC is checked when it is decoded
    // No second read_bundle with verify_episodes for small bundles: decode_all checks every
    // frame's CRC as it decodes (same message), and reading twice cost the first load ~5-10 ms.
    auto bundle = read_bundle(data, rd);
    if (!bundle) {
        fail(bundle.errc(), bundle.message());
        return bundle.error();
    }
    const Bundle& b = bundle.value();
    bool small = b.size() <= 1 || b.summary().total_text_bytes <= kSyncTextBytes;
    if (small) {  // the demo path: everything now, nothing half-loaded
        auto episodes = decode_all(b);
        if (!episodes) {
            fail(episodes.errc(), episodes.message());
            return episodes.error();
        }
        load_episodes(std::move(episodes.value()));
        return ok_status();
    }
    reset_for_load();
    m_bundle = std::make_unique<Bundle>(b);
    for (size_t i = 0; i < b.size(); ++i) {
        m_meta.push_back(b.episode(i).meta);
        m_episode_words.push_back(b.episode(i).word_count);
        m_total_words += b.episode(i).word_count;
    }
    m_loader = std::make_unique<ArchiveLoader>();
    m_loader->keep_text = false;
    init_episode_tables();
    m_phase = LoadPhase::Indexing;
    m_progress = 0.f;
    m_current = decoded(0);  // the first episode is readable before anything is indexed
    rebuild_episode_view();
    bump();
    return ok_status();
}

// Per-episode tables sized for m_meta (topics, hit counts, archive rows), empty until filled.
void AppModel::init_episode_tables() {
    m_topics_by_episode.assign(m_meta.size(), {});
    m_topics_done.assign(m_meta.size(), 0);
    m_groups.clear();
    m_hits_per_episode.assign(m_meta.size(), 0);
    build_archive_rows();
}

void AppModel::load_episodes(std::vector<Episode> episodes) {
    m_phase = LoadPhase::Indexing;
    reset_for_load();
    m_bundle.reset();
    for (const Episode& e : episodes) {
        m_total_words += e.words.size();
        m_meta.push_back(e.meta);
        m_episode_words.push_back(uint32_t(e.words.size()));
    }
    // Every posting is indexed now; the term tables' commit (sorted dictionary, stems, phonetic
    // keys: a third of the index build, 5-27 ms in the page's cold WASM) waits for the first step
    // after the frame that shows the load (step()), or for the first query (set_query commits).
    m_engine = std::make_unique<SearchEngine>(std::move(episodes), false);
    m_indexed = uint32_t(m_engine->size());
    init_episode_tables();
    if (m_meta.size() > 1) {
        // Several episodes loaded at once (a small bundle, opened files): their topics and the
        // recurring topics across them are found in the background steps, as for an archive,
        // so their strips are coloured by topic and not by position.
        m_loader = std::make_unique<ArchiveLoader>();
        m_loader->indexing = false;
    }
    m_phase = LoadPhase::Ready;
    m_progress = 1.f;
    m_current = decoded(0);
    rebuild_episode_view();
    std::string q = m_query;
    m_query.clear();
    set_query(q);
    bump();
}

void AppModel::rerun_query() {
    std::string q = m_query;
    int sel = m_selected_result;
    m_query.clear();
    m_results.clear();
    set_query(q);
    if (sel >= 0 && size_t(sel) < m_results.size()) m_selected_result = sel;
}

void AppModel::finish_load() {
    // No InvertedIndex::shrink() here: it copies every posting list in one go (~0.2 s in WASM for
    // Lexicap, a frozen frame) and needs both pools at once (a higher heap peak than it saves).
    m_engine->commit();
    m_phase = LoadPhase::Ready;
    m_progress = 1.f;
    rerun_query();
    bump();
}

// A measured cost per word, averaged so that one outlier does not decide the next slices.
static void average_in(double& avg, double x) { avg = avg == 0 ? x : 0.8 * avg + 0.2 * x; }

bool AppModel::step(const NowFn& now_ms, double budget_ms) {
    const double t0 = now_ms();
    bool worked = false;
    if (budget_ms <= 0) return m_loader || m_topic_job || !m_snippet_requests.empty();  // a frame with no time to spare
    if (m_loader && m_loader->indexing) {
        ArchiveLoader& L = *m_loader;
        const uint32_t before = L.next;
        bool did = false;
        // Pieces: the commit of new terms (stems, phonetic keys, sorted dictionary) and one
        // episode's decode + index. Each is started only when its predicted cost fits in what is
        // left of the budget, except the first piece of a step.
        auto commit = [&] {
            const double tc = now_ms();
            const double terms = double(m_engine->uncommitted_terms());
            m_engine->commit();
            const double ms = now_ms() - tc;
            L.commit_base_ms = 0.8 * L.commit_base_ms + 0.2 * std::max(0.0, ms - terms * L.commit_ms_per_term);
            if (terms > 1000) L.commit_ms_per_term = 0.5 * L.commit_ms_per_term + 0.5 * ms / terms;
            did = true;
        };
        if (!m_engine->committed()) commit();  // left over by the previous slice
        while (L.next < m_meta.size()) {
            const double words = double(m_bundle->episode(L.next).word_count) + 1;
            const bool decoded_next = !L.decoded.empty();
            const double t_p = now_ms();
            if (did && t_p - t0 + words * (decoded_next ? L.add_ms_per_word : m_decode_ms_per_word) > budget_ms) break;
            did = true;
            if (!decoded_next) {
                auto ep = m_bundle->decode_episode(L.next);
                if (!ep) {  // a corrupt episode stops the load with its message (nothing half-shown)
                    fail(ep.errc(), ep.message());
                    return false;
                }
                L.decoded.push_back(std::move(ep.value()));
                average_in(m_decode_ms_per_word, (now_ms() - t_p) / words);
            } else {
                m_engine->add(std::move(L.decoded[0]), L.keep_text);
                L.decoded.clear();
                ++L.next;
                average_in(L.add_ms_per_word, (now_ms() - t_p) / words);
            }
            if (now_ms() - t0 >= budget_ms) break;
        }
        const double commit_ms = L.commit_base_ms + double(m_engine->uncommitted_terms()) * L.commit_ms_per_term;
        if (!m_engine->committed() && (L.next >= m_meta.size() || now_ms() - t0 + commit_ms <= budget_ms)) commit();
        // else the next slice starts with it (a search in between commits first: set_query)
        m_indexed = L.next;
        m_progress = float(double(m_indexed) / double(std::max<size_t>(1, m_meta.size())));
        ++L.slices;
        worked = L.next != before || did;
        if (m_indexed >= m_meta.size()) {
            L.indexing = false;
            finish_load();
        } else if (!m_query.empty() && L.slices % 8 == 0) {
            rerun_query();  // partial results grow while the archive is indexed
        }
        bump();
    } else {
        if (std::exchange(m_topics_wait, false)) worked = true;  // the frame showing the episode comes first
        else if (m_engine && !m_engine->committed()) { m_engine->commit(); worked = true; }  // left by load_episodes
        else worked = topics_slice(now_ms, t0, budget_ms);
    }
    // snippets of visible result rows whose episodes are not decoded yet
    size_t filled = 0;
    while (!m_snippet_requests.empty() && (filled == 0 || now_ms() - t0 < budget_ms)) {
        size_t i = m_snippet_requests.back();
        m_snippet_requests.pop_back();
        if (i >= m_results.size() || !m_results[i].snippet_pending) continue;
        auto ep = decoded(m_results[i].episode);
        if (ep) SearchEngine::fill_row(m_results[i], *ep, word_matches(), m_speaker, m_speaker_excluded);
        else m_results[i].snippet_pending = false;
        ++filled;
    }
    if (filled) { bump(); worked = true; }
    return worked || m_loader || m_topic_job || !m_snippet_requests.empty();
}

// Topic timelines, once the archive is indexed: the shown episode's first (the reader's topic
// strip), then every episode in order for the archive's recurring topics. Each timeline is built
// in pieces (TimelineBuilder) with a clock check between pieces, so a slice ends within about one
// piece of its budget. @return true if anything was done.
bool AppModel::topics_slice(const NowFn& now_ms, double t0, double budget_ms) {
    ArchiveLoader* L = m_loader.get();
    bool worked = false;
    while (true) {
        // the background cursor moves past episodes whose topics are known, in order
        while (L && L->next_topic < m_meta.size() && m_topics_done[L->next_topic]) ++L->next_topic;
        if (!m_topic_job) {
            uint32_t e = UINT32_MAX;
            if (m_current && m_episode < m_topics_done.size() && !m_topics_done[m_episode]) e = m_episode;
            else if (L && L->next_topic < m_meta.size()) e = L->next_topic;
            if (e == UINT32_MAX) break;  // nothing left
            // decoding is one piece: start it only if it should fit (or nothing ran yet)
            double predicted = double(m_episode_words[e]) * m_decode_ms_per_word;
            if (worked && now_ms() - t0 + predicted >= budget_ms) break;
            double t_dec = now_ms();
            auto ep = e == m_episode && m_current ? m_current : decoded(e, false);
            if (e != m_episode || !m_current) average_in(m_decode_ms_per_word, (now_ms() - t_dec) / (double(m_episode_words[e]) + 1));
            worked = true;
            if (!ep) {  // a corrupt frame: the episode simply has no topic strip
                m_topics_done[e] = 1;
                continue;
            }
            m_topic_job = std::make_unique<TopicJob>();
            m_topic_job->episode = e;
            m_topic_job->ep = ep;
            m_topic_job->builder = std::make_unique<TimelineBuilder>(*ep);
        }
        if (worked && now_ms() - t0 >= budget_ms) break;
        worked = true;
        if (!m_topic_job->builder->step(kTopicWorkChunk)) continue;
        const uint32_t e = m_topic_job->episode;
        auto tl = m_topic_job->builder->take();
        m_topic_job.reset();
        if (tl && L) L->recurring.add(e, tl.value());  // keeps only the profiles and keywords
        if (tl) store_topics(e, tl.value());  // else too large: no topic strip
        m_topics_done[e] = 1;
        if (e == m_episode) rebuild_episode_view();
        bump();
    }
    if (L && !L->indexing && L->next_topic >= m_meta.size() && !m_topic_job) {
        // recurring topics across the archive, in pieces (~30-50 ms at once in WASM for Lexicap)
        while (!L->recurring.done()) {
            if (worked && now_ms() - t0 >= budget_ms) return true;
            worked = true;
            L->recurring.step(kRecurringWorkChunk);
        }
        apply_recurring(L->recurring.take());
        m_loader.reset();
        bump();
        worked = true;
    }
    return worked;
}

void AppModel::want_snippet(size_t i) {
    if (i >= m_results.size() || !m_results[i].snippet_pending) return;
    if (std::find(m_snippet_requests.begin(), m_snippet_requests.end(), uint32_t(i)) != m_snippet_requests.end()) return;
    if (m_snippet_requests.size() >= 64) m_snippet_requests.erase(m_snippet_requests.begin());
    m_snippet_requests.push_back(uint32_t(i));
}

static int32_t days_from_date(const std::string& d) {  // "YYYY-MM-DD" -> days since 1970-01-01, or -1
    if (d.size() < 10 || d[4] != '-' || d[7] != '-') return -1;
    int y = std::atoi(d.substr(0, 4).c_str()), m = std::atoi(d.substr(5, 2).c_str()), dd = std::atoi(d.substr(8, 2).c_str());
    if (y < 1900 || m < 1 || m > 12 || dd < 1 || dd > 31) return -1;
    y -= m <= 2;  // days_from_civil (H. Hinnant)
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = unsigned(y - era * 400);
    unsigned doy = unsigned((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return int32_t(era * 146097 + int(doe) - 719468);
}

void AppModel::build_archive_rows() {
    m_archive_rows.clear();
    for (uint32_t e = 0; e < m_meta.size(); ++e) m_archive_rows.push_back(ArchiveEpisodeRow{e, days_from_date(m_meta[e].date)});
    std::stable_sort(m_archive_rows.begin(), m_archive_rows.end(), [](const ArchiveEpisodeRow& a, const ArchiveEpisodeRow& b) {
        if ((a.day < 0) != (b.day < 0)) return a.day >= 0;  // dated first, undated after in bundle order
        return a.day < b.day;
    });
}

void AppModel::set_download_progress(uint64_t done, uint64_t total) {
    if (m_phase == LoadPhase::Error) return;
    m_phase = LoadPhase::Downloading;
    m_progress = total ? float(double(done) / double(total)) : 0.f;
    bump();
}

void AppModel::fail(Errc code, std::string message) {
    m_phase = LoadPhase::Error;
    m_error = Error{code, std::move(message)};
    m_engine.reset();
    m_loader.reset();
    m_topic_job.reset();
    m_bundle.reset();
    m_cache.clear();
    m_current.reset();
    m_meta.clear();
    m_episode_words.clear();
    m_indexed = 0;
    m_archive_rows.clear();
    m_recurring.clear();
    m_recurring_order.clear();
    m_chosen_recurring = -1;
    m_recurring_known = false;
    m_snippet_requests.clear();
    m_total_words = 0;
    m_results.clear();
    m_occurrences.clear();
    m_word_matches.clear();
    m_paragraphs.clear();
    m_topics.clear();
    m_hit_flags.clear();
    m_hit_spans.clear();
    bump();
}

static uint32_t to_abgr(Rgba c) {
    return (uint32_t(c.a) << 24) | (uint32_t(c.b) << 16) | (uint32_t(c.g) << 8) | uint32_t(c.r);
}

void AppModel::compute_topics(uint32_t e) {
    if (e >= m_topics_by_episode.size() || m_topics_done[e]) return;
    m_topics_done[e] = 1;
    auto ep = e == m_episode && m_current ? m_current : decoded(e);
    if (!ep) return;
    auto tl = build_timeline(*ep);
    if (tl) store_topics(e, tl.value());  // else too large: the episode simply has no topic strip
}

void AppModel::store_topics(uint32_t e, const TopicTimeline& tl) {
    std::vector<TopicRow>& rows = m_topics_by_episode[e];
    rows.clear();
    for (const TopicSegment& s : tl.segments) {
        TopicRow r;
        r.start_word = s.start_word;
        r.end_word = s.end_word;
        r.start_ms = s.start_ms;
        r.end_ms = s.end_ms;
        r.label = s.label;
        r.keywords = s.keywords;
        r.group = s.group;
        r.color = m_loader ? kOwnTopicColor : to_abgr(s.colour);  // archives: see apply_recurring
        rows.push_back(std::move(r));
    }
}

size_t AppModel::recurring_bytes() const { return m_loader ? m_loader->recurring.memory_bytes() : 0; }

// Colour every episode's segments by recurring topic. Topics are taken largest first and each
// gets the first of the 12 colours that no topic has yet anywhere (so that up to 12 topics all
// differ in the list and across strips), else the first that no topic already coloured uses in any
// of its episodes (cycling by rank when all 12 are taken there), so that two topics in one strip
// differ.
void AppModel::apply_recurring(std::vector<RecurringTopic> topics) {
    m_recurring.clear();
    std::vector<uint16_t> used(m_meta.size(), 0);  // per episode: colours taken (bit k = colour k)
    uint16_t anywhere = 0;                          // colours taken by any topic
    for (size_t g = 0; g < topics.size(); ++g) {
        RecurringTopicRow row;
        row.label = topics[g].label;
        row.segments = uint32_t(topics[g].members.size());
        uint16_t taken = 0;
        std::vector<uint32_t>& eps = row.episodes;
        for (const RecurringTopic::Member& m : topics[g].members)
            if (m.episode < used.size()) { taken |= used[m.episode]; eps.push_back(m.episode); }
        std::sort(eps.begin(), eps.end());
        eps.erase(std::unique(eps.begin(), eps.end()), eps.end());
        uint32_t colour = uint32_t(g % 12);
        const uint16_t avoid = uint16_t(taken | anywhere) == 0xfff ? taken : uint16_t(taken | anywhere);
        for (uint32_t k = 0; k < 12; ++k)
            if (!(avoid & (1u << k))) { colour = k; break; }
        anywhere = uint16_t(anywhere | (1u << colour));
        row.color = to_abgr(topic_colour(colour));
        for (uint32_t e : eps) used[e] = uint16_t(used[e] | (1u << colour));
        for (const RecurringTopic::Member& m : topics[g].members) {
            if (m.episode >= m_topics_by_episode.size() || m.segment >= m_topics_by_episode[m.episode].size()) continue;
            TopicRow& t = m_topics_by_episode[m.episode][m.segment];
            t.recurring = int32_t(g);
            t.color = row.color;
        }
        m_recurring.push_back(std::move(row));
    }
    m_recurring_order.resize(m_recurring.size());
    for (uint32_t g = 0; g < m_recurring_order.size(); ++g) m_recurring_order[g] = g;
    std::stable_sort(m_recurring_order.begin(), m_recurring_order.end(), [&](uint32_t a, uint32_t b) {
        const RecurringTopicRow &x = m_recurring[a], &y = m_recurring[b];
        return x.episodes.size() != y.episodes.size() ? x.episodes.size() > y.episodes.size() : x.segments > y.segments;
    });
    m_recurring_known = true;
    m_topics = m_episode < m_topics_by_episode.size() ? m_topics_by_episode[m_episode] : std::vector<TopicRow>();
    rebuild_topic_groups();
}

void AppModel::choose_recurring(int r) {
    m_chosen_recurring = r >= 0 && size_t(r) < m_recurring.size() ? r : -1;
    bump();
}

void AppModel::open_at_recurring(uint32_t e, int r) {
    const TopicRow* first = nullptr;
    if (e < m_topics_by_episode.size())
        for (const TopicRow& t : m_topics_by_episode[e])
            if (t.recurring == r && r >= 0 && (!first || t.start_word < first->start_word)) first = &t;
    if (first) seek_word(e, first->start_word);
    else seek(e, 0);
}

void AppModel::rebuild_topic_groups() {
    m_groups.clear();
    for (const TopicRow& t : m_topics) {
        auto it = std::find_if(m_groups.begin(), m_groups.end(), [&](const TopicGroupRow& g) { return g.id == t.group; });
        if (it == m_groups.end()) {
            m_groups.push_back(TopicGroupRow{t.group, t.label, t.color, 0, 0});
            it = m_groups.end() - 1;
        }
        ++it->occurrences;
        it->total_ms += t.end_ms - t.start_ms;
    }
}

void AppModel::rebuild_episode_view() {
    if (m_episode >= m_meta.size() || !m_current) { m_paragraphs.clear(); m_topics.clear(); m_hit_flags.clear(); m_hit_spans.clear(); return; }
    const Episode& ep = *m_current;
    // The shown episode's topics are built by the steps after the next one, in pieces (tens of ms
    // in WASM at once, a few times that in the browser's first, cold run), so that neither a load
    // nor opening an episode waits for them: the first frame after a load shows the text and
    // answers searches.
    m_topics_wait = !m_topics_done[m_episode];
    m_topics = m_topics_by_episode[m_episode];
    rebuild_topic_groups();
    std::vector<uint32_t> breaks;
    for (const TopicRow& t : m_topics) breaks.push_back(t.start_word);
    m_paragraphs = make_paragraphs(ep, breaks);
    rebuild_hit_flags();
}

// ---- search ----

void AppModel::set_query(std::string q) {
    if (q == m_query && !m_results.empty()) return;
    m_query = std::move(q);
    m_results.clear();
    m_occurrences.clear();
    m_word_matches.clear();
    m_query_error.clear();
    m_query_note.clear();
    m_query_partial = false;
    m_total_passages = 0;
    m_total_hits = 0;
    std::fill(m_hits_per_episode.begin(), m_hits_per_episode.end(), 0);
    m_selected_result = -1;
    m_current_occ = -1;
    m_snippet_requests.clear();
    m_results_partial = m_engine && m_indexed < m_meta.size();
    if (m_engine && !m_query.empty() && m_engine->size() > 0) {
        if (!m_engine->committed()) m_engine->commit();  // an archive slice left it for later
        SearchOutput out = m_engine->run(m_query);
        m_query_error = std::move(out.error);
        m_query_note = std::move(out.note);
        m_query_partial = out.partial;
        m_results = std::move(out.results);
        m_occurrences = std::move(out.occurrences);
        m_word_matches = std::move(out.word_matches);
        m_total_passages = out.total_passages;
        m_total_hits = out.hits;
        m_speaker = std::move(out.speaker);
        m_speaker_excluded = out.speaker_excluded;
        if (m_meta.size() > 1) {  // group by episode: episodes in the order of their best row
            std::vector<uint32_t> group(m_meta.size(), UINT32_MAX);
            uint32_t next = 0;
            for (const ResultRow& r : m_results)
                if (r.episode < group.size() && group[r.episode] == UINT32_MAX) group[r.episode] = next++;
            std::stable_sort(m_results.begin(), m_results.end(), [&](const ResultRow& x, const ResultRow& y) {
                return group[x.episode] < group[y.episode];
            });
        }
        for (const MatchRef& o : m_occurrences)
            if (o.episode < m_hits_per_episode.size()) ++m_hits_per_episode[o.episode];
    }
    rebuild_hit_flags();
    bump();
}

void AppModel::rebuild_hit_flags() {
    m_hit_spans.clear();
    if (m_episode >= m_meta.size()) { m_hit_flags.clear(); return; }
    const Episode& ep = current_episode();
    m_hit_flags.assign(ep.words.size(), 0);
    // the core's own matches, word by word: "rock roll" marks "rock" and "roll", not the "&"
    // between them that one joined match (an F3 step) covers
    for (const MatchRef& o : word_matches()) {
        if (o.episode != m_episode) continue;
        for (uint32_t w = o.word; w < o.word_end && w < m_hit_flags.size(); ++w) m_hit_flags[w] = 1;
        const ByteSpan b = SearchEngine::match_bytes(ep, o);
        if (b.end > b.begin) m_hit_spans.push_back(TextSpan{b.begin, b.end});
    }
    // matches come by word; characters of one word, or a phrase and a word inside it, may overlap
    std::sort(m_hit_spans.begin(), m_hit_spans.end(), [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
    size_t k = 0;
    for (const TextSpan& t : m_hit_spans) {
        if (k > 0 && m_hit_spans[k - 1].end > t.begin) m_hit_spans[k - 1].end = std::max(m_hit_spans[k - 1].end, t.end);
        else m_hit_spans[k++] = t;
    }
    m_hit_spans.resize(k);
}

std::vector<uint32_t> AppModel::hit_density(uint32_t bins) const {
    std::vector<uint32_t> d(bins, 0);
    if (bins == 0 || m_episode >= m_meta.size()) return d;
    const Episode& ep = current_episode();
    uint32_t dur = std::max<uint32_t>(1, ep.meta.duration_ms);
    for (const MatchRef& o : m_occurrences) {
        if (o.episode != m_episode || o.word >= ep.words.size()) continue;
        uint64_t b = uint64_t(ep.words[o.word].start_ms) * bins / dur;
        ++d[std::min<uint64_t>(b, bins - 1)];
    }
    return d;
}

void AppModel::commit_history() {
    if (m_query.empty()) return;
    auto it = std::find(m_history.begin(), m_history.end(), m_query);
    if (it != m_history.end()) m_history.erase(it);
    m_history.push_back(m_query);
    if (m_history.size() > 50) m_history.erase(m_history.begin());
}

// ---- navigation ----

// Whether match `o` is at word `w` of episode `e` (a multi-word match: anywhere in it).
static bool covers(const MatchRef& o, uint32_t e, uint32_t w) {
    return o.episode == e && w >= o.word && (w < o.word_end || w == o.word);
}

void AppModel::select_result(int i) {
    if (i < 0 || size_t(i) >= m_results.size()) { m_selected_result = -1; bump(); return; }
    m_selected_result = i;
    if (m_results[size_t(i)].snippet_pending) {  // an archive row not filled yet (chosen by End,
        // PageDown or a link before it was drawn): its focus comes from the text the reader decodes anyway
        auto ep = decoded(m_results[size_t(i)].episode);
        if (ep) SearchEngine::fill_row(m_results[size_t(i)], *ep, word_matches(), m_speaker, m_speaker_excluded);
    }
    const ResultRow& r = m_results[size_t(i)];
    // the current occurrence becomes the one the row's snippet centres on (not an earlier lone
    // match of one of the words), so the reader, the row's time and F3 agree with the snippet
    for (size_t k = 0; k < m_occurrences.size(); ++k)
        if (covers(m_occurrences[k], r.episode, r.focus_word)) { m_current_occ = int(k); break; }
    seek_word(r.episode, r.focus_word);
}

void AppModel::jump_to_occurrence(int i) {
    if (m_occurrences.empty()) return;
    int n = int(m_occurrences.size());
    i = ((i % n) + n) % n;
    m_current_occ = i;
    m_selected_result = -1;
    const MatchRef& o = m_occurrences[size_t(i)];
    for (size_t k = 0; k < m_results.size(); ++k)
        if (covers(o, m_results[k].episode, m_results[k].focus_word)) { m_selected_result = int(k); break; }
    seek_word(o.episode, o.word);
}

void AppModel::next_occurrence() {
    if (m_occurrences.empty()) return;
    if (m_current_occ >= 0) { jump_to_occurrence(m_current_occ + 1); return; }
    // first occurrence at or after the first word on screen (else the reader position)
    const uint32_t from = std::min(m_reader_word, m_first_shown_word);
    for (size_t k = 0; k < m_occurrences.size(); ++k) {
        const MatchRef& o = m_occurrences[k];
        if (o.episode > m_episode || (o.episode == m_episode && o.word >= from)) { jump_to_occurrence(int(k)); return; }
    }
    jump_to_occurrence(0);
}

void AppModel::prev_occurrence() {
    if (m_occurrences.empty()) return;
    if (m_current_occ >= 0) { jump_to_occurrence(m_current_occ - 1); return; }
    for (size_t k = m_occurrences.size(); k-- > 0;) {
        const MatchRef& o = m_occurrences[k];
        if (o.episode < m_episode || (o.episode == m_episode && o.word < m_reader_word)) { jump_to_occurrence(int(k)); return; }
    }
    jump_to_occurrence(int(m_occurrences.size()) - 1);
}

void AppModel::set_episode(uint32_t episode) {
    if (episode >= m_meta.size()) return;
    m_link_note.clear();  // the reader moved: an old link's complaint no longer applies
    if (episode != m_episode || !m_current) {
        m_episode = episode;
        m_current = decoded(episode);
        m_first_shown_word = UINT32_MAX;
        rebuild_episode_view();
        // a match or result of another episode is no longer "current" (F3 would continue from it
        // and the status kept saying "match 24 of 24" over the new episode)
        if (m_current_occ >= 0 && size_t(m_current_occ) < m_occurrences.size() && m_occurrences[size_t(m_current_occ)].episode != episode)
            m_current_occ = -1;
        if (m_selected_result >= 0 && size_t(m_selected_result) < m_results.size() && m_results[size_t(m_selected_result)].episode != episode)
            m_selected_result = -1;
    }
    bump();
}

void AppModel::seek_word(uint32_t episode, uint32_t word) {
    if (episode >= m_meta.size()) return;
    set_episode(episode);
    const Episode& ep = current_episode();
    if (ep.words.empty()) return;
    word = std::min<uint32_t>(word, uint32_t(ep.words.size() - 1));
    m_reader_word = word;
    m_time_ms = ep.words[word].start_ms;
    m_scroll_pending = true;
    m_scroll_word = word;
    bump();
}

void AppModel::seek(uint32_t episode, uint32_t time_ms) {
    if (episode >= m_meta.size()) return;
    set_episode(episode);
    const Episode& ep = current_episode();
    auto it = std::lower_bound(ep.words.begin(), ep.words.end(), time_ms,
                               [](const Word& w, uint32_t t) { return w.start_ms < t; });
    uint32_t word = it == ep.words.end() ? uint32_t(ep.words.size()) - 1 : uint32_t(it - ep.words.begin());
    m_current_occ = -1;
    m_selected_result = -1;
    seek_word(episode, ep.words.empty() ? 0 : word);
    m_time_ms = std::min(time_ms, ep.words.empty() ? 0u : std::max(ep.meta.duration_ms, ep.words.back().start_ms));
}

void AppModel::reader_scrolled_to(uint32_t word) {
    if (m_episode >= m_meta.size() || word == m_reader_word) return;
    const Episode& ep = current_episode();
    if (word >= ep.words.size()) return;
    m_reader_word = word;
    m_time_ms = ep.words[word].start_ms;
    bump();
}

bool AppModel::take_scroll_request(uint32_t& word) {
    if (!m_scroll_pending) return false;
    m_scroll_pending = false;
    word = m_scroll_word;
    return true;
}

bool AppModel::current_match(uint32_t& begin, uint32_t& end) const {
    if (m_current_occ < 0 || size_t(m_current_occ) >= m_occurrences.size()) return false;
    const MatchRef& o = m_occurrences[size_t(m_current_occ)];
    if (o.episode != m_episode) return false;
    begin = o.word;
    end = o.word_end;
    return true;
}

bool AppModel::current_match_span(TextSpan& span) const {
    if (m_current_occ < 0 || size_t(m_current_occ) >= m_occurrences.size()) return false;
    const MatchRef& o = m_occurrences[size_t(m_current_occ)];
    if (o.episode != m_episode || !m_current) return false;
    const ByteSpan b = SearchEngine::match_bytes(current_episode(), o);
    span = TextSpan{b.begin, b.end};
    return b.end > b.begin;
}

// ---- deep links ----

std::string format_time(uint32_t ms) {
    uint32_t s = ms / 1000, h = s / 3600, m = (s / 60) % 60;
    char buf[32];
    if (h) std::snprintf(buf, sizeof buf, "%u:%02u:%02u", h, m, s % 60);
    else std::snprintf(buf, sizeof buf, "%u:%02u", m, s % 60);
    return buf;
}

std::string url_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') out += char(c);
        else { out += '%'; out += hex[c >> 4]; out += hex[c & 15]; }
    }
    return out;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string url_decode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            out += char(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else if (s[i] == '+') out += ' ';
        else out += s[i];
    }
    return out;
}

std::string AppModel::deep_link() const {
    std::string h;
    if (!m_query.empty()) h += "q=" + url_encode(m_query) + "&";
    h += "ep=" + std::to_string(m_episode);
    h += "&t=" + std::to_string(m_time_ms / 1000);
    return h;
}

static bool parse_uint(std::string_view s, uint32_t& out) {
    if (s.empty() || s.size() > 9) return false;
    uint32_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + uint32_t(c - '0');
    }
    out = v;
    return true;
}

// A link's time in seconds: "1290", "21:30", "1:30:00" (as the reader shows times), or YouTube's
// "1h30m5s" / "90s". At most 999,999,999 s.
static bool parse_link_time(std::string_view s, uint32_t& out) {
    if (parse_uint(s, out)) return true;
    uint64_t total = 0;
    if (s.find(':') != std::string_view::npos) {  // h:mm:ss or m:ss
        int fields = 0;
        while (true) {
            const size_t colon = s.find(':');
            uint32_t v;
            if (!parse_uint(s.substr(0, colon), v) || (fields > 0 && v >= 60) || ++fields > 3) return false;
            total = total * 60 + v;
            if (colon == std::string_view::npos) break;
            s.remove_prefix(colon + 1);
        }
    } else {  // 1h2m3s
        bool any = false;
        while (!s.empty()) {
            size_t k = 0;
            while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
            uint32_t v;
            if (k == s.size() || !parse_uint(s.substr(0, k), v)) return false;
            const char unit = s[k];
            total += uint64_t(v) * (unit == 'h' ? 3600u : unit == 'm' ? 60u : unit == 's' ? 1u : 0u);
            if (unit != 'h' && unit != 'm' && unit != 's') return false;
            any = true;
            s.remove_prefix(k + 1);
        }
        if (!any) return false;
    }
    if (total > 999999999u) return false;
    out = uint32_t(total);
    return true;
}

void AppModel::apply_deep_link(std::string_view hash) {
    if (!hash.empty() && hash[0] == '#') hash.remove_prefix(1);
    std::string q, note;
    bool have_q = false, bad_ep = false;
    uint32_t ep = m_episode, t = 0;
    bool have_t = false;
    auto add_note = [&note](std::string s) { note += (note.empty() ? "" : "; ") + s; };
    auto shown = [](std::string_view v) {  // a link's value, as much of it as a message should repeat
        std::string s = url_decode(v.substr(0, 24));
        return s + (v.size() > 24 ? "\xE2\x80\xA6" : "");
    };
    while (!hash.empty()) {
        size_t amp = hash.find('&');
        std::string_view kv = hash.substr(0, amp);
        hash = amp == std::string_view::npos ? std::string_view() : hash.substr(amp + 1);
        size_t eq = kv.find('=');
        if (eq == std::string_view::npos) continue;
        std::string_view k = kv.substr(0, eq), v = kv.substr(eq + 1);
        if (k == "q") { q = url_decode(v); have_q = true; }
        else if (k == "ep") {
            uint32_t e;
            if (!parse_uint(v, e)) { bad_ep = true; add_note("ep=\"" + shown(v) + "\" is not an episode number"); }
            else if (e >= m_meta.size()) {
                bad_ep = true;
                add_note("no episode ep=" + std::to_string(e) + " here (" +
                         (m_meta.size() == 1 ? std::string("only ep=0") : "ep=0 to " + std::to_string(m_meta.size() - 1)) + ")");
            } else ep = e;
        }
        else if (k == "t") {
            if (parse_link_time(v, t)) have_t = true;
            else add_note("t=\"" + shown(v) + "\" is not a time (try 90, 1:30 or 1m30s)");
        }
    }
    if (have_q) set_query(q);
    // a time meant for an episode that is not here would open some other episode at a random place
    if (have_t && !bad_ep) {
        const uint64_t ms = std::min<uint64_t>(uint64_t(t) * 1000u, 0xFFFFFFFFu);  // t <= 999999999: no wrap
        seek(ep, uint32_t(ms));
        if (ep < m_meta.size() && m_meta[ep].duration_ms > 0 && ms > m_meta[ep].duration_ms)
            add_note("t=" + format_time(uint32_t(ms)) + " is past the episode's end (" + format_time(m_meta[ep].duration_ms) + ")");
    } else {
        set_episode(ep);
    }
    if (!note.empty()) m_link_note = "Link: " + note;  // after the moves, which clear it
    bump();
}

std::string AppModel::quote(uint32_t first_word, uint32_t last_word, std::string_view page_url) const {
    if (m_episode >= m_meta.size()) return {};
    const Episode& ep = current_episode();
    if (ep.words.empty()) return {};
    if (first_word > last_word) std::swap(first_word, last_word);
    last_word = std::min<uint32_t>(last_word, uint32_t(ep.words.size() - 1));
    first_word = std::min(first_word, last_word);
    std::string out = "\"";
    const uint32_t b = word_display_span(ep, first_word).first, e = word_display_span(ep, last_word).second;  // with punctuation
    out.append(ep.text, b, e - b);
    out += "\" (";
    if (!ep.meta.title.empty()) out += ep.meta.title + ", ";
    out += ep.meta.times_estimated ? "\xE2\x89\x88" : "";
    out += format_time(ep.words[first_word].start_ms) + ")";
    if (!page_url.empty()) {
        out += " ";
        out.append(page_url);
        out += "#ep=" + std::to_string(m_episode) + "&t=" + std::to_string(ep.words[first_word].start_ms / 1000);
    }
    return out;
}

// ---- JSON state ----


std::string AppModel::state_json() const {
    std::string j = "{\"ready\":";
    j += m_phase == LoadPhase::Ready ? "true" : "false";
    j += ",\"phase\":\"";
    j += load_phase_name(m_phase);
    j += "\",\"progress\":" + std::to_string(m_progress);
    j += ",\"query\":";
    json_append_string(j, m_query);
    j += ",\"totalHits\":" + std::to_string(m_total_hits);
    j += ",\"matches\":" + std::to_string(m_occurrences.size());
    j += ",\"totalPassages\":" + std::to_string(m_total_passages);
    j += ",\"results\":" + std::to_string(m_results.size());
    j += ",\"selected\":" + std::to_string(m_selected_result);
    j += ",\"currentHit\":" + std::to_string(m_current_occ);
    j += ",\"episode\":" + std::to_string(m_episode);
    j += ",\"timeMs\":" + std::to_string(m_time_ms);
    j += ",\"word\":" + std::to_string(m_reader_word);
    j += ",\"episodes\":" + std::to_string(m_meta.size());
    j += ",\"indexedEpisodes\":" + std::to_string(m_indexed);
    j += ",\"loading\":" + std::string(m_loader && m_loader->indexing ? "true" : "false");
    j += ",\"topicsPending\":" + std::string(m_loader && !m_loader->indexing ? "true" : "false");
    j += ",\"topicsDone\":" + std::to_string(topics_done());
    j += ",\"partial\":" + std::string(m_results_partial ? "true" : "false");
    j += ",\"recurringTopics\":" + std::to_string(m_recurring.size());
    j += ",\"chosenTopic\":" + std::to_string(m_chosen_recurring);
    j += ",\"indexBytes\":" + std::to_string(index_bytes());
    j += ",\"pendingSnippets\":" + std::to_string(std::count_if(m_results.begin(), m_results.end(), [](const ResultRow& r) { return r.snippet_pending; }));
    j += ",\"durationMs\":" + std::to_string(episode_meta(m_episode).duration_ms);
    j += ",\"words\":" + std::to_string(m_total_words);
    j += ",\"topics\":" + std::to_string(m_topics.size());
    j += ",\"hash\":";
    json_append_string(j, deep_link());
    j += ",\"queryError\":";
    if (m_query_error.empty()) j += "null";
    else json_append_string(j, m_query_error);
    j += ",\"queryNote\":";
    json_append_string(j, m_query_note);
    j += ",\"linkNote\":";
    json_append_string(j, m_link_note);
    j += ",\"error\":";
    if (m_phase == LoadPhase::Error) json_append_string(j, m_error.message);
    else j += "null";
    j += "}";
    return j;
}

}  // namespace tx
