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
#include "render/engine_types.hpp"
#include "render/map_legend.hpp"
#include "render/map_renderer.hpp"

namespace bl::render {

// The camera of the export: the frame fitted into the map area between the
// title band and the footer, refitted around the boxes over the map (with
// frameIsImage, to the image's edges). Also the image's georeference (not
// rotated: pixel (0,0)'s top-left corner is camera.toWorld({0,0})).
// layoutExport(...).camera.
Camera exportCamera(const ExportSpec& spec, const FontSet& fonts, const Dataset& data, const MapGeometry& geometry);

// Angle (radians, clockwise from screen up) of true north at the camera's centre.
double northAngle(const Camera& camera);

// The annotated frame without drawing it: the camera and the scene with
// every decoration (title, information box, legend, scale bar, north arrow,
// furniture) laid out, for either backend. Errors: sizes out of range.
struct ExportLayout {
    Camera camera;
    Scene scene;
    std::vector<Box> boxes;  // over the map: information, list, legend, north arrow, scale bar, inset (pixels)
};
Result<ExportLayout> layoutExport(const FontSet& fonts, const Dataset& data, const MapGeometry& geometry,
                                  const ExportSpec& spec);

// Renders the annotated frame. `fonts` must be the renderer's (loaded at
// scale dpi / 96). Errors: sizes out of range, GL failures.
Result<io::RgbaImage> renderExport(MapRenderer& renderer, const FontSet& fonts, const Dataset& data,
                                   const MapGeometry& geometry, const ExportSpec& spec);
// The same for a page already laid out (its camera is the georeference).
Result<io::RgbaImage> renderExport(MapRenderer& renderer, const ExportSpec& spec, const ExportLayout& layout);

}  // namespace bl::render
