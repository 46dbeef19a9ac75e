// `borderlens export` with the context layer (neighbouring countries under
// the map) and the Viet Nam–Laos border symbol, headless: on the real data
// (Thailand grey, not sea; the bold border along Viet Nam, not along the
// Mekong) and on a synthetic context next to the fixture provinces (a
// neighbour grey, a gap between provinces land, a missing context file a
// warning and still a map).
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "core/boundaries/crs.hpp"
#include "io/png_image.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

struct Rgb {
    int r, g, b;
};

// Colours of the renderer (render/map_renderer.cpp) as 8-bit values.
constexpr Rgb kNeighbour{214, 214, 212};
constexpr Rgb kOwnLand{245, 242, 232};
constexpr Rgb kSea{230, 237, 245};
constexpr Rgb kBorder{84, 20, 92};

bool near(const uint8_t* px, Rgb c, int tolerance) {
    return std::abs(px[0] - c.r) + std::abs(px[1] - c.g) + std::abs(px[2] - c.b) <= tolerance;
}

// An exported PNG with its world file: pixels by lon/lat.
struct GeoImage {
    io::RgbaImage image;
    double a = 0, e = 0, c = 0, f = 0;

    // The pixel holding (lon, lat); false outside the image.
    bool pixelOf(LonLat ll, int& col, int& row) const {
        const Vec2 p = threadCrs().forward(ll);
        col = int(std::floor((p.x - c) / a + 0.5));
        row = int(std::floor((p.y - f) / e + 0.5));
        return col >= 0 && row >= 0 && col < image.width && row < image.height;
    }
    // How many pixels of the (2r+1)² window around (lon, lat) are within `tolerance` of `colour`.
    int count(LonLat ll, int r, Rgb colour, int tolerance = 12) const {
        int col = 0, row = 0;
        if (!pixelOf(ll, col, row)) FAIL("" << ll.lon << "E " << ll.lat << "N is outside the image");
        int n = 0;
        for (int y = std::max(0, row - r); y <= std::min(image.height - 1, row + r); ++y)
            for (int x = std::max(0, col - r); x <= std::min(image.width - 1, col + r); ++x)
                n += near(image.at(x, y), colour, tolerance);
        return n;
    }
};

GeoImage exported(const std::string& args, std::string* err = nullptr) {
    TempDir tmp;
    const std::string out = tmp.file("map.png");
    const RunResult r = runBorderlens(args + " -o " + out + " --georef");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    if (err) *err = r.err;
    GeoImage g;
    auto img = io::readPng(out);
    REQUIRE(img.ok());
    g.image = std::move(*img);
    std::ifstream wf(tmp.file("map.pgw"));
    double b = 0, d = 0;
    REQUIRE(wf >> g.a >> d >> b >> g.e >> g.c >> g.f);
    return g;
}

// A catalog of the fixture provinces with a context layer at `contextPath`.
std::string contextCatalog(const TempDir& tmp, const std::string& contextPath) {
    return tmp.write("catalog.json", R"({"attribution": "Synthetic", "layers": [
        {"id": "fx_provinces", "path": ")" +
                                         fixture("provinces.geojson") + R"(", "layer": "provinces",
         "country": "VN", "level": "province", "vintage": {"label": "2023"},
         "fields": {"id": "pid", "name": "pname"}}],
      "context": [{"id": "fx_countries", "path": ")" +
                                         contextPath + R"(",
         "fields": {"id": "cid", "name": "cname"}, "countries": {"VN": "704"}, "attribution": "Made up"}]})");
}

}  // namespace

TEST_CASE("export of the whole area: neighbours grey, and the bold border only where Laos meets Viet Nam",
          "[cli][export][context][real]") {
    const GeoImage g = exported("-q export --size 1600x1000");
    // Well inside Thailand (Khon Kaen): the neighbours' grey, no sea.
    CHECK(g.count({102.83, 16.43}, 4, kNeighbour) >= 60);
    CHECK(g.count({102.83, 16.43}, 4, kSea, 6) == 0);
    // The Gulf of Tonkin stays sea.
    CHECK(g.count({107.6, 19.3}, 4, kSea, 6) >= 70);
    // The bold border symbol along the Viet Nam–Laos border...
    for (LonLat on : {LonLat{103.6436, 20.7056}, LonLat{104.9807, 20.0855}, LonLat{105.2875, 18.2589},
                      LonLat{106.3434, 17.1669}, LonLat{107.2439, 16.1477}}) {
        INFO(on.lon << "E " << on.lat << "N");
        CHECK(g.count(on, 4, kBorder, 40) >= 3);
    }
    // ...and not along Laos's borders with Thailand (the Mekong at Vientiane
    // and Savannakhet, and west of Vientiane), Cambodia and China.
    for (LonLat off : {LonLat{102.8358, 17.9583}, LonLat{102.6, 17.97}, LonLat{101.6736, 17.9044},
                       LonLat{104.7515, 16.8735}, LonLat{106.1217, 14.3582}, LonLat{101.7255, 21.8847}}) {
        INFO(off.lon << "E " << off.lat << "N");
        CHECK(g.count(off, 6, kBorder, 40) == 0);
    }
}

TEST_CASE("export around Vientiane: Thailand grey across the Mekong, no Viet Nam-Laos border symbol",
          "[cli][export][context][real]") {
    const GeoImage g = exported("-q export --size 900x600 --bbox 102.3,17.7,102.95,18.15");
    CHECK(g.count({102.75, 17.78}, 5, kNeighbour) >= 60);
    int purple = 0;
    for (int y = 0; y < g.image.height; ++y)
        for (int x = 0; x < g.image.width; ++x) purple += near(g.image.at(x, y), kBorder, 40);
    CHECK(purple == 0);
}

TEST_CASE("export with a synthetic context: a neighbour grey, land between provinces, no sea inside the country",
          "[cli][export][context]") {
    TempDir tmp;
    const std::string catalog = contextCatalog(tmp, fixture("context.geojson"));
    const GeoImage g = exported("-q --catalog " + catalog + " --data-root " + tmp.path().string() +
                                " export --size 800x600 --bbox 104.3,16.95,106.05,18.05");
    CHECK(g.count({104.5, 17.3}, 5, kNeighbour) >= 80);
    // Between Đông Thử (up to 17.5N) and Nơ Bướm (from 17.6N) no province lies: land, not sea.
    CHECK(g.count({105.2, 17.55}, 3, kOwnLand) >= 20);
    CHECK(g.count({105.2, 17.55}, 3, kSea, 6) == 0);
}

TEST_CASE("export with a missing context file warns once, naming it, and still writes the map",
          "[cli][export][context][bad-input]") {
    TempDir tmp;
    const std::string catalog = contextCatalog(tmp, tmp.file("gone_countries.gpkg"));
    std::string err;
    const GeoImage g = exported("--catalog " + catalog + " --data-root " + tmp.path().string() +
                                    " export --size 640x420 --bbox 104.3,16.95,106.05,18.05",
                                &err);
    size_t mentions = 0;
    for (size_t at = err.find("gone_countries.gpkg"); at != std::string::npos;
         at = err.find("gone_countries.gpkg", at + 1))
        ++mentions;
    CHECK(mentions == 1);
    CHECK(err.find("warning") != std::string::npos);
    // Drawn without it: where the neighbour would be is sea.
    CHECK(g.count({104.5, 17.3}, 5, kSea, 6) >= 80);
}

TEST_CASE("The context is never a layer: search does not find a neighbouring country, layers does not list it",
          "[cli][context][real]") {
    RunResult r = runBorderlens("find Thailand --json");
    INFO(r.err);
    CHECK(r.out.find("[]") != std::string::npos);
    r = runBorderlens("layers");
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("ne_countries_10m") == std::string::npos);
}
