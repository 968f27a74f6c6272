#include "app/model/app_model.h"

#include "core/bundle.h"

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

Status AppModel::load_bundle(Bytes data) {
    m_phase = LoadPhase::Decompressing;
    m_progress = 0.f;
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
    m_episodes = std::move(episodes.value());
    m_total_words = 0;
    for (const auto& ep : m_episodes) m_total_words += ep.words.size();
    m_phase = LoadPhase::Ready;
    m_progress = 1.f;
    m_error = {};
    return ok_status();
}

void AppModel::set_download_progress(uint64_t done, uint64_t total) {
    if (m_phase == LoadPhase::Error) return;
    m_phase = LoadPhase::Downloading;
    m_progress = total ? float(double(done) / double(total)) : 0.f;
}

void AppModel::fail(Errc code, std::string message) {
    m_phase = LoadPhase::Error;
    m_error = Error{code, std::move(message)};
    m_episodes.clear();
    m_total_words = 0;
}

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
        // validate one UTF-8 sequence
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
    j += ",\"totalHits\":0,\"episode\":0,\"timeMs\":0";
    j += ",\"episodes\":" + std::to_string(m_episodes.size());
    j += ",\"words\":" + std::to_string(m_total_words);
    j += ",\"error\":";
    if (m_phase == LoadPhase::Error) json_append_string(j, m_error.message);
    else j += "null";
    j += "}";
    return j;
}

}  // namespace tx
