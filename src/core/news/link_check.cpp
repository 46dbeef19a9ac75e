#include "core/news/link_check.hpp"

#include <limits>

#include "core/boundaries/crs.hpp"
#include "core/boundaries/geos_context.hpp"

namespace bl {

double distanceKm(const MultiPolygon& a, const MultiPolygon& b) {
    using namespace geos;
    GeomPtr ga = toGeos(a), gb = toGeos(b);
    if (GEOSIntersects_r(ctx(), ga.get(), gb.get()) == 1) return 0.0;
    GEOSCoordSequence* seq = GEOSNearestPoints_r(ctx(), ga.get(), gb.get());
    if (!seq) return std::numeric_limits<double>::infinity();
    Vec2 p, q;
    GEOSCoordSeq_getXY_r(ctx(), seq, 0, &p.x, &p.y);
    GEOSCoordSeq_getXY_r(ctx(), seq, 1, &q.x, &q.y);
    GEOSCoordSeq_destroy_r(ctx(), seq);
    const WorkingCrs& crs = threadCrs();
    return geodesicDistanceM(crs.inverse(p), crs.inverse(q)) / 1000.0;
}

namespace {

double pointDistanceKm(Vec2 p, const MultiPolygon& mp) {
    using namespace geos;
    GeomPtr g = toGeos(mp);
    GeomPtr pt(GEOSGeom_createPointFromXY_r(ctx(), p.x, p.y));
    if (GEOSIntersects_r(ctx(), g.get(), pt.get()) == 1) return 0.0;
    GEOSCoordSequence* seq = GEOSNearestPoints_r(ctx(), pt.get(), g.get());
    if (!seq) return std::numeric_limits<double>::infinity();
    Vec2 q;
    GEOSCoordSeq_getXY_r(ctx(), seq, 1, &q.x, &q.y);
    GEOSCoordSeq_destroy_r(ctx(), seq);
    const WorkingCrs& crs = threadCrs();
    return geodesicDistanceM(crs.inverse(p), crs.inverse(q)) / 1000.0;
}

struct UnitInLayer {
    const Layer* layer = nullptr;
    const AdminUnit* unit = nullptr;
};

UnitInLayer lookup(const Dataset& data, const std::string& layerId, const std::string& unitId) {
    const Layer* l = data.layer(layerId);
    return {l, l ? l->find(unitId) : nullptr};
}

UnitInLayer parentOf(const Dataset& data, UnitInLayer u) {
    if (!u.layer || u.layer->spec.parentLayer.empty() || u.unit->parentId.empty()) return {};
    return lookup(data, u.layer->spec.parentLayer, u.unit->parentId);
}

AdjacencyVerdict verdict(const std::string& vintage, UnitInLayer vn, UnitInLayer la, const AdjacencyLookup& adjacency) {
    AdjacencyVerdict v;
    v.vintage = vintage;
    v.vnLayer = vn.layer;
    v.vn = vn.unit;
    v.laLayer = la.layer;
    v.la = la.unit;
    for (const auto& s : adjacency(*vn.layer, *la.layer)) {
        if (s.a == vn.unit && s.b == la.unit) {
            v.touches = true;
            v.sharedKm = s.sharedKm > 0 && s.sharedKmB > 0 ? (s.sharedKm + s.sharedKmB) / 2 : std::max(s.sharedKm, s.sharedKmB);
            v.border = &s;
            return v;
        }
    }
    v.distanceKm = distanceKm(vn.unit->geometry, la.unit->geometry);
    return v;
}

}  // namespace

LinkCheck checkLink(const Link& link, const Dataset& data, const std::vector<CuratedGate>& gates,
                    const AdjacencyLookup& adjacency) {
    LinkCheck out;
    std::vector<UnitInLayer> laUnits;
    for (const auto& u : link.la.units)
        if (auto x = lookup(data, u.layerId, u.unitId); x.unit) laUnits.push_back(x);
    if (laUnits.empty()) {
        out.note = "the Lao party is not resolved to a unit";
        return out;
    }
    const UnitInLayer la = laUnits.front();
    bool anyVn = false;
    for (const auto& u : link.vn.units) {
        const UnitInLayer vn = lookup(data, u.layerId, u.unitId);
        if (!vn.unit) continue;
        anyVn = true;
        out.verdicts.push_back(verdict(u.vintage, vn, la, adjacency));
        // The enclosing provinces, where either side resolved finer.
        UnitInLayer vnProv = vn.layer->spec.level == Level::Province ? vn : parentOf(data, vn);
        UnitInLayer laProv = la.layer->spec.level == Level::Province ? la : parentOf(data, la);
        if (vnProv.unit && laProv.unit && (vnProv.unit != vn.unit || laProv.unit != la.unit))
            out.verdicts.push_back(verdict(u.vintage, vnProv, laProv, adjacency));
    }
    if (!anyVn) out.note = "the Vietnamese party is not resolved to a unit";

    // Nearest curated gate with a position: the one closest to both units.
    const WorkingCrs& crs = threadCrs();
    const AdminUnit* vnUnit = out.verdicts.empty() ? nullptr : out.verdicts.front().vn;
    for (const auto& g : gates) {
        if (!g.position || !vnUnit) continue;
        const Vec2 p = crs.forward(*g.position);
        const double d = std::max(pointDistanceKm(p, vnUnit->geometry), pointDistanceKm(p, la.unit->geometry));
        if (!out.nearestGate || d < out.nearestGate->distanceKm)
            out.nearestGate = GateProximity{g.name, g.country, *g.position, g.precisionKm, d, g.source};
    }
    return out;
}

}  // namespace bl
