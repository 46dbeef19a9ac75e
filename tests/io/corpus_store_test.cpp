// The corpus store (io/corpus_store.hpp) as a GeoPackage: what ingest writes
// reads back as the same corpus, re-ingest is idempotent, a changed document
// replaces its links, GDAL's own tools read every table. PostgreSQL/PostGIS:
// tests/io/corpus_store_pg_test.cpp.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/news/extract.hpp"
#include "engine/ingest.hpp"
#include "engine/news.hpp"
#include "io/corpus_record.hpp"
#include "io/corpus_store.hpp"
#include "io/data_root.hpp"
#include "session_support.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

std::shared_ptr<engine::Session> session() { return realSession(); }

std::string sharedDocuments() {
    auto root = io::resolveDocumentsRoot("");
    if (!root) FAIL(root.error().message);
    return *root;
}

// A copy of the shared documents in `dir`.
std::vector<std::string> copyDocuments(const TempDir& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(sharedDocuments())) {
        const fs::path to = dir.path() / "docs" / e.path().filename();
        fs::create_directories(to.parent_path());
        fs::copy_file(e.path(), to);
        out.push_back(to.string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::shared_ptr<const engine::News> news(const engine::NewsRequest& r) {
    auto n = engine::readNews(*session(), r);
    if (!n) FAIL(n.error().message);
    return *n;
}

std::string unitIds(const Party& p) {
    std::string s;
    for (const auto& u : p.units) s += u.layerId + ":" + u.unitId + " ";
    return s;
}

int64_t rows(io::CorpusStore& store, const std::string& table) {
    auto info = store.info();
    REQUIRE(info);
    for (const auto& [name, n] : info->tables)
        if (name == table) return n;
    return -1;
}

}  // namespace

TEST_CASE("A GeoPackage corpus store gives back the corpus ingest extracted, checked the same", "[io][store][real]") {
    TempDir tmp;
    const std::string store = tmp.file("corpus.gpkg");
    const auto docs = copyDocuments(tmp);
    auto report = engine::ingestIntoStore(*session(), {{(tmp.path() / "docs").string()}, store, true, {}});
    REQUIRE(report);
    CHECK(report->documents == docs.size());
    CHECK(report->added == docs.size());
    CHECK(report->links == 7);  // the shared documents' seven links

    const auto fromFiles = news({{(tmp.path() / "docs").string()}, true, true, ""});
    const auto fromStore = news({{}, true, true, store});
    const Corpus& a = fromFiles->corpus;
    const Corpus& b = fromStore->corpus;
    REQUIRE(a.documents.size() == b.documents.size());
    for (size_t i = 0; i < a.documents.size(); ++i) {
        CHECK(fs::path(b.documents[i].file) == fs::absolute(a.documents[i].file).lexically_normal());
        CHECK(a.documents[i].text == b.documents[i].text);
        CHECK(a.documents[i].date.iso == b.documents[i].date.iso);
        CHECK(a.documents[i].title == b.documents[i].title);
        CHECK(a.documents[i].body.end == b.documents[i].body.end);
    }
    REQUIRE(a.links.size() == b.links.size());
    REQUIRE(fromFiles->checks.size() == fromStore->checks.size());
    for (size_t i = 0; i < a.links.size(); ++i) {
        INFO("link " << i << ": " << a.links[i].vn.name << " / " << a.links[i].la.name);
        CHECK(a.links[i].document == b.links[i].document);
        CHECK(a.links[i].kind == b.links[i].kind);
        CHECK(a.links[i].vn.name == b.links[i].vn.name);
        CHECK(a.links[i].la.name == b.links[i].la.name);
        CHECK(unitIds(a.links[i].vn) == unitIds(b.links[i].vn));
        CHECK(unitIds(a.links[i].la) == unitIds(b.links[i].la));
        CHECK(a.links[i].span.begin == b.links[i].span.begin);
        CHECK(a.links[i].cue.end == b.links[i].cue.end);
        CHECK(a.links[i].confidence == b.links[i].confidence);
        const auto& va = fromFiles->checks[i].verdicts;
        const auto& vb = fromStore->checks[i].verdicts;
        REQUIRE(va.size() == vb.size());
        for (size_t k = 0; k < va.size(); ++k) {
            CHECK(va[k].touches == vb[k].touches);
            CHECK(va[k].sharedKm == vb[k].sharedKm);
        }
    }
    REQUIRE(a.places.size() == b.places.size());
    for (size_t i = 0; i < a.places.size(); ++i) {
        CHECK(a.places[i].name == b.places[i].name);
        CHECK(a.places[i].gateId == b.places[i].gateId);
        CHECK(a.places[i].position.has_value() == b.places[i].position.has_value());
    }

    // The flat tables say the same: Hướng Hóa and Sepone share 77.7 km in 2023.
    auto s = io::CorpusStore::open(store, io::CorpusStore::Mode::Read);
    REQUIRE(s);
    CHECK(rows(**s, "documents") == int64_t(docs.size()));
    CHECK(rows(**s, "links") == 7);
    CHECK(rows(**s, "layer_styles") == 4);
    const RunResult sql = [&] {
        TempDir t;
        const std::string cmd = "ogrinfo -ro -q " + store +
                                " -sql \"SELECT vn_unit, la_unit, shared_km FROM link_verdicts WHERE vn_unit = 'Huyện Hướng Hóa' "
                                "AND la_unit = 'Sepone'\" >" + t.file("o") + " 2>&1";
        RunResult r;
        r.exitCode = std::system(cmd.c_str());
        std::ifstream in(t.file("o"));
        r.out.assign(std::istreambuf_iterator<char>(in), {});
        return r;
    }();
    CHECK(sql.exitCode == 0);
    CHECK_THAT(sql.out, Catch::Contains("shared_km (Real) = 77.7"));
}

TEST_CASE("Re-ingest skips unchanged documents and a changed one replaces its links", "[io][store][real]") {
    TempDir tmp;
    const std::string store = tmp.file("corpus.gpkg");
    const auto docs = copyDocuments(tmp);
    const std::string dir = (tmp.path() / "docs").string();
    auto first = engine::ingestIntoStore(*session(), {{dir}, store, true, {}});
    REQUIRE(first);
    int64_t links = 0, verdicts = 0;
    {
        auto s = io::CorpusStore::open(store, io::CorpusStore::Mode::Read);
        REQUIRE(s);
        links = rows(**s, "links"), verdicts = rows(**s, "link_verdicts");
    }

    auto again = engine::ingestIntoStore(*session(), {{dir}, store, true, {}});
    REQUIRE(again);
    CHECK(again->unchanged == docs.size());
    CHECK(again->added + again->replaced + again->links == 0);
    {
        auto s = io::CorpusStore::open(store, io::CorpusStore::Mode::Read);
        REQUIRE(s);
        CHECK(rows(**s, "documents") == int64_t(docs.size()));
        CHECK(rows(**s, "links") == links);
        CHECK(rows(**s, "link_verdicts") == verdicts);
    }

    // The first document (two links) now holds another article: its rows go,
    // the new text's come, the others stay.
    const auto before = news({{docs[0]}, false, true, ""});
    const std::string other = fixture("documents/son_la_houaphan.txt");
    const auto replacement = news({{other}, false, true, ""});
    fs::copy_file(other, docs[0], fs::copy_options::overwrite_existing);
    auto changed = engine::ingestIntoStore(*session(), {{dir}, store, true, {}});
    REQUIRE(changed);
    CHECK(changed->replaced == 1);
    CHECK(changed->unchanged == docs.size() - 1);
    CHECK(changed->links == replacement->corpus.links.size());
    CHECK(replacement->corpus.links.size() != before->corpus.links.size());
    auto s = io::CorpusStore::open(store, io::CorpusStore::Mode::Read);
    REQUIRE(s);
    CHECK(rows(**s, "documents") == int64_t(docs.size()));
    CHECK(rows(**s, "links") == links - int64_t(before->corpus.links.size()) + int64_t(replacement->corpus.links.size()));
    auto stored = (*s)->readCorpus();
    REQUIRE(stored);
    size_t ofFirst = 0;
    for (const auto& l : stored->links) ofFirst += stored->documents[l.document].file == docs[0];
    CHECK(ofFirst == replacement->corpus.links.size());
    std::ifstream in(other, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    bool found = false;
    for (const auto& d : stored->documents)
        if (d.file == docs[0]) {
            found = true;
            CHECK(d.text == text);
        }
    CHECK(found);
}

TEST_CASE("ogrinfo reads every table of a corpus store, spatial ones in EPSG 4326 with QGIS styles", "[io][store][real]") {
    TempDir tmp;
    const std::string store = tmp.file("corpus.gpkg");
    copyDocuments(tmp);
    REQUIRE(engine::ingestIntoStore(*session(), {{(tmp.path() / "docs").string()}, store, true, {}}));
    const std::string cmd = "ogrinfo -ro -so -al " + store + " >" + tmp.file("info") + " 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream in(tmp.file("info"));
    const std::string info{std::istreambuf_iterator<char>(in), {}};
    for (const char* table : {"documents", "links", "link_verdicts", "link_lines", "pair_borders", "places", "gates",
                              "layer_styles", "store_meta"})
        CHECK_THAT(info, Catch::Contains(std::string("Layer name: ") + table));
    CHECK_THAT(info, Catch::Contains("Geometry: Line String"));
    CHECK_THAT(info, Catch::Contains("Geometry: Multi Line String"));
    CHECK_THAT(info, Catch::Contains("ID[\"EPSG\",4326]"));
    CHECK_THAT(info, Catch::Contains("Feature Count: 7"));  // links

    const std::string styles = "ogrinfo -ro -q " + store + " layer_styles >" + tmp.file("styles") + " 2>&1";
    REQUIRE(std::system(styles.c_str()) == 0);
    std::ifstream st(tmp.file("styles"));
    const std::string qml{std::istreambuf_iterator<char>(st), {}};
    for (const char* table : {"link_lines", "pair_borders", "places", "gates"})
        CHECK_THAT(qml, Catch::Contains(std::string("f_table_name (String) = ") + table));
    CHECK_THAT(qml, Catch::Contains("useAsDefault (Integer(Boolean)) = 1"));
    CHECK_THAT(qml, Catch::Contains("<renderer-v2 type=\"categorizedSymbol\" attr=\"kind\""));
}

TEST_CASE("store info, export-geojson and vacuum on the CLI, a file that is no store left as it was", "[cli][store][real]") {
    TempDir tmp;
    copyDocuments(tmp);
    const std::string store = tmp.file("c.gpkg");
    RunResult r = runBorderlens("-q ingest " + (tmp.path() / "docs").string() + " --store " + store + " --json");
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("\"links\": 7"));
    r = runBorderlens("store info --store " + store);
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("links") && Catch::Contains("7 rows") && Catch::Contains("extractor version"));

    r = runBorderlens("store export-geojson " + tmp.file("out") + " --store " + store);
    CHECK(r.exitCode == 0);
    CHECK(fs::exists(tmp.file("out/link_lines.geojson")));
    CHECK(fs::exists(tmp.file("out/documents.geojson")));
    const auto size = fs::file_size(tmp.file("out/links.geojson"));
    std::ofstream(tmp.file("out/links.geojson"), std::ios::app) << " ";
    r = runBorderlens("store export-geojson " + tmp.file("out") + " --store " + store);
    CHECK(r.exitCode != 0);
    CHECK_THAT(r.err, Catch::Contains("documents.geojson exists (--force replaces it)"));
    CHECK(fs::file_size(tmp.file("out/links.geojson")) == size + 1);  // not overwritten
    r = runBorderlens("store export-geojson --force " + tmp.file("out") + " --store " + store);
    CHECK(r.exitCode == 0);
    CHECK(fs::file_size(tmp.file("out/links.geojson")) == size);
    CHECK(runBorderlens("store vacuum --store " + store).exitCode == 0);

    // pairs reads the store given, and the default one when it exists.
    const RunResult files = runBorderlens("-q pairs --json " + (tmp.path() / "docs").string());
    const RunResult stored = runBorderlens("-q pairs --json --store " + store);
    CHECK(stored.exitCode == 0);
    CHECK(stored.out == files.out);

    // A first ingest that fails (a file that is no text) leaves no store.
    fs::create_directories(tmp.file("bad"));
    tmp.write("bad/a.txt", std::string("binary\0data", 11));
    r = runBorderlens("-q ingest " + tmp.file("bad") + " --store " + tmp.file("new.gpkg"));
    CHECK(r.exitCode != 0);
    CHECK_THAT(r.err, Catch::Contains("a.txt"));
    CHECK_FALSE(fs::exists(tmp.file("new.gpkg")));

    const std::string notStore = tmp.write("notes.gpkg", "my notes, not a GeoPackage\n");
    r = runBorderlens("-q ingest " + (tmp.path() / "docs").string() + " --store " + notStore);
    CHECK(r.exitCode != 0);
    CHECK_THAT(r.err, Catch::Contains(notStore) && Catch::Contains("not a GeoPackage"));
    std::ifstream in(notStore);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "my notes, not a GeoPackage\n");
}

TEST_CASE("Corpus records give back every field and name what is damaged", "[io][store]") {
    Link l;
    l.kind = LinkKind::CooperationPlan;
    l.date = {"2025-05-26", DateStatus::Inferred, "in the text", 2025, 5, 26};
    l.period = "2026–2030";
    l.vn = {"Border Guard of Quảng Trị", "Quảng Trị", "", Country::VN, {10, 40}, {}, "exact", 0.9, ""};
    l.vn.units.push_back({"vn_province_2025", "VN45", "Tỉnh Quảng Trị", Level::Province, "Việt Nam", "2025", Country::VN, 0.95,
                          ResolvedBy::Succession, "successor"});
    l.la = {"Savannakhet province", "Savannakhet", "", Country::LA, {50, 70}, {}, "", 0.8, "the two provinces"};
    l.confidence = 0.85;
    l.span = {5, 90};
    l.cue = {20, 30};
    l.reason = "plan cue";
    auto back = io::linkFromRecord(io::linkRecord(l), 3);
    REQUIRE(back);
    CHECK(back->document == 3);
    CHECK(back->kind == l.kind);
    CHECK(back->date.iso == "2025-05-26");
    CHECK(back->date.status == DateStatus::Inferred);
    CHECK(back->date.month == 5);
    CHECK(back->period == l.period);
    CHECK(back->vn.units.size() == 1);
    CHECK(back->vn.units[0].by == ResolvedBy::Succession);
    CHECK(back->vn.units[0].country == Country::VN);
    CHECK(back->la.reference == "the two provinces");
    CHECK(back->la.country == Country::LA);
    CHECK(back->cue.begin == 20);

    Place p;
    p.kind = PlaceKind::BorderStation;
    p.name = "Lao Bảo station";
    p.country = Country::VN;
    p.position = LonLat{106.6, 16.6};
    auto place = io::placeFromRecord(io::placeRecord(p), 1);
    REQUIRE(place);
    CHECK(place->kind == PlaceKind::BorderStation);
    REQUIRE(place->position);
    CHECK(place->position->lat == 16.6);

    CHECK_FALSE(io::linkFromRecord("{\"kind\": \"twinning\"}", 0));
    auto bad = io::linkFromRecord(R"({"kind":"friendship"})", 0);
    REQUIRE_FALSE(bad);
    CHECK_THAT(bad.error().message, Catch::Contains("link record is damaged") && Catch::Contains("friendship"));
    Document d;
    d.body = {0, 500};
    CHECK_FALSE(io::documentFromRecord("f.txt", "short", io::documentRecord(d)));
}
