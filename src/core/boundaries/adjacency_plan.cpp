#include "core/boundaries/adjacency_plan.hpp"

#include <algorithm>

namespace bl {

namespace {

const LayerSpec* layerById(const std::vector<LayerSpec>& layers, const std::string& id) {
    for (const auto& s : layers)
        if (s.id == id) return &s;
    return nullptr;
}

std::string plural(Level l) { return std::string(toString(l)) + "s"; }

// Why a level lists only Lao units, or nothing (`lao`: Lao units are there).
std::string levelNote(const LevelAdjacency& e, const std::vector<LayerSpec>& layers, const VintagePolicy& vintages,
                      const std::string& vintage, const LayerPairs& all) {
    const std::string name = plural(e.level);
    const std::string other = vintages.forLevel(e.level);
    const AdminSystem* otherSys = vintages.find(other);
    const std::string elsewhere = other != vintage && otherSys && otherSys->has(e.level) ? " (" + other + " has them)" : "";
    if (e.vietnamese && e.lao) return {};
    if (e.vietnamese) {
        // Cross-border pairs with a coarser Lao layer: say which.
        for (const auto& [a, b] : e.pairs) {
            const LayerSpec* sb = layerById(layers, b);
            if (a != b && sb && sb->country == Country::LA)
                return "Vietnamese " + name + ", with each other and with the Lao " + plural(sb->level) +
                       " they border (the Lao data has no " + name + ").";
        }
        return "Vietnamese " + name + " only: the Lao data has no " + name + ".";
    }
    const std::string noVn = "the " + vintage + " Vietnamese system has no " + name + elsewhere;
    if (!e.lao) return "No " + name + " here: " + noVn + " and the Lao data has none.";
    // Lao units only: where their Vietnamese neighbours are listed.
    std::string out = "Lao " + name + " only: " + noVn + ".";
    for (const auto& [a, b] : all) {
        const LayerSpec* sa = layerById(layers, a);
        const LayerSpec* sb = layerById(layers, b);
        if (sa && sb && a != b && sb->level == e.level && sb->country == Country::LA && sa->level != e.level)
            return out + " Their Vietnamese neighbours are " + vintage + " " + plural(sa->level) + ", listed at " +
                   toString(sa->level) + " level.";
    }
    return out;
}

}  // namespace

std::string resolvedVintage(const VintagePolicy& vintages, const AdjacencyQuery& q) {
    return q.vintage.empty() ? vintages.forLevel(q.level) : q.vintage;
}

Result<LayerPairs> planAdjacency(const std::vector<LayerSpec>& layers, const VintagePolicy& vintages,
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
    const LayerSpec* la = pick(Country::LA, q.level);
    if (!la && q.level == Level::Commune) la = pick(Country::LA, Level::District);
    LayerPairs plan;
    if (!q.crossBorderOnly) {
        plan.emplace_back(vn->id, vn->id);
        if (la) plan.emplace_back(la->id, la->id);
    }
    if (la) plan.emplace_back(vn->id, la->id);
    if (plan.empty()) return makeError("no Lao layer to pair with " + vn->id + " for cross-border adjacency");
    return plan;
}

Level adjacencyLevel(const SharedBorder& border) {
    return std::max(border.layerA->spec.level, border.layerB->spec.level);
}

std::vector<LevelAdjacency> planSystemAdjacency(const std::vector<LayerSpec>& layers, const VintagePolicy& vintages,
                                                const std::string& vintage) {
    const AdminSystem* sys = vintages.find(vintage);
    // Every pair the system's levels plan, once; then each Lao layer's own pairs.
    LayerPairs all;
    auto add = [&](const std::string& a, const std::string& b) {
        if (std::find(all.begin(), all.end(), std::make_pair(a, b)) == all.end()) all.emplace_back(a, b);
    };
    for (Level level : {Level::Province, Level::District, Level::Commune}) {
        if (!sys || !sys->has(level)) continue;
        if (auto plan = planAdjacency(layers, vintages, {level, vintage, false}))
            for (const auto& [a, b] : *plan) add(a, b);
    }
    for (size_t i = 0, n = all.size(); i < n; ++i) {
        const LayerSpec* sb = layerById(layers, all[i].second);
        if (sb && sb->country == Country::LA) add(sb->id, sb->id);
    }

    std::vector<LevelAdjacency> out;
    for (Level level : {Level::Province, Level::District, Level::Commune}) {
        LevelAdjacency e;
        e.level = level;
        for (const auto& [a, b] : all) {
            const LayerSpec* sa = layerById(layers, a);
            const LayerSpec* sb = layerById(layers, b);
            if (!sa || !sb || std::max(sa->level, sb->level) != level) continue;
            e.pairs.emplace_back(a, b);
            for (const LayerSpec* s : {sa, sb}) {
                if (s->level != level) continue;
                (s->country == Country::VN ? e.vietnamese : e.lao) = true;
            }
        }
        e.note = sys ? levelNote(e, layers, vintages, vintage, all)
                     : "No Vietnamese system '" + vintage + "' in the catalog (" + vintages.choices() + ").";
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace bl
