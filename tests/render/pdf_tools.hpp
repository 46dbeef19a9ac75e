#pragma once
// Reading vector exports back with poppler-utils (scripts/setup installs
// them): page count and sizes (pdfinfo), text (pdftotext), embedded images
// (pdfimages), fonts (pdffonts), a page rasterised (pdftoppm); and whether
// that raster looks like the OpenGL export of the same spec.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "io/png_image.hpp"
#include "render/golden.hpp"

namespace bl::test {

// The first poppler tool the tests need that is not installed; empty when all are.
inline std::string missingPopplerTool() {
    for (const char* tool : {"pdfinfo", "pdftotext", "pdftoppm", "pdfimages", "pdffonts"})
        if (std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) != 0) return tool;
    return {};
}

inline std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct ToolRun {
    int exitCode = -1;
    std::string out;  // stdout and stderr
};

// Runs a shell command line, capturing what it prints.
inline ToolRun runTool(const std::string& command) {
    ToolRun r;
    FILE* p = popen((command + " 2>&1").c_str(), "r");
    if (!p) return r;
    char buf[65536];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
    const int status = pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// Runs of white space (line breaks included) as one space: pdftotext lays
// text out in lines and columns of its own.
inline std::string collapseSpaces(const std::string& s) {
    std::string out;
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
        if (!space)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    return out;
}

// The text of page `page` (1-based), or of every page (0), spaces collapsed.
inline std::string pdfText(const std::string& pdf, int page = 0) {
    const std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    return collapseSpaces(runTool("pdftotext -enc UTF-8" + range + " " + shellQuote(pdf) + " -").out);
}

// A field of `pdfinfo` ("Title", "Pages", ...), its value trimmed; empty when absent.
inline std::string pdfInfoField(const std::string& pdf, const std::string& field) {
    std::istringstream lines(runTool("pdfinfo -enc UTF-8 " + shellQuote(pdf)).out);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(field + ":", 0) == 0) {
            const size_t at = line.find_first_not_of(' ', field.size() + 1);
            return at == std::string::npos ? std::string() : line.substr(at);
        }
    return {};
}

struct PageSize {
    double width = 0, height = 0;  // points
};

// Every page's size, from `pdfinfo -f 1 -l N` ("Page    2 size: 600 x 300 pts").
inline std::vector<PageSize> pdfPageSizes(const std::string& pdf) {
    const int pages = std::atoi(pdfInfoField(pdf, "Pages").c_str());
    std::vector<PageSize> out;
    if (pages <= 0) return out;
    std::istringstream lines(runTool("pdfinfo -f 1 -l " + std::to_string(pages) + " " + shellQuote(pdf)).out);
    for (std::string line; std::getline(lines, line);) {
        int n = 0;
        PageSize s;
        if (std::sscanf(line.c_str(), "Page %d size: %lf x %lf", &n, &s.width, &s.height) == 3) out.push_back(s);
    }
    return out;
}

// How many images `pdfimages -list` finds (its two header lines not counted); -1 when it fails.
inline int pdfImageCount(const std::string& pdf) {
    const ToolRun r = runTool("pdfimages -list " + shellQuote(pdf));
    if (r.exitCode != 0) return -1;
    std::istringstream lines(r.out);
    int n = 0, row = 0;
    for (std::string line; std::getline(lines, line); ++row)
        if (row >= 2 && line.find_first_not_of(' ') != std::string::npos) ++n;
    return n;
}

struct PdfFont {
    std::string name;
    bool embedded = false;
};

// The fonts `pdffonts` lists: name and whether the file carries it. Read
// from the right, as the type ("CID TrueType") may hold a space.
inline std::vector<PdfFont> pdfFonts(const std::string& pdf) {
    std::istringstream lines(runTool("pdffonts " + shellQuote(pdf)).out);
    std::vector<PdfFont> out;
    int row = 0;
    for (std::string line; std::getline(lines, line); ++row) {
        if (row < 2) continue;
        std::istringstream words(line);
        std::vector<std::string> w;
        for (std::string word; words >> word;) w.push_back(word);
        if (w.size() < 7) continue;
        out.push_back({w.front(), w[w.size() - 5] == "yes"});
    }
    return out;
}

// Page `page` rasterised at `dpi` into `pngPath` (without .png; pdftoppm
// adds it) and read back; an empty image when that fails.
inline io::RgbaImage rasterisePdf(const std::string& pdf, double dpi, const std::string& pngPath, int page = 1) {
    const std::string p = std::to_string(page);
    const ToolRun r = runTool("pdftoppm -r " + std::to_string(dpi) + " -f " + p + " -l " + p + " -png -singlefile " +
                              shellQuote(pdf) + " " + shellQuote(pngPath));
    if (r.exitCode != 0) return {};
    auto img = io::readPng(pngPath + ".png");
    return img ? *img : io::RgbaImage{};
}

// Mean absolute difference per colour channel (0..255) of two images of one size.
inline std::array<double, 3> meanAbsDifference(const io::RgbaImage& a, const io::RgbaImage& b) {
    std::array<double, 3> sum{};
    if (a.width != b.width || a.height != b.height || a.pixels.empty()) return {255, 255, 255};
    for (size_t i = 0; i < a.pixels.size(); i += 4)
        for (int c = 0; c < 3; ++c) sum[c] += std::abs(int(a.pixels[i + c]) - int(b.pixels[i + c]));
    const double n = double(a.width) * a.height;
    return {sum[0] / n, sum[1] / n, sum[2] / n};
}

// Share of pixels of `a` with no pixel of `b` within `tolerance` (largest
// channel difference) at most `radius` pixels away: what a sub-pixel shift
// or different antialiasing of the same line or glyph does not explain.
inline double unmatchedFraction(const io::RgbaImage& a, const io::RgbaImage& b, int tolerance, int radius = 1) {
    if (a.width != b.width || a.height != b.height || a.pixels.empty()) return 1.0;
    size_t unmatched = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) {
            const uint8_t* p = a.at(x, y);
            bool found = false;
            for (int qy = std::max(0, y - radius); qy <= std::min(a.height - 1, y + radius) && !found; ++qy)
                for (int qx = std::max(0, x - radius); qx <= std::min(a.width - 1, x + radius) && !found; ++qx) {
                    const uint8_t* q = b.at(qx, qy);
                    int d = 0;
                    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(p[c]) - int(q[c])));
                    found = d <= tolerance;
                }
            unmatched += !found;
        }
    return double(unmatched) / (double(a.width) * a.height);
}

// The PNG export and the PDF of the same spec rasterised at its DPI: the
// same layout drawn by OpenGL and by cairo + poppler, so only antialiasing,
// glyph rasterisation, 8-bit rounding, line ends (round in the PDF, butt in
// the PNG) and poppler's snapping of thin lines to whole pixels may differ.
// Measured (cairo 1.16, poppler 22.12) on the real pair 0 and the whole
// area at 1600x1000: mean difference 1.8-2.4 per channel, 0.6-0.75% of
// pixels more than 64 apart, at most 0.31% without a pixel within 48 in the
// other's 3x3 neighbourhood. For scale, the PNG of pair 0 without labels
// against the PDF with them: mean 3.4, 1.6%, unmatched 1.3% and 2.3%; the
// PNG of pair 1 against the PDF of pair 0: 3.2, 1.1%, 1.4% and 1.3%.
// `maxUnmatched` is looser for scenes of pixel-aligned straight lines (the
// fixtures), where that snapping shows most.
inline void checkLooksAlike(const io::RgbaImage& png, const io::RgbaImage& pdf, const std::string& what,
                            double maxUnmatched = 0.006) {
    REQUIRE(pdf.width == png.width);
    REQUIRE(pdf.height == png.height);
    const auto mean = meanAbsDifference(png, pdf);
    const double far = differingFraction(png, pdf, 64);
    const double lost = unmatchedFraction(png, pdf, 48), added = unmatchedFraction(pdf, png, 48);
    INFO(what << ": mean |PNG - PDF| per channel " << mean[0] << ", " << mean[1] << ", " << mean[2]
              << "; more than 64 apart: " << far * 100 << "%; unmatched within 48 in 3x3, PNG in PDF: " << lost * 100
              << "%, PDF in PNG: " << added * 100 << "%");
    for (double m : mean) CHECK(m < 4.0);
    CHECK(far < 0.015);
    CHECK(lost < maxUnmatched);
    CHECK(added < maxUnmatched);
}

}  // namespace bl::test
