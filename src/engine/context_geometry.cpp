// MapGeometry's context layer (the neighbouring countries under the map):
// its levels (triangulated fills, the edges two countries share), the
// shapes clipped to a view and the places for the countries' names.
#include "engine/map_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <unordered_set>
#include <map>
#include <mutex>

namespace bl::engine {

namespace {

// An edge of a ring, its ends in a fixed order, so both features sharing it
// key it alike.
struct EdgeKey {
    double x0, y0, x1, y1;
    EdgeKey(Vec2 a, Vec2 b) {
        if (b.x < a.x || (b.x == a.x && b.y < a.y)) std::swap(a, b);
        x0 = a.x, y0 = a.y, x1 = b.x, y1 = b.y;
    }
    bool operator==(const EdgeKey& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};
struct EdgeHash {
    size_t operator()(const EdgeKey& e) const {
        uint64_t h = 1469598103934665603ull;
        for (double v : {e.x0, e.y0, e.x1, e.y1}) {
            uint64_t bits = 0;
            std::memcpy(&bits, &v, sizeof bits);
            h = (h ^ bits) * 1099511628211ull;
        }
        return size_t(h ^ (h >> 29));
    }
};

// The stretches of `ring` made of edges in `shared`, as polylines (the whole
// ring when every edge is shared).
void appendSharedStretches(const Ring& ring, const std::unordered_map<EdgeKey, int, EdgeHash>& uses, Vec2 origin,
                           LineStrip& out) {
    if (ring.size() < 4) return;
    const size_t m = ring.size() - 1;  // edges
    auto shared = [&](size_t i) {
        auto it = uses.find(EdgeKey(ring[i % m], ring[(i + 1) % m]));
        return it != uses.end() && it->second > 1;
    };
    size_t start = 0;
    while (start < m && shared(start)) ++start;
    if (start == m) {
        out.append(ring, origin);
        return;
    }
    LineString run;
    for (size_t j = 1; j <= m; ++j) {
        const size_t i = start + j;  // edge i runs from vertex i to i + 1 (mod m)
        if (j < m && shared(i)) {
            if (run.empty()) run.push_back(ring[i % m]);
            run.push_back(ring[(i + 1) % m]);
        } else if (!run.empty()) {
            out.append(run, origin);
            run.clear();
        }
    }
}

// The part of `ring` inside `b` (Sutherland–Hodgman); a concave ring that
// leaves and re-enters `b` is joined along its edge, which does not move the
// largest circle inside. Empty when nothing is left.
Ring clipRing(const Ring& ring, const Box& b) {
    if (ring.size() < 4) return {};
    std::vector<Vec2> pts(ring.begin(), ring.end() - 1);
    for (int side = 0; side < 4 && !pts.empty(); ++side) {
        auto inside = [&](Vec2 p) {
            return side == 0 ? p.x >= b.minX : side == 1 ? p.x <= b.maxX : side == 2 ? p.y >= b.minY : p.y <= b.maxY;
        };
        auto crossing = [&](Vec2 p, Vec2 q) {
            if (side < 2) {
                const double x = side == 0 ? b.minX : b.maxX, t = (x - p.x) / (q.x - p.x);
                return Vec2{x, p.y + t * (q.y - p.y)};
            }
            const double y = side == 2 ? b.minY : b.maxY, t = (y - p.y) / (q.y - p.y);
            return Vec2{p.x + t * (q.x - p.x), y};
        };
        std::vector<Vec2> next;
        for (size_t i = 0; i < pts.size(); ++i) {
            const Vec2 p = pts[i], q = pts[(i + 1) % pts.size()];
            if (inside(p)) next.push_back(p);
            if (inside(p) != inside(q)) next.push_back(crossing(p, q));
        }
        pts.swap(next);
    }
    if (pts.size() < 3) return {};
    pts.push_back(pts.front());
    return pts;
}

MultiPolygon clipToBox(const MultiPolygon& mp, const Box& b) {
    MultiPolygon out;
    for (const auto& poly : mp.polygons) {
        if (poly.rings.empty()) continue;
        Box pb;
        for (const Vec2& p : poly.rings.front()) pb.extend(p);
        if (!pb.intersects(b)) continue;
        Polygon part;
        for (const auto& ring : poly.rings) {
            Ring r = clipRing(ring, b);
            if (r.empty() && part.rings.empty()) break;  // the exterior is gone: so are its holes
            if (!r.empty()) part.rings.push_back(std::move(r));
        }
        if (!part.rings.empty()) out.polygons.push_back(std::move(part));
    }
    return out;
}

}  // namespace

const std::vector<MultiPolygon>& MapGeometry::contextShapes(size_t level) const {
    std::call_once(m_contextTopologyOnce, [&] {
        std::vector<const MultiPolygon*> shapes;
        for (const auto& f : m_context) shapes.push_back(&f.geometry);
        m_contextTopology = std::make_unique<const ArcTopology>(shapes);
    });
    std::lock_guard lock(m_contextMutex);
    auto it = m_contextShapes.find(level);
    if (it == m_contextShapes.end()) {
        std::vector<MultiPolygon> shapes;
        if (level == 0)
            for (const auto& f : m_context) shapes.push_back(f.geometry);
        else
            shapes = m_contextTopology->simplified(kLodTolerancesM[level]);
        it = m_contextShapes.emplace(level, std::move(shapes)).first;
    }
    return it->second;
}

LayerLod MapGeometry::buildContext(size_t level) const {
    LayerLod lod;
    lod.toleranceM = kLodTolerancesM[level];
    if (m_context.empty()) return lod;
    const std::vector<MultiPolygon>& shapes = contextShapes(level);
    // How many rings use each edge: one used twice is a border between two
    // countries (shared arcs are simplified alike, so they stay identical).
    std::unordered_map<EdgeKey, int, EdgeHash> uses;
    for (const auto& mp : shapes)
        for (const auto& poly : mp.polygons)
            for (const auto& ring : poly.rings)
                for (size_t i = 1; i < ring.size(); ++i) ++uses[EdgeKey(ring[i - 1], ring[i])];
    for (size_t i = 0; i < m_context.size(); ++i) {
        Range f{uint32_t(lod.fill.size()), 0};
        for (const Vec2& p : triangulate(shapes[i]))
            lod.fill.push_back({float(p.x - origin.x), float(p.y - origin.y), 0.0f});
        f.count = uint32_t(lod.fill.size()) - f.first;
        lod.fillRanges.push_back(f);
        Range r{uint32_t(lod.outline.vertices.size()), 0};
        if (!m_context[i].own)
            for (const auto& poly : shapes[i].polygons)
                for (const auto& ring : poly.rings) appendSharedStretches(ring, uses, origin, lod.outline);
        r.count = uint32_t(lod.outline.vertices.size()) - r.first;
        lod.outlineRanges.push_back(r);
    }
    return lod;
}

std::vector<ContextLabelSite> MapGeometry::sitesIn(const Box& cell, double toleranceM) const {
    // The coarsest level within half the circles' tolerance: fewer vertices, the same circles.
    size_t level = 0;
    while (level + 1 < kLodCount && kLodTolerancesM[level + 1] <= toleranceM / 2) ++level;
    const std::vector<MultiPolygon>& shapes = contextShapes(level);
    std::vector<ContextLabelSite> out;
    for (size_t i = 0; i < m_context.size(); ++i) {
        if (m_context[i].own || !m_context[i].bounds.intersects(cell)) continue;
        const MultiPolygon part = clipToBox(shapes[i], cell);
        if (part.empty()) continue;
        const LabelAnchor a = labelAnchor(part, toleranceM);
        if (a.radiusM > 0) out.push_back({i, a.position, a.radiusM});
    }
    return out;
}

std::vector<ContextLabelSite> MapGeometry::contextLabelSites(const Box& view) const {
    if (m_context.empty() || view.empty()) return {};
    {
        std::lock_guard lock(m_contextMutex);
        for (const auto& [box, sites] : m_recentSites)
            if (box.minX == view.minX && box.minY == view.minY && box.maxX == view.maxX && box.maxY == view.maxY)
                return sites;
    }
    // The view, then its quarters: alternatives where a label collides.
    const Vec2 c = view.center();
    const double tolerance = std::max(view.maxX - view.minX, view.maxY - view.minY) / 200;
    std::vector<ContextLabelSite> sites;
    for (const Box& b : {view, Box{view.minX, view.minY, c.x, c.y}, Box{c.x, view.minY, view.maxX, c.y},
                         Box{view.minX, c.y, c.x, view.maxY}, Box{c.x, c.y, view.maxX, view.maxY}}) {
        const auto in = sitesIn(b, tolerance);
        sites.insert(sites.end(), in.begin(), in.end());
    }
    std::lock_guard lock(m_contextMutex);
    m_recentSites.emplace_front(view, sites);
    if (m_recentSites.size() > 8) m_recentSites.pop_back();
    return sites;
}

}  // namespace bl::engine
