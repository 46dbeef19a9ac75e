// The workspace layout at every window size: inside the window, no overlaps,
// the map keeps half the width, the user's widths kept when they fit.
#include <catch2/catch.hpp>

#include "ui/workspace_layout.hpp"

using namespace bl::ui;

namespace {

bool overlap(const Rect& a, const Rect& b) {
    if (a.w <= 0 || a.h <= 0 || b.w <= 0 || b.h <= 0) return false;
    return a.x < b.right() - 0.01f && b.x < a.right() - 0.01f && a.y < b.bottom() - 0.01f && b.y < a.bottom() - 0.01f;
}

}  // namespace

TEST_CASE("workspace layout: the parts tile the window without overlapping at any size", "[ui][layout]") {
    for (float w : {200.f, 480.f, 800.f, 1100.f, 1280.f, 1600.f, 2560.f, 3840.f})
        for (float h : {150.f, 400.f, 700.f, 1000.f, 2160.f})
            for (bool left : {true, false})
                for (bool right : {true, false}) {
                    LayoutWishes wishes;
                    wishes.sidebarShown = left;
                    wishes.inspectorShown = right;
                    wishes.sidebarWidth = 900;  // wider than most windows allow
                    const WorkspaceLayout l = layoutWorkspace(w, h, wishes);
                    INFO(w << "x" << h << " left " << left << " right " << right);
                    const auto parts = partsOf(l);
                    for (size_t i = 0; i < parts.size(); ++i) {
                        const Rect& r = parts[i];
                        CHECK(r.x >= 0);
                        CHECK(r.y >= 0);
                        CHECK(r.right() <= w + 0.01f);
                        CHECK(r.bottom() <= h + 0.01f);
                        for (size_t k = i + 1; k < parts.size(); ++k) CHECK_FALSE(overlap(r, parts[k]));
                    }
                    CHECK(l.map.w >= w / 2 - 1);
                    CHECK(l.map.h > 0);
                    CHECK((l.sidebar.w > 0) == left);
                    CHECK((l.inspector.w > 0) == right);
                }
}

TEST_CASE("workspace layout: widths the user dragged are kept while they fit and narrowed when not", "[ui][layout]") {
    LayoutWishes wishes;
    wishes.sidebarWidth = 400;
    wishes.inspectorWidth = 300;
    const WorkspaceLayout wide = layoutWorkspace(1600, 1000, wishes);
    CHECK(wide.sidebar.w == Approx(400));
    CHECK(wide.inspector.w == Approx(300));
    CHECK(wide.map.x == Approx(400 + wide.splitter));
    CHECK(wide.map.right() == Approx(1600 - 300 - wide.splitter));
    // 1100 wide: 700 + gaps is more than half; the inspector gives way to
    // its minimum first, then the sidebar.
    const WorkspaceLayout narrow = layoutWorkspace(1100, 700, wishes);
    CHECK(narrow.sidebar.w + narrow.inspector.w == Approx(1100.0f / 2 - 2 * narrow.splitter));
    CHECK(narrow.inspector.w == Approx(kMinPanelWidth));
    CHECK(narrow.sidebar.w == Approx(1100.0f / 2 - 2 * narrow.splitter - kMinPanelWidth));
    // With the defaults only the inspector narrows at 1100: the sidebar keeps its 340.
    const WorkspaceLayout defaults = layoutWorkspace(1100, 700, LayoutWishes{});
    CHECK(defaults.sidebar.w == Approx(340));
    CHECK(defaults.inspector.w < 320);
    // Hiding the inspector gives the map its width.
    wishes.inspectorShown = false;
    const WorkspaceLayout noInspector = layoutWorkspace(1600, 1000, wishes);
    CHECK(noInspector.map.right() == Approx(1600));
}
