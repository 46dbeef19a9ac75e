#include "ui/documents_panel.hpp"

#include <imgui.h>

namespace bl::ui {

namespace {

const ImVec4 kEvidence{1.0f, 0.85f, 0.3f, 1.0f};
const ImVec4 kOtherEvidence{0.55f, 0.8f, 1.0f, 1.0f};

// The text paragraph by paragraph; each evidence span as its own block in
// its colour. Returns after scrolling to the selected span once.
void drawText(const DocumentRow& d, bool& scroll) {
    const std::string& t = *d.text;
    size_t at = 0;
    auto plain = [&](size_t from, size_t to) {
        while (from < to) {  // paragraph by paragraph, so blank lines stay
            size_t nl = t.find('\n', from);
            if (nl == std::string::npos || nl > to) nl = to;
            if (nl > from) ImGui::TextWrapped("%.*s", int(nl - from), t.data() + from);
            else if (nl < to) ImGui::Spacing();
            from = nl + 1;
        }
    };
    for (const TextSpan& s : d.spans) {
        if (s.begin < at || s.end > t.size() || s.begin >= s.end) continue;
        plain(at, s.begin);
        ImGui::PushStyleColor(ImGuiCol_Text, s.selected ? kEvidence : kOtherEvidence);
        ImGui::TextWrapped("%.*s", int(s.end - s.begin), t.data() + s.begin);
        ImGui::PopStyleColor();
        if (s.selected && scroll) {
            ImGui::SetScrollHereY(0.3f);
            scroll = false;
        }
        at = s.end;
    }
    plain(at, t.size());
}

}  // namespace

void DocumentsPanel::drawContent(const std::vector<DocumentRow>* rows) {
    if (!rows) {
        ImGui::TextDisabled("not available yet (documents)");
        return;
    }
    if (m_reading >= 0 && size_t(m_reading) < rows->size() && (*rows)[size_t(m_reading)].text) {
        const DocumentRow& d = (*rows)[size_t(m_reading)];
        if (ImGui::Button("< All documents")) {
            m_reading = -1;
            return;
        }
        ImGui::TextWrapped("%s", d.title.c_str());
        ImGui::TextDisabled("%s  %s", d.date.c_str(), d.source.c_str());
        ImGui::TextColored(kEvidence, "selected link");
        ImGui::SameLine();
        ImGui::TextColored(kOtherEvidence, "other links");
        ImGui::Separator();
        if (ImGui::BeginChild("text")) drawText(d, m_scroll);
        ImGui::EndChild();
        return;
    }
    for (size_t i = 0; i < rows->size(); ++i) {
        const auto& d = (*rows)[i];
        ImGui::PushID(int(i));
        if (d.text) {
            if (ImGui::SmallButton("Read")) open(i);
            ImGui::SameLine();
        }
        ImGui::TextWrapped("%s  %s", d.date.c_str(), d.title.c_str());
        ImGui::TextDisabled("%zu link%s, %s", d.links, d.links == 1 ? "" : "s", d.source.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", d.source.c_str());
        if (!d.evidence.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, kEvidence);
            ImGui::TextWrapped("“%s”", d.evidence.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Separator();
        ImGui::PopID();
    }
}

}  // namespace bl::ui
