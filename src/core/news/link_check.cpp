#include "core/news/link_check.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

#include "core/boundaries/crs.hpp"
#include "core/names/names.hpp"
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
            v.sharedKm = shownKm(s);
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

    // The gate of this border: one whose own districts (or provinces) are
    // the two units, the highest level first (a border has several);
    // without one, the gate closest to both units.
    const WorkingCrs& crs = threadCrs();
    const AdminUnit* vnUnit = out.verdicts.empty() ? nullptr : out.verdicts.front().vn;
    auto rank = [](const std::string& level) { return level == "international" ? 0 : level == "national" ? 1 : 2; };
    auto better = [&](const GateProximity& a, const GateProximity& b) {
        if (a.onThisBorder != b.onThisBorder) return a.onThisBorder;
        if (a.onThisBorder && rank(a.level) != rank(b.level)) return rank(a.level) < rank(b.level);
        const double da = std::round(a.distanceKm * 2) / 2, db = std::round(b.distanceKm * 2) / 2;
        if (da != db) return da < db;
        if (rank(a.level) != rank(b.level)) return rank(a.level) < rank(b.level);
        return a.precisionKm < b.precisionKm;
    };
    auto named = [](const AdminUnit* u, const std::string& n) {
        return u && !n.empty() && (foldName(u->shortName) == foldName(n) || foldName(u->name) == foldName(n));
    };
    for (size_t i = 0; i < gates.size(); ++i) {
        const CuratedGate& g = gates[i];
        if (!g.position || !vnUnit || g.country != Country::VN) continue;
        const CuratedGate* other =
            !g.id.empty() && i + 1 < gates.size() && gates[i + 1].id == g.id ? &gates[i + 1] : nullptr;
        const Vec2 p = crs.forward(*g.position);
        GateProximity c;
        c.id = g.id;
        c.name = g.name + (other ? " \u2013 " + other->name : std::string());
        c.level = g.level;
        c.position = *g.position;
        c.precisionKm = g.precisionKm;
        c.derived = g.derived;
        c.source = g.positionSource;
        c.distanceKm = std::max(pointDistanceKm(p, vnUnit->geometry), pointDistanceKm(p, la.unit->geometry));
        c.onThisBorder = (named(vnUnit, g.district) || named(vnUnit, g.province)) &&
                         (!other || named(la.unit, other->district) || named(la.unit, other->province));
        if (!out.nearestGate || better(c, *out.nearestGate)) out.nearestGate = c;
    }
    return out;
}

}  // namespace bl

namespace bl {

LinkCheck LinkCheckMemo::check(const Link& link, const Dataset& data, const std::vector<CuratedGate>& gates,
                               const AdjacencyLookup& adjacency) {
    std::string key;
    for (const auto& u : link.vn.units) key += u.vintage + '\x1f' + u.layerId + '\x1f' + u.unitId + '\x1e';
    key += '\x1d';
    for (const auto& u : link.la.units) key += u.layerId + '\x1f' + u.unitId + '\x1e';
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_checks.find(key); it != m_checks.end()) return it->second;
    }
    LinkCheck c = checkLink(link, data, gates, adjacency);
    std::lock_guard lock(m_mutex);
    return m_checks.try_emplace(std::move(key), std::move(c)).first->second;
}

std::string describeGate(const GateProximity& g) {
    char buf[96];
    std::string where;
    if (g.onThisBorder) where = "on this border";
    else if (g.distanceKm < 0.5) where = "between the two units";
    else {
        std::snprintf(buf, sizeof buf, "%.1f km away", g.distanceKm);
        where = buf;
    }
    std::snprintf(buf, sizeof buf, "%s, \u00b1 %.1f km", g.derived ? "position derived" : "position cited",
                  g.precisionKm);
    return g.name + " (" + g.level + "), " + where + "; " + buf;
}

}  // namespace bl
