// The screen-space passes (ScreenLayout, no GL): label candidates (overlay
// lengths and connector labels, symbols, unit names), the scale bar and
// attribution, label placement without overlaps and export decorations, as
// the frame's ScreenItems; and what a frame's passes share (Frame::begin).
#include <optional>

#include "core/boundaries/cartography.hpp"
#include "render/map_frame.hpp"
#include "render/map_style.hpp"

namespace bl::render {

const Font& fontFor(const FontSet& fonts, ScreenFont f) {
    return f == ScreenFont::Title ? fonts.title : f == ScreenFont::LabelBold ? fonts.labelBold : fonts.label;
}

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

// LineStrip::append writes each polyline as pairs of vertices (one point,
// both sides) and joins two polylines with two repeated vertices (the last
// of one, the first of the next): a vertex equal to the next one in every
// field only occurs there. Pieces of fewer than two pairs are those joins.
std::vector<LineString> stripPolylines(const LineStrip& strip, Range range, Vec2 origin) {
    std::vector<LineString> out;
    const auto& v = strip.vertices;
    const size_t end = std::min<size_t>(v.size(), size_t(range.first) + range.count);
    auto same = [&](size_t i) {
        return v[i].x == v[i + 1].x && v[i].y == v[i + 1].y && v[i].mx == v[i + 1].mx && v[i].my == v[i + 1].my;
    };
    size_t start = range.first;
    for (size_t i = range.first; i < end; ++i) {
        const bool cut = i + 1 >= end || same(i);
        if (!cut) continue;
        if (i + 1 - start >= 4) {
            LineString line;
            for (size_t k = start; k <= i; ++k) {
                const Vec2 p{v[k].x + origin.x, v[k].y + origin.y};
                if (line.empty() || float(line.back().x - origin.x) != v[k].x || float(line.back().y - origin.y) != v[k].y)
                    line.push_back(p);
            }
            if (line.size() >= 2) out.push_back(std::move(line));
        }
        start = i + 1;
    }
    return out;
}

void Frame::begin(const Dataset* d, const MapGeometry* g, const Box* tile) {
    data = d;
    geometry = g;
    s = scene.style.scale;
    mpp = cam.metresPerPixel;
    tileBox = tile ? *tile : Box{0, 0, double(cam.width), double(cam.height)};
    gcam.width = int(std::lround(tileBox.maxX - tileBox.minX));
    gcam.height = int(std::lround(tileBox.maxY - tileBox.minY));
    gcam.center = cam.toWorld({(tileBox.minX + tileBox.maxX) / 2, (tileBox.minY + tileBox.maxY) / 2});
    lod = lodForScale(mpp);
    stats.lod = lod;
    view = gcam.visibleBox().expanded(mpp * 4);
    // What is highlighted (overlay, hover, selection): a highlighted unit's
    // layer is drawn from even when the layer is hidden.
    highlights = scene.overlay.highlights;
    if (scene.hovered.valid() && !(scene.hovered == scene.selected))
        highlights.push_back({scene.hovered, {0.15f, 0.45f, 0.95f, 0.6f}});
    if (scene.selected.valid()) highlights.push_back({scene.selected, {0.10f, 0.35f, 0.95f, 1.0f}});
}

std::vector<bool> Frame::layersInUse() const {
    std::vector<bool> used(data ? data->layers.size() : 0);
    for (size_t li = 0; li < used.size(); ++li) used[li] = visible(li);
    for (const auto& h : highlights)
        if (h.unit.valid() && size_t(h.unit.layer) < used.size()) used[size_t(h.unit.layer)] = true;
    return used;
}

void Frame::addLabel(ScreenFont fontId, Vec2 centerPx, const std::string& text, double width, int priority,
                     double weight, Rgba colour, bool pill, Rgba pillColour, long grp) {
    const double h = fontFor(fonts, fontId).lineHeight;
    const double padX = pill ? 4 * s : 0;
    const Box b{centerPx.x - width / 2 - padX, centerPx.y - h / 2, centerPx.x + width / 2 + padX, centerPx.y + h / 2};
    candidates.push_back({b, priority, weight, grp});
    labelDraws.push_back({fontId, {centerPx.x - width / 2, centerPx.y - h / 2}, text, colour, pill, pillColour});
}

void ScreenLayout::setData(const Dataset* data, const MapGeometry* geometry) {
    m_labelWidths.clear();
    m_contextLabels.clear();
    if (!data || !geometry) return;
    for (const Layer& layer : data->layers) {
        const Font& font = layer.spec.level == Level::Province ? m_fonts->labelBold : m_fonts->label;
        std::vector<float> widths;
        for (const auto& u : layer.units) widths.push_back(float(font.textWidth(u.briefName())));
        m_labelWidths.push_back(std::move(widths));
    }
    for (const auto& c : geometry->contextFeatures()) {
        std::string text = contextLabelText(c.name);
        const float width = float(m_fonts->label.textWidth(text));
        m_contextLabels.emplace_back(std::move(text), width);
    }
}

void ScreenLayout::run(Frame& f) {
    if (f.data && f.geometry) {
        addOverlayLabels(f);
        addSymbols(f);
        if (f.scene.style.labels) {
            addContextLabels(f);
            addUnitLabels(f);
        }
    }
    f.stats.labelCandidates = f.candidates.size();
    addScaleBarAndAttribution(f);
    placeLabels(f);
    f.screen.insert(f.screen.end(), f.scene.decorations.begin(), f.scene.decorations.end());
}

// A segment's length at alternatives along it (so a symbol or another label
// at its middle does not hide it); connector labels at their middle.
void ScreenLayout::addOverlayLabels(Frame& f) {
    const Font& bold = m_fonts->labelBold;
    const Font& regular = m_fonts->label;
    for (const auto& seg : f.scene.overlay.segments) {
        if (seg.label.empty() || seg.lines.empty()) continue;
        const LineString* longest = &seg.lines.front();
        for (const auto& l : seg.lines)
            if (l.size() > longest->size()) longest = &l;
        if (longest->empty()) continue;
        const long grp = f.group++;
        const double w = bold.textWidth(seg.label);
        // Above and below the line, then beside it, then further out (where
        // symbols crowd it): the length is what the map is about.
        const double s = f.s, side = w / 2 + 16 * s, far = w / 2 + 48 * s;
        const std::vector<Vec2> rings[] = {
            {{0, -14 * s}, {0, 14 * s}},
            {{-side, 0}, {side, 0}, {-side, -20 * s}, {side, 20 * s}},
            {{0, -40 * s}, {0, 40 * s}, {-far, 0}, {far, 0}, {-far, -36 * s}, {far, 36 * s}, {-far, 36 * s},
             {far, -36 * s}}};
        for (const auto& ring : rings)
            for (double at : {0.5, 0.35, 0.65, 0.2, 0.8}) {
                const Vec2 mid = f.cam.toScreen(pointAlong(*longest, at));
                for (Vec2 d : ring)
                    f.addLabel(ScreenFont::LabelBold, {mid.x + d.x, mid.y + d.y}, seg.label, w, 0, 1e9, {1, 1, 1, 1}, true,
                               seg.colour, grp);
            }
    }
    for (const auto& c : f.scene.overlay.connectors) {
        if (c.label.empty()) continue;
        const Vec2 mid = f.cam.toScreen({(c.from.x + c.to.x) / 2, (c.from.y + c.to.y) / 2});
        f.addLabel(ScreenFont::Label, mid, c.label, regular.textWidth(c.label), 0, 1e8, {1, 1, 1, 1}, true, c.colour);
    }
}

// Symbols as symbolLook says; hollow with a dashed ring where the position
// is approximate.
void ScreenLayout::addSymbols(Frame& f) {
    const Font& regular = m_fonts->label;
    const float s = f.s;
    for (const auto& sym : f.scene.overlay.symbols) {
        const Vec2 p = f.cam.toScreen(sym.position);
        if (p.x < -20 || p.y < -20 || p.x > f.cam.width + 20 || p.y > f.cam.height + 20) continue;
        const SymbolLook look = symbolLook(sym.kind, s);
        if (sym.kind == SymbolKind::Item) {  // a numbered disc: the number inside, nothing beside
            const Font& bold = m_fonts->labelBold;
            const double w = bold.textWidth(sym.label), rr = std::max(look.radius, w / 2 + 4 * s);
            f.paint.polygon(p, rr + 1.5 * s, look.sides, 0, {1, 1, 1, 1});
            f.paint.polygon(p, rr, look.sides, 0, look.colour);
            f.paint.text(ScreenFont::LabelBold, {p.x - w / 2, p.y - bold.lineHeight / 2}, sym.label, {1, 1, 1, 1});
            f.obstacles.push_back({p.x - rr - 2 * s, p.y - rr - 2 * s, p.x + rr + 2 * s, p.y + rr + 2 * s});
            continue;
        }
        const double r = look.radius;
        const Rgba col = look.colour;
        const int sides = look.sides;
        const double rot = look.rotation;
        f.paint.polygon(p, r + 1.5 * s, sides, rot, {1, 1, 1, 1});
        f.paint.polygon(p, r, sides, rot, col);
        if (sym.approximate) {
            f.paint.polygon(p, r - 2.2 * s, sides, rot, {1, 1, 1, 1});
            f.paint.dashedRing(p, r + 5 * s, 1.5 * s, 10, col);
        }
        f.obstacles.push_back({p.x - r - 5 * s, p.y - r - 5 * s, p.x + r + 5 * s, p.y + r + 5 * s});
        if (sym.label.empty()) continue;
        // "≈" where the font has it (Noto Sans does not), else "~".
        const char* approx = regular.glyph(U'≈') ? "≈ " : "~ ";
        const std::string text = sym.approximate ? approx + sym.label : sym.label;
        const double w = regular.textWidth(text);
        f.addLabel(ScreenFont::Label, {p.x + r + 10 * s + w / 2, p.y}, text, w, 1, 0, col);
    }
}

// Neighbouring countries' names, muted and letter-spaced, at the site with
// the most room of each in the open part of the frame (less the bands that
// panels or an export's title reserve along its edges; see
// MapGeometry::contextLabelSites): placed before the units' names, which
// rarely compete (they lie in other countries).
void ScreenLayout::addContextLabels(Frame& f) {
    const auto& features = f.geometry->contextFeatures();
    if (features.empty() || m_contextLabels.size() != features.size()) return;
    const Font& font = m_fonts->label;
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
        const auto& [text, w] = m_contextLabels[site.feature];
        const double rPx = site.radiusM / f.mpp;
        // Room for most of the name inside the country.
        if (rPx < h || 2 * rPx < 0.5 * w) continue;
        if (groups[site.feature] < 0) groups[site.feature] = f.group++;
        f.addLabel(ScreenFont::Label, f.cam.toScreen(site.position), text, w, 2, 1e6 + rPx, contextLook().label, false, {},
                   groups[site.feature]);
    }
}

// Unit names where the unit is large enough on screen: centred on the pole
// of inaccessibility, else nudged within the inscribed circle.
void ScreenLayout::addUnitLabels(Frame& f) {
    // The emphasised units (an export's focus) first, large, whatever their layer.
    auto emphasised = [&](size_t li, size_t u) {
        for (const UnitKey& k : f.scene.emphasised)
            if (size_t(k.layer) == li && size_t(k.unit) == u) return true;
        return false;
    };
    for (const UnitKey& k : f.scene.emphasised) {
        if (!k.valid() || size_t(k.layer) >= f.data->layers.size() ||
            size_t(k.unit) >= f.data->layers[size_t(k.layer)].units.size())
            continue;
        const std::optional<Vec2> anchor = f.geometry->anchor(k);
        if (!anchor) continue;
        const std::string text = f.data->layers[size_t(k.layer)].units[size_t(k.unit)].briefName();
        const double w = m_fonts->title.textWidth(text), h = m_fonts->title.lineHeight;
        const Vec2 p = f.cam.toScreen(*anchor);
        const long grp = f.group++;
        for (Vec2 d : {Vec2{0, 0}, Vec2{0, -h}, Vec2{0, h}, Vec2{-w / 3, 0}, Vec2{w / 3, 0}, Vec2{0, -2 * h},
                       Vec2{0, 2 * h}})
            f.addLabel(ScreenFont::Title, {p.x + d.x, p.y + d.y}, text, w, 0, 5e8, {0.08f, 0.08f, 0.10f, 1}, false,
                       {}, grp);
    }
    for (size_t li = 0; li < f.data->layers.size(); ++li) {
        if (!f.visible(li) || !f.lods[li]) continue;
        const Layer& layer = f.data->layers[li];
        const bool province = layer.spec.level == Level::Province;
        const Font& font = province ? m_fonts->labelBold : m_fonts->label;
        const Rgba colour = province ? (layer.spec.country == Country::VN ? Rgba{0.45f, 0.18f, 0.05f, 1}
                                                                          : Rgba{0.05f, 0.32f, 0.16f, 1})
                                     : Rgba{0.22f, 0.22f, 0.22f, 1};
        // Room a label needs: its unit's inscribed circle spans this share of
        // its width (a name may run past a small unit's edges, as on printed
        // maps) and at least half a line; the placer then keeps labels apart.
        const double need = province ? 0.35 : 0.25;
        for (size_t u = 0; u < layer.units.size(); ++u) {
            if (emphasised(li, u)) continue;
            const LabelAnchor& a = f.lods[li]->anchors[u];
            const double rPx = a.radiusM / f.mpp;
            const double w = m_labelWidths[li][u];
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
                f.addLabel(province ? ScreenFont::LabelBold : ScreenFont::Label, {p.x + d.x, p.y + d.y}, layer.units[u].briefName(), w, priority, rPx, colour,
                           false, {}, grp);
            }
        }
    }
}

// Scale bar (bottom left, true at the view's latitude) and attribution
// (bottom right); both keep labels away.
void ScreenLayout::addScaleBarAndAttribution(Frame& f) {
    const Font& bold = m_fonts->labelBold;
    const Font& regular = m_fonts->label;
    const float s = f.s;
    const Camera& cam = f.cam;
    if (f.scene.style.scaleBar && f.data) {
        const ScaleBar bar = scaleBarFor(cam, 160.0 * s);
        const double x0 = 16 * s, y1 = cam.height - 16 * s, h = 6 * s;
        const std::string text = scaleBarText(bar);
        const double tw = bold.textWidth(text);
        const Box back{x0 - 6 * s, y1 - h - bold.lineHeight - 10 * s, x0 + std::max(bar.pixels, tw) + 6 * s, y1 + 6 * s};
        f.paint.rect(back, {1, 1, 1, 0.8f});
        f.paint.rect({x0, y1 - h, x0 + bar.pixels, y1}, {0.1f, 0.1f, 0.1f, 1});
        f.paint.rect({x0 + bar.pixels / 2, y1 - h + 1.5 * s, x0 + bar.pixels - 1.5 * s, y1 - 1.5 * s}, {1, 1, 1, 1});
        f.paint.text(ScreenFont::LabelBold, {x0, y1 - h - bold.lineHeight - 4 * s}, text, {0.1f, 0.1f, 0.1f, 1});
        f.obstacles.push_back(back);
    }
    if (!f.scene.style.attribution.empty()) {
        const double w = regular.textWidth(f.scene.style.attribution);
        const double x = cam.width - w - 8 * s, y = cam.height - regular.lineHeight - 6 * s;
        f.paint.rect({x - 4 * s, y - 2 * s, double(cam.width), double(cam.height)}, {1, 1, 1, 0.75f});
        f.paint.text(ScreenFont::Label, {x, y}, f.scene.style.attribution, {0.25f, 0.25f, 0.25f, 1});
        f.obstacles.push_back({x - 4 * s, y - 2 * s, double(cam.width), double(cam.height)});
    }
}

// Greedy placement by priority, never over another label, an obstacle or a
// panel (Scene::reservedAreas); the placed ones are drawn.
void ScreenLayout::placeLabels(Frame& f) {
    f.obstacles.insert(f.obstacles.end(), f.scene.reservedAreas.begin(), f.scene.reservedAreas.end());
    for (size_t i : render::placeLabels(f.candidates, f.obstacles, f.cam.width, f.cam.height, 3.0 * f.s)) {
        const Frame::LabelDraw& d = f.labelDraws[i];
        const Box& b = f.candidates[i].box;
        if (d.pill) {
            f.paint.rect({b.minX, b.minY - 1 * f.s, b.maxX, b.maxY + 1 * f.s}, d.pillColour);
            f.paint.text(d.font, d.pos, d.text, d.colour);
        } else {
            f.paint.haloText(d.font, d.pos, d.text, d.colour, {1, 1, 1, 0.8f}, 1.0 * f.s);
        }
        f.labelBoxes.push_back(b);
    }
    f.stats.labelsPlaced = f.labelBoxes.size();
}

}  // namespace bl::render
