#include "engine/export_request.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/boundaries/crs.hpp"
#include "engine/overlays.hpp"
#include "io/georef_png.hpp"

namespace bl::engine {

namespace {

std::string kindText(LinkKind k) {
    switch (k) {
        case LinkKind::Twinning:
            return "Twinning";
        case LinkKind::CooperationPlan:
            return "Cooperation plan";
        case LinkKind::Other:
            return "Cooperation link";
    }
    return "Link";
}

// Lon/lat box -> working CRS box (edges sampled: the conic bends parallels).
Box boxOf(const std::array<double, 4>& b) {
    const WorkingCrs& crs = threadCrs();
    Box out;
    const double lon0 = std::min(b[0], b[2]), lon1 = std::max(b[0], b[2]);
    const double lat0 = std::min(b[1], b[3]), lat1 = std::max(b[1], b[3]);
    for (int i = 0; i <= 16; ++i) {
        const double t = i / 16.0;
        for (Vec2 p : {crs.forward({lon0 + t * (lon1 - lon0), lat0}), crs.forward({lon0 + t * (lon1 - lon0), lat1}),
                       crs.forward({lon0, lat0 + t * (lat1 - lat0)}), crs.forward({lon1, lat0 + t * (lat1 - lat0)})})
            out.extend(p);
    }
    return out;
}

const std::string& shortOf(const AdminUnit& u) { return u.shortName.empty() ? u.name : u.shortName; }

// "2025-05-26"; "15 January (year not stated)" for "--01-15".
std::string dateText(const DocDate& d) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    if (d.iso.size() == 7 && d.iso.rfind("--", 0) == 0 && d.month >= 1 && d.month <= 12)
        return std::to_string(d.day) + " " + months[d.month - 1] + " (year not stated)";
    return d.iso == "unknown" ? "date unknown" : d.iso;
}

std::string vintageOf(const ExportRequest& r, const VintagePolicy& vintages) {
    return r.vintage.empty() ? vintages.current : r.vintage;
}

// Which layers are drawn; returns the subtitle's "what is shown".
Result<std::string> chooseLayers(const ExportRequest& r, const MapData& map, ExportSpec& spec) {
    const Dataset& data = *map.dataset;
    if (!r.layers.empty()) {
        spec.scene.layerVisible.assign(data.layers.size(), 0);
        std::string shown;
        for (const auto& id : r.layers) {
            auto it = std::find_if(data.layers.begin(), data.layers.end(), [&](const Layer& l) { return l.spec.id == id; });
            if (it == data.layers.end()) return optionError("--layers: no layer '" + id + "' (see borderlens layers)");
            spec.scene.layerVisible[size_t(it - data.layers.begin())] = 1;
            shown += (shown.empty() ? "" : ", ") + id;
        }
        return "layers " + shown;
    }
    const std::string vintage = vintageOf(r, map.catalog->vintages);
    std::string laVintage;
    for (const auto& l : data.layers) {
        spec.scene.layerVisible.push_back(l.spec.country == Country::LA || l.spec.vintage.label == vintage);
        if (l.spec.country == Country::LA && laVintage.empty()) laVintage = l.spec.vintage.label;
    }
    const AdminSystem* sys = map.catalog->vintages.find(vintage);
    return "Vietnamese units " + (sys ? sys->title() : vintage) + ", Lao units " + (laVintage.empty() ? "?" : laVintage);
}

// A document link: its pair, the information box, the frame; returns the document's date.
Result<std::string> framePair(const ExportRequest& r, const MapData& map, ExportSpec& spec, std::string& what) {
    if (!map.news) return makeError("--pair: no documents are loaded" + (map.newsNote.empty() ? "" : " (" + map.newsNote + ")"));
    const auto& links = map.news->corpus.links;
    if (size_t(r.pair) >= links.size())
        return optionError("--pair " + std::to_string(r.pair) + ": the documents give " + std::to_string(links.size()) +
                         " links (0.." + std::to_string(int(links.size()) - 1) + "; see borderlens pairs)");
    const std::string vintage = vintageOf(r, map.catalog->vintages);
    const LinkOverlay lo = linkOverlay(map, size_t(r.pair), vintage, kPairColour);
    const LinkCheck& check = map.news->checks[size_t(r.pair)];
    const AdjacencyVerdict* v = lo.drawn;
    if (!v)
        return optionError("--pair " + std::to_string(r.pair) + ": the link's parties are not resolved onto units" +
                         (check.note.empty() ? "" : " (" + check.note + ")"));
    for (UnitKey k : {map.dataset->keyOf(v->vn), map.dataset->keyOf(v->la)})
        if (k.valid() && size_t(k.layer) < spec.scene.layerVisible.size()) spec.scene.layerVisible[size_t(k.layer)] = 1;
    spec.scene.overlay.highlights = lo.overlay.highlights;
    spec.scene.overlay.connectors = lo.overlay.connectors;
    spec.scene.overlay.segments = lo.overlay.segments;
    addSymbols(spec.scene.overlay, lo.overlay.symbols);
    spec.frame = lo.frame;
    what = shortOf(*v->vn) + " – " + shortOf(*v->la);

    const Link& link = map.news->corpus.links[size_t(r.pair)];
    const std::string date = dateText(link.date);
    const std::string doc = std::filesystem::path(map.news->corpus.documents[link.document].file).filename().string();
    spec.info.push_back(v->vn->name + " (Viet Nam) – " + v->la->name + " (Laos)");
    spec.info.push_back(kindText(link.kind) + ", " + date + (link.period.empty() ? "" : ", for " + link.period) + ": " +
                        link.vn.name + " – " + link.la.name);
    spec.info.push_back("Source: " + doc);
    for (const auto& u : link.vn.units)
        if (u.vintage == v->vintage && u.by == ResolvedBy::Succession) spec.info.push_back(u.reason);
    const AdjacencyVerdict* finest = lo.finest;
    if (finest && finest != v && finest->vn && finest->la)
        spec.info.push_back("Resolved units " + finest->vn->name + " – " + finest->la->name +
                            (finest->touches ? ": share " + kmText(finest->sharedKm)
                                             : ": " + kmText(finest->distanceKm) + " apart"));
    spec.info.push_back(v->touches ? "Shared border: " + kmText(v->sharedKm) + " (" + toString(v->vnLayer->spec.level) +
                                         "s, " + v->vintage + " units, geodesic)"
                                   : "No shared border: " + kmText(v->distanceKm) + " apart (" + v->vintage + " units)");
    if (check.nearestGate)
        spec.info.push_back("Nearest border gate: " + describeGate(*check.nearestGate));
    return date;
}

// A unit found by name among the shown layers, highlighted with a margin.
Result<std::string> frameFocus(const ExportRequest& r, const MapData& map, ExportSpec& spec) {
    if (!map.gazetteer) return makeError("--focus: no gazetteer is loaded");
    FindOptions fo;
    fo.limit = 50;
    const auto matches = map.gazetteer->find(r.focus, fo);
    for (const auto& m : matches) {
        const size_t li = size_t(m.ref.layer - map.dataset->layers.data());
        if (li >= spec.scene.layerVisible.size() || !spec.scene.layerVisible[li]) continue;
        spec.scene.overlay.highlights.push_back({map.dataset->keyOf(m.ref.unit), kFocusColour});
        const Box b = m.ref.unit->bounds;
        spec.frame = b.expanded(std::max(b.maxX - b.minX, b.maxY - b.minY) * 0.08);
        if (std::string note = guessNote("--focus", r.focus, m); !note.empty()) spec.notes.push_back(std::move(note));
        return m.ref.unit->name + (m.ref.unit->parentName.empty() ? "" : ", " + m.ref.unit->parentName);
    }
    return optionError("--focus: nothing shown is called '" + r.focus + "' (try borderlens find)");
}

std::string bboxText(const std::array<double, 4>& b) {
    char t[128];
    std::snprintf(t, sizeof t, "%.2f–%.2f°E, %.2f–%.2f°N", std::min(b[0], b[2]), std::max(b[0], b[2]),
                  std::min(b[1], b[3]), std::max(b[1], b[3]));
    return std::string("Vietnam–Laos border, ") + t;
}

}  // namespace

Result<std::monostate> checkExportSize(int width, int height, const std::string& option) {
    if (width < 64 || height < 64 || width > kMaxExportSide || height > kMaxExportSide)
        return optionError(option + " " + std::to_string(width) + "x" + std::to_string(height) +
                         " is out of range: each side must be 64.." + std::to_string(kMaxExportSide) + " pixels");
    if (double(width) * height > 250e6)
        return optionError(option + " " + std::to_string(width) + "x" + std::to_string(height) +
                         " is too large: at most 250 megapixels");
    return std::monostate{};
}

Result<std::monostate> validate(const ExportRequest& r, const VintagePolicy& vintages) {
    if (auto ok = io::checkExportOutput(r.output, r.georef); !ok) return ok.error();
    if (auto ok = checkExportSize(r.width, r.height, "--size"); !ok) return ok.error();
    if (!(r.dpi >= 24 && r.dpi <= 1200)) return optionError("--dpi must be between 24 and 1200");
    const int frames = int(!r.focus.empty()) + int(r.pair >= 0) + int(r.bbox.has_value()) + int(r.frame.has_value());
    if (frames > 1) return optionError("--focus, --pair and --bbox exclude each other: give at most one");
    if (r.bbox) {
        const auto& b = *r.bbox;
        for (double v : b)
            if (!std::isfinite(v)) return optionError("--bbox must be four finite numbers LON1,LAT1,LON2,LAT2 in degrees");
        if (std::abs(b[1]) > 85 || std::abs(b[3]) > 85 || std::abs(b[0]) > 180 || std::abs(b[2]) > 180 ||
            b[0] == b[2] || b[1] == b[3])
            return optionError("--bbox must be LON1,LAT1,LON2,LAT2 in degrees with distinct corners");
        const LonLatBox box{std::min(b[0], b[2]), std::min(b[1], b[3]), std::max(b[0], b[2]), std::max(b[1], b[3])};
        if (!kWorkingArea.intersects(box)) {
            char area[96];
            std::snprintf(area, sizeof area, "%.0f-%.0f°E, %.0f-%.0f°N", kWorkingArea.lonMin, kWorkingArea.lonMax,
                          kWorkingArea.latMin, kWorkingArea.latMax);
            return optionError(std::string("--bbox lies outside the working area (") + area + ")");
        }
    }
    if (!r.vintage.empty())
        if (auto ok = vintages.check(r.vintage, "--vintage"); !ok) return ok.error();
    if (r.maxTile < 0 || (r.maxTile > 0 && r.maxTile < 16)) return optionError("tile size must be at least 16 pixels");
    return std::monostate{};
}

std::vector<std::string> layersNeeded(const ExportRequest& r, Session& session) {
    if (r.pair >= 0) return session.allLayers();
    if (!r.layers.empty()) return r.layers;
    std::vector<std::string> ids = session.layersShown(r.vintage.empty() ? session.vintages().current : r.vintage);
    if (!r.focus.empty() || r.frame) return ids;  // the frame is known only once the layers are
    // The frame before loading: the box asked for, else Laos (its provinces).
    Box frame;
    if (r.bbox) {
        const auto& b = *r.bbox;
        for (double lon : {b[0], b[2]})
            for (double lat : {b[1], b[3]}) frame.extend(threadCrs().forward({lon, lat}));
    } else {
        std::vector<std::string> lao;
        for (const auto& l : session.catalog().layers)
            if (l.country == Country::LA && l.level == Level::Province) lao.push_back(l.id);
        if (lao.empty()) return ids;
        auto data = session.load(lao);
        if (!data) return ids;  // the full load says what is wrong
        for (const auto& l : (*data)->layers)
            for (const auto& u : l.units) frame.extend(u.bounds);
    }
    if (frame.empty()) return ids;
    // The finest scale the export can have: the frame edge to edge (titles
    // and margins only make it coarser), at the style's scale.
    const double mpp =
        std::max((frame.maxX - frame.minX) / r.width, (frame.maxY - frame.minY) / r.height) * r.dpi / 96.0;
    std::vector<std::string> drawn;
    for (const auto& id : ids)
        if (const LayerSpec* s = session.catalog().layer(id); s && levelShownAtScale(s->level, mpp)) drawn.push_back(id);
    return drawn;
}

Result<ExportSpec> buildExportSpec(const ExportRequest& r, const MapData& map) {
    if (auto ok = validate(r, map.catalog->vintages); !ok) return ok.error();
    ExportSpec spec;
    spec.width = r.width;
    spec.height = r.height;
    spec.dpi = r.dpi;
    spec.maxTile = r.maxTile;
    spec.attribution = map.catalog->attribution;
    spec.scene.style.labels = r.labels;
    auto shown = chooseLayers(r, map, spec);
    if (!shown) return shown.error();
    if (map.curated) {
        addSymbols(spec.scene.overlay, gateSymbols(*map.curated));
        spec.scene.overlay.segments.push_back(gateUncertainty(*map.curated));
    }

    std::string what = "Vietnam–Laos border area", docDate;
    spec.frame = map.geometry->borderBounds.empty() ? map.geometry->bounds : map.geometry->borderBounds;
    if (r.pair >= 0) {
        auto date = framePair(r, map, spec, what);
        if (!date) return date.error();
        docDate = *date;
    } else if (!r.focus.empty()) {
        auto focus = frameFocus(r, map, spec);
        if (!focus) return focus.error();
        what = *focus;
    } else if (r.bbox) {
        spec.frame = boxOf(*r.bbox);
        what = bboxText(*r.bbox);
    } else if (r.frame) {
        spec.frame = *r.frame;
    }
    spec.title = r.title.empty() ? what : r.title;
    spec.subtitle = r.subtitle.empty() ? *shown + (docDate.empty() ? "" : "; document dated " + docDate) : r.subtitle;
    if (spec.frame.empty()) return makeError("nothing to show: the frame is empty");
    return spec;
}

}  // namespace bl::engine
