#pragma once
// The panels' font: Dear ImGui rasterises its own atlas from the same files
// the map labels use (render::FontSet), over the same code points: Noto
// Sans for Vietnamese, the symbol face's arrows and the Lao face's block
// merged in, so panels and labels match. Call before the first frame, or
// between frames after clearing the atlas (a new UI scale).
#include <imgui.h>

#include "render/fonts.hpp"

namespace bl::ui {

// Adds the panel font at `sizePx` (its line box, as ImGui sizes fonts;
// pixels of the framebuffer) to `atlas`; nullptr if ImGui cannot read the
// text face. Only the ranges listed are rasterised, so the atlas texture
// stays small (512 x 512 at 16 px).
ImFont* addPanelFont(ImFontAtlas& atlas, const render::FontSet& fonts, float sizePx);

}  // namespace bl::ui
