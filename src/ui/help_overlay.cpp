#include "ui/help_overlay.hpp"

#include <imgui.h>

namespace bl::ui {

namespace {

constexpr Shortcut kShortcuts[] = {
    {"Ctrl+F  or  /", "search: type a name, Up/Down to choose, Enter to select"},
    {"Escape", "clear the selection, the highlighted pair or border and the measurement; leave a text field"},
    {"+  /  -  or wheel", "zoom in / out (around the pointer with the wheel)"},
    {"arrow keys  or drag", "pan the map"},
    {"Home", "the whole border area"},
    {"F", "fit the selected unit"},
    {"Alt+Left  /  Alt+Right", "back / forward through the views (also Backspace for back)"},
    {"M", "measure: click points on the map, the geodesic distance shows in the status bar; M or Escape ends"},
    {"L", "labels on / off"},
    {"V", "switch the Vietnamese system (2023 / 2025)"},
    {"Ctrl+1 … Ctrl+6", "sidebar tabs: Search, Layers, Pairs, Docs (documents), Borders (adjacency explorer), Export"},
    {"N  /  Shift+N", "the next / previous twinned pair, flown to (Pairs tab)"},
    {"R", "read the document of the pair shown, its evidence highlighted (Docs tab)"},
    {"click the coordinates", "copy the pointer's latitude, longitude (status bar)"},
    {"F1  or  ?", "this help"},
    {"Ctrl+Q", "quit (the workspace is kept for the next start)"},
};

}  // namespace

std::span<const Shortcut> shortcuts() { return kShortcuts; }

void drawHelpOverlay(bool& open, float x, float y, float w, float h) {
    if (!open) return;
    const float width = std::min(w - 20.0f, 36.0f * ImGui::GetFontSize());
    ImGui::SetNextWindowPos(ImVec2(x + w / 2, y + h / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width > 0 ? width : w, 0), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.96f);
    if (ImGui::Begin("Keyboard shortcuts", &open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
            ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed, 11.0f * ImGui::GetFontSize());
            ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthStretch);
            for (const Shortcut& s : kShortcuts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.keys);
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", s.action);
            }
            ImGui::EndTable();
        }
        if (ImGui::Button("Close")) open = false;
    }
    ImGui::End();
}

}  // namespace bl::ui
