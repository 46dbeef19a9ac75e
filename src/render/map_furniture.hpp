#pragma once
// The furniture of an export page that needs some geometry, without GL: the
// graticule, the locator inset, and the refit of the frame around the boxes
// laid over the map (render/map_export.cpp places them). Page pixels, y down.
#include <optional>
#include <vector>

#include "render/camera.hpp"
#include "render/engine_types.hpp"
#include "render/fonts.hpp"
#include "render/screen_painter.hpp"

namespace bl::render {

// Meridians and parallels across `area` (thin, into `underlay`: drawn under
// the boundary lines), every 0.05°..10° (about seven across), with a tick and
// the value where each leaves `area` on the left or bottom edge (into `over`,
// skipping any that would touch a box of `avoid`; their boxes into
// `reserved`), and a neat line around `area`.
void addGraticule(const Camera& cam, const Box& area, const FontSet& fonts, float s, const std::vector<Box>& avoid,
                  std::vector<ScreenItem>& underlay, ScreenPainter& over, std::vector<Box>& reserved);

// The region the locator inset shows: the border area with room around it.
Box insetRegion(const MapGeometry& g);

// The locator inset in `box`: the region's countries (the context at its
// coarsest level), the Viet Nam–Laos border, and where `area` of `cam`
// lies, outlined in red (a marker when too small to see).
void drawLocatorInset(ScreenPainter& p, const MapGeometry& g, const Camera& cam, const Box& area, const Box& box, float s);

// The largest box with `frame`'s proportions inside `free` that meets none
// of `obstacles`, as the margins Camera::fitInto takes; none when even the
// best is under `minShare` of the scale `free` alone would give.
std::optional<Box> refit(const Box& frame, const Box& free, const std::vector<Box>& obstacles, double minShare);

}  // namespace bl::render
