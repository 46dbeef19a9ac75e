#include "render/label_placer.hpp"

#include <algorithm>
#include <numeric>

namespace bl::render {

std::vector<size_t> placeLabels(const std::vector<LabelCandidate>& c, const std::vector<Box>& obstacles, double w,
                                double h, double pad) {
    std::vector<size_t> order(c.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (c[a].priority != c[b].priority) return c[a].priority < c[b].priority;
        return c[a].weight > c[b].weight;
    });
    // A coarse grid of kept boxes keeps this linear in practice.
    constexpr double cell = 64.0;
    const int gw = std::max(1, int(w / cell) + 1), gh = std::max(1, int(h / cell) + 1);
    std::vector<std::vector<Box>> grid(size_t(gw) * gh);
    auto cells = [&](const Box& b, auto&& fn) {
        const int x0 = std::clamp(int(b.minX / cell), 0, gw - 1), x1 = std::clamp(int(b.maxX / cell), 0, gw - 1);
        const int y0 = std::clamp(int(b.minY / cell), 0, gh - 1), y1 = std::clamp(int(b.maxY / cell), 0, gh - 1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                if (fn(grid[size_t(y) * gw + x])) return true;
        return false;
    };
    auto strictlyOverlap = [](const Box& a, const Box& b) {
        return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
    };
    for (const Box& o : obstacles)
        cells(o, [&](auto& v) {
            v.push_back(o);
            return false;
        });
    std::vector<size_t> kept;
    std::vector<long> placedGroups;
    for (size_t i : order) {
        const Box& b = c[i].box;
        if (c[i].group >= 0 && std::find(placedGroups.begin(), placedGroups.end(), c[i].group) != placedGroups.end())
            continue;
        if (b.minX < 0 || b.minY < 0 || b.maxX > w || b.maxY > h) continue;
        const Box padded = b.expanded(pad);
        const bool hit = cells(padded, [&](auto& v) {
            return std::any_of(v.begin(), v.end(), [&](const Box& k) { return strictlyOverlap(padded, k); });
        });
        if (hit) continue;
        cells(b, [&](auto& v) {
            v.push_back(b);
            return false;
        });
        kept.push_back(i);
        if (c[i].group >= 0) placedGroups.push_back(c[i].group);
    }
    return kept;
}

}  // namespace bl::render
