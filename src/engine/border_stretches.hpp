#pragma once
// Where the Viet Nam–Laos border symbol goes: the stretches of the Lao
// provinces' union outline that run along a Vietnamese province's boundary.
#include <vector>

#include "core/boundaries/geometry.hpp"

namespace bl::engine {

// The Viet Nam–Laos border: a stretch of the Lao outline is that border
// where it runs within kBorderNearM of a Vietnamese province's boundary
// (the adjacency engine's cross-border corridor), and stays it across a
// departure that keeps within kBorderBridgeM (where the two sources
// disagree most, up to ~2.4 km); elsewhere it is Laos's border with another
// country.
inline constexpr double kBorderNearM = 1000.0;
inline constexpr double kBorderBridgeM = 3000.0;
// Where the two lines are further apart than this, the border's points say
// so (MapGeometry::borderApart): the map shows both lines there.
inline constexpr double kBorderApartM = 150.0;

// The stretches of `lines` that run along the boundaries of `along` (see
// kBorderNearM): within `nearM` of a ring segment, joined across departures
// that stay within `bridgeM`. Each stretch is a run of the lines' vertices
// (segments longer than nearM / 2 split on their way). With `gaps`, each
// vertex's distance to `along` too, parallel to the result. Exposed for tests.
std::vector<LineString> stretchesAlong(const std::vector<LineString>& lines,
                                       const std::vector<const MultiPolygon*>& along, double nearM, double bridgeM,
                                       std::vector<std::vector<double>>* gaps = nullptr);

}  // namespace bl::engine
