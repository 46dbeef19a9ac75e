// `borderlens bench export`: times exports (PNG through the OpenGL
// renderer, PDF through cairo) of one pair and of the whole border area.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include "cli/commands.hpp"
#include "engine/export_request.hpp"
#include "render/export_job.hpp"
#include "render/headless_context.hpp"

namespace bl::cli {

namespace fs = std::filesystem;

void addBenchExportCommand(CLI::App& bench, Shared& shared) {
    auto* cmd = bench.add_subcommand("export", "Time 3000x2000 exports of pair 0 and of the whole border area");
    cmd->callback([&shared] {
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
        engine::ExportRequest everything;
        everything.pair = 0;  // every layer and the documents
        auto loading = startLoading(*session, everything);
        const auto& data = loading->wait();
        if (!data) {
            shared.exitCode = fail(data.error());
            return;
        }
        const double loadSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
        const fs::path dir = fs::temp_directory_path() / ("borderlens-bench-export-" + std::to_string(getpid()));
        fs::create_directories(dir);
        std::printf("bench export: %s, 3000x2000 at 96 dpi\n", (*ctx)->rendererName().c_str());
        std::printf("load + prepare (documents, layers, map geometry): %.2f s\n\n", loadSeconds);
        std::printf("%-44s %9s %9s %9s %9s %9s\n", "export", "render s", "write s", "total s", "PNG MiB", "RGBA MiB");
        struct Case {
            const char* name;
            int pair;
        };
        for (const Case c : {Case{"pair 0 (Quảng Trị – Savannakhet)", 0}, Case{"whole border area", -1}}) {
            engine::ExportRequest r;
            r.width = 3000;
            r.height = 2000;
            r.pair = c.pair;
            r.output = (dir / (std::string(c.pair >= 0 ? "pair0" : "whole") + ".png")).string();
            r.force = true;
            auto out = render::runExport(r, **data);
            if (!out) {
                shared.exitCode = fail(out.error());
                break;
            }
            std::printf("%s %9.2f %9.2f %9.2f %9.1f %9.1f\n", padRight(c.name, 44).c_str(), out->renderSeconds,
                        out->writeSeconds, out->renderSeconds + out->writeSeconds, double(out->bytes) / 1048576.0,
                        3000.0 * 2000 * 4 / 1048576.0);
        }
        std::error_code ec;
        fs::remove_all(dir, ec);
        std::printf("\nrender = fonts at the DPI, renderer, upload, draw, read back; write = PNG encoding and rename.\n");
    });
}

}  // namespace bl::cli
