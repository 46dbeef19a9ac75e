// `borderlens pairs`: every cross-border link from the documents, checked
// against the adjacency engine.
#include <cmath>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "core/news/link_check.hpp"
#include "engine/figures.hpp"
#include "io/json_text.hpp"
#include "io/output_file.hpp"

namespace bl::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

double round1(double v) { return std::round(v * 10) / 10; }

json unitJson(const Layer* layer, const AdminUnit* u) {
    return {{"layer", layer->spec.id}, {"id", u->id}, {"name", u->name},
            {"level", toString(layer->spec.level)}, {"parent", u->parentName}};
}

}  // namespace

void addPairsCommand(CLI::App& app, Shared& shared) {
    auto* cmd = app.add_subcommand("pairs", "Every cross-border link from the documents, checked against adjacency");
    struct Opts {
        std::vector<std::string> paths;
        OutputOptions out;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    cmd->add_option("PATH", o->paths, "Article files or directories (default: the shared documents folder)");
    cmd->add_flag("--json", o->json, "JSON output");
    addOutputOptions(*cmd, o->out);
    cmd->callback([&shared, o] {
        if (!outputWritable(o->out, shared.exitCode, o->json ? "json" : "text")) return;
        auto ctx = Context::open(shared.global);
        if (!ctx) { shared.exitCode = fail(ctx.error()); return; }
        auto news = ctx->news(o->paths, true);
        if (!news) { shared.exitCode = fail(news.error()); return; }

        json links = json::array();
        std::string text;
        const auto& corpus = (*news)->corpus;
        for (size_t i = 0; i < corpus.links.size(); ++i) {
            const Link& l = corpus.links[i];
            const LinkCheck& check = (*news)->checks[i];
            const std::string file = fs::path(corpus.documents[l.document].file).filename().string();
            json verdicts = json::array();
            for (const auto& v : check.verdicts)
                verdicts.push_back({{"vintage", v.vintage},
                                    {"vn_unit", unitJson(v.vnLayer, v.vn)},
                                    {"la_unit", unitJson(v.laLayer, v.la)},
                                    {"touches", v.touches},
                                    {"shared_km", round1(v.sharedKm)},
                                    {"distance_km", round1(v.distanceKm)}});
            json gate = nullptr;
            if (check.nearestGate)
                gate = {{"id", check.nearestGate->id},
                        {"name", check.nearestGate->name},
                        {"level", check.nearestGate->level},
                        {"lon", check.nearestGate->position.lon},
                        {"lat", check.nearestGate->position.lat},
                        {"distance_km", round1(check.nearestGate->distanceKm)},
                        {"on_this_border", check.nearestGate->onThisBorder},
                        {"uncertainty_km", round1(check.nearestGate->precisionKm)},
                        {"position", check.nearestGate->derived ? "derived" : "cited"},
                        {"source", check.nearestGate->source}};
            links.push_back({{"link", i}, {"kind", toString(l.kind)}, {"document", file}, {"date", l.date.iso},
                             {"period", l.period}, {"vn_party", l.vn.name}, {"la_party", l.la.name},
                             {"adjacency", verdicts}, {"nearest_gate", gate}, {"note", check.note},
                             {"span", {l.span.begin, l.span.end}}});
            text += "#" + std::to_string(i) + " " + toString(l.kind) + " " + printable(displayDate(l.date.iso)) +
                    (l.period.empty() ? "" : " " + printable(l.period)) + "  " + printable(l.vn.name) + " <-> " +
                    printable(l.la.name) + "  (" + printable(file) + ")\n";
            for (const auto& v : check.verdicts) text += "    " + printable(engine::verdictText(v)) + "\n";
            if (!check.note.empty()) text += "    " + printable(check.note) + "\n";
            for (const auto& u : l.vn.units)
                if (u.by == ResolvedBy::Succession) text += "    " + printable(u.reason) + "\n";
            if (check.nearestGate)
                text += "    nearest border gate: " + printable(describeGate(*check.nearestGate)) + "\n";
        }
        if (corpus.links.empty()) text = "no cross-border links in these documents\n";
        const std::string out = o->json ? io::dumpJson(json{{"links", links}}, 2) + "\n" : text;
        shared.exitCode = emitOutput(o->out, out);
    });
}

}  // namespace bl::cli
