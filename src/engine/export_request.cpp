#include "engine/export_request.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "core/boundaries/crs.hpp"
#include "core/boundaries/geometry_ops.hpp"
#include "engine/atlas.hpp"
#include "engine/figures.hpp"
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


std::string vintageOf(const ExportRequest& r, const VintagePolicy& vintages) {
    return r.vintage.empty() ? vintages.current : r.vintage;
}

// Which layers are drawn (the Vietnamese system `vintage` unless the
// request names layers); returns the subtitle's "what is shown".
Result<std::string> chooseLayers(const ExportRequest& r, const MapData& map, const std::string& vintage,
                                 ExportSpec& spec) {
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
    const LinkOverlay lo = linkOverlay(map, size_t(r.pair), spec.vintage, kPairColour);
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
    what = v->vn->briefName() + " – " + v->la->briefName();

    const Link& link = map.news->corpus.links[size_t(r.pair)];
    const std::string date = displayDate(link.date.iso);
    const std::string doc = std::filesystem::path(map.news->corpus.documents[link.document].file).filename().string();
    spec.info.push_back(v->vn->name + " (Viet Nam) – " + v->la->name + " (Laos)");
    spec.info.push_back(kindText(link.kind) + ", " + date + (link.period.empty() ? "" : ", for " + link.period) + ": " +
                        link.vn.name + " – " + link.la.name);
    spec.info.push_back("Source: " + doc);
    for (const auto& u : link.vn.units)
        if (u.vintage == v->vintage && u.by == ResolvedBy::Succession) spec.info.push_back(u.reason);
    spec.info.push_back(v->touches ? "Shared border: " + kmText(v->sharedKm) + " (" + toString(v->vnLayer->spec.level) +
                                         "s, " + v->vintage + " units, geodesic)"
                                   : "No shared border: " + kmText(v->distanceKm) + " apart (" + v->vintage + " units)");
    // The check in every system, as `borderlens pairs` lists it.
    for (const AdjacencyVerdict& other : check.verdicts)
        if (&other != v && other.vn && other.la) spec.info.push_back(verdictText(other));
    spec.scene.emphasised = {map.dataset->keyOf(v->vn), map.dataset->keyOf(v->la)};
    if (check.nearestGate)
        spec.info.push_back("Nearest border gate: " + describeGate(*check.nearestGate));
    return date;
}

bool ofSystem(const Layer& l, const std::string& vintage) {
    return l.spec.country == Country::LA || l.spec.vintage.label == vintage;
}

// Full names of the units of system `vintage` that correspond to `unit` (of
// `layer`, in another system) in the succession table, the largest part
// first, at most three: its successors when `vintage` is later, else its
// predecessors; at the unit's level when that system has it, else at the
// finest coarser level it has. Parts under 5% are boundary mismatch.
std::vector<std::string> counterparts(const MapData& map, const Layer& layer, const AdminUnit& unit,
                                      const std::string& vintage) {
    if (!map.curated) return {};
    const SuccessionTable& table = map.curated->succession;
    std::vector<std::pair<double, std::string>> found;  // part, full name
    int finest = -1;
    auto consider = [&](const std::string& layerId, const std::string& unitId, const std::string& name, double part) {
        const LayerSpec* spec = map.catalog->layer(layerId);
        if (!spec || spec->vintage.label != vintage || spec->level > layer.spec.level || part < 0.05) return;
        if (int(spec->level) > finest) {
            finest = int(spec->level);
            found.clear();
        }
        if (int(spec->level) < finest) return;
        const Layer* l = map.dataset->layer(layerId);
        const AdminUnit* u = l ? l->find(unitId) : nullptr;
        found.push_back({part, u ? u->name : name});
    };
    if (const Succession* s = table.find(layer.spec.id, unit.id)) {
        for (const Successor& t : s->to) consider(t.layerId, t.unitId, t.name, t.share);
    } else {
        // A share is of the earlier unit's area: the part of `unit` it gave is
        // that share of its area over `unit`'s.
        const double own = area(unit.geometry);
        for (const Succession& earlier : table.units)
            for (const Successor& t : earlier.to) {
                if (t.layerId != layer.spec.id || t.unitId != unit.id) continue;
                const Layer* l = map.dataset->layer(earlier.layerId);
                const AdminUnit* u = l ? l->find(earlier.unitId) : nullptr;
                consider(earlier.layerId, earlier.unitId, earlier.name,
                         u && own > 0 ? t.share * area(u->geometry) / own : t.share);
            }
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> names;
    for (size_t i = 0; i < found.size() && i < 3; ++i) names.push_back(found[i].second);
    return names;
}

// "--focus: 'Hướng Hóa' is a 2023 district; --vintage 2023 shows it, or
// choose its 2025 successor Tỉnh Quảng Trị".
std::string otherSystemError(const ExportRequest& r, const MapData& map, const GazetteerMatch& m,
                             const std::string& vintage) {
    const Layer& l = *m.ref.layer;
    const AdminUnit& u = *m.ref.unit;
    const std::string& its = l.spec.vintage.label;
    std::string msg = "--focus: '" + r.focus + "'" + (m.kind == MatchKind::Exact ? "" : " (" + u.name + ")") +
                      " is a " + its + " " + toString(l.spec.level) + "; --vintage " + its + " shows it";
    const auto names = counterparts(map, l, u, vintage);
    if (names.empty()) return msg;
    const auto& systems = map.catalog->vintages.systems;
    auto rank = [&](const std::string& label) {
        return std::find_if(systems.begin(), systems.end(), [&](const AdminSystem& s) { return s.label == label; }) -
               systems.begin();
    };
    msg += std::string(", or choose ") + (names.size() > 1 ? "one of its " : "its ") + vintage +
           (rank(vintage) > rank(its) ? " successor" : " predecessor") + (names.size() > 1 ? "s " : " ");
    for (size_t i = 0; i < names.size(); ++i) msg += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return msg;
}

// The unit a --focus name draws; `vintage` (the system asked for or shown)
// becomes the system drawn: see buildExportSpec. Notes say what was guessed.
Result<GazetteerMatch> chooseFocus(const ExportRequest& r, const MapData& map, std::string& vintage,
                                   std::vector<std::string>& notes) {
    if (!map.gazetteer) return makeError("--focus: no gazetteer is loaded");
    FindOptions fo;
    fo.limit = 50;
    const auto matches = map.gazetteer->find(r.focus, fo);
    auto shown = [&](const GazetteerMatch& m) {
        if (!r.layers.empty()) return std::find(r.layers.begin(), r.layers.end(), m.ref.layer->spec.id) != r.layers.end();
        return ofSystem(*m.ref.layer, vintage);
    };
    const auto inShown = std::find_if(matches.begin(), matches.end(), shown);
    GazetteerMatch chosen;
    if (!r.layers.empty() || (inShown != matches.end() && inShown->score >= matches.front().score)) {
        // A tie goes to the system shown.
        if (inShown == matches.end())
            return optionError("--focus: nothing shown is called '" + r.focus + "' (try borderlens find)");
        chosen = *inShown;
    } else if (matches.empty()) {
        return optionError("--focus: no unit is called '" + r.focus + "' (try borderlens find)");
    } else if (!r.vintage.empty()) {
        return optionError(otherSystemError(r, map, matches.front(), vintage));
    } else {
        chosen = matches.front();  // a Vietnamese unit of another system
    }
    if (std::string note = guessNote("--focus", r.focus, chosen); !note.empty()) notes.push_back(std::move(note));
    if (const Layer& l = *chosen.ref.layer; !ofSystem(l, vintage)) {
        vintage = l.spec.vintage.label;
        notes.push_back(unitSystemText(l, *chosen.ref.unit) + ": drawing the " + vintage + " system");
    }
    return chosen;
}

// A unit with a margin; returns the title's "what".
std::string frameUnit(const AdminUnit& u, ExportSpec& spec) {
    const Box b = u.bounds;
    spec.frame = b.expanded(std::max(b.maxX - b.minX, b.maxY - b.minY) * 0.08);
    return u.name + (u.parentName.empty() ? "" : ", " + u.parentName);
}

// The lon/lat extent of a working CRS box (edges sampled).
std::array<double, 4> lonLatOf(const Box& b) {
    const WorkingCrs& crs = threadCrs();
    std::array<double, 4> out{1e9, 1e9, -1e9, -1e9};
    for (int i = 0; i <= 16; ++i) {
        const double t = i / 16.0, x = b.minX + t * (b.maxX - b.minX), y = b.minY + t * (b.maxY - b.minY);
        for (Vec2 p : {Vec2{x, b.minY}, Vec2{x, b.maxY}, Vec2{b.minX, y}, Vec2{b.maxX, y}}) {
            const LonLat ll = crs.inverse(p);
            out = {std::min(out[0], ll.lon), std::min(out[1], ll.lat), std::max(out[2], ll.lon), std::max(out[3], ll.lat)};
        }
    }
    return out;
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
    if (!r.atlas.empty()) {
        if (auto ok = checkAtlasKind(r.atlas); !ok) return ok.error();
        if (auto ok = io::checkAtlasOutput(r.output, r.georef); !ok) return ok.error();
        if (r.pair >= 0 || !r.focus.empty() || r.bbox || r.frame || r.focusUnit.valid())
            return optionError("--atlas frames each page itself: leave out --pair, --focus and --bbox");
    } else if (auto ok = io::checkExportOutput(r.output, r.georef); !ok) {
        return ok.error();
    }
    if (auto ok = checkExportSize(r.width, r.height, "--size"); !ok) return ok.error();
    if (!(r.dpi >= 24 && r.dpi <= 1200)) return optionError("--dpi must be between 24 and 1200");
    const int frames = int(!r.focus.empty()) + int(r.pair >= 0) + int(r.bbox.has_value()) + int(r.frame.has_value()) +
                       int(r.focusUnit.valid());
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
    if (!(r.marginMm >= 0) || r.marginMm / 25.4 * r.dpi * 4 > std::min(r.width, r.height))
        return optionError("--margin must be at least 0 mm and leave most of the page (at most an eighth of its shorter side)");
    return std::monostate{};
}

std::vector<std::string> layersNeeded(const ExportRequest& r, Session& session) {
    if (r.pair >= 0 || r.atlas == "pairs") return session.allLayers();
    if (!r.atlas.empty())  // pages at every scale: every layer of the system
        return r.layers.empty() ? session.layersShown(r.vintage.empty() ? session.vintages().current : r.vintage)
                                : r.layers;
    if (!r.layers.empty()) return r.layers;
    std::vector<std::string> ids = session.layersShown(r.vintage.empty() ? session.vintages().current : r.vintage);
    if (!r.focus.empty()) {
        // The unit decides which system is drawn: every system is looked in.
        for (const auto& system : session.vintages().systems)
            for (const auto& id : session.layersShown(system.label))
                if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        return ids;
    }
    if (r.frame || r.focusUnit.valid()) return ids;  // the frame is known only once the layers are
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

std::vector<std::string> layersToName(const Dataset& data, const std::string& vintage,
                                      const std::vector<char>& layerVisible) {
    std::vector<std::string> ids;
    bool asSystem = true;
    for (size_t i = 0; i < data.layers.size(); ++i) {
        const bool shown = i < layerVisible.size() && layerVisible[i];
        asSystem = asSystem && shown == ofSystem(data.layers[i], vintage);
        if (shown) ids.push_back(data.layers[i].spec.id);
    }
    return asSystem ? std::vector<std::string>{} : ids;
}

std::string productionDate() {
    time_t now = time(nullptr);
    // Reproducible output: SOURCE_DATE_EPOCH (reproducible-builds.org) when set.
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) now = time_t(std::strtoll(epoch, nullptr, 10));
    struct tm t {};
    gmtime_r(&now, &t);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &t);
    return text;
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
    for (UnitKey k : {r.selected, r.focusUnit})
        if (k.valid() && !map.dataset->unitOf(k)) return makeError("the unit to draw is not in the loaded data");
    spec.vintage = vintageOf(r, map.catalog->vintages);
    std::optional<GazetteerMatch> focus;
    if (!r.focus.empty()) {
        auto m = chooseFocus(r, map, spec.vintage, spec.notes);
        if (!m) return m.error();
        focus = *m;
    }
    auto shown = chooseLayers(r, map, spec.vintage, spec);
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
    } else if (focus) {
        spec.scene.overlay.highlights.push_back({map.dataset->keyOf(focus->ref.unit), kFocusColour});
        spec.scene.emphasised = {map.dataset->keyOf(focus->ref.unit)};
        what = frameUnit(*focus->ref.unit, spec);
    } else if (r.focusUnit.valid()) {
        spec.scene.emphasised = {r.focusUnit};
        what = frameUnit(*map.dataset->unitOf(r.focusUnit), spec);
    } else if (r.bbox) {
        spec.frame = boxOf(*r.bbox);
        what = bboxText(*r.bbox);
    } else if (r.frame) {
        spec.frame = *r.frame;
        spec.frameIsImage = r.frameIsImage;
        if (!r.frame->empty()) what = bboxText(lonLatOf(*r.frame));
    }
    // The viewer's overlay and selection, as it shows them.
    if (r.overlay) spec.scene.overlay = *r.overlay;
    spec.scene.selected = r.selected;
    spec.title = r.title.empty() ? what : r.title;
    spec.subtitle = r.subtitle.empty() ? *shown + (docDate.empty() ? "" : "; document dated " + docDate) : r.subtitle;
    spec.margin = {kWorkingCrsText, *shown, "produced " + productionDate() + " with borderlens"};
    spec.marginPx = r.marginMm / 25.4 * r.dpi;
    if (spec.frame.empty()) return makeError("nothing to show: the frame is empty");
    return spec;
}

}  // namespace bl::engine
