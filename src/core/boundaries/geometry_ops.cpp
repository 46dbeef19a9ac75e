#include "core/boundaries/geometry_ops.hpp"

#include <cmath>

#include "core/boundaries/geos_context.hpp"

namespace bl {

using namespace bl::geos;

Validity makeValidPolygonal(MultiPolygon& mp, std::string* reason) {
    // Drop non-finite coordinates' polygons and close unclosed rings; GEOS
    // refuses rings that are open or shorter than 4 points.
    MultiPolygon cleaned;
    bool changed = false;
    for (auto& poly : mp.polygons) {
        Polygon p;
        bool finite = true;
        for (auto& ring : poly.rings) {
            for (const auto& v : ring) finite = finite && std::isfinite(v.x) && std::isfinite(v.y);
            if (!finite) break;
            if (!ring.empty() && (ring.front().x != ring.back().x || ring.front().y != ring.back().y)) {
                ring.push_back(ring.front());
                changed = true;
            }
            if (ring.size() < 4) { changed = true; if (p.rings.empty()) break; continue; }
            p.rings.push_back(std::move(ring));
        }
        if (!finite) { changed = true; continue; }
        if (!p.rings.empty()) cleaned.polygons.push_back(std::move(p));
    }
    mp = std::move(cleaned);
    if (mp.empty()) return Validity::Empty;

    GeomPtr g = toGeos(mp);
    if (!g) return Validity::Empty;
    if (!changed && GEOSisValid_r(ctx(), g.get()) == 1) return Validity::Valid;
    if (reason) {
        if (char* why = GEOSisValidReason_r(ctx(), g.get())) {
            *reason = why;
            GEOSFree_r(ctx(), why);
        }
    }
    GeomPtr fixed(GEOSMakeValid_r(ctx(), g.get()));
    MultiPolygon out = polygonsFrom(fixed.get());
    if (out.empty()) { mp = {}; return Validity::Empty; }
    mp = std::move(out);
    return Validity::Repaired;
}

std::optional<Vec2> pointOnSurface(const MultiPolygon& mp) {
    if (mp.empty()) return std::nullopt;
    GeomPtr g = toGeos(mp);
    GeomPtr pt(GEOSPointOnSurface_r(ctx(), g.get()));
    if (!pt || GEOSisEmpty_r(ctx(), pt.get())) return std::nullopt;
    Vec2 v;
    GEOSGeomGetX_r(ctx(), pt.get(), &v.x);
    GEOSGeomGetY_r(ctx(), pt.get(), &v.y);
    return v;
}

bool contains(const MultiPolygon& mp, Vec2 p) {
    GeomPtr g = toGeos(mp);
    GeomPtr pt(GEOSGeom_createPointFromXY_r(ctx(), p.x, p.y));
    return GEOSIntersects_r(ctx(), g.get(), pt.get()) == 1;
}

double area(const MultiPolygon& mp) {
    GeomPtr g = toGeos(mp);
    double a = 0.0;
    GEOSArea_r(ctx(), g.get(), &a);
    return a;
}

double intersectionArea(const MultiPolygon& a, const MultiPolygon& b) {
    GeomPtr ga = toGeos(a), gb = toGeos(b);
    if (!ga || !gb || GEOSIntersects_r(ctx(), ga.get(), gb.get()) != 1) return 0.0;
    GeomPtr x(GEOSIntersection_r(ctx(), ga.get(), gb.get()));
    double out = 0.0;
    if (x) GEOSArea_r(ctx(), x.get(), &out);
    return out;
}

}  // namespace bl
