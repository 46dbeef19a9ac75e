#include "ui/search_panel.hpp"

#include <imgui.h>

namespace bl::ui {

void SearchPanel::drawContent(const Gazetteer& gazetteer, const Dataset& data, ViewerState& state) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##query", "name, with or without diacritics", m_query, sizeof m_query);
    if (m_lastQuery != m_query) {
        m_lastQuery = m_query;
        m_results =
            m_lastQuery.size() >= 2 ? gazetteer.find(m_lastQuery, {.limit = 30}) : std::vector<GazetteerMatch>{};
    }
    if (!m_lastQuery.empty() && m_results.empty()) ImGui::TextDisabled("no match");
    for (size_t i = 0; i < m_results.size(); ++i) {
        const auto& r = m_results[i];
        ImGui::PushID(int(i));
        char line[512];
        std::snprintf(line, sizeof line, "%s  (%s, %s %s)", r.ref.unit->name.c_str(), r.ref.unit->parentName.c_str(),
                      toString(r.ref.layer->spec.level), r.ref.layer->spec.vintage.label.c_str());
        if (ImGui::Selectable(line, data.keyOf(r.ref.unit) == state.selected))
            state.selectRequest = data.keyOf(r.ref.unit);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("score %.2f (%s), layer %s", r.score, r.reason.c_str(), r.ref.layer->spec.id.c_str());
        ImGui::PopID();
    }
}

}  // namespace bl::ui
