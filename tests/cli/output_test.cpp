// Where the text commands write (-o, cli/cmd_layers.cpp emitOutput): standard
// output with "-", into a FIFO, never over a directory; exit 2 for a target
// that may not be written, 1 for a failed write; the -o extension against
// the format; JSON that never fails on a file name in another encoding.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "fifo_guard.hpp"
#include "support.hpp"

using namespace bl::test;
using nlohmann::json;

namespace {

std::string onFixtures(const std::string& args) {
    return "-q --no-cache --catalog " + fixture("catalog.json") + " --data-root " + std::string(BORDERLENS_FIXTURES) +
           " " + args;
}

const std::string kHeader = "a_layer,a_id,a_name";

}  // namespace

TEST_CASE("text output: -o - writes the result to standard output", "[cli][output]") {
    const RunResult csv = runBorderlens(onFixtures("adjacency --layers fx_provinces -o -"));
    INFO(csv.err);
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.out.rfind(kHeader, 0) == 0);
    CHECK_THAT(csv.out, Catch::Contains("P1") && Catch::Contains("P2"));
    CHECK_FALSE(fs::exists("-"));
    const RunResult ingest = runBorderlens(onFixtures("ingest --no-store --json -o - " + fixture("documents")));
    INFO(ingest.err);
    REQUIRE(ingest.exitCode == 0);
    CHECK(json::parse(ingest.out)["documents"].size() == 5);
}

TEST_CASE("text output: -o onto a FIFO with a reader writes into it and leaves the FIFO", "[cli][output]") {
    TempDir tmp;
    FifoReader reader(tmp.file("pipe"));
    REQUIRE(reader.made());
    const std::string& fifo = reader.path();
    const RunResult r = runBorderlens(onFixtures("adjacency --layers fx_provinces -o " + fifo));
    const std::string& received = reader.finish();
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(received.rfind(kHeader, 0) == 0);
    struct stat st {};
    REQUIRE(lstat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    size_t entries = 0;
    for (const auto& e : fs::directory_iterator(tmp.path())) entries += e.exists() ? 1 : 0;
    CHECK(entries == 1);
}

TEST_CASE("text output: -o exit codes: 2 for a target that may not be written, 1 for a failed write", "[cli][output]") {
    TempDir tmp;
    fs::create_directories(tmp.path() / "dir");
    const RunResult dir = runBorderlens(onFixtures("adjacency --layers fx_provinces --force -o " + tmp.file("dir")));
    CHECK(dir.exitCode == 2);
    CHECK_THAT(dir.err, Catch::Contains("dir") && Catch::Contains("is a directory"));
    CHECK(fs::is_directory(tmp.path() / "dir"));

    tmp.write("kept.csv", "precious");
    const RunResult exists = runBorderlens(onFixtures("adjacency --layers fx_provinces -o " + tmp.file("kept.csv")));
    CHECK(exists.exitCode == 2);
    CHECK_THAT(exists.err, Catch::Contains("kept.csv") && Catch::Contains("--force"));

    const RunResult missing =
        runBorderlens(onFixtures("pairs " + fixture("documents") + " -o " + tmp.file("no/dir/p.txt")));
    CHECK(missing.exitCode == 2);
    CHECK_THAT(missing.err, Catch::Contains("no/dir"));

    const RunResult full = runBorderlens(onFixtures("adjacency --layers fx_provinces -o /dev/full"));
    CHECK(full.exitCode == 1);
    CHECK_THAT(full.err, Catch::Contains("/dev/full") && Catch::Contains("no space left on device"));
    // One sentence: the error line is the only one.
    CHECK(std::count(full.err.begin(), full.err.end(), '\n') == 1);
}

TEST_CASE("text output: -o with an extension of another format than the one written is refused", "[cli][output]") {
    TempDir tmp;
    const RunResult csvAsJson =
        runBorderlens(onFixtures("adjacency --layers fx_provinces --format csv -o " + tmp.file("x.json")));
    CHECK(csvAsJson.exitCode == 2);
    CHECK_THAT(csvAsJson.err, Catch::Contains("x.json") && Catch::Contains("CSV"));
    CHECK_FALSE(fs::exists(tmp.file("x.json")));
    const RunResult jsonAsCsv =
        runBorderlens(onFixtures("adjacency --layers fx_provinces --format json -o " + tmp.file("x.csv")));
    CHECK(jsonAsCsv.exitCode == 2);
    const RunResult textAsJson =
        runBorderlens(onFixtures("ingest --no-store -o " + tmp.file("t.json") + " " + fixture("documents")));
    CHECK(textAsJson.exitCode == 2);
    CHECK_FALSE(fs::exists(tmp.file("t.json")));
    // GeoJSON is JSON; other names say nothing about the format.
    const RunResult geo =
        runBorderlens(onFixtures("adjacency --layers fx_provinces --format geojson -o " + tmp.file("g.json")));
    INFO(geo.err);
    CHECK(geo.exitCode == 0);
    CHECK(json::parse(std::ifstream(tmp.file("g.json")))["type"] == "FeatureCollection");
    const RunResult plain = runBorderlens(onFixtures("adjacency --layers fx_provinces -o " + tmp.file("pairs.out")));
    CHECK(plain.exitCode == 0);
}

TEST_CASE("ingest --json with a document file name that is not UTF-8 replaces the bad byte", "[cli][output][ingest]") {
    TempDir tmp;
    fs::create_directories(tmp.path() / "docs");
    const std::string badName = std::string("kon\xff") + "tum.txt";
    fs::copy_file(fixture("documents/kon_tum_attapeu.txt"), tmp.path() / "docs" / badName);
    const RunResult r = runBorderlens(onFixtures("ingest --no-store --json " + tmp.file("docs")));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.err, !Catch::Contains("type_error"));
    const json j = json::parse(r.out);
    REQUIRE(j["documents"].size() == 1);
    CHECK_THAT(j["documents"][0]["file"].get<std::string>(), Catch::EndsWith("kon\xef\xbf\xbdtum.txt"));
    // The text table names it too, with the same replacement.
    const RunResult text = runBorderlens(onFixtures("ingest --no-store " + tmp.file("docs")));
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.out, Catch::Contains("kon\xef\xbf\xbdtum.txt"));
    CHECK(text.out.find('\xff') == std::string::npos);
}
