// Tests of the topic engine: segmentation on planted topic shifts, determinism, labels, timeline
// data, archive grouping, hit density, the Pk/WindowDiff scorer, and the dev-set evaluation.
#include <catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "core/text.h"
#include "core/topics/labels_internal.h"
#include "core/topics/segscore.h"
#include "core/topics/topics.h"
#include "test_util.h"

using namespace tx;

namespace {

// Deterministic text with planted topics: each topic is `words` words mixing fillers/function
// words, words shared by all topics, and the topic's own vocabulary.
struct Lcg {
    uint64_t s;
    uint32_t next(uint32_t n) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<uint32_t>((s >> 33) % n);
    }
};

const std::vector<std::vector<std::string>> kTopics = {
    {"oven", "flour", "butter", "dough", "bake", "sugar", "recipe", "bread", "yeast", "kitchen", "pastry", "whisk"},
    {"rocket", "orbit", "launch", "mars", "astronaut", "satellite", "gravity", "telescope", "nasa", "moon", "spacecraft", "booster"},
    {"goalkeeper", "penalty", "striker", "referee", "league", "stadium", "midfield", "football", "coach", "season", "tackle", "dribble"},
    {"guitar", "chord", "melody", "drummer", "album", "concert", "lyrics", "bass", "studio", "vinyl", "tempo", "band"},
};
const std::vector<std::string> kFiller = {"um", "uh", "you", "know", "i", "mean", "like", "kind", "of",
                                          "the", "and", "so", "yeah", "it", "is", "that", "we", "really"};
const std::vector<std::string> kShared = {"people", "stuff", "problem", "question", "moment", "interesting",
                                          "basically", "story", "minute", "example"};

std::string planted_text(const std::vector<int>& topic_order, uint32_t words_each, uint64_t seed) {
    Lcg r{seed};
    std::string out;
    for (int t : topic_order) {
        for (uint32_t i = 0; i < words_each; ++i) {
            uint32_t x = r.next(10);
            const std::string& w = x < 5   ? kFiller[r.next(static_cast<uint32_t>(kFiller.size()))]
                                   : x < 7 ? kShared[r.next(static_cast<uint32_t>(kShared.size()))]
                                           : kTopics[t][r.next(static_cast<uint32_t>(kTopics[t].size()))];
            out += w;
            out += ' ';
        }
    }
    return out;
}

bool near_any(uint32_t b, const std::vector<uint32_t>& refs, uint32_t tol) {
    for (uint32_t r : refs)
        if ((b > r ? b - r : r - b) <= tol) return true;
    return false;
}

// A dev-set document BASE.txt with its reference boundaries (BASE.ref) and sentence starts
// (BASE.sents, as the segmenter's units). @return false when the document is absent.
bool load_dev_doc(const std::string& base, TopicDoc& d, std::vector<uint32_t>& ref) {
    if (!txtest::exists(base + ".txt")) return false;
    d = topic_doc_from_text(txtest::read_file(base + ".txt"));
    ref.clear();
    std::vector<uint32_t> units;
    std::istringstream rs(txtest::read_file(base + ".ref")), us(txtest::read_file(base + ".sents"));
    uint32_t x;
    while (rs >> x) ref.push_back(x);
    while (us >> x)
        if (x > 0 && x < d.size()) units.push_back(x);
    d.units = units;
    return true;
}

}  // namespace

TEST_CASE("segmenter finds planted topic shifts between clearly different vocabularies", "[topics]") {
    TopicDoc doc = topic_doc_from_text(planted_text({0, 1, 2, 3}, 400, 7));
    REQUIRE(doc.size() == 1600);
    std::vector<uint32_t> b = segment_topics(doc);
    REQUIRE(b.size() == 3);
    for (uint32_t x : b) CHECK(near_any(x, {400, 800, 1200}, 40));
}

TEST_CASE("segmenter puts no boundary inside a single-topic document", "[topics]") {
    TopicDoc doc = topic_doc_from_text(planted_text({1}, 1500, 11));
    CHECK(segment_topics(doc).empty());
}

TEST_CASE("segmenter uses unit starts as the only candidate boundaries", "[topics]") {
    TopicDoc doc = topic_doc_from_text(planted_text({0, 2}, 500, 3));
    // Units every 37 words, plus one exactly at the planted shift.
    std::vector<uint32_t> units;
    for (uint32_t u = 37; u < doc.size(); u += 37) units.push_back(u);
    units.push_back(500);
    std::sort(units.begin(), units.end());
    doc.units = units;
    std::vector<uint32_t> b = segment_topics(doc);
    REQUIRE(b.size() == 1);
    CHECK(std::find(units.begin(), units.end(), b[0]) != units.end());
    CHECK(near_any(b[0], {500}, 37));
}

TEST_CASE("segmentation, labels and groups are deterministic across runs", "[topics]") {
    std::string text = planted_text({0, 1, 0, 3}, 350, 42);
    auto a = build_timeline(topic_doc_from_text(text));
    auto b = build_timeline(topic_doc_from_text(text));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(a->segments.size() == b->segments.size());
    for (size_t i = 0; i < a->segments.size(); ++i) {
        CHECK(a->segments[i].start_word == b->segments[i].start_word);
        CHECK(a->segments[i].label == b->segments[i].label);
        CHECK(a->segments[i].group == b->segments[i].group);
    }
}

TEST_CASE("a topic that comes back later shares its group and colour", "[topics]") {
    auto tl = build_timeline(topic_doc_from_text(planted_text({0, 1, 0, 3}, 350, 42)));
    REQUIRE(tl.ok());
    REQUIRE(tl->segments.size() == 4);
    CHECK(tl->segments[0].group == tl->segments[2].group);
    CHECK(tl->segments[1].group != tl->segments[0].group);
    CHECK(tl->segments[3].group != tl->segments[0].group);
    CHECK(tl->segments[3].group != tl->segments[1].group);
    CHECK(tl->segments[2].colour.r == tl->segments[0].colour.r);
    CHECK(tl->group_count == 3);
}

TEST_CASE("labels come from the segment's own vocabulary and exclude spoken fillers", "[topics]") {
    auto tl = build_timeline(topic_doc_from_text(planted_text({0, 1, 2}, 500, 5)));
    REQUIRE(tl.ok());
    REQUIRE(tl->segments.size() == 3);
    for (size_t s = 0; s < 3; ++s) {
        const TopicSegment& seg = tl->segments[s];
        REQUIRE(!seg.keywords.empty());
        CHECK(!seg.label.empty());
        // The first keyword belongs to the planted topic; fillers and everyday words never appear.
        const auto& vocab = kTopics[s];
        std::string first = seg.keywords[0];
        bool in_topic = false;
        for (const auto& w : vocab) in_topic = in_topic || first.find(w) != std::string::npos;
        CHECK(in_topic);
        for (const std::string& kw : seg.keywords)
            for (const char* bad : {"um", "uh", "you know", "like", "kind", "yeah", "really", "stuff", "basically"})
                CHECK(kw != bad);
    }
}

TEST_CASE("labels prefer a repeated two-word phrase over its parts", "[topics]") {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "so um the open source model is you know open source and weights ";
    TopicDoc doc = topic_doc_from_text(text);
    auto kw = label_segments(doc, {});
    REQUIRE(kw.size() == 1);
    REQUIRE(!kw[0].empty());
    CHECK(kw[0][0] == "open source");
    for (const auto& k : kw[0]) {
        CHECK(k != "open");
        CHECK(k != "source");
    }
}

// A bigram label is shown as it was said: the terms fold plurals ("policies" and "policy" are one
// term whose most frequent form is "policies"), so joining the terms' forms gave "policies gradient".
TEST_CASE("labels show a two-word phrase as it was said, not as its terms' most frequent forms", "[topics]") {
    std::string text;
    for (int i = 0; i < 30; ++i) text += "the policy gradient method learns many policies and policies improve policies with the policy gradient ";
    TopicDoc doc = topic_doc_from_text(text);
    REQUIRE(doc.display[doc.terms[1]] == "policies");  // the term's most frequent form
    auto kw = label_segments(doc, {});
    REQUIRE(kw.size() == 1);
    CHECK(std::find(kw[0].begin(), kw[0].end(), "policy gradient") != kw[0].end());
    CHECK(std::find(kw[0].begin(), kw[0].end(), "policies gradient") == kw[0].end());
}

TEST_CASE("stop list covers fillers and function words but not topic words", "[topics]") {
    for (const char* w : {"um", "uh", "like", "yeah", "gonna", "the", "you", "know", "mean", "kind"})
        CHECK(is_topic_stop_word(w));
    for (const char* w : {"llama", "headset", "jiujitsu", "rocket"}) CHECK_FALSE(is_topic_stop_word(w));
}

TEST_CASE("text adapter keeps one word per whitespace token and folds plurals", "[topics]") {
    TopicDoc d = topic_doc_from_text("  Headsets, headset!  --- Zuckerberg's  ");
    REQUIRE(d.size() == 4);
    CHECK(d.terms[0] == d.terms[1]);
    CHECK(d.terms[0] != kNoTopicTerm);
    CHECK(d.terms[2] == kNoTopicTerm);  // "---" has no letters: a topic-less word, index kept
    CHECK(d.vocab[d.terms[3]] == "zuckerberg");
    CHECK(d.start_ms.empty());
}

TEST_CASE("labels keep accented and non-Latin letters, lower-cased", "[topics]") {
    // Labels once dropped every non-ASCII byte ("café" became "caf").
    TopicDoc d = topic_doc_from_text("Café CAFÉ naïve Résumé ПРИВЕТ Ελλάδα Łódź don’t");
    REQUIRE(d.size() == 8);
    CHECK(d.terms[0] == d.terms[1]);
    REQUIRE(d.terms[0] != kNoTopicTerm);
    CHECK(d.display[d.terms[0]] == "café");
    CHECK(d.display[d.terms[2]] == "naïve");
    CHECK(d.display[d.terms[3]] == "résumé");
    REQUIRE(d.terms[4] != kNoTopicTerm);
    CHECK(d.display[d.terms[4]] == "привет");
    REQUIRE(d.terms[5] != kNoTopicTerm);
    CHECK(d.display[d.terms[5]] == "ελλάδα");
    CHECK(d.display[d.terms[6]] == "łódź");
    CHECK(d.surface[d.word_ids[7]] == "don't");  // a typographic apostrophe reads as '
    std::string text;
    for (int i = 0; i < 40; ++i) text += "so the café serves crème brûlée and the café is open ";
    auto kw = label_segments(topic_doc_from_text(text), {});
    REQUIRE(kw.size() == 1);
    REQUIRE(!kw[0].empty());
    bool cafe = false;
    for (const auto& k : kw[0]) cafe = cafe || k.find("café") != std::string::npos;
    CHECK(cafe);
}

TEST_CASE("episode adapter lowercases words, copies times and turns cue starts into units", "[topics]") {
    Episode ep;
    ep.text = "Rocket LAUNCH today. Mars orbit!";
    const uint32_t b[5][2] = {{0, 6}, {7, 13}, {14, 20}, {21, 25}, {26, 32}};
    for (int i = 0; i < 5; ++i) {
        Word w;
        w.begin = b[i][0];
        w.end = b[i][1];
        w.start_ms = 1000u * i;
        ep.words.push_back(w);
    }
    ep.words.push_back(Word{100, 120, 6000, kNoSpeaker});  // bytes outside the text: no crash
    ep.cues = {{0, 3, 0, 3000}, {3, 3, 3000, 7000}};
    TopicDoc d = topic_doc_from_episode(ep);
    REQUIRE(d.size() == 6);
    CHECK(d.vocab[d.terms[1]] == "launch");
    CHECK(d.vocab[d.terms[4]] == "orbit");
    CHECK(d.terms[5] == kNoTopicTerm);
    CHECK(d.units == std::vector<uint32_t>{3});
    CHECK(d.start_ms[4] == 4000);
}

// Raw speech-to-text output has no punctuation: sentence starts are guessed from the words either
// side of each gap, so topic boundaries can fall where a speaker turns ("yeah so let me ask you")
// instead of in the middle of a phrase.
TEST_CASE("guessed sentence starts fall where speech turns, never inside a phrase, at most 30 words apart", "[topics]") {
    std::string text;
    for (int i = 0; i < 6; ++i)
        text += "i think the future of the open source model is going to be great for the developers of the world "
                "yeah so let me ask you about the headset ";
    TopicDoc d = topic_doc_from_text(text);
    REQUIRE(d.units.size() * 60 >= d.size());  // guessed: the text has no punctuation at all
    auto word = [&](uint32_t i) { return d.surface[d.word_ids[i]]; };
    int turns = 0;
    for (uint32_t i = 1; i < d.size(); ++i) {
        const bool unit = std::binary_search(d.units.begin(), d.units.end(), i);
        if (word(i - 1) == "yeah" && word(i) == "so") {
            CHECK(unit);
            turns += unit;
        }
        if (word(i - 1) == "the" || word(i - 1) == "of") CHECK_FALSE(unit);  // never after "the" / "of"
    }
    CHECK(turns == 6);
    // a stretch with no likely start still gets candidates: never more than 30 words apart
    std::string flat;
    for (int i = 0; i < 40; ++i) flat += "the cat of the dog ";
    TopicDoc f = topic_doc_from_text(flat);
    std::vector<uint32_t> u = f.units;
    u.insert(u.begin(), 0);
    u.push_back(static_cast<uint32_t>(f.size()));
    for (size_t k = 1; k < u.size(); ++k) CHECK(u[k] - u[k - 1] <= 30);
    CHECK(guess_sentence_starts(topic_doc_from_text("")).empty());
    CHECK(guess_sentence_starts(topic_doc_from_text("one")).empty());
}

TEST_CASE("text adapter takes units from sentence punctuation and guesses only when there is too little", "[topics]") {
    std::string text;
    for (int i = 0; i < 30; ++i) text += "The rocket launched today. Did it reach orbit? \"Yes!\" (It did.) ";
    TopicDoc d = topic_doc_from_text(text);
    REQUIRE(d.size() == 30u * 11);
    std::vector<uint32_t> want;  // after "today.", "orbit?", "\"Yes!\"" and "did.)"
    for (uint32_t i = 0; i < 30; ++i)
        for (uint32_t at : {4u, 8u, 9u, 11u})
            if (i * 11 + at < d.size()) want.push_back(i * 11 + at);
    CHECK(d.units == want);
    // one full stop in 400 words is too little punctuation to trust alone: guesses are added
    std::string sparse;
    for (int i = 0; i < 100; ++i) sparse += "yeah so we went home ";
    sparse += "end.";
    TopicDoc s = topic_doc_from_text(sparse);
    CHECK(s.units.size() > 50);
}

// The importer cuts plain-text cues with sentence_starts(), a lean copy of what the topic adapter
// computes; both must agree or cues and topic boundaries would disagree about sentences.
TEST_CASE("sentence_starts of a plain-text episode equals the topic adapter's units", "[topics]") {
    const std::string texts[] = {
        std::string(), "one", "Hello there. How are you? Fine!",
        [] { std::string t; for (int i = 0; i < 300; ++i) t += "so we went to the shop yeah and then it rained "; return t; }(),
        [] { std::string t; for (int i = 0; i < 200; ++i) t += "we talked about Café crème (really!) and " + std::string(i % 9 ? "more " : "more. "); return t; }(),
    };
    for (const std::string& text : texts) {
        Episode ep;
        ep.text = text;
        std::vector<WordSpan> spans;
        split_words(ep.text, spans);
        for (size_t i = 0; i < spans.size(); ++i) ep.words.push_back(Word{spans[i].begin, spans[i].end, uint32_t(i) * 400, kNoSpeaker});
        ep.meta.times_estimated = true;
        INFO(text.substr(0, 60));
        CHECK(sentence_starts(ep) == topic_doc_from_episode(ep).units);
    }
    const Episode demo = txtest::demo_episode();
    CHECK(sentence_starts(demo) == topic_doc_from_episode(demo).units);
}

TEST_CASE("plain-text episodes take units from punctuation and guesses, not from their fixed-block cues", "[topics]") {
    // an episode whose cues are fixed 50-word blocks (times estimated, as plain text once had)
    Episode ep;
    for (int i = 0; i < 40; ++i) ep.text += "we built the rocket yeah so then the launch happened ";
    std::vector<WordSpan> spans;
    split_words(ep.text, spans);
    for (size_t i = 0; i < spans.size(); ++i) ep.words.push_back(Word{spans[i].begin, spans[i].end, uint32_t(i) * 400, kNoSpeaker});
    for (uint32_t f = 0; f < ep.words.size(); f += 50)
        ep.cues.push_back(Cue{f, std::min<uint32_t>(50, uint32_t(ep.words.size()) - f), f * 400, (f + 50) * 400});
    ep.meta.times_estimated = true;
    TopicDoc d = topic_doc_from_episode(ep);
    size_t at_turn = 0;
    for (uint32_t u : d.units) {
        CHECK(d.surface[d.word_ids[u - 1]] != "the");  // never inside "the rocket" / "the launch"
        at_turn += d.surface[d.word_ids[u - 1]] == "yeah" && d.surface[d.word_ids[u]] == "so";
    }
    CHECK(at_turn == 40);
    size_t on_cue = 0;  // block starts (every 50 words) fall at a turn only when 50k = 10j + 5
    for (const Cue& c : ep.cues) on_cue += c.first_word > 0 && std::binary_search(d.units.begin(), d.units.end(), c.first_word);
    CHECK(on_cue == 0);
    ep.meta.times_estimated = false;  // real cues (VTT, SRT): their starts are the units
    std::vector<uint32_t> cue_starts;
    for (const Cue& c : ep.cues)
        if (c.first_word > 0) cue_starts.push_back(c.first_word);
    CHECK(topic_doc_from_episode(ep).units == cue_starts);
}

TEST_CASE("timeline segments tile the episode, carry times, and chapters pass through", "[topics]") {
    TopicDocBuilder bld;
    bld.set_has_times(true);
    std::istringstream in(planted_text({1, 2}, 600, 9));
    std::string w;
    uint32_t t = 0;
    while (in >> w) { bld.add(w, t); t += 400; }
    TopicDoc doc = bld.finish();
    std::vector<Chapter> ch = {{0, "Intro"}, {200000, "Football"}};
    auto tl = build_timeline(doc, {}, ch, 600000);
    REQUIRE(tl.ok());
    REQUIRE(tl->segments.size() == 2);
    CHECK(tl->segments[0].start_word == 0);
    CHECK(tl->segments[0].end_word == tl->segments[1].start_word);
    CHECK(tl->segments[1].end_word == 1200);
    CHECK(tl->segments[1].start_ms == tl->segments[1].start_word * 400);
    CHECK(tl->segments[0].end_ms == tl->segments[1].start_ms);
    CHECK(tl->segments[1].end_ms == 600000);
    REQUIRE(tl->chapters.size() == 2);
    CHECK(tl->chapters[1].title == "Football");
}

TEST_CASE("empty and tiny documents give an empty or single-segment timeline", "[topics]") {
    auto e = build_timeline(topic_doc_from_text(""));
    REQUIRE(e.ok());
    CHECK(e->segments.empty());
    auto one = build_timeline(topic_doc_from_text("hello"));
    REQUIRE(one.ok());
    REQUIRE(one->segments.size() == 1);
    CHECK(one->segments[0].end_word == 1);
}

TEST_CASE("palette colours are opaque, distinct, and mid-luminance for both UI themes", "[topics]") {
    for (uint32_t g = 0; g < 12; ++g) {
        Rgba c = topic_colour(g);
        CHECK(c.a == 255);
        double lum = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
        CHECK(lum > 70);
        CHECK(lum < 190);
        for (uint32_t h = 0; h < g; ++h) {
            Rgba d = topic_colour(h);
            CHECK((c.r != d.r || c.g != d.g || c.b != d.b));
        }
    }
    CHECK(topic_colour(13).r == topic_colour(1).r);
}

TEST_CASE("recurring topics group segments from different episodes", "[topics]") {
    auto a = build_timeline(topic_doc_from_text(planted_text({0, 1}, 500, 1)));
    auto b = build_timeline(topic_doc_from_text(planted_text({2, 1}, 500, 2)));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(a->segments.size() == 2);
    REQUIRE(b->segments.size() == 2);
    auto groups = group_recurring({&a.value(), &b.value()});
    REQUIRE(groups.size() == 1);
    REQUIRE(groups[0].members.size() == 2);
    CHECK(groups[0].members[0].episode == 0);
    CHECK(groups[0].members[0].segment == 1);
    CHECK(groups[0].members[1].episode == 1);
    CHECK(groups[0].members[1].segment == 1);
    bool space_word = false;
    for (const auto& w : kTopics[1]) space_word = space_word || groups[0].label.find(w) != std::string::npos;
    CHECK(space_word);
}

TEST_CASE("hit density bins hits along the episode and ignores out-of-range positions", "[topics]") {
    std::vector<float> d = hit_density({0, 1, 99, 500}, 100, 4);
    REQUIRE(d.size() == 4);
    CHECK(d[0] == Approx(1.0));
    CHECK(d[1] == Approx(0.0));
    CHECK(d[2] == Approx(0.0));
    CHECK(d[3] == Approx(0.5));
    CHECK(hit_density({}, 100, 3) == std::vector<float>(3, 0.0f));
    CHECK(hit_density({1}, 0, 3).empty());
    CHECK(hit_density({1}, 10, 0).empty());
}

// Hand-computed on 10 units, reference boundary at 5, k = round(10/4) = round(2.5) = 2.
TEST_CASE("scorer matches hand-computed Pk and WindowDiff on tiny examples", "[topics][segscore]") {
    // No hypothesis boundary: the probes (3,5) and (4,6) straddle the reference boundary only.
    CHECK(seg_pk({5}, {}, 10) == Approx(2.0 / 8));
    CHECK(seg_windowdiff({5}, {}, 10) == Approx(2.0 / 8));
    // Off by one (hyp at 6): disagreement at i=3 (ref only) and i=5 (hyp only).
    CHECK(seg_pk({5}, {6}, 10) == Approx(2.0 / 8));
    CHECK(seg_windowdiff({5}, {6}, 10) == Approx(2.0 / 8));
    CHECK(seg_pk({5}, {5}, 10) == Approx(0.0));
    // Two hypothesis boundaries inside one window: Pk does not see it, WindowDiff does.
    CHECK(seg_pk({5}, {5, 6}, 10) == Approx(1.0 / 8));  // only the probe pair (5,7) disagrees
    CHECK(seg_windowdiff({5}, {5, 6}, 10) == Approx(2.0 / 8));  // windows i=4 and i=5
}

TEST_CASE("scorer window size rounds half to even and is at least 2", "[topics][segscore]") {
    CHECK(seg_window_size({5}, 10) == 2);   // 2.5 -> 2
    CHECK(seg_window_size({7}, 14) == 4);   // 3.5 -> 4
    CHECK(seg_window_size({6}, 12) == 3);
    CHECK(seg_window_size({2, 5, 8}, 10) == 2);  // 1.25 -> 1 -> at least 2
}

TEST_CASE("boundary F1 matches greedily within the tolerance", "[topics][segscore]") {
    SegPrf p = seg_boundary_prf({10, 20}, {11, 30}, 2);
    CHECK(p.precision == Approx(0.5));
    CHECK(p.recall == Approx(0.5));
    CHECK(p.f1 == Approx(0.5));
    CHECK(seg_boundary_prf({}, {}, 2).f1 == Approx(1.0));
    CHECK(seg_boundary_prf({10}, {}, 2).f1 == Approx(0.0));
}

// Dev-set check on a slice of Choi's set (written text, strong shifts): the segmenter must beat
// the "no boundaries" and "even split" baselines by a clear margin. Skips without ../shared.
TEST_CASE("dev set: segmenter beats both baselines on a slice of Choi's set", "[topics][shared]") {
    TX_REQUIRE_SHARED("data/topics/choi");
    const std::string dir = txtest::shared_dir() + "/data/topics/choi/";
    double pk = 0, none = 0, even = 0;
    int docs = 0;
    for (int i = 0; i < 30; ++i) {
        TopicDoc d;
        std::vector<uint32_t> ref;
        if (!load_dev_doc(dir + "choi_1_3-11_" + std::to_string(i), d, ref)) continue;
        const uint32_t n = static_cast<uint32_t>(d.size());
        std::vector<uint32_t> ev;
        for (size_t s = 1; s <= ref.size(); ++s)
            ev.push_back(static_cast<uint32_t>(std::nearbyint(double(s) * n / (ref.size() + 1))));
        pk += seg_pk(ref, segment_topics(d), n);
        none += seg_pk(ref, {}, n);
        even += seg_pk(ref, ev, n);
        ++docs;
    }
    REQUIRE(docs >= 20);
    pk /= docs; none /= docs; even /= docs;
    INFO("Pk " << pk << " none " << none << " even " << even);
    CHECK(pk < 0.30);
    CHECK(pk < none - 0.1);
    CHECK(pk < even - 0.1);
}

// Podcast dev set (spoken, chapter marks from the shows): without being told the number of
// segments the segmenter must stay clearly below "no boundaries". Skips without ../shared.
TEST_CASE("dev set: segmenter beats 'no boundaries' on the podcast set", "[topics][shared]") {
    TX_REQUIRE_SHARED("data/topics/podcasts");
    const std::string dir = txtest::shared_dir() + "/data/topics/podcasts/";
    const char* ids[] = {"podcast_joe1070", "podcast_joe1076", "podcast_joe1080", "podcast_katy102",
                         "podcast_katy104", "podcast_katy111", "podcast_katy113", "podcast_katy115",
                         "podcast_katy81",  "podcast_katy83",  "podcast_katy85",  "podcast_katy87",
                         "podcast_katy90",  "podcast_katy93",  "podcast_katy95",  "podcast_katy97",
                         "podcast_katy99",  "podcast_tim351",  "podcast_tim353",  "podcast_tim356",
                         "podcast_tim358",  "podcast_tim360",  "podcast_tim362"};
    double pk = 0, none = 0;
    int docs = 0;
    for (const char* id : ids) {
        TopicDoc d;
        std::vector<uint32_t> ref;
        if (!load_dev_doc(dir + id, d, ref)) continue;
        const uint32_t n = static_cast<uint32_t>(d.size());
        pk += seg_pk(ref, segment_topics(d), n);
        none += seg_pk(ref, {}, n);
        ++docs;
    }
    REQUIRE(docs >= 20);
    pk /= docs;
    none /= docs;
    INFO("Pk " << pk << " none " << none);
    CHECK(pk < none - 0.03);
}

// The sentence-start tables are learnt on another corpus (scripts/gen_sentence_starts.py); on the
// podcast dev set's own sentence marks the guesses must land far above the chance rate, and using
// them must not place topic boundaries worse than fixed word blocks do.
TEST_CASE("dev set: guessed sentence starts hit real ones far above chance on the podcast set", "[topics][shared]") {
    TX_REQUIRE_SHARED("data/topics/podcasts");
    const std::string dir = txtest::shared_dir() + "/data/topics/podcasts/";
    const char* ids[] = {"podcast_joe1070", "podcast_katy102", "podcast_katy81", "podcast_katy99", "podcast_tim351", "podcast_tim360"};
    size_t hits = 0, guessed = 0, real = 0, words = 0;
    for (const char* id : ids) {
        TopicDoc d;
        std::vector<uint32_t> ref;
        if (!load_dev_doc(dir + id, d, ref)) continue;
        std::vector<uint32_t> g = guess_sentence_starts(d);
        for (uint32_t x : g) hits += std::binary_search(d.units.begin(), d.units.end(), x);
        guessed += g.size();
        real += d.units.size();
        words += d.size();
    }
    REQUIRE(guessed > 0);
    const double precision = double(hits) / guessed, chance = double(real) / words;
    INFO("precision " << precision << " chance " << chance << " words per guess " << double(words) / guessed);
    CHECK(precision > 4 * chance);
    CHECK(double(words) / guessed < 30);  // dense enough to be candidates
}

TEST_CASE("inconsistent hand-built documents are rejected with a clear error, not a crash", "[topics]") {
    TopicDoc d = topic_doc_from_text(planted_text({0, 1}, 300, 4));
    TopicDoc bad_term = d;
    bad_term.terms[17] = static_cast<TermId>(d.vocab.size() + 5);
    auto r1 = build_timeline(bad_term);
    CHECK(r1.errc() == Errc::InvalidArgument);
    CHECK(r1.message().find("word 17") != std::string::npos);
    // The lower-level calls tolerate it (the bad id counts as a topic-less word).
    CHECK(label_segments(bad_term, {300}).size() == 2);
    CHECK_FALSE(segment_topics(bad_term).empty());

    TopicDoc bad_times = d;
    bad_times.start_ms = {1, 2, 3};
    CHECK(build_timeline(bad_times).errc() == Errc::InvalidArgument);

    TopicDoc bad_display = d;
    bad_display.display.pop_back();
    CHECK(build_timeline(bad_display).errc() == Errc::InvalidArgument);

    TopicDoc junk_units = d;  // unsorted, duplicate and out-of-range units are ignored
    junk_units.units = {900, 5, 5, 0, 100000, 300, 120};
    auto r2 = build_timeline(junk_units);
    REQUIRE(r2.ok());
    CHECK(r2->segments.back().end_word == d.size());
}

TEST_CASE("archive grouping does not chain look-alikes into one blob", "[topics]") {
    // A ~ B and B ~ C (cosine 0.71) but A and C share nothing: B joins one of them, never both.
    auto make = [](std::vector<TermWeight> profile, std::vector<std::string> kw) {
        TopicTimeline t;
        TopicSegment s;
        s.end_word = 100;
        s.profile = std::move(profile);
        s.keywords = std::move(kw);
        t.segments.push_back(s);
        t.word_count = 100;
        return t;
    };
    const float h = 0.70710678f;
    TopicTimeline a = make({{"rocket", "rockets", 1.0f}}, {"rockets"});
    TopicTimeline b = make({{"rocket", "rocket", h}, {"guitar", "guitar", h}}, {"rocket", "guitar"});
    TopicTimeline c = make({{"guitar", "guitars", 1.0f}}, {"guitars"});
    auto groups = group_recurring({&a, &b, &c}, 0.5f);
    REQUIRE(groups.size() == 1);
    REQUIRE(groups[0].members.size() == 2);
    CHECK(groups[0].members[0].episode == 0);
    CHECK(groups[0].members[1].episode == 1);
    CHECK(groups[0].label.find("rocket") != std::string::npos);
}

// Protects RecurringGrouper (the page groups an archive's segments in frame-sized pieces, from
// profiles kept as each episode's timeline is built, in any order): the same groups as at once.
TEST_CASE("recurring topics found in small pieces, episodes added out of order, equal those found at once", "[topics]") {
    const char* topics[] = {"telescope galaxy orbit planet nebula comet asteroid astronomer ",
                            "recipe oven flour butter dough bake pastry sugar whisk ",
                            "goalkeeper striker penalty stadium referee midfield tackle ",
                            "violin orchestra melody chord symphony cello rhythm concerto "};
    std::vector<TopicTimeline> tls;
    for (int e = 0; e < 5; ++e) {
        std::string text;
        for (int part = 0; part < 3; ++part)
            for (int k = 0; k < 40; ++k) text += std::string(topics[(e + part * (e % 2 + 1)) % 4]) + "the and we. ";
        auto tl = build_timeline(topic_doc_from_text(text));
        REQUIRE(tl.ok());
        tls.push_back(std::move(tl.value()));
    }
    std::vector<const TopicTimeline*> ptrs = {&tls[0], nullptr, &tls[1], &tls[2], &tls[3], &tls[4]};
    const auto whole = group_recurring(ptrs);
    REQUIRE(!whole.empty());
    RecurringGrouper g;
    for (uint32_t e : {5u, 0u, 3u, 2u, 4u}) g.add(e, *ptrs[e]);  // episode 1: never added (null)
    CHECK(g.memory_bytes() > 0);
    int steps = 0;
    while (!g.step(1)) REQUIRE(++steps < 100000);
    CHECK(steps > 10);
    const auto pieces = g.take();
    REQUIRE(pieces.size() == whole.size());
    for (size_t i = 0; i < whole.size(); ++i) {
        CHECK(pieces[i].label == whole[i].label);
        CHECK(pieces[i].colour.r == whole[i].colour.r);
        REQUIRE(pieces[i].members.size() == whole[i].members.size());
        for (size_t k = 0; k < whole[i].members.size(); ++k) {
            CHECK(pieces[i].members[k].episode == whole[i].members[k].episode);
            CHECK(pieces[i].members[k].segment == whole[i].members[k].segment);
        }
    }
}

TEST_CASE("a short segment without repeated words still gets a label from its rarest words", "[topics]") {
    auto tl = build_timeline(topic_doc_from_text("um so the rocket launch went to mars while the chef baked bread"));
    REQUIRE(tl.ok());
    REQUIRE(tl->segments.size() == 1);
    const auto& kw = tl->segments[0].keywords;
    REQUIRE(!kw.empty());
    CHECK(kw.size() <= 3);
    for (const std::string& k : kw) {
        CHECK(k != "um");
        CHECK(k != "the");
        CHECK(k != "went");
    }
}

namespace {

// An episode of planted topics with word byte ranges, times (350 ms a word) and a cue every 12 words.
Episode planted_episode(const std::vector<int>& order, uint32_t words_each, uint64_t seed) {
    Episode ep;
    ep.text = planted_text(order, words_each, seed);
    size_t i = 0;
    while (i < ep.text.size()) {
        size_t j = ep.text.find(' ', i);
        if (j == std::string::npos) j = ep.text.size();
        if (j > i) ep.words.push_back(Word{uint32_t(i), uint32_t(j), uint32_t(ep.words.size() * 350), kNoSpeaker});
        i = j + 1;
    }
    for (uint32_t w = 0; w < ep.words.size(); w += 12) {
        uint32_t n = std::min<uint32_t>(12, uint32_t(ep.words.size()) - w);
        ep.cues.push_back(Cue{w, n, ep.words[w].start_ms, ep.words[w + n - 1].start_ms + 350});
    }
    ep.meta.duration_ms = uint32_t(ep.words.size() * 350);
    ep.meta.chapters = {{0, "Start"}};
    return ep;
}

void require_same_timeline(const TopicTimeline& a, const TopicTimeline& b) {
    REQUIRE(a.segments.size() == b.segments.size());
    CHECK(a.word_count == b.word_count);
    CHECK(a.duration_ms == b.duration_ms);
    CHECK(a.group_count == b.group_count);
    CHECK(a.chapters.size() == b.chapters.size());
    for (size_t i = 0; i < a.segments.size(); ++i) {
        const TopicSegment &x = a.segments[i], &y = b.segments[i];
        CHECK(x.start_word == y.start_word);
        CHECK(x.end_word == y.end_word);
        CHECK(x.start_ms == y.start_ms);
        CHECK(x.end_ms == y.end_ms);
        CHECK(x.label == y.label);
        CHECK(x.keywords == y.keywords);
        CHECK(x.group == y.group);
        REQUIRE(x.profile.size() == y.profile.size());
        for (size_t k = 0; k < x.profile.size(); ++k) {
            CHECK(x.profile[k].term == y.profile[k].term);
            CHECK(x.profile[k].weight == y.profile[k].weight);  // bit-identical: same arithmetic
        }
    }
}

}  // namespace

TEST_CASE("segmentation run in pieces never exceeds its work budget per call and equals the one-shot result", "[topics]") {
    TopicDoc doc = topic_doc_from_text(planted_text({0, 1, 2, 0, 3, 1}, 700, 17));
    const std::vector<uint32_t> whole = segment_topics(doc);
    REQUIRE(whole.size() >= 3);  // the planted shifts are found, so the comparison means something
    uint64_t total = 0;
    for (uint64_t budget : {1ull, 97ull, 5000ull, 250000ull}) {
        INFO("budget " << budget);
        TopicSegmenter s(doc);
        size_t calls = 0;
        bool finished = false;
        while (!finished) {
            const uint64_t before = s.work_done();
            finished = s.run(budget);
            REQUIRE(s.work_done() - before <= budget);
            if (!finished) CHECK(s.work_done() > before);  // every unfinished call made progress
            REQUIRE(++calls < 100000000);
        }
        CHECK(s.bounds() == whole);
        if (total) CHECK(s.work_done() == total);  // the same programme, however it was cut
        total = s.work_done();
        if (budget < total) CHECK(calls >= total / budget);
    }
    CHECK(total > 100000);  // the DP did real work: a cut in the wrong place would change bounds
}

TEST_CASE("a timeline built in small steps equals build_timeline, and each step stays within its budget", "[topics]") {
    std::vector<Episode> eps;
    eps.push_back(planted_episode({2, 0, 2, 1, 3}, 800, 5));
    eps.push_back(txtest::demo_episode());
    eps.push_back(planted_episode({1}, 20, 3));  // tiny: no segmentation
    eps.push_back(Episode{});                   // empty
    for (size_t e = 0; e < eps.size(); ++e) {
        const Episode& ep = eps[e];
        auto whole = build_timeline(ep);
        REQUIRE(whole.ok());
        if (e < 2) REQUIRE(whole->segments.size() >= 3);
        const uint64_t piece = ep.words.size() * TimelineBuilder::kWordWork;  // prepare / labels
        for (uint64_t budget : {1000ull, 60000ull, 2000000ull, ~0ull}) {
            INFO("episode " << e << ", budget " << budget);
            TimelineBuilder b(ep);
            CHECK_FALSE(b.take().ok());  // not finished yet
            size_t calls = 0, lone_pieces = 0;
            bool finished = false;
            while (!finished) {
                const uint64_t before = b.work_done();
                finished = b.step(budget);
                const uint64_t did = b.work_done() - before;
                if (did > budget) {  // only an indivisible piece, alone in its call
                    CHECK(did == piece);
                    ++lone_pieces;
                }
                REQUIRE(++calls < 10000000);
            }
            CHECK(lone_pieces <= 2);
            if (budget == ~0ull) CHECK(calls == 1);
            else if (e < 2) CHECK(calls >= (b.work_done() - lone_pieces * piece) / budget);  // really cut up
            auto tl = b.take();
            REQUIRE(tl.ok());
            require_same_timeline(tl.value(), whole.value());
            CHECK_FALSE(b.take().ok());  // taken once
        }
    }
}

// Protects the label size: a 5 MB "word" (a URL, a file without spaces, garbage) made a 5 MB label
// and keyword, so `topics --json` printed 10 MB for it.
TEST_CASE("a giant token is no topic word: labels stay short", "[topics]") {
    std::string text = "the rocket launch went to mars and the rocket crew cheered the launch ";
    text += std::string(5000000, 'x');
    text += " more rocket talk about the launch window and mars";
    auto tl = build_timeline(topic_doc_from_text(text));
    REQUIRE(tl.ok());
    REQUIRE(!tl->segments.empty());
    for (const TopicSegment& s : tl->segments) {
        CHECK(s.label.size() < 200);
        for (const std::string& k : s.keywords) CHECK(k.size() <= 48);
    }
}

// ---- Label rules found on episodes the labels were not tuned on (Lexicap, podcasts, meetings) ----

namespace {

// Planted topic blocks of `words_each` words, each word followed every `every` words by `insert`
// (a name said all through the episode). `bounds` gets the blocks' starts (after the first).
std::string planted_with(const std::vector<int>& order, uint32_t words_each, const std::string& insert,
                         uint32_t every, std::vector<uint32_t>& bounds) {
    std::string out;
    uint32_t n = 0;
    bounds.clear();
    for (size_t b = 0; b < order.size(); ++b) {
        if (b) bounds.push_back(n);
        std::istringstream words(planted_text({order[b]}, words_each, 11 + b));
        std::string w;
        for (uint32_t i = 0; words >> w; ++i) {
            out += w + ' ';
            ++n;
            if (i % every == every - 1) {
                std::istringstream ins(insert);
                for (std::string x; ins >> x; ++n) out += x + ' ';
            }
        }
    }
    return out;
}

bool any_keyword_has(const std::vector<std::string>& kws, size_t first_n, const std::string& part) {
    for (size_t i = 0; i < kws.size() && i < first_n; ++i)
        if ((" " + kws[i] + " ").find(" " + part + " ") != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("a name said in every segment (the host's, a speaker's turn label) is in no segment's label", "[topics]") {
    std::vector<uint32_t> bounds;
    // "lex fridman" is a fixed phrase, so its bigram bonus once put it in labels despite its spread
    const std::string text = planted_with({0, 1, 2, 3}, 600, "lex fridman", 9, bounds);
    const auto kw = label_segments(topic_doc_from_text(text), bounds);
    REQUIRE(kw.size() == 4);
    for (size_t s = 0; s < kw.size(); ++s) {
        REQUIRE(!kw[s].empty());
        CHECK_FALSE(any_keyword_has(kw[s], 3, "fridman"));
        CHECK_FALSE(any_keyword_has(kw[s], 3, "lex"));
    }
    // A name that belongs to one segment is still a label there.
    std::string local;
    for (int i = 0; i < 30; ++i) local += "the rocket launch with elon musk and the orbit of the moon ";
    const auto one = label_segments(topic_doc_from_text(text + local), {bounds[0], bounds[1], bounds[2], uint32_t(bounds[2] + 600 + 600 / 9 * 2)});
    CHECK(any_keyword_has(one.back(), 3, "elon musk"));
}

TEST_CASE("a label never shows two forms of one word ('drill' and 'drilling', 'infra infrared')", "[topics]") {
    std::string text;
    for (int i = 0; i < 25; ++i)
        text += "we drill the arm drag and drilling the arm drag is drills all day with infra infrared "
                "sensors and the infrared camera and the wrestling coach ";
    const auto kw = label_segments(topic_doc_from_text(text), {});
    REQUIRE(kw.size() == 1);
    int drill = 0, infrared = 0;
    for (const std::string& k : kw[0]) {
        drill += k.find("drill") != std::string::npos;
        infrared += k.find("infra") != std::string::npos;
        CHECK(k != "infra infrared");
    }
    CHECK(drill == 1);
    CHECK(infrared == 1);
    CHECK(same_stem("virus", "viruses"));
    CHECK(same_stem("drill", "drilling"));
    CHECK(same_stem("moral", "morality"));
    CHECK(same_stem("comet", "cometary"));
    CHECK_FALSE(same_stem("neural", "neurons"));
    CHECK_FALSE(same_stem("exploration", "exploitation"));
}

TEST_CASE("adjacent segments do not show the same keyword; it stays where it is said most", "[topics]") {
    std::string a, b;
    for (int i = 0; i < 20; ++i) a += "the martial arts gym and the martial arts coach teach judo throws and judo grips ";
    for (int i = 0; i < 8; ++i) b += "martial arts again but mostly the olympic medal and the olympic team and sponsors money ";
    const TopicDoc doc = topic_doc_from_text(a + b);
    const uint32_t split = uint32_t(topic_doc_from_text(a).size());
    const auto kw = label_segments(doc, {split});
    REQUIRE(kw.size() == 2);
    CHECK(any_keyword_has(kw[0], 3, "martial arts"));
    CHECK_FALSE(any_keyword_has(kw[1], 3, "martial arts"));
    for (size_t i = 0; i < 3 && i < kw[0].size(); ++i)
        for (size_t j = 0; j < 3 && j < kw[1].size(); ++j) CHECK(kw[0][i] != kw[1][j]);
}

TEST_CASE("spoken web addresses, 'et cetera', swearing and numbers said as words are no labels", "[topics]") {
    std::string text;
    for (int i = 0; i < 12; ++i)
        text += "go to masterclass com slash lex and use code lex et cetera et cetera the telescope "
                "mirror shit thirty nnn nnn the telescope mirror of the observatory ";
    const auto kw = label_segments(topic_doc_from_text(text), {});
    REQUIRE(kw.size() == 1);
    REQUIRE(!kw[0].empty());
    for (const char* bad : {"slash", "lex", "masterclass", "cetera", "et", "shit", "thirty", "nnn"})
        CHECK_FALSE(any_keyword_has(kw[0], kw[0].size(), bad));
    CHECK(any_keyword_has(kw[0], 3, "telescope mirror"));
}

TEST_CASE("an aside in another script is no label in an English episode; a Russian episode keeps Russian labels", "[topics]") {
    std::string en;
    for (int i = 0; i < 15; ++i) en += "the treaty of versailles and the soviet union and the treaty signed in paris ";
    for (int i = 0; i < 2; ++i) en += "и как то есть и как ";  // 7% of the content words
    const auto kw = label_segments(topic_doc_from_text(en), {});
    REQUIRE(kw.size() == 1);
    for (const std::string& k : kw[0]) CHECK(static_cast<unsigned char>(k[0]) < 0x80);
    std::string ru;
    for (int i = 0; i < 15; ++i) ru += "и как договор подписан в париже и договор был ";
    const auto rk = label_segments(topic_doc_from_text(ru), {});
    REQUIRE(rk.size() == 1);
    CHECK(any_keyword_has(rk[0], 3, "договор"));
    CHECK_FALSE(any_keyword_has(rk[0], rk[0].size(), "и"));
}

TEST_CASE("a two-letter word is no label on its own in any alphabet ('см', 'ai'), two CJK characters are ('日本')", "[topics]") {
    // "см" ("see", as in "см. также") before every other word, as in a Russian manual
    const std::vector<std::string> words = {"договор", "париж", "мир", "война", "армия", "король", "граница"};
    Lcg r{3};
    std::string ru, ja;
    for (int i = 0; i < 40; ++i) {
        ru += "см " + words[r.next(7)] + ' ' + words[r.next(7)] + ' ';
        if (i < 12) ja += "日本 東京 日本 富士山 日本 新幹線 ";
    }
    const auto rk = label_segments(topic_doc_from_text(ru), {});
    REQUIRE(rk.size() == 1);
    REQUIRE(!rk[0].empty());
    for (const std::string& k : rk[0]) CHECK(k != "см");
    const auto jk = label_segments(topic_doc_from_text(ja), {});
    REQUIRE(jk.size() == 1);
    CHECK(any_keyword_has(jk[0], 3, "日本"));
}

TEST_CASE("a three-word name and a phrase starting with a stop word are shown whole ('guido van rossum', 'big bang')", "[topics]") {
    std::string text;
    for (int i = 0; i < 6; ++i)
        text += "guido van rossum wrote python and guido van rossum likes the big bang theory of the "
                "big bang and the long term existential threat is a long term existential threat ";
    const auto kw = label_segments(topic_doc_from_text(text), {});
    REQUIRE(kw.size() == 1);
    CHECK(any_keyword_has(kw[0], kw[0].size(), "guido van rossum"));
    CHECK(any_keyword_has(kw[0], kw[0].size(), "big bang"));
    for (const std::string& k : kw[0]) {
        CHECK(k != "bang");
        CHECK(k != "rossum");  // shown once, inside the name
        CHECK(k.find("term existential") == std::string::npos);  // "term" is everyday English
    }
}

TEST_CASE("a phrase said with the same everyday word every time is shown with it ('outer solar system', 'low hanging fruit', 'self driving cars')", "[topics]") {
    // "system", "low" and "driving" are in the background table (everyday English), "self" is a
    // stop word: labels showed the half phrases "outer solar", "hanging fruit", "driving cars".
    const char* before_low[] = {"the", "picking", "some", "grab", "easy", "that"};
    std::string text;
    for (int i = 0; i < 6; ++i)
        text += std::string("comets of the outer solar system orbit far and the outer solar system is cold ") +
                before_low[i] + " low hanging fruit is " + before_low[5 - i] + " low hanging fruit and " +
                "self driving cars need lidar while the self driving cars " + before_low[i] + " stop and ";
    const auto kw = label_segments(topic_doc_from_text(text), {});
    REQUIRE(kw.size() == 1);
    CHECK(any_keyword_has(kw[0], kw[0].size(), "outer solar system"));
    CHECK(any_keyword_has(kw[0], kw[0].size(), "low hanging fruit"));
    CHECK(any_keyword_has(kw[0], kw[0].size(), "self driving cars"));
    for (const std::string& k : kw[0]) {
        CHECK(k != "outer solar");
        CHECK(k != "hanging fruit");
        CHECK(k != "driving cars");
    }
}

TEST_CASE("an everyday word said with only some uses of a phrase stays out of its label", "[topics]") {
    // "system" follows "outer solar" in 4 of its 6 uses: too loose to be part of the name.
    std::string text;
    for (int i = 0; i < 6; ++i)
        text += std::string("comets of the outer solar ") + (i < 4 ? "system" : "region") + " orbit far beyond neptune ";
    const auto kw = label_segments(topic_doc_from_text(text), {});
    REQUIRE(kw.size() == 1);
    CHECK(any_keyword_has(kw[0], kw[0].size(), "outer solar"));
    CHECK(!any_keyword_has(kw[0], kw[0].size(), "outer solar system"));
}

TEST_CASE("in a language the stop list does not know, its own frequent everywhere-words start or end no label ('der rakete', 'ist ... mit')", "[topics]") {
    // German-like text: every noun comes with its article (the most frequent words, as in German),
    // and a few other function words make up half the text; the English stop list removes none.
    const std::vector<std::string> fn = {"der", "die", "das", "und", "ist", "mit", "zu", "nicht", "auf", "sich"};
    const std::vector<std::vector<std::string>> nouns = {
        {"rakete", "umlaufbahn", "mond", "astronautin", "schwerkraft", "teleskop"},
        {"teig", "backofen", "mehl", "zucker", "rezept", "hefe"},
        {"torwart", "schiedsrichter", "stadion", "trainerin", "elfmeter", "liga"}};
    Lcg r{5};
    std::string text;
    std::vector<uint32_t> bounds;
    uint32_t words = 0;
    for (size_t b = 0; b < nouns.size(); ++b) {
        if (b) bounds.push_back(words);
        for (int i = 0; i < 300; ++i) {
            for (int f = 0; f < 2; ++f, ++words) text += fn[3 + r.next(7)] + ' ';
            const uint32_t noun = r.next(6);  // each noun has its own article (its gender)
            text += fn[noun % 3] + ' ' + nouns[b][noun] + ' ';
            words += 2;
        }
    }
    const auto kw = label_segments(topic_doc_from_text(text), bounds);
    REQUIRE(kw.size() == 3);
    for (size_t s = 0; s < kw.size(); ++s) {
        REQUIRE(!kw[s].empty());
        for (const std::string& k : kw[s]) {
            INFO("segment " << s << ": " << k);
            for (const std::string& f : fn) CHECK(!any_keyword_has({k}, 1, f));
        }
        CHECK(std::find(nouns[s].begin(), nouns[s].end(), kw[s][0]) != nouns[s].end());
    }
}

TEST_CASE("in a language the stop list does not know, the document's frequent everywhere-words are topic-less, as English stop words are", "[topics]") {
    // German-like: every other word a function word, said all through the text (in a real
    // language they are the most frequent words); each noun only in its half.
    const std::vector<std::string> fn = {"der", "und", "ist"};
    const std::vector<std::string> nouns = {"rakete", "mond", "orbit", "kapsel", "teig", "mehl", "hefe", "ofen"};
    Lcg r{9};
    std::string de, en;
    for (int i = 0; i < 600; ++i) {
        const std::string& noun = nouns[(i < 300 ? 0 : 4) + r.next(4)];
        de += fn[r.next(3)] + ' ' + noun + ' ';
        // English built the same way: its stop words are known, so nothing else goes
        en += std::string(i % 2 ? "the " : "and ") + noun + ' ';
    }
    const TopicDoc d = topic_doc_from_text(de);
    REQUIRE(d.size() == 1200);
    for (size_t i = 0; i < d.size(); ++i) {
        const std::string& w = d.surface[d.word_ids[i]];
        const bool function = std::find(fn.begin(), fn.end(), w) != fn.end();
        INFO("word " << i << ": " << w);
        CHECK((d.terms[i] == kNoTopicTerm) == function);
    }
    const TopicDoc e = topic_doc_from_text(en);
    REQUIRE(e.size() == 1200);
    for (size_t i = 0; i < e.size(); ++i) {
        const std::string& w = e.surface[e.word_ids[i]];
        INFO("word " << i << ": " << w);
        CHECK((e.terms[i] == kNoTopicTerm) == (w == "the" || w == "and"));
    }
}

TEST_CASE("a recurring topic's label joins a word to the chosen word it is said with ('artificial intelligence')", "[topics]") {
    // Three episodes' segments on one subject; one member says "artificial intelligence", the
    // others "intelligence". The label once read "intelligence · artificial · ...".
    auto timeline = [](std::vector<std::string> keywords) {
        TopicTimeline tl;
        TopicSegment s;
        s.end_word = 1000;
        s.keywords = std::move(keywords);
        s.profile = {{"intelligence", "intelligence", 0.8f}, {"artificial", "artificial", 0.5f},
                     {"intelligent", "intelligent", 0.3f}, {"turing", "turing", 0.1f}};
        tl.segments.push_back(s);
        tl.word_count = 1000;
        return tl;
    };
    const TopicTimeline a = timeline({"artificial intelligence", "turing"}), b = timeline({"intelligence", "chess"}),
                        c = timeline({"intelligence", "go"});
    const auto groups = group_recurring({&a, &b, &c});
    REQUIRE(groups.size() == 1);
    const std::string& label = groups[0].label;
    CHECK(label.rfind("artificial intelligence", 0) == 0);
    CHECK(label.find("intelligent") == std::string::npos);  // one word in two forms
    CHECK((label + " ").find(" artificial ") == std::string::npos);
}

TEST_CASE("a word said mostly in runs of itself (a recognition loop, 'blah blah') is no label", "[topics]") {
    std::string text;
    for (int i = 0; i < 10; ++i) text += "puh puh puh puh the piano sonata and blah blah blah the piano sonata by beethoven ";
    const auto kw = label_segments(topic_doc_from_text(text), {});
    REQUIRE(kw.size() == 1);
    REQUIRE(!kw[0].empty());
    CHECK_FALSE(any_keyword_has(kw[0], kw[0].size(), "puh"));
    CHECK_FALSE(any_keyword_has(kw[0], kw[0].size(), "blah"));
    CHECK(any_keyword_has(kw[0], 3, "piano sonata"));
}

TEST_CASE("a word said mostly as 'X of Y' is shown as that phrase ('gain of function')", "[topics]") {
    std::string text;
    for (int i = 0; i < 6; ++i) text += "the gain of function research in the lab and gain of function work on the virus ";
    const auto kw = label_segments(topic_doc_from_text(text), {});
    REQUIRE(kw.size() == 1);
    CHECK(any_keyword_has(kw[0], 3, "gain of function"));
    for (const std::string& k : kw[0]) {
        CHECK(k != "gain");
        CHECK(k != "function");
    }
}

TEST_CASE("labels of a hand-built doc without surface word ids use the terms' forms, no out-of-range read", "[topics]") {
    std::string text;
    for (int i = 0; i < 8; ++i) text += "the big bang and the gain of function study of the open source model ";
    TopicDoc doc = topic_doc_from_text(text);
    std::vector<uint32_t>().swap(doc.word_ids);  // label_segments takes any doc; phrase forms and neighbours read these
    const auto kw = label_segments(doc, {});
    REQUIRE(kw.size() == 1);
    CHECK(any_keyword_has(kw[0], 3, "open source"));
}

TEST_CASE("segmentation equals a plain reference programme that calls std::log for every word, counts far beyond a small table included", "[topics]") {
    // Frequent words reach counts of dozens inside long segments; the segmenter tabulates
    // log(c + alpha p_t) for every count, and this reference computes each one directly. Checked
    // to fail when the table is off by half a count or more beyond the first 8 counts.
    TopicDoc doc = topic_doc_from_text(planted_text({0, 1, 0, 2, 3, 1}, 500, 29));
    doc.units.clear();  // fixed 30-word blocks: candidates the reference can list by itself
    SegmentDesc desc;
    desc.block_words = 30;
    desc.min_segment_words = 60;
    desc.prior_strength = 160;
    const uint32_t n = static_cast<uint32_t>(doc.size());
    std::vector<uint32_t> cand;
    for (uint32_t b = 0; b < n; b += 30) cand.push_back(b);
    cand.push_back(n);
    const size_t m = cand.size() - 1;
    std::vector<TermId> tokens;                 // content words in order
    std::vector<uint32_t> first_token(m + 1);  // per block: its first token
    for (size_t b = 0; b < m; ++b) {
        first_token[b] = static_cast<uint32_t>(tokens.size());
        for (uint32_t i = cand[b]; i < cand[b + 1]; ++i)
            if (doc.terms[i] != kNoTopicTerm) tokens.push_back(doc.terms[i]);
    }
    first_token[m] = static_cast<uint32_t>(tokens.size());
    std::vector<double> prior(doc.vocab.size(), 0.0);
    for (TermId t : tokens) prior[t] += 1;
    for (double& p : prior) p = 160.0 * p / static_cast<double>(tokens.size());
    // cost[i][j]: the segment from candidate i to j, word by word in order
    std::vector<std::vector<double>> cost(m + 1, std::vector<double>(m + 1, 0.0));
    uint32_t max_count = 0;
    for (size_t i = 0; i < m; ++i) {
        std::vector<uint32_t> count(doc.vocab.size(), 0);
        double c_ij = 0;
        uint32_t k = 0;
        for (size_t j = i + 1; j <= m; ++j) {
            for (uint32_t f = first_token[j - 1]; f < first_token[j]; ++f) {
                const uint32_t c = count[tokens[f]]++;
                max_count = std::max(max_count, c);
                c_ij -= std::log(c + prior[tokens[f]]) - std::log(static_cast<double>(k++) + 160.0);
            }
            cost[i][j] = c_ij;
        }
    }
    CHECK(max_count > 40);  // the reference really met counts far beyond 8
    // Many penalties: where the number of segments changes depends on the exact costs, so a cost
    // that is off anywhere shows up as different boundaries at some penalty.
    const double inf = std::numeric_limits<double>::infinity();
    size_t distinct = 0, last_size = SIZE_MAX;
    for (int step = 0; step < 240; ++step) {
        const float penalty = static_cast<float>(0.05 * std::pow(1.04, step));  // 0.05 .. ~600 nats
        std::vector<double> best(m + 1, inf);
        std::vector<size_t> back(m + 1, 0);
        best[0] = 0;
        for (size_t i = 0; i < m; ++i) {
            if (best[i] == inf) continue;
            for (size_t j = i + 1; j <= m; ++j) {
                if (cand[j] - cand[i] < 60 && !(i == 0 && j == m)) continue;
                const double v = best[i] + cost[i][j] + penalty;
                if (v < best[j]) { best[j] = v; back[j] = i; }
            }
        }
        std::vector<uint32_t> expected;
        for (size_t j = back[m]; j > 0; j = back[j]) expected.push_back(cand[j]);
        std::reverse(expected.begin(), expected.end());
        desc.boundary_penalty = penalty;
        INFO("penalty " << penalty);
        REQUIRE(segment_topics(doc, desc) == expected);
        if (expected.size() != last_size) ++distinct;
        last_size = expected.size();
    }
    CHECK(distinct >= 5);  // the sweep crossed several segment counts, so thresholds were tested
}

TEST_CASE("the document builder gives each distinct word one id in first-occurrence order, also after its word table grows", "[topics]") {
    // 5000 distinct words grow the builder's open-addressing table several times; every word
    // said again (in reverse order, then interleaved with new ones) must find its first id.
    TopicDocBuilder b;
    const uint32_t kWords = 5000;
    auto word = [](uint32_t i) { return "w" + std::to_string(i * 7919u) + "x"; };
    for (uint32_t i = 0; i < kWords; ++i) b.add(word(i));
    for (uint32_t i = kWords; i-- > 0;) b.add(word(i));
    b.add("fresh");
    b.add(word(17));
    TopicDoc d = b.finish();
    REQUIRE(d.surface.size() == kWords + 1);
    REQUIRE(d.word_ids.size() == 2 * kWords + 2);
    bool ok = true;
    for (uint32_t i = 0; i < kWords; ++i) {
        ok = ok && d.word_ids[i] == i && d.surface[i] == word(i);
        ok = ok && d.word_ids[kWords + i] == kWords - 1 - i;
        ok = ok && d.terms[kWords + i] == d.terms[kWords - 1 - i];  // same word, same term
    }
    CHECK(ok);
    CHECK(d.word_ids[2 * kWords] == kWords);
    CHECK(d.surface[kWords] == "fresh");
    CHECK(d.word_ids[2 * kWords + 1] == 17);
}

namespace {

// `blocks` topic blocks of `words_each` words cycling through kTopics, a topic word being drawn
// with probability `topic_pct` percent (the rest fillers and shared words).
std::string weak_topic_text(uint32_t blocks, uint32_t words_each, uint32_t topic_pct, uint64_t seed) {
    Lcg r{seed};
    std::string out;
    for (uint32_t b = 0; b < blocks; ++b) {
        const auto& topic = kTopics[b % kTopics.size()];
        for (uint32_t i = 0; i < words_each; ++i) {
            const uint32_t x = r.next(100);
            const std::string& w = x < topic_pct ? topic[r.next(static_cast<uint32_t>(topic.size()))]
                                   : x % 3 == 0  ? kShared[r.next(static_cast<uint32_t>(kShared.size()))]
                                                 : kFiller[r.next(static_cast<uint32_t>(kFiller.size()))];
            out += w;
            out += ' ';
        }
    }
    return out;
}

}  // namespace

TEST_CASE("a longer episode gets more segments, not longer ones: segments per word hold beyond ~3 h", "[topics]") {
    // The same kind of topic shift every 2,000 words: 15 shifts in 32,000 words, 47 in 96,000.
    // With a penalty proportional to all the words, the 96,000-word episode got one segment (the
    // 32,000-word one 16): the penalty outgrew what any one shift saves.
    const std::string shorter = weak_topic_text(16, 2000, 25, 11);
    const std::string longer = weak_topic_text(48, 2000, 25, 11);
    const size_t s = segment_topics(topic_doc_from_text(shorter)).size() + 1;
    const size_t l = segment_topics(topic_doc_from_text(longer)).size() + 1;
    INFO("segments: 32k words " << s << ", 96k words " << l);
    CHECK(s >= 8);
    CHECK(l * 10 >= s * 3 * 8);  // at least 80% of the density of the shorter episode
}
