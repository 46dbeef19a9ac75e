#include "core/boundaries/geos_context.hpp"

#include <cstdarg>
#include <cstdio>

namespace bl::geos {

namespace {

void quietHandler(const char*, void*) {}

struct ThreadContext {
    GEOSContextHandle_t handle;
    ThreadContext() : handle(GEOS_init_r()) {
        // Notices and errors come back as return values, which the callers check.
        GEOSContext_setNoticeMessageHandler_r(handle, quietHandler, nullptr);
        GEOSContext_setErrorMessageHandler_r(handle, quietHandler, nullptr);
    }
    ~ThreadContext() { GEOS_finish_r(handle); }
};

GEOSCoordSequence* makeSeq(const std::vector<Vec2>& pts) {
    return GEOSCoordSeq_copyFromBuffer_r(ctx(), reinterpret_cast<const double*>(pts.data()),
                                         static_cast<unsigned>(pts.size()), 0, 0);
}

std::vector<Vec2> readSeq(const GEOSCoordSequence* seq) {
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx(), seq, &n);
    std::vector<Vec2> pts(n);
    if (n) GEOSCoordSeq_copyToBuffer_r(ctx(), seq, reinterpret_cast<double*>(pts.data()), 0, 0);
    return pts;
}

void collectPolygons(const GEOSGeometry* g, MultiPolygon& out) {
    const int type = GEOSGeomTypeId_r(ctx(), g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx(), g)) return;
        Polygon p;
        p.rings.push_back(readSeq(GEOSGeom_getCoordSeq_r(ctx(), GEOSGetExteriorRing_r(ctx(), g))));
        const int holes = GEOSGetNumInteriorRings_r(ctx(), g);
        for (int i = 0; i < holes; ++i)
            p.rings.push_back(readSeq(GEOSGeom_getCoordSeq_r(ctx(), GEOSGetInteriorRingN_r(ctx(), g, i))));
        out.polygons.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx(), g);
        for (int i = 0; i < n; ++i) collectPolygons(GEOSGetGeometryN_r(ctx(), g, i), out);
    }
}

void collectLines(const GEOSGeometry* g, std::vector<LineString>& out) {
    const int type = GEOSGeomTypeId_r(ctx(), g);
    if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
        if (!GEOSisEmpty_r(ctx(), g)) out.push_back(readSeq(GEOSGeom_getCoordSeq_r(ctx(), g)));
    } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx(), g);
        for (int i = 0; i < n; ++i) collectLines(GEOSGetGeometryN_r(ctx(), g, i), out);
    }
}

}  // namespace

GEOSContextHandle_t ctx() {
    thread_local ThreadContext t;
    return t.handle;
}

GeomPtr toGeosRing(const Ring& ring) { return GeomPtr(GEOSGeom_createLinearRing_r(ctx(), makeSeq(ring))); }

GeomPtr toGeosLine(const LineString& line) { return GeomPtr(GEOSGeom_createLineString_r(ctx(), makeSeq(line))); }

GeomPtr toGeos(const MultiPolygon& mp) {
    std::vector<GEOSGeometry*> polys;
    polys.reserve(mp.polygons.size());
    for (const auto& p : mp.polygons) {
        if (p.rings.empty()) continue;
        GEOSGeometry* shell = toGeosRing(p.rings[0]).release();
        std::vector<GEOSGeometry*> holes;
        for (size_t i = 1; i < p.rings.size(); ++i) holes.push_back(toGeosRing(p.rings[i]).release());
        polys.push_back(GEOSGeom_createPolygon_r(ctx(), shell, holes.data(), unsigned(holes.size())));
    }
    return GeomPtr(GEOSGeom_createCollection_r(ctx(), GEOS_MULTIPOLYGON, polys.data(), unsigned(polys.size())));
}

MultiPolygon polygonsFrom(const GEOSGeometry* g) {
    MultiPolygon out;
    if (g) collectPolygons(g, out);
    return out;
}

std::vector<LineString> linesFrom(const GEOSGeometry* g) {
    std::vector<LineString> out;
    if (g) collectLines(g, out);
    return out;
}

}  // namespace bl::geos
