// One figure per fact: a shared border's length is shown as the mean of
// both sides everywhere; hover text gives both sides and the gap.
#include <catch2/catch.hpp>

#include "engine/adjacency_memo.hpp"
#include "engine/figures.hpp"
#include "engine/map_geometry.hpp"
#include "engine/overlays.hpp"
#include "engine/session.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::engine;
using namespace bl::test;

TEST_CASE("Hover text gives both sides and the gap between the lines", "[engine][figures]") {
    Layer vn, la;
    vn.spec.country = Country::VN;
    la.spec.country = Country::LA;
    AdminUnit hh, sep, dk;
    hh.name = "Huyện Hướng Hóa";
    sep.name = "Sepone";
    dk.name = "Huyện Đakrông";
    dk.shortName = "Đakrông";

    SharedBorder s{&vn, &hh, &la, &sep, AdjacencyKind::International, 77.6, 77.8, 40.2, 600.0, {}};
    CHECK(shownKmText(s) == "77.7 km");
    CHECK(sidesText(s) == "Viet Nam side 77.6 km, Lao side 77.8 km, lines 40 m apart (median)");
    s.medianGapM = 1240;
    CHECK(sidesText(s) == "Viet Nam side 77.6 km, Lao side 77.8 km, lines 1.2 km apart (median)");
    s.sharedKm = 0.0;
    s.sharedKmB = 0.8;
    CHECK(shownKmText(s) == "0.8 km");
    CHECK(sidesText(s) == "measured on the Lao side only (0.8 km)");

    SharedBorder d{&vn, &hh, &vn, &dk, AdjacencyKind::Domestic, 12.31, 12.32, 0.0, 0.0, {}};
    CHECK(sidesText(d) == "one boundary line, 12.3 km");
    d.sharedKmB = 12.6;
    CHECK(sidesText(d) == "Huyện Hướng Hóa side 12.3 km, Đakrông side 12.6 km");
}

TEST_CASE("Hướng Hóa and Sepone: 77.7 km in the overlay label and both sides on hover", "[engine][figures][real]") {
    auto s = Session::open({});
    REQUIRE(s);
    auto data = (*s)->load({"vn_adm2_2023", "la_adm2_2019"});
    REQUIRE(data);
    AdjacencyMemo memo(*data, false);
    const Layer& vn = *(*data)->layer("vn_adm2_2023");
    const Layer& la = *(*data)->layer("la_adm2_2019");
    const SharedBorder* border = nullptr;
    for (const auto& b : memo.between(vn, la))
        if (b.a->name == "Huyện Hướng Hóa" && b.b->name == "Sepone") border = &b;
    REQUIRE(border);
    CHECK(shownKm(*border) == Approx((border->sharedKm + border->sharedKmB) / 2));
    CHECK(shownKmText(*border) == "77.7 km");
    const std::string sides = sidesText(*border);
    CHECK_THAT(sides, Catch::StartsWith("Viet Nam side " + kmText(border->sharedKm) + ", Lao side " +
                                        kmText(border->sharedKmB) + ", lines ") &&
                          Catch::EndsWith(" m apart (median)"));

    const MapGeometry geometry(*data);
    const Overlay o = sharedBorderOverlay(*border, **data, geometry, kPairColour);
    REQUIRE(o.segments.size() == 1);
    CHECK(o.segments[0].label == "77.7 km");
}
