// json.h: a small, bounded JSON reader for transcript files (Whisper JSON). No exceptions.
//
// Parses into a tree of JsonValue. Limits protect against hostile input: nesting depth
// (kJsonMaxDepth) and the input size are bounded; errors name the line and column.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base.h"

namespace tx {

constexpr int kJsonMaxDepth = 64;  // deeper nesting is rejected as Malformed

struct JsonValue {
    enum class Type : uint8_t { Null, Bool, Number, String, Array, Object };
    Type type = Type::Null;
    bool b = false;
    double num = 0;
    std::string str;
    std::vector<JsonValue> arr;
    std::vector<std::pair<std::string, JsonValue>> obj;
    uint32_t line = 0;  // 1-based line where the value starts (for error messages)

    // @return the member named `key` of an object, or nullptr (also when this is not an object).
    const JsonValue* find(std::string_view key) const;
    bool is_number() const { return type == Type::Number; }
    bool is_string() const { return type == Type::String; }
    bool is_array() const { return type == Type::Array; }
    bool is_object() const { return type == Type::Object; }
};

// @return the parsed document, or Errc::Malformed ("line 3, column 14: expected ',' or '}'").
Result<JsonValue> json_parse(std::string_view text);

// Append `s` to `out` as a JSON string literal (quotes included), escaping quotes, backslashes and
// control characters and replacing invalid UTF-8 with U+FFFD, so the output always parses.
void json_append_string(std::string& out, std::string_view s);

}  // namespace tx
