#include "ui/export_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>

namespace bl::ui {

bool ExportPanel::drawContent(ExportOptions& o, const ExportStatus& status, bool haveSelection) {
    if (!m_synced) {
        std::strncpy(m_path, o.path.c_str(), sizeof m_path - 1);
        std::strncpy(m_title, o.title.c_str(), sizeof m_title - 1);
        m_synced = true;
    }
    if (ImGui::InputText("file", m_path, sizeof m_path)) o.path = m_path;
    int size[2] = {o.width, o.height};
    if (ImGui::InputInt2("size (px)", size)) {
        o.width = std::clamp(size[0], 64, 30000);
        o.height = std::clamp(size[1], 64, 30000);
    }
    ImGui::SliderInt("dpi", &o.dpi, 72, 600);
    ImGui::RadioButton("current view", &o.frame, 0);
    ImGui::SameLine();
    if (!haveSelection && o.frame == 1) o.frame = 0;
    ImGui::BeginDisabled(!haveSelection);
    ImGui::RadioButton("selected unit", &o.frame, 1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::RadioButton("border area", &o.frame, 2);
    if (ImGui::InputText("title", m_title, sizeof m_title)) o.title = m_title;
    ImGui::Checkbox("labels", &o.labels);
    ImGui::SameLine();
    ImGui::Checkbox("georeference", &o.georef);
    ImGui::SameLine();
    ImGui::Checkbox("overwrite", &o.force);
    ImGui::TextDisabled("The outlined rectangle on the map is the frame.");
    ImGui::BeginDisabled(status.running);
    const bool go = ImGui::Button(status.running ? "Exporting…" : "Export");
    ImGui::EndDisabled();
    if (!status.message.empty()) ImGui::TextWrapped("%s", status.message.c_str());
    return go && !status.running;
}

}  // namespace bl::ui
