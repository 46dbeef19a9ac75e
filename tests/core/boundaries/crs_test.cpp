#include <catch2/catch.hpp>

#include <cmath>

#include "core/boundaries/crs.hpp"

using namespace bl;

TEST_CASE("Working CRS round-trips lon/lat across the border area", "[crs]") {
    const WorkingCrs& crs = threadCrs();
    for (double lon : {102.0, 104.5, 106.0, 107.6, 109.5})
        for (double lat : {14.0, 17.5, 20.0, 22.5}) {
            const LonLat back = crs.inverse(crs.forward({lon, lat}));
            CHECK(back.lon == Approx(lon).margin(1e-9));
            CHECK(back.lat == Approx(lat).margin(1e-9));
        }
    const Vec2 origin = crs.forward({106.0, 18.0});
    CHECK(std::fabs(origin.x) < 1e-6);
    CHECK(std::fabs(origin.y) < 1e-6);
}

TEST_CASE("Projected distances stay within 0.5% of geodesic ones", "[crs]") {
    const WorkingCrs& crs = threadCrs();
    // 20 km east-west and north-south steps across the whole area.
    for (double lon = 102.0; lon <= 109.5; lon += 1.5)
        for (double lat = 14.0; lat <= 23.0; lat += 1.0) {
            const LonLat a{lon, lat}, b{lon + 0.19, lat + 0.1};
            const Vec2 pa = crs.forward(a), pb = crs.forward(b);
            const double planar = std::hypot(pb.x - pa.x, pb.y - pa.y);
            const double geo = geodesicDistanceM(a, b);
            CHECK(std::fabs(planar / geo - 1.0) < 0.005);
        }
}

TEST_CASE("geodesicLengthM measures lines in the working CRS on the ellipsoid", "[crs]") {
    const WorkingCrs& crs = threadCrs();
    // One degree of latitude at 17.5N on the meridian 105E: 110,6xx m on WGS84.
    LineString meridian = {crs.forward({105.0, 17.0}), crs.forward({105.0, 18.0})};
    CHECK(geodesicLengthM(meridian) == Approx(geodesicDistanceM({105.0, 17.0}, {105.0, 18.0})).epsilon(1e-4));
    CHECK(geodesicLengthM(meridian) == Approx(110660).epsilon(0.002));
    CHECK(geodesicLengthM({}) == 0.0);
    CHECK(crs.scaleFactor(15.0) == Approx(1.0).epsilon(1e-3));
    CHECK(crs.scaleFactor(21.0) == Approx(1.0).epsilon(1e-3));
    CHECK(crs.scaleFactor(18.0) < 1.0);
}
