// Resolution of place names onto catalog units in every vintage, on the
// shared data, with the curated geodata files of this checkout.
#include <catch2/catch.hpp>

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

TEST_CASE("A province merged in 2025 lands in the province that contains it", "[resolve][real]") {
    PlaceQuery q;
    q.name = "Quang Binh";
    q.level = Level::Province;
    q.country = Country::VN;
    const auto r = realResolver().resolve(q);
    REQUIRE(inVintage(r, "2023"));
    CHECK(inVintage(r, "2023")->name == "Tỉnh Quảng Bình");
    REQUIRE(inVintage(r, "2025"));
    CHECK(inVintage(r, "2025")->name == "Tỉnh Quảng Trị");
    CHECK_THAT(inVintage(r, "2025")->reason, Catch::Contains("containment"));
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

TEST_CASE("Curated gates: every entry cites a source, positions lie in the stated district", "[resolve][real]") {
    const auto& gates = curatedPlaces().gates;
    REQUIRE(gates.size() >= 2);
    for (const auto& g : gates) {
        INFO(g.name);
        CHECK_FALSE(g.source.empty());
        const auto r = realResolver().resolveGate(g);
        REQUIRE_FALSE(r.units.empty());
        const std::string layer = g.district.empty() ? (g.country == Country::VN ? "vn_adm1_2023" : "la_adm1_2019")
                                                     : (g.country == Country::VN ? "vn_adm2_2023" : "la_adm2_2019");
        CHECK(r.units.front().layerId == layer);
        if (!g.position) continue;
        const Layer* l = realData()->layer(layer);
        const AdminUnit* d = l->find(r.units.front().unitId);
        REQUIRE(d);
        CHECK(contains(d->geometry, threadCrs().forward(*g.position)));
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
