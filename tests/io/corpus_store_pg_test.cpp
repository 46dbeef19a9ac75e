// The corpus store in PostgreSQL/PostGIS, against a real server the test
// starts (tests/pg_server.hpp): the same code path as the GeoPackage
// (tests/io/corpus_store_test.cpp), concurrent ingests, masked passwords.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include "engine/ingest.hpp"
#include "engine/news.hpp"
#include "io/corpus_store.hpp"
#include "io/data_root.hpp"
#include "pg_server.hpp"
#include "skip.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

std::string copyDocuments(const TempDir& dir) {
    auto root = io::resolveDocumentsRoot("");
    if (!root) FAIL(root.error().message);
    const fs::path to = dir.path() / "docs";
    fs::create_directories(to);
    for (const auto& e : fs::directory_iterator(*root)) fs::copy_file(e.path(), to / e.path().filename());
    return to.string();
}

std::string shellQuoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string sqlOut(const PgServer& pg, const std::string& q) {
    auto r = pg.sql(q);
    if (!r) FAIL(r.error().message);
    std::string s = *r;
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace

TEST_CASE("A PostGIS corpus store holds what a GeoPackage holds and reads back the same links", "[postgis][store][real]") {
    BL_START_PG(pg);
    TempDir tmp;
    const std::string docs = copyDocuments(tmp);
    auto session = engine::Session::open({});
    REQUIRE(session);
    auto report = engine::ingestIntoStore(**session, {{docs}, pg.connection(), true, {}});
    INFO((report ? "" : report.error().message));
    REQUIRE(report);
    CHECK(report->links == 7);
    auto gpkg = engine::ingestIntoStore(**session, {{docs}, tmp.file("c.gpkg"), true, {}});
    REQUIRE(gpkg);

    for (const char* table : {"documents", "links", "link_verdicts", "link_lines", "pair_borders", "places", "gates"}) {
        INFO(table);
        auto g = io::CorpusStore::open(tmp.file("c.gpkg"), io::CorpusStore::Mode::Read);
        REQUIRE(g);
        auto info = (*g)->info();
        REQUIRE(info);
        int64_t n = -1;
        for (const auto& [name, rows] : info->tables)
            if (name == table) n = rows;
        CHECK(sqlOut(pg, std::string("SELECT count(*) FROM ") + table) == std::to_string(n));
    }
    CHECK(sqlOut(pg, "SELECT DISTINCT ST_SRID(geom) FROM link_lines") == "4326");
    CHECK(sqlOut(pg, "SELECT round(shared_km::numeric, 1) FROM link_verdicts WHERE vn_unit = 'Huyện Hướng Hóa' AND "
                     "la_unit = 'Sepone'") == "77.7");
    // QGIS finds a PostGIS table's default style by database, schema and table.
    CHECK(sqlOut(pg, "SELECT count(*) FROM layer_styles WHERE f_table_catalog = current_database() AND "
                     "f_table_schema = 'public' AND useasdefault AND f_geometry_column = 'geom'") == "4");

    auto again = engine::ingestIntoStore(**session, {{docs}, pg.connection(), true, {}});
    REQUIRE(again);
    CHECK(again->unchanged == 5);
    CHECK(sqlOut(pg, "SELECT count(*) FROM links") == "7");

    auto fromFiles = engine::readNews(**session, {{docs}, true, true, ""});
    auto fromStore = engine::readNews(**session, {{}, true, true, pg.connection()});
    REQUIRE(fromFiles);
    REQUIRE(fromStore);
    REQUIRE((*fromStore)->corpus.links.size() == (*fromFiles)->corpus.links.size());
    for (size_t i = 0; i < (*fromFiles)->corpus.links.size(); ++i) {
        CHECK((*fromStore)->corpus.links[i].vn.name == (*fromFiles)->corpus.links[i].vn.name);
        CHECK((*fromStore)->corpus.links[i].la.name == (*fromFiles)->corpus.links[i].la.name);
        CHECK((*fromStore)->checks[i].verdicts.size() == (*fromFiles)->checks[i].verdicts.size());
    }
}

TEST_CASE("Two concurrent ingests into one PostGIS database leave no duplicate", "[postgis][store][real]") {
    BL_START_PG(pg);
    TempDir tmp;
    const std::string docs = copyDocuments(tmp);
    const std::string cmd = std::string(BORDERLENS_BINARY) + " -q ingest " + docs + " --store " + shellQuoted(pg.connection());
    const std::string both = "(" + cmd + " >" + tmp.file("a") + " 2>&1; echo $? >" + tmp.file("a.rc") + ") & (" + cmd +
                             " >" + tmp.file("b") + " 2>&1; echo $? >" + tmp.file("b.rc") + ") & wait";
    REQUIRE(std::system(both.c_str()) == 0);
    auto slurp = [&](const char* name) {
        std::ifstream in(tmp.file(name));
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    INFO(slurp("a") << slurp("b"));
    CHECK(slurp("a.rc") == "0\n");
    CHECK(slurp("b.rc") == "0\n");
    // One of them wrote all five, the other found them there.
    CHECK_THAT(slurp("a") + slurp("b"), Catch::Contains("5 new") && Catch::Contains("5 unchanged"));
    CHECK(sqlOut(pg, "SELECT count(*) FROM documents") == "5");
    CHECK(sqlOut(pg, "SELECT count(*) FROM (SELECT sha FROM documents GROUP BY sha HAVING count(*) > 1) d") == "0");
    CHECK(sqlOut(pg, "SELECT count(*) FROM links") == "7");
    CHECK(sqlOut(pg, "SELECT count(*) FROM (SELECT doc_sha, link_no FROM links GROUP BY 1, 2 HAVING count(*) > 1) d") == "0");
}

TEST_CASE("A store's password is never printed, and PGPASSFILE gives it instead", "[postgis][store][real]") {
    BL_START_PG(pg);
    TempDir tmp;
    const std::string docs = copyDocuments(tmp);
    REQUIRE(runBorderlens("-q ingest " + docs + " --store " + shellQuoted(pg.connection())).exitCode == 0);

    // The reader role reads the store over TCP with its password: never shown.
    RunResult r = runBorderlens("store info --store " + shellQuoted(pg.tcpConnection(true)));
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("PostgreSQL") && Catch::Contains("password='***'") && Catch::Contains("7 rows"));
    CHECK(r.out.find("s3cret") == std::string::npos);
    r = runBorderlens("pairs --store " + shellQuoted(pg.tcpConnection(true)));
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("Huyện Hướng Hóa x Sepone: share 77.7 km"));
    CHECK((r.out + r.err).find("s3cret") == std::string::npos);

    // A wrong password: the error names the store, masked.
    std::string wrong = pg.tcpConnection(false) + " password=wrong-s3cret";
    r = runBorderlens("store info --store " + shellQuoted(wrong));
    CHECK(r.exitCode != 0);
    CHECK_THAT(r.err, Catch::Contains("corpus store PG:host=127.0.0.1") && Catch::Contains("password=***"));
    CHECK(r.err.find("s3cret") == std::string::npos);

    // No password on the command line: ~/.pgpass (PGPASSFILE) supplies it.
    const std::string pass = tmp.write("pgpass", "127.0.0.1:" + std::to_string(pg.port()) + ":" + PgServer::database() + ":" +
                                                     PgServer::user() + ":" + [] {
                                                         std::string e;
                                                         for (char c : PgServer::password()) e += (c == ':' || c == '\\') ? std::string("\\") + c : std::string(1, c);
                                                         return e;
                                                     }() + "\n");
    fs::permissions(pass, fs::perms::owner_read | fs::perms::owner_write);
    r = runBorderlens("store info --store " + shellQuoted(pg.tcpConnection(false)));
    CHECK(r.exitCode != 0);  // without it, no password
    ScopedEnv env("PGPASSFILE", pass);
    r = runBorderlens("store info --store " + shellQuoted(pg.tcpConnection(false)));
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("7 rows"));
}
