#include "core/boundaries/adjacency.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <tuple>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/boundaries/crs.hpp"
#include "core/boundaries/geos_context.hpp"

namespace bl {

const char* toString(AdjacencyKind k) { return k == AdjacencyKind::Domestic ? "domestic" : "international"; }

namespace {

// ---------------------------------------------------------------------------
// Why not GEOS overlay per pair: intersecting one unit's boundary with a
// buffered neighbour counts every internal boundary that meets the border
// for up to a tolerance on each side, and a corner contact for up to twice
// the tolerance. Instead each boundary piece of A is assigned to the single
// nearest unit of B within the tolerance (a discrete Voronoi split of the
// corridor), which is both exact at junctions and fast: a flat grid over
// B's segments answers each piece's query from one cell.
// ---------------------------------------------------------------------------

struct Segment {
    Vec2 a, b;
    uint32_t unit;
};

double pointSegmentDistance(Vec2 p, const Segment& s) {
    const double dx = s.b.x - s.a.x, dy = s.b.y - s.a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - s.a.x) * dx + (p.y - s.a.y) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = s.a.x + t * dx - p.x, ey = s.a.y + t * dy - p.y;
    return std::sqrt(ex * ex + ey * ey);
}

// All boundary segments of one layer in a uniform grid. Each segment is
// registered in every cell its bounding box, grown by `reach`, touches, so a
// point query within `reach` reads exactly one cell. The cell size follows
// the segments (a few average lengths); the cells are a dense array when the
// layer's extent is compact, else only the occupied cells are kept (hashed),
// so one stray unit far away cannot make the index as big as the extent.
class SegmentGrid {
public:
    SegmentGrid(const Layer& layer, double reach) : m_reach(reach) {
        for (uint32_t u = 0; u < layer.units.size(); ++u)
            for (const auto& poly : layer.units[u].geometry.polygons)
                for (const auto& ring : poly.rings)
                    for (size_t i = 1; i < ring.size(); ++i)
                        if (ring[i - 1].x != ring[i].x || ring[i - 1].y != ring[i].y)
                            m_segments.push_back({ring[i - 1], ring[i], u});
        Box all;
        for (const auto& u : layer.units) all.extend(u.bounds);
        if (all.empty()) all = Box{0, 0, 0, 0};
        all = all.expanded(reach + 1.0);
        // Cells of a few segment lengths keep each cell's list short while
        // the dense grid stays small (a whole-country grid of 400 m cells
        // would cost more to clear than the matching itself).
        double total = 0;
        for (const auto& s : m_segments) total += std::hypot(s.b.x - s.a.x, s.b.y - s.a.y);
        const double avg = m_segments.empty() ? 1000.0 : total / double(m_segments.size());
        m_cell = std::max({2.0 * reach, 6.0 * avg, 250.0});
        m_x0 = all.minX;
        m_y0 = all.minY;
        const double nx = std::ceil((all.maxX - all.minX) / m_cell), ny = std::ceil((all.maxY - all.minY) / m_cell);
        const double denseLimit = std::max(65536.0, 8.0 * double(m_segments.size()));
        m_dense = nx * ny <= denseLimit;
        if (m_dense) {
            m_nx = std::max<int64_t>(1, int64_t(nx));
            m_ny = std::max<int64_t>(1, int64_t(ny));
        }
        // A rare segment much longer than a cell is kept aside and tested on
        // every query instead of being written into thousands of cells.
        std::vector<uint32_t> gridded;
        for (uint32_t i = 0; i < m_segments.size(); ++i) (cellCount(m_segments[i]) > kMaxCellsPerSegment ? m_long : gridded).push_back(i);
        // Cell lists as one array (CSR): m_start[slot]..m_start[slot + 1].
        size_t slots = m_dense ? size_t(m_nx * m_ny) : 0;
        if (!m_dense) {
            for (uint32_t i : gridded)
                forCells(m_segments[i], [&](int64_t cx, int64_t cy) { m_slots.try_emplace(key(cx, cy), uint32_t(m_slots.size())); });
            slots = m_slots.size();
        }
        m_start.assign(slots + 1, 0);
        for (uint32_t i : gridded) forCells(m_segments[i], [&](int64_t cx, int64_t cy) { ++m_start[slot(cx, cy) + 1]; });
        for (size_t c = 1; c < m_start.size(); ++c) m_start[c] += m_start[c - 1];
        m_items.resize(m_start.back());
        std::vector<uint32_t> fill(m_start.begin(), m_start.end() - 1);
        for (uint32_t i : gridded)
            forCells(m_segments[i], [&](int64_t cx, int64_t cy) { m_items[fill[slot(cx, cy)]++] = i; });
    }

    // Calls fn(segment) for every segment that may lie within `reach` of p.
    template <typename Fn>
    void near(Vec2 p, Fn&& fn) const {
        for (uint32_t i : m_long) {
            const Segment& s = m_segments[i];
            if (p.x >= std::min(s.a.x, s.b.x) - m_reach && p.x <= std::max(s.a.x, s.b.x) + m_reach &&
                p.y >= std::min(s.a.y, s.b.y) - m_reach && p.y <= std::max(s.a.y, s.b.y) + m_reach)
                fn(s);
        }
        const double fx = std::floor((p.x - m_x0) / m_cell), fy = std::floor((p.y - m_y0) / m_cell);
        if (!(fx >= 0 && fy >= 0)) return;
        size_t c;
        if (m_dense) {
            if (fx >= double(m_nx) || fy >= double(m_ny)) return;
            c = size_t(int64_t(fy) * m_nx + int64_t(fx));
        } else {
            if (fx > kMaxCell || fy > kMaxCell) return;
            const auto it = m_slots.find(key(int64_t(fx), int64_t(fy)));
            if (it == m_slots.end()) return;
            c = it->second;
        }
        for (uint32_t k = m_start[c]; k < m_start[c + 1]; ++k) fn(m_segments[m_items[k]]);
    }

private:
    static constexpr double kMaxCell = double(1 << 30);
    static constexpr double kMaxCellsPerSegment = 256;
    double cellCount(const Segment& s) const {
        const double w = (std::fabs(s.b.x - s.a.x) + 2 * m_reach) / m_cell + 1, h = (std::fabs(s.b.y - s.a.y) + 2 * m_reach) / m_cell + 1;
        return w * h;
    }
    static uint64_t key(int64_t cx, int64_t cy) { return (uint64_t(cy) << 32) | uint64_t(cx); }
    int64_t cell(double v, double origin, int64_t n) const {
        const double f = std::clamp(std::floor((v - origin) / m_cell), 0.0, m_dense ? double(n - 1) : kMaxCell);
        return int64_t(f);
    }
    size_t slot(int64_t cx, int64_t cy) const {
        return m_dense ? size_t(cy * m_nx + cx) : size_t(m_slots.at(key(cx, cy)));
    }
    template <typename Fn>
    void forCells(const Segment& s, Fn&& fn) const {
        const int64_t cx0 = cell(std::min(s.a.x, s.b.x) - m_reach, m_x0, m_nx), cx1 = cell(std::max(s.a.x, s.b.x) + m_reach, m_x0, m_nx);
        const int64_t cy0 = cell(std::min(s.a.y, s.b.y) - m_reach, m_y0, m_ny), cy1 = cell(std::max(s.a.y, s.b.y) + m_reach, m_y0, m_ny);
        for (int64_t cy = cy0; cy <= cy1; ++cy)
            for (int64_t cx = cx0; cx <= cx1; ++cx) fn(cx, cy);
    }

    double m_reach = 0, m_cell = 1, m_x0 = 0, m_y0 = 0;
    bool m_dense = true;
    int64_t m_nx = 1, m_ny = 1;
    std::vector<Segment> m_segments;
    std::unordered_map<uint64_t, uint32_t> m_slots;  // sparse: occupied cell -> slot
    std::vector<uint32_t> m_long;                    // segments spanning too many cells
    std::vector<uint32_t> m_start, m_items;
};

// Ellipsoidal length of a short piece from its planar length: divide by the
// projection's point scale factor, which in a conic depends on latitude
// alone (tabulated along the central meridian, 5 km steps).
class ScaleTable {
public:
    ScaleTable() {
        const WorkingCrs& crs = threadCrs();
        for (int i = 0; i < kN; ++i) {
            const double y = kY0 + i * kStep;
            m_k[i] = crs.scaleFactor(crs.inverse({0.0, y}).lat);
        }
    }
    double at(double y) const {
        const double f = std::clamp((y - kY0) / kStep, 0.0, double(kN - 1) - 1e-9);
        const int i = int(f);
        return m_k[i] + (m_k[i + 1] - m_k[i]) * (f - i);
    }

private:
    static constexpr double kY0 = -2000e3, kStep = 5e3;
    static constexpr int kN = 1000;  // -2000 km .. +3000 km
    double m_k[kN];
};

const ScaleTable& scaleTable() {
    static const ScaleTable t;
    return t;
}

struct PairKey {
    uint32_t a, b;
    bool operator<(const PairKey& o) const { return a != o.a ? a < o.a : b < o.b; }
};

struct PairAccum {
    double lengthM = 0.0;
    std::vector<std::pair<double, double>> gaps;  // (gap m, weight m)
    std::vector<LineString> lines;
};

// Assigns A's boundary pieces to the nearest unit of B within `tol`.
// `skip(unitA, pieceIndex)` excludes pieces (A's internal edges when matching
// across the border). sameLayer excludes a unit matching itself.
struct Assignment {
    std::map<PairKey, PairAccum> pairs;
};

// Arc-length parametrisation of a closed ring, for the local direction of
// the line around a point (a chord of +-w metres, wrapping around).
class RingWalker {
public:
    explicit RingWalker(const Ring& r) : m_ring(r), m_cum(r.size(), 0.0) {
        for (size_t i = 1; i < r.size(); ++i) m_cum[i] = m_cum[i - 1] + std::hypot(r[i].x - r[i - 1].x, r[i].y - r[i - 1].y);
    }
    double length() const { return m_cum.empty() ? 0.0 : m_cum.back(); }
    Vec2 at(double s) const {
        const double len = length();
        if (len <= 0) return m_ring.front();
        s = std::fmod(s, len);
        if (s < 0) s += len;
        const size_t i = size_t(std::upper_bound(m_cum.begin(), m_cum.end(), s) - m_cum.begin());
        if (i >= m_ring.size()) return m_ring.back();
        const double seg = m_cum[i] - m_cum[i - 1];
        const double t = seg > 0 ? (s - m_cum[i - 1]) / seg : 0.0;
        return {m_ring[i - 1].x + (m_ring[i].x - m_ring[i - 1].x) * t, m_ring[i - 1].y + (m_ring[i].y - m_ring[i - 1].y) * t};
    }
    double cumAt(size_t vertex) const { return m_cum[vertex]; }

private:
    const Ring& m_ring;
    std::vector<double> m_cum;
};

// |cos| of the angle between two directions.
double absCos(Vec2 u, Vec2 v) {
    const double nu = std::hypot(u.x, u.y), nv = std::hypot(v.x, v.y);
    if (nu <= 0 || nv <= 0) return 1.0;
    return std::fabs(u.x * v.x + u.y * v.y) / (nu * nv);
}

void assignPieces(const Layer& a, const SegmentGrid& gridB, double tol, bool sameLayer, double maxPiece,
                  const std::vector<std::vector<char>>* internalA, uint32_t begin, uint32_t end, Assignment& out) {
    const ScaleTable& k = scaleTable();
    struct Best { uint32_t unit; double dist; };
    // Across sources, a stretch of boundary runs *along* the other unit's
    // boundary: pieces are matched only to segments within 60 degrees of the
    // line's local direction (a chord of +-window metres, which smooths
    // detailed digitising against coarse), so a boundary that leaves the
    // border at a right angle is not counted for the tolerance's length.
    const bool checkDirection = tol > 4 * kDefaultDomesticToleranceM;
    const double window = std::min(tol / 4, 250.0);
    constexpr double kMinCos = 0.5;
    constexpr double kMaxOvershootM = 60.0;
    for (uint32_t ua = begin; ua < end; ++ua) {
        const AdminUnit& unit = a.units[ua];
        size_t segIndex = 0;
        for (const auto& poly : unit.geometry.polygons)
            for (const auto& ring : poly.rings) {
                const RingWalker walker(ring);
                uint32_t runUnit = UINT32_MAX;  // current line being extended
                LineString* runLine = nullptr;
                for (size_t i = 1; i < ring.size(); ++i) {
                    const Vec2 p0 = ring[i - 1], p1 = ring[i];
                    if (p0.x == p1.x && p0.y == p1.y) continue;
                    const bool skip = internalA && (*internalA)[ua][segIndex];
                    ++segIndex;
                    if (skip) { runUnit = UINT32_MAX; continue; }
                    const double len = std::hypot(p1.x - p0.x, p1.y - p0.y);
                    const int pieces = std::max(1, int(std::ceil(len / maxPiece)));
                    for (int s = 0; s < pieces; ++s) {
                        const double t0 = double(s) / pieces, t1 = double(s + 1) / pieces;
                        const Vec2 q0{p0.x + (p1.x - p0.x) * t0, p0.y + (p1.y - p0.y) * t0};
                        const Vec2 q1{p0.x + (p1.x - p0.x) * t1, p0.y + (p1.y - p0.y) * t1};
                        const Vec2 mid{(q0.x + q1.x) / 2, (q0.y + q1.y) / 2};
                        Best best{UINT32_MAX, tol};
                        Vec2 dir{q1.x - q0.x, q1.y - q0.y};
                        if (checkDirection) {
                            const double sMid = walker.cumAt(i - 1) + len * (t0 + t1) / 2;
                            const Vec2 c0 = walker.at(sMid - window), c1 = walker.at(sMid + window);
                            if (c0.x != c1.x || c0.y != c1.y) dir = {c1.x - c0.x, c1.y - c0.y};
                        }
                        gridB.near(mid, [&](const Segment& sb) {
                            if (sameLayer && sb.unit == ua) return;
                            if (checkDirection) {
                                const Vec2 sd{sb.b.x - sb.a.x, sb.b.y - sb.a.y};
                                if (absCos(dir, sd) < kMinCos) return;
                                // The foot of the perpendicular must fall on the
                                // segment (or just past a vertex): a line that
                                // merely continues beyond B's end is not along it.
                                const double sl = std::hypot(sd.x, sd.y);
                                const double along = ((mid.x - sb.a.x) * sd.x + (mid.y - sb.a.y) * sd.y) / sl;
                                if (along < -kMaxOvershootM || along > sl + kMaxOvershootM) return;
                            }
                            const double d = pointSegmentDistance(mid, sb);
                            if (d <= best.dist && (d < best.dist || sb.unit < best.unit)) best = {sb.unit, d};
                        });
                        if (best.unit == UINT32_MAX) { runUnit = UINT32_MAX; continue; }
                        const double geodesic = (len / pieces) / k.at(mid.y);
                        PairAccum& acc = out.pairs[{ua, best.unit}];
                        acc.lengthM += geodesic;
                        acc.gaps.push_back({best.dist, geodesic});
                        if (runUnit == best.unit && runLine && runLine->back().x == q0.x && runLine->back().y == q0.y) {
                            runLine->push_back(q1);
                        } else {
                            acc.lines.push_back({q0, q1});
                            runLine = &acc.lines.back();
                            runUnit = best.unit;
                        }
                    }
                }
            }
    }
}

Assignment assignParallel(const Layer& a, const SegmentGrid& gridB, double tol, bool sameLayer, double maxPiece,
                          const std::vector<std::vector<char>>* internalA, unsigned threads,
                          const std::function<void(size_t, size_t)>& progress) {
    const uint32_t n = uint32_t(a.units.size());
    threads = std::max(1u, std::min<unsigned>(threads, n));
    // Interleaved chunks balance large and small units.
    constexpr uint32_t kChunk = 16;
    std::atomic<uint32_t> next{0};
    std::atomic<size_t> done{0};
    std::vector<Assignment> parts(threads);
    std::mutex progressMutex;
    auto work = [&](unsigned t) {
        for (uint32_t c; (c = next.fetch_add(kChunk)) < n;) {
            assignPieces(a, gridB, tol, sameLayer, maxPiece, internalA, c, std::min(n, c + kChunk), parts[t]);
            const size_t d = done += std::min(n, c + kChunk) - c;
            if (progress) { std::lock_guard lock(progressMutex); progress(d, n); }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
    Assignment merged = std::move(parts[0]);
    for (unsigned t = 1; t < threads; ++t)
        for (auto& [key, acc] : parts[t].pairs) merged.pairs[key] = std::move(acc);  // disjoint unit ranges
    return merged;
}

// For every unit, which of its boundary segments it shares with another
// unit of the same layer (within kDefaultDomesticToleranceM).
std::vector<std::vector<char>> internalEdges(const Layer& layer, unsigned threads) {
    const SegmentGrid grid(layer, kDefaultDomesticToleranceM);
    std::vector<std::vector<char>> flags(layer.units.size());
    std::atomic<uint32_t> next{0};
    auto work = [&] {
        for (uint32_t u; (u = next++) < layer.units.size();) {
            auto& f = flags[u];
            for (const auto& poly : layer.units[u].geometry.polygons)
                for (const auto& ring : poly.rings)
                    for (size_t i = 1; i < ring.size(); ++i) {
                        const Vec2 p0 = ring[i - 1], p1 = ring[i];
                        if (p0.x == p1.x && p0.y == p1.y) continue;
                        const Vec2 mid{(p0.x + p1.x) / 2, (p0.y + p1.y) / 2};
                        bool shared = false;
                        grid.near(mid, [&](const Segment& s) {
                            if (!shared && s.unit != u && pointSegmentDistance(mid, s) <= kDefaultDomesticToleranceM)
                                shared = true;
                        });
                        f.push_back(shared);
                    }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& th : pool) th.join();
    return flags;
}

std::pair<double, double> gapStats(std::vector<std::pair<double, double>>& gaps) {
    if (gaps.empty()) return {0, 0};
    std::sort(gaps.begin(), gaps.end());
    double total = 0;
    for (const auto& g : gaps) total += g.second;
    double acc = 0, median = gaps.back().first;
    for (const auto& g : gaps) {
        acc += g.second;
        if (acc >= total / 2) { median = g.first; break; }
    }
    return {median, gaps.back().first};
}

// Point contacts: candidate pairs (GEOS STR-tree over envelopes grown by the
// tolerance) whose geometries come within the tolerance (prepared geometry
// test) but share no stretch of boundary.
void addPointContacts(const Layer& a, const Layer& b, bool same, double tol, AdjacencyKind kind,
                      std::vector<SharedBorder>& out) {
    using namespace geos;
    GEOSSTRtree* tree = GEOSSTRtree_create_r(ctx(), 10);
    std::vector<GeomPtr> envelopes;
    for (size_t i = 0; i < b.units.size(); ++i) {
        const Box e = b.units[i].bounds.expanded(tol);
        envelopes.push_back(toGeos(MultiPolygon{{Polygon{{Ring{{e.minX, e.minY}, {e.maxX, e.minY}, {e.maxX, e.maxY},
                                                                 {e.minX, e.maxY}, {e.minX, e.minY}}}}}}));
        GEOSSTRtree_insert_r(ctx(), tree, envelopes.back().get(), reinterpret_cast<void*>(i));
    }
    std::vector<GeomPtr> geomsB(b.units.size());
    for (size_t ia = 0; ia < a.units.size(); ++ia) {
        const AdminUnit& ua = a.units[ia];
        GeomPtr ga = toGeos(ua.geometry);
        PreparedPtr pa(GEOSPrepare_r(ctx(), ga.get()));
        std::vector<size_t> hits;
        auto cb = [](void* item, void* user) { static_cast<std::vector<size_t>*>(user)->push_back(size_t(item)); };
        const Box e = ua.bounds;
        GeomPtr query = toGeos(MultiPolygon{{Polygon{{Ring{
            {e.minX, e.minY}, {e.maxX, e.minY}, {e.maxX, e.maxY}, {e.minX, e.maxY}, {e.minX, e.minY}}}}}});
        GEOSSTRtree_query_r(ctx(), tree, query.get(), cb, &hits);
        for (size_t ib : hits) {
            if (same && ib <= ia) continue;
            const AdminUnit* ub = &b.units[ib];
            const bool known = std::any_of(out.begin(), out.end(), [&](const SharedBorder& s) {
                return (s.a == &ua && s.b == ub) || (s.a == ub && s.b == &ua);
            });
            if (known) continue;
            if (!geomsB[ib]) geomsB[ib] = toGeos(ub->geometry);
            if (GEOSPreparedDistanceWithin_r(ctx(), pa.get(), geomsB[ib].get(), tol) == 1)
                out.push_back({&a, &ua, &b, ub, kind, 0.0, 0.0, 0.0, 0.0, {}});
        }
    }
    GEOSSTRtree_destroy_r(ctx(), tree);
}

}  // namespace

double shownKm(const SharedBorder& s) {
    if (s.sharedKm > 0 && s.sharedKmB > 0) return (s.sharedKm + s.sharedKmB) / 2;
    return std::max(s.sharedKm, s.sharedKmB);
}

double effectiveToleranceM(const Layer& a, const Layer& b, const AdjacencyOptions& opt) {
    if (opt.toleranceM >= 0) return opt.toleranceM;
    return a.spec.country == b.spec.country ? kDefaultDomesticToleranceM : kDefaultInternationalToleranceM;
}

std::vector<SharedBorder> computeAdjacency(const Layer& a, const Layer& b, const AdjacencyOptions& opt) {
    const bool same = &a == &b;
    const AdjacencyKind kind = a.spec.country == b.spec.country ? AdjacencyKind::Domestic : AdjacencyKind::International;
    const double tol = effectiveToleranceM(a, b, opt);
    const unsigned threads = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
    // Pieces no longer than half the tolerance (and at most 250 m) so that a
    // junction is placed within that distance.
    const double maxPiece = std::clamp(tol / 2, 25.0, 250.0);

    std::vector<SharedBorder> out;
    auto finish = [&](const Layer& la, const Layer& lb, Assignment& ab, Assignment* ba) {
        // Merge the two directions into unordered pairs.
        std::map<PairKey, SharedBorder> pairs;
        for (auto& [key, acc] : ab.pairs) {
            // Within one layer both units see the shared edge: the lower
            // index's side is sharedKm (with the segments), the other's sharedKmB.
            const bool swap = same && key.b < key.a;
            const PairKey k = swap ? PairKey{key.b, key.a} : key;
            SharedBorder& s = pairs[k];
            s.layerA = &la; s.a = &la.units[k.a];
            s.layerB = &lb; s.b = &lb.units[k.b];
            s.kind = kind;
            if (swap) {
                s.sharedKmB += acc.lengthM / 1000.0;
                continue;
            }
            s.sharedKm += acc.lengthM / 1000.0;
            std::tie(s.medianGapM, s.maxGapM) = gapStats(acc.gaps);
            s.segments = std::move(acc.lines);
        }
        if (ba)
            for (auto& [key, acc] : ba->pairs) {
                auto it = pairs.find({key.b, key.a});
                if (it != pairs.end()) { it->second.sharedKmB += acc.lengthM / 1000.0; continue; }
                SharedBorder s;  // seen from B's side only: A's line lies farther
                s.layerA = &la; s.a = &la.units[key.b];
                s.layerB = &lb; s.b = &lb.units[key.a];
                s.kind = kind;
                s.sharedKmB = acc.lengthM / 1000.0;
                pairs[{key.b, key.a}] = std::move(s);
            }
        for (auto& [key, s] : pairs) {
            const double shared = std::max(s.sharedKm, s.sharedKmB);
            // Shorter than the corridor half-width: indistinguishable from a
            // corner contact at this tolerance.
            if (shared * 1000.0 < std::max(tol, 1.0) && !opt.includePointContacts) continue;
            if (shownKm(s) < opt.minSharedKm) continue;
            out.push_back(std::move(s));
        }
    };

    if (same) {
        const SegmentGrid grid(a, tol);
        Assignment ab = assignParallel(a, grid, tol, true, tol < 50 ? 1e12 : maxPiece, nullptr, threads, opt.progress);
        finish(a, a, ab, nullptr);
    } else {
        // Across layers: only boundary that is not shared within its own
        // layer can face the other layer (A's national border, not its
        // internal district lines meeting it).
        const auto internalA = internalEdges(a, threads);
        const auto internalB = internalEdges(b, threads);
        const SegmentGrid gridB(b, tol), gridA(a, tol);
        Assignment ab = assignParallel(a, gridB, tol, false, maxPiece, kind == AdjacencyKind::International ? &internalA : nullptr,
                                       threads, opt.progress);
        Assignment ba = assignParallel(b, gridA, tol, false, maxPiece, kind == AdjacencyKind::International ? &internalB : nullptr,
                                       threads, nullptr);
        finish(a, b, ab, &ba);
    }
    if (opt.includePointContacts) addPointContacts(a, b, same, std::max(tol, 1e-6), kind, out);
    std::sort(out.begin(), out.end(), [](const SharedBorder& x, const SharedBorder& y) {
        const double kx = shownKm(x), ky = shownKm(y);
        if (kx != ky) return kx > ky;
        return x.a->id + x.b->id < y.a->id + y.b->id;
    });
    return out;
}

}  // namespace bl
