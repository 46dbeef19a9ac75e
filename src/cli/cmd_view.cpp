// `borderlens view` (and `borderlens` alone): the interactive viewer.
#include <cstdio>
#include <tuple>

#include "app/viewer.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"

namespace bl::cli {
int runView(Shared& shared, const app::ViewerOptions& base);

namespace {
struct ViewArgs {
    app::ViewerOptions options;
    std::string size = "1600x1000";
};
}  // namespace

int runView(Shared& shared) { return runView(shared, app::ViewerOptions{}); }

int runView(Shared& shared, const app::ViewerOptions& base) {
    app::ViewerOptions o = base;
    o.catalogPath = shared.global.catalog;
    o.dataRoot = shared.global.dataRoot;
    o.store = shared.global.storeToRead();
    return app::runViewer(o);
}

void addViewCommand(CLI::App& app, Shared& shared) {
    auto args = std::make_shared<ViewArgs>();
    auto* view = app.add_subcommand("view", "Open the interactive map viewer (needs a display; see --help)");
    view->add_option("--screenshot", args->options.screenshot,
                     "Render some frames, save the window as this PNG and exit (e.g. under xvfb-run)");
    view->add_option("--frames", args->options.frames, "Frames to render before the screenshot (default 3)")
        ->check(CLI::Range(1, 1000));
    view->add_option("--select", args->options.select, "Select and fit to the best match of this name")->check(NonEmpty);
    view->add_option("--pair", args->options.pair, "Select twinned pair N (when documents are available)")
        ->check(Index);
    view->add_option("--border", args->options.border,
                     "Highlight the Nth cross-border shared border (0 = longest pair listed first)")
        ->check(Index);
    view->add_option("--size", args->size, "Window size WxH (default 1600x1000)");
    view->add_option("--ui-scale", args->options.uiScale,
                     "Size of text, panels and map lines, as pixels per pixel of a 96-dpi screen "
                     "(default: the monitor's content scale)")
        ->check(Finite & CLI::Range(app::ViewerOptions::kMinUiScale, app::ViewerOptions::kMaxUiScale));
    view->add_option("--vintage", args->options.vnVintage,
                     "Vietnamese system shown first (see borderlens layers); default the last one shown");
    view->add_option("--ui-state", args->options.uiState,
                     "Write what the window shows (layout, selection, neighbours, view) as JSON to FILE whenever it "
                     "changes (for UI tests)")
        ->check(NonEmpty);
    view->callback([&shared, args] {
        const auto size = parseSize(args->size, "--size", 16384);
        if (!size) {
            shared.exitCode = failOption(size.error().message);
            return;
        }
        std::tie(args->options.width, args->options.height) = *size;
        // A catalog that cannot be read is the viewer's to report (in its window).
        if (auto ctx = Context::open(shared.global); ctx && !ctx->checkVintage(args->options.vnVintage, "--vintage", shared.exitCode))
            return;
        shared.exitCode = runView(shared, args->options);
    });
}

}  // namespace bl::cli
