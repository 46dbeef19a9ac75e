#pragma once
// Everything the renderer draws from a Dataset, prepared on the CPU and then
// uploaded: per layer and per level of detail, fill triangles (province
// layers only), thick-line strips of every unit outline and label anchors;
// the international border (outline of the union of Lao provinces) per
// level. Coordinates are float metres relative to the working CRS's origin,
// which lies inside the border area: float keeps ~0.1 m precision over it,
// far below a pixel.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/boundaries/arcs.hpp"
#include "core/boundaries/cartography.hpp"
#include "core/boundaries/model.hpp"
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

    // The international border (outline of the union of the Lao provinces)
    // at a level, as one strip; empty without Lao provinces. Blocking, as lod().
    const LineStrip& border(size_t level) const;
    const LineStrip* borderIfReady(size_t level) const;
    void requestBorder(size_t level, std::function<void()> ready) const;

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

    std::shared_ptr<const Dataset> m_data;
    GeometryOptions m_options;
    size_t m_borderIndex = 0;  // slot index of the border (after the layers)
    std::unique_ptr<Slot[]> m_slots;
    std::unique_ptr<Builder> m_builder;
    mutable std::unique_ptr<std::once_flag[]> m_topologyOnce;
    mutable std::vector<std::unique_ptr<const ArcTopology>> m_topology;  // per layer, when a level needs it
    mutable std::mutex m_borderMutex;
    mutable std::unique_ptr<const std::vector<LineString>> m_borderLines;
};

// LayerLod to the store's bytes and back (exposed for tests).
std::string encodeLod(const LayerLod& lod);
std::optional<LayerLod> decodeLod(std::string_view bytes);

}  // namespace bl::engine
