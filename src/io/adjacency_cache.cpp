#include "io/adjacency_cache.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "io/output_file.hpp"

namespace bl::io {

namespace fs = std::filesystem;
using nlohmann::json;

static constexpr int kAlgorithmVersion = 1;

AdjacencyCache::AdjacencyCache(std::string dir) : m_dir(std::move(dir)) {
    if (!m_dir.empty()) return;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) m_dir = (fs::path(x) / "borderlens").string();
    else if (const char* h = std::getenv("HOME"); h && *h) m_dir = (fs::path(h) / ".cache" / "borderlens").string();
    else m_dir = (fs::temp_directory_path() / "borderlens-cache").string();
}

static std::string fileStamp(const Dataset& data, const Layer& l) {
    const fs::path p = fs::path(l.spec.path).is_absolute() ? fs::path(l.spec.path) : fs::path(data.dataRoot) / l.spec.path;
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    const auto time = fs::last_write_time(p, ec).time_since_epoch().count();
    std::ostringstream s;
    s << fs::absolute(p, ec).string() << '|' << size << '|' << time << '|' << l.spec.gdalLayer << '|' << l.units.size();
    return s.str();
}

std::string AdjacencyCache::key(const Dataset& data, const Layer& a, const Layer& b, const AdjacencyOptions& opt) const {
    std::ostringstream s;
    s << kAlgorithmVersion << '#' << fileStamp(data, a) << '#' << fileStamp(data, b) << '#' << effectiveToleranceM(a, b, opt)
      << '#' << opt.minSharedKm << '#' << opt.includePointContacts << '#' << (&a == &b);
    std::ostringstream name;
    name << "adjacency-" << a.spec.id << "-" << b.spec.id << "-" << std::hex << std::hash<std::string>{}(s.str()) << ".json";
    return name.str();
}

std::optional<std::vector<SharedBorder>> AdjacencyCache::load(const Dataset& data, const Layer& a, const Layer& b,
                                                              const AdjacencyOptions& opt) const {
    std::ifstream in(fs::path(m_dir) / key(data, a, b, opt));
    if (!in) return std::nullopt;
    try {
        const json j = json::parse(in);
        std::unordered_map<std::string, const AdminUnit*> ua, ub;
        for (const auto& u : a.units) ua[u.id] = &u;
        for (const auto& u : b.units) ub[u.id] = &u;
        // Shapes are checked where iterating would accept a wrong one silently
        // (nlohmann iterates a scalar as a one-element range).
        const json& pairs = j.at("pairs");
        if (!pairs.is_array()) return std::nullopt;
        std::vector<SharedBorder> out;
        for (const auto& p : pairs) {
            SharedBorder s;
            s.layerA = &a;
            s.layerB = &b;
            s.a = ua.at(p.at("a").get<std::string>());
            s.b = ub.at(p.at("b").get<std::string>());
            s.kind = p.at("international").get<bool>() ? AdjacencyKind::International : AdjacencyKind::Domestic;
            s.sharedKm = p.at("km");
            s.sharedKmB = p.at("km_b");
            s.medianGapM = p.at("median_gap");
            s.maxGapM = p.at("max_gap");
            const json& segments = p.at("segments");
            if (!segments.is_array()) return std::nullopt;
            for (const auto& line : segments) {
                if (!line.is_array() || line.size() % 2 != 0) return std::nullopt;
                LineString ls;
                for (size_t i = 0; i + 1 < line.size(); i += 2) ls.push_back({line[i], line[i + 1]});
                s.segments.push_back(std::move(ls));
            }
            out.push_back(std::move(s));
        }
        return out;
    } catch (const std::exception&) {
        return std::nullopt;  // stale or damaged: recompute
    }
}

void AdjacencyCache::store(const Dataset& data, const Layer& a, const Layer& b, const AdjacencyOptions& opt,
                           const std::vector<SharedBorder>& result) const {
    json pairs = json::array();
    for (const auto& s : result) {
        json segs = json::array();
        for (const auto& ls : s.segments) {
            json flat = json::array();
            for (const auto& v : ls) { flat.push_back(v.x); flat.push_back(v.y); }
            segs.push_back(std::move(flat));
        }
        pairs.push_back({{"a", s.a->id}, {"b", s.b->id}, {"international", s.kind == AdjacencyKind::International},
                         {"km", s.sharedKm}, {"km_b", s.sharedKmB}, {"median_gap", s.medianGapM},
                         {"max_gap", s.maxGapM}, {"segments", std::move(segs)}});
    }
    std::error_code ec;
    fs::create_directories(m_dir, ec);
    (void)writeFileAtomically((fs::path(m_dir) / key(data, a, b, opt)).string(), json{{"pairs", pairs}}.dump(), true);
}

std::vector<SharedBorder> cachedAdjacency(const Dataset& data, const Layer& a, const Layer& b,
                                          const AdjacencyOptions& opt, bool useCache, bool* fromCache) {
    AdjacencyCache cache;
    if (useCache)
        if (auto hit = cache.load(data, a, b, opt)) {
            if (fromCache) *fromCache = true;
            return std::move(*hit);
        }
    if (fromCache) *fromCache = false;
    auto result = computeAdjacency(a, b, opt);
    if (useCache) cache.store(data, a, b, opt, result);
    return result;
}

}  // namespace bl::io
