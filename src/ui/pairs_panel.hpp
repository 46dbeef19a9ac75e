#pragma once
// Twinned pairs: every link found in the documents; clicking a row flies to
// the pair (ViewerState::pairRequest) and shows its adjacency verdict. The
// app converts the documents model into rows; null = not available yet.
#include <string>
#include <vector>

#include "ui/viewer_state.hpp"

namespace bl::ui {

struct TwinnedPairRow {
    std::string unitA, unitB;  // display names
    std::string kind;          // "twinning", "cooperation plan", ...
    std::string date;          // ISO date of the latest document
    std::string verdict;       // adjacency: "share 83.4 km of border", "not adjacent", ...
    std::vector<std::string> details;  // shown for the selected row: succession, nearest gate
};

class PairsPanel {
public:
    void drawContent(const std::vector<TwinnedPairRow>* rows, ViewerState& state);

private:
    int m_selected = -1;
};

}  // namespace bl::ui
