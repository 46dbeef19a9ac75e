// Which levels each Vietnamese system lists neighbours at, and the shared
// borders a map of one system shows (a Lao district's too).
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "engine/session.hpp"
#include "engine/vintage_adjacency.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::engine;
using namespace bl::test;

namespace {

bool hasPair(const LevelAdjacency& l, const std::string& a, const std::string& b) {
    return std::find(l.pairs.begin(), l.pairs.end(), std::make_pair(a, b)) != l.pairs.end();
}

}  // namespace

TEST_CASE("Levels with adjacency per system and a note for each level a country lacks",
          "[engine][adjacency][levels]") {
    auto s = Session::open({});
    REQUIRE(s);
    const io::Catalog& cat = (*s)->catalog();

    const auto l2023 = levelsWithAdjacency(cat, "2023");
    REQUIRE(l2023.size() == 3);
    CHECK(l2023[0].level == Level::Province);
    CHECK(l2023[1].level == Level::District);
    CHECK(l2023[2].level == Level::Commune);
    for (int i : {0, 1}) {
        CHECK(l2023[i].available());
        CHECK(l2023[i].vietnamese);
        CHECK(l2023[i].lao);
        CHECK(l2023[i].note.empty());
    }
    CHECK(hasPair(l2023[1], "vn_adm2_2023", "la_adm2_2019"));
    CHECK(hasPair(l2023[1], "la_adm2_2019", "la_adm2_2019"));
    CHECK_FALSE(l2023[2].available());
    CHECK_THAT(l2023[2].note, Catch::Contains("2023 Vietnamese system has no communes") && Catch::Contains("2025 has them"));

    const auto l2025 = levelsWithAdjacency(cat, "2025");
    REQUIRE(l2025.size() == 3);
    CHECK(l2025[0].available());
    CHECK(l2025[0].note.empty());
    // Districts: the Lao ones only, with a note saying where their Vietnamese neighbours are.
    CHECK(l2025[1].available());
    CHECK_FALSE(l2025[1].vietnamese);
    CHECK(l2025[1].lao);
    CHECK(l2025[1].pairs == LayerPairs{{"la_adm2_2019", "la_adm2_2019"}});
    CHECK_THAT(l2025[1].note, Catch::StartsWith("Lao districts only") &&
                                  Catch::Contains("2025 Vietnamese system has no districts (2023 has them)") &&
                                  Catch::Contains("2025 communes, listed at commune level"));
    // Communes: with each other and with the Lao districts across the border.
    CHECK(l2025[2].available());
    CHECK(l2025[2].vietnamese);
    CHECK_FALSE(l2025[2].lao);
    CHECK(hasPair(l2025[2], "vn_communes_2025", "vn_communes_2025"));
    CHECK(hasPair(l2025[2], "vn_communes_2025", "la_adm2_2019"));
    CHECK_THAT(l2025[2].note, Catch::Contains("Lao districts they border"));
    // Never a layer of the other system.
    for (const auto& l : l2025)
        for (const auto& [a, b] : l.pairs) {
            CHECK(a.find("2023") == std::string::npos);
            CHECK(b.find("2023") == std::string::npos);
        }

    const auto none = levelsWithAdjacency(cat, "1999");
    REQUIRE(none.size() == 3);
    for (const auto& l : none) {
        CHECK_FALSE(l.available());
        CHECK_THAT(l.note, Catch::Contains("1999"));
    }
}

TEST_CASE("A Lao district shown with the 2025 system lists its Lao and Vietnamese neighbours",
          "[engine][adjacency][levels][real]") {
    TempDir tmp;
    const ScopedEnv xdg("XDG_CACHE_HOME", tmp.file("xdg"));
    auto s = Session::open({});
    REQUIRE(s);
    auto data = (*s)->load((*s)->layersShown("2025"));
    REQUIRE(data);
    auto r = adjacencyOfVintage((*s)->catalog(), *data, "2025", 0);
    REQUIRE(r);
    const VintageAdjacency& adj = **r;
    REQUIRE(adj.levels.size() == 3);

    std::set<std::string> lao, vietnamese;
    for (const auto& b : adj.borders) {
        // Every border is at a level the system offers, district ones Lao-Lao only.
        const Level level = adjacencyLevel(b);
        CHECK(adj.levels[size_t(level)].available());
        if (level == Level::District) {
            CHECK(b.layerA->spec.country == Country::LA);
            CHECK(b.layerB->spec.country == Country::LA);
        }
        const AdminUnit* other = b.a->name == "Sepone" ? b.b : b.b->name == "Sepone" ? b.a : nullptr;
        if (!other) continue;
        (b.kind == AdjacencyKind::Domestic ? lao : vietnamese).insert(other->name);
        if (other->name == "Xã Hướng Lập") CHECK(shownKm(b) == Approx(28.4).margin(0.1));
    }
    CHECK(lao.size() >= 3);
    CHECK(lao.count("Nong"));
    CHECK(vietnamese.count("Xã Lao Bảo"));
    CHECK(vietnamese.count("Xã Hướng Lập"));
}
