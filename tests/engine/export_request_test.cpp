#include <catch2/catch.hpp>

#include "engine/export_request.hpp"
#include "engine/map_data.hpp"

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
