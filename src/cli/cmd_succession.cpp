// `borderlens succession`: which post-reform units took each pre-reform
// unit's territory, computed from the layers, checked against the public
// merger list, written to geodata/succession.json with --write.
#include <algorithm>
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/text_output.hpp"
#include "engine/succession.hpp"
#include "io/connection_text.hpp"
#include "io/output_file.hpp"

namespace bl::cli {

namespace {

struct SuccessionOpts {
    std::string level = "province";
    std::string write;
    bool force = false;
};

int runSuccession(Shared& shared, const SuccessionOpts& o) {
    auto ctx = Context::open(shared.global);
    if (!ctx) return fail(ctx.error());
    if (o.write == "-")
        return failOption("--write - is not possible: succession prints its table on standard output; give a file");
    if (!o.write.empty())
        if (auto w = io::checkWritable(o.write, o.force); !w) return fail(w.error());
    auto table = engine::computeSuccession(ctx->session());
    if (!table) return fail(table.error());
    auto list = io::loadMergerList(engine::defaultMergerListPath());
    if (!list) return fail(list.error());

    const auto wanted = parseLevel(o.level);
    for (const auto& s : table->units) {
        if (s.level != wanted) continue;
        std::vector<std::string> later;
        for (const auto& t : s.to)
            if (std::find(later.begin(), later.end(), t.layerId) == later.end()) later.push_back(t.layerId);
        for (const auto& layerId : later) {
            const auto* spec = ctx->catalog().layer(layerId);
            std::printf("%s\n", printable(table->describe(s, layerId, spec ? spec->vintage.label : layerId)).c_str());
        }
        if (later.empty())
            std::printf("%s (%s) \u2192 no successor in the data\n", printable(s.name).c_str(), printable(s.vintage).c_str());
    }
    std::vector<std::string> notes;
    const auto problems = engine::checkMergers(*table, *list, &notes);
    std::printf("\nChecked against the public merger list (%s):\n", list->source.c_str());
    for (const auto& n : notes) std::printf("  note: %s\n", n.c_str());
    for (const auto& p : problems) std::printf("  DISAGREES: %s\n", p.c_str());
    if (problems.empty()) std::printf("  every pre-reform province in the data goes to the province the list names\n");

    if (!o.write.empty()) {
        std::string madeWith = "borderlens succession --write, from the catalog's Vietnamese layers:";
        for (const auto& l : ctx->catalog().layers)
            if (l.country == Country::VN) madeWith += " " + l.id + " (" + io::maskSecrets(l.path) + ")";
        if (auto w = io::writeFileAtomically(o.write, io::successionJson(*table, madeWith), o.force); !w)
            return fail(w.error());
        std::fprintf(stderr, "borderlens: wrote %s (%zu units)\n", o.write.c_str(), table->units.size());
    }
    return problems.empty() ? 0 : 3;
}

}  // namespace

void addSuccessionCommand(CLI::App& app, Shared& shared) {
    auto* cmd = app.add_subcommand(
        "succession", "Which post-reform units took each pre-reform unit's territory (area shares), checked "
                      "against the public list of the 2025 mergers; exit 3 when they disagree");
    auto o = std::make_shared<SuccessionOpts>();
    cmd->add_option("--level", o->level, "Pre-reform level to print")
        ->check(CLI::IsMember({"province", "district"}));
    cmd->add_option("--write", o->write, "Also write the whole table as JSON (geodata/succession.json)")
        ->check(NonEmpty);
    cmd->add_flag("--force", o->force, "Overwrite the --write file if it exists");
    cmd->callback([&shared, o] { shared.exitCode = runSuccession(shared, *o); });
}

}  // namespace bl::cli
