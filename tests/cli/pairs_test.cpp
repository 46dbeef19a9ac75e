// `borderlens pairs` on the shared documents and data.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace bl::test;
using nlohmann::json;

static const json* verdict(const json& link, const std::string& vintage, const std::string& vnName) {
    for (const auto& v : link["adjacency"])
        if (v["vintage"] == vintage && v["vn_unit"]["name"] == vnName) return &v;
    return nullptr;
}

TEST_CASE("pairs checks every document link against the adjacency engine", "[cli][real][pairs]") {
    const RunResult r = runBorderlens("-q pairs --json");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json j = json::parse(r.out);
    const auto& links = j["links"];
    REQUIRE(links.size() == 7);
    bool sepone = false, company119 = false, plan = false;
    for (const auto& l : links) {
        CHECK_FALSE(l["adjacency"].empty());
        if (l["la_party"].get<std::string>().find("Se Pon") != std::string::npos) {
            sepone = true;
            const json* d2023 = verdict(l, "2023", "Huyện Hướng Hóa");
            REQUIRE(d2023);
            CHECK((*d2023)["touches"] == true);
            CHECK((*d2023)["la_unit"]["name"] == "Sepone");
            CHECK((*d2023)["shared_km"].get<double>() == Approx(77).margin(1.5));
            // The 2025 commune of Khe Sanh does not reach the border: a distance instead.
            const json* c2025 = verdict(l, "2025", "Xã Khe Sanh");
            REQUIRE(c2025);
            CHECK((*c2025)["touches"] == false);
            CHECK((*c2025)["distance_km"].get<double>() > 0.5);
            CHECK(l["nearest_gate"]["name"] == "Lao Bảo \u2013 Dansavanh");
            CHECK(l["nearest_gate"]["level"] == "international");
            CHECK(l["nearest_gate"]["on_this_border"] == true);
            CHECK(l["nearest_gate"]["position"] == "cited");
        }
        if (l["la_party"] == "Border Guard Company 119") {
            company119 = true;
            const json* v = verdict(l, "2023", "Huyện Điện Biên");
            REQUIRE(v);
            CHECK((*v)["la_unit"]["name"] == "Phongsaly");
            CHECK((*v)["touches"] == true);
            CHECK(l["nearest_gate"]["name"] == "Tây Trang \u2013 Sop Hun");
            CHECK(l["nearest_gate"]["distance_km"].get<double>() < 10);
        }
        if (l["kind"] == "cooperation_plan") {
            plan = true;
            CHECK(l["period"] == "2026–2030");
            const json* v = verdict(l, "2025", "Tỉnh Thanh Hoá");
            REQUIRE(v);
            CHECK((*v)["la_unit"]["name"] == "Houaphan");
            CHECK((*v)["shared_km"].get<double>() > 100);
        }
    }
    CHECK(sepone);
    CHECK(company119);
    CHECK(plan);
}

TEST_CASE("pairs on a document without cross-border links says so", "[cli][pairs]") {
    TempDir tmp;
    std::ofstream(tmp.file("a.txt")) << "The weather in Hanoi was mild this week, forecasters said on Tuesday.\n";
    const RunResult r = runBorderlens("-q pairs " + tmp.file("a.txt"));
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("no cross-border links"));
}

TEST_CASE("pairs: a date without a year reads as words in text and stays ISO in JSON (lengths as shown)",
          "[cli][real][pairs][figures][display]") {
    TempDir tmp;
    std::ofstream(tmp.file("ties.txt"))
        << "Hướng Hóa and Sepone renew their ties\n\n"
           "On January 15, Hướng Hóa district of Quảng Trị province and Sepone district of Savannakhet province, "
           "Laos, signed a twinning agreement.\n";
    const std::string doc = tmp.file("ties.txt");
    const RunResult text = runBorderlens("-q pairs " + doc);
    const RunResult js = runBorderlens("-q pairs --json " + doc);
    INFO(text.err);
    REQUIRE(text.exitCode == 0);
    REQUIRE(js.exitCode == 0);
    const json links = json::parse(js.out)["links"];
    REQUIRE(links.size() == 1);
    CHECK(links[0]["date"] == "--01-15");
    CHECK_THAT(text.out, Catch::Contains(" 15 January (year not given) ") && !Catch::Contains("--01-15"));
    const json* v = verdict(links[0], "2023", "Huyện Hướng Hóa");
    REQUIRE(v);
    CHECK((*v)["shared_km"].get<double>() == Approx(77.7).margin(1e-9));  // the mean of 77.6 and 77.8
    CHECK_THAT(text.out, Catch::Contains("Huyện Hướng Hóa x Sepone: share 77.7 km of border"));
}
