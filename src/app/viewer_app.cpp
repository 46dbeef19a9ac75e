#include "app/viewer_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>

#include "app/viewer_rows.hpp"
#include "core/boundaries/geometry_ops.hpp"
#include "engine/overlays.hpp"
#include "render/map_export.hpp"

namespace bl::app {

ViewerApp::ViewerApp(const ViewerOptions& options, const render::FontSet& fonts)
    : m_options(options), m_fonts(fonts), m_export(fonts), m_screenshot(!options.screenshot.empty()) {
    const engine::SessionOptions so{options.catalogPath, options.dataRoot};
    using MapPtr = std::shared_ptr<const engine::MapData>;
    const std::string store = options.store;
    m_loader = std::make_unique<engine::Job<MapPtr>>("loading the map", [so, store](engine::JobControl& c) -> Result<MapPtr> {
        c.progress(0.0f, "reading the catalog");
        auto session = engine::Session::open(so);
        if (!session) return session.error();
        engine::MapRequest req;
        req.news = true;  // every layer: both systems can be shown, links resolve in both
        req.newsRequest.store = store;
        return engine::prepareMap(**session, req, &c);
    });
    // Screenshots are reproducible: no remembered workspace.
    if (!m_screenshot) {
        m_settingsPath = io::viewerSettingsPath();
        if (auto s = io::loadViewerSettings(m_settingsPath)) {
            m_settings = *s;
        } else {
            m_settingsWarning = s.error().message + " (using the defaults; the file is kept)";
            std::fprintf(stderr, "borderlens view: %s\n", m_settingsWarning.c_str());
        }
    }
    m_wishes.sidebarWidth = m_settings.sidebarWidth;
    m_wishes.inspectorWidth = m_settings.inspectorWidth;
    m_tabRequest = SidebarTab(std::clamp(m_settings.tab, 0, int(SidebarTab::Count) - 1));
    m_state.labels = m_settings.labels;
    m_legendOpen = m_settings.legendOpen;
    if (m_options.vnVintage.empty()) m_options.vnVintage = m_settings.vnVintage;
}

void ViewerApp::saveSettings() const {
    if (m_screenshot || m_settingsPath.empty()) return;
    io::ViewerSettings s;
    s.sidebarWidth = m_wishes.sidebarWidth;
    s.inspectorWidth = m_wishes.inspectorWidth;
    s.tab = int(m_tab);
    s.vnVintage = m_state.vnVintage;
    s.labels = m_state.labels;
    s.legendOpen = m_legendOpen;
    if (m_data) s.view = io::SavedView{m_cam.center.x, m_cam.center.y, m_cam.metresPerPixel};
    if (auto w = io::saveViewerSettings(m_settingsPath, s); !w)
        std::fprintf(stderr, "borderlens view: %s\n", w.error().message.c_str());
}

bool ViewerApp::stopJobs(std::chrono::milliseconds budget) {
    if (m_loader) m_loader->cancel();
    if (m_adjacencyJob) m_adjacencyJob->cancel();
    m_export.wait();
    const auto until = std::chrono::steady_clock::now() + budget;
    auto busy = [&] {
        return (m_loader && !m_loader->finished()) || (m_adjacencyJob && !m_adjacencyJob->finished());
    };
    while (busy() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return !busy();
}

bool ViewerApp::busy() const {
    // A loading or adjacency job is busy until its result is taken (the
    // next frame takes it); an export until it has written its files.
    return m_loader || m_adjacencyJob || m_export.busy();
}

bool ViewerApp::complete() const { return m_data && m_adjacency && m_adjacency->vintage == m_state.vnVintage; }

// Every jump of the map: the view left is a step back in the history.
void ViewerApp::flyTo(const Box& box, double marginPx) {
    if (box.empty()) return;
    recordView(true);
    m_cam.fit(box, marginPx * m_uiScale);
    recordView(true);
}

// The one way the shown Vietnamese system changes (toolbar, V, a unit or
// pair of the other system chosen): the note says why, when it was not asked.
void ViewerApp::showSystem(const std::string& vintage, std::string note) {
    if (!m_data || vintage == m_state.vnVintage) return;
    ui::showVintage(*m_data->dataset, m_data->catalog->vintages, vintage, m_state);
    m_note = std::move(note);
    m_neighboursOf = {};
}

// Escape: nothing selected, highlighted or measured.
void ViewerApp::clearOverlays() {
    m_state.selected = {};
    m_highlight = {};
    m_shownLink.reset();
    m_shownBorder.reset();
    m_highlightFrame = {};
    m_measure = {};
    m_note.clear();
    if (m_data && m_data->news) markSelectedLink(m_docRows, *m_data->news, std::nullopt);
}

void ViewerApp::takeLoadedData() {
    if (m_data || !m_loader || !m_loader->finished()) return;
    const auto& r = m_loader->result();
    if (!r) {
        std::fprintf(stderr, "borderlens view: %s\n", r.error().message.c_str());
        m_exitCode = 1;
        m_loadError = r.error().message;  // drawLoading keeps showing it
        m_loader.reset();
        return;
    }
    m_data = *r;
    m_loader.reset();
    m_gateSymbols = engine::gateSymbols(*m_data->curated);
    m_gateCircles = engine::gateUncertainty(*m_data->curated);
    ui::showVintage(*m_data->dataset, m_data->catalog->vintages, m_options.vnVintage, m_state);
    // The last view, unless the command line asks for something to show.
    const bool asked = !m_options.select.empty() || m_options.pair >= 0 || m_options.border >= 0;
    if (m_settings.view && !asked && m_cam.width > 1) {
        m_cam.center = {m_settings.view->centerX, m_settings.view->centerY};
        m_cam.metresPerPixel = m_settings.view->metresPerPixel;
        recordView(true);
    } else {
        m_needsHomeView = true;
    }
}

// --select, --pair and --border: once, when the data (and for --border the
// adjacency) is there. In screenshot mode a miss ends the viewer (exit 3).
void ViewerApp::applyStartupOptions() {
    if (m_startupDone || !m_data) return;
    m_startupDone = true;
    if (!m_options.select.empty()) {
        auto found = m_data->gazetteer->find(m_options.select, {.limit = 1});
        if (found.empty()) {
            std::fprintf(stderr, "borderlens view: --select '%s' matches no unit\n", m_options.select.c_str());
            if (m_screenshot) m_exitCode = 3;
        } else {
            const GazetteerMatch& m = found.front();
            if (const std::string note = guessNote("--select", m_options.select, m); !note.empty())
                std::fprintf(stderr, "borderlens view: %s\n", note.c_str());
            m_state.selectRequest = m_data->dataset->keyOf(m.ref.unit);
        }
    }
    if (m_options.pair >= 0) {
        const size_t links = m_data->news ? m_data->news->corpus.links.size() : 0;
        if (size_t(m_options.pair) < links) {
            m_state.pairRequest = size_t(m_options.pair);
        } else {
            std::fprintf(stderr, "borderlens view: --pair %d: the documents give %zu links%s%s\n", m_options.pair, links,
                         m_data->newsNote.empty() ? "" : ": ", m_data->newsNote.c_str());
            if (m_screenshot) m_exitCode = 3;
        }
    }
}

void ViewerApp::startAdjacencyJobIfNeeded() {
    if (!m_data) return;
    if (m_adjacencyJob) return;  // one at a time; takeAdjacency clears it
    if (m_adjacency && m_adjacency->vintage == m_state.vnVintage) return;
    if (!m_adjacencyError.empty() && m_adjacencyFailed == m_state.vnVintage) return;  // said once, not retried
    using Ptr = std::shared_ptr<const engine::VintageAdjacency>;
    m_adjacencyJobVintage = m_state.vnVintage;
    m_adjacencyJob = std::make_unique<engine::Job<Ptr>>(
        "adjacency " + m_state.vnVintage,
        [data = m_data, vintage = m_state.vnVintage](engine::JobControl& c) -> Result<Ptr> {
            return engine::adjacencyOfVintage(*data->catalog, data->dataset, vintage, 1, &c);  // a core for the UI
        });
}

void ViewerApp::takeAdjacency() {
    if (!m_adjacencyJob || !m_adjacencyJob->finished()) return;
    const auto& r = m_adjacencyJob->result();
    if (!r) {
        std::fprintf(stderr, "borderlens view: %s\n", r.error().message.c_str());
        m_adjacencyError = r.error().message;
        m_adjacencyFailed = m_adjacencyJobVintage;
        m_adjacencyJob.reset();
        return;
    }
    m_adjacency = *r;
    m_adjacencyJob.reset();
    m_borderRows = borderRows(*m_adjacency);
    m_adjacencyPanel.rowsChanged();
    m_neighboursOf = {};
    if (m_shownBorder) {  // the stretch was of the other system
        m_highlight = {};
        m_shownBorder.reset();
    }
    if (m_options.border >= 0 && !m_borderDone) {
        m_borderDone = true;
        int seen = 0;
        for (size_t i = 0; i < m_adjacency->borders.size(); ++i)
            if (m_adjacency->borders[i].kind == AdjacencyKind::International && seen++ == m_options.border)
                m_state.borderRequest = i;
        if (!m_state.borderRequest)
            std::fprintf(stderr, "borderlens view: --border %d: there are only %d cross-border pairs\n", m_options.border,
                         seen);
    }
}

// Requests raised by panels, keys and startup options: select, fly to a
// pair or a shared border. A unit or pair of the other Vietnamese system
// switches the map to that system, with a note saying so.
void ViewerApp::handleRequests() {
    const Dataset& ds = *m_data->dataset;
    if (m_needsHomeView) {
        const Box& b = m_data->geometry->borderBounds.empty() ? m_data->geometry->bounds : m_data->geometry->borderBounds;
        flyTo(b.expanded(30000.0), 10.0);
        m_needsHomeView = false;
    }
    if (m_state.selectRequest) {
        const UnitKey k = *m_state.selectRequest;
        m_state.selectRequest.reset();
        if (const Layer* l = ds.layerOf(k); l && l->spec.country == Country::VN && l->spec.vintage.label != m_state.vnVintage)
            showSystem(l->spec.vintage.label, systemNote(ds, k));
        if (ds.layerOf(k)) m_state.layerVisible[size_t(k.layer)] = 1;
        m_state.selected = k;
        if (const AdminUnit* u = ds.unitOf(k)) flyTo(u->bounds, 40.0);
    }
    if (m_data->news && m_state.pairRequest && *m_state.pairRequest < m_data->news->corpus.links.size()) {
        const size_t link = *m_state.pairRequest;
        engine::LinkOverlay lo = engine::linkOverlay(*m_data, link, m_state.vnVintage, engine::kLinkColour);
        if (lo.frame.empty())  // not resolved in this system: the one that resolves it
            for (const auto& sys : m_data->catalog->vintages.systems) {
                if (sys.label == m_state.vnVintage) continue;
                engine::LinkOverlay other = engine::linkOverlay(*m_data, link, sys.label, engine::kLinkColour);
                if (other.frame.empty()) continue;
                showSystem(sys.label, "Pair " + std::to_string(link) + " resolves only in the " + sys.label +
                                          " system: the map shows that system now.");
                lo = std::move(other);
                break;
            }
        m_highlight = lo.overlay;
        m_shownLink = link;
        m_shownBorder.reset();
        m_highlightFrame = lo.frame;
        markSelectedLink(m_docRows, *m_data->news, m_shownLink);
        flyTo(lo.frame, 30.0);
    }
    m_state.pairRequest.reset();
    if (m_data->news && m_pairRowsVintage != m_state.vnVintage) {
        m_pairRows = pairRows(*m_data->news, m_state.vnVintage);
        m_pairRowsVintage = m_state.vnVintage;
        if (m_shownLink) {  // the pair again, as this system resolves it
            const engine::LinkOverlay lo = engine::linkOverlay(*m_data, *m_shownLink, m_state.vnVintage, engine::kLinkColour);
            m_highlight = lo.overlay;
            m_highlightFrame = lo.frame;
        }
    }
    if (m_data->news && m_docRows.empty()) {
        m_docRows = documentRows(*m_data->news);
        markSelectedLink(m_docRows, *m_data->news, m_shownLink);
    }

    const bool adjacencyCurrent = complete();  // the adjacency of the system shown
    if (adjacencyCurrent && !(m_neighboursOf == m_state.selected)) {
        m_neighbours = neighbourRows(*m_adjacency, ds, m_state.selected);
        m_neighboursOf = m_state.selected;
    }
    if (m_state.borderRequest && adjacencyCurrent && *m_state.borderRequest < m_adjacency->borders.size()) {
        const SharedBorder& b = m_adjacency->borders[*m_state.borderRequest];
        m_highlight = engine::sharedBorderOverlay(b, ds, *m_data->geometry, engine::kPairColour);
        m_shownLink.reset();
        m_shownBorder = m_state.borderRequest;
        Box box = b.a->bounds;
        box.extend(b.b->bounds);
        m_highlightFrame = box;
        flyTo(box, 30.0);
    }
    if (adjacencyCurrent) m_state.borderRequest.reset();
}

// What the export dialog exports: what the map shows now.
ExportView ViewerApp::exportView() const {
    ExportView v;
    v.data = m_data;
    v.visible = m_cam.visibleBox();
    v.visibleWidthPx = m_cam.width;
    v.visibleHeightPx = m_cam.height;
    v.vnVintage = m_state.vnVintage;
    v.layerVisible = m_state.layerVisible;
    v.selected = m_state.selected;
    v.shownLink = m_shownLink;
    v.overlay = shownOverlay();
    v.labels = m_state.labels;
    return v;
}

// What the map draws over the layers (and an export of it draws): the pair
// or shared border shown, the gates with their circles, the measurement.
engine::Overlay ViewerApp::shownOverlay() const {
    engine::Overlay o = m_highlight;
    engine::addSymbols(o, m_gateSymbols);
    o.segments.push_back(m_gateCircles);
    measureOverlay(o);
    return o;
}

// Why the neighbours and the explorer are not there yet (or failed).
std::string ViewerApp::adjacencyNote() const {
    if (!m_adjacencyError.empty()) return "adjacency failed: " + m_adjacencyError;
    char buf[160];
    std::snprintf(buf, sizeof buf, "computing adjacency (%s)… %.0f%%", m_state.vnVintage.c_str(),
                  m_adjacencyJob ? 100.0 * m_adjacencyJob->fraction() : 0.0);
    return buf;
}

void ViewerApp::buildScene(const std::optional<Box>& exportPreview) {
    m_scene.layerVisible = m_state.layerVisible;
    m_scene.selected = m_state.selected;
    m_scene.hovered = m_state.hovered;
    m_scene.overlay = shownOverlay();
    if (exportPreview) engine::addFrameOutline(m_scene.overlay, *exportPreview, engine::kFrameColour, "export frame");
    m_scene.style.labels = m_state.labels;
    m_scene.style.scale = m_uiScale;  // lines, symbols and labels as big as the panels' text
    m_scene.style.attribution = m_data->catalog->attribution;
    m_scene.reservedAreas.clear();
}

// Before the data is there: a progress bar, or why loading failed.
void ViewerApp::drawLoading(const FrameSize& size) {
    ImGui::SetNextWindowPos(ImVec2(float(size.winWidth) / 2, float(size.winHeight) / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(460 * m_pointScale, 0));
    ImGui::Begin("Loading", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    if (!m_loadError.empty()) {
        ImGui::TextWrapped("Cannot load the data: %s", m_loadError.c_str());
        ImGui::TextDisabled("Fix the file named above and start borderlens again; close this window to quit.");
    } else {
        ImGui::TextUnformatted("Loading the Vietnam–Laos boundary data…");
        ImGui::ProgressBar(m_loader ? m_loader->fraction() : 0.0f, ImVec2(-1, 0));
        ImGui::TextDisabled("%s", m_loader ? m_loader->stage().c_str() : "");
    }
    ImGui::End();
}

bool ViewerApp::frame(const FrameSize& size) {
    layOut(size);
    takeLoadedData();
    if (m_screenshot && m_exitCode != 0) return false;
    if (!m_data) {
        drawLoading(size);
        return true;
    }
    applyStartupOptions();
    if (m_exitCode != 0) return false;
    startAdjacencyJobIfNeeded();
    takeAdjacency();
    handleShortcuts();
    handleRequests();
    handleMapInput(size);
    drawWorkspace(size);
    writeUiState(size);
    return true;
}

}  // namespace bl::app
