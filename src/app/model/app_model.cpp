#include "app/model/app_model.h"

#include <algorithm>
#include <cstdio>

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

AppModel::AppModel() = default;

const std::vector<Episode>& AppModel::episodes() const {
    static const std::vector<Episode> kNone;
    return m_engine ? m_engine->episodes() : kNone;
}
AppModel::~AppModel() = default;

// ---- loading ----

Status AppModel::load_bundle(Bytes data) {
    m_phase = LoadPhase::Decompressing;
    m_progress = 0.f;
    bump();
    auto bundle = read_bundle(data);
    if (!bundle) {
        fail(bundle.errc(), bundle.message());
        return bundle.error();
    }
    auto episodes = decode_all(bundle.value());
    if (!episodes) {  // nothing half-loaded: either every episode or the error screen
        fail(episodes.errc(), episodes.message());
        return episodes.error();
    }
    load_episodes(std::move(episodes.value()));
    return ok_status();
}

void AppModel::load_episodes(std::vector<Episode> episodes) {
    m_phase = LoadPhase::Indexing;
    m_total_words = 0;
    for (const Episode& e : episodes) m_total_words += e.words.size();
    m_engine = std::make_unique<SearchEngine>(std::move(episodes));
    const auto& eps = m_engine->episodes();
    m_topics_by_episode.assign(eps.size(), {});
    m_topics_done.assign(eps.size(), 0);
    m_groups.clear();
    m_hits_per_episode.assign(eps.size(), 0);
    m_error = {};
    m_phase = LoadPhase::Ready;
    m_progress = 1.f;
    m_episode = 0;
    m_reader_word = 0;
    m_time_ms = 0;
    rebuild_episode_view();
    std::string q = m_query;
    m_query.clear();
    set_query(q);
    bump();
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
    m_total_words = 0;
    m_results.clear();
    m_occurrences.clear();
    m_paragraphs.clear();
    m_topics.clear();
    m_hit_flags.clear();
    bump();
}

static uint32_t to_abgr(Rgba c) {
    return (uint32_t(c.a) << 24) | (uint32_t(c.b) << 16) | (uint32_t(c.g) << 8) | uint32_t(c.r);
}

void AppModel::compute_topics(uint32_t e) {
    if (e >= m_topics_by_episode.size() || m_topics_done[e]) return;
    m_topics_done[e] = 1;
    auto tl = build_timeline(episodes()[e]);
    if (!tl) return;  // too large: the episode simply has no topic strip
    std::vector<TopicRow>& rows = m_topics_by_episode[e];
    for (const TopicSegment& s : tl->segments) {
        TopicRow r;
        r.start_word = s.start_word;
        r.end_word = s.end_word;
        r.start_ms = s.start_ms;
        r.end_ms = s.end_ms;
        r.label = s.label;
        r.keywords = s.keywords;
        r.group = s.group;
        r.color = to_abgr(s.colour);
        rows.push_back(std::move(r));
    }
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
    if (m_episode >= episodes().size()) { m_paragraphs.clear(); m_topics.clear(); return; }
    const Episode& ep = episodes()[m_episode];
    compute_topics(m_episode);
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
    m_query_error.clear();
    m_total_passages = 0;
    std::fill(m_hits_per_episode.begin(), m_hits_per_episode.end(), 0);
    m_selected_result = -1;
    m_current_occ = -1;
    if (m_engine && !m_query.empty()) {
        SearchOutput out = m_engine->run(m_query);
        m_query_error = std::move(out.error);
        m_results = std::move(out.results);
        m_occurrences = std::move(out.occurrences);
        m_total_passages = out.total_passages;
        for (const MatchRef& o : m_occurrences)
            if (o.episode < m_hits_per_episode.size()) ++m_hits_per_episode[o.episode];
    }
    rebuild_hit_flags();
    bump();
}

void AppModel::rebuild_hit_flags() {
    if (m_episode >= episodes().size()) { m_hit_flags.clear(); return; }
    m_hit_flags.assign(episodes()[m_episode].words.size(), 0);
    for (const MatchRef& o : m_occurrences) {
        if (o.episode != m_episode) continue;
        for (uint32_t w = o.word; w < o.word_end && w < m_hit_flags.size(); ++w) m_hit_flags[w] = 1;
    }
}

std::vector<uint32_t> AppModel::hit_density(uint32_t bins) const {
    std::vector<uint32_t> d(bins, 0);
    if (bins == 0 || m_episode >= episodes().size()) return d;
    const Episode& ep = episodes()[m_episode];
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

void AppModel::select_result(int i) {
    if (i < 0 || size_t(i) >= m_results.size()) { m_selected_result = -1; bump(); return; }
    m_selected_result = i;
    const ResultRow& r = m_results[size_t(i)];
    // the current occurrence becomes the one this result starts with
    for (size_t k = 0; k < m_occurrences.size(); ++k)
        if (m_occurrences[k].episode == r.episode && m_occurrences[k].word == r.word) { m_current_occ = int(k); break; }
    seek_word(r.episode, r.word);
}

void AppModel::jump_to_occurrence(int i) {
    if (m_occurrences.empty()) return;
    int n = int(m_occurrences.size());
    i = ((i % n) + n) % n;
    m_current_occ = i;
    m_selected_result = -1;
    const MatchRef& o = m_occurrences[size_t(i)];
    for (size_t k = 0; k < m_results.size(); ++k)
        if (m_results[k].episode == o.episode && m_results[k].word == o.word) { m_selected_result = int(k); break; }
    seek_word(o.episode, o.word);
}

void AppModel::next_occurrence() {
    if (m_occurrences.empty()) return;
    if (m_current_occ >= 0) { jump_to_occurrence(m_current_occ + 1); return; }
    // first occurrence at or after the reader position
    for (size_t k = 0; k < m_occurrences.size(); ++k) {
        const MatchRef& o = m_occurrences[k];
        if (o.episode > m_episode || (o.episode == m_episode && o.word >= m_reader_word)) { jump_to_occurrence(int(k)); return; }
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
    if (episode >= episodes().size()) return;
    if (episode != m_episode) {
        m_episode = episode;
        rebuild_episode_view();
    }
    bump();
}

void AppModel::seek_word(uint32_t episode, uint32_t word) {
    if (episode >= episodes().size()) return;
    set_episode(episode);
    const Episode& ep = episodes()[episode];
    if (ep.words.empty()) return;
    word = std::min<uint32_t>(word, uint32_t(ep.words.size() - 1));
    m_reader_word = word;
    m_time_ms = ep.words[word].start_ms;
    m_scroll_pending = true;
    m_scroll_word = word;
    bump();
}

void AppModel::seek(uint32_t episode, uint32_t time_ms) {
    if (episode >= episodes().size()) return;
    const Episode& ep = episodes()[episode];
    auto it = std::lower_bound(ep.words.begin(), ep.words.end(), time_ms,
                               [](const Word& w, uint32_t t) { return w.start_ms < t; });
    uint32_t word = it == ep.words.end() ? uint32_t(ep.words.size()) - 1 : uint32_t(it - ep.words.begin());
    m_current_occ = -1;
    m_selected_result = -1;
    seek_word(episode, ep.words.empty() ? 0 : word);
    m_time_ms = std::min(time_ms, ep.words.empty() ? 0u : std::max(ep.meta.duration_ms, ep.words.back().start_ms));
}

void AppModel::reader_scrolled_to(uint32_t word) {
    if (m_episode >= episodes().size() || word == m_reader_word) return;
    const Episode& ep = episodes()[m_episode];
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

void AppModel::apply_deep_link(std::string_view hash) {
    if (!hash.empty() && hash[0] == '#') hash.remove_prefix(1);
    std::string q;
    bool have_q = false;
    uint32_t ep = m_episode, t = 0;
    bool have_t = false;
    while (!hash.empty()) {
        size_t amp = hash.find('&');
        std::string_view kv = hash.substr(0, amp);
        hash = amp == std::string_view::npos ? std::string_view() : hash.substr(amp + 1);
        size_t eq = kv.find('=');
        if (eq == std::string_view::npos) continue;
        std::string_view k = kv.substr(0, eq), v = kv.substr(eq + 1);
        if (k == "q") { q = url_decode(v); have_q = true; }
        else if (k == "ep") { uint32_t e; if (parse_uint(v, e) && e < episodes().size()) ep = e; }
        else if (k == "t") { if (parse_uint(v, t)) have_t = true; }
    }
    if (have_q) set_query(q);
    if (have_t) seek(ep, uint32_t(std::min<uint64_t>(uint64_t(t) * 1000u, 0xFFFFFFFFu)));  // t <= 999999999: no wrap
    else set_episode(ep);
}

std::string AppModel::quote(uint32_t first_word, uint32_t last_word, std::string_view page_url) const {
    if (m_episode >= episodes().size()) return {};
    const Episode& ep = episodes()[m_episode];
    if (ep.words.empty()) return {};
    if (first_word > last_word) std::swap(first_word, last_word);
    last_word = std::min<uint32_t>(last_word, uint32_t(ep.words.size() - 1));
    first_word = std::min(first_word, last_word);
    std::string out = "\"";
    out.append(ep.text, ep.words[first_word].begin, ep.words[last_word].end - ep.words[first_word].begin);
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

void json_append_string(std::string& out, std::string_view s) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c == '"' || c == '\\') { out += '\\'; out += char(c); }
            else if (c == '\n') out += "\\n";
            else if (c == '\t') out += "\\t";
            else if (c < 0x20 || c == 0x7f) { out += "\\u00"; out += hex[c >> 4]; out += hex[c & 15]; }
            else out += char(c);
            ++i;
            continue;
        }
        int len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        bool valid = len > 0 && i + size_t(len) <= s.size();
        for (int k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (valid && len == 3) {
            unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) valid = false;  // overlong / surrogate
        }
        if (valid && len == 4) {
            unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) valid = false;
        }
        if (valid) { out.append(s.substr(i, size_t(len))); i += size_t(len); }
        else { out += "\\ufffd"; ++i; }
    }
    out += '"';
}

std::string AppModel::state_json() const {
    std::string j = "{\"ready\":";
    j += m_phase == LoadPhase::Ready ? "true" : "false";
    j += ",\"phase\":\"";
    j += load_phase_name(m_phase);
    j += "\",\"progress\":" + std::to_string(m_progress);
    j += ",\"query\":";
    json_append_string(j, m_query);
    j += ",\"totalHits\":" + std::to_string(m_occurrences.size());
    j += ",\"totalPassages\":" + std::to_string(m_total_passages);
    j += ",\"results\":" + std::to_string(m_results.size());
    j += ",\"selected\":" + std::to_string(m_selected_result);
    j += ",\"currentHit\":" + std::to_string(m_current_occ);
    j += ",\"episode\":" + std::to_string(m_episode);
    j += ",\"timeMs\":" + std::to_string(m_time_ms);
    j += ",\"word\":" + std::to_string(m_reader_word);
    j += ",\"episodes\":" + std::to_string(episodes().size());
    j += ",\"durationMs\":" + std::to_string(m_episode < episodes().size() ? episodes()[m_episode].meta.duration_ms : 0);
    j += ",\"words\":" + std::to_string(m_total_words);
    j += ",\"topics\":" + std::to_string(m_topics.size());
    j += ",\"hash\":";
    json_append_string(j, deep_link());
    j += ",\"queryError\":";
    if (m_query_error.empty()) j += "null";
    else json_append_string(j, m_query_error);
    j += ",\"error\":";
    if (m_phase == LoadPhase::Error) json_append_string(j, m_error.message);
    else j += "null";
    j += "}";
    return j;
}

}  // namespace tx
