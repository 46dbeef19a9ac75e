#include <catch2/catch.hpp>

#include <filesystem>
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

TEST_CASE("A session reads each layer once, whatever the sets it is part of, and the next one from the store",
          "[engine][session][store]") {
    using namespace bl::test;
    TempDir tmp;
    SessionOptions o;
    o.catalogPath = fixture("catalog.json");
    o.dataRoot = BORDERLENS_FIXTURES;
    o.storeDir = tmp.file("store");
    std::vector<std::string> notices;
    o.notice = [&](const std::string& n) { notices.push_back(n); };
    auto s = Session::open(o);
    REQUIRE(s);
    auto provinces = (*s)->load({"fx_provinces"});
    REQUIRE(provinces);
    auto both = (*s)->load({"fx_districts"});  // and its parent, read already
    REQUIRE(both);
    REQUIRE((*both)->layers.size() == 2);
    const Layer& p1 = (*provinces)->layers[0];
    const Layer& p2 = (*both)->layers[0];
    CHECK(p1.spec.id == "fx_provinces");
    CHECK_FALSE(p1.fromStore);
    CHECK(p2.loadSeconds == p1.loadSeconds);  // the same read, not a second one
    CHECK((*both)->layers[1].units.front().parentName == p1.units.front().name);

    // A second session: both layers from the store, the same units, no notice.
    auto next = Session::open(o);
    REQUIRE(next);
    auto again = (*next)->load({"fx_districts"});
    REQUIRE(again);
    for (size_t i = 0; i < 2; ++i) {
        const Layer &a = (*again)->layers[i], &b = (*both)->layers[i];
        CHECK(a.fromStore);
        CHECK(a.preparedKey == b.preparedKey);
        REQUIRE(a.units.size() == b.units.size());
        for (size_t u = 0; u < a.units.size(); ++u) {
            CHECK(a.units[u].name == b.units[u].name);
            CHECK(a.units[u].parentName == b.units[u].parentName);
            CHECK(a.units[u].geometry.vertexCount() == b.units[u].geometry.vertexCount());
        }
    }
    CHECK(notices.empty());

    // Without the store nothing is read from it or written to it.
    TempDir other;
    o.useStore = false;
    o.storeDir = other.file("store");
    auto plain = Session::open(o);
    REQUIRE(plain);
    REQUIRE((*plain)->load({"fx_districts"}));
    CHECK((*plain)->store() == nullptr);
    CHECK_FALSE(std::filesystem::exists(other.file("store")));
}
