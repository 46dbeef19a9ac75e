// The renderer drawn offscreen through EGL (Mesa llvmpipe on CI) on a small
// synthetic scene, compared with golden images in tests/golden/render.
// Regenerate them after an intended change with
//   BORDERLENS_UPDATE_GOLDEN=1 ./borderlens_tests "[golden]"
// and look at them before committing.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <thread>
#include <filesystem>

#include "core/boundaries/cartography.hpp"
#include "io/png_image.hpp"
#include "render/golden.hpp"
#include "render/scene_fixtures.hpp"
#include "render/framebuffer.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"

using namespace bl;
using namespace bl::render;
using bl::test::checkGolden;
using bl::test::rect;
using bl::test::unit;
using bl::test::differingFraction;
namespace fs = std::filesystem;

namespace {

render::HeadlessContext& context() {
    static auto ctx = HeadlessContext::create();
    if (!ctx) FAIL("headless OpenGL is required for the renderer tests: " << ctx.error().message);
    (*ctx)->makeCurrent();
    return **ctx;
}

const FontSet& fonts() {
    static auto f = loadFonts(1.0f);
    if (!f) FAIL(f.error().message);
    return *f;
}

Layer layer(std::string id, Country c, Level l, std::vector<AdminUnit> units) {
    Layer layer;
    layer.spec.id = std::move(id);
    layer.spec.country = c;
    layer.spec.level = l;
    layer.spec.vintage.label = "2025";
    layer.units = std::move(units);
    return layer;
}

// Two 100 km provinces either side of a border at x = 0 (working CRS, near
// 18N 106E), the Vietnamese one split into two districts. Names are made up
// and carry diacritics that a font without Vietnamese coverage cannot show.
std::shared_ptr<const Dataset> fixtureData() {
    auto d = std::make_shared<Dataset>();
    const double km = 1000.0;
    // A notch in the Lao province makes the pole of inaccessibility differ from the centre.
    MultiPolygon lao;
    lao.polygons.push_back({{{{-100 * km, 0},
                              {0, 0},
                              {0, 100 * km},
                              {-100 * km, 100 * km},
                              {-100 * km, 60 * km},
                              {-60 * km, 60 * km},
                              {-60 * km, 40 * km},
                              {-100 * km, 40 * km},
                              {-100 * km, 0}}}});
    d->layers.push_back(
        layer("vn_p", Country::VN, Level::Province, {unit("1", "Đắk Ếp", rect(0, 0, 100 * km, 100 * km))}));
    d->layers.push_back(layer("vn_d", Country::VN, Level::District,
                              {unit("11", "Ở Trên", rect(0, 50 * km, 100 * km, 100 * km)),
                               unit("12", "Đồng Dưới", rect(0, 0, 100 * km, 50 * km))}));
    d->layers.push_back(layer("la_p", Country::LA, Level::Province, {unit("L1", "Muang Xé", lao)}));
    return d;
}

struct Fixture {
    std::shared_ptr<const Dataset> data = fixtureData();
    std::shared_ptr<const MapGeometry> geometry = std::make_shared<const MapGeometry>(data);
    Scene scene;
    Camera camera;

    Fixture() {
        scene.layerVisible = {1, 1, 1};
        scene.style.attribution = "Synthetic fixture";
        camera.width = 400;
        camera.height = 300;
        camera.fit(geometry->bounds, 24.0);
    }
    void addOverlay() {
        const double km = 1000.0;
        scene.overlay.highlights.push_back({{2, 0}, {0.85f, 0.15f, 0.55f, 1.0f}});
        scene.overlay.segments.push_back(
            {{{{0, 10 * km}, {0, 90 * km}}}, {0.85f, 0.15f, 0.55f, 1.0f}, 5.0f, "80.0 km"});
        scene.overlay.connectors.push_back({{-30 * km, 80 * km}, {60 * km, 80 * km}, {0.85f, 0.15f, 0.55f, 1.0f}, ""});
        scene.overlay.symbols.push_back({{0, 30 * km}, SymbolKind::BorderGate, false, "Gate A"});
        scene.overlay.symbols.push_back({{-40 * km, 15 * km}, SymbolKind::Station, true, "Station B"});
    }
    io::RgbaImage render(MapRenderer& r) {
        auto fb = Framebuffer::create(camera.width, camera.height);
        if (!fb) FAIL(fb.error().message);
        r.setData(data, geometry);
        r.draw(fb->target(), camera, scene);
        return fb->read();
    }
};

std::unique_ptr<MapRenderer> makeRenderer() {
    context();
    auto r = MapRenderer::create(fonts());
    if (!r) FAIL(r.error().message);
    return std::move(*r);
}

std::array<int, 3> pixel(const io::RgbaImage& img, Vec2 p) {
    const uint8_t* px = img.at(int(p.x), int(p.y));
    return {px[0], px[1], px[2]};
}

}  // namespace

TEST_CASE("The fixture scene renders as its golden image", "[render][golden]") {
    auto renderer = makeRenderer();
    Fixture fx;
    const io::RgbaImage img = fx.render(*renderer);
    REQUIRE(img.width == 400);
    REQUIRE(img.height == 300);
    // Vietnam warm, Laos green, far from any line or label.
    const auto vn = pixel(img, fx.camera.toScreen({95000, 3000}));
    const auto la = pixel(img, fx.camera.toScreen({-95000, 3000}));
    CHECK(vn[0] > vn[2] + 20);
    CHECK(la[1] > la[0] + 10);
    // The Viet Nam–Laos border (x = 0) is the darkest line, in the border's purple.
    const auto border = pixel(img, fx.camera.toScreen({0, 20000}));
    CHECK(border[0] + border[1] + border[2] < 300);
    CHECK(border[2] > border[1] + 40);
    // Laos's other sides are only its province outline (green), not the border.
    const auto west = pixel(img, fx.camera.toScreen({-100000, 20000}));
    CHECK(west[1] > west[2]);
    CHECK(renderer->lastStats().labelsPlaced >= 3);
    checkGolden(img, "fixture_scene");
}

TEST_CASE("The overlay scene renders as its golden image, labels never overlap", "[render][golden]") {
    auto renderer = makeRenderer();
    Fixture fx;
    fx.addOverlay();
    fx.scene.selected = {1, 0};
    const io::RgbaImage img = fx.render(*renderer);
    const auto& boxes = renderer->lastLabelBoxes();
    REQUIRE(boxes.size() >= 4);
    for (size_t i = 0; i < boxes.size(); ++i)
        for (size_t j = i + 1; j < boxes.size(); ++j) {
            const Box &a = boxes[i], &b = boxes[j];
            CHECK_FALSE((a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY));
        }
    // The shared segment is drawn in the pair colour.
    const auto seg = pixel(img, fx.camera.toScreen({0, 60000}));
    CHECK(seg[0] > 150);
    CHECK(seg[1] < 100);
    checkGolden(img, "overlay_scene");
}

TEST_CASE("The golden comparison notices a changed rendering", "[render][golden]") {
    auto renderer = makeRenderer();
    Fixture fx;
    fx.scene.layerVisible = {1, 0, 0};  // Laos and the districts hidden
    const io::RgbaImage changed = fx.render(*renderer);
    auto expected = io::readPng(std::string(BORDERLENS_GOLDEN_DIR) + "/render/fixture_scene.png");
    REQUIRE(expected.ok());
    CHECK(differingFraction(changed, *expected) > 0.05);
}

TEST_CASE("Framebuffers larger than OpenGL allows are refused with a clear error", "[render]") {
    context();
    auto fb = Framebuffer::create(1 << 20, 10);
    REQUIRE_FALSE(fb.ok());
    CHECK_THAT(fb.error().message, Catch::Contains("outside what this OpenGL allows"));
}

TEST_CASE("In the background mode a frame never waits: the nearest prepared level is drawn, then the one wanted",
          "[render][geometry]") {
    auto renderer = makeRenderer();
    Fixture fx;
    const io::RgbaImage blocking = fx.render(*renderer);  // the default: levels prepared during draw
    const size_t wanted = renderer->lastStats().lod;
    CHECK(renderer->lastStats().levelsMissing == 0);

    // A fresh geometry with only a coarser level ready: that one is drawn,
    // the wanted one is asked for, and the callback says when it is ready.
    // (What the callback touches is declared first: it outlives the builder.)
    std::promise<void> ready;
    std::atomic<bool> once{false};
    Fixture fresh;
    REQUIRE(wanted + 1 < engine::kLodCount);
    for (size_t l = 0; l < fresh.geometry->layerCount(); ++l) (void)fresh.geometry->lod(l, wanted + 1);
    (void)fresh.geometry->border(wanted + 1);
    renderer->setBackgroundPreparation([&] {
        if (!once.exchange(true)) ready.set_value();
    });
    auto fb = Framebuffer::create(fresh.camera.width, fresh.camera.height);
    REQUIRE(fb);
    renderer->setData(fresh.data, fresh.geometry);
    renderer->draw(fb->target(), fresh.camera, fresh.scene);
    CHECK(renderer->lastStats().levelsMissing > 0);
    const io::RgbaImage meanwhile = fb->read();
    CHECK(differingFraction(meanwhile, blocking) < 0.2);  // a coarser map, not an empty one
    REQUIRE(ready.get_future().wait_for(std::chrono::seconds(30)) == std::future_status::ready);
    for (int i = 0; i < 1500 && fresh.geometry->pending() > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(fresh.geometry->pending() == 0);
    renderer->draw(fb->target(), fresh.camera, fresh.scene);
    CHECK(renderer->lastStats().levelsMissing == 0);
    CHECK(differingFraction(fb->read(), blocking) < 0.005);
    renderer->setBackgroundPreparation({});
}
