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

ImFont* addPanelFont(ImFontAtlas& atlas, const std::string& file, float sizePx) {
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    return atlas.AddFontFromFileTTF(file.c_str(), sizePx, &cfg, imguiRanges());
}

}  // namespace bl::ui
