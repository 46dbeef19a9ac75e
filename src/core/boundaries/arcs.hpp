#pragma once
// The boundaries of a layer's units as shared arcs, the topology of a
// polygon coverage (as TopoJSON and mapshaper build it): a stretch of
// boundary that two units share, vertex for vertex, is one arc, cut at the
// junctions where three or more units meet. Simplifying each arc once keeps
// neighbours' edges identical at every tolerance (no slivers or gaps open
// between fills) and does about half the work of simplifying every ring.
// Where two sources' vertices do not coincide there is nothing to share:
// each side is an arc of its own, simplified alone.
#include <cstdint>
#include <vector>

#include "core/boundaries/geometry.hpp"

namespace bl {

class ArcTopology {
public:
    // Null pointers and empty units are allowed (they simplify to nothing).
    explicit ArcTopology(const std::vector<const MultiPolygon*>& units);

    // Every unit with each arc simplified by Douglas–Peucker at `toleranceM`
    // (metres), its end points (junctions) kept. Rings that end up with
    // fewer than three corners, or smaller than the tolerance, are dropped
    // (a polygon with its exterior). toleranceM <= 0: the units as given.
    std::vector<MultiPolygon> simplified(double toleranceM) const;

    size_t arcCount() const { return m_arcs.size(); }
    size_t sharedArcCount() const;  // arcs on two rings' boundaries

private:
    struct ArcUse {
        uint32_t arc;
        bool reversed;
    };
    using RingArcs = std::vector<ArcUse>;
    using PolygonArcs = std::vector<RingArcs>;  // exterior first
    std::vector<std::vector<Vec2>> m_arcs;      // first and last points are junctions (equal for a loop)
    std::vector<uint32_t> m_uses;               // rings each arc bounds
    std::vector<std::vector<PolygonArcs>> m_units;
    std::vector<const MultiPolygon*> m_source;
};

// Douglas–Peucker of a polyline, first and last points kept; a closed line
// (first == last) is split at the point farthest from its start first.
std::vector<Vec2> simplifyDouglasPeucker(const std::vector<Vec2>& line, double toleranceM);

}  // namespace bl
