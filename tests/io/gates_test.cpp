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

// One gate entry with every field; `edit` changes or removes some.
json goodGate() {
    return {{"name", "Tây Trang"},     {"aliases", {"Tay Trang"}}, {"country", "VN"}, {"province", "Điện Biên"},
            {"district", "Điện Biên"}, {"paired_with", "Sop Hun"}, {"lon", 102.92},   {"lat", 21.24},
            {"precision_km", 5},       {"source", "Wikipedia"}};
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
    REQUIRE(places->gates.size() == gates.size());
    REQUIRE_FALSE(gates.empty());
    for (size_t i = 0; i < gates.size(); ++i) {
        const auto& g = places->gates[i];
        INFO("gate " << i << " " << g.name);
        CHECK(g.name == gates[i].at("name").get<std::string>());
        CHECK(toString(g.country) == gates[i].at("country").get<std::string>());
        CHECK_FALSE(g.source.empty());
        CHECK(g.position.has_value() == gates[i].contains("lon"));
        if (g.position) {
            CHECK(g.position->lon == gates[i].at("lon").get<double>());
            CHECK(g.position->lat == gates[i].at("lat").get<double>());
            CHECK(g.precisionKm > 0);
        }
    }
    const json localities = readJson(dir + "/localities.json").at("localities");
    REQUIRE(places->localities.size() == localities.size());
    for (size_t i = 0; i < localities.size(); ++i) {
        CHECK(places->localities[i].name == localities[i].at("name").get<std::string>());
        CHECK(places->localities[i].district == localities[i].at("district").get<std::string>());
    }
}

TEST_CASE("Curated gates: all fields of an entry are read", "[io][gates]") {
    TempDir tmp;
    json unplaced = goodGate();
    unplaced["name"] = "Nam Can";
    unplaced.erase("lon");
    unplaced.erase("lat");
    unplaced.erase("precision_km");
    auto r = io::loadGates(gatesFile(tmp, unplaced));
    INFO(message(r));
    REQUIRE(r);
    REQUIRE(r->size() == 2);
    const CuratedGate& g = (*r)[0];
    CHECK(g.name == "Tây Trang");
    CHECK(g.aliases == std::vector<std::string>{"Tay Trang"});
    CHECK(g.country == Country::VN);
    CHECK(g.province == "Điện Biên");
    CHECK(g.district == "Điện Biên");
    CHECK(g.pairedWith == "Sop Hun");
    REQUIRE(g.position);
    CHECK(g.position->lon == 102.92);
    CHECK(g.position->lat == 21.24);
    CHECK(g.precisionKm == 5);
    CHECK(g.source == "Wikipedia");
    CHECK((*r)[1].name == "Nam Can");
    CHECK_FALSE((*r)[1].position);
}

TEST_CASE("Curated gates: a missing or malformed file is an error naming the file", "[io][gates]") {
    TempDir tmp;
    const std::string path = tmp.file("border_gates.json");

    SECTION("missing file") {
        auto r = io::loadGates(tmp.file("nope.json"));
        REQUIRE_FALSE(r);
        CHECK_THAT(message(r), Catch::Contains(tmp.file("nope.json")) && Catch::Contains("cannot be opened"));
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
    // The second entry is the bad one: its index and name are in the message.
    json bad = goodGate();
    bad["name"] = "Na Meo";
    std::string expected;
    SECTION("no source") {
        bad.erase("source");
        expected = "source";
    }
    SECTION("empty source") {
        bad["source"] = "";
        expected = "source";
    }
    SECTION("no province") {
        bad.erase("province");
        expected = "\"province\"";
    }
    SECTION("a country that is neither VN nor LA") {
        bad["country"] = "TH";
        expected = "\"country\"";
    }
    SECTION("latitude as text") {
        bad["lat"] = "21.24";
        expected = "non-numeric \"lon\"/\"lat\"";
    }
    SECTION("longitude without latitude") {
        bad.erase("lat");
        expected = "non-numeric \"lon\"/\"lat\"";
    }
    SECTION("position outside the border area") {
        bad["lon"] = 2.35;
        bad["lat"] = 48.85;
        expected = "outside the border area";
    }
    SECTION("precision as text") {
        bad["precision_km"] = "5 km";
        expected = "precision_km";
    }
    const std::string path = gatesFile(tmp, bad);
    auto r = io::loadGates(path);
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r), Catch::Contains(path) && Catch::Contains("gate 1 (Na Meo)") && Catch::Contains(expected));
}

TEST_CASE("Curated gates: an entry without a name is named by its index", "[io][gates]") {
    TempDir tmp;
    json bad = goodGate();
    bad.erase("name");
    auto r = io::loadGates(gatesFile(tmp, bad));
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r),
               Catch::Contains("border_gates.json") && Catch::Contains("gate 1 ()") && Catch::Contains("\"name\""));
    auto notObject = io::loadGates(gatesFile(tmp, "Tây Trang"));
    REQUIRE_FALSE(notObject);
    CHECK_THAT(message(notObject), Catch::Contains("gate 1"));
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

TEST_CASE("Curated places: a bad localities file fails the pair, naming that file", "[io][gates]") {
    TempDir tmp;
    (void)gatesFile(tmp, goodGate());
    write(tmp.file("localities.json"), R"({"localities": [{"name": "Khe Sanh"}]})");
    auto r = io::loadCuratedPlaces(tmp.path().string());
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r), Catch::Contains(tmp.file("localities.json")) && Catch::Contains("entry 0 (Khe Sanh)"));

    write(tmp.file("localities.json"), json{{"localities", {goodLocality()}}}.dump());
    auto ok = io::loadCuratedPlaces(tmp.path().string());
    INFO(message(ok));
    REQUIRE(ok);
    CHECK(ok->gates.size() == 2);
    CHECK(ok->localities.size() == 1);
}
