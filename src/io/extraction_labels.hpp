#pragma once
// Hand-written labels of a test corpus for the extractor (see
// engine/extract_score.hpp): the file as written, no interpretation.
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace bl::io {

struct RawLabelledLink {
    std::string kind, vnProvince, laProvince;
};

struct RawLabelledArticle {
    std::string file;
    std::vector<std::string> kinds;
    std::vector<RawLabelledLink> links;
    std::vector<std::pair<std::string, std::string>> gates;  // name, country
};

struct RawLabels {
    std::string documents;  // "" = beside the labels file; "<documents root>"; or a relative directory
    std::vector<RawLabelledArticle> articles;
};

// Errors name the file and the entry.
Result<RawLabels> loadExtractionLabels(const std::string& path);

}  // namespace bl::io
