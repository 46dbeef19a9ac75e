// End-to-end tests of the borderlens executable.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <vector>

#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace bl::test;
using nlohmann::json;

TEST_CASE("borderlens layers --json reports every shared layer", "[cli][real]") {
    const RunResult r = runBorderlens("-q layers --json");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json j = json::parse(r.out);
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 6);
    std::map<std::string, int> features;
    for (const auto& l : j) {
        for (const char* key : {"id", "country", "level", "vintage", "features", "repaired", "source", "license", "load_seconds"})
            CHECK(l.contains(key));
        features[l["id"]] = l["features"];
    }
    CHECK(features["la_adm2_2019"] == 148);
    CHECK(features["la_adm1_2019"] == 18);
    CHECK(features["vn_adm2_2023"] == 692);
    CHECK(features["vn_adm1_2023"] == 62);
    CHECK(features["vn_adm1_2025"] == 34);
    CHECK(features["vn_communes_2025"] == 793);
}

TEST_CASE("borderlens find --json returns the contract's keys", "[cli][real]") {
    const RunResult r = runBorderlens("-q find 'huong hoa' --json --country VN");
    REQUIRE(r.exitCode == 0);
    const json j = json::parse(r.out);
    REQUIRE_FALSE(j.empty());
    for (const char* key : {"layer", "id", "name", "country", "level", "parent", "score"}) CHECK(j[0].contains(key));
    CHECK(j[0]["name"] == "Huyện Hướng Hóa");
    CHECK(j[0]["parent"] == "Tỉnh Quảng Trị");
    CHECK(j[0]["level"] == "district");
}

TEST_CASE("Bad options and data give one clear message and a non-zero exit", "[cli]") {
    SECTION("unknown option") {
        const RunResult r = runBorderlens("layers --frobnicate");
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.err, Catch::Contains("--frobnicate"));
    }
    SECTION("unknown subcommand") {
        const RunResult r = runBorderlens("frobnicate");
        CHECK(r.exitCode != 0);
        CHECK_THAT(r.err, Catch::Contains("frobnicate"));
    }
    SECTION("missing data root") {
        const RunResult r = runBorderlens("--data-root /nonexistent/geodata layers");
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::Contains("/nonexistent/geodata"));
    }
    SECTION("bad catalog") {
        TempDir tmp;
        const RunResult r = runBorderlens("--catalog " + tmp.file("none.json") + " layers");
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::Contains("none.json"));
    }
    SECTION("a layer file that is not vector data") {
        TempDir tmp;
        fs::create_directories(tmp.path() / "la");
        fs::copy_file(fixture("catalog.json"), tmp.file("catalog.json"));
        fs::copy_file(fixture("aliases.json"), tmp.file("aliases.json"));
        std::ofstream(tmp.file("provinces.geojson")) << "this is not json";
        fs::copy_file(fixture("districts.geojson"), tmp.file("districts.geojson"));
        const RunResult r = runBorderlens("--catalog " + tmp.file("catalog.json") + " --data-root " +
                                          tmp.path().string() + " -q layers");
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::Contains("provinces.geojson"));
        CHECK(r.out.empty());
    }
    SECTION("unknown --layer for find") {
        const RunResult r = runBorderlens("find x --layer nope");
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.err, Catch::Contains("nope"));
    }
}

TEST_CASE("Fixture catalog through the CLI", "[cli]") {
    const RunResult r = runBorderlens("-q --catalog " + fixture("catalog.json") + " --data-root " +
                                      std::string(BORDERLENS_FIXTURES) + " find dongthu --json");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json j = json::parse(r.out);
    REQUIRE_FALSE(j.empty());
    CHECK(j[0]["name"] == "Tỉnh Đông Thử");
}

TEST_CASE("borderlens cache info and clear show and empty the store, and --no-cache neither reads nor writes it",
          "[cli][store]") {
    TempDir tmp;
    const ScopedEnv xdg("XDG_CACHE_HOME", tmp.file("xdg"));
    const std::string fixtures =
        "-q --catalog " + fixture("catalog.json") + " --data-root " + std::string(BORDERLENS_FIXTURES) + " ";
    const fs::path store = tmp.path() / "xdg" / "borderlens" / "prepared";

    RunResult r = runBorderlens(fixtures + "--no-cache layers");
    REQUIRE(r.exitCode == 0);
    CHECK_FALSE(fs::exists(store));

    r = runBorderlens(fixtures + "layers");
    REQUIRE(r.exitCode == 0);
    r = runBorderlens("cache info -v");
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains(store.string()) && Catch::Contains("fx_provinces") &&
                          Catch::Contains("fx_districts") && Catch::Contains("4 entries"));  // two layers, two remembered file hashes
    CHECK_THAT(r.out, !Catch::Contains("not intact"));

    // A damaged entry: said by info, rebuilt with a one-line notice by the next load.
    fs::path entry;
    for (const auto& e : fs::directory_iterator(store))
        if (e.path().filename().string().rfind("fx_provinces", 0) == 0) entry = e.path();
    REQUIRE_FALSE(entry.empty());
    fs::resize_file(entry, fs::file_size(entry) - 7);
    r = runBorderlens("cache info");
    CHECK_THAT(r.out, Catch::Contains("1 not intact"));
    r = runBorderlens(fixtures + "find dongthu");
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.err, Catch::Contains(entry.string()) && Catch::Contains("truncated") && Catch::Contains("rebuilding"));
    r = runBorderlens(fixtures + "find dongthu");
    CHECK(r.err.empty());

    r = runBorderlens("cache clear");
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("removed 4 files"));
    CHECK(fs::is_empty(store));
}

// Values that would quietly mean something else (a default, stdout, the
// whole area, another size) are refused while the options are parsed:
// exit 2, the option named, before anything is loaded.
TEST_CASE("Option values that would silently mean something else are refused before loading", "[cli][bad-input]") {
    TempDir tmp;
    const std::string png = tmp.file("a.png");
    struct Case {
        std::string args, option;
    };
    const std::vector<Case> cases = {
        {"export --size 99999999999x100 -o " + png, "99999999999x100"},
        {"export --size 4294967360x100 -o " + png, "out of range"},  // 2^32 + 64 would wrap to 64
        {"export --bbox nan,nan,nan,nan -o " + png, "--bbox"},
        {"export --bbox 100,inf,110,20 -o " + png, "--bbox"},
        {"export --pair -1 -o " + png, "--pair"},
        {"export --focus '' -o " + png, "--focus"},
        {"export -o ''", "-o"},
        {"adjacency --tolerance-m nan", "--tolerance-m"},
        {"adjacency --min-shared-km nan", "--min-shared-km"},
        {"adjacency --min-shared-km inf", "--min-shared-km"},
        {"adjacency --unit ''", "--unit"},
        {"adjacency -o ''", "-o"},
        {"--catalog '' layers", "--catalog"},
        {"--data-root '' layers", "--data-root"},
        {"succession --write ''", "--write"},
        {"view --size 99999999999x100", "out of range"},
        {"view --pair -2", "--pair"},
    };
    for (const auto& c : cases) {
        INFO(c.args);
        const RunResult r = runBorderlens(c.args);
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.err, Catch::Contains(c.option));
        CHECK_THAT(r.err, !Catch::Contains("loading"));
        CHECK(r.out.empty());
    }
    CHECK_FALSE(fs::exists(png));
}

TEST_CASE("Names and indexes that are not there exit 2 (an option problem), bad data exits 1", "[cli][real]") {
    TempDir tmp;
    const RunResult layers = runBorderlens("-q adjacency --layers vn_adm1_2023,nope");
    CHECK(layers.exitCode == 2);
    CHECK_THAT(layers.err, Catch::Contains("nope"));
    const RunResult level = runBorderlens("-q adjacency --level district --vintage 2025");
    CHECK(level.exitCode == 2);
    const RunResult find = runBorderlens("-q find x --layer nope");
    CHECK(find.exitCode == 2);
    const RunResult data = runBorderlens("-q --data-root " + tmp.path().string() + " layers");
    CHECK(data.exitCode == 1);
}

TEST_CASE("A misspelt command gets a did-you-mean and the list of commands", "[cli]") {
    const RunResult top = runBorderlens("adjacncy --level province");
    CHECK(top.exitCode == 2);
    CHECK_THAT(top.err, Catch::Contains("did you mean 'adjacency'"));
    const RunResult nested = runBorderlens("--catalog x.json bench adjacncy");
    CHECK(nested.exitCode == 2);
    CHECK_THAT(nested.err, Catch::Contains("unknown bench command 'adjacncy'") && Catch::Contains("did you mean 'adjacency'"));
    const RunResult far = runBorderlens("qqqqqqqq");
    CHECK(far.exitCode == 2);
    CHECK_THAT(far.err, !Catch::Contains("did you mean") && Catch::Contains("commands: layers"));
    // An option's value is not mistaken for a command.
    const RunResult value = runBorderlens("-q --catalog adjacncy.json layrs");
    CHECK_THAT(value.err, Catch::Contains("unknown command 'layrs'; did you mean 'layers'"));
}

TEST_CASE("A guessed --unit says which unit it took, an exact one does not", "[cli][real]") {
    const RunResult guessed = runBorderlens("-q adjacency --unit \"Huong Hao\" --level district --cross-border");
    REQUIRE(guessed.exitCode == 0);
    CHECK_THAT(guessed.err, Catch::Contains("--unit 'Huong Hao' names no unit exactly") &&
                                Catch::Contains("Huyện Hướng Hóa, Tỉnh Quảng Trị"));
    CHECK_THAT(guessed.out, Catch::Contains("Sepone"));
    const RunResult exact = runBorderlens("-q adjacency --unit \"huong hoa\" --level district --cross-border");
    REQUIRE(exact.exitCode == 0);
    CHECK_THAT(exact.err, !Catch::Contains("names no unit exactly"));
    CHECK(exact.out == guessed.out);
}
