#pragma once
// The viewer's Export tab: exports what the viewer shows. The frame is one
// of the view (the image is the view, or its largest part of the image's
// proportions, centred; title and legend drawn over it), the twinned pair shown (the frame `borderlens export --pair`
// has), the selected unit (as --focus frames it), the whole border area or
// a lon/lat box; the export draws the viewer's overlay as it is (selection,
// the pair or shared border with its connector and length, gates and their
// circles), in the Vietnamese system and with the layers shown. The frame
// the export will show is previewFrame(), to be outlined on the map.
//
// Threading: every method on the UI thread. The export runs as a job on
// its own thread with its own headless GL context (render::startExport);
// the fonts at the export's DPI, which fix the exact frame (the title band
// and the attribution take their height), are loaded by a job too.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "engine/export_request.hpp"
#include "engine/job.hpp"
#include "engine/map_data.hpp"
#include "render/export_job.hpp"
#include "render/fonts.hpp"
#include "ui/export_panel.hpp"

namespace bl::app {

// What the viewer shows now; the app fills it each frame the tab is open.
struct ExportView {
    std::shared_ptr<const engine::MapData> data;
    Box visible;                                // the map area's box on screen (not under panels), working CRS metres
    double visibleWidthPx = 0, visibleHeightPx = 0;  // the map area's size on screen
    std::string vnVintage;                      // the Vietnamese system shown
    std::vector<char> layerVisible;             // parallel to Dataset::layers
    UnitKey selected;                           // the highlighted unit (may be invalid)
    std::optional<size_t> shownLink;            // the twinned pair shown (index into the corpus's links)
    // What the viewer draws over the map (pair or border highlight, gate
    // symbols, their circles), without the export frame's outline.
    engine::Overlay overlay;
    bool labels = true;
};

// The request Export would start for `options` and `view` (the frame
// resolved, the overlay and selection as shown); an error, in one sentence,
// when the frame chosen has nothing to frame (no pair shown, no unit
// selected).
Result<engine::ExportRequest> exportRequest(const ui::ExportOptions& options, const ExportView& view);

class ExportDialog {
public:
    // `fonts` (the viewer's) stand in for the export's own until those are
    // loaded; they must outlive the dialog.
    explicit ExportDialog(const render::FontSet& fonts);
    ~ExportDialog();  // waits for a running export (it is writing files)
    ExportDialog(const ExportDialog&) = delete;
    ExportDialog& operator=(const ExportDialog&) = delete;

    // Inside the Export tab (an ImGui window or child is already begun):
    // takes a finished export's result, draws the panel, updates the
    // preview, starts an export when asked.
    void drawContent(const ExportView& view);

    // The frame the export would show (working CRS): the whole image's
    // extent, the same proportions as the pixel size chosen. None when the
    // chosen frame has nothing to frame. Valid after drawContent.
    std::optional<Box> previewFrame() const { return m_preview; }
    // False while the preview uses the viewer's fonts (a few frames after
    // the DPI changes), when it may be a pixel or two off.
    bool previewExact() const { return m_previewExact; }
    // The latest result ("Wrote map.png (1.2 MiB) in 0.8 s", "Export failed: …",
    // "Exporting map.png… 2 s"); empty before the first export.
    std::string statusLine() const;
    // An export job runs.
    bool busy() const;
    // Starts exporting `view` with the options as they are (what the Export
    // button does; e.g. for a shortcut). Nothing when an export runs.
    void exportNow(const ExportView& view);
    // The frame (working CRS, the whole image) of the last file written.
    std::optional<Box> writtenFrame() const { return m_written; }
    // Blocks until a running export ends (and the fonts being loaded for
    // the preview), e.g. when the viewer closes.
    void wait();

    // The options the tab edits (the app may keep them between sessions).
    ui::ExportOptions& options() { return m_options; }

private:
    using FontJob = engine::Job<std::shared_ptr<const render::FontSet>>;
    void takeFinishedExport();
    const render::FontSet* exportFonts(double scale, bool& exact);
    void updatePreview(const ExportView& view, ui::ExportPanelInfo& info);

    const render::FontSet& m_viewerFonts;
    ui::ExportPanel m_panel;
    ui::ExportOptions m_options;
    std::unique_ptr<engine::Job<render::ExportOutcome>> m_job;
    std::string m_jobOutput;
    double m_jobStarted = 0;  // steady clock, seconds
    std::string m_status;
    bool m_statusIsError = false;
    std::vector<std::string> m_notes;
    std::unique_ptr<FontJob> m_fontJob;
    double m_fontJobScale = 0;
    std::shared_ptr<const render::FontSet> m_fonts;  // at m_fontsScale
    double m_fontsScale = 0;
    std::optional<Box> m_preview;
    std::optional<Box> m_written;
    bool m_previewExact = false;
};

}  // namespace bl::app
