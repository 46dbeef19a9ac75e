#include <catch2/catch.hpp>

#include <cmath>

#include "core/boundaries/cartography.hpp"
#include "core/boundaries/geometry_ops.hpp"

using namespace bl;

namespace {
Ring square(double x, double y, double s) { return {{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}; }
MultiPolygon poly(std::vector<Ring> rings) {
    MultiPolygon mp;
    mp.polygons.push_back({std::move(rings)});
    return mp;
}
double triArea(const std::vector<Vec2>& t) {
    double a = 0;
    for (size_t i = 0; i + 2 < t.size(); i += 3)
        a +=
            std::abs((t[i + 1].x - t[i].x) * (t[i + 2].y - t[i].y) - (t[i + 2].x - t[i].x) * (t[i + 1].y - t[i].y)) / 2;
    return a;
}
}  // namespace

TEST_CASE("triangulate covers a polygon with a hole exactly", "[core][cartography]") {
    const MultiPolygon mp = poly({square(0, 0, 1000), square(200, 200, 300)});
    const auto tris = triangulate(mp);
    REQUIRE(tris.size() % 3 == 0);
    REQUIRE_FALSE(tris.empty());
    CHECK(triArea(tris) == Approx(1000.0 * 1000 - 300.0 * 300).epsilon(1e-9));
    // No triangle has its centroid in the hole.
    for (size_t i = 0; i < tris.size(); i += 3) {
        const Vec2 c{(tris[i].x + tris[i + 1].x + tris[i + 2].x) / 3, (tris[i].y + tris[i + 1].y + tris[i + 2].y) / 3};
        CHECK_FALSE((c.x > 200 && c.x < 500 && c.y > 200 && c.y < 500));
    }
    CHECK(triangulate(MultiPolygon{}).empty());
}

TEST_CASE("labelAnchor is the pole of inaccessibility, not the centroid", "[core][cartography]") {
    // An L: a 3000 x 1000 bar along the bottom and a 1000 x 3000 bar on the left.
    const MultiPolygon L = poly({{{0, 0}, {3000, 0}, {3000, 1000}, {1000, 1000}, {1000, 3000}, {0, 3000}, {0, 0}}});
    const LabelAnchor a = labelAnchor(L, 5.0);
    // The centroid (1100, 1100) lies outside the L; the largest inscribed circle
    // touches both outer edges and the inner corner: r = 1000 sqrt2 / (1 + sqrt2).
    CHECK_FALSE(contains(L, {1100, 1100}));
    CHECK(contains(L, a.position));
    const double r = 1000 * std::sqrt(2.0) / (1 + std::sqrt(2.0));
    CHECK(a.radiusM == Approx(r).margin(10.0));
    CHECK(a.position.x == Approx(r).margin(10.0));
    CHECK(a.position.y == Approx(r).margin(10.0));
    // The largest part wins in a multipolygon.
    MultiPolygon two = poly({square(0, 0, 100)});
    two.polygons.push_back({{square(10000, 0, 4000)}});
    CHECK(labelAnchor(two).position.x == Approx(12000.0).margin(50.0));
}

TEST_CASE("unionOutline of adjacent squares is their common outer ring", "[core][cartography]") {
    const MultiPolygon a = poly({square(0, 0, 1000)}), b = poly({square(1000, 0, 1000)});
    const auto lines = unionOutline({&a, &b, nullptr});
    REQUIRE(lines.size() == 1);
    double len = 0;
    for (size_t i = 1; i < lines[0].size(); ++i)
        len += std::hypot(lines[0][i].x - lines[0][i - 1].x, lines[0][i].y - lines[0][i - 1].y);
    CHECK(len == Approx(6000.0));
}
