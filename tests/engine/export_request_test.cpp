#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/export_request.hpp"
#include "engine/map_data.hpp"
#include "engine/overlays.hpp"

using namespace bl;
using namespace bl::engine;

TEST_CASE("Export sizes out of range are refused naming the option", "[engine][export]") {
    CHECK_FALSE(checkExportSize(0, 0).ok());
    CHECK(checkExportSize(0, 0).error().message.find("--size") != std::string::npos);
    CHECK_FALSE(checkExportSize(100000, 100000).ok());
    CHECK_FALSE(checkExportSize(20000, 20000).ok());  // 400 megapixels
    CHECK(checkExportSize(3000, 2000).ok());
}

TEST_CASE("An export's vintage is checked against the catalog's systems", "[engine][export]") {
    auto s = Session::open({});
    REQUIRE(s);
    ExportRequest r;
    r.output = "map.png";
    CHECK(validate(r, (*s)->vintages()));
    r.vintage = "1999";
    auto bad = validate(r, (*s)->vintages());
    REQUIRE_FALSE(bad);
    CHECK_THAT(bad.error().message, Catch::Contains("--vintage") && Catch::Contains((*s)->vintages().choices()));
}

TEST_CASE("A whole-area export loads only the shown system and draws every positioned gate", "[engine][export][real]") {
    auto s = Session::open({});
    REQUIRE(s);
    ExportRequest r;
    r.output = "map.png";
    MapRequest req;
    req.layers = layersNeeded(r, **s);
    for (const auto& id : req.layers) {
        const LayerSpec* spec = (*s)->catalog().layer(id);
        CHECK((spec->country == Country::LA || spec->vintage.label == (*s)->vintages().current));
    }
    auto map = prepareMap(**s, req);
    REQUIRE(map);
    CHECK((*map)->dataset->layers.size() == req.layers.size());
    auto spec = buildExportSpec(r, **map);
    REQUIRE(spec);
    // One symbol per gate pair (both sides share the position), every pair placed.
    size_t pairs = 0;
    for (const auto& g : (*map)->curated->gates) pairs += g.position && g.country == Country::VN ? 1 : 0;
    CHECK(pairs * 2 == (*map)->curated->gates.size());
    size_t symbols = 0;
    for (const auto& sym : spec->scene.overlay.symbols) symbols += sym.kind == SymbolKind::BorderGate;
    CHECK(symbols == pairs);
    CHECK(pairs >= 26);
    // and an uncertainty circle for each gate placed to more than 1 km.
    size_t circles = 0, loose = 0;
    for (const auto& seg : spec->scene.overlay.segments)
        if (seg.legend == "Border gate position uncertainty") circles += seg.lines.size();
    for (const auto& g : (*map)->curated->gates) loose += g.country == Country::VN && g.precisionKm > 1.0 ? 1 : 0;
    CHECK(circles == loose);
    CHECK(loose > 0);
    CHECK(spec->title == "Vietnam–Laos border area");
    CHECK_THAT(spec->subtitle, Catch::Contains((*s)->vintages().current));
}

namespace {

// The real data as `borderlens export` loads it for `r`.
std::shared_ptr<const MapData> mapFor(Session& s, const ExportRequest& r, bool news = false) {
    MapRequest req;
    req.layers = layersNeeded(r, s);
    req.news = news;
    auto map = prepareMap(s, req);
    if (!map) FAIL(map.error().message);
    return *map;
}

bool drawn(const ExportSpec& spec, const MapData& map, const std::string& layerId) {
    for (size_t i = 0; i < map.dataset->layers.size(); ++i)
        if (map.dataset->layers[i].spec.id == layerId) return i < spec.scene.layerVisible.size() && spec.scene.layerVisible[i];
    return false;
}

bool hasNote(const ExportSpec& spec, const std::string& text) {
    return std::any_of(spec.notes.begin(), spec.notes.end(), [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("A --focus unit of another system draws that system and says so", "[engine][export][real]") {
    auto s = Session::open({});
    REQUIRE(s);
    REQUIRE((*s)->vintages().current == "2025");
    ExportRequest r;
    r.output = "map.png";
    r.focus = "Hướng Hóa";
    // Every system is loaded for a focus: the unit decides which is drawn.
    const auto ids = layersNeeded(r, **s);
    CHECK(std::find(ids.begin(), ids.end(), "vn_adm2_2023") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "vn_adm1_2025") != ids.end());
    auto map = mapFor(**s, r);
    auto spec = buildExportSpec(r, *map);
    REQUIRE(spec);
    CHECK(spec->vintage == "2023");
    CHECK(hasNote(*spec, "Hướng Hóa is a district of the 2023 system: drawing the 2023 system"));
    CHECK(drawn(*spec, *map, "vn_adm2_2023"));
    CHECK(drawn(*spec, *map, "la_adm1_2019"));
    CHECK_FALSE(drawn(*spec, *map, "vn_adm1_2025"));
    CHECK_FALSE(drawn(*spec, *map, "vn_communes_2025"));
    CHECK_THAT(spec->title, Catch::StartsWith("Huyện Hướng Hóa"));
    CHECK_THAT(spec->subtitle, Catch::Contains("2023"));
    // The frame is the district with a margin, and the district is highlighted.
    const AdminUnit* hh = map->dataset->layer("vn_adm2_2023")->find("465");
    REQUIRE(hh);
    CHECK(spec->frame.minX < hh->bounds.minX);
    CHECK(spec->frame.maxX > hh->bounds.maxX);
    CHECK(spec->frame.minY < hh->bounds.minY);
    CHECK(spec->frame.maxY > hh->bounds.maxY);
    REQUIRE(spec->scene.overlay.highlights.size() == 1);
    CHECK(map->dataset->unitOf(spec->scene.overlay.highlights[0].unit) == hh);

    SECTION("with --vintage 2025 the error names the system that has it and its successor") {
        r.vintage = "2025";
        auto refused = buildExportSpec(r, *map);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message ==
              "--focus: 'Hướng Hóa' is a 2023 district; --vintage 2023 shows it, or choose its 2025 successor "
              "Tỉnh Quảng Trị");
    }
    SECTION("a name both systems have stays in the one shown, without a note") {
        r.focus = "Quảng Trị";
        auto both = buildExportSpec(r, *map);
        REQUIRE(both);
        CHECK(both->vintage == "2025");
        CHECK(both->notes.empty());
        CHECK(drawn(*both, *map, "vn_adm1_2025"));
        CHECK_FALSE(drawn(*both, *map, "vn_adm1_2023"));
    }
    SECTION("a Lao unit belongs to every system") {
        r.focus = "Sepone";
        auto lao = buildExportSpec(r, *map);
        REQUIRE(lao);
        CHECK(lao->vintage == "2025");
        CHECK_FALSE(hasNote(*lao, "system"));
        REQUIRE(lao->scene.overlay.highlights.size() == 1);
        CHECK(map->dataset->layerOf(lao->scene.overlay.highlights[0].unit)->spec.country == Country::LA);
    }
    SECTION("a 2025 unit asked for in 2023 names its 2023 predecessor") {
        r.focus = "Xã Lao Bảo";
        r.vintage = "2023";
        auto refused = buildExportSpec(r, *map);
        REQUIRE_FALSE(refused);
        CHECK_THAT(refused.error().message,
                   Catch::StartsWith("--focus: 'Xã Lao Bảo' is a 2025 commune; --vintage 2025 shows it") &&
                       Catch::Contains("its 2023 predecessor Huyện Hướng Hóa"));
    }
}

TEST_CASE("A viewer export request draws the viewer's overlay and selection as given", "[engine][export][real]") {
    auto s = Session::open({});
    REQUIRE(s);
    ExportRequest r;
    r.output = "map.png";
    r.pair = 0;  // every layer and the documents, as the viewer has them
    auto map = mapFor(**s, r, true);
    REQUIRE(map->news);
    const std::string vintage = (*s)->vintages().current;
    // What the viewer draws with pair 0 shown: the link in the viewer's colour, our gates and their circles.
    const LinkOverlay lo = linkOverlay(*map, 0, vintage, kLinkColour);
    REQUIRE(lo.drawn);
    Overlay shown = lo.overlay;
    addSymbols(shown, gateSymbols(*map->curated));
    shown.segments.push_back(gateUncertainty(*map->curated));
    const UnitKey selected = map->dataset->keyOf(lo.drawn->vn);

    ExportRequest view;
    view.output = "map.png";
    view.vintage = vintage;
    view.frame = lo.frame.expanded(20000.0);
    view.overlay = shown;
    view.selected = selected;
    auto spec = buildExportSpec(view, *map);
    REQUIRE(spec);
    CHECK(spec->scene.selected == selected);
    const Overlay& o = spec->scene.overlay;
    REQUIRE(o.highlights.size() == shown.highlights.size());
    for (const auto& h : o.highlights) CHECK(h.colour.b == kLinkColour.b);  // the viewer's colour, not the export's pair colour
    CHECK(o.connectors.size() == shown.connectors.size());
    CHECK(o.segments.size() == shown.segments.size());
    CHECK(o.symbols.size() == shown.symbols.size());
    CHECK(spec->frame.minX == view.frame->minX);
    CHECK(spec->frame.maxY == view.frame->maxY);
    // The title says where the frame is.
    CHECK_THAT(spec->title, Catch::Contains("°E") && Catch::Contains("°N"));

    // Without an overlay the request computes its own (the CLI's path).
    view.overlay.reset();
    view.selected = {};
    auto own = buildExportSpec(view, *map);
    REQUIRE(own);
    CHECK(own->scene.overlay.highlights.empty());
    CHECK_FALSE(own->scene.selected.valid());

    // A key outside the data is refused.
    view.selected = {99, 0};
    CHECK_FALSE(buildExportSpec(view, *map));
}

TEST_CASE("The layers a request names are only those that differ from the system's", "[engine][export][real]") {
    auto s = Session::open({});
    REQUIRE(s);
    auto data = (*s)->load((*s)->allLayers());
    REQUIRE(data);
    const Dataset& ds = **data;
    const std::string vintage = (*s)->vintages().current;
    std::vector<char> visible;
    for (const auto& l : ds.layers) visible.push_back(l.spec.country == Country::LA || l.spec.vintage.label == vintage);
    CHECK(layersToName(ds, vintage, visible).empty());
    visible[0] = !visible[0];
    const auto named = layersToName(ds, vintage, visible);
    CHECK(named.size() == size_t(std::count(visible.begin(), visible.end(), 1)));
}
