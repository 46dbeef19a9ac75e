#pragma once
// The overlays every front-end draws, built in one place: a shared border
// stretch, a document link (both units, a connector, the shared stretch with
// its length, the document's gates and stations), our curated border gates
// and an outlined frame. The viewer puts them in its Scene; the export puts
// the same ones in its ExportSpec.
#include <optional>
#include <string>
#include <vector>

#include "core/boundaries/adjacency.hpp"
#include "core/news/link_check.hpp"
#include "engine/figures.hpp"
#include "engine/map_data.hpp"
#include "engine/scene.hpp"

namespace bl::engine {

inline constexpr Rgba kPairColour{0.85f, 0.12f, 0.55f, 1.0f};   // a pair of units and their shared border
inline constexpr Rgba kLinkColour{0.15f, 0.45f, 0.95f, 1.0f};   // a document link in the viewer
inline constexpr Rgba kFocusColour{0.10f, 0.35f, 0.95f, 1.0f};  // a unit found by name
inline constexpr Rgba kFrameColour{0.05f, 0.25f, 0.65f, 1.0f};  // an export frame outlined on the map
inline constexpr Rgba kGateUncertaintyColour{0.55f, 0.30f, 0.05f, 0.75f};  // a gate's uncertainty circle

// Both units in `colour`, a connector between their label anchors labelled
// `connectorLabel`, the shared stretch bold labelled with shownKmText.
Overlay sharedBorderOverlay(const SharedBorder& border, const Dataset& data, const MapGeometry& geometry, Rgba colour,
                            const std::string& connectorLabel = "");

// A document link in the Vietnamese system `vintage`, as drawnVerdict
// chooses its units: the pair (as above, the connector labelled with the
// link's kind) and the gates and stations its document names (at their
// curated position, else hollow at their unit). Empty when the parties did
// not resolve. `frame` receives both units' bounds.
struct LinkOverlay {
    Overlay overlay;
    Box frame;
    const AdjacencyVerdict* drawn = nullptr;   // the verdict whose units are drawn
    const AdjacencyVerdict* finest = nullptr;  // the finest resolved in `vintage`
};
LinkOverlay linkOverlay(const MapData& map, size_t link, const std::string& vintage, Rgba colour);

// Our curated border gates with a known position (approximate beyond 1 km).
std::vector<OverlaySymbol> gateSymbols(const CuratedPlaces& curated);
// Circles of the gates' uncertainty radius (placed by us, or cited to
// more than 1 km), one thin line for all.
OverlaySegment gateUncertainty(const CuratedPlaces& curated);

// Adds symbols not already there (same kind, label and position).
void addSymbols(Overlay& overlay, const std::vector<OverlaySymbol>& symbols);

// A rectangle outline (four connectors), the first side labelled.
void addFrameOutline(Overlay& overlay, const Box& box, Rgba colour, const std::string& label);

}  // namespace bl::engine
