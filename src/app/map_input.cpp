// Input on the map and the shortcuts (listed once in ui/help_overlay.cpp):
// pan, zoom, hover and click, keys, the measure tool, back and forward.
#include <imgui.h>

#include <cmath>

#include "app/viewer_app.hpp"
#include "core/boundaries/geometry_ops.hpp"
#include "engine/figures.hpp"

namespace bl::app {

namespace {

// The unit under a world point: finest visible level first.
UnitKey pick(const Dataset& data, const ui::ViewerState& state, Vec2 p) {
    for (Level level : {Level::Commune, Level::District, Level::Province})
        for (size_t li = 0; li < data.layers.size(); ++li) {
            const Layer& l = data.layers[li];
            if (l.spec.level != level || li >= state.layerVisible.size() || !state.layerVisible[li]) continue;
            for (size_t u = 0; u < l.units.size(); ++u) {
                const Box& b = l.units[u].bounds;
                if (p.x < b.minX || p.x > b.maxX || p.y < b.minY || p.y > b.maxY) continue;
                if (contains(l.units[u].geometry, p)) return {int(li), int(u)};
            }
        }
    return {};
}

// ImGui 1.86 indexes keys by the backend's codes (GLFW's: letters and
// digits are their ASCII upper case).
constexpr int kKeyEqual = 61, kKeyMinus = 45, kKeyKpAdd = 334, kKeyKpSubtract = 333, kKeyF1 = 290;

bool pressed(int key) { return key >= 0 && ImGui::IsKeyPressed(key); }
bool pressedNamed(ImGuiKey key) { return pressed(ImGui::GetKeyIndex(key)); }

// A character typed this frame (e.g. '?', '+', which depend on the layout).
bool typed(ImWchar c) {
    const auto& q = ImGui::GetIO().InputQueueCharacters;
    for (int i = 0; i < q.Size; ++i)
        if (q[i] == c) return true;
    return false;
}

}  // namespace

// A step in the history when the view has changed and settled (or at once
// with `force`: before and after a jump).
void ViewerApp::recordView(bool force) {
    const ui::MapView now{m_cam.center.x, m_cam.center.y, m_cam.metresPerPixel, m_state.vnVintage};
    const auto t = std::chrono::steady_clock::now();
    if (!(now == m_lastView)) {
        m_lastView = now;
        m_viewChanged = t;
        if (!force) return;
    }
    if (force || t - m_viewChanged > std::chrono::milliseconds(600)) m_history.visit(now);
}

void ViewerApp::goTo(const ui::MapView& v) {
    if (v.vnVintage != m_state.vnVintage) showSystem(v.vnVintage, {});
    m_cam.center = {v.centerX, v.centerY};
    m_cam.metresPerPixel = v.metresPerPixel;
    m_lastView = v;
    m_viewChanged = std::chrono::steady_clock::now();
}

double ViewerApp::measuredKm() const {
    const WorkingCrs& crs = threadCrs();
    double m = 0;
    for (size_t i = 1; i < m_measure.points.size(); ++i)
        m += geodesicDistanceM(crs.inverse(m_measure.points[i - 1]), crs.inverse(m_measure.points[i]));
    return m / 1000.0;
}

void ViewerApp::measureOverlay(engine::Overlay& overlay) const {
    if (m_measure.points.empty()) return;
    engine::OverlaySegment seg;
    LineString line = m_measure.points;
    if (line.size() == 1) line.push_back(line.front());
    seg.lines.push_back(std::move(line));
    seg.colour = {0.95f, 0.55f, 0.05f, 1.0f};
    seg.widthPx = 3.0f;
    seg.label = engine::kmText(measuredKm());
    seg.legend = "Measured line (geodesic)";
    overlay.segments.push_back(std::move(seg));
}

// Keys that act anywhere unless a text field has the keyboard, and the
// map's keys when no panel has it.
void ViewerApp::handleShortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    const bool text = io.WantTextInput;
    if (pressed(kKeyF1) || (!text && typed('?'))) m_help = !m_help;
    if (io.KeyCtrl && pressed('Q')) m_quit = true;
    if (io.KeyCtrl && pressed('F')) {
        m_tabRequest = SidebarTab::Search;
        m_wishes.sidebarShown = true;
        m_searchPanel.focus();
    }
    if (io.KeyCtrl)
        for (int t = 0; t < int(SidebarTab::Count); ++t)
            if (pressed('1' + t)) {
                m_tabRequest = SidebarTab(t);
                m_wishes.sidebarShown = true;
            }
    if (pressedNamed(ImGuiKey_Escape) && m_help) {
        m_help = false;
        return;
    }
    if (io.WantCaptureKeyboard || text) return;
    if (typed('/')) {
        m_tabRequest = SidebarTab::Search;
        m_wishes.sidebarShown = true;
        m_searchPanel.focus();
    }
    if (pressedNamed(ImGuiKey_Escape)) {
        if (m_measure.active && !m_measure.points.empty()) m_measure.active = false;
        else clearOverlays();
    }
    const double pan = 0.15;
    const Vec2 centre{m_cam.width / 2.0, m_cam.height / 2.0};
    if (io.KeyAlt) {
        if (pressedNamed(ImGuiKey_LeftArrow)) {
            recordView(true);
            if (auto v = m_history.back()) goTo(*v);
        }
        if (pressedNamed(ImGuiKey_RightArrow))
            if (auto v = m_history.forward()) goTo(*v);
    } else {
        if (pressedNamed(ImGuiKey_LeftArrow)) m_cam.pan({m_cam.width * pan, 0});
        if (pressedNamed(ImGuiKey_RightArrow)) m_cam.pan({-m_cam.width * pan, 0});
        if (pressedNamed(ImGuiKey_UpArrow)) m_cam.pan({0, m_cam.height * pan});
        if (pressedNamed(ImGuiKey_DownArrow)) m_cam.pan({0, -m_cam.height * pan});
    }
    if (pressedNamed(ImGuiKey_Backspace)) {
        recordView(true);
        if (auto v = m_history.back()) goTo(*v);
    }
    if (pressed(kKeyEqual) || pressed(kKeyKpAdd) || typed('+')) m_cam.zoomAround(centre, 1.5);
    if (pressed(kKeyMinus) || pressed(kKeyKpSubtract)) m_cam.zoomAround(centre, 1 / 1.5);
    if (io.KeyCtrl || io.KeyAlt) return;
    if (pressedNamed(ImGuiKey_Home)) m_needsHomeView = true;
    if (pressed('F'))
        if (const AdminUnit* u = m_data->dataset->unitOf(m_state.selected)) flyTo(u->bounds, 40.0);
    if (pressed('L')) m_state.labels = !m_state.labels;
    // N / Shift+N: the next / previous twinned pair, flown to; R: its document.
    const size_t links = m_data->news ? m_data->news->corpus.links.size() : 0;
    if (pressed('N') && links > 0) {
        const size_t at = m_shownLink ? *m_shownLink : (io.KeyShift ? 0 : links - 1);
        m_state.pairRequest = io.KeyShift ? (at + links - 1) % links : (at + 1) % links;
        m_tabRequest = SidebarTab::Pairs;
    }
    if (pressed('R') && m_shownLink && m_data->news) {
        m_documentsPanel.open(m_data->news->corpus.links[*m_shownLink].document);
        m_tabRequest = SidebarTab::Documents;
        m_wishes.sidebarShown = true;
    }
    if (pressed('M')) {
        m_measure.active = !m_measure.active;
        if (m_measure.active) m_measure.points.clear();
    }
    if (pressed('V')) {
        const auto& systems = m_data->catalog->vintages.systems;
        for (size_t i = 0; i < systems.size(); ++i)
            if (systems[i].label == m_state.vnVintage) {
                showSystem(systems[(i + 1) % systems.size()].label, {});
                break;
            }
    }
}

// Pan, zoom, hover and click on the map, unless ImGui wants the pointer.
// In screenshot mode the pointer sits wherever the X server put it: no
// hover, no tooltip, so screenshots are reproducible.
void ViewerApp::handleMapInput(const FrameSize& size) {
    ImGuiIO& io = ImGui::GetIO();
    const Dataset& ds = *m_data->dataset;
    const ui::Rect& map = m_layout.map;
    const ImVec2 mouse = io.MousePos;
    const bool onMap = ImGui::IsMousePosValid() && map.contains(mouse.x, mouse.y) && !io.WantCaptureMouse;
    const Vec2 mousePx{(mouse.x - map.x) * size.pxPerPoint, (mouse.y - map.y) * size.pxPerPoint};
    m_input.cursor.reset();
    if (onMap && !m_screenshot) {
        const Vec2 under = m_cam.toWorld(mousePx);
        m_input.cursor = threadCrs().inverse(under);
        if (io.MouseWheel != 0.0f) m_cam.zoomAround(mousePx, std::pow(1.25, double(io.MouseWheel)));
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            m_input.pressed = true;
            m_input.dragging = false;
        }
        if (m_input.pressed && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) m_input.dragging = true;
        if (m_input.dragging) m_cam.pan({io.MouseDelta.x * size.pxPerPoint, io.MouseDelta.y * size.pxPerPoint});
        if (m_input.pressed && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            if (!m_input.dragging) {
                if (m_measure.active) m_measure.points.push_back(under);
                else m_state.selected = m_state.hovered;
            }
            m_input.pressed = m_input.dragging = false;
        }
        // Picked again when the pointer or the map moved (a key can move the map).
        if (!m_input.dragging && (under.x != m_input.lastWorld.x || under.y != m_input.lastWorld.y))
            m_state.hovered = pick(ds, m_state, under);
        m_input.lastWorld = under;
        if (const AdminUnit* u = ds.unitOf(m_state.hovered); u && !m_input.dragging && !m_measure.active) {
            const Layer* l = ds.layerOf(m_state.hovered);
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(u->name.c_str());
            ImGui::TextDisabled("%s, %s — %s", toString(l->spec.level), toString(l->spec.country), u->parentName.c_str());
            ImGui::TextDisabled("system %s (%s)", l->spec.vintage.label.c_str(), l->spec.id.c_str());
            ImGui::EndTooltip();
        }
    } else {
        // Off the map (or the pointer left the window): no hover, no tooltip.
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) m_input.pressed = m_input.dragging = false;
        if (m_input.dragging)
            m_cam.pan({io.MouseDelta.x * size.pxPerPoint, io.MouseDelta.y * size.pxPerPoint});
        m_state.hovered = {};
        m_input.lastWorld = {1e30, 1e30};
    }
    recordView(false);
}

}  // namespace bl::app
