#include "io/prepared_store.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "core/boundaries/crs.hpp"
#include "io/byte_codec.hpp"
#include "io/connection_text.hpp"
#include "io/layer_loader.hpp"
#include "io/output_file.hpp"
#include "io/regular_file.hpp"

namespace bl::io {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'B', 'L', 'P', 'R', 'E', 'P', '\r', '\n'};

struct Header {
    char magic[8];
    uint32_t format;
    uint32_t reserved;
    uint64_t keyBytes;
    uint64_t payloadBytes;
    uint64_t checksum;  // XXH3 of key then payload
};
static_assert(sizeof(Header) == 40);

uint64_t checksumOf(std::string_view key, std::string_view payload) {
    XXH3_state_t* st = XXH3_createState();
    XXH3_64bits_reset(st);
    XXH3_64bits_update(st, key.data(), key.size());
    XXH3_64bits_update(st, payload.data(), payload.size());
    const uint64_t h = XXH3_64bits_digest(st);
    XXH3_freeState(st);
    return h;
}

std::string hex(uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

// The whole file in one allocation; nullopt when there is none. Something
// else in its place (a FIFO, a device: never opened blocking) or a file that
// cannot be read gives nullopt too, with the sentence in `*refused`.
std::optional<std::string> readWhole(const fs::path& p, std::string* refused = nullptr) {
    auto bytes = readRegularFile(p.string(), "prepared data");
    if (bytes) return std::move(*bytes);
    std::error_code ec;
    if (refused && fs::exists(p, ec)) *refused = bytes.error().message;
    return std::nullopt;
}

// XXH3 of a file's bytes through a read-only mapping (no copy).
std::optional<uint64_t> hashFile(const std::string& path, uint64_t size) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);  // never waits on a FIFO
    if (fd < 0) return std::nullopt;
    if (size == 0) {
        ::close(fd);
        return XXH3_64bits(nullptr, 0);
    }
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return std::nullopt;
    const uint64_t h = XXH3_64bits(map, size);
    ::munmap(map, size);
    return h;
}

// The rest of a layer's identity: its catalog entry, the working CRS and
// the store and loader versions.
std::string catalogEntryKey(const LayerSpec& spec) {
    std::ostringstream key;
    const FieldMapping& f = spec.fields;
    key << "gdal layer '" << spec.gdalLayer << "' country " << toString(spec.country) << " level "
        << toString(spec.level) << " parent '" << spec.parentLayer << "'\n";
    key << "fields id '" << f.id << "' name '" << f.name << "' short '" << f.shortName << "' ascii '" << f.asciiName
        << "' parent '" << f.parentId << "' alt";
    for (const auto& a : f.altNames) key << " '" << a << "'";
    key << "\ncrs " << kWorkingCrs << "\nformat " << kStoreFormat << " loader " << kLoaderRevision << '\n';
    return key.str();
}

// A database table has no file identity to check before reading it: once
// read, it is identified by what was read (the units as the store would
// encode them), so what is derived from it is kept and reused exactly while
// the table's contents stay the same. The connection string is named with
// its password hidden: keys are written into store entries.
std::string databaseLayerIdentity(const Layer& layer) {
    const LayerSpec& spec = layer.spec;
    return "layer " + spec.id + " from database " + maskSecrets(spec.path) + "\ncontent xxh3 " +
           contentHash(encodeLayer(layer)) + '\n' + catalogEntryKey(spec);
}

}  // namespace

std::string defaultCacheDir() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return (fs::path(x) / "borderlens").string();
    if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".cache" / "borderlens").string();
    return (fs::temp_directory_path() / "borderlens-cache").string();
}

std::string contentHash(std::string_view bytes) { return hex(XXH3_64bits(bytes.data(), bytes.size())); }

Result<std::string> layerIdentity(const LayerSpec& spec, const std::string& dataRoot, const PreparedStore* store) {
    if (isPostgresSource(spec.path))
        return makeError("layer " + spec.id + ": " + maskSecrets(spec.path) +
                         " is a database, not a file; its layer is identified by its contents once loaded");
    const fs::path p = fs::path(layerSource(spec, dataRoot));
    std::ostringstream key;
    key << "layer " << spec.id << " from " << fs::absolute(p).string() << '\n';
    const std::string file = p.string();
    if (file.rfind("/vsi", 0) == 0) return makeError("layer " + spec.id + ": " + file + " is not a file on disk");
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return makeError("layer " + spec.id + ": cannot read " + file);
    // The file's hash, remembered against everything stat says about it.
    std::ostringstream statKey;
    statKey << "content hash of " << fs::absolute(p).string() << "\nsize " << st.st_size << " mtime " << st.st_mtim.tv_sec
            << '.' << st.st_mtim.tv_nsec << " ctime " << st.st_ctim.tv_sec << '.' << st.st_ctim.tv_nsec << " inode "
            << st.st_ino << " device " << st.st_dev << '\n';
    const std::string memoName = "file-" + contentHash(fs::absolute(p).string()).substr(0, 12) + ".hash";
    std::optional<uint64_t> hash;
    if (store)
        if (auto hit = store->read(memoName, statKey.str()); hit.payload && hit.payload->size() == sizeof(uint64_t)) {
            uint64_t h = 0;
            std::memcpy(&h, hit.payload->data(), sizeof h);
            hash = h;
        }
    if (!hash) {
        hash = hashFile(file, uint64_t(st.st_size));
        if (!hash) return makeError("layer " + spec.id + ": cannot read " + file);
        if (store) (void)store->write(memoName, statKey.str(), std::string_view(reinterpret_cast<const char*>(&*hash), sizeof *hash));
    }
    key << "size " << st.st_size << " mtime " << st.st_mtim.tv_sec << '.' << st.st_mtim.tv_nsec << " xxh3 "
        << hex(*hash) << '\n' << catalogEntryKey(spec);
    return key.str();
}

PreparedStore::PreparedStore(std::string dir) : m_dir(std::move(dir)) {
    if (m_dir.empty()) m_dir = (fs::path(defaultCacheDir()) / "prepared").string();
}

PreparedStore::Lookup PreparedStore::read(const std::string& name, const std::string& key) const {
    Lookup out;
    const fs::path p = fs::path(m_dir) / name;
    std::string refused;
    auto bytes = readWhole(p, &refused);
    if (!bytes) {
        if (refused.empty()) return out;  // absent
        out.miss = Miss::Damaged;
        out.why = refused + "; not trusted, rebuilding it";
        return out;
    }
    auto damaged = [&](const std::string& why) {
        out.miss = Miss::Damaged;
        out.why = "prepared data " + p.string() + " is " + why + "; rebuilding it";
        return out;
    };
    Header h{};
    if (bytes->size() < sizeof h) return damaged("truncated (shorter than its header)");
    std::memcpy(&h, bytes->data(), sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return damaged("not a borderlens store entry");
    if (h.format != kStoreFormat) {
        out.miss = Miss::Stale;
        out.why = "prepared data " + p.string() + " was written in store format " + std::to_string(h.format) +
                  " (this version reads " + std::to_string(kStoreFormat) + "); rebuilding it";
        return out;
    }
    if (h.keyBytes > bytes->size() - sizeof h || h.payloadBytes != bytes->size() - sizeof h - h.keyBytes)
        return damaged("truncated or padded (its size does not match its header)");
    const std::string_view all(*bytes);
    const std::string_view storedKey = all.substr(sizeof h, h.keyBytes);
    const std::string_view payload = all.substr(sizeof h + h.keyBytes);
    if (checksumOf(storedKey, payload) != h.checksum) return damaged("corrupted (checksum mismatch)");
    if (storedKey != key) {
        out.miss = Miss::Stale;
        out.why = "prepared data " + p.string() + " is out of date (its source, catalog entry or CRS changed); rebuilding it";
        return out;
    }
    out.miss = Miss::None;
    bytes->erase(0, sizeof h + h.keyBytes);  // the payload, in the buffer it was read into
    out.payload = std::move(*bytes);
    return out;
}

bool PreparedStore::write(const std::string& name, const std::string& key, std::string_view payload) const {
    std::error_code ec;
    fs::create_directories(m_dir, ec);
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.format = kStoreFormat;
    h.keyBytes = key.size();
    h.payloadBytes = payload.size();
    h.checksum = checksumOf(key, payload);
    // Header, key and payload straight from where they are (a layer's payload
    // can be tens of MiB), into a temporary name renamed into place.
    const std::string_view header(reinterpret_cast<const char*>(&h), sizeof h);
    return replaceOwnFile((fs::path(m_dir) / name).string(), {header, key, payload}).ok();
}

std::vector<PreparedStore::Entry> PreparedStore::entries() const {
    std::vector<Entry> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(m_dir, ec)) {
        if (!e.is_regular_file(ec)) continue;
        Entry en;
        en.name = e.path().filename().string();
        en.bytes = e.file_size(ec);
        if (auto bytes = readWhole(e.path()); bytes && bytes->size() >= sizeof(Header)) {
            Header h{};
            std::memcpy(&h, bytes->data(), sizeof h);
            if (std::memcmp(h.magic, kMagic, sizeof kMagic) == 0 && h.keyBytes <= bytes->size() - sizeof h &&
                h.payloadBytes == bytes->size() - sizeof h - h.keyBytes) {
                const std::string_view all(*bytes);
                const std::string_view key = all.substr(sizeof h, h.keyBytes);
                en.intact = h.format == kStoreFormat && checksumOf(key, all.substr(sizeof h + h.keyBytes)) == h.checksum;
                en.what = std::string(key.substr(0, key.find('\n')));
            }
        }
        out.push_back(std::move(en));
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return out;
}

size_t PreparedStore::clear() const {
    size_t n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(m_dir, ec))
        if (e.is_regular_file(ec) && fs::remove(e.path(), ec)) ++n;
    return n;
}

std::string entryName(const LayerSpec& spec, const std::string& dataRoot, const std::string& kind) {
    std::error_code ec;
    const std::string where = (isPostgresSource(spec.path) ? maskSecrets(spec.path)
                                                           : fs::absolute(fs::path(layerSource(spec, dataRoot)), ec).string()) +
                              '|' + spec.gdalLayer;
    return spec.id + "-" + contentHash(where).substr(0, 8) + "." + kind;
}

// Layout: repaired, skippedEmpty, warnings, then per unit its strings, bounds
// and geometry as counts and flat point arrays.
std::string encodeLayer(const Layer& layer) {
    ByteWriter w;
    w.u64(layer.repaired);
    w.u64(layer.skippedEmpty);
    w.u64(layer.warnings.size());
    for (const auto& s : layer.warnings) w.str(s);
    w.u64(layer.units.size());
    for (const auto& u : layer.units) {
        for (const std::string* s : {&u.id, &u.name, &u.shortName, &u.asciiName, &u.parentId}) w.str(*s);
        w.u64(u.altNames.size());
        for (const auto& a : u.altNames) w.str(a);
        w.pod(u.bounds);
        w.u64(u.geometry.polygons.size());
        for (const auto& poly : u.geometry.polygons) {
            w.u64(poly.rings.size());
            for (const auto& ring : poly.rings) w.array(ring);
        }
    }
    return std::move(w.bytes());
}

std::optional<Layer> decodeLayer(std::string_view payload, const LayerSpec& spec) {
    ByteReader r(payload);
    Layer layer;
    layer.spec = spec;
    layer.repaired = r.u64();
    layer.skippedEmpty = r.u64();
    layer.warnings.resize(r.count(8));
    for (auto& s : layer.warnings) s = r.str();
    layer.units.resize(r.count(8 * 6 + sizeof(Box)));
    for (auto& u : layer.units) {
        for (std::string* s : {&u.id, &u.name, &u.shortName, &u.asciiName, &u.parentId}) *s = r.str();
        u.altNames.resize(r.count(8));
        for (auto& a : u.altNames) a = r.str();
        u.bounds = r.pod<Box>();
        u.geometry.polygons.resize(r.count(8));
        for (auto& poly : u.geometry.polygons) {
            poly.rings.resize(r.count(8));
            for (auto& ring : poly.rings) ring = r.array<Vec2>();
        }
        if (!r.ok()) return std::nullopt;
    }
    if (!r.ok() || !r.atEnd() || layer.units.empty()) return std::nullopt;
    return layer;
}

Result<Layer> loadLayerPrepared(const LayerSpec& spec, const std::string& dataRoot, const PreparedStore* store,
                                std::string* notice, std::stop_token stop) {
    const auto start = std::chrono::steady_clock::now();
    if (isPostgresSource(spec.path)) {  // read every time: the store never holds a database's rows
        auto layer = loadLayer(spec, dataRoot, stop);
        if (layer) layer->preparedKey = databaseLayerIdentity(*layer);
        return layer;
    }
    auto identity = layerIdentity(spec, dataRoot, store);
    const std::string key = identity ? *identity : std::string();
    const std::string name = entryName(spec, dataRoot, "layer");
    if (store && !key.empty()) {
        PreparedStore::Lookup hit = store->read(name, key);
        if (hit.payload) {
            if (auto layer = decodeLayer(*hit.payload, spec)) {
                layer->preparedKey = key;
                layer->fromStore = true;
                layer->loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                return std::move(*layer);
            }
            hit.why = "prepared data " + (std::filesystem::path(store->dir()) / name).string() +
                      " does not decode (damaged); rebuilding it";
        }
        if (notice && !hit.why.empty()) *notice = hit.why;
    }
    auto layer = loadLayer(spec, dataRoot, stop);
    if (!layer) return layer.error();
    layer->preparedKey = key;
    if (store && !key.empty()) store->write(name, key, encodeLayer(*layer));
    return layer;
}

}  // namespace bl::io
