#pragma once
// The viewer's legend: the entries render::legendFor lists for what the map
// shows now (the same list the export draws), one swatch and line each.
#include <vector>

#include "render/map_legend.hpp"
#include "render/map_renderer.hpp"

namespace bl::ui {

void drawLegend(const std::vector<render::LegendEntry>& entries);

}  // namespace bl::ui
