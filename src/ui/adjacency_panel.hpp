#pragma once
// Adjacency explorer: the table of shared borders, filterable by level,
// country pair and minimum length; clicking a row highlights the segment
// (ViewerState::borderRequest). Null rows = not available yet.
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "ui/viewer_state.hpp"

namespace bl::ui {

struct SharedBorderRow {
    std::string unitA, unitB;
    Level level = Level::Province;
    std::string countries;  // "VN-LA", "VN-VN", "LA-LA"
    double sharedKm = 0.0;
};

class AdjacencyPanel {
public:
    // Null rows: not computed yet; `pendingNote` says why.
    void drawContent(const std::vector<SharedBorderRow>* rows, ViewerState& state,
                     const std::string& pendingNote = "not available yet (adjacency)");

private:
    int m_level = 0;      // 0 = any, else Level + 1
    int m_countries = 0;  // 0 = any, 1 = VN-LA, 2 = domestic
    float m_minKm = 0.0f;
    int m_selected = -1;
};

}  // namespace bl::ui
