#include "render/map_renderer.hpp"

#include "render/map_renderer_impl.hpp"

namespace bl::render {

MapRenderer::~MapRenderer() = default;

Result<std::unique_ptr<MapRenderer>> MapRenderer::create(const FontSet& fonts) {
    std::unique_ptr<MapRenderer> r(new MapRenderer);
    r->m = std::make_unique<Impl>();
    Impl& m = *r->m;
    m.fonts = &fonts;
    m.layout = std::make_unique<ScreenLayout>(fonts);
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
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(detail::ScreenVertex), nullptr);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(detail::ScreenVertex), reinterpret_cast<void*>(8));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(detail::ScreenVertex), reinterpret_cast<void*>(16));
    for (GLuint i = 0; i < 3; ++i) glEnableVertexAttribArray(i);
    glBindVertexArray(0);
    if (glGetError() != GL_NO_ERROR) return makeError("OpenGL failed while creating the map renderer");
    return r;
}

void MapRenderer::setData(std::shared_ptr<const Dataset> data, std::shared_ptr<const MapGeometry> geometry) {
    m_data = std::move(data);
    m_geometry = std::move(geometry);
    m->layers.clear();
    for (auto& b : m->border) b = {};
    for (auto& c : m->contextFill) c = {};
    for (auto& c : m->contextOutline) c = {};
    m->highlightFills.clear();
    if (!m_data || !m_geometry) {
        m_data = nullptr;
        m->layout->setData(nullptr, nullptr);
        return;
    }
    assert(m_geometry->layerCount() == m_data->layers.size());
    m->layers.resize(m_data->layers.size());
    m->layout->setData(m_data.get(), m_geometry.get());
}

namespace {

// The level to draw of one prepared thing (a layer's level, the border's):
// `want`, prepared now by `now`; or, in the background mode, the nearest
// already prepared (coarser first) while `request` has `want` prepared.
template <typename T, typename Ready, typename Request, typename Now>
std::pair<const T*, size_t> pickLevel(size_t want, bool background, Ready ready, Request request, Now now,
                                      size_t& missing) {
    if (!background) return {&now(want), want};
    if (const T* p = ready(want)) return {p, want};
    request(want);
    ++missing;
    for (size_t d = 1; d < kLodCount; ++d) {
        if (want + d < kLodCount)
            if (const T* p = ready(want + d)) return {p, want + d};
        if (want >= d)
            if (const T* p = ready(want - d)) return {p, want - d};
    }
    return {nullptr, 0};
}

}  // namespace

// The level of detail each layer in use (shown, or holding a highlighted
// unit) and the border are drawn at; uploaded when first drawn.
void MapRenderer::chooseLevels(Frame& f) {
    Impl& m = *this->m;
    const MapGeometry& g = *m_geometry;
    const bool background = bool(m_onReady);
    const std::vector<bool> used = f.layersInUse();
    f.lods.assign(m.layers.size(), nullptr);
    f.levels.assign(m.layers.size(), 0);
    for (size_t li = 0; li < used.size(); ++li) {
        if (!used[li]) continue;
        const auto [lod, level] = pickLevel<LayerLod>(
            f.lod, background, [&](size_t l) { return g.lodIfReady(li, l); },
            [&](size_t l) { g.request(li, l, m_onReady); }, [&](size_t l) -> const LayerLod& { return g.lod(li, l); },
            m_stats.levelsMissing);
        if (!lod) continue;
        f.lods[li] = lod;
        f.levels[li] = level;
        GpuLayer& gl = m.layers[li];
        if (!gl.outline[level].vao)
            m.upload(gl.outline[level], lod->outline.vertices.data(), lod->outline.vertices.size() * sizeof(LineVertex),
                     lod->outline.vertices.size(), true);
        if (!gl.fill[level].vao && !lod->fill.empty())
            m.upload(gl.fill[level], lod->fill.data(), lod->fill.size() * sizeof(FillVertex), lod->fill.size(), false);
    }
    const auto [border, level] = pickLevel<LineStrip>(
        f.lod, background, [&](size_t l) { return g.borderIfReady(l); },
        [&](size_t l) { g.requestBorder(l, m_onReady); }, [&](size_t l) -> const LineStrip& { return g.border(l); },
        m_stats.levelsMissing);
    f.border = border;
    f.borderLevel = level;
    if (border && !m.border[level].vao)
        m.upload(m.border[level], border->vertices.data(), border->vertices.size() * sizeof(LineVertex),
                 border->vertices.size(), true);
    if (g.contextFeatures().empty()) return;
    const auto [context, contextLevel] = pickLevel<LayerLod>(
        f.lod, background, [&](size_t l) { return g.contextIfReady(l); },
        [&](size_t l) { g.requestContext(l, m_onReady); }, [&](size_t l) -> const LayerLod& { return g.context(l); },
        m_stats.levelsMissing);
    f.context = context;
    f.contextLevel = contextLevel;
    if (context && !m.contextFill[contextLevel].vao) {
        m.upload(m.contextFill[contextLevel], context->fill.data(), context->fill.size() * sizeof(FillVertex),
                 context->fill.size(), false);
        m.upload(m.contextOutline[contextLevel], context->outline.vertices.data(),
                 context->outline.vertices.size() * sizeof(LineVertex), context->outline.vertices.size(), true);
    }
}

// The passes in order; each is one function (map_passes.cpp,
// map_screen_passes.cpp). Geometry is drawn through the tile's camera;
// everything in screen space (labels, symbols, decorations) is laid out on
// the whole frame and shifted by the tile's corner when uploaded.
void MapRenderer::draw(const RenderTarget& target, const Camera& cam, const Scene& scene, const Box* tile) {
    Impl& m = *this->m;
    m_stats = {};
    m_labelBoxes.clear();
    glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
    glViewport(target.x, target.y, target.width, target.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    // The clear (and every pass) stays inside the viewport: the window's
    // panels around the map are not touched.
    glEnable(GL_SCISSOR_TEST);
    glScissor(target.x, target.y, target.width, target.height);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    const Rgba bg = scene.style.background;
    glClearColor(bg.r, bg.g, bg.b, 1.0f);
    glClearStencil(0);
    glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);

    Frame f(scene, cam, *m.fonts, m_stats, m_labelBoxes);
    f.begin(m_data.get(), m_geometry.get(), tile);
    if (m_data && m_geometry) {
        const Vec2 origin = m_geometry->origin;
        m.offset[0] = float(origin.x - f.gcam.center.x);
        m.offset[1] = float(origin.y - f.gcam.center.y);
        m.scale[0] = float(2.0 / (f.gcam.width * f.mpp));
        m.scale[1] = float(2.0 / (f.gcam.height * f.mpp));
        chooseLevels(f);
        m.drawContext(f);
        m.drawFills(f);
        m.drawHighlightFills(f);
        if (!scene.underlay.empty()) m.drawScreen(scene.underlay, f, target);  // the graticule, under the lines
        m.drawOutlines(f);
        m.drawOverlayLines(f);
    }
    m.layout->run(f);
    m.drawScreen(f.screen, f, target);
    glDisable(GL_SCISSOR_TEST);
}

void MapRenderer::Impl::drawScreen(const std::vector<ScreenItem>& items, const Frame& f, const RenderTarget& target) {
    detail::ScreenBatch batch(fonts->atlas.whiteU, fonts->atlas.whiteV);
    for (const ScreenItem& item : items) batch.item(*fonts, item);
    if (f.tileBox.minX != 0 || f.tileBox.minY != 0)
        for (detail::ScreenVertex& v : batch.v) {
            v.x -= float(f.tileBox.minX);
            v.y -= float(f.tileBox.minY);
        }
    if (!batch.v.empty()) {
        glUseProgram(screenProg.id());
        glUniform2f(screenViewport, float(target.width), float(target.height));
        glUniform1i(screenAtlas, 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, atlas.id());
        glBindVertexArray(screen.vao.id());
        glBindBuffer(GL_ARRAY_BUFFER, screen.vbo.id());
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(batch.v.size() * sizeof(detail::ScreenVertex)), batch.v.data(),
                     GL_STREAM_DRAW);
        glDrawArrays(GL_TRIANGLES, 0, GLsizei(batch.v.size()));
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace bl::render
