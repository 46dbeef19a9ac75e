// `borderlens store info|vacuum|export-geojson`: housekeeping of the corpus
// store (io/corpus_store.hpp), the one --store names or the default one.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "core/news/extract.hpp"
#include "io/corpus_store.hpp"
#include "io/json_text.hpp"

namespace bl::cli {

namespace {

// The store --store names (else the default), opened; errors printed.
std::unique_ptr<io::CorpusStore> openStore(Shared& shared, io::CorpusStore::Mode mode) {
    if (shared.global.noStore) {
        shared.exitCode = failOption("store: --no-store leaves no store to work on");
        return nullptr;
    }
    auto store = io::CorpusStore::open(shared.global.storeToWrite(), mode);
    if (!store) {
        shared.exitCode = fail(store.error());
        return nullptr;
    }
    return std::move(*store);
}

int info(io::CorpusStore& store, bool asJson) {
    auto i = store.info();
    if (!i) return fail(i.error());
    if (asJson) {
        nlohmann::json tables = nlohmann::json::object(), versions = nlohmann::json::object();
        for (const auto& [name, rows] : i->tables) tables[name] = rows;
        for (const auto& [v, n] : i->extractorVersions) versions[std::to_string(v)] = n;
        std::printf("%s\n", io::dumpJson({{"store", i->name}, {"driver", i->driver},
                                          {"bytes", i->sizeBytes < 0 ? nlohmann::json(nullptr) : nlohmann::json(i->sizeBytes)},
                                          {"tables", tables}, {"extractor_versions", versions},
                                          {"current_extractor", kExtractorVersion}, {"last_ingest", i->lastIngest}},
                                         2)
                                .c_str());
        return 0;
    }
    std::printf("%s (%s", printable(i->name).c_str(), i->driver.c_str());
    if (i->sizeBytes >= 0) std::printf(", %.1f MiB", double(i->sizeBytes) / (1024.0 * 1024.0));
    std::printf(")\n");
    for (const auto& [name, rows] : i->tables) std::printf("  %-14s %10lld rows\n", name.c_str(), static_cast<long long>(rows));
    for (const auto& [v, n] : i->extractorVersions)
        std::printf("  extractor version %d: %lld documents%s\n", v, static_cast<long long>(n),
                    v == kExtractorVersion ? "" : " (the next ingest of them extracts them again)");
    if (!i->lastIngest.empty()) std::printf("  last ingest %s\n", i->lastIngest.c_str());
    return 0;
}

}  // namespace

void addStoreCommand(CLI::App& app, Shared& shared) {
    auto* cmd = app.add_subcommand("store", "The corpus store (--store, default $XDG_DATA_HOME/borderlens/corpus.gpkg): "
                                            "info, vacuum, export-geojson");
    cmd->require_subcommand(1);
    auto json = std::make_shared<bool>(false);
    auto* infoCmd = cmd->add_subcommand("info", "Tables and rows, extractor versions, last ingest (password masked)");
    infoCmd->add_flag("--json", *json, "JSON output");
    infoCmd->callback([&shared, json] {
        if (auto s = openStore(shared, io::CorpusStore::Mode::Read)) shared.exitCode = info(*s, *json);
    });
    cmd->add_subcommand("vacuum", "Reclaim the space of replaced documents (SQLite VACUUM, PostgreSQL VACUUM ANALYZE)")
        ->callback([&shared] {
            auto s = openStore(shared, io::CorpusStore::Mode::Write);
            if (!s) return;
            if (auto ok = s->vacuum(); !ok) { shared.exitCode = fail(ok.error()); return; }
            std::printf("%s: vacuumed\n", printable(s->shownName()).c_str());
        });
    struct ExportOpts {
        std::string dir;
        bool force = false;
    };
    auto e = std::make_shared<ExportOpts>();
    auto* exportCmd = cmd->add_subcommand("export-geojson", "Every table as DIR/<table>.geojson (lon/lat, RFC 7946)");
    exportCmd->add_option("DIR", e->dir, "Folder to write into (made when missing)")->required();
    exportCmd->add_flag("--force", e->force, "Replace files of the same names");
    exportCmd->callback([&shared, e] {
        auto s = openStore(shared, io::CorpusStore::Mode::Read);
        if (!s) return;
        auto files = s->exportGeoJson(e->dir, e->force);
        if (!files) { shared.exitCode = fail(files.error()); return; }
        for (const auto& f : *files) std::printf("%s\n", printable(f).c_str());
    });
}

}  // namespace bl::cli
