// Vector exports (render/vector_export.hpp) of a small synthetic scene, in
// process: the PDF rasterised agrees with the OpenGL export of the same
// spec, its text is text, an atlas has one page per spec at each spec's
// size, an SVG holds one page, an existing file is kept without force.
// Read back with poppler-utils (render/pdf_tools.hpp).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "render/golden.hpp"
#include "render/headless_context.hpp"
#include "render/map_export.hpp"
#include "render/pdf_tools.hpp"
#include "render/scene_fixtures.hpp"
#include "render/vector_export.hpp"
#include "skip.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::render;
using namespace bl::test;

namespace {


// Two Vietnamese districts of one province east of a border at x = 0
// (106°E in the working CRS), a Lao province west of it; made-up names.
// The pair, its shared border, a connector and a gate as the overlay.
struct Fixture {
    std::shared_ptr<const Dataset> data;
    std::shared_ptr<const MapGeometry> geometry;
    Result<FontSet> fonts = Error{};
    ExportSpec spec;

    Fixture() {
        data = exportFixtureData();
        geometry = std::make_shared<const MapGeometry>(data);
        fonts = loadFonts(1.0f);
        if (!fonts) FAIL(fonts.error().message);
        spec.width = 640;
        spec.height = 400;
        spec.frame = geometry->bounds;
        spec.scene.layerVisible = {1, 1, 1};
        spec.title = "Fixture – Đắk Ếp";
        spec.subtitle = "Synthetic units";
        spec.attribution = "Synthetic fixture, no real data";
        addFixturePair(spec);
    }

    Result<VectorOutcome> write(const std::string& path, VectorFormat format, const std::vector<ExportSpec>& pages,
                                bool force = false) const {
        return writeVectorExport(path, force, format, *fonts, *data, *geometry, pages);
    }
};

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("A PDF of the fixture pair rasterised at its DPI looks like its OpenGL export", "[render][export][vector]") {
    if (const std::string tool = missingPopplerTool(); !tool.empty())
        BL_SKIP(tool << " is not installed (scripts/setup installs poppler-utils)");
    static auto ctx = HeadlessContext::create();
    if (!ctx) FAIL("headless OpenGL is required to compare with the PNG export: " << ctx.error().message);
    (*ctx)->makeCurrent();
    Fixture fx;
    auto renderer = MapRenderer::create(*fx.fonts);
    REQUIRE(renderer);
    (*renderer)->setData(fx.data, fx.geometry);
    auto png = renderExport(**renderer, *fx.fonts, *fx.data, *fx.geometry, fx.spec);
    REQUIRE(png);

    TempDir tmp;
    const std::string pdf = tmp.file("pair.pdf");
    auto written = fx.write(pdf, VectorFormat::Pdf, {fx.spec});
    REQUIRE(written);
    CHECK(written->pages == 1);
    CHECK(written->bytes == fs::file_size(pdf));
    const io::RgbaImage raster = rasterisePdf(pdf, 96, tmp.file("pair-pdf"));
    CHECK(raster.width == 640);
    // Measured: mean 2.3-2.8 per channel, 1.0% more than 64 apart, 0.80% and
    // 0.47% unmatched (the pair's outlines and shared border lie on pixel
    // edges: poppler snaps them, the purple border shows beside the outline).
    checkLooksAlike(*png, raster, "fixture pair", 0.012);
    CHECK(pdfImageCount(pdf) == 0);

    // The words are text, diacritics intact.
    const std::string text = pdfText(pdf);
    INFO(text);
    for (const char* words : {"Fixture – Đắk Ếp", "Synthetic units", "Đắk Ếp – Muang Xé", "Twinning, 2025-01-01",
                              "Muang Xé", "Gate A", "90.0 km", "Legend", "Synthetic fixture, no real data"})
        CHECK_THAT(text, Catch::Contains(words));
}

TEST_CASE("An atlas PDF has one page per spec, each at its own size with its own title", "[render][export][vector]") {
    if (const std::string tool = missingPopplerTool(); !tool.empty())
        BL_SKIP(tool << " is not installed (scripts/setup installs poppler-utils)");
    Fixture fx;
    ExportSpec second = fx.spec;
    second.width = 800;
    second.height = 400;
    second.title = "Second page – Ở Trên";
    second.frame = fx.data->layers[1].units[0].bounds;
    TempDir tmp;
    const std::string pdf = tmp.file("atlas.pdf");
    auto written = fx.write(pdf, VectorFormat::Pdf, {fx.spec, second});
    REQUIRE(written);
    CHECK(written->pages == 2);
    CHECK(pdfInfoField(pdf, "Pages") == "2");
    const auto sizes = pdfPageSizes(pdf);
    REQUIRE(sizes.size() == 2);
    CHECK(sizes[0].width == Approx(480).margin(0.01));  // 640 x 400 px at 96 dpi
    CHECK(sizes[0].height == Approx(300).margin(0.01));
    CHECK(sizes[1].width == Approx(600).margin(0.01));  // 800 x 400 px
    CHECK(sizes[1].height == Approx(300).margin(0.01));
    const std::string one = pdfText(pdf, 1), two = pdfText(pdf, 2);
    CHECK_THAT(one, Catch::Contains("Fixture – Đắk Ếp") && !Catch::Contains("Second page"));
    CHECK_THAT(two, Catch::Contains("Second page – Ở Trên") && !Catch::Contains("Fixture – Đắk Ếp"));
    // The document's title is the first page's when none is given.
    CHECK(pdfInfoField(pdf, "Title") == "Fixture – Đắk Ếp");
    // Each page drawn, not blank: rasterised, the second is its own size and not one colour.
    const io::RgbaImage page2 = rasterisePdf(pdf, 96, tmp.file("page2"), 2);
    REQUIRE(page2.width == 800);
    REQUIRE(page2.height == 400);
    CHECK(differingFraction(page2, io::RgbaImage{800, 400, std::vector<uint8_t>(page2.pixels.size(), 255)}, 24) > 0.2);
}

TEST_CASE("An SVG holds one page: two specs are refused naming .pdf, one is written", "[render][export][vector]") {
    Fixture fx;
    TempDir tmp;
    const std::string svg = tmp.file("atlas.svg");
    auto refused = fx.write(svg, VectorFormat::Svg, {fx.spec, fx.spec});
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::Contains(".pdf") && Catch::Contains("atlas.svg"));
    CHECK(fs::is_empty(tmp.path()));
    auto one = fx.write(svg, VectorFormat::Svg, {fx.spec});
    REQUIRE(one);
    CHECK(one->pages == 1);
    const std::string bytes = slurp(svg);
    CHECK(one->bytes == bytes.size());
    CHECK(bytes.rfind("<?xml", 0) == 0);
    CHECK_THAT(bytes, Catch::Contains("width=\"480pt\" height=\"300pt\""));
    const std::string trimmed = bytes.substr(0, bytes.find_last_not_of('\n') + 1);
    CHECK_THAT(trimmed, Catch::EndsWith("</svg>"));
    // No pages at all is an error too, and writes nothing.
    CHECK_FALSE(fx.write(tmp.file("none.pdf"), VectorFormat::Pdf, {}));
    CHECK_FALSE(fs::exists(tmp.file("none.pdf")));
}

TEST_CASE("A vector export keeps an existing file unless forced", "[render][export][vector][output]") {
    Fixture fx;
    TempDir tmp;
    const std::string before = "not yet a map";
    const std::string pdf = tmp.write("map.pdf", before);
    auto refused = fx.write(pdf, VectorFormat::Pdf, {fx.spec});
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::Contains("map.pdf"));
    CHECK(slurp(pdf) == before);
    auto forced = fx.write(pdf, VectorFormat::Pdf, {fx.spec}, true);
    REQUIRE(forced);
    const std::string after = slurp(pdf);
    CHECK(after.rfind("%PDF-", 0) == 0);
    CHECK(after.size() == forced->bytes);
    // No temporary left beside it.
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(tmp.path())) files += e.is_regular_file();
    CHECK(files == 1);
}
