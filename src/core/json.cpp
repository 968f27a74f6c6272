#include "core/json.h"

#include <cmath>
#include <cstdlib>

#include "core/text.h"

namespace tx {

const JsonValue* JsonValue::find(std::string_view key) const {
    if (type != Type::Object) return nullptr;
    for (const auto& kv : obj)
        if (kv.first == key) return &kv.second;
    return nullptr;
}

namespace {

class Parser {
public:
    explicit Parser(std::string_view s) : m_s(s) {}

    bool parse(JsonValue& out) {
        skip_ws();
        if (!value(out, 0)) return false;
        skip_ws();
        if (m_i != m_s.size()) return fail("unexpected text after the JSON value");
        return true;
    }
    std::string error() const { return m_err; }

private:
    bool fail(const char* what) {
        if (m_err.empty()) {
            size_t col = 1;
            for (size_t k = m_i; k > 0 && m_s[k - 1] != '\n'; --k) ++col;
            m_err = "line " + std::to_string(m_line) + ", column " + std::to_string(col) + ": " + what;
        }
        return false;
    }
    void skip_ws() {
        while (m_i < m_s.size()) {
            char c = m_s[m_i];
            if (c == '\n') ++m_line;
            else if (c != ' ' && c != '\t' && c != '\r') break;
            ++m_i;
        }
    }
    bool literal(const char* word) {
        size_t n = std::char_traits<char>::length(word);
        if (m_s.substr(m_i, n) != word) return fail("invalid literal");
        m_i += n;
        return true;
    }
    bool value(JsonValue& v, int depth) {
        if (depth > kJsonMaxDepth) return fail("nesting too deep");
        if (m_i >= m_s.size()) return fail("unexpected end of input");
        v.line = m_line;
        char c = m_s[m_i];
        switch (c) {
            case '{': return object(v, depth);
            case '[': return array(v, depth);
            case '"': v.type = JsonValue::Type::String; return string(v.str);
            case 't': v.type = JsonValue::Type::Bool; v.b = true; return literal("true");
            case 'f': v.type = JsonValue::Type::Bool; v.b = false; return literal("false");
            case 'n': v.type = JsonValue::Type::Null; return literal("null");
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number(v);
                return fail("expected a value");
        }
    }
    bool number(JsonValue& v) {
        size_t start = m_i;
        if (m_s[m_i] == '-') ++m_i;
        auto digits = [&]() {
            size_t d = m_i;
            while (m_i < m_s.size() && m_s[m_i] >= '0' && m_s[m_i] <= '9') ++m_i;
            return m_i > d;
        };
        if (!digits()) return fail("invalid number");
        if (m_i < m_s.size() && m_s[m_i] == '.') {
            ++m_i;
            if (!digits()) return fail("invalid number");
        }
        if (m_i < m_s.size() && (m_s[m_i] == 'e' || m_s[m_i] == 'E')) {
            ++m_i;
            if (m_i < m_s.size() && (m_s[m_i] == '+' || m_s[m_i] == '-')) ++m_i;
            if (!digits()) return fail("invalid number");
        }
        if (m_i - start > 64) return fail("number too long");
        std::string tmp(m_s.substr(start, m_i - start));
        v.type = JsonValue::Type::Number;
        v.num = std::strtod(tmp.c_str(), nullptr);
        if (!std::isfinite(v.num)) return fail("number out of range");
        return true;
    }
    bool hex4(uint32_t& out) {
        if (m_i + 4 > m_s.size()) return fail("truncated \\u escape");
        out = 0;
        for (int k = 0; k < 4; ++k) {
            char c = m_s[m_i++];
            out <<= 4;
            if (c >= '0' && c <= '9') out |= uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f') out |= uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') out |= uint32_t(c - 'A' + 10);
            else return fail("invalid \\u escape");
        }
        return true;
    }
    bool string(std::string& out) {
        ++m_i;  // opening quote
        while (true) {
            if (m_i >= m_s.size()) return fail("unterminated string");
            char c = m_s[m_i];
            if (c == '"') { ++m_i; return true; }
            if (uint8_t(c) < 0x20) return fail("control character in string");
            if (c != '\\') { out += c; ++m_i; continue; }
            ++m_i;
            if (m_i >= m_s.size()) return fail("unterminated string");
            char e = m_s[m_i++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    uint32_t cp;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        uint32_t lo = 0;
                        if (m_i + 1 < m_s.size() && m_s[m_i] == '\\' && m_s[m_i + 1] == 'u') {
                            m_i += 2;
                            if (!hex4(lo)) return false;
                        }
                        if (lo >= 0xDC00 && lo <= 0xDFFF) cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        else cp = 0xFFFD;
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        cp = 0xFFFD;
                    }
                    utf8_append(out, cp);
                    break;
                }
                default: return fail("invalid escape");
            }
        }
    }
    bool array(JsonValue& v, int depth) {
        v.type = JsonValue::Type::Array;
        ++m_i;
        skip_ws();
        if (m_i < m_s.size() && m_s[m_i] == ']') { ++m_i; return true; }
        while (true) {
            skip_ws();
            v.arr.emplace_back();
            if (!value(v.arr.back(), depth + 1)) return false;
            skip_ws();
            if (m_i >= m_s.size()) return fail("unexpected end of input in array");
            if (m_s[m_i] == ',') { ++m_i; continue; }
            if (m_s[m_i] == ']') { ++m_i; return true; }
            return fail("expected ',' or ']'");
        }
    }
    bool object(JsonValue& v, int depth) {
        v.type = JsonValue::Type::Object;
        ++m_i;
        skip_ws();
        if (m_i < m_s.size() && m_s[m_i] == '}') { ++m_i; return true; }
        while (true) {
            skip_ws();
            if (m_i >= m_s.size() || m_s[m_i] != '"') return fail("expected a string key");
            std::string key;
            if (!string(key)) return false;
            skip_ws();
            if (m_i >= m_s.size() || m_s[m_i] != ':') return fail("expected ':'");
            ++m_i;
            skip_ws();
            v.obj.emplace_back(std::move(key), JsonValue{});
            if (!value(v.obj.back().second, depth + 1)) return false;
            skip_ws();
            if (m_i >= m_s.size()) return fail("unexpected end of input in object");
            if (m_s[m_i] == ',') { ++m_i; continue; }
            if (m_s[m_i] == '}') { ++m_i; return true; }
            return fail("expected ',' or '}'");
        }
    }

    std::string_view m_s;
    size_t m_i = 0;
    uint32_t m_line = 1;
    std::string m_err;
};

}  // namespace

Result<JsonValue> json_parse(std::string_view text) {
    Parser p(text);
    JsonValue v;
    if (!p.parse(v)) return make_error(Errc::Malformed, p.error());
    return v;
}

void json_append_string(std::string& out, std::string_view s) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c == '"' || c == '\\') { out += '\\'; out += char(c); }
            else if (c == '\n') out += "\\n";
            else if (c == '\t') out += "\\t";
            else if (c < 0x20 || c == 0x7f) { out += "\\u00"; out += hex[c >> 4]; out += hex[c & 15]; }
            else out += char(c);
            ++i;
            continue;
        }
        int len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        bool valid = len > 0 && i + size_t(len) <= s.size();
        for (int k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (valid && len == 3) {
            unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) valid = false;  // overlong / surrogate
        }
        if (valid && len == 4) {
            unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) valid = false;
        }
        if (valid) { out.append(s.substr(i, size_t(len))); i += size_t(len); }
        else { out += "\\ufffd"; ++i; }
    }
    out += '"';
}

}  // namespace tx
