// End-to-end tests of the borderlens executable.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

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
        CHECK(r.exitCode == 1);
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
