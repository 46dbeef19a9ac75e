#pragma once
// Inspector: the selected unit's attributes and, when adjacency results are
// available, its neighbours with shared km (cross-border first).
#include <string>
#include <vector>

#include "ui/viewer_state.hpp"

namespace bl::ui {

struct NeighbourRow {
    UnitKey unit;
    std::string name;
    std::string detail;  // level, country, vintage
    double sharedKm = 0.0;  // the shown figure (mean of the two sides)
    std::string sides;      // both sides and the gap, for the tooltip
    bool crossBorder = false;
};

class InspectorPanel {
public:
    // `neighbours`: the selected unit's neighbours, null while adjacency is not
    // available (then `pendingNote` says why, e.g. "computing… 40%").
    // `succession`: the unit across the 2025 reform ("Quảng Bình (2023) → part
    // of Quảng Trị (2025)", "From 2023: ..."), one line each.
    // `note`: said first, highlighted (e.g. why the map switched system).
    void drawContent(const Dataset& data, ViewerState& state, const std::vector<NeighbourRow>* neighbours,
                     const std::string& pendingNote = "not available yet (adjacency)",
                     const std::vector<std::string>& succession = {}, const std::string& note = {});
};

}  // namespace bl::ui
