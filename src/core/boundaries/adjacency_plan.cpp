#include "core/boundaries/adjacency_plan.hpp"

namespace bl {

std::string resolvedVintage(const AdjacencyQuery& q) {
    if (!q.vintage.empty()) return q.vintage;
    return q.level == Level::District ? "2023" : "2025";
}

Result<std::vector<std::pair<std::string, std::string>>> planAdjacency(const std::vector<LayerSpec>& layers,
                                                                       const AdjacencyQuery& q) {
    const std::string vintage = resolvedVintage(q);
    auto pick = [&](Country c, Level l) -> const LayerSpec* {
        for (const auto& s : layers)
            if (s.country == c && s.level == l && (c == Country::LA || s.vintage.label == vintage)) return &s;
        return nullptr;
    };
    const LayerSpec* vn = pick(Country::VN, q.level);
    if (!vn) {
        if (q.level == Level::District && vintage == "2025")
            return makeError("the 2025 Vietnamese system has no districts; use --level commune (or --vintage 2023)");
        return makeError(std::string("no Vietnamese ") + toString(q.level) + " layer of vintage " + vintage +
                         " in the catalog");
    }
    const LayerSpec* la = pick(Country::LA, q.level == Level::Commune ? Level::District : q.level);
    std::vector<std::pair<std::string, std::string>> plan;
    if (!q.crossBorderOnly) {
        plan.emplace_back(vn->id, vn->id);
        if (la && q.level != Level::Commune) plan.emplace_back(la->id, la->id);
    }
    if (la) plan.emplace_back(vn->id, la->id);
    if (plan.empty()) return makeError("no Lao layer to pair with " + vn->id + " for cross-border adjacency");
    return plan;
}

}  // namespace bl
