#include "core/boundaries/cartography.hpp"

#include <cmath>

#include "core/boundaries/geos_context.hpp"

namespace bl {

using geos::ctx;
using geos::GeomPtr;

namespace {

void collectTriangles(const GEOSGeometry* g, std::vector<Vec2>& out) {
    const int type = GEOSGeomTypeId_r(ctx(), g);
    if (type == GEOS_POLYGON) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx(), GEOSGetExteriorRing_r(ctx(), g));
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(ctx(), seq, &n);
        if (n < 4) return;
        for (unsigned i = 0; i < 3; ++i) {
            Vec2 p;
            GEOSCoordSeq_getXY_r(ctx(), seq, i, &p.x, &p.y);
            out.push_back(p);
        }
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx(), g);
        for (int i = 0; i < n; ++i) collectTriangles(GEOSGetGeometryN_r(ctx(), g, i), out);
    }
}

}  // namespace

std::vector<Vec2> triangulate(const MultiPolygon& mp) {
    std::vector<Vec2> out;
    for (const auto& poly : mp.polygons) {
        if (poly.rings.empty()) continue;
        MultiPolygon one;
        one.polygons.push_back(poly);
        GeomPtr g = geos::toGeos(one);
        if (!g) continue;
        GeomPtr t(GEOSConstrainedDelaunayTriangulation_r(ctx(), GEOSGetGeometryN_r(ctx(), g.get(), 0)));
        if (t) collectTriangles(t.get(), out);
    }
    return out;
}

LabelAnchor labelAnchor(const MultiPolygon& mp, double toleranceM) {
    const Polygon* largest = nullptr;
    double best = -1;
    for (const auto& poly : mp.polygons) {
        if (poly.rings.empty()) continue;
        Box b;
        for (const auto& p : poly.rings.front()) b.extend(p);
        const double a = (b.maxX - b.minX) * (b.maxY - b.minY);
        if (a > best) {
            best = a;
            largest = &poly;
        }
    }
    if (!largest) return {};
    MultiPolygon one;
    one.polygons.push_back(*largest);
    const Box b = one.bounds();
    if (toleranceM <= 0) toleranceM = std::max(1.0, std::max(b.maxX - b.minX, b.maxY - b.minY) / 200.0);
    GeomPtr g = geos::toGeos(one);
    LabelAnchor a{b.center(), 0.0};
    if (!g) return a;
    GeomPtr line(GEOSMaximumInscribedCircle_r(ctx(), g.get(), toleranceM));
    if (!line || GEOSGeomGetNumPoints_r(ctx(), line.get()) < 2) return a;
    double x0, y0, x1, y1;
    GeomPtr start(GEOSGeomGetStartPoint_r(ctx(), line.get()));
    GeomPtr end(GEOSGeomGetEndPoint_r(ctx(), line.get()));
    GEOSGeomGetX_r(ctx(), start.get(), &x0);
    GEOSGeomGetY_r(ctx(), start.get(), &y0);
    GEOSGeomGetX_r(ctx(), end.get(), &x1);
    GEOSGeomGetY_r(ctx(), end.get(), &y1);
    a.position = {x0, y0};
    a.radiusM = std::hypot(x1 - x0, y1 - y0);
    return a;
}

std::vector<LineString> unionOutline(const std::vector<const MultiPolygon*>& parts) {
    std::vector<GEOSGeometry*> geoms;
    for (const MultiPolygon* mp : parts)
        if (mp && !mp->empty())
            if (GeomPtr g = geos::toGeos(*mp)) geoms.push_back(g.release());
    if (geoms.empty()) return {};
    GeomPtr coll(GEOSGeom_createCollection_r(ctx(), GEOS_GEOMETRYCOLLECTION, geoms.data(), unsigned(geoms.size())));
    GeomPtr u(GEOSUnaryUnion_r(ctx(), coll.get()));
    if (!u) return {};
    GeomPtr boundary(GEOSBoundary_r(ctx(), u.get()));
    if (!boundary) return {};
    return geos::linesFrom(boundary.get());
}

}  // namespace bl

