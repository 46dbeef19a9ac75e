#pragma once
// Export dialog: the options of `borderlens export` (file, size, DPI, frame,
// labels, georeference, overwrite, title). Returns true from drawContent when
// the user asks to export; the app turns the options into an export request,
// runs it off the UI thread and reports back through `status`. While the
// dialog is open the app outlines the export frame on the map as a preview.
#include <string>

namespace bl::ui {

struct ExportOptions {
    std::string path = "borderlens-map.png";
    int width = 3000, height = 2000;
    int dpi = 96;
    int frame = 0;  // 0 = the current view, 1 = the selected unit, 2 = the whole border area
    bool labels = true, georef = false, force = false;
    std::string title;  // empty = what is shown
};

struct ExportStatus {
    bool running = false;
    std::string message;  // last result, e.g. "wrote map.png (1.2 MiB)" or the error
};

class ExportPanel {
public:
    // True when Export was pressed (never while `status.running`).
    bool drawContent(ExportOptions& options, const ExportStatus& status, bool haveSelection);

private:
    char m_path[512] = {};
    char m_title[256] = {};
    bool m_synced = false;
};

}  // namespace bl::ui
