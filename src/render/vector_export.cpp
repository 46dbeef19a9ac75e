#include "render/vector_export.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/names/utf8.hpp"
#include "io/output_file.hpp"
#include "render/map_export.hpp"
#include "render/map_frame.hpp"
#include "render/map_style.hpp"

namespace bl::render {

namespace {

struct ScaledFontFree {
    void operator()(cairo_scaled_font_t* f) const { cairo_scaled_font_destroy(f); }
};
using ScaledFont = std::unique_ptr<cairo_scaled_font_t, ScaledFontFree>;

// One face of a file at the em size that gives it a line box (ascender +
// descender) of `lineBoxPx`, as fonts.cpp sizes the faces it rasterises.
ScaledFont openFace(const std::string& file, double lineBoxPx) {
    if (file.empty()) return nullptr;
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(file.c_str()));
    FcPatternAddInteger(pattern, FC_INDEX, 0);
    cairo_font_face_t* face = cairo_ft_font_face_create_for_pattern(pattern);
    FcPatternDestroy(pattern);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    auto make = [&](double em) {
        cairo_matrix_t size, identity;
        cairo_matrix_init_scale(&size, em, em);
        cairo_matrix_init_identity(&identity);
        return ScaledFont(cairo_scaled_font_create(face, &size, &identity, options));
    };
    ScaledFont probe = make(1.0);
    double perEm = 1.0;
    if (FT_Face ft = cairo_ft_scaled_font_lock_face(probe.get())) {
        if (ft->units_per_EM > 0 && ft->ascender - ft->descender > 0)
            perEm = double(ft->ascender - ft->descender) / ft->units_per_EM;
        cairo_ft_scaled_font_unlock_face(probe.get());
    }
    ScaledFont out = make(lineBoxPx / perEm);
    cairo_font_options_destroy(options);
    cairo_font_face_destroy(face);
    if (cairo_scaled_font_status(out.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
    return out;
}

bool inRanges(std::span<const CodePointRange> ranges, char32_t c) {
    for (const auto& r : ranges)
        if (c >= r.first && c <= r.last) return true;
    return false;
}

// The faces of the three text roles, chosen per code point as fonts.cpp
// chooses them: the text face, else the symbol face (Vietnamese ranges) or
// the Lao face (Lao block).
class CairoFonts {
public:
    enum Face { Text, Symbols, Lao };
    explicit CairoFonts(const FontSet& fonts) {
        const struct {
            ScreenFont role;
            const std::string& file;
            const std::string& lao;
        } roles[] = {{ScreenFont::Label, fonts.regularFile, fonts.lao.regularFile},
                     {ScreenFont::LabelBold, fonts.boldFile, fonts.lao.boldFile},
                     {ScreenFont::Title, fonts.boldFile, fonts.lao.boldFile}};
        for (const auto& r : roles) {
            const double size = fontFor(fonts, r.role).size;
            auto& faces = m_faces[int(r.role)];
            faces[Text] = openFace(r.file, size);
            faces[Symbols] = openFace(fonts.symbolFile, size);
            faces[Lao] = openFace(r.lao, size * fonts.lao.lineBoxRatio);
        }
    }
    bool ok() const {
        for (const auto& f : m_faces)
            if (!f[Text]) return false;
        return true;
    }
    cairo_scaled_font_t* face(ScreenFont role, int face) const { return m_faces[int(role)][face].get(); }
    // The face and glyph index of `c` in `role` (index 0: none).
    std::pair<int, unsigned> glyph(ScreenFont role, char32_t c) const {
        const int fallback = inRanges(laoGlyphRanges(), c) ? Lao : Symbols;
        for (int f : {int(Text), fallback}) {
            cairo_scaled_font_t* sf = face(role, f);
            if (!sf) continue;
            FT_Face ft = cairo_ft_scaled_font_lock_face(sf);
            const unsigned index = ft ? FT_Get_Char_Index(ft, c) : 0;
            cairo_ft_scaled_font_unlock_face(sf);
            if (index) return {f, index};
        }
        return {Text, 0};
    }

private:
    ScaledFont m_faces[3][3];
};

void setColour(cairo_t* cr, Rgba c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

// One text item: each glyph where Font::layout puts it in the PNG (left
// edge and baseline on whole pixels), in runs per face, with the UTF-8 of
// each glyph attached (one cluster per code point) so viewers find and copy
// the text; the halo is the glyphs' outline stroked under them.
void drawText(cairo_t* cr, const CairoFonts& cf, const FontSet& fonts, const ScreenItem& it) {
    const Font& font = fontFor(fonts, it.font);
    const double left = std::round(it.at.x), baseline = std::round(it.at.y) + font.ascent;
    std::vector<double> pens;
    font.layout(it.text, [&](const Glyph&, double pen) { pens.push_back(pen); });
    struct Run {
        int face = 0;
        std::vector<cairo_glyph_t> glyphs;
        std::string utf8;
        std::vector<cairo_text_cluster_t> clusters;
    };
    std::vector<Run> runs;
    std::string_view rest = it.text;
    size_t k = 0;
    while (!rest.empty() && k < pens.size()) {
        const char* start = rest.data();
        const char32_t c = popCodePoint(rest);
        const int bytes = int(rest.data() - start);
        if (!font.glyphOrFallback(c)) continue;  // layout skipped it too
        const double pen = pens[k++];
        const auto [face, index] = cf.glyph(it.font, font.glyph(c) ? c : U'?');
        if (!index) continue;
        if (runs.empty() || runs.back().face != face) runs.push_back({face, {}, {}, {}});
        runs.back().glyphs.push_back({index, left + pen, baseline});
        runs.back().utf8.append(start, size_t(bytes));
        runs.back().clusters.push_back({bytes, 1});
    }
    if (it.halo.a > 0 && it.haloWidth > 0) {
        cairo_new_path(cr);
        for (const Run& r : runs) {
            cairo_set_scaled_font(cr, cf.face(it.font, r.face));
            cairo_glyph_path(cr, r.glyphs.data(), int(r.glyphs.size()));
        }
        setColour(cr, it.halo);
        cairo_set_line_width(cr, 2.0 * it.haloWidth);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
    }
    setColour(cr, it.colour);
    for (const Run& r : runs) {
        cairo_set_scaled_font(cr, cf.face(it.font, r.face));
        cairo_show_text_glyphs(cr, r.utf8.data(), int(r.utf8.size()), r.glyphs.data(), int(r.glyphs.size()),
                               r.clusters.data(), int(r.clusters.size()), cairo_text_cluster_flags_t(0));
    }
}

void drawItem(cairo_t* cr, const CairoFonts& cf, const FontSet& fonts, const ScreenItem& it) {
    if (!it.text.empty()) {
        drawText(cr, cf, fonts, it);
        return;
    }
    cairo_new_path(cr);
    if (!it.line.empty()) {
        cairo_move_to(cr, it.line[0].x, it.line[0].y);
        for (size_t i = 1; i < it.line.size(); ++i) cairo_line_to(cr, it.line[i].x, it.line[i].y);
        setColour(cr, it.colour);
        cairo_set_line_width(cr, it.lineWidth);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
        cairo_stroke(cr);
        return;
    }
    // One path of all the triangles, filled by winding: no seams between them.
    for (size_t i = 0; i + 2 < it.triangles.size(); i += 3) {
        cairo_move_to(cr, it.triangles[i].x, it.triangles[i].y);
        cairo_line_to(cr, it.triangles[i + 1].x, it.triangles[i + 1].y);
        cairo_line_to(cr, it.triangles[i + 2].x, it.triangles[i + 2].y);
        cairo_close_path(cr);
    }
    setColour(cr, it.colour);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_fill(cr);
}

// Appends a line (or a ring, closed) in screen pixels, dropping points
// within a fifth of a pixel of the previous one.
void addPath(cairo_t* cr, const Camera& cam, const LineString& line) {
    if (line.size() < 2) return;
    Vec2 last = cam.toScreen(line[0]);
    cairo_move_to(cr, last.x, last.y);
    for (size_t i = 1; i < line.size(); ++i) {
        const Vec2 q = cam.toScreen(line[i]);
        if (i + 1 < line.size() && std::fabs(q.x - last.x) < 0.2 && std::fabs(q.y - last.y) < 0.2) continue;
        cairo_line_to(cr, q.x, q.y);
        last = q;
    }
    if (line.size() > 3 && line.front().x == line.back().x && line.front().y == line.back().y) cairo_close_path(cr);
}

void addPolygons(cairo_t* cr, const Camera& cam, const MultiPolygon& mp) {
    for (const auto& poly : mp.polygons)
        for (const auto& ring : poly.rings) addPath(cr, cam, ring);
}

// As the OpenGL strips draw lines: butt ends, mitred joins, bevelled past
// twice the half width (map_geometry.cpp, LineStrip::append).
void stroke(cairo_t* cr, Rgba c, double width) {
    setColour(cr, c);
    cairo_set_line_width(cr, width);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_set_miter_limit(cr, 2.0);
    cairo_stroke(cr);
}

void fill(cairo_t* cr, Rgba c) {
    setColour(cr, c);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_fill(cr);
}

// One page: the passes of MapRenderer::draw in the same order and looks
// (map_passes.cpp), then the same screen items.
Result<std::monostate> drawPage(cairo_t* cr, const CairoFonts& cf, const FontSet& fonts, const Dataset& data,
                                const MapGeometry& g, const ExportSpec& spec) {
    auto layout = layoutExport(fonts, data, g, spec);
    if (!layout) return layout.error();
    const Camera& cam = layout->camera;
    FrameStats stats;
    std::vector<Box> labelBoxes;
    Frame f(layout->scene, cam, fonts, stats, labelBoxes);
    f.begin(&data, &g, nullptr);
    const Vec2 o = g.origin;
    // Labels are placed on the PNG's level; paths come from the level of
    // half its pixels, so they stay smooth when the page is zoomed into.
    const size_t fine = lodForScale(f.mpp / 2);
    f.lods.assign(data.layers.size(), nullptr);
    f.levels.assign(data.layers.size(), f.lod);
    std::vector<const LayerLod*> paths(data.layers.size(), nullptr);
    std::vector<bool> used(data.layers.size());
    for (size_t li = 0; li < used.size(); ++li) used[li] = f.visible(li);
    for (const auto& h : f.highlights)
        if (h.unit.valid() && size_t(h.unit.layer) < used.size()) used[size_t(h.unit.layer)] = true;
    for (size_t li = 0; li < used.size(); ++li)
        if (used[li]) {
            f.lods[li] = &g.lod(li, f.lod);
            paths[li] = &g.lod(li, fine);
        }

    cairo_save(cr);
    cairo_rectangle(cr, 0, 0, spec.width, spec.height);
    cairo_clip(cr);
    setColour(cr, layout->scene.style.background);
    cairo_paint(cr);
    const float s = f.s;

    // The context countries: land, then the neighbours' borders.
    if (!g.contextFeatures().empty()) {
        const ContextLook look = contextLook();
        const auto& features = g.contextFeatures();
        for (const auto& feature : features) {
            if (!feature.bounds.intersects(f.view)) continue;
            cairo_new_path(cr);
            addPolygons(cr, cam, feature.geometry);
            fill(cr, feature.own ? look.ownLand : look.neighbourFill);
        }
        const LayerLod& context = g.context(fine);
        cairo_new_path(cr);
        for (size_t i = 0; i < features.size() && i < context.outlineRanges.size(); ++i)
            for (const auto& line : stripPolylines(context.outline, context.outlineRanges[i], o)) addPath(cr, cam, line);
        stroke(cr, look.border, look.borderWidthPx * s);
    }
    auto unitPath = [&](size_t li, size_t u) {
        for (const auto& ring : stripPolylines(paths[li]->outline, paths[li]->outlineRanges[u], o)) addPath(cr, cam, ring);
    };
    // Fills, each unit shaded as the fill shader shades it.
    for (size_t li = 0; li < data.layers.size(); ++li) {
        if (!f.visible(li) || !paths[li] || !g.filled(li)) continue;
        const Layer& layer = data.layers[li];
        const LayerLook look = lookFor(layer.spec.country, layer.spec.level);
        for (size_t u = 0; u < layer.units.size(); ++u) {
            if (!layer.units[u].bounds.intersects(f.view)) continue;
            const Range r = u < paths[li]->fillRanges.size() ? paths[li]->fillRanges[u] : Range{};
            const float shade = r.count ? paths[li]->fill[r.first].shade : 0.0f;
            cairo_new_path(cr);
            unitPath(li, u);
            fill(cr, shadedFill({look.fill.r, look.fill.g, look.fill.b, 1}, shade));
        }
    }
    auto validUnit = [&](UnitKey k) {
        return k.valid() && size_t(k.layer) < data.layers.size() &&
               size_t(k.unit) < data.layers[size_t(k.layer)].units.size() && paths[size_t(k.layer)];
    };
    for (const auto& h : f.highlights) {
        if (!validUnit(h.unit)) continue;
        cairo_new_path(cr);
        unitPath(size_t(h.unit.layer), size_t(h.unit.unit));
        fill(cr, {h.colour.r, h.colour.g, h.colour.b, 0.28f * h.colour.a});
    }
    for (const ScreenItem& item : layout->scene.underlay) drawItem(cr, cf, fonts, item);  // the graticule
    // Outlines: fine levels first, provinces over them.
    for (Level level : {Level::Commune, Level::District, Level::Province})
        for (size_t li = 0; li < data.layers.size(); ++li) {
            const Layer& layer = data.layers[li];
            if (!f.visible(li) || layer.spec.level != level || !paths[li]) continue;
            const LayerLook look = lookFor(layer.spec.country, level);
            cairo_new_path(cr);
            for (size_t u = 0; u < layer.units.size(); ++u)
                if (layer.units[u].bounds.intersects(f.view)) unitPath(li, u);
            stroke(cr, look.outline, look.widthPx * s);
        }
    // The Viet Nam–Laos border on its casing.
    {
        const LineStrip& border = g.border(fine);
        cairo_new_path(cr);
        for (const auto& line : stripPolylines(border, {0, uint32_t(border.vertices.size())}, o)) addPath(cr, cam, line);
        cairo_path_t* path = cairo_copy_path(cr);
        stroke(cr, {1, 1, 1, 0.85f}, 6.0 * s);
        cairo_append_path(cr, path);
        cairo_path_destroy(path);
        stroke(cr, borderColour(), 3.2 * s);
    }
    for (const auto& h : f.highlights) {
        if (!validUnit(h.unit)) continue;
        cairo_new_path(cr);
        unitPath(size_t(h.unit.layer), size_t(h.unit.unit));
        stroke(cr, h.colour, 2.6 * s);
    }
    // Overlay: connectors, then segments on a white casing.
    for (const auto& c : f.scene.overlay.connectors) {
        cairo_new_path(cr);
        addPath(cr, cam, {c.from, c.to});
        stroke(cr, c.colour, 2.0 * s);
    }
    for (const auto& seg : f.scene.overlay.segments) {
        for (int pass = seg.casing ? 0 : 1; pass < 2; ++pass) {
            cairo_new_path(cr);
            for (const auto& line : seg.lines) addPath(cr, cam, line);
            if (pass == 0)
                stroke(cr, {1, 1, 1, 0.9f}, (seg.widthPx + 3.0) * s);
            else
                stroke(cr, seg.colour, seg.widthPx * s);
        }
    }

    ScreenLayout screen(fonts);
    screen.setData(&data, &g);
    screen.run(f);
    for (const ScreenItem& item : f.screen) drawItem(cr, cf, fonts, item);
    cairo_restore(cr);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return makeError(std::string("cairo failed while drawing: ") + cairo_status_to_string(cairo_status(cr)));
    return std::monostate{};
}

struct Sink {
    io::OutputFile* file = nullptr;
    std::optional<Error> error;
};

cairo_status_t writeToSink(void* closure, const unsigned char* data, unsigned int length) {
    auto* sink = static_cast<Sink*>(closure);
    if (sink->error) return CAIRO_STATUS_WRITE_ERROR;
    auto ok = sink->file->write({reinterpret_cast<const char*>(data), length});
    if (!ok) {
        sink->error = ok.error();
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<VectorOutcome> writeVectorExport(const std::string& output, bool force, VectorFormat format,
                                        const FontSet& fonts, const Dataset& data, const MapGeometry& geometry,
                                        const std::vector<ExportSpec>& pages, const std::string& title) {
    if (pages.empty()) return makeError("nothing to export: no pages");
    if (format == VectorFormat::Svg && pages.size() > 1)
        return optionError(output + ": an SVG holds one page; write a multi-page atlas as .pdf or into a directory of PNGs");
    const CairoFonts cf(fonts);
    if (!cf.ok()) return makeError("cairo cannot open the label fonts (" + fonts.regularFile + ", " + fonts.boldFile + ")");
    auto target = io::resolveOutput(output, force);
    if (!target) return target.error();
    auto file = io::OutputFile::open(*target);
    if (!file) return file.error();
    Sink sink{&*file, std::nullopt};
    auto points = [](const ExportSpec& spec, int px) { return px * 72.0 / spec.dpi; };
    const ExportSpec& first = pages.front();
    cairo_surface_t* surface =
        format == VectorFormat::Pdf
            ? cairo_pdf_surface_create_for_stream(writeToSink, &sink, points(first, first.width), points(first, first.height))
            : cairo_svg_surface_create_for_stream(writeToSink, &sink, points(first, first.width), points(first, first.height));
    if (format == VectorFormat::Pdf) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, (title.empty() ? first.title : title).c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "borderlens");
    }
    cairo_t* cr = cairo_create(surface);
    std::optional<Error> failure;
    for (const ExportSpec& spec : pages) {
        if (format == VectorFormat::Pdf) cairo_pdf_surface_set_size(surface, points(spec, spec.width), points(spec, spec.height));
        cairo_identity_matrix(cr);
        cairo_scale(cr, 72.0 / spec.dpi, 72.0 / spec.dpi);  // user space: the export's pixels
        auto ok = drawPage(cr, cf, fonts, data, geometry, spec);
        if (!ok) {
            failure = ok.error();
            break;
        }
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (failure) return *failure;
    if (sink.error) return *sink.error;
    if (status != CAIRO_STATUS_SUCCESS)
        return makeError("cannot write " + output + ": cairo: " + cairo_status_to_string(status));
    VectorOutcome out;
    out.bytes = file->bytesWritten();
    out.pages = pages.size();
    if (auto ok = file->commit(); !ok) return ok.error();
    return out;
}

}  // namespace bl::render
