// The succession table: computed from the layers, stored in geodata/, and
// checked against the public list of the 2025 mergers.
#include <catch2/catch.hpp>

#include "engine/succession.hpp"
#include "io/gates.hpp"
#include "ingest_support.hpp"

using namespace bl;
using namespace bl::engine;

TEST_CASE("The stored succession table sends every 2023 province where the merger list says", "[succession][real]") {
    const SuccessionTable& stored = bl::test::curatedPlaces().succession;
    REQUIRE(stored.units.size() > 600);
    auto list = io::loadMergerList(defaultMergerListPath());
    REQUIRE(list);
    REQUIRE(list->provinces.size() == 34);
    std::vector<std::string> notes;
    const auto problems = checkMergers(stored, *list, &notes);
    for (const auto& p : problems) INFO(p);
    CHECK(problems.empty());
    // The 2023 layer lacks Quảng Ninh: said, not hidden.
    REQUIRE(notes.size() == 1);
    CHECK_THAT(notes.front(), Catch::Contains("Quảng Ninh"));

    // A wrong list is caught: Quảng Bình said to go to Hà Tĩnh.
    io::MergerList wrong = *list;
    for (auto& [later, from] : wrong.provinces)
        if (later == "Hà Tĩnh") from.push_back("Quảng Bình");
    for (auto& [later, from] : wrong.provinces)
        if (later == "Quảng Trị") from = {"Quảng Trị"};
    const auto caught = checkMergers(stored, wrong);
    REQUIRE(caught.size() == 1);
    CHECK_THAT(caught.front(), Catch::Contains("Quảng Bình"));
}

TEST_CASE("The succession table is what the layers give today, and says how shares split", "[succession][real]") {
    auto s = Session::open({});
    REQUIRE(s);
    auto computed = computeSuccession(**s);
    REQUIRE(computed);
    const SuccessionTable& stored = bl::test::curatedPlaces().succession;
    REQUIRE(computed->units.size() == stored.units.size());
    for (size_t i = 0; i < stored.units.size(); ++i) {
        const Succession& a = computed->units[i];
        const Succession& b = stored.units[i];
        INFO(b.name);
        CHECK(a.unitId == b.unitId);
        REQUIRE(a.to.size() == b.to.size());
        for (size_t k = 0; k < a.to.size(); ++k) {
            CHECK(a.to[k].unitId == b.to[k].unitId);
            CHECK(a.to[k].share == Approx(b.to[k].share).margin(0.0015));
        }
    }
    const Succession* qb = stored.find("vn_adm1_2023", "44");
    REQUIRE(qb);
    CHECK(stored.describe(*qb, "vn_adm1_2025", "2025") == "Quảng Bình (2023) \u2192 part of Quảng Trị (2025)");
    const Succession* hh = stored.find("vn_adm2_2023", "465");
    REQUIRE(hh);
    const std::string split = stored.describe(*hh, "vn_communes_2025", "2025");
    CHECK_THAT(split, Catch::StartsWith("Hướng Hóa (2023) \u2192 split among "));
    CHECK_THAT(split, Catch::Contains("Lao Bảo"));
    double total = 0;
    for (const auto* t : stored.successorsIn(*hh, "vn_communes_2025")) total += t->share;
    CHECK(total == Approx(1.0).margin(0.05));
}
