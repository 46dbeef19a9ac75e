#include "ui/panel_fonts.hpp"

#include <vector>

#include "render/fonts.hpp"

namespace bl::ui {

namespace {

// ImGui wants zero-terminated 16-bit pairs that outlive the atlas build.
const ImWchar* imguiRanges() {
    static const std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> r;
        for (const render::CodePointRange& range : render::vietnameseGlyphRanges()) {
            r.push_back(ImWchar(range.first));
            r.push_back(ImWchar(range.last));
        }
        r.push_back(0);
        return r;
    }();
    return ranges.data();
}

}  // namespace

ImFont* addPanelFont(ImFontAtlas& atlas, const std::string& file, float sizePx, const std::string& symbolFile) {
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), sizePx, &cfg, imguiRanges());
    if (font && !symbolFile.empty()) {
        // Arrows ("Quảng Bình (2023) → part of Quảng Trị (2025)") from the symbol face.
        static const ImWchar arrows[] = {0x2190, 0x21FF, 0};
        ImFontConfig merge = cfg;
        merge.MergeMode = true;
        atlas.AddFontFromFileTTF(symbolFile.c_str(), sizePx, &merge, arrows);
    }
    return font;
}

}  // namespace bl::ui
