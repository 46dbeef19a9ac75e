#pragma once
// From an export request (what `borderlens export` and the viewer's Export
// dialog ask for) to what the renderer draws: the frame (a document link's
// pair, a unit found by name, a lon/lat box, the viewer's view, or the whole
// border area), the layers, the overlay (pair, shared border with its
// length, connector, gates), the title, subtitle, information box and
// attribution. No GL here: render/map_export draws an ExportSpec.
#include <array>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/boundaries/geometry.hpp"
#include "core/result.hpp"
#include "engine/map_data.hpp"
#include "engine/scene.hpp"

namespace bl::engine {

inline constexpr int kMaxExportSide = 30000;  // pixels per side; beyond that the image is absurd

struct ExportRequest {
    std::string output;
    int width = 1600, height = 1000;
    double dpi = 96.0;
    std::string focus;                          // a unit name (Gazetteer::find)
    int pair = -1;                              // a link of `borderlens pairs`
    std::optional<std::array<double, 4>> bbox;  // lon1, lat1, lon2, lat2
    std::optional<Box> frame;                   // working CRS metres (the viewer's current view)
    std::string vintage;                        // Vietnamese system shown; empty = the catalog's current
    std::vector<std::string> layers;            // layer ids to show; empty = by vintage
    std::string title, subtitle;                // empty = defaults
    bool labels = true, georef = false, force = false;
    int maxTile = 0;                            // 0 = the GL limit
};

// What the renderer draws for an export.
struct ExportSpec {
    int width = 1600, height = 1000;  // pixels
    double dpi = 96.0;
    Box frame;                        // working CRS metres that must be visible (fitted below the title band)
    Scene scene;                      // layers, overlay, labels on/off; style.scale and decorations are set by the renderer
    std::string title, subtitle;
    std::vector<std::string> info;    // lines of the information box (top left); none = no box
    std::string attribution;
    int maxTile = 0;                  // largest tile side; 0 = what the GL allows
    std::vector<std::string> notes;   // to tell the user (e.g. the unit a misspelt --focus was taken for)
};

// Pixels per side 64..kMaxExportSide, at most 250 megapixels; errors name the option.
Result<std::monostate> checkExportSize(int width, int height, const std::string& option = "--size");

// Checks the request's options against the catalog's systems (names the option on error).
Result<std::monostate> validate(const ExportRequest& r, const VintagePolicy& vintages);

// The layers an export (or the viewer's export dialog) needs: those asked
// for, else those of the vintage that can be drawn at the scale of the
// frame when it is known before loading (the whole border area: the Lao
// provinces are read for it; a --bbox); with a pair, every layer (documents).
std::vector<std::string> layersNeeded(const ExportRequest& r, Session& session);

// The frame, layers, overlay and texts of the request. Needs `map.news` for
// a pair and the gazetteer for a focus.
Result<ExportSpec> buildExportSpec(const ExportRequest& r, const MapData& map);

}  // namespace bl::engine
