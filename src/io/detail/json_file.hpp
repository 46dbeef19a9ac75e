#pragma once
// INTERNAL to io/*.cpp (hence io/detail/): reading our own JSON files
// (catalog, aliases, curated gates and localities) with errors that name the
// file. nlohmann/json is a private dependency of borderlens_io: no header
// outside io/detail/ may include it, so users of io never compile it.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.hpp"

namespace bl::io {

// `what` names the kind of file in messages: "catalog", "alias table", ...
Result<nlohmann::json> readJsonFile(const std::string& path, const char* what);

// The string at `key`, or "" when absent or not a string.
std::string stringField(const nlohmann::json& j, const char* key);

// The strings of the array at `key` (other elements skipped); empty when absent.
std::vector<std::string> stringArray(const nlohmann::json& j, const char* key);

// The array at `key` of an object; nullptr when `j` is not an object or has
// no such array.
const nlohmann::json* arrayField(const nlohmann::json& j, const char* key);

}  // namespace bl::io
