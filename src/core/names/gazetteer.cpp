#include "core/names/gazetteer.hpp"

#include <algorithm>

namespace bl {

Gazetteer::Gazetteer(const Dataset& data, const AliasTable& aliases) : m_aliases(aliases) {
    for (const auto& layer : data.layers) {
        for (const auto& u : layer.units) {
            Entry e;
            e.ref = {&layer, &u};
            auto add = [&](const std::string& n) {
                if (n.empty()) return;
                std::string k = foldName(n);
                if (!k.empty() && std::find(e.keys.begin(), e.keys.end(), k) == e.keys.end())
                    e.keys.push_back(std::move(k));
            };
            add(u.name);
            add(u.shortName);
            add(u.asciiName);
            for (const auto& a : u.altNames) add(a);
            e.parentKey = foldName(u.parentName);
            m_entries.push_back(std::move(e));
        }
    }
}

namespace {

double similarity(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return 0.0;
    const size_t d = editDistance(a, b);
    return 1.0 - double(d) / double(std::max(a.size(), b.size()));
}

}  // namespace

const char* toString(MatchKind k) {
    switch (k) {
        case MatchKind::None: return "none";
        case MatchKind::Exact: return "exact";
        case MatchKind::Spacing: return "spacing";
        case MatchKind::Alias: return "alias";
        case MatchKind::WithParent: return "with parent";
        case MatchKind::Prefix: return "prefix";
        case MatchKind::Fuzzy: return "fuzzy";
        case MatchKind::FuzzyAlias: return "fuzzy alias";
    }
    return "none";
}

std::string guessNote(const std::string& option, const std::string& query, const GazetteerMatch& m) {
    const bool guess = m.kind == MatchKind::Prefix || m.kind == MatchKind::Fuzzy || m.kind == MatchKind::FuzzyAlias;
    if (!guess) return {};
    const AdminUnit& u = *m.ref.unit;
    return option + " '" + query + "' names no unit exactly; taking the closest (" + m.reason + " match): " + u.name +
           (u.parentName.empty() ? "" : ", " + u.parentName);
}

double Gazetteer::score(const std::string& q, size_t idx, MatchKind* kind) const {
    const Entry& e = m_entries[idx];
    const std::string qc = compactKey(q);
    const std::string qCanon = m_aliases.canonical(q);
    double best = 0.0;
    MatchKind why = MatchKind::None;
    auto consider = [&](double s, MatchKind r) {
        if (s > best) { best = s; why = r; }
    };
    for (const auto& k : e.keys) {
        if (k == q) { consider(1.0, MatchKind::Exact); continue; }
        const std::string kc = compactKey(k);
        if (kc == qc) consider(0.97, MatchKind::Spacing);
        if (m_aliases.known(q) && m_aliases.canonical(k) == qCanon) consider(0.95, MatchKind::Alias);
        // "huong hoa quang tri": the name followed by its parent.
        if (q.size() > k.size() + 1 && q.compare(0, k.size() + 1, k + " ") == 0) {
            const std::string rest = q.substr(k.size() + 1);
            if (!e.parentKey.empty() && (rest == e.parentKey || similarity(compactKey(rest), compactKey(e.parentKey)) >= 0.8))
                consider(0.99, MatchKind::WithParent);
        }
        if (kc.size() > qc.size() && qc.size() >= 3 && kc.compare(0, qc.size(), qc) == 0)
            consider(0.7 + 0.2 * double(qc.size()) / double(kc.size()), MatchKind::Prefix);
        const double sim = similarity(qc, kc);
        if (sim >= 0.8) consider(0.9 * sim, MatchKind::Fuzzy);
        // Alias-canonical fuzzy: "sepon" ~ "sepone".
        const double simCanon = similarity(compactKey(qCanon), compactKey(m_aliases.canonical(k)));
        if (simCanon >= 0.8) consider(0.85 * simCanon, MatchKind::FuzzyAlias);
    }
    if (kind) *kind = why;
    return best;
}

std::vector<GazetteerMatch> Gazetteer::find(const std::string& query, const FindOptions& opt) const {
    const std::string q = foldName(query);
    std::vector<GazetteerMatch> out;
    if (q.empty()) return out;
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const Entry& e = m_entries[i];
        const LayerSpec& spec = e.ref.layer->spec;
        if (opt.country && spec.country != *opt.country) continue;
        if (opt.level && spec.level != *opt.level) continue;
        if (!opt.layerId.empty() && spec.id != opt.layerId) continue;
        if (!opt.parentFolded.empty() && m_aliases.canonical(e.parentKey) != m_aliases.canonical(opt.parentFolded))
            continue;
        MatchKind why = MatchKind::None;
        const double s = score(q, i, &why);
        if (s >= opt.minScore) out.push_back({e.ref, s, why, toString(why)});
    }
    std::stable_sort(out.begin(), out.end(), [](const GazetteerMatch& a, const GazetteerMatch& b) {
        if (a.score != b.score) return a.score > b.score;
        return int(a.ref.layer->spec.level) < int(b.ref.layer->spec.level);
    });
    if (out.size() > opt.limit) out.resize(opt.limit);
    return out;
}

}  // namespace bl
