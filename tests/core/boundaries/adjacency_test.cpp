#include <catch2/catch.hpp>

#include <algorithm>

#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/crs.hpp"

using namespace bl;

namespace {

// Synthetic units in working-CRS metres near the projection origin.
Ring rect(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}; }

AdminUnit unit(const std::string& id, std::vector<Polygon> polys) {
    AdminUnit u;
    u.id = id;
    u.name = id;
    u.geometry.polygons = std::move(polys);
    u.bounds = u.geometry.bounds();
    return u;
}

Layer layer(Country c, std::vector<AdminUnit> units) {
    Layer l;
    l.spec.id = c == Country::VN ? "vn" : "la";
    l.spec.country = c;
    l.units = std::move(units);
    return l;
}

double km(const LineString& l) { return geodesicLengthM(l) / 1000.0; }

const SharedBorder* pairOf(const std::vector<SharedBorder>& r, const std::string& a, const std::string& b) {
    for (const auto& s : r)
        if ((s.a->id == a && s.b->id == b) || (s.a->id == b && s.b->id == a)) return &s;
    return nullptr;
}

}  // namespace

TEST_CASE("Two squares sharing an edge: one pair, the edge's exact length", "[adjacency]") {
    Layer l = layer(Country::VN, {unit("A", {{{rect(0, 0, 10000, 10000)}}}), unit("B", {{{rect(10000, 0, 20000, 10000)}}})});
    const auto r = computeAdjacency(l, l);
    REQUIRE(r.size() == 1);
    const double edge = km({{10000, 0}, {10000, 10000}});
    CHECK(r[0].kind == AdjacencyKind::Domestic);
    CHECK(r[0].sharedKm == Approx(edge).epsilon(0.001));
    CHECK(r[0].sharedKmB == Approx(edge).epsilon(0.001));
    CHECK(r[0].medianGapM == Approx(0).margin(1e-6));
    REQUIRE_FALSE(r[0].segments.empty());
    double segKm = 0;
    for (const auto& s : r[0].segments) segKm += km(s);
    CHECK(segKm == Approx(edge).epsilon(0.001));
}

TEST_CASE("Edges digitised with different vertices still match within one source", "[adjacency]") {
    // B's copy of the shared edge has extra vertices with sub-millimetre noise.
    Ring b = {{10000, 0}, {20000, 0}, {20000, 10000}, {10000, 10000}, {10000.0004, 7500}, {9999.9997, 5000},
              {10000.0002, 2500}, {10000, 0}};
    Layer l = layer(Country::VN, {unit("A", {{{rect(0, 0, 10000, 10000)}}}), unit("B", {{{b}}})});
    const auto r = computeAdjacency(l, l);
    REQUIRE(r.size() == 1);
    CHECK(r[0].sharedKm == Approx(km({{10000, 0}, {10000, 10000}})).epsilon(0.001));
}

TEST_CASE("Squares 100 m apart: adjacent at 250 m tolerance, not at 50 m", "[adjacency]") {
    Layer vn = layer(Country::VN, {unit("V", {{{rect(0, 0, 10000, 10000)}}})});
    Layer la = layer(Country::LA, {unit("L", {{{rect(10100, 0, 20000, 10000)}}})});
    AdjacencyOptions opt;
    opt.toleranceM = 250;
    const auto near = computeAdjacency(vn, la, opt);
    REQUIRE(near.size() == 1);
    CHECK(near[0].kind == AdjacencyKind::International);
    CHECK(near[0].sharedKm == Approx(km({{10000, 0}, {10000, 10000}})).margin(0.13));
    CHECK(near[0].medianGapM == Approx(100).margin(0.5));
    CHECK(near[0].maxGapM < 130);
    opt.toleranceM = 50;
    CHECK(computeAdjacency(vn, la, opt).empty());
}

TEST_CASE("A corner contact is not a shared border unless asked for", "[adjacency]") {
    Layer l = layer(Country::VN, {unit("A", {{{rect(0, 0, 10000, 10000)}}}), unit("B", {{{rect(10000, 10000, 20000, 20000)}}})});
    CHECK(computeAdjacency(l, l).empty());
    AdjacencyOptions opt;
    opt.includePointContacts = true;
    const auto r = computeAdjacency(l, l, opt);
    REQUIRE(r.size() == 1);
    CHECK(r[0].sharedKm < 0.01);
}

TEST_CASE("Overlapping slivers and gaps across the border are one shared stretch", "[adjacency]") {
    // L's western edge zig-zags 60 m either side of V's eastern edge.
    Ring zig = {{10000, 0}, {20000, 0}, {20000, 10000}, {10000, 10000}};
    for (int i = 9; i >= 1; --i) zig.push_back({10000.0 + (i % 2 ? 60.0 : -60.0), i * 1000.0});
    zig.push_back({10000, 0});
    Layer vn = layer(Country::VN, {unit("V", {{{rect(0, 0, 10000, 10000)}}})});
    Layer la = layer(Country::LA, {unit("L", {{{zig}}})});
    const auto r = computeAdjacency(vn, la);  // default international tolerance
    REQUIRE(r.size() == 1);
    CHECK(r[0].sharedKm == Approx(km({{10000, 0}, {10000, 10000}})).margin(0.15));
    CHECK(r[0].maxGapM <= 90);
    CHECK(r[0].sharedKmB == Approx(r[0].sharedKm).epsilon(0.01));
}

TEST_CASE("Junctions split the stretch between neighbours without double counting", "[adjacency]") {
    // V faces two Lao units 200 m away whose common boundary meets the border at y = 4000.
    Layer vn = layer(Country::VN, {unit("V", {{{rect(0, 0, 10000, 10000)}}})});
    Layer la = layer(Country::LA, {unit("L1", {{{rect(10200, 0, 20000, 4000)}}}), unit("L2", {{{rect(10200, 4000, 20000, 10000)}}})});
    const auto r = computeAdjacency(vn, la);
    REQUIRE(r.size() == 2);
    // Ends are placed within 60 m (the overshoot allowed past a vertex).
    CHECK(pairOf(r, "V", "L1")->sharedKm == Approx(km({{10000, 0}, {10000, 4000}})).margin(0.13));
    CHECK(pairOf(r, "V", "L2")->sharedKm == Approx(km({{10000, 4000}, {10000, 10000}})).margin(0.13));
}

TEST_CASE("Internal boundaries meeting the border do not inflate international pairs", "[adjacency]") {
    Layer vn = layer(Country::VN, {unit("V1", {{{rect(0, 0, 10000, 5000)}}}), unit("V2", {{{rect(0, 5000, 10000, 10000)}}})});
    Layer la = layer(Country::LA, {unit("L", {{{rect(10100, 0, 20000, 10000)}}})});
    const auto r = computeAdjacency(vn, la);
    REQUIRE(r.size() == 2);
    CHECK(pairOf(r, "V1", "L")->sharedKm == Approx(km({{10000, 0}, {10000, 5000}})).margin(0.13));
    CHECK(pairOf(r, "V2", "L")->sharedKm == Approx(km({{10000, 5000}, {10000, 10000}})).margin(0.13));
}

TEST_CASE("Multipolygons: only the island touches the neighbour", "[adjacency]") {
    Layer vn = layer(Country::VN, {unit("V", {Polygon{{rect(0, 0, 10000, 10000)}}, Polygon{{rect(30000, 0, 32000, 3000)}}})});
    Layer la = layer(Country::LA, {unit("L", {{{rect(32000, 0, 40000, 10000)}}})});
    const auto r = computeAdjacency(vn, la);
    REQUIRE(r.size() == 1);
    CHECK(r[0].sharedKm == Approx(km({{32000, 0}, {32000, 3000}})).margin(0.13));
}

TEST_CASE("A unit inside another's hole shares the hole's ring", "[adjacency]") {
    Polygon donut{{rect(0, 0, 10000, 10000), rect(3000, 3000, 7000, 7000)}};
    Layer l = layer(Country::VN, {unit("Outer", {donut}), unit("Inner", {{{rect(3000, 3000, 7000, 7000)}}})});
    const auto r = computeAdjacency(l, l);
    REQUIRE(r.size() == 1);
    CHECK(r[0].sharedKm == Approx(km(rect(3000, 3000, 7000, 7000))).epsilon(0.001));
}

TEST_CASE("A unit touching itself across a hole is not its own neighbour", "[adjacency]") {
    // The hole touches the shell at one point (valid OGC polygon); B lies east.
    Ring shell = rect(0, 0, 10000, 10000);
    Ring hole = {{5000, 0}, {7000, 3000}, {3000, 3000}, {5000, 0}};
    Layer l = layer(Country::VN, {unit("A", {Polygon{{shell, hole}}}), unit("B", {{{rect(10000, 0, 20000, 10000)}}})});
    const auto r = computeAdjacency(l, l);
    REQUIRE(r.size() == 1);
    CHECK(r[0].a != r[0].b);
    CHECK(r[0].sharedKm == Approx(km({{10000, 0}, {10000, 10000}})).epsilon(0.001));
}

TEST_CASE("minSharedKm drops short pairs and results come longest first", "[adjacency]") {
    Layer l = layer(Country::VN, {unit("A", {{{rect(0, 0, 10000, 10000)}}}), unit("B", {{{rect(10000, 0, 20000, 2000)}}}),
                                  unit("C", {{{rect(10000, 2000, 20000, 10000)}}})});
    const auto all = computeAdjacency(l, l);
    REQUIRE(all.size() == 3);  // A-B 2 km, A-C 8 km, B-C 10 km
    CHECK(all[0].sharedKm >= all[1].sharedKm);
    CHECK(all[1].sharedKm >= all[2].sharedKm);
    AdjacencyOptions opt;
    opt.minSharedKm = 5;
    CHECK(computeAdjacency(l, l, opt).size() == 2);
}

// A square with a vertex every `step` metres (short segments, small cells).
static Ring fineSquare(double x0, double y0, double side, double step) {
    Ring r;
    const int n = int(side / step);
    for (int k = 0; k < n; ++k) r.push_back({x0 + k * step, y0});
    for (int k = 0; k < n; ++k) r.push_back({x0 + side, y0 + k * step});
    for (int k = 0; k < n; ++k) r.push_back({x0 + side - k * step, y0 + side});
    for (int k = 0; k < n; ++k) r.push_back({x0, y0 + side - k * step});
    r.push_back({x0, y0});
    return r;
}

static std::string cellName(int i, int j) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "U%d_%d", i, j);
    return buf;
}

// The segment index is sized by the features: 400 small units and one stray
// unit 30,000 km away (a dense grid of cells a few segments long over that
// extent would need ~10^10 cells)
// still give exactly the grid's neighbours, across layers too.
TEST_CASE("One stray unit far away does not size the index by the extent", "[adjacency]") {
    std::vector<AdminUnit> units;
    for (int i = 0; i < 20; ++i)
        for (int j = 0; j < 20; ++j)
            units.push_back(unit(cellName(i, j),
                                 {{{fineSquare(i * 1000.0, j * 1000.0, 1000.0, 50.0)}}}));
    units.push_back(unit("stray", {{{rect(-3.0e7, 2.0e7, -3.0e7 + 100, 2.0e7 + 100)}}}));
    const Layer l = layer(Country::VN, units);
    const auto r = computeAdjacency(l, l);
    CHECK(r.size() == 2 * 20 * 19);  // horizontal and vertical neighbours
    CHECK(pairOf(r, "U0_0", "U1_0"));
    CHECK_FALSE(pairOf(r, "U0_0", "U1_1"));  // a corner is not a shared border
    for (const auto& p : r) CHECK(p.sharedKm == Approx(1.0).epsilon(0.01));

    // Across the border: a Lao strip along the grid's eastern edge, and the
    // stray unit again, far in the other direction, with a 1,000 km edge.
    const Layer la = layer(Country::LA, {unit("E", {{{rect(20000, 0, 30000, 20000)}}}),
                                         unit("far", {{{rect(2.0e6, -1.0e6, 2.0e6 + 100, 0)}}})});
    const auto x = computeAdjacency(l, la);
    CHECK(x.size() == 20);
    for (const auto& p : x) CHECK(p.b->id == "E");
}

TEST_CASE("shownKm is the mean of both sides or the one side that saw the stretch", "[adjacency][figures]") {
    SharedBorder s;
    s.sharedKm = 77.6;
    s.sharedKmB = 77.8;
    CHECK(shownKm(s) == Approx(77.7));
    s.sharedKmB = 0.0;  // B's line lies beyond the corridor along this stretch
    CHECK(shownKm(s) == Approx(77.6));
    s.sharedKm = 0.0;
    s.sharedKmB = 0.8;
    CHECK(shownKm(s) == Approx(0.8));
}

TEST_CASE("Results come in the order of the shown figure (the mean of both sides)", "[adjacency][figures]") {
    // V1 / L1: V1's straight 10 km edge faces L1's edge, straight for 2 km
    // at each end and 45-degree teeth 500 m deep between (6 km of teeth,
    // 8.5 km of line): sides about 10 and 12.5 km, mean about 11.2. The teeth
    // stay farther than the tolerance from V1's other edges. V2 / L2: 11.8 km
    // straight on both sides, far away.
    Ring teeth = {{10000, 0}, {20000, 0}, {20000, 10000}, {10000, 10000}, {10000, 8000}};
    for (int i = 1; i <= 12; ++i) teeth.push_back({10000.0 + (i % 2 ? 500.0 : 0.0), 8000.0 - i * 500.0});
    teeth.push_back({10000, 0});
    Layer vn = layer(Country::VN, {unit("V1", {{{rect(0, 0, 10000, 10000)}}}), unit("V2", {{{rect(0, 50000, 10000, 61800)}}})});
    Layer la = layer(Country::LA, {unit("L1", {{{teeth}}}), unit("L2", {{{rect(10100, 50000, 20000, 61800)}}})});
    const auto r = computeAdjacency(vn, la);
    REQUIRE(r.size() == 2);
    const SharedBorder* zigzag = pairOf(r, "V1", "L1");
    const SharedBorder* straight = pairOf(r, "V2", "L2");
    REQUIRE(zigzag);
    REQUIRE(straight);
    CHECK(zigzag->sharedKm == Approx(10.0).margin(0.2));
    CHECK(zigzag->sharedKmB == Approx(12.5).margin(0.3));
    CHECK(shownKm(*straight) == Approx(11.8).margin(0.15));
    // The longer side alone would put the zig-zag first; the shown figure does not.
    CHECK(std::max(zigzag->sharedKm, zigzag->sharedKmB) > shownKm(*straight));
    CHECK(r[0].a->id == "V2");
    CHECK(shownKm(r[0]) > shownKm(r[1]));
    // minSharedKm applies to the shown figure too (the zig-zag's longer side is above it).
    AdjacencyOptions opt;
    opt.minSharedKm = (shownKm(*zigzag) + shownKm(*straight)) / 2;
    CHECK(std::max(zigzag->sharedKm, zigzag->sharedKmB) > opt.minSharedKm);
    const auto kept = computeAdjacency(vn, la, opt);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].a->id == "V2");
}
