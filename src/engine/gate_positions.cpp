#include "engine/gate_positions.hpp"

#include <cmath>
#include <cstdio>

#include "core/boundaries/crs.hpp"
#include "core/names/names.hpp"
#include "engine/adjacency_memo.hpp"
#include "engine/session.hpp"

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

}  // namespace

GatePlacementReport placeGates(std::vector<CuratedGate>& gates, const Layer& vnDistricts, const Layer& laDistricts,
                               const std::vector<SharedBorder>& shared) {
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
        // The stretch with the Lao district; else with the Lao province's districts.
        std::vector<const LineString*> pieces;
        double lengthKm = 0.0;
        std::string with;
        for (int pass = 0; pass < 2 && pieces.empty(); ++pass) {
            for (const auto& s : shared) {
                const AdminUnit* other = s.a == vd ? s.b : s.b == vd ? s.a : nullptr;
                if (!other) continue;
                const bool match = pass == 0 ? other == ld : foldName(other->parentName) == foldName(la.province);
                if (!match) continue;
                for (const auto& seg : s.segments) pieces.push_back(&seg);
                lengthKm += s.sharedKm;
                with = pass == 0 ? ld->shortName.empty() ? ld->name : ld->shortName : la.province;
            }
        }
        const auto mid = middleOf(pieces);
        if (!mid) {
            report.unplaced.push_back(vn.id + ": " + vd->name + " shares no border stretch with " +
                                      (ld ? ld->name + " or " : std::string()) + la.province);
            continue;
        }
        const LonLat ll = threadCrs().inverse(*mid);
        const std::string how = "derived by borderlens: middle of the " + km(lengthKm) + " km border stretch " +
                                (vd->shortName.empty() ? vd->name : vd->shortName) + " shares with " + with +
                                " (adjacency of " + vnDistricts.spec.id + " and " + laDistricts.spec.id +
                                "); uncertainty radius half the stretch";
        for (CuratedGate* g : {&vn, &la}) {
            g->position = ll;
            g->precisionKm = std::max(lengthKm / 2, 0.5);
            g->positionSource = how;
            g->derived = true;
        }
        ++report.derived;
    }
    return report;
}

GatePlacementReport placeGates(Session& session, std::vector<CuratedGate>& gates) {
    const LayerSpec* vnSpec = nullptr;
    const LayerSpec* laSpec = nullptr;
    for (const auto& l : session.catalog().layers) {
        if (l.level != Level::District) continue;
        if (l.country == Country::VN && !vnSpec) vnSpec = &l;
        if (l.country == Country::LA && !laSpec) laSpec = &l;
    }
    GatePlacementReport report;
    if (!vnSpec || !laSpec) {
        report.unplaced.push_back("all: the catalog has no Vietnamese and Lao district layers to place gates on");
        return report;
    }
    auto data = session.load({vnSpec->id, laSpec->id});
    if (!data) {
        report.unplaced.push_back("all: " + data.error().message);
        return report;
    }
    AdjacencyMemo memo(*data, true);
    const Layer* vn = (*data)->layer(vnSpec->id);
    const Layer* la = (*data)->layer(laSpec->id);
    return placeGates(gates, *vn, *la, memo.between(*vn, *la));
}

}  // namespace bl::engine
