// Protects: the explorer's model: load/error states, search-driven navigation (F3 order, result
// selection), seeking, deep links and quotes — everything the views and the JS API rely on.
#include <catch.hpp>

#include "app/model/app_model.h"
#include "app/model/search_engine.h"
#include "app/model/search_status.h"
#include "core/import.h"
#include "core/text.h"
#include "test_util.h"
#include "writer/bundle_writer.h"

using namespace tx;

// A plain-text transcript of `text`.
static Episode text_episode(const std::string& text) {
    ImportDesc d;
    d.format = Format::PlainText;
    d.name = "talk.txt";
    auto ep = import_transcript(Bytes(text), d);
    REQUIRE(ep.ok());
    return std::move(ep.value());
}

static std::vector<Episode> demo_episodes() {
    std::vector<Episode> v;
    v.push_back(txtest::demo_episode());
    return v;
}

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

TEST_CASE("a small bundle answers searches over every word as load_bundle returns; its topics follow in later step()s") {
    // The page loads the demo before its first frame and draws that frame before any topic work,
    // so that "search ready" is one frame: this protects that order.
    std::string txt = txtest::read_file(txtest::demo_path());
    auto bundle = write_bundle(demo_episodes());
    REQUIRE(bundle.ok());
    AppModel m;
    REQUIRE(m.load_bundle(Bytes(bundle.value())).ok());
    CHECK(m.phase() == LoadPhase::Ready);
    CHECK_FALSE(m.loading());
    CHECK(m.total_words() == count_words(txt));
    const std::string last = txt.substr(txt.rfind("listening"), 9);  // in the demo's last sentence
    m.set_query(last);
    REQUIRE_FALSE(m.occurrences().empty());
    CHECK(m.occurrences().back().word + 20 > m.total_words());  // found at the very end
    CHECK_FALSE(m.paragraphs().empty());  // the reader has its text for the first frame
    CHECK(m.topics().empty());            // the topics are not in the load
    double t = 0;
    NowFn now = [&t] { return t += 1.0; };
    CHECK(m.step(now, 8.0));  // the first frame's step: nothing but "more to come"
    CHECK(m.topics().empty());
    int steps = 0;  // then the shown episode's topics, built in pieces of at most the budget
    while (m.topics().empty() && m.step(now, 8.0)) REQUIRE(++steps < 10000);
    REQUIRE(m.topics().size() > 1);
    for (const TopicRow& topic : m.topics()) {  // and the reader's paragraphs now break at them
        bool starts_paragraph = false;
        for (const Paragraph& p : m.paragraphs()) starts_paragraph |= p.first_word == topic.start_word;
        CHECK(starts_paragraph);
    }
    CHECK_FALSE(m.step(now, 8.0));  // then idle
}

// Protects the load call's share of "search ready": the term tables' commit (a third of the index
// build) is left to the first step after the frame that shows the load, and a query before it
// still searches every word, with the same answer as after it.
TEST_CASE("a small bundle's term tables are committed by the step after its first frame, or by a query before it") {
    std::string txt = txtest::read_file(txtest::demo_path());
    auto bundle = write_bundle(demo_episodes());
    REQUIRE(bundle.ok());
    const std::string last = txt.substr(txt.rfind("listening"), 9);
    double t = 0;
    NowFn now = [&t] { return t += 1.0; };

    AppModel stepped;
    REQUIRE(stepped.load_bundle(Bytes(bundle.value())).ok());
    CHECK_FALSE(stepped.index_committed());  // not in the load call
    CHECK(stepped.step(now, 8.0));           // the first frame's step: not there either
    CHECK_FALSE(stepped.index_committed());
    CHECK(stepped.step(now, 8.0));           // the next one
    CHECK(stepped.index_committed());
    stepped.set_query(last + "*");

    AppModel asked;
    REQUIRE(asked.load_bundle(Bytes(bundle.value())).ok());
    asked.set_query(last + "*");  // a query first: commits, and finds what the stepped model finds
    CHECK(asked.index_committed());
    REQUIRE_FALSE(asked.occurrences().empty());
    REQUIRE(asked.occurrences().size() == stepped.occurrences().size());
    CHECK(asked.occurrences().back().word == stepped.occurrences().back().word);
    CHECK(asked.total_occurrences() == stepped.total_occurrences());
    CHECK(asked.total_passages() == stepped.total_passages());
}

TEST_CASE("a small bundle with a damaged episode frame fails the load with that episode's checksum message") {
    auto bundle = write_bundle(demo_episodes());
    REQUIRE(bundle.ok());
    std::string bad = bundle.value();
    bad[bad.size() - 2] = char(bad[bad.size() - 2] ^ 0x40);  // inside the last (only) episode frame
    AppModel m;
    auto st = m.load_bundle(Bytes(bad));
    CHECK(st.errc() == Errc::Corrupt);
    CHECK(m.phase() == LoadPhase::Error);
    CHECK(m.error().message.find("episode 1 fails its checksum") != std::string::npos);
    CHECK(m.episodes().empty());
    CHECK(m.total_words() == 0);
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

TEST_CASE("F3 steps through occurrences in reading order and wraps") {
    AppModel m;
    m.load_episodes(demo_episodes());
    m.set_query("zuckerberg");
    const auto& occ = m.occurrences();
    REQUIRE(occ.size() >= 2);
    for (size_t i = 1; i < occ.size(); ++i) CHECK(occ[i - 1].word < occ[i].word);
    m.next_occurrence();
    CHECK(m.current_occurrence() == 0);
    CHECK(m.reader_word() == occ[0].word);
    m.next_occurrence();
    CHECK(m.reader_word() == occ[1].word);
    m.prev_occurrence();
    m.prev_occurrence();  // wraps to the last
    CHECK(m.current_occurrence() == int(occ.size()) - 1);
    uint32_t w;
    CHECK(m.take_scroll_request(w));
    CHECK(w == occ.back().word);
    CHECK_FALSE(m.take_scroll_request(w));  // consumed
}

// Protects the first Enter/F3: it started at the reading line (30% down the reader), so hits
// already on screen above it were skipped ("match 3 of 4" first on the demo's opening screen).
TEST_CASE("the first F3 starts from the first word on screen, not the reading line") {
    AppModel m;
    m.load_episodes(demo_episodes());
    m.set_query("zuckerberg");
    const auto& occ = m.occurrences();
    REQUIRE(occ.size() >= 3);
    m.seek_word(0, occ[1].word + 1);  // the reading line is past the first two hits
    m.reader_shows_from(0);            // but the screen starts at the top of the episode
    m.next_occurrence();
    CHECK(m.current_occurrence() == 0);
    // with no reported screen, the reading line decides (as before)
    AppModel n;
    n.load_episodes(demo_episodes());
    n.set_query("zuckerberg");
    n.seek_word(0, occ[1].word + 1);
    n.next_occurrence();
    CHECK(n.current_occurrence() == 2);
}

TEST_CASE("every word of every occurrence is flagged for highlighting, and nothing else") {
    AppModel m;
    m.load_episodes(demo_episodes());
    m.set_query("\"open source\"");
    const auto& flags = m.hit_flags();
    size_t flagged = 0;
    for (uint8_t f : flags) flagged += f;
    size_t expected = 0;
    for (const auto& o : m.occurrences()) expected += o.word_end - o.word;
    CHECK(flagged == expected);
    CHECK(expected > 0);
}

TEST_CASE("selecting a result moves the reader to its first matched word") {
    AppModel m;
    m.load_episodes(demo_episodes());
    m.set_query("llama");
    REQUIRE(m.results().size() > 3);
    m.select_result(3);
    CHECK(m.selected_result() == 3);
    CHECK(m.reader_word() == m.results()[3].word);
    CHECK(m.time_ms() == m.episodes()[0].words[m.results()[3].word].start_ms);
}

// Protects where a result takes the reader (audit: for "meaning of life" the row's snippet showed
// the phrase, but Enter / a click jumped to a lone "of" said earlier in the passage, and the row's
// time, the reader's current match, F3 and the copied link all followed that "of").
TEST_CASE("selecting a multi-word result moves the reader to the words its snippet shows, not an earlier lone match") {
    ImportDesc d;
    d.format = Format::WebVTT;
    const std::string vtt = "WEBVTT\n\n00:01.000 --> 00:04.000\nMost of the guests I talked with kept coming back to one question.\n\n"
                            "00:08.000 --> 00:12.000\nWe walked for hours through the town, past the harbour and the old market.\n\n"
                            "00:16.000 --> 00:20.000\nSo tell me, what is the meaning of life for you?\n";
    auto ep = import_transcript(Bytes(vtt), d);
    REQUIRE(ep.ok());
    std::vector<Episode> v;
    v.push_back(std::move(ep.value()));
    AppModel m;
    m.load_episodes(std::move(v));
    const Episode& e = m.episodes()[0];
    auto word_index = [&](const std::string& w) {  // found in the text, not by the search
        for (uint32_t i = 0; i < e.words.size(); ++i)
            if (e.text.compare(e.words[i].begin, e.words[i].end - e.words[i].begin, w) == 0) return i;
        FAIL("no word " << w);
        return uint32_t(0);
    };
    const uint32_t meaning = word_index("meaning"), lone_of = word_index("of");
    REQUIRE(lone_of < meaning);
    REQUIRE(e.words[meaning].start_ms >= 16000);

    m.set_query("meaning of life");
    REQUIRE(m.results().size() == 1);
    const ResultRow& r = m.results()[0];
    CHECK(r.word == lone_of);
    CHECK(r.focus_word == meaning);
    CHECK(r.time_ms == e.words[meaning].start_ms);  // the row's time
    m.select_result(0);
    CHECK(m.reader_word() == meaning);
    CHECK(m.time_ms() == e.words[meaning].start_ms);
    uint32_t w = 0;
    REQUIRE(m.take_scroll_request(w));
    CHECK(w == meaning);
    uint32_t b = 0, z = 0;
    REQUIRE(m.current_match(b, z));  // the reader's current-match highlight
    CHECK(b == meaning);
    CHECK(m.deep_link().find("&t=" + std::to_string(e.words[meaning].start_ms / 1000)) != std::string::npos);
    CHECK(z == meaning + 3);  // the whole of "meaning of life", one match
    m.next_occurrence();  // F3 goes on past the phrase (not onto its "of"): wraps to the lone "of"
    CHECK(m.reader_word() == lone_of);
    m.prev_occurrence();  // and back onto the phrase selects the row again
    CHECK(m.reader_word() == meaning);
    CHECK(m.selected_result() == 0);
}

// Protects F3 over a multi-word query: the core lists its matches word by word, so "open source"
// said once took two F3 steps and the status counted "match 2 of 64" over 22 hits.
TEST_CASE("a multi-word query's words side by side are one match: one F3 step, the current match covers them") {
    std::vector<Episode> v;
    v.push_back(text_episode("we like open source software a lot. open the door now. "
                                          "the source of it all. and then open source again, said twice."));
    const Episode& e = v[0];
    auto words_at = [&](const std::string& a, const std::string& b) {  // word i is a, i + 1 is b (found in the text)
        std::vector<uint32_t> at;
        auto is = [&](uint32_t i, const std::string& w) { return e.text.compare(e.words[i].begin, e.words[i].end - e.words[i].begin, w) == 0; };
        for (uint32_t i = 0; i + 1 < e.words.size(); ++i) if (is(i, a) && (b.empty() || is(i + 1, b))) at.push_back(i);
        return at;
    };
    const std::vector<uint32_t> pairs = words_at("open", "source"), opens = words_at("open", ""), sources = words_at("source", "");
    REQUIRE(pairs.size() == 2);
    REQUIRE(opens.size() == 3);
    REQUIRE(sources.size() == 3);
    AppModel m;
    m.load_episodes(std::move(v));
    m.set_query("open source");
    const auto& occ = m.occurrences();
    REQUIRE(occ.size() == 4);  // two pairs, the lone "open", the lone "source" (not 6 words)
    CHECK(occ[0].word == pairs[0]);
    CHECK(occ[0].word_end == pairs[0] + 2);
    CHECK(occ[1].word == opens[1]);
    CHECK(occ[1].word_end == opens[1] + 1);
    CHECK(occ[2].word == sources[1]);
    CHECK(occ[3].word == pairs[1]);
    CHECK(occ[3].word_end == pairs[1] + 2);
    CHECK(m.hits_in_episode(0) == 4);
    m.seek_word(0, 0);
    m.next_occurrence();
    uint32_t b = 0, z = 0;
    REQUIRE(m.current_match(b, z));
    CHECK(b == pairs[0]);
    CHECK(z == pairs[0] + 2);  // the current match is the phrase, both words
    m.next_occurrence();       // one step over it, to the lone "open"
    CHECK(m.reader_word() == opens[1]);
    // the highlighted words are the same as before: every word of the query
    size_t flagged = 0;
    for (uint8_t f : m.hit_flags()) flagged += f;
    CHECK(flagged == 6);
    // a quoted phrase was one match already, and stays one
    m.set_query("\"open source\"");
    REQUIRE(m.occurrences().size() == 2);
    CHECK(m.occurrences()[1].word == pairs[1]);
    // one word said twice in a row is two matches (as the core counts its hits), not one
    std::vector<Episode> w;
    w.push_back(text_episode("the llama llama walked on and on."));
    AppModel n;
    n.load_episodes(std::move(w));
    n.set_query("llama");
    CHECK(n.occurrences().size() == 2);
    CHECK(n.total_occurrences() == 2);
}

TEST_CASE("seek lands on the first word at or after the time") {
    AppModel m;
    m.load_episodes(demo_episodes());
    const auto& words = m.episodes()[0].words;
    m.seek(0, 600000);
    REQUIRE(m.reader_word() < words.size());
    CHECK(words[m.reader_word()].start_ms >= 600000);
    if (m.reader_word() > 0) CHECK(words[m.reader_word() - 1].start_ms < 600000);
    m.seek(0, 4000000000u);  // beyond the end: the last word, no crash
    CHECK(m.reader_word() == words.size() - 1);
}

TEST_CASE("a deep link restores query, episode and time in a fresh model") {
    AppModel a;
    a.load_episodes(demo_episodes());
    a.set_query("jiu jitsu & \"mark\"");
    a.seek(0, 1234000);
    std::string link = a.deep_link();
    AppModel b;
    b.load_episodes(demo_episodes());
    b.apply_deep_link("#" + link);
    CHECK(b.query() == a.query());
    CHECK(b.episode() == a.episode());
    CHECK(b.time_ms() / 1000 == a.time_ms() / 1000);
}

// Protects links typed by people: t as the reader shows times (21:30, 1:30:00) or as YouTube
// writes them (1h30m5s) was ignored, and the link opened at 0:00.
TEST_CASE("a deep link's time may be seconds, h:mm:ss or 1h2m3s") {
    AppModel m;
    m.load_episodes(demo_episodes());
    auto t_of = [&](const char* link) {
        m.seek(0, 0);
        m.apply_deep_link(link);
        return m.time_ms() / 1000;
    };
    CHECK(t_of("#t=1290") == 1290);
    CHECK(t_of("#t=21:30") == 1290);
    CHECK(t_of("#t=1:30:00") == 5400);
    CHECK(t_of("#t=1h30m5s") == 5405);
    CHECK(t_of("#t=90s") == 90);
    CHECK(t_of("#t=2m") == 120);
    // malformed: ignored (the reader stays where it was)
    CHECK(t_of("#t=1:75") == 0);
    CHECK(t_of("#t=1:2:3:4") == 0);
    CHECK(t_of("#t=5x") == 0);
    CHECK(t_of("#t=h") == 0);
    CHECK(t_of("#t=") == 0);
}

// Protects a quote's punctuation (word spans leave it out): "term." not "term".
TEST_CASE("a quote keeps the punctuation around its first and last words") {
    Episode ep;
    ep.text = "He said: \"open source, mostly.\" Then left.";
    std::vector<WordSpan> spans;
    split_words(ep.text, spans);
    for (const WordSpan& s : spans) ep.words.push_back(Word{s.begin, s.end, uint32_t(ep.words.size()) * 400, kNoSpeaker});
    std::vector<Episode> v;
    v.push_back(ep);
    AppModel m;
    m.load_episodes(std::move(v));
    CHECK(m.quote(2, 4, "").find("\"\"open source, mostly.\"\"") == 0);
}

TEST_CASE("hostile deep links are ignored, not trusted") {
    AppModel m;
    m.load_episodes(demo_episodes());
    m.apply_deep_link("ep=999999&t=-5&q=%ZZ%&&&=x&t=99999999999999");
    CHECK(m.episode() == 0);
    CHECK(m.query() == "%ZZ%");
}

// Protects links into an archive that cannot be followed: #ep=999 (or #ep=abc, or #t=zz) was
// dropped without a word, and the page just showed the first episode as if that was asked for.
TEST_CASE("a deep link that cannot be followed says why, and the next move clears that") {
    AppModel m;
    std::vector<Episode> eps = demo_episodes();
    eps.push_back(txtest::demo_episode());
    m.load_episodes(std::move(eps));
    const uint32_t dur = m.episode_meta(1).duration_ms;
    m.seek(1, 60000);
    CHECK(m.link_note().empty());

    m.apply_deep_link("#ep=999&t=300");
    CHECK(m.link_note() == "Link: no episode ep=999 here (ep=0 to 1)");
    CHECK(m.episode() == 1);               // the reader stays where it was
    CHECK(m.time_ms() / 1000 == 60);       // and the t meant for episode 999 is not applied here
    CHECK(search_status(m) == m.link_note());
    CHECK(m.state_json().find("\"linkNote\":\"Link: no episode ep=999") != std::string::npos);

    m.set_query("llama");                  // a query keeps the note, after it its counts
    CHECK(search_status(m).rfind("Link: no episode ep=999 here (ep=0 to 1) \xC2\xB7 ", 0) == 0);
    m.set_query("");

    m.apply_deep_link("ep=abc&t=zz");
    CHECK(m.link_note() == "Link: ep=\"abc\" is not an episode number; t=\"zz\" is not a time (try 90, 1:30 or 1m30s)");

    m.apply_deep_link("ep=0&t=99999");     // past the end: the reader goes to the end, and says so
    CHECK(m.episode() == 0);
    CHECK(m.link_note() == "Link: t=" + format_time(99999000) + " is past the episode's end (" + format_time(dur) + ")");

    m.seek(0, 0);                          // the reader moved: the note is gone
    CHECK(m.link_note().empty());
    m.apply_deep_link("ep=1&t=30");        // a good link says nothing
    CHECK(m.link_note().empty());
    CHECK(m.episode() == 1);

    AppModel one;                          // a single transcript
    one.load_episodes(demo_episodes());
    one.apply_deep_link("ep=3");
    CHECK(one.link_note() == "Link: no episode ep=3 here (only ep=0)");
}

TEST_CASE("a quote carries the passage text, its (estimated) time and a link to it") {
    AppModel m;
    m.load_episodes(demo_episodes());
    m.seek(0, 60000);
    uint32_t w = m.reader_word();
    std::string q = m.quote(w, w + 5, "https://example.org/x");
    const Episode& ep = m.episodes()[0];
    std::string passage = ep.text.substr(ep.words[w].begin, ep.words[w + 5].end - ep.words[w].begin);
    CHECK(q.find(passage) != std::string::npos);
    CHECK(q.find("\xE2\x89\x88" + format_time(ep.words[w].start_ms)) != std::string::npos);
    CHECK(q.find("https://example.org/x#ep=0&t=") != std::string::npos);
}

TEST_CASE("format_time and url encoding") {
    CHECK(format_time(0) == "0:00");
    CHECK(format_time(61000) == "1:01");
    CHECK(format_time(3723000) == "1:02:03");
    CHECK(url_decode(url_encode("a b&c=d/\"é\"")) == "a b&c=d/\"é\"");
    CHECK(url_encode("a b") == "a%20b");
}

// Protects an archive row's snippet, filled once its episode is decoded, from marking the other
// speaker's word: fill_row had no speaker: filter, so it marked every "robots" it showed.
TEST_CASE("a result row filled from a decoded episode marks only the filtered speaker's words") {
    const std::string vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Lex>I love robots\n\n"
                            "00:02.000 --> 00:04.000\n<v Mark>robots are great\n";
    ImportDesc d;
    d.format = Format::WebVTT;
    auto ep = import_transcript(Bytes(vtt), d);
    REQUIRE(ep.ok());
    std::vector<Episode> v{ep.value()};
    SearchEngine engine(std::move(v));
    SearchOutput out = engine.run("robots speaker:mark");
    REQUIRE(out.results.size() == 1);
    ResultRow row = out.results[0];
    row.snippet.clear();
    row.spans.clear();
    row.snippet_pending = true;
    SearchEngine::fill_row(row, ep.value(), out.occurrences, out.speaker, out.speaker_excluded);
    REQUIRE(row.snippet == "I love robots robots are great");
    REQUIRE(row.spans.size() == 1);
    CHECK(row.spans[0].begin == 14);
    CHECK(row.spans[0].end == 20);
}

// Protects the current match after choosing a result of a multi-word query: its focus word may be
// inside a match that covers several words, which is then the current one (F3 goes on from it).
TEST_CASE("choosing any result of a multi-word query makes the match at its focus word the current one") {
    AppModel m;
    m.load_episodes(demo_episodes());
    for (const char* q : {"open source", "source open", "mark zuckerberg", "meta ai models"}) {
        m.set_query(q);
        REQUIRE_FALSE(m.results().empty());
        for (size_t i = 0; i < m.results().size(); ++i) {
            m.select_result(int(i));
            uint32_t b = 0, e = 0;
            REQUIRE(m.current_match(b, e));
            INFO(q << " result " << i);
            CHECK(b <= m.results()[i].focus_word);
            CHECK(m.results()[i].focus_word < e);
        }
    }
}

// Protects the reader's marks under a joined match: "rock roll" over "Rock & roll" is one F3 step,
// but the marks stay on "rock" and "roll", not on the "&" between them.
TEST_CASE("a joined match of a multi-word query is one step but its words are marked apart") {
    std::vector<Episode> v;
    v.push_back(text_episode("Rock & roll forever, they said."));
    const std::string text = v[0].text;
    AppModel m;
    m.load_episodes(std::move(v));
    m.set_query("rock roll");
    REQUIRE(m.occurrences().size() == 1);  // one step
    const auto& spans = m.hit_spans();
    REQUIRE(spans.size() == 2);
    CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "Rock");
    CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "roll");
}
