#include "ui/panel_fonts.hpp"

#include <vector>

namespace bl::ui {

namespace {

// ImGui wants zero-terminated 16-bit pairs that outlive the atlas build.
std::vector<ImWchar> imguiRanges(std::span<const render::CodePointRange> ranges) {
    std::vector<ImWchar> r;
    for (const render::CodePointRange& range : ranges) {
        r.push_back(ImWchar(range.first));
        r.push_back(ImWchar(range.last));
    }
    r.push_back(0);
    return r;
}

const ImWchar* vietnameseRanges() {
    static const std::vector<ImWchar> ranges = imguiRanges(render::vietnameseGlyphRanges());
    return ranges.data();
}

const ImWchar* laoRanges() {
    static const std::vector<ImWchar> ranges = imguiRanges(render::laoGlyphRanges());
    return ranges.data();
}

}  // namespace

ImFont* addPanelFont(ImFontAtlas& atlas, const render::FontSet& fonts, float sizePx) {
    ImFontConfig cfg;
    // Horizontal oversampling sharpens small text placed between pixels; at
    // twice the size it only quadruples the texture.
    cfg.OversampleH = sizePx < 24.0f ? 2 : 1;
    cfg.OversampleV = 1;
    ImFont* font = atlas.AddFontFromFileTTF(fonts.regularFile.c_str(), sizePx, &cfg, vietnameseRanges());
    if (!font) return nullptr;
    ImFontConfig merge = cfg;
    merge.MergeMode = true;
    // Arrows ("Quảng Bình (2023) → part of Quảng Trị (2025)") from the symbol face.
    static const ImWchar arrows[] = {0x2190, 0x21FF, 0};
    if (!fonts.symbolFile.empty()) atlas.AddFontFromFileTTF(fonts.symbolFile.c_str(), sizePx, &merge, arrows);
    // Lao names, at the size that gives the Lao face Noto Sans's em.
    if (fonts.lao.found())
        atlas.AddFontFromFileTTF(fonts.lao.regularFile.c_str(), sizePx * fonts.lao.lineBoxRatio, &merge, laoRanges());
    return font;
}

}  // namespace bl::ui
