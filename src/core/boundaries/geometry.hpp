#pragma once
// Plain geometry types of the model. Coordinates are in the working CRS
// (metres, see core/crs.hpp) unless a name says otherwise (lon/lat in degrees).
#include <algorithm>
#include <limits>
#include <vector>

namespace bl {

struct Vec2 {
    double x = 0.0;
    double y = 0.0;
};

struct Box {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool empty() const { return minX > maxX; }
    void extend(Vec2 p) {
        minX = std::min(minX, p.x); minY = std::min(minY, p.y);
        maxX = std::max(maxX, p.x); maxY = std::max(maxY, p.y);
    }
    void extend(const Box& b) {
        if (b.empty()) return;
        extend(Vec2{b.minX, b.minY}); extend(Vec2{b.maxX, b.maxY});
    }
    Box expanded(double d) const { return {minX - d, minY - d, maxX + d, maxY + d}; }
    bool intersects(const Box& b) const {
        return !(b.minX > maxX || b.maxX < minX || b.minY > maxY || b.maxY < minY);
    }
    Vec2 center() const { return {(minX + maxX) / 2, (minY + maxY) / 2}; }
};

// A closed ring: first point == last point.
using Ring = std::vector<Vec2>;

// Exterior ring first, then holes.
struct Polygon {
    std::vector<Ring> rings;
};

struct MultiPolygon {
    std::vector<Polygon> polygons;

    bool empty() const { return polygons.empty(); }
    Box bounds() const {
        Box b;
        for (const auto& poly : polygons)
            if (!poly.rings.empty())
                for (const auto& p : poly.rings.front()) b.extend(p);
        return b;
    }
    size_t vertexCount() const {
        size_t n = 0;
        for (const auto& poly : polygons)
            for (const auto& r : poly.rings) n += r.size();
        return n;
    }
};

using LineString = std::vector<Vec2>;

}  // namespace bl
