#pragma once
// RGBA images and PNG files (libpng). Rows top to bottom, 8 bits per channel,
// straight (not premultiplied) alpha.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace bl::io {

struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;  // width * height * 4

    const uint8_t* at(int x, int y) const { return &pixels[(size_t(y) * width + x) * 4]; }
};

// Writes `image` to `path`; dpi > 0 is recorded in the pHYs chunk. Errors
// name the file.
Result<std::monostate> writePng(const std::string& path, const RgbaImage& image, double dpi = 0.0);

// Reads any PNG libpng understands, converted to RGBA8.
Result<RgbaImage> readPng(const std::string& path);

}  // namespace bl::io
