#pragma once
// Annotated map images for reports: the map renderer's frame with a title
// band, an information box (e.g. a pair's units, link kind, date and shared
// border), a legend listing exactly what is drawn, a scale bar true at the
// frame's centre latitude, a north arrow turned to the meridian there (the
// working CRS is a conic: north is "up" only on 106°E) and an attribution
// line. Everything scales with the DPI (MapStyle::scale = dpi / 96), so a
// 300-dpi export looks like the 96-dpi one, only sharper.
//
// Frames larger than the GL framebuffer limit are drawn in tiles through the
// same camera (MapRenderer::draw with a tile) and stitched; annotations and
// labels are laid out once for the whole frame, so tiles join seamlessly.
//
// Threading: needs the renderer's GL context current on the calling thread.
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/result.hpp"
#include "io/png_image.hpp"
#include "render/camera.hpp"
#include "render/fonts.hpp"
#include "render/map_geometry.hpp"
#include "render/map_renderer.hpp"
#include "render/scene.hpp"

namespace bl::render {

inline constexpr int kMaxExportSide = 30000;  // pixels per side; beyond that the image is absurd

struct ExportSpec {
    int width = 1600, height = 1000;  // pixels
    double dpi = 96.0;
    Box frame;                        // working CRS metres that must be visible (fitted below the title band)
    Scene scene;                      // layers, overlay, labels on/off; style.scale and decorations are set here
    std::string title, subtitle;
    std::vector<std::string> info;    // lines of the information box (top left); none = no box
    std::string attribution;
    int maxTile = 0;                  // largest tile side; 0 = what the GL allows
};

struct LegendEntry {
    enum class Kind { Fill, Line, Symbol };
    Kind kind = Kind::Fill;
    Rgba fill, line;
    float widthPx = 1.0f;
    SymbolKind symbol = SymbolKind::BorderGate;
    bool approximate = false;
    std::string text;
};

// The camera of the export frame: `frame` fitted between the title band and
// the attribution line. Also the image's georeference (not rotated: pixel
// (0,0)'s top-left corner is camera.toWorld({0,0})).
Camera exportCamera(const ExportSpec& spec, const FontSet& fonts);

// What the legend lists for this frame: the fills and boundary levels
// actually visible in it, the international border when it crosses the frame,
// the overlay's highlights, segments and symbols when present.
std::vector<LegendEntry> legendFor(const Dataset& data, const MapGeometry& geometry, const Scene& scene,
                                   const Camera& camera);

// Angle (radians, clockwise from screen up) of true north at the camera's centre.
double northAngle(const Camera& camera);

// Renders the annotated frame. `fonts` must be the renderer's (loaded at
// scale dpi / 96). Errors: sizes out of range, GL failures.
Result<io::RgbaImage> renderExport(MapRenderer& renderer, const FontSet& fonts, const Dataset& data,
                                   const MapGeometry& geometry, const ExportSpec& spec);

// Checks a requested size (pixels per side 1..kMaxExportSide, at most 400
// megapixels); errors name the option.
Result<std::monostate> checkExportSize(int width, int height, const std::string& option = "--size");

}  // namespace bl::render
