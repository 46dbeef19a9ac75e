// The on-disk adjacency cache: hits give the computed results back exactly,
// its place follows $XDG_CACHE_HOME, a changed tolerance or source file is a
// miss, and a damaged cache file is recomputed and replaced.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "fifo_guard.hpp"
#include "io/adjacency_cache.hpp"
#include "render/scene_fixtures.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// Two Vietnamese units facing one Lao unit; the layers' source files are
// small stand-ins in `dir` (the cache stamps files, it does not read them).
Dataset fixtureData(const TempDir& dir) {
    write(dir.file("vn.geojson"), "vn v1");
    write(dir.file("la.geojson"), "la v1");
    Dataset d;
    d.dataRoot = dir.path().string();
    Layer vn;
    vn.spec.id = "vn";
    vn.spec.path = "vn.geojson";
    vn.spec.country = Country::VN;
    vn.units = {unit("V1", "V1", rect(0, 0, 10000, 4000)), unit("V2", "V2", rect(0, 4000, 10000, 10000))};
    Layer la;
    la.spec.id = "la";
    la.spec.path = "la.geojson";
    la.spec.country = Country::LA;
    la.units = {unit("L", "L", rect(10100, 0, 20000, 10000))};
    d.layers = {std::move(vn), std::move(la)};
    return d;
}

std::vector<fs::path> cacheFiles(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path());
    return out;
}

void checkSame(const std::vector<SharedBorder>& got, const std::vector<SharedBorder>& expected) {
    REQUIRE(got.size() == expected.size());
    for (size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].layerA == expected[i].layerA);
        CHECK(got[i].layerB == expected[i].layerB);
        CHECK(got[i].a == expected[i].a);
        CHECK(got[i].b == expected[i].b);
        CHECK(got[i].kind == expected[i].kind);
        CHECK(got[i].sharedKm == expected[i].sharedKm);
        CHECK(got[i].sharedKmB == expected[i].sharedKmB);
        CHECK(got[i].medianGapM == expected[i].medianGapM);
        CHECK(got[i].maxGapM == expected[i].maxGapM);
        REQUIRE(got[i].segments.size() == expected[i].segments.size());
        for (size_t s = 0; s < got[i].segments.size(); ++s) {
            REQUIRE(got[i].segments[s].size() == expected[i].segments[s].size());
            for (size_t v = 0; v < got[i].segments[s].size(); ++v) {
                CHECK(got[i].segments[s][v].x == expected[i].segments[s][v].x);
                CHECK(got[i].segments[s][v].y == expected[i].segments[s][v].y);
            }
        }
    }
}

}  // namespace

TEST_CASE("Adjacency cache: the second call is served from $XDG_CACHE_HOME with identical results",
          "[io][adjacency-cache]") {
    TempDir tmp;
    const ScopedEnv xdg("XDG_CACHE_HOME", tmp.file("xdg"));
    const Dataset data = fixtureData(tmp);
    const Layer &vn = data.layers[0], &la = data.layers[1];
    const fs::path cacheDir = tmp.path() / "xdg" / "borderlens";
    CHECK(io::AdjacencyCache().dir() == cacheDir.string());

    bool fromCache = true;
    const auto first = io::cachedAdjacency(data, vn, la, {}, true, &fromCache);
    CHECK_FALSE(fromCache);
    REQUIRE(first.size() == 2);  // V1-L and V2-L
    CHECK(first[0].kind == AdjacencyKind::International);
    const auto files = cacheFiles(cacheDir);
    REQUIRE(files.size() == 1);
    CHECK_THAT(files[0].filename().string(), Catch::StartsWith("adjacency-vn-la-"));

    const auto second = io::cachedAdjacency(data, vn, la, {}, true, &fromCache);
    CHECK(fromCache);
    checkSame(second, first);
    // The file is what answers: load() alone gives the same.
    const auto loaded = io::AdjacencyCache(cacheDir.string()).load(data, vn, la, {});
    REQUIRE(loaded);
    checkSame(*loaded, first);
}

TEST_CASE("Adjacency cache: ~/.cache without $XDG_CACHE_HOME, and useCache false neither reads nor writes",
          "[io][adjacency-cache]") {
    TempDir tmp;
    const ScopedEnv xdg("XDG_CACHE_HOME", std::nullopt);
    const ScopedEnv home("HOME", tmp.path().string());
    CHECK(io::AdjacencyCache().dir() == (tmp.path() / ".cache" / "borderlens").string());

    const Dataset data = fixtureData(tmp);
    bool fromCache = true;
    const auto r = io::cachedAdjacency(data, data.layers[0], data.layers[1], {}, false, &fromCache);
    CHECK_FALSE(fromCache);
    CHECK(r.size() == 2);
    CHECK(cacheFiles(tmp.path() / ".cache" / "borderlens").empty());
    (void)io::cachedAdjacency(data, data.layers[0], data.layers[1], {}, true, &fromCache);
    CHECK(cacheFiles(tmp.path() / ".cache" / "borderlens").size() == 1);
    (void)io::cachedAdjacency(data, data.layers[0], data.layers[1], {}, false, &fromCache);
    CHECK_FALSE(fromCache);
}

TEST_CASE("Adjacency cache: a changed tolerance or a changed source file is a miss", "[io][adjacency-cache]") {
    TempDir tmp;
    const ScopedEnv xdg("XDG_CACHE_HOME", tmp.file("xdg"));
    const Dataset data = fixtureData(tmp);
    const Layer &vn = data.layers[0], &la = data.layers[1];
    bool fromCache = true;
    AdjacencyOptions wide;
    const auto atDefault = io::cachedAdjacency(data, vn, la, wide, true, &fromCache);
    REQUIRE_FALSE(fromCache);

    SECTION("tolerance") {
        AdjacencyOptions narrow;
        narrow.toleranceM = 50;  // the 100 m gap is no longer a shared border
        const auto r = io::cachedAdjacency(data, vn, la, narrow, true, &fromCache);
        CHECK_FALSE(fromCache);
        CHECK(r.empty());
        (void)io::cachedAdjacency(data, vn, la, narrow, true, &fromCache);
        CHECK(fromCache);
        // Both answers are kept side by side.
        CHECK(cacheFiles(tmp.path() / "xdg" / "borderlens").size() == 2);
        checkSame(io::cachedAdjacency(data, vn, la, wide, true, &fromCache), atDefault);
        CHECK(fromCache);
    }
    SECTION("source file") {
        write(tmp.file("la.geojson"), "la v2, edited");
        const auto r = io::cachedAdjacency(data, vn, la, wide, true, &fromCache);
        CHECK_FALSE(fromCache);
        checkSame(r, atDefault);
        (void)io::cachedAdjacency(data, vn, la, wide, true, &fromCache);
        CHECK(fromCache);
    }
    SECTION("minimum shared length") {
        AdjacencyOptions longOnly;
        longOnly.minSharedKm = 5;
        const auto r = io::cachedAdjacency(data, vn, la, longOnly, true, &fromCache);
        CHECK_FALSE(fromCache);
        REQUIRE(r.size() == 1);
        CHECK(r[0].a->id == "V2");
    }
}

TEST_CASE("Adjacency cache: a damaged or hand-edited cache file is never served, it is recomputed and replaced", "[io][adjacency-cache]") {
    TempDir tmp;
    const ScopedEnv xdg("XDG_CACHE_HOME", tmp.file("xdg"));
    const Dataset data = fixtureData(tmp);
    const Layer &vn = data.layers[0], &la = data.layers[1];
    bool fromCache = true;
    const auto computed = io::cachedAdjacency(data, vn, la, {}, true, &fromCache);
    REQUIRE(computed.size() == 2);
    const auto files = cacheFiles(tmp.path() / "xdg" / "borderlens");
    REQUIRE(files.size() == 1);

    std::string good;
    {
        std::ifstream in(files[0], std::ios::binary);
        good.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::string editedLength = good;
    editedLength[good.size() - 30] ^= 0x04;  // a bit of a stored figure, as a hand edit would change it
    const std::string damaged = GENERATE_COPY(std::string(""), std::string("\x89PNG\r\n\x1a\n"),
                                              good.substr(0, good.size() / 2), editedLength, good + "more",
                                              std::string(R"({"pairs": [{"a": "V1", "b": "L"}]})"));
    INFO("cache file of " << damaged.size() << " bytes");
    write(files[0].string(), damaged);

    std::string notice;
    const auto r = io::cachedAdjacency(data, vn, la, {}, true, &fromCache, &notice);
    CHECK_FALSE(fromCache);
    CHECK_THAT(notice, Catch::Contains(files[0].filename().string()) && Catch::Contains("rebuilding"));
    if (damaged == editedLength) CHECK_THAT(notice, Catch::Contains("checksum"));
    checkSame(r, computed);
    // Replaced by a good file: the next call is a hit.
    const auto again = io::cachedAdjacency(data, vn, la, {}, true, &fromCache);
    CHECK(fromCache);
    checkSame(again, computed);
}

TEST_CASE("Adjacency cache: a FIFO in place of an entry is never opened blocking, the result is computed",
          "[io][adjacency-cache][special-files]") {
    TempDir tmp;
    const ScopedEnv xdg("XDG_CACHE_HOME", tmp.file("xdg"));
    const Dataset data = fixtureData(tmp);
    const Layer &vn = data.layers[0], &la = data.layers[1];
    bool fromCache = true;
    const auto computed = io::cachedAdjacency(data, vn, la, {}, true, &fromCache);
    const auto files = cacheFiles(tmp.path() / "xdg" / "borderlens");
    REQUIRE(files.size() == 1);
    fs::remove(files[0]);
    GuardedFifo fifo(files[0].string());
    REQUIRE(fifo.made());

    std::string notice;
    const auto loaded = io::AdjacencyCache().load(data, vn, la, {}, &notice);
    CHECK_FALSE(loaded);
    CHECK(notice ==
          "prepared data " + fifo.path() + " is a FIFO (named pipe), not a regular file; not trusted, rebuilding it");
    const auto r = io::cachedAdjacency(data, vn, la, {}, true, &fromCache, &notice);
    CHECK_FALSE(fromCache);
    checkSame(r, computed);
    CHECK_FALSE(fifo.fired());
}

TEST_CASE("Adjacency cache: the entry decoder refuses a kind byte other than 0 or 1 and non-finite figures",
          "[io][adjacency-cache]") {
    TempDir tmp;
    const Dataset data = fixtureData(tmp);
    const Layer &vn = data.layers[0], &la = data.layers[1];
    const auto computed = computeAdjacency(vn, la);
    REQUIRE(computed.size() == 2);
    const std::string good = io::encodeAdjacency(computed, vn, la);
    auto back = io::decodeAdjacency(good, vn, la);
    REQUIRE(back);
    checkSame(*back, computed);

    const size_t kindAt = 8 + 8 + 8;      // count, then the first border's two unit indexes
    REQUIRE(uint8_t(good[kindAt]) == 1);  // international
    std::string badKind = good;
    badKind[kindAt] = 2;
    CHECK_FALSE(io::decodeAdjacency(badKind, vn, la));

    std::string nanKm = good;
    const double nan = std::nan("");
    std::memcpy(nanKm.data() + kindAt + 1, &nan, sizeof nan);
    CHECK_FALSE(io::decodeAdjacency(nanKm, vn, la));

    std::string farUnit = good;
    const uint64_t beyond = vn.units.size();
    std::memcpy(farUnit.data() + 8, &beyond, sizeof beyond);
    CHECK_FALSE(io::decodeAdjacency(farUnit, vn, la));
    CHECK_FALSE(io::decodeAdjacency(good + "x", vn, la));
    CHECK_FALSE(io::decodeAdjacency(good.substr(0, good.size() - 1), vn, la));
}
