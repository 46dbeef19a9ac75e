// `borderlens export`: an annotated map image, headless (EGL), through the
// same renderer as the viewer; `borderlens bench export` times it.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <tuple>
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "engine/atlas.hpp"
#include "engine/export_request.hpp"
#include "engine/map_data.hpp"
#include "io/georef_png.hpp"
#include "io/output_file.hpp"
#include "render/export_job.hpp"
#include "render/headless_context.hpp"

namespace bl::cli {

namespace fs = std::filesystem;

// What an export draws from: only the layers it shows (every layer, and the
// documents, for a pair), prepared through the engine, as a job: it runs
// while the GL context starts.
std::unique_ptr<engine::Job<std::shared_ptr<const engine::MapData>>> startLoading(Context& ctx,
                                                                                  const engine::ExportRequest& r) {
    return std::make_unique<engine::Job<std::shared_ptr<const engine::MapData>>>(
        "loading the map", [&ctx, r](engine::JobControl& control) {
            engine::MapRequest request;
            request.layers = engine::layersNeeded(r, ctx.session());
            request.news = r.pair >= 0 || r.atlas == "pairs";
            request.newsRequired = true;
            request.newsRequest.store = ctx.store();
            return engine::prepareMap(ctx.session(), request, &control);
        });
}

namespace {

struct ExportArgs {
    engine::ExportRequest req;
    std::string size, page;
    std::string bbox, layers;
};

// --page: "A4", "A3,portrait", "letter", "300x200mm" (landscape unless
// said) to pixels at `dpi`.
Result<std::pair<int, int>> pageSize(const std::string& text, double dpi) {
    std::string name = text, orientation = "landscape";
    if (const size_t comma = text.find(','); comma != std::string::npos) {
        name = text.substr(0, comma);
        orientation = text.substr(comma + 1);
    }
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    double w = 0, h = 0;
    const struct {
        const char* name;
        double w, h;
    } sizes[] = {{"a0", 1189, 841}, {"a1", 841, 594}, {"a2", 594, 420}, {"a3", 420, 297},
                 {"a4", 297, 210},  {"a5", 210, 148}, {"letter", 279.4, 215.9}, {"legal", 355.6, 215.9}};
    for (const auto& s : sizes)
        if (name == s.name) std::tie(w, h) = std::pair{s.w, s.h};
    char rest[8] = {};
    if (w == 0 && std::sscanf(name.c_str(), "%lfx%lf%7s", &w, &h, rest) == 3 && std::string(rest) == "mm") {
        if (!(w >= 20 && h >= 20 && w <= 5000 && h <= 5000))
            return optionError("--page " + text + ": each side must be 20..5000 mm");
        if (text.find(',') == std::string::npos) orientation.clear();  // as given
    } else if (w == 0 || (rest[0] && std::string(rest) != "mm")) {
        return optionError("--page " + text + ": give A0..A5, letter or legal (optionally ,portrait), or WxHmm");
    }
    if (orientation == "portrait") std::tie(w, h) = std::pair{std::min(w, h), std::max(w, h)};
    else if (orientation == "landscape") std::tie(w, h) = std::pair{std::max(w, h), std::min(w, h)};
    else if (!orientation.empty()) return optionError("--page " + text + ": the orientation is portrait or landscape");
    return std::pair{int(std::lround(w / 25.4 * dpi)), int(std::lround(h / 25.4 * dpi))};
}

int runExportCommand(Shared& shared, ExportArgs& a) {
    // The output first, before even the catalog is read: its kind and
    // format need nothing else (validate() checks it again with the rest).
    bool vector = false;
    if (!a.req.atlas.empty()) {
        if (auto ok = engine::checkAtlasKind(a.req.atlas); !ok) return fail(ok.error());
        const auto output = io::checkAtlasOutput(a.req.output, a.req.georef);
        if (!output) return fail(output.error());
        vector = *output == io::AtlasOutput::Pdf;
    } else {
        const auto format = io::checkExportOutput(a.req.output, a.req.georef);
        if (!format) return fail(format.error());
        vector = *format != io::ExportFormat::Png;
    }
    if (a.req.output == "-" && isatty(STDOUT_FILENO))
        return failOption("-o - would write PNG bytes to the terminal; redirect standard output to a file or a pipe");
    if (!a.page.empty() && !a.size.empty()) return failOption("--page and --size exclude each other: give one");
    const auto size = a.page.empty() ? parseSize(a.size.empty() ? "1600x1000" : a.size, "--size", engine::kMaxExportSide)
                                     : pageSize(a.page, a.req.dpi);
    if (!size) return failOption(size.error().message);
    std::tie(a.req.width, a.req.height) = *size;
    if (!a.bbox.empty()) {
        std::array<double, 4> b{};
        char rest = 0;
        if (std::sscanf(a.bbox.c_str(), "%lf,%lf,%lf,%lf%c", &b[0], &b[1], &b[2], &b[3], &rest) != 4) {
            std::fprintf(stderr, "borderlens export: --bbox must be LON1,LAT1,LON2,LAT2 in degrees (got '%s')\n",
                         a.bbox.c_str());
            return 2;
        }
        a.req.bbox = b;
    }
    a.req.layers = splitList(a.layers);
    if (const char* tile = std::getenv("BORDERLENS_EXPORT_TILE")) a.req.maxTile = std::atoi(tile);
    auto session = Context::open(shared.global);
    if (!session) return fail(session.error());
    // Options first (exit 2): the output's kind and format, then the rest
    // with the catalog's systems for --vintage; nothing is loaded yet.
    if (auto ok = engine::validate(a.req, session->catalog().vintages); !ok) return fail(ok.error());
    if (a.req.atlas.empty() || vector)
        if (auto w = io::checkWritable(a.req.output, a.req.force); !w) return fail(w.error());
    if (a.req.georef) {
        if (auto w = io::checkWritable(io::worldFilePath(a.req.output), a.req.force); !w)
            return fail(w.error());
        if (auto w = io::checkWritable(a.req.output + ".aux.xml", a.req.force); !w) return fail(w.error());
    }
    // Loading and GL start together; without GL the loading is stopped.
    if (!shared.global.quiet) std::fprintf(stderr, "borderlens export: loading data\n");
    auto loading = startLoading(*session, a.req);
    Result<std::unique_ptr<render::HeadlessContext>> ctx = std::unique_ptr<render::HeadlessContext>();
    if (!vector) ctx = render::HeadlessContext::create();  // cairo draws PDF and SVG without GL
    if (!ctx) {
        loading->cancel();
        return fail(ctx.error());
    }
    const auto& data = loading->wait();
    if (!data) return fail(data.error());
    session->warnUnplacedGates();
    auto out = render::runExport(a.req, **data);
    if (!out) return fail(out.error());
    for (const auto& note : out->notes) std::fprintf(stderr, "borderlens export: %s\n", note.c_str());
    if (!shared.global.quiet) {
        if (vector)
            std::fprintf(stderr, "borderlens export: wrote %s (%zu page%s of %.0fx%.0f mm, %.1f MiB) in %.2f s",
                         out->files.png.c_str(), out->pages, out->pages == 1 ? "" : "s", a.req.width * 25.4 / a.req.dpi,
                         a.req.height * 25.4 / a.req.dpi, double(out->bytes) / (1024.0 * 1024.0),
                         out->renderSeconds + out->writeSeconds);
        else if (!a.req.atlas.empty())
            std::fprintf(stderr, "borderlens export: wrote %zu PNGs (%dx%d, %.0f dpi, %.1f MiB) into %s in %.2f s",
                         out->pages, a.req.width, a.req.height, a.req.dpi, double(out->bytes) / (1024.0 * 1024.0),
                         out->files.png.c_str(), out->renderSeconds + out->writeSeconds);
        else
            std::fprintf(stderr, "borderlens export: wrote %s (%dx%d, %.0f dpi, %.1f MiB) in %.2f s",
                         out->files.png == "-" ? "standard output" : out->files.png.c_str(), a.req.width, a.req.height,
                         a.req.dpi, double(out->bytes) / (1024.0 * 1024.0), out->renderSeconds + out->writeSeconds);
        if (out->files.worldFile)
            std::fprintf(stderr, "; %s, %s", out->files.worldFile->c_str(), out->files.auxXml->c_str());
        std::fprintf(stderr, "\n");
    }
    return 0;
}

}  // namespace

void addExportCommand(CLI::App& app, Shared& shared) {
    auto a = std::make_shared<ExportArgs>();
    auto* cmd = app.add_subcommand("export", "An annotated map: PNG (optionally georeferenced), or vector PDF / SVG; headless");
    cmd->add_option("-o,--output", a->req.output,
                    "File to write, format by extension: .png, .pdf, .svg (never overwritten without --force); - for PNG on standard output")
        ->required()
        ->check(NonEmpty);
    cmd->add_option("--size", a->size, "WIDTHxHEIGHT in pixels (default 1600x1000)");
    cmd->add_option("--page", a->page,
                    "Page size instead of --size: A0..A5, letter, legal (landscape; add ,portrait) or WxHmm, at --dpi");
    cmd->add_option("--margin", a->req.marginMm, "Blank margin around the page, mm (default 0)");
    cmd->add_option("--atlas", a->req.atlas,
                    "pairs, gates or provinces: an overview, then a page per item, to a .pdf or a PNG each into "
                    "-o DIR/")
        ->check(NonEmpty);
    cmd->add_option("--dpi", a->req.dpi, "Dots per inch: scales lines, text and symbols; recorded in the PNG (default 96)");
    cmd->add_option("--focus", a->req.focus,
                    "Fit this unit (any spelling borderlens find accepts); without --vintage, in the system it "
                    "belongs to")
        ->check(NonEmpty);
    cmd->add_option("--pair", a->req.pair, "Link N of borderlens pairs: both units, shared border, annotations")
        ->check(Index);
    cmd->add_option("--bbox", a->bbox, "LON1,LAT1,LON2,LAT2 (degrees) to show");
    cmd->add_option("--vintage", a->req.vintage,
                    "Vietnamese system shown (see borderlens layers); default the current, or the --focus unit's");
    cmd->add_option("--layers", a->layers, "Layer ids to show, comma-separated (default: by vintage)");
    cmd->add_option("--title", a->req.title, "Title (default: what is shown)");
    cmd->add_option("--subtitle", a->req.subtitle, "Subtitle (default: vintages and the document date)");
    cmd->add_flag("--no-labels", [a](int64_t) { a->req.labels = false; }, "No unit labels");
    cmd->add_flag("--georef", a->req.georef, "Also write a world file (.pgw) and GDAL .aux.xml with the CRS");
    cmd->add_flag("--force", a->req.force, "Overwrite existing files");
    cmd->callback([&shared, a] { shared.exitCode = runExportCommand(shared, *a); });
}

}  // namespace bl::cli
