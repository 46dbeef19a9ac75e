// Text and CSV output never carry raw control characters (cli/text_output):
// the helpers, and a layer whose unit name holds a newline, a carriage
// return, an escape, a comma and a quote, through adjacency --format csv,
// find and layers.
#include <catch2/catch.hpp>

#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include "cli/text_output.hpp"
#include "support.hpp"

using namespace bl::test;
using bl::cli::csvField;
using bl::cli::printable;
using bl::cli::printableLines;

namespace {

const std::string kFffd = "\xef\xbf\xbd";

// RFC 4180: records end at CRLF or LF outside quotes; "" inside quotes is a quote.
std::vector<std::vector<std::string>> parseRfc4180(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(cell);
            cell.clear();
        } else if (c == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            rows.emplace_back();
        } else if (c != '\r') {
            cell += c;
        }
    }
    if (rows.back().empty() && cell.empty())
        rows.pop_back();
    else
        rows.back().push_back(cell);
    return rows;
}

// Bytes below 0x20 other than the record separator, and DEL.
size_t rawControls(const std::string& text) {
    size_t n = 0;
    for (unsigned char c : text) n += (c < 0x20 && c != '\n') || c == 0x7F;
    return n;
}

}  // namespace

TEST_CASE("printable replaces every control and bad byte, csvField quotes per RFC 4180", "[cli][text]") {
    CHECK(printable("Tỉnh Đông Thử") == "Tỉnh Đông Thử");
    CHECK(printable("a\nb\rc\td\x1b[31m") == "a" + kFffd + "b" + kFffd + "c" + kFffd + "d" + kFffd + "[31m");
    CHECK(printable(std::string("x\0y", 3)) == "x" + kFffd + "y");
    CHECK(printable("del\x7f") == "del" + kFffd);
    CHECK(printable("c1\xc2\x9b") == "c1" + kFffd);  // U+009B, the 8-bit CSI
    CHECK(printable("bad\xff") == "bad" + kFffd);
    CHECK(printableLines("one\ntwo\r\n") == "one\ntwo" + kFffd + "\n");
    CHECK(csvField("plain") == "plain");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("two\nlines") == "two" + kFffd + "lines");
}

TEST_CASE("a unit name with newline, CR, ESC, comma and quote keeps CSV records whole", "[cli][text][adjacency]") {
    TempDir tmp;
    tmp.write("catalog.json", R"({"attribution": "test", "layers": [
 {"id": "ctl", "path": "units.geojson", "layer": "units", "country": "VN", "level": "province",
  "vintage": {"label": "2023", "valid_from": "2023-01-01", "valid_to": "2025-06-30"},
  "fields": {"id": "id", "name": "name"}, "source": "synthetic", "license": "CC0"}]})");
    tmp.write("units.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"id": "A", "name": "Line\nbreak, \"quoted\"\r\u001b[31mred"},
 "geometry": {"type": "Polygon", "coordinates": [[[105.0,17.0],[105.5,17.0],[105.5,17.5],[105.0,17.5],[105.0,17.0]]]}},
{"type": "Feature", "properties": {"id": "B", "name": "Tab\tname"},
 "geometry": {"type": "Polygon", "coordinates": [[[105.5,17.0],[106.0,17.0],[106.0,17.5],[105.5,17.5],[105.5,17.0]]]}}
]})");
    const std::string on =
        "-q --no-cache --catalog " + tmp.file("catalog.json") + " --data-root " + tmp.path().string();

    const RunResult csv = runBorderlens(on + " adjacency --layers ctl --format csv");
    INFO(csv.err);
    REQUIRE(csv.exitCode == 0);
    CHECK(rawControls(csv.out) == 0);
    const auto rows = parseRfc4180(csv.out);
    REQUIRE(rows.size() == 2);  // the header and one pair
    REQUIRE(rows[0].size() == 17);
    REQUIRE(rows[1].size() == 17);
    CHECK(rows[1][1] == "A");
    CHECK(rows[1][2] == "Line" + kFffd + "break, \"quoted\"" + kFffd + kFffd + "[31mred");
    CHECK(rows[1][7] == "Tab" + kFffd + "name");

    const RunResult find = runBorderlens(on + " find \"line break\"");
    REQUIRE(find.exitCode == 0);
    CHECK(rawControls(find.out) == 0);
    // One line per match, each starting with its score: no name split a line.
    std::istringstream lines(find.out);
    size_t n = 0;
    for (std::string line; std::getline(lines, line); ++n) CHECK(std::isdigit(static_cast<unsigned char>(line[0])));
    CHECK(n >= 1);
    const RunResult layers = runBorderlens(on + " layers");
    REQUIRE(layers.exitCode == 0);
    CHECK(rawControls(layers.out) == 0);
}
