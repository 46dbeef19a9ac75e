#pragma once
// The one map renderer: draws a Scene of a Dataset through a Camera into any
// RenderTarget (the viewer's window, an offscreen Framebuffer for export and
// tests). Fills, outlines by level (international border boldest), labels
// (Noto Sans, placed without overlaps), overlay, scale bar, attribution.
//
// Threading: every call needs the GL context the renderer was created in to
// be current on the calling thread. The geometry is prepared by the engine's
// MapGeometry as each level is first drawn, and uploaded here then.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/result.hpp"
#include "render/camera.hpp"
#include "render/fonts.hpp"
#include "render/gl_objects.hpp"
#include "render/engine_types.hpp"

namespace bl::render {

struct FrameStats {
    size_t lod = 0;
    size_t outlineVertices = 0;  // strip vertices submitted
    size_t fillVertices = 0;
    size_t labelCandidates = 0;
    size_t labelsPlaced = 0;
    size_t levelsMissing = 0;  // levels of detail not prepared yet (a coarser or finer one drawn instead)
};

struct Frame;

class MapRenderer {
public:
    // `fonts` must outlive the renderer.
    static Result<std::unique_ptr<MapRenderer>> create(const FontSet& fonts);
    ~MapRenderer();

    // The geometry of `data` (made from the same dataset); each level of
    // detail is uploaded when first drawn.
    void setData(std::shared_ptr<const Dataset> data, std::shared_ptr<const MapGeometry> geometry);
    // By default a level not prepared yet is prepared during draw() (an
    // export waits for it). With `onReady` set, draw() asks the geometry's
    // background builder for it instead, draws the nearest prepared level
    // meanwhile, and `onReady` is called (from the builder's thread) when it
    // is ready: the viewer never blocks on preparation.
    void setBackgroundPreparation(std::function<void()> onReady) { m_onReady = std::move(onReady); }
    bool hasData() const { return m_data != nullptr; }

    // `camera` describes the whole frame. With a `tile` (pixels of that frame,
    // y down, within it, the target's size) only that part is drawn, exactly
    // as it appears in the whole frame: labels are placed for the whole frame,
    // so tiles stitched together equal one untiled draw.
    void draw(const RenderTarget& target, const Camera& camera, const Scene& scene, const Box* tile = nullptr);

    const FrameStats& lastStats() const { return m_stats; }
    // Screen boxes of the labels drawn in the last frame (pixels, y down).
    const std::vector<Box>& lastLabelBoxes() const { return m_labelBoxes; }

private:
    MapRenderer() = default;
    void chooseLevels(Frame& f);
    struct GpuStrip;
    struct GpuLayer;
    struct Impl;
    std::unique_ptr<Impl> m;
    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const MapGeometry> m_geometry;
    std::function<void()> m_onReady;
    FrameStats m_stats;
    std::vector<Box> m_labelBoxes;
};

// Palette and widths by country and level (exposed for legends in export).
struct LayerLook {
    Rgba fill;
    Rgba outline;
    float widthPx = 1.0f;
};
LayerLook lookFor(Country country, Level level);
// The Viet Nam–Laos border (MapGeometry::border), over a white casing.
Rgba borderColour();

// The context countries (MapGeometry::contextFeatures), drawn under the
// map: neighbours in grey with their borders and names, the map's own
// countries as plain land under their layers (so no sea shows where the
// coarse context and the boundary layers disagree).
struct ContextLook {
    Rgba neighbourFill;
    Rgba ownLand;
    Rgba border;  // the neighbours' borders with other countries
    float borderWidthPx = 1.0f;
    Rgba label;
};
ContextLook contextLook();
// A neighbour's label: its name in capitals, letter-spaced (thin spaces).
std::string contextLabelText(const std::string& name);

// How a symbol is drawn, at style scale `s` (the map and the legend alike).
struct SymbolLook {
    Rgba colour;
    double radius = 6.5;  // pixels
    int sides = 4;
    double rotation = 0;  // radians
};
SymbolLook symbolLook(SymbolKind kind, float s);

}  // namespace bl::render
