#include "engine/gate_positions.hpp"

#include <cmath>
#include <cstdio>

#include "core/boundaries/crs.hpp"
#include "core/news/link_check.hpp"
#include "core/names/names.hpp"
#include "engine/session.hpp"
#include "io/adjacency_cache.hpp"

namespace bl::engine {

namespace {

const AdminUnit* findDistrict(const Layer& layer, const std::string& district, const std::string& province) {
    const std::string d = foldName(district), p = foldName(province);
    const AdminUnit* any = nullptr;
    int count = 0;
    for (const auto& u : layer.units) {
        if (foldName(u.shortName.empty() ? u.name : u.shortName) != d && foldName(u.name) != d) continue;
        const std::string parent = foldName(u.parentName);
        if (parent == p || parent.find(p) != std::string::npos) return &u;
        any = &u;
        ++count;
    }
    return count == 1 ? any : nullptr;
}

// The point at half the total length of `pieces` (working CRS).
std::optional<Vec2> middleOf(const std::vector<const LineString*>& pieces) {
    double total = 0.0;
    for (const auto* l : pieces)
        for (size_t i = 1; i < l->size(); ++i) total += std::hypot((*l)[i].x - (*l)[i - 1].x, (*l)[i].y - (*l)[i - 1].y);
    if (total <= 0.0) return std::nullopt;
    double left = total / 2;
    for (const auto* l : pieces)
        for (size_t i = 1; i < l->size(); ++i) {
            const Vec2 a = (*l)[i - 1], b = (*l)[i];
            const double s = std::hypot(b.x - a.x, b.y - a.y);
            if (s >= left && s > 0) return Vec2{a.x + (b.x - a.x) * left / s, a.y + (b.y - a.y) * left / s};
            left -= s;
        }
    return pieces.back()->back();
}

std::string km(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", v);
    return b;
}

struct Stretch {
    std::vector<const LineString*> pieces;
    double lengthKm = 0.0;
    std::string with;  // the Lao unit it is shared with
};

// The stretch `unit` shares with the Lao district `ld`; with `anyInProvince`,
// with every district of the Lao province instead.
Stretch stretchOf(const AdminUnit* unit, const std::vector<SharedBorder>& shared, const AdminUnit* ld,
                  const std::string& laProvince, bool anyInProvince) {
    Stretch out;
    for (const auto& s : shared) {
        const AdminUnit* other = s.a == unit ? s.b : s.b == unit ? s.a : nullptr;
        if (!other) continue;
        if (anyInProvince ? foldName(other->parentName) != foldName(laProvince) : other != ld) continue;
        for (const auto& seg : s.segments) out.pieces.push_back(&seg);
        out.lengthKm += s.sharedKm;
        out.with = anyInProvince ? laProvince : ld->shortName.empty() ? ld->name : ld->shortName;
    }
    return out;
}

const std::string& shortOf(const AdminUnit& u) { return u.shortName.empty() ? u.name : u.shortName; }

}  // namespace

GatePlacementReport placeGates(std::vector<CuratedGate>& gates, const Layer& vnDistricts, const Layer& laDistricts,
                               const std::vector<SharedBorder>& shared, const CommuneStretches* communes) {
    GatePlacementReport report;
    for (size_t i = 0; i + 1 < gates.size(); i += 2) {
        CuratedGate& vn = gates[i];
        CuratedGate& la = gates[i + 1];
        if (vn.position) {
            ++report.cited;
            continue;
        }
        const AdminUnit* vd = vn.district.empty() ? nullptr : findDistrict(vnDistricts, vn.district, vn.province);
        if (!vd) {
            report.unplaced.push_back(vn.id + ": no district " + vn.district + " in " + vn.province + " in " +
                                      vnDistricts.spec.id);
            continue;
        }
        const AdminUnit* ld = la.district.empty() ? nullptr : findDistrict(laDistricts, la.district, la.province);
        // Finest first: the 2025 commune the catalogue names, if it shares a
        // stretch with the Lao district within the 2023 district; then the
        // district with the Lao district; then with the Lao province.
        Stretch st;
        std::string unitName, layerIds;
        if (communes && ld && !vn.commune2025.empty()) {
            for (const auto& c : communes->layer->units) {
                if (foldName(shortOf(c)) != foldName(vn.commune2025)) continue;
                Stretch cs = stretchOf(&c, *communes->shared, ld, la.province, false);
                const auto mid = middleOf(cs.pieces);
                if (!mid) continue;
                MultiPolygon dot;
                dot.polygons.push_back(Polygon{{Ring{{mid->x - 1, mid->y - 1}, {mid->x + 1, mid->y - 1},
                                                     {mid->x + 1, mid->y + 1}, {mid->x - 1, mid->y + 1},
                                                     {mid->x - 1, mid->y - 1}}}});
                if (distanceKm(vd->geometry, dot) > 1.0) continue;
                st = std::move(cs);
                unitName = "the " + communes->layer->spec.vintage.label + " commune " + shortOf(c);
                layerIds = communes->layer->spec.id + " and " + laDistricts.spec.id;
                break;
            }
        }
        for (int pass = 0; pass < 2 && st.pieces.empty(); ++pass) {
            if (pass == 0 && !ld) continue;
            st = stretchOf(vd, shared, ld, la.province, pass == 1);
            unitName = shortOf(*vd);
            layerIds = vnDistricts.spec.id + " and " + laDistricts.spec.id;
        }
        const auto mid = middleOf(st.pieces);
        if (!mid) {
            report.unplaced.push_back(vn.id + ": " + vd->name + " shares no border stretch with " +
                                      (ld ? ld->name + " or " : std::string()) + la.province);
            continue;
        }
        const LonLat ll = threadCrs().inverse(*mid);
        const std::string how = "derived by borderlens: middle of the " + km(st.lengthKm) + " km border stretch " +
                                unitName + " shares with " + st.with + " (adjacency of " + layerIds +
                                "); uncertainty radius half the stretch";
        for (CuratedGate* g : {&vn, &la}) {
            g->position = ll;
            g->precisionKm = std::max(st.lengthKm / 2, 0.5);
            g->positionSource = how;
            g->derived = true;
        }
        ++report.derived;
    }
    return report;
}

GatePlacementReport placeGates(Session& session, std::vector<CuratedGate>& gates,
                               std::shared_ptr<const Dataset> available) {
    // The Vietnamese system with districts, its districts; the finest
    // Vietnamese layer of a later system (communes); the Lao districts.
    const LayerSpec* vnSpec = nullptr;
    const LayerSpec* laSpec = nullptr;
    const LayerSpec* communeSpec = nullptr;
    for (const auto& l : session.catalog().layers) {
        if (l.level == Level::District && l.country == Country::VN && !vnSpec) vnSpec = &l;
        if (l.level == Level::District && l.country == Country::LA && !laSpec) laSpec = &l;
        if (l.level == Level::Commune && l.country == Country::VN && !communeSpec) communeSpec = &l;
    }
    GatePlacementReport report;
    if (!vnSpec || !laSpec) {
        report.unplaced.push_back("all: the catalog has no Vietnamese and Lao district layers to place gates on");
        return report;
    }
    // The layers a caller already has are not read again; the others are
    // loaded on their own.
    std::vector<std::string> ids = {vnSpec->id, laSpec->id};
    if (communeSpec) ids.push_back(communeSpec->id);
    std::vector<std::string> missing;
    for (const auto& id : ids)
        if (!available || !available->layer(id)) missing.push_back(id);
    std::shared_ptr<const Dataset> loaded;
    if (!missing.empty()) {
        auto l = session.load(missing);
        if (!l) {
            report.unplaced.push_back("all: " + l.error().message);
            return report;
        }
        loaded = *l;
    }
    auto layer = [&](const std::string& id) {
        return available && available->layer(id) ? available->layer(id) : loaded->layer(id);
    };
    const Dataset& root = available ? *available : *loaded;  // for the adjacency cache's file identities
    const Layer* vn = layer(vnSpec->id);
    const Layer* la = layer(laSpec->id);
    const auto shared = io::cachedAdjacency(root, *vn, *la, {}, true);
    std::vector<SharedBorder> communeShared;
    CommuneStretches communes;
    if (communeSpec) {
        communes.layer = layer(communeSpec->id);
        communeShared = io::cachedAdjacency(root, *communes.layer, *la, {}, true);
        communes.shared = &communeShared;
    }
    return placeGates(gates, *vn, *la, shared, communeSpec ? &communes : nullptr);
}

}  // namespace bl::engine
