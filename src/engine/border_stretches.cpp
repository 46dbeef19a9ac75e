// The Viet Nam–Laos border as drawn: the stretches of the Lao outline that
// run along the Vietnamese provinces' boundaries (see border_stretches.hpp).
#include "engine/border_stretches.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace bl::engine {

namespace {

bool samePoint(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }

uint64_t cellKey(long ix, long iy) { return uint64_t(uint32_t(int32_t(ix))) << 32 | uint32_t(int32_t(iy)); }

double segmentDistance(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// Per vertex of `lines`, the distance to the nearest segment of `along`'s
// rings, or infinity beyond `reach`. The segments are put in a grid of
// cells `reach` wide, and only into cells next to some vertex: the
// Vietnamese provinces hold far more vertices than the few near Laos.
std::vector<std::vector<double>> distancesTo(const std::vector<LineString>& lines,
                                             const std::vector<const MultiPolygon*>& along, double reach) {
    auto cellOf = [&](double v) { return long(std::floor(v / reach)); };
    std::unordered_set<uint64_t> wanted;
    Box area;
    for (const auto& line : lines)
        for (const Vec2& p : line) {
            area.extend(p);
            for (long dy = -1; dy <= 1; ++dy)
                for (long dx = -1; dx <= 1; ++dx) wanted.insert(cellKey(cellOf(p.x) + dx, cellOf(p.y) + dy));
        }
    const Box reachable = area.expanded(reach);
    std::unordered_map<uint64_t, std::vector<std::pair<Vec2, Vec2>>> grid;
    for (const MultiPolygon* mp : along)
        for (const auto& poly : mp->polygons)
            for (const auto& ring : poly.rings)
                for (size_t i = 1; i < ring.size(); ++i) {
                    const Vec2 a = ring[i - 1], b = ring[i];
                    const Box sb{
                        std::max(std::min(a.x, b.x), reachable.minX), std::max(std::min(a.y, b.y), reachable.minY),
                        std::min(std::max(a.x, b.x), reachable.maxX), std::min(std::max(a.y, b.y), reachable.maxY)};
                    if (sb.empty() || sb.minY > sb.maxY) continue;
                    for (long iy = cellOf(sb.minY); iy <= cellOf(sb.maxY); ++iy)
                        for (long ix = cellOf(sb.minX); ix <= cellOf(sb.maxX); ++ix)
                            if (wanted.count(cellKey(ix, iy))) grid[cellKey(ix, iy)].emplace_back(a, b);
                }
    std::vector<std::vector<double>> out;
    for (const auto& line : lines) {
        std::vector<double> d(line.size(), std::numeric_limits<double>::infinity());
        for (size_t i = 0; i < line.size(); ++i) {
            const Vec2 p = line[i];
            for (long dy = -1; dy <= 1; ++dy)
                for (long dx = -1; dx <= 1; ++dx) {
                    auto it = grid.find(cellKey(cellOf(p.x) + dx, cellOf(p.y) + dy));
                    if (it == grid.end()) continue;
                    for (const auto& [a, b] : it->second) d[i] = std::min(d[i], segmentDistance(p, a, b));
                }
            if (d[i] > reach) d[i] = std::numeric_limits<double>::infinity();
        }
        out.push_back(std::move(d));
    }
    return out;
}

// Runs [first, last] of consecutive vertices within `nearM`, in the order
// j = 0..n-1 of the vertices at(j); runs apart by a departure that stays
// within `bridgeM` are one run.
template <typename At>
std::vector<std::pair<size_t, size_t>> nearRuns(size_t n, At at, const std::vector<double>& d, double nearM,
                                                double bridgeM) {
    std::vector<std::pair<size_t, size_t>> runs;
    for (size_t j = 0; j < n;) {
        if (d[at(j)] > nearM) {
            ++j;
            continue;
        }
        const size_t first = j;
        while (j < n && d[at(j)] <= nearM) ++j;
        double departure = 0;
        if (!runs.empty())
            for (size_t k = runs.back().second + 1; k < first; ++k) departure = std::max(departure, d[at(k)]);
        if (!runs.empty() && departure <= bridgeM)
            runs.back().second = j - 1;
        else
            runs.emplace_back(first, j - 1);
    }
    return runs;
}

}  // namespace

std::vector<LineString> stretchesAlong(const std::vector<LineString>& input,
                                       const std::vector<const MultiPolygon*>& along, double nearM, double bridgeM,
                                       std::vector<std::vector<double>>* gaps) {
    // Vertices at most nearM / 2 apart, so a stretch ends within that of
    // where the line leaves the other side (a long segment is not all or nothing).
    std::vector<LineString> lines;
    for (const LineString& in : input) {
        LineString line;
        for (size_t i = 0; i < in.size(); ++i) {
            if (i > 0) {
                const Vec2 a = in[i - 1], b = in[i];
                const int steps = int(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / (nearM / 2)));
                for (int k = 1; k < steps; ++k)
                    line.push_back({a.x + (b.x - a.x) * k / steps, a.y + (b.y - a.y) * k / steps});
            }
            line.push_back(in[i]);
        }
        lines.push_back(std::move(line));
    }
    const std::vector<std::vector<double>> dist = distancesTo(lines, along, std::max(nearM, bridgeM));
    std::vector<LineString> out;
    for (size_t k = 0; k < lines.size(); ++k) {
        const LineString& line = lines[k];
        const std::vector<double>& d = dist[k];
        if (line.size() < 2) continue;
        const bool closed = line.size() > 3 && samePoint(line.front(), line.back());
        const size_t n = closed ? line.size() - 1 : line.size();
        // A closed line is walked from a vertex off the stretches, so none is cut at its start.
        size_t start = 0;
        if (closed) {
            while (start < n && d[start] <= nearM) ++start;
            if (start == n) {
                out.push_back(line);
                if (gaps) gaps->push_back(d);
                continue;
            }
        }
        auto at = [&](size_t j) { return (start + j) % n; };
        std::vector<std::pair<size_t, size_t>> runs = nearRuns(n, at, d, nearM, bridgeM);
        if (closed && !runs.empty()) {
            // The departure across the start: bridged, it joins the last run to the first.
            double departure = 0;
            for (size_t j = runs.back().second + 1; j < n + runs.front().first; ++j)
                departure = std::max(departure, d[at(j)]);
            if (departure <= bridgeM) {
                if (runs.size() == 1) {
                    out.push_back(line);
                    if (gaps) gaps->push_back(d);
                    continue;
                }
                runs.front() = {runs.back().first, runs.front().second + n};
                runs.pop_back();
            }
        }
        for (const auto& [first, last] : runs) {
            if (last == first) continue;  // a single vertex: a touch, not a stretch
            LineString stretch;
            std::vector<double> gap;
            for (size_t j = first; j <= last; ++j) {
                stretch.push_back(line[at(j)]);
                gap.push_back(d[at(j)]);
            }
            out.push_back(std::move(stretch));
            if (gaps) gaps->push_back(std::move(gap));
        }
    }
    return out;
}

}  // namespace bl::engine
