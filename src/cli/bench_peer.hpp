#pragma once
// Peers for `borderlens bench`: small Python scripts of ours (bench/*.py)
// using GeoPandas/Shapely, run as child processes on the same data.
#include <string>

#include "core/boundaries/model.hpp"

namespace bl::cli {

struct PeerMeasure {
    double seconds = 0.0;
    long peakKiB = 0;
    bool ok = false;
};

bool peerAvailable();
PeerMeasure runPeerLoad(const std::string& dataRoot, const LayerSpec& spec);

// Runs `python3 bench/<script> args...`, capturing stdout into `out`.
PeerMeasure runPeerScript(const std::string& script, const std::vector<std::string>& args, std::string* out);

}  // namespace bl::cli
