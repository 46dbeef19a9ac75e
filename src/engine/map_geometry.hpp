#pragma once
// Everything the renderer draws from a Dataset, prepared on the CPU and then
// uploaded: per layer and per level of detail, fill triangles (province
// layers only), thick-line strips of every unit outline and label anchors;
// the Viet Nam–Laos border (the stretches of the Lao provinces' union
// outline that run along the Vietnamese provinces) per level; the context
// countries drawn under the map (fills, their borders, where their names
// go). Coordinates are float metres relative to the working CRS's origin,
// which lies inside the border area: float keeps ~0.1 m precision over it,
// far below a pixel.
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/boundaries/arcs.hpp"
#include "core/boundaries/cartography.hpp"
#include "core/boundaries/model.hpp"
#include "io/context_layer.hpp"
#include "engine/border_stretches.hpp"
#include "io/prepared_store.hpp"

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
    // Triangle fans of every ring, per unit: drawn stencil-then-cover (a
    // pixel inside the unit is covered an odd number of times), so no
    // triangulation is needed. Empty when the layer is not filled.
    std::vector<FillVertex> fill;
    std::vector<Range> fillRanges;  // per unit, into fill
    LineStrip outline;
    std::vector<Range> outlineRanges;  // per unit, into outline.vertices
    std::vector<LabelAnchor> anchors;  // per unit, found on this level's outlines (level 0: on level 1's)
};

// Outlines of level i are within kLodTolerancesM[i] of the full detail
// (each shared arc simplified once: core/boundaries/arcs.hpp).
inline constexpr double kLodTolerancesM[] = {0.0, 15.0, 40.0, 100.0, 250.0, 600.0, 1500.0};
inline constexpr size_t kLodCount = std::size(kLodTolerancesM);

// Which level of detail to draw at a scale: the coarsest whose tolerance is
// at most half a pixel.
size_t lodForScale(double metresPerPixel);

// Scale-dependent visibility: communes and districts are only drawn (and
// labelled) when zoomed in far enough for them to be told apart.
bool levelShownAtScale(Level level, double metresPerPixel);

struct GeometryOptions {
    bool fillProvinces = true;
    // Where built levels are kept between runs (io/prepared_store.hpp);
    // null: built every run. Layers without a preparedKey are never stored.
    std::shared_ptr<const io::PreparedStore> store;
    // One line when a stored level was found damaged (and is rebuilt).
    std::function<void(const std::string&)> notice;
    // Countries drawn under the map (io/context_layer.hpp); may be empty.
    std::vector<io::ContextLayer> context;
};


// Where a neighbouring country's name may go: the centre of the largest
// circle inside the part of the country within a box (the view, or a
// quarter of it), and its radius. Working CRS metres.
struct ContextLabelSite {
    size_t feature = 0;  // index into MapGeometry::contextFeatures()
    Vec2 position;
    double radiusM = 0.0;
};

// The drawable geometry of a dataset, prepared level by level as it is
// first asked for (read back from the store when it holds it): nothing is
// simplified, triangulated or anchored for a layer or a level that is never
// drawn. Shared read-only (std::shared_ptr<const MapGeometry>) between
// threads; every method may be called from any thread.
class MapGeometry {
public:
    MapGeometry(std::shared_ptr<const Dataset> data, GeometryOptions options = {});
    ~MapGeometry();  // stops the background builder
    MapGeometry(const MapGeometry&) = delete;
    MapGeometry& operator=(const MapGeometry&) = delete;

    // Coordinates of every level are relative to the working CRS's origin,
    // the same for every dataset (so stored levels fit any).
    Vec2 origin{0.0, 0.0};
    Box bounds;             // of every unit
    Box borderBounds;       // of Laos (its provinces): the area the map is about
    size_t vertexCount = 0; // full-detail outline vertices, for reports

    size_t layerCount() const { return m_data->layers.size(); }
    bool filled(size_t layer) const;

    // Level `level` of layer `layer`, built now on the calling thread if no
    // one has built it yet (waits for the background builder if it is on it).
    const LayerLod& lod(size_t layer, size_t level) const;
    // The same when already built, else null (never blocks on a build).
    const LayerLod* lodIfReady(size_t layer, size_t level) const;
    // Has the background builder prepare it; `ready` is called from the
    // builder's thread once it is (not called when already built).
    void request(size_t layer, size_t level, std::function<void()> ready) const;
    // Levels asked for and not built yet.
    size_t pending() const;

    // The Viet Nam–Laos border (kBorderNearM) at a level, as one strip;
    // empty without Lao or without Vietnamese provinces. Blocking, as lod().
    const LineStrip& border(size_t level) const;
    const LineStrip* borderIfReady(size_t level) const;
    // Where the two countries' sources put the border apart (kBorderApartM):
    // points of the Lao line with, as radiusM, the distance to the
    // Vietnamese provinces' line. Kept with the coarsest border level
    // (its LayerLod::anchors); blocking, as border().
    const std::vector<LabelAnchor>& borderApart() const;
    void requestBorder(size_t level, std::function<void()> ready) const;

    // The context countries (GeometryOptions::context, every layer's
    // features in order); never part of the dataset.
    const std::vector<io::ContextFeature>& contextFeatures() const { return m_context; }
    // The context at a level: fill triangles per feature (fillRanges: one
    // per feature; plain triangles, not fans: drawn without the stencil,
    // which a software renderer pays dearly for over large areas) and
    // the neighbours' borders with other countries (outlineRanges, one per
    // feature, empty for the own countries): the edges a feature shares with
    // another, so no coast and no edge of the box the source was clipped to.
    // Blocking, as lod(); empty without context.
    const LayerLod& context(size_t level) const;
    const LayerLod* contextIfReady(size_t level) const;
    void requestContext(size_t level, std::function<void()> ready) const;
    // Where the neighbours' names may go in `view`: per neighbour meeting
    // it, its site within the view, then within each quarter of the view
    // (alternatives where a label collides). Each site's circle lies in the
    // view, so a name there is seen. The last few views' sites are
    // remembered (an unmoved view costs nothing; a new one a few ms).
    std::vector<ContextLabelSite> contextLabelSites(const Box& view) const;

    // Where to put a unit's overlay marks: its label anchor on a level
    // already built, else found now on its full geometry.
    std::optional<Vec2> anchor(UnitKey key) const;

private:
    struct Slot;
    struct Builder;
    Slot& slot(size_t index, size_t level) const;
    const LayerLod& ensure(size_t index, size_t level) const;
    LayerLod build(size_t index, size_t level) const;
    const std::vector<LineString>& borderLines() const;
    const ArcTopology& topology(size_t layer) const;
    LayerLod buildContext(size_t level) const;
    const std::vector<MultiPolygon>& contextShapes(size_t level) const;
    std::vector<ContextLabelSite> sitesIn(const Box& cell, double toleranceM) const;

    std::shared_ptr<const Dataset> m_data;
    GeometryOptions m_options;
    size_t m_borderIndex = 0;  // slot index of the border (after the layers)
    size_t m_contextIndex = 0;  // slot index of the context (after the border)
    std::vector<io::ContextFeature> m_context;
    std::string m_contextKey;  // what the context is made from (store key); empty: not stored
    bool m_contextUnidentified = false;
    LayerSpec m_contextSpec;  // names the context's store entries
    std::unique_ptr<Slot[]> m_slots;
    std::unique_ptr<Builder> m_builder;
    mutable std::unique_ptr<std::once_flag[]> m_topologyOnce;
    mutable std::vector<std::unique_ptr<const ArcTopology>> m_topology;  // per layer, when a level needs it
    mutable std::mutex m_borderMutex;
    mutable std::unique_ptr<const std::vector<LineString>> m_borderLines;
    mutable std::unique_ptr<const std::vector<LabelAnchor>> m_borderApart;
    mutable std::once_flag m_contextTopologyOnce;
    mutable std::unique_ptr<const ArcTopology> m_contextTopology;
    mutable std::mutex m_contextMutex;  // guards the two below
    mutable std::map<size_t, std::vector<MultiPolygon>> m_contextShapes;  // by level
    mutable std::deque<std::pair<Box, std::vector<ContextLabelSite>>> m_recentSites;  // newest first
};

// LayerLod to the store's bytes and back (exposed for tests).
std::string encodeLod(const LayerLod& lod);
std::optional<LayerLod> decodeLod(std::string_view bytes);

}  // namespace bl::engine
