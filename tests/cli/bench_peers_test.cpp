// Every benchmark's peer (bench/*.py) runs on this machine as scripts/setup
// leaves it: a missing Python module (python3-rtree is only recommended by
// python3-geopandas) fails here, not in a user's benchmark.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "cli/bench_peer.hpp"
#include "core/boundaries/crs.hpp"
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
