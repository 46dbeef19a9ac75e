// The legend of a map, the export's and the viewer's: what the frame shows.
#include "render/map_legend.hpp"

#include <algorithm>
#include <cmath>

#include "core/boundaries/geometry_ops.hpp"
#include "engine/overlays.hpp"
#include "render/map_renderer.hpp"

namespace bl::render {

namespace {

// Whether segment a-b has a part inside `b` (Liang–Barsky).
bool segmentMeets(Vec2 a, Vec2 b, const Box& box) {
    double t0 = 0, t1 = 1;
    const double dx = b.x - a.x, dy = b.y - a.y;
    for (const auto& [p, q] : {std::pair{-dx, a.x - box.minX}, std::pair{dx, box.maxX - a.x},
                               std::pair{-dy, a.y - box.minY}, std::pair{dy, box.maxY - a.y}}) {
        if (p == 0) {
            if (q < 0) return false;
        } else if (p < 0) {
            t0 = std::max(t0, q / p);
        } else {
            t1 = std::min(t1, q / p);
        }
        if (t0 > t1) return false;
    }
    return true;
}

// Whether a line strip (MapGeometry::border) runs through `view`: a segment
// of one of its polylines meets it. The jump from one polyline to the next,
// after a repeated vertex (LineStrip::append), is not drawn and not counted.
bool stripMeets(const LineStrip& strip, Vec2 origin, const Box& view) {
    const auto& v = strip.vertices;
    auto at = [&](size_t i) { return Vec2{v[i].x + origin.x, v[i].y + origin.y}; };
    auto same = [&](size_t i, size_t j) {
        return v[i].x == v[j].x && v[i].y == v[j].y && v[i].mx == v[j].mx && v[i].my == v[j].my;
    };
    for (size_t i = 0; i < v.size(); ++i) {
        const Vec2 p = at(i);
        if (p.x >= view.minX && p.x <= view.maxX && p.y >= view.minY && p.y <= view.maxY) return true;
        if (i == 0 || (v[i].x == v[i - 1].x && v[i].y == v[i - 1].y)) continue;
        const bool jump = i >= 2 && same(i - 1, i - 2);
        if (!jump && segmentMeets(at(i - 1), p, view)) return true;
    }
    return false;
}

// A neighbouring country (context) shows in `view`: a vertex of it lies in
// the view, or the view lies inside it.
bool neighbourInView(const MapGeometry& g, const Box& view) {
    for (const auto& f : g.contextFeatures()) {
        if (f.own || !f.bounds.intersects(view)) continue;
        for (const auto& poly : f.geometry.polygons)
            for (const auto& ring : poly.rings)
                for (const Vec2& p : ring)
                    if (p.x >= view.minX && p.x <= view.maxX && p.y >= view.minY && p.y <= view.maxY) return true;
        if (contains(f.geometry, view.center())) return true;
    }
    return false;
}

}  // namespace

std::vector<LegendEntry> legendFor(const Dataset& data, const MapGeometry& g, const Scene& scene, const Camera& cam) {
    std::vector<LegendEntry> out;
    const double scaledMpp = cam.metresPerPixel * scene.style.scale;
    const Box view = cam.visibleBox();
    bool fill[2] = {false, false};
    bool level[3][2] = {};
    std::string vintage[2];
    for (size_t li = 0; li < data.layers.size(); ++li) {
        const Layer& l = data.layers[li];
        if (li >= scene.layerVisible.size() || !scene.layerVisible[li] || !levelShownAtScale(l.spec.level, scaledMpp))
            continue;
        const bool any = std::any_of(l.units.begin(), l.units.end(), [&](const AdminUnit& u) {
            return u.bounds.intersects(view);
        });
        if (!any) continue;
        const int c = l.spec.country == Country::VN ? 0 : 1;
        if (g.filled(li)) fill[c] = true;
        level[int(l.spec.level)][c] = true;
        if (vintage[c].empty()) vintage[c] = l.spec.vintage.label;
    }
    const char* names[2] = {"Viet Nam", "Laos"};
    for (int c = 0; c < 2; ++c)
        if (fill[c]) {
            const LayerLook look = lookFor(c == 0 ? Country::VN : Country::LA, Level::Province);
            LegendEntry e;
            e.kind = LegendEntry::Kind::Fill;
            e.fill = look.fill;
            e.line = look.outline;
            e.text = std::string(names[c]) + (vintage[c].empty() ? "" : " (" + vintage[c] + " units)");
            out.push_back(e);
        }
    if (neighbourInView(g, view)) {
        const ContextLook look = contextLook();
        LegendEntry e;
        e.kind = LegendEntry::Kind::Fill;
        e.fill = look.neighbourFill;
        e.line = look.border;
        e.text = "Neighbouring countries";
        out.push_back(e);
    }
    if (!g.borderBounds.empty() && stripMeets(g.border(kLodCount - 1), g.origin, view)) {
        LegendEntry e;
        e.kind = LegendEntry::Kind::Line;
        e.line = borderColour();
        e.fill = {1, 1, 1, 0.85f};  // casing
        e.widthPx = 3.2f;
        e.text = "Viet Nam\u2013Laos border";
        out.push_back(e);
        // Where the sources disagree by more than the border's casing, the
        // Vietnamese provinces' line shows beside it.
        const LayerLook vn = lookFor(Country::VN, Level::Province);
        const double seen = (3.0 + vn.widthPx / 2) * scaledMpp;
        const auto& apart = g.borderApart();
        if (level[int(Level::Province)][0] && std::any_of(apart.begin(), apart.end(), [&](const LabelAnchor& a) {
                return a.radiusM > seen && a.position.x >= view.minX && a.position.x <= view.maxX &&
                       a.position.y >= view.minY && a.position.y <= view.maxY;
            })) {
            e.beside = vn.outline;
            e.besideWidthPx = vn.widthPx;
            e.text = "Viet Nam\u2013Laos border, sources disagree";
            out.push_back(e);
        }
    }
    const char* levelNames[3] = {"Province boundary", "District boundary", "Commune / ward boundary"};
    for (Level lv : {Level::Province, Level::District, Level::Commune})
        for (int c = 0; c < 2; ++c) {
            if (!level[int(lv)][c]) continue;
            const LayerLook look = lookFor(c == 0 ? Country::VN : Country::LA, lv);
            LegendEntry e;
            e.kind = LegendEntry::Kind::Line;
            e.line = look.outline;
            e.widthPx = std::max(look.widthPx, 1.0f);
            e.text = std::string(levelNames[int(lv)]) + (level[int(lv)][0] && level[int(lv)][1]
                                                             ? (c == 0 ? " (VN)" : " (LA)")
                                                             : "");
            out.push_back(e);
        }
    return out;
}

std::vector<LegendEntry> overlayLegend(const Dataset& data, const Scene& scene, const Camera& cam) {
    std::vector<LegendEntry> legend;
    const auto& o = scene.overlay;
    const Box view = cam.visibleBox();
    if (const AdminUnit* u = data.unitOf(scene.selected)) {
        LegendEntry e;
        e.kind = LegendEntry::Kind::Fill;
        e.line = engine::kFocusColour;  // the selection's colour on the map
        e.fill = e.line;
        e.fill.a = 0.35f;
        e.text = "Selected: " + u->name;
        legend.push_back(e);
    }
    if (!o.highlights.empty()) {
        // A document link's connector carries the link's kind; a shared
        // border's (the adjacency explorer's) none.
        const bool linked = std::any_of(o.connectors.begin(), o.connectors.end(),
                                        [](const OverlayConnector& c) { return !c.label.empty(); });
        LegendEntry e;
        e.kind = LegendEntry::Kind::Fill;
        e.fill = o.highlights.front().colour;
        e.fill.a = 0.35f;
        e.line = o.highlights.front().colour;
        e.text = o.connectors.empty() ? "Highlighted units"
                 : linked             ? "Linked pair (units, connector)"
                                      : "Neighbouring pair (units, connector)";
        legend.push_back(e);
    }
    std::vector<std::string> segmentLegends;
    for (const auto& seg : o.segments) {
        if (seg.lines.empty()) continue;
        LegendEntry e;
        e.kind = LegendEntry::Kind::Line;
        e.line = seg.colour;
        e.fill = seg.casing ? Rgba{1, 1, 1, 0.9f} : Rgba{1, 1, 1, 0.0f};
        e.widthPx = seg.widthPx;
        e.text = seg.legend.empty() ? "Shared border" + (seg.label.empty() ? "" : " (" + seg.label + ")") : seg.legend;
        const std::string kind = seg.legend.empty() ? std::string("shared") : seg.legend;
        if (std::find(segmentLegends.begin(), segmentLegends.end(), kind) != segmentLegends.end()) continue;
        segmentLegends.push_back(kind);
        legend.push_back(e);
    }
    bool seen[4][2] = {};
    for (const auto& sym : o.symbols) {
        if (sym.position.x < view.minX || sym.position.x > view.maxX || sym.position.y < view.minY ||
            sym.position.y > view.maxY)
            continue;
        seen[int(sym.kind)][sym.approximate ? 1 : 0] = true;
    }
    const char* symNames[4] = {"Border gate", "Border station", "Place in the documents", "Atlas page (its number)"};
    for (int k = 0; k < 4; ++k)
        for (int a = 0; a < 2; ++a)
            if (seen[k][a]) {
                LegendEntry e;
                e.kind = LegendEntry::Kind::Symbol;
                e.symbol = SymbolKind(k);
                e.approximate = a == 1;
                e.text = std::string(symNames[k]) + (a ? ", approximate position" : "");
                legend.push_back(e);
            }
    return legend;
}
}  // namespace bl::render
