// What a printed map carries besides the map (issue #16): graticule values
// on the frame, the CRS, the data drawn and the production date in the
// margin (SOURCE_DATE_EPOCH for a reproducible date), the focused unit's
// name drawn larger than the other units', and a blank margin in mm.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>
#include <string>
#include <vector>

#include "render/pdf_tools.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

struct Word {
    double x0, y0, x1, y1;
    std::string text;
};

// The words of page 1 with their boxes (pdftotext -bbox), in points.
std::vector<Word> pdfWords(const std::string& pdf) {
    const ToolRun r = runTool("pdftotext -bbox -f 1 -l 1 " + shellQuote(pdf) + " -");
    REQUIRE(r.exitCode == 0);
    std::vector<Word> out;
    const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), word); it != std::sregex_iterator(); ++it)
        out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), (*it)[5]});
    return out;
}

}  // namespace

TEST_CASE("A printed export carries graticule values, the CRS, the data, the production date and its focus in large",
          "[cli][export][vector][real]") {
    TempDir tmp;
    const std::string pdf = tmp.file("focus.pdf");
    // The date the margin shows: SOURCE_DATE_EPOCH's (the child inherits it).
    setenv("SOURCE_DATE_EPOCH", "1000000000", 1);
    const RunResult r = runBorderlens("-q --no-store export --focus \"Huyện Hướng Hóa\" --page A4 --dpi 96 --margin 8 -o " +
                                      shellQuote(pdf));
    unsetenv("SOURCE_DATE_EPOCH");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const std::string text = collapseSpaces(pdfText(pdf));
    CHECK_THAT(text, Catch::Contains("Lambert conformal conic on WGS 84"));
    CHECK_THAT(text, Catch::Contains("Vietnamese units 2023"));
    CHECK_THAT(text, Catch::Contains("produced 2001-09-09"));  // the epoch's day, not today
    CHECK(std::regex_search(text, std::regex(R"(1[0-9]{2}(\.[0-9]+)?°E)")));
    CHECK(std::regex_search(text, std::regex(R"([0-9]{2}(\.[0-9]+)?°N)")));

    const std::vector<Word> words = pdfWords(pdf);
    const double pageW = 297 / 25.4 * 72, pageH = 210 / 25.4 * 72, margin = 8 / 25.4 * 72;
    double titleBottom = 0, focus = 0, other = 0;
    for (const Word& w : words) {
        // Nothing in the blank margin.
        CHECK(w.x0 >= margin - 0.5);
        CHECK(w.x1 <= pageW - margin + 0.5);
        CHECK(w.y0 >= margin - 0.5);
        CHECK(w.y1 <= pageH - margin + 0.5);
        if (w.y1 < 60 && w.text.rfind("Hướng", 0) == 0) titleBottom = w.y1;
    }
    for (const Word& w : words) {
        if (w.y0 <= titleBottom + 1) continue;  // the title
        if (w.text == "Hướng") focus = std::max(focus, w.y1 - w.y0);
        if (w.text == "Sepone") other = w.y1 - w.y0;  // a neighbouring district across the border
    }
    REQUIRE(titleBottom > 0);
    REQUIRE(focus > 0);
    REQUIRE(other > 0);
    CHECK(focus > 1.5 * other);
}
