#pragma once
// Back and forward through the views the user went to, as in a browser:
// each fly-to (search, pair, border, home, fit) and each pan or zoom once it
// has settled is a step; going somewhere new after going back drops the
// steps ahead.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace bl::ui {

struct MapView {
    double centerX = 0, centerY = 0;  // working CRS metres
    double metresPerPixel = 1;
    std::string vnVintage;
    bool operator==(const MapView&) const = default;
};

class ViewHistory {
public:
    // Records `view` as the newest step (unless it is the current one).
    void visit(const MapView& view);
    // The step before / after the current one; nullopt at either end.
    std::optional<MapView> back();
    std::optional<MapView> forward();
    bool canGoBack() const { return m_pos > 0; }
    bool canGoForward() const { return m_pos + 1 < m_views.size(); }
    size_t size() const { return m_views.size(); }
    size_t position() const { return m_pos; }

    static constexpr size_t kMaxSteps = 100;

private:
    std::vector<MapView> m_views;
    size_t m_pos = 0;
};

}  // namespace bl::ui
