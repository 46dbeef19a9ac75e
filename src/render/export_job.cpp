#include "render/export_job.hpp"

#include <chrono>
#include <filesystem>

#include "core/boundaries/crs.hpp"
#include "engine/atlas.hpp"
#include "io/output_file.hpp"
#include "render/fonts.hpp"
#include "render/headless_context.hpp"
#include "render/map_export.hpp"
#include "render/map_renderer.hpp"
#include "render/vector_export.hpp"

namespace bl::render {

io::GeoTransform geoTransformOf(const Camera& c) {
    const Vec2 tl = c.toWorld({0, 0});
    return {tl.x, c.metresPerPixel, 0.0, tl.y, 0.0, -c.metresPerPixel};
}

namespace {

// An atlas: every page into one PDF, or a PNG per page into a directory.
Result<ExportOutcome> runAtlas(const engine::ExportRequest& r, const engine::MapData& map) {
    using Clock = std::chrono::steady_clock;
    if (auto ok = engine::validate(r, map.catalog->vintages); !ok) return ok.error();
    auto output = io::checkAtlasOutput(r.output, r.georef);
    if (!output) return output.error();
    if (*output == io::AtlasOutput::Pdf)
        if (auto w = io::checkWritable(r.output, r.force); !w) return w.error();
    const auto t0 = Clock::now();
    auto pages = engine::buildAtlas(r, map);
    if (!pages) return pages.error();
    auto fonts = loadFonts(float(r.dpi / 96.0));
    if (!fonts) return fonts.error();
    ExportOutcome out;
    out.files.png = r.output;
    out.pages = pages->size();
    out.notes = pages->front().spec.notes;
    if (*output == io::AtlasOutput::Pdf) {
        std::vector<ExportSpec> specs;
        for (auto& p : *pages) specs.push_back(std::move(p.spec));
        auto written = writeVectorExport(r.output, r.force, VectorFormat::Pdf, *fonts, *map.dataset, *map.geometry,
                                         specs, specs.front().title);
        if (!written) return written.error();
        out.camera = written->camera;
        out.bytes = written->bytes;
        out.renderSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
        return out;
    }
    // A directory of PNGs: made when missing; a page's file is replaced only with --force.
    std::error_code ec;
    std::filesystem::create_directories(r.output, ec);
    if (ec) return optionError("-o " + r.output + ": cannot make the directory (" + ec.message() + ")");
    // Every page's file checked before the first is written: a refusal leaves the directory as it was.
    for (const auto& page : *pages)
        if (auto w = io::checkWritable((std::filesystem::path(r.output) / (page.name + ".png")).string(), r.force); !w)
            return w.error();
    auto renderer = MapRenderer::create(*fonts);
    if (!renderer) return renderer.error();
    (*renderer)->setData(map.dataset, map.geometry);
    double writeSeconds = 0;
    for (const auto& page : *pages) {
        const std::string file = (std::filesystem::path(r.output) / (page.name + ".png")).string();
        auto layout = layoutExport(*fonts, *map.dataset, *map.geometry, page.spec);
        if (!layout) return layout.error();
        auto image = renderExport(**renderer, page.spec, *layout);
        if (!image) return image.error();
        if (&page == &pages->front()) out.camera = layout->camera;
        const auto t1 = Clock::now();
        std::optional<io::GeoTransform> gt;
        if (r.georef) gt = geoTransformOf(layout->camera);
        auto files = io::writeExportPng(file, *image, r.dpi, gt, kWorkingCrs, r.force);
        if (!files) return files.error();
        out.bytes += files->pngBytes;
        writeSeconds += std::chrono::duration<double>(Clock::now() - t1).count();
    }
    out.writeSeconds = writeSeconds;
    out.renderSeconds = std::chrono::duration<double>(Clock::now() - t0).count() - writeSeconds;
    return out;
}

}  // namespace

Result<ExportOutcome> runExport(const engine::ExportRequest& r, const engine::MapData& map) {
    using Clock = std::chrono::steady_clock;
    if (!r.atlas.empty()) return runAtlas(r, map);
    if (auto ok = engine::validate(r, map.catalog->vintages); !ok) return ok.error();
    if (auto w = io::checkWritable(r.output, r.force); !w) return w.error();
    auto format = io::checkExportOutput(r.output, r.georef);
    if (!format) return format.error();
    auto spec = engine::buildExportSpec(r, map);
    if (!spec) return spec.error();
    const auto t0 = Clock::now();
    auto fonts = loadFonts(float(r.dpi / 96.0));
    if (!fonts) return fonts.error();
    if (*format != io::ExportFormat::Png) {  // cairo: no GL
        auto written = writeVectorExport(r.output, r.force,
                                         *format == io::ExportFormat::Pdf ? VectorFormat::Pdf : VectorFormat::Svg,
                                         *fonts, *map.dataset, *map.geometry, {*spec});
        if (!written) return written.error();
        ExportOutcome out;
        out.notes = spec->notes;
        out.camera = written->camera;
        out.files.png = r.output;
        out.bytes = written->bytes;
        out.pages = written->pages;
        out.renderSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
        return out;
    }
    auto renderer = MapRenderer::create(*fonts);
    if (!renderer) return renderer.error();
    (*renderer)->setData(map.dataset, map.geometry);
    auto layout = layoutExport(*fonts, *map.dataset, *map.geometry, *spec);
    if (!layout) return layout.error();
    auto image = renderExport(**renderer, *spec, *layout);
    if (!image) return image.error();
    ExportOutcome out;
    out.notes = spec->notes;
    out.camera = layout->camera;
    const auto t1 = Clock::now();
    out.renderSeconds = std::chrono::duration<double>(t1 - t0).count();
    std::optional<io::GeoTransform> gt;
    if (r.georef) gt = geoTransformOf(out.camera);
    auto files = io::writeExportPng(r.output, *image, r.dpi, gt, kWorkingCrs, r.force);
    if (!files) return files.error();
    out.files = *files;
    out.writeSeconds = std::chrono::duration<double>(Clock::now() - t1).count();
    out.bytes = files->pngBytes;
    return out;
}

std::unique_ptr<engine::Job<ExportOutcome>> startExport(engine::ExportRequest request,
                                                        std::shared_ptr<const engine::MapData> map) {
    return std::make_unique<engine::Job<ExportOutcome>>(
        "exporting " + request.output,
        [request = std::move(request), map = std::move(map)](engine::JobControl&) -> Result<ExportOutcome> {
            auto ctx = HeadlessContext::create();
            if (!ctx) return ctx.error();
            return runExport(request, *map);
        });
}

}  // namespace bl::render
