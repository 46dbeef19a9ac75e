#include "core/boundaries/arcs.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace bl {

namespace {

// A vertex compared bit for bit: shared boundaries repeat the same doubles.
struct Key {
    uint64_t x, y;
    friend bool operator==(const Key&, const Key&) = default;
    friend bool operator<(const Key& a, const Key& b) { return a.x != b.x ? a.x < b.x : a.y < b.y; }
};

Key keyOf(Vec2 p) {
    Key k{};
    const double x = p.x == 0.0 ? 0.0 : p.x, y = p.y == 0.0 ? 0.0 : p.y;  // -0 is 0
    std::memcpy(&k.x, &x, sizeof x);
    std::memcpy(&k.y, &y, sizeof y);
    return k;
}

uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

struct KeyHash {
    size_t operator()(const Key& k) const { return size_t(mix(mix(0, k.x), k.y)); }
};

// Where a vertex is met first: its two neighbours (unordered). A vertex met
// again with other neighbours is a junction.
struct Seen {
    Key a, b;
    bool junction = false;
};

// A ring without repeated consecutive points nor its closing point.
std::vector<Vec2> openRing(const Ring& r) {
    std::vector<Vec2> out;
    out.reserve(r.size());
    for (const Vec2& p : r)
        if (out.empty() || keyOf(p) != keyOf(out.back())) out.push_back(p);
    while (out.size() > 1 && keyOf(out.front()) == keyOf(out.back())) out.pop_back();
    return out;
}

double segmentDistance(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// Douglas–Peucker between fixed end points `first` and `last` (inclusive):
// marks the points kept.
void markKept(const std::vector<Vec2>& line, size_t first, size_t last, double tol, std::vector<char>& keep) {
    std::vector<std::pair<size_t, size_t>> stack{{first, last}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        double worst = -1.0;
        size_t at = a;
        for (size_t i = a + 1; i < b; ++i) {
            const double d = segmentDistance(line[i], line[a], line[b]);
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        if (worst > tol) {
            keep[at] = 1;
            stack.push_back({a, at});
            stack.push_back({at, b});
        }
    }
}

}  // namespace

std::vector<Vec2> simplifyDouglasPeucker(const std::vector<Vec2>& line, double tol) {
    if (tol <= 0 || line.size() < 3) return line;
    std::vector<char> keep(line.size(), 0);
    keep.front() = keep.back() = 1;
    const size_t last = line.size() - 1;
    if (keyOf(line.front()) == keyOf(line.back())) {
        // A loop: its start and the point farthest from it both stay.
        size_t far = 1;
        double best = -1.0;
        for (size_t i = 1; i < last; ++i) {
            const double d = std::hypot(line[i].x - line[0].x, line[i].y - line[0].y);
            if (d > best) {
                best = d;
                far = i;
            }
        }
        keep[far] = 1;
        markKept(line, 0, far, tol, keep);
        markKept(line, far, last, tol, keep);
    } else {
        markKept(line, 0, last, tol, keep);
    }
    std::vector<Vec2> out;
    for (size_t i = 0; i < line.size(); ++i)
        if (keep[i]) out.push_back(line[i]);
    return out;
}

ArcTopology::ArcTopology(const std::vector<const MultiPolygon*>& units) : m_source(units) {
    // Every ring once, open, and every vertex's neighbours.
    std::vector<std::vector<std::vector<std::vector<Vec2>>>> rings(units.size());
    std::unordered_map<Key, Seen, KeyHash> seen;
    for (size_t u = 0; u < units.size(); ++u) {
        if (!units[u]) continue;
        for (const auto& poly : units[u]->polygons) {
            auto& polyRings = rings[u].emplace_back();
            for (const auto& r : poly.rings) {
                std::vector<Vec2> ring = openRing(r);
                if (ring.size() < 3) ring.clear();
                const size_t n = ring.size();
                for (size_t i = 0; i < n; ++i) {
                    Key prev = keyOf(ring[(i + n - 1) % n]), next = keyOf(ring[(i + 1) % n]);
                    if (next < prev) std::swap(prev, next);
                    auto [it, fresh] = seen.try_emplace(keyOf(ring[i]), Seen{prev, next});
                    if (!fresh && !(it->second.a == prev && it->second.b == next)) it->second.junction = true;
                }
                polyRings.push_back(std::move(ring));
            }
        }
    }

    // Rings cut at their junctions into arcs; each arc stored once, in a
    // canonical direction, and used forwards or backwards.
    std::unordered_map<uint64_t, std::vector<uint32_t>> byHash;
    auto addArc = [&](std::vector<Vec2> pts) -> ArcUse {
        const size_t n = pts.size();
        const Key f = keyOf(pts.front()), l = keyOf(pts.back());
        bool reverse = l < f;
        if (f == l && n > 2) reverse = keyOf(pts[n - 2]) < keyOf(pts[1]);
        if (reverse) std::reverse(pts.begin(), pts.end());
        uint64_t h = n;
        for (const Vec2& p : pts) {
            const Key k = keyOf(p);
            h = mix(mix(h, k.x), k.y);
        }
        auto& candidates = byHash[h];
        for (uint32_t id : candidates) {
            const auto& a = m_arcs[id];
            if (a.size() == n && std::equal(a.begin(), a.end(), pts.begin(),
                                            [](Vec2 x, Vec2 y) { return keyOf(x) == keyOf(y); })) {
                ++m_uses[id];
                return {id, reverse};
            }
        }
        const uint32_t id = uint32_t(m_arcs.size());
        m_arcs.push_back(std::move(pts));
        m_uses.push_back(1);
        candidates.push_back(id);
        return {id, reverse};
    };
    m_units.resize(units.size());
    for (size_t u = 0; u < units.size(); ++u) {
        for (const auto& polyRings : rings[u]) {
            auto& polyArcs = m_units[u].emplace_back();
            for (const auto& ring : polyRings) {
                auto& ringArcs = polyArcs.emplace_back();
                const size_t n = ring.size();
                if (n == 0) continue;
                std::vector<size_t> junctions;
                for (size_t i = 0; i < n; ++i)
                    if (seen.at(keyOf(ring[i])).junction) junctions.push_back(i);
                if (junctions.empty()) {
                    // A ring of its own (or one whole ring shared, an enclave):
                    // one loop from its smallest vertex, so both rings find it.
                    size_t m = 0;
                    for (size_t i = 1; i < n; ++i)
                        if (keyOf(ring[i]) < keyOf(ring[m])) m = i;
                    std::vector<Vec2> loop;
                    loop.reserve(n + 1);
                    for (size_t k = 0; k <= n; ++k) loop.push_back(ring[(m + k) % n]);
                    ringArcs.push_back(addArc(std::move(loop)));
                    continue;
                }
                for (size_t j = 0; j < junctions.size(); ++j) {
                    const size_t from = junctions[j];
                    const size_t to = j + 1 < junctions.size() ? junctions[j + 1] : junctions[0] + n;
                    std::vector<Vec2> pts;
                    pts.reserve(to - from + 1);
                    for (size_t k = from; k <= to; ++k) pts.push_back(ring[k % n]);
                    ringArcs.push_back(addArc(std::move(pts)));
                }
            }
        }
    }
}

size_t ArcTopology::sharedArcCount() const {
    return size_t(std::count_if(m_uses.begin(), m_uses.end(), [](uint32_t n) { return n >= 2; }));
}

std::vector<MultiPolygon> ArcTopology::simplified(double tol) const {
    std::vector<MultiPolygon> out(m_units.size());
    if (tol <= 0) {
        for (size_t u = 0; u < m_source.size(); ++u)
            if (m_source[u]) out[u] = *m_source[u];
        return out;
    }
    std::vector<std::vector<Vec2>> arcs(m_arcs.size());
    for (size_t i = 0; i < m_arcs.size(); ++i) arcs[i] = simplifyDouglasPeucker(m_arcs[i], tol);
    auto ringOf = [&](const RingArcs& uses) {
        Ring r;
        for (const ArcUse& use : uses) {
            const auto& a = arcs[use.arc];
            const size_t n = a.size();
            for (size_t k = r.empty() ? 0 : 1; k < n; ++k) r.push_back(use.reversed ? a[n - 1 - k] : a[k]);
        }
        if (!r.empty() && keyOf(r.front()) != keyOf(r.back())) r.push_back(r.front());
        return r;
    };
    auto keep = [&](const Ring& r) {
        if (r.size() < 4) return false;
        Box b;
        for (const Vec2& p : r) b.extend(p);
        return std::max(b.maxX - b.minX, b.maxY - b.minY) >= tol;  // smaller than the tolerance: not visible
    };
    for (size_t u = 0; u < m_units.size(); ++u) {
        for (const PolygonArcs& poly : m_units[u]) {
            if (poly.empty()) continue;
            Ring exterior = ringOf(poly.front());
            if (!keep(exterior)) continue;
            Polygon p;
            p.rings.push_back(std::move(exterior));
            for (size_t h = 1; h < poly.size(); ++h)
                if (Ring hole = ringOf(poly[h]); keep(hole)) p.rings.push_back(std::move(hole));
            out[u].polygons.push_back(std::move(p));
        }
    }
    return out;
}

}  // namespace bl
