#include "ui/pairs_panel.hpp"

#include <imgui.h>

namespace bl::ui {

// One entry of two lines per link (the pair; kind, date and verdict), so a
// narrow sidebar cuts nothing that matters; the selected link's details
// (succession, nearest gate, finer verdicts) above the list.
void PairsPanel::drawContent(const std::vector<TwinnedPairRow>* rows, ViewerState& state, std::optional<size_t> shown) {
    m_rowRects.clear();
    m_selected = shown ? int(*shown) : -1;
    if (!rows) {
        ImGui::TextDisabled("not available yet (documents)");
        return;
    }
    if (m_selected >= 0 && size_t(m_selected) < rows->size()) {
        const auto& r = (*rows)[size_t(m_selected)];
        ImGui::TextWrapped("%s – %s", r.unitA.c_str(), r.unitB.c_str());
        ImGui::TextWrapped("%s, %s: %s", r.kind.c_str(), r.date.c_str(), r.verdict.c_str());
        for (const auto& d : r.details) ImGui::BulletText("%s", d.c_str());
        ImGui::Separator();
    }
    ImGui::TextDisabled("%zu links from the documents; click one to fly to it", rows->size());
    if (!ImGui::BeginChild("pairs")) {
        ImGui::EndChild();
        return;
    }
    const float line = ImGui::GetTextLineHeightWithSpacing();
    // Only the rows in sight are drawn (a corpus store may hold many
    // thousand links); rows out of sight keep an empty rectangle.
    ImGuiListClipper clipper;
    clipper.Begin(int(rows->size()));
    while (clipper.Step()) {
        for (size_t i = size_t(clipper.DisplayStart); i < size_t(clipper.DisplayEnd); ++i) {
            const auto& r = (*rows)[i];
            ImGui::PushID(int(i));
            const ImVec2 at = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##pair", m_selected == int(i), 0, ImVec2(0, 2 * line))) {
                m_selected = int(i);
                state.pairRequest = i;
            }
            const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
            if (m_rowRects.size() <= i) m_rowRects.resize(i + 1, {0, 0, 0, 0});
            m_rowRects[i] = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y};
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::Text("%s – %s", r.unitA.c_str(), r.unitB.c_str());
                ImGui::Text("%s, %s", r.kind.c_str(), r.date.c_str());
                ImGui::TextUnformatted(r.verdict.c_str());
                for (const auto& d : r.details) ImGui::TextUnformatted(d.c_str());
                ImGui::EndTooltip();
            }
            ImGui::SetCursorScreenPos(at);
            ImGui::Text("%zu  %s – %s", i, r.unitA.c_str(), r.unitB.c_str());
            ImGui::TextDisabled("    %s · %s · %s", r.kind.c_str(), r.date.c_str(), r.verdict.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace bl::ui
