#include "ui/pairs_panel.hpp"

#include <imgui.h>

namespace bl::ui {

void PairsPanel::drawContent(const std::vector<TwinnedPairRow>* rows, ViewerState& state) {
    if (!rows) {
        ImGui::TextDisabled("not available yet (documents)");
        return;
    }
    if (m_selected >= 0 && size_t(m_selected) < rows->size())
        for (const auto& d : (*rows)[size_t(m_selected)].details) ImGui::TextWrapped("%s", d.c_str());
    if (ImGui::BeginTable("pairs", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn("Vietnam / Laos");
        ImGui::TableSetupColumn("kind");
        ImGui::TableSetupColumn("date");
        ImGui::TableSetupColumn("adjacency");
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < rows->size(); ++i) {
            const auto& r = (*rows)[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string label = r.unitA + " – " + r.unitB + "##" + std::to_string(i);
            if (ImGui::Selectable(label.c_str(), m_selected == int(i), ImGuiSelectableFlags_SpanAllColumns)) {
                m_selected = int(i);
                state.pairRequest = i;
            }
            if (!r.details.empty() && ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                for (const auto& d : r.details) ImGui::TextUnformatted(d.c_str());
                ImGui::EndTooltip();
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.kind.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.date.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.verdict.c_str());
        }
        ImGui::EndTable();
    }
}

}  // namespace bl::ui
