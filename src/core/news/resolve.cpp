#include "core/news/resolve.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/boundaries/geometry_ops.hpp"

namespace bl {

namespace {

// The layers of one country and vintage: the province layer and the finest
// layer below it (district for VN 2023 and LA 2019, commune for VN 2025).
struct VintageLayers {
    std::string label;
    const Layer* province = nullptr;
    const Layer* fine = nullptr;
};

ResolvedUnit toResolved(const Layer& l, const AdminUnit& u, double confidence, std::string reason) {
    ResolvedUnit r;
    r.layerId = l.spec.id;
    r.unitId = u.id;
    r.name = u.name;
    r.level = l.spec.level;
    r.parent = u.parentName;
    r.vintage = l.spec.vintage.label;
    r.country = l.spec.country;
    r.confidence = std::round(confidence * 1000) / 1000;
    r.reason = std::move(reason);
    return r;
}

std::string describeScore(const GazetteerMatch& m) {
    if (m.reason == "exact") return "exact name";
    if (m.reason == "alias") return "alias";
    if (m.reason == "spacing") return "name (spacing differs)";
    return m.reason + " match";
}

}  // namespace

struct Resolver::Impl {
    Gazetteer gaz;
    std::map<Country, std::vector<VintageLayers>> vintages;
    std::unordered_map<std::string, NameFacts> names;  // compact canonical key -> facts
    mutable std::mutex cacheMutex;
    mutable std::unordered_map<std::string, PlaceResolution> cache;
    mutable std::unordered_map<const CuratedGate*, PlaceResolution> gateCache;

    Impl(const Dataset& d, const AliasTable& a) : gaz(d, a) {}
};

Resolver::Resolver(const Dataset& data, const AliasTable& aliases, const CuratedPlaces& curated)
    : m_data(data), m_aliases(aliases), m_curated(curated), m(std::make_unique<Impl>(data, aliases)) {
    std::map<std::pair<Country, std::string>, VintageLayers> byVintage;
    for (const auto& l : data.layers) {
        auto& v = byVintage[{l.spec.country, l.spec.vintage.label}];
        v.label = l.spec.vintage.label;
        if (l.spec.level == Level::Province) v.province = &l;
        else if (!v.fine || int(l.spec.level) > int(v.fine->spec.level)) v.fine = &l;
    }
    for (auto& [key, v] : byVintage) m->vintages[key.first].push_back(v);  // map order: vintage labels ascending

    auto key = [&](const std::string& n) { return compactKey(m_aliases.canonical(foldName(n))); };
    auto note = [&](const std::string& n, Country c, bool province) {
        if (n.empty()) return;
        NameFacts& f = m->names[key(n)];
        (c == Country::VN ? f.vn : f.la) = true;
        (province ? f.province : f.belowProvince) = true;
    };
    for (const auto& l : data.layers)
        for (const auto& u : l.units) {
            const bool prov = l.spec.level == Level::Province;
            note(u.name, l.spec.country, prov);
            note(u.shortName, l.spec.country, prov);
            note(u.asciiName, l.spec.country, prov);
        }
    for (const auto& loc : curated.localities) {
        note(loc.name, loc.country, false);
        for (const auto& a : loc.aliases) note(a, loc.country, false);
    }
}

Resolver::~Resolver() = default;

NameFacts Resolver::facts(std::string_view name) const {
    const std::string k = compactKey(m_aliases.canonical(foldName(name)));
    auto it = m->names.find(k);
    return it == m->names.end() ? NameFacts{} : it->second;
}

namespace {

// Best match in one layer, or nullopt; `ambiguous` lists ties between units.
struct Pick {
    std::optional<GazetteerMatch> match;
    std::string ambiguous;
};

Pick pickIn(const Gazetteer& gaz, const Layer* layer, const std::string& name, const std::string& parentFolded,
            double minScore) {
    Pick p;
    if (!layer) return p;
    FindOptions o;
    o.layerId = layer->spec.id;
    o.parentFolded = parentFolded;
    o.minScore = minScore;
    o.limit = 4;
    auto ms = gaz.find(name, o);
    if (ms.empty()) return p;
    if (ms.size() > 1 && ms[1].score >= ms[0].score - 1e-9 && ms[1].ref.unit != ms[0].ref.unit) {
        p.ambiguous = ms[0].ref.unit->name + " (" + ms[0].ref.unit->parentName + ") or " + ms[1].ref.unit->name +
                      " (" + ms[1].ref.unit->parentName + ")";
        return p;
    }
    p.match = ms[0];
    return p;
}

// Unit of `layer` containing a working-CRS point.
const AdminUnit* containing(const Layer* layer, Vec2 pt) {
    if (!layer) return nullptr;
    for (const auto& u : layer->units)
        if (pt.x >= u.bounds.minX && pt.x <= u.bounds.maxX && pt.y >= u.bounds.minY && pt.y <= u.bounds.maxY &&
            contains(u.geometry, pt))
            return &u;
    return nullptr;
}

std::optional<Vec2> insidePoint(const AdminUnit& u) { return pointOnSurface(u.geometry); }

}  // namespace

PlaceResolution Resolver::resolve(const PlaceQuery& q) const {
    std::string cacheKey = q.name + "|" + (q.level ? toString(*q.level) : "-") + "|" +
                           (q.country ? toString(*q.country) : "-") + "|" + q.parent;
    {
        std::lock_guard lock(m->cacheMutex);
        auto it = m->cache.find(cacheKey);
        if (it != m->cache.end()) return it->second;
    }

    const std::string folded = foldName(q.name);
    const std::string canonKey = compactKey(m_aliases.canonical(folded));

    // One country's attempt.
    auto resolveIn = [&](Country c) -> PlaceResolution {
        PlaceResolution r;
        const auto vit = m->vintages.find(c);
        if (vit == m->vintages.end() || folded.empty()) {
            r.reason = "no layers for this country";
            return r;
        }
        const double minScore = 0.86;
        std::vector<std::string> notes;
        const AdminUnit* earlierUnit = nullptr;   // the unit found in the previous vintage
        const Layer* earlierLayer = nullptr;
        for (const VintageLayers& v : vit->second) {
            // The enclosing province in this vintage, from the text's context.
            const AdminUnit* parentUnit = nullptr;
            const AdminUnit* parentEarlier = nullptr;  // parent in an earlier vintage when it no longer exists
            if (!q.parent.empty()) {
                Pick pp = pickIn(m->gaz, v.province, q.parent, "", 0.9);
                if (pp.match) parentUnit = pp.match->ref.unit;
                else {
                    for (const VintageLayers& w : vit->second) {
                        if (&w == &v) break;
                        Pick pe = pickIn(m->gaz, w.province, q.parent, "", 0.9);
                        if (pe.match) parentEarlier = pe.match->ref.unit;
                    }
                    // The parent may be a district (LA) or a merged province (VN 2025).
                    if (!parentEarlier && v.fine && v.fine->spec.level == Level::District) {
                        Pick pd = pickIn(m->gaz, v.fine, q.parent, "", 0.9);
                        if (pd.match) parentUnit = pd.match->ref.unit;
                    }
                }
            }
            const std::string parentFolded = parentUnit ? foldName(parentUnit->name) : std::string();
            auto inParent = [&](const AdminUnit& u) -> bool {
                if (!parentEarlier) return true;
                auto pt = insidePoint(u);
                return pt && contains(parentEarlier->geometry, *pt);
            };
            const std::string ctx = parentUnit ? " inside " + parentUnit->name
                                    : parentEarlier ? " inside the former " + parentEarlier->name
                                                    : std::string();

            std::optional<ResolvedUnit> got;
            std::string ambiguous;
            auto tryLayer = [&](const Layer* layer, double min) -> bool {
                if (!layer || got) return bool(got);
                Pick p = pickIn(m->gaz, layer, q.name, parentFolded, min);
                if (p.match && inParent(*p.match->ref.unit)) {
                    const double conf = p.match->score * (parentUnit || parentEarlier ? 1.0 : 0.95);
                    got = toResolved(*layer, *p.match->ref.unit, conf,
                                     describeScore(*p.match) + (ctx.empty() ? "" : ", context:" + ctx));
                    return true;
                }
                if (!p.ambiguous.empty() && ambiguous.empty()) ambiguous = p.ambiguous;
                return false;
            };
            auto curatedLocality = [&]() -> bool {
                if (got || c != Country::VN || !v.fine || v.fine->spec.level != Level::District) return bool(got);
                for (const Locality& loc : m_curated.localities) {
                    if (loc.country != c) continue;
                    bool match = compactKey(m_aliases.canonical(foldName(loc.name))) == canonKey;
                    for (const auto& a : loc.aliases)
                        match = match || compactKey(m_aliases.canonical(foldName(a))) == canonKey;
                    if (!match) continue;
                    if (!q.parent.empty() && foldName(loc.province) != foldName(q.parent) &&
                        !(parentUnit && foldName(parentUnit->name) == foldName(loc.province)))
                        continue;
                    Pick prov = pickIn(m->gaz, v.province, loc.province, "", 0.9);
                    Pick d = pickIn(m->gaz, v.fine, loc.district2023,
                                    prov.match ? foldName(prov.match->ref.unit->name) : "", 0.9);
                    if (!d.match) continue;
                    got = toResolved(*v.fine, *d.match->ref.unit, 0.9,
                                     "curated: " + loc.kind + " " + loc.name + " lies in " + d.match->ref.unit->name +
                                         " (" + loc.source + ")");
                    return true;
                }
                return false;
            };

            const bool fineIsDistrict = v.fine && v.fine->spec.level == Level::District;
            if (q.level == Level::Province) {
                tryLayer(v.province, minScore);
            } else if (q.level == Level::District) {
                if (fineIsDistrict) tryLayer(v.fine, minScore);
            } else if (q.level == Level::Commune) {
                curatedLocality();
                if (!fineIsDistrict) tryLayer(v.fine, 0.9);
            } else {
                curatedLocality();
                tryLayer(v.province, 0.9);
                tryLayer(v.fine, 0.9);
            }

            // Across the 2025 reform: a district or merged province of the
            // earlier vintage lands in a 2025 commune of the same name inside
            // it, else in the 2025 province containing it.
            if (!got && earlierUnit && v.fine && v.province) {
                const auto pt = insidePoint(*earlierUnit);
                if (earlierLayer->spec.level == Level::District && !fineIsDistrict && q.level != Level::Province) {
                    FindOptions o;
                    o.layerId = v.fine->spec.id;
                    o.minScore = 0.95;
                    for (const auto& mm : m->gaz.find(q.name, o)) {
                        auto cp = insidePoint(*mm.ref.unit);
                        if (cp && contains(earlierUnit->geometry, *cp)) {
                            got = toResolved(*v.fine, *mm.ref.unit, 0.8 * mm.score,
                                             "commune of the same name inside " + earlierUnit->name +
                                                 " (containment)");
                            break;
                        }
                    }
                }
                if (!got && pt) {
                    if (const AdminUnit* p = containing(v.province, *pt))
                        got = toResolved(*v.province, *p, earlierLayer->spec.level == Level::Province ? 0.85 : 0.6,
                                         "no " + std::string(toString(v.fine->spec.level)) + " named " + q.name +
                                             " in " + v.fine->spec.id + "; province containing " +
                                             earlierUnit->name + " (containment)");
                }
            }
            // A place below the district level in the earlier vintage: the
            // commune of a later vintage tells the district by containment.
            if (got && !earlierUnit && v.label != vit->second.front().label && c == Country::VN &&
                got->level == Level::Commune && r.units.empty()) {
                const VintageLayers& first = vit->second.front();
                const Layer* layer = nullptr;
                for (const auto& l : m_data.layers)
                    if (l.spec.id == got->layerId) layer = &l;
                const AdminUnit* cu = layer ? layer->find(got->unitId) : nullptr;
                auto pt = cu ? insidePoint(*cu) : std::nullopt;
                if (pt)
                    if (const AdminUnit* d = containing(first.fine, *pt))
                        r.units.push_back(toResolved(*first.fine, *d, 0.8 * got->confidence,
                                                     "the " + std::string(got->vintage) + " commune " + got->name +
                                                         " lies in " + d->name + " (containment)"));
            }
            // Still nothing but a stated enclosing province: say so, at that level.
            if (!got && parentUnit && v.province && parentUnit->id.size() &&
                v.province->find(parentUnit->id) == parentUnit) {
                got = toResolved(*v.province, *parentUnit, 0.5,
                                 q.name + " is not a unit of " + (v.fine ? v.fine->spec.id : v.province->spec.id) +
                                     "; enclosing province from context");
            }
            if (got) {
                if (const Layer* l = [&]() -> const Layer* {
                        for (const auto& x : m_data.layers)
                            if (x.spec.id == got->layerId) return &x;
                        return nullptr;
                    }()) {
                    earlierLayer = l;
                    earlierUnit = l->find(got->unitId);
                }
                r.units.push_back(*got);
            } else {
                notes.push_back(ambiguous.empty() ? "no match in the " + v.label + " layers"
                                                  : "ambiguous in " + v.label + ": " + ambiguous);
            }
        }
        if (!r.units.empty()) {
            r.country = c;
            r.confidence = 1.0;
            for (const auto& u : r.units) r.confidence = std::min(r.confidence, u.confidence);
            r.reason = r.units.front().reason;
        }
        for (const auto& n : notes) r.reason += (r.reason.empty() ? "" : "; ") + n;
        return r;
    };

    PlaceResolution out;
    std::vector<Country> countries;
    if (q.country) countries.push_back(*q.country);
    else countries = {Country::VN, Country::LA};
    std::vector<PlaceResolution> found;
    std::string why;
    for (Country c : countries) {
        PlaceResolution r = resolveIn(c);
        if (!r.units.empty()) found.push_back(std::move(r));
        else why += std::string(why.empty() ? "" : "; ") + toString(c) + ": " + r.reason;
    }
    if (found.size() == 1) {
        out = std::move(found.front());
    } else if (found.size() == 2) {
        const double a = found[0].confidence, b = found[1].confidence;
        if (std::abs(a - b) >= 0.1) out = std::move(a > b ? found[0] : found[1]);
        else out.reason = q.name + " names a place on both sides (" + found[0].units.front().name + ", " +
                          found[1].units.front().name + ") and the text does not say which";
    } else {
        out.reason = "\"" + q.name + "\" is not in the catalog (" + why + ")";
    }
    std::lock_guard lock(m->cacheMutex);
    m->cache.emplace(cacheKey, out);
    return out;
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
    for (auto& u : r.units) u.reason = "curated: " + g.name + " gate lies in " + q.name + "; " + u.reason;
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
            if (g.position && g.precisionKm <= 1.0) {
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
                u = toResolved(*v->fine, *found, 0.9, why);
            } else if (auto pt = insidePoint(*district)) {
                // Not a commune named like the district: the gate is somewhere in it.
                if (const AdminUnit* p = containing(v->province, *pt))
                    u = toResolved(*v->province, *p, 0.6,
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
