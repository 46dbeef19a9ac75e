// PNG writing (io/png_image): round trip, and a failed write is our sentence
// alone, naming the file and why; libpng prints nothing.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <random>

#include "io/output_file.hpp"
#include "io/png_image.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

io::RgbaImage noise(int w, int h) {
    io::RgbaImage img;
    img.width = w;
    img.height = h;
    img.pixels.resize(size_t(w) * h * 4);
    std::mt19937 rng(12);
    for (auto& p : img.pixels) p = uint8_t(rng());
    return img;
}

// Runs `f` with stderr (fd 2) sent to a file; returns what was written there.
template <typename F>
std::string capturedStderr(const TempDir& tmp, F&& f) {
    const std::string path = tmp.file("stderr.txt");
    std::fflush(stderr);
    const int saved = dup(2);
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(saved >= 0);
    REQUIRE(fd >= 0);
    dup2(fd, 2);
    close(fd);
    f();
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("png: written and read back pixel for pixel", "[io][png]") {
    TempDir tmp;
    const io::RgbaImage img = noise(37, 23);
    REQUIRE(io::writePng(tmp.file("a.png"), img, 150).ok());
    auto back = io::readPng(tmp.file("a.png"));
    REQUIRE(back.ok());
    CHECK(back->width == 37);
    CHECK(back->height == 23);
    CHECK(back->pixels == img.pixels);
}

TEST_CASE("png: a full disk is one sentence naming the file, and libpng prints nothing", "[io][png]") {
    TempDir tmp;
    // Small: fails when the buffered bytes are written at the end. Large
    // (incompressible): fails inside libpng's write callback.
    for (int side : {16, 1024}) {
        INFO("side " << side);
        Result<std::monostate> r = std::monostate{};
        const std::string err = capturedStderr(tmp, [&] { r = io::writePng("/dev/full", noise(side, side), 96); });
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::Data);
        CHECK_THAT(r.error().message, Catch::Contains("/dev/full") && Catch::Contains("no space left on device"));
        CHECK_THAT(r.error().message, !Catch::Contains("libpng"));
        CHECK(err.empty());
    }
}
