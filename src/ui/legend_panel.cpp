#include "ui/legend_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace bl::ui {

namespace {

ImU32 colour(const render::Rgba& c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a)); }

}  // namespace

void drawLegend(const std::vector<render::LegendEntry>& entries) {
    using Kind = render::LegendEntry::Kind;
    const float fs = ImGui::GetFontSize();
    const float k = fs / 16.0f;  // swatches follow the UI's scale
    const ImVec2 sw{1.8f * fs, 0.9f * fs};
    if (entries.empty()) ImGui::TextDisabled("nothing shown yet");
    for (const render::LegendEntry& e : entries) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float cy = p.y + fs * 0.6f;
        switch (e.kind) {
        case Kind::Fill:
            dl->AddRectFilled(ImVec2(p.x, cy - sw.y / 2), ImVec2(p.x + sw.x, cy + sw.y / 2), colour(e.fill));
            dl->AddRect(ImVec2(p.x, cy - sw.y / 2), ImVec2(p.x + sw.x, cy + sw.y / 2), colour(e.line), 0, 0, 1.5f * k);
            break;
        case Kind::Line: {
            const float w = std::max(1.0f, e.widthPx * k);
            // Two sources' lines apart: the line above, its twin below.
            const float y = e.beside.a > 0 ? cy - 0.5f * (w + e.besideWidthPx * k) : cy;
            if (e.fill.a > 0) dl->AddLine(ImVec2(p.x, y), ImVec2(p.x + sw.x, y), colour(e.fill), w + 2.0f * k);
            dl->AddLine(ImVec2(p.x, y), ImVec2(p.x + sw.x, y), colour(e.line), w);
            if (e.beside.a > 0) {
                const float bw = std::max(1.0f, e.besideWidthPx * k);
                dl->AddLine(ImVec2(p.x, y + w / 2 + bw / 2 + k), ImVec2(p.x + sw.x, y + w / 2 + bw / 2 + k),
                            colour(e.beside), bw);
            }
            break;
        }
        case Kind::Symbol: {
            const render::SymbolLook look = render::symbolLook(e.symbol, k);
            const ImVec2 c{p.x + sw.x / 2, cy};
            const float r = float(std::min<double>(look.radius, sw.y * 0.6));
            ImVec2 pts[32];  // the renderer's polygon: angle from +x, y down
            const int n = std::clamp(look.sides, 3, 32);
            for (int i = 0; i < n; ++i) {
                const double a = look.rotation + 2 * M_PI * i / n;
                pts[i] = ImVec2(c.x + r * float(std::cos(a)), c.y + r * float(std::sin(a)));
            }
            if (e.approximate)
                dl->AddPolyline(pts, n, colour(look.colour), ImDrawFlags_Closed, 1.5f * k);
            else
                dl->AddConvexPolyFilled(pts, n, colour(look.colour));
            break;
        }
        }
        ImGui::Dummy(ImVec2(sw.x, fs * 1.1f));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", e.text.c_str());
    }
}

}  // namespace bl::ui
