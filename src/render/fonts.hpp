#pragma once
// The label and UI fonts: Noto Sans (regular and bold) found through
// fontconfig, rasterised into one Dear ImGui font atlas whose glyph ranges
// cover every Vietnamese letter (Latin-1, Latin Extended-A/B, combining marks,
// Latin Extended Additional U+1E00-1EFF) and typographic punctuation. The
// viewer hands the same atlas to ImGui, so panels and map labels match.
// Building needs no GL context; the renderer uploads the atlas itself.
#include <imgui.h>

#include <memory>
#include <string>

#include "core/result.hpp"

namespace bl::render {

// A fontconfig match for `pattern` (e.g. "Noto Sans:weight=bold"), as a
// file path; an error when fontconfig has nothing or only a different family.
Result<std::string> findFontFile(const std::string& pattern);

struct FontSet {
    std::unique_ptr<ImFontAtlas> atlas;
    ImFont* ui = nullptr;         // panels
    ImFont* label = nullptr;      // district and commune labels
    ImFont* labelBold = nullptr;  // province labels, scale bar
    ImFont* title = nullptr;      // export titles (bold, larger)
    std::string regularFile, boldFile;
};

// `scale` multiplies every size (1 = 96 dpi screen).
Result<FontSet> loadFonts(float scale = 1.0f);

// The glyph ranges used (zero-terminated pairs), for tests.
const ImWchar* vietnameseGlyphRanges();

}  // namespace bl::render
