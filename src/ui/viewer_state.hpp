#pragma once
// The viewer's UI state, owned by the application (app/viewer.cpp) and passed
// to every panel: panels read it and raise requests that the app turns into
// commands (select, fly to, highlight). No panel keeps state in statics.
#include <optional>
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/boundaries/vintage.hpp"

namespace bl::ui {

struct ViewerState {
    std::vector<char> layerVisible;  // parallel to Dataset::layers
    std::string vnVintage;  // the Vietnamese system shown (a VintagePolicy label)
    bool labels = true;
    UnitKey selected;
    UnitKey hovered;

    // Requests raised by panels this frame; the app consumes and clears them.
    std::optional<UnitKey> selectRequest;  // select and fly to
    std::optional<size_t> pairRequest;             // index into the twinned pairs
    std::optional<size_t> borderRequest;           // index into the shared borders
};

// Shows the Vietnamese system `wanted` (else the policy's current one, else
// the latest the data has) and every Lao layer; hides the other systems.
void showVintage(const Dataset& data, const VintagePolicy& vintages, const std::string& wanted, ViewerState& state);

}  // namespace bl::ui
