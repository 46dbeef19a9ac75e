#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "core/names/gazetteer.hpp"
#include "io/json_text.hpp"

namespace bl::cli {

void addFindCommand(CLI::App& app, Shared& shared) {
    auto* cmd = app.add_subcommand("find", "Find administrative units by name (diacritic- and spelling-tolerant)");
    struct Opts {
        std::string query, country, level, layer;
        bool json = false;
        size_t limit = 10;
    };
    auto o = std::make_shared<Opts>();
    cmd->add_option("QUERY", o->query, "Name to look up, e.g. \"huong hoa\" or \"Se Pon\"")->required();
    cmd->add_flag("--json", o->json, "JSON array of matches");
    cmd->add_option("--country", o->country, "VN or LA")->check(CLI::IsMember({"VN", "LA", "vn", "la"}));
    cmd->add_option("--level", o->level, "province, district or commune")
        ->check(CLI::IsMember({"province", "district", "commune"}));
    cmd->add_option("--layer", o->layer, "Only this catalog layer id");
    cmd->add_option("--limit", o->limit, "At most this many matches")->check(CLI::Range(1, 1000));
    cmd->callback([&shared, o] {
        auto ctx = Context::open(shared.global);
        if (!ctx) { shared.exitCode = fail(ctx.error()); return; }
        if (!o->layer.empty() && !ctx->catalog().layer(o->layer)) {
            shared.exitCode = failOption("unknown layer id \"" + o->layer + "\" given with --layer");
            return;
        }
        FindOptions fo;
        if (!o->country.empty()) fo.country = parseCountry(o->country);
        if (!o->level.empty()) fo.level = parseLevel(o->level);
        // Only the layers the filters allow are read.
        std::vector<std::string> ids;
        for (const auto& s : ctx->catalog().layers)
            if ((o->layer.empty() || s.id == o->layer) && (!fo.country || s.country == *fo.country) &&
                (!fo.level || s.level == *fo.level))
                ids.push_back(s.id);
        if (ids.empty()) {
            shared.exitCode = fail("no catalog layer has that country and level");
            return;
        }
        auto data = ctx->load(ids);
        if (!data) { shared.exitCode = fail(data.error()); return; }
        Gazetteer gaz(**data, ctx->catalog().aliases);
        fo.layerId = o->layer;
        fo.limit = o->limit;
        const auto matches = gaz.find(o->query, fo);
        if (o->json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& m : matches)
                out.push_back({{"layer", m.ref.layer->spec.id},
                               {"id", m.ref.unit->id},
                               {"name", m.ref.unit->name},
                               {"country", toString(m.ref.layer->spec.country)},
                               {"level", toString(m.ref.layer->spec.level)},
                               {"vintage", m.ref.layer->spec.vintage.label},
                               {"parent", m.ref.unit->parentName},
                               {"score", std::round(m.score * 1000) / 1000},
                               {"reason", m.reason}});
            std::printf("%s\n", io::dumpJson(out, 2).c_str());
        } else {
            if (matches.empty()) std::printf("no unit matches \"%s\"\n", printable(o->query).c_str());
            for (const auto& m : matches)
                std::printf("%5.3f  %s %-9s %-3s %-17s in %s (id %s, %s)\n", m.score,
                            padRight(printable(m.ref.unit->name), 28).c_str(), toString(m.ref.layer->spec.level),
                            toString(m.ref.layer->spec.country), printable(m.ref.layer->spec.id).c_str(),
                            padRight(printable(m.ref.unit->parentName), 24).c_str(),
                            printable(m.ref.unit->id).c_str(), printable(m.reason).c_str());
        }
        if (matches.empty()) shared.exitCode = 3;
    });
}

}  // namespace bl::cli
