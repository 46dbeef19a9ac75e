#pragma once
// The Export tab's widgets: the result of the last export at the top (always
// visible), the Export button and file name under it, then the frame (the
// view, the shown twinned pair, the selected unit, the whole border area or
// a lon/lat box), the pixel size and DPI, the title and the side-cars. The
// options live in ExportOptions, owned by the caller (app/export_dialog),
// which turns them into an export request, outlines the frame on the map
// and runs the export off the UI thread.
#include <array>
#include <string>
#include <vector>

namespace bl::ui {

enum class ExportFrame { View, Pair, Unit, BorderArea, LonLatBox };

struct ExportOptions {
    std::string path = "borderlens-map.png";
    int width = 3000, height = 2000;  // pixels
    int dpi = 96;
    ExportFrame frame = ExportFrame::View;
    std::array<double, 4> lonLatBox{105.5, 16.0, 107.5, 17.5};  // lon1, lat1, lon2, lat2 (degrees)
    bool georef = false, force = false;
    std::string title;  // empty = what is shown
};

// What the panel shows besides the options; prepared by the caller.
struct ExportPanelInfo {
    bool running = false;
    std::string status;               // latest result, error or "Exporting…"; empty = nothing yet
    bool statusIsError = false;
    std::vector<std::string> notes;   // of the last export (e.g. a guessed name)
    std::string pairName;             // the twinned pair shown; empty = none
    std::string unitName;             // the selected unit; empty = none
    std::string frameText;            // the frame's size, or why there is none
    bool haveFrame = false;           // the chosen frame can be exported
    std::string drawnText;            // what is drawn as on screen (selection, pair, gates, labels)
    double viewAspect = 0;            // width / height of the map on screen; 0 = unknown
};

class ExportPanel {
public:
    // True when Export was pressed (never while running or without a frame).
    bool drawContent(ExportOptions& options, const ExportPanelInfo& info);

private:
    void drawFrameChoice(ExportOptions& o, const ExportPanelInfo& info);
    void drawSize(ExportOptions& o, const ExportPanelInfo& info);

    char m_path[512] = {};
    char m_title[256] = {};
    bool m_synced = false;
};

}  // namespace bl::ui
