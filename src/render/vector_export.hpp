#pragma once
// Vector exports through cairo: the annotated frame of an ExportSpec as PDF
// (one page per spec: an atlas) or SVG, drawn from the same layout as the
// OpenGL export (layoutExport: camera, decorations; ScreenLayout: symbols,
// labels and their placement), so a PDF and a PNG of one request agree.
// Lines and fills are paths; text is text in the Noto faces the labels use
// (embedded as subsets, searchable and selectable), each glyph where the
// PNG puts it. No GL context is needed.
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "render/engine_types.hpp"
#include "render/fonts.hpp"

namespace bl::render {

enum class VectorFormat { Pdf, Svg };

struct VectorOutcome {
    size_t bytes = 0;
    size_t pages = 0;
};

// Writes every spec as a page of `output` (atomically; an existing file only
// with `force`). The pages share `fonts` (loaded at the specs' DPI / 96);
// each page is WIDTH x HEIGHT pixels at its DPI (a 3508x2480 page at 300 dpi
// is A4). SVG holds one page. `title` and `date` go into the PDF's metadata.
Result<VectorOutcome> writeVectorExport(const std::string& output, bool force, VectorFormat format,
                                        const FontSet& fonts, const Dataset& data, const MapGeometry& geometry,
                                        const std::vector<ExportSpec>& pages, const std::string& title = {});

}  // namespace bl::render
