#pragma once
// The viewer's UI state, owned by the application (app/viewer.cpp) and passed
// to every panel: panels read it and raise requests that the app turns into
// commands (select, fly to, highlight). No panel keeps state in statics.
#include <optional>
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "render/scene.hpp"

namespace bl::ui {

struct ViewerState {
    std::vector<char> layerVisible;  // parallel to Dataset::layers
    std::string vnVintage = "2025";  // "2023" or "2025": which Vietnamese layers may be shown
    bool labels = true;
    render::UnitKey selected;
    render::UnitKey hovered;

    // Requests raised by panels this frame; the app consumes and clears them.
    std::optional<render::UnitKey> selectRequest;  // select and fly to
    std::optional<size_t> pairRequest;             // index into the twinned pairs
    std::optional<size_t> borderRequest;           // index into the shared borders
};

// Key of a unit of `data`, or an invalid key when it is not part of it.
render::UnitKey keyOf(const Dataset& data, const AdminUnit* unit);
const AdminUnit* unitOf(const Dataset& data, render::UnitKey key);
const Layer* layerOf(const Dataset& data, render::UnitKey key);

// Default visibility for a vintage: its Vietnamese layers and every Lao layer.
void showVintage(const Dataset& data, const std::string& vnVintage, ViewerState& state);

}  // namespace bl::ui
