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
    bool frameIsImage = false;                  // `frame` is the whole image (what the viewer shows), not a
                                                // box fitted below the title: give it the image's proportions
    std::string vintage;                        // Vietnamese system shown; empty = the catalog's current
    std::vector<std::string> layers;            // layer ids to show; empty = by vintage
    std::string title, subtitle;                // empty = defaults
    bool labels = true, georef = false, force = false;
    int maxTile = 0;                            // 0 = the GL limit
    // An atlas: "pairs" (every document link), "gates" (the catalog's border
    // gates) or "provinces" (those along the border, of the system drawn):
    // an overview page with every item numbered, then a page per item. To a
    // .pdf, one page each; to a directory, one PNG each (NN-name.png).
    std::string atlas;
    double marginMm = 0.0;                      // blank margin around the page (mm, at the DPI)
    // The viewer's Export dialog draws what the viewer shows. Keys index the
    // MapData's dataset the request is built with.
    std::optional<Overlay> overlay;  // drawn as given, instead of the gates and the pair's overlay computed here
    UnitKey selected;                // drawn selected, as in the viewer (listed in the legend)
    UnitKey focusUnit;               // frame: this unit with a margin, titled with its name (as --focus)
};

// What the renderer draws for an export.
struct ExportSpec {
    int width = 1600, height = 1000;  // pixels
    double dpi = 96.0;
    Box frame;                        // working CRS metres that must be visible (fitted below the title band)
    bool frameIsImage = false;        // `frame` is the image's extent: the title and boxes are drawn over it
    Scene scene;                      // layers, overlay, labels on/off; style.scale and decorations are set by the renderer
    std::string title, subtitle;
    std::vector<std::string> info;    // lines of the information box (top left); none = no box
    std::string attribution;
    int maxTile = 0;                  // largest tile side; 0 = what the GL allows
    std::vector<std::string> notes;   // to tell the user (e.g. the unit a misspelt --focus was taken for,
                                      // or the system a --focus unit belongs to being drawn)
    std::string vintage;              // the Vietnamese system drawn (the request's, or its --focus unit's)
    // Furniture: the margin's lines (the CRS, the data drawn, the production
    // date), a graticule with ticks on the frame, a locator inset (where the
    // frame lies in the region; left out when the frame is most of it), and
    // a blank margin around the whole page.
    std::vector<std::string> margin;
    bool graticule = true, locator = true;
    double marginPx = 0.0;
    // Numbered items (an atlas overview): the list beside the map.
    std::vector<std::string> index;
};

// "2026-11-30": today (UTC), or SOURCE_DATE_EPOCH's day when it is set.
std::string productionDate();

// Pixels per side 64..kMaxExportSide, at most 250 megapixels; errors name the option.
Result<std::monostate> checkExportSize(int width, int height, const std::string& option = "--size");

// Checks the request's options against the catalog's systems (names the option on error).
Result<std::monostate> validate(const ExportRequest& r, const VintagePolicy& vintages);

// The layers an export (or the viewer's export dialog) needs: those asked
// for, else those of the vintage that can be drawn at the scale of the
// frame when it is known before loading (the whole border area: the Lao
// provinces are read for it; a --bbox); with a pair, every layer
// (documents); with a --focus, the layers of every system (the unit decides
// which system is drawn, see buildExportSpec); for an atlas, every layer of
// the system (every layer for pairs).
std::vector<std::string> layersNeeded(const ExportRequest& r, Session& session);

// The layer ids a request names for the layers shown (`layerVisible`,
// parallel to data.layers) with the Vietnamese system `vintage`: none when
// they are the ones the system shows anyway.
std::vector<std::string> layersToName(const Dataset& data, const std::string& vintage,
                                      const std::vector<char>& layerVisible);

// The frame, layers, overlay and texts of the request. Needs `map.news` for
// a pair and the gazetteer for a focus.
//
// One vintage model: a --focus name is looked up in every system `map`
// holds. Without --vintage (and --layers) the system of the best match is
// drawn, the shown (current) one on a tie, and a note says so when it is
// not the current one ("Hướng Hóa is a district of the 2023 system: drawing
// the 2023 system"); Lao units belong to every system. With --vintage, a
// unit of another system is an error naming that system and the unit's
// counterparts in the one asked for (its successors or predecessors in the
// succession table).
Result<ExportSpec> buildExportSpec(const ExportRequest& r, const MapData& map);

}  // namespace bl::engine
