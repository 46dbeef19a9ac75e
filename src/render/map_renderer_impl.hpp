#pragma once
// INTERNAL to the map renderer (map_renderer.cpp, map_passes.cpp,
// map_screen_passes.cpp): its GPU state and the per-frame state its draw
// passes share. One function per pass, as MapLibre's render_*_layer.
#include <epoxy/gl.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "render/label_placer.hpp"
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
    void rect(double x0, double y0, double x1, double y1, uint32_t col) {
        tri({x0, y0}, {x1, y0}, {x1, y1}, col);
        tri({x0, y0}, {x1, y1}, {x0, y1}, col);
    }
    void line(Vec2 a, Vec2 b, double w, uint32_t col) {
        const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
        if (len <= 0) return;
        const double nx = -dy / len * w / 2, ny = dx / len * w / 2;
        const Vec2 p0{a.x + nx, a.y + ny}, p1{b.x + nx, b.y + ny}, p2{b.x - nx, b.y - ny}, p3{a.x - nx, a.y - ny};
        tri(p0, p1, p2, col);
        tri(p0, p2, p3, col);
    }
    void polygon(Vec2 c, double r, int sides, double rot, uint32_t col) {
        for (int i = 0; i < sides; ++i) {
            const double a0 = rot + 2 * M_PI * i / sides, a1 = rot + 2 * M_PI * (i + 1) / sides;
            tri(c, {c.x + r * std::cos(a0), c.y + r * std::sin(a0)}, {c.x + r * std::cos(a1), c.y + r * std::sin(a1)},
                col);
        }
    }
    void dashedRing(Vec2 c, double r, double w, int dashes, uint32_t col) {
        for (int i = 0; i < dashes; ++i) {
            const double a0 = 2 * M_PI * i / dashes, a1 = a0 + M_PI / dashes;
            line({c.x + r * std::cos(a0), c.y + r * std::sin(a0)}, {c.x + r * std::cos(a1), c.y + r * std::sin(a1)}, w,
                 col);
        }
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

private:
    float m_whiteU, m_whiteV;
};

// The point at fraction f (0..1) of a line's length.
inline Vec2 pointAlong(const LineString& line, double f) {
    double total = 0;
    for (size_t i = 1; i < line.size(); ++i) total += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    double want = total * f;
    for (size_t i = 1; i < line.size(); ++i) {
        const double d = std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
        if (d > 0 && want <= d) {
            const double t = want / d;
            return {line[i - 1].x + t * (line[i].x - line[i - 1].x), line[i - 1].y + t * (line[i].y - line[i - 1].y)};
        }
        want -= d;
    }
    return line.back();
}


}  // namespace bl::render::detail

namespace bl::render {

// What one draw call's passes share: the scene, the cameras (the whole
// frame's, and the one of the tile being drawn), the level of detail, and
// what the screen-space passes collect (triangles, label candidates,
// obstacles) before the labels are placed and everything is uploaded.
struct Frame {
    struct LabelDraw {
        const Font* font;
        Vec2 pos;
        std::string text;
        Rgba colour;
        bool pill = false;
        Rgba pillColour;
    };

    const Scene& scene;
    const Camera& cam;   // the whole frame: labels and decorations are laid out on it
    Camera gcam;         // the tile's camera: geometry is drawn through it
    Box tileBox;         // the tile in frame pixels
    const Dataset* data = nullptr;
    const MapGeometry* geometry = nullptr;
    FrameStats& stats;
    std::vector<Box>& labelBoxes;
    float s = 1.0f;      // style scale (dpi / 96)
    double mpp = 1.0;
    size_t lod = 0;                        // the level this scale wants
    Box view;            // visible world box, a little grown
    float offset[2] = {0, 0}, scale[2] = {1, 1};
    detail::ScreenBatch batch;
    std::vector<LabelCandidate> candidates;
    std::vector<LabelDraw> labelDraws;
    std::vector<Box> obstacles;
    std::vector<HighlightedUnit> highlights;  // overlay, hover, selection
    long group = 0;
    std::vector<const LayerLod*> lods;     // per layer, the level drawn (null: none prepared yet)
    std::vector<size_t> levels;            // per layer, its index
    const LineStrip* border = nullptr;     // the Viet Nam–Laos border at the level drawn
    size_t borderLevel = 0;
    const LayerLod* context = nullptr;     // the context countries at the level drawn (null: none)
    size_t contextLevel = 0;

    // Layer li is shown and its level is drawn at this scale (at 96 dpi equivalent).
    bool visible(size_t li) const {
        return li < scene.layerVisible.size() && scene.layerVisible[li] &&
               levelShownAtScale(data->layers[li].spec.level, mpp * s);
    }
    void addLabel(const Font& font, Vec2 centerPx, const std::string& text, double width, int priority, double weight,
                  Rgba colour, bool pill = false, Rgba pillColour = {}, long grp = -1);
};

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
    std::vector<std::pair<std::string, float>> contextLabels;              // per context feature: text, width
    std::vector<std::vector<float>> labelWidths;                            // per layer, per unit
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
    // map_screen_passes.cpp: labels, symbols and screen decorations).
    void collectHighlights(Frame& f);
    void drawContext(Frame& f);
    void drawFills(Frame& f);
    void drawHighlightFills(Frame& f);
    void drawOutlines(Frame& f);
    void drawOverlayLines(Frame& f);
    void addOverlayLabels(Frame& f);
    void addSymbols(Frame& f);
    void addContextLabels(Frame& f);
    void addUnitLabels(Frame& f);
    void addScaleBarAndAttribution(Frame& f);
    void placeLabels(Frame& f);
    void addDecorations(Frame& f);
    void flushScreen(Frame& f, const RenderTarget& target);
};

}  // namespace bl::render
