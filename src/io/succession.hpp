#pragma once
// The succession table (core/boundaries/succession.hpp) as a JSON file of
// ours: geodata/succession.json, made by `borderlens succession --write`
// from the catalog's layers. Read with the curated places; written as
// UTF-8 JSON, one unit a line, so a change to the data shows in a diff.
#include <string>

#include "core/boundaries/succession.hpp"
#include "core/result.hpp"

namespace bl::io {

// {"method", "made_with", "units": [{"layer", "id", "name", "level",
//   "vintage", "to": [{"layer", "id", "name", "share"}]}]}
Result<SuccessionTable> loadSuccession(const std::string& path);

// The file's text; `madeWith` says which command and data made it.
std::string successionJson(const SuccessionTable& t, const std::string& madeWith);

// The public list of the 2025 mergers (geodata/mergers_2025.json): for each
// later province, the earlier provinces it was formed from (short names).
struct MergerList {
    std::string source;
    std::vector<std::pair<std::string, std::vector<std::string>>> provinces;  // later name, earlier names
};
Result<MergerList> loadMergerList(const std::string& path);

}  // namespace bl::io
