// Resolution of place names onto catalog units in every vintage, on the
// shared data, with the curated geodata files of this checkout.
#include <catch2/catch.hpp>

#include <tuple>

#include "core/boundaries/geometry_ops.hpp"
#include "ingest_support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

const ResolvedUnit* inVintage(const PlaceResolution& r, const std::string& vintage) {
    for (const auto& u : r.units)
        if (u.vintage == vintage) return &u;
    return nullptr;
}

}  // namespace

TEST_CASE("A town below the 2023 district level resolves in both vintages", "[resolve][real]") {
    PlaceQuery q;
    q.name = "Khe Sanh";
    q.parent = "Quang Tri";
    const auto r = realResolver().resolve(q);
    REQUIRE(r.country == Country::VN);
    REQUIRE(inVintage(r, "2023"));
    CHECK(inVintage(r, "2023")->name == "Huyện Hướng Hóa");
    CHECK(inVintage(r, "2023")->layerId == "vn_adm2_2023");
    CHECK_THAT(inVintage(r, "2023")->reason, Catch::Contains("curated"));
    REQUIRE(inVintage(r, "2025"));
    CHECK(inVintage(r, "2025")->name == "Xã Khe Sanh");
    CHECK(inVintage(r, "2025")->layerId == "vn_communes_2025");
}

TEST_CASE("Context picks the district inside the stated province", "[resolve][real]") {
    PlaceQuery q;
    q.name = "Se Pon";
    q.level = Level::District;
    q.parent = "Savannakhet";
    const auto r = realResolver().resolve(q);
    REQUIRE(r.units.size() == 1);
    CHECK(r.units[0].name == "Sepone");
    CHECK(r.units[0].parent == "Savannakhet");
    CHECK_THAT(r.units[0].reason, Catch::Contains("alias"));
    CHECK_THAT(r.units[0].reason, Catch::Contains("Savannakhet"));
    CHECK(r.country == Country::LA);
}

TEST_CASE("A pre-reform province name goes to its successor province, never to a same-named commune",
          "[resolve][real]") {
    // Xã Quảng Bình and Phường Kon Tum are 2025 communes; the names in the
    // text mean the pre-reform provinces.
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"Quang Binh", "Tỉnh Quảng Bình", "Tỉnh Quảng Trị"},
        {"Kon Tum", "Tỉnh Kon Tum", "Tỉnh Quảng Ngãi"},
        {"Quảng Nam", "Tỉnh Quảng Nam", "Thành phố Đà Nẵng"},
        {"Thanh Hoa", "Tỉnh Thanh Hóa", "Tỉnh Thanh Hoá"},
    };
    for (const auto& [name, in2023, in2025] : cases) {
        for (const std::optional<Level> level : {std::optional<Level>(), std::optional<Level>(Level::Province)}) {
            INFO(name << (level ? " province" : ""));
            PlaceQuery q;
            q.name = name;
            q.level = level;
            const auto r = realResolver().resolve(q);
            REQUIRE(inVintage(r, "2023"));
            CHECK(inVintage(r, "2023")->name == in2023);
            REQUIRE(inVintage(r, "2025"));
            CHECK(inVintage(r, "2025")->name == in2025);
            CHECK(inVintage(r, "2025")->layerId == "vn_adm1_2025");
        }
    }
    PlaceQuery q;
    q.name = "Quang Binh";
    const auto r = realResolver().resolve(q);
    CHECK(inVintage(r, "2025")->by == ResolvedBy::Succession);
    CHECK(inVintage(r, "2025")->reason == "Quảng Bình (2023) \u2192 part of Quảng Trị (2025)");
}

TEST_CASE("A pre-reform district goes to the province that took it, with the communes it went to", "[resolve][real]") {
    PlaceQuery q;
    q.name = "Huong Hoa";
    q.level = Level::District;
    const auto r = realResolver().resolve(q);
    REQUIRE(inVintage(r, "2023"));
    CHECK(inVintage(r, "2023")->name == "Huyện Hướng Hóa");
    REQUIRE(inVintage(r, "2025"));
    CHECK(inVintage(r, "2025")->name == "Tỉnh Quảng Trị");
    CHECK(inVintage(r, "2025")->by == ResolvedBy::Succession);
    // A commune named like the district is only part of it: not the district.
    PlaceQuery sc;
    sc.name = "Sop Cop";
    sc.level = Level::District;
    const auto s = realResolver().resolve(sc);
    REQUIRE(inVintage(s, "2025"));
    CHECK(inVintage(s, "2025")->name == "Tỉnh Sơn La");
    // Asked as a commune, the 2025 commune is meant.
    sc.level = Level::Commune;
    const auto c = realResolver().resolve(sc);
    REQUIRE(inVintage(c, "2025"));
    CHECK(inVintage(c, "2025")->name == "Xã Sốp Cộp");
}

TEST_CASE("Unknown and ambiguous names resolve to nothing, with a reason", "[resolve][real]") {
    PlaceQuery unknown;
    unknown.name = "Ratanakiri";
    const auto a = realResolver().resolve(unknown);
    CHECK(a.units.empty());
    CHECK_THAT(a.reason, Catch::Contains("not in the catalog"));
    // Vientiane names both the capital prefecture and the province.
    PlaceQuery vientiane;
    vientiane.name = "Vientiane";
    vientiane.level = Level::Province;
    const auto b = realResolver().resolve(vientiane);
    CHECK(b.units.empty());
    CHECK_FALSE(b.reason.empty());
}

TEST_CASE("Catalogue gates resolve to their stated district, and in 2025 to their stated commune", "[resolve][real]") {
    const auto& gates = curatedPlaces().gates;
    REQUIRE(gates.size() >= 2 * 26);
    for (const auto& g : gates) {
        INFO(g.id << " " << g.name);
        CHECK_FALSE(g.source.empty());
        const auto r = realResolver().resolveGate(g);
        REQUIRE_FALSE(r.units.empty());
        const std::string layer = g.district.empty() ? (g.country == Country::VN ? "vn_adm1_2023" : "la_adm1_2019")
                                                     : (g.country == Country::VN ? "vn_adm2_2023" : "la_adm2_2019");
        CHECK(r.units.front().layerId == layer);
        if (g.country == Country::VN && !g.commune2025.empty()) {
            REQUIRE(inVintage(r, "2025"));
            CHECK(inVintage(r, "2025")->layerId == "vn_communes_2025");
            CHECK_THAT(inVintage(r, "2025")->name, Catch::EndsWith(g.commune2025));
        }
    }
    for (const auto& loc : curatedPlaces().localities) {
        INFO(loc.name);
        CHECK_FALSE(loc.source.empty());
        PlaceQuery q;
        q.name = loc.name;
        q.country = loc.country;
        q.parent = loc.province;
        const auto r = realResolver().resolve(q);
        REQUIRE(inVintage(r, "2023"));
        CHECK_THAT(inVintage(r, "2023")->name, Catch::EndsWith(loc.district));
    }
}

TEST_CASE("A Lao name misspelt by a letter resolves when the text states its level", "[resolve][real]") {
    for (const auto& [written, meant] : std::vector<std::pair<std::string, std::string>>{
             {"Houaphn", "Houaphan"}, {"Attapue", "Attapeu"}, {"Khammoune", "Khammouane"}}) {
        INFO(written);
        PlaceQuery q;
        q.name = written;
        q.level = Level::Province;
        const auto r = realResolver().resolve(q);
        REQUIRE(r.units.size() == 1);
        CHECK(r.units[0].name == meant);
        CHECK(r.country == Country::LA);
        CHECK_THAT(r.units[0].reason, Catch::Contains("misspelling"));
        // Without a stated level a near name is not enough.
        PlaceQuery bare;
        bare.name = written;
        CHECK(realResolver().resolve(bare).units.empty());
    }
}

TEST_CASE("Catalogue gate names are found in folded words, longest first, either side", "[resolve][real]") {
    const std::vector<std::string_view> words = {"the", "lao", "bao", "border", "gate", "and", "la", "lay"};
    std::vector<const CuratedGate*> gates;
    CHECK(realResolver().gateNameAt(words, 0) == 0);
    REQUIRE(realResolver().gateNameAt(words, 1, &gates) == 2);  // "Lao Bảo" starts with a country word
    REQUIRE(gates.size() == 1);
    CHECK(gates[0]->id == "lao-bao");
    CHECK(gates[0]->country == Country::VN);
    REQUIRE(realResolver().gateNameAt(words, 6, &gates) == 2);  // La Lay is the name on both sides
    CHECK(gates.size() == 2);
}
