#include "engine/overlays.hpp"

#include <cmath>

#include "core/boundaries/crs.hpp"

namespace bl::engine {

namespace {

std::optional<Vec2> anchorOf(const MapGeometry& g, UnitKey k) { return g.anchor(k); }

void addPair(Overlay& o, const Dataset& data, const MapGeometry& g, const AdminUnit* a, const AdminUnit* b, Rgba colour,
             const std::string& connectorLabel) {
    const UnitKey ka = data.keyOf(a), kb = data.keyOf(b);
    o.highlights.push_back({ka, colour});
    o.highlights.push_back({kb, colour});
    const auto pa = anchorOf(g, ka), pb = anchorOf(g, kb);
    if (pa && pb) o.connectors.push_back({*pa, *pb, colour, connectorLabel});
}

// The document's gates and stations: at their curated position, else
// approximately at the unit they resolved to in `vintage` (or in Laos).
std::vector<OverlaySymbol> documentPlaces(const MapData& map, size_t document, const std::string& vintage) {
    std::vector<OverlaySymbol> out;
    const WorkingCrs& crs = threadCrs();
    for (const auto& p : map.news->corpus.places) {
        if (p.document != document) continue;
        OverlaySymbol sym;
        sym.kind = p.kind == PlaceKind::BorderGate ? SymbolKind::BorderGate : SymbolKind::Station;
        sym.label = p.name;
        if (p.position) {
            sym.position = crs.forward(*p.position);
        } else {
            const ResolvedUnit* u = nullptr;
            for (const auto& r : p.units)
                if (r.vintage == vintage || r.country == Country::LA) {
                    u = &r;
                    break;
                }
            const Layer* l = u ? map.dataset->layer(u->layerId) : nullptr;
            const auto anchor = anchorOf(*map.geometry, map.dataset->keyOf(l ? l->find(u->unitId) : nullptr));
            if (!anchor) continue;
            sym.position = *anchor;
            sym.approximate = true;
        }
        out.push_back(sym);
    }
    return out;
}

}  // namespace

Overlay sharedBorderOverlay(const SharedBorder& border, const Dataset& data, const MapGeometry& geometry, Rgba colour,
                            const std::string& connectorLabel) {
    Overlay o;
    addPair(o, data, geometry, border.a, border.b, colour, connectorLabel);
    o.segments.push_back({border.segments, colour, 5.0f, shownKmText(border)});
    return o;
}

LinkOverlay linkOverlay(const MapData& map, size_t link, const std::string& vintage, Rgba colour) {
    LinkOverlay out;
    if (!map.news || link >= map.news->checks.size()) return out;
    const LinkCheck& check = map.news->checks[link];
    out.drawn = drawnVerdict(check, vintage);
    out.finest = finestVerdict(check, vintage);
    const AdjacencyVerdict* v = out.drawn;
    if (!v) return out;
    const Link& l = map.news->corpus.links[link];
    addPair(out.overlay, *map.dataset, *map.geometry, v->vn, v->la, colour, toString(l.kind));
    if (v->touches && v->border) out.overlay.segments.push_back({v->border->segments, colour, 5.0f, kmText(v->sharedKm)});
    out.frame = v->vn->bounds;
    out.frame.extend(v->la->bounds);
    addSymbols(out.overlay, documentPlaces(map, l.document, vintage));
    return out;
}

std::vector<OverlaySymbol> gateSymbols(const CuratedPlaces& curated) {
    std::vector<OverlaySymbol> out;
    // One symbol per pair (both sides share the position), named by the Vietnamese side.
    for (const auto& gate : curated.gates)
        if (gate.position && gate.country == Country::VN)
            out.push_back({threadCrs().forward(*gate.position), SymbolKind::BorderGate,
                           gate.derived || gate.precisionKm > 1.0, gate.name});
    return out;
}

OverlaySegment gateUncertainty(const CuratedPlaces& curated) {
    OverlaySegment seg;
    seg.colour = kGateUncertaintyColour;
    seg.widthPx = 1.5f;
    seg.casing = false;
    seg.legend = "Border gate position uncertainty";
    for (const auto& gate : curated.gates) {
        if (!gate.position || gate.country != Country::VN || gate.precisionKm <= 1.0) continue;
        const Vec2 c = threadCrs().forward(*gate.position);
        const double r = gate.precisionKm * 1000.0;
        LineString ring;
        for (int i = 0; i <= 72; ++i) {
            const double a = 2 * 3.14159265358979 * i / 72;
            ring.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
        }
        seg.lines.push_back(std::move(ring));
    }
    return seg;
}

void addSymbols(Overlay& overlay, const std::vector<OverlaySymbol>& symbols) {
    for (const auto& s : symbols) {
        bool seen = false;
        for (const auto& t : overlay.symbols)
            seen |= t.kind == s.kind && t.label == s.label && t.position.x == s.position.x && t.position.y == s.position.y;
        if (!seen) overlay.symbols.push_back(s);
    }
}

void addFrameOutline(Overlay& overlay, const Box& b, Rgba colour, const std::string& label) {
    const Vec2 p[4] = {{b.minX, b.minY}, {b.maxX, b.minY}, {b.maxX, b.maxY}, {b.minX, b.maxY}};
    for (int i = 0; i < 4; ++i) overlay.connectors.push_back({p[i], p[(i + 1) % 4], colour, i == 0 ? label : ""});
}

}  // namespace bl::engine
