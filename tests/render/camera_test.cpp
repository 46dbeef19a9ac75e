#include <catch2/catch.hpp>

#include "core/boundaries/crs.hpp"
#include "render/camera.hpp"

using namespace bl;
using namespace bl::render;

TEST_CASE("Camera maps world and screen both ways and zooms around the cursor", "[render][camera]") {
    Camera cam{{1000.0, 2000.0}, 10.0, 800, 600};
    const Vec2 s = cam.toScreen({1500.0, 2500.0});
    CHECK(s.x == Approx(450.0));
    CHECK(s.y == Approx(250.0));  // y points down on screen
    const Vec2 w = cam.toWorld(s);
    CHECK(w.x == Approx(1500.0));
    CHECK(w.y == Approx(2500.0));
    const Vec2 under = cam.toWorld({100, 500});
    cam.zoomAround({100, 500}, 2.0);
    CHECK(cam.metresPerPixel == Approx(5.0));
    CHECK(cam.toWorld({100, 500}).x == Approx(under.x));
    CHECK(cam.toWorld({100, 500}).y == Approx(under.y));
    cam.fit({0, 0, 7600, 1000}, 20.0);
    CHECK(cam.metresPerPixel == Approx(10.0));
    CHECK(cam.center.x == Approx(3800.0));
}

TEST_CASE("The scale bar is true at the view's latitude", "[render][camera]") {
    Camera cam;
    cam.width = 1600;
    cam.height = 1000;
    cam.metresPerPixel = 100.0;
    // On a standard parallel the projection is true to scale.
    cam.center = threadCrs().forward({106.0, 15.0});
    ScaleBar bar = scaleBarFor(cam, 200.0);
    CHECK(bar.km == Approx(20.0));
    CHECK(bar.pixels == Approx(200.0).epsilon(0.001));
    // Between the parallels the map shrinks distances (k < 1): a km takes fewer pixels.
    cam.center = threadCrs().forward({106.0, 18.0});
    bar = scaleBarFor(cam, 200.0);
    const double k = threadCrs().scaleFactor(18.0);
    CHECK(k < 1.0);
    CHECK(bar.pixels == Approx(bar.km * 1000.0 * k / 100.0));
    // Measured against geodesic distance: 20 km east along the parallel.
    const Vec2 a = cam.center;
    const Vec2 b{a.x + bar.pixels * cam.metresPerPixel, a.y};
    CHECK(geodesicDistanceM(threadCrs().inverse(a), threadCrs().inverse(b)) / 1000.0 == Approx(bar.km).epsilon(0.002));
}
