#include <catch2/catch.hpp>

#include <fstream>

#include "engine/session.hpp"
#include "io/catalog.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::engine;

TEST_CASE("A session loads only the layers asked for, and their parents", "[engine][session][real]") {
    auto s = Session::open({});
    REQUIRE(s);
    auto d = (*s)->load({"la_adm2_2019"});
    REQUIRE(d);
    REQUIRE((*d)->layers.size() == 2);  // the districts and the provinces that name their parents
    CHECK((*d)->layers[0].spec.id == "la_adm1_2019");
    CHECK((*d)->layers[1].spec.id == "la_adm2_2019");
    CHECK((*d)->layers[1].units.front().parentName != "");
    // The same set of layers is the same dataset object.
    auto again = (*s)->load({"la_adm2_2019", "la_adm1_2019"});
    REQUIRE(again);
    CHECK(again->get() == d->get());
}

TEST_CASE("A map of one Vietnamese system shows its layers and the Lao ones only", "[engine][session]") {
    auto s = Session::open({});
    REQUIRE(s);
    const VintagePolicy& v = (*s)->vintages();
    REQUIRE(v.systems.size() >= 2);
    for (const auto& sys : v.systems) {
        for (const auto& id : (*s)->layersShown(sys.label)) {
            const LayerSpec* spec = (*s)->catalog().layer(id);
            REQUIRE(spec);
            CHECK((spec->country == Country::LA || spec->vintage.label == sys.label));
        }
    }
}

TEST_CASE("A session names the catalog for unknown layers and the file for a malformed alias table",
          "[engine][session]") {
    auto s = Session::open({});
    REQUIRE(s);
    auto bad = (*s)->load({"no_such_layer"});
    REQUIRE_FALSE(bad);
    CHECK_THAT(bad.error().message, Catch::Contains("no_such_layer") && Catch::Contains("catalog.json"));

    test::TempDir dir;
    std::filesystem::copy_file(io::defaultCatalogPath(), dir.file("catalog.json"));
    for (const char* text : {"{\"groups\": [[1, 2]]}", "[1, 2, 3]", "{\"groups\": "}) {
        std::ofstream(dir.file("aliases.json"), std::ios::trunc) << text;
        auto broken = Session::open({dir.file("catalog.json"), ""});
        REQUIRE_FALSE(broken);
        CHECK_THAT(broken.error().message, Catch::Contains(dir.file("aliases.json")));
    }
}
