#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "io/output_file.hpp"

namespace bl::cli {

int fail(const std::string& message) {
    std::fprintf(stderr, "borderlens: %s\n", message.c_str());
    return 1;
}

void addOutputOptions(CLI::App& cmd, OutputOptions& o) {
    cmd.add_option("-o,--output", o.output, "Write to FILE instead of stdout (never overwrites without --force)");
    cmd.add_flag("--force", o.force, "Overwrite the -o file if it exists");
}

bool outputWritable(const OutputOptions& o, int& exitCode) {
    if (o.output.empty()) return true;
    if (auto w = io::checkWritable(o.output, o.force); !w) {
        exitCode = fail(w.error().message);
        return false;
    }
    return true;
}

int emitOutput(const OutputOptions& o, const std::string& text) {
    if (o.output.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return 0;
    }
    if (auto w = io::writeFileAtomically(o.output, text, o.force); !w) return fail(w.error().message);
    return 0;
}

void addLayersCommand(CLI::App& app, Shared& shared) {
    auto* cmd = app.add_subcommand("layers", "Load every catalog layer and list it with its counts and sources");
    auto json = std::make_shared<bool>(false);
    cmd->add_flag("--json", *json, "JSON array instead of a table");
    cmd->callback([&shared, json] { shared.exitCode = runLayers(shared, *json); });
}

int runLayers(Shared& shared, bool json) {
    {
        auto ctx = Context::open(shared.global);
        if (!ctx) return fail(ctx.error().message);
        auto data = ctx->load();
        if (!data) return fail(data.error().message);
        if (json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& l : (*data)->layers) {
                out.push_back({{"id", l.spec.id},
                               {"country", toString(l.spec.country)},
                               {"level", toString(l.spec.level)},
                               {"vintage", l.spec.vintage.label},
                               {"valid_from", l.spec.vintage.validFrom},
                               {"valid_to", l.spec.vintage.validTo},
                               {"features", l.units.size()},
                               {"repaired", l.repaired},
                               {"skipped_empty", l.skippedEmpty},
                               {"load_seconds", l.loadSeconds},
                               {"path", l.spec.path},
                               {"source", l.spec.source},
                               {"license", l.spec.license}});
            }
            std::printf("%s\n", out.dump(2).c_str());
            return 0;
        }
        std::printf("%-22s %-3s %-9s %-8s %8s %8s %8s  %s\n", "id", "cc", "level", "vintage", "features", "repaired",
                    "load s", "source (licence)");
        for (const auto& l : (*data)->layers)
            std::printf("%-22s %-3s %-9s %-8s %8zu %8zu %8.2f  %s (%s)\n", l.spec.id.c_str(), toString(l.spec.country),
                        toString(l.spec.level), l.spec.vintage.label.c_str(), l.units.size(), l.repaired,
                        l.loadSeconds, l.spec.source.c_str(), l.spec.license.c_str());
        std::printf("data root: %s\n", ctx->dataRoot().c_str());
        for (const auto& l : (*data)->layers)
            for (const auto& gap : l.spec.knownGaps) std::printf("known gap (%s): %s\n", l.spec.id.c_str(), gap.c_str());
        return 0;
    }
}

}  // namespace bl::cli
