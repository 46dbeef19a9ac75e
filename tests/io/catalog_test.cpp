#include <catch2/catch.hpp>

#include <fstream>

#include "io/catalog.hpp"
#include "io/data_root.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

static void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

TEST_CASE("The project catalog describes the six shared layers", "[catalog]") {
    const io::Catalog& cat = realCatalog();
    REQUIRE(cat.layers.size() == 6);
    int vn = 0, la = 0;
    for (const auto& l : cat.layers) {
        (l.country == Country::VN ? vn : la)++;
        CHECK_FALSE(l.source.empty());
        CHECK_FALSE(l.license.empty());
        CHECK_FALSE(l.fields.id.empty());
    }
    CHECK(vn == 4);
    CHECK(la == 2);
    CHECK(cat.layer("vn_adm2_2023")->vintage.validTo == "2025-06-30");
    CHECK(cat.layer("vn_communes_2025")->vintage.validFrom == "2025-07-01");
    CHECK(cat.layer("vn_communes_2025")->level == Level::Commune);
    CHECK(cat.aliases.size() > 20);
    CHECK(cat.attribution.find("CC BY 3.0 IGO") != std::string::npos);
}

TEST_CASE("Catalog errors name the file and the entry", "[catalog]") {
    TempDir tmp;
    const std::string f = tmp.file("catalog.json");

    auto missing = io::loadCatalog(tmp.file("nope.json"));
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error().message, Catch::Contains("nope.json"));

    write(f, "{\"layers\": [");
    auto truncated = io::loadCatalog(f);
    REQUIRE_FALSE(truncated);
    CHECK_THAT(truncated.error().message, Catch::Contains("not valid JSON") && Catch::Contains(f));

    write(f, R"({"layers": [{"id": "x", "path": "a.geojson", "country": "TH", "level": "province",
                 "vintage": {"label": "1"}, "fields": {"id": "a", "name": "b"}}]})");
    auto badCountry = io::loadCatalog(f);
    REQUIRE_FALSE(badCountry);
    CHECK_THAT(badCountry.error().message, Catch::Contains("\"x\"") && Catch::Contains("country"));

    write(f, R"({"layers": [{"id": "x", "path": "a.geojson", "country": "VN", "level": "province",
                 "vintage": {"label": "1"}, "fields": {"id": "a", "name": "b"}, "parent_layer": "ghost"}]})");
    auto badParent = io::loadCatalog(f);
    REQUIRE_FALSE(badParent);
    CHECK_THAT(badParent.error().message, Catch::Contains("ghost"));

    write(f, R"({"aliases": "missing-aliases.json", "layers": [{"id": "x", "path": "a.geojson", "country": "VN",
                 "level": "province", "vintage": {"label": "1"}, "fields": {"id": "a", "name": "b"}}]})");
    auto badAliases = io::loadCatalog(f);
    REQUIRE_FALSE(badAliases);
    CHECK_THAT(badAliases.error().message, Catch::Contains("missing-aliases.json"));
}

TEST_CASE("Data root: option, then environment, with errors that say where", "[catalog]") {
    TempDir tmp;
    auto ok = io::resolveDataRoot(tmp.path().string());
    REQUIRE(ok);
    CHECK(*ok == tmp.path().string());
    auto bad = io::resolveDataRoot(tmp.file("absent"));
    REQUIRE_FALSE(bad);
    CHECK_THAT(bad.error().message, Catch::Contains("absent") && Catch::Contains("--data-root"));

    setenv("BORDERLENS_DATA", tmp.path().c_str(), 1);
    auto env = io::resolveDataRoot("");
    unsetenv("BORDERLENS_DATA");
    REQUIRE(env);
    CHECK(*env == tmp.path().string());
}
