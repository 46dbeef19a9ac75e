#pragma once
// Everything the renderer draws from a Dataset, prepared once on the CPU (off
// the UI thread: it takes seconds on the full data) and then uploaded:
// per layer and per level of detail, fill triangles (province layers only)
// and thick-line strips of every unit outline; per unit a label anchor; the
// international border (outline of the union of Lao provinces) per level.
// Immutable once built: share as std::shared_ptr<const MapGeometry>.
// Coordinates are float metres relative to `origin` (working CRS): float
// keeps ~0.1 m precision over the whole area, far below a pixel.
#include <cstdint>
#include <functional>
#include <stop_token>
#include <vector>

#include "core/boundaries/cartography.hpp"
#include "core/boundaries/model.hpp"

namespace bl::engine {

struct FillVertex {
    float x, y;
    float shade;  // 0..1, varies lightness between neighbouring units
};

// A strip vertex: position and miter vector (length 1 = half the line width
// on a straight stretch); pairs (+m, -m) per polyline vertex.
struct LineVertex {
    float x, y;
    float mx, my;
};

struct Range {
    uint32_t first = 0;
    uint32_t count = 0;
};

// One triangle strip holding many polylines, joined by degenerate triangles.
struct LineStrip {
    std::vector<LineVertex> vertices;
    // Appends a polyline (closed: the ring's last point equals its first).
    void append(const LineString& line, Vec2 origin);
};

struct LayerLod {
    double toleranceM = 0.0;        // 0 = full detail
    std::vector<FillVertex> fill;   // triangles; empty when the layer is not filled
    std::vector<Range> fillRanges;  // per unit, into fill
    LineStrip outline;
    std::vector<Range> outlineRanges;  // per unit, into outline.vertices
};

struct LayerGeometry {
    std::vector<LayerLod> lods;        // finest first, one per kLodTolerancesM
    std::vector<LabelAnchor> anchors;  // per unit
    bool filled = false;
};

inline constexpr double kLodTolerancesM[] = {0.0, 40.0, 150.0, 500.0, 1200.0};
inline constexpr size_t kLodCount = std::size(kLodTolerancesM);

// Which level of detail to draw at a scale: the coarsest whose tolerance is
// at most about a pixel.
size_t lodForScale(double metresPerPixel);

// Scale-dependent visibility: communes and districts are only drawn (and
// labelled) when zoomed in far enough for them to be told apart.
bool levelShownAtScale(Level level, double metresPerPixel);

struct MapGeometry {
    Vec2 origin;
    Box bounds;
    std::vector<LayerGeometry> layers;  // parallel to Dataset::layers
    std::vector<LineStrip> border;      // per level of detail
    Box borderBounds;                   // of the international border (the area the map is about)
    size_t vertexCount = 0;             // full-detail outline vertices, for reports
};

struct GeometryOptions {
    bool fillProvinces = true;
    std::function<void(size_t done, size_t total)> progress;  // called from worker threads
    std::stop_token stop;  // a stop request ends the build early; the result is then incomplete
};

// Builds in parallel (one task per layer).
MapGeometry buildMapGeometry(const Dataset& data, const GeometryOptions& opt = {});

}  // namespace bl::engine
