#pragma once
// The panels' font: Dear ImGui rasterises its own atlas from the same Noto
// Sans file the map labels use, over the same Vietnamese code points, so
// panels and labels match. Call before the first frame.
#include <imgui.h>

#include <string>

namespace bl::ui {

// Adds `file` at `sizePx` to `atlas`; nullptr if ImGui cannot read it.
ImFont* addPanelFont(ImFontAtlas& atlas, const std::string& file, float sizePx);

}  // namespace bl::ui
