// borderlens ingest: documents -> links and places, resolved onto the catalog.
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "core/news/extract.hpp"
#include "core/news/resolve.hpp"
#include "engine/ingest.hpp"
#include "io/data_root.hpp"
#include "io/document_reader.hpp"
#include "io/json_text.hpp"
#include "io/output_file.hpp"
#include "io/gates.hpp"

namespace bl::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

double round3(double v) { return std::round(v * 1000) / 1000; }

json unitsJson(const std::vector<ResolvedUnit>& units) {
    json a = json::array();
    for (const auto& u : units)
        a.push_back({{"layer", u.layerId},
                     {"id", u.unitId},
                     {"name", u.name},
                     {"level", toString(u.level)},
                     {"parent", u.parent},
                     {"vintage", u.vintage},
                     {"confidence", round3(u.confidence)},
                     {"reason", u.reason}});
    return a;
}

json spanJson(Span s) { return json::array({s.begin, s.end}); }

json partyJson(const Party& p) {
    return {{"name", p.name}, {"place", p.place}, {"parent_place", p.parentPlace}, {"span", spanJson(p.span)},
            {"confidence", round3(p.confidence)}, {"resolution", p.resolution}};
}

}  // namespace

static json corpusJson(const Corpus& c) {
    json docs = json::array();
    for (const auto& d : c.documents)
        docs.push_back({{"file", d.file},
                        {"date", d.date.iso},
                        {"date_status", toString(d.date.status)},
                        {"date_note", d.date.note},
                        {"title", d.title},
                        {"body", spanJson(d.body)},
                        {"trailing_cut", d.trailingCut}});
    json links = json::array();
    for (const auto& l : c.links)
        links.push_back({{"kind", toString(l.kind)},
                         {"document", c.documents[l.document].file},
                         {"date", l.date.iso},
                         {"date_status", toString(l.date.status)},
                         {"period", l.period},
                         {"vn_party", l.vn.name},
                         {"la_party", l.la.name},
                         {"vn_units", unitsJson(l.vn.units)},
                         {"la_units", unitsJson(l.la.units)},
                         {"confidence", round3(l.confidence)},
                         {"span", spanJson(l.span)},
                         {"evidence", {{"sentence", spanJson(l.span)}, {"cue", spanJson(l.cue)},
                                       {"vn", partyJson(l.vn)}, {"la", partyJson(l.la)}}},
                         {"reason", l.reason}});
    json places = json::array();
    for (const auto& p : c.places) {
        json j = {{"kind", toString(p.kind)},
                  {"name", p.name},
                  {"country", p.country ? json(toString(*p.country)) : json(nullptr)},
                  {"document", c.documents[p.document].file},
                  {"units", unitsJson(p.units)},
                  {"approximate", p.approximate},
                  {"span", spanJson(p.span)},
                  {"resolution", p.resolution}};
        if (p.position) {
            j["lon"] = p.position->lon;
            j["lat"] = p.position->lat;
            j["source"] = p.source;
        }
        places.push_back(std::move(j));
    }
    return {{"documents", docs}, {"links", links}, {"places", places}};
}

namespace {

std::string unitsText(const std::vector<ResolvedUnit>& units) {
    if (units.empty()) return "(unresolved)";
    std::string s;
    for (const auto& u : units) s += (s.empty() ? "" : "; ") + printable(u.vintage) + " " + printable(u.name);
    return s;
}

std::string corpusText(const Corpus& c) {
    std::string out;
    char buf[512];
    // Dates as people read them ("15 January (year not given)"); the column
    // as wide as the longest.
    size_t dateWidth = 11;
    for (const auto& d : c.documents) dateWidth = std::max(dateWidth, displayDate(d.date.iso).size() + 1);
    for (const auto& l : c.links) dateWidth = std::max(dateWidth, displayDate(l.date.iso).size() + 1);
    out += "documents\n";
    for (const auto& d : c.documents) {
        out += "  " + padRight(printable(displayDate(d.date.iso)), dateWidth + 1) + " " + padRight(toString(d.date.status), 9) + " " +
               printable(fs::path(d.file).filename().string()) + "  " + printable(d.title) + "\n";
    }
    out += "\nlinks (" + std::to_string(c.links.size()) + ")\n";
    for (const auto& l : c.links) {
        out += "  " + padRight(toString(l.kind), 17) + padRight(l.period.empty() ? "-" : printable(l.period), 11) +
               padRight(printable(displayDate(l.date.iso)), dateWidth) + printable(l.vn.name) + "  <->  " + printable(l.la.name) + "\n";
        out += "      VN: " + unitsText(l.vn.units) + "\n      LA: " + unitsText(l.la.units) + "\n";
        std::snprintf(buf, sizeof buf, "      %s bytes %zu-%zu, confidence %.2f\n",
                      printable(fs::path(c.documents[l.document].file).filename().string()).c_str(), l.span.begin,
                      l.span.end, l.confidence);
        out += buf;
    }
    out += "\nplaces (" + std::to_string(c.places.size()) + ")\n";
    for (const auto& p : c.places) {
        out += "  " + padRight(toString(p.kind), 15) + padRight(p.country ? toString(*p.country) : "?", 3) +
               padRight(printable(p.name), 44) + unitsText(p.units) + (p.approximate ? " (approximate)" : " (curated position)") +
               "\n";
    }
    return out;
}

// What an ingest did: one line of text, or JSON.
std::string ingestReportText(const engine::IngestReport& r, bool asJson) {
    if (asJson)
        return io::dumpJson(json{{"store", r.store}, {"documents", r.documents}, {"added", r.added}, {"replaced", r.replaced},
                                 {"unchanged", r.unchanged}, {"links", r.links}, {"places", r.places},
                                 {"seconds", std::round(r.seconds * 100) / 100}},
                            2) +
               "\n";
    char buf[256];
    std::snprintf(buf, sizeof buf, "%zu documents: %zu new, %zu changed, %zu unchanged; %zu links and %zu places written; %.2f s\n",
                  r.documents, r.added, r.replaced, r.unchanged, r.links, r.places, r.seconds);
    return printable(r.store) + ": " + buf;
}

}  // namespace

void addIngestCommand(CLI::App& app, Shared& shared) {
    auto* cmd = app.add_subcommand(
        "ingest",
        "Extract twinned units, cooperation plans and border gates from news articles into the corpus store "
        "(--store, default $XDG_DATA_HOME/borderlens/corpus.gpkg); with --no-store, print what is extracted");
    struct Opts {
        std::vector<std::string> paths;
        OutputOptions out;
        bool json = false;
    };
    auto o = std::make_shared<Opts>();
    cmd->add_option("PATH", o->paths, "Article files or directories (default: the shared documents folder)");
    cmd->add_flag("--json", o->json, "JSON output: the ingest report (with --no-store: documents, links, places)");
    addOutputOptions(*cmd, o->out);
    cmd->callback([&shared, o] {
        if (!outputWritable(o->out, shared.exitCode, o->json ? "json" : "text")) return;
        auto ctx = Context::open(shared.global);
        if (!ctx) { shared.exitCode = fail(ctx.error()); return; }
        if (!shared.global.noStore) {
            engine::IngestRequest request{o->paths, shared.global.storeToWrite(), !shared.global.noCache, {}};
            if (!shared.global.quiet)
                request.progress = [](const std::string& line) { std::fprintf(stderr, "ingest: %s\n", line.c_str()); };
            auto report = engine::ingestIntoStore(ctx->session(), request);
            if (!report) { shared.exitCode = fail(report.error()); return; }
            shared.exitCode = emitOutput(o->out, ingestReportText(*report, o->json));
            return;
        }
        auto news = ctx->news(o->paths, false, false);
        if (!news) { shared.exitCode = fail(news.error()); return; }
        const Corpus& corpus = (*news)->corpus;
        const std::string text = o->json ? io::dumpJson(corpusJson(corpus), 2) + "\n" : corpusText(corpus);
        shared.exitCode = emitOutput(o->out, text);
    });
}

}  // namespace bl::cli
