// `borderlens bench export`: times exports of one pair and of the whole
// border area as PNG (the OpenGL renderer), then, on an A3 landscape page,
// the whole area and the atlas of all pairs as vector PDF (cairo), in this
// process and as a fresh `borderlens export` process, beside QGIS 3.22
// printing the same frames with the same layers from a print layout
// (bench/peer_qgis_print.py) in the same run.
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "cli/bench_peer.hpp"
#include "cli/commands.hpp"
#include "core/boundaries/crs.hpp"
#include "engine/atlas.hpp"
#include "engine/export_request.hpp"
#include "engine/map_geometry.hpp"
#include "render/export_job.hpp"
#include "render/fonts.hpp"
#include "render/headless_context.hpp"
#include "render/map_export.hpp"

namespace bl::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kPngWidth = 3000, kPngHeight = 2000;
// A3 landscape, 420 x 297 mm at 300 dpi.
constexpr int kPageWidth = 4961, kPageHeight = 3508;
constexpr double kPageDpi = 300.0;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The PNG rows: in-process render and write, 96 dpi.
bool pngRows(Shared& shared, const engine::MapData& map, const fs::path& dir) {
    std::printf("%-44s %9s %9s %9s %9s %9s\n", "PNG 3000x2000, 96 dpi", "render s", "write s", "total s", "PNG MiB",
                "RGBA MiB");
    struct Case {
        const char* name;
        int pair;
    };
    for (const Case c : {Case{"pair 0 (Quảng Trị – Savannakhet)", 0}, Case{"whole border area", -1}}) {
        engine::ExportRequest r;
        r.width = kPngWidth;
        r.height = kPngHeight;
        r.pair = c.pair;
        r.output = (dir / (std::string(c.pair >= 0 ? "pair0" : "whole") + ".png")).string();
        r.force = true;
        auto out = render::runExport(r, map);
        if (!out) {
            shared.exitCode = fail(out.error());
            return false;
        }
        std::printf("%s %9.2f %9.2f %9.2f %9.1f %9.1f\n", padRight(c.name, 44).c_str(), out->renderSeconds,
                    out->writeSeconds, out->renderSeconds + out->writeSeconds, double(out->bytes) / 1048576.0,
                    double(kPngWidth) * kPngHeight * 4 / 1048576.0);
    }
    return true;
}

// One PDF export asked of everyone: the whole area (no atlas) or an atlas.
struct PdfCase {
    std::string name;   // "whole border area"
    std::string atlas;  // "" or "pairs"
    std::string file;   // "whole", "atlas-pairs"
};

engine::ExportRequest pageRequest(const PdfCase& c, const std::string& output) {
    engine::ExportRequest r;
    r.width = kPageWidth;
    r.height = kPageHeight;
    r.dpi = kPageDpi;
    r.atlas = c.atlas;
    r.output = output;
    r.force = true;
    return r;
}

// The pages our export of `r` draws.
Result<std::vector<engine::ExportSpec>> pageSpecs(const engine::ExportRequest& r, const engine::MapData& map) {
    if (r.atlas.empty()) {
        auto spec = engine::buildExportSpec(r, map);
        if (!spec) return spec.error();
        return std::vector<engine::ExportSpec>{std::move(*spec)};
    }
    auto pages = engine::buildAtlas(r, map);
    if (!pages) return pages.error();
    std::vector<engine::ExportSpec> specs;
    for (auto& p : *pages) specs.push_back(std::move(p.spec));
    return specs;
}

// What QGIS is given for one of our pages: the map's visible box (working
// CRS metres; the export camera of the spec, so whatever the layout keeps
// beside the map is left out) and the layers the map draws there.
struct PeerPage {
    Box frame;
    std::vector<size_t> layers;  // indices into Dataset::layers, drawing order
};

std::vector<PeerPage> peerPages(const std::vector<engine::ExportSpec>& specs, const engine::MapData& map,
                                const render::FontSet& fonts) {
    std::vector<PeerPage> out;
    for (const auto& spec : specs) {
        const render::Camera cam = render::exportCamera(spec, fonts, *map.dataset, *map.geometry);
        PeerPage page{cam.visibleBox(), {}};
        // As the renderer decides (render/map_frame.hpp, Frame::visible): shown, and of a level drawn at this scale.
        const double scaledMpp = cam.metresPerPixel * spec.dpi / 96.0;
        for (size_t li = 0; li < map.dataset->layers.size(); ++li)
            if (li < spec.scene.layerVisible.size() && spec.scene.layerVisible[li] &&
                engine::levelShownAtScale(map.dataset->layers[li].spec.level, scaledMpp))
                page.layers.push_back(li);
        out.push_back(std::move(page));
    }
    return out;
}

// bench/peer_qgis_print.py's arguments for `pages` on our page size: every
// layer any page draws, each frame with the layers of its page.
std::vector<std::string> qgisArgs(const std::string& output, const std::vector<PeerPage>& pages,
                                  const engine::MapData& map) {
    std::vector<size_t> used;  // dataset order, which is the drawing order of each level
    for (const auto& p : pages)
        for (size_t li : p.layers)
            if (std::find(used.begin(), used.end(), li) == used.end()) used.push_back(li);
    std::sort(used.begin(), used.end());
    std::ostringstream frames;
    frames.precision(10);
    for (const auto& p : pages) {
        if (frames.tellp() > 0) frames << ';';
        frames << p.frame.minX << ',' << p.frame.minY << ',' << p.frame.maxX << ',' << p.frame.maxY;
        if (p.layers.size() == used.size()) continue;  // every layer: no list
        char sep = ':';
        for (size_t li : p.layers) {
            frames << sep << (std::find(used.begin(), used.end(), li) - used.begin());
            sep = ',';
        }
    }
    char mm[2][32];
    std::snprintf(mm[0], sizeof mm[0], "%.2f", kPageWidth * 25.4 / kPageDpi);
    std::snprintf(mm[1], sizeof mm[1], "%.2f", kPageHeight * 25.4 / kPageDpi);
    std::vector<std::string> args = {output, mm[0], mm[1], kWorkingCrs, frames.str()};
    for (size_t li : used) args.push_back(peerLayerSpec(map.dataset->layers[li].spec, map.dataset->dataRoot));
    return args;
}

// The page count pdfinfo (poppler-utils) reads; 0 when it cannot.
int pdfPages(const std::string& pdf) {
    FILE* p = popen(("pdfinfo '" + pdf + "' 2>/dev/null").c_str(), "r");
    if (!p) return 0;
    int pages = 0;
    char line[512];
    while (std::fgets(line, sizeof line, p))
        if (std::sscanf(line, "Pages: %d", &pages) == 1) break;
    pclose(p);
    return pages;
}

struct Row {
    std::string what;
    double seconds = 0.0;
    double peakMiB = -1.0;  // -1: not measured (in-process)
    std::string file;
    int pages = 0;
    bool ok = false;
    std::string goal;
    int met = -1;  // -1: no goal
};

const char* metText(int met) { return met < 0 ? "" : met ? "  met" : "  NOT met"; }

void printRow(const Row& r) {
    std::error_code ec;
    const auto bytes = r.ok ? fs::file_size(r.file, ec) : 0;
    char peak[16] = "-";
    if (r.peakMiB >= 0) std::snprintf(peak, sizeof peak, "%.0f", r.peakMiB);
    std::printf("%s %8.2f %9s %8.1f %6d   %s%s%s\n", padRight(r.what, 46).c_str(), r.seconds, peak,
                ec ? 0.0 : double(bytes) / 1048576.0, r.pages, r.goal.c_str(), metText(r.met),
                r.ok ? "" : "  (FAILED)");
}

struct PdfBench {
    const engine::MapData& map;
    const render::FontSet& fonts;
    const SelfProcess& self;
    std::string cacheHome;  // the children's store, warm
    fs::path dir;
    int repeat = 3;
    bool havePeer = false;
};

// The three rows of one case: ours in process, ours as a process, QGIS.
std::vector<Row> pdfRows(const PdfBench& b, const PdfCase& c) {
    std::vector<Row> rows;
    const std::string inProcess = (b.dir / (c.file + "-in-process.pdf")).string();
    const auto t0 = Clock::now();
    auto out = render::runExport(pageRequest(c, inProcess), b.map);
    rows.push_back({"borderlens, in process", secondsSince(t0), -1.0, inProcess, 0, bool(out), "", -1});
    if (!out) std::fprintf(stderr, "bench export: %s: %s\n", c.name.c_str(), out.error().message.c_str());

    const std::string child = (b.dir / (c.file + "-process.pdf")).string();
    const std::string size = std::to_string(kPageWidth) + "x" + std::to_string(kPageHeight);
    std::vector<std::string> args = {"export", "-o", child, "--size", size, "--dpi", std::to_string(int(kPageDpi)),
                                     "--force"};
    if (!c.atlas.empty()) args.insert(args.end(), {"--atlas", c.atlas});
    (void)b.self.run(args, b.cacheHome);  // fills the store (cold) and the page cache
    const BenchRun ours = b.self.median(b.repeat, args, b.cacheHome);
    rows.push_back({"borderlens export, whole process", ours.seconds, ours.peakMiB, child, 0, ours.ok, "", -1});

    if (b.havePeer) {
        const std::string qgis = (b.dir / (c.file + "-qgis.pdf")).string();
        auto specs = pageSpecs(pageRequest(c, qgis), b.map);
        if (!specs) {
            std::fprintf(stderr, "bench export: %s: %s\n", c.name.c_str(), specs.error().message.c_str());
            rows.push_back({"QGIS 3.22 print layout, whole process", 0, 0, qgis, 0, false, "", -1});
        } else {
            const auto qArgs = qgisArgs(qgis, peerPages(*specs, b.map, b.fonts), b.map);
            std::vector<BenchRun> runs;
            for (int i = 0; i < b.repeat; ++i) {
                const PeerMeasure m = runPeerScript("peer_qgis_print.py", qArgs, nullptr);
                runs.push_back({m.seconds, double(m.peakKiB) / 1024.0, m.ok});
            }
            const BenchRun peer = medianRun(std::move(runs));
            rows.push_back(
                {"QGIS 3.22 print layout, whole process", peer.seconds, peer.peakMiB, qgis, 0, peer.ok, "", -1});
            char goal[64];
            std::snprintf(goal, sizeof goal, "< %.2f s (QGIS's)", peer.seconds);
            rows[1].goal = goal;
            rows[1].met = peer.ok && ours.seconds < peer.seconds;
        }
    }
    for (auto& r : rows)
        if (r.ok) r.pages = pdfPages(r.file);
    return rows;
}

// The PDF table: each case by us in process, by `borderlens export` with a
// warm store, and by QGIS.
void benchPdf(Shared& shared, const engine::MapData& map, const fs::path& dir, int repeat) {
    auto fonts = render::loadFonts(float(kPageDpi / 96.0));
    if (!fonts) {
        shared.exitCode = fail(fonts.error());
        return;
    }
    const SelfProcess self(shared.global);
    fs::create_directories(dir / "cache");
    PdfBench b{map, *fonts, self, (dir / "cache").string(), dir, repeat, pythonHas("qgis.core")};
    std::printf(
        "\nA3 landscape vector PDF, %.0fx%.0f mm (%dx%d px at %.0f dpi); whole-process figures are the median "
        "of %d runs, after one that fills the store\n",
        kPageWidth * 25.4 / kPageDpi, kPageHeight * 25.4 / kPageDpi, kPageWidth, kPageHeight, kPageDpi, repeat);
    std::printf("%-46s %8s %9s %8s %6s   %s\n", "", "wall s", "peak MiB", "PDF MiB", "pages", "goal");
    bool allOk = true;
    for (const PdfCase& c :
         {PdfCase{"whole border area", "", "whole"}, PdfCase{"atlas of all pairs", "pairs", "atlas-pairs"}}) {
        std::printf("%s\n", c.name.c_str());
        for (const Row& r : pdfRows(b, c)) {
            printRow({"  " + r.what, r.seconds, r.peakMiB, r.file, r.pages, r.ok, r.goal, r.met});
            allOk = allOk && r.ok;
        }
    }
    std::printf(
        "\nin process = render::runExport with the data loaded: the pages' specs, fonts at 300 dpi, layout, "
        "cairo drawing and writing the PDF.\n"
        "whole process = a fresh `borderlens export -o X.pdf --size %dx%d --dpi 300 [--atlas pairs]`: start, "
        "catalog, the layers from the prepared-data store (warm), documents for the atlas, drawing, writing.\n",
        kPageWidth, kPageHeight);
    if (b.havePeer)
        std::printf(
            "QGIS = /usr/bin/python3 bench/peer_qgis_print.py: start QGIS, open the layers with OGR, a print "
            "layout (title, map, legend, scale bar, north arrow, attribution) on the same page size, each "
            "page framed on our map's visible box with the layers our page draws, vector PDF at 300 dpi "
            "(one atlas for several pages). It draws less than we do: no neighbouring countries, overlays, information "
            "boxes, inset or graticule.\n");
    else
        std::printf("peer: python3-qgis not found (scripts/setup installs it); its rows and the goals are left out\n");
    if (!allOk) shared.exitCode = 1;
}

struct BenchOptions {
    int repeat = 3;
    std::string keep;  // a directory to leave the files in; empty = removed
};

void benchExport(Shared& shared, const BenchOptions& o) {
    auto ctx = render::HeadlessContext::create();
    if (!ctx) {
        shared.exitCode = fail(ctx.error());
        return;
    }
    const auto t0 = Clock::now();
    auto session = Context::open(shared.global);
    if (!session) {
        shared.exitCode = fail(session.error());
        return;
    }
    engine::ExportRequest everything;
    everything.pair = 0;  // every layer and the documents
    auto loading = startLoading(*session, everything);
    const auto& data = loading->wait();
    if (!data) {
        shared.exitCode = fail(data.error());
        return;
    }
    const double loadSeconds = secondsSince(t0);
    char tmpl[] = "/tmp/borderlens-bench-export-XXXXXX";
    if (!mkdtemp(tmpl)) {
        shared.exitCode = fail("bench export: cannot make a temporary folder");
        return;
    }
    const fs::path dir = tmpl;
    std::printf("bench export: %s; load + prepare (documents, layers, map geometry): %.2f s\n\n",
                (*ctx)->rendererName().c_str(), loadSeconds);
    if (pngRows(shared, **data, dir)) benchPdf(shared, **data, dir, o.repeat);
    std::error_code ec;
    if (!o.keep.empty()) {
        fs::remove_all(dir / "cache", ec);
        fs::create_directories(o.keep, ec);
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (!ec)
                fs::copy_file(e.path(), fs::path(o.keep) / e.path().filename(), fs::copy_options::overwrite_existing,
                              ec);
        if (ec)
            std::fprintf(stderr, "bench export: could not copy the files to %s: %s\n", o.keep.c_str(),
                         ec.message().c_str());
    }
    fs::remove_all(dir, ec);
}

}  // namespace

void addBenchExportCommand(CLI::App& bench, Shared& shared) {
    auto* cmd = bench.add_subcommand(
        "export",
        "Time PNG exports (pair 0, whole area) and A3 vector PDFs (whole area, atlas of all pairs), "
        "in process and whole process, beside QGIS printing the same pages");
    auto o = std::make_shared<BenchOptions>();
    cmd->add_option("--repeat", o->repeat,
                    "Runs of each whole-process figure (ours and QGIS's); the median is reported")
        ->check(CLI::Range(1, 20));
    cmd->add_option("--keep", o->keep, "Leave the images and PDFs written (ours and QGIS's) in this directory");
    cmd->callback([&shared, o] { benchExport(shared, *o); });
}

}  // namespace bl::cli
