#include "core/boundaries/adjacency_plan.hpp"

namespace bl {

std::string resolvedVintage(const VintagePolicy& vintages, const AdjacencyQuery& q) {
    return q.vintage.empty() ? vintages.forLevel(q.level) : q.vintage;
}

Result<std::vector<std::pair<std::string, std::string>>> planAdjacency(const std::vector<LayerSpec>& layers,
                                                                       const VintagePolicy& vintages,
                                                                       const AdjacencyQuery& q) {
    const std::string vintage = resolvedVintage(vintages, q);
    auto pick = [&](Country c, Level l) -> const LayerSpec* {
        for (const auto& s : layers)
            if (s.country == c && s.level == l && (c == Country::LA || s.vintage.label == vintage)) return &s;
        return nullptr;
    };
    const LayerSpec* vn = pick(Country::VN, q.level);
    if (!vn) {
        const AdminSystem* sys = vintages.find(vintage);
        const std::string other = vintages.forLevel(q.level);
        if (sys && !sys->has(q.level) && other != vintage)
            return optionError("the " + vintage + " Vietnamese system has no " + toString(q.level) + "s; use --level " +
                             toString(sys->finest()) + " (or --vintage " + other + ")");
        return optionError(std::string("no Vietnamese ") + toString(q.level) + " layer of vintage " + vintage +
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
