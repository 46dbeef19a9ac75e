#pragma once
// The viewer's state and its per-frame passes, apart from the window: the
// engine's jobs (map data, adjacency of the shown system, export), the
// workspace (toolbar, sidebar tabs, inspector with the legend, status bar,
// the map between them), map input and shortcuts, the camera and the scene
// handed to the renderer. app/viewer.cpp owns the GLFW window and calls
// frame() once per frame between ImGui::NewFrame and the draw.
//
// The code is in four files: viewer_app.cpp (jobs, requests, the vintage
// model), workspace.cpp (the layout and its panels, settings, the UI-state
// dump), map_input.cpp (pointer, keys, measuring, history), viewer_rows.cpp
// (the panels' rows).
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/export_dialog.hpp"
#include "app/viewer.hpp"
#include "core/boundaries/crs.hpp"
#include "engine/job.hpp"
#include "engine/map_data.hpp"
#include "engine/session.hpp"
#include "engine/vintage_adjacency.hpp"
#include "io/viewer_settings.hpp"
#include "render/camera.hpp"
#include "render/engine_types.hpp"
#include "render/fonts.hpp"
#include "render/gl_objects.hpp"
#include "render/map_export.hpp"
#include "ui/adjacency_panel.hpp"
#include "ui/documents_panel.hpp"
#include "ui/inspector_panel.hpp"
#include "ui/layers_panel.hpp"
#include "ui/pairs_panel.hpp"
#include "ui/search_panel.hpp"
#include "ui/view_history.hpp"
#include "ui/workspace_layout.hpp"

namespace bl::app {

// The frame's geometry: framebuffer pixels and pixels per ImGui point.
struct FrameSize {
    int fbWidth = 0, fbHeight = 0;
    int winWidth = 0, winHeight = 0;
    double pxPerPoint = 1.0;
    float uiScale = 1.0f;  // framebuffer pixels per pixel of a 96-dpi screen (the monitor's content scale or --ui-scale)
};

// The sidebar's tabs, in order (Ctrl+1 … Ctrl+6).
enum class SidebarTab { Search, Layers, Pairs, Documents, Adjacency, Export, Count };

class ViewerApp {
public:
    // Starts loading at once (on the engine's job thread). `fonts` must outlive the app.
    ViewerApp(const ViewerOptions& options, const render::FontSet& fonts);

    // One frame of UI: consumes finished jobs, startup options and panel
    // requests, handles map input, draws the workspace. Returns false when
    // the viewer must end (a --select/--pair of screenshot mode not found);
    // exitCode() then says why.
    bool frame(const FrameSize& size);

    const render::Camera& camera() const { return m_cam; }
    const render::Scene& scene() const { return m_scene; }
    // Where the map goes in the window's framebuffer (GL's bottom-left origin).
    render::RenderTarget mapTarget() const { return m_mapTarget; }
    std::shared_ptr<const engine::MapData> data() const { return m_data; }
    // Everything a screenshot should show is there (data and adjacency).
    bool complete() const;
    // A job (loading, adjacency, export) is running or its result not yet
    // taken: its progress is shown.
    bool busy() const;
    int exitCode() const { return m_exitCode; }
    // A panel or key raised a request this frame that the next frame
    // carries out: the window must not sleep before it.
    bool pendingRequests() const {
        // (A shared border waits for its system's adjacency: a job, which keeps the window awake.)
        return m_state.selectRequest || m_state.pairRequest || (m_state.borderRequest && complete()) ||
               m_tabRequest || m_needsHomeView;
    }
    // Ctrl+Q was pressed: the window should close.
    bool quitRequested() const { return m_quit; }

    // Asks the jobs that only read (loading, adjacency) to stop and waits at
    // most `budget` for them; a running export is waited for in full (it is
    // writing). False when a reading job is still busy (e.g. GDAL parsing a
    // file), so the caller may end the process without waiting for it.
    bool stopJobs(std::chrono::milliseconds budget);
    // Keeps the workspace (panel widths, tab, system, labels, view) for the
    // next start; not in screenshot mode. Problems go to stderr.
    void saveSettings() const;

private:
    // viewer_app.cpp
    void takeLoadedData();
    void applyStartupOptions();
    void startAdjacencyJobIfNeeded();
    void takeAdjacency();
    void handleRequests();
    void showSystem(const std::string& vintage, std::string note);
    void flyTo(const Box& box, double marginPx);
    void clearOverlays();
    ExportView exportView() const;
    engine::Overlay shownOverlay() const;
    std::string adjacencyNote() const;
    void buildScene(const std::optional<Box>& exportPreview);
    void drawLoading(const FrameSize& size);
    // workspace.cpp
    void layOut(const FrameSize& size);
    void drawWorkspace(const FrameSize& size);
    void drawToolbar();
    void drawSidebar(std::optional<Box>& exportPreview);
    void drawInspector();
    void drawStatusBar();
    void drawSplitters();
    void writeUiState(const FrameSize& size);
    // map_input.cpp
    void handleMapInput(const FrameSize& size);
    void handleShortcuts();
    void recordView(bool force);
    void goTo(const ui::MapView& view);
    void measureOverlay(engine::Overlay& overlay) const;
    double measuredKm() const;

    ViewerOptions m_options;
    const render::FontSet& m_fonts;
    std::unique_ptr<engine::Job<std::shared_ptr<const engine::MapData>>> m_loader;
    std::shared_ptr<const engine::MapData> m_data;
    std::unique_ptr<engine::Job<std::shared_ptr<const engine::VintageAdjacency>>> m_adjacencyJob;
    std::shared_ptr<const engine::VintageAdjacency> m_adjacency;

    ui::ViewerState m_state;
    ui::LayersPanel m_layersPanel;
    ui::SearchPanel m_searchPanel;
    ui::InspectorPanel m_inspectorPanel;
    ui::PairsPanel m_pairsPanel;
    ui::DocumentsPanel m_documentsPanel;
    ui::AdjacencyPanel m_adjacencyPanel;
    ExportDialog m_export;

    // The workspace.
    io::ViewerSettings m_settings;
    std::string m_settingsPath, m_settingsWarning;
    ui::LayoutWishes m_wishes;     // panel widths in points at UI scale 1
    float m_pointScale = 1.0f;     // points per point at UI scale 1 (the UI scale over pixels per point)
    float m_uiScale = 1.0f;        // FrameSize::uiScale
    ui::WorkspaceLayout m_layout;  // ImGui points
    render::RenderTarget m_mapTarget;
    SidebarTab m_tab = SidebarTab::Search;
    std::optional<SidebarTab> m_tabRequest;
    bool m_help = false;
    bool m_legendOpen = true;
    std::string m_note;  // why the map switched system, or what a key did; cleared by Escape
    std::vector<render::LegendEntry> m_legend;
    std::string m_uiStateDump;

    // The map.
    render::Camera m_cam;
    render::Scene m_scene;
    engine::Overlay m_highlight;                  // the shown pair or shared border
    std::vector<engine::OverlaySymbol> m_gateSymbols;  // our curated gates, projected once
    engine::OverlaySegment m_gateCircles;              // their uncertainty circles
    UnitKey m_successionOf;                            // the unit m_successionNotes describe
    std::vector<std::string> m_successionNotes;
    struct MapInput {
        bool dragging = false, pressed = false;
        Vec2 lastWorld{1e30, 1e30};  // the map point under the pointer last frame
        std::optional<LonLat> cursor;  // the pointer's position on the map
        std::optional<Vec2> cursorWorld;
    } m_input;
    struct Measure {
        bool active = false;
        std::vector<Vec2> points;  // working CRS
    } m_measure;
    ui::ViewHistory m_history;
    ui::MapView m_lastView;  // the camera when last looked at, to tell when it settles
    std::chrono::steady_clock::time_point m_viewChanged;

    std::vector<ui::SharedBorderRow> m_borderRows;
    std::vector<ui::NeighbourRow> m_neighbours;
    UnitKey m_neighboursOf;
    std::vector<ui::TwinnedPairRow> m_pairRows;
    std::string m_pairRowsVintage;
    std::vector<ui::DocumentRow> m_docRows;
    std::optional<size_t> m_shownLink;
    std::optional<size_t> m_shownBorder;
    Box m_highlightFrame;  // the frame of the shown pair or border
    std::string m_loadError, m_adjacencyError;
    std::string m_adjacencyJobVintage, m_adjacencyFailed;  // the system being computed; the one that failed
    bool m_needsHomeView = false;
    bool m_borderDone = false;
    bool m_startupDone = false;
    bool m_screenshot = false;
    bool m_quit = false;
    int m_exitCode = 0;
};

}  // namespace bl::app
