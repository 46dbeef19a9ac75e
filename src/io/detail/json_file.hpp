#pragma once
// INTERNAL to io/*.cpp (hence io/detail/): reading our own JSON files
// (catalog, aliases, curated gates and localities) with errors that name the
// file. nlohmann/json is a private dependency of borderlens_io: no header
// outside io/detail/ may include it, so users of io never compile it.
// No nlohmann exception text reaches a message: readers check types with
// the helpers below and say which file, which field and what was expected.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.hpp"

namespace bl::io {

// `what` names the kind of file in messages: "catalog", "alias table", ...
// The file must be a regular file (io/regular_file.hpp).
Result<nlohmann::json> readJsonFile(const std::string& path, const char* what);
// The same for text already read; `path` names it in messages.
Result<nlohmann::json> parseJsonText(std::string_view text, const std::string& path, const char* what);

// The string at `key`, or "" when absent or not a string.
std::string stringField(const nlohmann::json& j, const char* key);

// The strings of the array at `key` (other elements skipped); empty when absent.
std::vector<std::string> stringArray(const nlohmann::json& j, const char* key);

// The array at `key` of an object; nullptr when `j` is not an object or has
// no such array.
const nlohmann::json* arrayField(const nlohmann::json& j, const char* key);

// "an object", "an array", "a string", "a number", "true or false", "null".
const char* jsonTypeName(const nlohmann::json& j);

// `where`: "\"key\" must be EXPECTED (it is an array)".
Error wrongJsonType(const std::string& where, const std::string& key, const char* expected,
                    const nlohmann::json& found);

// Strict fields of an object, for files whose shape we define: absent gives
// "" (or no strings); present with another type is an error naming `where`
// and the key.
Result<std::string> optionalString(const nlohmann::json& j, const char* key, const std::string& where);
Result<std::vector<std::string>> optionalStrings(const nlohmann::json& j, const char* key, const std::string& where);

}  // namespace bl::io
