#include "ui/export_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace bl::ui {

namespace {

// A radio button for one frame choice, disabled (with why) when it has nothing to frame.
void frameRadio(ExportOptions& o, ExportFrame f, const std::string& label, bool available, const char* missing) {
    ImGui::BeginDisabled(!available && o.frame != f);
    const std::string text = available ? label : label + " (" + missing + ")";
    if (ImGui::RadioButton(text.c_str(), o.frame == f)) o.frame = f;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text.c_str());
}

}  // namespace

bool ExportPanel::drawContent(ExportOptions& o, const ExportPanelInfo& info) {
    if (!m_synced) {
        std::strncpy(m_path, o.path.c_str(), sizeof m_path - 1);
        std::strncpy(m_title, o.title.c_str(), sizeof m_title - 1);
        m_synced = true;
    }
    // The result first: it must never fall below the visible area.
    if (info.status.empty())
        ImGui::TextDisabled("No export yet.");
    else {
        if (info.statusIsError) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.40f, 1.0f));
        ImGui::TextWrapped("%s", info.status.c_str());
        if (info.statusIsError) ImGui::PopStyleColor();
    }
    for (const auto& note : info.notes) ImGui::TextWrapped("Note: %s", note.c_str());

    ImGui::BeginDisabled(info.running || !info.haveFrame);
    const bool go = ImGui::Button(info.running ? "Exporting…" : "Export");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputText("##file", m_path, sizeof m_path)) o.path = m_path;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("File to write: .png, .pdf or .svg (vector, text as text)");
    ImGui::Separator();

    drawFrameChoice(o, info);
    ImGui::Separator();
    drawSize(o, info);
    ImGui::SetNextItemWidth(-4.0f * ImGui::GetFontSize());
    if (ImGui::InputText("title", m_title, sizeof m_title)) o.title = m_title;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Empty: what is shown");
    ImGui::Checkbox("georeference", &o.georef);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Also write a world file (.pgw) and a GDAL .aux.xml with the CRS");
    ImGui::SameLine();
    ImGui::Checkbox("overwrite", &o.force);
    if (!info.drawnText.empty()) {
        ImGui::Separator();
        ImGui::TextWrapped("%s", info.drawnText.c_str());
    }
    return go && !info.running && info.haveFrame;
}

void ExportPanel::drawFrameChoice(ExportOptions& o, const ExportPanelInfo& info) {
    ImGui::TextUnformatted("Frame");
    frameRadio(o, ExportFrame::View, "the view", true, "");
    frameRadio(o, ExportFrame::Pair, "twinned pair" + (info.pairName.empty() ? "" : ": " + info.pairName),
               !info.pairName.empty(), "show one in Pairs");
    frameRadio(o, ExportFrame::Unit, "selected unit" + (info.unitName.empty() ? "" : ": " + info.unitName),
               !info.unitName.empty(), "select one");
    frameRadio(o, ExportFrame::BorderArea, "the whole border area", true, "");
    frameRadio(o, ExportFrame::LonLatBox, "lon/lat box", true, "");
    if (o.frame == ExportFrame::LonLatBox) {
        ImGui::SetNextItemWidth(-4.0f * ImGui::GetFontSize());
        ImGui::InputScalarN("lon °E", ImGuiDataType_Double, &o.lonLatBox[0], 1, nullptr, nullptr, "%.3f");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputScalarN("##lon2", ImGuiDataType_Double, &o.lonLatBox[2], 1, nullptr, nullptr, "%.3f");
        ImGui::SetNextItemWidth(-4.0f * ImGui::GetFontSize());
        ImGui::InputScalarN("lat °N", ImGuiDataType_Double, &o.lonLatBox[1], 1, nullptr, nullptr, "%.3f");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputScalarN("##lat2", ImGuiDataType_Double, &o.lonLatBox[3], 1, nullptr, nullptr, "%.3f");
    }
    if (!info.frameText.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, info.haveFrame ? ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled)
                                                            : ImVec4(1.0f, 0.75f, 0.35f, 1.0f));
        ImGui::TextWrapped("%s", info.frameText.c_str());
        ImGui::PopStyleColor();
    }
}

void ExportPanel::drawSize(ExportOptions& o, const ExportPanelInfo& info) {
    int size[2] = {o.width, o.height};
    ImGui::SetNextItemWidth(-4.0f * ImGui::GetFontSize());
    if (ImGui::InputInt2("pixels", size)) {
        o.width = std::clamp(size[0], 64, 30000);
        o.height = std::clamp(size[1], 64, 30000);
    }
    ImGui::SetNextItemWidth(-4.0f * ImGui::GetFontSize());
    ImGui::SliderInt("dpi", &o.dpi, 72, 600);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Scales lines, text and symbols; recorded in the PNG; sets a PDF's page size with the pixels");
    ImGui::BeginDisabled(info.viewAspect <= 0);
    if (ImGui::Button("Proportions of the view"))
        o.height = std::clamp(int(std::lround(o.width / info.viewAspect)), 64, 30000);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Keep the width; make the height follow the map's proportions on screen");
}

}  // namespace bl::ui
