#pragma once
// An export request carried out: renders the engine's ExportSpec (fonts and
// a renderer at the request's DPI, in the GL context current on the calling
// thread) and writes the PNG (and, with georef, the world file and GDAL
// .aux.xml) atomically. `borderlens export`, `bench export` and the
// viewer's Export dialog all come through here.
#include <memory>

#include "core/result.hpp"
#include "engine/export_request.hpp"
#include "engine/job.hpp"
#include "engine/map_data.hpp"
#include "io/georef_png.hpp"
#include "render/camera.hpp"

namespace bl::render {

struct ExportOutcome {
    io::ExportFiles files;
    Camera camera;
    double renderSeconds = 0.0, writeSeconds = 0.0;
    size_t bytes = 0;  // of the file written
    size_t pages = 1;
    std::vector<std::string> notes;  // ExportSpec::notes
};

// A PNG needs a current GL context (a HeadlessContext on this thread is
// enough); a PDF or SVG (by -o's extension) is drawn with cairo, no GL.
Result<ExportOutcome> runExport(const engine::ExportRequest& request, const engine::MapData& map);

// The same on its own thread with its own headless GL context, so the viewer
// stays responsive; `map` is held until the job ends.
std::unique_ptr<engine::Job<ExportOutcome>> startExport(engine::ExportRequest request,
                                                        std::shared_ptr<const engine::MapData> map);

// The geotransform of an export camera (not rotated; working CRS metres).
io::GeoTransform geoTransformOf(const Camera& camera);

}  // namespace bl::render
