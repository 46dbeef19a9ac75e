// `borderlens export --atlas pairs|gates|provinces`: an overview and a page
// per item, into one PDF (one page per link of `borderlens pairs`, each
// holding its document's file name) or as numbered PNGs into a directory;
// atlas requests it cannot honour are refused before loading.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "io/png_image.hpp"
#include "render/pdf_tools.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;
namespace fs = std::filesystem;

TEST_CASE("An atlas of the pairs has the overview and one page per link of borderlens pairs",
          "[cli][export][atlas][real]") {
    TempDir tmp;
    const RunResult pairs = runBorderlens("-q --no-store pairs --json");
    REQUIRE(pairs.exitCode == 0);
    const auto links = nlohmann::json::parse(pairs.out).at("links");
    REQUIRE(links.size() >= 2);
    const std::string pdf = tmp.file("atlas.pdf");
    const RunResult r = runBorderlens("-q --no-store export --atlas pairs --page A5 --dpi 96 -o " + shellQuote(pdf));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const auto pages = pdfPageSizes(pdf);
    REQUIRE(pages.size() == links.size() + 1);
    for (const auto& p : pages) {  // A5 landscape, in points
        CHECK(p.width == Approx(210 / 25.4 * 72).margin(1.0));
        CHECK(p.height == Approx(148 / 25.4 * 72).margin(1.0));
    }
    // The overview lists every page and says what the atlas is.
    const std::string overview = collapseSpaces(pdfText(pdf, 1));
    CHECK_THAT(overview, Catch::Contains("Atlas of twinned pairs") && Catch::Contains("Pages"));
    for (size_t i = 0; i < links.size(); ++i) {
        INFO("link " << i);
        CHECK_THAT(overview, Catch::Contains(std::to_string(i + 1) + ". ") && Catch::Contains("link " + std::to_string(i)));
        // Page i + 2 is link i's: its number, its document, its checks in both systems.
        const std::string page = collapseSpaces(pdfText(pdf, int(i) + 2));
        const std::string document = fs::path(links[i].at("document").get<std::string>()).filename().string();
        CHECK_THAT(page, Catch::StartsWith(std::to_string(i + 1) + ". ") || Catch::Contains(" " + std::to_string(i + 1) + ". "));
        CHECK_THAT(page, Catch::Contains(document));
        CHECK_THAT(page, Catch::Contains("2023 ") && Catch::Contains("2025 "));
        CHECK_THAT(page, Catch::Contains("atlas page " + std::to_string(i + 2) + " of " + std::to_string(links.size() + 1)));
    }
}

TEST_CASE("An atlas of the gates into a directory is one numbered PNG per gate pair after the overview",
          "[cli][export][atlas][real]") {
    TempDir tmp;
    std::ifstream in(fs::path(BORDERLENS_FIXTURES).parent_path().parent_path() / "geodata" / "border_gates.json");
    const auto gates = nlohmann::json::parse(in).at("gates");
    REQUIRE(gates.size() >= 10);
    const std::string dir = tmp.file("gates") + "/";
    const RunResult r = runBorderlens("-q export --atlas gates --size 480x320 -o " + shellQuote(dir));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    REQUIRE(names.size() == gates.size() + 1);
    CHECK(names.front() == "00-overview.png");
    CHECK(names[1].rfind("01-", 0) == 0);
    CHECK(names.back().rfind(std::to_string(gates.size()) + "-", 0) == 0);
    for (const auto& n : names) {
        CHECK(n.size() > 7);
        CHECK(n.substr(n.size() - 4) == ".png");
    }
    auto first = io::readPng(dir + names[1]);
    REQUIRE(first);
    CHECK(first->width == 480);
    CHECK(first->height == 320);
    // Only the last page left: written again without --force, the run refuses before it writes any
    // page, names the one in the way, and keeps it.
    for (size_t i = 0; i + 1 < names.size(); ++i) fs::remove(dir + names[i]);
    const auto before = fs::last_write_time(dir + names.back());
    const RunResult again = runBorderlens("-q export --atlas gates --size 480x320 -o " + shellQuote(dir));
    CHECK(again.exitCode != 0);
    CHECK_THAT(again.err, Catch::Contains(names.back()) && Catch::Contains("--force"));
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    CHECK(fs::last_write_time(dir + names.back()) == before);
}

TEST_CASE("export refuses an atlas it cannot write, before loading", "[cli][export][atlas]") {
    TempDir tmp;
    // A catalog that cannot be read: the options are refused first.
    const std::string noData = "-q --catalog " + tmp.file("none.json") + " export ";
    struct Case {
        std::string args, says;
    };
    for (const Case& c : {Case{"--atlas rivers -o " + tmp.file("a.pdf"), "pairs, gates or provinces"},
                          Case{"--atlas pairs -o " + tmp.file("a.svg"), ".pdf"},
                          Case{"--atlas pairs -o " + tmp.file("a.png"), "DIR/"},
                          Case{"--atlas pairs --georef -o " + tmp.file("a.pdf"), "--georef"}}) {
        INFO(c.args);
        const RunResult r = runBorderlens(noData + c.args);
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.err, Catch::Contains(c.says));
        CHECK_THAT(r.err, !Catch::Contains("none.json"));
    }
    const RunResult both = runBorderlens("-q --no-store export --atlas pairs --pair 0 -o " + tmp.file("b.pdf"));
    CHECK(both.exitCode == 2);
    CHECK_THAT(both.err, Catch::Contains("--atlas") && Catch::Contains("--pair"));
    CHECK_FALSE(fs::exists(tmp.file("b.pdf")));
}
