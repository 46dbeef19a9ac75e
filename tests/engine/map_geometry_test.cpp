// Levels of detail are prepared only when first asked for (on the caller's
// thread, or by the background builder with a callback), kept in the
// prepared-data store, read back bit for bit, and rebuilt when damaged.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
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
