// Adjacency on the shared data (../shared/geodata).
#include <catch2/catch.hpp>

#include <cmath>

#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/adjacency_plan.hpp"
#include "core/boundaries/geometry_ops.hpp"
#include "core/boundaries/geos_context.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

const AdminUnit& named(const Layer& l, const std::string& name, const std::string& parent = "") {
    for (const auto& u : l.units)
        if ((u.name == name || u.shortName == name) && (parent.empty() || u.parentName == parent)) return u;
    FAIL("no unit " << name << " in " << l.spec.id);
    throw;
}

double kmWith(const std::vector<SharedBorder>& r, const AdminUnit& a, const AdminUnit& b) {
    for (const auto& s : r)
        if ((s.a == &a && s.b == &b) || (s.a == &b && s.b == &a))
            return (s.sharedKm + s.sharedKmB) / (s.sharedKm > 0 && s.sharedKmB > 0 ? 2 : 1);
    return 0.0;
}

// Independent check with GEOS overlay: the length of A's boundary inside B
// grown by the tolerance. It over-counts by up to the tolerance at each end
// of the stretch (internal boundaries and neighbours meeting the border),
// so the engine's answer must lie between it minus two tolerances and it.
double overlayKm(const AdminUnit& a, const AdminUnit& b, double tol) {
    using namespace bl::geos;
    GeomPtr ga = toGeos(a.geometry), gb = toGeos(b.geometry);
    GeomPtr boundary(GEOSBoundary_r(ctx(), ga.get()));
    GeomPtr corridor(GEOSBuffer_r(ctx(), gb.get(), tol, 8));
    GeomPtr inside(GEOSIntersection_r(ctx(), boundary.get(), corridor.get()));
    double len = 0;
    GEOSLength_r(ctx(), inside.get(), &len);
    return len / 1000.0;
}

}  // namespace

TEST_CASE("Hướng Hóa's Lao neighbours and lengths", "[real][adjacency]") {
    auto data = realData();
    const Layer& vn = *data->layer("vn_adm2_2023");
    const Layer& la = *data->layer("la_adm2_2019");
    const auto r = computeAdjacency(vn, la);
    const AdminUnit& huongHoa = named(vn, "Huyện Hướng Hóa", "Tỉnh Quảng Trị");
    const AdminUnit& sepone = named(la, "Sepone");
    const AdminUnit& nong = named(la, "Nong");
    const AdminUnit& samuoi = named(la, "Samuoi");
    CHECK(kmWith(r, huongHoa, sepone) == Approx(77).margin(1.5));
    CHECK(kmWith(r, huongHoa, nong) == Approx(27).margin(1.5));
    CHECK(kmWith(r, huongHoa, samuoi) == Approx(19).margin(1.0));
    size_t laNeighbours = 0;
    for (const auto& s : r) laNeighbours += s.a == &huongHoa;
    CHECK(laNeighbours == 3);

    for (const AdminUnit* l : {&sepone, &nong, &samuoi}) {
        INFO(l->name);
        const double overlay = overlayKm(huongHoa, *l, kDefaultInternationalToleranceM);
        double ours = 0;  // Hướng Hóa's own side, as the overlay measures it
        for (const auto& s : r) if (s.a == &huongHoa && s.b == l) ours = s.sharedKm;
        CHECK(ours <= overlay + 0.5);
        CHECK(ours >= overlay - 2.5 * kDefaultInternationalToleranceM / 1000.0);
    }
}

TEST_CASE("Huyện Điện Biên shares about 103 km with May (Phongsaly)", "[real][adjacency]") {
    auto data = realData();
    const Layer& vn = *data->layer("vn_adm2_2023");
    const Layer& la = *data->layer("la_adm2_2019");
    const auto r = computeAdjacency(vn, la);
    const AdminUnit& dienBien = named(vn, "Huyện Điện Biên", "Tỉnh Điện Biên");
    const AdminUnit& may = named(la, "May");
    CHECK(may.parentName == "Phongsaly");
    CHECK(kmWith(r, dienBien, may) == Approx(103).margin(2.0));
}

TEST_CASE("Domestic district adjacency on the shared data", "[real][adjacency]") {
    auto data = realData();
    const Layer& vn = *data->layer("vn_adm2_2023");
    const auto r = computeAdjacency(vn, vn);
    const AdminUnit& huongHoa = named(vn, "Huyện Hướng Hóa", "Tỉnh Quảng Trị");
    const AdminUnit& daKrong = named(vn, "Huyện Đa Krông", "Tỉnh Quảng Trị");
    // Same source, exact edges: both sides measure the same length, but
    // for the few pairs along the known slivers.
    size_t same = 0;
    for (const auto& s : r) {
        CHECK(s.kind == AdjacencyKind::Domestic);
        CHECK(s.a != s.b);
        same += std::fabs(s.sharedKm - s.sharedKmB) <= 0.01 * s.sharedKm + 0.01;
    }
    CHECK(double(same) / double(r.size()) > 0.97);
    const double hk = kmWith(r, huongHoa, daKrong);
    CHECK(hk > 40);
    CHECK(hk == Approx(overlayKm(huongHoa, daKrong, 5.0)).epsilon(0.01));
    CHECK(r.size() > 1500);
}

TEST_CASE("Commune-level cross-border pairs exist for the 2025 system", "[real][adjacency]") {
    auto data = realData();
    AdjacencyQuery q;
    q.level = Level::Commune;
    q.crossBorderOnly = true;
    auto plan = planAdjacency(realCatalog().layers, realCatalog().vintages, q);
    REQUIRE(plan);
    REQUIRE(plan->size() == 1);
    CHECK(plan->front().first == "vn_communes_2025");
    CHECK(plan->front().second == "la_adm2_2019");
    const auto r = computeAdjacency(*data->layer("vn_communes_2025"), *data->layer("la_adm2_2019"));
    CHECK(r.size() > 100);
    double total = 0;
    for (const auto& s : r) total += s.sharedKm;
    // The Vietnam-Laos border is about 2,340 km long.
    CHECK(total == Approx(2340).epsilon(0.1));
    for (const auto& s : r) {
        CHECK(s.layerA->spec.country == Country::VN);
        CHECK(s.layerB->spec.country == Country::LA);
    }
}

TEST_CASE("Plans never mix the Vietnamese vintages", "[adjacency]") {
    const auto& layers = realCatalog().layers;
    AdjacencyQuery q;
    q.level = Level::Province;
    auto p2025 = planAdjacency(layers, realCatalog().vintages, q);
    REQUIRE(p2025);
    for (const auto& [a, b] : *p2025) {
        CHECK(a.find("2023") == std::string::npos);
        CHECK(b.find("2023") == std::string::npos);
    }
    q.vintage = "2023";
    auto p2023 = planAdjacency(layers, realCatalog().vintages, q);
    REQUIRE(p2023);
    for (const auto& [a, b] : *p2023) CHECK(a.find("2025") == std::string::npos);
    q.level = Level::District;
    q.vintage = "2025";
    auto none = planAdjacency(layers, realCatalog().vintages, q);
    REQUIRE_FALSE(none);
    CHECK_THAT(none.error().message, Catch::Contains("no districts"));
}
