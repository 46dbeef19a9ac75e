// Bad boundary data: each case gives one clear error naming the file and the
// problem (or, where a safe assumption exists, a warning that says so).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <gdal_utils.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#include "fifo_guard.hpp"
#include "io/layer_loader.hpp"
#include "skip.hpp"
#include "support.hpp"

extern char** environ;

using namespace bl;
using namespace bl::test;

namespace {

LayerSpec spec(const std::string& path, const std::string& idField = "id", const std::string& nameField = "name") {
    LayerSpec s;
    s.id = "bad";
    s.path = path;
    s.country = Country::VN;
    s.level = Level::Province;
    s.vintage.label = "test";
    s.fields.id = idField;
    s.fields.name = nameField;
    return s;
}

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

// This process's own peak resident set (VmHWM), MiB.
[[maybe_unused]] double selfPeakMiB() {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0.0;
}

struct MeasuredRun {
    RunResult result;
    double peakMiB = 0.0;  // the child's own peak resident set
};

// Runs borderlens (no shell) and waits for that one child with wait4, so the
// peak is its own: RUSAGE_CHILDREN would report the largest of every child
// this test process has ever waited for.
MeasuredRun runBorderlensMeasured(const std::vector<std::string>& args) {
    TempDir tmp;
    const std::string out = tmp.file("out"), err = tmp.file("err");
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&files, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<std::string> words{BORDERLENS_BINARY};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    REQUIRE(spawned == 0);
    int status = 0;
    struct rusage ru {};
    REQUIRE(wait4(pid, &status, 0, &ru) == pid);
    MeasuredRun m;
    m.result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m.result.out = slurp(out);
    m.result.err = slurp(err);
    m.peakMiB = double(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
    return m;
}

std::string featureCollection(const std::string& features) {
    return R"({"type": "FeatureCollection", "features": [)" + features + "]}";
}

std::string square(const std::string& id, const std::string& name, double x = 105, double y = 17) {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  R"({"type": "Feature", "properties": {"id": "%s", "name": "%s"}, "geometry": {"type": "Polygon",
                  "coordinates": [[[%g, %g], [%g, %g], [%g, %g], [%g, %g], [%g, %g]]]}})",
                  id.c_str(), name.c_str(), x, y, x + 0.1, y, x + 0.1, y + 0.1, x, y + 0.1, x, y);
    return buf;
}

// Writes a shapefile through GDAL from a GeoJSON string.
std::string shapefile(const TempDir& tmp, const std::string& geojson, const std::vector<const char*>& extra = {}) {
    const std::string src = tmp.file("src.geojson");
    write(src, geojson);
    GDALAllRegister();
    std::vector<const char*> argv = {"-f", "ESRI Shapefile"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* opt = GDALVectorTranslateOptionsNew(const_cast<char**>(argv.data()), nullptr);
    GDALDatasetH in = GDALOpenEx(src.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    const std::string dst = tmp.file("units.shp");
    GDALDatasetH out = GDALVectorTranslate(dst.c_str(), nullptr, 1, &in, opt, nullptr);
    GDALVectorTranslateOptionsFree(opt);
    GDALClose(in);
    REQUIRE(out);
    GDALClose(out);
    return dst;
}

std::string message(const Result<Layer>& r) { return r ? std::string("(loaded)") : r.error().message; }

}  // namespace

TEST_CASE("Bad data: valid JSON that is not GeoJSON", "[bad-input]") {
    TempDir tmp;
    write(tmp.file("x.geojson"), R"({"hello": [1, 2, 3], "type": "Nothing"})");
    auto r = io::loadLayer(spec(tmp.file("x.geojson")), "");
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r), Catch::Contains("x.geojson"));
}

TEST_CASE("Bad data: a layer with zero features", "[bad-input]") {
    TempDir tmp;
    write(tmp.file("none.geojson"), featureCollection(""));
    auto r = io::loadLayer(spec(tmp.file("none.geojson")), "");
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r), Catch::Contains("none.geojson") && Catch::Contains("no polygon features"));
}

TEST_CASE("Bad data: coordinates out of longitude/latitude range", "[bad-input]") {
    TempDir tmp;
    write(tmp.file("far.geojson"), featureCollection(square("1", "A") + "," + square("2", "B", 500, 17)));
    auto r = io::loadLayer(spec(tmp.file("far.geojson")), "");
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r), Catch::Contains("far.geojson") && Catch::Contains("feature 2") &&
                               Catch::Contains("outside longitude/latitude"));
}

TEST_CASE("Bad data: non-finite coordinates", "[bad-input]") {
    TempDir tmp;
    write(tmp.file("inf.geojson"),
          featureCollection(R"({"type": "Feature", "properties": {"id": "1", "name": "A"}, "geometry": {"type":
          "Polygon", "coordinates": [[[105, 17], [1e400, 17], [105.1, 17.1], [105, 17]]]}})"));
    auto r = io::loadLayer(spec(tmp.file("inf.geojson")), "");
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r), Catch::Contains("inf.geojson"));
}

TEST_CASE("Bad data: self-intersecting, unclosed and empty geometries are repaired or counted", "[bad-input]") {
    TempDir tmp;
    write(tmp.file("mixed.geojson"),
          featureCollection(
              square("1", "Good") + "," +
              R"({"type": "Feature", "properties": {"id": "2", "name": "Bowtie"}, "geometry": {"type": "Polygon",
              "coordinates": [[[106, 17], [106.1, 17.1], [106.1, 17], [106, 17.1], [106, 17]]]}},
              {"type": "Feature", "properties": {"id": "3", "name": "Open"}, "geometry": {"type": "Polygon",
              "coordinates": [[[107, 17], [107.1, 17], [107.1, 17.1], [107, 17.1]]]}},
              {"type": "Feature", "properties": {"id": "4", "name": "Empty"}, "geometry": {"type": "Polygon",
              "coordinates": []}},
              {"type": "Feature", "properties": {"id": "5", "name": "Null"}, "geometry": null})"));
    auto r = io::loadLayer(spec(tmp.file("mixed.geojson")), "");
    INFO(message(r));
    REQUIRE(r);
    CHECK(r->units.size() == 3);
    CHECK(r->repaired == 2);
    CHECK(r->skippedEmpty == 2);
}

TEST_CASE("Bad data: a shapefile without its .dbf", "[bad-input]") {
    TempDir tmp;
    const std::string shp = shapefile(tmp, featureCollection(square("1", "A")));
    fs::remove(tmp.file("units.dbf"));
    auto r = io::loadLayer(spec(shp), "");
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r), Catch::Contains("units.shp") && Catch::Contains(".dbf"));
}

TEST_CASE("Bad data: a shapefile without .prj is taken as WGS84 only when it fits, and says so", "[bad-input]") {
    TempDir tmp;
    const std::string shp = shapefile(tmp, featureCollection(square("1", "A")));
    fs::remove(tmp.file("units.prj"));
    auto r = io::loadLayer(spec(shp), "");
    INFO(message(r));
    REQUIRE(r);
    REQUIRE(r->warnings.size() == 1);
    CHECK_THAT(r->warnings[0], Catch::Contains("units.shp") && Catch::Contains("WGS84"));

    TempDir tmp2;
    const std::string projected = shapefile(tmp2, featureCollection(square("1", "A", 500000, 2000000)));
    fs::remove(tmp2.file("units.prj"));
    auto bad = io::loadLayer(spec(projected), "");
    REQUIRE_FALSE(bad);
    CHECK_THAT(message(bad), Catch::Contains("units.shp") && Catch::Contains("coordinate reference system"));
}

TEST_CASE("Bad data: names in the wrong encoding", "[bad-input]") {
    SECTION("bytes in Latin-1, .cpg says UTF-8") {
        TempDir tmp;
        const std::string shp = shapefile(tmp, featureCollection(square("1", "Hòa Bình")), {"-lco", "ENCODING=ISO-8859-1"});
        write(tmp.file("units.cpg"), "UTF-8");
        auto r = io::loadLayer(spec(shp), "");
        REQUIRE_FALSE(r);
        CHECK_THAT(message(r), Catch::Contains("units.shp") && Catch::Contains("not valid UTF-8"));
    }
    SECTION("bytes in UTF-8, .cpg says Latin-1") {
        TempDir tmp;
        const std::string shp = shapefile(tmp, featureCollection(square("1", "Huyện Hướng Hóa")), {"-lco", "ENCODING=UTF-8"});
        write(tmp.file("units.cpg"), "ISO-8859-1");
        auto r = io::loadLayer(spec(shp), "");
        REQUIRE_FALSE(r);
        CHECK_THAT(message(r), Catch::Contains("units.shp") && Catch::Contains("Latin-1"));
    }
}

TEST_CASE("Bad data: a large file is streamed, not held twice", "[bad-input]") {
    TempDir tmp;
    const std::string path = tmp.file("big.geojson");
    {
        std::ofstream out(path);
        out << R"({"type": "FeatureCollection", "features": [)";
        // 4,000 features of 600 vertices: about 40 MB of text.
        for (int f = 0; f < 4000; ++f) {
            const double x0 = 102 + (f % 80) * 0.09, y0 = 14 + (f / 80) * 0.17;
            out << (f ? "," : "") << R"({"type": "Feature", "properties": {"id": ")" << f << R"(", "name": "U)" << f
                << R"("}, "geometry": {"type": "Polygon", "coordinates": [[)";
            for (int i = 0; i < 600; ++i) {
                const double t = 2 * M_PI * i / 600;
                out << "[" << x0 + 0.04 * (1 + std::cos(t)) << ", " << y0 + 0.04 * (1 + std::sin(t)) << "],";
            }
            out << "[" << x0 + 0.08 << ", " << y0 + 0.04 << "]]]}}";
        }
        out << "]}";
    }
    const auto fileMiB = double(fs::file_size(path)) / (1 << 20);
    REQUIRE(fileMiB > 30);
    std::ofstream(tmp.file("catalog.json")) << R"({"layers": [{"id": "big", "path": ")" << path
                                            << R"(", "country": "VN", "level": "province", "vintage": {"label": "x"},
                                            "fields": {"id": "id", "name": "name"}}]})";
    const MeasuredRun m = runBorderlensMeasured(
        {"-q", "--catalog", tmp.file("catalog.json"), "--data-root", tmp.path().string(), "layers", "--json"});
    INFO(m.result.err);
    REQUIRE(m.result.exitCode == 0);
    CHECK_THAT(m.result.out, Catch::Contains("\"big\""));
    // Our geometry for 2.4M vertices is ~37 MiB; a JSON document tree of the
    // whole file would be several times the file.
#ifdef BORDERLENS_SANITIZED
    BL_SKIP("peak memory not checked under AddressSanitizer (its shadow memory dominates): " << m.peakMiB << " MiB");
#else
    // A spawned child starts with its parent's peak (Linux carries the
    // high-water mark across vfork and exec): when this test process has
    // already grown past the limit (the whole suite in one process, not
    // ctest's one case per process), the figure is not the child's.
    if (selfPeakMiB() >= 2.5 * fileMiB + 60)
        BL_SKIP("this test process is already at " << selfPeakMiB() << " MiB; run the case alone (as ctest does)");
    INFO("peak " << m.peakMiB << " MiB for a " << fileMiB << " MiB file");
    CHECK(m.peakMiB > 10);  // the measurement is of the child that loaded the file
    CHECK(m.peakMiB < 2.5 * fileMiB + 60);
#endif
}

namespace {

// Runs borderlens under timeout(1): a reader that regresses into blocking
// or into reading a device forever fails the case instead of hanging it.
RunResult runBounded(const std::string& args, int seconds = 20) {
    TempDir tmp;
    const std::string cmd = "timeout " + std::to_string(seconds) + " " + std::string(BORDERLENS_BINARY) + " " + args +
                            " >" + tmp.file("out") + " 2>" + tmp.file("err");
    RunResult r;
    const int status = std::system(cmd.c_str());
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(tmp.file("out"));
    r.err = slurp(tmp.file("err"));
    return r;
}

// Each line on stderr is one of ours ("borderlens: ..."): nothing of a
// library's printed as is ("ERROR 1: ...", "Warning 1: ...").
void checkOnlyOurLines(const std::string& err) {
    std::istringstream lines(err);
    for (std::string line; std::getline(lines, line);) CHECK_THAT(line, Catch::StartsWith("borderlens: "));
}

std::string oneLayerCatalog(const TempDir& tmp, const std::string& path) {
    return tmp.write("catalog.json", R"({"layers": [{"id": "x", "path": ")" + path +
                                         R"(", "country": "VN", "level": "province", "vintage": {"label": "1"},
                                         "fields": {"id": "id", "name": "name"}}]})");
}

}  // namespace

TEST_CASE("Bad data: a FIFO as a layer file or beside a shapefile is refused without opening it",
          "[bad-input][special-files]") {
    TempDir tmp;
    GuardedFifo fifo(tmp.file("units.geojson"));
    REQUIRE(fifo.made());
    auto r = io::loadLayer(spec(fifo.path()), "");
    REQUIRE_FALSE(r);
    CHECK(message(r) == "layer bad: file " + fifo.path() + " is a FIFO (named pipe), not a regular file");
    CHECK_FALSE(fifo.fired());

    TempDir shp;
    const std::string units = shapefile(shp, featureCollection(square("1", "A")));
    fs::remove(shp.file("units.dbf"));
    GuardedFifo dbf(shp.file("units.dbf"));
    REQUIRE(dbf.made());
    auto side = io::loadLayer(spec(units), "");
    REQUIRE_FALSE(side);
    CHECK(message(side) == "layer bad: file " + dbf.path() + " is a FIFO (named pipe), not a regular file");
    CHECK_FALSE(dbf.fired());
}

TEST_CASE("Bad input: a FIFO, a directory or a device as catalog, document or layer ends at once with one sentence",
          "[bad-input][special-files][cli]") {
    TempDir tmp;
    const ScopedEnv xdg("XDG_CACHE_HOME", tmp.file("xdg"));
    GuardedFifo fifo(tmp.file("pipe"));
    REQUIRE(fifo.made());
    struct Case {
        std::string args, message;
    };
    const std::string layerCatalog = oneLayerCatalog(tmp, fifo.path());
    for (const Case& c : {
             Case{"--catalog " + fifo.path() + " layers",
                  "catalog " + fifo.path() + " is a FIFO (named pipe), not a regular file"},
             Case{"--catalog " + tmp.path().string() + " layers",
                  "catalog " + tmp.path().string() + " is a directory, not a regular file"},
             Case{"ingest " + fifo.path(), "document " + fifo.path() + " is a FIFO (named pipe), not a regular file"},
             Case{"ingest /dev/zero", "document /dev/zero is a character device, not a regular file"},
             Case{"--catalog " + layerCatalog + " --data-root " + tmp.path().string() + " layers",
                  "layer x: file " + fifo.path() + " is a FIFO (named pipe), not a regular file"},
         }) {
        const RunResult r = runBounded("-q " + c.args);
        INFO(c.args);
        CHECK(r.exitCode == 1);
        CHECK(r.err == "borderlens: " + c.message + "\n");
    }
    CHECK_FALSE(fifo.fired());
}

TEST_CASE("Bad data: a truncated GeoJSON is said in our words, GDAL's words after them, once, nothing raw",
          "[bad-input][cli]") {
    TempDir tmp;
    std::string features;
    for (int i = 0; i < 200; ++i) {
        if (i) features += ",";
        const std::string id = std::to_string(i);
        features += square(id, id, 100 + (i % 20) * 0.2, 15 + (i / 20) * 0.2);
    }
    const std::string whole = featureCollection(features);
    const std::string cut = whole.substr(0, whole.size() * 2 / 3);
    tmp.write("cut.geojson", cut);

    auto r = io::loadLayer(spec(tmp.file("cut.geojson")), "");
    REQUIRE_FALSE(r);
    CHECK_THAT(message(r), Catch::StartsWith("layer bad: cannot read " + tmp.file("cut.geojson") +
                                             ": the GeoJSON is truncated or malformed (GDAL: At line ") &&
                               Catch::Contains("Unterminated") && Catch::EndsWith(")"));

    const RunResult cli = runBounded("-q --no-cache --catalog " + oneLayerCatalog(tmp, tmp.file("cut.geojson")) +
                                     " --data-root " + tmp.path().string() + " layers");
    CHECK(cli.exitCode == 1);
    const std::string same = "layer x" + message(r).substr(std::string("layer bad").size());  // the catalog's id
    CHECK(cli.err == "borderlens: " + same + "\n");  // one line: ours, with GDAL's after it
    checkOnlyOurLines(cli.err);
}

TEST_CASE("Bad data: a shapefile without its .shx is said in our words, with how to rebuild the index",
          "[bad-input][cli]") {
    TempDir tmp;
    const std::string shp = shapefile(tmp, featureCollection(square("1", "A")));
    fs::remove(tmp.file("units.shx"));
    auto r = io::loadLayer(spec(shp), "");
    REQUIRE_FALSE(r);
    CHECK(message(r) == "layer bad: shapefile " + shp +
                            " has no .shx index beside it; copy the .shx that came with it, or rebuild it from the "
                            ".shp with: ogrinfo --config SHAPE_RESTORE_SHX YES " +
                            shp);
    const RunResult cli = runBounded("-q --no-cache --catalog " + oneLayerCatalog(tmp, shp) + " --data-root " +
                                     tmp.path().string() + " layers");
    CHECK(cli.exitCode == 1);
    CHECK(cli.err == "borderlens: layer x: shapefile " + shp +
                         " has no .shx index beside it; copy the .shx that came "
                         "with it, or rebuild it from the .shp with: ogrinfo "
                         "--config SHAPE_RESTORE_SHX YES " +
                         shp + "\n");
}

TEST_CASE("Loading the shared data prints nothing of GDAL's or PROJ's own", "[bad-input][cli][real]") {
    (void)realCatalog();  // fails here, with a reason, when the shared data is absent
    TempDir tmp;
    const RunResult r = runBounded("-q --no-cache layers", 300);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    checkOnlyOurLines(r.err);
}
