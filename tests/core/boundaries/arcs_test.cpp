// Shared-arc simplification: neighbours keep identical edges at every
// tolerance (a vertex two units share is kept by both or by neither), every
// dropped vertex lies within the tolerance, enclaves fit their holes, and
// what is smaller than the tolerance goes.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

#include "core/boundaries/arcs.hpp"
#include "support.hpp"

using namespace bl;

namespace {

using Point = std::pair<double, double>;

std::set<Point> pointsOf(const MultiPolygon& mp) {
    std::set<Point> s;
    for (const auto& poly : mp.polygons)
        for (const auto& r : poly.rings)
            for (const Vec2& p : r) s.insert({p.x, p.y});
    return s;
}

double distanceToLine(Vec2 p, const std::vector<Vec2>& line) {
    double best = 1e300;
    for (size_t i = 1; i < line.size(); ++i) {
        const Vec2 a = line[i - 1], b = line[i];
        const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
        best = std::min(best, std::hypot(p.x - a.x - t * dx, p.y - a.y - t * dy));
    }
    return best;
}

// Two units sharing a wiggly edge x = f(y) from (0,0) to (0,1000); A to the
// west, B to the east; the shared vertices are the same doubles in both.
struct Wiggly {
    MultiPolygon a, b;
    std::vector<Vec2> edge;
    Wiggly() {
        for (int i = 0; i <= 100; ++i) edge.push_back({std::sin(i * 0.7) * 12.0 + (i % 3) * 2.0, i * 10.0});
        Ring ra{{-500, 0}};
        for (const Vec2& p : edge) ra.push_back(p);
        ra.push_back({-500, 1000});
        ra.push_back(ra.front());
        Ring rb;
        for (auto it = edge.rbegin(); it != edge.rend(); ++it) rb.push_back(*it);  // the other way round
        rb.push_back({500, 0});
        rb.push_back({500, 1000});
        rb.push_back(rb.front());
        a.polygons.push_back({{ra}});
        b.polygons.push_back({{rb}});
    }
};

}  // namespace

TEST_CASE("Shared arcs: a shared edge is one arc, simplified once, the same for both units", "[arcs]") {
    const Wiggly w;
    const ArcTopology topo({&w.a, &w.b});
    CHECK(topo.sharedArcCount() == 1);
    CHECK(topo.arcCount() == 3);  // the shared edge and each unit's outer side
    for (double tol : {1.0, 5.0, 20.0, 100.0}) {
        INFO("tolerance " << tol);
        const auto s = topo.simplified(tol);
        REQUIRE(s.size() == 2);
        std::set<Point> onEdgeA, onEdgeB;
        for (const Point& p : pointsOf(s[0]))
            if (p.first > -400) onEdgeA.insert(p);
        for (const Point& p : pointsOf(s[1]))
            if (p.first < 400) onEdgeB.insert(p);
        CHECK(onEdgeA == onEdgeB);  // identical edges: no sliver, no gap
        CHECK(onEdgeA.size() < w.edge.size());
        CHECK(onEdgeA.count({w.edge.front().x, w.edge.front().y}) == 1);  // junctions stay
        CHECK(onEdgeA.count({w.edge.back().x, w.edge.back().y}) == 1);
        // Every vertex dropped lies within the tolerance of what is kept.
        std::vector<Vec2> kept;
        for (const Vec2& p : w.edge)
            if (onEdgeA.count({p.x, p.y})) kept.push_back(p);
        for (const Vec2& p : w.edge) CHECK(distanceToLine(p, kept) <= tol + 1e-9);
    }
    const auto same = topo.simplified(0.0);
    CHECK(pointsOf(same[0]) == pointsOf(w.a));
}

TEST_CASE("Shared arcs: an enclave's outline and its surround's hole stay the same ring", "[arcs]") {
    MultiPolygon outer, enclave;
    Ring hole, island;
    for (int i = 0; i < 60; ++i) {
        const double t = i * 2 * M_PI / 60, r = 300 + 25 * std::sin(7 * t);
        island.push_back({r * std::cos(t), r * std::sin(t)});
    }
    island.push_back(island.front());
    hole.assign(island.rbegin(), island.rend());
    outer.polygons.push_back({{Ring{{-1000, -1000}, {1000, -1000}, {1000, 1000}, {-1000, 1000}, {-1000, -1000}}, hole}});
    enclave.polygons.push_back({{island}});
    const ArcTopology topo({&outer, &enclave});
    CHECK(topo.sharedArcCount() == 1);
    for (double tol : {2.0, 15.0, 60.0}) {
        const auto s = topo.simplified(tol);
        REQUIRE(s[0].polygons.size() == 1);
        REQUIRE(s[0].polygons[0].rings.size() == 2);
        std::set<Point> holePts, islandPts;
        for (const Vec2& p : s[0].polygons[0].rings[1]) holePts.insert({p.x, p.y});
        for (const Vec2& p : s[1].polygons[0].rings[0]) islandPts.insert({p.x, p.y});
        CHECK(holePts == islandPts);
    }
    // Coarser than the enclave (650 m across), finer than the surround: the
    // enclave goes, and the hole with it.
    const auto coarse = topo.simplified(1000.0);
    CHECK(coarse[1].polygons.empty());
    CHECK(coarse[0].polygons.at(0).rings.size() == 1);
}

TEST_CASE("Douglas-Peucker keeps the ends, drops only what lies within the tolerance", "[arcs]") {
    std::vector<Vec2> line;
    for (int i = 0; i <= 200; ++i) line.push_back({double(i), std::sin(i * 0.3) * 4.0});
    for (double tol : {0.5, 2.0, 8.0}) {
        const auto s = simplifyDouglasPeucker(line, tol);
        CHECK(s.front().x == line.front().x);
        CHECK(s.back().x == line.back().x);
        for (const Vec2& p : line) CHECK(distanceToLine(p, s) <= tol + 1e-9);
    }
    CHECK(simplifyDouglasPeucker(line, 8.0).size() == 2);  // the whole wave is within 8
    CHECK(simplifyDouglasPeucker(line, 0.0).size() == line.size());
    // A closed line stays closed, with its far side.
    std::vector<Vec2> loop{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};
    CHECK(simplifyDouglasPeucker(loop, 1.0).size() == 5);
}

TEST_CASE("Shared arcs on the real Lao districts: a vertex two districts share is kept by both or by neither",
          "[arcs][real]") {
    const auto data = bl::test::realData();
    const Layer* layer = data->layer("la_adm2_2019");
    REQUIRE(layer);
    std::vector<const MultiPolygon*> units;
    for (const auto& u : layer->units) units.push_back(&u.geometry);
    const ArcTopology topo(units);
    CHECK(topo.sharedArcCount() > 300);  // 148 districts, most of their boundaries shared
    // Which units hold each original vertex.
    std::map<Point, std::vector<size_t>> holders;
    for (size_t u = 0; u < units.size(); ++u)
        for (const Point& p : pointsOf(*units[u])) holders[p].push_back(u);
    for (double tol : {250.0, 600.0}) {  // the source is generalised to about 100 m already
        INFO("tolerance " << tol);
        const auto s = topo.simplified(tol);
        std::vector<std::set<Point>> kept(s.size());
        size_t before = 0, after = 0;
        for (size_t u = 0; u < s.size(); ++u) {
            kept[u] = pointsOf(s[u]);
            before += units[u]->vertexCount();
            after += s[u].vertexCount();
        }
        CHECK(after < before * 6 / 10);
        size_t shared = 0, mismatched = 0, invented = 0;
        for (size_t u = 0; u < s.size(); ++u)
            for (const Point& p : kept[u]) invented += !holders.count(p);  // only original vertices
        for (const auto& [p, us] : holders) {
            if (us.size() < 2) continue;
            ++shared;
            const bool first = kept[us[0]].count(p) > 0;
            for (size_t k = 1; k < us.size(); ++k) mismatched += (kept[us[k]].count(p) > 0) != first;
        }
        CHECK(shared > 10000);
        CHECK(mismatched == 0);
        CHECK(invented == 0);
    }
}
