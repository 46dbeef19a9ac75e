#include "cli/bench_peer.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/child_process.hpp"
#include "core/boundaries/crs.hpp"
#include "io/layer_loader.hpp"

namespace bl::cli {

namespace fs = std::filesystem;

static std::string benchDir() { return (fs::path(BORDERLENS_SOURCE_DIR) / "bench").string(); }

bool pythonHas(const std::string& module) {
    return std::system(("/usr/bin/python3 -c 'import " + module + "' >/dev/null 2>&1").c_str()) == 0;
}

bool peerAvailable() { return fs::exists(benchDir()) && pythonHas("geopandas, shapely"); }

PeerMeasure runPeerScript(const std::string& script, const std::vector<std::string>& args, std::string* out) {
    const std::string path = (fs::path(benchDir()) / script).string();
    const ChildMeasure c = measureChild([&] {
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>("python3"));
        argv.push_back(const_cast<char*>(path.c_str()));
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv("/usr/bin/python3", argv.data());
        return 127;
    });
    if (out) *out = c.output;
    return {c.seconds, c.peakKiB, c.ok};
}

PeerMeasure runPeerLoad(const std::string& dataRoot, const LayerSpec& spec) {
    return runPeerScript("peer_load.py", {io::layerSource(spec, dataRoot), spec.gdalLayer, kWorkingCrs}, nullptr);
}

std::string peerLayerSpec(const LayerSpec& s, const std::string& dataRoot) {
    const std::string& field = s.fields.shortName.empty() ? s.fields.name : s.fields.shortName;
    return io::layerSource(s, dataRoot) + "|" + s.gdalLayer + "|" + toString(s.level) + "|" + toString(s.country) +
           "|" + field;
}

BenchRun medianRun(std::vector<BenchRun> runs) {
    if (runs.empty()) return {};
    std::sort(runs.begin(), runs.end(), [](const BenchRun& a, const BenchRun& b) { return a.seconds < b.seconds; });
    BenchRun m = runs[runs.size() / 2];
    for (const auto& r : runs) m.ok = m.ok && r.ok;
    return m;
}

SelfProcess::SelfProcess(const GlobalOptions& g) : m_exe(fs::read_symlink("/proc/self/exe").string()) {
    if (!g.dataRoot.empty()) m_global.insert(m_global.end(), {"--data-root", g.dataRoot});
    if (!g.catalog.empty()) m_global.insert(m_global.end(), {"--catalog", g.catalog});
    m_global.push_back("-q");
}

BenchRun SelfProcess::run(const std::vector<std::string>& args, const std::string& cacheHome) const {
    const ChildMeasure c = measureChild([&] {
        exec(args, cacheHome, false);
        return 127;
    });
    return {c.seconds, double(c.peakKiB) / 1024.0, c.ok};
}

BenchRun SelfProcess::median(int n, const std::vector<std::string>& args, const std::string& cacheHome) const {
    std::vector<BenchRun> runs;
    for (int i = 0; i < n; ++i) runs.push_back(run(args, cacheHome));
    return medianRun(std::move(runs));
}

pid_t SelfProcess::spawn(const std::vector<std::string>& args, const std::string& cacheHome) const {
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        exec(args, cacheHome, true);
        _exit(127);
    }
    return pid;
}

void SelfProcess::exec(const std::vector<std::string>& args, const std::string& cacheHome, bool quiet) const {
    setenv("XDG_CACHE_HOME", cacheHome.c_str(), 1);
    if (!freopen("/dev/null", "w", stderr) || (quiet && !freopen("/dev/null", "w", stdout))) return;
    std::vector<std::string> all = m_global;
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv{const_cast<char*>(m_exe.c_str())};
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(m_exe.c_str(), argv.data());
}

}  // namespace bl::cli
