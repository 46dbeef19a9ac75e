// Real-data tests on ../shared/geodata (see README "Data").
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/names/gazetteer.hpp"
#include "core/boundaries/geometry_ops.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

TEST_CASE("Shared layers load with the expected feature counts", "[real]") {
    auto data = realData();
    const std::map<std::string, size_t> expected = {
        {"la_adm1_2019", 18}, {"la_adm2_2019", 148}, {"vn_adm1_2023", 62},
        {"vn_adm2_2023", 692}, {"vn_adm1_2025", 34}, {"vn_communes_2025", 793}};
    REQUIRE(data->layers.size() == expected.size());
    for (const auto& l : data->layers) {
        INFO(l.spec.id);
        CHECK(l.units.size() == expected.at(l.spec.id));
        CHECK(l.skippedEmpty == 0);
    }
}

TEST_CASE("Every unit of the shared layers has a parent", "[real]") {
    auto data = realData();
    for (const auto& l : data->layers)
        for (const auto& u : l.units) {
            INFO(l.spec.id << " " << u.id << " " << u.name);
            CHECK_FALSE(u.parentName.empty());
        }
    const AdminUnit* huongHoa = data->layer("vn_adm2_2023")->find("465");
    REQUIRE(huongHoa);
    CHECK(huongHoa->name == "Huyện Hướng Hóa");
    CHECK(huongHoa->parentName == "Tỉnh Quảng Trị");
}

TEST_CASE("Shared units are valid polygons in the working CRS", "[real]") {
    auto data = realData();
    // Quảng Trị 2023 is about 4,700 km²; a wrong CRS or axis order would be far off.
    const Layer* p = data->layer("vn_adm1_2023");
    const AdminUnit* quangTri = nullptr;
    for (const auto& u : p->units) if (u.shortName == "Quảng Trị") quangTri = &u;
    REQUIRE(quangTri);
    CHECK(area(quangTri->geometry) / 1e6 == Approx(4700).epsilon(0.05));
    // Border-area bounds: the Lao districts lie between 100E and 107.7E.
    for (const auto& u : data->layer("la_adm2_2019")->units) {
        CHECK(u.bounds.minX > -700000);
        CHECK(u.bounds.maxX < 250000);
    }
}

TEST_CASE("find resolves the names the documents use", "[real][find]") {
    auto data = realData();
    Gazetteer gaz(*data, realCatalog().aliases);
    auto top = [&](const std::string& q, FindOptions o = {}) {
        auto m = gaz.find(q, o);
        REQUIRE_FALSE(m.empty());
        return m;
    };
    SECTION("huong hoa -> Hướng Hóa district of Quảng Trị") {
        auto m = top("huong hoa");
        CHECK(m[0].ref.unit->name == "Huyện Hướng Hóa");
        CHECK(m[0].ref.unit->parentName == "Tỉnh Quảng Trị");
        CHECK(m[0].ref.layer->spec.level == Level::District);
        CHECK(m[0].score == 1.0);
    }
    SECTION("Se Pon -> Sepone, Savannakhet") {
        auto m = top("Se Pon");
        CHECK(m[0].ref.unit->name == "Sepone");
        CHECK(m[0].ref.unit->parentName == "Savannakhet");
    }
    SECTION("Xepon and Sa Muoi and Samouay through the alias table") {
        CHECK(top("Xepon")[0].ref.unit->name == "Sepone");
        CHECK(top("Sa Muoi")[0].ref.unit->name == "Samuoi");
        CHECK(top("Samouay")[0].ref.unit->parentName == "Salavan");
    }
    SECTION("Houaphanh -> the province Houaphan") {
        auto m = top("Houaphanh", FindOptions{Country::LA, Level::Province});
        CHECK(m[0].ref.unit->name == "Houaphan");
        CHECK(top("Houaphanh")[0].ref.layer->spec.level == Level::Province);
    }
    SECTION("thanh hoa -> Thanh Hóa in both vintages") {
        auto m = top("thanh hoa", FindOptions{Country::VN, Level::Province});
        REQUIRE(m.size() >= 2);
        std::set<std::string> vintages;
        for (size_t i = 0; i < 2; ++i) {
            CHECK(foldName(m[i].ref.unit->name) == "thanh hoa");
            vintages.insert(m[i].ref.layer->spec.vintage.label);
        }
        CHECK(vintages == std::set<std::string>{"2023", "2025"});
    }
    SECTION("a misspelling still finds the unit, scored lower") {
        auto m = top("Huong Hao");
        CHECK(m[0].ref.unit->name == "Huyện Hướng Hóa");
        CHECK(m[0].score < 1.0);
    }
    SECTION("Khe Sanh is a 2025 commune") {
        auto m = top("Khe Sanh", FindOptions{Country::VN, Level::Commune});
        CHECK(m[0].ref.layer->spec.id == "vn_communes_2025");
    }
    SECTION("nonsense finds nothing") {
        CHECK(gaz.find("qqqzzzxx").empty());
    }
}
