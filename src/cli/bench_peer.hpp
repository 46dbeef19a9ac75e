#pragma once
// Peers for `borderlens bench`: small Python scripts of ours (bench/*.py)
// using GeoPandas/Shapely, Mapnik or QGIS, run as child processes on the
// same data; and this executable run the same way, for whole-process
// figures beside them.
#include <sys/types.h>

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "core/boundaries/model.hpp"

namespace bl::cli {

struct PeerMeasure {
    double seconds = 0.0;
    long peakKiB = 0;
    bool ok = false;
};

bool peerAvailable();
// `module` imports in /usr/bin/python3, the interpreter every peer runs in
// (Debian's python3-* packages; a pyenv python3 on PATH lacks them).
bool pythonHas(const std::string& module);
PeerMeasure runPeerLoad(const std::string& dataRoot, const LayerSpec& spec);

// Runs `/usr/bin/python3 bench/<script> args...`, capturing stdout into `out`.
PeerMeasure runPeerScript(const std::string& script, const std::vector<std::string>& args, std::string* out);

// A layer as the map peers take it: FILE|GDAL_LAYER|LEVEL|COUNTRY|NAME_FIELD,
// the name field being the one our labels show (the short name when the
// catalog has one).
std::string peerLayerSpec(const LayerSpec& spec, const std::string& dataRoot);

// A whole-process figure: wall clock and peak memory of one child.
struct BenchRun {
    double seconds = 0.0;
    double peakMiB = 0.0;
    bool ok = false;
};

// The run of median time (its memory with it); ok only when every run was.
BenchRun medianRun(std::vector<BenchRun> runs);

// This executable with the bench's global options (--data-root, --catalog,
// -q), then `args`, its prepared-data store (XDG_CACHE_HOME) in `cacheHome`.
class SelfProcess {
public:
    explicit SelfProcess(const GlobalOptions& g);
    BenchRun run(const std::vector<std::string>& args, const std::string& cacheHome) const;
    // The median of `n` runs.
    BenchRun median(int n, const std::vector<std::string>& args, const std::string& cacheHome) const;
    // Started and left running, its output to /dev/null (the caller ends it).
    pid_t spawn(const std::vector<std::string>& args, const std::string& cacheHome) const;

private:
    // In a child: becomes this executable with `args` (stderr, and stdout
    // when `quiet`, to /dev/null); returns only when exec fails.
    void exec(const std::vector<std::string>& args, const std::string& cacheHome, bool quiet) const;

    std::string m_exe;
    std::vector<std::string> m_global;
};

}  // namespace bl::cli
