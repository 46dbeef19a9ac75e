// The viewer's UI scale (src/app/viewer.cpp runViewer, --ui-scale in
// src/cli/cmd_view.cpp) end to end on a private Xvfb: the panel text grows
// with --ui-scale, the default follows the screen's content scale (GLFW
// reads Xft.dpi on X11), and values out of range are refused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

#include "app/virtual_display.hpp"
#include "io/png_image.hpp"
#include "skip.hpp"
#include "support.hpp"

using namespace bl::test;

namespace {

std::string fixtureArgs() {
    return "-q --catalog " + fixture("catalog.json") + " --data-root " + std::string(BORDERLENS_FIXTURES);
}

// A screenshot of the fixture with a district selected (the inspector lists
// its rows) on `display`, with `extra` options.
bl::io::RgbaImage screenshot(const VirtualDisplay& display, const std::string& extra) {
    TempDir tmp;
    const ScopedEnv env("DISPLAY", display.display());
    const RunResult r = runBorderlens(fixtureArgs() + " view --screenshot " + tmp.file("shot.png") +
                                      " --size 1280x800 --select 'Huyện Hướng Thử' " + extra);
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.find("Lao") == std::string::npos);  // no warning about a missing Lao font
    auto img = bl::io::readPng(tmp.file("shot.png"));
    REQUIRE(img.ok());
    return std::move(*img);
}

// The median height of the light shapes 5 to 80 px tall (8-connected, grey
// level above 110): mostly the letters of the panels' light text on their
// dark background, so it grows with the font size whatever the layout.
double medianLetterHeight(const bl::io::RgbaImage& img, size_t& shapes) {
    const int w = img.width, h = img.height;
    auto light = [&](int x, int y) {
        const uint8_t* p = img.at(x, y);
        return (int(p[0]) + p[1] + p[2]) / 3 > 110;
    };
    std::vector<char> seen(size_t(w) * h, 0);
    std::vector<int> heights;
    std::vector<std::pair<int, int>> stack;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            if (seen[size_t(y) * w + x] || !light(x, y)) continue;
            int top = y, bottom = y, left = x, right = x;
            seen[size_t(y) * w + x] = 1;
            stack.assign(1, {x, y});
            while (!stack.empty()) {
                const auto [cx, cy] = stack.back();
                stack.pop_back();
                top = std::min(top, cy);
                bottom = std::max(bottom, cy);
                left = std::min(left, cx);
                right = std::max(right, cx);
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int nx = cx + dx, ny = cy + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[size_t(ny) * w + nx] || !light(nx, ny))
                            continue;
                        seen[size_t(ny) * w + nx] = 1;
                        stack.push_back({nx, ny});
                    }
            }
            const int height = bottom - top + 1;
            if (height >= 5 && height <= 80 && right - left < 80) heights.push_back(height);
        }
    shapes = heights.size();
    if (heights.empty()) return 0;
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    return heights[heights.size() / 2];
}

}  // namespace

TEST_CASE("borderlens view --ui-scale 2 draws the panel text about twice as tall as --ui-scale 1",
          "[app][xvfb][scale]") {
    if (!haveXvfb()) BL_SKIP(kNoXvfb);
    const VirtualDisplay display("1600x1000x24");
    const bl::io::RgbaImage one = screenshot(display, "--ui-scale 1");
    const bl::io::RgbaImage two = screenshot(display, "--ui-scale 2");
    CHECK(two.width == one.width);  // the window keeps its size; what is in it grows
    size_t shapesOne = 0, shapesTwo = 0;
    const double heightOne = medianLetterHeight(one, shapesOne);
    const double heightTwo = medianLetterHeight(two, shapesTwo);
    INFO("median letter height " << heightOne << " px (" << shapesOne << " shapes) at 1, " << heightTwo << " px ("
                                 << shapesTwo << ") at 2");
    REQUIRE(shapesOne > 50);
    REQUIRE(shapesTwo > 25);
    CHECK(heightOne >= 6);
    CHECK(heightOne <= 12);
    CHECK(heightTwo >= 1.4 * heightOne);
    CHECK(heightTwo <= 2.5 * heightOne);
}

TEST_CASE("borderlens view follows the screen content scale and --ui-scale overrides it", "[app][xvfb][scale]") {
    if (!haveXvfb()) BL_SKIP(kNoXvfb);
    if (std::system("command -v xprop >/dev/null 2>&1") != 0) BL_SKIP("xprop is not installed (install x11-utils)");
    const VirtualDisplay display("1600x1000x24");
    // The X server resets, dropping the root window's properties, whenever
    // its last client leaves: one stays connected, watching the property.
    TempDir tmp;
    const std::string spyLog = tmp.file("spy.log");
    BackgroundProcess spy({"/bin/sh", "-c", "exec xprop -root -spy RESOURCE_MANAGER"},
                          {"DISPLAY=" + display.display()}, spyLog);
    auto spied = [&] {
        std::ifstream in(spyLog);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    for (int i = 0; i < 100 && spied().empty(); ++i) usleep(50000);
    REQUIRE_FALSE(spied().empty());
    // A HiDPI X11 desktop: Xft.dpi 192, which GLFW reports as content scale 2.
    const std::string setDpi = "DISPLAY=" + display.display() +
                               " xprop -root -f RESOURCE_MANAGER 8s -set RESOURCE_MANAGER 'Xft.dpi:\t192\n'";
    REQUIRE(std::system(setDpi.c_str()) == 0);
    const bl::io::RgbaImage monitor = screenshot(display, "");
    const bl::io::RgbaImage two = screenshot(display, "--ui-scale 2");
    const bl::io::RgbaImage one = screenshot(display, "--ui-scale 1");
    REQUIRE(monitor.pixels.size() == two.pixels.size());
    REQUIRE(monitor.pixels.size() == one.pixels.size());
    auto differing = [](const bl::io::RgbaImage& a, const bl::io::RgbaImage& b) {
        size_t n = 0;
        for (size_t i = 0; i < a.pixels.size(); i += 4)
            n += a.pixels[i] != b.pixels[i] || a.pixels[i + 1] != b.pixels[i + 1] || a.pixels[i + 2] != b.pixels[i + 2];
        return double(n) / double(a.pixels.size() / 4);
    };
    CHECK(differing(monitor, two) < 0.001);  // the default is the screen's 2
    CHECK(differing(monitor, one) > 0.05);   // and --ui-scale 1 overrides it
}

TEST_CASE("borderlens view refuses a --ui-scale outside 0.5 to 4 and names the option", "[app][scale]") {
    for (const char* value : {"9", "0.2", "0", "nan", "big"}) {
        INFO("--ui-scale " << value);
        const ScopedEnv display("DISPLAY", std::nullopt);
        const RunResult r = runBorderlens(fixtureArgs() + " view --ui-scale " + value);
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.err, Catch::Contains("--ui-scale"));
    }
}
