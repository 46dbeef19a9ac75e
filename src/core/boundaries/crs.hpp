#pragma once
// The working CRS: a Lambert conformal conic on WGS84 centred on the
// Vietnam–Laos border area (kBorderArea below), standard parallels 15°N
// and 21°N. Conformal, so the viewer's scale bar and shapes are true locally;
// the scale error stays below 0.3% across the border area. Lengths that we
// report are nevertheless measured geodesically on the WGS84 ellipsoid (see
// geodesicLengthM), so they do not inherit even that error.
#include <memory>

#include "core/boundaries/geometry.hpp"

namespace bl {

inline constexpr const char* kWorkingCrs =
    "+proj=lcc +lat_0=18 +lon_0=106 +lat_1=15 +lat_2=21 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs";
// kWorkingCrs in words, for map margins.
inline constexpr const char* kWorkingCrsText =
    "Lambert conformal conic on WGS 84: standard parallels 15°N and 21°N, central meridian 106°E";

struct LonLat {
    double lon = 0.0;
    double lat = 0.0;
};

// A box in degrees.
struct LonLatBox {
    double lonMin = 0, latMin = 0, lonMax = 0, latMax = 0;
    constexpr bool contains(LonLat p) const {
        return p.lon >= lonMin && p.lon <= lonMax && p.lat >= latMin && p.lat <= latMax;
    }
    constexpr bool intersects(const LonLatBox& o) const {
        return o.lonMax >= lonMin && o.lonMin <= lonMax && o.latMax >= latMin && o.latMin <= latMax;
    }
    constexpr LonLatBox expanded(double deg) const {
        return {lonMin - deg, latMin - deg, lonMax + deg, latMax + deg};
    }
};

// The one definition of where we work: the Vietnam–Laos border area, and
// the wider area where the conic is still fit to draw (frames, boxes).
inline constexpr LonLatBox kBorderArea{102.0, 14.0, 109.5, 23.5};
inline constexpr LonLatBox kWorkingArea{95.0, 5.0, 115.0, 30.0};

// Converts between lon/lat (WGS84, degrees) and the working CRS. Each
// instance owns a PROJ context: use one per thread (threadCrs() does that).
class WorkingCrs {
public:
    WorkingCrs();
    ~WorkingCrs();
    WorkingCrs(const WorkingCrs&) = delete;
    WorkingCrs& operator=(const WorkingCrs&) = delete;

    Vec2 forward(LonLat ll) const;
    LonLat inverse(Vec2 p) const;
    // Point scale factor of the projection at a latitude (1 on the standard
    // parallels); the renderer uses it for a true scale bar.
    double scaleFactor(double latDeg) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

// The calling thread's instance.
const WorkingCrs& threadCrs();

// Geodesic length on the WGS84 ellipsoid, in metres, of a line given in the
// working CRS. Long segments are densified so that the result follows the
// projected line, not the geodesic between its ends.
double geodesicLengthM(const LineString& line);

// Geodesic distance between two lon/lat points, metres.
double geodesicDistanceM(LonLat a, LonLat b);

}  // namespace bl
