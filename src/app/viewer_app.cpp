#include "app/viewer_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>

#include "core/boundaries/geometry_ops.hpp"
#include "engine/overlays.hpp"
#include "render/map_export.hpp"

namespace bl::app {

namespace {

// Panels sit at the left and right edges (kSideWidth points wide): fits go
// into the space between them.
constexpr float kSideWidth = 330.0f;

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

// Rows for the Adjacency explorer, index-aligned with the results.
std::vector<ui::SharedBorderRow> borderRows(const engine::VintageAdjacency& r) {
    std::vector<ui::SharedBorderRow> rows;
    rows.reserve(r.borders.size());
    for (const auto& b : r.borders)
        rows.push_back({b.a->name, b.b->name, b.layerA->spec.level,
                        std::string(toString(b.layerA->spec.country)) + "-" + toString(b.layerB->spec.country),
                        b.sharedKm});
    return rows;
}

std::vector<ui::NeighbourRow> neighbourRows(const engine::VintageAdjacency& r, const Dataset& ds, UnitKey key) {
    std::vector<ui::NeighbourRow> rows;
    const AdminUnit* u = ds.unitOf(key);
    if (!u) return rows;
    for (const auto& b : r.borders) {
        if (b.a != u && b.b != u) continue;
        const Layer* l = b.a == u ? b.layerB : b.layerA;
        const AdminUnit* other = b.a == u ? b.b : b.a;
        rows.push_back({ds.keyOf(other), other->name,
                        std::string(toString(l->spec.level)) + ", " + toString(l->spec.country) + " " +
                            l->spec.vintage.label,
                        b.sharedKm, b.kind == AdjacencyKind::International});
    }
    return rows;
}

std::string verdictText(const AdjacencyVerdict* v) {
    if (!v) return "not resolved in this vintage";
    return v->touches ? "share " + engine::kmText(v->sharedKm) + " of border"
                      : "not adjacent: " + engine::kmText(v->distanceKm) + " apart";
}

std::vector<ui::TwinnedPairRow> pairRows(const engine::News& news, const std::string& vintage) {
    std::vector<ui::TwinnedPairRow> rows;
    for (size_t i = 0; i < news.corpus.links.size(); ++i) {
        const Link& l = news.corpus.links[i];
        const AdjacencyVerdict* v = engine::finestVerdict(news.checks[i], vintage);
        std::vector<std::string> details;
        for (const auto& u : l.vn.units)
            if (u.vintage == vintage && u.by == ResolvedBy::Succession) details.push_back(u.reason);
        if (news.checks[i].nearestGate)
            details.push_back("Nearest border gate: " + describeGate(*news.checks[i].nearestGate));
        rows.push_back({v ? l.vn.name + " (" + v->vn->name + ")" : l.vn.name,
                        v ? l.la.name + " (" + v->la->name + ")" : l.la.name, toString(l.kind),
                        l.date.iso + (l.period.empty() ? "" : ", plan " + l.period), verdictText(v),
                        std::move(details)});
    }
    return rows;
}

// Each article with its date; the evidence sentence of the selected link.
std::vector<ui::DocumentRow> documentRows(const engine::News& news, std::optional<size_t> link) {
    std::vector<ui::DocumentRow> rows;
    for (size_t i = 0; i < news.corpus.documents.size(); ++i) {
        const Document& doc = news.corpus.documents[i];
        std::string evidence;
        if (link && *link < news.corpus.links.size() && news.corpus.links[*link].document == i) {
            const Span sp = news.corpus.links[*link].span;
            evidence = doc.text.substr(sp.begin, sp.end - sp.begin);
        }
        rows.push_back({doc.title.empty() ? std::string("(no headline)") : doc.title, doc.date.iso, doc.file, evidence});
    }
    return rows;
}

// The selected unit across the reform: its successors, or its predecessors.
std::vector<std::string> successionNotes(const engine::MapData& data, UnitKey key) {
    std::vector<std::string> out;
    const Layer* l = data.dataset->layerOf(key);
    const AdminUnit* u = data.dataset->unitOf(key);
    if (!l || !u || !data.curated) return out;
    const SuccessionTable& table = data.curated->succession;
    if (const Succession* s = table.find(l->spec.id, u->id)) {
        for (const auto& later : data.dataset->layers)
            if (!table.successorsIn(*s, later.spec.id).empty())
                out.push_back(table.describe(*s, later.spec.id, later.spec.vintage.label));
    } else if (auto from = table.describePredecessors(l->spec.id, u->id); !from.empty()) {
        out.push_back(from);
    }
    return out;
}

// The next side panel's place: stacked down the left or right edge.
void placePanel(float x, float y, float height, bool collapsed) {
    ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(kSideWidth, height), ImGuiCond_FirstUseEver);
    if (collapsed) ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
}

}  // namespace

ViewerApp::ViewerApp(const ViewerOptions& options, const render::FontSet& fonts)
    : m_options(options), m_fonts(fonts), m_screenshot(!options.screenshot.empty()) {
    const engine::SessionOptions so{options.catalogPath, options.dataRoot};
    using MapPtr = std::shared_ptr<const engine::MapData>;
    m_loader = std::make_unique<engine::Job<MapPtr>>("loading the map", [so](engine::JobControl& c) -> Result<MapPtr> {
        c.progress(0.0f, "reading the catalog");
        auto session = engine::Session::open(so);
        if (!session) return session.error();
        engine::MapRequest req;
        req.news = true;  // every layer: both systems can be shown, links resolve in both
        return engine::prepareMap(**session, req, &c);
    });
}

bool ViewerApp::stopJobs(std::chrono::milliseconds budget) {
    if (m_loader) m_loader->cancel();
    if (m_adjacencyJob) m_adjacencyJob->cancel();
    while (m_exportJob && !m_exportJob->finished()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
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
    return m_loader || m_adjacencyJob || (m_exportJob && !m_exportJob->finished());
}

bool ViewerApp::complete() const { return m_data && m_adjacency && m_adjacency->vintage == m_state.vnVintage; }

void ViewerApp::fitInFreeArea(const Box& box, double pxPerPoint, double margin) {
    const double side = (kSideWidth + 16) * pxPerPoint;
    if (m_cam.width > 3 * side)
        m_cam.fitInto(box, side + margin, margin, side + margin, margin);
    else
        m_cam.fit(box, margin);
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
    m_needsHomeView = true;
}

// --select, --pair and --border: once, when the data (and for --border the
// adjacency) is there. In screenshot mode a miss ends the viewer (exit 3).
void ViewerApp::applyStartupOptions() {
    if (m_startupDone || !m_data) return;
    m_startupDone = true;
    const Dataset& ds = *m_data->dataset;
    if (!m_options.select.empty()) {
        auto found = m_data->gazetteer->find(m_options.select, {.limit = 1});
        if (found.empty()) {
            std::fprintf(stderr, "borderlens view: --select '%s' matches no unit\n", m_options.select.c_str());
            if (m_screenshot) m_exitCode = 3;
        } else {
            const GazetteerMatch& m = found.front();
            if (const std::string note = guessNote("--select", m_options.select, m); !note.empty())
                std::fprintf(stderr, "borderlens view: %s\n", note.c_str());
            const UnitKey k = ds.keyOf(m.ref.unit);
            const Layer* l = ds.layerOf(k);
            if (l && l->spec.country == Country::VN && l->spec.vintage.label != m_state.vnVintage)
                ui::showVintage(ds, m_data->catalog->vintages, l->spec.vintage.label, m_state);
            m_state.layerVisible[size_t(k.layer)] = 1;
            m_state.selectRequest = k;
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
    m_neighboursOf = {};
    if (!m_shownLink) m_highlight = {};
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

// Requests raised by panels (and startup options): select, fly to a pair
// or a shared border.
void ViewerApp::handleRequests(const FrameSize& size) {
    const Dataset& ds = *m_data->dataset;
    if (m_needsHomeView) {
        const Box& b = m_data->geometry->borderBounds.empty() ? m_data->geometry->bounds : m_data->geometry->borderBounds;
        fitInFreeArea(b.expanded(30000.0), size.pxPerPoint, 10.0);
        m_needsHomeView = false;
    }
    if (m_state.selectRequest) {
        m_state.selected = *m_state.selectRequest;
        if (const AdminUnit* u = ds.unitOf(m_state.selected)) fitInFreeArea(u->bounds, size.pxPerPoint, 40.0);
        m_state.selectRequest.reset();
    }
    if (m_data->news && m_pairRowsVintage != m_state.vnVintage) {
        m_pairRows = pairRows(*m_data->news, m_state.vnVintage);
        m_pairRowsVintage = m_state.vnVintage;
        if (m_shownLink) m_state.pairRequest = m_shownLink;  // re-draw the pair in the other system
    }
    if (m_data->news && m_state.pairRequest && *m_state.pairRequest < m_data->news->corpus.links.size()) {
        const engine::LinkOverlay lo = engine::linkOverlay(*m_data, *m_state.pairRequest, m_state.vnVintage, engine::kLinkColour);
        m_highlight = lo.overlay;
        m_shownLink = m_state.pairRequest;
        m_docRows = documentRows(*m_data->news, m_shownLink);
        if (!lo.frame.empty()) fitInFreeArea(lo.frame, size.pxPerPoint, 30.0);
    }
    if (m_data->news && m_docRows.empty()) m_docRows = documentRows(*m_data->news, m_shownLink);
    m_state.pairRequest.reset();

    const bool adjacencyCurrent = m_adjacency && m_adjacency->vintage == m_state.vnVintage;
    if (adjacencyCurrent && !(m_neighboursOf == m_state.selected)) {
        m_neighbours = neighbourRows(*m_adjacency, ds, m_state.selected);
        m_neighboursOf = m_state.selected;
    }
    if (m_state.borderRequest && adjacencyCurrent && *m_state.borderRequest < m_adjacency->borders.size()) {
        const SharedBorder& b = m_adjacency->borders[*m_state.borderRequest];
        m_highlight = engine::sharedBorderOverlay(b, ds, *m_data->geometry, engine::kPairColour);
        m_shownLink.reset();
        Box box = b.a->bounds;
        box.extend(b.b->bounds);
        fitInFreeArea(box, size.pxPerPoint, 30.0);
    }
    if (adjacencyCurrent) m_state.borderRequest.reset();
}

// Pan, zoom, hover and click on the map, unless ImGui wants the input. In
// screenshot mode the pointer sits wherever the X server put it: no hover,
// no tooltip, so screenshots are reproducible.
void ViewerApp::handleMapInput(const FrameSize& size) {
    ImGuiIO& io = ImGui::GetIO();
    const Dataset& ds = *m_data->dataset;
    const ImVec2 mouse = io.MousePos;
    const Vec2 mousePx{mouse.x * size.pxPerPoint, mouse.y * size.pxPerPoint};
    if (!io.WantCaptureMouse && !m_screenshot) {
        if (io.MouseWheel != 0.0f) m_cam.zoomAround(mousePx, std::pow(1.25, double(io.MouseWheel)));
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            m_input.pressed = true;
            m_input.dragging = false;
        }
        if (m_input.pressed && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) m_input.dragging = true;
        if (m_input.dragging) m_cam.pan({io.MouseDelta.x * size.pxPerPoint, io.MouseDelta.y * size.pxPerPoint});
        if (m_input.pressed && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            if (!m_input.dragging) m_state.selected = m_state.hovered;
            m_input.pressed = m_input.dragging = false;
        }
        // Picked again when the pointer or the map moved (a key can move the map).
        const Vec2 under = m_cam.toWorld(mousePx);
        if (!m_input.dragging && (under.x != m_input.lastWorld.x || under.y != m_input.lastWorld.y) &&
            ImGui::IsMousePosValid())
            m_state.hovered = pick(ds, m_state, under);
        m_input.lastWorld = under;
        if (const AdminUnit* u = ds.unitOf(m_state.hovered); u && !m_input.dragging) {
            const Layer* l = ds.layerOf(m_state.hovered);
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(u->name.c_str());
            ImGui::TextDisabled("%s, %s — %s", toString(l->spec.level), toString(l->spec.country), u->parentName.c_str());
            ImGui::TextDisabled("vintage %s (%s)", l->spec.vintage.label.c_str(), l->spec.id.c_str());
            ImGui::EndTooltip();
        }
    } else {
        m_input.pressed = m_input.dragging = false;
        m_state.hovered = {};
    }
    if (!io.WantCaptureKeyboard && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) m_needsHomeView = true;
    constexpr int kKeyF = 'F';  // ImGui 1.86 indexes keys by the backend's codes: GLFW_KEY_F is 'F'
    if (!io.WantCaptureKeyboard && ImGui::IsKeyPressed(kKeyF))
        if (const AdminUnit* u = ds.unitOf(m_state.selected)) fitInFreeArea(u->bounds, size.pxPerPoint, 40.0);
}

// Every panel; each panel's rectangle keeps map labels out from under it.
void ViewerApp::drawPanels(const FrameSize& size) {
    const Dataset& ds = *m_data->dataset;
    m_scene.reservedAreas.clear();
    auto reserve = [&] {
        // A panel left outside a window made smaller comes back to its edge.
        ImVec2 p = ImGui::GetWindowPos();
        const ImVec2 sz = ImGui::GetWindowSize();
        const ImVec2 inside{std::clamp(p.x, 0.0f, std::max(0.0f, float(size.winWidth) - sz.x)),
                            std::clamp(p.y, 0.0f, std::max(0.0f, float(size.winHeight) - std::min(sz.y, 40.0f)))};
        if (inside.x != p.x || inside.y != p.y) ImGui::SetWindowPos(inside);
        p = inside;
        const double k = size.pxPerPoint;
        m_scene.reservedAreas.push_back({p.x * k, p.y * k, (p.x + sz.x) * k, (p.y + sz.y) * k});
    };
    const bool adjacencyCurrent = m_adjacency && m_adjacency->vintage == m_state.vnVintage;
    char pending[160];
    if (!m_adjacencyError.empty())
        std::snprintf(pending, sizeof pending, "adjacency failed: %s", m_adjacencyError.c_str());
    else
        std::snprintf(pending, sizeof pending, "computing adjacency (%s)… %.0f%%", m_state.vnVintage.c_str(),
                      m_adjacencyJob ? 100.0 * m_adjacencyJob->fraction() : 0.0);

    placePanel(8, 8, 290, false);
    if (ImGui::Begin("Layers")) m_layersPanel.drawContent(*m_data->catalog, ds, m_state);
    reserve();
    ImGui::End();
    placePanel(8, 306, 240, false);
    if (ImGui::Begin("Search")) m_searchPanel.drawContent(*m_data->gazetteer, ds, m_state);
    reserve();
    ImGui::End();
    const float right = float(size.winWidth) - kSideWidth - 8;
    placePanel(right, 8, 330, false);
    if (!(m_successionOf == m_state.selected)) {
        m_successionOf = m_state.selected;
        m_successionNotes = successionNotes(*m_data, m_state.selected);
    }
    if (ImGui::Begin("Inspector"))
        m_inspectorPanel.drawContent(ds, m_state, adjacencyCurrent ? &m_neighbours : nullptr, pending,
                                     m_successionNotes);
    reserve();
    ImGui::End();
    placePanel(right, 346, 300, true);
    if (ImGui::Begin("Twinned pairs")) {
        if (!m_data->newsNote.empty()) ImGui::TextWrapped("%s", m_data->newsNote.c_str());
        const bool any = m_data->news && !m_data->news->corpus.links.empty();
        m_pairsPanel.drawContent(any ? &m_pairRows : nullptr, m_state);
    }
    reserve();
    ImGui::End();
    placePanel(right, 376, 300, true);
    if (ImGui::Begin("Documents"))
        m_documentsPanel.drawContent(m_data->news && !m_data->news->corpus.documents.empty() ? &m_docRows : nullptr);
    reserve();
    ImGui::End();
    placePanel(right, 406, 300, true);
    if (ImGui::Begin("Adjacency explorer"))
        m_adjacencyPanel.drawContent(adjacencyCurrent ? &m_borderRows : nullptr, m_state, pending);
    reserve();
    ImGui::End();
    std::optional<Box> preview;
    ImGui::SetNextWindowPos(ImVec2(right, 436), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Export")) drawExportPanel(preview);
    reserve();
    ImGui::End();
    buildScene(preview);
}

// The Export dialog, with the frame it would export outlined on the map.
void ViewerApp::drawExportPanel(std::optional<Box>& preview) {
    if (m_exportJob && m_exportJob->finished()) {
        const auto& r = m_exportJob->result();
        char msg[700];
        if (r)
            std::snprintf(msg, sizeof msg, "Wrote %s (%.1f MiB) in %.1f s", r->files.png.c_str(),
                          double(r->bytes) / 1048576.0, r->renderSeconds + r->writeSeconds);
        else
            std::snprintf(msg, sizeof msg, "Export failed: %s", r.error().message.c_str());
        m_exportStatus.message = msg;
        m_exportJob.reset();
    }
    m_exportStatus.running = m_exportJob != nullptr;
    const bool go = m_exportPanel.drawContent(m_exportOptions, m_exportStatus, m_state.selected.valid());
    Box frame = m_cam.visibleBox();
    if (m_exportOptions.frame == 1 && m_state.selected.valid()) {
        frame = m_data->dataset->unitOf(m_state.selected)->bounds;
        frame = frame.expanded(std::max(frame.maxX - frame.minX, frame.maxY - frame.minY) * 0.08);
    } else if (m_exportOptions.frame == 2) {
        frame = m_data->geometry->borderBounds;
    }
    m_exportFrame = frame;
    // The frame at 96 dpi and the same proportions: what the export will show.
    engine::ExportSpec spec;
    spec.dpi = 96.0;
    spec.width = std::max(64, int(m_exportOptions.width * 96.0 / m_exportOptions.dpi));
    spec.height = std::max(64, int(m_exportOptions.height * 96.0 / m_exportOptions.dpi));
    spec.frame = frame;
    preview = render::exportCamera(spec, m_fonts).visibleBox();
    if (go) startExport();
}

// The dialog's options as an export request: the layers shown (named only
// when they differ from the system's defaults), the frame chosen.
void ViewerApp::startExport() {
    const Dataset& ds = *m_data->dataset;
    engine::ExportRequest req;
    req.output = m_exportOptions.path;
    req.width = m_exportOptions.width;
    req.height = m_exportOptions.height;
    req.dpi = m_exportOptions.dpi;
    req.frame = m_exportFrame;
    req.vintage = m_state.vnVintage;
    for (size_t i = 0; i < ds.layers.size(); ++i) {
        const bool byVintage = ds.layers[i].spec.country == Country::LA || ds.layers[i].spec.vintage.label == m_state.vnVintage;
        if (i < m_state.layerVisible.size() && bool(m_state.layerVisible[i]) != byVintage) {
            req.layers.clear();
            for (size_t j = 0; j < ds.layers.size(); ++j)
                if (j < m_state.layerVisible.size() && m_state.layerVisible[j]) req.layers.push_back(ds.layers[j].spec.id);
            break;
        }
    }
    req.labels = m_exportOptions.labels;
    req.georef = m_exportOptions.georef;
    req.force = m_exportOptions.force;
    req.title = m_exportOptions.title;
    m_exportStatus.message = "Exporting " + req.output + "…";
    m_exportJob = render::startExport(std::move(req), m_data);
}

void ViewerApp::buildScene(const std::optional<Box>& exportPreview) {
    m_scene.layerVisible = m_state.layerVisible;
    m_scene.selected = m_state.selected;
    m_scene.hovered = m_state.hovered;
    m_scene.overlay = m_highlight;
    engine::addSymbols(m_scene.overlay, m_gateSymbols);
    m_scene.overlay.segments.push_back(m_gateCircles);
    if (exportPreview) engine::addFrameOutline(m_scene.overlay, *exportPreview, engine::kFrameColour, "export frame");
    m_scene.style.labels = m_state.labels;
    m_scene.style.attribution = m_data->catalog->attribution;
}

// Before the data is there: a progress bar, or why loading failed.
void ViewerApp::drawLoading(const FrameSize& size) {
    ImGui::SetNextWindowPos(ImVec2(float(size.winWidth) / 2, float(size.winHeight) / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(460, 0));
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
    m_cam.width = size.fbWidth;
    m_cam.height = size.fbHeight;
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
    handleRequests(size);
    handleMapInput(size);
    drawPanels(size);
    return true;
}

}  // namespace bl::app
