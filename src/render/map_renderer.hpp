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
#include "render/map_frame.hpp"
#include "render/map_style.hpp"

namespace bl::render {

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

}  // namespace bl::render
