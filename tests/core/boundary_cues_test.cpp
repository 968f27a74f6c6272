// Tests of the segmenter's experimental evidence sources: boundary-cue features and their linear
// score (boundary_cues.h), word -> cluster tables (word_table.h) and the segmenter's cluster tokens.
#include <catch.hpp>

#include <string>
#include <unordered_map>
#include <vector>

#include "core/topics/boundary_cues.h"
#include "core/topics/topics.h"
#include "core/topics/word_table.h"

using namespace tx;

namespace {

size_t column(const char* name) {
    for (size_t c = 0; c < kCueFeatureCount; ++c)
        if (std::string(kCueFeatureNames[c]) == name) return c;
    FAIL("no feature column " << name);
    return 0;
}

// Units (sentences) appended one by one; each unit's first word index is remembered.
struct DocWriter {
    TopicDocBuilder b;
    std::vector<uint32_t> starts;
    uint32_t n = 0;
    void unit(const std::string& text) {
        b.mark_unit_start();
        starts.push_back(n);
        size_t i = 0;
        while (i < text.size()) {
            size_t j = text.find(' ', i);
            if (j == std::string::npos) j = text.size();
            b.add(text.substr(i, j - i));
            ++n;
            i = j + 1;
        }
    }
};

// A word made of the letters a-r only (so plural folding never touches it), unique per i.
std::string made_up_word(char lead, uint32_t i) {
    std::string w(1, lead);
    for (int k = 0; k < 3; ++k) { w += static_cast<char>('a' + i % 18); i /= 18; }
    return w;
}

}  // namespace

TEST_CASE("boundary cue features flag spoken topic-shift openers and continuations", "[topics][cues]") {
    DocWriter w;
    w.unit("we were baking bread in the oven all morning");
    w.unit("okay so let's talk about rockets and the launch");   // 1: okay + topic phrase
    w.unit("and then the booster came back down");                // 2: continuation
    w.unit("what do you think about the moon landing");          // 3: host question
    w.unit("thank you for that now the next question is music");  // 4: thanks
    TopicDoc doc = w.b.finish();
    std::vector<uint32_t> pos(w.starts.begin() + 1, w.starts.end());
    std::vector<float> f = boundary_cue_features(doc, pos);
    REQUIRE(f.size() == pos.size() * kCueFeatureCount);
    auto at = [&](size_t row, const char* name) { return f[row * kCueFeatureCount + column(name)]; };
    CHECK(at(0, "bias") == 1);
    CHECK(at(0, "okay") == 1);
    CHECK(at(0, "topic_phrase") == 1);
    CHECK(at(0, "and_but") == 0);
    CHECK(at(1, "and_but") == 1);
    CHECK(at(1, "okay") == 0);
    CHECK(at(2, "wh_question") == 1);
    CHECK(at(2, "you_early") == 1);
    CHECK(at(3, "thank") == 1);
    CHECK(at(3, "wh_question") == 0);
}

TEST_CASE("boundary cue score is the dot product of the features with the given weights", "[topics][cues]") {
    DocWriter w;
    w.unit("first unit about gardens");
    w.unit("okay now tomatoes");
    w.unit("but the soil");
    TopicDoc doc = w.b.finish();
    std::vector<uint32_t> pos = {w.starts[1], w.starts[2]};
    std::vector<float> weights(kCueFeatureCount, 0.0f);
    weights[column("bias")] = -1.0f;
    weights[column("okay")] = 3.0f;
    weights[column("and_but")] = -2.0f;
    std::vector<float> s = boundary_cue_scores(doc, pos, weights.data());
    REQUIRE(s.size() == 2);
    CHECK(s[0] == Approx(2.0));
    CHECK(s[1] == Approx(-3.0));
    // Out-of-range positions get an all-zero row rather than reading past the document.
    std::vector<float> z = boundary_cue_features(doc, {0, 999});
    for (float x : z) CHECK(x == 0.0f);
}

TEST_CASE("cohesion drop is larger at a vocabulary switch than inside one topic", "[topics][cues]") {
    std::string text;
    const char* a[] = {"oven", "flour", "dough", "yeast", "pastry", "whisk"};
    const char* b[] = {"rocket", "orbit", "booster", "nasa", "moon", "astronaut"};
    for (int i = 0; i < 1600; ++i) text += std::string(i % 2 ? "the " : (i < 800 ? a[i % 6] : b[i % 6])) + " ";
    TopicDoc doc = topic_doc_from_text(text);
    std::vector<uint32_t> pos;
    for (uint32_t p = 100; p < 1600; p += 100) pos.push_back(p);  // 800 is pos[7]
    std::vector<float> f = boundary_cue_features(doc, pos);
    for (const char* name : {"cos_drop_100", "cos_drop_300", "novelty_300"}) {
        const size_t c = column(name);
        INFO(name);
        CHECK(f[7 * kCueFeatureCount + c] > f[3 * kCueFeatureCount + c]);
        CHECK(f[7 * kCueFeatureCount + c] > f[11 * kCueFeatureCount + c]);
    }
}

TEST_CASE("word tables parse 'word number' lines and skip lines without a number", "[topics][cues]") {
    std::unordered_map<std::string, int> t = parse_word_table("quantum 3\nheadset 17\nbroken\n\nrocket 0");
    CHECK(t.size() == 3);
    CHECK(t.at("quantum") == 3);
    CHECK(t.at("headset") == 17);
    CHECK(t.at("rocket") == 0);
    CHECK(t.count("broken") == 0);
}

// The single boundary the segmenter places when its penalty allows exactly one (bisection).
static std::vector<uint32_t> one_boundary(const TopicDoc& doc, SegmentDesc desc) {
    double lo = 0, hi = 1e5;
    std::vector<uint32_t> b;
    for (int it = 0; it < 80; ++it) {
        desc.boundary_penalty = static_cast<float>((lo + hi) / 2);
        b = segment_topics(doc, desc);
        if (b.size() == 1) break;
        if (b.size() > 1) lo = desc.boundary_penalty; else hi = desc.boundary_penalty;
    }
    return b;
}

TEST_CASE("a cluster table lets the segmenter place a boundary between topics whose words never repeat", "[topics][cues]") {
    // 300 words on one subject, then 700 on another; every content word occurs once, so exact
    // repetition carries no signal (term counts alone favour the middle), but the two parts draw
    // from two different clusters.
    std::string text;
    std::unordered_map<std::string, int> clusters;
    for (uint32_t i = 0; i < 1000; ++i) {
        if (i % 2) { text += "the "; continue; }
        const std::string w = made_up_word(i < 300 ? 'b' : 'k', i);
        clusters[w] = i < 300 ? 0 : 1;
        text += w + " ";
    }
    TopicDoc doc = topic_doc_from_text(text);
    SegmentDesc desc;
    desc.min_segment_words = 100;
    std::vector<uint32_t> plain = one_boundary(doc, desc);
    REQUIRE(plain.size() == 1);
    CHECK((plain[0] < 270 || plain[0] > 330));
    desc.clusters = &clusters;
    std::vector<uint32_t> b = one_boundary(doc, desc);
    REQUIRE(b.size() == 1);
    CHECK(b[0] >= 270);
    CHECK(b[0] <= 330);
}

TEST_CASE("cache-model and minimum-Bayes-risk segmentation still find planted vocabulary switches", "[topics][cues]") {
    // Three 600-word topics, each with its own repeated vocabulary and shared filler.
    const char* vocab[3][6] = {{"oven", "flour", "dough", "yeast", "pastry", "whisk"},
                               {"rocket", "orbit", "booster", "nasa", "moon", "astronaut"},
                               {"guitar", "chord", "melody", "drummer", "album", "tempo"}};
    std::string text;
    for (int i = 0; i < 1800; ++i) text += std::string(i % 3 ? "the" : vocab[i / 600][(i / 3) % 6]) + " ";
    TopicDoc doc = topic_doc_from_text(text);
    auto check_planted = [](const std::vector<uint32_t>& b) {
        REQUIRE(b.size() == 2);
        CHECK(b[0] >= 570);
        CHECK(b[0] <= 630);
        CHECK(b[1] >= 1170);
        CHECK(b[1] <= 1230);
    };
    SECTION("counts fading with a 100-token half-life") {
        SegmentDesc desc;
        desc.decay_tokens = 100;
        check_planted(segment_topics(doc, desc));
    }
    SECTION("minimum-Bayes-risk decoding from the boundary posterior") {
        SegmentDesc desc;
        desc.posterior_temp = 2;
        check_planted(segment_topics(doc, desc));
    }
}
