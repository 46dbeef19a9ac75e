// The screen-space passes of MapRenderer::draw: label candidates (overlay
// lengths and connector labels, symbols, unit names), the scale bar and
// attribution, label placement without overlaps, export decorations, and
// the upload of every screen triangle in one draw call.
#include "core/boundaries/cartography.hpp"
#include "render/map_renderer_impl.hpp"

namespace bl::render {

void Frame::addLabel(const Font& font, Vec2 centerPx, const std::string& text, double width, int priority,
                     double weight, Rgba colour, bool pill, Rgba pillColour, long grp) {
    const double h = font.lineHeight;
    const double padX = pill ? 4 * s : 0;
    const Box b{centerPx.x - width / 2 - padX, centerPx.y - h / 2, centerPx.x + width / 2 + padX, centerPx.y + h / 2};
    candidates.push_back({b, priority, weight, grp});
    labelDraws.push_back({&font, {centerPx.x - width / 2, centerPx.y - h / 2}, text, colour, pill, pillColour});
}

// A segment's length at alternatives along it (so a symbol or another label
// at its middle does not hide it); connector labels at their middle.
void MapRenderer::Impl::addOverlayLabels(Frame& f) {
    const Font& bold = fonts->labelBold;
    const Font& regular = fonts->label;
    for (const auto& seg : f.scene.overlay.segments) {
        if (seg.label.empty() || seg.lines.empty()) continue;
        const LineString* longest = &seg.lines.front();
        for (const auto& l : seg.lines)
            if (l.size() > longest->size()) longest = &l;
        if (longest->empty()) continue;
        const long grp = f.group++;
        for (double at : {0.5, 0.35, 0.65, 0.2, 0.8}) {
            const Vec2 mid = f.cam.toScreen(detail::pointAlong(*longest, at));
            for (double dy : {-14.0, 14.0})
                f.addLabel(bold, {mid.x, mid.y + dy * f.s}, seg.label, bold.textWidth(seg.label), 0, 1e9, {1, 1, 1, 1},
                           true, seg.colour, grp);
        }
    }
    for (const auto& c : f.scene.overlay.connectors) {
        if (c.label.empty()) continue;
        const Vec2 mid = f.cam.toScreen({(c.from.x + c.to.x) / 2, (c.from.y + c.to.y) / 2});
        f.addLabel(regular, mid, c.label, regular.textWidth(c.label), 0, 1e8, {1, 1, 1, 1}, true, c.colour);
    }
}

// Symbols as symbolLook says; hollow with a dashed ring where the position
// is approximate.
void MapRenderer::Impl::addSymbols(Frame& f) {
    const Font& regular = fonts->label;
    const float s = f.s;
    for (const auto& sym : f.scene.overlay.symbols) {
        const Vec2 p = f.cam.toScreen(sym.position);
        if (p.x < -20 || p.y < -20 || p.x > f.cam.width + 20 || p.y > f.cam.height + 20) continue;
        const SymbolLook look = symbolLook(sym.kind, s);
        const double r = look.radius;
        const Rgba col = look.colour;
        const int sides = look.sides;
        const double rot = look.rotation;
        f.batch.polygon(p, r + 1.5 * s, sides, rot, detail::pack({1, 1, 1, 1}));
        f.batch.polygon(p, r, sides, rot, detail::pack(col));
        if (sym.approximate) {
            f.batch.polygon(p, r - 2.2 * s, sides, rot, detail::pack({1, 1, 1, 1}));
            f.batch.dashedRing(p, r + 5 * s, 1.5 * s, 10, detail::pack(col));
        }
        f.obstacles.push_back({p.x - r - 5 * s, p.y - r - 5 * s, p.x + r + 5 * s, p.y + r + 5 * s});
        if (sym.label.empty()) continue;
        // "≈" where the font has it (Noto Sans does not), else "~".
        const char* approx = regular.glyph(U'≈') ? "≈ " : "~ ";
        const std::string text = sym.approximate ? approx + sym.label : sym.label;
        const double w = regular.textWidth(text);
        f.addLabel(regular, {p.x + r + 10 * s + w / 2, p.y}, text, w, 1, 0, col);
    }
}

// Neighbouring countries' names, muted and letter-spaced, at the site with
// the most room of each in the open part of the frame (less the bands that
// panels or an export's title reserve along its edges; see
// MapGeometry::contextLabelSites): placed before the units' names, which
// rarely compete (they lie in other countries).
void MapRenderer::Impl::addContextLabels(Frame& f) {
    const auto& features = f.geometry->contextFeatures();
    if (features.empty() || contextLabels.size() != features.size()) return;
    const Font& font = fonts->label;
    const double h = font.lineHeight;
    Box open{0, 0, double(f.cam.width), double(f.cam.height)};
    for (const Box& r : f.scene.reservedAreas) {
        const bool across = r.minX <= open.minX + 1 && r.maxX >= open.maxX - 1;
        const bool down = r.minY <= open.minY + 1 && r.maxY >= open.maxY - 1;
        if (across && r.minY <= open.minY + 1)
            open.minY = std::max(open.minY, r.maxY);
        else if (across && r.maxY >= open.maxY - 1)
            open.maxY = std::min(open.maxY, r.minY);
        else if (down && r.minX <= open.minX + 1)
            open.minX = std::max(open.minX, r.maxX);
        else if (down && r.maxX >= open.maxX - 1)
            open.maxX = std::min(open.maxX, r.minX);
    }
    if (open.maxX - open.minX < 1 || open.maxY - open.minY < 1) return;
    Box view;
    view.extend(f.cam.toWorld({open.minX, open.minY}));
    view.extend(f.cam.toWorld({open.maxX, open.maxY}));
    std::vector<engine::ContextLabelSite> sites = f.geometry->contextLabelSites(view);
    std::stable_sort(
        sites.begin(), sites.end(),
        [](const engine::ContextLabelSite& a, const engine::ContextLabelSite& b) { return a.radiusM > b.radiusM; });
    std::vector<long> groups(features.size(), -1);
    for (const engine::ContextLabelSite& site : sites) {
        const auto& [text, w] = contextLabels[site.feature];
        const double rPx = site.radiusM / f.mpp;
        // Room for most of the name inside the country.
        if (rPx < h || 2 * rPx < 0.5 * w) continue;
        if (groups[site.feature] < 0) groups[site.feature] = f.group++;
        f.addLabel(font, f.cam.toScreen(site.position), text, w, 2, 1e6 + rPx, contextLook().label, false, {},
                   groups[site.feature]);
    }
}

// Unit names where the unit is large enough on screen: centred on the pole
// of inaccessibility, else nudged within the inscribed circle.
void MapRenderer::Impl::addUnitLabels(Frame& f) {
    for (size_t li = 0; li < f.data->layers.size(); ++li) {
        if (!f.visible(li) || !f.lods[li]) continue;
        const Layer& layer = f.data->layers[li];
        const bool province = layer.spec.level == Level::Province;
        const Font& font = province ? fonts->labelBold : fonts->label;
        const Rgba colour = province ? (layer.spec.country == Country::VN ? Rgba{0.45f, 0.18f, 0.05f, 1}
                                                                          : Rgba{0.05f, 0.32f, 0.16f, 1})
                                     : Rgba{0.22f, 0.22f, 0.22f, 1};
        // Room a label needs: its unit's inscribed circle spans this share of
        // its width (a name may run past a small unit's edges, as on printed
        // maps) and at least half a line; the placer then keeps labels apart.
        const double need = province ? 0.35 : 0.25;
        for (size_t u = 0; u < layer.units.size(); ++u) {
            const LabelAnchor& a = f.lods[li]->anchors[u];
            const double rPx = a.radiusM / f.mpp;
            const double w = labelWidths[li][u];
            if (2 * rPx < w * need || 2 * rPx < 0.5 * font.lineHeight) continue;
            const Vec2 p = f.cam.toScreen(a.position);
            if (p.x < -w || p.y < -50 || p.x > f.cam.width + w || p.y > f.cam.height + 50) continue;
            const int priority = 2 + int(layer.spec.level);
            const double h = font.lineHeight;
            const long grp = f.group++;
            // The anchor, then nudges within the unit's inscribed circle (a
            // small unit may shift its name by up to about a line).
            const double reach = std::max(rPx * 0.7, h * 0.75);
            for (Vec2 d : {Vec2{0, 0}, Vec2{0, -h / 2}, Vec2{0, h / 2}, Vec2{0, -h}, Vec2{0, h}, Vec2{-w / 4, 0},
                           Vec2{w / 4, 0}, Vec2{-w / 4, -h / 2}, Vec2{w / 4, -h / 2}, Vec2{-w / 4, h / 2},
                           Vec2{w / 4, h / 2}}) {
                if (std::hypot(d.x, d.y) > reach) continue;
                f.addLabel(font, {p.x + d.x, p.y + d.y}, layer.units[u].briefName(), w, priority, rPx, colour,
                           false, {}, grp);
            }
        }
    }
}

// Scale bar (bottom left, true at the view's latitude) and attribution
// (bottom right); both keep labels away.
void MapRenderer::Impl::addScaleBarAndAttribution(Frame& f) {
    const Font& bold = fonts->labelBold;
    const Font& regular = fonts->label;
    const float s = f.s;
    const Camera& cam = f.cam;
    if (f.scene.style.scaleBar && f.data) {
        const ScaleBar bar = scaleBarFor(cam, 160.0 * s);
        const double x0 = 16 * s, y1 = cam.height - 16 * s, h = 6 * s;
        const std::string text = scaleBarText(bar);
        const double tw = bold.textWidth(text);
        const Box back{x0 - 6 * s, y1 - h - bold.lineHeight - 10 * s, x0 + std::max(bar.pixels, tw) + 6 * s, y1 + 6 * s};
        f.batch.rect(back.minX, back.minY, back.maxX, back.maxY, detail::pack({1, 1, 1, 0.8f}));
        f.batch.rect(x0, y1 - h, x0 + bar.pixels, y1, detail::pack({0.1f, 0.1f, 0.1f, 1}));
        f.batch.rect(x0 + bar.pixels / 2, y1 - h + 1.5 * s, x0 + bar.pixels - 1.5 * s, y1 - 1.5 * s,
                     detail::pack({1, 1, 1, 1}));
        f.batch.text(bold, x0, y1 - h - bold.lineHeight - 4 * s, text, detail::pack({0.1f, 0.1f, 0.1f, 1}));
        f.obstacles.push_back(back);
    }
    if (!f.scene.style.attribution.empty()) {
        const double w = regular.textWidth(f.scene.style.attribution);
        const double x = cam.width - w - 8 * s, y = cam.height - regular.lineHeight - 6 * s;
        f.batch.rect(x - 4 * s, y - 2 * s, cam.width, cam.height, detail::pack({1, 1, 1, 0.75f}));
        f.batch.text(regular, x, y, f.scene.style.attribution, detail::pack({0.25f, 0.25f, 0.25f, 1}));
        f.obstacles.push_back({x - 4 * s, y - 2 * s, double(cam.width), double(cam.height)});
    }
}

// Greedy placement by priority, never over another label, an obstacle or a
// panel (Scene::reservedAreas); the placed ones are drawn.
void MapRenderer::Impl::placeLabels(Frame& f) {
    f.obstacles.insert(f.obstacles.end(), f.scene.reservedAreas.begin(), f.scene.reservedAreas.end());
    for (size_t i : render::placeLabels(f.candidates, f.obstacles, f.cam.width, f.cam.height, 3.0 * f.s)) {
        const Frame::LabelDraw& d = f.labelDraws[i];
        const Box& b = f.candidates[i].box;
        if (d.pill) {
            f.batch.rect(b.minX, b.minY - 1 * f.s, b.maxX, b.maxY + 1 * f.s, detail::pack(d.pillColour));
            f.batch.text(*d.font, d.pos.x, d.pos.y, d.text, detail::pack(d.colour));
        } else {
            f.batch.haloText(*d.font, d.pos.x, d.pos.y, d.text, detail::pack(d.colour), detail::pack({1, 1, 1, 0.8f}),
                             1.0 * f.s);
        }
        f.labelBoxes.push_back(b);
    }
    f.stats.labelsPlaced = f.labelBoxes.size();
}

// Export decorations (title, legend, north arrow...), in order, over everything.
void MapRenderer::Impl::addDecorations(Frame& f) {
    for (const ScreenItem& item : f.scene.decorations) {
        if (item.text.empty()) {
            for (size_t i = 0; i + 2 < item.triangles.size(); i += 3)
                f.batch.tri(item.triangles[i], item.triangles[i + 1], item.triangles[i + 2], detail::pack(item.colour));
            continue;
        }
        const Font& font = item.font == ScreenFont::Title       ? fonts->title
                           : item.font == ScreenFont::LabelBold ? fonts->labelBold
                                                                : fonts->label;
        f.batch.text(font, item.at.x, item.at.y, item.text, detail::pack(item.colour));
    }
}

// Every screen triangle, shifted to the tile, in one draw call.
void MapRenderer::Impl::flushScreen(Frame& f, const RenderTarget& target) {
    if (f.tileBox.minX != 0 || f.tileBox.minY != 0)
        for (detail::ScreenVertex& v : f.batch.v) {
            v.x -= float(f.tileBox.minX);
            v.y -= float(f.tileBox.minY);
        }
    if (!f.batch.v.empty()) {
        glUseProgram(screenProg.id());
        glUniform2f(screenViewport, float(target.width), float(target.height));
        glUniform1i(screenAtlas, 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, atlas.id());
        glBindVertexArray(screen.vao.id());
        glBindBuffer(GL_ARRAY_BUFFER, screen.vbo.id());
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(f.batch.v.size() * sizeof(detail::ScreenVertex)), f.batch.v.data(),
                     GL_STREAM_DRAW);
        glDrawArrays(GL_TRIANGLES, 0, GLsizei(f.batch.v.size()));
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace bl::render
