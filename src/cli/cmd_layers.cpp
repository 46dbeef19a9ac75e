#include <cctype>
#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/text_output.hpp"
#include "io/connection_text.hpp"
#include "io/json_text.hpp"
#include "io/output_file.hpp"

namespace bl::cli {

int fail(const std::string& message) {
    std::fprintf(stderr, "borderlens: %s\n", message.c_str());
    return 1;
}

int failOption(const std::string& message) {
    fail(message);
    return 2;
}

void addOutputOptions(CLI::App& cmd, OutputOptions& o) {
    cmd.add_option("-o,--output", o.output,
                   "Write to FILE (- or none: stdout; FIFOs and devices are written into; never overwrites a file "
                   "without --force)")
        ->check(NonEmpty);
    cmd.add_flag("--force", o.force, "Overwrite the -o file if it exists");
}

namespace {

// What an extension says the content is; "" when it says nothing we know.
std::string_view formatOfExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".csv") return "csv";
    if (ext == ".json") return "json";
    if (ext == ".geojson") return "geojson";
    if (ext == ".txt") return "text";
    return {};
}

const char* describeFormat(std::string_view f) {
    return f == "csv" ? "CSV" : f == "json" ? "JSON" : f == "geojson" ? "GeoJSON" : "a text table";
}

}  // namespace

bool outputWritable(const OutputOptions& o, int& exitCode, std::string_view format) {
    if (o.output.empty() || o.output == "-") return true;
    if (auto w = io::checkWritable(o.output, o.force); !w) {
        exitCode = fail(w.error());
        return false;
    }
    const std::string_view named = formatOfExtension(o.output);
    // GeoJSON is JSON: a .json name fits it.
    if (!format.empty() && !named.empty() && named != format && !(named == "json" && format == "geojson")) {
        const std::string ext = std::filesystem::path(o.output).extension().string();
        exitCode = failOption("-o " + o.output + " has the extension " + ext + ", but the output is " +
                              describeFormat(format) + ": choose " + describeFormat(named) +
                              " (see --help) or a name that fits");
        return false;
    }
    return true;
}

int emitOutput(const OutputOptions& o, const std::string& text) {
    auto target = io::resolveOutput(o.output.empty() ? "-" : o.output, o.force);
    if (!target) return fail(target.error());
    auto out = io::OutputFile::open(*target);
    if (!out) return fail(out.error());
    if (auto w = out->write(printableLines(text)); !w) return fail(w.error());
    if (auto c = out->commit(); !c) return fail(c.error());
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
        if (!ctx) return fail(ctx.error());
        auto data = ctx->load();
        if (!data) return fail(data.error());
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
                               {"path", io::maskSecrets(l.spec.path)},
                               {"source", l.spec.source},
                               {"license", l.spec.license}});
            }
            std::printf("%s\n", io::dumpJson(out, 2).c_str());
            return 0;
        }
        std::printf("%-22s %-3s %-9s %-8s %8s %8s %8s  %s\n", "id", "cc", "level", "vintage", "features", "repaired",
                    "load s", "source (licence)");
        for (const auto& l : (*data)->layers)
            std::printf("%-22s %-3s %-9s %-8s %8zu %8zu %8.2f  %s (%s)\n", printable(l.spec.id).c_str(),
                        toString(l.spec.country), toString(l.spec.level), printable(l.spec.vintage.label).c_str(),
                        l.units.size(), l.repaired, l.loadSeconds, printable(l.spec.source).c_str(),
                        printable(l.spec.license).c_str());
        std::printf("data root: %s\n", printable(ctx->dataRoot()).c_str());
        for (const auto& l : (*data)->layers)
            for (const auto& gap : l.spec.knownGaps)
                std::printf("known gap (%s): %s\n", printable(l.spec.id).c_str(), printable(gap).c_str());
        return 0;
    }
}

}  // namespace bl::cli
