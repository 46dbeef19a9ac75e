#pragma once
// Twinned pairs: every link found in the documents; clicking a row flies to
// the pair (ViewerState::pairRequest) and shows its adjacency verdict. The
// app converts the documents model into rows; null = not available yet.
#include <array>
#include <optional>
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
    // `shown`: the pair the map shows (chosen here or by a key), marked selected.
    void drawContent(const std::vector<TwinnedPairRow>* rows, ViewerState& state, std::optional<size_t> shown = {});
    // Each row's rectangle on screen in the last frame (x, y, w, h in
    // points; empty when the tab was not drawn, zero for a row out of
    // sight, which is not drawn): the UI tests click them.
    const std::vector<std::array<float, 4>>& rowRects() const { return m_rowRects; }

private:
    int m_selected = -1;
    std::vector<std::array<float, 4>> m_rowRects;
};

}  // namespace bl::ui
