#pragma once
// INTERNAL to the OpenGL map renderer (map_renderer.cpp, map_passes.cpp):
// its GPU state. One function per pass, as MapLibre's render_*_layer; the
// per-frame state the passes share is render/map_frame.hpp's Frame.
#include <epoxy/gl.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "render/map_frame.hpp"
#include "render/map_renderer.hpp"

namespace bl::render::detail {

struct ScreenVertex {
    float x, y, u, v;
    uint32_t colour;
};

inline uint32_t pack(Rgba c) {
    auto b = [](float f) { return uint32_t(std::lround(std::clamp(f, 0.0f, 1.0f) * 255.0f)); };
    return b(c.r) | b(c.g) << 8 | b(c.b) << 16 | b(c.a) << 24;
}

// Screen-space triangles (pixels, y down) textured from the font atlas.
class ScreenBatch {
public:
    ScreenBatch(float whiteU, float whiteV) : m_whiteU(whiteU), m_whiteV(whiteV) {}
    std::vector<ScreenVertex> v;

    void tri(Vec2 a, Vec2 b, Vec2 c, uint32_t col) {
        for (Vec2 p : {a, b, c}) v.push_back({float(p.x), float(p.y), m_whiteU, m_whiteV, col});
    }
    void line(Vec2 a, Vec2 b, double w, uint32_t col) {
        const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
        if (len <= 0) return;
        const double nx = -dy / len * w / 2, ny = dx / len * w / 2;
        const Vec2 p0{a.x + nx, a.y + ny}, p1{b.x + nx, b.y + ny}, p2{b.x - nx, b.y - ny}, p3{a.x - nx, a.y - ny};
        tri(p0, p1, p2, col);
        tri(p0, p2, p3, col);
    }
    // `(x, y)` is the top left of the line; glyphs land on whole pixels so
    // their texels map one to one.
    void text(const Font& font, double x, double y, std::string_view s, uint32_t col) {
        const float left = float(std::round(x)), baseline = float(std::round(y)) + font.ascent;
        font.layout(s, [&](const Glyph& g, double pen) {
            if (g.width == 0 || g.height == 0) return;
            const float x0 = left + float(pen) + float(g.left), y0 = baseline - float(g.top);
            const float x1 = x0 + float(g.width), y1 = y0 + float(g.height);
            v.push_back({x0, y0, g.u0, g.v0, col});
            v.push_back({x1, y0, g.u1, g.v0, col});
            v.push_back({x1, y1, g.u1, g.v1, col});
            v.push_back({x0, y0, g.u0, g.v0, col});
            v.push_back({x1, y1, g.u1, g.v1, col});
            v.push_back({x0, y1, g.u0, g.v1, col});
        });
    }
    // Text with a halo (eight offset copies) so it reads on any background.
    void haloText(const Font& font, double x, double y, std::string_view s, uint32_t col, uint32_t halo, double hw) {
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                if (dx || dy) text(font, x + dx * hw, y + dy * hw, s, halo);
        text(font, x, y, s, col);
    }
    // A ScreenItem as triangles (text from the atlas; polylines as quads
    // with square joins).
    void item(const FontSet& fonts, const ScreenItem& it) {
        const uint32_t col = pack(it.colour);
        if (!it.text.empty()) {
            const Font& font = fontFor(fonts, it.font);
            if (it.halo.a > 0 && it.haloWidth > 0)
                haloText(font, it.at.x, it.at.y, it.text, col, pack(it.halo), it.haloWidth);
            else
                text(font, it.at.x, it.at.y, it.text, col);
        } else if (!it.line.empty()) {
            for (size_t i = 1; i < it.line.size(); ++i) {
                const Vec2 a = it.line[i - 1], b = it.line[i];
                const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
                if (len <= 0) continue;
                const double e = i + 1 < it.line.size() ? it.lineWidth / 2 : 0;  // overlap into the next segment
                line(a, {b.x + dx / len * e, b.y + dy / len * e}, it.lineWidth, col);
            }
        } else {
            for (size_t i = 0; i + 2 < it.triangles.size(); i += 3) tri(it.triangles[i], it.triangles[i + 1], it.triangles[i + 2], col);
        }
    }

private:
    float m_whiteU, m_whiteV;
};

}  // namespace bl::render::detail

namespace bl::render {

struct MapRenderer::GpuStrip {
    Buffer vbo;
    VertexArray vao;
    size_t count = 0;
};

struct MapRenderer::GpuLayer {
    GpuStrip fill[kLodCount], outline[kLodCount];  // per level of detail, uploaded when first drawn
};

struct MapRenderer::Impl {
    const FontSet* fonts = nullptr;
    Program fillProg, lineProg, screenProg;
    GLint fillOffset = -1, fillScale = -1, fillColour = -1, fillShade = -1;
    GLint lineOffset = -1, lineScale = -1, lineHalf = -1, lineMpp = -1, lineColour = -1;
    GLint screenViewport = -1, screenAtlas = -1;
    Texture atlas;
    GpuStrip screen, dynamicLines, dynamicFill;
    std::vector<GpuLayer> layers;
    GpuStrip border[kLodCount];
    GpuStrip contextFill[kLodCount], contextOutline[kLodCount];
    float offset[2] = {0, 0}, scale[2] = {1, 1};  // this draw's tile: working CRS (from the origin) to clip space
    std::unique_ptr<ScreenLayout> layout;                                   // the screen passes (map_screen_passes.cpp)
    std::map<std::pair<int, int>, std::vector<FillVertex>> highlightFills;  // lazily triangulated

    void upload(GpuStrip& s, const void* data, size_t bytes, size_t count, bool line, GLenum usage = GL_STATIC_DRAW) {
        if (!s.vao) {
            s.vao = makeVertexArray();
            s.vbo = makeBuffer();
            glBindVertexArray(s.vao.id());
            glBindBuffer(GL_ARRAY_BUFFER, s.vbo.id());
            if (line) {
                glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex), nullptr);
                glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex), reinterpret_cast<void*>(8));
            } else {
                glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(FillVertex), nullptr);
                glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(FillVertex), reinterpret_cast<void*>(8));
            }
            glEnableVertexAttribArray(0);
            glEnableVertexAttribArray(1);
        }
        glBindVertexArray(s.vao.id());  // left bound: callers draw from it
        glBindBuffer(GL_ARRAY_BUFFER, s.vbo.id());
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(bytes), data, usage);
        s.count = count;
    }

    // The passes of MapRenderer::draw, in order (map_passes.cpp: geometry;
    // then ScreenLayout: labels, symbols and screen decorations).
    void drawContext(Frame& f);
    void drawFills(Frame& f);
    void drawHighlightFills(Frame& f);
    void drawOutlines(Frame& f);
    void drawOverlayLines(Frame& f);
    // Screen items as triangles, shifted to the tile, in one draw call.
    void drawScreen(const std::vector<ScreenItem>& items, const Frame& f, const RenderTarget& target);
};

}  // namespace bl::render
