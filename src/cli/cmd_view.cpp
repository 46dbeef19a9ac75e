// `borderlens view` (and `borderlens` alone): the interactive viewer.
#include <cstdio>

#include "app/viewer.hpp"
#include "cli/commands.hpp"

namespace bl::cli {
int runView(Shared& shared, const app::ViewerOptions& base);

namespace {
struct ViewArgs {
    app::ViewerOptions options;
    std::string size = "1600x1000";
};

bool parseSize(const std::string& s, int& w, int& h) {
    return std::sscanf(s.c_str(), "%dx%d", &w, &h) == 2 && w >= 64 && h >= 64 && w <= 16384 && h <= 16384;
}
}  // namespace

int runView(Shared& shared) { return runView(shared, app::ViewerOptions{}); }

int runView(Shared& shared, const app::ViewerOptions& base) {
    app::ViewerOptions o = base;
    o.catalogPath = shared.global.catalog;
    o.dataRoot = shared.global.dataRoot;
    return app::runViewer(o);
}

void addViewCommand(CLI::App& app, Shared& shared) {
    auto args = std::make_shared<ViewArgs>();
    auto* view = app.add_subcommand("view", "Open the interactive map viewer (needs a display; see --help)");
    view->add_option("--screenshot", args->options.screenshot,
                     "Render some frames, save the window as this PNG and exit (e.g. under xvfb-run)");
    view->add_option("--frames", args->options.frames, "Frames to render before the screenshot (default 3)")
        ->check(CLI::Range(1, 1000));
    view->add_option("--select", args->options.select, "Select and fit to the best match of this name");
    view->add_option("--pair", args->options.pair, "Select twinned pair N (when documents are available)");
    view->add_option("--border", args->options.border,
                     "Highlight the Nth cross-border shared border (0 = longest pair listed first)");
    view->add_option("--size", args->size, "Window size WxH (default 1600x1000)");
    view->add_option("--vintage", args->options.vnVintage,
                     "Vietnamese system shown first (see borderlens layers); default the current");
    view->callback([&shared, args] {
        if (!parseSize(args->size, args->options.width, args->options.height)) {
            std::fprintf(stderr, "borderlens: --size '%s' is not WxH with sides 64..16384 (e.g. 1600x1000)\n",
                         args->size.c_str());
            shared.exitCode = 2;
            return;
        }
        // A catalog that cannot be read is the viewer's to report (in its window).
        if (auto ctx = Context::open(shared.global); ctx && !ctx->checkVintage(args->options.vnVintage, "--vintage", shared.exitCode))
            return;
        shared.exitCode = runView(shared, args->options);
    });
}

}  // namespace bl::cli
