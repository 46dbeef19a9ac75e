// `borderlens bench ...`: benchmarks that print figures and, where one
// exists, run a peer on the same data in the same run.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/bench_peer.hpp"
#include "cli/commands.hpp"
#include "io/layer_loader.hpp"

namespace bl::cli {

namespace {

struct Measure {
    double seconds = 0.0;
    long peakKiB = 0;
    long features = 0;
    bool ok = false;
};

// Runs fn in a child process so its peak memory is its own (wait4 rusage).
template <typename Fn>
Measure inChild(Fn fn) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        long n = fn();
        if (write(fds[1], &n, sizeof n) != sizeof n) _exit(2);
        _exit(n >= 0 ? 0 : 1);
    }
    close(fds[1]);
    Measure m;
    long n = -1;
    if (read(fds[0], &n, sizeof n) != sizeof n) n = -1;
    close(fds[0]);
    int status = 0;
    struct rusage ru {};
    wait4(pid, &status, 0, &ru);
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.peakKiB = ru.ru_maxrss;
    m.features = n;
    m.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return m;
}

void benchLoad(Shared& shared, int repeat) {
    auto ctx = Context::open(shared.global);
    if (!ctx) { shared.exitCode = fail(ctx.error().message); return; }
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

}  // namespace

void addBenchCommand(CLI::App& app, Shared& shared) {
    auto* bench = app.add_subcommand("bench", "Benchmarks that print figures and compare with a peer");
    bench->require_subcommand(1);
    auto* load = bench->add_subcommand("load", "Time and peak memory to load every layer, per layer and total");
    auto repeat = std::make_shared<int>(1);
    load->add_option("--repeat", *repeat, "Runs per layer; the best is reported")->check(CLI::Range(1, 20));
    load->callback([&shared, repeat] { benchLoad(shared, *repeat); });
    addBenchRenderCommand(*bench, shared);
}

}  // namespace bl::cli
