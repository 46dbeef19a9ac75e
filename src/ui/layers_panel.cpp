#include "ui/layers_panel.hpp"

#include <imgui.h>


namespace bl::ui {

void LayersPanel::drawContent(const io::Catalog& catalog, const Dataset& data, ViewerState& state) {
    ImGui::TextDisabled("Vietnamese system %s (switch it in the toolbar or with V)", state.vnVintage.c_str());
    state.layerVisible.resize(data.layers.size(), 0);
    for (size_t i = 0; i < data.layers.size(); ++i) {
        const LayerSpec& s = data.layers[i].spec;
        const bool otherVintage = s.country == Country::VN && s.vintage.label != state.vnVintage;
        ImGui::BeginDisabled(otherVintage);
        bool on = state.layerVisible[i] && !otherVintage;
        ImGui::PushID(int(i));
        if (ImGui::Checkbox("##on", &on)) state.layerVisible[i] = on;
        ImGui::SameLine();
        ImGui::Text("%s  %s %s, %zu units", s.id.c_str(), toString(s.country), toString(s.level),
                    data.layers[i].units.size());
        ImGui::PopID();
        ImGui::EndDisabled();
    }
    if (ImGui::CollapsingHeader("Sources and known gaps")) {
        ImGui::TextWrapped("%s", catalog.attribution.c_str());
        for (const auto& s : catalog.layers) {
            ImGui::Separator();
            ImGui::Text("%s (vintage %s)", s.id.c_str(), s.vintage.label.c_str());
            ImGui::TextWrapped("Source: %s", s.source.c_str());
            ImGui::TextWrapped("Licence: %s", s.license.c_str());
            for (const auto& gap : s.knownGaps) ImGui::BulletText("%s", gap.c_str());
        }
    }
}

}  // namespace bl::ui
