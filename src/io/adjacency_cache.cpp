#include "io/adjacency_cache.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <unordered_map>


#include "io/byte_codec.hpp"
#include "io/prepared_store.hpp"

namespace bl::io {

namespace fs = std::filesystem;

static constexpr int kAlgorithmVersion = 3;  // 2: binary entries; 3: sorted by shownKm

AdjacencyCache::AdjacencyCache(std::string dir) : m_dir(std::move(dir)) {
    if (m_dir.empty()) m_dir = defaultCacheDir();
}

// What a layer was made from: its prepared-store identity (file path, size,
// modification time, content hash, catalog entry), and its unit count.
static std::string layerStamp(const Dataset& data, const Layer& l) {
    std::string id = l.preparedKey;
    if (id.empty()) {
        auto computed = layerIdentity(l.spec, data.dataRoot);
        id = computed ? *computed : l.spec.id + " (source not identified)";
    }
    return id + "units " + std::to_string(l.units.size()) + "\n";
}

std::string AdjacencyCache::key(const Dataset& data, const Layer& a, const Layer& b, const AdjacencyOptions& opt) const {
    std::ostringstream s;
    s << "adjacency " << a.spec.id << " / " << b.spec.id << " algorithm " << kAlgorithmVersion << "\n"
      << layerStamp(data, a) << layerStamp(data, b) << "tolerance " << effectiveToleranceM(a, b, opt) << " min km "
      << opt.minSharedKm << " point contacts " << opt.includePointContacts << " same layer " << (&a == &b) << "\n";
    return s.str();
}

std::string AdjacencyCache::name(const Layer& a, const Layer& b, const std::string& key) const {
    return "adjacency-" + a.spec.id + "-" + b.spec.id + "-" + contentHash(key) + ".bin";
}

std::optional<std::vector<SharedBorder>> AdjacencyCache::load(const Dataset& data, const Layer& a, const Layer& b,
                                                              const AdjacencyOptions& opt, std::string* notice) const {
    const std::string k = key(data, a, b, opt);
    PreparedStore::Lookup hit = PreparedStore(m_dir).read(name(a, b, k), k);
    if (!hit.payload) {
        if (notice) *notice = hit.why;
        return std::nullopt;
    }
    auto out = decodeAdjacency(*hit.payload, a, b);
    if (!out && notice)
        *notice = "adjacency cache entry " + (fs::path(m_dir) / name(a, b, k)).string() +
                  " does not decode (damaged); recomputing it";
    return out;
}

void AdjacencyCache::store(const Dataset& data, const Layer& a, const Layer& b, const AdjacencyOptions& opt,
                           const std::vector<SharedBorder>& result) const {
    const std::string k = key(data, a, b, opt);
    (void)PreparedStore(m_dir).write(name(a, b, k), k, encodeAdjacency(result, a, b));
}

// Units by index into their layers (the cache key pins the layers' contents).
std::string encodeAdjacency(const std::vector<SharedBorder>& borders, const Layer& a, const Layer& b) {
    ByteWriter w;
    w.u64(borders.size());
    for (const auto& s : borders) {
        w.u64(uint64_t(s.a - a.units.data()));
        w.u64(uint64_t(s.b - b.units.data()));
        w.pod(uint8_t(s.kind == AdjacencyKind::International));
        w.pod(s.sharedKm);
        w.pod(s.sharedKmB);
        w.pod(s.medianGapM);
        w.pod(s.maxGapM);
        w.u64(s.segments.size());
        for (const auto& line : s.segments) w.array(line);
    }
    return std::move(w.bytes());
}

std::optional<std::vector<SharedBorder>> decodeAdjacency(std::string_view payload, const Layer& a, const Layer& b) {
    auto measure = [](double v) { return std::isfinite(v) && v >= 0; };
    ByteReader r(payload);
    std::vector<SharedBorder> out(r.count(8 * 2 + 1 + 8 * 4 + 8));
    for (auto& s : out) {
        s.layerA = &a;
        s.layerB = &b;
        const uint64_t ia = r.u64(), ib = r.u64();
        if (ia >= a.units.size() || ib >= b.units.size()) return std::nullopt;
        s.a = &a.units[ia];
        s.b = &b.units[ib];
        const uint8_t international = r.pod<uint8_t>();  // written as 0 or 1; a bool must not be read from other bytes
        if (international > 1) return std::nullopt;
        s.kind = international ? AdjacencyKind::International : AdjacencyKind::Domestic;
        s.sharedKm = r.pod<double>();
        s.sharedKmB = r.pod<double>();
        s.medianGapM = r.pod<double>();
        s.maxGapM = r.pod<double>();
        if (!measure(s.sharedKm) || !measure(s.sharedKmB) || !measure(s.medianGapM) || !measure(s.maxGapM))
            return std::nullopt;
        s.segments.resize(r.count(8));
        for (auto& line : s.segments) {
            line = r.array<Vec2>();
            for (const Vec2& v : line)
                if (!std::isfinite(v.x) || !std::isfinite(v.y)) return std::nullopt;
        }
        if (!r.ok()) return std::nullopt;
    }
    if (!r.ok() || !r.atEnd()) return std::nullopt;
    return out;
}

std::vector<SharedBorder> cachedAdjacency(const Dataset& data, const Layer& a, const Layer& b,
                                          const AdjacencyOptions& opt, bool useCache, bool* fromCache,
                                          std::string* notice) {
    AdjacencyCache cache;
    if (useCache)
        if (auto hit = cache.load(data, a, b, opt, notice)) {
            if (fromCache) *fromCache = true;
            return std::move(*hit);
        }
    if (fromCache) *fromCache = false;
    auto result = computeAdjacency(a, b, opt);
    if (useCache) cache.store(data, a, b, opt, result);
    return result;
}

}  // namespace bl::io
