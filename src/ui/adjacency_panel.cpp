#include "ui/adjacency_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <numeric>

namespace bl::ui {

namespace {

bool crossBorder(const SharedBorderRow& r) { return r.countries == "VN-LA" || r.countries == "LA-VN"; }

// A cell's text, cut by the column; the whole text on hover.
void cell(const std::string& text, const std::string& more = {}) {
    ImGui::TextUnformatted(text.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s%s%s", text.c_str(), more.empty() ? "" : "\n", more.c_str());
}

}  // namespace

void AdjacencyPanel::drawContent(const std::vector<SharedBorderRow>* rows, ViewerState& state,
                                 const std::string& pendingNote, const std::vector<Level>& levels,
                                 const std::string& systemNote) {
    if (!systemNote.empty()) ImGui::TextWrapped("%s", systemNote.c_str());
    if (!rows) {
        ImGui::TextDisabled("%s", pendingNote.c_str());
        return;
    }
    if (m_level >= 0 && std::find(levels.begin(), levels.end(), Level(m_level)) == levels.end()) m_level = -1;
    const float fs = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(-6.0f * fs);
    if (ImGui::BeginCombo("level", m_level < 0 ? "any" : toString(Level(m_level)))) {
        if (ImGui::Selectable("any", m_level < 0)) m_level = -1;
        for (Level l : levels)
            if (ImGui::Selectable(toString(l), m_level == int(l))) m_level = int(l);
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(-6.0f * fs);
    ImGui::Combo("countries", &m_countries, "any\0VN-LA\0domestic\0");
    ImGui::SetNextItemWidth(-6.0f * fs);
    ImGui::SliderFloat("min km", &m_minKm, 0.0f, 200.0f, "%.1f");

    bool resort = false;
    if (m_order.size() != rows->size()) {
        m_order.resize(rows->size());
        std::iota(m_order.begin(), m_order.end(), 0);
        m_selected = -1;
        resort = true;
    }
    size_t shown = 0;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_Sortable | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("borders", 4, flags, ImVec2(0, -ImGui::GetFrameHeightWithSpacing()))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("unit A", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("unit B", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("countries", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn("km", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort |
                                          ImGuiTableColumnFlags_PreferSortDescending,
                                1.2f);
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && (sort->SpecsDirty || resort) && sort->SpecsCount > 0) {
            const ImGuiTableColumnSortSpecs s = sort->Specs[0];
            const bool up = s.SortDirection == ImGuiSortDirection_Ascending;
            std::stable_sort(m_order.begin(), m_order.end(), [&](int x, int y) {
                const SharedBorderRow& a = (*rows)[size_t(x)];
                const SharedBorderRow& b = (*rows)[size_t(y)];
                int c = 0;
                switch (s.ColumnIndex) {
                case 0: c = a.unitA.compare(b.unitA); break;
                case 1: c = a.unitB.compare(b.unitB); break;
                case 2: c = a.countries.compare(b.countries); break;
                default: c = a.sharedKm < b.sharedKm ? -1 : a.sharedKm > b.sharedKm ? 1 : 0;
                }
                return up ? c < 0 : c > 0;
            });
            sort->SpecsDirty = false;
        }
        for (int i : m_order) {
            const auto& r = (*rows)[size_t(i)];
            if (m_level >= 0 && int(r.level) != m_level) continue;
            if (m_countries == 1 && !crossBorder(r)) continue;
            if (m_countries == 2 && crossBorder(r)) continue;
            if (r.sharedKm < m_minKm) continue;
            ++shown;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            if (ImGui::Selectable("##row", m_selected == i, ImGuiSelectableFlags_SpanAllColumns |
                                                                ImGuiSelectableFlags_AllowItemOverlap)) {
                m_selected = i;
                state.borderRequest = size_t(i);
            }
            ImGui::SameLine(0, 0);
            cell(r.unitA, r.unitB + "\n" + r.sides);
            ImGui::TableNextColumn();
            cell(r.unitB, r.unitA + "\n" + r.sides);
            ImGui::TableNextColumn();
            cell(r.countries);
            ImGui::TableNextColumn();
            char km[32];
            std::snprintf(km, sizeof km, "%.1f", r.sharedKm);
            cell(km, r.sides);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (m_level >= 0 && shown == 0)
        ImGui::TextDisabled("no shared borders at %s level with these filters", toString(Level(m_level)));
    else
        ImGui::TextDisabled("%zu of %zu shared borders", shown, rows->size());
}

}  // namespace bl::ui
