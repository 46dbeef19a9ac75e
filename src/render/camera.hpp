#pragma once
#include <string>
// The 2D map camera. The working CRS (conformal LCC, core/crs.hpp) is already
// the map's projection, so the view is a centre in working-CRS metres and a
// scale in metres per pixel. Screen pixels have y pointing down.
#include "core/boundaries/geometry.hpp"

namespace bl::render {

struct Camera {
    Vec2 center;  // working CRS, metres
    double metresPerPixel = 1000.0;
    int width = 1;  // viewport, pixels
    int height = 1;

    Vec2 toScreen(Vec2 world) const;
    Vec2 toWorld(Vec2 screen) const;
    Box visibleBox() const;
    // Zooms by `factor` (>1 zooms in) keeping the world point under `screen` fixed.
    void zoomAround(Vec2 screen, double factor);
    // Pans by a screen-space drag delta.
    void pan(Vec2 screenDelta);
    // Centres on `box` with `marginPx` free on each side.
    void fit(const Box& box, double marginPx = 40.0);
    // Fits `box` into the part of the viewport left free by margins on each
    // side (e.g. panels), in pixels.
    void fitInto(const Box& box, double left, double top, double right, double bottom);
};

// Scale bar true at the view's centre latitude: the bar's length in pixels
// and ground kilometres (a round 1/2/5 x 10^n), for a bar at most maxPx long.
struct ScaleBar {
    double pixels = 0.0;
    double km = 0.0;
    double latitude = 0.0;
};
ScaleBar scaleBarFor(const Camera& camera, double maxPx);
// "50 km", "0.5 km": the bar's label, the same in the viewer and on exports.
std::string scaleBarText(const ScaleBar& bar);

}  // namespace bl::render
