#pragma once
// INTERNAL to core/news/resolve*.cpp: the resolver's state and the helpers
// its two files share (names in resolve.cpp, border gates in
// resolve_gates.cpp).
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/news/resolve.hpp"

namespace bl::resolve_detail {

// The layers of one country and vintage: the province layer and the finest
// layer below it (district for VN 2023 and LA 2019, commune for VN 2025).
struct VintageLayers {
    std::string label;
    const Layer* province = nullptr;
    const Layer* fine = nullptr;
};

ResolvedUnit toResolved(const Layer& l, const AdminUnit& u, double confidence, ResolvedBy by, std::string reason);
std::string describeScore(const GazetteerMatch& m);

// Best match in one layer, or nullopt; `ambiguous` lists ties between units.
struct Pick {
    std::optional<GazetteerMatch> match;
    std::string ambiguous;
};
Pick pickIn(const Gazetteer& gaz, const Layer* layer, const std::string& name, const std::string& parentFolded,
            double minScore);

// Unit of `layer` containing a working-CRS point.
const AdminUnit* containing(const Layer* layer, Vec2 pt);
std::optional<Vec2> insidePoint(const AdminUnit& u);

}  // namespace bl::resolve_detail

namespace bl {

struct Resolver::Impl {
    Gazetteer gaz;
    std::map<Country, std::vector<resolve_detail::VintageLayers>> vintages;
    std::unordered_map<std::string, NameFacts> names;  // compact canonical key -> facts
    mutable std::mutex cacheMutex;
    mutable std::unordered_map<std::string, PlaceResolution> cache;
    mutable std::unordered_map<const CuratedGate*, PlaceResolution> gateCache;
    // Catalogue gate names as folded words, by first word.
    std::unordered_map<std::string, std::vector<std::pair<std::vector<std::string>, const CuratedGate*>>> gateNames;

    Impl(const Dataset& d, const AliasTable& a) : gaz(d, a) {}
};

}  // namespace bl
