// Every benchmark's peer (bench/*.py) runs on this machine as scripts/setup
// leaves it: a missing Python module (python3-rtree is only recommended by
// python3-geopandas) fails here, not in a user's benchmark.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "cli/bench_peer.hpp"
#include "core/boundaries/crs.hpp"
#include "render/pdf_tools.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

TEST_CASE("Benchmark peers run: GeoPandas load, GeoPandas adjacency with sjoin, Mapnik", "[bench][real]") {
    const auto& cat = realCatalog();
    const auto data = realData();
    const LayerSpec* vn = cat.layer("vn_adm1_2023");
    const LayerSpec* la = cat.layer("la_adm1_2019");
    REQUIRE(vn);
    REQUIRE(la);
    const std::string vnFile = (fs::path(data->dataRoot) / vn->path).string();
    const std::string laFile = (fs::path(data->dataRoot) / la->path).string();

    const cli::PeerMeasure load = cli::runPeerLoad(data->dataRoot, *la);
    CHECK(load.ok);

    // International pairs go through geopandas.sjoin, which needs a spatial index.
    std::string out;
    const cli::PeerMeasure adjacency = cli::runPeerScript(
        "peer_adjacency.py", {vnFile, vn->gdalLayer, laFile, la->gdalLayer, kWorkingCrs, "1000", vn->fields.id, la->fields.id},
        &out);
    REQUIRE(adjacency.ok);
    size_t international = 0;
    std::istringstream rows(out);
    for (std::string line; std::getline(rows, line);) international += line.find(",international,") != std::string::npos;
    CHECK(international >= 10);  // the Vietnamese provinces along Laos, with their Lao neighbours

    TempDir tmp;
    const std::string png = tmp.file("peer.png");
    const cli::PeerMeasure mapnik = cli::runPeerScript(
        "peer_mapnik.py", {png, "320", "200", kWorkingCrs, laFile + "|" + la->gdalLayer + "|province|LA|" + la->fields.name},
        nullptr);
    REQUIRE(mapnik.ok);
    std::ifstream in(png, std::ios::binary);
    std::string head(8, '\0');
    in.read(head.data(), 8);
    CHECK(head == "\x89PNG\r\n\x1a\n");
}

TEST_CASE("QGIS print peer writes one PDF page per frame on the page size asked for", "[bench][real]") {
    REQUIRE(cli::pythonHas("qgis.core"));  // python3-qgis, from scripts/setup
    REQUIRE(missingPopplerTool().empty());
    const auto data = realData();
    const Layer* la = data->layer("la_adm1_2019");
    REQUIRE(la);
    Box laos;
    for (const auto& u : la->units) laos.extend(u.bounds);
    REQUIRE(!laos.empty());
    // Two frames: the north and the south of Laos, in working-CRS metres.
    const double midY = (laos.minY + laos.maxY) / 2;
    std::ostringstream frames;
    frames.precision(10);
    frames << laos.minX << ',' << midY << ',' << laos.maxX << ',' << laos.maxY << ';' << laos.minX << ',' << laos.minY
           << ',' << laos.maxX << ',' << midY;

    TempDir tmp;
    const std::string pdf = tmp.file("peer.pdf");
    std::string out;
    const cli::PeerMeasure qgis = cli::runPeerScript(
        "peer_qgis_print.py",
        {pdf, "120", "90", kWorkingCrs, frames.str(), cli::peerLayerSpec(la->spec, data->dataRoot)}, &out);
    REQUIRE(qgis.ok);
    CHECK(out == pdf + " 2\n");
    std::ifstream in(pdf, std::ios::binary);
    std::string head(4, '\0');
    in.read(head.data(), 4);
    CHECK(head == "%PDF");
    CHECK(pdfInfoField(pdf, "Pages") == "2");
    for (const PageSize& page : pdfPageSizes(pdf)) {  // 120 x 90 mm in points
        CHECK(page.width == Approx(120 / 25.4 * 72).margin(0.5));
        CHECK(page.height == Approx(90 / 25.4 * 72).margin(0.5));
    }
}
