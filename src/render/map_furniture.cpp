#include "render/map_furniture.hpp"

#include <cmath>

#include "core/boundaries/crs.hpp"
#include "render/map_frame.hpp"
#include "render/map_style.hpp"

namespace bl::render {

namespace {

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
void clippedPolyline(ScreenPainter& p, const std::vector<Vec2>& line, const Box& r, double w, Rgba col) {
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

// Clips a triangle to `r` (Sutherland-Hodgman) and paints the result as a fan.
void clippedTriangle(ScreenPainter& p, Vec2 a, Vec2 b, Vec2 c, const Box& r, Rgba col) {
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

// "104°E", "17.5°N": a graticule label (at most two decimals, no trailing zeros).
std::string degreeText(double v, bool lon) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", std::fabs(v));
    std::string t = text;
    while (t.back() == '0') t.pop_back();
    if (t.back() == '.') t.pop_back();
    return t + "°" + (lon ? (v < 0 ? "W" : "E") : (v < 0 ? "S" : "N"));
}

}  // namespace

void addGraticule(const Camera& cam, const Box& area, const FontSet& fonts, float s, const std::vector<Box>& avoid,
                  std::vector<ScreenItem>& underlay, ScreenPainter& over, std::vector<Box>& reserved) {
    const WorkingCrs& crs = threadCrs();
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
    ScreenPainter under(underlay);
    auto sample = [&](bool meridian, double v) {
        std::vector<Vec2> pts;
        const double from = meridian ? ll.latMin - step : ll.lonMin - step, to = meridian ? ll.latMax + step : ll.lonMax + step;
        for (int i = 0; i <= 64; ++i) {
            const double t = from + (to - from) * i / 64;
            pts.push_back(cam.toScreen(crs.forward(meridian ? LonLat{v, t} : LonLat{t, v})));
        }
        return pts;
    };
    const Font& font = fonts.label;
    auto label = [&](const std::string& text, Vec2 at) {
        const Box b{at.x, at.y, at.x + font.textWidth(text), at.y + font.lineHeight};
        for (const Box& o : avoid)
            if (o.intersects(b.expanded(2 * s))) return;
        over.haloText(ScreenFont::Label, at, text, tick, {1, 1, 1, 0.85f}, 1.5 * s);
        reserved.push_back(b);
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
                    over.line({x, area.maxY}, {x, area.maxY - 7 * s}, 1.2 * s, tick);
                    const std::string t = degreeText(v, true);
                    label(t, {x - font.textWidth(t) / 2, area.maxY - 8 * s - font.lineHeight});
                    break;
                }
                if (!meridian && (a.x - area.minX) * (b.x - area.minX) <= 0 && a.x != b.x) {
                    const double y = a.y + (area.minX - a.x) / (b.x - a.x) * (b.y - a.y);
                    if (y < area.minY + 20 * s || y > area.maxY - 20 * s) break;
                    over.line({area.minX, y}, {area.minX + 7 * s, y}, 1.2 * s, tick);
                    label(degreeText(v, false), {area.minX + 9 * s, y - font.lineHeight / 2});
                    break;
                }
            }
        }
    }
    over.frame(area, 1.0 * s, kPageRule);  // the neat line
}

Box insetRegion(const MapGeometry& g) {
    Box r = g.borderBounds.empty() ? g.bounds : g.borderBounds;
    const double grow = 0.18 * std::max(r.maxX - r.minX, r.maxY - r.minY);
    return r.expanded(grow);
}


void drawLocatorInset(ScreenPainter& p, const MapGeometry& g, const Camera& cam, const Box& area, const Box& box, float s) {
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
    std::vector<Vec2> outline;
    for (Vec2 c : {Vec2{area.minX, area.minY}, Vec2{area.maxX, area.minY}, Vec2{area.maxX, area.maxY},
                   Vec2{area.minX, area.maxY}, Vec2{area.minX, area.minY}})
        outline.push_back(toInset(cam.toWorld(c)));
    Box f;
    for (Vec2 q : outline) f.extend(q);
    if (f.maxX - f.minX < 6 * s || f.maxY - f.minY < 6 * s) {  // too small to see: a marker around it
        const Vec2 c = f.center();
        p.frame({c.x - 4 * s, c.y - 4 * s, c.x + 4 * s, c.y + 4 * s}, 2 * s, {0.85f, 0.10f, 0.10f, 1});
    } else {
        clippedPolyline(p, outline, inner, 2 * s, {0.85f, 0.10f, 0.10f, 1});
    }
    p.frame(box, 1 * s, kPageRule);
}

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

}  // namespace bl::render
