#include "ui/workspace_layout.hpp"

#include <algorithm>

namespace bl::ui {

WorkspaceLayout layoutWorkspace(float width, float height, const LayoutWishes& w) {
    WorkspaceLayout l;
    width = std::max(width, 1.0f);
    height = std::max(height, 1.0f);
    const float bar = std::min(w.toolbarHeight, height / 4);
    const float status = std::min(w.statusHeight, height / 4);
    l.toolbar = {0, 0, width, bar};
    l.status = {0, height - status, width, status};
    const float top = bar, middle = std::max(0.0f, height - bar - status);

    float left = w.sidebarShown ? std::max(w.sidebarWidth, kMinPanelWidth) : 0.0f;
    float right = w.inspectorShown ? std::max(w.inspectorWidth, kMinPanelWidth) : 0.0f;
    l.splitter = std::min(w.splitter, width / 50);
    const float gaps = (left > 0) * l.splitter + (right > 0) * l.splitter;
    // The panels may take at most half the width. The inspector gives way
    // first (the sidebar's six tabs need their room), then the sidebar, not
    // below the minimum while the window allows it.
    const float panelsMax = std::max(0.0f, width / 2 - gaps);
    if (left + right > panelsMax && left + right > 0) {
        const float floor = std::min(kMinPanelWidth, panelsMax / ((left > 0) + (right > 0)));
        if (right > 0) right = std::max(floor, panelsMax - left);
        if (left > 0 && left + right > panelsMax) left = std::max(floor, panelsMax - right);
        if (left + right > panelsMax) {  // the floor pushed past the budget: share it equally
            const float each = panelsMax / ((left > 0) + (right > 0));
            left = left > 0 ? each : 0.0f;
            right = right > 0 ? each : 0.0f;
        }
    }
    l.sidebar = {0, top, left, middle};
    l.inspector = {width - right, top, right, middle};
    const float mapX = left + (left > 0) * l.splitter;
    const float mapRight = width - right - (right > 0) * l.splitter;
    l.map = {mapX, top, std::max(0.0f, mapRight - mapX), middle};
    return l;
}

std::vector<Rect> partsOf(const WorkspaceLayout& l) { return {l.toolbar, l.sidebar, l.inspector, l.status, l.map}; }

}  // namespace bl::ui
