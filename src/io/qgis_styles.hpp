#pragma once
// QGIS styles (QML) of the corpus store's spatial tables, written by us in
// the colours of our own maps: the store keeps them in its layer_styles
// table, where QGIS finds a GeoPackage's or a PostGIS table's default style.
#include <string>

namespace bl::io {

// The QML of a store table ("link_lines", "pair_borders", "places",
// "gates"); empty for a table without a style.
std::string qgisStyle(const std::string& table);

}  // namespace bl::io
