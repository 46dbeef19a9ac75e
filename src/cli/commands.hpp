#pragma once
// Subcommands of the borderlens executable. Each registers its options on the
// CLI11 app and returns the callback's exit code through `exitCode`.
#include <string_view>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "engine/export_request.hpp"
#include "engine/job.hpp"
#include "engine/map_data.hpp"

namespace bl::cli {

struct Shared {
    GlobalOptions global;
    int exitCode = 0;
};

void addLayersCommand(CLI::App& app, Shared& shared);
int runLayers(Shared& shared, bool json);
void addFindCommand(CLI::App& app, Shared& shared);
void addAdjacencyCommand(CLI::App& app, Shared& shared);
void addPairsCommand(CLI::App& app, Shared& shared);
void addBenchCommand(CLI::App& app, Shared& shared);
void addIngestCommand(CLI::App& app, Shared& shared);
void addSuccessionCommand(CLI::App& app, Shared& shared);
void addCacheCommand(CLI::App& app, Shared& shared);
// `store info|vacuum|export-geojson` (cmd_store.cpp).
void addStoreCommand(CLI::App& app, Shared& shared);
// `bench render` (cmd_bench_render.cpp), registered by addBenchCommand.
void addBenchRenderCommand(CLI::App& bench, Shared& shared);
// `bench extract` (cmd_bench_extract.cpp), registered by addBenchCommand.
void addBenchExtractCommand(CLI::App& bench, Shared& shared);
// `bench ingest` (cmd_bench_ingest.cpp), registered by addBenchCommand.
void addBenchIngestCommand(CLI::App& bench, Shared& shared);
// `view` (cmd_view.cpp); runView is also what `borderlens` alone runs.
void addViewCommand(CLI::App& app, Shared& shared);
int runView(Shared& shared);
// `export` (cmd_export.cpp) and `bench export` (cmd_bench_export.cpp).
void addExportCommand(CLI::App& app, Shared& shared);
void addBenchExportCommand(CLI::App& bench, Shared& shared);
// The map an export request needs (cmd_export.cpp), loaded as a job.
std::unique_ptr<engine::Job<std::shared_ptr<const engine::MapData>>> startLoading(Context& ctx,
                                                                                  const engine::ExportRequest& r);
// `bench startup` (cmd_bench_startup.cpp).
void addBenchStartupCommand(CLI::App& bench, Shared& shared);

// Prints "borderlens: <message>" to stderr and returns 1 (bad data, a failed write).
int fail(const std::string& message);
// The same for a problem of the options (README: exit 2), e.g. an output that
// exists without --force or lies in a missing directory.
int failOption(const std::string& message);
// An error value: exit 2 for ErrorKind::Option, else 1 (cli/options.cpp).
int fail(const Error& error);

// -o FILE / --force, shared by the commands that write text results. "-" or
// no -o: standard output. FIFOs and character devices are written into;
// files atomically (io/output_file.hpp).
struct OutputOptions {
    std::string output;
    bool force = false;
};
void addOutputOptions(CLI::App& cmd, OutputOptions& o);
// Fails early (before slow work, exit 2) when -o names something that may not
// be written, or, given the `format` written ("csv", "json", "geojson",
// "text"), a name whose extension says another (.csv, .json, .geojson, .txt).
bool outputWritable(const OutputOptions& o, int& exitCode, std::string_view format = {});
// Writes to stdout or to -o, without raw control characters other than
// newlines (cli/text_output.hpp); returns the exit code: 2 for a target that
// may not be written, 1 for a failed write (disk full).
int emitOutput(const OutputOptions& o, const std::string& text);

}  // namespace bl::cli
