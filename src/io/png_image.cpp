#include "io/png_image.hpp"

#include <png.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "io/output_file.hpp"

namespace bl::io {

namespace {

// Where libpng's bytes go: buffered, then written to the output. On failure
// the callbacks below record why and leave through png_error / longjmp, so
// they keep no C++ object alive across it.
struct PngSink {
    OutputFile* out = nullptr;
    std::string buffer;
    std::string error;       // our sentence, when writing failed
    std::string pngMessage;  // libpng's own text, otherwise
};

constexpr size_t kSinkBuffer = 1 << 18;

bool flushSink(PngSink& sink) {
    if (sink.buffer.empty()) return true;
    auto w = sink.out->write(sink.buffer);
    sink.buffer.clear();
    if (!w) sink.error = w.error().message;
    return w.ok();
}

void sinkWrite(png_structp png, png_bytep data, png_size_t n) {
    auto* sink = static_cast<PngSink*>(png_get_io_ptr(png));
    sink->buffer.append(reinterpret_cast<const char*>(data), n);
    if (sink->buffer.size() >= kSinkBuffer && !flushSink(*sink)) png_error(png, "write failed");
}

void sinkFlush(png_structp png) {
    if (!flushSink(*static_cast<PngSink*>(png_get_io_ptr(png)))) png_error(png, "write failed");
}

void recordError(png_structp png, png_const_charp message) {
    auto* sink = static_cast<PngSink*>(png_get_error_ptr(png));
    if (sink->pngMessage.empty()) sink->pngMessage = message ? message : "unknown error";
    png_longjmp(png, 1);
}

void ignoreWarning(png_structp, png_const_charp) {}

// The libpng calls, in a function of their own that holds no C++ object,
// so that a longjmp out of them skips no destructor.
bool encode(png_structp png, png_infop info, const RgbaImage& image, double dpi) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_write_fn(png, png_get_error_ptr(png), sinkWrite, sinkFlush);
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
    return true;
}

}  // namespace

Result<std::monostate> writePng(OutputFile& out, const RgbaImage& image, double dpi) {
    const std::string name = out.target().kind == OutputKind::Stdout ? "standard output" : out.target().path;
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() != size_t(image.width) * image.height * 4)
        return makeError("cannot write " + name + ": the image is empty or malformed");
    PngSink sink;
    sink.out = &out;
    sink.buffer.reserve(kSinkBuffer + 65536);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, recordError, ignoreWarning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        return makeError("cannot write " + name + ": out of memory");
    }
    const bool encoded = encode(png, info, image, dpi);
    png_destroy_write_struct(&png, &info);
    if (encoded && !flushSink(sink)) return makeError(sink.error);
    if (!sink.error.empty()) return makeError(sink.error);
    if (!encoded) return makeError("cannot write " + name + ": the PNG encoder failed (" + sink.pngMessage + ")");
    return std::monostate{};
}

Result<std::monostate> writePng(const std::string& path, const RgbaImage& image, double dpi) {
    auto target = resolveOutput(path, true);
    if (!target) return target.error();
    auto out = OutputFile::open(*target);
    if (!out) return out.error();
    if (auto w = writePng(*out, image, dpi); !w) return w;
    if (auto c = out->commit(); !c) return c.error();
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
