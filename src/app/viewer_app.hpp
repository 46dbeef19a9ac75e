#pragma once
// The viewer's state and its per-frame passes, apart from the window: the
// engine's jobs (map data, adjacency of the shown system, export), the
// panels and the rows they show, the camera and the scene handed to the
// renderer. app/viewer.cpp owns the GLFW window and calls frame() once per
// frame between ImGui::NewFrame and the draw.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/viewer.hpp"
#include "engine/job.hpp"
#include "engine/map_data.hpp"
#include "engine/session.hpp"
#include "engine/vintage_adjacency.hpp"
#include "render/camera.hpp"
#include "render/engine_types.hpp"
#include "render/export_job.hpp"
#include "render/fonts.hpp"
#include "ui/adjacency_panel.hpp"
#include "ui/documents_panel.hpp"
#include "ui/export_panel.hpp"
#include "ui/inspector_panel.hpp"
#include "ui/layers_panel.hpp"
#include "ui/pairs_panel.hpp"
#include "ui/search_panel.hpp"

namespace bl::app {

// The frame's geometry: framebuffer pixels and pixels per ImGui point.
struct FrameSize {
    int fbWidth = 0, fbHeight = 0;
    int winWidth = 0, winHeight = 0;
    double pxPerPoint = 1.0;
};

class ViewerApp {
public:
    // Starts loading at once (on the engine's job thread). `fonts` must outlive the app.
    ViewerApp(const ViewerOptions& options, const render::FontSet& fonts);

    // One frame of UI: consumes finished jobs, startup options and panel
    // requests, handles map input, draws the panels. Returns false when the
    // viewer must end (a --select/--pair of screenshot mode not found);
    // exitCode() then says why.
    bool frame(const FrameSize& size);

    const render::Camera& camera() const { return m_cam; }
    const render::Scene& scene() const { return m_scene; }
    std::shared_ptr<const engine::MapData> data() const { return m_data; }
    // Everything a screenshot should show is there (data and adjacency).
    bool complete() const;
    // A job (loading, adjacency, export) is running or its result not yet
    // taken: its progress is shown.
    bool busy() const;
    int exitCode() const { return m_exitCode; }

    // Asks the jobs that only read (loading, adjacency) to stop and waits at
    // most `budget` for them; a running export is waited for in full (it is
    // writing). False when a reading job is still busy (e.g. GDAL parsing a
    // file), so the caller may end the process without waiting for it.
    bool stopJobs(std::chrono::milliseconds budget);

private:
    void takeLoadedData();
    void applyStartupOptions();
    void startAdjacencyJobIfNeeded();
    void takeAdjacency();
    void handleRequests(const FrameSize& size);
    void handleMapInput(const FrameSize& size);
    void drawPanels(const FrameSize& size);
    void drawExportPanel(std::optional<Box>& preview);
    void startExport();
    void buildScene(const std::optional<Box>& exportPreview);
    void drawLoading(const FrameSize& size);
    void fitInFreeArea(const Box& box, double pxPerPoint, double margin);

    ViewerOptions m_options;
    const render::FontSet& m_fonts;
    std::unique_ptr<engine::Job<std::shared_ptr<const engine::MapData>>> m_loader;
    std::shared_ptr<const engine::MapData> m_data;
    std::unique_ptr<engine::Job<std::shared_ptr<const engine::VintageAdjacency>>> m_adjacencyJob;
    std::shared_ptr<const engine::VintageAdjacency> m_adjacency;
    std::unique_ptr<engine::Job<render::ExportOutcome>> m_exportJob;

    ui::ViewerState m_state;
    ui::LayersPanel m_layersPanel;
    ui::SearchPanel m_searchPanel;
    ui::InspectorPanel m_inspectorPanel;
    ui::PairsPanel m_pairsPanel;
    ui::DocumentsPanel m_documentsPanel;
    ui::AdjacencyPanel m_adjacencyPanel;
    ui::ExportPanel m_exportPanel;
    ui::ExportOptions m_exportOptions;
    ui::ExportStatus m_exportStatus;
    std::optional<Box> m_exportFrame;  // what the Export button would export (working CRS)

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
    } m_input;

    std::vector<ui::SharedBorderRow> m_borderRows;
    std::vector<ui::NeighbourRow> m_neighbours;
    UnitKey m_neighboursOf;
    std::vector<ui::TwinnedPairRow> m_pairRows;
    std::string m_pairRowsVintage;
    std::vector<ui::DocumentRow> m_docRows;
    std::optional<size_t> m_shownLink;
    std::string m_loadError, m_adjacencyError;
    std::string m_adjacencyJobVintage, m_adjacencyFailed;  // the system being computed; the one that failed
    bool m_needsHomeView = false;
    bool m_borderDone = false;
    bool m_startupDone = false;
    bool m_screenshot = false;
    int m_exitCode = 0;
};

}  // namespace bl::app
