// `borderlens export -o FILE.pdf|FILE.svg` end to end: the PDF rasterised
// agrees with the PNG of the same request, its text is text (title, units,
// legend, attribution, diacritics and Lao script), no map is embedded as an
// image, the page is WIDTH x HEIGHT pixels at --dpi in points; the SVG is
// well-formed XML of that size whose text is <text> in embedded fonts;
// outputs it cannot write are refused.
// Read back with poppler-utils (render/pdf_tools.hpp).
#include <catch2/catch.hpp>

#include <cpl_minixml.h>

#include <fstream>
#include <sstream>
#include <string>

#include "render/pdf_tools.hpp"
#include "skip.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// The character data of every <text> under `node` (with its <tspan>s), one line each.
std::string svgText(const CPLXMLNode* node, bool inText = false) {
    std::string out;
    for (const CPLXMLNode* n = node->psChild; n; n = n->psNext) {
        if (n->eType == CXT_Text && inText) out += n->pszValue;
        if (n->eType != CXT_Element) continue;
        const bool text = std::string(n->pszValue) == "text";
        out += svgText(n, inText || text);
        if (text) out += '\n';
    }
    return out;
}

std::string fixtureExport(const std::string& args) {
    return "-q --catalog " + fixture("catalog.json") + " --data-root " + std::string(BORDERLENS_FIXTURES) +
           " export --vintage 2023 " + args;
}

// Runs `borderlens <args> -o <out>`, requiring success.
void exportTo(const std::string& args, const std::string& out) {
    const RunResult r = runBorderlens(args + " -o " + shellQuote(out));
    INFO("borderlens " << args << " -o " << out << "\n" << r.err);
    REQUIRE(r.exitCode == 0);
}

// The request exported as PNG and as PDF; the PDF rasterised at the same
// DPI must have the PNG's pixel size and look the same: the same layout
// (placed labels, symbols, boxes) drawn by cairo instead of OpenGL, so only
// antialiasing and glyph rasterisation may differ.
void checkAgreement(const TempDir& tmp, const std::string& name, const std::string& args) {
    exportTo(args, tmp.file(name + ".png"));
    exportTo(args, tmp.file(name + ".pdf"));
    auto png = io::readPng(tmp.file(name + ".png"));
    REQUIRE(png);
    checkLooksAlike(*png, rasterisePdf(tmp.file(name + ".pdf"), 96, tmp.file(name + "-pdf")), name);
    // A vector page: no raster image of the map inside, 1600 x 1000 px at 96 dpi in points.
    CHECK(pdfImageCount(tmp.file(name + ".pdf")) == 0);
    const auto sizes = pdfPageSizes(tmp.file(name + ".pdf"));
    REQUIRE(sizes.size() == 1);
    CHECK(sizes[0].width == Approx(1600 / 96.0 * 72).margin(0.01));
    CHECK(sizes[0].height == Approx(1000 / 96.0 * 72).margin(0.01));
}

}  // namespace

TEST_CASE("A PDF export rasterised at its DPI looks like the PNG of the same request", "[cli][export][vector][real]") {
    if (const std::string tool = missingPopplerTool(); !tool.empty())
        BL_SKIP(tool << " is not installed (scripts/setup installs poppler-utils)");
    TempDir tmp;
    checkAgreement(tmp, "pair0", "--no-store export --pair 0 --size 1600x1000 --dpi 96");
    checkAgreement(tmp, "whole", "export --size 1600x1000 --dpi 96");
}

TEST_CASE("A PDF export keeps its words as text: title, focused unit, legend, attribution, diacritics and Lao",
          "[cli][export][vector][real]") {
    if (const std::string tool = missingPopplerTool(); !tool.empty())
        BL_SKIP(tool << " is not installed (scripts/setup installs poppler-utils)");
    TempDir tmp;
    const std::string pdf = tmp.file("hh.pdf");
    exportTo(
        "-q export --focus \"Huyện Hướng Hóa\" --size 1600x1000 --title \"Biên giới Việt–Lào ở Quảng Trị\" "
        "--subtitle \"ສະຫວັນນະເຂດ, Quảng Trị\"",
        pdf);
    const std::string text = pdfText(pdf);
    INFO(text);
    CHECK_THAT(text, Catch::Contains("Biên giới Việt–Lào ở Quảng Trị"));  // the title, precomposed as given
    CHECK_THAT(text, Catch::Contains("ສະຫວັນນະເຂດ, Quảng Trị"));           // Lao through its own face
    CHECK_THAT(text, Catch::Contains("Hướng Hóa"));                       // the focused unit's label
    CHECK_THAT(text, Catch::Contains("Legend"));
    CHECK_THAT(text, Catch::Contains("Viet Nam (2023 units)"));  // a legend entry, with its system
    CHECK_THAT(text, Catch::Contains(collapseSpaces(realCatalog().attribution)));
    CHECK(pdfInfoField(pdf, "Title") == "Biên giới Việt–Lào ở Quảng Trị");
    CHECK(pdfInfoField(pdf, "Creator") == "borderlens");
    // Every font the text uses travels with the file (as subsets).
    const auto fonts = pdfFonts(pdf);
    CHECK(fonts.size() >= 3);
    for (const auto& f : fonts) {
        INFO(f.name);
        CHECK(f.embedded);
    }
}

TEST_CASE("An A4 request at 300 dpi gives an A4 page of vectors", "[cli][export][vector][real]") {
    if (const std::string tool = missingPopplerTool(); !tool.empty())
        BL_SKIP(tool << " is not installed (scripts/setup installs poppler-utils)");
    TempDir tmp;
    const std::string pdf = tmp.file("a4.pdf");
    exportTo("-q export --size 3508x2480 --dpi 300", pdf);
    const auto sizes = pdfPageSizes(pdf);
    REQUIRE(sizes.size() == 1);
    CHECK(sizes[0].width == Approx(842).margin(1));
    CHECK(sizes[0].height == Approx(595).margin(1));
    CHECK(pdfImageCount(pdf) == 0);
    // Text scaled with the DPI stays text at the same words.
    CHECK_THAT(pdfText(pdf), Catch::Contains("Legend") && Catch::Contains(collapseSpaces(realCatalog().attribution)));
}

TEST_CASE("An SVG export is one well-formed SVG page of the requested size in points, the extension in any case",
          "[cli][export][vector]") {
    TempDir tmp;
    const std::string svg = tmp.file("map.svg");
    exportTo(fixtureExport("--size 640x400 --title Fixture"), svg);
    const std::string bytes = slurp(svg);
    REQUIRE(bytes.rfind("<?xml", 0) == 0);
    CPLXMLNode* doc = CPLParseXMLString(bytes.c_str());
    REQUIRE(doc != nullptr);
    const CPLXMLNode* root = CPLGetXMLNode(doc, "=svg");
    REQUIRE(root != nullptr);
    CHECK(std::string(CPLGetXMLValue(root, "xmlns", "")) == "http://www.w3.org/2000/svg");
    CHECK(std::string(CPLGetXMLValue(root, "width", "")) == "480pt");  // 640 px at 96 dpi
    CHECK(std::string(CPLGetXMLValue(root, "height", "")) == "300pt");
    CHECK(std::string(CPLGetXMLValue(root, "viewBox", "")) == "0 0 480 300");
    // Text is <text>, found and selected by viewers: the title and a unit's label.
    const std::string text = svgText(root);
    CPLDestroyXMLNode(doc);
    CHECK_THAT(text, Catch::Contains("Fixture") && Catch::Contains("Tỉnh Tây Thử") && Catch::Contains("Legend"));
    // Drawn: paths for the units, the Noto faces embedded, no glyph outlines, no embedded bitmap.
    CHECK(bytes.find("<path") != std::string::npos);
    CHECK(bytes.find("@font-face") != std::string::npos);
    CHECK(bytes.find("src: url(data:font/ttf;base64,") != std::string::npos);
    CHECK(bytes.find("id=\"glyph") == std::string::npos);
    CHECK(bytes.find("<image") == std::string::npos);

    const std::string pdf = tmp.file("MAP.PDF");
    exportTo(fixtureExport("--size 640x400 --dpi 192"), pdf);
    CHECK(slurp(pdf).rfind("%PDF-", 0) == 0);
    if (missingPopplerTool().empty()) {
        const auto sizes = pdfPageSizes(pdf);
        REQUIRE(sizes.size() == 1);
        CHECK(sizes[0].width == Approx(240).margin(0.01));  // 640 px at 192 dpi
        CHECK(sizes[0].height == Approx(150).margin(0.01));
    }
}

TEST_CASE("export refuses vector outputs it may not write, naming the option or the file",
          "[cli][export][vector][output]") {
    TempDir tmp;
    // A catalog that cannot be read: the output's format is refused first.
    const std::string noData = "-q --catalog " + tmp.file("none.json") + " export ";
    for (const std::string name : {"map.svg", "map.pdf"}) {
        const RunResult r = runBorderlens(noData + "--georef -o " + tmp.file(name));
        INFO(name);
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.err, Catch::Contains("--georef") && Catch::Contains(name) && Catch::Contains(".png"));
        CHECK_THAT(r.err, !Catch::Contains("none.json"));
    }
    RunResult r = runBorderlens(noData + "-o " + tmp.file("map.jpg"));
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Catch::Contains(".jpg") && Catch::Contains(".png") && Catch::Contains(".pdf") &&
                          Catch::Contains(".svg"));
    for (const std::string name : {"map.svg", "map.pdf", "map.jpg"}) CHECK_FALSE(fs::exists(tmp.file(name)));

    // An existing PDF stays byte for byte without --force.
    const std::string before = std::string("%PDF-1.5\n\x00\xff mine\n", 16);
    const std::string existing = tmp.write("existing.pdf", before);
    r = runBorderlens(fixtureExport("--size 300x200 -o " + existing));
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Catch::Contains("existing.pdf") && Catch::Contains("--force"));
    CHECK(slurp(existing) == before);

    // Under a regular file (unwritable even for root) and in a missing directory.
    tmp.write("plain", "not a directory");
    r = runBorderlens(fixtureExport("--size 300x200 -o " + tmp.file("plain/map.pdf")));
    CHECK(r.exitCode != 0);
    CHECK_THAT(r.err, Catch::Contains("plain/map.pdf"));
    r = runBorderlens(fixtureExport("--size 300x200 -o " + tmp.file("gone/map.pdf")));
    CHECK(r.exitCode != 0);
    CHECK_THAT(r.err, Catch::Contains("gone"));
    CHECK_FALSE(fs::exists(tmp.path() / "gone"));
    // Nothing else was left behind (no temporaries).
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(tmp.path())) files += e.is_regular_file();
    CHECK(files == 2);  // existing.pdf and plain
}
