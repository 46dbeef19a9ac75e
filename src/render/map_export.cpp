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
#include "render/map_style.hpp"
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

// Clips the segment a-b to `r` (Liang-Barsky); false when it lies outside.
bool clipSegment(Vec2& a, Vec2& b, const Box& r) {
    double t0 = 0, t1 = 1;
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy}, q[4] = {a.x - r.minX, r.maxX - a.x, a.y - r.minY, r.maxY - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, t);
        else t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    const Vec2 a0 = a;
    a = {a0.x + t0 * dx, a0.y + t0 * dy};
    b = {a0.x + t1 * dx, a0.y + t1 * dy};
    return true;
}

// A polyline clipped to `r`, as the pieces inside it.
void clippedPolyline(Painter& p, const std::vector<Vec2>& line, const Box& r, double w, Rgba col) {
    std::vector<Vec2> piece;
    for (size_t i = 1; i < line.size(); ++i) {
        Vec2 a = line[i - 1], b = line[i];
        if (!clipSegment(a, b, r)) {
            if (piece.size() >= 2) p.polyline(std::move(piece), w, col);
            piece.clear();
            continue;
        }
        if (piece.empty() || std::hypot(piece.back().x - a.x, piece.back().y - a.y) > 1e-6) {
            if (piece.size() >= 2) p.polyline(std::move(piece), w, col);
            piece = {a};
        }
        piece.push_back(b);
    }
    if (piece.size() >= 2) p.polyline(std::move(piece), w, col);
}

// "104°E", "17.5°N": a graticule label (at most two decimals, no trailing zeros).
std::string degreeText(double v, bool lon) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", std::fabs(v));
    std::string t = text;
    while (t.back() == '0') t.pop_back();
    if (t.back() == '.') t.pop_back();
    return t + "°" + (lon ? (v < 0 ? "W" : "E") : (v < 0 ? "S" : "N"));
}

// Meridians and parallels over the map area (thin, under the labels), with
// their values where they leave it on the left and bottom edges, and a neat line.
void addGraticule(Sheet& sh) {
    const Camera& cam = sh.cam;
    const Box& area = sh.area;
    const WorkingCrs& crs = threadCrs();
    const float s = sh.s;
    LonLatBox ll{180, 90, -180, -90};
    for (double fx = 0; fx <= 1.0; fx += 0.125)
        for (double fy = 0; fy <= 1.0; fy += 0.125) {
            const LonLat p = crs.inverse(cam.toWorld({area.minX + fx * (area.maxX - area.minX), area.minY + fy * (area.maxY - area.minY)}));
            ll.lonMin = std::min(ll.lonMin, p.lon);
            ll.lonMax = std::max(ll.lonMax, p.lon);
            ll.latMin = std::min(ll.latMin, p.lat);
            ll.latMax = std::max(ll.latMax, p.lat);
        }
    const double span = std::max(ll.lonMax - ll.lonMin, ll.latMax - ll.latMin);
    double step = 10;
    for (double c : {0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0})
        if (c >= span / 7) {
            step = c;
            break;
        }
    const Rgba line{0.30f, 0.36f, 0.48f, 0.45f}, tick{0.30f, 0.32f, 0.38f, 1};
    Painter under(sh.scene.underlay);
    auto sample = [&](bool meridian, double v) {
        std::vector<Vec2> pts;
        const double from = meridian ? ll.latMin - step : ll.lonMin - step, to = meridian ? ll.latMax + step : ll.lonMax + step;
        for (int i = 0; i <= 64; ++i) {
            const double t = from + (to - from) * i / 64;
            pts.push_back(cam.toScreen(crs.forward(meridian ? LonLat{v, t} : LonLat{t, v})));
        }
        return pts;
    };
    const Font& font = sh.fonts.label;
    auto label = [&](const std::string& text, Vec2 at) {
        const Box b{at.x, at.y, at.x + font.textWidth(text), at.y + font.lineHeight};
        for (const Box& o : sh.boxes)
            if (o.intersects(b.expanded(2 * s))) return;
        sh.p.haloText(ScreenFont::Label, at, text, tick, {1, 1, 1, 0.85f}, 1.5 * s);
        sh.reserve(b);
    };
    for (int meridian = 0; meridian < 2; ++meridian) {
        const double lo = meridian ? ll.lonMin : ll.latMin, hi = meridian ? ll.lonMax : ll.latMax;
        for (double v = std::ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
            const std::vector<Vec2> pts = sample(meridian, v);
            clippedPolyline(under, pts, area, 0.8 * s, line);
            // Where it crosses the bottom edge (meridians) or the left edge (parallels): a tick and the value.
            for (size_t i = 1; i < pts.size(); ++i) {
                const Vec2 a = pts[i - 1], b = pts[i];
                if (meridian && (a.y - area.maxY) * (b.y - area.maxY) <= 0 && a.y != b.y) {
                    const double x = a.x + (area.maxY - a.y) / (b.y - a.y) * (b.x - a.x);
                    if (x < area.minX + 30 * s || x > area.maxX - 30 * s) break;
                    sh.p.line({x, area.maxY}, {x, area.maxY - 7 * s}, 1.2 * s, tick);
                    const std::string t = degreeText(v, true);
                    label(t, {x - font.textWidth(t) / 2, area.maxY - 8 * s - font.lineHeight});
                    break;
                }
                if (!meridian && (a.x - area.minX) * (b.x - area.minX) <= 0 && a.x != b.x) {
                    const double y = a.y + (area.minX - a.x) / (b.x - a.x) * (b.y - a.y);
                    if (y < area.minY + 20 * s || y > area.maxY - 20 * s) break;
                    sh.p.line({area.minX, y}, {area.minX + 7 * s, y}, 1.2 * s, tick);
                    label(degreeText(v, false), {area.minX + 9 * s, y - font.lineHeight / 2});
                    break;
                }
            }
        }
    }
    sh.p.frame(area, 1.0 * s, kRule);  // the neat line
}

// The region the locator inset shows: the border area with room around it.
Box insetRegion(const MapGeometry& g) {
    Box r = g.borderBounds.empty() ? g.bounds : g.borderBounds;
    const double grow = 0.18 * std::max(r.maxX - r.minX, r.maxY - r.minY);
    return r.expanded(grow);
}

// Clips a triangle to `r` (Sutherland-Hodgman) and paints the result as a fan.
void clippedTriangle(Painter& p, Vec2 a, Vec2 b, Vec2 c, const Box& r, Rgba col) {
    std::vector<Vec2> poly{a, b, c};
    auto clip = [&](auto inside, auto cross) {
        std::vector<Vec2> out;
        for (size_t i = 0; i < poly.size(); ++i) {
            const Vec2 cur = poly[i], prev = poly[(i + poly.size() - 1) % poly.size()];
            if (inside(cur)) {
                if (!inside(prev)) out.push_back(cross(prev, cur));
                out.push_back(cur);
            } else if (inside(prev)) {
                out.push_back(cross(prev, cur));
            }
        }
        poly = std::move(out);
    };
    auto atX = [](double x) {
        return [x](Vec2 u, Vec2 v) { return Vec2{x, u.y + (x - u.x) / (v.x - u.x) * (v.y - u.y)}; };
    };
    auto atY = [](double y) {
        return [y](Vec2 u, Vec2 v) { return Vec2{u.x + (y - u.y) / (v.y - u.y) * (v.x - u.x), y}; };
    };
    clip([&](Vec2 q) { return q.x >= r.minX; }, atX(r.minX));
    if (poly.size() >= 3) clip([&](Vec2 q) { return q.x <= r.maxX; }, atX(r.maxX));
    if (poly.size() >= 3) clip([&](Vec2 q) { return q.y >= r.minY; }, atY(r.minY));
    if (poly.size() >= 3) clip([&](Vec2 q) { return q.y <= r.maxY; }, atY(r.maxY));
    for (size_t i = 2; i < poly.size(); ++i) p.tri(poly[0], poly[i - 1], poly[i], col);
}

// The locator inset: the region (countries, the Viet Nam–Laos border) with
// the frame outlined in red.
void drawInset(Sheet& sh, Box box) {
    Painter& p = sh.p;
    const float s = sh.s;
    const MapGeometry& g = sh.geometry;
    p.rect(box, {0.90f, 0.93f, 0.96f, 1});
    const Box inner = box.expanded(-1.5 * s);
    Camera ic;
    ic.width = int(std::lround(inner.maxX - inner.minX));
    ic.height = int(std::lround(inner.maxY - inner.minY));
    ic.fitInto(insetRegion(g), 0, 0, 0, 0);
    auto toInset = [&](Vec2 world) {
        const Vec2 q = ic.toScreen(world);
        return Vec2{inner.minX + q.x, inner.minY + q.y};
    };
    const Vec2 o = g.origin;
    if (!g.contextFeatures().empty()) {
        const LayerLod& context = g.context(kLodCount - 1);
        const ContextLook look = contextLook();
        for (size_t i = 0; i < g.contextFeatures().size() && i < context.fillRanges.size(); ++i) {
            const Range r = context.fillRanges[i];
            const Rgba col = g.contextFeatures()[i].own ? look.ownLand : look.neighbourFill;
            for (uint32_t k = r.first; k + 2 < r.first + r.count; k += 3) {
                auto at = [&](uint32_t j) { return toInset({context.fill[j].x + o.x, context.fill[j].y + o.y}); };
                clippedTriangle(p, at(k), at(k + 1), at(k + 2), inner, col);
            }
        }
        for (size_t i = 0; i < context.outlineRanges.size(); ++i)
            for (const auto& line : stripPolylines(context.outline, context.outlineRanges[i], o)) {
                std::vector<Vec2> pts;
                for (const Vec2& q : line) pts.push_back(toInset(q));
                clippedPolyline(p, pts, inner, 0.8 * s, look.border);
            }
    }
    const LineStrip& border = g.border(kLodCount - 1);
    for (const auto& line : stripPolylines(border, {0, uint32_t(border.vertices.size())}, o)) {
        std::vector<Vec2> pts;
        for (const Vec2& q : line) pts.push_back(toInset(q));
        clippedPolyline(p, pts, inner, 1.2 * s, {0.40f, 0.40f, 0.44f, 1});
    }
    // The frame: the map area's extent.
    const Camera& cam = sh.cam;
    std::vector<Vec2> outline;
    for (Vec2 c : {Vec2{sh.area.minX, sh.area.minY}, Vec2{sh.area.maxX, sh.area.minY}, Vec2{sh.area.maxX, sh.area.maxY},
                   Vec2{sh.area.minX, sh.area.maxY}, Vec2{sh.area.minX, sh.area.minY}})
        outline.push_back(toInset(cam.toWorld(c)));
    Box f;
    for (Vec2 q : outline) f.extend(q);
    if (f.maxX - f.minX < 6 * s || f.maxY - f.minY < 6 * s) {  // too small to see: a marker around it
        const Vec2 c = f.center();
        p.frame({c.x - 4 * s, c.y - 4 * s, c.x + 4 * s, c.y + 4 * s}, 2 * s, {0.85f, 0.10f, 0.10f, 1});
    } else {
        clippedPolyline(p, outline, inner, 2 * s, {0.85f, 0.10f, 0.10f, 1});
    }
    p.frame(box, 1 * s, kRule);
    sh.reserve(box);
}

// The largest box with `frame`'s proportions inside `free` that meets none
// of `obstacles`, as the margins Camera::fitInto takes; none when even the
// best is under `minShare` of the scale `free` alone would give.
std::optional<Box> refit(const Box& frame, const Box& free, const std::vector<Box>& obstacles, double minShare) {
    const double fw = std::max(frame.maxX - frame.minX, 1.0), fh = std::max(frame.maxY - frame.minY, 1.0);
    auto scaleOf = [&](const Box& b) { return std::min((b.maxX - b.minX) / fw, (b.maxY - b.minY) / fh); };
    std::vector<double> xs{free.minX, free.maxX}, ys{free.minY, free.maxY};
    for (const Box& o : obstacles) {
        for (double x : {o.minX, o.maxX})
            if (x > free.minX && x < free.maxX) xs.push_back(x);
        for (double y : {o.minY, o.maxY})
            if (y > free.minY && y < free.maxY) ys.push_back(y);
    }
    std::optional<Box> best;
    double bestScale = 0;
    for (size_t a = 0; a < xs.size(); ++a)
        for (size_t b = 0; b < xs.size(); ++b) {
            if (xs[b] <= xs[a]) continue;
            for (size_t c = 0; c < ys.size(); ++c)
                for (size_t d = 0; d < ys.size(); ++d) {
                    if (ys[d] <= ys[c]) continue;
                    const Box r{xs[a], ys[c], xs[b], ys[d]};
                    const double sc = scaleOf(r);
                    if (sc <= bestScale) continue;
                    bool clear = true;
                    for (const Box& o : obstacles)
                        if (o.minX < r.maxX - 0.5 && o.maxX > r.minX + 0.5 && o.minY < r.maxY - 0.5 && o.maxY > r.minY + 0.5)
                            clear = false;
                    if (clear) {
                        best = r;
                        bestScale = sc;
                    }
                }
        }
    if (!best || bestScale < minShare * scaleOf(free)) return std::nullopt;
    return best;
}

// Lays the page out: the bands, then the boxes at the map area's corners
// (information top left, the atlas list under it, the north arrow top
// right, the legend bottom right, the scale bar bottom left, the locator
// inset above it), the frame refitted into the largest part of the map area
// they leave free, then the graticule for that camera.
void layoutSheet(Sheet& sh, const Bands& bands) {
    const ExportSpec& spec = sh.spec;
    const float s = sh.s;
    const double pad = sh.pad, m = spec.frameIsImage ? 0 : 24 * s;
    const Box& area = sh.area;
    const double areaW = area.maxX - area.minX, areaH = area.maxY - area.minY;
    // A first camera on the whole map area: what the legend will list.
    Camera& cam = sh.cam;
    cam.width = spec.width;
    cam.height = spec.height;
    if (spec.frameIsImage)
        cam.fitInto(spec.frame, 0, 0, 0, 0);
    else
        cam.fitInto(spec.frame, area.minX + m, area.minY + m, sh.W - area.maxX + m, sh.H - area.maxY + m);

    const TextBox info = measureInfo(sh, spec.info, std::min(0.45 * areaW, 560.0 * s));
    const TextBox index = measureIndex(sh, 0.6 * areaW);
    const LegendBox legend = measureLegend(sh, cam);
    Box infoBox, indexBox, legendBox, insetBox;
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
    Vec2 arrow{area.maxX - pad - r - 4 * s, area.minY + pad + r + sh.fonts.labelBold.lineHeight + 4 * s};
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
    if (spec.graticule && !spec.frameIsImage) addGraticule(sh);
    addTitleBand(sh, bands);
    addFooter(sh, bands);
    if (!spec.info.empty()) drawTextBox(sh, info, infoBox);
    if (!spec.index.empty()) drawIndex(sh, index, indexBox);
    addScaleBar(sh);
    if (!legend.entries.empty()) {
        // Listed for the final frame, anchored at the bottom (a longer list grows upwards).
        const LegendBox final = measureLegend(sh, cam);
        drawLegend(sh, final, {legendBox.maxX - final.w, legendBox.maxY - final.h, legendBox.maxX, legendBox.maxY});
    }
    drawNorthArrow(sh, arrow);
    if (!insetBox.empty()) drawInset(sh, insetBox);
    if (spec.marginPx > 0) {  // the blank margin, over everything the map drew there
        const double mp = spec.marginPx, W = sh.W, H = sh.H;
        for (const Box& b : {Box{0, 0, W, mp}, Box{0, H - mp, W, H}, Box{0, mp, mp, H - mp}, Box{W - mp, mp, W, H - mp}}) {
            sh.p.rect(b, {1, 1, 1, 1});
            sh.reserve(b);
        }
    }
    (void)areaH;
}

}  // namespace

Camera exportCamera(const ExportSpec& spec, const FontSet& fonts, const Dataset& data, const MapGeometry& geometry) {
    auto layout = layoutExport(fonts, data, geometry, spec);
    return layout ? layout->camera : Camera{};
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
    const float s = float(spec.dpi / 96.0);
    ExportLayout out{Camera{}, spec.scene, {}};
    const Bands bands = bandsFor(spec, fonts);
    Scene& scene = out.scene;
    scene.style.scale = s;
    scene.style.scaleBar = false;
    scene.style.attribution.clear();
    scene.decorations.clear();
    scene.underlay.clear();
    Sheet sh{spec, fonts, data, geometry, Camera{}, scene, Painter(scene.decorations), s, double(spec.width),
             double(spec.height), 12.0 * s, {}, {}};
    sh.area = {spec.marginPx, spec.marginPx + bands.header, sh.W - spec.marginPx, sh.H - spec.marginPx - bands.footer};
    layoutSheet(sh, bands);
    out.camera = sh.cam;
    out.boxes = sh.boxes;
    return out;
}

Result<io::RgbaImage> renderExport(MapRenderer& renderer, const FontSet& fonts, const Dataset& data,
                                   const MapGeometry& geometry, const ExportSpec& spec) {
    auto layout = layoutExport(fonts, data, geometry, spec);
    if (!layout) return layout.error();
    return drawTiles(renderer, spec, layout->camera, layout->scene);
}

}  // namespace bl::render
