#pragma once
// The panels' font: Dear ImGui rasterises its own atlas from the same Noto
// Sans file the map labels use, over the same Vietnamese code points, so
// panels and labels match. Call before the first frame.
#include <imgui.h>

#include <string>

namespace bl::ui {

// Adds `file` at `sizePx` to `atlas`, with the arrows of `symbolFile` merged
// in when given; nullptr if ImGui cannot read `file`.
ImFont* addPanelFont(ImFontAtlas& atlas, const std::string& file, float sizePx, const std::string& symbolFile = "");

}  // namespace bl::ui
