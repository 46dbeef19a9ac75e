#include "core/boundaries/succession.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/boundaries/geometry_ops.hpp"

namespace bl {

const Succession* SuccessionTable::find(const std::string& layerId, const std::string& unitId) const {
    for (const auto& s : units)
        if (s.layerId == layerId && s.unitId == unitId) return &s;
    return nullptr;
}

std::vector<const Successor*> SuccessionTable::successorsIn(const Succession& s, const std::string& layerId) const {
    std::vector<const Successor*> out;
    for (const auto& t : s.to)
        if (t.layerId == layerId) out.push_back(&t);
    return out;
}

namespace {

bool boxesMeet(const Box& a, const Box& b) {
    return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

const std::string& shortOf(const AdminUnit& u) { return u.shortName.empty() ? u.name : u.shortName; }

// The shares of `u` that the units of `later` hold, largest first; empty
// when `later` covers less than minCoverage of it.
std::vector<Successor> sharesIn(const AdminUnit& u, double unitArea, const Layer& later,
                                const SuccessionOptions& o) {
    std::vector<Successor> out;
    double covered = 0.0;
    for (const auto& v : later.units) {
        if (o.stop.stop_requested()) return {};
        if (!boxesMeet(u.bounds, v.bounds)) continue;
        const double a = intersectionArea(u.geometry, v.geometry);
        if (a <= 0.0) continue;
        const double share = a / unitArea;
        covered += share;
        if (share >= o.minShare) out.push_back({later.spec.id, v.id, shortOf(v), std::round(share * 1000) / 1000});
    }
    if (covered < o.minCoverage) return {};
    std::sort(out.begin(), out.end(), [](const Successor& a, const Successor& b) {
        return a.share != b.share ? a.share > b.share : a.unitId < b.unitId;
    });
    return out;
}

}  // namespace

SuccessionTable computeSuccession(const Dataset& data, const VintagePolicy& policy, const SuccessionOptions& o) {
    SuccessionTable table;
    char method[256];
    std::snprintf(method, sizeof method,
                  "area of the overlap of each unit with each unit of the later system's layers, in the working "
                  "CRS, over the unit's area; shares under %.0f%% dropped (boundary mismatch between sources)",
                  o.minShare * 100);
    table.method = method;
    for (size_t i = 0; i + 1 < policy.systems.size(); ++i) {
        const std::string& from = policy.systems[i].label;
        for (const auto& earlier : data.layers) {
            if (earlier.spec.country != Country::VN || earlier.spec.vintage.label != from) continue;
            for (const auto& u : earlier.units) {
                const double unitArea = area(u.geometry);
                if (unitArea <= 0.0) continue;
                Succession s{earlier.spec.id, u.id, shortOf(u), earlier.spec.level, from, {}};
                for (size_t j = i + 1; j < policy.systems.size(); ++j)
                    for (const auto& later : data.layers) {
                        if (later.spec.country != Country::VN || later.spec.vintage.label != policy.systems[j].label)
                            continue;
                        // Provinces go to provinces; finer units to provinces and to units as fine or finer.
                        const bool wanted = later.spec.level == Level::Province ||
                                            (earlier.spec.level != Level::Province &&
                                             int(later.spec.level) >= int(earlier.spec.level));
                        if (!wanted) continue;
                        auto shares = sharesIn(u, unitArea, later, o);
                        s.to.insert(s.to.end(), shares.begin(), shares.end());
                    }
                if (o.stop.stop_requested()) return table;
                table.units.push_back(std::move(s));
            }
        }
    }
    return table;
}

std::string SuccessionTable::describe(const Succession& s, const std::string& layerId,
                                     const std::string& laterVintage) const {
    const auto to = successorsIn(s, layerId);
    std::string out = s.name + " (" + s.vintage + ") \u2192 ";
    if (to.empty()) return out + "no successor in " + laterVintage;
    if (to.front()->share >= 0.95) {
        // Whole (what is left is where the sources' boundaries differ): the
        // successor is this unit alone, or this unit merged with others.
        bool others = false;
        for (const auto& o : units)
            if (&o != &s && o.layerId == s.layerId)
                for (const auto& t : o.to)
                    others = others || (t.layerId == layerId && t.unitId == to.front()->unitId && t.share >= 0.5);
        out += (others ? "part of " : "") + to.front()->name + " (" + laterVintage + ")";
        for (size_t i = 1; i < to.size(); ++i)
            out += std::string(i == 1 ? "; edge " : ", ") + std::to_string(int(std::lround(to[i]->share * 100))) +
                   "% in " + to[i]->name;
        return out;
    }
    out += "split among ";
    for (size_t i = 0; i < to.size(); ++i) {
        if (i) out += ", ";
        out += to[i]->name + " " + std::to_string(int(std::lround(to[i]->share * 100))) + "%";
    }
    return out + " (" + laterVintage + ")";
}

std::string SuccessionTable::describePredecessors(const std::string& layerId, const std::string& unitId) const {
    std::string out, vintage;
    for (const auto& s : units)
        for (const auto& t : s.to) {
            if (t.layerId != layerId || t.unitId != unitId || t.share < 0.05) continue;
            if (vintage.empty()) vintage = s.vintage;
            out += (out.empty() ? "" : ", ") + s.name +
                   (t.share >= 0.95 ? std::string(" (all of it)")
                                    : " (" + std::to_string(int(std::lround(t.share * 100))) + "% of it)");
        }
    return out.empty() ? out : "From " + vintage + ": " + out;
}

}  // namespace bl
