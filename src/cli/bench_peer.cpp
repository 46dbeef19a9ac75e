#include "cli/bench_peer.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "core/boundaries/crs.hpp"

namespace bl::cli {

namespace fs = std::filesystem;

static std::string benchDir() { return (fs::path(BORDERLENS_SOURCE_DIR) / "bench").string(); }

bool peerAvailable() {
    return fs::exists(benchDir()) &&
           std::system("/usr/bin/python3 -c 'import geopandas, shapely' >/dev/null 2>&1") == 0;
}

PeerMeasure runPeerScript(const std::string& script, const std::vector<std::string>& args, std::string* out) {
    PeerMeasure m;
    int fds[2];
    if (pipe(fds) != 0) return m;
    const std::string path = (fs::path(benchDir()) / script).string();
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>("python3"));
        argv.push_back(const_cast<char*>(path.c_str()));
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv("/usr/bin/python3", argv.data());
        _exit(127);
    }
    close(fds[1]);
    std::string captured;
    char buf[4096];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) captured.append(buf, size_t(n));
    close(fds[0]);
    int status = 0;
    struct rusage ru {};
    wait4(pid, &status, 0, &ru);
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.peakKiB = ru.ru_maxrss;
    m.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (out) *out = std::move(captured);
    return m;
}

PeerMeasure runPeerLoad(const std::string& dataRoot, const LayerSpec& spec) {
    const fs::path p = fs::path(dataRoot) / spec.path;
    return runPeerScript("peer_load.py", {p.string(), spec.gdalLayer, kWorkingCrs}, nullptr);
}

}  // namespace bl::cli
