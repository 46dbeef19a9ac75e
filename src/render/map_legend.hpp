#pragma once
// What a map's legend lists, built from what the frame shows: the export
// draws it beside the map, the viewer in its inspector.
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "render/camera.hpp"
#include "render/engine_types.hpp"

namespace bl::render {

struct LegendEntry {
    enum class Kind { Fill, Line, Symbol };
    Kind kind = Kind::Fill;
    Rgba fill, line;
    float widthPx = 1.0f;
    // Kind::Line: a second line drawn beside the first (alpha 0: none), as
    // where two sources' lines run apart.
    Rgba beside{0, 0, 0, 0};
    float besideWidthPx = 0.0f;
    SymbolKind symbol = SymbolKind::BorderGate;
    bool approximate = false;
    std::string text;
};

// What the legend lists for this frame: the fills and boundary levels
// actually visible in it, the neighbouring countries (context) when one is
// in it, the Viet Nam–Laos border when it crosses the frame (and, with the
// Vietnamese provinces' boundary, its two sources' lines where they disagree).
std::vector<LegendEntry> legendFor(const Dataset& data, const MapGeometry& geometry, const Scene& scene,
                                   const Camera& camera);
// The legend's entries for what is drawn over the map, after legendFor's:
// the selected unit (by name), the highlighted units (a document's linked
// pair, a neighbouring pair from the adjacency explorer, or units found by
// name), each kind of overlay line (shared border with its length, gate
// uncertainty circles) that has lines, and the symbols inside the frame.
std::vector<LegendEntry> overlayLegend(const Dataset& data, const Scene& scene, const Camera& camera);

}  // namespace bl::render
