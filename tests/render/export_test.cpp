// Annotated exports (render/map_export.hpp) of a small synthetic scene,
// offscreen through EGL: golden image, tiling, frame, legend, north arrow.
// Regenerate the golden image after an intended change with
//   BORDERLENS_UPDATE_GOLDEN=1 ./borderlens_tests "[export][golden]"
// and look at it before committing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/boundaries/crs.hpp"
#include "io/png_image.hpp"
#include "render/golden.hpp"
#include "render/scene_fixtures.hpp"
#include "render/headless_context.hpp"
#include "render/map_export.hpp"
#include "engine/map_data.hpp"
#include "engine/overlays.hpp"

using namespace bl;
using namespace bl::render;
using bl::test::checkGolden;
using bl::test::rect;
using bl::test::unit;
using bl::test::exportFixtureData;
using bl::test::fixtureLayer;
using bl::test::differingFraction;
namespace fs = std::filesystem;

namespace {

void context() {
    static auto ctx = HeadlessContext::create();
    if (!ctx) FAIL("headless OpenGL is required for the export tests: " << ctx.error().message);
    (*ctx)->makeCurrent();
}

std::shared_ptr<const Dataset> fixtureData() { return exportFixtureData(); }

struct Fixture {
    std::shared_ptr<const Dataset> data = fixtureData();
    std::shared_ptr<const MapGeometry> geometry = std::make_shared<const MapGeometry>(data);
    Result<FontSet> fonts = Error{};
    std::unique_ptr<MapRenderer> renderer;
    ExportSpec spec;

    explicit Fixture(double dpi = 96.0) {
        context();
        fonts = loadFonts(float(dpi / 96.0));
        if (!fonts) FAIL(fonts.error().message);
        auto r = MapRenderer::create(*fonts);
        if (!r) FAIL(r.error().message);
        renderer = std::move(*r);
        renderer->setData(data, geometry);
        spec.width = 640;
        spec.height = 400;
        spec.dpi = dpi;
        spec.frame = geometry->bounds;
        spec.scene.layerVisible = {1, 1, 1};
        spec.title = "Fixture – Đắk Ếp";
        spec.subtitle = "Synthetic units";
        spec.attribution = "Synthetic fixture; no real data";
    }
    void addPair() { bl::test::addFixturePair(spec); }
    io::RgbaImage render() {
        auto img = renderExport(*renderer, *fonts, *data, *geometry, spec);
        if (!img) FAIL(img.error().message);
        return *img;
    }
};

}  // namespace

TEST_CASE("An annotated export of the fixture pair matches its golden image", "[render][export][golden]") {
    Fixture fx;
    fx.addPair();
    const io::RgbaImage img = fx.render();
    REQUIRE(img.width == 640);
    REQUIRE(img.height == 400);
    checkGolden(img, "export_pair");
}

TEST_CASE("The boxes over an export cover nothing of its frame, whatever the page's shape", "[render][export][layout]") {
    Fixture fx;
    fx.addPair();
    fx.spec.info.push_back("A long line of information that the box wraps when the page is narrow, as it must");
    fx.spec.frame = {10e3, 10e3, 40e3, 30e3};  // 30 x 20 km in Đồng Dưới: small in the region, so the inset is drawn
    for (auto [w, h] : {std::pair{640, 400}, std::pair{400, 640}, std::pair{1000, 300}, std::pair{1600, 1000}}) {
        INFO(w << "x" << h);
        fx.spec.width = w;
        fx.spec.height = h;
        auto layout = layoutExport(*fx.fonts, *fx.data, *fx.geometry, fx.spec);
        REQUIRE(layout);
        CHECK(layout->boxes.size() >= 4);  // information, legend, north arrow, scale bar
        if (w == 1600) CHECK(layout->boxes.size() == 5);  // and the locator inset, where there is room
        Box frame;
        for (const Box& b : fx.spec.frame.empty() ? std::vector<Box>{} : std::vector<Box>{fx.spec.frame})
            for (Vec2 c : {Vec2{b.minX, b.minY}, Vec2{b.maxX, b.maxY}}) frame.extend(layout->camera.toScreen(c));
        for (const Box& box : layout->boxes) {
            INFO("box " << box.minX << "," << box.minY << " - " << box.maxX << "," << box.maxY << "; frame " << frame.minX
                        << "," << frame.minY << " - " << frame.maxX << "," << frame.maxY);
            const bool overlaps =
                box.minX < frame.maxX && frame.minX < box.maxX && box.minY < frame.maxY && frame.minY < box.maxY;
            CHECK_FALSE(overlaps);
        }
        // Inside the page, below the title band.
        CHECK(frame.minX >= 0);
        CHECK(frame.maxX <= w);
        CHECK(frame.minY >= 40);
        CHECK(frame.maxY <= h);
    }
}

TEST_CASE("A tiled export equals the untiled one", "[render][export]") {
    Fixture fx;
    fx.addPair();
    const io::RgbaImage whole = fx.render();
    fx.spec.maxTile = 150;  // 5 x 3 tiles, the last ones partial
    const io::RgbaImage tiled = fx.render();
    REQUIRE(tiled.width == whole.width);
    REQUIRE(tiled.height == whole.height);
    CHECK(differingFraction(whole, tiled, 8) < 0.0005);
}

TEST_CASE("The export frame keeps the focus unit inside the image, clear of the title band", "[render][export]") {
    Fixture fx;
    fx.spec.frame = fx.data->layers[1].units[1].bounds;  // Đồng Dưới
    for (auto [w, h] : {std::pair{480, 360}, std::pair{300, 600}, std::pair{1000, 200}}) {
        fx.spec.width = w;
        fx.spec.height = h;
        const Camera cam = exportCamera(fx.spec, *fx.fonts, *fx.data, *fx.geometry);
        const Box& b = fx.spec.frame;
        for (Vec2 corner : {Vec2{b.minX, b.minY}, Vec2{b.maxX, b.maxY}}) {
            const Vec2 p = cam.toScreen(corner);
            CHECK(p.x >= 0);
            CHECK(p.x <= w);
            CHECK(p.y >= 40);  // below the title band
            CHECK(p.y <= h);
        }
    }
}

TEST_CASE("The legend lists exactly what the frame shows", "[render][export]") {
    Fixture fx;
    const Camera cam = exportCamera(fx.spec, *fx.fonts, *fx.data, *fx.geometry);
    auto texts = [&] {
        std::vector<std::string> out;
        for (const auto& e : legendFor(*fx.data, *fx.geometry, fx.spec.scene, cam)) out.push_back(e.text);
        return out;
    };
    auto has = [](const std::vector<std::string>& v, const std::string& prefix) {
        return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.rfind(prefix, 0) == 0; });
    };
    auto all = texts();
    CHECK(has(all, "Viet Nam (2025 units)"));
    CHECK(has(all, "Laos (2019 units)"));
    CHECK(has(all, "Viet Nam\u2013Laos border"));
    CHECK_FALSE(has(all, "Viet Nam\u2013Laos border, sources disagree"));  // the two sides coincide here
    CHECK_FALSE(has(all, "Neighbouring countries"));                       // no context in this fixture
    CHECK(has(all, "District boundary"));
    CHECK_FALSE(has(all, "Commune"));
    // Hiding the Lao layer removes its fill and its boundary.
    fx.spec.scene.layerVisible = {1, 1, 0};
    all = texts();
    CHECK_FALSE(has(all, "Laos"));
    CHECK_FALSE(has(all, "Province boundary (LA)"));
}

TEST_CASE("The north arrow follows the meridian of the conic projection", "[render][export]") {
    Camera cam;
    cam.width = cam.height = 100;
    cam.center = threadCrs().forward({106.0, 18.0});
    CHECK(std::abs(northAngle(cam)) < 1e-6);
    cam.center = threadCrs().forward({102.0, 20.0});
    const double west = northAngle(cam);
    cam.center = threadCrs().forward({109.0, 16.0});
    const double east = northAngle(cam);
    // Meridians converge to the north: west of 106°E north leans right (clockwise), east of it left.
    CHECK(west > 0.01);
    CHECK(east < -0.01);
}

TEST_CASE("A 192-dpi export scales text and symbols with the DPI", "[render][export]") {
    Fixture lo(96.0), hi(192.0);
    CHECK(hi.fonts->label.size == Approx(2 * lo.fonts->label.size));
    hi.spec.width = 1280;
    hi.spec.height = 800;
    const Camera a = exportCamera(lo.spec, *lo.fonts, *lo.data, *lo.geometry), b = exportCamera(hi.spec, *hi.fonts, *hi.data, *hi.geometry);
    // The same ground in twice the pixels.
    CHECK(b.metresPerPixel == Approx(a.metresPerPixel / 2).epsilon(0.01));
}

TEST_CASE("The legend of a viewer export lists its selection, pair, shared border and gates", "[render][export][real]") {
    auto session = engine::Session::open({});
    REQUIRE(session);
    engine::MapRequest req;
    req.news = true;  // every layer and the documents, as the viewer has them
    auto map = engine::prepareMap(**session, req);
    REQUIRE(map);
    const engine::MapData& m = **map;
    const std::string vintage = (*session)->vintages().current;
    const engine::LinkOverlay lo = engine::linkOverlay(m, 0, vintage, engine::kLinkColour);
    REQUIRE(lo.drawn);
    REQUIRE(lo.drawn->border);
    auto fonts = loadFonts(1.0f);
    REQUIRE(fonts);
    auto legendOf = [&](const engine::Overlay& overlay, UnitKey selected) {
        engine::ExportRequest r;
        r.output = "map.png";
        r.vintage = vintage;
        r.frame = lo.frame;
        r.overlay = overlay;
        r.selected = selected;
        auto spec = engine::buildExportSpec(r, m);
        if (!spec) FAIL(spec.error().message);
        const Camera cam = exportCamera(*spec, *fonts, *m.dataset, *m.geometry);
        std::vector<std::string> texts;
        for (const auto& e : legendFor(*m.dataset, *m.geometry, spec->scene, cam)) texts.push_back(e.text);
        for (const auto& e : overlayLegend(*m.dataset, spec->scene, cam)) texts.push_back(e.text);
        return texts;
    };
    auto has = [](const std::vector<std::string>& v, const std::string& text) {
        return std::find(v.begin(), v.end(), text) != v.end();
    };
    // The viewer with pair 0 shown and its Vietnamese unit selected.
    engine::Overlay shown = lo.overlay;
    engine::addSymbols(shown, engine::gateSymbols(*m.curated));
    shown.segments.push_back(engine::gateUncertainty(*m.curated));
    const UnitKey selected = m.dataset->keyOf(lo.drawn->vn);
    auto texts = legendOf(shown, selected);
    std::string all;
    for (const auto& t : texts) all += t + "; ";
    INFO(all);
    CHECK(has(texts, "Selected: " + lo.drawn->vn->name));
    CHECK(has(texts, "Linked pair (units, connector)"));
    CHECK(has(texts, "Shared border (" + lo.overlay.segments.front().label + ")"));
    CHECK((has(texts, "Border gate") || has(texts, "Border gate, approximate position")));
    CHECK(has(texts, "Border gate position uncertainty"));
    // The adjacency explorer's shared border: a neighbouring pair, no selection, no gates.
    texts = legendOf(engine::sharedBorderOverlay(*lo.drawn->border, *m.dataset, *m.geometry, engine::kPairColour), {});
    CHECK(has(texts, "Neighbouring pair (units, connector)"));
    CHECK_FALSE(has(texts, "Linked pair (units, connector)"));
    CHECK(std::none_of(texts.begin(), texts.end(), [](const std::string& t) { return t.rfind("Selected", 0) == 0; }));
    CHECK(std::none_of(texts.begin(), texts.end(), [](const std::string& t) { return t.rfind("Border gate", 0) == 0; }));
}

TEST_CASE("The legend lists neighbouring countries, and both border lines only where they are seen apart",
          "[render][export][context]") {
    context();
    const double km = 1000.0;
    auto d = std::make_shared<Dataset>();
    d->layers.push_back(
        fixtureLayer("vn_p", Country::VN, Level::Province, "2025", {unit("1", "Đắk Ếp", rect(0, 0, 100 * km, 100 * km))}));
    // The Lao side leaves Viet Nam's line by 2.5 km for 10 km: still the border (bridged), drawn apart.
    MultiPolygon lao;
    lao.polygons.push_back({{{{-100 * km, 0},
                              {0, 0},
                              {0, 45 * km},
                              {-2.5 * km, 45 * km},
                              {-2.5 * km, 55 * km},
                              {0, 55 * km},
                              {0, 100 * km},
                              {-100 * km, 100 * km},
                              {-100 * km, 0}}}});
    d->layers.push_back(fixtureLayer("la_p", Country::LA, Level::Province, "2019", {unit("L1", "Muang Xé", lao)}));
    GeometryOptions opt;
    io::ContextLayer countries;
    io::ContextFeature west;
    west.name = "Westland";
    west.geometry = rect(-300 * km, 0, -100 * km, 100 * km);
    west.bounds = west.geometry.bounds();
    countries.features.push_back(west);
    opt.context.push_back(countries);
    const MapGeometry g(d, opt);
    auto fonts = loadFonts(1.0f);
    REQUIRE(fonts);
    ExportSpec spec;
    spec.width = 640;
    spec.height = 400;
    spec.scene.layerVisible = {1, 1};
    auto texts = [&](const Box& frame) {
        spec.frame = frame;
        std::vector<std::string> out;
        for (const auto& e : legendFor(*d, g, spec.scene, exportCamera(spec, *fonts, *d, g))) out.push_back(e.text);
        return out;
    };
    auto has = [](const std::vector<std::string>& v, const std::string& text) {
        return std::find(v.begin(), v.end(), text) != v.end();
    };
    auto near = texts({-20 * km, 35 * km, 20 * km, 65 * km});  // about 80 m a pixel: 2.5 km is 30 pixels
    CHECK(has(near, "Viet Nam\u2013Laos border"));
    CHECK(has(near, "Viet Nam\u2013Laos border, sources disagree"));
    CHECK_FALSE(has(near, "Neighbouring countries"));
    auto far = texts({-350 * km, -100 * km, 150 * km, 200 * km});  // about 1 km a pixel: 2.5 km hides under the casing
    CHECK(has(far, "Viet Nam\u2013Laos border"));
    CHECK_FALSE(has(far, "Viet Nam\u2013Laos border, sources disagree"));
    CHECK(has(far, "Neighbouring countries"));
    // A view of the bump's other end only: no border stretch apart in it.
    auto south = texts({-20 * km, -40 * km, 20 * km, -10 * km});
    CHECK_FALSE(has(south, "Viet Nam\u2013Laos border, sources disagree"));
}
