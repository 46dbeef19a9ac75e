// Context layers (io/context_layer.hpp): read like boundary layers, kept
// apart from them; errors name the file.
#include <catch2/catch.hpp>

#include "core/boundaries/crs.hpp"
#include "io/context_layer.hpp"
#include "io/prepared_store.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

io::ContextLayerSpec fixtureContext() {
    io::ContextLayerSpec s;
    s.id = "fx_countries";
    s.path = "context.geojson";
    s.idField = "cid";
    s.nameField = "cname";
    s.countries[Country::VN] = "704";
    return s;
}

}  // namespace

TEST_CASE("A context layer is read into the working CRS with its own countries marked", "[io][context]") {
    TempDir tmp;
    const io::PreparedStore store(tmp.file("store"));
    for (int pass = 0; pass < 2; ++pass) {  // from the source, then from the store
        auto layer = io::loadContextLayer(fixtureContext(), BORDERLENS_FIXTURES, &store);
        REQUIRE(layer);
        REQUIRE(layer->features.size() == 3);
        CHECK(layer->features[0].name == "Westland");
        CHECK_FALSE(layer->features[0].own);
        CHECK(layer->features[1].name == "Home");
        CHECK(layer->features[1].own);
        CHECK_FALSE(layer->features[2].own);
        // Westland lies west of Home, in metres of the working CRS.
        const Vec2 home = threadCrs().forward({105.5, 17.5});
        CHECK(layer->features[1].bounds.minX < home.x);
        CHECK(layer->features[1].bounds.maxX > home.x);
        CHECK(layer->features[0].bounds.center().x < layer->features[1].bounds.minX);
    }
}

TEST_CASE("A missing context file is an error naming the file", "[io][context][bad-input]") {
    io::ContextLayerSpec s = fixtureContext();
    s.path = "no_such_countries.gpkg";
    auto layer = io::loadContextLayer(s, BORDERLENS_FIXTURES);
    REQUIRE_FALSE(layer);
    CHECK_THAT(layer.error().message, Catch::Contains("no_such_countries.gpkg"));
}
