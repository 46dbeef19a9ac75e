#include "core/boundaries/crs.hpp"

#include <geodesic.h>
#include <proj.h>

#include <cmath>
#include <stdexcept>

namespace bl {

struct WorkingCrs::Impl {
    PJ_CONTEXT* ctx = nullptr;
    PJ* pj = nullptr;
};

WorkingCrs::WorkingCrs() : m(std::make_unique<Impl>()) {
    m->ctx = proj_context_create();
    // PROJ's default logger prints on stderr; a failure here is said in our
    // words (the exception below), never as PROJ's raw text.
    proj_log_level(m->ctx, PJ_LOG_NONE);
    PJ* raw = proj_create_crs_to_crs(m->ctx, "EPSG:4326", kWorkingCrs, nullptr);
    if (raw) {
        m->pj = proj_normalize_for_visualization(m->ctx, raw);  // lon, lat order
        proj_destroy(raw);
    }
    if (!m->pj) {
        proj_context_destroy(m->ctx);
        throw std::runtime_error("PROJ could not build the working CRS; is proj-data installed?");
    }
}

WorkingCrs::~WorkingCrs() {
    if (m) {
        proj_destroy(m->pj);
        proj_context_destroy(m->ctx);
    }
}

Vec2 WorkingCrs::forward(LonLat ll) const {
    PJ_COORD c = proj_coord(ll.lon, ll.lat, 0, 0);
    c = proj_trans(m->pj, PJ_FWD, c);
    return {c.xy.x, c.xy.y};
}

LonLat WorkingCrs::inverse(Vec2 p) const {
    PJ_COORD c = proj_coord(p.x, p.y, 0, 0);
    c = proj_trans(m->pj, PJ_INV, c);
    return {c.lp.lam, c.lp.phi};
}

double WorkingCrs::scaleFactor(double latDeg) const {
    // Measure numerically: a 1 km geodesic step north, projected.
    const LonLat a{106.0, latDeg};
    const LonLat b{106.0, latDeg + 0.009};
    const Vec2 pa = forward(a), pb = forward(b);
    const double projected = std::hypot(pb.x - pa.x, pb.y - pa.y);
    return projected / geodesicDistanceM(a, b);
}

const WorkingCrs& threadCrs() {
    thread_local WorkingCrs crs;
    return crs;
}

static const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic r;
        geod_init(&r, 6378137.0, 1.0 / 298.257223563);
        return r;
    }();
    return g;
}

double geodesicDistanceM(LonLat a, LonLat b) {
    double s12 = 0.0;
    geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &s12, nullptr, nullptr);
    return s12;
}

double geodesicLengthM(const LineString& line) {
    if (line.size() < 2) return 0.0;
    const WorkingCrs& crs = threadCrs();
    constexpr double kStep = 5000.0;  // densify segments longer than 5 km
    double total = 0.0;
    LonLat prev = crs.inverse(line[0]);
    for (size_t i = 1; i < line.size(); ++i) {
        const Vec2 a = line[i - 1], b = line[i];
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        const int steps = std::max(1, int(std::ceil(len / kStep)));
        for (int s = 1; s <= steps; ++s) {
            const double t = double(s) / steps;
            const LonLat cur = crs.inverse({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
            total += geodesicDistanceM(prev, cur);
            prev = cur;
        }
    }
    return total;
}

}  // namespace bl
