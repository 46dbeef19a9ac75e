#pragma once
// Adjacency explorer: the table of shared borders of the shown system,
// filterable by level (only the levels that system has), country pair and
// minimum length, sortable by any column (by the figure shown); clicking a
// row highlights the stretch (ViewerState::borderRequest). Lengths are the
// one figure used everywhere (the mean of the two sides); hovering a row
// gives both sides and the gap between the lines.
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "ui/viewer_state.hpp"

namespace bl::ui {

struct SharedBorderRow {
    std::string unitA, unitB;
    Level level = Level::Province;
    std::string countries;  // "VN-LA", "VN-VN", "LA-LA"
    double sharedKm = 0.0;  // the shown figure
    std::string sides;      // both sides and the gap, for the tooltip
};

class AdjacencyPanel {
public:
    // Null rows: not computed yet; `pendingNote` says why. `levels`: the
    // levels the shown system has adjacency for; `systemNote` says what the
    // system lacks (e.g. "the 2025 system has no districts").
    void drawContent(const std::vector<SharedBorderRow>* rows, ViewerState& state, const std::string& pendingNote,
                     const std::vector<Level>& levels, const std::string& systemNote);

    // The rows were rebuilt (another system): the order and selection start over.
    void rowsChanged() { m_order.clear(); }

private:
    int m_level = -1;     // -1 = any, else a Level
    int m_countries = 0;  // 0 = any, 1 = VN-LA, 2 = domestic
    float m_minKm = 0.0f;
    int m_selected = -1;
    std::vector<int> m_order;  // row indices, sorted as the table asks
};

}  // namespace bl::ui
