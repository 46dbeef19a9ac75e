#include "ui/search_panel.hpp"

#include <imgui.h>

#include <algorithm>

namespace bl::ui {

void SearchPanel::drawContent(const Gazetteer& gazetteer, const Dataset& data, ViewerState& state) {
    if (m_focus) {
        ImGui::SetKeyboardFocusHere();
        m_focus = false;
    }
    ImGui::SetNextItemWidth(-1);
    // Up/Down while typing move through the results (the history callback
    // also keeps keyboard navigation from taking those keys out of the field).
    auto history = [](ImGuiInputTextCallbackData* d) {
        auto* self = static_cast<SearchPanel*>(d->UserData);
        const int n = int(self->m_results.size());
        if (n == 0) return 0;
        if (d->EventKey == ImGuiKey_DownArrow) self->m_cursor = std::min(n - 1, self->m_cursor + 1);
        if (d->EventKey == ImGuiKey_UpArrow) self->m_cursor = std::max(0, self->m_cursor - 1);
        self->m_scrollToCursor = true;
        return 0;
    };
    const bool enter = ImGui::InputTextWithHint("##query", "name, with or without diacritics (Ctrl+F)", m_query,
                                                sizeof m_query,
                                                ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory,
                                                history, this);
    if (m_lastQuery != m_query) {
        m_lastQuery = m_query;
        m_results =
            m_lastQuery.size() >= 2 ? gazetteer.find(m_lastQuery, {.limit = 30}) : std::vector<GazetteerMatch>{};
        m_cursor = 0;
    }
    const int n = int(m_results.size());
    if (enter && n > 0) {
        // Enter leaves the field: the keys go to the map (Ctrl+F comes back).
        state.selectRequest = data.keyOf(m_results[size_t(std::clamp(m_cursor, 0, n - 1))].ref.unit);
    }
    if (!m_lastQuery.empty() && m_results.empty())
        ImGui::TextDisabled(m_lastQuery.size() < 2 ? "type two letters or more" : "no match");
    else if (n > 0)
        ImGui::TextDisabled("%d result%s: Up/Down, Enter selects", n, n == 1 ? "" : "s");
    if (!ImGui::BeginChild("results")) {
        ImGui::EndChild();
        return;
    }
    for (int i = 0; i < n; ++i) {
        const auto& r = m_results[size_t(i)];
        ImGui::PushID(i);
        char line[512];
        std::snprintf(line, sizeof line, "%s  (%s, %s %s %s)", r.ref.unit->name.c_str(), r.ref.unit->parentName.c_str(),
                      toString(r.ref.layer->spec.country), toString(r.ref.layer->spec.level),
                      r.ref.layer->spec.vintage.label.c_str());
        const UnitKey key = data.keyOf(r.ref.unit);
        if (ImGui::Selectable(line, i == m_cursor || key == state.selected)) {
            m_cursor = i;
            state.selectRequest = key;
        }
        if (i == m_cursor && m_scrollToCursor) {
            ImGui::SetScrollHereY();
            m_scrollToCursor = false;
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\nscore %.2f (%s), layer %s", r.ref.unit->name.c_str(), r.score, r.reason.c_str(),
                              r.ref.layer->spec.id.c_str());
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace bl::ui
