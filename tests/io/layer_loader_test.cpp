#include <catch2/catch.hpp>

#include <gdal_utils.h>

#include <fstream>

#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/crs.hpp"
#include "core/boundaries/geometry_ops.hpp"
#include "io/layer_loader.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

static io::Catalog fixtureCatalog() {
    auto c = io::loadCatalog(fixture("catalog.json"));
    REQUIRE(c);
    return std::move(*c);
}

// Converts a fixture with GDAL's own ogr2ogr library entry point.
static std::string convert(const std::string& src, const std::string& dst, const char* driver, const char* layerName) {
    GDALAllRegister();
    const char* argv[] = {"-f", driver, "-nln", layerName, "-lco", "ENCODING=UTF-8", nullptr};
    if (std::string(driver) != "ESRI Shapefile") argv[4] = nullptr;
    GDALVectorTranslateOptions* opt = GDALVectorTranslateOptionsNew(const_cast<char**>(argv), nullptr);
    GDALDatasetH in = GDALOpenEx(src.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    REQUIRE(in);
    int err = 0;
    GDALDatasetH out = GDALVectorTranslate(dst.c_str(), nullptr, 1, &in, opt, &err);
    GDALVectorTranslateOptionsFree(opt);
    GDALClose(in);
    REQUIRE(out);
    GDALClose(out);
    return dst;
}

TEST_CASE("Fixture layers load, reproject, repair and count", "[loader]") {
    const io::Catalog cat = fixtureCatalog();
    auto data = io::loadDataset(cat, BORDERLENS_FIXTURES);
    REQUIRE(data);
    const Layer* prov = data->layer("fx_provinces");
    REQUIRE(prov);
    CHECK(prov->units.size() == 3);     // the null geometry is not a unit...
    CHECK(prov->skippedEmpty == 1);     // ...but it is counted
    CHECK(prov->repaired == 1);         // the bow-tie
    const AdminUnit* p1 = prov->find("P1");
    REQUIRE(p1);
    CHECK(p1->name == "Tỉnh Đông Thử");
    CHECK(p1->parentName == "Viet Nam");
    // Coordinates are in the working CRS: 105E 17N lies west and south of the origin.
    // Parallels are arcs in the conic projection: the southern edge is lowest
    // at its eastern corner, nearest the central meridian 106E.
    CHECK(p1->bounds.minX == Approx(threadCrs().forward({105.0, 17.0}).x).margin(1.0));
    CHECK(p1->bounds.minY == Approx(threadCrs().forward({105.5, 17.0}).y).margin(1.0));
    // About 53 km x 55 km.
    CHECK(area(p1->geometry) / 1e6 == Approx(53.2 * 55.3).epsilon(0.02));
}

TEST_CASE("Units without a parent field find their parent by containment", "[loader]") {
    auto data = io::loadDataset(fixtureCatalog(), BORDERLENS_FIXTURES);
    REQUIRE(data);
    const Layer* d = data->layer("fx_districts");
    REQUIRE(d);
    CHECK(d->find("D1")->parentId == "P1");
    CHECK(d->find("D2")->parentName == "Tỉnh Đông Thử");
    CHECK(d->find("D3")->parentId == "P2");
    // The multipolygon keeps its hole and its island.
    CHECK(d->find("D3")->geometry.polygons.size() == 2);
    CHECK(d->find("D3")->geometry.polygons[0].rings.size() == 2);
}

TEST_CASE("Any vector format GDAL reads: GeoPackage, Shapefile, FlatGeobuf, GML", "[loader]") {
    TempDir tmp;
    io::Catalog cat = fixtureCatalog();
    const LayerSpec base = *cat.layer("fx_districts");
    struct Format { const char* driver; const char* file; };
    for (Format f : {Format{"GPKG", "d.gpkg"}, Format{"ESRI Shapefile", "d.shp"}, Format{"FlatGeobuf", "d.fgb"},
                     Format{"GML", "d.gml"}}) {
        INFO(f.driver);
        LayerSpec s = base;
        s.path = convert(fixture("districts.geojson"), tmp.file(f.file), f.driver, "districts");
        s.gdalLayer = "";  // the first layer, whatever the driver named it
        auto layer = io::loadLayer(s, tmp.path().string());
        INFO((layer ? std::string() : layer.error().message));
        REQUIRE(layer);
        CHECK(layer->units.size() == 3);
        CHECK(layer->find("D1")->name == "Huyện Hướng Thử");
        CHECK(layer->repaired == 0);
        double total = 0;
        for (const auto& u : layer->units) total += area(u.geometry);
        CHECK(total / 1e6 == Approx(2 * 53.2 * 55.3 - 0.01 * 110.5 * 110.5 + 0.0036 * 110.5 * 110.5).epsilon(0.02));
    }
}

TEST_CASE("Loader errors name the file and the problem", "[loader]") {
    TempDir tmp;
    LayerSpec s = *fixtureCatalog().layer("fx_provinces");

    s.path = tmp.file("missing.geojson");
    auto missing = io::loadLayer(s, "");
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error().message, Catch::Contains("missing.geojson") && Catch::Contains("does not exist"));

    s.path = tmp.file("empty.geojson");
    std::ofstream(s.path).close();
    auto empty = io::loadLayer(s, "");
    REQUIRE_FALSE(empty);
    CHECK_THAT(empty.error().message, Catch::Contains("empty.geojson") && Catch::Contains("empty"));

    s.path = tmp.file("junk.geojson");
    std::ofstream(s.path) << "{\"type\": \"FeatureCollection\", \"features\": [ {\"type\": ";
    auto junk = io::loadLayer(s, "");
    REQUIRE_FALSE(junk);
    CHECK_THAT(junk.error().message, Catch::Contains("junk.geojson"));

    s.path = fixture("provinces.geojson");
    s.fields.name = "no_such_field";
    auto field = io::loadLayer(s, "");
    REQUIRE_FALSE(field);
    CHECK_THAT(field.error().message, Catch::Contains("no_such_field") && Catch::Contains("provinces.geojson"));

    s = *fixtureCatalog().layer("fx_provinces");
    s.path = fixture("provinces.geojson");
    s.gdalLayer = "nope";
    auto layer = io::loadLayer(s, "");
    REQUIRE_FALSE(layer);
    CHECK_THAT(layer.error().message, Catch::Contains("no layer \"nope\"") && Catch::Contains("provinces"));
}

TEST_CASE("Unknown layer ids in a selection are refused", "[loader]") {
    io::LoadOptions opt;
    opt.only = {"fx_nothing"};
    auto d = io::loadDataset(fixtureCatalog(), BORDERLENS_FIXTURES, opt);
    REQUIRE_FALSE(d);
    CHECK_THAT(d.error().message, Catch::Contains("fx_nothing"));
}

// Projected sources (a .prj in UTM or Web Mercator) are transformed like
// lon/lat ones: the shared Lao provinces written in EPSG:32648 and EPSG:3857
// load onto the same ground and give the same cross-border pairs.
TEST_CASE("Projected sources are reprojected to the working CRS", "[loader][real]") {
    auto data = realData();
    const Layer* la = data->layer("la_adm1_2019");
    const Layer* vn = data->layer("vn_adm1_2023");
    REQUIRE(la);
    REQUIRE(vn);
    const auto reference = computeAdjacency(*vn, *la);
    REQUIRE(reference.size() >= 10);
    TempDir tmp;
    const std::string source = (fs::path(data->dataRoot) / la->spec.path).string();
    auto boundsOf = [](const Layer& l) {
        Box box;
        for (const auto& u : l.units) box.extend(u.bounds);
        return box;
    };
    for (const char* epsg : {"EPSG:32648", "EPSG:3857"}) {
        INFO(epsg);
        GDALAllRegister();
        const std::string out = tmp.file(std::string("la_") + (epsg + 5) + ".gpkg");
        const char* argv[] = {"-f", "GPKG", "-t_srs", epsg, "-nln", "provinces", nullptr};
        GDALVectorTranslateOptions* opt = GDALVectorTranslateOptionsNew(const_cast<char**>(argv), nullptr);
        GDALDatasetH in = GDALOpenEx(source.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        REQUIRE(in);
        int err = 0;
        GDALDatasetH o = GDALVectorTranslate(out.c_str(), nullptr, 1, &in, opt, &err);
        GDALVectorTranslateOptionsFree(opt);
        GDALClose(in);
        REQUIRE(o);
        GDALClose(o);

        LayerSpec s = la->spec;
        s.path = out;
        s.gdalLayer = "";
        auto projected = io::loadLayer(s, "");
        INFO((projected ? std::string() : projected.error().message));
        REQUIRE(projected);
        REQUIRE(projected->units.size() == la->units.size());
        CHECK(projected->warnings.empty());
        // Same ground: the bounds agree to metres, not "x = 500000".
        const Box a = boundsOf(*la), b = boundsOf(*projected);
        CHECK(b.minX == Approx(a.minX).margin(5.0));
        CHECK(b.maxY == Approx(a.maxY).margin(5.0));
        const auto pairs = computeAdjacency(*vn, *projected);
        CHECK(pairs.size() == reference.size());
        for (size_t i = 0; i < std::min(pairs.size(), reference.size()); ++i) {
            CHECK(pairs[i].b->id == reference[i].b->id);
            CHECK(pairs[i].sharedKm == Approx(reference[i].sharedKm).margin(0.05));
        }
    }
}
