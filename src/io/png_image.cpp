#include "io/png_image.hpp"

#include <png.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>

namespace bl::io {

namespace {
struct FileCloser {
    void operator()(FILE* f) const {
        if (f) std::fclose(f);
    }
};
using FilePtr = std::unique_ptr<FILE, FileCloser>;
}  // namespace

Result<std::monostate> writePng(const std::string& path, const RgbaImage& image, double dpi) {
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() != size_t(image.width) * image.height * 4)
        return makeError("cannot write " + path + ": the image is empty or malformed");
    FilePtr f(std::fopen(path.c_str(), "wb"));
    if (!f) return makeError("cannot write " + path + ": " + std::strerror(errno));
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        return makeError("cannot write " + path + ": out of memory");
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return makeError("cannot write " + path + ": libpng failed (disk full?)");
    }
    png_init_io(png, f.get());
    // Maps are mostly flat colour: one cheap filter and a fast zlib level
    // compress them nearly as well as the defaults at a third of the time.
    // An opaque image is written without its alpha channel.
    bool opaque = true;
    for (size_t i = 3; i < image.pixels.size() && opaque; i += 4) opaque = image.pixels[i] == 255;
    png_set_compression_level(png, 3);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_IHDR(png, info, png_uint_32(image.width), png_uint_32(image.height), 8,
                 opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    if (dpi > 0) {
        const auto ppm = png_uint_32(std::lround(dpi / 0.0254));
        png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
    }
    png_write_info(png, info);
    if (opaque) png_set_filler(png, 0, PNG_FILLER_AFTER);  // rows stay RGBA in memory; the filler byte is dropped
    for (int y = 0; y < image.height; ++y)
        png_write_row(png, const_cast<png_bytep>(image.pixels.data() + size_t(y) * image.width * 4));
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    if (std::fflush(f.get()) != 0) return makeError("cannot write " + path + ": " + std::strerror(errno));
    return std::monostate{};
}

Result<RgbaImage> readPng(const std::string& path) {
    png_image img;
    std::memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path.c_str()))
        return makeError("cannot read " + path + ": " + img.message);
    img.format = PNG_FORMAT_RGBA;
    RgbaImage out;
    out.width = int(img.width);
    out.height = int(img.height);
    out.pixels.resize(PNG_IMAGE_SIZE(img));
    if (!png_image_finish_read(&img, nullptr, out.pixels.data(), 0, nullptr))
        return makeError("cannot read " + path + ": " + img.message);
    return out;
}

}  // namespace bl::io
