// The workspace: one layout that never overlaps the map or itself (toolbar,
// sidebar tabs, inspector with the legend, status bar; ui/workspace_layout),
// the panels drawn into it, the splitters that resize it, and the UI-state
// dump the UI tests read (--ui-state).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "app/viewer_app.hpp"
#include "app/viewer_rows.hpp"
#include "engine/figures.hpp"
#include "ui/help_overlay.hpp"
#include "ui/legend_panel.hpp"

namespace bl::app {

namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

void place(const ui::Rect& r) {
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(std::max(r.w, 1.0f), std::max(r.h, 1.0f)), ImGuiCond_Always);
}

// Short enough for six tabs in a narrow sidebar; "Borders" is the adjacency explorer.
const char* kTabNames[] = {"Search", "Layers", "Pairs", "Docs", "Borders", "Export"};

}  // namespace

// The layout for this window size, in points, and the map's rectangle in
// framebuffer pixels (the camera's viewport).
void ViewerApp::layOut(const FrameSize& size) {
    const ImGuiStyle& st = ImGui::GetStyle();
    m_uiScale = size.uiScale;
    m_pointScale = float(size.uiScale / size.pxPerPoint);
    // The user's widths are kept at scale 1; the layout gets them scaled.
    ui::LayoutWishes wishes = m_wishes;
    wishes.sidebarWidth *= m_pointScale;
    wishes.inspectorWidth *= m_pointScale;
    wishes.toolbarHeight = ImGui::GetFrameHeight() + 2 * st.WindowPadding.y;
    wishes.statusHeight = ImGui::GetFrameHeight() + 2 * 4.0f * m_pointScale;
    wishes.splitter = std::round(0.4f * ImGui::GetFontSize());
    m_layout = ui::layoutWorkspace(float(size.winWidth), float(size.winHeight), wishes);
    const double k = size.pxPerPoint;
    const ui::Rect& m = m_layout.map;
    const int x0 = int(std::lround(m.x * k)), y0 = int(std::lround(m.y * k));
    const int w = std::max(1, int(std::lround(m.right() * k)) - x0);
    const int h = std::max(1, int(std::lround(m.bottom() * k)) - y0);
    m_mapTarget = {0, w, h, x0, size.fbHeight - (y0 + h)};
    m_cam.width = w;
    m_cam.height = h;
}

void ViewerApp::drawWorkspace(const FrameSize&) {
    drawToolbar();
    std::optional<Box> preview;
    drawSidebar(preview);
    buildScene(preview);
    // The export's legend for what the map shows now: layers, then overlays.
    m_legend = render::legendFor(*m_data->dataset, *m_data->geometry, m_scene, m_cam);
    for (auto& e : render::overlayLegend(*m_data->dataset, m_scene, m_cam)) m_legend.push_back(std::move(e));
    drawInspector();
    drawStatusBar();
    drawSplitters();
    const ui::Rect& m = m_layout.map;
    ui::drawHelpOverlay(m_help, m.x, m.y, m.w, m.h);
}

void ViewerApp::drawToolbar() {
    place(m_layout.toolbar);
    ImGui::Begin("##toolbar", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar);
    ImGui::BeginDisabled(!m_history.canGoBack());
    if (ImGui::ArrowButton("back", ImGuiDir_Left)) {
        recordView(true);
        if (auto v = m_history.back()) goTo(*v);
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Back (Alt+Left)");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!m_history.canGoForward());
    if (ImGui::ArrowButton("forward", ImGuiDir_Right))
        if (auto v = m_history.forward()) goTo(*v);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Forward (Alt+Right)");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Home")) m_needsHomeView = true;
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::TextUnformatted("Viet Nam");
    for (const auto& sys : m_data->catalog->vintages.systems) {
        ImGui::SameLine();
        if (ImGui::RadioButton(sys.label.c_str(), m_state.vnVintage == sys.label)) showSystem(sys.label, {});
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s%s(V switches)", sys.description.c_str(), sys.description.empty() ? "" : "\n");
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::Checkbox("Labels", &m_state.labels);
    ImGui::SameLine();
    if (ImGui::Checkbox("Measure", &m_measure.active) && !m_measure.active) m_measure.points.clear();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click points on the map; the geodesic distance shows below (M)");
    ImGui::SameLine();
    ImGui::Checkbox("Sidebar", &m_wishes.sidebarShown);
    ImGui::SameLine();
    ImGui::Checkbox("Inspector", &m_wishes.inspectorShown);
    ImGui::SameLine();
    if (ImGui::Button("?")) m_help = !m_help;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keyboard shortcuts (F1)");
    if (!m_note.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.85f, 0.35f, 1.0f));
        ImGui::TextUnformatted(m_note.c_str());
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n(Escape clears)", m_note.c_str());
    }
    ImGui::End();
}

void ViewerApp::drawSidebar(std::optional<Box>& exportPreview) {
    if (!m_wishes.sidebarShown) return;
    place(m_layout.sidebar);
    ImGui::Begin("##sidebar", nullptr, kPanelFlags);
    const Dataset& ds = *m_data->dataset;
    const bool adjacencyCurrent = complete();  // the adjacency of the system shown
    if (ImGui::BeginTabBar("tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
        for (int t = 0; t < int(SidebarTab::Count); ++t) {
            const bool wanted = m_tabRequest && int(*m_tabRequest) == t;
            if (!ImGui::BeginTabItem(kTabNames[t], nullptr, wanted ? ImGuiTabItemFlags_SetSelected : 0)) continue;
            m_tab = SidebarTab(t);
            switch (m_tab) {
            case SidebarTab::Search: m_searchPanel.drawContent(*m_data->gazetteer, ds, m_state); break;
            case SidebarTab::Layers: m_layersPanel.drawContent(*m_data->catalog, ds, m_state); break;
            case SidebarTab::Pairs:
                if (!m_data->newsNote.empty()) ImGui::TextWrapped("%s", m_data->newsNote.c_str());
                m_pairsPanel.drawContent(m_data->news && !m_data->news->corpus.links.empty() ? &m_pairRows : nullptr,
                                         m_state, m_shownLink);
                break;
            case SidebarTab::Documents:
                m_documentsPanel.drawContent(
                    m_data->news && !m_data->news->corpus.documents.empty() ? &m_docRows : nullptr, m_data->news);
                break;
            case SidebarTab::Adjacency: {
                std::vector<Level> levels;
                std::string notes;
                if (m_adjacency)
                    for (const auto& l : m_adjacency->levels) {
                        if (l.available()) levels.push_back(l.level);
                        if (!l.note.empty()) notes += std::string(notes.empty() ? "" : "\n") + toString(l.level) + ": " + l.note;
                    }
                m_adjacencyPanel.drawContent(adjacencyCurrent ? &m_borderRows : nullptr, m_state, adjacencyNote(),
                                             levels, adjacencyCurrent ? notes : std::string());
                break;
            }
            case SidebarTab::Export:
                m_export.drawContent(exportView());
                exportPreview = m_export.previewFrame();
                break;
            case SidebarTab::Count: break;
            }
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    m_tabRequest.reset();
    ImGui::End();
}

void ViewerApp::drawInspector() {
    if (!m_wishes.inspectorShown) return;
    place(m_layout.inspector);
    ImGui::Begin("##inspector", nullptr, kPanelFlags);
    const bool adjacencyCurrent = complete();  // the adjacency of the system shown
    if (!(m_successionOf == m_state.selected)) {
        m_successionOf = m_state.selected;
        m_successionNotes = successionNotes(*m_data, m_state.selected);
    }
    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    if (ImGui::CollapsingHeader("Inspector"))
        m_inspectorPanel.drawContent(*m_data->dataset, m_state, adjacencyCurrent ? &m_neighbours : nullptr, adjacencyNote(),
                                     m_successionNotes, m_note);
    ImGui::SetNextItemOpen(m_legendOpen, ImGuiCond_Once);
    m_legendOpen = ImGui::CollapsingHeader("Legend");
    if (m_legendOpen) ui::drawLegend(m_legend);
    ImGui::End();
}

void ViewerApp::drawStatusBar() {
    place(m_layout.status);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 4));
    ImGui::Begin("##status", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    if (m_input.cursor) {
        char at[96];
        const LonLat c = *m_input.cursor;
        std::snprintf(at, sizeof at, "%.5f° %s, %.5f° %s", std::fabs(c.lat), c.lat >= 0 ? "N" : "S", std::fabs(c.lon),
                      c.lon >= 0 ? "E" : "W");
        if (ImGui::SmallButton(at)) {
            char copy[64];
            std::snprintf(copy, sizeof copy, "%.5f, %.5f", c.lat, c.lon);
            ImGui::SetClipboardText(copy);
            m_note = std::string("Copied ") + copy;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click to copy latitude, longitude");
    } else {
        ImGui::TextDisabled("pointer off the map");
    }
    if (m_measure.active || !m_measure.points.empty()) {
        ImGui::SameLine();
        ImGui::Text("| Measure: %s (%zu points)%s", engine::kmText(measuredKm()).c_str(), m_measure.points.size(),
                    m_measure.active ? ", click to add, M or Escape ends" : "");
    }
    if (m_adjacencyJob) {
        ImGui::SameLine();
        ImGui::TextDisabled("| adjacency %s %.0f%%", m_state.vnVintage.c_str(), 100.0 * m_adjacencyJob->fraction());
    }
    if (const std::string line = m_export.statusLine(); !line.empty()) {
        ImGui::SameLine();
        ImGui::TextUnformatted(("| " + line).c_str());
    }
    if (!m_data->contextNote.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1, 0.6f, 0.4f, 1), "| no neighbouring countries");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m_data->contextNote.c_str());
    }
    if (!m_settingsWarning.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1, 0.6f, 0.4f, 1), "| settings not read");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m_settingsWarning.c_str());
    }
    ImGui::End();
}

// Draggable gaps between the panels and the map: they resize the panels.
void ViewerApp::drawSplitters() {
    auto splitter = [&](const char* id, float x, float& width, float direction) {
        const ui::Rect& m = m_layout.map;
        ImGui::SetNextWindowPos(ImVec2(x, m.y), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(m_layout.splitter, m.h), ImGuiCond_Always);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
        ImGui::Begin(id, nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNav);
        ImGui::PopStyleVar(2);
        ImGui::InvisibleButton("grip", ImVec2(std::max(1.0f, m_layout.splitter), std::max(1.0f, m.h)));
        if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        if (ImGui::IsItemActive()) {  // widths are kept at UI scale 1
            const float k = std::max(m_pointScale, 0.01f);
            width = std::clamp(width + direction * ImGui::GetIO().MouseDelta.x / k, ui::kMinPanelWidth,
                               std::max(ui::kMinPanelWidth, m_layout.toolbar.w * 0.6f / k));
        }
        ImGui::End();
    };
    if (m_wishes.sidebarShown && m_layout.sidebar.w > 0)
        splitter("##split-left", m_layout.sidebar.right(), m_wishes.sidebarWidth, +1.0f);
    if (m_wishes.inspectorShown && m_layout.inspector.w > 0)
        splitter("##split-right", m_layout.inspector.x - m_layout.splitter, m_wishes.inspectorWidth, -1.0f);
}

// --ui-state FILE: what the window shows, for the UI tests (written when it
// changes, atomically).
void ViewerApp::writeUiState(const FrameSize& size) {
    if (m_options.uiState.empty()) return;
    using nlohmann::json;
    const Dataset& ds = *m_data->dataset;
    const WorkingCrs& crs = threadCrs();
    auto rect = [](const ui::Rect& r) { return json::array({r.x, r.y, r.w, r.h}); };
    auto lonLatBox = [&](const Box& b) {
        const LonLat lo = crs.inverse({b.minX, b.minY}), hi = crs.inverse({b.maxX, b.maxY});
        return json::array({lo.lon, lo.lat, hi.lon, hi.lat});
    };
    json j;
    j["window"] = {size.winWidth, size.winHeight};
    j["ready"] = complete() && !m_export.busy();
    j["vintage"] = m_state.vnVintage;
    j["note"] = m_note;
    j["tab"] = kTabNames[int(m_tab)];
    j["help"] = m_help;
    j["labels"] = m_state.labels;
    j["parts"] = {{"toolbar", rect(m_layout.toolbar)},
                  {"sidebar", rect(m_wishes.sidebarShown ? m_layout.sidebar : ui::Rect{})},
                  {"inspector", rect(m_wishes.inspectorShown ? m_layout.inspector : ui::Rect{})},
                  {"status", rect(m_layout.status)},
                  {"map", rect(m_layout.map)}};
    j["camera"] = {{"visible", lonLatBox(m_cam.visibleBox())}, {"metres_per_pixel", m_cam.metresPerPixel}};
    if (const AdminUnit* u = ds.unitOf(m_state.selected)) {
        const Layer* l = ds.layerOf(m_state.selected);
        j["selected"] = {{"name", u->name}, {"level", toString(l->spec.level)}, {"country", toString(l->spec.country)},
                         {"vintage", l->spec.vintage.label}, {"bounds", lonLatBox(u->bounds)}};
    }
    j["neighbours_ready"] = complete() && m_neighboursOf == m_state.selected;
    json ns = json::array();
    for (const auto& n : m_neighbours) {
        char km[32];
        std::snprintf(km, sizeof km, "%.1f", n.sharedKm);
        ns.push_back({{"name", n.name}, {"km", km}, {"cross_border", n.crossBorder}});
    }
    j["neighbours"] = ns;
    json results = json::array();
    for (const auto& r : m_searchPanel.results()) results.push_back(r.ref.unit->name);
    j["search"] = {{"query", m_searchPanel.query()}, {"results", results}, {"highlighted", m_searchPanel.highlighted()}};
    j["keyboard_in_panel"] = ImGui::GetIO().WantTextInput;
    j["reading"] = m_documentsPanel.reading();
    json rows = json::array();
    for (const auto& r : m_pairsPanel.rowRects()) rows.push_back({r[0], r[1], r[2], r[3]});
    j["pair_rows"] = rows;
    j["shown_pair"] = m_shownLink ? json(*m_shownLink) : json(nullptr);
    j["highlight_frame"] = m_highlightFrame.empty() ? json(nullptr) : lonLatBox(m_highlightFrame);
    const ImGuiIO& io = ImGui::GetIO();
    j["mouse"] = {io.MousePos.x, io.MousePos.y, io.MouseDown[0]};
    j["measuring"] = m_measure.active;
    j["measure_km"] = measuredKm();
    j["measure_points"] = m_measure.points.size();
    j["history"] = {m_history.position(), m_history.size()};
    j["legend"] = json::array();
    for (const auto& e : m_legend) j["legend"].push_back(e.text);
    std::string text = j.dump(1);
    if (text == m_uiStateDump) return;
    m_uiStateDump = text;
    const std::string tmp = m_options.uiState + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << text << "\n";
        if (!out) return;
    }
    std::rename(tmp.c_str(), m_options.uiState.c_str());
}

}  // namespace bl::app
