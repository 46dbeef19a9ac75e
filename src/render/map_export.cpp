#include "render/map_export.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/boundaries/crs.hpp"
#include "core/boundaries/geometry_ops.hpp"
#include "engine/overlays.hpp"
#include "render/framebuffer.hpp"
#include "render/screen_painter.hpp"

namespace bl::render {

namespace {

using Painter = ScreenPainter;

const Rgba kInk{0.12f, 0.12f, 0.14f, 1};
const Rgba kGrey{0.35f, 0.35f, 0.38f, 1};
const Rgba kPanel{1, 1, 1, 0.9f};
const Rgba kRule{0.55f, 0.55f, 0.58f, 1};

// The same symbol as the renderer draws, for the legend.
void drawSymbol(Painter& p, Vec2 c, SymbolKind k, bool approximate, float s) {
    const SymbolLook look = symbolLook(k, s);
    const double r = look.radius, rot = look.rotation;
    const int sides = look.sides;
    p.polygon(c, r + 1.5 * s, sides, rot, {1, 1, 1, 1});
    p.polygon(c, r, sides, rot, look.colour);
    if (approximate) {
        p.polygon(c, r - 2.2 * s, sides, rot, {1, 1, 1, 1});
        for (int i = 0; i < 10; ++i) {
            const double a0 = 2 * M_PI * i / 10, a1 = a0 + M_PI / 10, rr = r + 5 * s;
            p.line({c.x + rr * std::cos(a0), c.y + rr * std::sin(a0)}, {c.x + rr * std::cos(a1), c.y + rr * std::sin(a1)},
                   1.5 * s, look.colour);
        }
    }
}

struct Bands {
    double header = 0, footer = 0;
    std::vector<std::string> attributionLines;
};

// Splits the attribution at "; " so that each line fits `maxW`.
std::vector<std::string> wrap(const Font& f, const std::string& text, double maxW) {
    std::vector<std::string> parts, lines;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t semi = text.find("; ", start);
        parts.push_back(text.substr(start, semi == std::string::npos ? std::string::npos : semi + 1 - start));
        if (semi == std::string::npos) break;
        start = semi + 2;
    }
    for (const auto& part : parts) {
        if (!lines.empty() && f.textWidth(lines.back() + " " + part) <= maxW)
            lines.back() += " " + part;
        else
            lines.push_back(part);
    }
    return lines;
}

Bands bandsFor(const ExportSpec& spec, const FontSet& fonts) {
    const float s = float(spec.dpi / 96.0);
    Bands b;
    b.header = 14 * s + fonts.title.lineHeight + 12 * s;
    if (!spec.subtitle.empty()) b.header += fonts.label.lineHeight + 4 * s;
    if (!spec.attribution.empty()) {
        b.attributionLines = wrap(fonts.label, spec.attribution, spec.width - 24 * s);
        b.footer = 8 * s + double(b.attributionLines.size()) * (fonts.label.lineHeight + 3 * s) + 6 * s;
    }
    return b;
}

}  // namespace

Camera exportCamera(const ExportSpec& spec, const FontSet& fonts) {
    const float s = float(spec.dpi / 96.0);
    const Bands b = bandsFor(spec, fonts);
    Camera cam;
    cam.width = spec.width;
    cam.height = spec.height;
    if (spec.frameIsImage) {  // the viewer's view: the image is the frame, annotations over it
        cam.fitInto(spec.frame, 0, 0, 0, 0);
        return cam;
    }
    const double m = 24 * s;
    const double left = std::min(m, spec.width / 4.0), right = left;
    const double top = std::min(b.header + m, spec.height / 2.0), bottom = std::min(b.footer + m, spec.height / 4.0);
    cam.fitInto(spec.frame, left, top, right, bottom);
    return cam;
}

double northAngle(const Camera& camera) {
    const WorkingCrs& crs = threadCrs();
    const LonLat c = crs.inverse(camera.center);
    const Vec2 a = crs.forward(c), b = crs.forward({c.lon, std::min(c.lat + 0.05, 89.0)});
    // Screen y points down; the angle is clockwise from up.
    return std::atan2(b.x - a.x, b.y - a.y);
}

namespace {

// What the annotation passes of renderExport share: the painter over the
// scene's decorations, the frame's size and style scale, the map's bands.
struct Sheet {
    const ExportSpec& spec;
    const FontSet& fonts;
    const Camera& cam;
    Scene& scene;
    Painter p;
    float s = 1.0f;
    double W = 0, H = 0, pad = 0;
    double mapTop = 0, mapBottom = 0;

    void reserve(Box b) { scene.reservedAreas.push_back(b); }
};

// Title and subtitle in a band at the top.
void addTitleBand(Sheet& sh, const Bands& bands) {
    const ExportSpec& spec = sh.spec;
    const FontSet& fonts = sh.fonts;
    Painter& p = sh.p;
    const float s = sh.s;
    const double W = sh.W;
    const Box band{0, 0, W, bands.header};
    p.rect(band, {1, 1, 1, 0.94f});
    p.rect({0, bands.header - 1.5 * s, W, bands.header}, kRule);
    double y = 14 * s;
    p.text(ScreenFont::Title, {18 * s, y - 4 * s}, spec.title, kInk);
    y += fonts.title.lineHeight + 4 * s;
    if (!spec.subtitle.empty()) p.text(ScreenFont::Label, {18 * s, y}, spec.subtitle, kGrey);
    sh.reserve(band);
}

// The attribution, right-aligned in a band at the bottom.
void addAttributionBand(Sheet& sh, const Bands& bands) {
    const FontSet& fonts = sh.fonts;
    Painter& p = sh.p;
    const float s = sh.s;
    const double W = sh.W, H = sh.H;
    if (!bands.attributionLines.empty()) {
        const Box band{0, H - bands.footer, W, H};
        p.rect(band, {1, 1, 1, 0.9f});
        p.rect({0, band.minY, W, band.minY + 1 * s}, kRule);
        double y = band.minY + 7 * s;
        for (const auto& line : bands.attributionLines) {
            p.text(ScreenFont::Label, {W - 12 * s - fonts.label.textWidth(line), y}, line, kGrey);
            y += fonts.label.lineHeight + 3 * s;
        }
        sh.reserve(band);
    }
}

// The information box (top left, under the title).
void addInfoBox(Sheet& sh) {
    const ExportSpec& spec = sh.spec;
    const FontSet& fonts = sh.fonts;
    Painter& p = sh.p;
    const float s = sh.s;
    const double pad = sh.pad, mapTop = sh.mapTop;
    if (!spec.info.empty()) {
        double w = 0;
        for (size_t i = 0; i < spec.info.size(); ++i)
            w = std::max(w, (i == 0 ? fonts.labelBold : fonts.label).textWidth(spec.info[i]));
        const double lineH = fonts.labelBold.lineHeight + 4 * s;
        const Box box{pad, mapTop + pad, pad + w + 2 * pad, mapTop + pad + lineH * double(spec.info.size()) + 1.4 * pad};
        p.rect(box, kPanel);
        p.frame(box, 1 * s, kRule);
        double y = box.minY + 0.7 * pad;
        for (size_t i = 0; i < spec.info.size(); ++i) {
            p.text(i == 0 ? ScreenFont::LabelBold : ScreenFont::Label, {box.minX + pad, y}, spec.info[i], kInk);
            y += lineH;
        }
        sh.reserve(box);
    }
}

// The scale bar (bottom left, above the attribution), true at the frame's centre latitude.
void addScaleBar(Sheet& sh) {
    const FontSet& fonts = sh.fonts;
    Painter& p = sh.p;
    const float s = sh.s;
    const double W = sh.W, pad = sh.pad, mapBottom = sh.mapBottom;
    const Camera& cam = sh.cam;
    const ScaleBar bar = scaleBarFor(cam, std::min(200.0 * s, W / 3));
    const std::string text = scaleBarText(bar);
    const double h = 7 * s, fh = fonts.labelBold.lineHeight;
    const double x0 = pad + 8 * s, y1 = mapBottom - pad - 8 * s;
    const double tw = fonts.labelBold.textWidth(text);
    const Box box{pad, y1 - h - fh - 12 * s, x0 + bar.pixels + tw / 2 + 8 * s, mapBottom - pad};
    p.rect(box, kPanel);
    for (int i = 0; i < 4; ++i) {
        const double a = x0 + bar.pixels * i / 4, b = x0 + bar.pixels * (i + 1) / 4;
        p.rect({a, y1 - h, b, y1}, kInk);
        if (i % 2) p.rect({a + 1 * s, y1 - h + 1 * s, b - 1 * s, y1 - 1 * s}, {1, 1, 1, 1});
    }
    const double ty = y1 - h - fh - 3 * s;
    p.text(ScreenFont::LabelBold, {x0 - fonts.labelBold.textWidth("0") / 2, ty}, "0", kInk);
    p.text(ScreenFont::LabelBold, {x0 + bar.pixels - tw / 2 + fonts.labelBold.textWidth("0") * 0, ty}, text, kInk);
    sh.reserve(box);
}

// The legend (bottom right, above the attribution): what is drawn in the frame.
Box addLegend(Sheet& sh, const Dataset& data, const MapGeometry& geometry) {
    const FontSet& fonts = sh.fonts;
    Painter& p = sh.p;
    const float s = sh.s;
    const double W = sh.W, pad = sh.pad;
    const Camera& cam = sh.cam;
    const Scene& scene = sh.scene;
    const double mapBottom = sh.mapBottom;
    Box legendBox;
    std::vector<LegendEntry> legend = legendFor(data, geometry, scene, cam);
    for (auto& e : overlayLegend(data, scene, cam)) legend.push_back(std::move(e));
    if (!legend.empty()) {
        const double rowH = std::max(20.0 * s, double(fonts.label.lineHeight) + 6.0 * s), sw = 30.0 * s;
        double tw = fonts.labelBold.textWidth("Legend");
        for (const auto& e : legend) tw = std::max(tw, sw + 10 * s + fonts.label.textWidth(e.text));
        const double bw = tw + 2 * pad,
                     bh = fonts.labelBold.lineHeight + 8 * s + rowH * double(legend.size()) + pad;
        const Box box{W - pad - bw, mapBottom - pad - bh, W - pad, mapBottom - pad};
        legendBox = box;
        p.rect(box, kPanel);
        p.frame(box, 1 * s, kRule);
        p.text(ScreenFont::LabelBold, {box.minX + pad, box.minY + 0.6 * pad}, "Legend", kInk);
        double y = box.minY + 0.6 * pad + fonts.labelBold.lineHeight + 6 * s;
        for (const auto& e : legend) {
            const double cx = box.minX + pad, cy = y + rowH / 2;
            if (e.kind == LegendEntry::Kind::Fill) {
                const Box sb{cx, cy - 7 * s, cx + sw, cy + 7 * s};
                p.rect(sb, e.fill);
                p.frame(sb, 1.5 * s, e.line);
            } else if (e.kind == LegendEntry::Kind::Line) {
                const double ly = e.beside.a > 0 ? cy - 2 * s : cy;  // room for the line beside, under it
                if (e.fill.a > 0 && (e.fill.r != 0 || e.fill.g != 0 || e.fill.b != 0))
                    p.line({cx, ly}, {cx + sw, ly}, (e.widthPx + 3) * s, e.fill);
                p.line({cx, ly}, {cx + sw, ly}, e.widthPx * s, e.line);
                if (e.beside.a > 0) p.line({cx, cy + 4 * s}, {cx + sw, cy + 4 * s}, e.besideWidthPx * s, e.beside);
            } else {
                drawSymbol(p, {cx + sw / 2, cy}, e.symbol, e.approximate, s);
            }
            p.text(ScreenFont::Label, {cx + sw + 10 * s, cy - fonts.label.lineHeight / 2 - 1 * s}, e.text, kInk);
            y += rowH;
        }
        sh.reserve(box);
    }
    return legendBox;
}

// The north arrow (top right, under the title), turned to the meridian.
void addNorthArrow(Sheet& sh, const Box& legendBox) {
    const FontSet& fonts = sh.fonts;
    Painter& p = sh.p;
    const float s = sh.s;
    const double W = sh.W, pad = sh.pad;
    const Camera& cam = sh.cam;
    const double mapTop = sh.mapTop;
    const double r = 20 * s;
    Vec2 c{W - pad - r - 4 * s, mapTop + pad + r + fonts.labelBold.lineHeight + 4 * s};
    // Beside the legend when a short frame brings the legend up to it.
    if (legendBox.intersects({c.x - r - pad, c.y - r - fonts.labelBold.lineHeight - 8 * s, W, c.y + r + pad}))
        c.x = legendBox.minX - pad - r - 4 * s;
    const Box box{c.x - r - 4 * s, c.y - r - fonts.labelBold.lineHeight - 8 * s, c.x + r + 4 * s, c.y + r + 4 * s};
    p.polygon(c, r, 32, 0, kPanel);
    const double a = northAngle(cam);
    const Vec2 up{std::sin(a), -std::cos(a)}, side{std::cos(a), std::sin(a)};
    auto at = [&](double u, double v) { return Vec2{c.x + up.x * u + side.x * v, c.y + up.y * u + side.y * v}; };
    const double L = r * 0.85, Wd = r * 0.38;
    p.tri(at(L, 0), at(-L * 0.6, -Wd), at(-L * 0.3, 0), kInk);
    p.tri(at(L, 0), at(-L * 0.3, 0), at(-L * 0.6, Wd), {0.55f, 0.55f, 0.58f, 1});
    const Vec2 n = at(L + 4 * s + fonts.labelBold.lineHeight / 2, 0);
    const double nw = fonts.labelBold.textWidth("N");
    p.text(ScreenFont::LabelBold, {n.x - nw / 2, n.y - fonts.labelBold.lineHeight / 2}, "N", kInk);
    sh.reserve(box);
}

// Draws the frame, in tiles when it exceeds what the GL allows; the tiles
// share the camera and the laid-out labels, so they join without seams.
Result<io::RgbaImage> drawTiles(MapRenderer& renderer, const ExportSpec& spec, const Camera& cam, const Scene& scene) {
    GLint maxRb = 0, maxVp[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxRb);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, maxVp);
    int tileSide = std::min({int(maxRb), int(maxVp[0]), int(maxVp[1]), 4096});
    if (spec.maxTile > 0) tileSide = std::min(tileSide, spec.maxTile);
    if (tileSide < 16) return makeError("OpenGL reports a maximum framebuffer of " + std::to_string(maxRb) + " pixels");
    const int tw = std::min(tileSide, spec.width), th = std::min(tileSide, spec.height);
    auto fb = Framebuffer::create(tw, th);
    if (!fb) return fb.error();
    if (tw == spec.width && th == spec.height) {  // one tile: its pixels are the image (no second copy)
        renderer.draw(fb->target(), cam, scene, nullptr);
        io::RgbaImage whole = fb->read();
        if (glGetError() != GL_NO_ERROR) return makeError("OpenGL failed while drawing the export");
        return whole;
    }
    io::RgbaImage out;
    out.width = spec.width;
    out.height = spec.height;
    out.pixels.resize(size_t(out.width) * out.height * 4);
    for (int ty = 0; ty < spec.height; ty += th)
        for (int tx = 0; tx < spec.width; tx += tw) {
            const Box tile{double(tx), double(ty), double(tx + tw), double(ty + th)};
            renderer.draw(fb->target(), cam, scene, &tile);
            const io::RgbaImage part = fb->read();
            if (glGetError() != GL_NO_ERROR) return makeError("OpenGL failed while drawing the export");
            for (int y = 0; y < th && ty + y < spec.height; ++y) {
                const int cols = std::min(tw, spec.width - tx);
                std::memcpy(&out.pixels[(size_t(ty + y) * out.width + tx) * 4], part.at(0, y), size_t(cols) * 4);
            }
        }
    return out;
}
}  // namespace

Result<ExportLayout> layoutExport(const FontSet& fonts, const Dataset& data, const MapGeometry& geometry,
                                  const ExportSpec& spec) {
    if (auto ok = engine::checkExportSize(spec.width, spec.height); !ok) return ok.error();
    if (!(spec.dpi >= 24 && spec.dpi <= 1200)) return makeError("--dpi must be between 24 and 1200");
    if (spec.frame.empty()) return makeError("nothing to show: the export frame is empty");
    const float s = float(spec.dpi / 96.0);
    ExportLayout out{exportCamera(spec, fonts), spec.scene};
    const Bands bands = bandsFor(spec, fonts);
    Scene& scene = out.scene;
    scene.style.scale = s;
    scene.style.scaleBar = false;
    scene.style.attribution.clear();
    scene.decorations.clear();
    Sheet sh{spec, fonts, out.camera, scene, Painter(scene.decorations), s, double(spec.width), double(spec.height), 12.0 * s};
    sh.mapTop = bands.header;
    sh.mapBottom = sh.H - bands.footer;
    addTitleBand(sh, bands);
    addAttributionBand(sh, bands);
    addInfoBox(sh);
    addScaleBar(sh);
    const Box legendBox = addLegend(sh, data, geometry);
    addNorthArrow(sh, legendBox);
    return out;
}

Result<io::RgbaImage> renderExport(MapRenderer& renderer, const FontSet& fonts, const Dataset& data,
                                   const MapGeometry& geometry, const ExportSpec& spec) {
    auto layout = layoutExport(fonts, data, geometry, spec);
    if (!layout) return layout.error();
    return drawTiles(renderer, spec, layout->camera, layout->scene);
}

}  // namespace bl::render
