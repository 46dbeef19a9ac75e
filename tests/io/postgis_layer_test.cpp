#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "core/boundaries/geometry_ops.hpp"
#include "engine/session.hpp"
#include "io/connection_text.hpp"
#include "io/data_root.hpp"
#include "io/gdal_messages.hpp"
#include "io/layer_loader.hpp"
#include "pg_server.hpp"
#include "skip.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

constexpr const char* kLayer = "la_adm1_2019";  // 18 Lao provinces: small and real
constexpr const char* kTable = "la_provinces";

std::string dataRoot() {
    auto root = io::resolveDataRoot("");
    if (!root) FAIL(root.error().message);
    return *root;
}

const LayerSpec& fileSpec() {
    const LayerSpec* spec = realCatalog().layer(kLayer);
    REQUIRE(spec);
    return *spec;
}

// The real layer copied into the server's database as kTable.
void importLayer(const PgServer& pg) {
    const LayerSpec& spec = fileSpec();
    auto imported = pg.importLayer((fs::path(dataRoot()) / spec.path).string(), kTable, spec.gdalLayer);
    INFO((imported ? "" : imported.error().message));
    REQUIRE(imported);
}

// The catalog entry of the file layer, reading the table through `connection`.
LayerSpec databaseSpec(const std::string& connection) {
    LayerSpec spec = fileSpec();
    spec.path = connection;
    spec.gdalLayer = kTable;
    return spec;
}

// A catalog of that one layer, as a team would write it.
std::string writeCatalog(const TempDir& dir, const std::string& connection) {
    const LayerSpec& s = fileSpec();
    nlohmann::json fields = {{"id", s.fields.id},
                             {"name", s.fields.name},
                             {"short_name", s.fields.shortName},
                             {"ascii_name", s.fields.asciiName},
                             {"alt_names", s.fields.altNames}};
    nlohmann::json layer = {
        {"id", s.id},
        {"path", connection},
        {"layer", kTable},
        {"country", toString(s.country)},
        {"level", toString(s.level)},
        {"vintage", {{"label", s.vintage.label}, {"valid_from", s.vintage.validFrom}, {"valid_to", s.vintage.validTo}}},
        {"fields", fields},
        {"source", s.source},
        {"license", s.license}};
    nlohmann::json catalog = {{"attribution", "test"}, {"layers", nlohmann::json::array({layer})}};
    return dir.write("catalog.json", catalog.dump(2));
}

// The same units as the file gives: ids, names, parents, areas.
void checkSameUnits(const Layer& fromDatabase, const Layer& fromFile) {
    REQUIRE(fromDatabase.units.size() == fromFile.units.size());
    std::map<std::string, const AdminUnit*> byId;
    for (const auto& u : fromFile.units) byId[u.id] = &u;
    for (const auto& u : fromDatabase.units) {
        INFO(u.id);
        REQUIRE(byId.count(u.id));
        const AdminUnit& f = *byId[u.id];
        CHECK(u.name == f.name);
        CHECK(u.shortName == f.shortName);
        CHECK(u.asciiName == f.asciiName);
        CHECK(u.altNames == f.altNames);
        CHECK(area(u.geometry) == Approx(area(f.geometry)).epsilon(1e-9));
        CHECK(u.bounds.minX == Approx(f.bounds.minX).margin(1e-6));
        CHECK(u.bounds.maxY == Approx(f.bounds.maxY).margin(1e-6));
    }
    CHECK(fromDatabase.repaired == fromFile.repaired);
}

// Every byte written under `dir`, concatenated.
std::string allBytesUnder(const fs::path& dir) {
    std::string all;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file(ec)) {
            std::ifstream in(e.path(), std::ios::binary);
            all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
    return all;
}

}  // namespace

TEST_CASE("A catalog layer in PostGIS loads like its file, and is never kept in the store", "[postgis]") {
    BL_START_PG(pg);
    importLayer(pg);
    auto file = io::loadLayer(fileSpec(), dataRoot());
    REQUIRE(file);

    TempDir tmp;
    const std::string connection = pg.tcpConnection(true);  // the password's quoting goes through GDAL to libpq
    engine::SessionOptions opt;
    opt.catalogPath = writeCatalog(tmp, connection);
    opt.dataRoot = dataRoot();
    opt.storeDir = tmp.file("store");
    std::string firstKey;
    for (int run = 0; run < 2; ++run) {  // the second run finds nothing stored: read again
        INFO("run " << run);
        auto session = engine::Session::open(opt);
        INFO((session ? "" : session.error().message));
        REQUIRE(session);
        auto data = (*session)->load({kLayer});
        INFO((data ? "" : data.error().message));
        REQUIRE(data);
        const Layer* layer = (*data)->layer(kLayer);
        REQUIRE(layer);
        CHECK_FALSE(layer->fromStore);
        checkSameUnits(*layer, *file);
        CHECK(layer->units.front().parentName == "Lao PDR");
        // Keyed on the masked connection string and the contents read.
        CHECK(layer->preparedKey.find("from database " + io::maskSecrets(connection)) != std::string::npos);
        CHECK(layer->preparedKey.find("s3cret") == std::string::npos);
        if (run == 0) firstKey = layer->preparedKey;
        CHECK(layer->preparedKey == firstKey);
    }
    CHECK(allBytesUnder(tmp.file("store")).find("s3cret") == std::string::npos);
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(tmp.file("store"), ec)) CHECK(e.path().extension() != ".layer");

    // Through loadDataset with a store too, and with the table changed the key changes.
    REQUIRE(pg.sql(std::string("DELETE FROM ") + kTable + " WHERE \"" + fileSpec().fields.id + "\" = 'LA01';"));
    io::PreparedStore store(tmp.file("store"));
    io::LoadOptions lo;
    lo.store = &store;
    auto catalog = io::loadCatalog(opt.catalogPath);
    REQUIRE(catalog);
    auto changed = io::loadDataset(*catalog, dataRoot(), lo);
    INFO((changed ? "" : changed.error().message));
    REQUIRE(changed);
    CHECK(changed->layers.at(0).units.size() == file->units.size() - 1);
    CHECK(changed->layers.at(0).preparedKey != firstKey);
}

TEST_CASE("A PostGIS layer with a wrong password names the masked connection, never the password", "[postgis]") {
    BL_START_PG(pg);
    importLayer(pg);

    const std::string port = std::to_string(pg.port());
    for (const std::string& connection :
         {pg.tcpConnection(false) + " password=hunter2-keyword", pg.tcpConnection(false) + " password='hunter2 quoted'",
          "PG:postgresql://" + PgServer::user() + ":hunter2-uri@127.0.0.1:" + port + "/" + PgServer::database(),
          "postgresql://" + PgServer::user() + ":hunter2-bare@127.0.0.1:" + port + "/" + PgServer::database()}) {
        INFO(io::maskSecrets(connection));
        auto layer = io::loadLayer(databaseSpec(connection), "/nonexistent-data-root");
        REQUIRE_FALSE(layer);
        const std::string& message = layer.error().message;
        CHECK(message.find("layer " + std::string(kLayer) + ": cannot read " + io::maskSecrets(connection)) == 0);
        CHECK(message.find("cannot connect to the database") != std::string::npos);
        CHECK(message.find("password authentication failed") != std::string::npos);  // libpq's words follow
        CHECK(message.find("hunter2") == std::string::npos);
        CHECK(message.find('\n') == std::string::npos);
    }
    for (const auto& line : io::recentGdalMessages()) CHECK(line.find("hunter2") == std::string::npos);

    // The right password, quoted, connects; a missing table is named as one.
    CHECK(io::loadLayer(databaseSpec(pg.tcpConnection(true)), "/nonexistent-data-root"));
    LayerSpec noTable = databaseSpec(pg.tcpConnection(true));
    noTable.gdalLayer = "no_such_table";
    auto missing = io::loadLayer(noTable, "/nonexistent-data-root");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("has no table \"no_such_table\"") != std::string::npos);
    CHECK(missing.error().message.find("password='***'") != std::string::npos);
    CHECK(missing.error().message.find("s3cret") == std::string::npos);
}

TEST_CASE("A PostGIS layer without a password in its connection finds it in PGPASSFILE", "[postgis]") {
    BL_START_PG(pg);
    importLayer(pg);

    TempDir tmp;
    const LayerSpec spec = databaseSpec(pg.tcpConnection(false));
    {
        ScopedEnv none("PGPASSFILE", tmp.file("absent"));
        auto refused = io::loadLayer(spec, dataRoot());
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message.find("no password supplied") != std::string::npos);
    }
    // host:port:database:user:password; the file must be private to be read.
    const std::string passfile =
        tmp.write("pgpass", "# borderlens test\n127.0.0.1:" + std::to_string(pg.port()) + ":" + PgServer::database() +
                                ":" + PgServer::user() + ":" + PgServer::password() + "\n");
    REQUIRE(::chmod(passfile.c_str(), 0600) == 0);
    ScopedEnv env("PGPASSFILE", passfile);
    auto layer = io::loadLayer(spec, dataRoot());
    INFO((layer ? "" : layer.error().message));
    REQUIRE(layer);
    CHECK(layer->units.size() == 18);
}

TEST_CASE("A PostGIS layer connects through a service of PGSERVICEFILE", "[postgis]") {
    BL_START_PG(pg);
    importLayer(pg);

    TempDir tmp;
    const std::string services =
        tmp.write("pg_service.conf", "[bl_borders]\nhost=127.0.0.1\nport=" + std::to_string(pg.port()) +
                                         "\ndbname=" + PgServer::database() + "\nuser=" + PgServer::user() +
                                         "\npassword=" + PgServer::password() + "\n");
    ScopedEnv env("PGSERVICEFILE", services);
    auto layer = io::loadLayer(databaseSpec("PG:service=bl_borders"), dataRoot());
    INFO((layer ? "" : layer.error().message));
    REQUIRE(layer);
    CHECK(layer->units.size() == 18);

    ScopedEnv service("PGSERVICE", std::string("bl_borders"));  // PG: alone takes the service from the environment
    auto fromEnvironment = io::loadLayer(databaseSpec("PG:"), dataRoot());
    INFO((fromEnvironment ? "" : fromEnvironment.error().message));
    CHECK(fromEnvironment);

    auto unknown = io::loadLayer(databaseSpec("PG:service=no_such_service"), dataRoot());
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message.find("PG:service=no_such_service") != std::string::npos);
}
