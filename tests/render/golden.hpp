#pragma once
// Golden-image comparison for the renderer tests: goldens live in
// tests/golden/render/<name>.png, made from synthetic fixtures only.
// BORDERLENS_UPDATE_GOLDEN=1 rewrites them (then look at them); the cases that
// did so are reported skipped, as nothing was compared.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "io/png_image.hpp"
#include "skip.hpp"
#include "test_paths.hpp"

namespace bl::test {

// Fraction of pixels whose largest channel difference exceeds `tolerance`.
inline double differingFraction(const io::RgbaImage& a, const io::RgbaImage& b, int tolerance = 24) {
    if (a.width != b.width || a.height != b.height) return 1.0;
    size_t differ = 0;
    for (size_t i = 0; i < a.pixels.size(); i += 4) {
        int d = 0;
        for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(a.pixels[i + c]) - int(b.pixels[i + c])));
        differ += d > tolerance;
    }
    return double(differ) / double(size_t(a.width) * a.height);
}

// At most 0.5% of pixels may differ noticeably; on failure the actual image
// is written to the temporary directory.
inline void checkGolden(const io::RgbaImage& actual, const std::string& name) {
    namespace fs = std::filesystem;
    const std::string golden = std::string(BORDERLENS_GOLDEN_DIR) + "/render/" + name + ".png";
    const char* update = std::getenv("BORDERLENS_UPDATE_GOLDEN");
    if (update && *update == '1') {
        fs::create_directories(fs::path(golden).parent_path());
        REQUIRE(io::writePng(golden, actual).ok());
        BL_SKIP("golden image " << golden << " updated, not compared");
    }
    auto expected = io::readPng(golden);
    if (!expected) FAIL("no golden image " << golden << "; create it with BORDERLENS_UPDATE_GOLDEN=1 and look at it");
    const double f = differingFraction(actual, *expected);
    if (f > 0.005) {
        const std::string out = (fs::temp_directory_path() / (name + ".actual.png")).string();
        (void)io::writePng(out, actual);
        FAIL(name << ": " << f * 100 << "% of pixels differ from " << golden << "; actual written to " << out);
    }
}

}  // namespace bl::test
