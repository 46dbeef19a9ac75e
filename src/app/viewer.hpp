#pragma once
// The interactive viewer: a GLFW window with the map (render::MapRenderer) and
// the ImGui panels (src/ui). The window appears at once; data loads on a
// background thread with a progress bar.
#include <string>

namespace bl::app {

struct ViewerOptions {
    std::string catalogPath;  // empty = default catalog
    std::string dataRoot;     // empty = default data root
    std::string store;        // corpus store the documents come from; empty = the document files
    int width = 1600, height = 1000;
    // Screenshot mode: render `frames` frames once the data is shown, save the
    // window as a PNG, exit.
    std::string screenshot;
    int frames = 3;
    std::string select;  // select (and fit to) the best match of this name
    int pair = -1;       // select twinned pair N (when documents are available)
    int border = -1;     // highlight cross-border shared border N (0 = first in the explorer)
    std::string vnVintage;  // Vietnamese system shown first; empty = the catalog's current
    // For UI tests: what the window shows (layout, selection, neighbours,
    // camera…) as JSON, rewritten whenever it changes.
    std::string uiState;
    // Framebuffer pixels per pixel of a 96-dpi screen for the panels' text
    // and sizes and the map's lines and labels; 0 = the monitor's content
    // scale as GLFW reports it (followed when the window changes monitor).
    float uiScale = 0.0f;
    static constexpr float kMinUiScale = 0.5f, kMaxUiScale = 4.0f;
};

// Returns the process exit code: 0, 1 (no display, no OpenGL, bad data).
int runViewer(const ViewerOptions& options);

// The message printed when there is no display.
const char* noDisplayMessage();

}  // namespace bl::app
