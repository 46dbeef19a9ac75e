// The border gates of the resolver (see resolve.hpp): the catalogue's names
// as folded words, a gate by name, and a gate's units in every vintage.
#include <algorithm>

#include "core/boundaries/crs.hpp"
#include "core/boundaries/geometry_ops.hpp"
#include "core/news/resolve.hpp"
#include "core/news/resolve_detail.hpp"

namespace bl {

using namespace resolve_detail;

size_t Resolver::gateNameAt(const std::vector<std::string_view>& words, size_t i,
                            std::vector<const CuratedGate*>* gates) const {
    if (i >= words.size()) return 0;
    auto it = m->gateNames.find(std::string(words[i]));
    if (it == m->gateNames.end()) return 0;
    size_t best = 0;
    std::vector<const CuratedGate*> found;
    for (const auto& [name, g] : it->second) {
        if (i + name.size() > words.size() || name.size() < best) continue;
        bool same = true;
        for (size_t k = 0; k < name.size() && same; ++k) same = words[i + k] == name[k];
        if (!same) continue;
        if (name.size() > best) found.clear();
        best = name.size();
        if (std::find(found.begin(), found.end(), g) == found.end()) found.push_back(g);
    }
    if (gates) *gates = std::move(found);
    return best;
}

const CuratedGate* Resolver::gate(std::string_view name, std::optional<Country> country) const {
    const std::string k = compactKey(m_aliases.canonical(foldName(name)));
    for (const auto& g : m_curated.gates) {
        if (country && g.country != *country) continue;
        bool match = compactKey(m_aliases.canonical(foldName(g.name))) == k;
        for (const auto& a : g.aliases) match = match || compactKey(m_aliases.canonical(foldName(a))) == k;
        if (match) return &g;
    }
    return nullptr;
}

PlaceResolution Resolver::resolveGate(const CuratedGate& g) const {
    {
        std::lock_guard lock(m->cacheMutex);
        auto it = m->gateCache.find(&g);
        if (it != m->gateCache.end()) return it->second;
    }
    PlaceResolution r = resolveGateUncached(g);
    std::lock_guard lock(m->cacheMutex);
    m->gateCache.emplace(&g, r);
    return r;
}

PlaceResolution Resolver::resolveGateUncached(const CuratedGate& g) const {
    // The enclosing district is the curated fact; a position refines the
    // later vintages only when it is precise enough for communes.
    PlaceQuery q;
    q.name = g.district.empty() ? g.province : g.district;
    q.level = g.district.empty() ? Level::Province : Level::District;
    q.country = g.country;
    q.parent = g.district.empty() ? std::string() : g.province;
    PlaceResolution r = resolve(q);
    for (auto& u : r.units) {
        u.by = ResolvedBy::Curated;
        u.reason = "curated: " + g.name + " gate lies in " + q.name + "; " + u.reason;
    }
    if (r.units.empty()) {
        r.reason = "curated gate " + g.name + ": " + r.reason;
        return r;
    }
    const auto vit = m->vintages.find(g.country);
    const Layer* firstLayer = nullptr;
    for (const auto& l : m_data.layers)
        if (l.spec.id == r.units.front().layerId) firstLayer = &l;
    const AdminUnit* district = firstLayer ? firstLayer->find(r.units.front().unitId) : nullptr;
    if (vit != m->vintages.end() && district) {
        for (auto& u : r.units) {
            if (u.layerId == r.units.front().layerId) continue;
            const VintageLayers* v = nullptr;
            for (const auto& w : vit->second)
                if (w.label == u.vintage) v = &w;
            if (!v || !v->fine) continue;
            const AdminUnit* found = nullptr;
            std::string why;
            if (!g.commune2025.empty()) {
                // The catalogue names the commune; it must lie in the gate's district.
                FindOptions o;
                o.layerId = v->fine->spec.id;
                o.minScore = 0.95;
                for (const auto& mm : m->gaz.find(g.commune2025, o)) {
                    auto cp = insidePoint(*mm.ref.unit);
                    if (cp && contains(district->geometry, *cp)) {
                        found = mm.ref.unit;
                        why = "curated: " + g.name + " gate lies in the commune " + g.commune2025 + " (" + u.vintage +
                              ")";
                        break;
                    }
                }
            }
            if (!found && g.position && !g.derived && g.precisionKm <= 1.0) {
                found = containing(v->fine, threadCrs().forward(*g.position));
                why = "containment of the curated position of " + g.name;
            }
            // A commune named like the gate, inside the gate's district.
            std::vector<std::string> names = g.aliases;
            names.insert(names.begin(), g.name);
            for (const auto& n : names) {
                if (found) break;
                FindOptions o;
                o.layerId = v->fine->spec.id;
                o.minScore = 0.95;
                for (const auto& mm : m->gaz.find(n, o)) {
                    auto cp = insidePoint(*mm.ref.unit);
                    if (cp && contains(district->geometry, *cp)) {
                        found = mm.ref.unit;
                        why = "curated: " + g.name + " gate; commune of that name inside " + district->name +
                              " (containment)";
                        break;
                    }
                }
            }
            if (found) {
                u = toResolved(*v->fine, *found, 0.9, ResolvedBy::Curated, why);
            } else if (auto pt = insidePoint(*district)) {
                // Not a commune named like the district: the gate is somewhere in it.
                if (const AdminUnit* p = containing(v->province, *pt))
                    u = toResolved(*v->province, *p, 0.6, ResolvedBy::Curated,
                                   "curated: " + g.name + " gate lies in " + district->name +
                                       ", which lies in this province (containment)");
            }
        }
    }
    r.confidence = 1.0;
    for (const auto& u : r.units) r.confidence = std::min(r.confidence, u.confidence);
    r.reason = r.units.front().reason;
    return r;
}

}  // namespace bl
