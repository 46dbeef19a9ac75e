// borderlens ingest end to end: the JSON contract, -o/--force, bad input.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace bl::test;
using nlohmann::json;

TEST_CASE("ingest --json on the shared documents follows the contract", "[cli][ingest][real]") {
    const RunResult r = runBorderlens("-q ingest --no-store --json");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json j = json::parse(r.out);
    REQUIRE(j["documents"].size() == 5);
    for (const auto& d : j["documents"])
        for (const char* k : {"file", "date", "title"}) CHECK(d.contains(k));
    REQUIRE(j["links"].size() == 7);
    size_t twinning = 0, plans = 0;
    for (const auto& l : j["links"]) {
        for (const char* k : {"kind", "document", "date", "period", "vn_party", "la_party", "vn_units", "la_units",
                              "confidence", "span"})
            CHECK(l.contains(k));
        REQUIRE(l["span"].size() == 2);
        CHECK(l["span"][0].get<size_t>() < l["span"][1].get<size_t>());
        for (const auto& u : l["vn_units"])
            for (const char* k : {"layer", "id", "name", "level", "parent"}) CHECK(u.contains(k));
        twinning += l["kind"] == "twinning";
        plans += l["kind"] == "cooperation_plan";
    }
    CHECK(twinning == 6);
    CHECK(plans == 1);
    REQUIRE(j["places"].size() == 4);
    for (const auto& p : j["places"])
        for (const char* k : {"kind", "name", "country", "document", "units", "approximate", "span"})
            CHECK(p.contains(k));
}

TEST_CASE("ingest text output is a table, -o never overwrites without --force", "[cli][ingest][real]") {
    TempDir tmp;
    const std::string out = tmp.file("overlay.json");
    const std::string docs = fixture("documents");
    RunResult r = runBorderlens("-q ingest --no-store " + docs);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("links (8)"));
    r = runBorderlens("-q ingest --no-store --json -o " + out + " " + docs);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.empty());
    CHECK(json::parse(std::ifstream(out))["links"].size() == 8);
    std::ofstream(out) << "keep me";
    r = runBorderlens("-q ingest --no-store --json -o " + out + " " + docs);
    CHECK(r.exitCode != 0);
    CHECK_THAT(r.err, Catch::Contains("--force"));
    std::string kept;
    std::getline(std::ifstream(out), kept);
    CHECK(kept == "keep me");
    r = runBorderlens("-q ingest --no-store --json --force -o " + out + " " + docs);
    CHECK(r.exitCode == 0);
    CHECK(json::parse(std::ifstream(out))["links"].size() == 8);
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(tmp.path())) files += e.is_regular_file();
    CHECK(files == 1);  // no temp file left behind
}

TEST_CASE("ingest rejects bad files with their name and writes nothing", "[cli][ingest]") {
    TempDir tmp;
    const std::string out = tmp.file("out.json");
    auto check = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(tmp.file(name), std::ios::binary) << bytes;
        const RunResult r = runBorderlens("-q ingest --no-store --json -o " + out + " " + tmp.file(name));
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::Contains(name));
        CHECK_FALSE(fs::exists(out));
    };
    check("empty.txt", "");
    check("binary.txt", std::string("\0\1\2\3binary", 10));
    check("bad.txt", "Bad \xff\xfe bytes about Laos.\n");
}
