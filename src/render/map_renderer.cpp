#include "render/map_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "render/label_placer.hpp"

namespace bl::render {

LayerLook lookFor(Country c, Level l) {
    const bool vn = c == Country::VN;
    switch (l) {
        case Level::Province:
            return vn ? LayerLook{{0.99f, 0.91f, 0.78f, 1}, {0.58f, 0.28f, 0.12f, 1}, 1.7f}
                      : LayerLook{{0.83f, 0.93f, 0.83f, 1}, {0.12f, 0.42f, 0.26f, 1}, 1.7f};
        case Level::District:
            return vn ? LayerLook{{0.99f, 0.91f, 0.78f, 1}, {0.72f, 0.50f, 0.36f, 0.9f}, 0.75f}
                      : LayerLook{{0.83f, 0.93f, 0.83f, 1}, {0.40f, 0.62f, 0.46f, 0.9f}, 0.75f};
        case Level::Commune:
            return {{0.99f, 0.91f, 0.78f, 1}, {0.78f, 0.62f, 0.50f, 0.8f}, 0.5f};
    }
    return {};
}

Rgba borderColour() { return {0.33f, 0.08f, 0.36f, 1.0f}; }

namespace {

struct ScreenVertex {
    float x, y, u, v;
    uint32_t colour;
};

uint32_t pack(Rgba c) {
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
Vec2 pointAlong(const LineString& line, double f) {
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

const std::string& labelText(const AdminUnit& u) { return u.shortName.empty() ? u.name : u.shortName; }

}  // namespace

struct MapRenderer::GpuStrip {
    Buffer vbo;
    VertexArray vao;
    size_t count = 0;
};

struct MapRenderer::GpuLayer {
    std::vector<GpuStrip> fill, outline;  // per level of detail
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
    std::vector<GpuStrip> border;
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
};

MapRenderer::~MapRenderer() = default;

Result<std::unique_ptr<MapRenderer>> MapRenderer::create(const FontSet& fonts) {
    std::unique_ptr<MapRenderer> r(new MapRenderer);
    r->m = std::make_unique<Impl>();
    Impl& m = *r->m;
    m.fonts = &fonts;
    auto fill = makeProgram("fill.vert", "fill.frag");
    if (!fill) return fill.error();
    auto line = makeProgram("line.vert", "line.frag");
    if (!line) return line.error();
    auto screen = makeProgram("screen.vert", "screen.frag");
    if (!screen) return screen.error();
    m.fillProg = std::move(*fill);
    m.lineProg = std::move(*line);
    m.screenProg = std::move(*screen);
    m.fillOffset = glGetUniformLocation(m.fillProg.id(), "uOffset");
    m.fillScale = glGetUniformLocation(m.fillProg.id(), "uScale");
    m.fillColour = glGetUniformLocation(m.fillProg.id(), "uColour");
    m.fillShade = glGetUniformLocation(m.fillProg.id(), "uShadeAmount");
    m.lineOffset = glGetUniformLocation(m.lineProg.id(), "uOffset");
    m.lineScale = glGetUniformLocation(m.lineProg.id(), "uScale");
    m.lineHalf = glGetUniformLocation(m.lineProg.id(), "uHalfWidthPx");
    m.lineMpp = glGetUniformLocation(m.lineProg.id(), "uMetresPerPixel");
    m.lineColour = glGetUniformLocation(m.lineProg.id(), "uColour");
    m.screenViewport = glGetUniformLocation(m.screenProg.id(), "uViewport");
    m.screenAtlas = glGetUniformLocation(m.screenProg.id(), "uAtlas");

    const GlyphAtlas& atlas = fonts.atlas;
    GLint maxSide = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSide);
    if (atlas.width > maxSide || atlas.height > maxSide)
        return makeError("the label glyph atlas (" + std::to_string(atlas.width) + "x" + std::to_string(atlas.height) +
                         " px) exceeds this OpenGL's largest texture; use a lower DPI");
    m.atlas = makeTexture();
    glBindTexture(GL_TEXTURE_2D, m.atlas.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.width, atlas.height, 0, GL_RED, GL_UNSIGNED_BYTE,
                 atlas.coverage.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);

    m.screen.vao = makeVertexArray();
    m.screen.vbo = makeBuffer();
    glBindVertexArray(m.screen.vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m.screen.vbo.id());
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ScreenVertex), nullptr);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ScreenVertex), reinterpret_cast<void*>(8));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ScreenVertex), reinterpret_cast<void*>(16));
    for (GLuint i = 0; i < 3; ++i) glEnableVertexAttribArray(i);
    glBindVertexArray(0);
    if (glGetError() != GL_NO_ERROR) return makeError("OpenGL failed while creating the map renderer");
    return r;
}

void MapRenderer::setData(std::shared_ptr<const Dataset> data, std::shared_ptr<const MapGeometry> geometry) {
    m_data = std::move(data);
    m_geometry = std::move(geometry);
    m->layers.clear();
    m->border.clear();
    m->labelWidths.clear();
    m->highlightFills.clear();
    if (!m_data || !m_geometry) {
        m_data = nullptr;
        return;
    }
    assert(m_geometry->layers.size() == m_data->layers.size());
    for (size_t li = 0; li < m_geometry->layers.size(); ++li) {
        const LayerGeometry& lg = m_geometry->layers[li];
        GpuLayer gl;
        gl.fill.resize(lg.lods.size());
        gl.outline.resize(lg.lods.size());
        for (size_t i = 0; i < lg.lods.size(); ++i) {
            const LayerLod& lod = lg.lods[i];
            m->upload(gl.outline[i], lod.outline.vertices.data(), lod.outline.vertices.size() * sizeof(LineVertex),
                      lod.outline.vertices.size(), true);
            if (!lod.fill.empty())
                m->upload(gl.fill[i], lod.fill.data(), lod.fill.size() * sizeof(FillVertex), lod.fill.size(), false);
        }
        m->layers.push_back(std::move(gl));
        const Layer& layer = m_data->layers[li];
        const Font& font = layer.spec.level == Level::Province ? m->fonts->labelBold : m->fonts->label;
        std::vector<float> widths;
        for (const auto& u : layer.units) widths.push_back(float(font.textWidth(labelText(u))));
        m->labelWidths.push_back(std::move(widths));
    }
    m->border.resize(m_geometry->border.size());
    for (size_t i = 0; i < m_geometry->border.size(); ++i)
        m->upload(m->border[i], m_geometry->border[i].vertices.data(),
                  m_geometry->border[i].vertices.size() * sizeof(LineVertex), m_geometry->border[i].vertices.size(),
                  true);
}

void MapRenderer::draw(const RenderTarget& target, const Camera& cam, const Scene& scene, const Box* tile) {
    Impl& m = *this->m;
    m_stats = {};
    m_labelBoxes.clear();
    glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
    glViewport(0, 0, target.width, target.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    const Rgba bg = scene.style.background;
    glClearColor(bg.r, bg.g, bg.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    const float s = scene.style.scale;
    const double mpp = cam.metresPerPixel;
    // The geometry is drawn through the tile's own camera; everything in
    // screen space (labels, symbols, decorations) is laid out on the whole
    // frame and shifted by the tile's corner when uploaded.
    const Box tileBox = tile ? *tile : Box{0, 0, double(cam.width), double(cam.height)};
    Camera gcam = cam;
    gcam.width = target.width;
    gcam.height = target.height;
    gcam.center = cam.toWorld({(tileBox.minX + tileBox.maxX) / 2, (tileBox.minY + tileBox.maxY) / 2});

    ScreenBatch batch(m.fonts->atlas.whiteU, m.fonts->atlas.whiteV);
    std::vector<LabelCandidate> candidates;
    struct LabelDraw {
        const Font* font;
        Vec2 pos;
        std::string text;
        Rgba colour;
        bool pill = false;
        Rgba pillColour;
    };
    std::vector<LabelDraw> labelDraws;
    std::vector<Box> obstacles;

    if (m_data && m_geometry) {
        const Vec2 origin = m_geometry->origin;
        const float offset[2] = {float(origin.x - gcam.center.x), float(origin.y - gcam.center.y)};
        const float scale[2] = {float(2.0 / (gcam.width * mpp)), float(2.0 / (gcam.height * mpp))};
        const size_t lod = lodForScale(mpp);
        m_stats.lod = lod;
        const Box view = gcam.visibleBox().expanded(mpp * 4);
        auto visible = [&](size_t li) {
            return li < scene.layerVisible.size() && scene.layerVisible[li] &&
                   levelShownAtScale(m_data->layers[li].spec.level, mpp * s);  // at 96 dpi equivalent
        };
        // Units of a layer whose bounds meet the view, merged into few draw calls.
        auto drawRanges = [&](size_t li, const std::vector<Range>& ranges, GLenum mode, size_t& counter) {
            const Layer& layer = m_data->layers[li];
            uint32_t first = 0, count = 0;
            for (size_t u = 0; u < ranges.size(); ++u) {
                if (!layer.units[u].bounds.intersects(view) || ranges[u].count == 0) continue;
                if (count && first + count == ranges[u].first) {
                    count += ranges[u].count;
                    continue;
                }
                if (count) glDrawArrays(mode, GLint(first), GLsizei(count));
                counter += count;
                first = ranges[u].first;
                count = ranges[u].count;
            }
            if (count) glDrawArrays(mode, GLint(first), GLsizei(count));
            counter += count;
        };
        auto useLine = [&](Rgba c, float widthPx) {
            glUniform4f(m.lineColour, c.r, c.g, c.b, c.a);
            glUniform1f(m.lineHalf, float(widthPx * s / 2.0));
        };

        // Fills: opaque, so without blending (cheaper on software renderers).
        glDisable(GL_BLEND);
        glUseProgram(m.fillProg.id());
        glUniform2fv(m.fillOffset, 1, offset);
        glUniform2fv(m.fillScale, 1, scale);
        for (size_t li = 0; li < m.layers.size(); ++li) {
            const LayerGeometry& lg = m_geometry->layers[li];
            if (!visible(li) || !lg.filled || !m.layers[li].fill[lod].vao) continue;
            const LayerLook look = lookFor(m_data->layers[li].spec.country, m_data->layers[li].spec.level);
            glUniform4f(m.fillColour, look.fill.r, look.fill.g, look.fill.b, 1.0f);
            glUniform1f(m.fillShade, 0.10f);
            glBindVertexArray(m.layers[li].fill[lod].vao.id());
            drawRanges(li, lg.lods[lod].fillRanges, GL_TRIANGLES, m_stats.fillVertices);
        }
        glEnable(GL_BLEND);
        // Highlights (overlay, hover, selection): translucent fill.
        std::vector<HighlightedUnit> highlights = scene.overlay.highlights;
        if (scene.hovered.valid() && !(scene.hovered == scene.selected))
            highlights.push_back({scene.hovered, {0.15f, 0.45f, 0.95f, 0.6f}});
        if (scene.selected.valid()) highlights.push_back({scene.selected, {0.10f, 0.35f, 0.95f, 1.0f}});
        for (const auto& h : highlights) {
            if (!h.unit.valid() || size_t(h.unit.layer) >= m_data->layers.size() ||
                size_t(h.unit.unit) >= m_data->layers[size_t(h.unit.layer)].units.size())
                continue;
            glUniform4f(m.fillColour, h.colour.r, h.colour.g, h.colour.b, 0.28f * h.colour.a);
            glUniform1f(m.fillShade, 0.0f);
            const LayerGeometry& hg = m_geometry->layers[size_t(h.unit.layer)];
            if (hg.filled && m.layers[size_t(h.unit.layer)].fill[lod].vao) {
                // Filled layers already have this unit's triangles at this level of detail.
                const Range r = hg.lods[lod].fillRanges[size_t(h.unit.unit)];
                glBindVertexArray(m.layers[size_t(h.unit.layer)].fill[lod].vao.id());
                glDrawArrays(GL_TRIANGLES, GLint(r.first), GLsizei(r.count));
                continue;
            }
            // Others are triangulated on first use (communes and districts: milliseconds).
            auto& tris = m.highlightFills[{h.unit.layer, h.unit.unit}];
            if (tris.empty()) {
                const Vec2 o = m_geometry->origin;
                for (const Vec2& p :
                     triangulate(m_data->layers[size_t(h.unit.layer)].units[size_t(h.unit.unit)].geometry))
                    tris.push_back({float(p.x - o.x), float(p.y - o.y), 0.0f});
            }
            m.upload(m.dynamicFill, tris.data(), tris.size() * sizeof(FillVertex), tris.size(), false, GL_STREAM_DRAW);
            glDrawArrays(GL_TRIANGLES, 0, GLsizei(tris.size()));
        }

        // Outlines: fine levels first, provinces over them, the border on top.
        glUseProgram(m.lineProg.id());
        glUniform2fv(m.lineOffset, 1, offset);
        glUniform2fv(m.lineScale, 1, scale);
        glUniform1f(m.lineMpp, float(mpp));
        for (Level level : {Level::Commune, Level::District, Level::Province}) {
            for (size_t li = 0; li < m.layers.size(); ++li) {
                const Layer& layer = m_data->layers[li];
                if (!visible(li) || layer.spec.level != level) continue;
                const LayerLook look = lookFor(layer.spec.country, level);
                useLine(look.outline, look.widthPx);
                glBindVertexArray(m.layers[li].outline[lod].vao.id());
                drawRanges(li, m_geometry->layers[li].lods[lod].outlineRanges, GL_TRIANGLE_STRIP,
                           m_stats.outlineVertices);
            }
        }
        if (lod < m.border.size() && m.border[lod].count) {
            glBindVertexArray(m.border[lod].vao.id());
            useLine({1, 1, 1, 0.85f}, 6.0f);
            glDrawArrays(GL_TRIANGLE_STRIP, 0, GLsizei(m.border[lod].count));
            useLine(borderColour(), 3.2f);
            glDrawArrays(GL_TRIANGLE_STRIP, 0, GLsizei(m.border[lod].count));
            m_stats.outlineVertices += 2 * m.border[lod].count;
        }
        for (const auto& h : highlights) {
            if (!h.unit.valid() || size_t(h.unit.layer) >= m.layers.size()) continue;
            const auto& ranges = m_geometry->layers[size_t(h.unit.layer)].lods[lod].outlineRanges;
            if (size_t(h.unit.unit) >= ranges.size()) continue;
            useLine(h.colour, 2.6f);
            glBindVertexArray(m.layers[size_t(h.unit.layer)].outline[lod].vao.id());
            glDrawArrays(GL_TRIANGLE_STRIP, GLint(ranges[size_t(h.unit.unit)].first),
                         GLsizei(ranges[size_t(h.unit.unit)].count));
        }

        // Overlay lines: connectors (thin, under) then segments (bold).
        LineStrip overlayStrip;
        std::vector<std::pair<Range, std::pair<Rgba, float>>> overlayParts;
        auto addPart = [&](const LineString& line, Rgba c, float w) {
            const uint32_t first = uint32_t(overlayStrip.vertices.size());
            overlayStrip.append(line, origin);
            overlayParts.push_back({{first, uint32_t(overlayStrip.vertices.size()) - first}, {c, w}});
        };
        for (const auto& c : scene.overlay.connectors) addPart({c.from, c.to}, c.colour, 2.0f);
        for (const auto& seg : scene.overlay.segments)
            for (const auto& line : seg.lines) {
                addPart(line, {1, 1, 1, 0.9f}, seg.widthPx + 3.0f);
                addPart(line, seg.colour, seg.widthPx);
            }
        if (!overlayStrip.vertices.empty()) {
            // Each part has its own colour and width: draw exact ranges.
            m.upload(m.dynamicLines, overlayStrip.vertices.data(), overlayStrip.vertices.size() * sizeof(LineVertex),
                     overlayStrip.vertices.size(), true, GL_STREAM_DRAW);
            for (const auto& [r, look] : overlayParts) {
                useLine(look.first, look.second);
                const uint32_t skip = r.first > 0 ? 2 : 0;  // the degenerate join
                if (r.count <= skip + 2) continue;
                glDrawArrays(GL_TRIANGLE_STRIP, GLint(r.first + skip), GLsizei(r.count - skip));
            }
        }

        // Label candidates: overlay first, then units by level.
        const Font& bold = m.fonts->labelBold;
        const Font& regular = m.fonts->label;
        long group = 0;
        auto addLabel = [&](const Font& font, Vec2 centerPx, const std::string& text, double width, int priority,
                            double weight, Rgba colour, bool pill = false, Rgba pillColour = {}, long grp = -1) {
            const double h = font.lineHeight;
            const double padX = pill ? 4 * s : 0;
            Box b{centerPx.x - width / 2 - padX, centerPx.y - h / 2, centerPx.x + width / 2 + padX, centerPx.y + h / 2};
            candidates.push_back({b, priority, weight, grp});
            labelDraws.push_back({&font, {centerPx.x - width / 2, centerPx.y - h / 2}, text, colour, pill, pillColour});
        };
        for (const auto& seg : scene.overlay.segments) {
            if (seg.label.empty() || seg.lines.empty()) continue;
            const LineString* longest = &seg.lines.front();
            for (const auto& l : seg.lines)
                if (l.size() > longest->size()) longest = &l;
            if (longest->empty()) continue;
            // Alternatives along the line, so a symbol or another label at its middle does not hide it.
            const long grp = group++;
            for (double f : {0.5, 0.35, 0.65, 0.2, 0.8}) {
                const Vec2 mid = cam.toScreen(pointAlong(*longest, f));
                for (double dy : {-14.0, 14.0})
                    addLabel(bold, {mid.x, mid.y + dy * s}, seg.label, bold.textWidth(seg.label), 0, 1e9, {1, 1, 1, 1},
                             true, seg.colour, grp);
            }
        }
        for (const auto& c : scene.overlay.connectors) {
            if (c.label.empty()) continue;
            const Vec2 mid = cam.toScreen({(c.from.x + c.to.x) / 2, (c.from.y + c.to.y) / 2});
            addLabel(regular, mid, c.label, regular.textWidth(c.label), 0, 1e8, {1, 1, 1, 1}, true, c.colour);
        }
        // Symbols.
        for (const auto& sym : scene.overlay.symbols) {
            const Vec2 p = cam.toScreen(sym.position);
            if (p.x < -20 || p.y < -20 || p.x > cam.width + 20 || p.y > cam.height + 20) continue;
            const double r = 6.5 * s;
            const Rgba col = sym.kind == SymbolKind::BorderGate ? Rgba{0.80f, 0.10f, 0.10f, 1}
                             : sym.kind == SymbolKind::Station  ? Rgba{0.10f, 0.20f, 0.60f, 1}
                                                                : Rgba{0.05f, 0.55f, 0.60f, 1};
            const int sides = sym.kind == SymbolKind::BorderGate ? 4 : sym.kind == SymbolKind::Station ? 4 : 24;
            const double rot = sym.kind == SymbolKind::Station ? M_PI / 4 : 0.0;
            batch.polygon(p, r + 1.5 * s, sides, rot, pack({1, 1, 1, 1}));
            batch.polygon(p, r, sides, rot, pack(col));
            if (sym.approximate) {
                batch.polygon(p, r - 2.2 * s, sides, rot, pack({1, 1, 1, 1}));
                batch.dashedRing(p, r + 5 * s, 1.5 * s, 10, pack(col));
            }
            obstacles.push_back({p.x - r - 5 * s, p.y - r - 5 * s, p.x + r + 5 * s, p.y + r + 5 * s});
            if (!sym.label.empty()) {
                // "≈" where the font has it (Noto Sans does not), else "~".
                const char* approx = regular.glyph(U'≈') ? "≈ " : "~ ";
                const std::string text = sym.approximate ? approx + sym.label : sym.label;
                const double w = regular.textWidth(text);
                addLabel(regular, {p.x + r + 10 * s + w / 2, p.y}, text, w, 1, 0, col);
            }
        }
        if (scene.style.labels) {
            for (size_t li = 0; li < m_data->layers.size(); ++li) {
                if (!visible(li)) continue;
                const Layer& layer = m_data->layers[li];
                const bool province = layer.spec.level == Level::Province;
                const Font& font = province ? bold : regular;
                const Rgba colour = province ? (layer.spec.country == Country::VN ? Rgba{0.45f, 0.18f, 0.05f, 1}
                                                                                  : Rgba{0.05f, 0.32f, 0.16f, 1})
                                             : Rgba{0.22f, 0.22f, 0.22f, 1};
                const double need = province ? 0.35 : 0.6;
                for (size_t u = 0; u < layer.units.size(); ++u) {
                    const LabelAnchor& a = m_geometry->layers[li].anchors[u];
                    const double rPx = a.radiusM / mpp;
                    const double w = m.labelWidths[li][u];
                    if (2 * rPx < w * need || 2 * rPx < font.lineHeight) continue;
                    const Vec2 p = cam.toScreen(a.position);
                    if (p.x < -w || p.y < -50 || p.x > cam.width + w || p.y > cam.height + 50) continue;
                    const int priority = 2 + int(layer.spec.level);
                    // Centred on the pole of inaccessibility, else nudged within the inscribed circle.
                    const double h = font.lineHeight;
                    const long grp = group++;
                    for (Vec2 d : {Vec2{0, 0}, Vec2{0, -h}, Vec2{0, h}, Vec2{-w / 4, 0}, Vec2{w / 4, 0}}) {
                        if (std::hypot(d.x, d.y) > rPx * 0.7) continue;
                        addLabel(font, {p.x + d.x, p.y + d.y}, labelText(layer.units[u]), w, priority, rPx, colour,
                                 false, {}, grp);
                    }
                }
            }
        }
    }
    m_stats.labelCandidates = candidates.size();

    // Scale bar (bottom left) and attribution (bottom right) are obstacles too.
    const Font& bold = m.fonts->labelBold;
    const Font& regular = m.fonts->label;
    if (scene.style.scaleBar && m_data) {
        const ScaleBar bar = scaleBarFor(cam, 160.0 * s);
        const double x0 = 16 * s, y1 = cam.height - 16 * s, h = 6 * s;
        char text[64];
        std::snprintf(text, sizeof text, bar.km >= 1 ? "%.0f km" : "%.1f km", bar.km);
        const double tw = bold.textWidth(text);
        batch.rect(x0 - 6 * s, y1 - h - bold.lineHeight - 10 * s, x0 + std::max(bar.pixels, tw) + 6 * s, y1 + 6 * s,
                   pack({1, 1, 1, 0.8f}));
        batch.rect(x0, y1 - h, x0 + bar.pixels, y1, pack({0.1f, 0.1f, 0.1f, 1}));
        batch.rect(x0 + bar.pixels / 2, y1 - h + 1.5 * s, x0 + bar.pixels - 1.5 * s, y1 - 1.5 * s, pack({1, 1, 1, 1}));
        batch.text(bold, x0, y1 - h - bold.lineHeight - 4 * s, text, pack({0.1f, 0.1f, 0.1f, 1}));
        obstacles.push_back(
            {x0 - 6 * s, y1 - h - bold.lineHeight - 10 * s, x0 + std::max(bar.pixels, tw) + 6 * s, y1 + 6 * s});
    }
    if (!scene.style.attribution.empty()) {
        const double w = regular.textWidth(scene.style.attribution);
        const double x = cam.width - w - 8 * s, y = cam.height - regular.lineHeight - 6 * s;
        batch.rect(x - 4 * s, y - 2 * s, cam.width, cam.height, pack({1, 1, 1, 0.75f}));
        batch.text(regular, x, y, scene.style.attribution, pack({0.25f, 0.25f, 0.25f, 1}));
        obstacles.push_back({x - 4 * s, y - 2 * s, double(cam.width), double(cam.height)});
    }

    obstacles.insert(obstacles.end(), scene.reservedAreas.begin(), scene.reservedAreas.end());
    for (size_t i : placeLabels(candidates, obstacles, cam.width, cam.height, 3.0 * s)) {
        const LabelDraw& d = labelDraws[i];
        const Box& b = candidates[i].box;
        if (d.pill) {
            batch.rect(b.minX, b.minY - 1 * s, b.maxX, b.maxY + 1 * s, pack(d.pillColour));
            batch.text(*d.font, d.pos.x, d.pos.y, d.text, pack(d.colour));
        } else {
            batch.haloText(*d.font, d.pos.x, d.pos.y, d.text, pack(d.colour), pack({1, 1, 1, 0.8f}), 1.0 * s);
        }
        m_labelBoxes.push_back(b);
    }
    m_stats.labelsPlaced = m_labelBoxes.size();

    for (const ScreenItem& item : scene.decorations) {
        if (item.text.empty()) {
            for (size_t i = 0; i + 2 < item.triangles.size(); i += 3)
                batch.tri(item.triangles[i], item.triangles[i + 1], item.triangles[i + 2], pack(item.colour));
            continue;
        }
        const Font& font = item.font == ScreenFont::Title       ? m.fonts->title
                           : item.font == ScreenFont::LabelBold ? bold
                                                                : regular;
        batch.text(font, item.at.x, item.at.y, item.text, pack(item.colour));
    }
    if (tile)
        for (ScreenVertex& v : batch.v) {
            v.x -= float(tileBox.minX);
            v.y -= float(tileBox.minY);
        }

    if (!batch.v.empty()) {
        glUseProgram(m.screenProg.id());
        glUniform2f(m.screenViewport, float(target.width), float(target.height));
        glUniform1i(m.screenAtlas, 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, m.atlas.id());
        glBindVertexArray(m.screen.vao.id());
        glBindBuffer(GL_ARRAY_BUFFER, m.screen.vbo.id());
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(batch.v.size() * sizeof(ScreenVertex)), batch.v.data(),
                     GL_STREAM_DRAW);
        glDrawArrays(GL_TRIANGLES, 0, GLsizei(batch.v.size()));
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace bl::render
