#include "ui/documents_panel.hpp"

#include <imgui.h>

namespace bl::ui {

void DocumentsPanel::drawContent(const std::vector<DocumentRow>* rows) {
    if (!rows) {
        ImGui::TextDisabled("not available yet (documents)");
        return;
    }
    for (size_t i = 0; i < rows->size(); ++i) {
        const auto& d = (*rows)[i];
        ImGui::PushID(int(i));
        ImGui::Text("%s  %s", d.date.c_str(), d.title.c_str());
        ImGui::TextDisabled("%s", d.source.c_str());
        if (!d.evidence.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.85f, 0.3f, 1.0f));
            ImGui::TextWrapped("“%s”", d.evidence.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Separator();
        ImGui::PopID();
    }
}

}  // namespace bl::ui
