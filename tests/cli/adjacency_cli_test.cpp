// `borderlens adjacency` end to end on the shared data.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/adjacency_memo.hpp"
#include "engine/figures.hpp"
#include "engine/session.hpp"
#include "support.hpp"

using namespace bl::test;
using nlohmann::json;

static std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells;
        std::string cell;
        bool quoted = false;
        for (char c : line) {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.push_back(cell); cell.clear(); }
            else cell += c;
        }
        cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

TEST_CASE("adjacency CSV: the contract's columns, one row per pair, Hướng Hóa's neighbours", "[cli][real][adjacency]") {
    const RunResult r = runBorderlens("-q adjacency --unit 'huong hoa' --no-cache");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const auto rows = parseCsv(r.out);
    REQUIRE(rows.size() >= 5);
    const std::vector<std::string> head = {"a_layer", "a_id", "a_name", "a_country", "a_parent", "b_layer",
                                           "b_id", "b_name", "b_country", "b_parent", "kind", "shared_km"};
    REQUIRE(rows[0].size() >= head.size());
    for (size_t i = 0; i < head.size(); ++i) CHECK(rows[0][i] == head[i]);
    // International neighbours first, longest first.
    CHECK(rows[1][2] == "Huyện Hướng Hóa");
    CHECK(rows[1][7] == "Sepone");
    CHECK(rows[1][10] == "international");
    CHECK(std::stod(rows[1][11]) == Approx(77).margin(1.5));
    CHECK(rows[2][7] == "Nong");
    CHECK(rows[3][7] == "Samuoi");
    CHECK(rows[4][10] == "domestic");
    CHECK(rows[4][9] == "Tỉnh Quảng Trị");
}

TEST_CASE("adjacency GeoJSON: shared segments as lon/lat LineStrings with the pair's attributes", "[cli][real][adjacency]") {
    const RunResult r = runBorderlens("-q adjacency --unit Sepone --cross-border --format geojson --no-cache");
    REQUIRE(r.exitCode == 0);
    const json j = json::parse(r.out);
    CHECK(j["type"] == "FeatureCollection");
    REQUIRE_FALSE(j["features"].empty());
    bool sawHuongHoa = false;
    for (const auto& f : j["features"]) {
        CHECK(f["geometry"]["type"] == "LineString");
        for (const auto& c : f["geometry"]["coordinates"]) {
            CHECK(c[0].get<double>() > 105.5);
            CHECK(c[0].get<double>() < 107.5);
            CHECK(c[1].get<double>() > 15.5);
            CHECK(c[1].get<double>() < 17.5);
        }
        sawHuongHoa |= f["properties"]["b_name"] == "Huyện Hướng Hóa";
        CHECK(f["properties"]["kind"] == "international");
    }
    CHECK(sawHuongHoa);
}

TEST_CASE("adjacency results are cached and reused", "[cli][real][adjacency]") {
    TempDir cache;
    const std::string cmd = "adjacency --level province --vintage 2025 --cross-border --format json";
    setenv("XDG_CACHE_HOME", cache.path().c_str(), 1);
    const RunResult first = runBorderlens(cmd);
    const RunResult second = runBorderlens(cmd);
    unsetenv("XDG_CACHE_HOME");
    REQUIRE(first.exitCode == 0);
    REQUIRE(second.exitCode == 0);
    CHECK_THAT(first.err, !Catch::Contains("from cache"));
    CHECK_THAT(second.err, Catch::Contains("from cache"));
    CHECK(first.out == second.out);
    CHECK(json::parse(first.out).size() >= 9);  // the nine 2025 provinces touching Laos, at least
    CHECK_FALSE(fs::is_empty(cache.path() / "borderlens"));
}

TEST_CASE("adjacency output files are never overwritten without --force", "[cli][adjacency]") {
    TempDir tmp;
    const std::string out = tmp.file("pairs.csv");
    std::ofstream(out) << "precious";
    const RunResult r = runBorderlens("-q adjacency --level province --cross-border -o " + out);
    CHECK(r.exitCode == 2);  // an option problem
    CHECK_THAT(r.err, Catch::Contains("pairs.csv") && Catch::Contains("--force"));
    std::ifstream in(out);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(content == "precious");
    const RunResult forced = runBorderlens("-q adjacency --level province --cross-border --force -o " + out);
    CHECK(forced.exitCode == 0);
    std::ifstream again(out);
    std::string head;
    std::getline(again, head);
    CHECK(head.rfind("a_layer,a_id", 0) == 0);
}

TEST_CASE("adjacency refuses impossible combinations clearly", "[cli][adjacency]") {
    const RunResult d2025 = runBorderlens("adjacency --level district --vintage 2025");
    CHECK(d2025.exitCode == 2);
    CHECK_THAT(d2025.err, Catch::Contains("no districts"));
    const RunResult both = runBorderlens("adjacency --layers vn_adm2_2023 --vintage 2023");
    CHECK(both.exitCode == 2);
    CHECK_THAT(both.err, Catch::Contains("--vintage") || Catch::Contains("--layers"));
    const RunResult unknown = runBorderlens("adjacency --layers nope,la_adm2_2019");
    CHECK(unknown.exitCode == 2);
    CHECK_THAT(unknown.err, Catch::Contains("nope"));
    const RunResult noUnit = runBorderlens("-q adjacency --unit qqqzzzxx --level province --cross-border");
    CHECK(noUnit.exitCode == 2);
    CHECK_THAT(noUnit.err, Catch::Contains("qqqzzzxx"));
}

// Two features with one id: told apart at load (with a warning naming the
// file), so a run from the caches gives the same answer as --no-cache.
TEST_CASE("adjacency with duplicate unit ids: cached runs equal --no-cache", "[cli][adjacency][bad-input]") {
    TempDir data, cache;
    for (const char* f : {"catalog.json", "aliases.json", "provinces.geojson"}) fs::copy_file(fixture(f), data.file(f));
    json districts = json::parse(std::ifstream(fixture("districts.geojson")));
    districts["features"][1]["properties"]["did"] = "D1";  // D2 now repeats D1's id
    data.write("districts.geojson", districts.dump());
    const std::string cmd = "--catalog " + data.file("catalog.json") + " --data-root " + data.path().string() +
                            " adjacency --level district --format json";
    const RunResult plain = runBorderlens("--no-cache " + cmd);
    setenv("XDG_CACHE_HOME", cache.path().c_str(), 1);
    const RunResult first = runBorderlens(cmd);
    const RunResult second = runBorderlens(cmd);
    unsetenv("XDG_CACHE_HOME");
    REQUIRE(plain.exitCode == 0);
    CHECK_THAT(plain.err, Catch::Contains("districts.geojson") && Catch::Contains("\"D1\" → D1#2"));
    CHECK_THAT(second.err, Catch::Contains("\"D1\" → D1#2"));  // said again when read from the store
    CHECK_THAT(second.err, Catch::Contains("from cache"));
    CHECK(first.out == plain.out);
    CHECK(second.out == plain.out);
    const json pairs = json::parse(plain.out);
    REQUIRE(pairs.size() == 2);
    std::set<std::string> ids;
    for (const auto& p : pairs) ids.insert({p["a_id"].get<std::string>(), p["b_id"].get<std::string>()});
    CHECK(ids == std::set<std::string>{"D1", "D1#2", "D3"});
}

TEST_CASE("adjacency CLI: a pair's shared_km is the engine's shown figure and rows are sorted by it", "[cli][real][adjacency][figures]") {
    TempDir cache;
    const ScopedEnv xdg("XDG_CACHE_HOME", cache.path().string());
    const RunResult r = runBorderlens("-q adjacency --unit 'huong hoa' --vintage 2023 --format json");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json rows = json::parse(r.out);

    auto s = bl::engine::Session::open({});
    REQUIRE(s);
    auto data = (*s)->load({"vn_adm2_2023", "la_adm2_2019"});
    REQUIRE(data);
    bl::engine::AdjacencyMemo memo(*data, false);  // computed afresh, not read from the CLI's entry
    const bl::SharedBorder* border = nullptr;
    for (const auto& b : memo.between(*(*data)->layer("vn_adm2_2023"), *(*data)->layer("la_adm2_2019")))
        if (b.a->name == "Huyện Hướng Hóa" && b.b->name == "Sepone") border = &b;
    REQUIRE(border);

    const json* sepone = nullptr;
    for (const auto& row : rows)
        if (row["b_name"] == "Sepone") sepone = &row;
    REQUIRE(sepone);
    CHECK((*sepone)["shared_km"].get<double>() == Approx(std::round(bl::shownKm(*border) * 1000) / 1000).margin(1e-9));
    CHECK((*sepone)["shared_km_a_side"].get<double>() == Approx(border->sharedKm).margin(5e-4));
    CHECK((*sepone)["shared_km_b_side"].get<double>() == Approx(border->sharedKmB).margin(5e-4));
    CHECK(bl::engine::kmText((*sepone)["shared_km"].get<double>()) == "77.7 km");
    // Cross-border first, then by the shown figure, never by one side.
    for (size_t i = 1; i < rows.size(); ++i) {
        INFO(rows[i]["b_name"]);
        if (rows[i]["kind"] != rows[i - 1]["kind"]) {
            CHECK(rows[i]["kind"] == "domestic");
            continue;
        }
        CHECK(rows[i]["shared_km"].get<double>() <= rows[i - 1]["shared_km"].get<double>());
    }
}

TEST_CASE("adjacency at commune level lists the Lao districts' own neighbours too", "[cli][real][adjacency][levels]") {
    TempDir cache;
    const ScopedEnv xdg("XDG_CACHE_HOME", cache.path().string());
    const RunResult r = runBorderlens("adjacency --level commune --unit Sepone --format json");
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.err, Catch::Contains("la_adm2_2019 x la_adm2_2019"));
    size_t lao = 0, vietnamese = 0;
    for (const auto& row : json::parse(r.out)) {
        CHECK(row["a_name"] == "Sepone");
        (row["b_country"] == "LA" ? lao : vietnamese) += 1;
    }
    CHECK(lao >= 3);
    CHECK(vietnamese >= 5);
}
