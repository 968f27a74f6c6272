// app_model.h: the explorer's state, testable without ImGui or a browser.
//
// Views read the model and call its actions; the platform layer feeds it bytes and load progress.
// Nothing here draws or touches the platform.
#pragma once
#include <string>
#include <vector>

#include "core/base.h"
#include "core/episode.h"

namespace tx {

enum class LoadPhase { Waiting, Downloading, Decompressing, Indexing, Ready, Error };
const char* load_phase_name(LoadPhase p);

class AppModel {
public:
    // Load a bundle from bytes (the platform layer downloaded them). On failure the model enters
    // LoadPhase::Error with a human message and keeps nothing half-loaded.
    Status load_bundle(Bytes data);

    // The platform layer reports download progress (total = 0 when unknown).
    void set_download_progress(uint64_t done, uint64_t total);
    // Enter the error state with a message (e.g. the bundle URL returned 404).
    void fail(Errc code, std::string message);

    void set_query(std::string q) { m_query = std::move(q); }

    LoadPhase phase() const { return m_phase; }
    float progress() const { return m_progress; }  // 0..1 within the current phase
    const Error& error() const { return m_error; }
    const std::vector<Episode>& episodes() const { return m_episodes; }
    size_t total_words() const { return m_total_words; }
    const std::string& query() const { return m_query; }

    // The state as a JSON object, for the JS test/embedding API:
    // {"ready":bool,"phase":"...","query":"...","totalHits":n,"episode":i,"timeMs":t,"words":n,"error":null|"..."}
    std::string state_json() const;

private:
    LoadPhase m_phase = LoadPhase::Waiting;
    float m_progress = 0.f;
    Error m_error;
    std::vector<Episode> m_episodes;
    size_t m_total_words = 0;
    std::string m_query;
};

// Append `s` to `out` as a JSON string literal (quotes included), escaping control characters
// and replacing invalid UTF-8 with U+FFFD so the result always parses.
void json_append_string(std::string& out, std::string_view s);

}  // namespace tx
