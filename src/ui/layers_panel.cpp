#include "ui/layers_panel.hpp"

#include <imgui.h>

#include <algorithm>

namespace bl::ui {

render::UnitKey keyOf(const Dataset& data, const AdminUnit* unit) {
    for (size_t li = 0; li < data.layers.size(); ++li) {
        const auto& units = data.layers[li].units;
        if (!units.empty() && unit >= units.data() && unit < units.data() + units.size())
            return {int(li), int(unit - units.data())};
    }
    return {};
}

const Layer* layerOf(const Dataset& data, render::UnitKey key) {
    if (!key.valid() || size_t(key.layer) >= data.layers.size()) return nullptr;
    return &data.layers[size_t(key.layer)];
}

const AdminUnit* unitOf(const Dataset& data, render::UnitKey key) {
    const Layer* l = layerOf(data, key);
    if (!l || size_t(key.unit) >= l->units.size()) return nullptr;
    return &l->units[size_t(key.unit)];
}

void showVintage(const Dataset& data, const std::string& wanted, ViewerState& state) {
    // A catalog without that vintage (e.g. test fixtures): its latest Vietnamese one.
    std::string vnVintage = wanted, latest;
    bool found = false;
    for (const auto& l : data.layers)
        if (l.spec.country == Country::VN) {
            found |= l.spec.vintage.label == wanted;
            latest = std::max(latest, l.spec.vintage.label);
        }
    if (!found && !latest.empty()) vnVintage = latest;
    state.vnVintage = vnVintage;
    state.layerVisible.assign(data.layers.size(), 0);
    for (size_t i = 0; i < data.layers.size(); ++i) {
        const LayerSpec& s = data.layers[i].spec;
        state.layerVisible[i] = s.country == Country::LA || s.vintage.label == vnVintage;
    }
}

void LayersPanel::drawContent(const io::Catalog& catalog, const Dataset& data, ViewerState& state) {
    ImGui::TextUnformatted("Vietnamese vintage");
    for (const char* v : {"2023", "2025"}) {
        ImGui::SameLine();
        if (ImGui::RadioButton(v, state.vnVintage == v)) showVintage(data, v, state);
    }
    ImGui::Checkbox("Labels", &state.labels);
    ImGui::Separator();
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
