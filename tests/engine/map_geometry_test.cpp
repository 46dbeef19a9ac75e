// Levels of detail are prepared only when first asked for (on the caller's
// thread, or by the background builder with a callback), kept in the
// prepared-data store, read back bit for bit, and rebuilt when damaged. The
// Viet Nam–Laos border is only the stretch along Viet Nam; the context
// countries are filled, their shared borders outlined, their names placed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <vector>

#include "engine/map_geometry.hpp"
#include "io/prepared_store.hpp"
#include "render/scene_fixtures.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::engine;
using namespace bl::test;

namespace {

// A province layer (filled) and a district layer of two units, in metres;
// the key stands for the source identity a real load gives.
std::shared_ptr<const Dataset> data(const std::string& root) {
    const double km = 1000.0;
    auto d = std::make_shared<Dataset>();
    d->dataRoot = root;
    MultiPolygon wiggly;  // enough vertices for the levels to differ
    Ring ring;
    for (int i = 0; i <= 400; ++i) ring.push_back({i * 0.25 * km, (i % 2) * 0.06 * km + (i % 40) * 0.5 * km});
    ring.push_back({100 * km, 100 * km});
    ring.push_back({0, 100 * km});
    ring.push_back(ring.front());
    wiggly.polygons.push_back({{ring}});
    Layer p;
    p.spec.id = "p";
    p.spec.path = "p.geojson";
    p.spec.level = Level::Province;
    p.preparedKey = "layer p (test)\n";
    p.units = {unit("P1", "Wiggly", wiggly)};
    Layer dl;
    dl.spec.id = "d";
    dl.spec.path = "d.geojson";
    dl.spec.level = Level::District;
    dl.preparedKey = "layer d (test)\n";
    dl.units = {unit("D1", "West", rect(0, 0, 50 * km, 100 * km)), unit("D2", "East", rect(50 * km, 0, 100 * km, 100 * km))};
    d->layers = {p, dl};
    return d;
}

}  // namespace

TEST_CASE("Map geometry: a level is prepared when first asked for, and only that level", "[engine][geometry]") {
    TempDir tmp;
    const MapGeometry g(data(tmp.path().string()));
    for (size_t l = 0; l < g.layerCount(); ++l)
        for (size_t level = 0; level < kLodCount; ++level) CHECK(g.lodIfReady(l, level) == nullptr);
    CHECK(g.borderBounds.empty());  // no Lao provinces
    const LayerLod& coarse = g.lod(0, 3);
    CHECK(g.lodIfReady(0, 3) == &coarse);
    CHECK(g.lodIfReady(0, 2) == nullptr);
    CHECK(g.lodIfReady(1, 3) == nullptr);
    CHECK(coarse.toleranceM == kLodTolerancesM[3]);
    REQUIRE(coarse.outlineRanges.size() == 1);
    REQUIRE(coarse.anchors.size() == 1);
    CHECK(g.filled(0));
    CHECK_FALSE(g.filled(1));
    CHECK_FALSE(coarse.fill.empty());
    CHECK(coarse.fill.size() % 3 == 0);
    // Coarser levels hold fewer vertices than full detail.
    const LayerLod& full = g.lod(0, 0);
    CHECK(coarse.outline.vertices.size() < full.outline.vertices.size());
    // Full detail labels where level 1 does (it adds nothing to where a label goes).
    REQUIRE(g.lodIfReady(0, 1) != nullptr);
    CHECK(full.anchors[0].position.x == g.lod(0, 1).anchors[0].position.x);
    // Districts: outlines and anchors, no fill.
    const LayerLod& d = g.lod(1, 2);
    CHECK(d.fill.empty());
    CHECK(d.outlineRanges.size() == 2);
    CHECK(d.anchors[1].position.x > d.anchors[0].position.x);
}

TEST_CASE("Map geometry: the background builder prepares a level and calls back", "[engine][geometry]") {
    TempDir tmp;
    const MapGeometry g(data(tmp.path().string()));
    std::promise<void> done;
    std::atomic<int> calls{0};
    g.request(0, 2, [&] {
        if (calls++ == 0) done.set_value();
    });
    REQUIRE(done.get_future().wait_for(std::chrono::seconds(30)) == std::future_status::ready);
    CHECK(g.lodIfReady(0, 2) != nullptr);
    CHECK(calls == 1);
    // Asked again once ready: nothing to do, no call.
    g.request(0, 2, [&] { ++calls; });
    CHECK(calls == 1);
    // The border level of a dataset without Lao provinces is an empty strip.
    CHECK(g.border(3).vertices.empty());
}

TEST_CASE("Map geometry: levels are kept in the store, read back bit for bit, rebuilt when damaged",
          "[engine][geometry][store]") {
    TempDir tmp;
    auto d = data(tmp.path().string());
    GeometryOptions opt;
    opt.store = std::make_shared<const io::PreparedStore>(tmp.file("store"));
    std::vector<std::string> notices;
    opt.notice = [&](const std::string& n) { notices.push_back(n); };
    std::string first;
    {
        const MapGeometry g(d, opt);
        first = encodeLod(g.lod(0, 2));
    }
    const std::string file = tmp.file("store/" + io::entryName(d->layers[0].spec, d->dataRoot, "lod2"));
    REQUIRE(std::filesystem::exists(file));
    {
        const MapGeometry g(d, opt);
        CHECK(encodeLod(g.lod(0, 2)) == first);
    }
    CHECK(notices.empty());
    // One flipped bit in a stored vertex: reported, rebuilt, the same again.
    std::string bytes;
    {
        std::ifstream in(file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    bytes[bytes.size() - 40] ^= 0x10;
    std::ofstream(file, std::ios::binary) << bytes;
    {
        const MapGeometry g(d, opt);
        CHECK(encodeLod(g.lod(0, 2)) == first);
    }
    REQUIRE(notices.size() == 1);
    CHECK_THAT(notices[0], Catch::Contains("lod2") && Catch::Contains("checksum"));
    // A changed source (another key) is another entry, not this one.
    auto changed = std::make_shared<Dataset>(*d);
    changed->layers[0].preparedKey = "layer p (test), edited\n";
    changed->layers[0].units[0].geometry = rect(0, 0, 1000, 1000);
    const MapGeometry g(changed, opt);
    CHECK(encodeLod(g.lod(0, 2)) != first);
}

TEST_CASE("Map geometry: a stored level whose ranges leave its arrays does not decode", "[engine][geometry][store]") {
    LayerLod lod;
    lod.outline.vertices.resize(4);
    lod.outlineRanges = {{0, 4}};
    lod.anchors.resize(1);
    REQUIRE(decodeLod(encodeLod(lod)));
    lod.outlineRanges = {{2, 4}};
    CHECK_FALSE(decodeLod(encodeLod(lod)));
    lod.outlineRanges = {{0, 4}};
    lod.fillRanges = {{0, 3}};  // no fill vertices
    CHECK_FALSE(decodeLod(encodeLod(lod)));
    const std::string bytes = encodeLod(LayerLod{});
    CHECK_FALSE(decodeLod(bytes.substr(0, bytes.size() - 1)));
}

namespace {

Layer provinceLayer(std::string id, Country c, std::vector<AdminUnit> units) {
    Layer l;
    l.spec.id = std::move(id);
    l.spec.country = c;
    l.spec.level = Level::Province;
    l.units = std::move(units);
    return l;
}

double lengthOf(const std::vector<LineString>& lines) {
    double total = 0;
    for (const auto& l : lines)
        for (size_t i = 1; i < l.size(); ++i) total += std::hypot(l[i].x - l[i - 1].x, l[i].y - l[i - 1].y);
    return total;
}

io::ContextFeature feature(std::string name, bool own, MultiPolygon g) {
    io::ContextFeature f;
    f.id = f.name = std::move(name);
    f.own = own;
    f.geometry = std::move(g);
    f.bounds = f.geometry.bounds();
    return f;
}

}  // namespace

TEST_CASE("Border stretches: only where the line runs along the other side, bridged across small departures",
          "[engine][geometry][border]") {
    const double km = 1000.0;
    const MultiPolygon east = rect(0, 0, 100 * km, 100 * km);
    // A closed square west of x = 0: only its east side runs along `east`.
    const LineString square{{-100 * km, 0}, {0, 0}, {0, 100 * km}, {-100 * km, 100 * km}, {-100 * km, 0}};
    auto s = stretchesAlong({square}, {&east}, 1000, 3000);
    REQUIRE(s.size() == 1);
    // The east side, and at its ends no more than the corridor's width along the other sides.
    CHECK(lengthOf(s) >= 100 * km);
    CHECK(lengthOf(s) <= 102 * km);
    for (const Vec2& p : s.front()) CHECK(p.x >= -1000 - 1.0);
    // An open line along x = 0 that leaves by 2 km once (bridged) and by 10 km once (cut there).
    LineString line;
    for (int i = 0; i <= 100; ++i) {
        const double x = i == 30 ? -2 * km : (i >= 60 && i <= 62) ? -10 * km : -0.2 * km;
        line.push_back({x, i * km});
    }
    s = stretchesAlong({line}, {&east}, 1000, 3000);
    REQUIRE(s.size() == 2);
    CHECK(s[0].front().y == 0);
    CHECK(s[0].back().y == Approx(59 * km).margin(0.5 * km));
    CHECK(s[1].front().y == Approx(63 * km).margin(0.5 * km));
    CHECK(s[1].back().y == 100 * km);
    // Nothing along: nothing.
    const MultiPolygon far = rect(500 * km, 0, 600 * km, 100 * km);
    CHECK(stretchesAlong({square}, {&far}, 1000, 3000).empty());
}

TEST_CASE("Map geometry: the Viet Nam-Laos border is only the stretch Laos shares with Viet Nam",
          "[engine][geometry][border]") {
    const double km = 1000.0;
    auto d = std::make_shared<Dataset>();
    d->layers.push_back(provinceLayer("vn", Country::VN, {unit("V", "V", rect(0, 0, 100 * km, 100 * km))}));
    // Laos reaches further south than Viet Nam: its west and south sides border someone else.
    d->layers.push_back(provinceLayer("la", Country::LA, {unit("L", "L", rect(-100 * km, -50 * km, 0, 100 * km))}));
    const MapGeometry g(d);
    const LineStrip& border = g.border(0);
    REQUIRE_FALSE(border.vertices.empty());
    for (const LineVertex& v : border.vertices) {
        CHECK(std::abs(v.x + g.origin.x) <= kBorderNearM + 1.0);  // on x = 0, ends within the corridor
        CHECK(v.y + g.origin.y > -kBorderNearM - 1.0);            // not south of Viet Nam (to within the corridor)
    }
    // Without Vietnamese provinces there is no Viet Nam-Laos border to draw.
    auto laoOnly = std::make_shared<Dataset>();
    laoOnly->layers.push_back(d->layers[1]);
    CHECK(MapGeometry(laoOnly).border(2).vertices.empty());
}

TEST_CASE("Map geometry: context countries are filled per feature, neighbours outlined only where they meet another",
          "[engine][geometry][context]") {
    const double km = 1000.0;
    auto d = std::make_shared<Dataset>();
    d->layers.push_back(provinceLayer("vn", Country::VN, {unit("V", "V", rect(0, 0, 100 * km, 100 * km))}));
    GeometryOptions opt;
    io::ContextLayer layer;
    layer.features.push_back(feature("Home", true, rect(-10 * km, -10 * km, 110 * km, 110 * km)));
    // The neighbour west of Home shares their whole common edge (x = -10 km, vertex for vertex).
    layer.features.push_back(feature("Westland", false, rect(-310 * km, -10 * km, -10 * km, 110 * km)));
    opt.context.push_back(std::move(layer));
    const MapGeometry g(d, opt);
    REQUIRE(g.contextFeatures().size() == 2);
    CHECK(g.contextIfReady(3) == nullptr);
    const LayerLod& c = g.context(3);
    CHECK(g.contextIfReady(3) == &c);
    REQUIRE(c.fillRanges.size() == 2);
    CHECK(c.fillRanges[0].count > 0);
    CHECK(c.fillRanges[1].count > 0);
    REQUIRE(c.outlineRanges.size() == 2);
    CHECK(c.outlineRanges[0].count == 0);  // the own country has no outline
    REQUIRE(c.outlineRanges[1].count > 0);
    for (uint32_t i = c.outlineRanges[1].first; i < c.outlineRanges[1].first + c.outlineRanges[1].count; ++i)
        CHECK(std::abs(c.outline.vertices[i].x + g.origin.x + 10 * km) < 1.0);  // the shared edge, no coast
    // Label sites: the neighbour's, inside it; never the own country's.
    const auto sites = g.contextLabelSites(Box{-400 * km, -50 * km, 150 * km, 150 * km});
    REQUIRE_FALSE(sites.empty());
    for (const auto& s : sites) {
        CHECK(s.feature == 1);
        CHECK(s.position.x < -10 * km);
        CHECK(s.radiusM > 0);
    }
    // A view over part of the neighbour: a site within that part.
    const Box part{-120 * km, 0, -20 * km, 100 * km};
    const auto near = g.contextLabelSites(part);
    CHECK(std::any_of(near.begin(), near.end(), [&](const ContextLabelSite& s) {
        return s.position.x >= part.minX && s.position.x <= part.maxX && s.position.y >= part.minY &&
               s.position.y <= part.maxY;
    }));
}
