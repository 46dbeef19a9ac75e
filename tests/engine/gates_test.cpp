// The gate catalogue on the real data: every pair placed (cited or derived
// from its districts' border stretch), on the edge of or inside its
// Vietnamese district, and the nearest gate `pairs` names for the shared
// documents' links.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/boundaries/crs.hpp"
#include "core/boundaries/geometry_ops.hpp"
#include "core/names/names.hpp"
#include "core/news/link_check.hpp"
#include "engine/gate_positions.hpp"
#include "engine/news.hpp"
#include "engine/session.hpp"
#include "ingest_support.hpp"
#include "session_support.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::engine;

namespace {

std::shared_ptr<Session> session() { return bl::test::realSession(); }

}  // namespace

TEST_CASE("Every gate of the catalogue is placed inside or on the edge of its Vietnamese district", "[gates][real]") {
    auto curated = session()->curated();
    REQUIRE(curated);
    const auto& gates = (*curated)->gates;
    REQUIRE(gates.size() % 2 == 0);
    REQUIRE(gates.size() / 2 >= 26);
    auto data = session()->load({"vn_adm2_2023", "la_adm2_2019"});
    REQUIRE(data);
    const Layer* districts = (*data)->layer("vn_adm2_2023");
    size_t derived = 0, cited = 0;
    for (size_t i = 0; i < gates.size(); i += 2) {
        const CuratedGate& vn = gates[i];
        const CuratedGate& la = gates[i + 1];
        INFO(vn.id << ": " << vn.name << " / " << la.name);
        CHECK(vn.country == Country::VN);
        CHECK(la.country == Country::LA);
        CHECK(vn.id == la.id);
        CHECK((vn.level == "international" || vn.level == "national" || vn.level == "auxiliary"));
        CHECK_FALSE(vn.source.empty());
        CHECK_FALSE(vn.district.empty());
        CHECK_FALSE(vn.province2025.empty());
        REQUIRE(vn.position);
        REQUIRE(la.position);
        CHECK(la.position->lon == vn.position->lon);
        CHECK_FALSE(vn.positionSource.empty());
        (vn.derived ? derived : cited) += 1;
        if (vn.derived) {
            CHECK_THAT(vn.positionSource, Catch::Contains("derived"));
            CHECK(vn.precisionKm > 0.4);
        }
        const AdminUnit* d = nullptr;
        for (const auto& u : districts->units)
            if (u.shortName == vn.district && u.parentName.find(vn.province) != std::string::npos) d = &u;
        REQUIRE(d);
        const Vec2 p = threadCrs().forward(*vn.position);
        MultiPolygon dot;
        dot.polygons.push_back(Polygon{{Ring{{p.x - 1, p.y - 1}, {p.x + 1, p.y - 1}, {p.x + 1, p.y + 1}, {p.x - 1, p.y + 1},
                                            {p.x - 1, p.y - 1}}}});
        // Inside, or on the edge: a derived position lies on the stretch the
        // district shares with Laos (the adjacency corridor is 1 km wide).
        CHECK(distanceKm(d->geometry, dot) < 1.0);
    }
    CHECK(derived > 0);
    CHECK(cited >= 4);
}

TEST_CASE("pairs: every shared document's link names the gate of its border, with its uncertainty", "[gates][real]") {
    NewsRequest req;
    auto news = readNews(*session(), req);
    REQUIRE(news);
    const auto& c = (*news)->corpus;
    REQUIRE(c.links.size() == 7);
    for (size_t i = 0; i < c.links.size(); ++i) {
        const Link& l = c.links[i];
        INFO(l.vn.name << " / " << l.la.name);
        REQUIRE((*news)->checks[i].nearestGate);
        const GateProximity& g = *(*news)->checks[i].nearestGate;
        const std::string la = l.la.units.empty() ? "" : l.la.units.front().name;
        if (la == "Sepone") CHECK(g.id == "lao-bao");
        if (la == "Phongsaly") CHECK(g.id == "tay-trang");
        if (la == "Houaphan") CHECK(g.id == "na-meo");
        if (la == "Sepone" || la == "Phongsaly" || la == "Houaphan") CHECK(g.onThisBorder);
        CHECK(g.precisionKm > 0);
        const std::string text = describeGate(g);
        CHECK_THAT(text, Catch::Contains(g.derived ? "position derived" : "position cited"));
        CHECK_THAT(text, Catch::Contains("\u00b1"));
    }
}

TEST_CASE("Gate positions read back from the store equal the ones computed", "[gates][real][store]") {
    using namespace bl::test;
    TempDir tmp;
    const ScopedEnv xdg("XDG_CACHE_HOME", tmp.file("xdg"));
    std::vector<CuratedGate> computed, stored;
    for (auto* out : {&computed, &stored}) {
        auto s = engine::Session::open({});
        REQUIRE(s);
        auto c = (*s)->curated();
        REQUIRE(c);
        *out = (*c)->gates;
        CHECK((*s)->unplacedGates().empty());
    }
    REQUIRE(computed.size() == stored.size());
    size_t derived = 0;
    for (size_t i = 0; i < computed.size(); ++i) {
        CHECK(computed[i].id == stored[i].id);
        REQUIRE(computed[i].position.has_value() == stored[i].position.has_value());
        if (computed[i].position) {
            CHECK(computed[i].position->lon == stored[i].position->lon);
            CHECK(computed[i].position->lat == stored[i].position->lat);
        }
        CHECK(computed[i].precisionKm == stored[i].precisionKm);
        CHECK(computed[i].positionSource == stored[i].positionSource);
        derived += stored[i].derived;
    }
    CHECK(derived > 20);  // most pairs are placed by us, and came back from the store
    bool entry = false;
    for (const auto& e : std::filesystem::directory_iterator(tmp.file("xdg/borderlens/prepared")))
        entry = entry || e.path().extension() == ".placed";
    CHECK(entry);
}

TEST_CASE("Gates are placed on the same stretches the whole layers' adjacency gives", "[gates][real]") {
    auto s = engine::Session::open({});
    REQUIRE(s);
    auto d = (*s)->load({"vn_adm2_2023", "la_adm2_2019", "vn_communes_2025"});
    REQUIRE(d);
    auto c = (*s)->curated(*d);
    REQUIRE(c);
    const Layer* la = (*d)->layer("la_adm2_2019");
    for (const char* id : {"vn_adm2_2023", "vn_communes_2025"}) {
        INFO(id);
        const Layer* whole = (*d)->layer(id);
        std::vector<std::string> names;
        for (const auto& g : (*c)->gates)
            if (g.country == Country::VN) names.push_back(std::string(id) == "vn_adm2_2023" ? g.district : g.commune2025);
        const Layer near = engine::unitsAround(*whole, names);
        CHECK(near.units.size() < whole->units.size() / 3);  // far less to compute
        const auto full = computeAdjacency(*whole, *la, {});
        const auto part = computeAdjacency(near, *la, {});
        // Every pair of a named unit: the same length and the same stretch.
        size_t compared = 0;
        for (const auto& p : part) {
            const std::string name = foldName(p.a->shortName.empty() ? p.a->name : p.a->shortName);
            bool named = false;
            for (const auto& n : names) named = named || (!n.empty() && foldName(n) == name);
            if (!named) continue;
            const SharedBorder* same = nullptr;
            for (const auto& f : full)
                if (f.a->id == p.a->id && f.b == p.b) same = &f;
            REQUIRE(same);
            CHECK(same->sharedKm == Approx(p.sharedKm).margin(1e-9));
            CHECK(same->sharedKmB == Approx(p.sharedKmB).margin(1e-9));
            CHECK(same->segments.size() == p.segments.size());
            ++compared;
        }
        CHECK(compared >= 15);
    }
}
