#pragma once
// Vector exports: the annotated frame of an ExportSpec as PDF (through
// cairo; one page per spec: an atlas) or SVG (written as text), drawn by one
// page-drawing pass from the same layout as the OpenGL export (layoutExport:
// camera, decorations; ScreenLayout: symbols, labels and their placement),
// so a PDF, an SVG and a PNG of one request agree. Lines and fills are
// paths; text is text in the Noto faces the labels use, searchable and
// selectable, each glyph where the PNG puts it: the PDF embeds subsets, the
// SVG has <text> with an x per code point and embeds the whole face files it
// uses as @font-face data URLs. No GL context is needed.
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "render/camera.hpp"
#include "render/engine_types.hpp"
#include "render/fonts.hpp"

namespace bl::render {

enum class VectorFormat { Pdf, Svg };

struct VectorOutcome {
    size_t bytes = 0;
    size_t pages = 0;
    Camera camera;  // the first page's (layoutExport)
};

// Writes every spec as a page of `output` (atomically; an existing file only
// with `force`). The pages share `fonts` (loaded at the specs' DPI / 96);
// each page is WIDTH x HEIGHT pixels at its DPI (a 3508x2480 page at 300 dpi
// is A4). SVG holds one page. `title` and `date` go into the PDF's metadata.
Result<VectorOutcome> writeVectorExport(const std::string& output, bool force, VectorFormat format,
                                        const FontSet& fonts, const Dataset& data, const MapGeometry& geometry,
                                        const std::vector<ExportSpec>& pages, const std::string& title = {});

}  // namespace bl::render
