#include <catch2/catch.hpp>

#include "core/boundaries/vintage.hpp"
#include "support.hpp"

using namespace bl;

namespace {
LayerSpec vnLayer(const std::string& label, Level level, const std::string& validTo) {
    LayerSpec s;
    s.id = "vn_" + label + "_" + toString(level);
    s.country = Country::VN;
    s.level = level;
    s.vintage = {label, "", validTo};
    return s;
}
}  // namespace

TEST_CASE("The vintage policy comes from the catalog's layers and descriptions", "[vintage]") {
    const std::vector<LayerSpec> layers = {vnLayer("2031", Level::Province, ""), vnLayer("2031", Level::Commune, ""),
                                           vnLayer("2020", Level::Province, "2030-12-31"),
                                           vnLayer("2020", Level::District, "2030-12-31")};
    const VintagePolicy p = makeVintagePolicy(layers, {{"2031", "after the reform"}}, "");
    REQUIRE(p.systems.size() == 2);
    CHECK(p.systems[0].label == "2020");  // oldest first
    CHECK(p.current == "2031");           // the one still valid
    CHECK(p.systems[1].finest() == Level::Commune);
    CHECK(p.systems[1].title() == "2031 (after the reform)");
    CHECK(p.forLevel(Level::District) == "2020");
    CHECK(p.forLevel(Level::Commune) == "2031");
    CHECK(p.forLevel(Level::Province) == "2031");
    CHECK(p.choices() == "2020 or 2031");
    CHECK(p.check("2031", "--vintage"));
    auto bad = p.check("2025", "--vintage");
    REQUIRE_FALSE(bad);
    CHECK_THAT(bad.error().message, Catch::StartsWith("--vintage must be 2020 or 2031"));
    CHECK(makeVintagePolicy(layers, {}, "2020").current == "2020");  // the catalog's "default" wins
}

TEST_CASE("The real catalog describes both Vietnamese systems", "[vintage][real]") {
    const VintagePolicy& p = test::realCatalog().vintages;
    REQUIRE(p.systems.size() == 2);
    CHECK(p.current == p.systems.back().label);
    CHECK(p.systems.front().has(Level::District));
    CHECK_FALSE(p.systems.back().has(Level::District));
    CHECK(p.systems.back().has(Level::Commune));
    for (const auto& s : p.systems) CHECK_FALSE(s.description.empty());
}
