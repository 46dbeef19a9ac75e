#include "cli/bench_peer.hpp"

#include <cstdlib>
#include <filesystem>

#include "cli/child_process.hpp"
#include "core/boundaries/crs.hpp"
#include "io/layer_loader.hpp"

namespace bl::cli {

namespace fs = std::filesystem;

static std::string benchDir() { return (fs::path(BORDERLENS_SOURCE_DIR) / "bench").string(); }

bool peerAvailable() {
    return fs::exists(benchDir()) &&
           std::system("/usr/bin/python3 -c 'import geopandas, shapely' >/dev/null 2>&1") == 0;
}

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

}  // namespace bl::cli
