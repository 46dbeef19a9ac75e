#pragma once
// Small synthetic units for renderer and export tests (working-CRS metres).
#include <string>
#include <utility>

#include "core/boundaries/model.hpp"

namespace bl::test {

inline MultiPolygon rect(double x0, double y0, double x1, double y1) {
    MultiPolygon mp;
    mp.polygons.push_back({{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}});
    return mp;
}

inline AdminUnit unit(std::string id, std::string name, MultiPolygon g) {
    AdminUnit u;
    u.id = std::move(id);
    u.name = u.shortName = std::move(name);
    u.geometry = std::move(g);
    u.bounds = u.geometry.bounds();
    return u;
}

}  // namespace bl::test
