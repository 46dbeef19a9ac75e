#include <catch2/catch.hpp>

#include <fstream>

#include "fifo_guard.hpp"
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

namespace {

// A one-layer catalog entry; `extra` is spliced into the layer object.
std::string layerJson(const std::string& id, const std::string& extra = "") {
    return R"({"id": ")" + id + R"(", "path": ")" + id + R"(.geojson", "country": "VN", "level": "province",
               "vintage": {"label": "1"}, "fields": {"id": "a", "name": "b"})" +
           extra + "}";
}

// No message from these readers may carry the JSON library's own text.
void checkOurWords(const std::string& message) {
    CHECK_THAT(message, !Catch::Contains("json.exception") && !Catch::Contains("type_error") &&
                            !Catch::Contains("parse_error") && !Catch::Contains("basic_filebuf"));
}

}  // namespace

TEST_CASE("Catalog: a FIFO or a directory as catalog or alias table is named, and nothing waits on a FIFO",
          "[catalog][special-files]") {
    TempDir tmp;
    auto dir = io::loadCatalog(tmp.path().string());
    REQUIRE_FALSE(dir);
    CHECK(dir.error().message == "catalog " + tmp.path().string() + " is a directory, not a regular file");

    GuardedFifo catalogFifo(tmp.file("catalog-pipe.json"));
    REQUIRE(catalogFifo.made());
    auto fromFifo = io::loadCatalog(catalogFifo.path());
    REQUIRE_FALSE(fromFifo);
    CHECK(fromFifo.error().message == "catalog " + catalogFifo.path() + " is a FIFO (named pipe), not a regular file");
    CHECK_FALSE(catalogFifo.fired());

    GuardedFifo aliasFifo(tmp.file("aliases.json"));
    REQUIRE(aliasFifo.made());
    write(tmp.file("catalog.json"), R"({"aliases": "aliases.json", "layers": [)" + layerJson("x") + "]}");
    auto withFifoAliases = io::loadCatalog(tmp.file("catalog.json"));
    REQUIRE_FALSE(withFifoAliases);
    CHECK(withFifoAliases.error().message ==
          "alias table " + tmp.file("aliases.json") + " is a FIFO (named pipe), not a regular file");
    CHECK_FALSE(aliasFifo.fired());
}

TEST_CASE("Catalog and alias table: a wrong JSON type names the file, the field and what was expected", "[catalog]") {
    TempDir tmp;
    const std::string a = tmp.file("aliases.json");
    struct Case {
        const char* aliases;
        const char* expected;
    };
    for (const Case& c : {
             Case{R"(["sepone", "se pon"])", "must hold a JSON object with a \"groups\" array (it holds an array)"},
             Case{R"("sepone")", "must hold a JSON object with a \"groups\" array (it holds a string)"},
             Case{R"({"groups": 5})", "\"groups\" must be an array of groups of names (it is a number)"},
             Case{R"({"groups": [["a", "b"], "c"]})", "group 2 must be a non-empty array of names (it is a string)"},
             Case{R"({"groups": [["a", 7]]})", "group 1 holds a number where a name (a string) belongs"},
         }) {
        write(a, c.aliases);
        auto r = io::loadAliases(a);
        INFO(c.aliases);
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::StartsWith("alias table " + a) && Catch::Contains(c.expected));
        checkOurWords(r.error().message);
    }

    const std::string f = tmp.file("catalog.json");
    const std::string layer = layerJson("x");
    struct CatalogCase {
        std::string json;
        std::string expected;
    };
    for (const CatalogCase& c : {
             CatalogCase{"[1, 2]",
                         "catalog " + f + " must hold a JSON object with a \"layers\" array (it holds an array)"},
             CatalogCase{R"({"layers": {"x": 1}})",
                         "catalog " + f + ": \"layers\" must be an array of layers (it is an object)"},
             CatalogCase{R"({"layers": [5]})", "catalog " + f + ", layer 1 must be an object (it is a number)"},
             CatalogCase{R"({"layers": [{"id": 5}]})",
                         "catalog " + f + ", layer 1: \"id\" must be a string (it is a number)"},
             CatalogCase{R"({"layers": [)" + layerJson("x", R"(, "path": ["a"])") + "]}",
                         "catalog " + f + ", layer \"x\": \"path\" must be a string (it is an array)"},
             CatalogCase{R"({"layers": [{"id": "x", "path": "p", "country": "VN", "level": "province",
                              "vintage": "2023", "fields": {"id": "a", "name": "b"}}]})",
                         "catalog " + f + ", layer \"x\": \"vintage\" must be an object (it is a string)"},
             CatalogCase{R"({"layers": [{"id": "x", "path": "p", "country": "VN", "level": "province",
                              "vintage": {"label": "1"}, "fields": ["a", "b"]}]})",
                         "catalog " + f + ", layer \"x\": \"fields\" must be an object (it is an array)"},
             CatalogCase{R"({"layers": [{"id": "x", "path": "p", "country": "VN", "level": "province",
                              "vintage": {"label": "1"}, "fields": {"id": "a", "name": "b", "alt_names": 5}}]})",
                         "catalog " + f +
                             ", layer \"x\", \"fields\": \"alt_names\" must be an array of strings (it is a number)"},
             CatalogCase{R"({"layers": [)" + layerJson("x", R"(, "known_gaps": ["a", null])") + "]}",
                         "catalog " + f + ", layer \"x\": \"known_gaps\" must hold only strings (one is null)"},
             CatalogCase{R"({"aliases": 3, "layers": [)" + layer + "]}",
                         "catalog " + f + ": \"aliases\" must be a string (it is a number)"},
             CatalogCase{R"({"vietnamese_systems": {"vintage": "1"}, "layers": [)" + layer + "]}",
                         "catalog " + f + ": \"vietnamese_systems\" must be an array (it is an object)"},
             CatalogCase{R"({"vietnamese_systems": ["1"], "layers": [)" + layer + "]}",
                         "catalog " + f + ", vietnamese_systems entry 1 must be an object (it is a string)"},
             CatalogCase{
                 R"({"vietnamese_systems": [{"vintage": "1", "default": 1}], "layers": [)" + layer + "]}",
                 "catalog " + f + ", vietnamese_systems entry 1: \"default\" must be true or false (it is a number)"},
             CatalogCase{R"({"layers": [)" + layer + ",]}",
                         "catalog " + f + " is not valid JSON: syntax error at line 2, column"},
             CatalogCase{R"({"layers": [)" + layer,
                         "catalog " + f + " is not valid JSON: it ends too early (truncated?)"},
         }) {
        write(f, c.json);
        auto r = io::loadCatalog(f);
        INFO(c.json);
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::StartsWith(c.expected));
        checkOurWords(r.error().message);
    }

    // The same with everything well typed loads.
    write(f, R"({"vietnamese_systems": [{"vintage": "1", "default": true}], "layers": [)" +
                 layerJson("x", R"(, "known_gaps": ["a"], "parent_layer": null)") + "]}");
    auto ok = io::loadCatalog(f);
    INFO((ok ? std::string() : ok.error().message));
    REQUIRE(ok);
    CHECK(ok->layers[0].knownGaps == std::vector<std::string>{"a"});
}

TEST_CASE("Catalog: parent_layer links that go round in a circle are refused with the circle", "[catalog]") {
    TempDir tmp;
    const std::string f = tmp.file("catalog.json");
    auto parent = [](const std::string& p) { return R"(, "parent_layer": ")" + p + "\""; };
    struct Case {
        std::string layers;
        std::string circle;
    };
    for (const Case& c : {
             Case{layerJson("a", parent("a")), "layer a \u2192 a"},
             Case{layerJson("a", parent("b")) + "," + layerJson("b", parent("a")), "layer a \u2192 b \u2192 a"},
             // A layer hanging from the circle leads into it; the circle itself is named.
             Case{layerJson("c", parent("a")) + "," + layerJson("a", parent("b")) + "," + layerJson("b", parent("a")),
                  "layer a \u2192 b \u2192 a"},
         }) {
        write(f, R"({"layers": [)" + c.layers + "]}");
        auto r = io::loadCatalog(f);
        INFO(c.layers);
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message,
                   Catch::StartsWith("catalog " + f + ": parent_layer goes round in a circle: " + c.circle + ";"));
    }
    // A chain that ends is fine, and parents come out as written.
    write(f, R"({"layers": [)" + layerJson("p") + "," + layerJson("d", parent("p")) + "," +
                 layerJson("c", parent("d")) + "]}");
    auto ok = io::loadCatalog(f);
    REQUIRE(ok);
    CHECK(ok->layer("c")->parentLayer == "d");
    CHECK(ok->layer("d")->parentLayer == "p");
}

TEST_CASE("The project catalog declares the context layer apart from the boundary layers", "[catalog][context]") {
    const io::Catalog& cat = realCatalog();
    REQUIRE(cat.context.size() == 1);
    const io::ContextLayerSpec& c = cat.context.front();
    CHECK(c.id == "ne_countries_10m");
    CHECK(c.nameField == "name");
    CHECK(c.countries.at(Country::VN) == "704");
    CHECK(c.countries.at(Country::LA) == "418");
    CHECK_FALSE(c.license.empty());
    CHECK(cat.layer(c.id) == nullptr);  // never a layer: no adjacency, gazetteer or documents
    CHECK(cat.attribution.find("Natural Earth") != std::string::npos);
}

TEST_CASE("Catalog context entries are checked like layers, errors naming the file and the field",
          "[catalog][context][bad-input]") {
    const std::string layer = R"({"id": "x", "path": "a.geojson", "country": "VN", "level": "province",
                                  "vintage": {"label": "1"}, "fields": {"id": "a", "name": "b"}})";
    auto parse = [&](const std::string& context) {
        return io::parseCatalog("/data/cat.json", R"({"layers": [)" + layer + R"(], "context": )" + context + "}");
    };
    const std::string good = R"({"id": "ne", "path": "ne.gpkg", "fields": {"id": "iso", "name": "name"},
                                 "countries": {"VN": "704", "LA": "418"}, "attribution": "Natural Earth"})";
    auto ok = parse("[" + good + "]");
    REQUIRE(ok);
    REQUIRE(ok->context.size() == 1);
    CHECK(ok->context[0].idField == "iso");
    CHECK(ok->context[0].countries.size() == 2);
    CHECK(ok->attribution == "Natural Earth");
    CHECK(ok->layers.size() == 1);

    struct Bad {
        std::string context, says;
    };
    for (const Bad& bad : std::vector<Bad>{
             {R"({"id": "ne"})", "\"context\" must be an array"},
             {R"(["ne"])", "context entry 1 must be an object"},
             {R"([{"path": "ne.gpkg", "fields": {"name": "n"}}])", "context entry 1: missing \"id\""},
             {R"([{"id": "ne", "fields": {"name": "n"}}])", "context \"ne\": missing \"path\""},
             {R"([{"id": "ne", "path": "ne.gpkg"}])", "\"fields\" must name at least \"name\""},
             {R"([{"id": "ne", "path": "ne.gpkg", "fields": ["name"]}])", "\"fields\" must be an object"},
             {R"([{"id": "ne", "path": 7, "fields": {"name": "n"}}])", "\"path\" must be a string"},
             {R"([{"id": "ne", "path": "ne.gpkg", "fields": {"name": 1}}])", "\"name\" must be a string"},
             {R"([{"id": "ne", "path": "ne.gpkg", "fields": {"id": "i", "name": "n"}, "countries": {"TH": "764"}}])",
              "\"TH\" is not a country of the map"},
             {R"([{"id": "ne", "path": "ne.gpkg", "fields": {"id": "i", "name": "n"}, "countries": {"VN": 704}}])",
              "\"VN\" must be a string"},
             {R"([{"id": "ne", "path": "ne.gpkg", "fields": {"name": "n"}, "countries": {"VN": "704"}}])",
              "\"fields\" must name \"id\""},
             {R"([{"id": "x", "path": "ne.gpkg", "fields": {"name": "n"}}])", "also a layer's"},
             {"[" + good + "," + good + "]", "context \"ne\": the id is used twice"},
         }) {
        auto r = parse(bad.context);
        INFO(bad.context);
        REQUIRE_FALSE(r);
        CHECK_THAT(r.error().message, Catch::Contains("/data/cat.json") && Catch::Contains(bad.says));
    }
}
