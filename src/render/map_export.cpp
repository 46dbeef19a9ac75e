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
#include "render/map_frame.hpp"
#include "render/map_furniture.hpp"
#include "render/map_style.hpp"
#include "render/screen_painter.hpp"

namespace bl::render {

namespace {

using Painter = ScreenPainter;

const Rgba kInk = kPageInk;
const Rgba kGrey{0.35f, 0.35f, 0.38f, 1};
const Rgba kPanel{1, 1, 1, 0.9f};
const Rgba kRule = kPageRule;

// The same symbol as the renderer draws, for the legend.
void drawSymbol(Painter& p, Vec2 c, SymbolKind k, bool approximate, float s) {
    const SymbolLook look = symbolLook(k, s);
    const double r = look.radius, rot = look.rotation;
    const int sides = look.sides;
    p.polygon(c, r + 1.5 * s, sides, rot, {1, 1, 1, 1});
    p.polygon(c, r, sides, rot, look.colour);
    if (approximate) {
        p.polygon(c, r - 2.2 * s, sides, rot, {1, 1, 1, 1});
        p.dashedRing(c, r + 5 * s, 1.5 * s, 10, look.colour);
    }
}

// Splits `text` after each `sep` (kept at the end of a line, less trailing
// blanks) into lines that fit `maxW`; a part wider than that stays whole.
std::vector<std::string> wrapAt(const Font& f, const std::string& text, double maxW, const std::string& sep) {
    std::vector<std::string> parts, lines;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t at = text.find(sep, start);
        std::string part = text.substr(start, at == std::string::npos ? std::string::npos : at + sep.size() - start);
        while (!part.empty() && part.back() == ' ') part.pop_back();
        parts.push_back(part);
        if (at == std::string::npos) break;
        start = at + sep.size();
    }
    for (const auto& part : parts) {
        if (!lines.empty() && f.textWidth(lines.back() + " " + part) <= maxW)
            lines.back() += " " + part;
        else
            lines.push_back(part);
    }
    return lines;
}

// A line cut to `maxW` with an ellipsis.
std::string fitText(const Font& f, std::string text, double maxW) {
    if (f.textWidth(text) <= maxW) return text;
    while (!text.empty() && f.textWidth(text + "…") > maxW) {
        size_t cut = text.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a whole code point
        text.resize(cut);
    }
    return text + "…";
}

struct Bands {
    double header = 0, footer = 0;
    std::vector<std::string> left, right;  // the footer's lines: the margin notes, the attribution
};

Bands bandsFor(const ExportSpec& spec, const FontSet& fonts) {
    const float s = float(spec.dpi / 96.0);
    Bands b;
    b.header = 14 * s + fonts.title.lineHeight + 12 * s;
    if (!spec.subtitle.empty()) b.header += fonts.label.lineHeight + 4 * s;
    const double inner = spec.width - 2 * spec.marginPx - 36 * s;
    const double leftW = spec.margin.empty() ? 0 : inner * 0.45;
    for (const auto& note : spec.margin)
        for (auto& line : wrapAt(fonts.label, note, leftW, " ")) b.left.push_back(std::move(line));
    if (!spec.attribution.empty()) b.right = wrapAt(fonts.label, spec.attribution, inner - leftW - (leftW > 0 ? 24 * s : 0), "; ");
    const size_t rows = std::max(b.left.size(), b.right.size());
    if (rows) b.footer = 8 * s + double(rows) * (fonts.label.lineHeight + 3 * s) + 6 * s;
    return b;
}

// What the layout shares: the painter over the scene's decorations, the
// page's size and style scale, the map area (between the bands, inside the
// blank margin) and the boxes placed so far (which the frame is refitted
// around and no label goes under).
struct Sheet {
    const ExportSpec& spec;
    const FontSet& fonts;
    const Dataset& data;
    const MapGeometry& geometry;
    Camera cam;
    Scene& scene;
    Painter p;
    float s = 1.0f;
    double W = 0, H = 0, pad = 0;
    Box area;                 // the map area (page pixels)
    std::vector<Box> boxes;   // info, index, legend, north arrow, scale bar, inset

    void reserve(Box b) { scene.reservedAreas.push_back(b); }
};

void addTitleBand(Sheet& sh, const Bands& bands) {
    const ExportSpec& spec = sh.spec;
    Painter& p = sh.p;
    const float s = sh.s;
    const double x0 = spec.marginPx, x1 = sh.W - spec.marginPx, top = spec.marginPx;
    const Box band{x0, top, x1, top + bands.header};
    p.rect(band, {1, 1, 1, 0.94f});
    p.rect({x0, band.maxY - 1.5 * s, x1, band.maxY}, kRule);
    double y = top + 14 * s;
    p.text(ScreenFont::Title, {x0 + 18 * s, y - 4 * s}, spec.title, kInk);
    y += sh.fonts.title.lineHeight + 4 * s;
    if (!spec.subtitle.empty()) p.text(ScreenFont::Label, {x0 + 18 * s, y}, spec.subtitle, kGrey);
    sh.reserve(band);
}

// The footer: the margin notes (CRS, data, production date) on the left,
// the attribution right-aligned.
void addFooter(Sheet& sh, const Bands& bands) {
    if (bands.footer <= 0) return;
    const FontSet& fonts = sh.fonts;
    Painter& p = sh.p;
    const float s = sh.s;
    const double x0 = sh.spec.marginPx, x1 = sh.W - sh.spec.marginPx, bottom = sh.H - sh.spec.marginPx;
    const Box band{x0, bottom - bands.footer, x1, bottom};
    p.rect(band, {1, 1, 1, 0.94f});
    p.rect({x0, band.minY, x1, band.minY + 1 * s}, kRule);
    const double step = fonts.label.lineHeight + 3 * s;
    double y = band.minY + 7 * s;
    for (const auto& line : bands.left) {
        p.text(ScreenFont::Label, {x0 + 12 * s, y}, line, kGrey);
        y += step;
    }
    y = band.minY + 7 * s;
    for (const auto& line : bands.right) {
        p.text(ScreenFont::Label, {x1 - 12 * s - fonts.label.textWidth(line), y}, line, kGrey);
        y += step;
    }
    sh.reserve(band);
}

// A box of lines (the first bold), each wrapped to `maxW`; `at` is its
// top-left corner. Returns its size when `draw` is false.
struct TextBox {
    std::vector<std::pair<std::string, bool>> lines;  // text, bold
    double w = 0, h = 0;
};

TextBox measureInfo(const Sheet& sh, const std::vector<std::string>& info, double maxW) {
    TextBox box;
    const FontSet& fonts = sh.fonts;
    for (size_t i = 0; i < info.size(); ++i) {
        const Font& f = i == 0 ? fonts.labelBold : fonts.label;
        bool first = true;
        for (auto& line : wrapAt(f, info[i], maxW - 2 * sh.pad, " ")) {
            const std::string text = first ? line : "   " + line;  // continuation lines indented
            box.lines.push_back({fitText(f, text, maxW - 2 * sh.pad), i == 0});
            box.w = std::max(box.w, f.textWidth(box.lines.back().first));
            first = false;
        }
    }
    const double lineH = fonts.labelBold.lineHeight + 4 * sh.s;
    box.w += 2 * sh.pad;
    box.h = lineH * double(box.lines.size()) + 1.4 * sh.pad;
    return box;
}

void drawTextBox(Sheet& sh, const TextBox& tb, Box box) {
    Painter& p = sh.p;
    sh.p.rect(box, kPanel);
    p.frame(box, 1 * sh.s, kRule);
    const double lineH = sh.fonts.labelBold.lineHeight + 4 * sh.s;
    double y = box.minY + 0.7 * sh.pad;
    for (const auto& [text, bold] : tb.lines) {
        p.text(bold ? ScreenFont::LabelBold : ScreenFont::Label, {box.minX + sh.pad, y}, text, kInk);
        y += lineH;
    }
    sh.reserve(box);
}

// An atlas overview's list: "1. Quảng Trị – Savannakhet (...)", in as many
// columns as the map area's height needs.
TextBox measureIndex(const Sheet& sh, double maxW) {
    TextBox box;
    const std::vector<std::string>& index = sh.spec.index;
    if (index.empty()) return box;
    const FontSet& fonts = sh.fonts;
    const double lineH = fonts.labelBold.lineHeight + 4 * sh.s;
    const size_t rows = std::max<size_t>(
        4, size_t(std::max(1.0, (sh.area.maxY - sh.area.minY) * 0.75 - 1.4 * sh.pad) / lineH) - 1);
    const size_t columns = (index.size() + rows - 1) / rows;
    const double colW = std::min(maxW / double(columns), 420.0 * sh.s);
    box.lines.push_back({"Pages", true});
    double widest = fonts.labelBold.textWidth("Pages");
    for (const auto& line : index) {
        box.lines.push_back({fitText(fonts.label, line, colW - 2 * sh.pad), false});
        widest = std::max(widest, fonts.label.textWidth(box.lines.back().first));
    }
    box.w = double(columns) * (widest + sh.pad) + sh.pad;
    box.h = lineH * double(std::min(index.size(), rows) + 1) + 1.4 * sh.pad;
    return box;
}

void drawIndex(Sheet& sh, const TextBox& tb, Box box) {
    Painter& p = sh.p;
    p.rect(box, kPanel);
    p.frame(box, 1 * sh.s, kRule);
    const double lineH = sh.fonts.labelBold.lineHeight + 4 * sh.s;
    const size_t rows = size_t(std::lround((box.maxY - box.minY - 1.4 * sh.pad) / lineH)) - 1;
    const size_t columns = (tb.lines.size() - 1 + rows - 1) / std::max<size_t>(rows, 1);
    const double colW = (box.maxX - box.minX - sh.pad) / double(std::max<size_t>(columns, 1));
    p.text(ScreenFont::LabelBold, {box.minX + sh.pad, box.minY + 0.7 * sh.pad}, tb.lines[0].first, kInk);
    for (size_t i = 1; i < tb.lines.size(); ++i) {
        const size_t col = (i - 1) / rows, row = (i - 1) % rows + 1;
        p.text(ScreenFont::Label, {box.minX + sh.pad + double(col) * colW, box.minY + 0.7 * sh.pad + double(row) * lineH},
               tb.lines[i].first, kInk);
    }
    sh.reserve(box);
}

// The scale bar's box for a bar at most `maxPx` long (its size before the camera is known).
Box scaleBarBox(const Sheet& sh, double barPx, const std::string& text) {
    const float s = sh.s;
    const double h = 7 * s, fh = sh.fonts.labelBold.lineHeight, tw = sh.fonts.labelBold.textWidth(text);
    const double x0 = sh.area.minX + sh.pad + 8 * s, y1 = sh.area.maxY - sh.pad - 8 * s;
    return {sh.area.minX + sh.pad, y1 - h - fh - 12 * s, x0 + barPx + tw / 2 + 8 * s, sh.area.maxY - sh.pad};
}

// The scale bar (bottom left of the map area), true at the frame's centre latitude.
void addScaleBar(Sheet& sh) {
    const FontSet& fonts = sh.fonts;
    Painter& p = sh.p;
    const float s = sh.s;
    const ScaleBar bar = scaleBarFor(sh.cam, std::min(200.0 * s, sh.W / 3));
    const std::string text = scaleBarText(bar);
    const double h = 7 * s, fh = fonts.labelBold.lineHeight;
    const double x0 = sh.area.minX + sh.pad + 8 * s, y1 = sh.area.maxY - sh.pad - 8 * s;
    const double tw = fonts.labelBold.textWidth(text);
    const Box box = scaleBarBox(sh, bar.pixels, text);
    p.rect(box, kPanel);
    for (int i = 0; i < 4; ++i) {
        const double a = x0 + bar.pixels * i / 4, b = x0 + bar.pixels * (i + 1) / 4;
        p.rect({a, y1 - h, b, y1}, kInk);
        if (i % 2) p.rect({a + 1 * s, y1 - h + 1 * s, b - 1 * s, y1 - 1 * s}, {1, 1, 1, 1});
    }
    const double ty = y1 - h - fh - 3 * s;
    p.text(ScreenFont::LabelBold, {x0 - fonts.labelBold.textWidth("0") / 2, ty}, "0", kInk);
    p.text(ScreenFont::LabelBold, {x0 + bar.pixels - tw / 2, ty}, text, kInk);
    sh.reserve(box);
}

struct LegendBox {
    std::vector<LegendEntry> entries;
    double w = 0, h = 0, rowH = 0, sw = 0;
};

LegendBox measureLegend(const Sheet& sh, const Camera& cam) {
    LegendBox lb;
    lb.entries = legendFor(sh.data, sh.geometry, sh.scene, cam);
    for (auto& e : overlayLegend(sh.data, sh.scene, cam)) lb.entries.push_back(std::move(e));
    if (lb.entries.empty()) return lb;
    const FontSet& fonts = sh.fonts;
    const float s = sh.s;
    lb.rowH = std::max(20.0 * s, double(fonts.label.lineHeight) + 6.0 * s);
    lb.sw = 30.0 * s;
    double tw = fonts.labelBold.textWidth("Legend");
    for (const auto& e : lb.entries) tw = std::max(tw, lb.sw + 10 * s + fonts.label.textWidth(e.text));
    lb.w = tw + 2 * sh.pad;
    lb.h = fonts.labelBold.lineHeight + 8 * s + lb.rowH * double(lb.entries.size()) + sh.pad;
    return lb;
}

void drawLegend(Sheet& sh, const LegendBox& lb, Box box) {
    const FontSet& fonts = sh.fonts;
    Painter& p = sh.p;
    const float s = sh.s;
    const double pad = sh.pad, rowH = lb.rowH, sw = lb.sw;
    p.rect(box, kPanel);
    p.frame(box, 1 * s, kRule);
    p.text(ScreenFont::LabelBold, {box.minX + pad, box.minY + 0.6 * pad}, "Legend", kInk);
    double y = box.minY + 0.6 * pad + fonts.labelBold.lineHeight + 6 * s;
    for (const auto& e : lb.entries) {
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

double northArrowRadius(const Sheet& sh) { return 20 * sh.s; }

Box northArrowBox(const Sheet& sh, Vec2 c) {
    const double r = northArrowRadius(sh), s = sh.s;
    return {c.x - r - 4 * s, c.y - r - sh.fonts.labelBold.lineHeight - 8 * s, c.x + r + 4 * s, c.y + r + 4 * s};
}

// The north arrow centred at `c`, turned to the meridian.
void drawNorthArrow(Sheet& sh, Vec2 c) {
    Painter& p = sh.p;
    const float s = sh.s;
    const double r = northArrowRadius(sh);
    p.polygon(c, r, 32, 0, kPanel);
    const double a = northAngle(sh.cam);
    const Vec2 up{std::sin(a), -std::cos(a)}, side{std::cos(a), std::sin(a)};
    auto at = [&](double u, double v) { return Vec2{c.x + up.x * u + side.x * v, c.y + up.y * u + side.y * v}; };
    const double L = r * 0.85, Wd = r * 0.38;
    p.tri(at(L, 0), at(-L * 0.6, -Wd), at(-L * 0.3, 0), kInk);
    p.tri(at(L, 0), at(-L * 0.3, 0), at(-L * 0.6, Wd), {0.55f, 0.55f, 0.58f, 1});
    const Vec2 n = at(L + 4 * s + sh.fonts.labelBold.lineHeight / 2, 0);
    const double nw = sh.fonts.labelBold.textWidth("N");
    p.text(ScreenFont::LabelBold, {n.x - nw / 2, n.y - sh.fonts.labelBold.lineHeight / 2}, "N", kInk);
    sh.reserve(northArrowBox(sh, c));
}

// Where the boxes go and the camera that follows from them.
struct Placement {
    TextBox info, index;
    LegendBox legend;
    Box infoBox, indexBox, legendBox, insetBox;
    Vec2 arrow;
};

// Places the boxes at the map area's corners (information top left, an
// atlas's list under it, the north arrow top right, the legend bottom right,
// the scale bar bottom left, the locator inset above it) and refits the
// frame into the largest part of the map area they leave free: sh.cam and
// sh.boxes. Nothing is drawn yet (the export dialog's preview needs only this).
Placement placeBoxes(Sheet& sh) {
    const ExportSpec& spec = sh.spec;
    const float s = sh.s;
    const double pad = sh.pad, m = spec.frameIsImage ? 0 : 24 * s;
    const Box& area = sh.area;
    const double areaW = area.maxX - area.minX;
    // A first camera on the whole map area: what the legend will list.
    Camera& cam = sh.cam;
    cam.width = spec.width;
    cam.height = spec.height;
    if (spec.frameIsImage)
        cam.fitInto(spec.frame, 0, 0, 0, 0);
    else
        cam.fitInto(spec.frame, area.minX + m, area.minY + m, sh.W - area.maxX + m, sh.H - area.maxY + m);

    Placement pl{measureInfo(sh, spec.info, std::min(0.45 * areaW, 560.0 * s)), measureIndex(sh, 0.6 * areaW),
                 measureLegend(sh, cam), {}, {}, {}, {}, {}};
    const TextBox& info = pl.info;
    const TextBox& index = pl.index;
    const LegendBox& legend = pl.legend;
    Box &infoBox = pl.infoBox, &indexBox = pl.indexBox, &legendBox = pl.legendBox, &insetBox = pl.insetBox;
    double top = area.minY + pad;
    if (!spec.info.empty()) {
        infoBox = {area.minX + pad, top, area.minX + pad + info.w, top + info.h};
        top = infoBox.maxY + pad;
        sh.boxes.push_back(infoBox);
    }
    if (!spec.index.empty()) {
        indexBox = {area.minX + pad, top, area.minX + pad + index.w, top + index.h};
        sh.boxes.push_back(indexBox);
    }
    if (!legend.entries.empty()) {
        legendBox = {area.maxX - pad - legend.w, area.maxY - pad - legend.h, area.maxX - pad, area.maxY - pad};
        sh.boxes.push_back(legendBox);
    }
    const Box barBox = scaleBarBox(sh, std::min(200.0 * s, sh.W / 3), "1000 km");
    sh.boxes.push_back(barBox);
    // The north arrow top right; beside the legend when a short page brings the legend up to it.
    const double r = northArrowRadius(sh);
    Vec2& arrow = pl.arrow;
    arrow = {area.maxX - pad - r - 4 * s, area.minY + pad + r + sh.fonts.labelBold.lineHeight + 4 * s};
    if (!legendBox.empty() && legendBox.intersects(northArrowBox(sh, arrow).expanded(pad)))
        arrow.x = legendBox.minX - pad - r - 4 * s;
    sh.boxes.push_back(northArrowBox(sh, arrow));
    // The inset where it fits: above the scale bar, else under the north arrow.
    const Box region = insetRegion(sh.geometry);
    const bool wantInset = spec.locator && !region.empty() && !spec.frame.empty() &&
                           (spec.frame.maxX - spec.frame.minX) * (spec.frame.maxY - spec.frame.minY) <
                               0.2 * (region.maxX - region.minX) * (region.maxY - region.minY);
    if (wantInset) {
        const double iw = std::clamp(0.17 * areaW, 110.0 * s, 240.0 * s);
        const double ih = iw * (region.maxY - region.minY) / (region.maxX - region.minX);
        const Box candidates[] = {{barBox.minX, barBox.minY - pad - ih, barBox.minX + iw, barBox.minY - pad},
                                  {area.maxX - pad - iw, sh.boxes.back().maxY + pad, area.maxX - pad, sh.boxes.back().maxY + pad + ih}};
        for (const Box& c : candidates) {
            bool clear = c.minY >= area.minY + pad && c.maxY <= area.maxY - pad;
            for (const Box& o : sh.boxes) clear = clear && !o.intersects(c.expanded(pad / 2));
            if (clear) {
                insetBox = c;
                sh.boxes.push_back(c);
                break;
            }
        }
    }
    // Refit: the frame into the largest free part of the map area.
    if (!spec.frameIsImage) {
        std::vector<Box> obstacles;
        for (const Box& b : sh.boxes) obstacles.push_back(b.expanded(pad / 2));
        const Box free{area.minX + m, area.minY + m, area.maxX - m, area.maxY - m};
        if (auto fit = refit(spec.frame, free, obstacles, 0.45))
            cam.fitInto(spec.frame, fit->minX, fit->minY, sh.W - fit->maxX, sh.H - fit->maxY);
    }
    return pl;
}

// Draws the page's furniture for a placement: graticule, bands, boxes, margin.
void drawSheet(Sheet& sh, const Bands& bands, const Placement& pl) {
    const ExportSpec& spec = sh.spec;
    const float s = sh.s;
    const Box& area = sh.area;
    const Camera& cam = sh.cam;
    if (spec.graticule && !spec.frameIsImage)
        addGraticule(cam, area, sh.fonts, s, sh.boxes, sh.scene.underlay, sh.p, sh.scene.reservedAreas);
    addTitleBand(sh, bands);
    addFooter(sh, bands);
    if (!spec.info.empty()) drawTextBox(sh, pl.info, pl.infoBox);
    if (!spec.index.empty()) drawIndex(sh, pl.index, pl.indexBox);
    addScaleBar(sh);
    if (!pl.legend.entries.empty()) {
        // Listed for the final frame, anchored at the bottom (a longer list grows upwards).
        const LegendBox final = measureLegend(sh, cam);
        const Box& at = pl.legendBox;
        drawLegend(sh, final, {at.maxX - final.w, at.maxY - final.h, at.maxX, at.maxY});
    }
    drawNorthArrow(sh, pl.arrow);
    if (!pl.insetBox.empty()) {
        drawLocatorInset(sh.p, sh.geometry, cam, area, pl.insetBox, s);
        sh.reserve(pl.insetBox);
    }
    if (spec.marginPx > 0) {  // the blank margin, over everything the map drew there
        const double mp = spec.marginPx, W = sh.W, H = sh.H;
        for (const Box& b : {Box{0, 0, W, mp}, Box{0, H - mp, W, H}, Box{0, mp, mp, H - mp}, Box{W - mp, mp, W, H - mp}}) {
            sh.p.rect(b, {1, 1, 1, 1});
            sh.reserve(b);
        }
    }
}

// The sheet of a page: its scale, size and map area (between the bands,
// inside the blank margin), painting into `scene`'s decorations.
Sheet sheetFor(const ExportSpec& spec, const FontSet& fonts, const Dataset& data, const MapGeometry& geometry,
               Scene& scene, const Bands& bands) {
    const float s = float(spec.dpi / 96.0);
    scene.style.scale = s;
    Sheet sh{spec, fonts, data, geometry, Camera{}, scene, Painter(scene.decorations), s, double(spec.width),
             double(spec.height), 12.0 * s, {}, {}};
    sh.area = {spec.marginPx, spec.marginPx + bands.header, sh.W - spec.marginPx, sh.H - spec.marginPx - bands.footer};
    return sh;
}

}  // namespace

Camera exportCamera(const ExportSpec& spec, const FontSet& fonts, const Dataset& data, const MapGeometry& geometry) {
    if (!engine::checkExportSize(spec.width, spec.height) || spec.frame.empty()) return Camera{};
    Scene scene = spec.scene;
    Sheet sh = sheetFor(spec, fonts, data, geometry, scene, bandsFor(spec, fonts));
    placeBoxes(sh);  // the camera follows from where the boxes go; nothing is drawn
    return sh.cam;
}

double northAngle(const Camera& camera) {
    const WorkingCrs& crs = threadCrs();
    const LonLat c = crs.inverse(camera.center);
    const Vec2 a = crs.forward(c), b = crs.forward({c.lon, std::min(c.lat + 0.05, 89.0)});
    // Screen y points down; the angle is clockwise from up.
    return std::atan2(b.x - a.x, b.y - a.y);
}

namespace {

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
    ExportLayout out{Camera{}, spec.scene, {}};
    const Bands bands = bandsFor(spec, fonts);
    Scene& scene = out.scene;
    scene.style.scaleBar = false;
    scene.style.attribution.clear();
    scene.decorations.clear();
    scene.underlay.clear();
    Sheet sh = sheetFor(spec, fonts, data, geometry, scene, bands);
    const Placement placement = placeBoxes(sh);
    drawSheet(sh, bands, placement);
    out.camera = sh.cam;
    out.boxes = sh.boxes;
    return out;
}

Result<io::RgbaImage> renderExport(MapRenderer& renderer, const FontSet& fonts, const Dataset& data,
                                   const MapGeometry& geometry, const ExportSpec& spec) {
    auto layout = layoutExport(fonts, data, geometry, spec);
    if (!layout) return layout.error();
    return renderExport(renderer, spec, *layout);
}

Result<io::RgbaImage> renderExport(MapRenderer& renderer, const ExportSpec& spec, const ExportLayout& layout) {
    return drawTiles(renderer, spec, layout.camera, layout.scene);
}

}  // namespace bl::render
