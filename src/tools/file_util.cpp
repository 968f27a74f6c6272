#include "tools/file_util.h"

#include "core/bundle.h"
#include "core/import.h"

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
