// libFuzzer target: arbitrary bytes as a cache entry -> the prepared store's
// entry reader (header, sizes, checksum, key), and the same bytes as a
// payload -> the adjacency entry decoder and the layer decoder. Must never
// crash or hang; whatever decodes names only units that exist and carries
// only finite figures.
//
// Seeds come from our own writers: BL_FUZZ_WRITE_SEEDS=DIR writes a store
// entry, an adjacency payload and a layer payload into DIR and exits.
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/boundaries/adjacency.hpp"
#include "io/adjacency_cache.hpp"
#include "io/prepared_store.hpp"

namespace {

constexpr const char* kKey = "adjacency fuzz_vn / fuzz_la algorithm 2\nfuzz\n";
constexpr const char* kEntry = "adjacency-fuzz.bin";

bl::AdminUnit square(const std::string& id, double x, double y, double side) {
    bl::AdminUnit u;
    u.id = u.name = id;
    u.geometry.polygons.push_back({{{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}}}});
    u.bounds = u.geometry.bounds();
    return u;
}

// Two Vietnamese squares side by side, and a Lao square against both.
struct Layers {
    bl::Layer vn, la;
    Layers() {
        vn.spec.id = "fuzz_vn";
        vn.spec.country = bl::Country::VN;
        vn.units = {square("V1", 0, 0, 10000), square("V2", 0, 10000, 10000)};
        la.spec.id = "fuzz_la";
        la.spec.country = bl::Country::LA;
        la.units = {square("L1", 10000, 0, 20000)};
    }
};

const Layers& layers() {
    static const Layers l;
    return l;
}

void writeFile(const std::filesystem::path& p, std::string_view bytes) {
    std::ofstream(p, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

void writeSeeds(const std::string& dir) {
    const Layers& l = layers();
    bl::AdjacencyOptions opt;
    opt.threads = 1;
    const auto borders = bl::computeAdjacency(l.vn, l.la, opt);
    const std::string payload = bl::io::encodeAdjacency(borders, l.vn, l.la);
    std::filesystem::create_directories(dir);
    if (!bl::io::PreparedStore(dir).write(kEntry, kKey, payload)) std::exit(1);
    std::filesystem::rename(std::filesystem::path(dir) / kEntry, std::filesystem::path(dir) / "store_entry.bin");
    writeFile(std::filesystem::path(dir) / "adjacency_payload.bin", payload);
    bl::Layer small = l.vn;
    small.warnings = {"a warning"};
    small.units[0].altNames = {"alt"};
    writeFile(std::filesystem::path(dir) / "layer_payload.bin", bl::io::encodeLayer(small));
    std::printf("%zu borders; seeds written to %s\n", borders.size(), dir.c_str());
    std::exit(0);
}

// A scratch directory of this process for the store's entry file, removed
// when the fuzzer exits.
const std::string& scratch() {
    static const std::string dir = [] {
        char tmpl[] = "/tmp/borderlens-fuzz-cache-XXXXXX";
        const char* made = mkdtemp(tmpl);
        if (!made) __builtin_trap();
        return std::string(made);
    }();
    static const bool cleanup = [] {
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(dir, ec);
        });
        return true;
    }();
    (void)cleanup;
    return dir;
}

void checkBorders(const std::vector<bl::SharedBorder>& borders, const bl::Layer& a, const bl::Layer& b) {
    for (const auto& s : borders) {
        if (s.a < a.units.data() || s.a >= a.units.data() + a.units.size()) __builtin_trap();
        if (s.b < b.units.data() || s.b >= b.units.data() + b.units.size()) __builtin_trap();
        for (double v : {s.sharedKm, s.sharedKmB, s.medianGapM, s.maxGapM})
            if (!std::isfinite(v) || v < 0) __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (const char* dir = std::getenv("BL_FUZZ_WRITE_SEEDS"); dir && *dir) writeSeeds(dir);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const Layers& l = layers();
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    writeFile(std::filesystem::path(scratch()) / kEntry, bytes);
    const bl::io::PreparedStore store(scratch());
    const auto hit = store.read(kEntry, kKey);
    if (hit.payload) {
        if (hit.miss != bl::io::PreparedStore::Miss::None) __builtin_trap();
        if (auto borders = bl::io::decodeAdjacency(*hit.payload, l.vn, l.la)) checkBorders(*borders, l.vn, l.la);
    } else if (hit.miss != bl::io::PreparedStore::Miss::Absent && hit.why.empty()) {
        __builtin_trap();  // a stale or damaged entry is always said
    }
    (void)store.entries();

    if (auto borders = bl::io::decodeAdjacency(bytes, l.vn, l.la)) checkBorders(*borders, l.vn, l.la);
    if (auto layer = bl::io::decodeLayer(bytes, l.vn.spec))
        if (layer->units.empty()) __builtin_trap();
    return 0;
}
