#pragma once
// Builds screen-space items (engine/scene.hpp ScreenItem: pixels of the
// whole frame, y down) for both backends: the renderer's symbols, labels and
// scale bar, and the export's title, legend, north arrow and furniture.
// Consecutive triangles of one colour share an item.
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "render/engine_types.hpp"

namespace bl::render {

class ScreenPainter {
public:
    explicit ScreenPainter(std::vector<ScreenItem>& out) : m_out(&out) {}

    void tri(Vec2 a, Vec2 b, Vec2 c, Rgba col) {
        auto& out = *m_out;
        if (out.empty() || !out.back().text.empty() || !out.back().line.empty() ||
            std::memcmp(&out.back().colour, &col, sizeof col) != 0)
            out.push_back({{}, {}, ScreenFont::Label, {}, col});
        out.back().triangles.insert(out.back().triangles.end(), {a, b, c});
    }
    void rect(Box b, Rgba col) {
        tri({b.minX, b.minY}, {b.maxX, b.minY}, {b.maxX, b.maxY}, col);
        tri({b.minX, b.minY}, {b.maxX, b.maxY}, {b.minX, b.maxY}, col);
    }
    // A frame `w` wide inside `b`.
    void frame(Box b, double w, Rgba col) {
        rect({b.minX, b.minY, b.maxX, b.minY + w}, col);
        rect({b.minX, b.maxY - w, b.maxX, b.maxY}, col);
        rect({b.minX, b.minY + w, b.minX + w, b.maxY - w}, col);
        rect({b.maxX - w, b.minY + w, b.maxX, b.maxY - w}, col);
    }
    void line(Vec2 a, Vec2 b, double w, Rgba col) { polyline({a, b}, w, col); }
    void polyline(std::vector<Vec2> points, double w, Rgba col) {
        if (points.size() < 2) return;
        ScreenItem item;
        item.line = std::move(points);
        item.lineWidth = float(w);
        item.colour = col;
        m_out->push_back(std::move(item));
    }
    // A regular polygon of `sides` corners on a circle of radius r (a disc with many).
    void polygon(Vec2 c, double r, int sides, double rot, Rgba col) {
        for (int i = 0; i < sides; ++i) {
            const double a0 = rot + 2 * M_PI * i / sides, a1 = rot + 2 * M_PI * (i + 1) / sides;
            tri(c, {c.x + r * std::cos(a0), c.y + r * std::sin(a0)}, {c.x + r * std::cos(a1), c.y + r * std::sin(a1)},
                col);
        }
    }
    void dashedRing(Vec2 c, double r, double w, int dashes, Rgba col) {
        for (int i = 0; i < dashes; ++i) {
            const double a0 = 2 * M_PI * i / dashes, a1 = a0 + M_PI / dashes;
            line({c.x + r * std::cos(a0), c.y + r * std::sin(a0)}, {c.x + r * std::cos(a1), c.y + r * std::sin(a1)}, w,
                 col);
        }
    }
    // `at` is the top left of the line of text.
    void text(ScreenFont f, Vec2 at, const std::string& s, Rgba col) { m_out->push_back({{}, s, f, at, col}); }
    // Text with a halo so it reads on any background.
    void haloText(ScreenFont f, Vec2 at, const std::string& s, Rgba col, Rgba halo, double width) {
        ScreenItem item{{}, s, f, at, col};
        item.halo = halo;
        item.haloWidth = float(width);
        m_out->push_back(std::move(item));
    }

private:
    std::vector<ScreenItem>* m_out;
};

}  // namespace bl::render
