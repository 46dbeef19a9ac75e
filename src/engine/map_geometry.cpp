#include "engine/map_geometry.hpp"

#include <atomic>
#include <cmath>
#include <future>

namespace bl::engine {

size_t lodForScale(double mpp) {
    size_t lod = 0;
    for (size_t i = 0; i < kLodCount; ++i)
        if (kLodTolerancesM[i] <= mpp * 1.05) lod = i;
    return lod;
}

bool levelShownAtScale(Level level, double mpp) {
    switch (level) {
        case Level::Province:
            return true;
        case Level::District:
            return mpp <= 1500.0;
        case Level::Commune:
            return mpp <= 350.0;
    }
    return true;
}

void LineStrip::append(const LineString& in, Vec2 origin) {
    LineString line;
    line.reserve(in.size());
    for (const Vec2& p : in)
        if (line.empty() || p.x != line.back().x || p.y != line.back().y) line.push_back(p);
    if (line.size() < 2) return;
    const bool closed = line.size() > 3 && line.front().x == line.back().x && line.front().y == line.back().y;
    if (closed) line.pop_back();
    const size_t n = line.size();
    auto dir = [&](size_t a, size_t b) {
        const double dx = line[b].x - line[a].x, dy = line[b].y - line[a].y;
        const double len = std::hypot(dx, dy);
        return Vec2{dx / len, dy / len};
    };
    const size_t count = closed ? n + 1 : n;
    const size_t start = vertices.size();
    for (size_t k = 0; k < count; ++k) {
        const size_t i = k % n;
        Vec2 nPrev, nNext;
        const bool hasPrev = closed || i > 0, hasNext = closed || i + 1 < n;
        if (hasPrev) {
            Vec2 d = dir((i + n - 1) % n, i);
            nPrev = {-d.y, d.x};
        }
        if (hasNext) {
            Vec2 d = dir(i, (i + 1) % n);
            nNext = {-d.y, d.x};
        }
        if (!hasPrev) nPrev = nNext;
        if (!hasNext) nNext = nPrev;
        Vec2 m{nPrev.x + nNext.x, nPrev.y + nNext.y};
        double len = std::hypot(m.x, m.y);
        if (len < 1e-9) {
            m = nNext;
            len = 1.0;
        }
        m = {m.x / len, m.y / len};
        // Miter length 1/cos(half angle), limited so spikes stay short.
        const double c = std::max(0.25, m.x * nNext.x + m.y * nNext.y);
        m = {m.x / c, m.y / c};
        const float x = float(line[i].x - origin.x), y = float(line[i].y - origin.y);
        LineVertex a{x, y, float(m.x), float(m.y)}, b{x, y, float(-m.x), float(-m.y)};
        if (k == 0 && start > 0) {
            vertices.push_back(vertices.back());  // degenerate join with the previous polyline
            vertices.push_back(a);
        }
        vertices.push_back(a);
        vertices.push_back(b);
    }
}

namespace {

LayerGeometry buildLayer(const Layer& layer, Vec2 origin, bool fill, const std::stop_token& stop) {
    LayerGeometry g;
    g.filled = fill;
    g.anchors.reserve(layer.units.size());
    for (const auto& u : layer.units) g.anchors.push_back(labelAnchor(u.geometry));
    // Each level is simplified from the previous one: much faster than from
    // the full detail, and the error still stays within the tolerance sum.
    std::vector<MultiPolygon> previous;
    for (const auto& u : layer.units) previous.push_back(u.geometry);
    double previousTol = 0.0;
    for (double tol : kLodTolerancesM) {
        if (stop.stop_requested()) break;  // the caller discards a stopped build
        LayerLod lod;
        lod.toleranceM = tol;
        for (size_t i = 0; i < layer.units.size(); ++i) {
            if (tol > 0) previous[i] = simplifyPreservingTopology(previous[i], tol - previousTol * 0.5);
            const MultiPolygon& mp = previous[i];
            Range r{uint32_t(lod.outline.vertices.size()), 0};
            for (const auto& poly : mp.polygons)
                for (const auto& ring : poly.rings) lod.outline.append(ring, origin);
            r.count = uint32_t(lod.outline.vertices.size()) - r.first;
            lod.outlineRanges.push_back(r);
            if (fill) {
                Range f{uint32_t(lod.fill.size()), 0};
                const float shade = float((i * 3) % 5) / 4.0f;
                for (const Vec2& p : triangulate(mp))
                    lod.fill.push_back({float(p.x - origin.x), float(p.y - origin.y), shade});
                f.count = uint32_t(lod.fill.size()) - f.first;
                lod.fillRanges.push_back(f);
            }
        }
        g.lods.push_back(std::move(lod));
        previousTol = tol;
    }
    return g;
}

}  // namespace

MapGeometry buildMapGeometry(const Dataset& data, const GeometryOptions& opt) {
    MapGeometry m;
    for (const auto& l : data.layers)
        for (const auto& u : l.units) m.bounds.extend(u.bounds);
    m.origin = m.bounds.empty() ? Vec2{} : m.bounds.center();
    const size_t total = data.layers.size() + 1;
    std::atomic<size_t> done{0};
    auto report = [&] {
        const size_t d = ++done;
        if (opt.progress) opt.progress(d, total);
    };
    std::vector<std::future<LayerGeometry>> tasks;
    for (const auto& l : data.layers)
        tasks.push_back(
            std::async(std::launch::async, [&, fill = opt.fillProvinces && l.spec.level == Level::Province] {
                LayerGeometry g = buildLayer(l, m.origin, fill, opt.stop);
                report();
                return g;
            }));
    // The international border: the outline of Laos (union of its provinces).
    std::vector<const MultiPolygon*> lao;
    for (const auto& l : data.layers)
        if (l.spec.country == Country::LA && l.spec.level == Level::Province)
            for (const auto& u : l.units) lao.push_back(&u.geometry);
    const std::vector<LineString> border = unionOutline(lao);
    for (const auto& line : border)
        for (const Vec2& p : line) m.borderBounds.extend(p);
    for (double tol : kLodTolerancesM) {
        LineStrip s;
        for (const auto& line : border) s.append(simplifyLine(line, tol), m.origin);
        m.border.push_back(std::move(s));
    }
    report();
    for (auto& t : tasks) m.layers.push_back(t.get());
    for (const auto& l : data.layers)
        for (const auto& u : l.units) m.vertexCount += u.geometry.vertexCount();
    return m;
}

}  // namespace bl::engine
