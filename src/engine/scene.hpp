#pragma once
// What to draw, besides the geometry: which layers, what is selected or
// hovered, and the overlay the application fills from its models (twinned
// pairs from the documents, shared borders from adjacency, border gates and
// stations, document locations). Plain data: the renderer never looks at
// adjacency or documents types, so those models stay free of GL.
#include <string>
#include <vector>

#include "core/boundaries/geometry.hpp"
#include "core/boundaries/model.hpp"

namespace bl::engine {

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
};

struct HighlightedUnit {
    UnitKey unit;
    Rgba colour;  // fill (drawn translucent) and bold outline
};

// A bold stretch of line, e.g. the shared border of a twinned pair, with a
// label such as "83.4 km" drawn at its middle. Working CRS metres.
struct OverlaySegment {
    std::vector<LineString> lines;
    Rgba colour;
    float widthPx = 5.0f;
    std::string label;
    std::string legend;   // legend text; empty = "Shared border (label)"
    bool casing = true;   // drawn on a white casing
};

// Item: an atlas overview's numbered item (its number drawn inside the disc).
enum class SymbolKind { BorderGate, Station, Document, Item };

struct OverlaySymbol {
    Vec2 position;  // working CRS metres
    SymbolKind kind = SymbolKind::BorderGate;
    bool approximate = false;  // position known only roughly: drawn hollow with a dashed ring, label prefixed "~"
    std::string label;
};

// A straight connector between two places (e.g. the two units of a pair).
struct OverlayConnector {
    Vec2 from, to;
    Rgba colour;
    std::string label;
};

struct Overlay {
    std::vector<HighlightedUnit> highlights;
    std::vector<OverlaySegment> segments;
    std::vector<OverlaySymbol> symbols;
    std::vector<OverlayConnector> connectors;
};

// Screen-space items, in pixels of the whole frame (y down): what the
// renderer's screen passes produce (symbols, placed labels, the scale bar)
// and the export's decorations (title, legend, north arrow...). Both
// backends draw the same list: OpenGL (window, PNG) and cairo (PDF, SVG).
// An item is a text run (when `text` is not empty; `at` is its top-left
// corner), a stroked polyline (when `line` has points), or a triangle list.
enum class ScreenFont { Label, LabelBold, Title };
struct ScreenItem {
    std::vector<Vec2> triangles;
    std::string text;
    ScreenFont font = ScreenFont::Label;
    Vec2 at;
    Rgba colour;
    Rgba halo{0, 0, 0, 0};   // text: a halo this wide (pixels) around the glyphs when halo.a > 0
    float haloWidth = 0.0f;
    std::vector<Vec2> line;  // a polyline stroked `lineWidth` wide (butt ends)
    float lineWidth = 0.0f;
};

struct MapStyle {
    float scale = 1.0f;  // multiplies line widths, symbols and text (DPI / 96)
    bool labels = true;
    bool scaleBar = true;
    std::string attribution;  // drawn bottom right when not empty
    Rgba background{0.90f, 0.93f, 0.96f, 1.0f};
};

struct Scene {
    std::vector<char> layerVisible;  // parallel to Dataset::layers; missing = hidden
    UnitKey selected;
    UnitKey hovered;
    Overlay overlay;
    MapStyle style;
    std::vector<Box> reservedAreas;  // screen pixels (y down) where no label may go, e.g. panels
    std::vector<UnitKey> emphasised; // units whose names are drawn large and placed first (an export's focus)
    std::vector<ScreenItem> underlay;     // drawn over the geometry, under symbols and labels (graticule)
    std::vector<ScreenItem> decorations;  // drawn over everything
};

}  // namespace bl::engine
