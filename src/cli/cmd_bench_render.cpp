// `borderlens bench render`: frame times of the map renderer offscreen
// (EGL, the same renderer as the viewer and export) at 1600x1000.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "cli/commands.hpp"
#include "core/boundaries/crs.hpp"
#include "engine/map_data.hpp"
#include "render/framebuffer.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"

namespace bl::cli {

namespace {

struct BenchRenderArgs {
    int frames = 60;
    int samples = 1;
    std::string vintage;  // empty = the catalog's current system
};

void benchRender(Shared& shared, const BenchRenderArgs& a) {
    using Clock = std::chrono::steady_clock;
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
    if (!session->checkVintage(a.vintage, "--vintage", shared.exitCode)) return;
    const std::string vintage = a.vintage.empty() ? session->catalog().vintages.current : a.vintage;
    engine::MapRequest request;
    request.layers = session->session().layersShown(vintage);  // only what is drawn
    auto data = engine::prepareMap(session->session(), request);
    if (!data) {
        shared.exitCode = fail(data.error());
        return;
    }
    const double prepSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    auto fonts = render::loadFonts(1.0f);
    if (!fonts) {
        shared.exitCode = fail(fonts.error());
        return;
    }
    auto renderer = render::MapRenderer::create(*fonts);
    if (!renderer) {
        shared.exitCode = fail(renderer.error());
        return;
    }
    const auto t1 = Clock::now();
    (*renderer)->setData((*data)->dataset, (*data)->geometry);
    const double uploadSeconds = std::chrono::duration<double>(Clock::now() - t1).count();
    auto fb = render::Framebuffer::create(1600, 1000, a.samples);
    if (!fb) {
        shared.exitCode = fail(fb.error());
        return;
    }

    const Dataset& ds = *(*data)->dataset;
    engine::Scene scene;
    scene.style.attribution = (*data)->catalog->attribution;
    Box all;
    for (const auto& l : ds.layers) {
        const bool on = l.spec.country == Country::LA || l.spec.vintage.label == vintage;
        scene.layerVisible.push_back(on);
        if (on)
            for (const auto& u : l.units) all.extend(u.bounds);
    }
    std::printf("bench render: %s, 1600x1000, %d samples, %d frames per view\n", ctx.value()->rendererName().c_str(),
                a.samples, a.frames);
    std::printf("layers: every Lao layer and the Vietnamese %s layers (dataset: %zu vertices at full detail)\n",
                vintage.c_str(), (*data)->geometry->vertexCount);
    std::printf("load + prepare (off the UI thread in the viewer): %.2f s; upload: %.2f s\n\n", prepSeconds,
                uploadSeconds);
    std::printf("%-34s %7s %5s %10s %10s %8s %9s %7s\n", "view", "m/px", "lod", "median ms", "p95 ms", "fps", "vertices", "labels");

    struct View {
        const char* name;
        render::Camera cam;
    };
    render::Camera whole;
    whole.width = 1600;
    whole.height = 1000;
    whole.fit(all, 20.0);
    render::Camera zoomed = whole;
    zoomed.center = threadCrs().forward({106.62, 16.62});  // Lao Bảo / Dansavanh border crossing
    zoomed.metresPerPixel = 60.0;
    render::Camera district = zoomed;
    district.metresPerPixel = 15.0;
    for (const View& v :
         {View{"whole area", whole}, View{"zoomed (Quảng Trị, 60 m/px)", zoomed}, View{"close (15 m/px)", district}}) {
        std::vector<double> ms;
        for (int i = 0; i < a.frames + 3; ++i) {
            const auto s = Clock::now();
            (*renderer)->draw(fb->target(), v.cam, scene);
            glFinish();
            if (i >= 3) ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
        }
        std::sort(ms.begin(), ms.end());
        const double median = ms[ms.size() / 2];
        const double p95 = ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.95))];
        const auto& st = (*renderer)->lastStats();
        std::printf("%s %7.0f %5zu %10.2f %10.2f %8.1f %9zu %7zu\n", padRight(v.name, 34).c_str(), v.cam.metresPerPixel, st.lod, median, p95,
                    1000.0 / median, st.outlineVertices + st.fillVertices, st.labelsPlaced);
    }
    std::printf("\nfps = 1000 / median; each frame ends with glFinish (fills, outlines, labels, scale bar).\n");
}

}  // namespace

void addBenchRenderCommand(CLI::App& bench, Shared& shared) {
    auto args = std::make_shared<BenchRenderArgs>();
    auto* render = bench.add_subcommand("render", "Frame times of the map renderer at 1600x1000, offscreen (EGL)");
    render->add_option("--frames", args->frames, "Frames per view (default 60)")->check(CLI::Range(5, 10000));
    render
        ->add_option("--samples", args->samples,
                     "Multisampling (default 1, as in the viewer: lines are antialiased in the shader)")
        ->check(CLI::Range(1, 16));
    render->add_option("--vintage", args->vintage, "Vietnamese system drawn (see borderlens layers); default the current");
    render->callback([&shared, args] { benchRender(shared, *args); });
}

}  // namespace bl::cli
