// `borderlens bench ...`: benchmarks that print figures and, where one
// exists, run a peer on the same data in the same run.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <thread>

#include "cli/bench_peer.hpp"
#include "cli/child_process.hpp"
#include "cli/commands.hpp"
#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/adjacency_plan.hpp"
#include "core/boundaries/crs.hpp"
#include "io/layer_loader.hpp"

namespace bl::cli {

namespace fs = std::filesystem;

namespace {

struct Measure {
    double seconds = 0.0;
    long peakKiB = 0;
    long features = 0;
    bool ok = false;
};

// Runs fn (a feature count, negative on failure) in a child process so its
// peak memory is its own.
template <typename Fn>
Measure inChild(Fn fn) {
    const ChildMeasure c = measureChild([&] {
        const long n = fn();
        std::printf("%ld\n", n);
        return n >= 0 ? 0 : 1;
    });
    return {c.seconds, c.peakKiB, c.output.empty() ? -1 : std::atol(c.output.c_str()), c.ok};
}

void benchLoad(Shared& shared, int repeat) {
    auto ctx = Context::open(shared.global);
    if (!ctx) { shared.exitCode = fail(ctx.error()); return; }
    const io::Catalog& cat = ctx->catalog();
    std::printf("bench load: data root %s, %d run(s) each, cold process per run\n\n", ctx->dataRoot().c_str(), repeat);
    std::printf("%-22s %9s %10s %12s %10s %12s\n", "layer", "features", "ours s", "ours MiB", "peer s", "peer MiB");
    const bool peer = peerAvailable();
    double oursTotal = 0, peerTotal = 0;
    for (const auto& spec : cat.layers) {
        Measure best;
        PeerMeasure bestPeer;
        for (int r = 0; r < repeat; ++r) {
            Measure m = inChild([&] {
                auto l = io::loadLayer(spec, ctx->dataRoot());
                return l ? long(l->units.size()) : -1L;
            });
            if (r == 0 || m.seconds < best.seconds) best = m;
            if (peer) {
                PeerMeasure p = runPeerLoad(ctx->dataRoot(), spec);
                if (r == 0 || p.seconds < bestPeer.seconds) bestPeer = p;
            }
        }
        if (!best.ok) { shared.exitCode = fail("bench load: layer " + spec.id + " failed to load"); return; }
        oursTotal += best.seconds;
        peerTotal += bestPeer.seconds;
        std::printf("%-22s %9ld %10.3f %12.1f", spec.id.c_str(), best.features, best.seconds, best.peakKiB / 1024.0);
        if (peer && bestPeer.ok)
            std::printf(" %10.3f %12.1f\n", bestPeer.seconds, bestPeer.peakKiB / 1024.0);
        else
            std::printf(" %10s %12s\n", "-", "-");
    }
    // Whole catalog in one process, both cores.
    Measure all = inChild([&] {
        io::LoadOptions opt;
        auto d = io::loadDataset(cat, ctx->dataRoot(), opt);
        long n = 0;
        if (d) for (auto& l : d->layers) n += long(l.units.size());
        return d ? n : -1L;
    });
    std::printf("\n%-22s %9ld %10.3f %12.1f   (all layers, one process, parallel, parents resolved)\n", "total",
                all.features, all.seconds, all.peakKiB / 1024.0);
    std::printf("%-22s %9s %10.3f %12s", "sum of layers", "", oursTotal, "");
    if (peer) std::printf(" %10.3f   peer/ours = %.1fx\n", peerTotal, oursTotal > 0 ? peerTotal / oursTotal : 0.0);
    else std::printf("\npeer: python3 with geopandas not found (install python3-geopandas to compare)\n");
    if (peer) std::printf("peer: GeoPandas read_file + to_crs(working CRS) + make_valid, one process per layer\n");
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

void benchAdjacency(Shared& shared, int repeat) {
    auto ctx = Context::open(shared.global);
    if (!ctx) { shared.exitCode = fail(ctx.error()); return; }
    AdjacencyQuery q;  // districts, in the system that has them
    auto plan = planAdjacency(ctx->catalog().layers, ctx->catalog().vintages, q);
    if (!plan) { shared.exitCode = fail(plan.error()); return; }
    std::vector<std::string> ids;
    for (const auto& [a, b] : *plan) { ids.push_back(a); ids.push_back(b); }
    auto data = ctx->load(ids);
    if (!data) { shared.exitCode = fail(data.error()); return; }
    const Layer* vn = nullptr;
    const Layer* la = nullptr;
    for (const auto& [a, b] : *plan)
        if (a != b) { vn = (*data)->layer(a); la = (*data)->layer(b); }
    if (!vn || !la) { shared.exitCode = fail("bench adjacency: no Vietnamese and Lao district layers"); return; }

    std::printf("bench adjacency: %s (%zu units) and %s (%zu units), cold (no cache), %u threads, %d run(s)\n\n",
                vn->spec.id.c_str(), vn->units.size(), la->spec.id.c_str(), la->units.size(),
                std::max(1u, std::thread::hardware_concurrency()), repeat);
    AdjacencyOptions opt;
    std::vector<double> times;
    std::vector<SharedBorder> ours;
    for (int r = 0; r < repeat; ++r) {
        const auto start = std::chrono::steady_clock::now();
        std::vector<SharedBorder> all;
        for (const auto& [a, b] : *plan) {
            auto part = computeAdjacency(*(*data)->layer(a), *(*data)->layer(b), opt);
            for (auto& p : part) all.push_back(std::move(p));
        }
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        ours = std::move(all);
    }
    size_t domestic = 0;
    for (const auto& s : ours) domestic += s.kind == AdjacencyKind::Domestic;
    std::printf("ours: %zu pairs (%zu domestic, %zu international) in %.3f s (median of %d; best %.3f s)\n",
                ours.size(), domestic, ours.size() - domestic, median(times), repeat,
                *std::min_element(times.begin(), times.end()));

    if (!peerAvailable()) {
        std::printf("peer: python3 with geopandas/libpysal not found (install python3-geopandas python3-libpysal)\n");
        return;
    }
    std::string out;
    const PeerMeasure pm = runPeerScript(
        "peer_adjacency.py",
        {io::layerSource(vn->spec, ctx->dataRoot()), vn->spec.gdalLayer, io::layerSource(la->spec, ctx->dataRoot()), la->spec.gdalLayer,
         kWorkingCrs, std::to_string(kDefaultInternationalToleranceM), vn->spec.fields.id, la->spec.fields.id},
        &out);
    if (!pm.ok) { std::printf("peer: failed to run bench/peer_adjacency.py\n"); return; }
    double peerSeconds = 0;
    std::map<std::string, double> peer;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("#seconds ", 0) == 0) { peerSeconds = std::stod(line.substr(9)); continue; }
        std::istringstream row(line);
        std::string a, b, kind, km;
        std::getline(row, a, ','); std::getline(row, b, ','); std::getline(row, kind, ','); std::getline(row, km, ',');
        if (kind == "domestic" && b < a) std::swap(a, b);
        peer[kind + "|" + a + "|" + b] = std::stod(km);
    }
    std::map<std::string, double> mine;
    std::map<std::string, std::string> names;
    for (const auto& s : ours) {
        std::string a = s.a->id, b = s.b->id;
        if (s.kind == AdjacencyKind::Domestic && b < a) std::swap(a, b);
        const double km = shownKm(s);
        mine[std::string(toString(s.kind)) + "|" + a + "|" + b] = km;
        names[std::string(toString(s.kind)) + "|" + a + "|" + b] = s.a->name + " / " + s.b->name;
    }
    size_t common = 0, within2 = 0;
    std::vector<double> rel;
    std::vector<std::pair<double, std::string>> worst;
    double onlyOursKm = 0, onlyPeerKm = 0;
    for (const auto& [k, km] : mine) {
        auto it = peer.find(k);
        if (it == peer.end()) { onlyOursKm += km; continue; }
        ++common;
        const double d = std::fabs(km - it->second) / std::max(it->second, 1e-9);
        rel.push_back(d);
        within2 += d <= 0.02;
        char line[256];
        std::snprintf(line, sizeof line, "%.3f km vs peer %.3f km", km, it->second);
        worst.push_back({std::fabs(km - it->second), names[k] + ": " + line});
    }
    for (const auto& [k, km] : peer) if (!mine.count(k)) onlyPeerKm += km;
    const size_t unionSize = mine.size() + peer.size() - common;
    std::printf("peer: %zu pairs in %.3f s compute (%.3f s with loading), GeoPandas/Shapely + libpysal Rook\n\n",
                peer.size(), peerSeconds, pm.seconds);
    std::printf("speed-up (compute):      %.1fx\n", median(times) > 0 ? peerSeconds / median(times) : 0.0);
    std::printf("pairs in common:         %zu of %zu (%.1f%%); only ours %zu (%.1f km), only peer %zu (%.1f km)\n",
                common, unionSize, 100.0 * double(common) / double(std::max<size_t>(unionSize, 1)),
                mine.size() - common, onlyOursKm, peer.size() - common, onlyPeerKm);
    std::printf("lengths within 2%%:       %zu of %zu common pairs (%.1f%%); median difference %.2f%%\n", within2,
                common, 100.0 * double(within2) / double(std::max<size_t>(common, 1)), 100.0 * median(rel));
    std::sort(worst.rbegin(), worst.rend());
    std::printf("largest differences:\n");
    for (size_t i = 0; i < std::min<size_t>(5, worst.size()); ++i) std::printf("  %s\n", worst[i].second.c_str());
}

}  // namespace

void addBenchCommand(CLI::App& app, Shared& shared) {
    auto* bench = app.add_subcommand("bench", "Benchmarks that print figures and compare with a peer");
    bench->require_subcommand(1);
    auto* load = bench->add_subcommand("load", "Time and peak memory to load every layer, per layer and total");
    auto repeat = std::make_shared<int>(1);
    load->add_option("--repeat", *repeat, "Runs per layer; the best is reported")->check(CLI::Range(1, 20));
    load->callback([&shared, repeat] { benchLoad(shared, *repeat); });
    auto* adj = bench->add_subcommand("adjacency", "All domestic and international district pairs, beside a GeoPandas peer");
    auto adjRepeat = std::make_shared<int>(3);
    adj->add_option("--repeat", *adjRepeat, "Runs; the median is reported")->check(CLI::Range(1, 50));
    adj->callback([&shared, adjRepeat] { benchAdjacency(shared, *adjRepeat); });
    addBenchExtractCommand(*bench, shared);
    addBenchIngestCommand(*bench, shared);
#ifdef BORDERLENS_WITH_RENDER
    addBenchRenderCommand(*bench, shared);
    addBenchExportCommand(*bench, shared);
    addBenchStartupCommand(*bench, shared);
#endif
}

}  // namespace bl::cli
