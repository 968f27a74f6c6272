// libFuzzer target: the URL-hash (deep link) parser, AppModel::apply_deep_link, on a model with
// two small loaded episodes, followed by state_json() and deep_link() (what the page reads back).
// The hash is untrusted (anyone can send a link), so every input must leave the model consistent:
//   - state_json() is always valid JSON (json_parse accepts it), whatever bytes the query holds;
//   - the episode stays in range;
//   - deep_link() round-trips the query: applying it to a fresh model gives the same query.
// Build: CC=clang CXX=clang++ cmake -B build-fuzz -DTX_FUZZ=ON && cmake --build build-fuzz --target fuzz_deeplink
#include <cstdint>
#include <string>

#include "app/model/app_model.h"
#include "core/import.h"
#include "core/json.h"

namespace {

std::vector<tx::Episode> episodes() {
    static const char* kInputs[] = {
        "the following is a conversation with mark zuckerberg about the metaverse jiu jitsu and open source ai",
        "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ann>Hello there, how is it going?\n\n"
        "00:02.000 --> 01:05.500\n<v Bob>Fine, thanks. Caf\xC3\xA9 3.0 state-of-the-art.\n",
    };
    std::vector<tx::Episode> eps;
    for (const char* t : kInputs) {
        auto e = tx::import_transcript(tx::Bytes(std::string_view(t)), {});
        if (e) eps.push_back(std::move(e.value()));
    }
    if (eps.size() != 2) __builtin_trap();
    return eps;
}

tx::AppModel& fresh_model(int which) {
    // Two models: one fuzzed, one for round trips. Loading costs more than a run, so each is loaded
    // once; apply_deep_link only ever changes query/episode/time, which the next input overwrites.
    static tx::AppModel models[2];
    static bool loaded[2] = {false, false};
    if (!loaded[which]) {
        models[which].load_episodes(episodes());
        loaded[which] = true;
    }
    models[which].set_query("");
    models[which].seek(0, 0);
    return models[which];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 4096) return 0;
    std::string_view hash(reinterpret_cast<const char*>(data), size);
    tx::AppModel& m = fresh_model(0);
    m.apply_deep_link(hash);
    if (m.episode() >= m.episodes().size()) __builtin_trap();
    std::string state = m.state_json();
    if (!tx::json_parse(state)) __builtin_trap();
    std::string link = m.deep_link();
    tx::AppModel& r = fresh_model(1);
    r.apply_deep_link(link);
    if (r.query() != m.query() || r.episode() != m.episode()) __builtin_trap();
    return 0;
}
