#include "core/news/resolve.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <cmath>
#include <map>
#include <set>

#include "core/boundaries/geometry_ops.hpp"
#include "core/news/resolve_detail.hpp"

namespace bl {

namespace resolve_detail {

ResolvedUnit toResolved(const Layer& l, const AdminUnit& u, double confidence, ResolvedBy by, std::string reason) {
    ResolvedUnit r;
    r.layerId = l.spec.id;
    r.unitId = u.id;
    r.name = u.name;
    r.level = l.spec.level;
    r.parent = u.parentName;
    r.vintage = l.spec.vintage.label;
    r.country = l.spec.country;
    r.confidence = std::round(confidence * 1000) / 1000;
    r.by = by;
    r.reason = std::move(reason);
    return r;
}

std::string describeScore(const GazetteerMatch& m) {
    switch (m.kind) {
        case MatchKind::Exact: return "exact name";
        case MatchKind::Alias: return "alias";
        case MatchKind::Spacing: return "name (spacing differs)";
        default: return m.reason + " match";
    }
}

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

const AdminUnit* containing(const Layer* layer, Vec2 pt) {
    if (!layer) return nullptr;
    for (const auto& u : layer->units)
        if (pt.x >= u.bounds.minX && pt.x <= u.bounds.maxX && pt.y >= u.bounds.minY && pt.y <= u.bounds.maxY &&
            contains(u.geometry, pt))
            return &u;
    return nullptr;
}

std::optional<Vec2> insidePoint(const AdminUnit& u) { return pointOnSurface(u.geometry); }

}  // namespace resolve_detail

using namespace resolve_detail;

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
    for (const auto& g : curated.gates) {
        std::vector<std::string> names = g.aliases;
        names.insert(names.begin(), g.name);
        for (const auto& n : names) {
            std::vector<std::string> words;
            std::string w;
            for (char c : foldName(n) + " ") {
                if (std::isalnum(static_cast<unsigned char>(c))) w += c;
                else if (!w.empty()) words.push_back(std::exchange(w, std::string()));
            }
            if (!words.empty()) m->gateNames[words.front()].emplace_back(std::move(words), &g);
        }
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

// One query in one country, vintage by vintage (oldest first): each vintage
// by name, else carried from the previous vintage's unit by containment,
// else the enclosing province the text names.
class CountrySearch {
public:
    CountrySearch(const Gazetteer& gaz, const AliasTable& aliases, const CuratedPlaces& curated, const Dataset& data,
                  const PlaceQuery& q, Country country)
        : m_gaz(gaz), m_aliases(aliases), m_curated(curated), m_data(data), m_q(q), m_country(country),
          m_canonKey(compactKey(aliases.canonical(foldName(q.name)))) {}

    PlaceResolution run(const std::vector<VintageLayers>& vintages);

private:
    // The enclosing place the text names, in one vintage.
    struct Parent {
        const AdminUnit* unit = nullptr;     // in this vintage
        const AdminUnit* earlier = nullptr;  // in an earlier vintage, when it no longer exists
        std::string context;                 // " inside X" for reasons; empty without a parent
    };

    Parent findParent(const std::vector<VintageLayers>& vintages, const VintageLayers& v) const;
    std::optional<ResolvedUnit> byName(const VintageLayers& v, const Parent& p, std::string* ambiguous) const;
    std::optional<ResolvedUnit> curatedLocality(const VintageLayers& v, const Parent& p) const;
    std::optional<ResolvedUnit> acrossReform(const VintageLayers& v) const;
    bool namesEarlierUnit() const;
    std::optional<ResolvedUnit> successor(const VintageLayers& v) const;
    std::optional<ResolvedUnit> earlierByContainment(const VintageLayers& first, const ResolvedUnit& got) const;
    const Layer* layerOf(const std::string& id) const;

    const Gazetteer& m_gaz;
    const AliasTable& m_aliases;
    const CuratedPlaces& m_curated;
    const Dataset& m_data;
    const PlaceQuery& m_q;
    Country m_country;
    std::string m_canonKey;
    const AdminUnit* m_earlierUnit = nullptr;  // the unit found in the previous vintage
    const Layer* m_earlierLayer = nullptr;
    ResolvedBy m_earlierBy = ResolvedBy::Name;
};

const Layer* CountrySearch::layerOf(const std::string& id) const {
    for (const auto& l : m_data.layers)
        if (l.spec.id == id) return &l;
    return nullptr;
}

PlaceResolution CountrySearch::run(const std::vector<VintageLayers>& vintages) {
    PlaceResolution r;
    std::vector<std::string> notes;
    for (const VintageLayers& v : vintages) {
        const Parent parent = findParent(vintages, v);
        std::string ambiguous;
        std::optional<ResolvedUnit> got;
        // A name of a pre-reform province or district stays that unit: in a
        // later system it is the same-named unit of its level, else its
        // successor, never a same-named unit of another level.
        if (namesEarlierUnit()) {
            if (m_earlierLayer->spec.level == Level::Province && v.province) {
                Pick pk = pickIn(m_gaz, v.province, m_q.name, "", 0.9);
                if (pk.match) {
                    auto pt = insidePoint(*m_earlierUnit);
                    if (pt && contains(pk.match->ref.unit->geometry, *pt))
                        got = toResolved(*v.province, *pk.match->ref.unit, pk.match->score * 0.95, ResolvedBy::Name,
                                         describeScore(*pk.match));
                }
            }
            if (!got) got = successor(v);
        } else {
            got = byName(v, parent, &ambiguous);
        }
        if (!got && m_earlierUnit && v.fine && v.province) got = acrossReform(v);
        // A place below the district level in the earlier vintage: the
        // commune of a later vintage tells the district by containment.
        if (got && !m_earlierUnit && v.label != vintages.front().label && m_country == Country::VN &&
            got->level == Level::Commune && r.units.empty())
            if (auto earlier = earlierByContainment(vintages.front(), *got)) r.units.push_back(*earlier);
        // Still nothing but a stated enclosing province: say so, at that level.
        const AdminUnit* pu = parent.unit;
        if (!got && pu && v.province && pu->id.size() && v.province->find(pu->id) == pu)
            got = toResolved(*v.province, *pu, 0.5, ResolvedBy::ContextOnly,
                             m_q.name + " is not a unit of " + (v.fine ? v.fine->spec.id : v.province->spec.id) +
                                 "; enclosing province from context");
        // A commune below the district layer, in the district the text names.
        if (!got && pu && v.fine && v.fine->spec.level == Level::District && v.fine->find(pu->id) == pu)
            got = toResolved(*v.fine, *pu, 0.6, ResolvedBy::ContextOnly,
                             m_q.name + " is not a unit of " + v.fine->spec.id + "; enclosing district from context");
        if (got) {
            if (const Layer* l = layerOf(got->layerId); l && !m_earlierUnit) {
                m_earlierLayer = l;
                m_earlierUnit = l->find(got->unitId);
                m_earlierBy = got->by;
            }
            r.units.push_back(*got);
        } else {
            notes.push_back(ambiguous.empty() ? "no match in the " + v.label + " layers"
                                              : "ambiguous in " + v.label + ": " + ambiguous);
        }
    }
    // A name of the later system only (a 2025 commune): in the earlier
    // system it is the unit that held it, not just the province the text names.
    if (r.units.size() >= 2 && r.units.front().by == ResolvedBy::ContextOnly && m_country == Country::VN &&
        (r.units.back().by == ResolvedBy::Name || r.units.back().by == ResolvedBy::NameInContext) &&
        r.units.back().level == Level::Commune)
        if (auto earlier = earlierByContainment(vintages.front(), r.units.back())) r.units.front() = *earlier;
    if (!r.units.empty()) {
        r.country = m_country;
        r.confidence = 1.0;
        for (const auto& u : r.units) r.confidence = std::min(r.confidence, u.confidence);
        r.reason = r.units.front().reason;
    }
    for (const auto& n : notes) r.reason += (r.reason.empty() ? "" : "; ") + n;
    return r;
}

CountrySearch::Parent CountrySearch::findParent(const std::vector<VintageLayers>& vintages,
                                                const VintageLayers& v) const {
    Parent p;
    if (m_q.parent.empty()) return p;
    Pick pp = pickIn(m_gaz, v.province, m_q.parent, "", 0.9);
    if (pp.match) {
        p.unit = pp.match->ref.unit;
    } else {
        for (const VintageLayers& w : vintages) {
            if (&w == &v) break;
            Pick pe = pickIn(m_gaz, w.province, m_q.parent, "", 0.9);
            if (pe.match) p.earlier = pe.match->ref.unit;
        }
        // The parent may be a district (LA) or a merged province (VN 2025).
        if (!p.earlier && v.fine && v.fine->spec.level == Level::District) {
            Pick pd = pickIn(m_gaz, v.fine, m_q.parent, "", 0.9);
            if (pd.match) p.unit = pd.match->ref.unit;
        }
    }
    p.context = p.unit      ? " inside " + p.unit->name
                : p.earlier ? " inside the former " + p.earlier->name
                            : std::string();
    return p;
}

// The unit of this name in the layer the stated level points to (both
// layers when no level is stated), inside the parent when there is one.
std::optional<ResolvedUnit> CountrySearch::byName(const VintageLayers& v, const Parent& p,
                                                  std::string* ambiguous) const {
    const std::string parentFolded = p.unit ? foldName(p.unit->name) : std::string();
    auto inParent = [&](const AdminUnit& u) -> bool {
        if (!p.earlier) return true;
        auto pt = insidePoint(u);
        return pt && contains(p.earlier->geometry, *pt);
    };
    std::optional<ResolvedUnit> got;
    auto tryLayer = [&](const Layer* layer, double min) {
        if (!layer || got) return;
        Pick pk = pickIn(m_gaz, layer, m_q.name, parentFolded, min);
        if (pk.match && inParent(*pk.match->ref.unit)) {
            const double conf = pk.match->score * (p.unit || p.earlier ? 1.0 : 0.95);
            const bool context = !p.context.empty();
            got = toResolved(*layer, *pk.match->ref.unit, conf, context ? ResolvedBy::NameInContext : ResolvedBy::Name,
                             describeScore(*pk.match) + (context ? ", context:" + p.context : ""));
            return;
        }
        if (!pk.ambiguous.empty() && ambiguous->empty()) *ambiguous = pk.ambiguous;
    };
    auto locality = [&] {
        if (!got) got = curatedLocality(v, p);
    };
    const double minScore = 0.86;
    const bool fineIsDistrict = v.fine && v.fine->spec.level == Level::District;
    // A misspelling (a letter dropped, doubled or swapped) is accepted when
    // the text says which level the place is, and only one unit comes close
    // (in the country the text names, if it names one).
    auto tryMisspelt = [&](const Layer* layer) {
        if (got || !layer || !m_q.level) return;
        FindOptions o;
        o.layerId = layer->spec.id;
        o.parentFolded = p.unit ? foldName(p.unit->name) : std::string();
        o.minScore = 0.74;
        o.limit = 3;
        const auto ms = m_gaz.find(m_q.name, o);
        if (ms.empty() || (ms.front().kind != MatchKind::Fuzzy && ms.front().kind != MatchKind::FuzzyAlias)) return;
        if (ms.size() > 1 && ms[1].score > ms[0].score - 0.06 && ms[1].ref.unit != ms[0].ref.unit) return;
        got = toResolved(*layer, *ms.front().ref.unit, ms.front().score * 0.9, ResolvedBy::Name,
                         "misspelling of " + ms.front().ref.unit->name + " (" + toString(*m_q.level) +
                             (m_q.country ? std::string(" of ") + toString(*m_q.country) : std::string()) +
                             " stated by the text)");
    };
    if (m_q.level == Level::Province) {
        tryLayer(v.province, minScore);
        tryMisspelt(v.province);
    } else if (m_q.level == Level::District) {
        if (fineIsDistrict) tryLayer(v.fine, minScore);
        if (fineIsDistrict) tryMisspelt(v.fine);
    } else if (m_q.level == Level::Commune) {
        locality();
        if (!fineIsDistrict) tryLayer(v.fine, 0.9);
    } else {
        locality();
        tryLayer(v.province, 0.9);
        tryLayer(v.fine, 0.9);
    }
    return got;
}

// A curated town or commune below the district layer (VN 2023): its district.
std::optional<ResolvedUnit> CountrySearch::curatedLocality(const VintageLayers& v, const Parent& p) const {
    if (m_country != Country::VN || !v.fine || v.fine->spec.level != Level::District) return std::nullopt;
    auto key = [&](const std::string& n) { return compactKey(m_aliases.canonical(foldName(n))); };
    for (const Locality& loc : m_curated.localities) {
        if (loc.country != m_country) continue;
        bool match = key(loc.name) == m_canonKey;
        for (const auto& a : loc.aliases) match = match || key(a) == m_canonKey;
        if (!match) continue;
        if (!m_q.parent.empty() && foldName(loc.province) != foldName(m_q.parent) &&
            !(p.unit && foldName(p.unit->name) == foldName(loc.province)))
            continue;
        Pick prov = pickIn(m_gaz, v.province, loc.province, "", 0.9);
        Pick d = pickIn(m_gaz, v.fine, loc.district, prov.match ? foldName(prov.match->ref.unit->name) : "", 0.9);
        if (!d.match) continue;
        return toResolved(*v.fine, *d.match->ref.unit, 0.9, ResolvedBy::Curated,
                          "curated: " + loc.kind + " " + loc.name + " lies in " + d.match->ref.unit->name + " (" +
                              loc.source + ")");
    }
    return std::nullopt;
}

// Across the 2025 reform: a district or merged province of the earlier
// vintage lands in a 2025 commune of the same name inside it, else in the
// 2025 province containing it.
std::optional<ResolvedUnit> CountrySearch::acrossReform(const VintageLayers& v) const {
    const bool fineIsDistrict = v.fine->spec.level == Level::District;
    if (m_earlierLayer->spec.level == Level::District && !fineIsDistrict && m_q.level != Level::Province) {
        FindOptions o;
        o.layerId = v.fine->spec.id;
        o.minScore = 0.95;
        for (const auto& mm : m_gaz.find(m_q.name, o)) {
            auto cp = insidePoint(*mm.ref.unit);
            if (cp && contains(m_earlierUnit->geometry, *cp))
                return toResolved(*v.fine, *mm.ref.unit, 0.8 * mm.score, ResolvedBy::Containment,
                                  "commune of the same name inside " + m_earlierUnit->name + " (containment)");
        }
    }
    if (const auto pt = insidePoint(*m_earlierUnit))
        if (const AdminUnit* p = containing(v.province, *pt))
            return toResolved(*v.province, *p, m_earlierLayer->spec.level == Level::Province ? 0.85 : 0.6,
                              ResolvedBy::Containment,
                              "no " + std::string(toString(v.fine->spec.level)) + " named " + m_q.name + " in " +
                                  v.fine->spec.id + "; province containing " + m_earlierUnit->name + " (containment)");
    return std::nullopt;
}

// True when the first vintage found the query's own name as a province or
// district (not a town inside one, not a place carried by containment).
bool CountrySearch::namesEarlierUnit() const {
    return m_earlierUnit && m_country == Country::VN && m_q.level != Level::Commune &&
           (m_earlierBy == ResolvedBy::Name || m_earlierBy == ResolvedBy::NameInContext) &&
           m_earlierLayer->spec.level != Level::Commune;
}

// The later vintage's province that took most of the earlier unit, from
// the succession table; by containment when the table does not have it.
std::optional<ResolvedUnit> CountrySearch::successor(const VintageLayers& v) const {
    if (!v.province) return std::nullopt;
    const SuccessionTable& table = m_curated.succession;
    if (const Succession* s = table.find(m_earlierLayer->spec.id, m_earlierUnit->id)) {
        const auto to = table.successorsIn(*s, v.province->spec.id);
        if (!to.empty())
            if (const AdminUnit* u = v.province->find(to.front()->unitId))
                return toResolved(*v.province, *u, to.front()->share >= 0.95 ? 0.9 : 0.9 * to.front()->share,
                                  ResolvedBy::Succession, table.describe(*s, v.province->spec.id, v.label));
    }
    if (const auto pt = insidePoint(*m_earlierUnit))
        if (const AdminUnit* p = containing(v.province, *pt))
            return toResolved(*v.province, *p, 0.6, ResolvedBy::Containment,
                              m_earlierUnit->name + " lies in " + p->name + " (containment; not in the succession table)");
    return std::nullopt;
}

// The first vintage's district holding a later vintage's commune.
std::optional<ResolvedUnit> CountrySearch::earlierByContainment(const VintageLayers& first,
                                                                const ResolvedUnit& got) const {
    const Layer* layer = layerOf(got.layerId);
    const AdminUnit* cu = layer ? layer->find(got.unitId) : nullptr;
    const auto pt = cu ? insidePoint(*cu) : std::nullopt;
    if (!pt) return std::nullopt;
    const AdminUnit* d = containing(first.fine, *pt);
    if (!d) return std::nullopt;
    return toResolved(*first.fine, *d, 0.8 * got.confidence, ResolvedBy::Containment,
                      "the " + std::string(got.vintage) + " commune " + got.name + " lies in " + d->name +
                          " (containment)");
}

// One country's answer, or none when both sides have the name about
// equally well or neither has it.
PlaceResolution chooseCountry(const PlaceQuery& q, std::vector<PlaceResolution> found, const std::string& why) {
    PlaceResolution out;
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
    return out;
}

}  // namespace

PlaceResolution Resolver::resolve(const PlaceQuery& q) const {
    std::string cacheKey = q.name + "|" + (q.level ? toString(*q.level) : "-") + "|" +
                           (q.country ? toString(*q.country) : "-") + "|" + q.parent;
    {
        std::lock_guard lock(m->cacheMutex);
        auto it = m->cache.find(cacheKey);
        if (it != m->cache.end()) return it->second;
    }
    const bool named = !foldName(q.name).empty();
    std::vector<Country> countries;
    if (q.country) countries.push_back(*q.country);
    else countries = {Country::VN, Country::LA};
    std::vector<PlaceResolution> found;
    std::string why;
    for (Country c : countries) {
        PlaceResolution r;
        const auto vit = m->vintages.find(c);
        if (vit == m->vintages.end() || !named) r.reason = "no layers for this country";
        else r = CountrySearch(m->gaz, m_aliases, m_curated, m_data, q, c).run(vit->second);
        if (!r.units.empty()) found.push_back(std::move(r));
        else why += std::string(why.empty() ? "" : "; ") + toString(c) + ": " + r.reason;
    }
    PlaceResolution out = chooseCountry(q, std::move(found), why);
    std::lock_guard lock(m->cacheMutex);
    m->cache.emplace(cacheKey, out);
    return out;
}

}  // namespace bl
