#include <catch2/catch.hpp>

#include "ui/view_history.hpp"

using namespace bl::ui;

TEST_CASE("view history goes back and forward like a browser and drops the steps ahead", "[ui][history]") {
    ViewHistory h;
    CHECK_FALSE(h.back());
    const MapView a{0, 0, 100, "2025"}, b{1000, 0, 50, "2025"}, c{2000, 0, 50, "2023"}, d{0, 5000, 10, "2023"};
    h.visit(a);
    h.visit(a);  // the same view again is no step
    CHECK(h.size() == 1);
    h.visit(b);
    h.visit(c);
    CHECK(h.canGoBack());
    CHECK_FALSE(h.canGoForward());
    CHECK(*h.back() == b);
    CHECK(*h.back() == a);
    CHECK_FALSE(h.back());
    CHECK(*h.forward() == b);
    h.visit(d);  // somewhere new after going back: c is gone
    CHECK(h.size() == 3);
    CHECK_FALSE(h.forward());
    CHECK(*h.back() == b);
    for (int i = 0; i < 300; ++i) h.visit({double(i), 0, 1, "2025"});
    CHECK(h.size() == ViewHistory::kMaxSteps);
}
