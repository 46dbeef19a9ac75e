// borderlens: one executable, thin. Subcommands live in src/cli; with no
// subcommand it opens the viewer (src/app) on the default data.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/options.hpp"

int main(int argc, char** argv) {
    CLI::App app{"borderlens: Vietnam–Laos border units, adjacency, documents and maps"};
    app.set_version_flag("--version", "borderlens 0.1.0");
    bl::cli::Shared shared;
    app.add_option("--data-root", shared.global.dataRoot,
                   "Boundary data directory (default: $BORDERLENS_DATA, else ../shared/geodata beside the checkout)")
        ->check(bl::cli::NonEmpty);
    app.add_option("--catalog", shared.global.catalog, "Catalog JSON (default: geodata/catalog.json of the checkout)")
        ->check(bl::cli::NonEmpty);
    app.add_flag("-q,--quiet", shared.global.quiet, "No progress output on stderr");
    app.add_flag("--no-cache", shared.global.noCache,
                 "Neither read nor write the prepared-data store and the adjacency cache (see borderlens cache)");
    auto* store = app.add_option("--store", shared.global.store,
                                 "Corpus store: a GeoPackage file or a PG: connection (default: "
                                 "$XDG_DATA_HOME/borderlens/corpus.gpkg); ingest writes to it, pairs, export and view "
                                 "read from it (from the default one when it exists)")
                      ->check(bl::cli::NonEmpty);
    app.add_flag("--no-store", shared.global.noStore,
                 "No corpus store: ingest only prints what it extracts, the others read the document files")
        ->excludes(store);
    app.fallthrough();
    bl::cli::addLayersCommand(app, shared);
    bl::cli::addFindCommand(app, shared);
    bl::cli::addAdjacencyCommand(app, shared);
    bl::cli::addPairsCommand(app, shared);
    bl::cli::addBenchCommand(app, shared);
    bl::cli::addIngestCommand(app, shared);
    bl::cli::addSuccessionCommand(app, shared);
    bl::cli::addCacheCommand(app, shared);
    bl::cli::addStoreCommand(app, shared);
#ifdef BORDERLENS_WITH_GUI
    bl::cli::addViewCommand(app, shared);
#endif
#ifdef BORDERLENS_WITH_RENDER
    bl::cli::addExportCommand(app, shared);
#endif
    app.require_subcommand(0, 1);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() != 0) {
            std::fprintf(stderr, "borderlens: %s\n", e.what());
            if (const std::string hint = bl::cli::didYouMean(app, argc, argv); !hint.empty())
                std::fprintf(stderr, "borderlens: %s\n", hint.c_str());
            std::fprintf(stderr, "Run 'borderlens --help' for the commands and options.\n");
            return 2;
        }
        return app.exit(e);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "borderlens: %s\n", e.what());
        return 1;
    }
#ifdef BORDERLENS_WITH_GUI
    if (app.get_subcommands().empty()) return bl::cli::runView(shared);
#else
    if (app.get_subcommands().empty()) return bl::cli::runLayers(shared, false);  // built without the viewer
#endif
    return shared.exitCode;
}
