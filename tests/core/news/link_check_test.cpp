// checkLink on synthetic units (working-CRS metres near the projection
// origin, 106°E 18°N): shared border or distance per level, the enclosing
// provinces, the nearest curated gate, and distanceKm itself.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <utility>

#include "core/boundaries/crs.hpp"
#include "core/news/link_check.hpp"
#include "render/scene_fixtures.hpp"

using namespace bl;
using bl::test::rect;
using bl::test::unit;

namespace {

MultiPolygon twoParts(MultiPolygon a, const MultiPolygon& b) {
    a.polygons.insert(a.polygons.end(), b.polygons.begin(), b.polygons.end());
    return a;
}

AdminUnit childOf(AdminUnit u, const std::string& parentId) {
    u.parentId = parentId;
    return u;
}

Layer layer(const std::string& id, Country c, Level level, std::vector<AdminUnit> units,
            const std::string& parent = {}) {
    Layer l;
    l.spec.id = id;
    l.spec.country = c;
    l.spec.level = level;
    l.spec.parentLayer = parent;
    l.units = std::move(units);
    return l;
}

// Vietnamese province P (two districts D1 east, D2 west), Lao provinces L1
// (touching D1 along x = 10 km for 10 km) and L2 (20 km east of D1).
//   D2 [-10,0]..[0,10] | D1 [0,10]..[0,10] | L1 [10,20] | gap | L2 [30,40]
Dataset fixtureData() {
    Dataset d;
    d.layers.push_back(layer("vn_p", Country::VN, Level::Province, {unit("P", "P", rect(-10000, 0, 10000, 10000))}));
    d.layers.push_back(layer("vn_d", Country::VN, Level::District,
                             {childOf(unit("D1", "D1", rect(0, 0, 10000, 10000)), "P"),
                              childOf(unit("D2", "D2", rect(-10000, 0, 0, 10000)), "P")},
                             "vn_p"));
    d.layers.push_back(
        layer("la_p", Country::LA, Level::Province,
              {unit("L1", "L1", rect(10000, 0, 20000, 10000)), unit("L2", "L2", rect(30000, 0, 40000, 10000))}));
    return d;
}

// Real adjacency, computed once per layer pair and kept alive for the checks.
class Adjacency {
public:
    const std::vector<SharedBorder>& operator()(const Layer& vn, const Layer& la) {
        auto it = m_results.find({&vn, &la});
        if (it == m_results.end()) it = m_results.emplace(std::pair{&vn, &la}, computeAdjacency(vn, la)).first;
        return it->second;
    }
    AdjacencyLookup lookup() {
        return [this](const Layer& vn, const Layer& la) -> const std::vector<SharedBorder>& { return (*this)(vn, la); };
    }

private:
    std::map<std::pair<const Layer*, const Layer*>, std::vector<SharedBorder>> m_results;
};

ResolvedUnit resolved(const std::string& layerId, const std::string& unitId, const std::string& vintage) {
    ResolvedUnit u;
    u.layerId = layerId;
    u.unitId = unitId;
    u.vintage = vintage;
    return u;
}

Link link(std::vector<ResolvedUnit> vn, std::vector<ResolvedUnit> la) {
    Link l;
    l.vn.country = Country::VN;
    l.vn.units = std::move(vn);
    l.la.country = Country::LA;
    l.la.units = std::move(la);
    return l;
}

CuratedGate gate(const std::string& name, std::optional<Vec2> at) {
    CuratedGate g;
    g.name = name;
    g.source = "test";
    g.positionSource = "test position";
    g.level = "auxiliary";
    if (at) g.position = threadCrs().inverse(*at);
    return g;
}

// Geodesic length of a straight working-CRS segment, km.
double km(Vec2 a, Vec2 b) { return geodesicLengthM({a, b}) / 1000.0; }

}  // namespace

TEST_CASE("checkLink: a district touching a Lao province, then their provinces", "[link-check]") {
    const Dataset data = fixtureData();
    Adjacency adjacency;
    const LinkCheck c = checkLink(link({resolved("vn_d", "D1", "2023")}, {resolved("la_p", "L1", "2019")}), data, {},
                                  adjacency.lookup());
    CHECK(c.note.empty());
    REQUIRE(c.verdicts.size() == 2);

    const AdjacencyVerdict& district = c.verdicts[0];
    CHECK(district.vintage == "2023");
    REQUIRE(district.vn);
    REQUIRE(district.la);
    CHECK(district.vn->id == "D1");
    CHECK(district.vnLayer == data.layer("vn_d"));
    CHECK(district.la->id == "L1");
    CHECK(district.touches);
    const double edgeKm = km({10000, 0}, {10000, 10000});
    CHECK(district.sharedKm == Approx(edgeKm).margin(0.15));
    CHECK(district.distanceKm == 0.0);
    REQUIRE(district.border);
    CHECK(district.border->a == district.vn);
    CHECK(district.border->b == district.la);

    // The enclosing province shares the same stretch.
    const AdjacencyVerdict& province = c.verdicts[1];
    REQUIRE(province.vn);
    CHECK(province.vn->id == "P");
    CHECK(province.vnLayer == data.layer("vn_p"));
    CHECK(province.la->id == "L1");
    CHECK(province.touches);
    CHECK(province.sharedKm == Approx(edgeKm).margin(0.15));
}

TEST_CASE("checkLink: units apart get the distance between their nearest points", "[link-check]") {
    const Dataset data = fixtureData();
    Adjacency adjacency;
    const LinkCheck c = checkLink(link({resolved("vn_d", "D2", "2023")}, {resolved("la_p", "L1", "2019")}), data, {},
                                  adjacency.lookup());
    REQUIRE(c.verdicts.size() == 2);
    CHECK_FALSE(c.verdicts[0].touches);
    CHECK(c.verdicts[0].border == nullptr);
    CHECK(c.verdicts[0].sharedKm == 0.0);
    CHECK(c.verdicts[0].distanceKm == Approx(km({0, 5000}, {10000, 5000})).epsilon(0.01));
    // D2's province P still touches L1.
    CHECK(c.verdicts[1].vn->id == "P");
    CHECK(c.verdicts[1].touches);

    const LinkCheck far = checkLink(link({resolved("vn_p", "P", "2023")}, {resolved("la_p", "L2", "2019")}), data, {},
                                    adjacency.lookup());
    REQUIRE(far.verdicts.size() == 1);  // both provinces already: no second verdict
    CHECK_FALSE(far.verdicts[0].touches);
    CHECK(far.verdicts[0].distanceKm == Approx(20.0).epsilon(0.01));
}

TEST_CASE("checkLink: one verdict per resolved Vietnamese vintage", "[link-check]") {
    const Dataset data = fixtureData();
    Adjacency adjacency;
    const LinkCheck c = checkLink(
        link({resolved("vn_p", "P", "2023"), resolved("vn_d", "D1", "2025")}, {resolved("la_p", "L1", "2019")}), data,
        {}, adjacency.lookup());
    REQUIRE(c.verdicts.size() == 3);
    CHECK(c.verdicts[0].vintage == "2023");
    CHECK(c.verdicts[0].vn->id == "P");
    CHECK(c.verdicts[1].vintage == "2025");
    CHECK(c.verdicts[1].vn->id == "D1");
    CHECK(c.verdicts[2].vintage == "2025");
    CHECK(c.verdicts[2].vn->id == "P");
}

TEST_CASE("checkLink: an unresolved party gives a note and no verdict", "[link-check]") {
    const Dataset data = fixtureData();
    Adjacency adjacency;
    const std::vector<CuratedGate> gates = {gate("G", Vec2{10000, 5000})};

    const LinkCheck noLao = checkLink(link({resolved("vn_d", "D1", "2023")}, {}), data, gates, adjacency.lookup());
    CHECK(noLao.verdicts.empty());
    CHECK_THAT(noLao.note, Catch::Contains("Lao party"));
    CHECK_FALSE(noLao.nearestGate);

    const LinkCheck unknownUnit = checkLink(link({resolved("vn_d", "D9", "2023")}, {resolved("la_p", "L1", "2019")}),
                                            data, gates, adjacency.lookup());
    CHECK(unknownUnit.verdicts.empty());
    CHECK_THAT(unknownUnit.note, Catch::Contains("Vietnamese party"));
    CHECK_FALSE(unknownUnit.nearestGate);

    const LinkCheck unknownLayer = checkLink(link({resolved("vn_d", "D1", "2023")}, {resolved("la_x", "L1", "2019")}),
                                             data, gates, adjacency.lookup());
    CHECK(unknownLayer.verdicts.empty());
    CHECK_THAT(unknownLayer.note, Catch::Contains("Lao party"));
}

TEST_CASE("checkLink: the nearest gate is the one closest to the farther of the two units", "[link-check]") {
    const Dataset data = fixtureData();
    Adjacency adjacency;
    // East: 15 km from D1, 5 km from L1. North: 10 km from D1, ~11.2 km from L1.
    // Unpositioned gates are never nearest.
    const std::vector<CuratedGate> gates = {gate("East", Vec2{25000, 5000}), gate("Unplaced", std::nullopt),
                                            gate("North", Vec2{5000, 20000})};
    const LinkCheck c = checkLink(link({resolved("vn_d", "D1", "2023")}, {resolved("la_p", "L1", "2019")}), data, gates,
                                  adjacency.lookup());
    REQUIRE(c.nearestGate);
    CHECK(c.nearestGate->name == "North");
    CHECK(c.nearestGate->source == "test position");
    CHECK(c.nearestGate->distanceKm == Approx(km({5000, 20000}, {10000, 10000})).epsilon(0.01));

    // A gate on the shared border lies between them: distance ~0.
    const std::vector<CuratedGate> withBorderGate = {gates[0], gate("Border", Vec2{10000, 5000}), gates[2]};
    const LinkCheck b = checkLink(link({resolved("vn_d", "D1", "2023")}, {resolved("la_p", "L1", "2019")}), data,
                                  withBorderGate, adjacency.lookup());
    REQUIRE(b.nearestGate);
    CHECK(b.nearestGate->name == "Border");
    CHECK(b.nearestGate->distanceKm == Approx(0).margin(0.01));
}

TEST_CASE("distanceKm: nearest points of two geometries, geodesic, 0 when touching or overlapping", "[link-check]") {
    const MultiPolygon a = rect(0, 0, 10000, 10000);
    CHECK(distanceKm(a, rect(10000, 0, 20000, 10000)) == 0.0);
    CHECK(distanceKm(a, rect(5000, 5000, 15000, 15000)) == 0.0);
    CHECK(distanceKm(a, rect(2000, 2000, 3000, 3000)) == 0.0);  // inside

    const double fiveKm = km({10000, 5000}, {15000, 5000});
    CHECK(fiveKm == Approx(5.0).epsilon(0.005));
    CHECK(distanceKm(a, rect(15000, 0, 25000, 10000)) == Approx(fiveKm).epsilon(1e-6));
    CHECK(distanceKm(rect(15000, 0, 25000, 10000), a) == Approx(fiveKm).epsilon(1e-6));
    // Diagonal: corner to corner.
    CHECK(distanceKm(a, rect(13000, 14000, 20000, 20000)) == Approx(km({10000, 10000}, {13000, 14000})).epsilon(1e-6));
    // The nearer part of a multipolygon counts.
    CHECK(distanceKm(a, twoParts(rect(50000, 0, 60000, 10000), rect(-3000, 0, -1000, 10000))) ==
          Approx(km({-1000, 5000}, {0, 5000})).epsilon(1e-6));
}
