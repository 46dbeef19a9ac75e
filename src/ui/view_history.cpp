#include "ui/view_history.hpp"

namespace bl::ui {

void ViewHistory::visit(const MapView& view) {
    if (!m_views.empty() && m_views[m_pos] == view) return;
    if (!m_views.empty()) m_views.resize(m_pos + 1);  // the steps ahead are dropped
    m_views.push_back(view);
    if (m_views.size() > kMaxSteps) m_views.erase(m_views.begin());
    m_pos = m_views.size() - 1;
}

std::optional<MapView> ViewHistory::back() {
    if (!canGoBack()) return std::nullopt;
    return m_views[--m_pos];
}

std::optional<MapView> ViewHistory::forward() {
    if (!canGoForward()) return std::nullopt;
    return m_views[++m_pos];
}

}  // namespace bl::ui
