#include "engine/atlas.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/crs.hpp"
#include "core/names/names.hpp"
#include "engine/adjacency_memo.hpp"
#include "engine/figures.hpp"
#include "engine/overlays.hpp"

namespace bl::engine {

Result<std::monostate> checkAtlasKind(const std::string& kind) {
    if (kind == "pairs" || kind == "gates" || kind == "provinces") return std::monostate{};
    return optionError("--atlas must be pairs, gates or provinces (got '" + kind + "')");
}

namespace {

// "03-quang-tri-savannakhet": the number, then the title folded to ASCII.
std::string pageName(size_t number, const std::string& title) {
    char num[24];
    std::snprintf(num, sizeof num, "%02zu", number);
    std::string slug;
    for (char c : foldText(title)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            slug += c;
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
        if (slug.size() >= 48) break;
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return std::string(num) + (slug.empty() ? "" : "-" + slug);
}

// An item of the atlas: its page and where its number goes on the overview.
struct Item {
    ExportSpec spec;
    Vec2 at;
    std::string index;  // its line in the overview's list
};

std::optional<Vec2> midpoint(const MapData& map, const std::vector<UnitKey>& units) {
    Vec2 sum;
    int n = 0;
    for (UnitKey k : units)
        if (auto a = map.geometry->anchor(k)) {
            sum.x += a->x;
            sum.y += a->y;
            ++n;
        }
    if (!n) return std::nullopt;
    return Vec2{sum.x / n, sum.y / n};
}

Result<std::vector<Item>> pairItems(const ExportRequest& base, const MapData& map, std::vector<std::string>& notes) {
    if (!map.news) return makeError("--atlas pairs: no documents are loaded" + (map.newsNote.empty() ? "" : " (" + map.newsNote + ")"));
    std::vector<Item> items;
    for (size_t i = 0; i < map.news->corpus.links.size(); ++i) {
        ExportRequest r = base;
        r.pair = int(i);
        auto spec = buildExportSpec(r, map);
        if (!spec) {  // a link whose parties did not resolve has no page
            notes.push_back("link " + std::to_string(i) + " has no page: " + spec.error().message);
            continue;
        }
        const Link& link = map.news->corpus.links[i];
        const std::string title = spec->title;
        Item item{std::move(*spec), {}, {}};
        item.at = midpoint(map, item.spec.scene.emphasised).value_or(item.spec.frame.center());
        item.index = title + " (link " + std::to_string(i) + ", " + displayDate(link.date.iso) + ")";
        items.push_back(std::move(item));
    }
    return items;
}

Result<std::vector<Item>> gateItems(const ExportRequest& base, const MapData& map) {
    if (!map.curated || map.curated->gates.empty()) return makeError("--atlas gates: no border gates are known (geodata/border_gates.json)");
    const auto& gates = map.curated->gates;
    std::vector<Item> items;
    for (const CuratedGate& g : gates) {
        if (g.country != Country::VN || !g.position) continue;  // one page per pair of gates, from the Vietnamese side
        const CuratedGate* other = nullptr;
        for (const CuratedGate& o : gates)
            if (o.country == Country::LA && o.id == g.id) other = &o;
        ExportRequest r = base;
        const double dLat = 0.30, dLon = 0.30 / std::cos(g.position->lat * M_PI / 180);  // ~33 km each way
        r.bbox = std::array<double, 4>{g.position->lon - dLon, g.position->lat - dLat, g.position->lon + dLon,
                                       g.position->lat + dLat};
        auto spec = buildExportSpec(r, map);
        if (!spec) return spec.error();
        const std::string name = g.name + (other ? " – " + other->name : "");
        spec->title = name + " border gate";
        spec->info.push_back(name + " (" + g.level + ")");
        spec->info.push_back("Viet Nam: " + (g.district.empty() ? "" : g.district + ", ") + g.province +
                             (g.province2025.empty() || g.province2025 == g.province ? "" : " (2025: " + g.province2025 + ")"));
        if (other) spec->info.push_back("Laos: " + (other->district.empty() ? "" : other->district + ", ") + other->province);
        char where[96];
        std::snprintf(where, sizeof where, "%.4f°N %.4f°E, ± %s", g.position->lat, g.position->lon,
                      kmText(g.precisionKm).c_str());
        spec->info.push_back(std::string("Position ") + (g.derived ? "derived by borderlens" : "cited") + ": " + where);
        if (!g.positionSource.empty()) spec->info.push_back("Source: " + g.positionSource);
        Item item{std::move(*spec), threadCrs().forward(*g.position), name + " (" + g.level + ")"};
        items.push_back(std::move(item));
    }
    return items;
}

Result<std::vector<Item>> provinceItems(const ExportRequest& base, const MapData& map) {
    const Dataset& data = *map.dataset;
    const std::string vintage = base.vintage.empty() ? map.catalog->vintages.current : base.vintage;
    const Layer *vn = nullptr, *la = nullptr;
    for (const Layer& l : data.layers) {
        if (l.spec.level != Level::Province) continue;
        if (l.spec.country == Country::VN && l.spec.vintage.label == vintage) vn = &l;
        if (l.spec.country == Country::LA) la = &l;
    }
    if (!vn || !la) return makeError("--atlas provinces: the " + vintage + " Vietnamese provinces or the Lao provinces are not loaded");
    AdjacencyMemo memo(map.dataset, true);
    const auto& borders = memo.between(*vn, *la);
    // Each province along the border with its neighbours across it, longest first.
    std::map<const AdminUnit*, std::vector<const SharedBorder*>> along;
    std::vector<const AdminUnit*> order;
    for (const SharedBorder& b : borders)
        for (const AdminUnit* u : {b.a, b.b}) {
            if (!along.count(u)) order.push_back(u);
            along[u].push_back(&b);
        }
    auto isVn = [&](const AdminUnit* u) { return u >= vn->units.data() && u < vn->units.data() + vn->units.size(); };
    std::stable_sort(order.begin(), order.end(), [&](const AdminUnit* x, const AdminUnit* y) {
        if (isVn(x) != isVn(y)) return isVn(x);  // Viet Nam's first
        return threadCrs().inverse(x->bounds.center()).lat > threadCrs().inverse(y->bounds.center()).lat;  // north to south
    });
    std::vector<Item> items;
    for (const AdminUnit* u : order) {
        ExportRequest r = base;
        r.focusUnit = data.keyOf(u);
        auto spec = buildExportSpec(r, map);
        if (!spec) return spec.error();
        spec->scene.overlay.highlights.push_back({r.focusUnit, kFocusColour});
        spec->info.push_back(u->name + (isVn(u) ? " (Viet Nam, " + vintage + " units)" : " (Laos)"));
        double total = 0;
        for (const SharedBorder* b : along[u]) {
            const AdminUnit* other = b->a == u ? b->b : b->a;
            spec->info.push_back("Borders " + other->name + ": " + kmText(shownKm(*b)));
            total += shownKm(*b);
        }
        spec->info.push_back("Along the Viet Nam–Laos border: " + kmText(total));
        Item item{std::move(*spec), map.geometry->anchor(r.focusUnit).value_or(u->bounds.center()),
                  u->name + " (" + kmText(total) + ")"};
        items.push_back(std::move(item));
    }
    return items;
}

}  // namespace

Result<std::vector<AtlasPage>> buildAtlas(const ExportRequest& r, const MapData& map) {
    if (auto ok = checkAtlasKind(r.atlas); !ok) return ok.error();
    ExportRequest base = r;
    base.atlas.clear();
    base.output = "page.png";  // the pages' specs are built as single exports; the atlas writes them
    base.pair = -1;
    base.focus.clear();
    base.bbox.reset();
    base.frame.reset();
    base.focusUnit = {};
    base.title.clear();
    std::vector<std::string> notes;
    Result<std::vector<Item>> items = r.atlas == "pairs"   ? pairItems(base, map, notes)
                                      : r.atlas == "gates" ? gateItems(base, map)
                                                           : provinceItems(base, map);
    if (!items) return items.error();
    if (items->empty()) return makeError("--atlas " + r.atlas + ": nothing to put in it");

    auto overview = buildExportSpec(base, map);
    if (!overview) return overview.error();
    const char* what = r.atlas == "pairs" ? "twinned pairs" : r.atlas == "gates" ? "border gates" : "border provinces";
    overview->title = r.title.empty() ? std::string("Atlas of ") + what + ": overview" : r.title;
    overview->notes = notes;
    std::vector<AtlasPage> pages;
    pages.reserve(items->size() + 1);
    pages.push_back({std::move(*overview), "00-overview"});
    for (size_t i = 0; i < items->size(); ++i) {
        Item& item = (*items)[i];
        const std::string number = std::to_string(i + 1);
        // The overview: the item's number at its place (items at one place share
        // a marker: "3,4,5"), and in the list.
        auto& symbols = pages.front().spec.scene.overlay.symbols;
        auto same = std::find_if(symbols.begin(), symbols.end(), [&](const OverlaySymbol& o) {
            return o.kind == SymbolKind::Item && std::hypot(o.position.x - item.at.x, o.position.y - item.at.y) < 3000;
        });
        if (same != symbols.end())
            same->label += "," + number;
        else
            symbols.push_back({item.at, SymbolKind::Item, false, number});
        pages.front().spec.index.push_back(number + ". " + item.index);
        item.spec.title = number + ". " + item.spec.title;
        item.spec.subtitle += " · atlas page " + std::to_string(i + 2) + " of " + std::to_string(items->size() + 1);
        pages.push_back({std::move(item.spec), pageName(i + 1, item.index)});
    }
    return pages;
}

}  // namespace bl::engine
