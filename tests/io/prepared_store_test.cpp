// The prepared-data store: entries come back only when intact and made from
// the same inputs; stale, truncated, corrupted, tampered and foreign files
// are reported and never trusted; concurrent writers leave one good entry;
// layers read through it equal layers read through GDAL.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "fifo_guard.hpp"
#include "io/catalog.hpp"
#include "io/layer_loader.hpp"
#include "io/prepared_store.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::test;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

void overwrite(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

const LayerSpec& fixtureProvinces() {
    static const io::Catalog cat = *io::loadCatalog(fixture("catalog.json"));
    return *cat.layer("fx_provinces");
}

void checkSameUnits(const Layer& a, const Layer& b) {
    REQUIRE(a.units.size() == b.units.size());
    for (size_t i = 0; i < a.units.size(); ++i) {
        const AdminUnit &x = a.units[i], &y = b.units[i];
        CHECK(x.id == y.id);
        CHECK(x.name == y.name);
        CHECK(x.asciiName == y.asciiName);
        CHECK(x.altNames == y.altNames);
        CHECK(x.parentId == y.parentId);
        REQUIRE(x.geometry.polygons.size() == y.geometry.polygons.size());
        for (size_t p = 0; p < x.geometry.polygons.size(); ++p) {
            REQUIRE(x.geometry.polygons[p].rings.size() == y.geometry.polygons[p].rings.size());
            for (size_t r = 0; r < x.geometry.polygons[p].rings.size(); ++r) {
                const Ring &rx = x.geometry.polygons[p].rings[r], &ry = y.geometry.polygons[p].rings[r];
                REQUIRE(rx.size() == ry.size());
                for (size_t k = 0; k < rx.size(); ++k) {
                    CHECK(rx[k].x == ry[k].x);  // bit for bit: the store keeps doubles as they are
                    CHECK(rx[k].y == ry[k].y);
                }
            }
        }
    }
}

}  // namespace

TEST_CASE("Prepared store: an entry comes back only with the key it was written with", "[io][store]") {
    TempDir tmp;
    const io::PreparedStore store(tmp.file("store"));
    CHECK(store.read("x.layer", "key 1").miss == io::PreparedStore::Miss::Absent);
    REQUIRE(store.write("x.layer", "key 1\nmore", std::string("payload\0bytes", 13)));
    auto hit = store.read("x.layer", "key 1\nmore");
    REQUIRE(hit.payload);
    CHECK(*hit.payload == std::string("payload\0bytes", 13));
    CHECK(hit.miss == io::PreparedStore::Miss::None);

    auto stale = store.read("x.layer", "key 2\nmore");
    CHECK_FALSE(stale.payload);
    CHECK(stale.miss == io::PreparedStore::Miss::Stale);
    CHECK_THAT(stale.why, Catch::Contains("x.layer") && Catch::Contains("out of date"));

    const auto entries = store.entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].intact);
    CHECK(entries[0].what == "key 1");  // the key's first line says what it was made from
    CHECK(store.clear() == 1);
    CHECK(store.entries().empty());
}

TEST_CASE("Prepared store: truncated, corrupted, tampered and foreign entries are never trusted",
          "[io][store]") {
    TempDir tmp;
    const io::PreparedStore store(tmp.file("store"));
    const std::string key = "layer fx from somewhere\nsize 1\n";
    const std::string payload(4096, 'p');
    REQUIRE(store.write("e.layer", key, payload));
    const std::string file = tmp.file("store/e.layer");
    const std::string good = slurp(file);

    struct Case {
        const char* what;
        std::string bytes;
        const char* says;
    };
    std::string flippedPayload = good;
    flippedPayload[flippedPayload.size() - 100] ^= 0x01;  // one bit of the payload (e.g. an edited length)
    std::string flippedKey = good;
    flippedKey[45] ^= 0x20;  // the key text, so it would match another key
    std::string otherFormat = good;
    otherFormat[8] = char(otherFormat[8] + 1);
    const std::vector<Case> cases = {
        {"truncated", good.substr(0, good.size() - 10), "truncated"},
        {"only a header's worth", good.substr(0, 20), "truncated"},
        {"payload bit flipped", flippedPayload, "checksum"},
        {"key tampered", flippedKey, "checksum"},
        {"not ours", "GIF89a" + std::string(200, 'x'), "not a borderlens store entry"},
        {"other store format", otherFormat, "store format"},
        {"padded", good + "extra", "size does not match"},
    };
    for (const auto& c : cases) {
        SECTION(c.what) {
            overwrite(file, c.bytes);
            auto r = store.read("e.layer", key);
            CHECK_FALSE(r.payload);
            CHECK(r.miss != io::PreparedStore::Miss::None);
            CHECK_THAT(r.why, Catch::Contains(file) && Catch::Contains(c.says));
            CHECK_FALSE(store.entries().at(0).intact);
            // Rebuilt by the caller: the entry is good again.
            REQUIRE(store.write("e.layer", key, payload));
            CHECK(store.read("e.layer", key).payload == payload);
        }
    }
}

TEST_CASE("Prepared store: writers racing on one entry leave one good entry", "[io][store]") {
    TempDir tmp;
    const io::PreparedStore store(tmp.file("store"));
    const std::string key = "raced\n";
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t)
        writers.emplace_back([&, t] {
            const std::string payload(200000 + t, char('a' + t));
            for (int i = 0; i < 20; ++i) (void)store.write("race.layer", key, payload);
        });
    for (auto& w : writers) w.join();
    auto r = store.read("race.layer", key);
    REQUIRE(r.payload);
    const char c = (*r.payload)[0];
    CHECK(r.payload->size() == size_t(200000 + (c - 'a')));
    CHECK(r.payload->find_first_not_of(c) == std::string::npos);
    CHECK(store.entries().size() == 1);  // no temporary file left behind
}

TEST_CASE("Prepared store: a layer read back equals the layer GDAL read, and a changed source is re-read",
          "[io][store]") {
    TempDir tmp;
    const io::PreparedStore store(tmp.file("store"));
    LayerSpec spec = fixtureProvinces();
    spec.path = tmp.write("provinces.geojson", slurp(fixture("provinces.geojson")));

    std::string notice;
    auto first = io::loadLayerPrepared(spec, "", &store, &notice);
    REQUIRE(first);
    CHECK_FALSE(first->fromStore);
    CHECK(notice.empty());
    CHECK_THAT(first->preparedKey, Catch::Contains("provinces.geojson") && Catch::Contains("xxh3"));
    auto second = io::loadLayerPrepared(spec, "", &store, &notice);
    REQUIRE(second);
    CHECK(second->fromStore);
    CHECK(second->preparedKey == first->preparedKey);
    checkSameUnits(*first, *second);
    CHECK(second->repaired == first->repaired);

    // The same file with other contents (same size): another identity, a stale entry, re-read.
    std::string text = slurp(spec.path);
    const size_t at = text.find("\"pname\": \"") + 10;
    REQUIRE(at > 10);
    text[at] = text[at] == 'Z' ? 'Y' : 'Z';
    overwrite(spec.path, text);
    auto third = io::loadLayerPrepared(spec, "", &store, &notice);
    REQUIRE(third);
    CHECK_FALSE(third->fromStore);
    CHECK(third->preparedKey != first->preparedKey);
    CHECK_THAT(notice, Catch::Contains("out of date") && Catch::Contains(spec.id));
    CHECK(third->units[0].name != first->units[0].name);

    // Without a store: straight from GDAL, still identified.
    auto plain = io::loadLayerPrepared(spec, "", nullptr);
    REQUIRE(plain);
    CHECK_FALSE(plain->fromStore);
    CHECK(plain->preparedKey == third->preparedKey);
}

TEST_CASE("Prepared store: a damaged layer payload does not decode", "[io][store]") {
    auto layer = io::loadLayer(fixtureProvinces(), BORDERLENS_FIXTURES);
    REQUIRE(layer);
    const std::string bytes = io::encodeLayer(*layer);
    auto back = io::decodeLayer(bytes, layer->spec);
    REQUIRE(back);
    checkSameUnits(*layer, *back);
    CHECK_FALSE(io::decodeLayer(bytes.substr(0, bytes.size() / 2), layer->spec));
    CHECK_FALSE(io::decodeLayer(bytes + "x", layer->spec));
    std::string hugeCount = bytes;
    hugeCount[23] = char(0x7f);  // the warning count: more than the bytes left can hold
    CHECK_FALSE(io::decodeLayer(hugeCount, layer->spec));
}

TEST_CASE("Prepared store: a FIFO in place of an entry is never opened blocking, it is reported and replaced",
          "[io][store][special-files]") {
    TempDir tmp;
    const io::PreparedStore store(tmp.file("store"));
    fs::create_directories(tmp.path() / "store");
    GuardedFifo fifo(tmp.file("store/e.layer"));
    REQUIRE(fifo.made());
    const auto r = store.read("e.layer", "key");
    CHECK_FALSE(r.payload);
    CHECK(r.miss == io::PreparedStore::Miss::Damaged);
    CHECK(r.why ==
          "prepared data " + fifo.path() + " is a FIFO (named pipe), not a regular file; not trusted, rebuilding it");
    CHECK(store.entries().empty());  // listed only when it is an entry at all

    // The whole load path: a FIFO where the layer's entry goes gives the
    // layer from GDAL and a notice, and nothing waits.
    const LayerSpec& spec = fixtureProvinces();
    const std::string name = io::entryName(spec, BORDERLENS_FIXTURES, "layer");
    GuardedFifo layerFifo(tmp.file("store/" + name));
    REQUIRE(layerFifo.made());
    std::string notice;
    auto layer = io::loadLayerPrepared(spec, BORDERLENS_FIXTURES, &store, &notice);
    REQUIRE(layer);
    CHECK_FALSE(layer->fromStore);
    CHECK_THAT(notice, Catch::Contains(layerFifo.path()) && Catch::Contains("FIFO"));
    CHECK_FALSE(fifo.fired());
    CHECK_FALSE(layerFifo.fired());
}
