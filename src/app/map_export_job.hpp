#pragma once
// From an export request (what the CLI's `borderlens export` and the viewer's
// Export dialog ask for) to an annotated image on disk: chooses the frame
// (a document link's pair, a unit found by name, a lon/lat box, or the whole
// border area), the overlay (pair highlight, shared border with its length,
// connector, border gates), the title, subtitle, information box and
// attribution; then renders through render::renderExport and writes through
// io::writeExportPng. Needs a current GL context for runExport (a
// HeadlessContext on the calling thread is enough).
#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/news/documents.hpp"
#include "core/names/gazetteer.hpp"
#include "core/news/link_check.hpp"
#include "core/boundaries/model.hpp"
#include "core/news/resolve.hpp"
#include "core/result.hpp"
#include "io/catalog.hpp"
#include "io/georef_png.hpp"
#include "render/camera.hpp"
#include "render/map_export.hpp"
#include "render/map_geometry.hpp"

namespace bl::app {

struct ExportRequest {
    std::string output;
    int width = 1600, height = 1000;
    double dpi = 96.0;
    std::string focus;                          // a unit name (Gazetteer::find)
    int pair = -1;                              // a link of `borderlens pairs`
    std::optional<std::array<double, 4>> bbox;  // lon1, lat1, lon2, lat2
    std::optional<Box> frame;                   // working CRS metres (the viewer's current view)
    std::string vintage = "2025";               // Vietnamese layers shown
    std::vector<std::string> layers;            // layer ids to show; empty = by vintage
    std::string title, subtitle;                // empty = defaults
    bool labels = true, georef = false, force = false;
    int maxTile = 0;                            // 0 = the GL limit
};

// What an export may draw from. Pointers may be null where not available
// (no documents: --pair is refused; no gazetteer: --focus is refused).
struct ExportSources {
    const Dataset* data = nullptr;
    const render::MapGeometry* geometry = nullptr;
    const io::Catalog* catalog = nullptr;
    const Gazetteer* gazetteer = nullptr;
    const Corpus* corpus = nullptr;
    const CuratedPlaces* curated = nullptr;
    AdjacencyLookup adjacency;  // required with pair
};

// Checks the request's options (names the option on error).
Result<std::monostate> validate(const ExportRequest& r);

// The frame, overlay and texts of the request.
Result<render::ExportSpec> buildExportSpec(const ExportRequest& r, const ExportSources& src);

struct ExportOutcome {
    io::ExportFiles files;
    render::Camera camera;
    double renderSeconds = 0.0, writeSeconds = 0.0;
    size_t bytes = 0;  // of the PNG
};

// Renders (creating fonts and a renderer at the request's DPI in the current
// GL context) and writes the files.
Result<ExportOutcome> runExport(const ExportRequest& r, const ExportSources& src);

// The geotransform of an export camera (not rotated; working CRS metres).
io::GeoTransform geoTransformOf(const render::Camera& camera);

// Runs an export on its own thread with its own headless GL context, so the
// viewer stays responsive. `src` must stay valid until finished().
class BackgroundExport {
public:
    BackgroundExport(ExportRequest request, ExportSources src);
    ~BackgroundExport();
    BackgroundExport(const BackgroundExport&) = delete;
    BackgroundExport& operator=(const BackgroundExport&) = delete;
    bool finished() const { return m_finished.load(); }
    // Valid once finished().
    const Result<ExportOutcome>& result() const { return *m_result; }

private:
    std::optional<Result<ExportOutcome>> m_result;
    std::atomic<bool> m_finished{false};
    std::thread m_thread;
};

}  // namespace bl::app
