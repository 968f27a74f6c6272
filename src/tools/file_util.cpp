#include "tools/file_util.h"

#include "core/bundle.h"
#include "core/import.h"
#include "core/text.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace tx::tools {

Result<std::string> read_whole_file(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return make_error(Errc::Io, path + ": cannot open (" + std::strerror(errno) + ")");
    std::string out;
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    bool bad = std::ferror(f);
    std::fclose(f);
    if (bad) return make_error(Errc::Io, path + ": read error");
    return out;
}

Status write_whole_file(const std::string& path, const std::string& data) {
    std::string tmp = path + ".tmp";
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return make_error(Errc::Io, path + ": cannot write (" + std::strerror(errno) + ")");
    bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return make_error(Errc::Io, path + ": write failed (" + std::strerror(errno) + ")");
    }
    return ok_status();
}

bool is_directory(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

static Status walk(const std::string& dir, std::vector<std::string>& out, int depth) {
    if (depth > 32) return make_error(Errc::Io, dir + ": folders nested too deeply");
    DIR* d = ::opendir(dir.c_str());
    if (!d) return make_error(Errc::Io, dir + ": cannot list (" + std::strerror(errno) + ")");
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d)) {
        if (e->d_name[0] == '.') continue;  // hidden files, . and ..
        names.emplace_back(e->d_name);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (auto& n : names) {
        std::string p = dir + "/" + n;
        struct stat st;
        if (::stat(p.c_str(), &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            if (auto s = walk(p, out, depth + 1); !s) return s;
        } else if (S_ISREG(st.st_mode)) {
            out.push_back(p);
        }
    }
    return ok_status();
}

Result<std::vector<std::string>> list_files(const std::string& dir) {
    std::vector<std::string> out;
    if (auto s = walk(dir, out, 0); !s) return s.error();
    return out;
}

std::string terminal_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const uint8_t c = uint8_t(s[i]);
        if (c == '\t' || c == '\n' || c == '\r') out += ' ';
        else if (c < 0x20 || c == 0x7F) out += "\xEF\xBF\xBD";
        else if (c == 0xC2 && i + 1 < s.size() && uint8_t(s[i + 1]) >= 0x80 && uint8_t(s[i + 1]) <= 0x9F) {
            out += "\xEF\xBF\xBD";  // C1 control (U+0080-U+009F), e.g. U+009B, a one-byte CSI
            ++i;
        } else {
            out += char(c);
        }
    }
    return out;
}

int terminal_columns(uint32_t cp) {
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x20D0 && cp <= 0x20FF) ||
        (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x00AD || cp == 0x2060 || cp == 0xFEFF)
        return 0;
    static constexpr uint32_t kWide[][2] = {  // East_Asian_Width W / F, coarsely
        {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3},
        {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE},
        {0x26C4, 0x26C5}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F5}, {0x26FA, 0x26FD}, {0x2705, 0x2705},
        {0x270A, 0x270B}, {0x2728, 0x2728}, {0x274C, 0x274C}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
        {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
        {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3},
        {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x18AFF},
        {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
        {0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF},
        {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };
    if (cp < 0x1100) return 1;
    for (const auto& r : kWide)
        if (cp >= r[0] && cp <= r[1]) return 2;
    return 1;
}

std::string fit_columns(std::string_view s, size_t cols) {
    std::string out;
    size_t used = 0;
    for (size_t i = 0; i < s.size();) {
        const size_t at = i;
        const size_t w = size_t(terminal_columns(utf8_next(s, i)));
        if (used + w > cols) break;
        out.append(s, at, i - at);
        used += w;
    }
    out.append(cols - used, ' ');
    return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Result<std::vector<Episode>> load_transcripts(const std::string& path, double wpm) {
    auto data = read_whole_file(path);
    if (!data) return data.error();
    Bytes bytes(data.value());
    if (ends_with(path, ".txb")) {
        auto b = read_bundle(bytes);
        if (!b) return make_error(b.errc(), path + ": " + b.message());
        auto eps = decode_all(b.value());
        if (!eps) return make_error(eps.errc(), path + ": " + eps.message());
        return std::move(eps.value());
    }
    ImportDesc d;
    d.name = path;
    d.words_per_minute = wpm;
    std::vector<std::string> warnings;
    d.warnings = &warnings;
    auto ep = import_transcript(bytes, d);
    for (const std::string& w : warnings) std::fprintf(stderr, "transcript: warning: %s\n", w.c_str());
    if (!ep) return ep.error();  // the importer's message starts with d.name, the path
    std::vector<Episode> out;
    out.push_back(std::move(ep.value()));
    return out;
}

}  // namespace tx::tools
