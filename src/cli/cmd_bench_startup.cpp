// `borderlens bench startup`: how fast each front-end gets to its answer,
// whole process, cold and warm prepared-data store, beside the Mapnik peer
// (bench/peer_mapnik.py) drawing the same whole-area map in the same run.
// Every figure comes from a fresh child process of this executable.
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli/bench_peer.hpp"
#include "cli/commands.hpp"
#include "core/boundaries/crs.hpp"
#include "engine/export_request.hpp"

namespace bl::cli {

namespace {

namespace fs = std::filesystem;

constexpr int kWidth = 3000, kHeight = 2000;

// A display for the viewer's figures: the one we run in, else an Xvfb of
// our own for the bench's duration.
class Display {
public:
    Display() {
        if (const char* d = std::getenv("DISPLAY"); d && *d) {
            m_ok = true;
            return;
        }
        if (!fs::exists("/usr/bin/Xvfb")) return;
        const int n = 60 + int(getpid() % 200);
        const std::string name = ":" + std::to_string(n);
        std::fflush(nullptr);
        m_pid = fork();
        if (m_pid == 0) {
            if (!freopen("/dev/null", "w", stderr) || !freopen("/dev/null", "w", stdout)) _exit(126);
            execl("/usr/bin/Xvfb", "Xvfb", name.c_str(), "-screen", "0", "1600x1000x24", "-nolisten", "tcp",
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        const std::string socket = "/tmp/.X11-unix/X" + std::to_string(n);
        for (int i = 0; i < 100 && !fs::exists(socket); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        m_ok = fs::exists(socket);
        if (m_ok) setenv("DISPLAY", name.c_str(), 1);
    }
    ~Display() {
        if (m_pid > 0) {
            kill(m_pid, SIGTERM);
            waitpid(m_pid, nullptr, 0);
            unsetenv("DISPLAY");
        }
    }
    bool ok() const { return m_ok; }

private:
    pid_t m_pid = -1;
    bool m_ok = false;
};

// CPU seconds (user + system) a process has used so far.
double cpuSeconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), {});
    const size_t close = stat.rfind(')');
    if (close == std::string::npos) return -1.0;
    std::istringstream rest(stat.substr(close + 2));
    std::string field;
    unsigned long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::stoul(field);
        if (i == 15) stime = std::stoul(field);
    }
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

struct Row {
    std::string what;
    BenchRun run;
    std::string goal;
    int met = -1;  // -1: no goal
};

void print(const std::vector<Row>& rows) {
    std::printf("%-40s %8s %9s   %s\n", "", "wall s", "peak MiB", "goal");
    for (const auto& r : rows) {
        std::printf("%s %8.2f %9.0f   %s%s%s\n", padRight(r.what, 40).c_str(), r.run.seconds, r.run.peakMiB,
                    r.goal.c_str(), r.met < 0 ? "" : r.met ? "  met" : "  NOT met", r.run.ok ? "" : "  (FAILED)");
    }
}

void benchStartup(Shared& shared, int repeat) {
    auto ctx = Context::open(shared.global);
    if (!ctx) {
        shared.exitCode = fail(ctx.error());
        return;
    }
    char tmpl[] = "/tmp/borderlens-bench-XXXXXX";
    if (!mkdtemp(tmpl)) {
        shared.exitCode = fail("bench startup: cannot make a temporary folder");
        return;
    }
    const fs::path tmp = tmpl;
    const SelfProcess self(shared.global);
    auto fresh = [&](const std::string& name) {
        fs::create_directories(tmp / name);
        return (tmp / name).string();
    };
    const std::vector<std::string> exportArgs = {"export", "-o", (tmp / "map.png").string(), "--size",
                                                 std::to_string(kWidth) + "x" + std::to_string(kHeight), "--force"};
    std::printf("bench startup: whole-area %dx%d map and CLI commands, each run a fresh process; cold = an empty "
                "prepared-data store (a new XDG_CACHE_HOME), warm = the store those runs left; warm figures are the "
                "median of %d runs\n\n",
                kWidth, kHeight, repeat);

    // The peer first: what it takes is the yardstick of the goals.
    engine::ExportRequest req;
    req.output = "map.png";
    req.width = kWidth;
    req.height = kHeight;
    std::vector<std::string> peerArgs = {(tmp / "mapnik.png").string(), std::to_string(kWidth),
                                         std::to_string(kHeight), kWorkingCrs};
    for (const auto& id : engine::layersNeeded(req, ctx->session()))
        peerArgs.push_back(peerLayerSpec(*ctx->catalog().layer(id), ctx->dataRoot()));
    BenchRun peer;
    const bool havePeer = pythonHas("mapnik");
    if (havePeer) {
        std::vector<BenchRun> runs;
        for (int i = 0; i < repeat; ++i) {
            const PeerMeasure m = runPeerScript("peer_mapnik.py", peerArgs, nullptr);
            runs.push_back({m.seconds, double(m.peakKiB) / 1024.0, m.ok});
        }
        peer = medianRun(std::move(runs));
    }
    const double yard = havePeer ? peer.seconds : 0.0;
    auto goal = [&](double factor, const char* what) {
        char b[96];
        std::snprintf(b, sizeof b, "<= %.2f s (%s)", factor * yard, what);
        return std::string(b);
    };

    std::vector<Row> rows;
    const std::string coldExport = fresh("cold-export");
    rows.push_back({"export, cold store", self.run(exportArgs, coldExport), havePeer ? goal(1.0, "Mapnik's time") : ""});
    rows.back().met = havePeer ? rows.back().run.seconds <= yard : -1;
    rows.push_back({"export, warm store", self.median(repeat, exportArgs, coldExport),
                    havePeer ? goal(0.5, "half Mapnik's") + ", <= 150 MiB" : "<= 150 MiB"});
    rows.back().met = (!havePeer || rows.back().run.seconds <= 0.5 * yard) && rows.back().run.peakMiB <= 150.0;

    const Display display;
    if (display.ok()) {
        const std::vector<std::string> viewArgs = {"view", "--screenshot", (tmp / "view.png").string(), "--frames", "1"};
        const std::string coldView = fresh("cold-view");
        rows.push_back({"viewer first map, cold store", self.run(viewArgs, coldView), ""});
        rows.push_back({"viewer first map, warm store", self.median(repeat, viewArgs, coldView),
                        havePeer ? goal(1.0, "Mapnik's time") : ""});
        rows.back().met = havePeer ? rows.back().run.seconds <= yard : -1;
    }
    const std::string warm = coldExport;
    (void)self.run({"adjacency", "--level", "district"}, warm);  // fills the adjacency cache
    for (const auto& [what, args] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"layers, warm", {"layers"}},
             {"find \"Huong Hoa\", warm", {"find", "Huong Hoa"}},
             {"adjacency --level district, warm", {"adjacency", "--level", "district"}}}) {
        rows.push_back({what, self.median(repeat, args, warm), "<= 0.20 s"});
        rows.back().met = rows.back().run.seconds <= 0.2;
    }
    print(rows);

    if (display.ok()) {
        // The viewer left alone once its map is up: CPU over five seconds.
        const pid_t pid = self.spawn({"view"}, warm);
        std::this_thread::sleep_for(std::chrono::seconds(4));
        const double before = cpuSeconds(pid);
        std::this_thread::sleep_for(std::chrono::seconds(5));
        const double after = cpuSeconds(pid);
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
        const double percent = before < 0 || after < 0 ? -1.0 : (after - before) / 5.0 * 100.0;
        std::printf("%s %7.1f%% of one core   < 5%%%s\n", padRight("viewer idle (no input, 5 s)", 40).c_str(), percent,
                    percent >= 0 && percent < 5.0 ? "  met" : "  NOT met");
    } else {
        std::printf("viewer: no display and no Xvfb (install xvfb): its figures are left out\n");
    }
    if (havePeer)
        std::printf("%s %8.2f %9.0f   (bench/peer_mapnik.py: the same layers, CRS, extent and labels, %dx%d PNG)\n",
                    padRight("Mapnik 3.1 peer, whole process", 40).c_str(), peer.seconds, peer.peakMiB, kWidth, kHeight);
    else
        std::printf("peer: python3-mapnik not found (scripts/setup installs it); goals against it left out\n");
    std::error_code ec;
    fs::remove_all(tmp, ec);
}

}  // namespace

void addBenchStartupCommand(CLI::App& bench, Shared& shared) {
    auto* cmd = bench.add_subcommand(
        "startup", "Whole-process time and memory to a whole-area export, the viewer's first map and CLI answers, cold "
                   "and warm store, beside Mapnik; the idle viewer's CPU");
    auto repeat = std::make_shared<int>(3);
    cmd->add_option("--repeat", *repeat, "Runs of each warm figure and of the peer; the median is reported")
        ->check(CLI::Range(1, 20));
    cmd->callback([&shared, repeat] { benchStartup(shared, *repeat); });
}

}  // namespace bl::cli
