#pragma once
// The viewer's workspace between runs: panel widths, the open tab, the
// Vietnamese system shown, labels and the last view, kept in
// $XDG_CONFIG_HOME/borderlens/viewer.json (else ~/.config/borderlens/).
// A file we cannot read is reported (naming it and what is wrong) and never
// overwritten: it is moved aside to viewer.json.bad first.
#include <optional>
#include <string>

#include "core/result.hpp"
#include "io/output_file.hpp"

namespace bl::io {

struct SavedView {
    double centerX = 0, centerY = 0;  // working CRS metres
    double metresPerPixel = 0;
};

struct ViewerSettings {
    float sidebarWidth = 340.0f;    // ImGui points at scale 1
    float inspectorWidth = 320.0f;
    int tab = 0;                    // the sidebar tab open (ui order)
    std::string vnVintage;          // empty = the catalog's current
    bool labels = true;
    bool legendOpen = true;
    std::optional<SavedView> view;  // none = the home view
};

// The settings file's path for this user (the directory is not created).
std::string viewerSettingsPath();

// Missing file: defaults. A file that is not ours to read (bad JSON, wrong
// types, out-of-range values): an error naming the file and the field.
Result<ViewerSettings> loadViewerSettings(const std::string& path);

// Writes atomically, creating the directory. A file at `path` that
// loadViewerSettings refuses is first renamed to PATH.bad; when that exists
// too, nothing is written (an error says so).
Result<Unit> saveViewerSettings(const std::string& path, const ViewerSettings& settings);

}  // namespace bl::io
