// The curated places files (geodata/border_gates.json, localities.json):
// the checkout's own files load entry for entry, and a malformed or
// incomplete file is an error naming the file and the entry.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "io/gates.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;
using nlohmann::json;

namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

json readJson(const std::string& path) {
    std::ifstream in(path);
    return json::parse(in);
}

template <typename T>
std::string message(const Result<T>& r) {
    return r ? std::string() : r.error().message;
}

// One gate pair entry with every field; tests change or remove some.
json goodGate() {
    return {{"id", "tay-trang"},
            {"level", "international"},
            {"vn", {{"name", "Tây Trang"}, {"aliases", {"Tay Trang"}}, {"province", "Điện Biên"},
                    {"district", "Điện Biên"}, {"province_2025", "Điện Biên"}, {"commune_2025", "Sam Mứn"}}},
            {"la", {{"name", "Sop Hun"}, {"aliases", {"Sốp Hùn"}}, {"province", "Phongsaly"}, {"district", "May"}}},
            {"position", {{"lon", 102.92}, {"lat", 21.24}, {"precision_km", 5}, {"source", "Wikipedia position"}}},
            {"source", "Wikipedia"}};
}

json goodLocality() {
    return {{"name", "Khe Sanh"},           {"kind", "town"},       {"country", "VN"}, {"province", "Quảng Trị"},
            {"district", "Hướng Hóa"}, {"source", "Wikipedia"}};
}

// A gates file with a good first entry and `second` after it.
std::string gatesFile(const TempDir& tmp, const json& second) {
    const std::string path = tmp.file("border_gates.json");
    write(path, json{{"gates", {goodGate(), second}}}.dump());
    return path;
}

}  // namespace

TEST_CASE("Curated places: the checkout's files load, every entry", "[io][gates]") {
    const std::string dir = io::defaultGeodataDir();
    auto places = io::loadCuratedPlaces(dir);
    INFO(message(places));
    REQUIRE(places);

    const json gates = readJson(dir + "/border_gates.json").at("gates");
    REQUIRE(places->gates.size() == 2 * gates.size());
    REQUIRE_FALSE(gates.empty());
    for (size_t i = 0; i < gates.size(); ++i) {
        const auto& vn = places->gates[2 * i];
        const auto& la = places->gates[2 * i + 1];
        INFO("gate pair " << i << " " << vn.name);
        CHECK(vn.id == gates[i].at("id").get<std::string>());
        CHECK(vn.name == gates[i].at("vn").at("name").get<std::string>());
        CHECK(la.name == gates[i].at("la").at("name").get<std::string>());
        CHECK(vn.country == Country::VN);
        CHECK(la.country == Country::LA);
        CHECK(vn.pairedWith == la.name);
        CHECK(vn.level == gates[i].at("level").get<std::string>());
        CHECK_FALSE(vn.source.empty());
        CHECK(vn.position.has_value() == gates[i].contains("position"));
        CHECK_FALSE(vn.derived);  // derived positions are the engine's, never read
        if (vn.position) {
            CHECK(vn.position->lon == gates[i].at("position").at("lon").get<double>());
            CHECK(vn.precisionKm > 0);
            CHECK_FALSE(vn.positionSource.empty());
        }
    }
    const json localities = readJson(dir + "/localities.json").at("localities");
    REQUIRE(places->localities.size() == localities.size());
    for (size_t i = 0; i < localities.size(); ++i) {
        CHECK(places->localities[i].name == localities[i].at("name").get<std::string>());
        CHECK(places->localities[i].district == localities[i].at("district").get<std::string>());
    }
    CHECK_FALSE(places->succession.empty());
}

TEST_CASE("Curated gates: all fields of an entry are read, two sides per pair", "[io][gates]") {
    TempDir tmp;
    json unplaced = goodGate();
    unplaced["id"] = "nam-can";
    unplaced["vn"]["name"] = "Nam Can";
    unplaced.erase("position");
    auto r = io::loadGates(gatesFile(tmp, unplaced));
    INFO(message(r));
    REQUIRE(r);
    REQUIRE(r->size() == 4);
    const CuratedGate& g = (*r)[0];
    CHECK(g.id == "tay-trang");
    CHECK(g.level == "international");
    CHECK(g.name == "Tây Trang");
    CHECK(g.aliases == std::vector<std::string>{"Tay Trang"});
    CHECK(g.country == Country::VN);
    CHECK(g.province == "Điện Biên");
    CHECK(g.district == "Điện Biên");
    CHECK(g.province2025 == "Điện Biên");
    CHECK(g.commune2025 == "Sam Mứn");
    CHECK(g.pairedWith == "Sop Hun");
    REQUIRE(g.position);
    CHECK(g.position->lon == 102.92);
    CHECK(g.position->lat == 21.24);
    CHECK(g.precisionKm == 5);
    CHECK(g.positionSource == "Wikipedia position");
    CHECK(g.source == "Wikipedia");
    const CuratedGate& l = (*r)[1];
    CHECK(l.country == Country::LA);
    CHECK(l.district == "May");
    CHECK(l.pairedWith == "Tây Trang");
    REQUIRE(l.position);  // the pair's position
    CHECK((*r)[2].name == "Nam Can");
    CHECK_FALSE((*r)[2].position);
}

TEST_CASE("Curated gates: a missing or malformed file is an error naming the file", "[io][gates]") {
    TempDir tmp;
    const std::string path = tmp.file("border_gates.json");

    SECTION("missing file") {
        auto r = io::loadGates(tmp.file("nope.json"));
        REQUIRE_FALSE(r);
        CHECK_THAT(message(r), Catch::Contains(tmp.file("nope.json")) && Catch::Contains("does not exist"));
    }
    SECTION("not JSON") {
        write(path, R"({"gates": [{"name": "Tây Trang",)");
        auto r = io::loadGates(path);
        REQUIRE_FALSE(r);
        CHECK_THAT(message(r), Catch::Contains(path) && Catch::Contains("not valid JSON"));
    }
    SECTION("no gates array") {
        for (const char* text : {R"({"gate": []})", R"({"gates": {}})", R"([{"name": "Tây Trang"}])", "42"}) {
            write(path, text);
            auto r = io::loadGates(path);
            INFO(text);
            REQUIRE_FALSE(r);
            CHECK_THAT(message(r), Catch::Contains(path) && Catch::Contains("\"gates\" array"));
        }
    }
}

TEST_CASE("Curated gates: an incomplete entry is an error naming the file and the entry", "[io][gates]") {
    TempDir tmp;
    // The second entry is the bad one: its index and id are in the message.
    json bad = goodGate();
    bad["id"] = "na-meo";
    std::string expected;
    SECTION("no source") {
        bad.erase("source");
        expected = "source";
    }
    SECTION("empty source") {
        bad["source"] = "";
        expected = "source";
    }
    SECTION("no province on a side") {
        bad["vn"].erase("province");
        expected = "\"province\"";
    }
    SECTION("no Lao side") {
        bad.erase("la");
        expected = "\"la\"";
    }
    SECTION("a level that is not on the list") {
        bad["level"] = "main";
        expected = "level \"main\"";
    }
    SECTION("latitude as text") {
        bad["position"]["lat"] = "21.24";
        expected = "numeric";
    }
    SECTION("a position without a source") {
        bad["position"].erase("source");
        expected = "position without a \"source\"";
    }
    SECTION("position outside the border area") {
        bad["position"]["lon"] = 2.35;
        bad["position"]["lat"] = 48.85;
        expected = "outside the border area";
    }
    SECTION("the same id twice") {
        bad["id"] = "tay-trang";
        expected = "repeats the id";
    }
    const std::string path = gatesFile(tmp, bad);
    auto r = io::loadGates(path);
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r), Catch::Contains(path) && Catch::Contains("gate pair 1") && Catch::Contains(expected));
}

TEST_CASE("Curated gates: an entry without an id is named by its index", "[io][gates]") {
    TempDir tmp;
    json bad = goodGate();
    bad.erase("id");
    auto r = io::loadGates(gatesFile(tmp, bad));
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r),
               Catch::Contains("border_gates.json") && Catch::Contains("gate pair 1") && Catch::Contains("\"id\""));
    auto notObject = io::loadGates(gatesFile(tmp, "Tây Trang"));
    REQUIRE_FALSE(notObject);
    CHECK_THAT(message(notObject), Catch::Contains("gate pair 1"));
}

TEST_CASE("Localities: a malformed file or entry is an error naming the file and the entry", "[io][gates]") {
    TempDir tmp;
    const std::string path = tmp.file("localities.json");
    json bad = goodLocality();
    bad["name"] = "Lao Bảo";
    std::string expected;
    SECTION("no district") {
        bad.erase("district");
        expected = "district";
    }
    SECTION("no source") {
        bad.erase("source");
        expected = "source";
    }
    SECTION("no country") {
        bad.erase("country");
        expected = "\"country\"";
    }
    write(path, json{{"localities", {goodLocality(), bad}}}.dump());
    auto r = io::loadLocalities(path);
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r), Catch::Contains(path) && Catch::Contains("entry 1 (Lao Bảo)") && Catch::Contains(expected));

    write(path, R"({"localities": null})");
    auto none = io::loadLocalities(path);
    REQUIRE_FALSE(none);
    CHECK_THAT(message(none), Catch::Contains(path) && Catch::Contains("\"localities\" array"));
}

TEST_CASE("Curated places: a bad localities or succession file fails the set, naming that file", "[io][gates]") {
    TempDir tmp;
    json second = goodGate();
    second["id"] = "na-meo";
    (void)gatesFile(tmp, second);
    write(tmp.file("succession.json"), R"({"units": []})");
    write(tmp.file("localities.json"), R"({"localities": [{"name": "Khe Sanh"}]})");
    auto r = io::loadCuratedPlaces(tmp.path().string());
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r), Catch::Contains(tmp.file("localities.json")) && Catch::Contains("entry 0 (Khe Sanh)"));

    write(tmp.file("localities.json"), json{{"localities", {goodLocality()}}}.dump());
    auto ok = io::loadCuratedPlaces(tmp.path().string());
    INFO(message(ok));
    REQUIRE(ok);
    CHECK(ok->gates.size() == 4);
    CHECK(ok->localities.size() == 1);

    write(tmp.file("succession.json"), R"({"units": [{"layer": "vn_adm1_2023", "id": "44", "level": "province", "to": [{"layer": "vn_adm1_2025", "id": "44", "share": 7}]}]})");
    auto badShare = io::loadCuratedPlaces(tmp.path().string());
    REQUIRE_FALSE(badShare);
    CHECK_THAT(message(badShare), Catch::Contains(tmp.file("succession.json")) && Catch::Contains("share"));
}
