#include "app/viewer.hpp"

#include <epoxy/gl.h>
// GLFW after epoxy: epoxy provides the GL declarations.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

#include "app/adjacency_job.hpp"
#include "app/data_loader.hpp"
#include "core/boundaries/crs.hpp"
#include "core/boundaries/geometry_ops.hpp"
#include "io/png_image.hpp"
#include "render/camera.hpp"
#include "render/fonts.hpp"
#include "render/framebuffer.hpp"
#include "render/map_renderer.hpp"
#include "ui/adjacency_panel.hpp"
#include "app/map_export_job.hpp"
#include "render/map_export.hpp"
#include "ui/documents_panel.hpp"
#include "ui/export_panel.hpp"
#include "ui/inspector_panel.hpp"
#include "ui/layers_panel.hpp"
#include "ui/pairs_panel.hpp"
#include "ui/panel_fonts.hpp"
#include "ui/search_panel.hpp"

namespace bl::app {

const char* noDisplayMessage() {
    return "borderlens view: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset or unreachable).\n"
           "Run it under a virtual X server, e.g.  xvfb-run -a -s \"-screen 0 1600x1000x24\" borderlens view\n"
           "or make images without any display with  borderlens export  (headless, through EGL).";
}

namespace {

struct GlfwSession {
    bool ok = false;
    GlfwSession() { ok = glfwInit() == GLFW_TRUE; }
    ~GlfwSession() {
        if (ok) glfwTerminate();
    }
};

struct WindowDeleter {
    void operator()(GLFWwindow* w) const {
        if (w) glfwDestroyWindow(w);
    }
};

// Mouse interaction with the map, kept between frames.
struct MapInput {
    bool dragging = false;
    bool pressed = false;
    ImVec2 pressPos;
    ImVec2 lastPos{-1, -1};
};

// The unit under a world point: finest visible level first.
render::UnitKey pick(const Dataset& data, const ui::ViewerState& state, Vec2 p) {
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

// Panels sit at the left and right edges (kSideWidth points wide): fits go
// into the space between them.
constexpr float kSideWidth = 330.0f;

void fitInFreeArea(render::Camera& cam, const Box& box, double pxPerPoint, double margin) {
    const double side = (kSideWidth + 16) * pxPerPoint;
    if (cam.width > 3 * side)
        cam.fitInto(box, side + margin, margin, side + margin, margin);
    else
        cam.fit(box, margin);
}

void fitUnit(render::Camera& cam, const Dataset& data, render::UnitKey key, double pxPerPoint) {
    if (const AdminUnit* u = ui::unitOf(data, key)) fitInFreeArea(cam, u->bounds, pxPerPoint, 40.0);
}

// The home view: the international border with some room around it.
void fitBorderArea(render::Camera& cam, const render::MapGeometry& g, double pxPerPoint) {
    const Box& b = g.borderBounds.empty() ? g.bounds : g.borderBounds;
    fitInFreeArea(cam, b.expanded(30000.0), pxPerPoint, 10.0);
}

// Rows for the Adjacency explorer, index-aligned with the results.
std::vector<ui::SharedBorderRow> borderRows(const AdjacencyResults& r) {
    std::vector<ui::SharedBorderRow> rows;
    rows.reserve(r.borders.size());
    for (const auto& b : r.borders)
        rows.push_back({b.a->name, b.b->name, b.layerA->spec.level,
                        std::string(toString(b.layerA->spec.country)) + "-" + toString(b.layerB->spec.country),
                        b.sharedKm});
    return rows;
}

std::vector<ui::NeighbourRow> neighbourRows(const AdjacencyResults& r, const Dataset& ds, render::UnitKey key) {
    std::vector<ui::NeighbourRow> rows;
    const AdminUnit* u = ui::unitOf(ds, key);
    if (!u) return rows;
    for (const auto& b : r.borders) {
        if (b.a != u && b.b != u) continue;
        const Layer* l = b.a == u ? b.layerB : b.layerA;
        const AdminUnit* other = b.a == u ? b.b : b.a;
        rows.push_back(
            {ui::keyOf(ds, other), other->name,
             std::string(toString(l->spec.level)) + ", " + toString(l->spec.country) + " " + l->spec.vintage.label,
             b.sharedKm, b.kind == AdjacencyKind::International});
    }
    return rows;
}

// A shared border as overlay: both units in the pair colour, a connector
// between their label anchors, the shared stretch bold with its length.
render::Overlay borderOverlay(const SharedBorder& b, const Dataset& ds, const render::MapGeometry& g) {
    const render::Rgba colour{0.85f, 0.12f, 0.55f, 1.0f};
    render::Overlay o;
    const render::UnitKey ka = ui::keyOf(ds, b.a), kb = ui::keyOf(ds, b.b);
    o.highlights.push_back({ka, colour});
    o.highlights.push_back({kb, colour});
    char km[32];
    std::snprintf(km, sizeof km, "%.1f km", b.sharedKm);
    o.segments.push_back({b.segments, colour, 5.0f, km});
    if (ka.valid() && kb.valid())
        o.connectors.push_back({g.layers[size_t(ka.layer)].anchors[size_t(ka.unit)].position,
                                g.layers[size_t(kb.layer)].anchors[size_t(kb.unit)].position, colour, ""});
    return o;
}

// The verdict a link shows for the Vietnamese vintage on screen: the finest
// level resolved in that vintage (the first verdict of it).
const AdjacencyVerdict* verdictFor(const LinkCheck& c, const std::string& vintage) {
    for (const auto& v : c.verdicts)
        if (v.vintage == vintage) return &v;
    return nullptr;
}

std::string verdictText(const AdjacencyVerdict* v) {
    if (!v) return "not resolved in this vintage";
    char buf[160];
    if (v->touches) std::snprintf(buf, sizeof buf, "share %.1f km of border", v->sharedKm);
    else std::snprintf(buf, sizeof buf, "not adjacent: %.1f km apart", v->distanceKm);
    return buf;
}

std::vector<ui::TwinnedPairRow> pairRows(const MapData& d, const std::string& vintage) {
    std::vector<ui::TwinnedPairRow> rows;
    for (size_t i = 0; i < d.corpus.links.size(); ++i) {
        const Link& l = d.corpus.links[i];
        const AdjacencyVerdict* v = verdictFor(d.linkChecks[i], vintage);
        rows.push_back({v ? l.vn.name + " (" + v->vn->name + ")" : l.vn.name,
                        v ? l.la.name + " (" + v->la->name + ")" : l.la.name, toString(l.kind),
                        l.date.iso + (l.period.empty() ? "" : ", plan " + l.period), verdictText(v)});
    }
    return rows;
}

// Each article with its date; the evidence sentence of the selected link.
std::vector<ui::DocumentRow> documentRows(const MapData& d, std::optional<size_t> link) {
    std::vector<ui::DocumentRow> rows;
    for (size_t i = 0; i < d.corpus.documents.size(); ++i) {
        const Document& doc = d.corpus.documents[i];
        std::string evidence;
        if (link && *link < d.corpus.links.size() && d.corpus.links[*link].document == i) {
            const Span sp = d.corpus.links[*link].span;
            evidence = doc.text.substr(sp.begin, sp.end - sp.begin);
        }
        rows.push_back({doc.title.empty() ? std::string("(no headline)") : doc.title, doc.date.iso, doc.file, evidence});
    }
    return rows;
}

// A document link as overlay: both units in the pair colour, the connector,
// the shared stretch with its length, and the document's gates and stations
// (at their curated position, else approximately at their unit).
render::Overlay linkOverlay(const MapData& d, size_t i, const std::string& vintage, Box* frame) {
    const render::Rgba colour{0.15f, 0.45f, 0.95f, 1.0f};
    render::Overlay o;
    const AdjacencyVerdict* v = verdictFor(d.linkChecks[i], vintage);
    if (!v) return o;
    const Dataset& ds = *d.dataset;
    const render::UnitKey ka = ui::keyOf(ds, v->vn), kb = ui::keyOf(ds, v->la);
    o.highlights.push_back({ka, colour});
    o.highlights.push_back({kb, colour});
    const Link& link = d.corpus.links[i];
    char label[128];
    if (v->touches && v->border) {
        std::snprintf(label, sizeof label, "%.1f km", v->sharedKm);
        o.segments.push_back({v->border->segments, colour, 5.0f, label});
    }
    if (ka.valid() && kb.valid())
        o.connectors.push_back({d.geometry->layers[size_t(ka.layer)].anchors[size_t(ka.unit)].position,
                                d.geometry->layers[size_t(kb.layer)].anchors[size_t(kb.unit)].position, colour,
                                toString(link.kind)});
    *frame = v->vn->bounds;
    frame->extend(v->la->bounds);
    const WorkingCrs& crs = threadCrs();
    for (const auto& p : d.corpus.places) {
        if (p.document != link.document) continue;
        render::OverlaySymbol sym;
        sym.kind = p.kind == PlaceKind::BorderGate ? render::SymbolKind::BorderGate : render::SymbolKind::Station;
        sym.label = p.name;
        if (p.position) {
            sym.position = crs.forward(*p.position);
            sym.approximate = false;
        } else {
            const ResolvedUnit* u = nullptr;
            for (const auto& r : p.units)
                if (r.vintage == vintage || r.country == Country::LA) { u = &r; break; }
            const Layer* l = u ? ds.layer(u->layerId) : nullptr;
            const AdminUnit* au = l ? l->find(u->unitId) : nullptr;
            const render::UnitKey k = ui::keyOf(ds, au);
            if (!k.valid()) continue;
            sym.position = d.geometry->layers[size_t(k.layer)].anchors[size_t(k.unit)].position;
            sym.approximate = true;
        }
        o.symbols.push_back(sym);
    }
    return o;
}

}  // namespace

int runViewer(const ViewerOptions& opt) {
    const char* x = std::getenv("DISPLAY");
    const char* wl = std::getenv("WAYLAND_DISPLAY");
    if ((!x || !*x) && (!wl || !*wl)) {
        std::fprintf(stderr, "%s\n", noDisplayMessage());
        return 1;
    }
    glfwSetErrorCallback([](int, const char*) {});
    GlfwSession glfw;
    if (!glfw.ok) {
        std::fprintf(stderr, "%s\n", noDisplayMessage());
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    // The renderer antialiases lines in its shaders and needs neither depth nor
    // stencil: a plain colour buffer is the cheapest on software renderers.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    const bool screenshot = !opt.screenshot.empty();
    if (screenshot) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    std::unique_ptr<GLFWwindow, WindowDeleter> window(
        glfwCreateWindow(opt.width, opt.height, "borderlens — Vietnam–Laos border", nullptr, nullptr));
    if (!window) {
        std::fprintf(stderr, "borderlens view: cannot create an OpenGL 3.3 core window on this display.\n%s\n",
                     noDisplayMessage());
        return 1;
    }
    glfwMakeContextCurrent(window.get());
    render::keepGlDriverLoaded();
    glfwSwapInterval(screenshot ? 0 : 1);

    auto fonts = render::loadFonts(1.0f);
    if (!fonts) {
        std::fprintf(stderr, "borderlens view: %s\n", fonts.error().message.c_str());
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.FontDefault = ui::addPanelFont(*io.Fonts, fonts->regularFile, 16.0f);
    if (!io.FontDefault) {
        std::fprintf(stderr, "borderlens view: Dear ImGui cannot read the font %s\n", fonts->regularFile.c_str());
        ImGui::DestroyContext();
        return 1;
    }
    ImGui::StyleColorsDark();
    ImGui::GetStyle().WindowRounding = 4.0f;
    ImGui_ImplGlfw_InitForOpenGL(window.get(), true);
    ImGui_ImplOpenGL3_Init("#version 330");

    auto renderer = render::MapRenderer::create(*fonts);
    if (!renderer) {
        std::fprintf(stderr, "borderlens view: %s\n", renderer.error().message.c_str());
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        return 1;
    }

    BackgroundLoader loader(opt.catalogPath, opt.dataRoot);
    std::shared_ptr<const MapData> data;
    ui::ViewerState state;
    ui::LayersPanel layersPanel;
    ui::SearchPanel searchPanel;
    ui::InspectorPanel inspectorPanel;
    ui::PairsPanel pairsPanel;
    ui::DocumentsPanel documentsPanel;
    ui::AdjacencyPanel adjacencyPanel;
    ui::ExportPanel exportPanel;
    ui::ExportOptions exportOptions;
    ui::ExportStatus exportStatus;
    std::unique_ptr<BackgroundExport> exportJob;  // declared after `data`: joined before it goes
    render::Camera cam;
    render::Scene scene;
    MapInput input;
    int framesShown = 0;
    std::unique_ptr<AdjacencyJob> adjacencyJob;
    std::shared_ptr<const AdjacencyResults> adjacency;
    std::vector<ui::SharedBorderRow> adjacencyRows;
    std::vector<ui::NeighbourRow> neighbours;
    render::UnitKey neighboursOf;
    render::Overlay borderHighlight;
    std::vector<ui::TwinnedPairRow> twinRows;
    std::vector<ui::DocumentRow> docRows;
    std::string twinRowsVintage;
    std::optional<size_t> shownLink;
    int exitCode = 0;

    while (!glfwWindowShouldClose(window.get())) {
        glfwPollEvents();
        int fbw = 0, fbh = 0, ww = 0, wh = 0;
        glfwGetFramebufferSize(window.get(), &fbw, &fbh);
        glfwGetWindowSize(window.get(), &ww, &wh);
        if (fbw <= 0 || fbh <= 0) {
            glfwWaitEvents();
            continue;
        }
        const double pxPerPoint = ww > 0 ? double(fbw) / ww : 1.0;
        cam.width = fbw;
        cam.height = fbh;

        if (!data && loader.finished()) {
            if (!loader.result()) {
                std::fprintf(stderr, "borderlens view: %s\n", loader.result().error().message.c_str());
                exitCode = 1;
                if (screenshot) break;
            } else {
                data = *loader.result();
                (*renderer)->setData(data->dataset, data->geometry);
                ui::showVintage(*data->dataset, opt.vnVintage, state);
                fitBorderArea(cam, *data->geometry, pxPerPoint);
                if (!opt.select.empty()) {
                    auto found = data->gazetteer->find(opt.select, {.limit = 1});
                    if (found.empty()) {
                        std::fprintf(stderr, "borderlens view: --select '%s' matches no unit\n", opt.select.c_str());
                        if (screenshot) {
                            exitCode = 3;
                            break;
                        }
                    } else {
                        const render::UnitKey k = ui::keyOf(*data->dataset, found.front().ref.unit);
                        // Show the matched unit's vintage.
                        const Layer* l = ui::layerOf(*data->dataset, k);
                        if (l && l->spec.country == Country::VN && l->spec.vintage.label != state.vnVintage)
                            ui::showVintage(*data->dataset, l->spec.vintage.label, state);
                        state.layerVisible[size_t(k.layer)] = 1;
                        state.selectRequest = k;
                    }
                }
                if (opt.pair >= 0) {
                    if (size_t(opt.pair) < data->corpus.links.size()) {
                        state.pairRequest = size_t(opt.pair);
                    } else {
                        std::fprintf(stderr, "borderlens view: --pair %d: the documents give %zu links%s%s\n", opt.pair,
                                     data->corpus.links.size(), data->documentsNote.empty() ? "" : ": ",
                                     data->documentsNote.c_str());
                        if (screenshot) {
                            exitCode = 3;
                            break;
                        }
                    }
                }
            }
        }

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();

        if (data) {
            const Dataset& ds = *data->dataset;
            if (state.selectRequest) {
                state.selected = *state.selectRequest;
                fitUnit(cam, ds, state.selected, pxPerPoint);
                state.selectRequest.reset();
            }
            if (twinRowsVintage != state.vnVintage) {
                twinRows = pairRows(*data, state.vnVintage);
                twinRowsVintage = state.vnVintage;
                if (shownLink) state.pairRequest = shownLink;  // re-draw the pair in the other vintage
            }
            if (state.pairRequest && *state.pairRequest < data->corpus.links.size()) {
                Box frame;
                borderHighlight = linkOverlay(*data, *state.pairRequest, state.vnVintage, &frame);
                shownLink = state.pairRequest;
                docRows = documentRows(*data, shownLink);
                if (!frame.empty()) fitInFreeArea(cam, frame, pxPerPoint, 30.0);
            }
            if (docRows.empty() && !data->corpus.documents.empty()) docRows = documentRows(*data, shownLink);
            state.pairRequest.reset();

            // Adjacency for the shown vintage, computed in the background.
            if (!adjacencyJob || (adjacencyJob->finished() && adjacencyJob->vintage() != state.vnVintage))
                adjacencyJob = std::make_unique<AdjacencyJob>(data->dataset, data->catalog.layers, state.vnVintage);
            if (adjacencyJob->finished() && adjacencyJob->result() != adjacency) {
                adjacency = adjacencyJob->result();
                adjacencyRows = borderRows(*adjacency);
                neighboursOf = {};
                if (!shownLink) borderHighlight = {};
                if (opt.border >= 0) {
                    int seen = 0;
                    for (size_t i = 0; i < adjacency->borders.size(); ++i)
                        if (adjacency->borders[i].kind == AdjacencyKind::International && seen++ == opt.border)
                            state.borderRequest = i;
                    if (!state.borderRequest)
                        std::fprintf(stderr, "borderlens view: --border %d: there are only %d cross-border pairs\n",
                                     opt.border, seen);
                }
            }
            const bool adjacencyCurrent = adjacency && adjacency->vintage == state.vnVintage;
            char pending[96];
            std::snprintf(pending, sizeof pending, "computing adjacency (%s)… %.0f%%", state.vnVintage.c_str(),
                          100.0 * adjacencyJob->fraction());
            if (adjacencyCurrent && !(neighboursOf == state.selected)) {
                neighbours = neighbourRows(*adjacency, ds, state.selected);
                neighboursOf = state.selected;
            }
            if (state.borderRequest && adjacencyCurrent && *state.borderRequest < adjacency->borders.size()) {
                const SharedBorder& b = adjacency->borders[*state.borderRequest];
                borderHighlight = borderOverlay(b, ds, *data->geometry);
                shownLink.reset();
                Box box = b.a->bounds;
                box.extend(b.b->bounds);
                fitInFreeArea(cam, box, pxPerPoint, 30.0);
            }
            state.borderRequest.reset();

            // Map input, unless ImGui wants the mouse.
            const ImVec2 mouse = io.MousePos;
            const Vec2 mousePx{mouse.x * pxPerPoint, mouse.y * pxPerPoint};
            // In screenshot mode the pointer sits wherever the X server put it:
            // no hover, no tooltip, so screenshots are reproducible.
            if (!io.WantCaptureMouse && !screenshot) {
                if (io.MouseWheel != 0.0f) cam.zoomAround(mousePx, std::pow(1.25, double(io.MouseWheel)));
                if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
                    input.pressed = true;
                    input.dragging = false;
                    input.pressPos = mouse;
                }
                if (input.pressed && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) input.dragging = true;
                if (input.dragging) cam.pan({io.MouseDelta.x * pxPerPoint, io.MouseDelta.y * pxPerPoint});
                if (input.pressed && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
                    if (!input.dragging) state.selected = state.hovered;
                    input.pressed = input.dragging = false;
                }
                if (!input.dragging && (mouse.x != input.lastPos.x || mouse.y != input.lastPos.y) &&
                    ImGui::IsMousePosValid())
                    state.hovered = pick(ds, state, cam.toWorld(mousePx));
                input.lastPos = mouse;
                if (const AdminUnit* u = ui::unitOf(ds, state.hovered); u && !input.dragging) {
                    const Layer* l = ui::layerOf(ds, state.hovered);
                    ImGui::BeginTooltip();
                    ImGui::TextUnformatted(u->name.c_str());
                    ImGui::TextDisabled("%s, %s — %s", toString(l->spec.level), toString(l->spec.country),
                                        u->parentName.c_str());
                    ImGui::TextDisabled("vintage %s (%s)", l->spec.vintage.label.c_str(), l->spec.id.c_str());
                    ImGui::EndTooltip();
                }
            } else {
                input.pressed = input.dragging = false;
                state.hovered = {};
            }
            if (!io.WantCaptureKeyboard && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home)))
                fitBorderArea(cam, *data->geometry, pxPerPoint);
            if (!io.WantCaptureKeyboard && ImGui::IsKeyPressed(GLFW_KEY_F))
                fitUnit(cam, ds, state.selected, pxPerPoint);

            const float sideW = kSideWidth;
            ImGui::SetNextWindowPos(ImVec2(8, 8), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowSize(ImVec2(sideW, 290), ImGuiCond_FirstUseEver);
            scene.reservedAreas.clear();
            // Every panel's rectangle keeps map labels out from under it.
            auto reserve = [&] {
                const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
                scene.reservedAreas.push_back(
                    {p.x * pxPerPoint, p.y * pxPerPoint, (p.x + sz.x) * pxPerPoint, (p.y + sz.y) * pxPerPoint});
            };
            if (ImGui::Begin("Layers")) layersPanel.drawContent(data->catalog, ds, state);
            reserve();
            ImGui::End();
            ImGui::SetNextWindowPos(ImVec2(8, 306), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowSize(ImVec2(sideW, 240), ImGuiCond_FirstUseEver);
            if (ImGui::Begin("Search")) searchPanel.drawContent(*data->gazetteer, ds, state);
            reserve();
            ImGui::End();
            const float right = float(ww) - sideW - 8;
            ImGui::SetNextWindowPos(ImVec2(right, 8), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowSize(ImVec2(sideW, 330), ImGuiCond_FirstUseEver);
            if (ImGui::Begin("Inspector"))
                inspectorPanel.drawContent(ds, state, adjacencyCurrent ? &neighbours : nullptr, pending);
            reserve();
            ImGui::End();
            ImGui::SetNextWindowPos(ImVec2(right, 346), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowSize(ImVec2(sideW, 300), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
            if (ImGui::Begin("Twinned pairs")) {
                if (!data->documentsNote.empty()) ImGui::TextWrapped("%s", data->documentsNote.c_str());
                pairsPanel.drawContent(data->corpus.links.empty() ? nullptr : &twinRows, state);
            }
            reserve();
            ImGui::End();
            ImGui::SetNextWindowPos(ImVec2(right, 376), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowSize(ImVec2(sideW, 300), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
            if (ImGui::Begin("Documents")) documentsPanel.drawContent(data->corpus.documents.empty() ? nullptr : &docRows);
            reserve();
            ImGui::End();
            ImGui::SetNextWindowPos(ImVec2(right, 406), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowSize(ImVec2(sideW, 300), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
            if (ImGui::Begin("Adjacency explorer"))
                adjacencyPanel.drawContent(adjacencyCurrent ? &adjacencyRows : nullptr, state, pending);
            reserve();
            ImGui::End();

            // Export dialog, with the frame outlined on the map while it is open.
            ImGui::SetNextWindowPos(ImVec2(right, 436), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
            std::optional<Box> exportPreview;
            if (ImGui::Begin("Export")) {
                if (exportJob && exportJob->finished()) {
                    const auto& r = exportJob->result();
                    char msg[600];
                    if (r)
                        std::snprintf(msg, sizeof msg, "Wrote %s (%.1f MiB) in %.1f s", r->files.png.c_str(),
                                      double(r->bytes) / 1048576.0, r->renderSeconds + r->writeSeconds);
                    else
                        std::snprintf(msg, sizeof msg, "Export failed: %s", r.error().message.c_str());
                    exportStatus.message = msg;
                    exportJob.reset();
                }
                exportStatus.running = exportJob != nullptr;
                const bool go = exportPanel.drawContent(exportOptions, exportStatus, state.selected.valid());
                Box frame = cam.visibleBox();
                if (exportOptions.frame == 1 && state.selected.valid()) {
                    frame = ui::unitOf(ds, state.selected)->bounds;
                    frame = frame.expanded(std::max(frame.maxX - frame.minX, frame.maxY - frame.minY) * 0.08);
                } else if (exportOptions.frame == 2) {
                    frame = data->geometry->borderBounds;
                }
                // The frame at 96 dpi and the same proportions: what the export will show.
                render::ExportSpec preview;
                preview.dpi = 96.0;
                preview.width = std::max(64, int(exportOptions.width * 96.0 / exportOptions.dpi));
                preview.height = std::max(64, int(exportOptions.height * 96.0 / exportOptions.dpi));
                preview.frame = frame;
                exportPreview = render::exportCamera(preview, *fonts).visibleBox();
                if (go) {
                    ExportRequest req;
                    req.output = exportOptions.path;
                    req.width = exportOptions.width;
                    req.height = exportOptions.height;
                    req.dpi = exportOptions.dpi;
                    req.frame = frame;
                    req.vintage = state.vnVintage;
                    for (size_t i = 0; i < ds.layers.size(); ++i) {
                        const bool byVintage =
                            ds.layers[i].spec.country == Country::LA || ds.layers[i].spec.vintage.label == state.vnVintage;
                        if (i < state.layerVisible.size() && bool(state.layerVisible[i]) != byVintage) {
                            req.layers.clear();
                            for (size_t j = 0; j < ds.layers.size(); ++j)
                                if (j < state.layerVisible.size() && state.layerVisible[j])
                                    req.layers.push_back(ds.layers[j].spec.id);
                            break;
                        }
                    }
                    req.labels = exportOptions.labels;
                    req.georef = exportOptions.georef;
                    req.force = exportOptions.force;
                    req.title = exportOptions.title;
                    ExportSources src;
                    src.data = data->dataset.get();
                    src.geometry = data->geometry.get();
                    src.catalog = &data->catalog;
                    src.gazetteer = data->gazetteer.get();
                    exportStatus.message = "Exporting " + req.output + "…";
                    exportJob = std::make_unique<BackgroundExport>(std::move(req), std::move(src));
                }
            }
            reserve();
            ImGui::End();

            scene.layerVisible = state.layerVisible;
            scene.selected = state.selected;
            scene.overlay = borderHighlight;
            if (exportPreview) {
                const Box& b = *exportPreview;
                const render::Rgba c{0.05f, 0.25f, 0.65f, 1.0f};
                const Vec2 p[4] = {{b.minX, b.minY}, {b.maxX, b.minY}, {b.maxX, b.maxY}, {b.minX, b.maxY}};
                for (int i = 0; i < 4; ++i)
                    scene.overlay.connectors.push_back({p[i], p[(i + 1) % 4], c, i == 0 ? "export frame" : ""});
            }
            scene.hovered = state.hovered;
            scene.style.labels = state.labels;
            scene.style.attribution = data->catalog.attribution;
        } else {
            ImGui::SetNextWindowPos(ImVec2(float(ww) / 2, float(wh) / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
            ImGui::SetNextWindowSize(ImVec2(420, 0));
            ImGui::Begin("Loading", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
            if (loader.finished() && !loader.result()) {
                ImGui::TextWrapped("Cannot load the data: %s", loader.result().error().message.c_str());
            } else {
                ImGui::TextUnformatted("Loading the Vietnam–Laos boundary data…");
                ImGui::ProgressBar(loader.fraction(), ImVec2(-1, 0));
                ImGui::TextDisabled("%s", loader.stage().c_str());
            }
            ImGui::End();
        }

        ImGui::Render();
        (*renderer)->draw({0, fbw, fbh}, cam, scene);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        // Screenshots wait for adjacency too, so the Inspector and overlays are complete.
        if (data && (!screenshot || (adjacencyJob && adjacencyJob->finished() && adjacency))) ++framesShown;
        if (screenshot && data && framesShown >= std::max(1, opt.frames)) {
            glFinish();
            const io::RgbaImage img = render::readPixels(0, fbw, fbh);
            auto w = io::writePng(opt.screenshot, img);
            if (!w) {
                std::fprintf(stderr, "borderlens view: %s\n", w.error().message.c_str());
                exitCode = 1;
            }
            break;
        }
        glfwSwapBuffers(window.get());
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    renderer->reset();
    return exitCode;
}

}  // namespace bl::app
