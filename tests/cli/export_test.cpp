// `borderlens export` end to end on the synthetic fixture catalog, headless:
// size and DPI in the written PNG, no overwrite without --force, bad sizes,
// the world file of --georef, the GDAL sidecar, unwritable destinations.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "core/boundaries/crs.hpp"
#include "io/png_image.hpp"
#include "skip.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

std::string fixtureExport(const std::string& args) {
    return "-q --catalog " + fixture("catalog.json") + " --data-root " + std::string(BORDERLENS_FIXTURES) +
           " export --vintage 2023 " + args;
}

// Pixels per metre from the PNG's pHYs chunk, 0 when absent.
double pngPixelsPerMetre(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const size_t at = bytes.find("pHYs");
    if (at == std::string::npos || at + 13 > bytes.size()) return 0;
    auto be32 = [&](size_t i) {
        return uint32_t(uint8_t(bytes[i])) << 24 | uint32_t(uint8_t(bytes[i + 1])) << 16 |
               uint32_t(uint8_t(bytes[i + 2])) << 8 | uint32_t(uint8_t(bytes[i + 3]));
    };
    if (bytes[at + 12] != 1) return 0;  // unit: metre
    return be32(at + 4);
}

std::string slurp(const std::string& p) {
    std::ifstream f(p);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("export writes a PNG of the requested size recording its DPI", "[cli][export]") {
    TempDir tmp;
    const std::string out = tmp.file("map.png");
    const RunResult r = runBorderlens(fixtureExport("-o " + out + " --size 640x420 --dpi 150 --title Fixture"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    auto img = io::readPng(out);
    REQUIRE(img.ok());
    CHECK(img->width == 640);
    CHECK(img->height == 420);
    CHECK(pngPixelsPerMetre(out) == Approx(150 / 0.0254).margin(1));
    // Nothing else is left in the directory (no temporary files).
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(tmp.path())) n += e.is_regular_file();
    CHECK(n == 1);
}

TEST_CASE("export never overwrites without --force", "[cli][export]") {
    TempDir tmp;
    const std::string out = tmp.file("map.png");
    { std::ofstream(out) << "keep me"; }
    RunResult r = runBorderlens(fixtureExport("-o " + out + " --size 200x150"));
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("already exists") != std::string::npos);
    CHECK(slurp(out) == "keep me");
    r = runBorderlens(fixtureExport("-o " + out + " --size 200x150 --force"));
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(io::readPng(out).ok());
}

TEST_CASE("export refuses absurd sizes and DPI naming the option", "[cli][export]") {
    TempDir tmp;
    const std::string out = tmp.file("map.png");
    for (const char* bad : {"0x0", "100000x100000", "12", "axb"}) {
        const RunResult r = runBorderlens(fixtureExport("-o " + out + " --size " + bad));
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("--size") != std::string::npos);
    }
    const RunResult r = runBorderlens(fixtureExport("-o " + out + " --dpi 0"));
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--dpi") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("export --georef writes a world file and a GDAL sidecar that place the frame", "[cli][export]") {
    TempDir tmp;
    const std::string out = tmp.file("map.png");
    const RunResult r =
        runBorderlens(fixtureExport("-o " + out + " --size 800x600 --bbox 105.2,17.2,105.8,17.8 --georef"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    std::ifstream wf(tmp.file("map.pgw"));
    double a, d, b, e, c, f;
    REQUIRE(wf >> a >> d >> b >> e >> c >> f);
    CHECK(a > 0);
    CHECK(e == Approx(-a));
    CHECK(b == 0);
    CHECK(d == 0);
    // Every corner of the requested box lies in the image.
    for (LonLat ll : {LonLat{105.2, 17.2}, LonLat{105.8, 17.8}, LonLat{105.2, 17.8}, LonLat{105.8, 17.2}}) {
        const Vec2 p = threadCrs().forward(ll);
        const double col = (p.x - c) / a + 0.5, row = (p.y - f) / e + 0.5;
        CHECK(col > 0);
        CHECK(col < 800);
        CHECK(row > 0);
        CHECK(row < 600);
    }
    // And the box fills most of the image on one axis (fitted with margins and the title band).
    const Vec2 p0 = threadCrs().forward({105.2, 17.2}), p1 = threadCrs().forward({105.8, 17.8});
    CHECK(std::max((p1.x - p0.x) / a / 800, (p1.y - p0.y) / a / 600) > 0.6);
    const std::string aux = slurp(out + ".aux.xml");
    CHECK(aux.find("Lambert_Conformal_Conic") != std::string::npos);
    CHECK(aux.find("GeoTransform") != std::string::npos);
}

TEST_CASE("export --focus fits a unit found by name, and an unknown name is an error", "[cli][export]") {
    TempDir tmp;
    RunResult r = runBorderlens(fixtureExport("-o " + tmp.file("a.png") + " --size 400x300 --focus \"dong thu\""));
    INFO(r.err);
    CHECK(r.exitCode == 0);
    r = runBorderlens(fixtureExport("-o " + tmp.file("b.png") + " --size 400x300 --focus Zzyzx"));
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--focus") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.file("b.png")));
}

TEST_CASE("export into a missing directory fails naming the path", "[cli][export]") {
    TempDir tmp;
    const std::string missing = tmp.file("no/such/dir/map.png");
    const RunResult r = runBorderlens(fixtureExport("-o " + missing + " --size 200x150"));
    CHECK(r.exitCode != 0);
    CHECK_THAT(r.err, Catch::Contains("no/such/dir"));
    CHECK_FALSE(fs::exists(tmp.path() / "no"));
}

TEST_CASE("export into a read-only directory fails naming the path, leaving nothing", "[cli][export]") {
    if (geteuid() == 0) BL_SKIP("running as root: directory permissions are not enforced");
    TempDir tmp;
    fs::create_directories(tmp.path() / "ro");
    fs::permissions(tmp.path() / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    const RunResult ro = runBorderlens(fixtureExport("-o " + tmp.file("ro/map.png") + " --size 200x150"));
    CHECK(ro.exitCode != 0);
    CHECK_THAT(ro.err, Catch::Contains("ro/map.png") || Catch::Contains("/ro"));
    CHECK(fs::is_empty(tmp.path() / "ro"));
    fs::permissions(tmp.path() / "ro", fs::perms::owner_all);
}

TEST_CASE("export --focus with a misspelt name says which unit it drew", "[cli][export]") {
    TempDir tmp;
    const RunResult r = runBorderlens(fixtureExport("-o " + tmp.file("a.png") + " --size 400x300 --focus \"dong thuu\""));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.err, Catch::Contains("--focus 'dong thuu' names no unit exactly") && Catch::Contains("Đông Thử"));
    const RunResult exact = runBorderlens(fixtureExport("-o " + tmp.file("b.png") + " --size 400x300 --focus \"dong thu\""));
    REQUIRE(exact.exitCode == 0);
    CHECK_THAT(exact.err, !Catch::Contains("names no unit exactly"));
}

TEST_CASE("export -o - writes the PNG to standard output", "[cli][export][output]") {
    TempDir tmp;
    const RunResult r = runBorderlens(fixtureExport("-o - --size 200x150"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.out.size() > 8);
    CHECK(r.out.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    tmp.write("copy.png", r.out);
    auto img = io::readPng(tmp.file("copy.png"));
    REQUIRE(img.ok());
    CHECK(img->width == 200);
    CHECK(img->height == 150);
    CHECK_FALSE(fs::exists("-"));
}

TEST_CASE("export refuses a name that is not .png .pdf or .svg, and --georef without a file name, before loading",
          "[cli][export][output]") {
    TempDir tmp;
    // A catalog that cannot be read: refusing the output must come first.
    const std::string noData = "-q --catalog " + tmp.file("none.json") + " export ";
    for (const std::string name : {"map.jpg", "map.PNG.tif", "map"}) {
        const RunResult r = runBorderlens(noData + "-o " + tmp.file(name));
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.err, Catch::Contains(name) && Catch::Contains(".png") && Catch::Contains(".pdf") &&
                              Catch::Contains(".svg"));
        CHECK_THAT(r.err, !Catch::Contains("none.json"));
        CHECK_FALSE(fs::exists(tmp.file(name)));
    }
    const RunResult upper = runBorderlens(fixtureExport("-o " + tmp.file("MAP.PNG") + " --size 200x150"));
    INFO(upper.err);
    CHECK(upper.exitCode == 0);
    const RunResult georef = runBorderlens(noData + "-o - --georef");
    CHECK(georef.exitCode == 2);
    CHECK_THAT(georef.err, Catch::Contains("--georef") && Catch::Contains("standard output"));
}

TEST_CASE("export onto a full device says so in one sentence, libpng silent", "[cli][export][output]") {
    const RunResult r = runBorderlens(fixtureExport("-o /dev/full --size 300x200"));
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("/dev/full") && Catch::Contains("no space left on device"));
    CHECK_THAT(r.err, !Catch::Contains("libpng"));
    struct stat st {};
    REQUIRE(lstat("/dev/full", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("export stopped by SIGTERM while writing leaves no temporary", "[cli][export][output]") {
    TempDir tmp;
    const std::string out = tmp.file("big.png");
    const std::string fixtures = BORDERLENS_FIXTURES;
    std::vector<std::string> args = {BORDERLENS_BINARY, "-q", "--catalog", fixture("catalog.json"), "--data-root"};
    args.insert(args.end(), {fixtures, "export", "--vintage", "2023", "-o", out, "--size", "8000x6000"});
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        signal(SIGTERM, SIG_DFL);
        execv(argv[0], argv.data());
        _exit(127);
    }
    // Wait for the temporary to appear (the PNG being written), then stop it.
    bool seen = false;
    int status = 0;
    for (int i = 0; i < 60000 && !seen; ++i) {
        for (const auto& e : fs::directory_iterator(tmp.path()))
            seen |= e.path().filename().string().rfind("big.png.tmp-", 0) == 0;
        if (!seen) {
            if (waitpid(pid, &status, WNOHANG) == pid) break;
            usleep(1000);
        }
    }
    if (!seen) {
        if (waitpid(pid, &status, WNOHANG) == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
        }
        BL_SKIP("the export finished (or failed) before its temporary was seen");
    }
    REQUIRE(kill(pid, SIGTERM) == 0);
    REQUIRE(waitpid(pid, &status, 0) == pid);
    if (WIFSIGNALED(status)) {
        CHECK(WTERMSIG(status) == SIGTERM);
    } else {
        CHECK(WEXITSTATUS(status) == 0);  // it finished between the look and the signal
    }
    for (const auto& e : fs::directory_iterator(tmp.path()))
        CHECK(e.path().filename().string().rfind("big.png.tmp-", 0) != 0);
}

TEST_CASE("export --focus draws the system its unit belongs to unless --vintage says otherwise", "[cli][export][real]") {
    TempDir tmp;
    // Hướng Hóa is a 2023 district; 2025 is the system shown by default.
    RunResult r = runBorderlens("export --focus \"Hướng Hóa\" --size 400x300 -o " + tmp.file("hh.png"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.err, Catch::Contains("Hướng Hóa is a district of the 2023 system: drawing the 2023 system"));
    CHECK(fs::exists(tmp.file("hh.png")));
    // -q keeps the note: it says what was drawn instead of what was asked.
    r = runBorderlens("-q export --focus \"Hướng Hóa\" --size 400x300 -o " + tmp.file("hh-q.png"));
    CHECK_THAT(r.err, Catch::Contains("drawing the 2023 system"));
    r = runBorderlens("export --focus \"Hướng Hóa\" --vintage 2025 --size 400x300 -o " + tmp.file("hh2025.png"));
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Catch::Contains("'Hướng Hóa' is a 2023 district; --vintage 2023 shows it, or choose its 2025 "
                                      "successor Tỉnh Quảng Trị"));
    CHECK_FALSE(fs::exists(tmp.file("hh2025.png")));
    r = runBorderlens("export --focus \"Hướng Hóa\" --vintage 2023 --size 400x300 -o " + tmp.file("hh2023.png"));
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.err, !Catch::Contains("system:"));
}
