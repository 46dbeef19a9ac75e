#pragma once
// Geometry the map needs before it can draw: triangles of a unit (for
// highlights), label anchors, and the outline of a union of units.
// (Simplification for levels of detail is core/boundaries/arcs.hpp.)
// Pure functions on our own types (GEOS C API inside cartography.cpp);
// coordinates in the working CRS (metres). Safe to call from any thread.
#include <vector>

#include "core/boundaries/geometry.hpp"

namespace bl {

// Triangles covering the polygon exactly (constrained Delaunay triangulation
// of each part, GEOSConstrainedDelaunayTriangulation): three vertices per
// triangle. Empty for an empty input.
std::vector<Vec2> triangulate(const MultiPolygon& mp);

// Where a label goes: the pole of inaccessibility (centre of the largest
// inscribed circle, GEOSMaximumInscribedCircle) of the largest part, found to
// within `toleranceM` (<= 0: 1/200 of the part's larger extent).
struct LabelAnchor {
    Vec2 position;
    double radiusM = 0.0;  // radius of the inscribed circle: room for the label
};
LabelAnchor labelAnchor(const MultiPolygon& mp, double toleranceM = 0.0);

// Boundary of the union of the given polygons, as line strings (e.g. a
// country's outline from its provinces). Null pointers are skipped.
std::vector<LineString> unionOutline(const std::vector<const MultiPolygon*>& parts);

}  // namespace bl
