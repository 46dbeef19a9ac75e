#pragma once
// The viewer's one layout, in ImGui points: a toolbar across the top, the
// sidebar (tabs) on the left, the inspector on the right, a status bar at
// the bottom, and the map in the rectangle left between them. Pure
// arithmetic, so it is tested at every window size: the parts never overlap
// and never leave the window, and the map keeps at least half the width.
#include <vector>

namespace bl::ui {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

struct WorkspaceLayout {
    Rect toolbar, sidebar, inspector, status, map;
    float splitter = 0;  // width of the draggable gap between a panel and the map
};

struct LayoutWishes {
    float sidebarWidth = 340, inspectorWidth = 320;  // what the user dragged them to
    float toolbarHeight = 34, statusHeight = 26, splitter = 6;
    bool sidebarShown = true, inspectorShown = true;
};

// The layout of a `width` x `height` window. Panel widths are narrowed (the
// inspector first, then the sidebar) when the map would get less than half
// the width, and
// never below kMinPanelWidth unless the window itself is that narrow.
inline constexpr float kMinPanelWidth = 160.0f;
WorkspaceLayout layoutWorkspace(float width, float height, const LayoutWishes& wishes);

// The rectangles of a layout, in one list (for tests and the UI-state dump).
std::vector<Rect> partsOf(const WorkspaceLayout& layout);

}  // namespace bl::ui
