#include "render/vector_export.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include "core/names/utf8.hpp"
#include "io/byte_codec.hpp"
#include "io/output_file.hpp"
#include "io/regular_file.hpp"
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
    // The em size openFace gave the face (pixels), 0 when it is missing.
    double emSize(ScreenFont role, int face) const {
        cairo_scaled_font_t* sf = this->face(role, face);
        if (!sf) return 0;
        cairo_matrix_t m;
        cairo_scaled_font_get_font_matrix(sf, &m);
        return m.xx;
    }
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

// One text item as the PNG lays it out (Font::layout): per code point drawn,
// the code point whose glyph shows (one the atlas lacks shows as "?"), its
// UTF-8 and its pen; left edge and baseline on whole pixels.
struct TextRun {
    struct Char {
        char32_t shown;
        std::string_view utf8;
        double x;
    };
    ScreenFont role = ScreenFont::Label;
    double baseline = 0;
    std::vector<Char> chars;
    Rgba colour, halo{0, 0, 0, 0};
    double haloWidth = 0;  // halo.a > 0 and haloWidth > 0: stroked under the glyphs, 2 x this wide
};

TextRun textRun(const FontSet& fonts, const ScreenItem& it) {
    const Font& font = fontFor(fonts, it.font);
    const double left = std::round(it.at.x);
    std::vector<double> pens;
    font.layout(it.text, [&](const Glyph&, double pen) { pens.push_back(pen); });
    TextRun run{it.font, std::round(it.at.y) + font.ascent, {}, it.colour, it.halo, it.haloWidth};
    std::string_view rest = it.text;
    size_t k = 0;
    while (!rest.empty() && k < pens.size()) {
        const char* start = rest.data();
        const char32_t c = popCodePoint(rest);
        if (!font.glyphOrFallback(c)) continue;  // layout skipped it too
        run.chars.push_back({font.glyph(c) ? c : U'?', {start, size_t(rest.data() - start)}, left + pens[k++]});
    }
    return run;
}

// The chars of a run in consecutive pieces of one face (CairoFonts::Face);
// glyph index 0: no face has it (cairo leaves it out, SVG viewers fall back).
struct FaceRun {
    int face = CairoFonts::Text;
    size_t first = 0, count = 0;
    std::vector<unsigned> glyphs;
};

std::vector<FaceRun> faceRuns(const CairoFonts& cf, const TextRun& run) {
    std::vector<FaceRun> out;
    for (size_t i = 0; i < run.chars.size(); ++i) {
        auto [face, index] = cf.glyph(run.role, run.chars[i].shown);
        if (!index && !out.empty()) face = out.back().face;
        if (out.empty() || out.back().face != face) out.push_back({face, i, 0, {}});
        out.back().count++;
        out.back().glyphs.push_back(index);
    }
    return out;
}

// What a page is drawn onto, in the export's pixels (y down): the PDF
// through cairo, the SVG as text. A path is built with moveTo / lineTo /
// closePath and used up by fill or stroke.
class Canvas {
public:
    virtual ~Canvas() = default;
    // The page: clipped to width x height and painted; endPage closes it.
    virtual void beginPage(double width, double height, Rgba background) = 0;
    virtual void endPage() = 0;
    virtual void newPath() = 0;
    virtual void moveTo(double x, double y) = 0;
    virtual void lineTo(double x, double y) = 0;
    virtual void closePath() = 0;
    virtual void fill(Rgba c, bool evenOdd) = 0;
    // As the OpenGL strips draw lines: butt ends, mitred joins, bevelled
    // past twice the half width (map_geometry.cpp, LineStrip::append).
    virtual void stroke(Rgba c, double width) = 0;
    virtual void text(const TextRun& run) = 0;
};

class CairoCanvas final : public Canvas {
public:
    CairoCanvas(cairo_t* cr, const CairoFonts& fonts) : m_cr(cr), m_fonts(fonts) {}
    void beginPage(double width, double height, Rgba background) override {
        cairo_save(m_cr);
        cairo_rectangle(m_cr, 0, 0, width, height);
        cairo_clip(m_cr);
        setColour(background);
        cairo_paint(m_cr);
    }
    void endPage() override { cairo_restore(m_cr); }
    void newPath() override { cairo_new_path(m_cr); }
    void moveTo(double x, double y) override { cairo_move_to(m_cr, x, y); }
    void lineTo(double x, double y) override { cairo_line_to(m_cr, x, y); }
    void closePath() override { cairo_close_path(m_cr); }
    void fill(Rgba c, bool evenOdd) override {
        setColour(c);
        cairo_set_fill_rule(m_cr, evenOdd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
        cairo_fill(m_cr);
    }
    void stroke(Rgba c, double width) override {
        setColour(c);
        cairo_set_line_width(m_cr, width);
        cairo_set_line_cap(m_cr, CAIRO_LINE_CAP_BUTT);
        cairo_set_line_join(m_cr, CAIRO_LINE_JOIN_MITER);
        cairo_set_miter_limit(m_cr, 2.0);
        cairo_stroke(m_cr);
    }
    // Glyphs in runs per face with the UTF-8 of each attached (one cluster
    // per code point) so viewers find and copy the text; the halo is the
    // glyphs' outline stroked under them.
    void text(const TextRun& run) override;

private:
    void setColour(Rgba c) { cairo_set_source_rgba(m_cr, c.r, c.g, c.b, c.a); }
    cairo_t* m_cr;
    const CairoFonts& m_fonts;
};

void CairoCanvas::text(const TextRun& run) {
    struct Glyphs {
        int face;
        std::vector<cairo_glyph_t> glyphs;
        std::string utf8;
        std::vector<cairo_text_cluster_t> clusters;
    };
    std::vector<Glyphs> runs;
    for (const FaceRun& fr : faceRuns(m_fonts, run)) {
        Glyphs g{fr.face, {}, {}, {}};
        for (size_t i = 0; i < fr.count; ++i) {
            if (!fr.glyphs[i]) continue;
            const TextRun::Char& c = run.chars[fr.first + i];
            g.glyphs.push_back({fr.glyphs[i], c.x, run.baseline});
            g.utf8.append(c.utf8);
            g.clusters.push_back({int(c.utf8.size()), 1});
        }
        if (!g.glyphs.empty()) runs.push_back(std::move(g));
    }
    if (run.halo.a > 0 && run.haloWidth > 0) {
        cairo_new_path(m_cr);
        for (const Glyphs& g : runs) {
            cairo_set_scaled_font(m_cr, m_fonts.face(run.role, g.face));
            cairo_glyph_path(m_cr, g.glyphs.data(), int(g.glyphs.size()));
        }
        setColour(run.halo);
        cairo_set_line_width(m_cr, 2.0 * run.haloWidth);
        cairo_set_line_join(m_cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(m_cr);
    }
    setColour(run.colour);
    for (const Glyphs& g : runs) {
        cairo_set_scaled_font(m_cr, m_fonts.face(run.role, g.face));
        cairo_show_text_glyphs(m_cr, g.utf8.data(), int(g.utf8.size()), g.glyphs.data(), int(g.glyphs.size()),
                               g.clusters.data(), int(g.clusters.size()), cairo_text_cluster_flags_t(0));
    }
}

// A coordinate or size: at most two decimals, no trailing zeros.
std::string svgNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string svgColour(Rgba c) {
    auto channel = [](float v) { return int(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", channel(c.r), channel(c.g), channel(c.b));
    return buf;
}

// ` fill="#rrggbb"` (and its opacity when not opaque) for `what` fill / stroke.
std::string svgPaint(const char* what, Rgba c) {
    std::string s = std::string(" ") + what + "=\"" + svgColour(c) + '"';
    if (c.a < 1) s += std::string(" ") + what + "-opacity=\"" + svgNumber(std::max(0.0f, c.a) + 0.0) + '"';
    return s;
}

void appendEscaped(std::string& out, std::string_view text) {
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
}

// The SVG document as text: a path element per fill or stroke, a <text>
// per text item with an x per code point where the PNG puts its glyph, in
// the Noto faces embedded as @font-face (whole files, only those used).
class SvgCanvas final : public Canvas {
public:
    SvgCanvas(const CairoFonts& cf, const FontSet& fonts) : m_cf(cf), m_fonts(fonts) {}
    void beginPage(double width, double height, Rgba background) override {
        m_width = width;
        m_height = height;
        m_body += "<rect width=\"" + svgNumber(width) + "\" height=\"" + svgNumber(height) + '"' +
                  svgPaint("fill", background) + "/>\n";
    }
    void endPage() override {}
    void newPath() override {
        m_path.clear();
        m_command = 0;
    }
    void moveTo(double x, double y) override { point('M', x, y); }
    void lineTo(double x, double y) override { point('L', x, y); }
    void closePath() override {
        m_path += 'Z';
        m_command = 'Z';
    }
    void fill(Rgba c, bool evenOdd) override {
        if (!m_path.empty())
            m_body += "<path d=\"" + m_path + '"' + svgPaint("fill", c) + (evenOdd ? " fill-rule=\"evenodd\"" : "") + "/>\n";
        newPath();
    }
    void stroke(Rgba c, double width) override {
        if (!m_path.empty())
            m_body += "<path d=\"" + m_path + "\" fill=\"none\"" + svgPaint("stroke", c) + " stroke-width=\"" +
                      svgNumber(width) + "\"/>\n";
        newPath();
    }
    void text(const TextRun& run) override;
    // The whole document; `pointsPerPixel` scales the page's pixels into
    // points, the units of width, height and viewBox (as cairo's SVG).
    Result<std::string> document(double pointsPerPixel, const std::string& title) const;

private:
    enum Weight { Regular, Bold };
    struct Family {
        const char* name;
        const char* installed;
    };
    static Family family(int face) {
        switch (face) {
            case CairoFonts::Lao: return {"borderlens Noto Sans Lao", "Noto Sans Lao"};
            case CairoFonts::Symbols: return {"borderlens Noto Sans Math", "Noto Sans Math"};
            default: return {"borderlens Noto Sans", "Noto Sans"};
        }
    }
    std::string fontAttributes(ScreenFont role, int face);
    void point(char command, double x, double y) {
        if (command != m_command || command == 'M') m_path += command;
        else m_path += ' ';
        m_path += svgNumber(x) + ' ' + svgNumber(y);
        m_command = command;
    }

    const CairoFonts& m_cf;
    const FontSet& m_fonts;
    double m_width = 0, m_height = 0;
    std::string m_body, m_path;
    char m_command = 0;
    std::map<std::pair<int, Weight>, std::string> m_used;  // (face, weight) -> file
};

// font-family, -weight and -size of `face` in `role`; notes the face as used.
std::string SvgCanvas::fontAttributes(ScreenFont role, int face) {
    const bool bold = role != ScreenFont::Label && face != CairoFonts::Symbols;  // one symbol file
    const std::string& file = face == CairoFonts::Lao       ? (bold ? m_fonts.lao.boldFile : m_fonts.lao.regularFile)
                              : face == CairoFonts::Symbols ? m_fonts.symbolFile
                              : bold                        ? m_fonts.boldFile
                                                            : m_fonts.regularFile;
    m_used[{face, bold ? Bold : Regular}] = file;
    const Family f = family(face);
    return std::string(" font-family=\"'") + f.name + "', '" + f.installed + "', sans-serif\" font-weight=\"" +
           (bold ? "700" : "400") + "\" font-size=\"" + svgNumber(m_cf.emSize(role, face)) + '"';
}

// One <text> (a <tspan> per face when it changes within the item), the halo
// painted under the fill by paint-order, so each word is there once.
void SvgCanvas::text(const TextRun& run) {
    const std::vector<FaceRun> runs = faceRuns(m_cf, run);
    if (runs.empty()) return;
    auto xs = [&](const FaceRun& fr) {
        std::string s;
        for (size_t i = 0; i < fr.count; ++i) {
            if (i) s += ' ';
            s += svgNumber(run.chars[fr.first + i].x);
        }
        return s;
    };
    auto content = [&](const FaceRun& fr) {
        std::string s;
        for (size_t i = 0; i < fr.count; ++i) appendEscaped(s, run.chars[fr.first + i].utf8);
        return s;
    };
    std::string& b = m_body;
    b += "<text y=\"" + svgNumber(run.baseline) + '"' + svgPaint("fill", run.colour);
    if (run.halo.a > 0 && run.haloWidth > 0)
        b += svgPaint("stroke", run.halo) + " stroke-width=\"" + svgNumber(2.0 * run.haloWidth) +
             "\" stroke-linejoin=\"round\" paint-order=\"stroke fill\"";
    if (runs.size() == 1) {
        b += " x=\"" + xs(runs[0]) + '"' + fontAttributes(run.role, runs[0].face) + '>' + content(runs[0]) + "</text>\n";
        return;
    }
    b += '>';
    for (const FaceRun& fr : runs)
        b += "<tspan x=\"" + xs(fr) + '"' + fontAttributes(run.role, fr.face) + '>' + content(fr) + "</tspan>";
    b += "</text>\n";
}

Result<std::string> SvgCanvas::document(double pointsPerPixel, const std::string& title) const {
    std::string fontFaces;
    for (const auto& [key, file] : m_used) {
        if (file.empty()) continue;
        auto bytes = io::readRegularFile(file, "font to embed in the SVG");
        if (!bytes) return bytes.error();
        const bool otf = file.size() > 4 && file.compare(file.size() - 4, 4, ".otf") == 0;
        fontFaces += std::string("@font-face { font-family: \"") + family(key.first).name + "\"; font-weight: " +
                     (key.second == Bold ? "700" : "400") + "; src: url(data:font/" + (otf ? "otf" : "ttf") +
                     ";base64," + io::base64(*bytes) + ") format(\"" + (otf ? "opentype" : "truetype") + "\"); }\n";
    }
    const std::string w = svgNumber(m_width * pointsPerPixel), h = svgNumber(m_height * pointsPerPixel);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "pt\" height=\"" + h + "pt\" viewBox=\"0 0 " +
           w + ' ' + h + "\" xml:space=\"preserve\">\n";
    if (!title.empty()) {
        out += "<title>";
        appendEscaped(out, title);
        out += "</title>\n";
    }
    if (!fontFaces.empty()) out += "<style>\n" + fontFaces + "</style>\n";
    // User space: the page's pixels, clipped to the page; the stroke style of Canvas::stroke.
    out += "<clipPath id=\"page\"><rect width=\"" + svgNumber(m_width) + "\" height=\"" + svgNumber(m_height) +
           "\"/></clipPath>\n";
    char scale[32];
    std::snprintf(scale, sizeof scale, "%.9g", pointsPerPixel);
    out += std::string("<g transform=\"scale(") + scale +
           ")\" clip-path=\"url(#page)\" stroke-linecap=\"butt\" stroke-linejoin=\"miter\" stroke-miterlimit=\"2\">\n";
    out += m_body;
    out += "</g>\n</svg>\n";
    return out;
}

// One text item, or a polyline stroked, or triangles filled by winding as
// one path: no seams between them.
void drawItem(Canvas& canvas, const FontSet& fonts, const ScreenItem& it) {
    if (!it.text.empty()) {
        canvas.text(textRun(fonts, it));
        return;
    }
    canvas.newPath();
    if (!it.line.empty()) {
        canvas.moveTo(it.line[0].x, it.line[0].y);
        for (size_t i = 1; i < it.line.size(); ++i) canvas.lineTo(it.line[i].x, it.line[i].y);
        canvas.stroke(it.colour, it.lineWidth);
        return;
    }
    for (size_t i = 0; i + 2 < it.triangles.size(); i += 3) {
        canvas.moveTo(it.triangles[i].x, it.triangles[i].y);
        canvas.lineTo(it.triangles[i + 1].x, it.triangles[i + 1].y);
        canvas.lineTo(it.triangles[i + 2].x, it.triangles[i + 2].y);
        canvas.closePath();
    }
    canvas.fill(it.colour, false);
}

// Appends a line (or a ring, closed) in screen pixels, dropping points
// within a fifth of a pixel of the previous one.
void addPath(Canvas& canvas, const Camera& cam, const LineString& line) {
    if (line.size() < 2) return;
    Vec2 last = cam.toScreen(line[0]);
    canvas.moveTo(last.x, last.y);
    for (size_t i = 1; i < line.size(); ++i) {
        const Vec2 q = cam.toScreen(line[i]);
        if (i + 1 < line.size() && std::fabs(q.x - last.x) < 0.2 && std::fabs(q.y - last.y) < 0.2) continue;
        canvas.lineTo(q.x, q.y);
        last = q;
    }
    if (line.size() > 3 && line.front().x == line.back().x && line.front().y == line.back().y) canvas.closePath();
}

void addPolygons(Canvas& canvas, const Camera& cam, const MultiPolygon& mp) {
    for (const auto& poly : mp.polygons)
        for (const auto& ring : poly.rings) addPath(canvas, cam, ring);
}

// What every page of a document shares: its fonts, its map and the screen
// passes (which keep the label widths of the map's units).
struct Document {
    const CairoFonts& cf;
    const FontSet& fonts;
    const Dataset& data;
    const MapGeometry& geometry;
    ScreenLayout screen;
};

// One page: the passes of MapRenderer::draw in the same order and looks
// (map_passes.cpp), then the same screen items. Returns the page's camera.
Result<Camera> drawPage(Canvas& canvas, Document& doc, const ExportSpec& spec) {
    const FontSet& fonts = doc.fonts;
    const Dataset& data = doc.data;
    const MapGeometry& g = doc.geometry;
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
    const std::vector<bool> used = f.layersInUse();
    for (size_t li = 0; li < used.size(); ++li)
        if (used[li]) {
            f.lods[li] = &g.lod(li, f.lod);
            paths[li] = &g.lod(li, fine);
        }

    canvas.beginPage(spec.width, spec.height, layout->scene.style.background);
    const float s = f.s;

    // The context countries: land, then the neighbours' borders.
    if (!g.contextFeatures().empty()) {
        const ContextLook look = contextLook();
        const auto& features = g.contextFeatures();
        for (const auto& feature : features) {
            if (!feature.bounds.intersects(f.view)) continue;
            canvas.newPath();
            addPolygons(canvas, cam, feature.geometry);
            canvas.fill(feature.own ? look.ownLand : look.neighbourFill, true);
        }
        const LayerLod& context = g.context(fine);
        canvas.newPath();
        for (size_t i = 0; i < features.size() && i < context.outlineRanges.size(); ++i)
            for (const auto& line : stripPolylines(context.outline, context.outlineRanges[i], o)) addPath(canvas, cam, line);
        canvas.stroke(look.border, look.borderWidthPx * s);
    }
    auto unitPath = [&](size_t li, size_t u) {
        for (const auto& ring : stripPolylines(paths[li]->outline, paths[li]->outlineRanges[u], o)) addPath(canvas, cam, ring);
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
            canvas.newPath();
            unitPath(li, u);
            canvas.fill(shadedFill({look.fill.r, look.fill.g, look.fill.b, 1}, shade), true);
        }
    }
    auto validUnit = [&](UnitKey k) {
        return k.valid() && size_t(k.layer) < data.layers.size() &&
               size_t(k.unit) < data.layers[size_t(k.layer)].units.size() && paths[size_t(k.layer)];
    };
    for (const auto& h : f.highlights) {
        if (!validUnit(h.unit)) continue;
        canvas.newPath();
        unitPath(size_t(h.unit.layer), size_t(h.unit.unit));
        canvas.fill({h.colour.r, h.colour.g, h.colour.b, 0.28f * h.colour.a}, true);
    }
    for (const ScreenItem& item : layout->scene.underlay) drawItem(canvas, fonts, item);  // the graticule
    // Outlines: fine levels first, provinces over them.
    for (Level level : {Level::Commune, Level::District, Level::Province})
        for (size_t li = 0; li < data.layers.size(); ++li) {
            const Layer& layer = data.layers[li];
            if (!f.visible(li) || layer.spec.level != level || !paths[li]) continue;
            const LayerLook look = lookFor(layer.spec.country, level);
            canvas.newPath();
            for (size_t u = 0; u < layer.units.size(); ++u)
                if (layer.units[u].bounds.intersects(f.view)) unitPath(li, u);
            canvas.stroke(look.outline, look.widthPx * s);
        }
    // The Viet Nam–Laos border on its casing.
    {
        const LineStrip& border = g.border(fine);
        const auto lines = stripPolylines(border, {0, uint32_t(border.vertices.size())}, o);
        for (const auto& [colour, width] : {std::pair{Rgba{1, 1, 1, 0.85f}, 6.0}, std::pair{borderColour(), 3.2}}) {
            canvas.newPath();
            for (const auto& line : lines) addPath(canvas, cam, line);
            canvas.stroke(colour, width * s);
        }
    }
    for (const auto& h : f.highlights) {
        if (!validUnit(h.unit)) continue;
        canvas.newPath();
        unitPath(size_t(h.unit.layer), size_t(h.unit.unit));
        canvas.stroke(h.colour, 2.6 * s);
    }
    // Overlay: connectors, then segments on a white casing.
    for (const auto& c : f.scene.overlay.connectors) {
        canvas.newPath();
        addPath(canvas, cam, {c.from, c.to});
        canvas.stroke(c.colour, 2.0 * s);
    }
    for (const auto& seg : f.scene.overlay.segments) {
        for (int pass = seg.casing ? 0 : 1; pass < 2; ++pass) {
            canvas.newPath();
            for (const auto& line : seg.lines) addPath(canvas, cam, line);
            if (pass == 0)
                canvas.stroke({1, 1, 1, 0.9f}, (seg.widthPx + 3.0) * s);
            else
                canvas.stroke(seg.colour, seg.widthPx * s);
        }
    }

    doc.screen.run(f);
    for (const ScreenItem& item : f.screen) drawItem(canvas, fonts, item);
    canvas.endPage();
    return cam;
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

// The pages through cairo's PDF surface, into `file`; the first page's camera.
Result<Camera> writePdf(io::OutputFile& file, Document& doc, const std::vector<ExportSpec>& pages,
                        const std::string& title) {
    Sink sink{&file, std::nullopt};
    auto points = [](const ExportSpec& spec, int px) { return px * 72.0 / spec.dpi; };
    const ExportSpec& first = pages.front();
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(writeToSink, &sink, points(first, first.width), points(first, first.height));
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, (title.empty() ? first.title : title).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "borderlens");
    cairo_t* cr = cairo_create(surface);
    CairoCanvas canvas(cr, doc.cf);
    std::optional<Error> failure;
    Camera firstCamera;
    for (const ExportSpec& spec : pages) {
        cairo_pdf_surface_set_size(surface, points(spec, spec.width), points(spec, spec.height));
        cairo_identity_matrix(cr);
        cairo_scale(cr, 72.0 / spec.dpi, 72.0 / spec.dpi);  // user space: the export's pixels
        auto cam = drawPage(canvas, doc, spec);
        if (cam && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
            cam = makeError(std::string("cairo failed while drawing: ") + cairo_status_to_string(cairo_status(cr)));
        if (!cam) {
            failure = cam.error();
            break;
        }
        if (&spec == &pages.front()) firstCamera = *cam;
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (failure) return *failure;
    if (sink.error) return *sink.error;
    if (status != CAIRO_STATUS_SUCCESS)
        return makeError("cannot write " + file.target().path + ": cairo: " + cairo_status_to_string(status));
    return firstCamera;
}

// The one page as SVG text, into `file`; its camera.
Result<Camera> writeSvg(io::OutputFile& file, Document& doc, const ExportSpec& spec, const std::string& title) {
    SvgCanvas canvas(doc.cf, doc.fonts);
    auto cam = drawPage(canvas, doc, spec);
    if (!cam) return cam.error();
    auto text = canvas.document(72.0 / spec.dpi, title.empty() ? spec.title : title);
    if (!text) return text.error();
    if (auto ok = file.write(*text); !ok) return ok.error();
    return *cam;
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
    Document doc{cf, fonts, data, geometry, ScreenLayout(fonts)};
    doc.screen.setData(&data, &geometry);
    auto cam = format == VectorFormat::Pdf ? writePdf(*file, doc, pages, title)
                                           : writeSvg(*file, doc, pages.front(), title);
    if (!cam) return cam.error();
    VectorOutcome out;
    out.bytes = file->bytesWritten();
    out.pages = pages.size();
    out.camera = *cam;
    if (auto committed = file->commit(); !committed) return committed.error();
    return out;
}

}  // namespace bl::render
