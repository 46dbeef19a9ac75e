#include "ui/inspector_panel.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/boundaries/geometry_ops.hpp"

namespace bl::ui {

void InspectorPanel::drawContent(const Dataset& data, ViewerState& state, const std::vector<NeighbourRow>* neighbours,
                                 const std::string& pendingNote, const std::vector<std::string>& succession,
                                 const std::string& note) {
    if (!note.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.85f, 0.35f, 1.0f));
        ImGui::TextWrapped("%s", note.c_str());
        ImGui::PopStyleColor();
    }
    const AdminUnit* u = data.unitOf(state.selected);
    const Layer* l = data.layerOf(state.selected);
    if (!u || !l) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("Click a unit on the map or pick one in Search (Ctrl+F).");
        ImGui::PopTextWrapPos();
        return;
    }
    ImGui::TextUnformatted(u->name.c_str());
    if (ImGui::BeginTable("attrs", 2)) {
        ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, 4.0f * ImGui::GetFontSize());
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        auto row = [](const char* k, const std::string& v) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", k);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", v.c_str());
        };
        row("level", toString(l->spec.level));
        row("country", toString(l->spec.country));
        row("parent", u->parentName);
        row("id", u->id);
        if (!u->asciiName.empty()) row("ascii", u->asciiName);
        for (const auto& a : u->altNames)
            if (!a.empty()) row("also", a);
        row("layer", l->spec.id);
        row("vintage",
            l->spec.vintage.label +
                (l->spec.vintage.validTo.empty() ? " (current)" : " (until " + l->spec.vintage.validTo + ")"));
        char area[64];
        std::snprintf(area, sizeof area, "%.1f km² (working CRS)", bl::area(u->geometry) / 1e6);
        row("area", area);
        ImGui::EndTable();
    }
    for (const auto& line : succession) ImGui::TextWrapped("%s", line.c_str());
    if (ImGui::Button("Fit to selection (F)")) state.selectRequest = state.selected;
    ImGui::Separator();
    ImGui::TextUnformatted("Neighbours");
    if (!neighbours) {
        ImGui::TextDisabled("%s", pendingNote.c_str());
        return;
    }
    std::vector<const NeighbourRow*> rows;
    for (const auto& n : *neighbours) rows.push_back(&n);
    std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) {
        if (a->crossBorder != b->crossBorder) return a->crossBorder;
        return a->sharedKm > b->sharedKm;
    });
    for (const NeighbourRow* n : rows) {
        char line[512];
        std::snprintf(line, sizeof line, "%s%s  %.1f km  (%s)", n->crossBorder ? "[border] " : "", n->name.c_str(),
                      n->sharedKm, n->detail.c_str());
        if (ImGui::Selectable(line)) state.selectRequest = n->unit;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", n->name.c_str(), n->sides.c_str());
    }
    if (rows.empty()) ImGui::TextDisabled("none");
}

}  // namespace bl::ui
