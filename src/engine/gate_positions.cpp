#include "engine/gate_positions.hpp"

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <set>
#include <sstream>

#include "core/boundaries/crs.hpp"
#include "core/news/link_check.hpp"
#include "core/names/names.hpp"
#include "engine/session.hpp"
#include "io/byte_codec.hpp"
#include "io/prepared_store.hpp"

namespace bl::engine {

namespace {

const AdminUnit* findDistrict(const Layer& layer, const std::string& district, const std::string& province) {
    const std::string d = foldName(district), p = foldName(province);
    const AdminUnit* any = nullptr;
    int count = 0;
    for (const auto& u : layer.units) {
        if (foldName(u.briefName()) != d && foldName(u.name) != d) continue;
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
        out.lengthKm += shownKm(s);
        out.with = anyInProvince ? laProvince : ld->briefName();
    }
    return out;
}


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
                if (foldName(c.briefName()) != foldName(vn.commune2025)) continue;
                Stretch cs = stretchOf(&c, *communes->shared, ld, la.province, false);
                const auto mid = middleOf(cs.pieces);
                if (!mid) continue;
                MultiPolygon dot;
                dot.polygons.push_back(Polygon{{Ring{{mid->x - 1, mid->y - 1}, {mid->x + 1, mid->y - 1},
                                                     {mid->x + 1, mid->y + 1}, {mid->x - 1, mid->y + 1},
                                                     {mid->x - 1, mid->y - 1}}}});
                if (distanceKm(vd->geometry, dot) > 1.0) continue;
                st = std::move(cs);
                unitName = "the " + communes->layer->spec.vintage.label + " commune " + c.briefName();
                layerIds = communes->layer->spec.id + " and " + laDistricts.spec.id;
                break;
            }
        }
        for (int pass = 0; pass < 2 && st.pieces.empty(); ++pass) {
            if (pass == 0 && !ld) continue;
            st = stretchOf(vd, shared, ld, la.province, pass == 1);
            unitName = vd->briefName();
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

Layer unitsAround(const Layer& layer, const std::vector<std::string>& names, double marginM) {
    std::set<std::string> wanted;
    for (const auto& n : names)
        if (!n.empty()) wanted.insert(foldName(n));
    std::vector<Box> near;
    for (const auto& u : layer.units)
        if (wanted.count(foldName(u.briefName())) || wanted.count(foldName(u.name)))
            near.push_back(u.bounds.expanded(marginM));
    Layer out;
    out.spec = layer.spec;
    out.preparedKey = layer.preparedKey;
    for (const auto& u : layer.units)
        if (std::any_of(near.begin(), near.end(), [&](const Box& b) { return b.intersects(u.bounds); }))
            out.units.push_back(u);
    return out;
}

namespace {

// Bumped when the placement rules change (store key). 2: the stretch's
// length (and radius) is the shown one, the mean of both sides.
constexpr int kPlacementAlgorithm = 2;

// What placements are made from: the three layers' identities, every
// gate's names, places and cited position, the rules' version. Empty when a
// layer's source cannot be identified (then nothing is stored).
std::string placementKey(const Session& session, const std::vector<CuratedGate>& gates,
                         std::initializer_list<const LayerSpec*> specs) {
    std::ostringstream key;
    key << "gate positions, placement " << kPlacementAlgorithm << '\n';
    for (const LayerSpec* s : specs) {
        if (!s) continue;
        auto id = io::layerIdentity(*s, session.dataRoot(), session.store());
        if (!id) return {};
        key << *id;
    }
    io::ByteWriter w;
    for (const auto& g : gates) {
        for (const std::string* t : {&g.id, &g.level, &g.name, &g.province, &g.district, &g.province2025,
                                     &g.commune2025, &g.pairedWith})
            w.str(*t);
        w.pod(g.country);
        w.pod(g.position.has_value());
        if (g.position) w.pod(*g.position);
        w.pod(g.precisionKm);
    }
    key << "gates " << gates.size() << ' ' << io::contentHash(w.bytes()) << '\n';
    return key.str();
}

std::string encodePlacement(const std::vector<CuratedGate>& gates, const GatePlacementReport& report) {
    io::ByteWriter w;
    w.u64(report.cited);
    w.u64(report.derived);
    w.u64(report.unplaced.size());
    for (const auto& u : report.unplaced) w.str(u);
    w.u64(gates.size());
    for (const auto& g : gates) {
        w.pod(g.position.has_value());
        w.pod(g.position.value_or(LonLat{}));
        w.pod(g.precisionKm);
        w.pod(g.derived);
        w.str(g.positionSource);
    }
    return std::move(w.bytes());
}

bool decodePlacement(std::string_view bytes, std::vector<CuratedGate>& gates, GatePlacementReport& report) {
    io::ByteReader r(bytes);
    GatePlacementReport rep;
    rep.cited = r.u64();
    rep.derived = r.u64();
    rep.unplaced.resize(r.count(8));
    for (auto& u : rep.unplaced) u = r.str();
    if (r.u64() != gates.size() || !r.ok()) return false;
    std::vector<CuratedGate> out = gates;
    for (auto& g : out) {
        const bool has = r.pod<bool>();
        const LonLat p = r.pod<LonLat>();
        g.position = has ? std::optional<LonLat>(p) : std::nullopt;
        g.precisionKm = r.pod<double>();
        g.derived = r.pod<bool>();
        g.positionSource = r.str();
    }
    if (!r.ok() || !r.atEnd()) return false;
    gates = std::move(out);
    report = std::move(rep);
    return true;
}

}  // namespace

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
    // Placed before from the same layers and catalogue: read back.
    const io::PreparedStore* store = session.store();
    const std::string key = store ? placementKey(session, gates, {vnSpec, laSpec, communeSpec}) : std::string();
    const std::string name = "gate-positions-" + io::contentHash(session.catalog().file).substr(0, 8) + ".placed";
    if (store && !key.empty()) {
        auto hit = store->read(name, key);
        if (hit.payload && decodePlacement(*hit.payload, gates, report)) return report;
        if (!hit.why.empty() && session.notice()) session.notice()(hit.why);
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
    // Only the units the gates name, with their surroundings, face the Lao
    // districts: the same stretches as the whole layers', far sooner.
    std::vector<std::string> districts, communeNames;
    for (const auto& g : gates)
        if (g.country == Country::VN) {
            districts.push_back(g.district);
            communeNames.push_back(g.commune2025);
        }
    const Layer vn = unitsAround(*layer(vnSpec->id), districts);
    const Layer* la = layer(laSpec->id);
    const auto shared = computeAdjacency(vn, *la, {});
    std::vector<SharedBorder> communeShared;
    CommuneStretches communes;
    Layer communesNear;
    if (communeSpec) {
        communesNear = unitsAround(*layer(communeSpec->id), communeNames);
        communes.layer = &communesNear;
        communeShared = computeAdjacency(communesNear, *la, {});
        communes.shared = &communeShared;
    }
    report = placeGates(gates, vn, *la, shared, communeSpec ? &communes : nullptr);
    if (store && !key.empty()) (void)store->write(name, key, encodePlacement(gates, report));
    return report;
}

}  // namespace bl::engine
