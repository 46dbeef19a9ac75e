#pragma once
// How the engine's figures read to people, written once for every front-end
// (CLI text, the viewer's panels and hover text, overlay labels, the export's
// info box). Machine outputs (CSV, JSON) keep full precision and ISO dates.
#include <string>

#include "core/news/link_check.hpp"

#include "core/boundaries/adjacency.hpp"

namespace bl::engine {

// "12.3 km": every length on the map and in the panels is written this way.
std::string kmText(double km);

// kmText(shownKm(border)): the one figure shown for a shared border.
std::string shownKmText(const SharedBorder& border);

// Both measurements behind the shown figure, for hover text:
//   across the border  "Viet Nam side 77.6 km, Lao side 77.8 km, lines 40 m apart (median)"
//                      (A's country first; "1.2 km apart" from 1 km on);
//   within a country   "one boundary line, 12.3 km" when both units' sides
//                      agree to 0.05 km, else "Huyện A side 12.3 km, Huyện B side 12.4 km";
//   seen from one side only (the other line lies beyond the corridor):
//                      "measured on the Lao side only (0.8 km)".
std::string sidesText(const SharedBorder& border);

// "Hướng Hóa is a district of the 2023 system": why a map shows the system
// of a unit asked for (export --focus, the viewer's selection).
std::string unitSystemText(const Layer& layer, const AdminUnit& unit);

// "2023 Huyện Hướng Hóa x Sepone: share 77.7 km of border" or "...: do not
// touch, 5.9 km apart": a link's check in one system (pairs, exports, atlas).
std::string verdictText(const AdjacencyVerdict& v);

}  // namespace bl::engine
