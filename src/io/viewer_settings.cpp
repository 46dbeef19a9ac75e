#include "io/viewer_settings.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <nlohmann/json.hpp>

#include "io/detail/json_file.hpp"
#include "io/json_text.hpp"

namespace bl::io {

namespace fs = std::filesystem;

std::string viewerSettingsPath() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg == '/') return std::string(xdg) + "/borderlens/viewer.json";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.config/borderlens/viewer.json";
}

namespace {

// A number field within [lo, hi]; absent leaves `out` as it is.
template <typename T>
Result<Unit> numberField(const nlohmann::json& j, const char* key, double lo, double hi, const std::string& where,
                         T& out) {
    if (!j.contains(key)) return Unit{};
    const auto& v = j[key];
    if (!v.is_number()) return wrongJsonType(where, key, "a number", v);
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < lo || d > hi)
        return makeError(where + ": \"" + key + "\" must be between " + std::to_string(lo) + " and " +
                         std::to_string(hi));
    out = T(d);
    return Unit{};
}

Result<Unit> boolField(const nlohmann::json& j, const char* key, const std::string& where, bool& out) {
    if (!j.contains(key)) return Unit{};
    if (!j[key].is_boolean()) return wrongJsonType(where, key, "true or false", j[key]);
    out = j[key].get<bool>();
    return Unit{};
}

}  // namespace

Result<ViewerSettings> loadViewerSettings(const std::string& path) {
    ViewerSettings s;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec))) return s;
    auto j = readJsonFile(path, "viewer settings file");
    if (!j) return j.error();
    const std::string where = "viewer settings " + path;
    if (!j->is_object()) return makeError(where + ": must be a JSON object (it is " + jsonTypeName(*j) + ")");
    for (auto r : {numberField(*j, "sidebar_width", 120, 4000, where, s.sidebarWidth),
                   numberField(*j, "inspector_width", 120, 4000, where, s.inspectorWidth),
                   numberField(*j, "tab", 0, 16, where, s.tab), boolField(*j, "labels", where, s.labels),
                   boolField(*j, "legend_open", where, s.legendOpen)})
        if (!r) return r.error();
    auto vintage = optionalString(*j, "vintage", where);
    if (!vintage) return vintage.error();
    s.vnVintage = *vintage;
    if (j->contains("view")) {
        const auto& v = (*j)["view"];
        if (!v.is_object()) return wrongJsonType(where, "view", "an object", v);
        SavedView view;
        const std::string vw = where + ", \"view\"";
        for (auto r : {numberField(v, "x", -1e7, 1e7, vw, view.centerX), numberField(v, "y", -1e7, 1e7, vw, view.centerY),
                       numberField(v, "metres_per_pixel", 0.01, 1e6, vw, view.metresPerPixel)})
            if (!r) return r.error();
        if (view.metresPerPixel <= 0) return makeError(vw + ": \"metres_per_pixel\" is missing");
        s.view = view;
    }
    return s;
}

Result<Unit> saveViewerSettings(const std::string& path, const ViewerSettings& s) {
    std::error_code ec;
    const fs::path p(path);
    if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
    if (ec) return makeError("cannot create " + p.parent_path().string() + " for the viewer settings: " + ec.message());
    if (fs::exists(fs::symlink_status(p, ec)) && !loadViewerSettings(path)) {
        // Not ours to overwrite: keep what the user had beside it.
        const std::string bad = path + ".bad";
        if (fs::exists(fs::symlink_status(bad, ec)))
            return makeError("the viewer settings are not saved: " + path + " cannot be read and " + bad +
                             " already exists; remove one of them");
        fs::rename(p, bad, ec);
        if (ec) return makeError("cannot keep the unreadable " + path + " as " + bad + ": " + ec.message());
    }
    nlohmann::json j = {{"sidebar_width", s.sidebarWidth}, {"inspector_width", s.inspectorWidth},
                        {"tab", s.tab},                    {"vintage", s.vnVintage},
                        {"labels", s.labels},              {"legend_open", s.legendOpen}};
    if (s.view)
        j["view"] = {{"x", s.view->centerX}, {"y", s.view->centerY}, {"metres_per_pixel", s.view->metresPerPixel}};
    return writeFileAtomically(path, dumpJson(j, 2) + "\n", true);
}

}  // namespace bl::io
