// Protects: archive loading in the model (AppModel::step): the episode list and first episode
// before indexing, partial searches that say so, results equal to an all-resident load once
// indexed, snippets filled on demand from released episodes, and the reader switching episodes.
#include <catch.hpp>

#include "app/model/announce.h"
#include "app/model/app_model.h"
#include "app/model/search_status.h"
#include "core/import.h"
#include "core/bundle.h"
#include "core/search.h"
#include "core/topics/topics.h"
#include "test_util.h"
#include "writer/bundle_writer.h"

using namespace tx;

namespace {

// A plain-text episode named `name`.txt with title `title`.
Episode text_episode(const std::string& text, const std::string& name, const std::string& title) {
    ImportDesc d;
    d.format = Format::PlainText;
    d.name = name + ".txt";
    auto ep = import_transcript(Bytes(text), d);
    REQUIRE(ep.ok());
    ep->meta.title = title;
    return std::move(ep.value());
}

// `n` episodes made from the demo text, each with its own marker word near a known place, so that
// the archive is above the model's small-bundle threshold and episodes differ.
std::vector<Episode> archive_episodes(size_t n) {
    std::string demo = txtest::read_file(txtest::demo_path());
    std::vector<Episode> out;
    for (size_t i = 0; i < n; ++i) {
        std::string text = demo.substr(0, 60000 + 7000 * i);
        size_t at = text.find(' ', 1000 * (i + 1));
        text.insert(at, " marker" + std::string(1, char('a' + i)) + " sharedmarker");
        out.push_back(text_episode(text, "ep" + std::to_string(i), "Episode number " + std::to_string(i)));
        out.back().meta.date = "2020-01-" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1);
    }
    return out;
}

struct FakeClock {  // every call advances 1 ms: step(now, 0.5) indexes exactly one episode
    double t = 0;
    NowFn fn() { return [this] { return t += 1.0; }; }
};

// Load `eps` into `m` as a bundle on the archive path (indexed in steps, not all at once).
void load_as_archive(AppModel& m, const std::vector<Episode>& eps) {
    auto bundle = write_bundle(eps);
    REQUIRE(bundle.ok());
    REQUIRE(m.load_bundle(Bytes(bundle.value())).ok());
    REQUIRE(m.loading());
}

void run_to_end(AppModel& m, double budget_ms = 1e9) {  // 0.5: one piece of work per step
    FakeClock c;
    for (int guard = 0; guard < 100000 && m.step(c.fn(), budget_ms); ++guard) {}
}

}  // namespace

TEST_CASE("an archive shows its episode list and first episode before indexing, then indexes in steps") {
    auto eps = archive_episodes(20);
    auto bundle = write_bundle(eps);
    REQUIRE(bundle.ok());
    AppModel m;
    REQUIRE(m.load_bundle(Bytes(bundle.value())).ok());
    CHECK(m.phase() == LoadPhase::Indexing);
    CHECK(m.loading());
    REQUIRE(m.episode_count() == 20);
    CHECK(m.indexed_episodes() == 0);
    CHECK(m.episode_meta(7).title == "Episode number 7");
    CHECK(m.episode_words(7) == eps[7].words.size());  // from the directory, before decoding
    CHECK(m.current_episode().text == eps[0].text);  // readable before anything is indexed
    FakeClock c;
    CHECK(m.topics().empty());  // the shown episode's topics wait until the archive is indexed
    // a step over its budget starts no further piece: with a tiny budget each step does one
    // (decode episode 0, index it; commit its terms, decode episode 1, index it)
    const uint32_t expect[5] = {0, 1, 1, 1, 2};
    for (uint32_t want : expect) {
        CHECK(m.step(c.fn(), 0.5));
        CHECK(m.indexed_episodes() == want);
    }
    CHECK(m.topics().empty());
    m.set_query("sharedmarker");
    CHECK(m.results_partial());
    CHECK(m.total_occurrences() == 2);  // only what is indexed so far
    CHECK(m.state_json().find("\"partial\":true") != std::string::npos);
    run_to_end(m);
    CHECK(m.phase() == LoadPhase::Ready);
    CHECK_FALSE(m.loading());
    CHECK(m.indexed_episodes() == 20);
    CHECK_FALSE(m.results_partial());
    CHECK(m.total_occurrences() == 20);  // the query was re-run over the whole archive
    CHECK_FALSE(m.topics().empty());     // and the shown episode got its topics
    for (uint32_t e = 0; e < 20; ++e) CHECK(m.hits_in_episode(e) == 1);
    CHECK(m.archive_timeline().size() == 20);
    CHECK(m.archive_timeline().front().day >= 0);
}

TEST_CASE("an archive's search equals an all-resident search, and released episodes get the same snippets on demand") {
    auto eps = archive_episodes(12);
    AppModel lazy, eager;
    load_as_archive(lazy, eps);
    run_to_end(lazy, 0.5);  // indexed one piece per step: decodes, indexes and commits apart
    eager.load_episodes(eps);
    for (const char* q : {"llama", "open source", "\"the metaverse\"", "markerc OR markerk"}) {
        lazy.set_query(q);
        eager.set_query(q);
        INFO(q);
        REQUIRE(lazy.total_occurrences() == eager.total_occurrences());
        REQUIRE(lazy.total_passages() == eager.total_passages());
        REQUIRE(lazy.results().size() == eager.results().size());
        for (size_t i = 0; i < lazy.results().size(); ++i) {
            CHECK(lazy.results()[i].episode == eager.results()[i].episode);
            CHECK(lazy.results()[i].word == eager.results()[i].word);
        }
        // text is released: the rows wait for their episode to be decoded
        size_t n = std::min<size_t>(lazy.results().size(), 5);
        for (size_t i = 0; i < n; ++i) {
            CHECK(lazy.results()[i].snippet_pending);
            lazy.want_snippet(i);
        }
        run_to_end(lazy);
        for (size_t i = 0; i < n; ++i) {
            const ResultRow &a = lazy.results()[i], &b = eager.results()[i];
            CHECK_FALSE(a.snippet_pending);
            CHECK(a.snippet == b.snippet);
            CHECK(a.time_ms == b.time_ms);
            CHECK(a.focus_word == b.focus_word);  // where the reader jumps: the snippet's focus
            REQUIRE(a.spans.size() == b.spans.size());
            for (size_t k = 0; k < a.spans.size(); ++k) CHECK(a.spans[k].begin == b.spans[k].begin);
        }
    }
    // the index holds no episode text once the archive is loaded
    for (const Episode& e : lazy.episodes()) CHECK(e.text.empty());
}

// Protects the jump of an archive row chosen before it was drawn (End, PageDown): it waited for
// its snippet and jumped to the passage's first match, not to the words its snippet then showed.
TEST_CASE("selecting an archive result whose snippet is not filled yet still jumps to its snippet's focus") {
    auto eps = archive_episodes(12);
    AppModel lazy, eager;
    load_as_archive(lazy, eps);
    run_to_end(lazy);
    eager.load_episodes(eps);
    lazy.set_query("open source");
    eager.set_query("open source");
    REQUIRE(lazy.results().size() == eager.results().size());
    size_t i = 0;  // a row whose focus is not its first match
    while (i < eager.results().size() && eager.results()[i].focus_word == eager.results()[i].word) ++i;
    REQUIRE(i < eager.results().size());
    REQUIRE(lazy.results()[i].snippet_pending);
    lazy.select_result(int(i));
    CHECK_FALSE(lazy.results()[i].snippet_pending);
    CHECK(lazy.reader_word() == eager.results()[i].focus_word);
    CHECK(lazy.time_ms() == eager.results()[i].time_ms);
}

TEST_CASE("selecting a hit in another episode switches the reader to that decoded episode") {
    auto eps = archive_episodes(14);
    AppModel m;
    load_as_archive(m, eps);  // the archive path, not the small-bundle one
    run_to_end(m);
    m.set_query("\"markerg\"");
    REQUIRE(m.results().size() == 1);
    CHECK(m.results()[0].episode == 6);
    CHECK(m.episode() == 0);
    m.select_result(0);
    CHECK(m.episode() == 6);
    const Episode& ep = m.current_episode();
    REQUIRE(ep.text == eps[6].text);
    CHECK(ep.text.substr(ep.words[m.reader_word()].begin, 7) == "markerg");
    CHECK(m.time_ms() == ep.words[m.reader_word()].start_ms);
    REQUIRE(!m.hit_flags().empty());
    CHECK(m.hit_flags()[m.reader_word()] == 1);
    // the deep link names the episode, and applying it elsewhere opens the same place
    AppModel other;
    load_as_archive(other, eps);
    other.apply_deep_link(m.deep_link());
    CHECK(other.episode() == 6);
    CHECK(other.current_episode().text == eps[6].text);
    // switching to another episode drops the match and result of this one (the status kept
    // "match 1 of 1" and F3 continued from it)
    REQUIRE(m.current_occurrence() == 0);
    m.set_episode(2);
    CHECK(m.current_occurrence() == -1);
    CHECK(m.selected_result() == -1);
    uint32_t a, b;
    CHECK_FALSE(m.current_match(a, b));
    // and coming back through the result selects it again
    m.select_result(0);
    CHECK(m.current_occurrence() == 0);
    CHECK(m.episode() == 6);
}

TEST_CASE("a corrupt episode frame found while indexing an archive ends in the error state") {
    auto eps = archive_episodes(14);
    auto bundle = write_bundle(eps);
    REQUIRE(bundle.ok());
    std::string bytes = bundle.value();
    auto b = read_bundle(Bytes(bytes));
    REQUIRE(b.ok());
    size_t at = size_t(b->episode(8).frame_offset + b->episode(8).frame_bytes / 2);  // inside episode 8's frame
    bytes[at] = char(bytes[at] ^ 0x5a);
    AppModel m;
    REQUIRE(m.load_bundle(Bytes(bytes)).ok());  // archives check each frame when it is decoded
    CHECK(m.phase() == LoadPhase::Indexing);
    run_to_end(m);
    CHECK(m.phase() == LoadPhase::Error);
    CHECK_FALSE(m.error().message.empty());
    CHECK(m.episode_count() == 0);
}

TEST_CASE("archive topics built in small background steps equal the topics of an all-resident load") {
    auto eps = archive_episodes(12);
    AppModel lazy, eager;
    load_as_archive(lazy, eps);
    FakeClock c;
    size_t steps = 0, topic_steps = 0;
    while (lazy.step(c.fn(), 0.5)) {  // a tiny budget: one piece of work per step
        REQUIRE(++steps < 100000);
        if (lazy.indexed_episodes() == lazy.episode_count()) ++topic_steps;
    }
    CHECK_FALSE(lazy.loading());
    CHECK(topic_steps > 3 * eps.size());  // each episode's timeline was cut into several pieces
    eager.load_episodes(eps);             // topics of the shown episode, with a large budget
    for (uint32_t e = 0; e < eps.size(); ++e) {
        INFO("episode " << e);
        lazy.set_episode(e);
        eager.set_episode(e);
        for (int k = 0; eager.step(c.fn(), 1e9); ++k) REQUIRE(k < 100);
        const auto &a = lazy.topics(), &b = eager.topics();
        REQUIRE(a.size() == b.size());
        CHECK(a.size() >= 2);
        for (size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].start_word == b[i].start_word);
            CHECK(a[i].end_word == b[i].end_word);
            CHECK(a[i].label == b[i].label);
            CHECK(a[i].keywords == b[i].keywords);
            CHECK(a[i].group == b[i].group);
            // colours differ on purpose: an archive colours by recurring topic (test below)
            if (a[i].recurring < 0) CHECK(a[i].color == kOwnTopicColor);
            else CHECK(a[i].color == lazy.recurring_topics()[size_t(a[i].recurring)].color);
        }
    }
    // topics recurring across the archive (the episodes share their text), each listing its
    // episodes in order
    REQUIRE_FALSE(lazy.recurring_topics().empty());
    for (const RecurringTopicRow& r : lazy.recurring_topics()) {
        CHECK(r.episodes.size() >= 2);
        CHECK(std::is_sorted(r.episodes.begin(), r.episodes.end()));
    }
}

// Protects the archive's topics phase: for ~15 s on Lexicap the bar stood full with "Finding topics
// across 293 episodes" and nothing moved; it now counts the episodes done and says search is ready.
TEST_CASE("the archive progress bar counts indexed episodes, then episodes with topics") {
    auto eps = archive_episodes(12);
    AppModel m;
    load_as_archive(m, eps);
    FakeClock c;
    float f = -1.f;
    CHECK(archive_progress(m, f) == "Indexed 0 of 12 episodes");
    CHECK(f == 0.f);
    std::vector<uint32_t> seen;
    while (m.step(c.fn(), 0.5)) {
        if (m.indexed_episodes() < m.episode_count()) continue;
        const std::string s = archive_progress(m, f);
        const uint32_t done = m.topics_done();
        CHECK(s == "Search is ready \xC2\xB7 finding topics: " + std::to_string(done) + " of 12 episodes");
        CHECK(f == Approx(done / 12.0));
        if (seen.empty() || seen.back() != done) seen.push_back(done);
    }
    REQUIRE(seen.size() >= 3);  // the count moved through the phase
    CHECK(seen.front() < 12);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(m.topics_done() == 12);
    CHECK(m.state_json().find("\"topicsDone\":12") != std::string::npos);
}

namespace {

// Episodes with real, distinct topics: each a few sections of sentences drawn from one small
// vocabulary per topic (deterministic), long enough together (> 1 MB) to load as an archive.
constexpr int kSentences = 2000;  // per section, of 12 words
Episode topic_episode(uint32_t id, const std::vector<std::vector<const char*>>& sections) {
    static const char* kGlue[] = {"the", "and", "we", "of", "a", "is", "to", "that"};
    uint32_t r = 12345u + id * 7919u;
    auto next = [&r] { r = r * 1103515245u + 12345u; return (r >> 16) & 0x7fff; };
    std::string text;
    for (const auto& vocab : sections)
        for (int sentence = 0; sentence < kSentences; ++sentence) {
            for (int w = 0; w < 12; ++w) {
                text += (w % 3 == 1) ? kGlue[next() % 8] : vocab[next() % vocab.size()];
                text += w == 11 ? ". " : " ";
            }
        }
    return text_episode(text, "topic" + std::to_string(id), "Topic episode " + std::to_string(id));
}

// One vocabulary per topic: astronomy, and seven unrelated ones (cooking first).
const std::vector<const char*> kStars = {"telescope", "galaxy", "orbit", "planet", "nebula", "comet", "asteroid", "astronomer", "supernova", "eclipse", "meteor", "starlight"};
const std::vector<std::vector<const char*>> kOther = {
    {"recipe", "oven", "flour", "butter", "dough", "bake", "pastry", "sugar", "whisk", "cinnamon", "kitchen", "bread"},
    {"goalkeeper", "striker", "penalty", "stadium", "referee", "midfield", "tackle", "offside", "league", "trophy", "dribble", "corner"},
    {"tulip", "compost", "seedling", "shovel", "greenhouse", "hedge", "soil", "blossom", "pruning", "orchard", "weeds", "mulch"},
    {"violin", "orchestra", "melody", "chord", "symphony", "cello", "rhythm", "concerto", "piano", "conductor", "harmony", "tempo"},
    {"bishop", "checkmate", "gambit", "rook", "pawn", "endgame", "castling", "knight", "grandmaster", "stalemate", "opening", "queen"},
    {"locomotive", "railway", "carriage", "station", "platform", "timetable", "signal", "track", "conductor", "freight", "tunnel", "steam"},
    {"sailboat", "harbour", "anchor", "mast", "rudder", "regatta", "keel", "voyage", "compass", "tide", "deck", "captain"},
};

// The topic (of `topics`) whose segment covers word w of episode e, or null.
const TopicRow* topic_at(AppModel& m, uint32_t e, uint32_t w) {
    m.set_episode(e);
    for (const TopicRow& t : m.topics())
        if (w >= t.start_word && w < t.end_word) return &t;
    return nullptr;
}

}  // namespace

// Protects the archive strip's colours: each episode's strip was coloured by its own group ids
// (0, 1, 2... in every episode), so unrelated topics got the same colour by position and one topic
// got different colours in different episodes. Segments of a topic recurring across episodes now
// share its colour everywhere; other segments are the neutral kOwnTopicColor.
TEST_CASE("an archive colours a topic shared by two episodes alike in both, and unrelated topics apart") {
    const std::vector<const char*>& stars = kStars;
    const std::vector<std::vector<const char*>>& other = kOther;
    std::vector<Episode> eps;
    eps.push_back(topic_episode(0, {other[0], stars, other[1]}));  // stars in the middle
    eps.push_back(topic_episode(1, {stars, other[2], other[3]}));  // stars first
    eps.push_back(topic_episode(2, {other[4], other[5], other[6]}));
    AppModel m;
    load_as_archive(m, eps);
    run_to_end(m, 2.0);  // small slices: the recurring topics are found over several steps
    REQUIRE_FALSE(m.loading());
    REQUIRE(m.recurring_known());
    const uint32_t words = kSentences * 12;  // per section
    const TopicRow* a = topic_at(m, 0, words + words / 2);
    REQUIRE(a);
    const TopicRow sa = *a;
    const TopicRow* b = topic_at(m, 1, words / 2);
    REQUIRE(b);
    const TopicRow sb = *b;
    INFO(sa.label << " / " << sb.label);
    REQUIRE(sa.recurring >= 0);
    CHECK(sa.recurring == sb.recurring);
    CHECK(sa.color == sb.color);
    CHECK(sa.color != kOwnTopicColor);
    const RecurringTopicRow& r = m.recurring_topics()[size_t(sa.recurring)];
    CHECK(r.episodes.size() == 2);
    CHECK(std::any_of(stars.begin(), stars.end(), [&](const char* w) { return r.label.find(w) != std::string::npos; }));
    // unrelated topics: first in their episodes (where the old colours were alike by position)
    for (auto [e, w] : {std::pair<uint32_t, uint32_t>{0, words / 2}, {1, words + words / 2}, {2, words / 2}, {2, 2 * words + words / 2}}) {
        const TopicRow* t = topic_at(m, e, w);
        REQUIRE(t);
        INFO("episode " << e << " word " << w << ": " << t->label);
        CHECK(t->recurring < 0);
        CHECK(t->color == kOwnTopicColor);
        CHECK(t->color != sa.color);
    }
    CHECK(m.state_json().find("\"recurringTopics\":" + std::to_string(m.recurring_topics().size())) != std::string::npos);
}

// Protects telling recurring topics apart: colours were kept distinct only within a strip, so two
// topics that never share an episode got the same colour (the first free in their episodes): the
// Episodes tab then listed them with one swatch. With up to 12 topics each has its own colour.
TEST_CASE("recurring topics in different episodes get different colours while the 12 colours last") {
    std::vector<Episode> eps;
    eps.push_back(topic_episode(0, {kStars, kOther[0], kOther[1]}));
    eps.push_back(topic_episode(1, {kOther[2], kStars, kOther[3]}));
    eps.push_back(topic_episode(2, {kOther[4], kOther[5], kOther[6]}));
    eps.push_back(topic_episode(3, {kOther[1], kOther[4], kOther[3]}));  // chess again, no stars
    AppModel m;
    load_as_archive(m, eps);
    run_to_end(m, 2.0);
    REQUIRE(m.recurring_known());
    const std::vector<RecurringTopicRow>& rows = m.recurring_topics();
    REQUIRE(rows.size() >= 2);
    REQUIRE(rows.size() <= 12);
    // the stars and the chess topics share no episode: before, both took the first colour
    auto has = [&](const RecurringTopicRow& r, const std::vector<const char*>& words) {
        return std::any_of(words.begin(), words.end(), [&](const char* w) { return r.label.find(w) != std::string::npos; });
    };
    const auto stars = std::find_if(rows.begin(), rows.end(), [&](const RecurringTopicRow& r) { return has(r, kStars); });
    const auto chess = std::find_if(rows.begin(), rows.end(), [&](const RecurringTopicRow& r) { return has(r, kOther[4]); });
    REQUIRE(stars != rows.end());
    REQUIRE(chess != rows.end());
    INFO(stars->label << " / " << chess->label);
    CHECK(stars->color != chess->color);
    for (size_t i = 0; i < rows.size(); ++i)
        for (size_t j = i + 1; j < rows.size(); ++j) {
            INFO(rows[i].label << " / " << rows[j].label);
            CHECK(rows[i].color != rows[j].color);
        }
}

// Protects small multi-episode loads (opened files, a bundle under 1 MB of text): they load at
// once, not on the archive path, and kept colouring each strip by its own groups, by position.
TEST_CASE("several episodes loaded at once colour a shared topic alike too") {
    std::vector<Episode> eps;
    eps.push_back(topic_episode(0, {kOther[0], kStars, kOther[1]}));
    eps.push_back(topic_episode(1, {kStars, kOther[2], kOther[3]}));
    AppModel m;
    m.load_episodes(std::move(eps));
    CHECK(m.phase() == LoadPhase::Ready);  // searchable at once; topics follow in the steps
    run_to_end(m, 2.0);
    REQUIRE(m.recurring_known());
    const uint32_t words = kSentences * 12;  // per section
    auto copy_at = [&](uint32_t e, uint32_t w) {  // a copy: topic_at's row lives until the next set_episode
        const TopicRow* t = topic_at(m, e, w);
        REQUIRE(t);
        return *t;
    };
    const TopicRow a = copy_at(0, words + words / 2), b = copy_at(1, words / 2);
    INFO(a.label << " / " << b.label);
    CHECK(a.recurring >= 0);
    CHECK(a.recurring == b.recurring);
    CHECK(a.color == b.color);
    const TopicRow first = copy_at(0, words / 2);  // unrelated, first in its episode
    CHECK(first.color != b.color);
}

TEST_CASE("a single-episode bundle keeps its colours by group within the episode") {
    AppModel m;
    auto bundle = write_bundle(archive_episodes(1));
    REQUIRE((bundle.ok() && m.load_bundle(Bytes(bundle.value())).ok()));
    CHECK_FALSE(m.loading());  // loaded at once, not on the archive path
    run_to_end(m);
    REQUIRE(m.topics().size() >= 2);
    CHECK_FALSE(m.recurring_known());
    for (const TopicRow& t : m.topics()) {
        CHECK(t.recurring == -1);
        CHECK(t.color == (0xff000000u | (uint32_t(topic_colour(t.group).b) << 16) | (uint32_t(topic_colour(t.group).g) << 8) | topic_colour(t.group).r));
    }
}

// Protects the Episodes tab's "Recurring topics" list: it listed keywords shared by 3+ episodes,
// not the recurring topics the strips are coloured by, so a coloured segment's topic could not be
// found in it. Its rows are now recurring_topics(), most episodes first, with the strips' colours
// and the episodes that have each; choosing one opens its episodes at the topic's first segment.
TEST_CASE("the archive's recurring topics list holds the strips' topics, colours and episodes, most episodes first") {
    const std::vector<const char*>& cooking = kOther[0];
    std::vector<Episode> eps;
    eps.push_back(topic_episode(0, {kOther[1], kStars, cooking}));   // astronomy, cooking
    eps.push_back(topic_episode(1, {kStars, kOther[2], kOther[3]}));  // astronomy
    eps.push_back(topic_episode(2, {kOther[4], cooking, kOther[5]}));  // cooking
    eps.push_back(topic_episode(3, {cooking, kOther[6], kOther[3]}));  // cooking (music also in 1)
    AppModel m;
    load_as_archive(m, eps);
    CHECK(m.recurring_by_episodes().empty());  // nothing to list while the grouping runs
    run_to_end(m, 2.0);
    REQUIRE(m.recurring_known());
    const auto& topics = m.recurring_topics();
    const auto& order = m.recurring_by_episodes();
    REQUIRE(order.size() == topics.size());
    // every topic listed once, most episodes first
    std::vector<uint32_t> sorted(order);
    std::sort(sorted.begin(), sorted.end());
    for (uint32_t g = 0; g < sorted.size(); ++g) CHECK(sorted[g] == g);
    for (size_t k = 1; k < order.size(); ++k) CHECK(topics[order[k - 1]].episodes.size() >= topics[order[k]].episodes.size());
    // each row's colour and episodes are those of its segments on the strips
    std::vector<std::vector<uint32_t>> seen(topics.size());
    for (uint32_t e = 0; e < eps.size(); ++e) {
        m.set_episode(e);
        for (const TopicRow& t : m.topics()) {
            if (t.recurring < 0) continue;
            INFO("episode " << e << ": " << t.label);
            CHECK(t.color == topics[size_t(t.recurring)].color);
            if (seen[size_t(t.recurring)].empty() || seen[size_t(t.recurring)].back() != e) seen[size_t(t.recurring)].push_back(e);
        }
    }
    for (size_t g = 0; g < topics.size(); ++g) CHECK(topics[g].episodes == seen[g]);
    // the first row is cooking, in episodes 0, 2 and 3; astronomy follows, in 0 and 1
    auto has_word = [](const RecurringTopicRow& r, const std::vector<const char*>& vocab) {
        return std::any_of(vocab.begin(), vocab.end(), [&](const char* w) { return r.label.find(w) != std::string::npos; });
    };
    const RecurringTopicRow& first = topics[order[0]];
    INFO("first row: " << first.label);
    CHECK(has_word(first, cooking));
    CHECK(first.episodes == std::vector<uint32_t>{0, 2, 3});
    auto stars = std::find_if(order.begin(), order.end(), [&](uint32_t g) { return has_word(topics[g], kStars); });
    REQUIRE(stars != order.end());
    CHECK(topics[*stars].episodes == std::vector<uint32_t>{0, 1});
    // choosing the cooking row, then opening episode 2 from it: the reader is at its cooking segment
    m.choose_recurring(int(order[0]));
    CHECK(m.chosen_recurring() == int(order[0]));
    CHECK(m.state_json().find("\"chosenTopic\":" + std::to_string(order[0])) != std::string::npos);
    m.open_at_recurring(2, int(order[0]));
    CHECK(m.episode() == 2);
    const uint32_t words = kSentences * 12;  // per section: cooking is the second of episode 2
    CHECK(m.reader_word() > words / 2);
    CHECK(m.reader_word() < words + words / 2);
    const TopicRow* at = topic_at(m, 2, m.reader_word());
    REQUIRE(at);
    CHECK(at->recurring == int(order[0]));
    CHECK(at->start_word == m.reader_word());
    m.choose_recurring(-1);
    CHECK(m.chosen_recurring() == -1);
}

// Protects what a screen reader hears for the Episodes tab's recurring topic row the keyboard is on
// (announce_recurring; the rows were out of the keyboard walk and said nothing): its label, in how
// many episodes and segments it is, whether it is the chosen one, and its place in the list.
TEST_CASE("a recurring topic row is described by its label, episodes, segments and place") {
    const std::vector<const char*>& cooking = kOther[0];
    std::vector<Episode> eps;
    eps.push_back(topic_episode(0, {kOther[1], kStars, cooking}));
    eps.push_back(topic_episode(1, {kStars, kOther[2], kOther[3]}));
    eps.push_back(topic_episode(2, {kOther[4], cooking, kOther[5]}));
    eps.push_back(topic_episode(3, {cooking, kOther[6], kOther[3]}));
    AppModel m;
    load_as_archive(m, eps);
    CHECK(announce_recurring(m, 0).empty());  // nothing to describe while the grouping runs
    run_to_end(m, 2.0);
    REQUIRE(m.recurring_known());
    const auto& order = m.recurring_by_episodes();
    REQUIRE(order.size() >= 2);
    // the segments of the first row's topic, counted on the episodes' strips
    uint32_t segments = 0;
    for (uint32_t e = 0; e < eps.size(); ++e) {
        m.set_episode(e);
        for (const TopicRow& t : m.topics()) segments += t.recurring == int(order[0]) ? 1u : 0u;
    }
    const RecurringTopicRow& first = m.recurring_topics()[order[0]];
    const std::string place = "recurring topic 1 of " + std::to_string(order.size());
    const std::string s = announce_recurring(m, 0);
    INFO(s);
    CHECK(s.rfind(first.label + ", ", 0) == 0);
    CHECK(s.find(", 3 episodes, ") != std::string::npos);  // cooking: episodes 1, 3 and 4
    CHECK(s.find(", " + std::to_string(segments) + (segments == 1 ? " segment" : " segments")) != std::string::npos);
    CHECK(s.size() > place.size());
    CHECK(s.compare(s.size() - place.size(), place.size(), place) == 0);
    CHECK(s.find("chosen") == std::string::npos);
    m.choose_recurring(int(order[0]));
    CHECK(announce_recurring(m, 0).find(", chosen, " + place) != std::string::npos);
    CHECK(announce_recurring(m, 1).find("chosen") == std::string::npos);  // only the chosen row says so
    CHECK(announce_recurring(m, -1).empty());
    CHECK(announce_recurring(m, int(order.size())).empty());
}
