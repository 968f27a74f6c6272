// import.cpp: plain text, WebVTT, SRT, Whisper / Podcasting 2.0 / speech-to-text services' JSON, HTML and TTML importers (see import.h).
#include "core/import.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "core/json.h"
#include "core/text.h"
#include "core/topics/topics.h"

namespace tx {

constexpr uint32_t kPlainCueMs = 30000;            // plain text cues: ~30 s windows
constexpr size_t kMaxImportBytes = size_t(1) << 30;  // Word offsets are uint32; refuse > 1 GiB
constexpr uint32_t kMaxTimeMs = 0xFFFFFFFFu / 2;     // ~12 days: larger timestamps are malformed

const char* format_name(Format f) {
    switch (f) {
        case Format::Auto: return "auto";
        case Format::PlainText: return "text";
        case Format::WebVTT: return "webvtt";
        case Format::SRT: return "srt";
        case Format::WhisperJSON: return "whisper-json";
        case Format::PodcastJSON: return "podcast-json";
        case Format::HTML: return "html";
        case Format::SSA: return "ass";
    }
    return "unknown";
}

namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && ascii_iequals(s.substr(s.size() - suffix.size()), suffix);
}

std::string_view strip_bom(std::string_view s) {
    if (s.size() >= 3 && uint8_t(s[0]) == 0xEF && uint8_t(s[1]) == 0xBB && uint8_t(s[2]) == 0xBF) s.remove_prefix(3);
    return s;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

Error line_error(size_t line, const std::string& what) {
    return make_error(Errc::Malformed, "line " + std::to_string(line) + ": " + what);
}

// A non-fatal note, starting with the file's name as errors do.
void warn(const ImportDesc& desc, const std::string& what) {
    if (desc.warnings) desc.warnings->push_back((desc.name.empty() ? "" : desc.name + ": ") + what);
}

// Splits text into lines (\n, \r\n or \r), tracking 1-based line numbers.
class LineReader {
public:
    explicit LineReader(std::string_view s) : m_s(s) {}
    bool next(std::string_view& line) {
        if (m_i >= m_s.size()) return false;
        size_t j = m_i;
        while (j < m_s.size() && m_s[j] != '\n' && m_s[j] != '\r') ++j;
        line = m_s.substr(m_i, j - m_i);
        if (j < m_s.size() && m_s[j] == '\r' && j + 1 < m_s.size() && m_s[j + 1] == '\n') ++j;
        m_i = j + 1;
        ++m_line;
        return true;
    }
    size_t line_no() const { return m_line; }  // number of the line last returned
    // The line after the next `skip` lines, without consuming anything. @return false at the end.
    bool peek(std::string_view& line, int skip = 0) const {
        LineReader copy = *this;
        for (int k = 0; k < skip; ++k)
            if (!copy.next(line)) return false;
        return copy.next(line);
    }
private:
    std::string_view m_s;
    size_t m_i = 0;
    size_t m_line = 0;
};

// Builds an Episode cue by cue: appends cue text, splits it into words and interpolates times.
class Builder {
public:
    explicit Builder(const ImportDesc& desc) {
        std::string_view n = desc.name;
        size_t slash = n.find_last_of("/\\");
        if (slash != std::string_view::npos) n.remove_prefix(slash + 1);
        size_t dot = n.find_last_of('.');
        if (dot != std::string_view::npos && dot > 0) n = n.substr(0, dot);
        m_ep.meta.title = std::string(n);
    }

    int16_t speaker_id(std::string_view name) {
        name = trim(name);
        const std::string_view bold = name.substr(0, 2);  // Markdown: "**Alice** [00:00:05]"
        if (name.size() > 4 && (bold == "**" || bold == "__") && name.substr(name.size() - 2) == bold)
            name = trim(name.substr(2, name.size() - 4));
        if (name.empty()) return kNoSpeaker;
        auto& sp = m_ep.meta.speakers;
        for (size_t i = 0; i < sp.size(); ++i)
            if (sp[i] == name) return int16_t(i);
        if (sp.size() >= 32000) return kNoSpeaker;
        sp.emplace_back(name);
        return int16_t(sp.size() - 1);
    }

    // Append one cue (already stripped of markup). Words get times interpolated over
    // [start_ms, end_ms) by their byte position in the cue text.
    void add_cue(std::string_view text, uint32_t start_ms, uint32_t end_ms, int16_t speaker) {
        const uint32_t first = uint32_t(m_ep.words.size());
        add_words(text, start_ms, end_ms, speaker);
        close_cue(first, start_ms, end_ms);
    }

    // Append text to the open cue (see close_cue), its words timed as add_cue's.
    void add_words(std::string_view text, uint32_t start_ms, uint32_t end_ms, int16_t speaker) {
        text = trim(text);
        if (text.empty()) return;
        if (!m_ep.text.empty()) m_ep.text += ' ';
        size_t base = m_ep.text.size();
        m_ep.text.append(text.data(), text.size());
        m_spans.clear();
        split_words(text, m_spans);
        const double span = double(std::max(start_ms, end_ms) - start_ms);
        for (const auto& ws : m_spans) {
            Word w;
            w.begin = uint32_t(base + ws.begin);
            w.end = uint32_t(base + ws.end);
            w.start_ms = start_ms + uint32_t(span * double(ws.begin) / double(text.size()));
            w.speaker = speaker;
            m_ep.words.push_back(w);
        }
    }

    // Append one word with its own time (Whisper words[]); `glue` = no space before it.
    void add_timed_word(std::string_view text, uint32_t start_ms, int16_t speaker, bool glue) {
        if (trim(text).empty()) return;
        std::string_view t = glue ? text : trim(text);
        if (!glue && !m_ep.text.empty()) m_ep.text += ' ';
        size_t base = m_ep.text.size();
        m_ep.text.append(t.data(), t.size());
        m_spans.clear();
        split_words(t, m_spans);
        size_t from = 0;
        if (glue && !m_spans.empty() && !m_ep.words.empty() && m_ep.words.back().end == base) {
            m_ep.words.back().end = uint32_t(base + m_spans[0].end);  // "don" + "'t" -> "don't"
            from = 1;
        }
        for (size_t k = from; k < m_spans.size(); ++k) {
            const WordSpan& ws = m_spans[k];
            Word w;
            w.begin = uint32_t(base + ws.begin);
            w.end = uint32_t(base + ws.end);
            w.start_ms = start_ms;
            w.speaker = speaker;
            m_ep.words.push_back(w);
        }
    }
    // Close a cue covering the words added since `first_word`.
    void close_cue(uint32_t first_word, uint32_t start_ms, uint32_t end_ms) {
        uint32_t n = uint32_t(m_ep.words.size()) - first_word;
        if (n == 0) return;
        m_ep.cues.push_back(Cue{first_word, n, start_ms, std::max(start_ms, end_ms)});
        m_ep.meta.duration_ms = std::max(m_ep.meta.duration_ms, std::max(start_ms, end_ms));
    }

    Episode& episode() { return m_ep; }

private:
    Episode m_ep;
    std::vector<WordSpan> m_spans;
};

// The 1-based number of the line holding byte `offset` of s.
size_t line_of(std::string_view s, size_t offset) { return 1 + size_t(std::count(s.begin(), s.begin() + long(offset), '\n')); }

// Rejects invalid UTF-8, naming the line.
Status check_utf8(std::string_view s) {
    size_t bad = utf8_invalid_offset(s);
    if (bad == std::string_view::npos) return ok_status();
    return line_error(line_of(s, bad), "invalid UTF-8 (byte " + std::to_string(bad) + ")");
}

// True when `s` (not valid UTF-8) reads as Windows-1252 text rather than damaged UTF-8 or binary:
// no control bytes but tab, CR, LF and FF, none of the 5 bytes Windows-1252 leaves undefined, no
// run of more than 2 bytes >= 0x80 and 3 in 4 of them alone (UTF-8 sequences, even broken ones,
// come in runs), and some byte typical of such text: a curly quote, dash or ellipsis (0x85,
// 0x91-0x97), or an accented letter next to an ASCII letter ("caf\xE9").
bool looks_like_cp1252(std::string_view s) {
    auto ascii_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    size_t runs = 0, single = 0, typical = 0;
    for (size_t i = 0; i < s.size();) {
        const uint8_t c = uint8_t(s[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
        if (c < 0x80) { ++i; continue; }
        size_t j = i;
        for (; j < s.size() && uint8_t(s[j]) >= 0x80; ++j) {
            const uint8_t h = uint8_t(s[j]);
            if (cp1252_to_unicode(h) == 0) return false;
            const bool letter = h >= 0xC0 && h != 0xD7 && h != 0xF7;
            if (h == 0x85 || (h >= 0x91 && h <= 0x97) ||
                (letter && ((j > 0 && ascii_letter(s[j - 1])) || (j + 1 < s.size() && ascii_letter(s[j + 1])))))
                ++typical;
        }
        if (j - i > 2) return false;
        ++runs;
        single += j - i == 1;
        i = j;
    }
    return typical > 0 && single * 4 >= runs * 3;
}

// `s` read as Windows-1252, in UTF-8 (every byte defined: see looks_like_cp1252).
std::string cp1252_to_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) utf8_append(out, cp1252_to_unicode(uint8_t(c)));
    return out;
}

// ---- UTF-16 ----
// Windows Notepad's "Unicode" and some subtitle tools save UTF-16: read as UTF-8, its BOM and the
// zero byte of every ASCII character made "invalid UTF-8 (byte 0)" or "expected a cue number".

enum class Utf16 { No, LE, BE };

// How `s` is UTF-16: by its BOM (FF FE, FE FF), else by ASCII text's zero bytes: in the first
// 512 bytes (an even count, at least 4) 9 in 10 byte pairs are an ASCII character and a zero
// (zero second: little-endian; first: big-endian).
Utf16 utf16_order(std::string_view s) {
    if (s.size() >= 2 && uint8_t(s[0]) == 0xFF && uint8_t(s[1]) == 0xFE) return Utf16::LE;
    if (s.size() >= 2 && uint8_t(s[0]) == 0xFE && uint8_t(s[1]) == 0xFF) return Utf16::BE;
    const size_t n = std::min<size_t>(s.size(), 512) & ~size_t(1);
    if (n < 4) return Utf16::No;
    size_t le = 0, be = 0;
    for (size_t i = 0; i < n; i += 2) {
        const uint8_t a = uint8_t(s[i]), b = uint8_t(s[i + 1]);
        le += a != 0 && a < 0x80 && b == 0;
        be += a == 0 && b != 0 && b < 0x80;
    }
    if (le * 10 >= n / 2 * 9) return Utf16::LE;
    if (be * 10 >= n / 2 * 9) return Utf16::BE;
    return Utf16::No;
}

// `s` (UTF-16 in `order`, maybe with its BOM) in UTF-8, without the BOM.
// @return ok, or Malformed naming the line and byte of an unpaired surrogate or an odd last byte.
Status utf16_to_utf8(std::string_view s, Utf16 order, std::string& out) {
    out.clear();
    out.reserve(s.size());
    auto unit = [&](size_t i) {
        const uint32_t a = uint8_t(s[i]), b = uint8_t(s[i + 1]);
        return order == Utf16::LE ? a | b << 8 : a << 8 | b;
    };
    size_t lines = 1;
    for (size_t i = 0; i < s.size(); i += 2) {
        if (i + 1 >= s.size()) return line_error(lines, "UTF-16 text ends in half a character (byte " + std::to_string(i) + ")");
        uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < s.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            return line_error(lines, "invalid UTF-16 (an unpaired surrogate at byte " + std::to_string(i) + ")");
        }
        if (cp == 0xFEFF && out.empty()) continue;  // the BOM
        lines += cp == '\n';
        utf8_append(out, cp);
    }
    return ok_status();
}

// ---- plain text ----

// Milliseconds per word at the caller's speaking rate (ImportDesc::words_per_minute, else the
// default), kept to 10-1000 words a minute.
double plain_ms_per_word(const ImportDesc& desc) {
    const double wpm = desc.words_per_minute > 0 ? desc.words_per_minute : kDefaultWordsPerMinute;
    return 60000.0 / std::min(std::max(wpm, 10.0), 1000.0);
}

// Words in a ~30 s plain-text cue at `ms_per_word`, and how many words early or late a cue may
// end so that it ends with a sentence (40% of that).
uint32_t plain_cue_words(double ms_per_word) { return std::max<uint32_t>(1, uint32_t(std::llround(kPlainCueMs / ms_per_word))); }
uint32_t plain_cue_slack(uint32_t cue_words) { return cue_words * 2 / 5; }

bool import_timed_text(std::string_view s, const ImportDesc& desc, Episode& out);
bool import_speaker_text(std::string_view s, const ImportDesc& desc, Episode& out);
bool name_heading_turns(std::string_view s, std::string& out);

Result<Episode> import_plain(std::string_view s, const ImportDesc& desc) {
    {  // text with time marks ("0:03" lines, "Name (00:01:02):", "[00:01:02] text"): real times
        Episode timed;
        if (import_timed_text(s, desc, timed)) return timed;
    }
    {  // turns written "Name: text" (published podcast transcripts): speakers, estimated times
        Episode turns;
        if (import_speaker_text(s, desc, turns)) return turns;
    }
    {  // turns under a name alone on a line (Otter's export without timestamps), as "Name: text"
        std::string turns;
        Episode ep;
        if (name_heading_turns(s, turns) && import_speaker_text(turns, desc, ep)) return ep;
    }
    Builder b(desc);
    Episode& ep = b.episode();
    ep.text.assign(s.data(), s.size());
    std::vector<WordSpan> spans;
    split_words(ep.text, spans);
    const double ms_per_word = plain_ms_per_word(desc);
    ep.words.reserve(spans.size());
    for (size_t i = 0; i < spans.size(); ++i) {
        Word w;
        w.begin = spans[i].begin;
        w.end = spans[i].end;
        w.start_ms = uint32_t(std::llround(double(i) * ms_per_word));
        ep.words.push_back(w);
    }
    ep.meta.times_estimated = true;
    // ~30 s cues that end where a sentence does: the reader's paragraphs and the search passages
    // follow the cues, and a fixed word count cut them mid-phrase. Sentence starts come from the
    // text's punctuation or, in raw speech-to-text output, are guessed (topic engine's units).
    const std::vector<uint32_t> starts = sentence_starts(ep);
    const uint32_t per_cue = plain_cue_words(ms_per_word), slack = plain_cue_slack(per_cue);
    const uint32_t total = uint32_t(ep.words.size());
    for (uint32_t first = 0; first < total;) {
        uint32_t end = total;
        if (total - first > per_cue) {
            const uint32_t target = first + per_cue;
            end = target;  // no sentence start near the target: cut there
            int64_t best = int64_t(slack) + 1;
            for (auto it = std::lower_bound(starts.begin(), starts.end(), target - slack);
                 it != starts.end() && *it <= target + slack && *it < total; ++it) {
                const int64_t d = std::abs(int64_t(*it) - int64_t(target));
                if (d < best) {
                    best = d;
                    end = *it;
                }
            }
        }
        Cue c{first, end - first, ep.words[first].start_ms, uint32_t(std::llround(double(end) * ms_per_word))};
        ep.cues.push_back(c);
        first = end;
    }
    ep.meta.duration_ms = ep.cues.empty() ? 0 : ep.cues.back().end_ms;
    return std::move(ep);
}

// ---- timestamps ----

// Why a time was refused (read_timestamp): not one at all, or one whose fields are out of range.
enum class TimeFault { None, NotATime, Seconds, Minutes, TooLarge };

// Parses [h+:]mm:ss(.|,)mmm starting at s[i]; advances i. Hours may have any number of digits
// (real files use one), minutes and seconds 1-2 digits (< 60), fraction 1-3 digits.
TimeFault read_timestamp(std::string_view s, size_t& i, uint32_t& out_ms) {
    uint64_t fields[3];
    int nf = 0;
    while (true) {
        size_t d = i;
        uint64_t v = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - d < 9) v = v * 10 + uint64_t(s[i++] - '0');
        if (i == d) return TimeFault::NotATime;
        if (nf == 3) return TimeFault::NotATime;
        fields[nf++] = v;
        if (i < s.size() && s[i] == ':') { ++i; continue; }
        break;
    }
    if (nf < 2) return TimeFault::NotATime;
    uint64_t h = nf == 3 ? fields[0] : 0, m = fields[nf - 2], sec = fields[nf - 1];
    if (sec >= 60) return TimeFault::Seconds;
    if (m >= 60) return TimeFault::Minutes;
    uint64_t ms = 0;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        size_t d = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - d < 3) ms = ms * 10 + uint64_t(s[i++] - '0');
        if (i == d) return TimeFault::NotATime;
        for (size_t k = i - d; k < 3; ++k) ms *= 10;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;  // extra precision ignored
    }
    uint64_t total = ((h * 60 + m) * 60 + sec) * 1000 + ms;
    if (total > kMaxTimeMs) return TimeFault::TooLarge;
    out_ms = uint32_t(total);
    return TimeFault::None;
}

bool parse_timestamp(std::string_view s, size_t& i, uint32_t& out_ms) { return read_timestamp(s, i, out_ms) == TimeFault::None; }

// ---- speaker-name prefixes ("Lex Fridman: text", as Zoom's and many tools' captions write them) ----

// Length of a speaker prefix "Name: " at the start of `text` (0 when there is none): 1-4 words,
// the first starting with a letter, at most 40 bytes, no sentence punctuation, then ": " (or ":"
// ending the text: a heading line "Alice:" whose words follow on the next lines). Broadcast
// captions' speaker-change mark ">> " may come first (">> ALICE: text"), Markdown exports
// write the name bold ("**Alice:** text", "**Alice**: text"), and diarizing Whisper tools
// (whisper-ctranslate2, WhisperX) write it in brackets in their subtitles ("[SPEAKER_00]: text").
size_t speaker_prefix(std::string_view text, std::string_view& name) {
    size_t lead = 0;
    if (text.substr(0, 2) == ">>")
        for (lead = 2; lead < text.size() && text[lead] == ' ';) ++lead;
    std::string_view bold = text.substr(lead, 2);
    if (bold == "**" || bold == "__") lead += 2;
    else bold = {};
    const std::string_view t = text.substr(lead);
    const bool bracket = bold.empty() && !t.empty() && t[0] == '[';
    const size_t colon = bracket ? t.substr(0, 42).find("]:") : t.substr(0, 42).find(':');
    if (colon == std::string_view::npos || colon == 0) return 0;
    name = bracket ? t.substr(1, colon - 1) : t.substr(0, colon);
    size_t after = colon + 1 + bracket;
    if (!bold.empty() && t.substr(after, 2) == bold) after += 2;                              // **Alice:**
    else if (!bold.empty() && name.size() > 2 && name.substr(name.size() - 2) == bold) name.remove_suffix(2);  // **Alice**:
    else if (!bold.empty()) return 0;
    if (after < t.size() && t[after] != ' ') return 0;
    name = trim(name);
    if (name.empty() || !((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z') || uint8_t(name[0]) >= 0x80) ||
        name.find_first_of(",;?!()[]\"*") != std::string_view::npos || std::count(name.begin(), name.end(), ' ') > 3)
        return 0;
    return lead + std::min(after + 1, t.size());
}

// Counts the speaker-name prefixes of a file's lines or cues: how many have one, among how many
// with text, their distinct names (21 at most are kept: enough to tell "more than 20"), and
// whether a name comes back.
struct PrefixCount {
    size_t with = 0, lines = 0;
    std::vector<std::string_view> names;
    bool repeated = false;
    // `may_have_prefix` false: a cue whose speaker is known already (a <v> tag) only counts as text.
    void see(std::string_view text, bool may_have_prefix = true) {
        const std::string_view t = trim(text);
        if (t.empty()) return;
        ++lines;
        std::string_view name;
        if (!may_have_prefix || !speaker_prefix(t, name)) return;
        ++with;
        if (std::find(names.begin(), names.end(), name) != names.end()) repeated = true;
        else if (names.size() <= 20) names.push_back(name);
    }
};

// ---- plain text with time marks ----
// What people paste or export as "a transcript": YouTube's "Show transcript" copied ("0:03" on a
// line, the words on the next), Otter ("Speaker 1  0:05"), Rev / Descript ("Lex Fridman
// (00:00:05):"), notes ("[00:01:02] text"). Each mark starts a cue at its time, with its speaker.

struct TimeMark {
    bool ok = false;
    uint32_t ms = 0;
    std::string_view speaker;  // "Lex Fridman" in "Lex Fridman (00:00:05):"
    std::string_view text;     // words after a leading mark: "[00:01:02] text"
    bool range = false;        // a .sbv timing line, "0:00:00.599,0:00:04.160", alone on its line
    uint32_t end_ms = 0;       // its end
};

bool is_ts_char(char c) { return (c >= '0' && c <= '9') || c == ':' || c == '.' || c == ','; }

// A speaker name in a time mark: at most 60 bytes and 6 words, no sentence punctuation.
bool mark_name_ok(std::string_view name) {
    return !name.empty() && name.size() <= 60 && name.find_first_of("?!;\"") == std::string_view::npos &&
           std::count(name.begin(), name.end(), ' ') <= 5;
}

// A line that is a time mark: a time first ("0:03", "[00:01:02] text", "(1:02)"), or a short
// name then a time ("Name (00:00:05):", "Name [1:02]", "Name  0:05" with two spaces or a tab),
// maybe with the turn's words on the same line ("Name (00:00:05): text", "Name [1:02] text";
// then the name must start with a capital letter).
TimeMark time_mark(std::string_view line) {
    TimeMark m;
    const std::string_view t = trim(line);
    if (t.empty()) return m;
    const char close = t[0] == '[' ? ']' : t[0] == '(' ? ')' : 0;
    size_t k = close ? 1 : 0;
    uint32_t ms = 0;
    if (!close && t[0] >= '0' && t[0] <= '9') {  // YouTube Studio's .sbv timing, "0:00:00.599,0:00:04.160"
        size_t e = 0;
        uint32_t end_ms = 0;
        if (parse_timestamp(t, e, ms) && e < t.size() && t[e] == ',' && parse_timestamp(t, ++e, end_ms) && e == t.size()) {
            m.ok = true;  // the cue's text follows on the next lines
            m.ms = ms;
            m.range = true;
            m.end_ms = std::max(end_ms, ms);
            return m;
        }
    }
    if (k < t.size() && t[k] >= '0' && t[k] <= '9' && parse_timestamp(t, k, ms) && (!close || (k < t.size() && t[k++] == close)) &&
        (k == t.size() || t[k] == ' ' || t[k] == '\t')) {
        m.ok = true;
        m.ms = ms;
        m.text = trim(t.substr(k));
        return m;
    }
    if (const size_t open_at = t.find_first_of("(["); open_at != std::string_view::npos && open_at > 0 && open_at <= 61) {
        const char close_at = t[open_at] == '(' ? ')' : ']';
        k = open_at + 1;
        if (k < t.size() && t[k] >= '0' && t[k] <= '9' && parse_timestamp(t, k, ms) && k < t.size() && t[k] == close_at) {
            ++k;
            const bool colon = k < t.size() && t[k] == ':';
            k += colon;
            std::string_view name = trim(t.substr(0, open_at));
            const std::string_view rest = trim(t.substr(k));
            if (name.back() == ':') name = trim(name.substr(0, name.size() - 1));  // "Speaker 1: [00:00:04] text"
            const bool capital = !name.empty() && ((name[0] >= 'A' && name[0] <= 'Z') || uint8_t(name[0]) >= 0x80);
            if ((k == t.size() || t[k] == ' ' || t[k] == '\t') && mark_name_ok(name) &&
                (rest.empty() || (capital && (colon || close_at == ']')))) {
                m.ok = true;
                m.ms = ms;
                m.speaker = name;
                m.text = rest;
                return m;
            }
        }
    }
    std::string_view u = t;
    if (u.back() == ':') u = trim(u.substr(0, u.size() - 1));
    const char open = !u.empty() && u.back() == ')' ? '(' : !u.empty() && u.back() == ']' ? '[' : 0;
    if (open) u.remove_suffix(1);
    size_t b = u.size();
    while (b > 0 && is_ts_char(u[b - 1])) --b;
    if (b == u.size() || u[b] < '0' || u[b] > '9') return m;
    k = b;
    if (!parse_timestamp(u, k, ms) || k != u.size()) return m;
    std::string_view name = u.substr(0, b);
    if (open) {
        if (name.empty() || name.back() != open) return m;
        name.remove_suffix(1);
    } else if (!(name.size() >= 2 && ((name[name.size() - 1] == ' ' && name[name.size() - 2] == ' ') || name.back() == '\t'))) {
        return m;  // "we met at 10:30" is a sentence, not a speaker line
    }
    name = trim(name);
    if (!mark_name_ok(name)) return m;
    m.ok = true;
    m.ms = ms;
    m.speaker = name;
    return m;
}

// True for a line of only spaces and no-break spaces (Google Docs' empty paragraphs, saved as text).
bool is_blank_line(std::string_view line) {
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\xC2' && i + 1 < line.size() && line[i + 1] == '\xA0') ++i;
        else if (!trim(line.substr(i, 1)).empty()) return false;
    }
    return true;
}

// A tool's note around an exported transcript, not part of the last turn: Otter's credit
// ("Transcribed by https://otter.ai"), Google Meet's closing lines ("Transcription ended after
// 00:30:30", whose time is set in `ended_ms`, and "This editable transcript was computer generated
// and might contain errors. ..."), also as Markdown ("### Transcription ended after ...").
bool is_export_credit(std::string_view line, uint32_t& ended_ms) {
    std::string_view t = trim(line);
    while (!t.empty() && (t[0] == '#' || t[0] == '*' || t[0] == '_' || t[0] == ' ')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == '*' || t.back() == '_')) t.remove_suffix(1);
    if (t.substr(0, 31) == "Transcribed by https://otter.ai" || t.substr(0, 48) == "This editable transcript was computer generated ") return true;
    size_t i = 26;
    uint32_t ms = 0;
    if (t.substr(0, i) != "Transcription ended after " || !parse_timestamp(t, i, ms) || i != t.size()) return false;
    ended_ms = ms;
    return true;
}

// Imports `s` as text with time marks when it has them consistently: at least one per 50 lines
// with text, and either at least 3 marks whose times go forward (90% of consecutive marks), or
// at least 2 speaker headings and nothing else ("Alice (00:00:01):", "Speaker 1  0:00", "[0:01]
// Alice: text"), the first among the first 3 lines with text, in time order: a two-turn export is
// a transcript too (one "Intro (0:00)" line is not). The
// words after a leading time ("[00:00:01] Alice: text") open with a speaker name when every such
// line does (2 at least), or at least 3 and 40% of them. Between two marks, every line opening with
// "Name: " starts a turn when at least 3 and 40% of the lines do and a name comes back (Google
// Meet: a time every minute or two, a line per turn), the turns timed by their share of the text.
// @return false (out untouched) for ordinary plain text.
bool import_timed_text(std::string_view s, const ImportDesc& desc, Episode& out) {
    size_t marks = 0, text_lines = 0, forward = 0, named = 0, first_mark_line = 0, ranges = 0;
    uint32_t last = 0;
    PrefixCount lead;  // the words after leading times (on the mark's line or, after a time alone
                       // on its line, the next line: .sbv cues) that open with "Name:"
    PrefixCount body;  // the lines that are no mark
    {
        LineReader lr(s);
        std::string_view line;
        bool bare = false;  // the last line with text was a time alone
        while (lr.next(line)) {
            if (is_blank_line(line)) continue;
            ++text_lines;
            const TimeMark m = time_mark(line);
            if (!m.ok) {
                if (bare) lead.see(line);
                body.see(line);
                bare = false;
                continue;
            }
            if (marks > 0 && m.ms >= last) ++forward;
            if (marks == 0) first_mark_line = text_lines;
            last = m.ms;
            ++marks;
            ranges += m.range;
            if (m.speaker.empty()) lead.see(m.text);
            named += !m.speaker.empty();
            bare = m.speaker.empty() && m.text.empty();
        }
    }
    const bool lead_names = lead.with > 0 && lead.names.size() <= 20 &&
                            ((lead.with >= 2 && lead.with == lead.lines) || (lead.with >= 3 && lead.with * 5 >= lead.lines * 2));
    const bool line_turns = body.with >= 3 && body.with * 5 >= body.lines * 2 && body.names.size() <= 20 && body.repeated;
    const bool consistent = marks >= 3 && forward * 10 >= (marks - 1) * 9;
    const bool headings = marks >= 2 && named + (lead_names ? lead.with : 0) == marks && first_mark_line <= 3 &&
                          forward + 1 == marks;
    // YouTube Studio's .sbv: its "start,end" timing lines say what the file is from the first cue
    const bool sbv = ranges == marks && first_mark_line == 1 && forward + 1 == marks;
    if (marks * 50 < text_lines || !(consistent || headings || sbv)) return false;
    Builder b(desc);
    const double ms_per_word = plain_ms_per_word(desc);
    std::string text;  // the words since the last mark
    std::vector<std::pair<size_t, int16_t>> turns;  // where in `text` each speaker's turn starts
    uint32_t start = 0;
    int16_t speaker = kNoSpeaker;
    auto flush = [&](uint32_t end) {
        if (!text.empty()) {
            const size_t words = size_t(std::count(text.begin(), text.end(), ' ')) + 1;
            if (end <= start) end = start + uint32_t(std::min(double(words) * ms_per_word, 3600000.0));
            turns.emplace_back(text.size(), kNoSpeaker);
            auto time_at = [&](size_t off) { return start + uint32_t(uint64_t(end - start) * off / text.size()); };
            for (size_t k = 0; k + 1 < turns.size(); ++k) {
                const size_t from = turns[k].first, to = turns[k + 1].first;
                b.add_cue(std::string_view(text).substr(from, to - from), time_at(from), time_at(to), turns[k].second);
            }
        }
        text.clear();
        turns.assign(1, {0, speaker});
    };
    turns.assign(1, {0, speaker});
    LineReader lr(s);
    std::string_view line, name;
    bool bare = false;  // after a time alone on its line: the next line may open with "Name:"
    uint32_t range_end = 0;  // the last .sbv cue's own end
    while (lr.next(line)) {
        const TimeMark m = time_mark(line);
        if (!m.ok) {
            std::string_view t = trim(line);
            if (is_blank_line(t) || is_export_credit(t, range_end)) continue;
            if (!text.empty()) text += ' ';
            if (const size_t n = (bare && lead_names) || line_turns ? speaker_prefix(t, name) : 0) {
                speaker = b.speaker_id(name);
                t = trim(t.substr(n));
                if (turns.back().first < text.size()) turns.emplace_back(text.size(), speaker);
                else turns.back().second = speaker;
            }
            bare = false;
            text.append(t.data(), t.size());
            continue;
        }
        bare = m.speaker.empty() && m.text.empty();
        const uint32_t at = std::max(m.ms, start);  // a mark that goes back keeps times in order
        flush(at);
        start = at;
        range_end = m.end_ms;
        std::string_view words = m.text;
        if (!m.speaker.empty()) speaker = b.speaker_id(m.speaker);
        else if (const size_t n = lead_names || line_turns ? speaker_prefix(words, name) : 0) {
            speaker = b.speaker_id(name);
            words = trim(words.substr(n));
        }
        turns.back().second = speaker;
        text.assign(words.data(), words.size());
    }
    flush(range_end);
    out = std::move(b.episode());
    out.meta.times_estimated = false;
    return true;
}

// The time at s[i] of a timing line, read into `ms`; @return false with `why` set to what is wrong
// with it when it is a time out of range ("the seconds in 00:00:61,000 are over 59"), else to
// `not_a_time`.
bool read_cue_time(std::string_view s, size_t& i, uint32_t& ms, const char* not_a_time, std::string& why) {
    const size_t at = i;
    const TimeFault fault = read_timestamp(s, i, ms);
    if (fault == TimeFault::None) return true;
    size_t end = at;
    while (end < s.size() && ((s[end] >= '0' && s[end] <= '9') || s[end] == ':' || s[end] == '.' || s[end] == ',')) ++end;
    const std::string t(s.substr(at, end - at));
    why = t.size() > 16                  ? not_a_time  // no long run of digits quoted back
          : fault == TimeFault::Seconds  ? "the seconds in " + t + " are over 59"
          : fault == TimeFault::Minutes  ? "the minutes in " + t + " are over 59"
          : fault == TimeFault::TooLarge ? "the time " + t + " is too large"
                                         : not_a_time;
    return false;
}

// "start --> end [settings]"; @return false with `why` set when the line is malformed.
bool parse_timing_line(std::string_view line, uint32_t& a, uint32_t& b, std::string& why) {
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (!read_cue_time(line, i, a, "expected a start time like 00:01:02.500", why)) return false;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (line.substr(i, 3) != "-->") { why = "expected '-->' after the start time"; return false; }
    i += 3;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (!read_cue_time(line, i, b, "expected an end time like 00:01:04.000", why)) return false;
    if (i < line.size() && line[i] != ' ' && line[i] != '\t') { why = "unexpected text after the end time"; return false; }
    // Real Whisper files contain cues that end before they start (2 in Lexicap): keep the cue
    // with zero length rather than rejecting the whole transcript.
    if (b < a) b = a;
    return true;  // the rest of the line is cue settings (position, align, ...), ignored
}

// Decodes the character reference at s[i] (an '&'): numeric ("&#39;", "&#x27;"; 0x80-0x9F read as
// Windows-1252, as browsers do) or named (the HTML 4 Latin-1 set, "&eacute;", plus the quotes,
// dashes and symbols subtitles use: "&rsquo;", "&hellip;", "&trade;" ...). "&nbsp;" becomes a
// plain space and "&lrm;"/"&rlm;" nothing, as before.
// @return true with the character appended to `out` and i moved past the ';'; false, with nothing
// changed, for anything else (unknown names, out-of-range or control code points), which stays text.
bool decode_char_ref(std::string_view s, size_t& i, std::string& out) {
    const size_t semi = s.substr(i, 12).find(';');
    if (semi == std::string_view::npos || semi < 2) return false;
    const std::string_view ref = s.substr(i + 1, semi - 1);
    uint32_t cp = 0;
    if (ref[0] == '#') {
        const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
        const std::string_view digits = ref.substr(hex ? 2 : 1);
        if (digits.empty()) return false;
        for (char d : digits) {
            int v = d >= '0' && d <= '9' ? d - '0' : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10 : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
            if (v < 0) return false;
            cp = cp * (hex ? 16 : 10) + uint32_t(v);
            if (cp > 0x10FFFF) return false;
        }
        if (cp >= 0x80 && cp < 0xA0) cp = cp1252_to_unicode(uint8_t(cp));
        if (cp == '\t' || cp == '\n' || cp == '\r') cp = ' ';
        if (cp < 0x20 || cp == 0x7F || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    } else {
        // HTML 4's Latin-1 names, U+00A0 to U+00FF in order
        static const char* const kLatin1[96] = {
            "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
            "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
            "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
            "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
            "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
            "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
            "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
            "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"};
        static const struct { const char* name; uint32_t cp; } kOther[] = {
            {"quot", '"'}, {"amp", '&'}, {"apos", '\''}, {"lt", '<'}, {"gt", '>'}, {"OElig", 0x152}, {"oelig", 0x153},
            {"Scaron", 0x160}, {"scaron", 0x161}, {"Yuml", 0x178}, {"fnof", 0x192}, {"circ", 0x2C6}, {"tilde", 0x2DC},
            {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009}, {"zwnj", 0x200C}, {"zwj", 0x200D}, {"ndash", 0x2013},
            {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"ldquo", 0x201C},
            {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},
            {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032}, {"Prime", 0x2033}, {"lsaquo", 0x2039},
            {"rsaquo", 0x203A}, {"euro", 0x20AC}, {"trade", 0x2122}, {"lrm", 0}, {"rlm", 0}};
        bool found = false;
        for (size_t k = 0; k < 96 && !found; ++k)
            if (ref == kLatin1[k]) { cp = 0xA0 + uint32_t(k); found = true; }
        for (const auto& e : kOther)
            if (!found && ref == e.name) { cp = e.cp; found = true; }
        if (!found) return false;
        if (cp == 0xA0) cp = ' ';
    }
    if (cp) utf8_append(out, cp);
    i += semi + 1;
    return true;
}

// True for the inside of a WebVTT voice tag: "v Name", "v.loud Name", "V".
bool is_voice_tag(std::string_view tag) {
    return !tag.empty() && (tag[0] == 'v' || tag[0] == 'V') && (tag.size() == 1 || tag[1] == ' ' || tag[1] == '.' || tag[1] == '\t');
}

std::string clean_payload(std::string_view s, std::string& speaker_name);

// Where a cue's speaker changes: 0, the offset of every voice tag with words before it (since the
// last such tag) ("- <v Ann>Hi. - <v Bob>Hello." is two turns), and payload.size().
std::vector<size_t> voice_changes(std::string_view payload) {
    std::vector<size_t> at = {0};
    std::string ignored;
    std::vector<WordSpan> words;
    size_t from = 0, close = 0;  // `from`: the text since the last voice tag, not yet looked at
    bool words_since = false;    // words since at.back(): each byte is looked at once, so that a
                                 // cue of many voice tags costs linear time (hostile_test.cpp)
    for (size_t i = payload.find('<', 1); i != std::string_view::npos; i = payload.find('<', i + 1)) {
        if (close <= i) close = payload.find('>', i);
        if (close == std::string_view::npos) break;
        if (!is_voice_tag(payload.substr(i + 1, close - i - 1))) continue;
        words.clear();
        split_words(clean_payload(payload.substr(from, i - from), ignored), words);
        from = i;
        if (!(words_since = words_since || !words.empty())) continue;
        at.push_back(i);
        words_since = false;
    }
    at.push_back(payload.size());
    return at;
}

// Removes markup from a cue payload: <v Name> sets `speaker_name`, other tags, timestamps and
// ASS/SSA override blocks ("{\an8}") are dropped, so are ruby annotations ("<rt>kan</rt>"), and
// character references are decoded.
std::string clean_payload(std::string_view s, std::string& speaker_name) {
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == '<') {
            size_t close = s.find('>', i);
            if (close == std::string_view::npos) { out += c; ++i; continue; }  // a literal '<'
            std::string_view tag = s.substr(i + 1, close - i - 1);
            if (is_voice_tag(tag)) {
                size_t sp = tag.find_first_of(" \t");
                if (sp != std::string_view::npos) speaker_name = std::string(trim(tag.substr(sp + 1)));
            } else if (tag == "rt") {  // a ruby annotation (the reading of the text before it): not spoken words
                const size_t end = s.find("</rt>", close);
                if (end != std::string_view::npos) close = end + 4;
            } else if (!tag.empty() && tag[0] != '/' && !(tag[0] >= '0' && tag[0] <= '9') &&
                       !(tag[0] >= 'a' && tag[0] <= 'z') && !(tag[0] >= 'A' && tag[0] <= 'Z')) {
                out.append(s.data() + i, close - i + 1);  // not a tag ("< 5 >"): keep as text
            }
            i = close + 1;
            continue;
        }
        if (c == '&' && decode_char_ref(s, i, out)) continue;
        if (c == '{' && i + 1 < s.size() && s[i + 1] == '\\') {  // ASS/SSA override block: {\an8}, {\i1}
            const size_t close = s.find('}', i);
            if (close != std::string_view::npos) {
                i = close + 1;
                continue;
            }
        }
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
        ++i;
    }
    return out;
}

// ---- cues with speaker-name prefixes ----

// Cues collected before they go to the Builder, so a file's speaker-name prefixes can be judged as
// a whole (one cue opening with "Note:" is text; most cues opening with a name are turns).
struct PendingCue {
    std::string text, speaker;  // speaker from a <v> tag, or empty
    uint32_t start_ms = 0, end_ms = 0;
    std::vector<std::pair<uint32_t, std::string>> timed;  // inline word times: (time, words from it); then `text` is unused
};

// Hands the cues to `b`. When at least 3 cues and 40% of them open with a speaker prefix, and the
// file has at most 20 such names, the prefixes become speakers (a cue without one continues the
// previous speaker's turn); otherwise every cue keeps its text as written.
void add_cues(Builder& b, std::vector<PendingCue>& cues) {
    PrefixCount count;
    for (const PendingCue& c : cues) count.see(c.text, c.speaker.empty());
    const bool prefixes = count.with >= 3 && count.with * 5 >= count.lines * 2 && count.names.size() <= 20;
    int16_t turn = kNoSpeaker;
    for (const PendingCue& c : cues) {
        std::string_view t = trim(c.text), name;
        int16_t sp = c.speaker.empty() ? kNoSpeaker : b.speaker_id(c.speaker);
        if (!c.timed.empty()) {  // words with their own times (YouTube's <00:00:01.320> tags)
            const uint32_t first = uint32_t(b.episode().words.size());
            for (const auto& piece : c.timed) b.add_timed_word(piece.second, piece.first, sp, false);
            b.close_cue(first, c.start_ms, c.end_ms);
            continue;
        }
        if (prefixes && sp == kNoSpeaker) {
            if (const size_t n = speaker_prefix(t, name)) {
                turn = b.speaker_id(name);
                t = t.substr(n);
            }
            sp = turn;
        }
        b.add_cue(t, c.start_ms, c.end_ms, sp);
    }
}

// Plain text whose turns open with "Name: " (a published transcript: "Lex Fridman: ...").
// Taken only when at least 3 lines and a quarter of the lines with text open with a name, there
// are at most 20 names, and one of them comes back. Each line becomes cues of ~82 words (30 s at
// the default rate), cut after a word ending a sentence where one is near; times are estimated.
// @return false (out untouched) for ordinary plain text.
bool import_speaker_text(std::string_view s, const ImportDesc& desc, Episode& out) {
    PrefixCount count;
    {
        LineReader lr(s);
        std::string_view line;
        while (lr.next(line)) count.see(line);
    }
    if (count.with < 3 || count.with * 4 < count.lines || count.names.size() > 20 || !count.repeated) return false;
    Builder b(desc);
    const double ms_per_word = plain_ms_per_word(desc);
    const size_t per_cue = plain_cue_words(ms_per_word), most = per_cue + plain_cue_slack(uint32_t(per_cue));
    size_t words = 0;
    int16_t speaker = kNoSpeaker;
    std::vector<WordSpan> spans;
    LineReader lr(s);
    std::string_view line, name;
    while (lr.next(line)) {
        std::string_view t = trim(line);
        if (t.empty()) continue;
        if (const size_t n = speaker_prefix(t, name)) {
            speaker = b.speaker_id(name);
            t = trim(t.substr(n));
        }
        spans.clear();
        split_words(t, spans);
        for (size_t w0 = 0; w0 < spans.size();) {
            size_t w1 = std::min(spans.size(), w0 + most);
            if (spans.size() - w0 > most)  // cut after a sentence end near the 82nd word, else at it
                for (size_t k = w0 + per_cue; k < w1; ++k) {
                    const size_t gap_end = k + 1 < spans.size() ? spans[k + 1].begin : t.size();
                    if (t.substr(spans[k].end, gap_end - spans[k].end).find_first_of(".?!") != std::string_view::npos) {
                        w1 = k + 1;
                        break;
                    }
                    if (k + 1 == w1) w1 = w0 + per_cue;
                }
            const size_t from = spans[w0].begin, to = w1 < spans.size() ? spans[w1].begin : t.size();
            b.add_cue(t.substr(from, to - from), uint32_t(std::llround(double(words) * ms_per_word)),
                      uint32_t(std::llround(double(words + (w1 - w0)) * ms_per_word)), speaker);
            words += w1 - w0;
            w0 = w1;
        }
    }
    out = std::move(b.episode());
    out.meta.times_estimated = true;
    return true;
}

// Plain text in paragraphs, each under its speaker's name alone on a line (Otter's export without
// timestamps: "Speaker 1\nHello there.\n\nJane Doe\nThanks."), rewritten as "Name: text" lines
// into `out` for import_speaker_text. Taken when at least 3 paragraphs and 4 in 5 of them open
// with such a line (a valid "Name: " prefix once a colon is added, starting with a capital letter,
// more lines following) and a name comes back. @return false (out untouched) otherwise.
bool name_heading_turns(std::string_view s, std::string& out) {
    struct Para { std::string_view name; std::string text; };
    std::vector<Para> paras;
    size_t headed = 0;
    std::vector<std::string_view> names;
    bool repeated = false;
    LineReader lr(s);
    std::string_view line, name;
    bool in_para = false;
    while (lr.next(line)) {
        const std::string_view t = trim(line);
        uint32_t ended = 0;
        if (t.empty() || is_export_credit(t, ended)) { in_para = false; continue; }
        if (!in_para) {
            in_para = true;
            paras.push_back({});
            std::string_view next;
            const std::string heading = std::string(t) + ":";
            if (lr.peek(next) && !trim(next).empty() && t.size() <= 40 && ((t[0] >= 'A' && t[0] <= 'Z') || uint8_t(t[0]) >= 0x80) &&
                t.back() != ':' && t.back() != '.' && speaker_prefix(heading, name) == heading.size()) {
                paras.back().name = t;
                ++headed;
                if (std::find(names.begin(), names.end(), t) != names.end()) repeated = true;
                else names.push_back(t);
                continue;
            }
        }
        std::string& text = paras.back().text;
        if (!text.empty()) text += ' ';
        text.append(t.data(), t.size());
    }
    if (paras.size() < 3 || headed * 5 < paras.size() * 4 || !repeated || names.size() > 20) return false;
    out.clear();
    for (const Para& p : paras) {
        if (!p.name.empty()) out.append(p.name.data(), p.name.size()) += ": ";
        out += p.text;
        out += '\n';
    }
    return true;
}

// ---- WebVTT ----

// True for an SRT-style cue number line ("42").
bool is_cue_number(std::string_view line) {
    const std::string_view t = trim(line);
    if (t.empty() || t.size() > 9) return false;
    for (char c : t)
        if (c < '0' || c > '9') return false;
    return true;
}

// True when the next line opens a cue: a timing line, or a line followed by one (a cue number or
// identifier, or a broken timing line the caller reports).
bool next_opens_cue(const LineReader& lr) {
    std::string_view next, after;
    return (lr.peek(next) && next.find("-->") != std::string_view::npos) ||
           (lr.peek(after, 1) && after.find("-->") != std::string_view::npos);
}

// True when a whitespace-only line inside a WebVTT cue is padding, not the cue's end: WebVTT ends a
// cue only at an empty line, and YouTube's automatic captions open every cue with a line of one
// space. It is padding when more cue text follows it: a non-blank line that opens no cue.
bool vtt_padding_line(const LineReader& lr, std::string_view line) {
    std::string_view next;
    return !line.empty() && lr.peek(next) && !trim(next).empty() && !next_opens_cue(lr);
}

// True when `line` starts (after blanks) like a timestamp: with "-->" in it, a timing line, even a
// broken one; "he said --> go" is cue text.
bool starts_with_timestamp(std::string_view line) {
    const std::string_view t = trim(line);
    uint32_t ms = 0;
    size_t k = 0;
    return parse_timestamp(t, k, ms);
}

// Called at a blank line inside an SRT cue with text: skips the blank lines that follow and
// @return true when the cue's text goes on after them (a paragraph break inside the cue), false
// when the file ends or the next line opens a cue: a timing line, or any line followed by one (a
// cue number, or a broken one the caller reports), or a cue number followed by a line that starts
// like a timestamp (a broken timing line, "00:00:02,000 -> 00:00:03,000": it was read as words of
// the cue before, its times lost without a word).
bool srt_text_continues(LineReader& lr) {
    std::string_view next, after;
    while (lr.peek(next) && trim(next).empty()) lr.next(next);
    if (lr.peek(next) && is_cue_number(next) && lr.peek(after, 1) && starts_with_timestamp(after)) return false;
    return lr.peek(next) && !next_opens_cue(lr);
}

// Read a cue's text lines (up to the next blank line) joined with spaces into `payload`, and one
// by one into `lines` when given. `vtt`: whitespace-only padding lines do not end the cue.
// @return ok, or Malformed naming the line when a timing line appears inside the cue.
Status read_cue_payload(LineReader& lr, std::string& payload, bool vtt = false,
                        std::vector<std::string_view>* lines = nullptr) {
    std::string_view line;
    payload.clear();
    if (lines) lines->clear();
    while (true) {
        // A next cue without the blank line before it (hand-edited files): its number and timing
        // line, or a bare timing line that parses, end this cue instead of being its text.
        std::string_view next, after;
        if (!payload.empty() && lr.peek(next)) {
            uint32_t t0, t1;
            std::string why;
            const bool timing = next.find("-->") != std::string_view::npos;
            if (timing ? parse_timing_line(next, t0, t1, why)
                       : is_cue_number(next) && lr.peek(after, 1) && after.find("-->") != std::string_view::npos &&
                             parse_timing_line(after, t0, t1, why))
                break;
        }
        if (!lr.next(line)) break;
        if (trim(line).empty()) {
            if (vtt && vtt_padding_line(lr, line)) continue;
            if (!vtt && !payload.empty() && srt_text_continues(lr)) continue;
            break;
        }
        if (line.find("-->") != std::string_view::npos && starts_with_timestamp(line))
            return line_error(lr.line_no(), "timing line inside a cue (missing blank line before it?)");
        if (!payload.empty()) payload += ' ';
        payload.append(line.data(), line.size());
        if (lines) lines->push_back(line);
    }
    return ok_status();
}

// The next inline word time ("<00:00:01.320>") in `line` at or after `from`: @return the offset of
// its '<' with `ms` and `close` (the offset of its '>') set, or npos when there is none.
size_t find_word_time(std::string_view line, size_t from, uint32_t& ms, size_t& close) {
    for (size_t tag = line.find('<', from); tag != std::string_view::npos; tag = line.find('<', tag + 1)) {
        size_t k = tag + 1;
        close = line.find('>', tag);
        if (close != std::string_view::npos && k < line.size() && line[k] >= '0' && line[k] <= '9' &&
            parse_timestamp(line, k, ms) && k == close)
            return tag;
    }
    return std::string_view::npos;
}

// True when one of a cue's `n` lines has an inline word time ("word<00:00:01.320><c> next</c>").
// Rolling captions (YouTube's automatic ones) have them in every other cue; a file is taken for
// rolling captions only when at least 2 cues and a third of them do. One karaoke tag, or a NOTE
// block mentioning "<10:30", used to be enough, and every cue repeating the one before ("Yes",
// "Yes", "Yes") was dropped.
bool has_word_time(const std::string_view* lines, size_t n) {
    for (size_t k = 0; k < n; ++k) {
        uint32_t ms = 0;
        size_t close = 0;
        if (find_word_time(lines[k], 0, ms, close) != std::string_view::npos) return true;
    }
    return false;
}

// Splits a cue line at its inline word times ("hello<00:00:00.320><c> everyone</c>") into
// (time, cleaned words) pieces appended to `out`: text before the first time starts at the cue's
// start, and times are kept within the cue and never go back.
void split_at_word_times(std::string_view line, uint32_t start_ms, uint32_t end_ms, std::string& speaker_name,
                         std::vector<std::pair<uint32_t, std::string>>& out) {
    uint32_t t = start_ms;
    size_t i = 0;
    while (i <= line.size()) {
        uint32_t next = t;
        size_t close = std::string_view::npos;
        const size_t tag = find_word_time(line, i, next, close);
        const size_t end = tag == std::string_view::npos ? line.size() : tag;
        std::string piece = std::string(trim(clean_payload(line.substr(i, end - i), speaker_name)));
        if (!piece.empty()) out.push_back({t, std::move(piece)});
        if (tag == std::string_view::npos) break;
        t = std::min(std::max(next, t), std::max(end_ms, start_ms));
        i = close + 1;
    }
}

// A cue as read from a subtitle file: its times and its text lines (in a shared vector of lines).
struct RawCue {
    uint32_t start_ms, end_ms;
    size_t first_line, lines;
};

// ---- roll-up captions ----
// Captions shown as a scrolling window (broadcast roll-up; YouTube's automatic captions once
// their word times are gone, as yt-dlp's --convert-subs srt writes them): each cue repeats the
// line(s) the cue before it showed, then adds a new one. Read as written, every line was in the
// transcript twice.

// For each cue (its lines stripped of markup), how many of its leading lines the cue before it
// showed already, to be dropped. @return those counts when the file is roll-up captions: at least
// 2 cues open with the last line of the cue before and go on with a new line, and at least half
// of the cues after the first open with a line of the cue before; else an empty vector. Cues
// that repeat a one-line cue ("Yes", "Yes") are not roll-up on their own: nothing rolls.
std::vector<size_t> rolled_up_lines(const std::vector<std::vector<std::string>>& cues) {
    size_t opens_with_prev = 0, rolls = 0, candidates = 0;
    for (size_t i = 1; i < cues.size(); ++i) {
        const auto &prev = cues[i - 1], &cur = cues[i];
        if (prev.empty() || cur.empty() || cur[0].empty()) continue;
        ++candidates;
        if (std::find(prev.begin(), prev.end(), cur[0]) == prev.end()) continue;  // once per cue: linear
        ++opens_with_prev;
        rolls += cur[0] == prev.back() && cur.size() > 1;
    }
    if (rolls < 2 || opens_with_prev * 2 < candidates) return {};
    std::vector<size_t> drop(cues.size(), 0);
    std::unordered_set<std::string_view> prev_lines;  // a set: cues of many lines cost linear time
    for (size_t i = 1; i < cues.size(); ++i) {
        prev_lines.clear();
        prev_lines.insert(cues[i - 1].begin(), cues[i - 1].end());
        const auto& cur = cues[i];
        size_t k = 0;
        while (k < cur.size() && prev_lines.count(cur[k])) ++k;
        drop[i] = k;
    }
    return drop;
}

// The cues of a subtitle file (no inline word times) for add_cues: each one's lines joined and
// stripped of markup, a <v> tag naming its speaker; in roll-up captions (see rolled_up_lines)
// without the lines the cue before showed, with a warning saying how many were dropped.
std::vector<PendingCue> subtitle_cues(const std::vector<RawCue>& raw, const std::vector<std::string_view>& lines, const ImportDesc& desc) {
    std::vector<std::vector<std::string>> cleaned(raw.size());
    std::string speaker_name, payload;
    for (size_t i = 0; i < raw.size(); ++i)
        for (size_t k = 0; k < raw[i].lines; ++k)
            cleaned[i].push_back(std::string(trim(clean_payload(lines[raw[i].first_line + k], speaker_name))));
    const std::vector<size_t> drop = rolled_up_lines(cleaned);
    if (const size_t n = std::accumulate(drop.begin(), drop.end(), size_t(0)))  // a heuristic: say so
        warn(desc, "read as roll-up captions: dropped " + std::to_string(n) + " line(s) repeating the cue before");
    std::vector<PendingCue> cues;
    cues.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        const RawCue& rc = raw[i];
        const size_t skip = drop.empty() ? 0 : drop[i];
        speaker_name.clear();
        for (size_t k = 0; k < skip; ++k) clean_payload(lines[rc.first_line + k], speaker_name);  // a <v> tag still counts
        payload.clear();
        for (size_t k = skip; k < rc.lines; ++k) {
            if (k > skip) payload += ' ';
            payload.append(lines[rc.first_line + k].data(), lines[rc.first_line + k].size());
        }
        // one cue per voice, its time in proportion to its share of the text
        const std::vector<size_t> at = voice_changes(payload);
        auto time_at = [&](size_t off) {
            return payload.empty() ? rc.start_ms : rc.start_ms + uint32_t(uint64_t(rc.end_ms - rc.start_ms) * off / payload.size());
        };
        for (size_t k = 0; k + 1 < at.size(); ++k) {
            const std::string_view piece = std::string_view(payload).substr(at[k], at[k + 1] - at[k]);
            PendingCue cue{clean_payload(piece, speaker_name), {}, time_at(at[k]), time_at(at[k + 1]), {}};  // drops <i>, <b>, <font ...>
            cue.speaker = speaker_name;
            cues.push_back(std::move(cue));
        }
    }
    return cues;
}

Result<Episode> import_vtt(std::string_view s, const ImportDesc& desc) {
    Builder b(desc);
    LineReader lr(s);
    std::string_view line;
    if (!lr.next(line) || line.substr(0, 6) != "WEBVTT" ||
        (line.size() > 6 && line[6] != ' ' && line[6] != '\t'))
        return line_error(1, "expected 'WEBVTT' as the first line");
    // header lines until a blank line; some writers start the first cue right after "WEBVTT"
    bool pending = false;
    while (lr.next(line) && !trim(line).empty()) {
        if (line.find("-->") != std::string_view::npos) {
            pending = true;
            break;
        }
    }
    std::string why, payload, speaker_name;
    // First every cue's times and lines, then their text: whether the file is rolling captions
    // depends on all its cues.
    std::vector<RawCue> raw;
    std::vector<std::string_view> lines, cue_lines;
    while (pending || lr.next(line)) {
        pending = false;
        if (trim(line).empty()) continue;
        std::string_view t = trim(line);
        bool is_note = t.substr(0, 4) == "NOTE" && (t.size() == 4 || t[4] == ' ' || t[4] == '\t');
        bool is_block = (t == "STYLE" || t == "REGION" || t.substr(0, 6) == "STYLE " || t.substr(0, 7) == "REGION ");
        if (is_note || is_block) {
            while (lr.next(line) && !trim(line).empty()) {}
            continue;
        }
        if (line.find("-->") == std::string_view::npos) {
            // A line that starts like a timestamp is a broken timing line, not an identifier,
            // unless a timing line follows it ("00:01 intro").
            std::string_view next;
            if (starts_with_timestamp(t) && !(lr.peek(next) && next.find("-->") != std::string_view::npos)) {
                uint32_t a0, e0;
                parse_timing_line(line, a0, e0, why);
                return line_error(lr.line_no(), why);
            }
            // cue identifier; the timing line must follow
            if (!lr.next(line)) return line_error(lr.line_no(), "cue identifier without a timing line");
        }
        uint32_t a = 0, e = 0;
        if (!parse_timing_line(line, a, e, why)) return line_error(lr.line_no(), why);
        if (Status st = read_cue_payload(lr, payload, true, &cue_lines); !st) return st.error();
        raw.push_back(RawCue{a, e, lines.size(), cue_lines.size()});
        lines.insert(lines.end(), cue_lines.begin(), cue_lines.end());
    }
    // Rolling captions (YouTube's automatic ones): a cue repeats lines of the cue before it, then
    // adds new words; the repeated lines are dropped so the transcript holds each word once.
    size_t timed = 0;
    for (const RawCue& rc : raw) timed += has_word_time(lines.data() + rc.first_line, rc.lines);
    const bool rolling = timed >= 2 && timed * 3 >= raw.size();
    if (!rolling) {
        std::vector<PendingCue> cues = subtitle_cues(raw, lines, desc);
        add_cues(b, cues);
        return std::move(b.episode());
    }
    std::vector<std::string> prev_lines, cur_lines;
    std::vector<PendingCue> cues;
    cues.reserve(raw.size());
    for (const RawCue& rc : raw) {
        const std::string_view* cl = lines.data() + rc.first_line;
        speaker_name.clear();
        PendingCue cue{{}, {}, rc.start_ms, rc.end_ms, {}};
        cur_lines.clear();
        for (size_t k = 0; k < rc.lines; ++k) cur_lines.push_back(std::string(trim(clean_payload(cl[k], speaker_name))));
        size_t k = 0;  // leading lines the previous cue already showed
        while (k < cur_lines.size() && std::find(prev_lines.begin(), prev_lines.end(), cur_lines[k]) != prev_lines.end()) ++k;
        for (; k < cur_lines.size(); ++k) split_at_word_times(cl[k], rc.start_ms, rc.end_ms, speaker_name, cue.timed);
        prev_lines.swap(cur_lines);
        cue.speaker = speaker_name;
        cues.push_back(std::move(cue));
    }
    add_cues(b, cues);
    return std::move(b.episode());
}

// ---- SRT ----

Result<Episode> import_srt(std::string_view s, const ImportDesc& desc) {
    Builder b(desc);
    LineReader lr(s);
    std::string_view line;
    std::string why, payload;
    std::vector<RawCue> raw;
    std::vector<std::string_view> lines, cue_lines;
    while (lr.next(line)) {
        std::string_view t = trim(line);
        if (t.empty()) continue;
        if (line.find("-->") == std::string_view::npos) {
            for (char c : t)
                if (c < '0' || c > '9') return line_error(lr.line_no(), "expected a cue number or a timing line");
            if (!lr.next(line)) return line_error(lr.line_no(), "cue number without a timing line");
        }
        uint32_t a = 0, e = 0;
        if (!parse_timing_line(line, a, e, why)) return line_error(lr.line_no(), why);
        if (Status st = read_cue_payload(lr, payload, false, &cue_lines); !st) return st.error();
        raw.push_back(RawCue{a, e, lines.size(), cue_lines.size()});
        lines.insert(lines.end(), cue_lines.begin(), cue_lines.end());
    }
    std::vector<PendingCue> cues = subtitle_cues(raw, lines, desc);
    add_cues(b, cues);
    return std::move(b.episode());
}

// ---- ASS / SSA ----
// Advanced SubStation Alpha (Aegisub, stable-ts, fansubs): an "[Events]" section whose "Format:"
// line names the fields of its "Dialogue:" lines ("Layer, Start, End, Style, Name, ..., Text"),
// Text last (it may hold commas). Times are "h:mm:ss.cc"; Name, when given, is the speaker;
// "{\i1}" override blocks are dropped and "\N", "\n", "\h" breaks are spaces. "Comment:" lines are not
// spoken. Cues are taken in time order (files list them by layer or style).

// True when `s` (BOM removed) opens as ASS / SSA: "[Script Info]" on its first line with text.
bool looks_like_ass(std::string_view s) { return trim(s.substr(0, 64)).substr(0, 13) == "[Script Info]"; }

Result<Episode> import_ass(std::string_view s, const ImportDesc& desc) {
    LineReader lr(s);
    std::string_view line;
    std::vector<std::string_view> fields;  // the [Events] Format line's names
    bool events = false;
    std::vector<PendingCue> cues;
    std::string none;
    while (lr.next(line)) {
        const std::string_view t = trim(line);
        if (!t.empty() && t[0] == '[') events = t == "[Events]";
        if (!events) continue;
        const size_t colon = t.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view key = t.substr(0, colon);
        std::string_view rest = trim(t.substr(colon + 1));
        if (key == "Format") {
            fields.clear();
            for (size_t a = 0; a <= rest.size();) {
                const size_t c = std::min(rest.find(',', a), rest.size());
                fields.push_back(trim(rest.substr(a, c - a)));
                a = c + 1;
            }
            continue;
        }
        if (key != "Dialogue") continue;
        if (fields.empty() || fields.back() != "Text")
            return line_error(lr.line_no(), "a Dialogue line before a Format line ending in Text");
        PendingCue cue;
        bool have_start = false, have_end = false;
        for (size_t f = 0; f + 1 < fields.size(); ++f) {
            const size_t c = rest.find(',');
            if (c == std::string_view::npos)
                return line_error(lr.line_no(), "expected " + std::to_string(fields.size()) + " fields, as the Format line names");
            const std::string_view v = trim(rest.substr(0, c));
            rest = rest.substr(c + 1);
            size_t i = 0;
            if (fields[f] == "Start" || fields[f] == "End") {
                uint32_t& ms = fields[f] == "Start" ? cue.start_ms : cue.end_ms;
                if (!parse_timestamp(v, i, ms) || i != v.size())
                    return line_error(lr.line_no(), fields[f] == "Start" ? "Start is not a time like 0:00:01.50" : "End is not a time like 0:00:01.50");
                (fields[f] == "Start" ? have_start : have_end) = true;
            } else if (fields[f] == "Name" || fields[f] == "Actor") {
                cue.speaker = std::string(v);
            }
        }
        if (!have_start || !have_end) return line_error(lr.line_no(), "the Format line names no Start and End");
        std::string text(rest);
        for (size_t k = 0; k + 1 < text.size(); ++k)  // \N \n \h: line breaks and a hard space
            if (text[k] == '\\' && (text[k + 1] == 'N' || text[k + 1] == 'n' || text[k + 1] == 'h')) text[k] = text[k + 1] = ' ';
        cue.text = clean_payload(text, none);
        if (cue.end_ms < cue.start_ms) {
            warn(desc, "line " + std::to_string(lr.line_no()) + ": cue ends before it begins; skipped");
            continue;
        }
        cues.push_back(std::move(cue));
    }
    std::stable_sort(cues.begin(), cues.end(), [](const PendingCue& a, const PendingCue& b) { return a.start_ms < b.start_ms; });
    Builder b(desc);
    add_cues(b, cues);
    return std::move(b.episode());
}

// ---- Whisper JSON ----

// Why `v`, the time field `what` of an item ("segment", "word"), is not a usable time: missing
// or not a number, negative, or past the ~24-day limit.
// Why `sec`, a number given for `field` at `line`, is not a usable time: negative or too large.
Error seconds_out_of_range(size_t line, const std::string& field, double sec) {
    char num[32];
    std::snprintf(num, sizeof num, std::fabs(sec) < 1e15 ? "%.3f" : "%.3g", sec);  // %.3f of 1e300 would not fit
    if (!(sec >= 0)) return line_error(line, field + " is negative (" + num + " s)");
    char lim[32];
    std::snprintf(lim, sizeof lim, "%.3f", double(kMaxTimeMs) / 1000.0);
    return line_error(line, field + " is too large (" + num + " s; the limit is " + lim + " s)");
}

Error bad_seconds(const JsonValue& item, const JsonValue* v, const char* item_name, const char* what) {
    if (!v || !v->is_number()) return line_error(item.line, std::string(item_name) + " needs a numeric \"" + what + "\" (seconds)");
    return seconds_out_of_range(v->line, std::string(item_name) + " \"" + what + "\"", v->num);
}

// `v`, a time in seconds (`per_second` 1000: in milliseconds), as milliseconds in `out`.
// @return false when it is missing, not a number, negative or past kMaxTimeMs.
bool seconds_to_ms(const JsonValue* v, uint32_t& out, double per_second = 1) {
    const double ms = v && v->is_number() ? v->num * 1000.0 / per_second : -1;
    if (!(ms >= 0) || ms > double(kMaxTimeMs)) return false;
    out = uint32_t(std::llround(ms));
    return true;
}

// True for AssemblyAI's transcript JSON: top-level words[] of {"text", "start", "end"} in
// milliseconds (Whisper's words[] say "word", in seconds), with its "utterances", "audio_duration"
// or "audio_url". Read as seconds, a 1-hour episode lasted 42 days.
bool is_assemblyai(const JsonValue& root, const JsonValue* root_words) {
    if (!root.is_object() || !root_words || !(root.find("utterances") || root.find("audio_duration") || root.find("audio_url")))
        return false;
    for (const JsonValue& w : root_words->arr)
        if (w.is_object()) return w.find("text") && !w.find("word");
    return false;
}

// True when JSON `root` is a Podcasting 2.0 chapters file: an object with a "chapters" array and
// none of the fields a transcript JSON is read by. The one test for both import_if_chapters (a .json
// read as chapters) and import_whisper (refusing such a file as a transcript, saying what it is).
bool is_chapters_json(const JsonValue& root) {
    const JsonValue* ch = root.is_object() ? root.find("chapters") : nullptr;
    if (!ch || !ch->is_array()) return false;
    for (const char* key : {"segments", "words", "transcription", "text", "results", "monologues"})
        if (root.find(key)) return false;
    return true;
}

// The speaker of a word (WhisperX labels words, and a segment may hold words of two speakers),
// else `fallback` (its segment's).
int16_t word_speaker(Builder& b, const JsonValue& w, int16_t fallback) {
    const JsonValue* sp = w.find("speaker");
    return sp && sp->is_string() && !sp->str.empty() ? b.speaker_id(sp->str) : fallback;
}

// ---- YouTube json3 ----
// YouTube's timed text as JSON (yt-dlp --sub-format json3): {"events": [{"tStartMs", "dDurationMs",
// "segs": [{"utf8", "tOffsetMs"}]}]}, times in ms. Automatic captions time each word (tOffsetMs
// from its event's start; a seg opening with a space starts a word, one without continues it) and
// put a "\n" event between lines; uploaded captions give a cue's text in its segs. Each event with
// words is a cue (word times kept within it and never going back); events without segs (window
// definitions) are skipped. @return the episode (maybe without words: the caller refuses it), or
// Malformed naming the line of a bad event.
Result<Episode> import_json3(const JsonValue& events, const ImportDesc& desc) {
    Builder b(desc);
    uint32_t last = 0;  // the last word's time
    std::string text;
    for (const JsonValue& ev : events.arr) {
        const JsonValue* segs = ev.is_object() ? ev.find("segs") : nullptr;
        if (!segs) continue;
        uint32_t start = 0, dur = 0;
        const JsonValue* d = ev.find("dDurationMs");
        if (!segs->is_array()) return line_error(segs->line, "\"segs\" must be an array");
        if (!seconds_to_ms(ev.find("tStartMs"), start, 1000) || (d && !seconds_to_ms(d, dur, 1000)))
            return line_error(ev.line, "an event needs \"tStartMs\" (and \"dDurationMs\", if any) in milliseconds, from 0 to " +
                                           std::to_string(kMaxTimeMs / 3600000) + " hours");
        const uint32_t end = uint32_t(std::min<uint64_t>(uint64_t(start) + dur, kMaxTimeMs));
        const uint32_t first = uint32_t(b.episode().words.size());
        bool word_times = false;
        for (const JsonValue& seg : segs->arr) word_times = word_times || (seg.is_object() && seg.find("tOffsetMs"));
        text.clear();
        for (size_t k = 0; k < segs->arr.size(); ++k) {
            const JsonValue& seg = segs->arr[k];
            const JsonValue* u = seg.is_object() ? seg.find("utf8") : nullptr;
            if (!u || !u->is_string()) return line_error(seg.line, "a seg needs a \"utf8\" string");
            if (!check_utf8(u->str).ok()) return line_error(u->line, "invalid UTF-8 in utf8");
            if (!word_times) {
                text += u->str;
                continue;
            }
            uint32_t off = 0;
            if (const JsonValue* o = seg.find("tOffsetMs"); o && !seconds_to_ms(o, off, 1000))
                return line_error(o->line, "\"tOffsetMs\" must be milliseconds, from 0 to " + std::to_string(kMaxTimeMs / 3600000) + " hours");
            last = std::min(end, std::max({last, start, uint32_t(std::min<uint64_t>(uint64_t(start) + off, kMaxTimeMs))}));
            std::string w = u->str;
            std::replace(w.begin(), w.end(), '\n', ' ');
            const bool glue = k > 0 && !w.empty() && w[0] != ' ';
            b.add_timed_word(w, last, kNoSpeaker, glue);
        }
        if (word_times) b.close_cue(first, std::min(start, last), std::max(end, last));
        else {
            std::replace(text.begin(), text.end(), '\n', ' ');
            b.add_cue(text, start, end, kNoSpeaker);
        }
    }
    return std::move(b.episode());
}

Result<Episode> import_whisper(const JsonValue& root, const ImportDesc& desc) {
    const JsonValue* segs = nullptr;
    const JsonValue* root_words = nullptr;    // OpenAI verbose_json with word timestamps
    const JsonValue* transcription = nullptr;  // whisper.cpp -oj
    if (root.is_array()) segs = &root;
    else if (root.is_object()) {
        segs = root.find("segments");
        root_words = root.find("words");
        transcription = root.find("transcription");
    }
    if (segs && !segs->is_array()) return line_error(segs->line, "\"segments\" must be an array");
    if (root_words && (!root_words->is_array() || root_words->arr.empty())) root_words = nullptr;
    if (transcription && !transcription->is_array()) transcription = nullptr;
    if (!segs && !root_words && !transcription) {
        // OpenAI's transcription API by default (response_format "json") and openai-whisper's
        // result without its segments: {"text": "..."}, no times. Read as plain text.
        const JsonValue* text = root.is_object() ? root.find("text") : nullptr;
        if (text && text->is_string()) {
            if (!check_utf8(text->str).ok()) return line_error(text->line, "invalid UTF-8 in text");
            return import_plain(text->str, desc);
        }
        if (const JsonValue* ev = root.is_object() ? root.find("events") : nullptr; ev && ev->is_array())
            return import_json3(*ev, desc);  // YouTube's json3 captions
        // Podcasting 2.0's chapters file ({"version", "chapters": [{"startTime", "title"}]}) sits
        // beside transcripts in a show's folder: say what it is and how it is attached, not which
        // transcripts we take (pack and the page read X.chapters.json, or X.json, as chapters)
        if (is_chapters_json(root))
            return line_error(root.line, "a chapters file (Podcasting 2.0 \"chapters\"), not a transcript: name it "
                                         "X.chapters.json and pack or open it with its transcript X.* (X.vtt, ...), or "
                                         "give the chapters in a manifest's chapters column (docs/publish.md)");
        return line_error(root.line, "expected Whisper JSON (an object with \"segments\", \"words\", \"transcription\" or "
                                     "\"text\"), Podcasting 2.0 JSON (an object with \"segments\" of \"startTime\", "
                                     "\"endTime\", \"body\"), AssemblyAI (\"words\" and \"utterances\"), Deepgram "
                                     "(\"results\" with \"channels\"), Rev.ai (\"monologues\"), AWS Transcribe (\"results\" "
                                     "with \"items\") or Google Speech-to-Text (\"results\" of \"alternatives\")");
    }
    Builder b(desc);
    if (root.is_object()) {
        const JsonValue* title = root.find("title");
        if (title && title->is_string() && !title->str.empty()) b.episode().meta.title = title->str;
    }
    if (!segs && !root_words) {  // whisper.cpp: transcription[].offsets.{from,to} in ms, text
        for (const JsonValue& item : transcription->arr) {
            const JsonValue* off = item.is_object() ? item.find("offsets") : nullptr;
            const JsonValue* from = off ? off->find("from") : nullptr;
            const JsonValue* to = off ? off->find("to") : nullptr;
            const JsonValue* text = item.is_object() ? item.find("text") : nullptr;
            if (!from || !to || !from->is_number() || !to->is_number() || !(from->num >= 0) || !(to->num >= 0) ||
                from->num > kMaxTimeMs || to->num > kMaxTimeMs)
                return line_error(item.line, "transcription entry needs numeric \"offsets\" {\"from\", \"to\"} in ms");
            if (!text || !text->is_string()) return line_error(item.line, "transcription entry needs a \"text\" string");
            if (!check_utf8(text->str).ok()) return line_error(item.line, "invalid UTF-8 in text");
            uint32_t a = uint32_t(from->num), e = std::max(a, uint32_t(to->num));
            b.add_cue(text->str, a, e, kNoSpeaker);
        }
        return std::move(b.episode());
    }
    bool seg_words = false;
    if (segs)
        for (const JsonValue& seg : segs->arr)
            if (const JsonValue* w = seg.is_object() ? seg.find("words") : nullptr; w && w->is_array() && !w->arr.empty())
                seg_words = true;
    if (root_words && !seg_words) {
        // Top-level words[] (no leading spaces): cues follow the segments' start times when
        // there are segments, else ~30 s windows.
        // AssemblyAI: times in ms, and its speaker turns ("utterances") stand for the segments
        const bool assembly = is_assemblyai(root, root_words);
        const double per_second = assembly ? 1000 : 1;
        const JsonValue* turns = segs ? segs : assembly ? root.find("utterances") : nullptr;
        std::vector<uint32_t> starts;
        if (turns && turns->is_array())
            for (const JsonValue& seg : turns->arr) {
                uint32_t st = 0;
                if (seg.is_object() && seconds_to_ms(seg.find("start"), st, per_second)) starts.push_back(st);
            }
        size_t si = 0;
        uint32_t cue_first = 0, cue_start = 0, last_ms = 0, last_end = 0;
        bool open = false;
        for (const JsonValue& w : root_words->arr) {
            if (!w.is_object()) return line_error(w.line, "word is not an object");
            const JsonValue* wt = w.find("word");
            if (!wt) wt = w.find("text");
            if (!wt || !wt->is_string()) return line_error(w.line, "word needs a \"word\" string");
            if (!check_utf8(wt->str).ok()) return line_error(w.line, "invalid UTF-8 in word");
            uint32_t ws = last_ms, we = 0;
            if (w.find("start") && !seconds_to_ms(w.find("start"), ws, per_second)) return bad_seconds(w, w.find("start"), "word", "start");
            if (w.find("end") && seconds_to_ms(w.find("end"), we, per_second)) last_end = std::max(last_end, we);
            ws = std::max(ws, last_ms);  // keep word times monotonic
            bool boundary = false;
            if (!starts.empty()) {
                while (si + 1 < starts.size() && ws >= starts[si + 1]) { ++si; boundary = true; }
            } else {
                boundary = open && ws >= cue_start + kPlainCueMs;
            }
            if (open && boundary) {
                b.close_cue(cue_first, cue_start, ws);
                open = false;
            }
            if (!open) {
                cue_first = uint32_t(b.episode().words.size());
                cue_start = ws;
                open = true;
            }
            b.add_timed_word(wt->str, ws, word_speaker(b, w, kNoSpeaker), false);
            last_ms = ws;
        }
        if (open) b.close_cue(cue_first, cue_start, std::max(last_end, last_ms));
        return std::move(b.episode());
    }
    if (!segs) return line_error(root.line, "expected a \"segments\" array");
    for (const JsonValue& seg : segs->arr) {
        if (!seg.is_object()) return line_error(seg.line, "segment is not an object");
        if (!seg.find("start"))
            return line_error(seg.line, "segment needs a \"start\" (Whisper JSON) or \"startTime\" (Podcasting 2.0 JSON), in seconds");
        uint32_t a = 0, e = 0;
        if (!seconds_to_ms(seg.find("start"), a)) return bad_seconds(seg, seg.find("start"), "segment", "start");
        if (!seconds_to_ms(seg.find("end"), e)) return bad_seconds(seg, seg.find("end"), "segment", "end");
        if (e < a) e = a;  // as for WebVTT: a zero-length segment, not a reason to reject the file
        int16_t speaker = kNoSpeaker;
        if (const JsonValue* sp = seg.find("speaker"); sp && sp->is_string()) speaker = b.speaker_id(sp->str);
        const JsonValue* words = seg.find("words");
        if (words && words->is_array() && !words->arr.empty()) {
            uint32_t first = uint32_t(b.episode().words.size());
            uint32_t last_ms = a, lo = a, hi = e;  // lo, hi: the cue's times, widened to its words'
            bool first_in_seg = true;
            // openai-whisper's words carry their own leading space (" Hello", " there"), and one
            // without it continues the word before ("don" + "'t"); WhisperX / faster-whisper words
            // carry none ("Hello", "there."): when no word after the first has a leading space,
            // every word stands alone.
            bool spaced = false;
            for (size_t k = 1; k < words->arr.size() && !spaced; ++k) {
                const JsonValue* t = words->arr[k].is_object() ? words->arr[k].find("word") : nullptr;
                if (!t && words->arr[k].is_object()) t = words->arr[k].find("text");
                spaced = t && t->is_string() && !t->str.empty() && (t->str[0] == ' ' || t->str[0] == '\t');
            }
            for (const JsonValue& w : words->arr) {
                if (!w.is_object()) return line_error(w.line, "word is not an object");
                const JsonValue* wt = w.find("word");
                if (!wt) wt = w.find("text");
                if (!wt || !wt->is_string()) return line_error(w.line, "word needs a \"word\" string");
                uint32_t ws = last_ms;
                if (w.find("start") && !seconds_to_ms(w.find("start"), ws)) return bad_seconds(w, w.find("start"), "word", "start");
                if (!first_in_seg) ws = std::max(ws, last_ms);  // a word going back keeps the one before's time
                last_ms = ws;
                lo = std::min(lo, ws);
                hi = std::max(hi, ws);
                std::string_view txt = wt->str;
                if (check_utf8(txt).ok() == false) return line_error(w.line, "invalid UTF-8 in word");
                // a word without a leading space continues the previous one, except at the start
                // of a segment and in files whose words have no spaces at all (see `spaced`)
                bool glue = spaced && !first_in_seg && !txt.empty() && txt[0] != ' ';
                b.add_timed_word(txt, ws, word_speaker(b, w, speaker), glue);
                first_in_seg = false;
            }
            b.close_cue(first, lo, hi);
        } else {
            const JsonValue* text = seg.find("text");
            if (!text || !text->is_string()) return line_error(seg.line, "segment needs a \"text\" string");
            if (!check_utf8(text->str).ok()) return line_error(seg.line, "invalid UTF-8 in segment text");
            b.add_cue(text->str, a, e, speaker);
        }
    }
    return std::move(b.episode());
}

// ---- HTML ----
// The podcast namespace's text/html transcripts (<cite>Alice:</cite> <time>0:00</time>
// <p>text</p>) and saved web pages. The HTML becomes text, one paragraph a line, cite + time
// written as the timed-text heading "Alice (0:00):" (a cite alone as the "Alice: " prefix, a time
// alone as a "0:00" line), and that text goes through the plain text importer.

// True when `s` from byte i starts with `lower` (a lower-case ASCII literal), ignoring ASCII case.
bool ascii_ieq_prefix(std::string_view s, size_t i, std::string_view lower) {
    return i <= s.size() && s.size() - i >= lower.size() && ascii_iequals(s.substr(i, lower.size()), lower);
}

// Position of the first "</name" (any case) at or after i, or npos.
size_t find_close_tag(std::string_view s, size_t i, std::string_view name) {
    for (; (i = s.find("</", i)) != std::string_view::npos; i += 2)
        if (ascii_ieq_prefix(s, i + 2, name)) return i;
    return std::string_view::npos;
}

// Tags that end a line of text: paragraphs and other blocks.
bool is_block_tag(std::string_view name) {
    static const char* const kBlocks[] = {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
                                          "tr", "table", "section", "article", "main", "header", "footer", "nav", "aside",
                                          "blockquote", "pre", "hr", "figure", "figcaption", "body", "html", "head", "title",
                                          "form", "address", "details", "summary"};
    for (const char* b : kBlocks)
        if (name == b) return true;
    return false;
}

// When the page has a <main> or an <article>, the text from the first one's start to the last
// one's end (the transcript, without the site's navigation and footer); else the whole page.
std::string_view html_content(std::string_view s) {
    for (std::string_view tag : {std::string_view("main"), std::string_view("article")}) {
        size_t open = std::string_view::npos;
        for (size_t i = 0; (i = s.find('<', i)) != std::string_view::npos; ++i)
            if (ascii_ieq_prefix(s, i + 1, tag) && i + 1 + tag.size() < s.size() &&
                (s[i + 1 + tag.size()] == '>' || s[i + 1 + tag.size()] == ' ' || s[i + 1 + tag.size()] == '\t' ||
                 s[i + 1 + tag.size()] == '\n' || s[i + 1 + tag.size()] == '\r')) {
                open = i;
                break;
            }
        if (open == std::string_view::npos) continue;
        size_t close = std::string_view::npos;
        for (size_t i = open; (i = find_close_tag(s, i, tag)) != std::string_view::npos; i += 2) close = i;
        if (close != std::string_view::npos) return s.substr(open, close - open);
    }
    return s;
}

// `s` (HTML) as text, one paragraph a line (see the section comment); `title` gets <title>'s text.
// A <cite> or <time> opening a block is the heading of the next paragraph; inside a sentence
// ("as <cite>Knuth</cite> wrote", "at <time>10:30</time>") it is words.
std::string html_to_text(std::string_view page, std::string& title) {
    std::string out, line, cite, time, tbuf;  // cite and time: the pending heading; tbuf: a <time>'s text
    bool in_cite = false, in_time = false, time_inline = false;
    auto flush = [&]() {
        const std::string_view t = trim(line);
        if (!t.empty()) {
            const bool name_ok = mark_name_ok(cite) && cite.find_first_of("()[]") == std::string::npos;
            if (!time.empty() && (cite.empty() || !name_ok)) out += time + "\n";
            if (!time.empty() && !cite.empty() && name_ok) out += cite + " (" + time + "):\n";
            else if (!cite.empty()) out += cite + ": ";
            out.append(t.data(), t.size());
            out += "\n\n";
            cite.clear();
            time.clear();
        }
        line.clear();
    };
    auto append_text = [&](std::string& to, char c) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (space) {
            if (!to.empty() && to.back() != ' ') to += ' ';
        } else {
            to += c;
        }
    };
    // <title>: the page's title, not its words
    if (size_t i = 0; (i = page.find("<title")) != std::string_view::npos || (i = page.find("<TITLE")) != std::string_view::npos) {
        const size_t gt = page.find('>', i), end = find_close_tag(page, i, "title");
        if (gt != std::string_view::npos && end != std::string_view::npos && gt < end) {
            std::string raw;
            const std::string_view inner = page.substr(gt + 1, end - gt - 1);
            for (size_t k = 0; k < inner.size();) {
                if (inner[k] == '&' && decode_char_ref(inner, k, raw)) continue;
                append_text(raw, inner[k++]);
            }
            title = std::string(trim(raw));
        }
    }
    const std::string_view s = html_content(page);
    // Searches that failed once fail from any later position too: remembered, so that many
    // unclosed '<' or <head>s cost one scan, not one each (hostile_test.cpp).
    const size_t last_gt = s.rfind('>');
    bool no_close_head = false, no_close_title = false;
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        std::string& to = in_cite ? cite : in_time ? tbuf : line;
        if (c == '&') {
            if (!decode_char_ref(s, i, to)) { to += '&'; ++i; }
            continue;
        }
        if (c != '<') {
            append_text(to, c);
            ++i;
            continue;
        }
        if (s.compare(i, 4, "<!--") == 0) {  // comment
            const size_t end = s.find("-->", i + 4);
            i = end == std::string_view::npos ? s.size() : end + 3;
            continue;
        }
        size_t k = i + 1;
        const bool closing = k < s.size() && s[k] == '/';
        k += closing;
        const size_t name_at = k;
        while (k < s.size() && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9'))) ++k;
        const bool named = k > name_at || (!closing && k < s.size() && (s[k] == '!' || s[k] == '?'));
        const size_t gt = named && last_gt != std::string_view::npos && k <= last_gt ? s.find('>', k) : std::string_view::npos;
        if (gt == std::string_view::npos) {
            append_text(to, c);  // a literal '<' ("a < b")
            ++i;
            continue;
        }
        std::string name(s.substr(name_at, k - name_at));
        for (char& ch : name)
            if (ch >= 'A' && ch <= 'Z') ch = char(ch + 32);
        i = gt + 1;
        if (!closing && (name == "script" || name == "style" || name == "template" || name == "noscript" || name == "svg" ||
                         name == "title" || name == "head")) {
            bool& unclosed = name == "head" ? no_close_head : no_close_title;
            if ((name == "head" || name == "title") && unclosed) continue;
            const size_t end = find_close_tag(s, i, name);
            if (end == std::string_view::npos && (name == "head" || name == "title")) {  // </head> may be left out
                unclosed = true;
                continue;
            }
            if (end == std::string_view::npos) break;  // an unclosed script: the rest is script
            const size_t end_gt = s.find('>', end);
            i = end_gt == std::string_view::npos ? s.size() : end_gt + 1;
            if (name == "head" || name == "title") flush();
            continue;
        }
        if (name == "cite" && !in_time) {
            if (!closing && trim(line).empty()) {
                cite.clear();
                in_cite = true;
            } else if (closing && in_cite) {
                while (!cite.empty() && (cite.back() == ' ' || cite.back() == ':')) cite.pop_back();
                while (!cite.empty() && cite.front() == ' ') cite.erase(cite.begin());
                in_cite = false;
            }
            continue;
        }
        if (name == "time" && !in_cite) {
            if (!closing) {
                tbuf.clear();
                time_inline = !trim(line).empty();
                in_time = true;
            } else if (in_time) {
                // a time of the transcript ("0:00", "01:02:03") heading a block; other <time>s (a
                // date) and times inside a sentence are words
                const std::string_view t = trim(tbuf);
                size_t p = 0;
                uint32_t ms = 0;
                if (!time_inline && parse_timestamp(t, p, ms) && p == t.size()) time = std::string(t);
                else line += tbuf;
                in_time = false;
            }
            continue;
        }
        if (is_block_tag(name)) flush();
        else if (name == "td" || name == "th") append_text(line, ' ');
    }
    flush();
    return out;
}

Result<Episode> import_html(std::string_view s, const ImportDesc& desc) {
    std::string title;
    const std::string text = html_to_text(s, title);
    if (count_words(text) == 0) return make_error(Errc::Malformed, "no transcript text in this HTML (after removing tags, scripts and styles)");
    Result<Episode> r = import_plain(text, desc);
    if (r.ok() && !title.empty()) r.value().meta.title = title;
    return r;
}

// True when `s` opens as XML ("<?xml", or TTML's root "<tt"): TTML / DFXP captions, read by
// import_ttml (below); read as text, the markup was words.
bool looks_like_xml(std::string_view s) {
    return ascii_ieq_prefix(s, 0, "<?xml") || ascii_ieq_prefix(s, 0, "<tt ") || ascii_ieq_prefix(s, 0, "<tt>") ||
           ascii_ieq_prefix(s, 0, "<tt:");
}

// ---- TTML / DFXP ----
// W3C Timed Text: each <p> with a begin (its own or an ancestor's) is a cue. Times follow TTML 1
// §10.3.1: clock time "01:02:03.500" / "01:02:03:12" (frames at ttp:frameRate, default 30, times
// ttp:frameRateMultiplier "1000 1001") and offsets "12.5s", "1500ms", "2m", "1h", "30f", "100t"
// (ticks at ttp:tickRate; absent, the effective frame rate times ttp:subFrameRate when a frame
// rate is given, else 1 per second, §7.2.12); Apple Podcasts' transcripts also write bare seconds
// "75.120" and minutes:seconds "1:48.737". In the default "par" time container a child's begin
// and end count from its parent's begin; in a timeContainer="seq" from the end of the sibling before
// (its end or dur, else the latest end inside it; the first child from the parent's begin). A seq
// child with neither is taken to end where it begins, with a warning (TTML makes it last
// indefinitely, so that no later sibling would ever show). Prefixes are ignored ("tt:p", "p").
// Apple Podcasts' transcripts (spans marked podcasts:unit="word" / "sentence") give every element
// its time from the start of the episode, not from its parent's begin, write their word spans
// with no space between them, and may leave the <p> untimed with only its words timed: there,
// times are read as absolute, a space goes before each such span, and an untimed <p> runs from its
// first word's begin to its last word's end.

constexpr size_t kMaxTtmlDepth = 256;  // deeper nesting is refused (no caption file comes near)

struct TtmlRates {
    double frame = 30, sub_frame = 1, tick = 1;  // frames / sub-frames per frame / ticks, per second
};

// The local part of an XML name: "tt:p" -> "p".
std::string_view xml_local(std::string_view name) {
    const size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Reads "digits[.digits]" from s[i]. @return false when no digit starts there.
bool read_decimal(std::string_view s, size_t& i, double& out) {
    const size_t from = i;
    double v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - from < 15) v = v * 10 + (s[i++] - '0');
    if (i == from) return false;
    if (i < s.size() && s[i] == '.') {
        double scale = 0.1;
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, scale /= 10) v += (s[i] - '0') * scale;
    }
    out = v;
    return true;
}

// Reads digits from s[i] (at most 9). @return false when no digit starts there.
bool read_integer(std::string_view s, size_t& i, double& out) {
    const size_t from = i;
    double v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - from < 9) v = v * 10 + (s[i++] - '0');
    out = v;
    return i > from;
}

// Parses a TTML time expression (see the section comment) into seconds.
// @return false with `why` set for anything else.
bool ttml_time(std::string_view s, const TtmlRates& r, double& sec, std::string& why) {
    s = trim(s);
    why = "\"" + std::string(s.substr(0, 40)) + "\" is not a TTML time (like 00:00:01.500, 00:00:01:12, 1.5s or 1500ms)";
    size_t i = 0;
    double a = 0;
    if (!read_decimal(s, i, a)) return false;
    if (i == s.size()) return (sec = a, true);  // Apple Podcasts' bare seconds, "75.120"
    if (s[i] == ':') {  // clock time: hours:minutes:seconds[.fraction | :frames[.sub-frames]]
        double m = 0, sc = 0;
        const size_t m_at = ++i;
        if (!read_decimal(s, i, m)) return false;
        if (i == s.size()) {  // Apple Podcasts' minutes:seconds, "1:48.737"
            if (std::min(s.substr(m_at).find('.'), i - m_at) != 2 || m >= 60 || std::floor(a) != a) return false;
            return (sec = a * 60 + m, true);
        }
        if (i - m_at != 2 || s[i] != ':') return false;
        const size_t s_at = ++i;
        if (!read_decimal(s, i, sc) || std::min(s.substr(s_at, i - s_at).find('.'), i - s_at) != 2 || std::floor(a) != a) return false;
        double frames = 0, sub = 0;
        if (i < s.size() && s[i] == ':' && std::floor(sc) == sc) {  // frames: "HH:MM:SS:FF[.sub-frames]"
            ++i;
            if (!read_integer(s, i, frames) || (i < s.size() && s[i] == '.' && !read_integer(s, ++i, sub))) return false;
            if (frames >= r.frame || sub >= r.sub_frame) {
                why = "\"" + std::string(s) + "\": frame " + std::to_string(int64_t(frames)) + " is not below the frame rate";
                return false;
            }
            frames += sub / r.sub_frame;
        }
        if (i != s.size() || m >= 60 || sc >= 61) return false;
        sec = a * 3600 + m * 60 + sc + frames / r.frame;
        return true;
    }
    const std::string_view unit = s.substr(i);
    if (unit == "h") sec = a * 3600;
    else if (unit == "m") sec = a * 60;
    else if (unit == "s") sec = a;
    else if (unit == "ms") sec = a / 1000;
    else if (unit == "f") sec = a / r.frame;
    else if (unit == "t") sec = a / r.tick;
    else return false;
    return true;
}

// One element's attributes that matter here (local names; values undecoded).
struct TtmlTag {
    std::string_view name;  // local name
    bool closing = false, empty = false;  // "</p>", "<br/>"
    std::string_view begin, end, dur, agent, role, id, frame_rate, multiplier, sub_frame_rate, tick_rate, time_container;
    std::string_view unit;  // Apple Podcasts' podcasts:unit ("word", "sentence")
    bool has_begin = false, has_end = false, has_dur = false;
};

// Parses the tag s[lt, gt] ("<tt:p begin='1s'>"). @return false for a malformed tag.
bool parse_ttml_tag(std::string_view tag, TtmlTag& t) {
    size_t i = 1;
    if (i < tag.size() && tag[i] == '/') { t.closing = true; ++i; }
    const size_t name_at = i;
    while (i < tag.size() && tag[i] != ' ' && tag[i] != '\t' && tag[i] != '\n' && tag[i] != '\r' && tag[i] != '/' && tag[i] != '>') ++i;
    if (i == name_at) return false;
    t.name = xml_local(tag.substr(name_at, i - name_at));
    while (i < tag.size()) {
        const char c = tag[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { ++i; continue; }
        if (c == '>') return true;
        if (c == '/') { t.empty = true; ++i; continue; }
        const size_t an = i;
        while (i < tag.size() && tag[i] != '=' && tag[i] != ' ' && tag[i] != '>' && tag[i] != '/') ++i;
        const std::string_view attr = xml_local(tag.substr(an, i - an));
        while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r')) ++i;
        if (i >= tag.size() || tag[i] != '=') return false;
        ++i;
        while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r')) ++i;
        if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) return false;
        const size_t close = tag.find(tag[i], i + 1);
        if (close == std::string_view::npos) return false;
        const std::string_view v = tag.substr(i + 1, close - i - 1);
        i = close + 1;
        if (attr == "begin") { t.begin = v; t.has_begin = true; }
        else if (attr == "end") { t.end = v; t.has_end = true; }
        else if (attr == "dur") { t.dur = v; t.has_dur = true; }
        else if (attr == "agent") t.agent = v;
        else if (attr == "role") t.role = v;
        else if (attr == "id") t.id = v;
        else if (attr == "frameRate") t.frame_rate = v;
        else if (attr == "frameRateMultiplier") t.multiplier = v;
        else if (attr == "subFrameRate") t.sub_frame_rate = v;
        else if (attr == "tickRate") t.tick_rate = v;
        else if (attr == "timeContainer") t.time_container = v;
        else if (attr == "unit") t.unit = v;
    }
    return false;
}

// The end of the tag opening at s[lt] (the '>' outside quotes), or npos.
size_t xml_tag_end(std::string_view s, size_t lt) {
    char quote = 0;
    for (size_t i = lt + 1; i < s.size(); ++i) {
        if (quote) { if (s[i] == quote) quote = 0; }
        else if (s[i] == '"' || s[i] == '\'') quote = s[i];
        else if (s[i] == '>') return i;
    }
    return std::string_view::npos;
}

// Reads <tt>'s ttp: parameters. @return false with `why` set for unusable values.
bool ttml_rates(const TtmlTag& t, TtmlRates& r, std::string& why) {
    size_t i = 0;
    double v = 0;
    auto positive = [&](std::string_view s, double& out, const char* what) {
        i = 0;
        s = trim(s);
        if (!read_decimal(s, i, v) || i != s.size() || v <= 0 || v > 1e12) {
            why = std::string("ttp:") + what + " \"" + std::string(s.substr(0, 40)) + "\" is not a positive number";
            return false;
        }
        out = v;
        return true;
    };
    if (!t.frame_rate.empty() && !positive(t.frame_rate, r.frame, "frameRate")) return false;
    if (!t.sub_frame_rate.empty() && !positive(t.sub_frame_rate, r.sub_frame, "subFrameRate")) return false;
    if (!t.multiplier.empty()) {
        const std::string_view m = trim(t.multiplier);
        const size_t sp = m.find(' ');
        double num = 0, den = 0;
        if (sp == std::string_view::npos || !positive(m.substr(0, sp), num, "frameRateMultiplier") ||
            !positive(m.substr(sp + 1), den, "frameRateMultiplier"))
            return (why = "ttp:frameRateMultiplier \"" + std::string(m.substr(0, 40)) + "\" is not two positive numbers like \"1000 1001\"", false);
        r.frame = r.frame * num / den;
    }
    if (!t.frame_rate.empty()) r.tick = r.frame * r.sub_frame;
    if (!t.tick_rate.empty() && !positive(t.tick_rate, r.tick, "tickRate")) return false;
    return true;
}

// Reads TTML `s`. @return the episode; Malformed naming the line for broken markup or times;
// `untimed` set (and Malformed) when no <p> has a time, for the caller's text fallback.
Result<Episode> import_ttml(std::string_view s, const ImportDesc& desc, bool& untimed) {
    untimed = false;
    struct Open {
        std::string name;
        size_t line;
        double begin;                 // absolute seconds
        double end;                   // absolute seconds, or -1 when open-ended
        bool timed;                   // this element or an ancestor has a begin, end or dur
        std::string speaker;          // from ttm:agent / ttm:role, inherited
        double own_end = -1;          // absolute end from its own end or dur, else the latest of its children's; -1: none
        bool explicit_end = false;    // own_end is from its own end or dur
        bool seq = false;             // timeContainer="seq": children follow one another
        double cursor = 0;            // seq: where the next child's times count from (absolute)
        double first_begin = -1;      // the earliest begin given by it or inside it; -1: none
    };
    const bool apple = s.find("podcasts:unit") != std::string_view::npos;  // Apple Podcasts: absolute times
    std::vector<Open> stack;
    std::vector<PendingCue> cues;
    std::unordered_map<std::string, std::string> agents;  // xml:id -> <ttm:name> text
    std::string agent_id, agent_name;                       // the <ttm:agent> being read
    bool in_agent_name = false;
    TtmlRates rates;
    std::string text, why;  // text: the open <p>'s
    size_t p_depth = 0, p_line = 0, line = 1, counted = 0;  // p_depth: stack size when the <p> opened (0: none)
    bool p_untimed = false;
    size_t seq_open = 0, seq_open_line = 0;  // seq children without an end, and the first's line
    size_t meta_depth = 0;                    // open <metadata> elements: their text is no one's words
    // The open <p>'s speaker turns: (offset in `text`, speaker). A <span> naming another speaker
    // starts a turn; text before any name (or outside the spans that name one) is the speaker's
    // of the turn around it, so <p><span ttm:agent="a1">Hi</span><br/>there</p> is a1's.
    std::vector<std::pair<size_t, std::string>> turns;
    size_t blank_to = 0;  // text[turns.back().first, blank_to) is blank: each character is looked at once
    auto speaks = [&](const std::string& who) {
        if (turns.empty() || who.empty() || who == turns.back().second) return;
        blank_to = std::max(blank_to, turns.back().first);
        while (blank_to < text.size() && trim(std::string_view(text).substr(blank_to, 1)).empty()) ++blank_to;
        if (turns.back().second.empty() || blank_to == text.size()) turns.back().second = who;
        else turns.emplace_back(text.size(), who);
    };
    // A child `x` of the open element (the stack's top) has ended: its end is the parent's latest
    // child end, and in a seq where the next child starts.
    auto child_closed = [&](const Open& x) {
        if (stack.empty() || (x.name != "body" && x.name != "div" && x.name != "p" && x.name != "span")) return;  // timed elements
        Open& parent = stack.back();
        if (!parent.explicit_end) parent.own_end = std::max(parent.own_end, x.own_end);
        if (x.first_begin >= 0 && (parent.first_begin < 0 || x.first_begin < parent.first_begin)) parent.first_begin = x.first_begin;
        if (!parent.seq) return;
        if (x.own_end < 0 && !seq_open++) seq_open_line = x.line;
        parent.cursor = x.own_end >= 0 ? x.own_end : x.begin;
    };
    auto line_at = [&](size_t at) {
        line += size_t(std::count(s.begin() + long(counted), s.begin() + long(at), '\n'));
        counted = at;
        return line;
    };
    auto speaker_of = [&](std::string_view id) {
        const auto a = agents.find(std::string(id));
        return a != agents.end() && !a->second.empty() ? a->second : std::string(trim(id));
    };
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c != '<') {
            if ((p_depth && !meta_depth) || in_agent_name) {  // a <p>'s text, not its <metadata>'s
                std::string& to = in_agent_name ? agent_name : text;
                if (c == '&' && decode_char_ref(s, i, to)) continue;
                const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
                if (!space) to += c;  // XML's default white space: a run of it is one space (indented
                else if (!to.empty() && to.back() != ' ') to += ' ';  // markup read "Hello        world")
            }
            ++i;
            continue;
        }
        const size_t at = line_at(i);
        if (s.compare(i, 4, "<!--") == 0 || s.compare(i, 9, "<![CDATA[") == 0) {
            const bool comment = s[i + 2] == '-';
            const size_t e = s.find(comment ? "-->" : "]]>", i);
            if (e == std::string_view::npos) return line_error(at, comment ? "comment not closed (no -->)" : "CDATA not closed (no ]]>)");
            if (!comment && p_depth && !meta_depth) text.append(s.substr(i + 9, e - i - 9));
            i = e + 3;
            continue;
        }
        const size_t gt = xml_tag_end(s, i);
        if (gt == std::string_view::npos) return line_error(at, "tag not closed (no '>')");
        const std::string_view raw = s.substr(i, gt - i + 1);
        i = gt + 1;
        if (raw[1] == '?' || raw[1] == '!') continue;  // <?xml ...?>, <!DOCTYPE ...>
        TtmlTag t;
        if (!parse_ttml_tag(raw, t)) return line_error(at, "malformed tag " + std::string(raw.substr(0, 40)));
        if (t.closing) {
            if (stack.empty() || stack.back().name != t.name)
                return line_error(at, "</" + std::string(t.name) + "> closes " +
                                          (stack.empty() ? std::string("nothing") : "<" + stack.back().name + "> of line " + std::to_string(stack.back().line)));
            if (t.name == "name") in_agent_name = false;
            if (t.name == "metadata") --meta_depth;
            if (t.name == "agent" && !agent_id.empty()) agents.emplace(agent_id, std::string(trim(agent_name)));
            if (p_depth == stack.size()) {  // the cue's </p>
                Open& p = stack.back();
                if (apple && !p.explicit_end && p.first_begin >= 0) {  // Apple: timed by its words
                    p.timed = true;
                    p.begin = p.first_begin;
                    p.end = std::max(p.own_end, p.begin);
                }
                if (!p.timed) p_untimed = true;
                else if (p.end >= 0 && p.end < p.begin) {
                    warn(desc, "line " + std::to_string(p_line) + ": cue ends before it begins; skipped");
                } else {  // a cue per speaker turn, each timed by its share of the text
                    const uint32_t a = uint32_t(std::llround(p.begin * 1000));
                    const uint32_t e = p.end < 0 ? UINT32_MAX : uint32_t(std::llround(p.end * 1000));  // open-ended: set below
                    turns.emplace_back(text.size(), std::string());
                    for (size_t k = 0; k + 1 < turns.size(); ++k) {
                        const size_t from = turns[k].first, to = turns[k + 1].first;
                        auto time_at = [&](size_t off) {
                            if (e == UINT32_MAX) return off == text.size() ? e : a;  // only the last turn's end is open
                            return text.empty() ? a : a + uint32_t(uint64_t(e - a) * off / text.size());
                        };
                        cues.push_back(PendingCue{text.substr(from, to - from), turns[k].second, time_at(from), time_at(to), {}});
                    }
                }
                text.clear();
                p_depth = 0;
            }
            const Open closed = std::move(stack.back());
            stack.pop_back();
            child_closed(closed);
            if (p_depth) speaks(stack.back().speaker);  // back in the parent: its speaker again
            continue;
        }
        if (stack.size() >= kMaxTtmlDepth) return line_error(at, "elements nested deeper than " + std::to_string(kMaxTtmlDepth));
        if (t.name == "tt" && !ttml_rates(t, rates, why)) return line_error(at, why);
        const Open* parent = stack.empty() ? nullptr : &stack.back();
        Open o{std::string(t.name), at,
               parent ? (parent->seq ? parent->cursor : parent->begin) : 0, parent ? parent->end : -1,
               parent && (parent->timed || parent->seq), parent ? parent->speaker : std::string()};
        double b = 0, e = 0, d = 0;
        if (t.has_begin && !ttml_time(t.begin, rates, b, why)) return line_error(at, "begin: " + why);
        if (t.has_end && !ttml_time(t.end, rates, e, why)) return line_error(at, "end: " + why);
        if (t.has_dur && !ttml_time(t.dur, rates, d, why)) return line_error(at, "dur: " + why);
        const double base = apple ? 0 : o.begin;
        if (t.has_begin) o.begin = o.first_begin = base + b;
        if (t.has_end) o.end = base + e;
        if (t.has_dur && (!t.has_end || o.begin + d < o.end)) o.end = o.begin + d;
        if ((o.explicit_end = t.has_end || t.has_dur)) o.own_end = o.end;
        o.seq = t.time_container == "seq";
        o.cursor = o.begin;
        if (!t.time_container.empty() && !o.seq && t.time_container != "par")
            warn(desc, "line " + std::to_string(at) + ": timeContainer \"" + std::string(t.time_container.substr(0, 20)) + "\" is not par or seq; read as par");
        o.timed = o.timed || t.has_begin || t.has_end || t.has_dur;
        if (o.begin * 1000 > kMaxTimeMs || o.end * 1000 > kMaxTimeMs)
            return line_error(at, "time beyond " + std::to_string(kMaxTimeMs / 3600000) + " hours");
        if (!t.agent.empty()) o.speaker = speaker_of(t.agent.substr(0, t.agent.find(' ')));
        else if (!t.role.empty() && t.name != "agent") o.speaker = std::string(trim(t.role));
        if (t.name == "agent") { agent_id = std::string(t.id); agent_name.clear(); }
        if (t.name == "p" && p_depth) return line_error(at, "<p> inside the <p> of line " + std::to_string(p_line));
        if (t.name == "br" && p_depth) text += ' ';
        if (t.empty || t.name == "br") {  // <br/> (or a sloppy <br>), <p begin="1s"/>: no text
            if (t.name != "br") child_closed(o);
            continue;
        }
        if (t.name == "name" && !agent_id.empty()) in_agent_name = true;
        if (t.name == "metadata") ++meta_depth;
        if (p_depth) speaks(o.speaker);  // <span ttm:agent="a2"> inside the <p>
        if (p_depth && !t.unit.empty() && !text.empty() && text.back() != ' ') text += ' ';  // Apple's word spans
        stack.push_back(std::move(o));
        if (t.name == "p") {
            p_depth = stack.size();
            p_line = at;
            text.clear();
            turns.assign(1, {0, stack.back().speaker});
            blank_to = 0;
        }
    }
    if (!stack.empty()) return line_error(stack.back().line, "<" + stack.back().name + "> is not closed");
    cues.erase(std::remove_if(cues.begin(), cues.end(), [](const PendingCue& c) { return trim(c.text).empty(); }), cues.end());
    if (cues.empty()) return (untimed = true, make_error(Errc::Malformed, "no timed <p> in this TTML"));
    if (p_untimed) warn(desc, "<p> without a begin skipped");
    if (seq_open)
        warn(desc, "line " + std::to_string(seq_open_line) + ": " + std::to_string(seq_open) +
                       " element(s) in a timeContainer=\"seq\" without end or dur: each taken to end where it begins (approximated)");
    std::stable_sort(cues.begin(), cues.end(), [](const PendingCue& a, const PendingCue& b) { return a.start_ms < b.start_ms; });
    for (size_t k = 0; k < cues.size(); ++k)  // open-ended cues last until the next one (or 2 s)
        if (cues[k].end_ms == UINT32_MAX)
            cues[k].end_ms = k + 1 < cues.size() ? std::max(cues[k].start_ms, cues[k + 1].start_ms) : cues[k].start_ms + 2000;
    Builder b(desc);
    add_cues(b, cues);
    return std::move(b.episode());
}

// True when `s` (BOM removed, leading space trimmed) opens as HTML: with "<!DOCTYPE html", or a
// tag such as <html>, <head>, <body>, <p>, <div>, <cite> or <time> (podcast transcript HTML has no
// <html>), at its start.
bool looks_like_html(std::string_view s) {
    if (s.empty() || s[0] != '<') return false;
    for (std::string_view open : {"<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<cite", "<time", "<meta", "<!--"})
        if (ascii_ieq_prefix(s, 0, open)) return true;
    return looks_like_xml(s);
}

// True when `t` (the head of a file, trimmed) opens as a transcript JSON: an object or an array
// of objects ("[00:00:01] text" is text). `any_object`: every object counts; else (a .txt) only one
// naming a transcript's fields ("segments", "words", "transcription", "monologues", "results").
bool looks_like_json(std::string_view t, bool any_object) {
    if (t.empty() || (t[0] != '{' && t[0] != '[')) return false;
    if (t[0] == '[') {
        const std::string_view rest = trim(t.substr(1));
        if (rest.empty() || (rest[0] != '{' && rest[0] != ']')) return false;
    }
    for (std::string_view key : {"\"segments\"", "\"words\"", "\"transcription\"", "\"monologues\"", "\"results\""})
        if (any_object || t.find(key) != std::string_view::npos) return true;
    return false;
}

// ---- Podcasting 2.0 JSON ----
// The podcast namespace's transcript JSON (podcastindex.org, "podcast:transcript" type
// application/json): {"version": "1.0.0", "segments": [{"speaker": "Alice", "startTime": 0.5,
// "endTime": 3.2, "body": "Welcome"}, ...]}. Hosts write a segment per phrase or per word, so
// segments are joined into cues as a reader's paragraphs and search's passages want them.

constexpr uint32_t kJoinPauseMs = 2000;      // a silence this long between segments starts a cue
constexpr uint32_t kJoinSentenceMs = 10000;  // a cue this long ends with a segment ending a sentence
                                             // (and any cue at kPlainCueMs, 30 s)

// The segments of Podcasting 2.0 JSON: `root`'s "segments" (or `root`, a bare array of them) when
// its first segment object has "startTime", "endTime" or "body" (Whisper's have "start", "end",
// "text"); else nullptr.
const JsonValue* podcast_segments(const JsonValue& root) {
    const JsonValue* segs = root.is_object() ? root.find("segments") : &root;
    if (!segs || !segs->is_array()) return nullptr;
    for (const JsonValue& seg : segs->arr)
        if (seg.is_object()) return seg.find("startTime") || seg.find("endTime") || seg.find("body") ? segs : nullptr;
    return nullptr;
}

// A protobuf Duration written as an object, as Google's client libraries print one (Node's
// JSON.stringify of a response): {"seconds": 12 or "12", "nanos": 500000000}, either left out (or
// null) when zero, not both. @return ok with the seconds in `sec`, or an error naming the line.
Status duration_object(const JsonValue& v, const std::string& field, double& sec) {
    auto field_of = [&](const char* key) {
        const JsonValue* f = v.find(key);
        return f && f->type != JsonValue::Type::Null ? f : nullptr;
    };
    const JsonValue* s = field_of("seconds");
    const JsonValue* n = field_of("nanos");
    if (!s && !n) return line_error(v.line, field + " is an object without \"seconds\" or \"nanos\" (a duration like {\"seconds\": 1, \"nanos\": 500000000})");
    double whole = 0;
    if (s && s->is_string()) {  // int64 as a string: "12", "-3"
        const std::string_view t = trim(s->str);
        const size_t digits = t.substr(0, 1) == "-" ? 1 : 0;
        if (t.size() == digits || t.size() > digits + 15 || t.find_first_not_of("0123456789", digits) != std::string_view::npos)
            return line_error(s->line, field + " \"seconds\" is not a whole number: \"" + std::string(t.substr(0, 40)) + "\"");
        whole = std::strtod(std::string(t).c_str(), nullptr);
    } else if (s) {
        if (!s->is_number() || s->num != std::floor(s->num)) return line_error(s->line, field + " \"seconds\" is not a whole number");
        whole = s->num;
    }
    if (n && (!n->is_number() || n->num != std::floor(n->num) || std::fabs(n->num) > 999999999))
        return line_error(n->line, field + " \"nanos\" is not a whole number of nanoseconds from -999999999 to 999999999");
    sec = whole + (n ? n->num / 1e9 : 0);
    return ok_status();
}

// A time in a transcript JSON, named `field` in messages: seconds as a number, or a string holding
// seconds ("12.5", AWS Transcribe's "0.5", Google's duration "1.500s") or a timestamp ("00:01:02.5",
// "1:02"), or a duration object (duration_object). @return ok with the time in `out`, or an error
// naming the line and what is wrong.
Status json_seconds(const JsonValue& v, const std::string& field, uint32_t& out) {
    double sec = 0;
    if (v.is_number()) {
        sec = v.num;
    } else if (v.is_string()) {
        std::string_view t = trim(v.str);
        size_t k = 0;
        uint32_t ms = 0;
        if (t.find(':') != std::string_view::npos) {
            if (!parse_timestamp(t, k, ms) || k != t.size())
                return line_error(v.line, field + " is not a time: \"" + std::string(t.substr(0, 40)) + "\" (expected seconds or 00:01:02.5)");
            out = ms;
            return ok_status();
        }
        if (t.size() > 1 && t.back() == 's' && t[t.size() - 2] >= '0' && t[t.size() - 2] <= '9') t.remove_suffix(1);  // "1.5s"
        char* end = nullptr;
        const std::string str(t);
        sec = std::strtod(str.c_str(), &end);
        if (str.empty() || end != str.c_str() + str.size() || !std::isfinite(sec))
            return line_error(v.line, field + " is not a time: \"" + std::string(trim(v.str).substr(0, 40)) + "\" (expected seconds or 00:01:02.5)");
    } else if (v.is_object()) {
        if (Status st = duration_object(v, field, sec); !st) return st;
    } else {
        return line_error(v.line, field + " must be a number of seconds");
    }
    if (!(sec >= 0) || sec * 1000.0 > double(kMaxTimeMs)) return seconds_out_of_range(v.line, field, sec);
    out = uint32_t(std::llround(sec * 1000.0));
    return ok_status();
}

// A Podcasting 2.0 time `key` of `seg` (see json_seconds). @return ok with `present` false when the
// field is absent or null, else the time or an error naming the line and what is wrong.
Status podcast_time(const JsonValue& seg, const char* key, bool& present, uint32_t& out) {
    const JsonValue* v = seg.find(key);
    present = v && v->type != JsonValue::Type::Null;
    if (!present) return ok_status();
    return json_seconds(*v, std::string("segment \"") + key + "\"", out);
}

// True when `text` ends a sentence: its last character, before closing quotes or brackets, is
// '.', '?', '!' or an ellipsis.
bool ends_sentence(std::string_view text) {
    text = trim(text);
    while (!text.empty() && (text.back() == '"' || text.back() == '\'' || text.back() == ')')) text.remove_suffix(1);
    if (text.size() >= 3 && text.substr(text.size() - 3) == "\xE2\x80\xA6") return true;  // …
    if (text.size() >= 3 && (text.substr(text.size() - 3) == "\xE2\x80\x9D" || text.substr(text.size() - 3) == "\xE2\x80\x99"))
        text.remove_suffix(3);  // ” ’
    return !text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!');
}

// True when a segment's body belongs against the word before it: only closing punctuation ("," or
// ".", which speech-to-text services emit as tokens of their own) or a contraction's tail ("'t",
// "n't", "'s", "'re", ...; straight or curly apostrophe; maybe followed by punctuation).
bool continues_word(std::string_view body) {
    std::string_view t = trim(body);
    const size_t end = t.find_last_not_of(".,;:!?)]}%");
    if (t.empty() || end == std::string_view::npos) return !t.empty();
    t = t.substr(0, end + 1);
    std::string tail(t.size() > 6 ? std::string_view() : t);
    for (char& c : tail)
        if (c >= 'A' && c <= 'Z') c = char(c + 32);
    const size_t curly = tail.find("\xE2\x80\x99");  // ’
    if (curly != std::string::npos) tail.replace(curly, 3, "'");
    for (const char* c : {"'t", "n't", "'s", "'re", "'ve", "'ll", "'m", "'d"})
        if (tail == c) return true;
    return false;
}

Result<Episode> import_podcast(const JsonValue& segs, const ImportDesc& desc) {
    struct Seg {
        std::string_view body;
        uint32_t start = 0, end = 0;
        bool has_end = false;
        int16_t speaker = kNoSpeaker;
    };
    Builder b(desc);
    std::vector<Seg> list;
    list.reserve(segs.arr.size());
    int16_t speaker = kNoSpeaker;
    uint32_t last_start = 0;
    for (const JsonValue& seg : segs.arr) {
        if (!seg.is_object()) return line_error(seg.line, "segment is not an object");
        Seg g;
        bool has_start = false;
        if (Status st = podcast_time(seg, "startTime", has_start, g.start); !st) return st.error();
        if (!has_start) return line_error(seg.line, "segment needs a \"startTime\" (seconds)");
        if (Status st = podcast_time(seg, "endTime", g.has_end, g.end); !st) return st.error();
        const JsonValue* body = seg.find("body");
        if (!body || !body->is_string()) return line_error(seg.line, "segment needs a \"body\" string");
        if (!check_utf8(body->str).ok()) return line_error(body->line, "invalid UTF-8 in body");
        // a segment without a speaker continues the turn of the one before
        if (const JsonValue* sp = seg.find("speaker"); sp && sp->is_string() && !trim(sp->str).empty()) speaker = b.speaker_id(sp->str);
        g.speaker = speaker;
        g.body = body->str;
        g.start = std::max(g.start, last_start);  // a segment that goes back keeps times in order
        last_start = g.start;
        list.push_back(g);
    }
    // Missing or backwards end times: up to the next segment's start, else a speaking-rate guess.
    const double ms_per_word = plain_ms_per_word(desc);
    for (size_t i = 0; i < list.size(); ++i) {
        Seg& g = list[i];
        if (g.has_end && g.end >= g.start) continue;
        const double words = double(count_words(g.body));
        g.end = i + 1 < list.size() ? list[i + 1].start
                                    : g.start + uint32_t(std::min(std::max(words, 1.0) * ms_per_word, 3600000.0));
        g.end = std::min(std::max(g.end, g.start), kMaxTimeMs);
    }
    uint32_t first = 0, cue_start = 0, cue_end = 0;
    bool open = false;
    for (size_t i = 0; i < list.size(); ++i) {
        const Seg& g = list[i];
        if (trim(g.body).empty()) continue;
        if (open) {
            const Seg& prev = list[i - 1];
            const uint32_t len = cue_end - cue_start;
            if (g.speaker != prev.speaker || g.start >= cue_end + kJoinPauseMs || len >= kPlainCueMs ||
                (len >= kJoinSentenceMs && ends_sentence(prev.body))) {
                b.close_cue(first, cue_start, cue_end);
                open = false;
            }
        }
        if (!open) {
            first = uint32_t(b.episode().words.size());
            cue_start = g.start;
            cue_end = g.start;
            open = true;
        }
        if (i > 0 && open && b.episode().words.size() > first && continues_word(g.body))
            b.add_timed_word(trim(g.body), g.start, g.speaker, true);  // "Hello" + "," -> "Hello,"
        else
            b.add_words(g.body, g.start, g.end, g.speaker);
        cue_end = std::max(cue_end, g.end);
    }
    if (open) b.close_cue(first, cue_start, cue_end);
    return std::move(b.episode());
}

// ---- speech-to-text services' JSON: Deepgram, Rev.ai, AWS Transcribe, Google Cloud ----
// Each service names its fields its own way; all come down to timed sentences (a cue each) or
// timed words and punctuation tokens, grouped into cues here.

constexpr uint32_t kSttCueMs = 15000;  // timed words without sentence ends are cut into cues this long

// One timed word or punctuation token of a service's output.
struct SttWord {
    std::string_view text;
    uint32_t start = 0, end = 0;
    int16_t speaker = kNoSpeaker;
    bool glue = false;  // no space before it: punctuation, or a word joined to the one before
};

// A cue of a service's output before it is added: words[first, first + count) of the caller's
// SttWord list, or (count 0) a sentence's text.
struct SttCue {
    uint32_t start = 0, end = 0;
    int16_t speaker = kNoSpeaker;
    std::string_view text;
    size_t first = 0, count = 0;
};

// Cuts words[from, end) into cues appended to `out`: a cue ends at a speaker change, after a token
// ending a sentence and before a word kSttCueMs after its start (`one_cue`: never; the words are
// one cue). Starts that go back keep the one before (times stay in order, rewritten in `words`);
// an end before its start is the start.
void stt_word_cues(std::vector<SttWord>& words, size_t from, bool one_cue, std::vector<SttCue>& out) {
    uint32_t last = 0;
    bool open = false, ended = false;
    for (size_t k = from; k < words.size(); ++k) {
        SttWord& w = words[k];
        w.start = std::max(w.start, last);
        SttCue* c = open ? &out.back() : nullptr;
        if (c && !one_cue && !w.glue && (w.speaker != c->speaker || ended || w.start >= c->start + kSttCueMs)) c = nullptr;
        if (!c) {
            out.push_back(SttCue{w.start, w.start, w.speaker, {}, k, 0});
            c = &out.back();
            open = true;
        }
        ++c->count;
        ended = ends_sentence(w.text);
        c->end = std::max({c->end, w.start, w.end});
        last = w.start;
    }
}

// Adds `cues` (of `words`, see SttCue) to the episode in their order.
void add_stt_cues_to(Builder& b, const std::vector<SttWord>& words, const std::vector<SttCue>& cues) {
    for (const SttCue& c : cues) {
        if (!c.count) {
            b.add_cue(c.text, c.start, std::max(c.start, c.end), c.speaker);
            continue;
        }
        const uint32_t first = uint32_t(b.episode().words.size());
        for (size_t k = c.first; k < c.first + c.count; ++k)
            b.add_timed_word(words[k].text, words[k].start, words[k].speaker, words[k].glue && b.episode().words.size() > first);
        b.close_cue(first, c.start, c.end);
    }
}

// Appends `words` as cues (stt_word_cues).
void add_stt_words(Builder& b, std::vector<SttWord>& words, bool one_cue = false) {
    std::vector<SttCue> cues;
    stt_word_cues(words, 0, one_cue, cues);
    add_stt_cues_to(b, words, cues);
}

// True with `n` set when `v` is a whole number from 0 to 999999 (a speaker or channel number).
bool speaker_number(const JsonValue* v, int64_t& n) {
    if (!v || !v->is_number() || !(v->num >= 0) || v->num >= 1e6 || v->num != std::floor(v->num)) return false;
    n = int64_t(v->num);
    return true;
}

// A speaker: a name or label as written (AWS's "spk_0" as "Speaker 0"), a number (Deepgram, Rev.ai,
// Google's speakerTag from 1; 0 there means none) as "Speaker N"; else kNoSpeaker.
int16_t stt_speaker(Builder& b, const JsonValue* v) {
    if (v && v->is_string()) {
        const std::string_view s = trim(v->str);
        if (s.size() > 4 && s.substr(0, 4) == "spk_" && s.find_first_not_of("0123456789", 4) == std::string_view::npos)
            return b.speaker_id("Speaker " + std::string(s.substr(4)));
        return b.speaker_id(s);
    }
    if (int64_t n = 0; speaker_number(v, n)) return b.speaker_id("Speaker " + std::to_string(n));
    return kNoSpeaker;
}

// "a" or "an" before the JSON key `key` ("a \"start\"", "an \"end\""), for messages.
std::string a_key(const char* key) {
    const bool vowel = std::string_view("aeiou").find(key[0]) != std::string_view::npos;
    return std::string(vowel ? "an \"" : "a \"") + key + "\"";
}

// The time `key` of `item` (`what` names it in messages: "Deepgram word"), see json_seconds.
// @return ok, or an error naming the line when it is missing or not a usable time.
Status stt_time(const JsonValue& item, const char* key, const std::string& what, uint32_t& out) {
    const JsonValue* v = item.find(key);
    if (!v || v->type == JsonValue::Type::Null) return line_error(item.line, what + " needs " + a_key(key) + " time");
    return json_seconds(*v, what + " \"" + key + "\"", out);
}

// The string `key` of `item` into `out`. @return ok, or an error naming the line when it is
// missing, not a string or not valid UTF-8.
Status stt_text(const JsonValue& item, const char* key, const std::string& what, std::string_view& out) {
    const JsonValue* v = item.is_object() ? item.find(key) : nullptr;
    if (!item.is_object()) return line_error(item.line, what + " is not an object");
    if (!v || !v->is_string()) return line_error(item.line, what + " needs a \"" + key + "\" string");
    if (!check_utf8(v->str).ok()) return line_error(v->line, "invalid UTF-8 in " + what + " \"" + key + "\"");
    out = v->str;
    return ok_status();
}

// `arr` when it is a non-empty array, else nullptr.
const JsonValue* nonempty_array(const JsonValue* arr) { return arr && arr->is_array() && !arr->arr.empty() ? arr : nullptr; }

// The `key` array of `item` (an object): @return an error naming the line when it is not one.
Status stt_array(const JsonValue& item, const char* key, const std::string& what, const JsonValue*& out) {
    out = item.is_object() ? item.find(key) : nullptr;
    if (!item.is_object()) return line_error(item.line, what + " is not an object");
    if (!out || !out->is_array()) return line_error(item.line, what + " needs " + a_key(key) + " array");
    return ok_status();
}

// Appends each of `items` to `out` as a sentence-level cue: its text `keys[0]` from `keys[1]` to
// `keys[2]`, with the speaker `keys[3]` names (when given), else `speaker`. @return ok, or an error
// naming the line of a malformed item (`what`).
Status add_stt_cues(Builder& b, const JsonValue& items, const std::array<const char*, 4>& keys, const std::string& what,
                    int16_t speaker, std::vector<SttCue>& out) {
    for (const JsonValue& item : items.arr) {
        SttCue c;
        if (Status st = stt_text(item, keys[0], what, c.text); !st) return st;
        if (Status st = stt_time(item, keys[1], what, c.start); !st) return st;
        if (Status st = stt_time(item, keys[2], what, c.end); !st) return st;
        c.end = std::max(c.start, c.end);
        c.speaker = keys[3] ? stt_speaker(b, item.find(keys[3])) : speaker;
        out.push_back(c);
    }
    return ok_status();
}

// The built episode, or "no words in this <service> transcript" naming `at`'s line; a transcript
// without times (`text`, when given) is read as plain text instead.
Result<Episode> stt_done(Builder& b, const JsonValue& at, const char* service, const ImportDesc& desc, const JsonValue* text = nullptr) {
    if (!b.episode().words.empty()) return std::move(b.episode());
    if (text && text->is_string() && !trim(text->str).empty()) {
        if (!check_utf8(text->str).ok()) return line_error(text->line, "invalid UTF-8 in transcript");
        return import_plain(text->str, desc);
    }
    return line_error(at.line, std::string("no words in this ") + service + " transcript");
}

// Adds `cues` (of `words`) in the order of their starts (cues of several channels interleave, a
// cue that goes back in time moves to its time; equal starts keep their order), then stt_done.
Result<Episode> stt_cues_done(Builder& b, const std::vector<SttWord>& words, std::vector<SttCue>& cues, const JsonValue& at,
                              const char* service, const ImportDesc& desc, const JsonValue* text = nullptr) {
    std::stable_sort(cues.begin(), cues.end(), [](const SttCue& x, const SttCue& y) { return x.start < y.start; });
    add_stt_cues_to(b, words, cues);
    return stt_done(b, at, service, desc, text);
}

// A Deepgram speaker. One channel: its diarization "speaker" number ("Speaker 0"). Several
// (multichannel=true: a channel per speaker, as in a stereo call): "Channel N" (from 1), or
// "Channel N, Speaker S" when diarized too, as each channel's speakers are numbered on their own.
int16_t deepgram_speaker(Builder& b, const JsonValue* speaker, size_t channel, bool multi) {
    if (!multi) return stt_speaker(b, speaker);
    std::string name = "Channel " + std::to_string(channel + 1);
    if (int64_t n = 0; speaker_number(speaker, n)) name += ", Speaker " + std::to_string(n);
    return b.speaker_id(name);
}

// The "channel" of a Deepgram utterance into `out` (0 when absent). @return an error naming the
// line when it is not a channel number.
Status deepgram_channel(const JsonValue& utt, size_t& out) {
    const JsonValue* v = utt.is_object() ? utt.find("channel") : nullptr;
    int64_t n = 0;
    out = 0;
    if (!v || v->type == JsonValue::Type::Null) return ok_status();
    if (!speaker_number(v, n)) return line_error(v->line, "Deepgram utterance \"channel\" is not a channel number (0, 1, ...)");
    out = size_t(n);
    return ok_status();
}

// Appends the cues of Deepgram channel `c`'s alternative `alt` to `cues`: its paragraphs'
// sentences, else its words (appended to `words`). @return ok, or an error naming the line.
Status deepgram_channel_cues(Builder& b, const JsonValue& alt, size_t c, bool multi, std::vector<SttWord>& words,
                             std::vector<SttCue>& cues) {
    const JsonValue* paras = alt.find("paragraphs");
    if (paras && paras->is_object()) paras = paras->find("paragraphs");
    if ((paras = nonempty_array(paras))) {
        for (const JsonValue& p : paras->arr) {
            const JsonValue* sents = nullptr;
            if (Status st = stt_array(p, "sentences", "Deepgram paragraph", sents); !st) return st;
            const int16_t sp = deepgram_speaker(b, p.find("speaker"), c, multi);
            if (Status st = add_stt_cues(b, *sents, {"text", "start", "end", nullptr}, "Deepgram sentence", sp, cues); !st) return st;
        }
        return ok_status();
    }
    const size_t from = words.size();
    if (const JsonValue* ws = nonempty_array(alt.find("words")))
        for (const JsonValue& w : ws->arr) {
            SttWord sw;
            const JsonValue* punct = w.is_object() ? w.find("punctuated_word") : nullptr;  // empty: the plain word
            const bool punctuated = punct && punct->is_string() && !trim(punct->str).empty();
            if (Status st = stt_text(w, punctuated ? "punctuated_word" : "word", "Deepgram word", sw.text); !st) return st;
            if (Status st = stt_time(w, "start", "Deepgram word", sw.start); !st) return st;
            if (Status st = stt_time(w, "end", "Deepgram word", sw.end); !st) return st;
            sw.speaker = deepgram_speaker(b, w.find("speaker"), c, multi);
            words.push_back(sw);
        }
    stt_word_cues(words, from, false, cues);
    return ok_status();
}

// Deepgram (pre-recorded API): {"metadata", "results": {"channels": [{"alternatives": [{"transcript",
// "words": [{"word", "start", "end", "punctuated_word", "speaker"}], "paragraphs": {"paragraphs":
// [{"speaker", "sentences": [{"text", "start", "end"}]}]}}]}], "utterances": [{"start", "end",
// "channel", "transcript", "speaker"}]}}. Utterances, else each channel's paragraphs' sentences,
// else its words make the cues; several channels' cues interleave by time (see deepgram_speaker).
Result<Episode> import_deepgram(const JsonValue& results, const ImportDesc& desc) {
    Builder b(desc);
    const JsonValue* chans = nonempty_array(results.find("channels"));
    std::vector<SttWord> words;
    std::vector<SttCue> cues;
    if (const JsonValue* utts = nonempty_array(results.find("utterances"))) {
        if (Status st = add_stt_cues(b, *utts, {"transcript", "start", "end", nullptr}, "Deepgram utterance", kNoSpeaker, cues); !st)
            return st.error();
        std::vector<size_t> channel(cues.size()), order(cues.size());
        bool multi = chans && chans->arr.size() > 1;
        for (size_t k = 0; k < cues.size(); ++k) {
            if (Status st = deepgram_channel(utts->arr[k], channel[k]); !st) return st.error();
            multi = multi || channel[k] > 0;
            order[k] = k;
        }
        // speakers named in time order (the first to speak is the first speaker), cues kept in file order for stt_cues_done
        std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return cues[x].start < cues[y].start; });
        for (size_t k : order) cues[k].speaker = deepgram_speaker(b, utts->arr[k].find("speaker"), channel[k], multi);
        return stt_cues_done(b, words, cues, *utts, "Deepgram", desc);
    }
    if (!chans) return line_error(results.line, "Deepgram JSON needs a non-empty \"channels\" array in \"results\"");
    const bool multi = chans->arr.size() > 1;
    std::vector<std::pair<size_t, const JsonValue*>> untimed;  // channels with a transcript but no times
    for (size_t c = 0; c < chans->arr.size(); ++c) {
        const JsonValue* alts = nullptr;
        if (Status st = stt_array(chans->arr[c], "alternatives", "Deepgram channel", alts); !st) return st.error();
        if (alts->arr.empty() || !alts->arr[0].is_object()) return line_error(alts->line, "Deepgram channel needs an alternative object");
        const size_t before = cues.size();
        if (Status st = deepgram_channel_cues(b, alts->arr[0], c, multi, words, cues); !st) return st.error();
        const JsonValue* text = alts->arr[0].find("transcript");
        if (cues.size() == before && text && text->is_string() && !trim(text->str).empty()) untimed.emplace_back(c, text);
    }
    const bool as_text = cues.empty() && !untimed.empty();  // no times anywhere: the first such channel as text
    for (size_t k = as_text ? 1 : 0; k < untimed.size(); ++k)
        warn(desc, "Deepgram channel " + std::to_string(untimed[k].first + 1) + " has a transcript without word times: not read");
    return stt_cues_done(b, words, cues, *chans, "Deepgram", desc, as_text ? untimed[0].second : nullptr);
}

// Rev.ai: {"monologues": [{"speaker": 0, "speaker_name", "elements": [{"type": "text", "value",
// "ts", "end_ts", "confidence"}, {"type": "punct", "value": " "}]}]}. Joined as Rev joins them:
// the values one after the other (punctuation values carry their spaces).
Result<Episode> import_rev(const JsonValue& monos, const ImportDesc& desc) {
    if (!monos.is_array()) return line_error(monos.line, "Rev.ai JSON: \"monologues\" must be an array");
    Builder b(desc);
    std::vector<SttWord> words;
    size_t skipped = 0;
    for (const JsonValue& m : monos.arr) {
        const JsonValue* els = nullptr;
        if (Status st = stt_array(m, "elements", "Rev.ai monologue", els); !st) return st.error();
        const JsonValue* name = m.find("speaker_name");
        const int16_t sp = stt_speaker(b, name && name->is_string() && !trim(name->str).empty() ? name : m.find("speaker"));
        bool space = true;  // a space before the next text: a monologue starts a new word
        for (const JsonValue& e : els->arr) {
            std::string_view type, value;
            if (Status st = stt_text(e, "type", "Rev.ai element", type); !st) return st.error();
            if (Status st = stt_text(e, "value", "Rev.ai element", value); !st) return st.error();
            SttWord sw;
            sw.speaker = sp;
            if (type == "text") {
                if (Status st = stt_time(e, "ts", "Rev.ai element", sw.start); !st) return st.error();
                if (Status st = stt_time(e, "end_ts", "Rev.ai element", sw.end); !st) return st.error();
                sw.text = value;
                sw.glue = !space;
                space = false;
            } else if (type == "punct") {  // untimed: at the word before's time
                sw.text = trim(value);
                sw.glue = !value.empty() && value[0] != ' ' && value[0] != '\t' && value[0] != '\n';
                sw.start = sw.end = words.empty() ? 0 : words.back().start;
                space = !value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\n');
            } else {
                ++skipped;  // "unknown" (<inaudible>) and types to come
                continue;
            }
            if (!sw.text.empty()) words.push_back(sw);
        }
    }
    if (skipped) warn(desc, "Rev.ai: skipped " + std::to_string(skipped) + " element(s) neither \"text\" nor \"punct\"");
    add_stt_words(b, words);
    return stt_done(b, monos, "Rev.ai", desc);
}

// An AWS channel label, "ch_0", as the speaker "Channel 1" (from 1, as other services' channels);
// another label as written; kNoSpeaker when `v` is not a string.
int16_t aws_channel(Builder& b, const JsonValue* v) {
    if (!v || !v->is_string()) return kNoSpeaker;
    const std::string_view s = trim(v->str);
    if (s.size() < 4 || s.size() > 9 || s.substr(0, 3) != "ch_" || s.find_first_not_of("0123456789", 3) != std::string_view::npos)
        return b.speaker_id(s);
    uint32_t n = 0;
    for (size_t i = 3; i < s.size(); ++i) n = n * 10 + uint32_t(s[i] - '0');
    return b.speaker_id("Channel " + std::to_string(n + 1));
}

// An AWS speaker turn of older output's speaker_labels.segments.
struct AwsTurn {
    uint32_t start = 0, end = 0;
    int16_t speaker = kNoSpeaker;
};

// Appends AWS `items` to `words`, punctuation against the word before among them; a word's speaker
// is its "speaker_label", else its "channel_label" (aws_channel), else the one of the speaker
// turn it starts in. @return ok, or an error naming the line of a malformed item.
Status aws_items(Builder& b, const JsonValue& items, const std::vector<AwsTurn>& turns, std::vector<SttWord>& words) {
    const size_t from = words.size();
    size_t ti = 0;
    for (const JsonValue& it : items.arr) {
        std::string_view type;
        const JsonValue* alts = nullptr;
        if (Status st = stt_text(it, "type", "AWS item", type); !st) return st;
        if (Status st = stt_array(it, "alternatives", "AWS item", alts); !st) return st;
        if (alts->arr.empty()) return line_error(it.line, "AWS item needs an alternative");
        SttWord sw;
        if (Status st = stt_text(alts->arr[0], "content", "AWS alternative", sw.text); !st) return st;
        if (type == "punctuation") {
            sw.glue = true;
            if (words.size() > from) sw.start = sw.end = words.back().start, sw.speaker = words.back().speaker;
        } else {
            if (Status st = stt_time(it, "start_time", "AWS item", sw.start); !st) return st;
            if (Status st = stt_time(it, "end_time", "AWS item", sw.end); !st) return st;
            if (const JsonValue* sp = it.find("speaker_label")) {
                sw.speaker = stt_speaker(b, sp);
            } else if (const JsonValue* ch = it.find("channel_label")) {
                sw.speaker = aws_channel(b, ch);
            } else {
                while (ti + 1 < turns.size() && sw.start >= turns[ti].end) ++ti;
                if (ti < turns.size() && sw.start >= turns[ti].start) sw.speaker = turns[ti].speaker;
            }
        }
        words.push_back(sw);
    }
    return ok_status();
}

// AWS Transcribe: {"jobName", "results": {"transcripts": [{"transcript"}], "items": [{"start_time":
// "0.5", "end_time", "type": "pronunciation" | "punctuation", "alternatives": [{"content"}],
// "speaker_label" | "channel_label"}], "speaker_labels": {"segments": [{"start_time", "end_time",
// "speaker_label"}]}, "channel_labels": {"channels": [{"channel_label", "items"}]},
// "audio_segments": [{"start_time", "end_time", "transcript", "speaker_label" | "channel_label"}]}}.
// Times are strings. Audio segments make the cues; else items (or, without them, each channel's
// items, their cues interleaved by time), punctuation against the word before.
Result<Episode> import_aws(const JsonValue& results, const ImportDesc& desc) {
    Builder b(desc);
    std::vector<SttWord> words;
    std::vector<SttCue> cues;
    if (const JsonValue* segs = nonempty_array(results.find("audio_segments"))) {
        if (Status st = add_stt_cues(b, *segs, {"transcript", "start_time", "end_time", nullptr}, "AWS audio segment", kNoSpeaker, cues); !st)
            return st.error();
        for (size_t k = 0; k < cues.size(); ++k) {
            const JsonValue* sp = segs->arr[k].find("speaker_label");
            cues[k].speaker = sp ? stt_speaker(b, sp) : aws_channel(b, segs->arr[k].find("channel_label"));
        }
        return stt_cues_done(b, words, cues, *segs, "AWS Transcribe", desc);
    }
    // Older output labels speakers only in speaker_labels.segments: a word takes the segment it starts in.
    std::vector<AwsTurn> turns;
    const JsonValue* labels = results.find("speaker_labels");
    if (const JsonValue* ls = labels && labels->is_object() ? nonempty_array(labels->find("segments")) : nullptr)
        for (const JsonValue& s : ls->arr) {
            AwsTurn t;
            if (!s.is_object()) return line_error(s.line, "AWS speaker segment is not an object");
            if (Status st = stt_time(s, "start_time", "AWS speaker segment", t.start); !st) return st.error();
            if (Status st = stt_time(s, "end_time", "AWS speaker segment", t.end); !st) return st.error();
            t.speaker = stt_speaker(b, s.find("speaker_label"));
            turns.push_back(t);
        }
    const JsonValue* items = results.find("items");
    if (items && !items->is_array()) return line_error(items->line, "AWS Transcribe JSON: \"items\" must be an array");
    const JsonValue* channels = results.find("channel_labels");
    channels = channels && channels->is_object() ? nonempty_array(channels->find("channels")) : nullptr;
    if (items && !items->arr.empty()) {
        if (Status st = aws_items(b, *items, turns, words); !st) return st.error();
        stt_word_cues(words, 0, false, cues);
    } else if (channels) {  // channel identification without the merged "items"
        for (const JsonValue& ch : channels->arr) {
            const JsonValue* ch_items = nullptr;
            if (Status st = stt_array(ch, "items", "AWS channel", ch_items); !st) return st.error();
            const size_t from = words.size();
            if (Status st = aws_items(b, *ch_items, turns, words); !st) return st.error();
            stt_word_cues(words, from, false, cues);
        }
    }
    const JsonValue* tr = nonempty_array(results.find("transcripts"));
    return stt_cues_done(b, words, cues, results, "AWS Transcribe", desc, tr && tr->arr[0].is_object() ? tr->arr[0].find("transcript") : nullptr);
}

// A Google time field, v1's "startTime" or v2's "startOffset": a zero duration is left out of
// Google's JSON, so a missing one is `fallback`. @return ok, or an error naming the line.
Status google_time(const JsonValue& item, const char* v1, const char* v2, const std::string& what, uint32_t fallback, uint32_t& out) {
    const char* key = item.find(v1) ? v1 : v2;
    out = fallback;
    return item.find(key) ? stt_time(item, key, what, out) : ok_status();
}

// Google Cloud Speech-to-Text (v1 "recognize" / long-running, v2): {"results": [{"alternatives":
// [{"transcript", "words": [{"word", "startTime" | "startOffset": "1.500s", "endTime" | "endOffset",
// "speakerTag" | "speakerLabel"}]}], "resultEndTime" | "resultEndOffset": "12.3s"}]}. A cue per
// result: its words' times, else from the result before's end to its own. With speaker diarization
// the last result repeats every word of the audio with its speaker: then that is read alone. With
// "channelTag"s of several channels (separate recognition per channel) each channel is a speaker
// and the cues of all channels interleave by time.
Result<Episode> import_google(const JsonValue& results, const ImportDesc& desc) {
    Builder b(desc);
    auto top = [](const JsonValue& r) -> const JsonValue* {
        const JsonValue* alts = r.is_object() ? nonempty_array(r.find("alternatives")) : nullptr;
        return alts && alts->arr[0].is_object() ? &alts->arr[0] : nullptr;
    };
    // v2's "speakerLabel", else v1's "speakerTag" from 1: the fields are there, empty or 0, in
    // answers printed with their default values (proto-plus to_json, Node) without diarization.
    auto speaker_of = [](const JsonValue& w) -> const JsonValue* {
        const JsonValue* label = w.is_object() ? w.find("speakerLabel") : nullptr;
        const JsonValue* tag = w.is_object() ? w.find("speakerTag") : nullptr;
        return label && label->is_string() && !trim(label->str).empty() ? label : tag && tag->is_number() && tag->num >= 1 ? tag : nullptr;
    };
    bool diarized = false;
    if (const JsonValue* alt = results.arr.empty() ? nullptr : top(results.arr.back()))
        if (const JsonValue* ws = nonempty_array(alt->find("words")))
            diarized = std::any_of(ws->arr.begin(), ws->arr.end(), [&](const JsonValue& w) { return speaker_of(w) != nullptr; });
    const size_t first = diarized ? results.arr.size() - 1 : 0;
    // "channelTag" (from 1) with separate recognition per channel: each channel's results follow
    // one another in time; with two channels or more each is a speaker ("Channel N") unless diarized.
    int64_t first_tag = 0, max_tag = 0;
    bool multi = false;
    for (size_t k = first; k < results.arr.size(); ++k)
        if (int64_t ch = 0; results.arr[k].is_object() && speaker_number(results.arr[k].find("channelTag"), ch) && ch >= 1) {
            multi = multi || (first_tag && ch != first_tag);
            first_tag = first_tag ? first_tag : ch;
            max_tag = std::max(max_tag, ch);
        }
    std::vector<uint32_t> prev_ends(size_t(max_tag) + 1);  // by channel (< 10^6): the end of its result before
    size_t skipped = 0;
    std::vector<SttWord> words;
    std::vector<SttCue> cues;
    for (size_t k = first; k < results.arr.size(); ++k) {
        const JsonValue& r = results.arr[k];
        if (!r.is_object()) return line_error(r.line, "Google result is not an object");
        int64_t ch = 0;
        speaker_number(r.find("channelTag"), ch);
        uint32_t& prev_end = prev_ends[size_t(ch)];
        uint32_t end = prev_end;
        if (Status st = google_time(r, "resultEndTime", "resultEndOffset", "Google result", prev_end, end); !st) return st.error();
        const JsonValue* alt = top(r);
        if (!alt) {  // a result without alternatives (no speech recognised): its time passes
            prev_end = std::max(prev_end, end);
            ++skipped;
            continue;
        }
        const int16_t channel = multi && ch >= 1 ? b.speaker_id("Channel " + std::to_string(ch)) : kNoSpeaker;
        if (const JsonValue* ws = nonempty_array(alt->find("words"))) {
            uint32_t at = prev_end;
            const size_t from = words.size();
            for (const JsonValue& w : ws->arr) {
                SttWord sw;
                if (Status st = stt_text(w, "word", "Google word", sw.text); !st) return st.error();
                if (Status st = google_time(w, "startTime", "startOffset", "Google word", at, sw.start); !st) return st.error();
                if (Status st = google_time(w, "endTime", "endOffset", "Google word", sw.start, sw.end); !st) return st.error();
                const JsonValue* sp = speaker_of(w);
                sw.speaker = sp ? stt_speaker(b, sp) : channel;
                at = sw.start;
                words.push_back(sw);
            }
            stt_word_cues(words, from, !diarized, cues);  // a result is a cue; the diarized last one is split
            prev_end = std::max({prev_end, end, words.back().end});
            continue;
        }
        SttCue c;
        if (Status st = stt_text(*alt, "transcript", "Google alternative", c.text); !st) return st.error();
        c.start = prev_end;
        c.end = std::max(prev_end, end);
        c.speaker = channel;
        cues.push_back(c);
        prev_end = c.end;
    }
    if (skipped) warn(desc, "Google Speech-to-Text: skipped " + std::to_string(skipped) + " result(s) without alternatives");
    return stt_cues_done(b, words, cues, results, "Google Speech-to-Text", desc);
}

// Speechmatics (JSON v2, "format": "2.9"): {"results": [{"type": "word" | "punctuation" | "entity",
// "start_time": 0.1, "end_time", "attaches_to": "previous", "is_eos", "alternatives": [{"content",
// "speaker": "S1"}]}]}, times in seconds. Words and punctuation are read as AWS's items are
// (punctuation against the word before unless it "attaches_to" the next word), cut into cues at
// sentence ends, speaker changes and kSttCueMs; other types (entities, which repeat their words) are
// skipped with a warning.
Result<Episode> import_speechmatics(const JsonValue& results, const ImportDesc& desc) {
    Builder b(desc);
    std::vector<SttWord> words;
    std::vector<SttCue> cues;
    size_t skipped = 0;
    for (const JsonValue& it : results.arr) {
        std::string_view type, attaches;
        const JsonValue* alts = nullptr;
        if (Status st = stt_text(it, "type", "Speechmatics result", type); !st) return st.error();
        if (type != "word" && type != "punctuation") {
            ++skipped;
            continue;
        }
        if (Status st = stt_array(it, "alternatives", "Speechmatics result", alts); !st) return st.error();
        if (alts->arr.empty()) return line_error(it.line, "Speechmatics result needs an alternative");
        SttWord sw;
        if (Status st = stt_text(alts->arr[0], "content", "Speechmatics alternative", sw.text); !st) return st.error();
        if (Status st = stt_time(it, "start_time", "Speechmatics result", sw.start); !st) return st.error();
        if (Status st = stt_time(it, "end_time", "Speechmatics result", sw.end); !st) return st.error();
        if (const JsonValue* a = it.find("attaches_to"); a && a->is_string()) attaches = a->str;
        sw.glue = type == "punctuation" && attaches != "next" && attaches != "none";
        sw.speaker = stt_speaker(b, alts->arr[0].find("speaker"));
        words.push_back(sw);
    }
    if (skipped) warn(desc, "Speechmatics: skipped " + std::to_string(skipped) + " result(s) neither \"word\" nor \"punctuation\"");
    stt_word_cues(words, 0, false, cues);
    return stt_cues_done(b, words, cues, results, "Speechmatics", desc);
}

// Azure AI Speech batch transcription: {"recognizedPhrases": [{"recognitionStatus": "Success",
// "channel": 0, "speaker": 1, "offsetInTicks": 3600000, "durationInTicks", "nBest": [{"display"}]}]},
// ticks of 100 ns (or "offsetMilliseconds" / "durationMilliseconds"). A cue per phrase, its best
// alternative's punctuated "display" text, in time order (channels interleave); the speaker is
// "Speaker N" when diarized, else "Channel N" (from 1) when there are several channels. Phrases
// that did not succeed are skipped with a warning.
Result<Episode> import_azure(const JsonValue& phrases, const ImportDesc& desc) {
    Builder b(desc);
    struct Phrase { uint32_t start, end; std::string_view text; const JsonValue* speaker; double channel; };
    std::vector<Phrase> out;
    size_t skipped = 0;
    bool channels = false;
    for (const JsonValue& ph : phrases.arr) {
        if (!ph.is_object()) return line_error(ph.line, "Azure phrase is not an object");
        if (const JsonValue* st = ph.find("recognitionStatus"); st && st->is_string() && st->str != "Success") {
            ++skipped;
            continue;
        }
        const bool ticks = ph.find("offsetInTicks");
        const double per_second = ticks ? 1e7 : 1000;
        uint32_t start = 0, dur = 0;
        if (!seconds_to_ms(ph.find(ticks ? "offsetInTicks" : "offsetMilliseconds"), start, per_second) ||
            !seconds_to_ms(ph.find(ticks ? "durationInTicks" : "durationMilliseconds"), dur, per_second))
            return line_error(ph.line, "Azure phrase needs \"offsetInTicks\" and \"durationInTicks\" (or their Milliseconds)");
        const JsonValue* best = nullptr;
        std::string_view text;
        if (Status st = stt_array(ph, "nBest", "Azure phrase", best); !st) return st.error();
        if (best->arr.empty()) return line_error(ph.line, "Azure phrase needs an nBest alternative");
        if (Status st = stt_text(best->arr[0], "display", "Azure alternative", text); !st) return st.error();
        const JsonValue* ch = ph.find("channel");
        const double channel = ch && ch->is_number() ? ch->num : 0;
        channels = channels || channel != 0;
        out.push_back({start, uint32_t(std::min<uint64_t>(uint64_t(start) + dur, kMaxTimeMs)), text, ph.find("speaker"), channel});
    }
    std::stable_sort(out.begin(), out.end(), [](const Phrase& x, const Phrase& y) { return x.start < y.start; });
    for (const Phrase& p : out) {
        int16_t sp = stt_speaker(b, p.speaker);
        if (sp == kNoSpeaker && channels && p.channel >= 0 && p.channel < 1000)
            sp = b.speaker_id("Channel " + std::to_string(int(p.channel) + 1));
        b.add_cue(p.text, p.start, p.end, sp);
    }
    if (skipped) warn(desc, "Azure: skipped " + std::to_string(skipped) + " phrase(s) whose recognitionStatus is not \"Success\"");
    return stt_done(b, phrases, "Azure Speech", desc);
}

// True for Speechmatics' results: an array whose first result has a "type" and a "start_time"
// (Google's results have neither).
bool is_speechmatics(const JsonValue& results) {
    return results.is_array() && !results.arr.empty() && results.arr[0].is_object() && results.arr[0].find("type") &&
           results.arr[0].find("start_time");
}

// Imports `root` when its shape is a speech-to-text service's JSON: Rev.ai's "monologues", or
// "results" holding Deepgram's "channels", AWS Transcribe's "items" / "transcripts" /
// "audio_segments", Speechmatics' typed items or Google's array, or Azure's "recognizedPhrases".
// @return true with `out` set then, false for other JSON.
bool import_stt(const JsonValue& root, const ImportDesc& desc, Result<Episode>& out) {
    if (!root.is_object()) return false;
    if (const JsonValue* m = root.find("monologues")) {
        out = import_rev(*m, desc);
        return true;
    }
    if (const JsonValue* az = root.find("recognizedPhrases"); az && az->is_array()) {
        out = import_azure(*az, desc);
        return true;
    }
    const JsonValue* r = root.find("results");
    if (r && r->is_object() && r->find("channels")) out = import_deepgram(*r, desc);
    else if (r && r->is_object() && (r->find("items") || r->find("transcripts") || r->find("audio_segments"))) out = import_aws(*r, desc);
    else if (r && is_speechmatics(*r)) out = import_speechmatics(*r, desc);
    else if (r && r->is_array()) out = import_google(*r, desc);
    else return false;
    return true;
}

// A speech-to-text service's JSON, Whisper or Podcasting 2.0 JSON, told apart by their fields.
Result<Episode> import_json(std::string_view s, const ImportDesc& desc) {
    auto doc = json_parse(s);
    if (!doc) return doc.error();
    if (Result<Episode> r = make_error(Errc::Malformed, ""); import_stt(doc.value(), desc, r)) return r;
    if (const JsonValue* segs = podcast_segments(doc.value())) return import_podcast(*segs, desc);
    return import_whisper(doc.value(), desc);
}

// ---- chapters files ----
// A WebVTT chapters track (<track kind="chapters">: a cue per chapter, its text the title) or a
// Podcasting 2.0 chapters file ({"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"},
// ...]}), read into chapter marks for the transcript beside it (import.h: import_chapters).

constexpr size_t kMaxChaptersFileBytes = size_t(16) << 20;  // a chapters file is a few KiB; refuse more than 16 MiB

// Appends chapter `number` (1-based, as written), `title` at `start_ms`, to `out`: blanks in the
// title collapsed to spaces, an empty title counted in `untitled` instead. `where` names it in
// messages ("cue 3", "line 12"). @return ok, or Malformed / TooLarge saying why.
Status add_chapter(std::vector<Chapter>& out, size_t number, uint32_t start_ms, std::string_view title,
                   const std::string& where, size_t& untitled) {
    std::string t;
    for (char c : trim(title)) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (!(c == ' ' && !t.empty() && t.back() == ' ')) t += c;
    }
    if (t.empty()) {
        ++untitled;
        return ok_status();
    }
    if (utf8_invalid_offset(t) != std::string_view::npos) return make_error(Errc::Malformed, where + ": invalid UTF-8 in the title");
    if (t.size() > kMaxChapterTitleBytes)
        return make_error(Errc::Malformed, where + ": chapter " + std::to_string(number) + "'s title is " + std::to_string(t.size()) +
                                               " bytes (at most " + std::to_string(kMaxChapterTitleBytes) +
                                               "): a transcript, not a chapters file?");
    if (out.size() >= kMaxChapters)
        return make_error(Errc::TooLarge, where + ": more than " + std::to_string(kMaxChapters) + " chapters");
    out.push_back(Chapter{start_ms, std::move(t)});
    return ok_status();
}

// A WebVTT chapters track: each cue's start and text (markup removed) a chapter. Cues are read by
// the transcript importer's cue parser (parse_timing_line, read_cue_payload, clean_payload); lines
// outside cues without "-->" (the header, cue identifiers) and NOTE, STYLE and REGION blocks are
// passed over, but a line that starts like a timestamp is a broken timing line, as in import_vtt.
Status vtt_chapters(std::string_view s, std::vector<Chapter>& out, size_t& untitled) {
    LineReader lr(s);
    std::string_view line, next;
    std::string why, payload, speaker_name;
    lr.next(line);  // "WEBVTT" (sniff_subtitles)
    for (size_t cue = 1; lr.next(line);) {
        uint32_t a = 0, e = 0;
        const std::string_view t = trim(line);
        if (t.substr(0, 4) == "NOTE" || t.substr(0, 5) == "STYLE" || t.substr(0, 6) == "REGION") {  // a block to its blank line
            while (lr.next(line) && !trim(line).empty()) {}
            continue;
        }
        if (line.find("-->") == std::string_view::npos) {
            if (starts_with_timestamp(line) && !(lr.peek(next) && next.find("-->") != std::string_view::npos)) {
                parse_timing_line(line, a, e, why);
                return line_error(lr.line_no(), why);
            }
            continue;
        }
        if (!parse_timing_line(line, a, e, why)) return line_error(lr.line_no(), why);
        if (Status st = read_cue_payload(lr, payload, true); !st) return st;
        if (Status st = add_chapter(out, cue, a, clean_payload(payload, speaker_name), "cue " + std::to_string(cue), untitled); !st)
            return st;
        ++cue;
    }
    return ok_status();
}

// A Podcasting 2.0 chapters file: each chapter's "startTime" (json_seconds) and "title"; a
// chapter with "toc": false (not for the table of contents) is skipped and counted in `hidden`;
// "endTime", "img", "url" and "location" are not kept (a chapter runs to the next one).
Status json_chapters(const JsonValue& root, std::vector<Chapter>& out, size_t& untitled, size_t& hidden) {
    const JsonValue* list = root.is_object() ? root.find("chapters") : nullptr;
    if (!list || !list->is_array())
        return line_error(root.line, "expected Podcasting 2.0 chapters ({\"version\": \"1.2.0\", \"chapters\": "
                                     "[{\"startTime\": 0, \"title\": \"Intro\"}, ...]})");
    for (size_t k = 0; k < list->arr.size(); ++k) {
        const JsonValue& c = list->arr[k];
        const std::string name = "chapter " + std::to_string(k + 1);
        if (!c.is_object()) return line_error(c.line, name + " is not an object");
        const JsonValue* toc = c.find("toc");
        if (toc && toc->type != JsonValue::Type::Bool) return line_error(toc->line, name + " \"toc\" must be true or false");
        if (toc && !toc->b) {
            ++hidden;
            continue;
        }
        const JsonValue* start = c.find("startTime");
        if (!start || start->type == JsonValue::Type::Null) return line_error(c.line, name + " has no \"startTime\"");
        uint32_t ms = 0;
        if (Status st = json_seconds(*start, name + " \"startTime\"", ms); !st) return st;
        const JsonValue* title = c.find("title");
        if (title && title->type != JsonValue::Type::Null && !title->is_string())
            return line_error(title->line, name + " \"title\" must be a string");
        if (Status st = add_chapter(out, k + 1, ms, title ? std::string_view(title->str) : std::string_view(),
                                    "line " + std::to_string(c.line), untitled);
            !st)
            return st;
    }
    return ok_status();
}

// The subtitle format `s` (BOM removed) starts with: WebVTT when its first line is "WEBVTT" (alone
// or followed by a space or tab), SRT when a cue number line is followed by a timing line that
// parses; else PlainText.
Format sniff_subtitles(std::string_view s) {
    if (s.substr(0, 6) == "WEBVTT" && (s.size() == 6 || s[6] == ' ' || s[6] == '\t' || s[6] == '\r' || s[6] == '\n'))
        return Format::WebVTT;
    LineReader lr(s.substr(0, 4096));
    std::string_view number, timing;
    while (lr.next(number) && trim(number).empty()) {}
    uint32_t a = 0, e = 0;
    std::string why;
    if (is_cue_number(number) && lr.next(timing) && timing.find("-->") != std::string_view::npos &&
        parse_timing_line(trim(timing), a, e, why))
        return Format::SRT;
    return Format::PlainText;
}

}  // namespace

std::string without_file_name(std::string msg, std::string_view name) {
    if (!name.empty() && msg.size() > name.size() + 1 && msg.compare(0, name.size(), name) == 0 &&
        msg.compare(name.size(), 2, ": ") == 0)
        msg.erase(0, name.size() + 2);
    return msg;
}

bool is_transcript_file_name(std::string_view name) {
    for (std::string_view ext : kTranscriptExtensions)
        if (ends_with_ci(name, ext)) return true;
    return false;
}

Format detect_format(std::string_view name, Bytes head) {
    std::string_view s = strip_bom(head.view());
    const std::string_view t = trim(s.substr(0, 4096));
    // JSON: Podcasting 2.0 when its first segment (in the head) has a "startTime"
    const Format json = t.find("\"startTime\"") != std::string_view::npos ? Format::PodcastJSON : Format::WhisperJSON;
    if (ends_with_ci(name, ".vtt")) return Format::WebVTT;
    if (ends_with_ci(name, ".srt")) return Format::SRT;
    if (ends_with_ci(name, ".json")) return json;
    if (ends_with_ci(name, ".html") || ends_with_ci(name, ".htm") || ends_with_ci(name, ".xhtml")) return Format::HTML;
    if (ends_with_ci(name, ".ass") || ends_with_ci(name, ".ssa") || looks_like_ass(s)) return Format::SSA;
    const Format sub = sniff_subtitles(s);
    // A .txt holding subtitles (caption files saved or renamed as text) is read as subtitles: as
    // plain text its timing lines became words. "WEBVTT" opening a sentence is not enough there.
    // A .txt holding JSON or HTML (a download saved as text) is read as that too.
    if (ends_with_ci(name, ".txt") && sub == Format::WebVTT && t.find("-->") == std::string_view::npos) return Format::PlainText;
    if (sub != Format::PlainText) return sub;
    if (looks_like_json(t, !ends_with_ci(name, ".txt"))) return json;
    if (looks_like_html(t)) return Format::HTML;
    return Format::PlainText;
}

Result<Episode> import_transcript(Bytes data, const ImportDesc& desc) {
    if (data.size > 0 && !data.ptr) return make_error(Errc::InvalidArgument, "import: null buffer");
    if (data.size > kMaxImportBytes)
        return make_error(Errc::TooLarge, "transcript is " + std::to_string(data.size >> 20) + " MiB; the limit is 1024 MiB");
    const std::string who = desc.name.empty() ? "" : desc.name + ": ";  // names the file in messages
    std::string_view s = strip_bom(data.view());
    std::string transcoded;  // owns `s` when the input was UTF-16 or read as Windows-1252
    if (const Utf16 order = utf16_order(s); order != Utf16::No) {
        if (Status st = utf16_to_utf8(s, order, transcoded); !st)
            return make_error(Errc::Malformed, who + st.error().message);
        s = transcoded;
    } else if (const size_t bad = utf8_invalid_offset(s); bad != std::string_view::npos && looks_like_cp1252(s)) {
        warn(desc, "line " + std::to_string(line_of(s, bad)) + ": not valid UTF-8; read as Windows-1252");
        transcoded = cp1252_to_utf8(s);
        s = transcoded;
    }
    // A document or archive (Google Meet's and Teams' default download is a Word .docx) is no text:
    // read as such, its first bytes ("PK") were the transcript's one word.
    if (s.substr(0, 4) == std::string_view("PK\x03\x04", 4))
        return make_error(Errc::Malformed, who + "a ZIP archive (a Word .docx?), not a transcript: save or export it as text (.txt)");
    if (s.substr(0, 5) == "%PDF-") return make_error(Errc::Malformed, who + "a PDF, not a transcript: save or export it as text (.txt)");
    Format f = desc.format == Format::Auto ? detect_format(desc.name, Bytes(s)) : desc.format;
    if (f == Format::PlainText && looks_like_ass(s)) f = Format::SSA;  // a .txt holding ASS too
    Status u = ok_status();
    if (f != Format::WhisperJSON && f != Format::PodcastJSON) u = check_utf8(s);  // JSON strings are checked after unescaping
    Result<Episode> r = make_error(Errc::InvalidArgument, "unknown format");
    switch (u.ok() ? f : Format::Auto) {
        case Format::PlainText: r = import_plain(s, desc); break;
        case Format::SSA: r = import_ass(s, desc); break;
        case Format::WebVTT: r = import_vtt(s, desc); break;
        case Format::SRT: r = import_srt(s, desc); break;
        case Format::WhisperJSON:
        case Format::PodcastJSON: r = import_json(s, desc); break;
        case Format::HTML: {
            bool untimed = false;
            const bool xml = looks_like_xml(trim(s.substr(0, 64)));
            if (xml) r = import_ttml(s, desc, untimed);
            if (xml && !untimed) break;
            r = import_html(s, desc);  // TTML without a timed <p> (or not TTML): its text
            if (r.ok() && xml) warn(desc, "XML without timed <p> cues: its text is read, its times are estimated");
            break;
        }
        case Format::Auto: r = u.error(); break;
    }
    // An empty file, or one without a word (blank lines, a WebVTT header, "segments": []), is no
    // transcript: an archive listed an empty episode without a word saying why.
    if (trim(s).empty()) r = make_error(Errc::Malformed, "the file is empty");
    else if (r.ok() && r.value().words.empty())
        r = make_error(Errc::Malformed, std::string("no words in this transcript (read as ") + format_name(f) + ")");
    if (!r.ok() && !who.empty()) {
        Error e = r.error();
        e.message = who + e.message;
        return e;
    }
    return r;
}

std::string chapters_stem(std::string_view name) {
    for (std::string_view suffix : {".chapters.vtt", ".chapters.json"})
        if (ends_with_ci(name, suffix) && name.size() > suffix.size()) return std::string(name.substr(0, name.size() - suffix.size()));
    const size_t dot = name.find_last_of('.');
    return std::string(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
}

namespace {

// import_chapters, given `json`: the file already parsed (import_if_chapters parsed it to decide),
// else null.
Result<std::vector<Chapter>> read_chapters(Bytes data, const ImportDesc& desc, const JsonValue* json) {
    if (data.size > 0 && !data.ptr) return make_error(Errc::InvalidArgument, "import: null buffer");
    const std::string who = desc.name.empty() ? "" : desc.name + ": ";  // names the file in messages
    if (data.size > kMaxChaptersFileBytes)
        return make_error(Errc::TooLarge, who + "a chapters file of " + std::to_string(data.size >> 20) + " MiB; the limit is 16 MiB");
    const std::string_view s = strip_bom(data.view()), t = trim(s);
    std::vector<Chapter> out;
    size_t untitled = 0, hidden = 0;
    Status st = ok_status();
    if (t.empty()) st = make_error(Errc::Malformed, "the file is empty");
    else if (sniff_subtitles(s) == Format::WebVTT) {
        st = check_utf8(s);  // JSON strings are checked after unescaping (add_chapter)
        if (st.ok()) st = vtt_chapters(s, out, untitled);
    } else if (json) st = json_chapters(*json, out, untitled, hidden);
    else if (t.front() == '{' || t.front() == '[') {
        auto doc = json_parse(s);
        st = doc ? json_chapters(doc.value(), out, untitled, hidden) : Status(doc.error());
    } else st = line_error(1, "expected a WebVTT chapters track (first line 'WEBVTT') or Podcasting 2.0 chapters JSON (UTF-8)");
    if (st.ok() && untitled) warn(desc, "skipped " + std::to_string(untitled) + " chapter(s) without a title");
    if (st.ok() && out.empty())
        st = make_error(Errc::Malformed, hidden ? "no chapters for the table of contents (all " + std::to_string(hidden) +
                                                      " have \"toc\": false)"
                                                : std::string("no chapters in this file"));
    if (!st.ok()) return make_error(st.errc(), who + st.message());
    return out;
}

}  // namespace

Result<std::vector<Chapter>> import_chapters(Bytes data, const ImportDesc& desc) { return read_chapters(data, desc, nullptr); }

std::optional<Result<std::vector<Chapter>>> import_if_chapters(Bytes data, const ImportDesc& desc) {
    const std::string_view name = desc.name;
    if (ends_with_ci(name, ".chapters.vtt") || ends_with_ci(name, ".chapters.json")) return import_chapters(data, desc);
    if (!ends_with_ci(name, ".json") || data.size > kMaxChaptersFileBytes || (data.size && !data.ptr)) return std::nullopt;
    const std::string_view s = strip_bom(data.view());
    if (s.find("\"chapters\"") == std::string_view::npos) return std::nullopt;  // no JSON parse for transcripts
    auto doc = json_parse(s);
    if (!doc.ok() || !is_chapters_json(doc.value())) return std::nullopt;
    return read_chapters(data, desc, &doc.value());  // not parsed again
}

}  // namespace tx
