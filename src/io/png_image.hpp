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

class OutputFile;

// Encodes `image` as PNG into `out` (a temporary, a pipe, standard output;
// io/output_file.hpp); dpi > 0 is recorded in the pHYs chunk. libpng never
// prints: its errors and warnings come back in the message, which names the
// target and, when writing failed, why (e.g. the disk is full). Does not
// commit `out`.
Result<std::monostate> writePng(OutputFile& out, const RgbaImage& image, double dpi = 0.0);

// Writes `image` to `path` under the rules of io/output_file.hpp (an existing
// file is replaced; a FIFO or character device is written into).
Result<std::monostate> writePng(const std::string& path, const RgbaImage& image, double dpi = 0.0);

// Reads any PNG libpng understands, converted to RGBA8.
Result<RgbaImage> readPng(const std::string& path);

}  // namespace bl::io
