#pragma once
// An atlas of export pages (ExportRequest::atlas): "pairs" (every link of
// `borderlens pairs`, in that order), "gates" (the catalog's border gates),
// "provinces" (the provinces on either side of the border, of the system
// drawn). The first page is the overview: the whole border area with every
// item numbered and listed; then one page per item, framed on it, with its
// information box. No GL: render/ draws the specs (a PDF page or a PNG each).
#include <string>
#include <vector>

#include "core/result.hpp"
#include "engine/export_request.hpp"

namespace bl::engine {

struct AtlasPage {
    ExportSpec spec;
    std::string name;  // for a PNG file name: "00-overview", "03-quang-tri-savannakhet"
};

// "pairs", "gates", "provinces"; an option error names --atlas otherwise.
Result<std::monostate> checkAtlasKind(const std::string& kind);

// The pages of r.atlas (r's size, DPI, vintage, labels apply to each page).
// Needs map.news for "pairs".
Result<std::vector<AtlasPage>> buildAtlas(const ExportRequest& r, const MapData& map);

}  // namespace bl::engine
