// `borderlens adjacency`: shared borders between units, as CSV, JSON or GeoJSON.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/text_output.hpp"
#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/adjacency_plan.hpp"
#include "core/boundaries/crs.hpp"
#include "core/names/gazetteer.hpp"
#include "io/adjacency_cache.hpp"
#include "io/json_text.hpp"
#include "io/output_file.hpp"

namespace bl::cli {

namespace {

struct Opts {
    std::string level = "district", layers, vintage, unit, format = "csv";
    OutputOptions out;
    bool crossBorder = false, corners = false;
    double toleranceM = -1.0, minSharedKm = 0.0;
};

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string toCsv(const std::vector<SharedBorder>& rows, const std::vector<double>& tol) {
    std::ostringstream o;
    o << "a_layer,a_id,a_name,a_country,a_parent,b_layer,b_id,b_name,b_country,b_parent,kind,shared_km,"
         "shared_km_a_side,shared_km_b_side,median_gap_m,max_gap_m,tolerance_m\n";
    for (size_t i = 0; i < rows.size(); ++i) {
        const auto& s = rows[i];
        o << csvField(s.layerA->spec.id) << ',' << csvField(s.a->id) << ',' << csvField(s.a->name) << ','
          << toString(s.layerA->spec.country) << ',' << csvField(s.a->parentName) << ','
          << csvField(s.layerB->spec.id) << ','
          << csvField(s.b->id) << ',' << csvField(s.b->name) << ',' << toString(s.layerB->spec.country) << ','
          << csvField(s.b->parentName) << ',' << toString(s.kind) << ',' << fixed(shownKm(s), 3) << ','
          << fixed(s.sharedKm, 3) << ',' << fixed(s.sharedKmB, 3) << ',' << fixed(s.medianGapM, 1) << ','
          << fixed(s.maxGapM, 1) << ',' << fixed(tol[i], 0) << '\n';
    }
    return o.str();
}

nlohmann::json pairJson(const SharedBorder& s, double tol) {
    return {{"a_layer", s.layerA->spec.id}, {"a_id", s.a->id}, {"a_name", s.a->name},
            {"a_country", toString(s.layerA->spec.country)}, {"a_parent", s.a->parentName},
            {"b_layer", s.layerB->spec.id}, {"b_id", s.b->id}, {"b_name", s.b->name},
            {"b_country", toString(s.layerB->spec.country)}, {"b_parent", s.b->parentName},
            {"kind", toString(s.kind)}, {"shared_km", std::round(shownKm(s) * 1000) / 1000},
            {"shared_km_a_side", std::round(s.sharedKm * 1000) / 1000},
            {"shared_km_b_side", std::round(s.sharedKmB * 1000) / 1000},
            {"median_gap_m", std::round(s.medianGapM * 10) / 10}, {"max_gap_m", std::round(s.maxGapM * 10) / 10},
            {"tolerance_m", tol}};
}

std::string toJson(const std::vector<SharedBorder>& rows, const std::vector<double>& tol) {
    nlohmann::json out = nlohmann::json::array();
    for (size_t i = 0; i < rows.size(); ++i) out.push_back(pairJson(rows[i], tol[i]));
    return io::dumpJson(out, 2) + "\n";
}

std::string toGeoJson(const std::vector<SharedBorder>& rows, const std::vector<double>& tol) {
    const WorkingCrs& crs = threadCrs();
    nlohmann::json features = nlohmann::json::array();
    for (size_t i = 0; i < rows.size(); ++i) {
        for (const auto& line : rows[i].segments) {
            nlohmann::json coords = nlohmann::json::array();
            for (const auto& v : line) {
                const LonLat ll = crs.inverse(v);
                coords.push_back({std::round(ll.lon * 1e7) / 1e7, std::round(ll.lat * 1e7) / 1e7});
            }
            features.push_back({{"type", "Feature"},
                                {"properties", pairJson(rows[i], tol[i])},
                                {"geometry", {{"type", "LineString"}, {"coordinates", coords}}}});
        }
    }
    return io::dumpJson(nlohmann::json{{"type", "FeatureCollection"}, {"name", "borderlens_shared_borders"},
                                       {"features", features}}) +
           "\n";
}

int run(Shared& shared, const Opts& o) {
    auto ctx = Context::open(shared.global);
    if (!ctx) return fail(ctx.error());
    int early = 0;
    if (!outputWritable(o.out, early, o.format)) return early;

    std::vector<std::pair<std::string, std::string>> plan;
    if (!o.layers.empty()) {
        const auto ids = splitList(o.layers);
        if (ids.empty() || ids.size() > 2) return failOption("--layers takes one layer id or two separated by a comma");
        for (const auto& id : ids)
            if (!ctx->catalog().layer(id)) return failOption("unknown layer id \"" + id + "\" given with --layers");
        plan.emplace_back(ids.front(), ids.back());
    } else {
        AdjacencyQuery q;
        q.level = *parseLevel(o.level);
        q.vintage = o.vintage;
        q.crossBorderOnly = o.crossBorder;
        if (!ctx->checkVintage(o.vintage, "--vintage", early)) return early;
        auto p = planAdjacency(ctx->catalog().layers, ctx->catalog().vintages, q);
        if (!p) return fail(p.error());
        plan = *p;
    }
    std::vector<std::string> needed;
    for (const auto& [a, b] : plan) { needed.push_back(a); needed.push_back(b); }
    auto data = ctx->load(needed);
    if (!data) return fail(data.error());

    // --unit is resolved before any pair is computed: a name that matches
    // nothing stops here, a guessed one is said.
    std::set<const AdminUnit*> units;
    if (!o.unit.empty()) {
        std::set<std::string> layerIds;
        for (const auto& [a, b] : plan) { layerIds.insert(a); layerIds.insert(b); }
        Gazetteer gaz(**data, ctx->catalog().aliases);
        FindOptions fo;
        fo.limit = 50;
        double top = 0;
        for (const auto& m : gaz.find(o.unit, fo)) {
            if (!layerIds.count(m.ref.layer->spec.id)) continue;
            if (units.empty()) {
                top = m.score;
                if (const std::string note = guessNote("--unit", o.unit, m); !note.empty())
                    std::fprintf(stderr, "borderlens: %s\n", note.c_str());
            }
            if (m.score < top - 1e-9) break;
            units.insert(m.ref.unit);
        }
        if (units.empty()) return failOption("--unit: no unit of the layers in this query matches \"" + o.unit + "\" (try borderlens find)");
    }

    AdjacencyOptions opt;
    opt.toleranceM = o.toleranceM;
    opt.minSharedKm = o.minSharedKm;
    opt.includePointContacts = o.corners;
    std::vector<SharedBorder> rows;
    std::vector<double> tol;
    for (const auto& [ia, ib] : plan) {
        const Layer* la = (*data)->layer(ia);
        const Layer* lb = (*data)->layer(ib);
        if (o.crossBorder && la->spec.country == lb->spec.country) continue;
        const auto start = std::chrono::steady_clock::now();
        bool cached = false;
        std::string notice;
        auto result = io::cachedAdjacency(**data, *la, *lb, opt, !shared.global.noCache, &cached, &notice);
        if (!notice.empty()) std::fprintf(stderr, "borderlens: %s\n", notice.c_str());
        if (!shared.global.quiet)
            std::fprintf(stderr, "%s x %s: %zu pairs in %.3f s%s (tolerance %.0f m)\n", ia.c_str(), ib.c_str(),
                         result.size(), std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                         cached ? " from cache" : "", effectiveToleranceM(*la, *lb, opt));
        for (auto& r : result) {
            tol.push_back(effectiveToleranceM(*la, *lb, opt));
            rows.push_back(std::move(r));
        }
    }

    if (!o.unit.empty()) {
        std::vector<SharedBorder> kept;
        std::vector<double> keptTol;
        for (size_t i = 0; i < rows.size(); ++i) {
            SharedBorder& s = rows[i];
            if (!units.count(s.a) && !units.count(s.b)) continue;
            if (!units.count(s.a)) {  // the asked-for unit first
                std::swap(s.a, s.b);
                std::swap(s.layerA, s.layerB);
                std::swap(s.sharedKm, s.sharedKmB);
            }
            kept.push_back(std::move(s));
            keptTol.push_back(tol[i]);
        }
        // International neighbours first, then by length.
        std::vector<size_t> order(kept.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
            if (kept[x].kind != kept[y].kind) return kept[x].kind == AdjacencyKind::International;
            return shownKm(kept[x]) > shownKm(kept[y]);
        });
        rows.clear();
        tol.clear();
        for (size_t i : order) { rows.push_back(std::move(kept[i])); tol.push_back(keptTol[i]); }
    }

    const std::string text = o.format == "json" ? toJson(rows, tol) : o.format == "geojson" ? toGeoJson(rows, tol)
                                                                                               : toCsv(rows, tol);
    const int rc = emitOutput(o.out, text);
    if (rc == 0 && !o.out.output.empty() && o.out.output != "-" && !shared.global.quiet)
        std::fprintf(stderr, "wrote %zu pairs to %s\n", rows.size(), o.out.output.c_str());
    return rc;
}

}  // namespace

void addAdjacencyCommand(CLI::App& app, Shared& shared) {
    auto* cmd = app.add_subcommand("adjacency", "Which units share border segments, and how long (km)");
    auto o = std::make_shared<Opts>();
    cmd->add_option("--level", o->level, "province, district (default) or commune")
        ->check(CLI::IsMember({"province", "district", "commune"}));
    auto* layers = cmd->add_option("--layers", o->layers, "Explicit layer ids A[,B] instead of --level/--vintage");
    cmd->add_option("--vintage", o->vintage, "Vietnamese system (see borderlens layers); default by level")
        ->excludes(layers);
    cmd->get_option("--level")->excludes(layers);
    cmd->add_flag("--cross-border", o->crossBorder, "Only pairs across the Vietnam-Laos border");
    cmd->add_option("--unit", o->unit, "Only the neighbours of the units matching NAME (as in find)")->check(NonEmpty);
    cmd->add_option("--tolerance-m", o->toleranceM,
                    "Corridor half-width in metres (default 5 within a country, 1000 across the border)")
        ->check(Finite & CLI::Range(0.0, 20000.0));
    cmd->add_option("--min-shared-km", o->minSharedKm, "Drop pairs sharing less than K km")->check(Finite & CLI::Range(0.0, 1e6));
    cmd->add_flag("--corners", o->corners, "Also report point contacts (corners) with 0 km");
    cmd->add_option("--format", o->format, "csv (default), json or geojson")
        ->check(CLI::IsMember({"csv", "json", "geojson"}));
    addOutputOptions(*cmd, o->out);
    cmd->callback([&shared, o] { shared.exitCode = run(shared, *o); });
}

}  // namespace bl::cli
