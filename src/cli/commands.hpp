#pragma once
// Subcommands of the borderlens executable. Each registers its options on the
// CLI11 app and returns the callback's exit code through `exitCode`.
#include <CLI/CLI.hpp>

#include "cli/context.hpp"

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
// `bench render` (cmd_bench_render.cpp), registered by addBenchCommand.
void addBenchRenderCommand(CLI::App& bench, Shared& shared);
// `bench extract` (cmd_bench_extract.cpp), registered by addBenchCommand.
void addBenchExtractCommand(CLI::App& bench, Shared& shared);
// `view` (cmd_view.cpp); runView is also what `borderlens` alone runs.
void addViewCommand(CLI::App& app, Shared& shared);
int runView(Shared& shared);
// `export` and `bench export` (cmd_export.cpp).
void addExportCommand(CLI::App& app, Shared& shared);
void addBenchExportCommand(CLI::App& bench, Shared& shared);
// `bench startup` (cmd_bench_startup.cpp).
void addBenchStartupCommand(CLI::App& bench, Shared& shared);

// Prints "borderlens: <message>" to stderr and returns 1.
int fail(const std::string& message);

// -o FILE / --force, shared by the commands that write text results.
struct OutputOptions {
    std::string output;
    bool force = false;
};
void addOutputOptions(CLI::App& cmd, OutputOptions& o);
// Fails early (before slow work) when -o names a file that may not be written.
bool outputWritable(const OutputOptions& o, int& exitCode);
// Writes to stdout, or atomically to -o; returns the exit code.
int emitOutput(const OutputOptions& o, const std::string& text);

}  // namespace bl::cli
