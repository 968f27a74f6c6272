#include "writer/manifest.h"

#include <algorithm>
#include <cstdio>

namespace tx {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t b = 0;
    for (size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == sep) {
            out.push_back(s.substr(b, i - b));
            b = i + 1;
        }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// "[h:]mm:ss[.mmm]" -> ms. @return false when malformed.
bool parse_time(std::string_view s, uint32_t& ms) {
    uint64_t parts[3] = {0, 0, 0};
    int n = 0;
    size_t i = 0;
    for (;;) {
        size_t d = i;
        uint64_t v = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - d < 6) v = v * 10 + uint64_t(s[i++] - '0');
        if (i == d || n == 3) return false;
        parts[n++] = v;
        if (i < s.size() && s[i] == ':') { ++i; continue; }
        break;
    }
    uint64_t frac = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        size_t d = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - d < 3) frac = frac * 10 + uint64_t(s[i++] - '0');
        if (i == d) return false;
        for (size_t k = i - d; k < 3; ++k) frac *= 10;
    }
    if (i != s.size() || n < 2) return false;
    uint64_t h = n == 3 ? parts[0] : 0, m = parts[n - 2], sec = parts[n - 1];
    if (sec >= 60 || (n == 3 && m >= 60)) return false;
    uint64_t total = ((h * 60 + m) * 60 + sec) * 1000 + frac;
    if (total > UINT32_MAX / 2) return false;
    ms = uint32_t(total);
    return true;
}

// An ISO 8601 calendar date, "YYYY-MM-DD", or the reduced forms "YYYY-MM" and "YYYY", with a
// real month and day (Feb 29 only in leap years).
bool iso_date(std::string_view s) {
    auto num = [&](size_t at, size_t n, int& v) {
        v = 0;
        for (size_t k = at; k < at + n; ++k) {
            if (k >= s.size() || s[k] < '0' || s[k] > '9') return false;
            v = v * 10 + (s[k] - '0');
        }
        return true;
    };
    int y = 0, m = 1, d = 1;
    if (!(s.size() == 4 || s.size() == 7 || s.size() == 10) || !num(0, 4, y)) return false;
    if (s.size() >= 7 && (s[4] != '-' || !num(5, 2, m) || m < 1 || m > 12)) return false;
    if (s.size() == 10 && (s[7] != '-' || !num(8, 2, d))) return false;
    static const int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d >= 1 && d <= kDays[m - 1] && !(m == 2 && d == 29 && !leap);
}

Error line_error(size_t line, const std::string& what) {
    return make_error(Errc::Malformed, "line " + std::to_string(line) + ": " + what);
}

}  // namespace

Result<std::vector<ManifestEntry>> parse_manifest(std::string_view text) {
    static const char* kColumns[] = {"file", "title", "date", "source_url", "media_url", "speakers", "chapters"};
    std::vector<int> column_of;  // header position -> index into kColumns
    std::vector<ManifestEntry> out;
    auto lines = split(text, '\n');
    for (size_t ln = 0; ln < lines.size(); ++ln) {
        std::string_view line = lines[ln];
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty() || trim(line).front() == '#') continue;
        auto fields = split(line, '\t');
        if (column_of.empty()) {
            bool has_file = false;
            for (auto f : fields) {
                f = trim(f);
                int idx = -1;
                for (int k = 0; k < 7; ++k)
                    if (f == kColumns[k]) idx = k;
                if (idx < 0)
                    return line_error(ln + 1, "unknown column '" + std::string(f) +
                                                  "' (expected file, title, date, source_url, media_url, speakers, chapters)");
                if (std::count(column_of.begin(), column_of.end(), idx)) return line_error(ln + 1, "column '" + std::string(f) + "' appears twice");
                has_file |= idx == 0;
                column_of.push_back(idx);
            }
            if (!has_file) return line_error(ln + 1, "the header line needs a 'file' column");
            continue;
        }
        if (fields.size() > column_of.size())
            return line_error(ln + 1, "has " + std::to_string(fields.size()) + " fields but the header names " +
                                          std::to_string(column_of.size()) + " columns");
        ManifestEntry e;
        e.line = ln + 1;
        for (size_t k = 0; k < fields.size(); ++k) {
            std::string_view v = trim(fields[k]);
            switch (column_of[k]) {
                case 0: e.file = std::string(v); break;
                case 1: e.meta.title = std::string(v); break;
                case 2:  // the explorer sorts and shows it as written: "2018-04-19", not "19/04/2018"
                    if (!v.empty() && !iso_date(v))
                        return line_error(ln + 1, "date '" + std::string(v) + "': expected YYYY-MM-DD (or YYYY-MM, YYYY)");
                    e.meta.date = std::string(v);
                    break;
                case 3: e.meta.source_url = std::string(v); break;
                case 4: e.meta.media_url = std::string(v); break;
                case 5:
                    for (auto s : split(v, ';'))
                        if (!trim(s).empty()) e.meta.speakers.emplace_back(trim(s));
                    break;
                case 6: {
                    size_t n = 0;
                    for (auto c : split(v, ';')) {
                        c = trim(c);
                        if (c.empty()) continue;
                        ++n;
                        size_t sp = c.find(' ');
                        Chapter ch;
                        if (sp == std::string_view::npos || !parse_time(c.substr(0, sp), ch.start_ms))
                            return line_error(ln + 1, "chapter " + std::to_string(n) +
                                                          ": expected a time like 1:02:03 or 12:30 before the title, got '" + std::string(c) + "'");
                        ch.title = std::string(trim(c.substr(sp + 1)));
                        e.meta.chapters.push_back(std::move(ch));
                    }
                    e.has_chapters = n > 0;
                    break;
                }
            }
        }
        if (e.file.empty()) return line_error(ln + 1, "the 'file' field is empty");
        out.push_back(std::move(e));
    }
    if (column_of.empty()) return make_error(Errc::Malformed, "line 1: the manifest has no header line (file<TAB>title<TAB>...)");
    return out;
}

void apply_manifest(const ManifestEntry& e, EpisodeMeta& meta) {
    if (!e.meta.title.empty()) meta.title = e.meta.title;
    if (!e.meta.date.empty()) meta.date = e.meta.date;
    if (!e.meta.source_url.empty()) meta.source_url = e.meta.source_url;
    if (!e.meta.media_url.empty()) meta.media_url = e.meta.media_url;
    for (auto& s : e.meta.speakers)
        if (std::find(meta.speakers.begin(), meta.speakers.end(), s) == meta.speakers.end() && meta.speakers.size() < 32767)
            meta.speakers.push_back(s);
    if (e.has_chapters) set_chapters(e.meta.chapters, meta);
}

void set_chapters(std::vector<Chapter> chapters, EpisodeMeta& meta) {
    meta.chapters = std::move(chapters);
    sort_chapters(meta.chapters);
}

std::vector<std::string> chapter_problems(const ManifestEntry& e, uint32_t duration_ms) {
    return e.has_chapters ? chapter_problems(e.meta.chapters, duration_ms) : std::vector<std::string>{};
}

std::vector<std::string> chapter_problems(const std::vector<Chapter>& ch, uint32_t duration_ms) {
    std::vector<std::string> out;
    auto hms = [](uint32_t ms) {
        char b[32];
        std::snprintf(b, sizeof b, "%u:%02u:%02u", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60);
        return std::string(b);
    };
    auto name = [&](size_t k) { return "chapter " + std::to_string(k + 1) + " '" + ch[k].title + "'"; };
    for (size_t k = 0; k < ch.size(); ++k) {
        if (duration_ms > 0 && ch[k].start_ms > duration_ms)
            out.push_back(name(k) + " at " + hms(ch[k].start_ms) + " starts after the episode ends (" + hms(duration_ms) + ")");
        if (k == 0) continue;
        if (ch[k].start_ms < ch[k - 1].start_ms)
            out.push_back(name(k) + " at " + hms(ch[k].start_ms) + " is listed after " + name(k - 1) + " at " +
                          hms(ch[k - 1].start_ms) + "; chapters are put in time order");
        else if (ch[k].start_ms == ch[k - 1].start_ms)
            out.push_back(name(k) + " starts at the same time as " + name(k - 1) + " (" + hms(ch[k].start_ms) + ")");
    }
    return out;
}

}  // namespace tx
