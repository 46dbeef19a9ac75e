#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/boundaries/geometry_ops.hpp"

using namespace bl;

static MultiPolygon square(double x0, double y0, double s) {
    return {{Polygon{{Ring{{x0, y0}, {x0 + s, y0}, {x0 + s, y0 + s}, {x0, y0 + s}, {x0, y0}}}}}};
}

TEST_CASE("A valid polygon is left alone", "[geometry]") {
    MultiPolygon mp = square(0, 0, 10);
    CHECK(makeValidPolygonal(mp) == Validity::Valid);
    CHECK(area(mp) == Approx(100));
}

TEST_CASE("A bow-tie is repaired into two triangles, not dropped", "[geometry]") {
    MultiPolygon mp{{Polygon{{Ring{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}}}}};
    std::string why;
    CHECK(makeValidPolygonal(mp, &why) == Validity::Repaired);
    CHECK_FALSE(why.empty());
    CHECK(mp.polygons.size() == 2);
    CHECK(area(mp) == Approx(50));
}

TEST_CASE("An unclosed ring is closed", "[geometry]") {
    MultiPolygon mp{{Polygon{{Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}}}}}};
    CHECK(makeValidPolygonal(mp) == Validity::Repaired);
    CHECK(area(mp) == Approx(100));
}

TEST_CASE("Empty and non-finite geometries are reported as empty", "[geometry]") {
    MultiPolygon none;
    CHECK(makeValidPolygonal(none) == Validity::Empty);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    MultiPolygon bad{{Polygon{{Ring{{0, 0}, {nan, 0}, {10, 10}, {0, 0}}}}}};
    CHECK(makeValidPolygonal(bad) == Validity::Empty);
    MultiPolygon degenerate{{Polygon{{Ring{{0, 0}, {1, 1}, {0, 0}}}}}};
    CHECK(makeValidPolygonal(degenerate) == Validity::Empty);
}

TEST_CASE("pointOnSurface lies inside, also for a ring with a hole", "[geometry]") {
    MultiPolygon donut = square(0, 0, 10);
    donut.polygons[0].rings.push_back(Ring{{2, 2}, {8, 2}, {8, 8}, {2, 8}, {2, 2}});
    const auto p = pointOnSurface(donut);
    REQUIRE(p);
    CHECK(contains(donut, *p));
    CHECK_FALSE(contains(donut, {5, 5}));
    CHECK(area(donut) == Approx(64));
}
