// The geometry passes of MapRenderer::draw: the context countries under
// everything, fills, highlight fills, outlines (with the Viet Nam–Laos
// border and highlight outlines) and the overlay's lines, all drawn through
// the tile's camera.
#include "core/boundaries/geometry_ops.hpp"
#include "render/map_renderer_impl.hpp"

namespace bl::render {

namespace {

// Units of a layer whose bounds meet the view, merged into few draw calls.
void drawRanges(const Frame& f, size_t li, const std::vector<Range>& ranges, GLenum mode, size_t& counter) {
    const Layer& layer = f.data->layers[li];
    uint32_t first = 0, count = 0;
    for (size_t u = 0; u < ranges.size(); ++u) {
        if (!layer.units[u].bounds.intersects(f.view) || ranges[u].count == 0) continue;
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
}

// Stencil-then-cover of one unit's fans: they invert the stencil (a pixel
// inside the unit is covered an odd number of times, one outside an even
// number), then cover where it is set, clearing it as they go.
void coverFans(Range r) {
    if (r.count == 0) return;
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glStencilFunc(GL_ALWAYS, 0, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
    glDrawArrays(GL_TRIANGLES, GLint(r.first), GLsizei(r.count));
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glStencilFunc(GL_NOTEQUAL, 0, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_ZERO);
    glDrawArrays(GL_TRIANGLES, GLint(r.first), GLsizei(r.count));
}

bool validUnit(const Frame& f, UnitKey k) {
    return k.valid() && size_t(k.layer) < f.data->layers.size() &&
           size_t(k.unit) < f.data->layers[size_t(k.layer)].units.size();
}

}  // namespace

// The context countries, under the boundary layers: neighbours in grey,
// the map's own countries as land (the layers' fills cover it, except where
// the coarse context reaches past them), then the neighbours' borders.
void MapRenderer::Impl::drawContext(Frame& f) {
    if (!f.context || !contextFill[f.contextLevel].vao) return;
    const ContextLook look = contextLook();
    const auto& features = f.geometry->contextFeatures();
    glDisable(GL_BLEND);
    glUseProgram(fillProg.id());
    glUniform2fv(fillOffset, 1, offset);
    glUniform2fv(fillScale, 1, scale);
    glUniform1f(fillShade, 0.0f);
    glBindVertexArray(contextFill[f.contextLevel].vao.id());
    for (size_t i = 0; i < features.size() && i < f.context->fillRanges.size(); ++i) {
        const Range r = f.context->fillRanges[i];
        if (!features[i].bounds.intersects(f.view) || r.count == 0) continue;
        const Rgba c = features[i].own ? look.ownLand : look.neighbourFill;
        glUniform4f(fillColour, c.r, c.g, c.b, 1.0f);
        glDrawArrays(GL_TRIANGLES, GLint(r.first), GLsizei(r.count));
        f.stats.fillVertices += r.count;
    }
    glEnable(GL_BLEND);
    if (const GpuStrip& b = contextOutline[f.contextLevel]; b.count) {
        glUseProgram(lineProg.id());
        glUniform2fv(lineOffset, 1, offset);
        glUniform2fv(lineScale, 1, scale);
        glUniform1f(lineMpp, float(f.mpp));
        glUniform4f(lineColour, look.border.r, look.border.g, look.border.b, look.border.a);
        glUniform1f(lineHalf, float(look.borderWidthPx * f.s / 2.0));
        glBindVertexArray(b.vao.id());
        glDrawArrays(GL_TRIANGLE_STRIP, 0, GLsizei(b.count));
        f.stats.outlineVertices += b.count;
    }
}

// Fills: opaque, so without blending (cheaper on software renderers).
void MapRenderer::Impl::drawFills(Frame& f) {
    glDisable(GL_BLEND);
    glUseProgram(fillProg.id());
    glUniform2fv(fillOffset, 1, offset);
    glUniform2fv(fillScale, 1, scale);
    for (size_t li = 0; li < layers.size(); ++li) {
        if (!f.visible(li) || !f.lods[li] || !layers[li].fill[f.levels[li]].vao) continue;
        const LayerLook look = lookFor(f.data->layers[li].spec.country, f.data->layers[li].spec.level);
        glUniform4f(fillColour, look.fill.r, look.fill.g, look.fill.b, 1.0f);
        glUniform1f(fillShade, 0.10f);
        glBindVertexArray(layers[li].fill[f.levels[li]].vao.id());
        glEnable(GL_STENCIL_TEST);
        const Layer& layer = f.data->layers[li];
        const auto& ranges = f.lods[li]->fillRanges;
        for (size_t u = 0; u < ranges.size(); ++u)
            if (layer.units[u].bounds.intersects(f.view)) {
                coverFans(ranges[u]);
                f.stats.fillVertices += 2 * ranges[u].count;
            }
        glDisable(GL_STENCIL_TEST);
    }
    glEnable(GL_BLEND);
}

// Highlights: translucent fill.
void MapRenderer::Impl::drawHighlightFills(Frame& f) {
    for (const auto& h : f.highlights) {
        if (!validUnit(f, h.unit)) continue;
        glUniform4f(fillColour, h.colour.r, h.colour.g, h.colour.b, 0.28f * h.colour.a);
        glUniform1f(fillShade, 0.0f);
        const size_t hl = size_t(h.unit.layer);
        if (f.lods[hl] && !f.lods[hl]->fillRanges.empty() && layers[hl].fill[f.levels[hl]].vao) {
            // Filled layers already have this unit's triangles at this level of detail.
            glBindVertexArray(layers[hl].fill[f.levels[hl]].vao.id());
            glEnable(GL_STENCIL_TEST);
            coverFans(f.lods[hl]->fillRanges[size_t(h.unit.unit)]);
            glDisable(GL_STENCIL_TEST);
            continue;
        }
        // Others are triangulated on first use (communes and districts: milliseconds).
        auto& tris = highlightFills[{h.unit.layer, h.unit.unit}];
        if (tris.empty()) {
            const Vec2 o = f.geometry->origin;
            for (const Vec2& p : triangulate(f.data->layers[size_t(h.unit.layer)].units[size_t(h.unit.unit)].geometry))
                tris.push_back({float(p.x - o.x), float(p.y - o.y), 0.0f});
        }
        upload(dynamicFill, tris.data(), tris.size() * sizeof(FillVertex), tris.size(), false, GL_STREAM_DRAW);
        glDrawArrays(GL_TRIANGLES, 0, GLsizei(tris.size()));
    }
}

// Outlines: fine levels first, provinces over them, the border on top, then
// the highlighted units' outlines.
void MapRenderer::Impl::drawOutlines(Frame& f) {
    glUseProgram(lineProg.id());
    glUniform2fv(lineOffset, 1, offset);
    glUniform2fv(lineScale, 1, scale);
    glUniform1f(lineMpp, float(f.mpp));
    auto useLine = [&](Rgba c, float widthPx) {
        glUniform4f(lineColour, c.r, c.g, c.b, c.a);
        glUniform1f(lineHalf, float(widthPx * f.s / 2.0));
    };
    for (Level level : {Level::Commune, Level::District, Level::Province}) {
        for (size_t li = 0; li < layers.size(); ++li) {
            const Layer& layer = f.data->layers[li];
            if (!f.visible(li) || layer.spec.level != level || !f.lods[li]) continue;
            const LayerLook look = lookFor(layer.spec.country, level);
            useLine(look.outline, look.widthPx);
            glBindVertexArray(layers[li].outline[f.levels[li]].vao.id());
            drawRanges(f, li, f.lods[li]->outlineRanges, GL_TRIANGLE_STRIP, f.stats.outlineVertices);
        }
    }
    if (const GpuStrip& b = border[f.borderLevel]; f.border && b.count) {
        glBindVertexArray(b.vao.id());
        useLine({1, 1, 1, 0.85f}, 6.0f);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, GLsizei(b.count));
        useLine(borderColour(), 3.2f);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, GLsizei(b.count));
        f.stats.outlineVertices += 2 * b.count;
    }
    for (const auto& h : f.highlights) {
        if (!h.unit.valid() || size_t(h.unit.layer) >= layers.size() || !f.lods[size_t(h.unit.layer)]) continue;
        const auto& ranges = f.lods[size_t(h.unit.layer)]->outlineRanges;
        if (size_t(h.unit.unit) >= ranges.size()) continue;
        useLine(h.colour, 2.6f);
        glBindVertexArray(layers[size_t(h.unit.layer)].outline[f.levels[size_t(h.unit.layer)]].vao.id());
        glDrawArrays(GL_TRIANGLE_STRIP, GLint(ranges[size_t(h.unit.unit)].first),
                     GLsizei(ranges[size_t(h.unit.unit)].count));
    }
}

// Overlay lines: connectors (thin, under) then segments (bold, on a white casing).
void MapRenderer::Impl::drawOverlayLines(Frame& f) {
    LineStrip strip;
    std::vector<std::pair<Range, std::pair<Rgba, float>>> parts;
    auto addPart = [&](const LineString& line, Rgba c, float w) {
        const uint32_t first = uint32_t(strip.vertices.size());
        strip.append(line, f.geometry->origin);
        parts.push_back({{first, uint32_t(strip.vertices.size()) - first}, {c, w}});
    };
    for (const auto& c : f.scene.overlay.connectors) addPart({c.from, c.to}, c.colour, 2.0f);
    for (const auto& seg : f.scene.overlay.segments)
        for (const auto& line : seg.lines) {
            if (seg.casing) addPart(line, {1, 1, 1, 0.9f}, seg.widthPx + 3.0f);
            addPart(line, seg.colour, seg.widthPx);
        }
    if (strip.vertices.empty()) return;
    // Each part has its own colour and width: draw exact ranges.
    upload(dynamicLines, strip.vertices.data(), strip.vertices.size() * sizeof(LineVertex), strip.vertices.size(), true,
           GL_STREAM_DRAW);
    for (const auto& [r, look] : parts) {
        glUniform4f(lineColour, look.first.r, look.first.g, look.first.b, look.first.a);
        glUniform1f(lineHalf, float(look.second * f.s / 2.0));
        const uint32_t skip = r.first > 0 ? 2 : 0;  // the degenerate join
        if (r.count <= skip + 2) continue;
        glDrawArrays(GL_TRIANGLE_STRIP, GLint(r.first + skip), GLsizei(r.count - skip));
    }
}

}  // namespace bl::render
