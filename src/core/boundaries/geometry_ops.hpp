#pragma once
// Geometry operations the rest of the program needs, implemented with GEOS
// (reentrant C API) behind our own types. Coordinates in the working CRS.
#include <optional>
#include <string>

#include "core/boundaries/geometry.hpp"

namespace bl {

enum class Validity { Valid, Repaired, Empty };

// Checks the polygonal geometry and repairs it in place with GEOSMakeValid
// when it is invalid (self-intersections, bow-ties, unclosed rings are closed
// first). Non-finite coordinates make it Empty. Returns what happened; with
// reason set to GEOS's explanation when it was invalid.
Validity makeValidPolygonal(MultiPolygon& mp, std::string* reason = nullptr);

// A point guaranteed to lie inside (GEOSPointOnSurface).
std::optional<Vec2> pointOnSurface(const MultiPolygon& mp);

// True when p lies inside or on the boundary.
bool contains(const MultiPolygon& mp, Vec2 p);

double area(const MultiPolygon& mp);

// Area of the intersection of two polygonal geometries; 0 when they do not
// meet or GEOS cannot intersect them.
double intersectionArea(const MultiPolygon& a, const MultiPolygon& b);

}  // namespace bl
