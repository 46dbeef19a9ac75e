#include "io/detail/json_file.hpp"

#include <algorithm>
#include <iterator>

#include "io/regular_file.hpp"

namespace bl::io {

namespace {

// Where a parse failed, in our words: the line and column of byte `at`
// (1-based, as nlohmann counts; one past the end when the text ends too
// early).
std::string parseFailure(std::string_view text, size_t at) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return "the file is empty";
    if (at > text.size()) return "it ends too early (truncated?)";
    const size_t pos = at > 0 ? at - 1 : 0;  // 0-based
    const auto begin = text.begin(), here = text.begin() + long(pos);
    const size_t line = 1 + size_t(std::count(begin, here, '\n'));
    const size_t lineStart = size_t(std::find(std::make_reverse_iterator(here), text.rend(), '\n').base() - begin);
    return "syntax error at line " + std::to_string(line) + ", column " + std::to_string(pos - lineStart + 1);
}

}  // namespace

Result<nlohmann::json> readJsonFile(const std::string& path, const char* what) {
    auto text = readRegularFile(path, what);
    if (!text) return text.error();
    return parseJsonText(*text, path, what);
}

Result<nlohmann::json> parseJsonText(std::string_view text, const std::string& path, const char* what) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        return makeError(std::string(what) + " " + path + " is not valid JSON: " + parseFailure(text, e.byte));
    } catch (const nlohmann::json::exception&) {
        return makeError(std::string(what) + " " + path + " is not valid JSON");
    }
}

std::string stringField(const nlohmann::json& j, const char* key) {
    if (!j.is_object()) return {};
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> stringArray(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    if (const nlohmann::json* a = arrayField(j, key))
        for (const auto& v : *a)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

const nlohmann::json* arrayField(const nlohmann::json& j, const char* key) {
    if (!j.is_object()) return nullptr;
    auto it = j.find(key);
    return it != j.end() && it->is_array() ? &*it : nullptr;
}

const char* jsonTypeName(const nlohmann::json& j) {
    if (j.is_object()) return "an object";
    if (j.is_array()) return "an array";
    if (j.is_string()) return "a string";
    if (j.is_number()) return "a number";
    if (j.is_boolean()) return "true or false";
    if (j.is_null()) return "null";
    return "binary data";
}

Error wrongJsonType(const std::string& where, const std::string& key, const char* expected,
                    const nlohmann::json& found) {
    return makeError(where + ": \"" + key + "\" must be " + expected + " (it is " + jsonTypeName(found) + ")");
}

Result<std::string> optionalString(const nlohmann::json& j, const char* key, const std::string& where) {
    if (!j.is_object()) return std::string();
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::string();
    if (!it->is_string()) return wrongJsonType(where, key, "a string", *it);
    return it->get<std::string>();
}

Result<std::vector<std::string>> optionalStrings(const nlohmann::json& j, const char* key, const std::string& where) {
    std::vector<std::string> out;
    if (!j.is_object()) return out;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return out;
    if (!it->is_array()) return wrongJsonType(where, key, "an array of strings", *it);
    for (const auto& v : *it) {
        if (!v.is_string())
            return makeError(where + ": \"" + key + "\" must hold only strings (one is " + jsonTypeName(v) + ")");
        out.push_back(v.get<std::string>());
    }
    return out;
}

}  // namespace bl::io
