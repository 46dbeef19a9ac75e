// The viewer end to end: a screenshot on a private Xvfb (Mesa llvmpipe), and the
// message when there is no display.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sys/wait.h>
#include <set>

#include "app/virtual_display.hpp"
#include "io/png_image.hpp"
#include "skip.hpp"
#include "support.hpp"

using namespace bl::test;

namespace {


std::string slurp(const std::string& path) {
    std::string s;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buf[4096];
        for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) s.append(buf, n);
        std::fclose(f);
    }
    return s;
}

// Runs borderlens behind a command prefix (xvfb-run, env -u ...).
RunResult runWrapped(const std::string& prefix, const std::string& args) {
    TempDir tmp;
    const std::string cmd =
        prefix + " " + std::string(BORDERLENS_BINARY) + " " + args + " >" + tmp.file("out") + " 2>" + tmp.file("err");
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(tmp.file("out")), slurp(tmp.file("err"))};
}

std::string fixtureArgs() {
    return "-q --catalog " + fixture("catalog.json") + " --data-root " + std::string(BORDERLENS_FIXTURES);
}

}  // namespace

TEST_CASE("borderlens view --screenshot saves the window under xvfb-run", "[app][xvfb]") {
    if (!haveXvfb()) BL_SKIP(kNoXvfb);
    TempDir tmp;
    const std::string png = tmp.file("shot.png");
    const RunResult r = runWrapped(VirtualDisplay("1600x1000x24").prefix(),
                                   fixtureArgs() + " view --screenshot " + png + " --size 1280x800 --frames 2");
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    auto img = bl::io::readPng(png);
    REQUIRE(img.ok());
    CHECK(img->width == 1280);
    CHECK(img->height == 800);
    // Not a blank frame: the map and the panels give many distinct colours.
    std::set<uint32_t> colours;
    for (size_t i = 0; i < img->pixels.size(); i += 4 * 7)
        colours.insert(uint32_t(img->pixels[i]) | uint32_t(img->pixels[i + 1]) << 8 |
                       uint32_t(img->pixels[i + 2]) << 16);
    CHECK(colours.size() > 50);
    // The fixture's Vietnamese provinces (warm fill) show between the panels.
    size_t warm = 0, total = 0;
    for (int y = 100; y < 700; y += 4)
        for (int x = 400; x < 880; x += 4, ++total) {
            const uint8_t* p = img->at(x, y);
            warm += int(p[0]) > int(p[2]) + 30;
        }
    CHECK(warm > total / 10);
}

TEST_CASE("borderlens view --select with an unknown name fails in screenshot mode", "[app][xvfb]") {
    if (!haveXvfb()) BL_SKIP(kNoXvfb);
    TempDir tmp;
    const RunResult r =
        runWrapped(VirtualDisplay("1024x768x24").prefix(),
                   fixtureArgs() + " view --screenshot " + tmp.file("x.png") + " --size 640x480 --select Zzyzxqw");
    CHECK(r.exitCode == 3);
    CHECK_THAT(r.err, Catch::Contains("Zzyzxqw"));
}

TEST_CASE("borderlens view without a display says how to run it and exits non-zero", "[app]") {
    const RunResult r = runWrapped("env -u DISPLAY -u WAYLAND_DISPLAY", fixtureArgs() + " view");
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("xvfb-run"));
    CHECK_THAT(r.err, Catch::Contains("borderlens export"));
    const RunResult bad = runWrapped("env -u DISPLAY -u WAYLAND_DISPLAY", fixtureArgs() + " view --size 12");
    CHECK(bad.exitCode == 2);
    CHECK_THAT(bad.err, Catch::Contains("--size"));
}

TEST_CASE("borderlens view --screenshot on the real data selects, waits for adjacency and highlights a border",
          "[app][xvfb][real]") {
    if (!haveXvfb()) BL_SKIP(kNoXvfb);
    TempDir tmp;
    const std::string png = tmp.file("real.png");
    const RunResult r = runWrapped(VirtualDisplay("1600x1000x24").prefix(),
                                   "-q view --screenshot " + png + " --size 1200x800 --select 'Lao Bảo' --border 0");
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    auto img = bl::io::readPng(png);
    REQUIRE(img.ok());
    CHECK(img->width == 1200);
    // The pair colour (magenta) of the highlighted border shows somewhere.
    size_t magenta = 0;
    for (size_t i = 0; i < img->pixels.size(); i += 4)
        magenta +=
            img->pixels[i] > 180 && img->pixels[i + 1] < 80 && img->pixels[i + 2] > 90 && img->pixels[i + 2] < 180;
    CHECK(magenta > 200);
}

TEST_CASE("borderlens view --pair shows a document link: both units, connector and shared border", "[app][xvfb][real]") {
    if (!haveXvfb()) BL_SKIP(kNoXvfb);
    TempDir tmp;
    const std::string png = tmp.file("pair.png");
    const RunResult r = runWrapped(VirtualDisplay("1600x1000x24").prefix(),
                                   "-q view --screenshot " + png + " --size 1200x800 --pair 0 --vintage 2023");
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    auto img = bl::io::readPng(png);
    REQUIRE(img.ok());
    // The link colour (blue) of the pair's outlines and shared stretch shows.
    size_t blue = 0;
    for (size_t i = 0; i < img->pixels.size(); i += 4)
        blue += img->pixels[i] < 80 && img->pixels[i + 1] > 90 && img->pixels[i + 1] < 150 && img->pixels[i + 2] > 200;
    CHECK(blue > 500);

    const RunResult bad = runWrapped(VirtualDisplay("1600x1000x24").prefix(),
                                     "-q view --screenshot " + tmp.file("x.png") + " --pair 99");
    CHECK(bad.exitCode == 3);
    CHECK_THAT(bad.err, Catch::Contains("--pair 99"));
}

TEST_CASE("borderlens view survives a malformed alias table with a message naming it", "[app][xvfb]") {
    if (!haveXvfb()) BL_SKIP(kNoXvfb);
    TempDir tmp;
    std::filesystem::copy_file(fixture("catalog.json"), tmp.file("catalog.json"));
    std::ofstream(tmp.file("aliases.json")) << "{\"groups\": [[\"a\", 7]]}";
    const RunResult r = runWrapped(VirtualDisplay("1024x768x24").prefix(), "-q --catalog " + tmp.file("catalog.json") + " --data-root " +
                                                            std::string(BORDERLENS_FIXTURES) + " view --screenshot " +
                                                            tmp.file("x.png") + " --size 640x480");
    CHECK(r.exitCode == 1);  // not an abort (134)
    CHECK_THAT(r.err, Catch::Contains(tmp.file("aliases.json")));
}
