#pragma once
// Writing exported map images: a PNG (with its DPI in pHYs) and, when
// georeferenced, a world file (.pgw) and a GDAL PAM sidecar (.png.aux.xml,
// written by GDAL itself) carrying the geotransform and the working CRS, so
// QGIS places the image. All files are written under temporary names in the
// target directory and renamed into place only when every one succeeded:
// a failed export leaves nothing. Existing files are kept unless `force`.
#include <array>
#include <optional>
#include <string>

#include "io/output_file.hpp"
#include "io/png_image.hpp"

namespace bl::io {

// GDAL order: originX, pixel width, row rotation, originY, column rotation,
// pixel height (negative: rows go south). Origin = top-left corner of pixel (0,0).
using GeoTransform = std::array<double, 6>;

// "map.png" -> "map.pgw"; "map" -> "map.pgw".
std::string worldFilePath(const std::string& pngPath);
// The six lines of a world file (pixel centre of the top-left pixel).
std::string worldFileText(const GeoTransform& gt);

struct ExportFiles {
    std::string png;
    std::optional<std::string> worldFile, auxXml;  // set when georeferenced
    size_t pngBytes = 0;
};

enum class ExportFormat { Png, Pdf, Svg };

// What an export may write to (-o) and in which format: "-" (standard
// output) or an existing FIFO or character device (PNG), or a name ending in
// .png, .pdf or .svg (any case); with `georef` only a .png file name (the
// side-cars are named after it). Errors name -o and are ErrorKind::Option.
Result<ExportFormat> checkExportOutput(const std::string& path, bool georef);

// Where an atlas goes: a .pdf file (every page), or a directory (an existing
// one, or a path ending in "/") that gets a PNG per page; PngDirectory then.
enum class AtlasOutput { Pdf, PngDirectory };
Result<AtlasOutput> checkAtlasOutput(const std::string& path, bool georef);

// Checks, then writes (io/output_file.hpp: "-", FIFOs and character devices
// are written into; georeferencing needs a regular file). `crs` is any definition GDAL's OSR accepts (PROJ string, WKT,
// EPSG:n).
Result<ExportFiles> writeExportPng(const std::string& path, const RgbaImage& image, double dpi,
                                   const std::optional<GeoTransform>& georef, const std::string& crs, bool force);

}  // namespace bl::io
