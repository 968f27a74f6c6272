// Protects: the explorer's model (load states, error screen data, JSON state for the JS API).
#include <catch.hpp>

#include "app/model/app_model.h"
#include "core/import.h"
#include "test_util.h"
#include "writer/bundle_writer.h"

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

TEST_CASE("a real bundle of the demo loads every episode and its words into the model") {
    std::string txt = txtest::read_file(txtest::demo_path());
    ImportDesc d;
    d.name = "demo.txt";
    auto ep = import_transcript(Bytes(txt), d);
    REQUIRE(ep.ok());
    Episode second;
    second.meta.title = "second";
    second.text = "two words";
    second.words = {{0, 3, 0, kNoSpeaker}, {4, 9, 500, kNoSpeaker}};
    auto bundle = write_bundle({ep.value(), second});
    REQUIRE(bundle.ok());
    AppModel m;
    REQUIRE(m.load_bundle(Bytes(bundle.value())).ok());
    CHECK(m.phase() == LoadPhase::Ready);
    REQUIRE(m.episodes().size() == 2);
    CHECK(m.episodes()[0].text == txt);
    CHECK(m.episodes()[1].meta.title == "second");
    CHECK(m.total_words() == count_words(txt) + 2);
    CHECK(m.state_json().find("\"error\":null") != std::string::npos);
}

TEST_CASE("a truncated bundle shows the reader's message on the error screen") {
    Episode ep;
    ep.text = "hello world";
    ep.words = {{0, 5, 0, kNoSpeaker}, {6, 11, 300, kNoSpeaker}};
    auto bundle = write_bundle({ep});
    REQUIRE(bundle.ok());
    AppModel m;
    auto st = m.load_bundle(Bytes(reinterpret_cast<const uint8_t*>(bundle->data()), bundle->size() - 3));
    CHECK(st.errc() == Errc::Truncated);
    CHECK(m.phase() == LoadPhase::Error);
    CHECK(m.error().message.find("The file is truncated at byte") == 0);
    CHECK(m.episodes().empty());
}

TEST_CASE("json_append_string escapes quotes, controls and invalid UTF-8") {
    std::string out;
    json_append_string(out, std::string("a\"b\\c\n\x01\xff\xc0\xaf") + "\xe2\x80\x99");
    CHECK(out == "\"a\\\"b\\\\c\\n\\u0001\\ufffd\\ufffd\\ufffd\xe2\x80\x99\"");
}
