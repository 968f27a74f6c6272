// Protects: the explorer's model (load states, error screen data, JSON state for the JS API).
#include <catch.hpp>
#include <zstd.h>

#include "app/model/app_model.h"
#include "test_util.h"

using namespace tx;

TEST_CASE("a corrupt bundle puts the model in the error state with a message") {
    AppModel m;
    std::string junk = "definitely not a bundle";
    auto st = m.load_bundle(Bytes(junk));
    CHECK_FALSE(st.ok());
    CHECK(m.phase() == LoadPhase::Error);
    CHECK_FALSE(m.error().message.empty());
    CHECK(m.episodes().empty());
    CHECK(m.state_json().find("\"error\":null") == std::string::npos);
}

TEST_CASE("json_append_string escapes quotes, controls and invalid UTF-8") {
    std::string out;
    json_append_string(out, std::string("a\"b\\c\n\x01\xff\xc0\xaf") + "\xe2\x80\x99");
    CHECK(out == "\"a\\\"b\\\\c\\n\\u0001\\ufffd\\ufffd\\ufffd\xe2\x80\x99\"");
}
