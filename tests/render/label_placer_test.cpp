#include <catch2/catch.hpp>

#include "render/label_placer.hpp"

using namespace bl;
using namespace bl::render;

namespace {
bool overlap(const Box& a, const Box& b) {
    return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}
}  // namespace

TEST_CASE("placeLabels never keeps overlapping labels and prefers priority, then weight", "[render][labels]") {
    std::vector<LabelCandidate> c = {
        {{10, 10, 110, 30}, 3, 5.0},     // district, overlaps the province below
        {{50, 15, 150, 35}, 2, 1.0},     // province: wins despite its lower weight
        {{200, 10, 260, 30}, 3, 1.0},    // free
        {{205, 12, 250, 28}, 3, 9.0},    // same priority, heavier: wins over the one above
        {{590, 10, 700, 30}, 2, 1.0},    // crosses the viewport edge
        {{300, 100, 350, 120}, 1, 1.0},  // under an obstacle
    };
    const std::vector<Box> obstacles = {{290, 90, 400, 130}};
    const auto kept = placeLabels(c, obstacles, 640, 480, 2.0);
    CHECK(kept == std::vector<size_t>{1, 3});
    for (size_t i = 0; i < kept.size(); ++i)
        for (size_t j = i + 1; j < kept.size(); ++j) CHECK_FALSE(overlap(c[kept[i]].box, c[kept[j]].box));
}

TEST_CASE("placeLabels keeps at most one position of a label and falls back to alternatives", "[render][labels]") {
    std::vector<LabelCandidate> c = {
        {{0, 0, 100, 20}, 2, 9.0, -1},
        {{50, 5, 150, 25}, 3, 1.0, 7},    // first choice collides
        {{50, 40, 150, 60}, 3, 1.0, 7},   // second choice is free
        {{50, 80, 150, 100}, 3, 1.0, 7},  // third choice is free too, but the group is placed
    };
    CHECK(placeLabels(c, {}, 640, 480) == std::vector<size_t>{0, 2});
}

TEST_CASE("placeLabels on a dense random field leaves no overlaps", "[render][labels]") {
    std::vector<LabelCandidate> c;
    unsigned seed = 12345;
    auto rnd = [&] {
        seed = seed * 1103515245u + 12345u;
        return double((seed >> 8) % 10000) / 10000.0;
    };
    for (int i = 0; i < 2000; ++i) {
        const double x = rnd() * 1500, y = rnd() * 950, w = 30 + rnd() * 90;
        c.push_back({{x, y, x + w, y + 16}, int(rnd() * 3), rnd()});
    }
    const auto kept = placeLabels(c, {}, 1600, 1000, 3.0);
    REQUIRE(kept.size() > 100);
    for (size_t i = 0; i < kept.size(); ++i)
        for (size_t j = i + 1; j < kept.size(); ++j)
            REQUIRE_FALSE(overlap(c[kept[i]].box.expanded(1.5), c[kept[j]].box.expanded(1.5)));
}
