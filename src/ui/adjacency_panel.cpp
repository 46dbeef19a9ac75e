#include "ui/adjacency_panel.hpp"

#include <imgui.h>

namespace bl::ui {

void AdjacencyPanel::drawContent(const std::vector<SharedBorderRow>* rows, ViewerState& state,
                                 const std::string& pendingNote) {
    if (!rows) {
        ImGui::TextDisabled("%s", pendingNote.c_str());
        return;
    }
    ImGui::SetNextItemWidth(120);
    ImGui::Combo("level", &m_level, "any\0province\0district\0commune\0");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    ImGui::Combo("countries", &m_countries, "any\0VN-LA\0domestic\0");
    ImGui::SetNextItemWidth(200);
    ImGui::SliderFloat("min km", &m_minKm, 0.0f, 200.0f, "%.1f");
    if (ImGui::BeginTable("borders", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn("unit A");
        ImGui::TableSetupColumn("unit B");
        ImGui::TableSetupColumn("countries");
        ImGui::TableSetupColumn("km");
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < rows->size(); ++i) {
            const auto& r = (*rows)[i];
            if (m_level && int(r.level) != m_level - 1) continue;
            if (m_countries == 1 && r.countries != "VN-LA" && r.countries != "LA-VN") continue;
            if (m_countries == 2 && (r.countries == "VN-LA" || r.countries == "LA-VN")) continue;
            if (r.sharedKm < m_minKm) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string label = r.unitA + "##" + std::to_string(i);
            if (ImGui::Selectable(label.c_str(), m_selected == int(i), ImGuiSelectableFlags_SpanAllColumns)) {
                m_selected = int(i);
                state.borderRequest = i;
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.unitB.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.countries.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%.1f", r.sharedKm);
        }
        ImGui::EndTable();
    }
}

}  // namespace bl::ui
