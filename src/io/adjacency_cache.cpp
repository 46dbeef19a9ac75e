#include "io/adjacency_cache.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <unordered_map>


#include "io/byte_codec.hpp"
#include "io/prepared_store.hpp"

namespace bl::io {

namespace fs = std::filesystem;

static constexpr int kAlgorithmVersion = 2;  // 2: binary entries

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
    // Units by index into their layers (the key pins the layers' contents).
    ByteReader r(*hit.payload);
    std::vector<SharedBorder> out(r.count(8 * 7));
    for (auto& s : out) {
        s.layerA = &a;
        s.layerB = &b;
        const uint64_t ia = r.u64(), ib = r.u64();
        if (ia >= a.units.size() || ib >= b.units.size()) return std::nullopt;
        s.a = &a.units[ia];
        s.b = &b.units[ib];
        s.kind = r.pod<bool>() ? AdjacencyKind::International : AdjacencyKind::Domestic;
        s.sharedKm = r.pod<double>();
        s.sharedKmB = r.pod<double>();
        s.medianGapM = r.pod<double>();
        s.maxGapM = r.pod<double>();
        s.segments.resize(r.count(8));
        for (auto& line : s.segments) line = r.array<Vec2>();
        if (!r.ok()) return std::nullopt;
    }
    if (!r.ok() || !r.atEnd()) return std::nullopt;
    return out;
}

void AdjacencyCache::store(const Dataset& data, const Layer& a, const Layer& b, const AdjacencyOptions& opt,
                           const std::vector<SharedBorder>& result) const {
    ByteWriter w;
    w.u64(result.size());
    for (const auto& s : result) {
        w.u64(uint64_t(s.a - a.units.data()));
        w.u64(uint64_t(s.b - b.units.data()));
        w.pod(s.kind == AdjacencyKind::International);
        w.pod(s.sharedKm);
        w.pod(s.sharedKmB);
        w.pod(s.medianGapM);
        w.pod(s.maxGapM);
        w.u64(s.segments.size());
        for (const auto& line : s.segments) w.array(line);
    }
    const std::string k = key(data, a, b, opt);
    (void)PreparedStore(m_dir).write(name(a, b, k), k, w.bytes());
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
