#include "app/viewer_rows.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "core/boundaries/adjacency_plan.hpp"
#include "core/names/names.hpp"
#include "core/news/documents.hpp"
#include "engine/figures.hpp"

namespace bl::app {

std::vector<ui::SharedBorderRow> borderRows(const engine::VintageAdjacency& r) {
    std::vector<ui::SharedBorderRow> rows;
    rows.reserve(r.borders.size());
    for (const auto& b : r.borders)
        rows.push_back({b.a->name, b.b->name, adjacencyLevel(b),
                        std::string(toString(b.layerA->spec.country)) + "-" + toString(b.layerB->spec.country),
                        shownKm(b), engine::sidesText(b)});
    return rows;
}

std::vector<ui::NeighbourRow> neighbourRows(const engine::VintageAdjacency& r, const Dataset& ds, UnitKey key) {
    std::vector<ui::NeighbourRow> rows;
    const AdminUnit* u = ds.unitOf(key);
    if (!u) return rows;
    for (const auto& b : r.borders) {
        if (b.a != u && b.b != u) continue;
        const Layer* l = b.a == u ? b.layerB : b.layerA;
        const AdminUnit* other = b.a == u ? b.b : b.a;
        rows.push_back({ds.keyOf(other), other->name,
                        std::string(toString(l->spec.level)) + ", " + toString(l->spec.country) + " " +
                            l->spec.vintage.label,
                        shownKm(b), engine::sidesText(b), b.kind == AdjacencyKind::International});
    }
    return rows;
}

namespace {

// "provinces share 125.4 km of border", "districts not adjacent: 3.2 km apart".
std::string verdictText(const AdjacencyVerdict* v) {
    if (!v) return "not resolved in this system";
    const std::string level = std::string(toString(v->vnLayer->spec.level)) + "s ";
    return level + (v->touches ? "share " + engine::kmText(v->sharedKm) + " of border"
                               : "not adjacent: " + engine::kmText(v->distanceKm) + " apart");
}

}  // namespace

std::vector<ui::TwinnedPairRow> pairRows(const engine::News& news, const std::string& vintage) {
    std::vector<ui::TwinnedPairRow> rows;
    for (size_t i = 0; i < news.corpus.links.size(); ++i) {
        const Link& l = news.corpus.links[i];
        // The verdict the map draws (engine::linkOverlay); the finest one
        // resolved too when it differs.
        const AdjacencyVerdict* v = engine::drawnVerdict(news.checks[i], vintage);
        const AdjacencyVerdict* finest = engine::finestVerdict(news.checks[i], vintage);
        std::vector<std::string> details;
        if (finest && finest != v) details.push_back("Finest units resolved: " + finest->vn->name + " – " +
                                                     finest->la->name + ", " + verdictText(finest));
        for (const auto& u : l.vn.units)
            if (u.vintage == vintage && u.by == ResolvedBy::Succession) details.push_back(u.reason);
        if (news.checks[i].nearestGate)
            details.push_back("Nearest border gate: " + describeGate(*news.checks[i].nearestGate));
        rows.push_back({v ? l.vn.name + " (" + v->vn->name + ")" : l.vn.name,
                        v ? l.la.name + " (" + v->la->name + ")" : l.la.name, toString(l.kind),
                        displayDate(l.date.iso) + (l.period.empty() ? "" : ", plan " + l.period), verdictText(v),
                        std::move(details)});
    }
    return rows;
}

namespace {

// The province each resolved unit lies in (Dataset::provinceOf), found once
// per unit, named by its brief name. One name per province across systems
// ("Thanh Hóa" 2023 and "Thanh Hoá" 2025, folded alike, read as the first
// met), so the filter lists it once.
class ProvinceNames {
public:
    explicit ProvinceNames(const Dataset* data) : m_data(data) {}

    const ui::DocumentProvince* of(const ResolvedUnit& u) {
        const std::string key = u.layerId + '\n' + u.unitId;
        auto it = m_byUnit.find(key);
        if (it == m_byUnit.end()) it = m_byUnit.emplace(key, find(u)).first;
        return it->second ? &m_names[*it->second] : nullptr;
    }

private:
    std::optional<size_t> find(const ResolvedUnit& u) {
        if (!m_data) return std::nullopt;
        const auto [layer, unit] = m_data->provinceOf(u.layerId, u.unitId);
        if (!unit) return std::nullopt;
        const std::string folded = std::string(toString(layer->spec.country)) + ' ' + foldName(unit->briefName());
        auto [it, added] = m_byName.emplace(folded, m_names.size());
        if (added) m_names.push_back({unit->briefName(), layer->spec.country});
        return it->second;
    }

    const Dataset* m_data;
    std::unordered_map<std::string, std::optional<size_t>> m_byUnit;  // layer id, unit id -> m_names
    std::unordered_map<std::string, size_t> m_byName;                 // country, folded name -> m_names
    std::deque<ui::DocumentProvince> m_names;
};

void addProvinces(ProvinceNames& names, const Party& party, std::vector<ui::DocumentProvince>& out) {
    for (const ResolvedUnit& u : party.units)
        if (const ui::DocumentProvince* p = names.of(u); p && std::find(out.begin(), out.end(), *p) == out.end())
            out.push_back(*p);
}

}  // namespace

// Links grouped by document first: O(documents + links), as a corpus of
// 10,000 articles needs; made once per documents model.
std::vector<ui::DocumentRow> documentRows(const engine::News& news) {
    const Corpus& corpus = news.corpus;
    std::vector<std::vector<size_t>> linksOf(corpus.documents.size());
    for (size_t k = 0; k < corpus.links.size(); ++k)
        if (corpus.links[k].document < linksOf.size()) linksOf[corpus.links[k].document].push_back(k);
    ProvinceNames provinces(news.dataset.get());
    std::vector<ui::DocumentRow> rows;
    rows.reserve(corpus.documents.size());
    for (size_t i = 0; i < corpus.documents.size(); ++i) {
        const Document& doc = corpus.documents[i];
        ui::DocumentRow row;
        row.title = doc.title.empty() ? std::string("(no headline)") : doc.title;
        row.date = displayDate(doc.date.iso);
        row.source = doc.file;
        row.text = &doc.text;
        row.year = doc.date.year;
        row.searchKey = ui::documentSearchKey(row.title, row.source);
        for (size_t k : linksOf[i]) {
            const Link& l = corpus.links[k];
            row.linkYears.push_back(l.date.year);
            (l.kind == LinkKind::Twinning          ? row.kinds.twinning
             : l.kind == LinkKind::CooperationPlan ? row.kinds.cooperationPlan
                                                   : row.kinds.other) = true;
            addProvinces(provinces, l.vn, row.provinces);
            addProvinces(provinces, l.la, row.provinces);
            ++row.links;
            if (l.span.end <= l.span.begin || l.span.end > doc.text.size()) continue;
            row.spans.push_back({l.span.begin, l.span.end, false});
        }
        // In text order, one span per sentence (links from one sentence share it).
        std::sort(row.spans.begin(), row.spans.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
        std::vector<ui::TextSpan> spans;
        for (const auto& s : row.spans)
            if (spans.empty() || s.begin >= spans.back().end) spans.push_back(s);
        row.spans = std::move(spans);
        rows.push_back(std::move(row));
    }
    return rows;
}

void markSelectedLink(std::vector<ui::DocumentRow>& rows, const engine::News& news, std::optional<size_t> link) {
    for (auto& row : rows) {
        row.evidence.clear();
        for (auto& s : row.spans) s.selected = false;
    }
    if (!link || *link >= news.corpus.links.size()) return;
    const Link& l = news.corpus.links[*link];
    if (l.document >= rows.size()) return;
    ui::DocumentRow& row = rows[l.document];
    const std::string& text = news.corpus.documents[l.document].text;
    if (l.span.end <= l.span.begin || l.span.end > text.size()) return;
    row.evidence = text.substr(l.span.begin, l.span.end - l.span.begin);
    for (auto& s : row.spans)
        if (s.begin <= l.span.begin && l.span.begin < s.end) s.selected = true;
}

std::vector<std::string> successionNotes(const engine::MapData& data, UnitKey key) {
    std::vector<std::string> out;
    const Layer* l = data.dataset->layerOf(key);
    const AdminUnit* u = data.dataset->unitOf(key);
    if (!l || !u || !data.curated) return out;
    const SuccessionTable& table = data.curated->succession;
    if (const Succession* s = table.find(l->spec.id, u->id)) {
        for (const auto& later : data.dataset->layers)
            if (!table.successorsIn(*s, later.spec.id).empty())
                out.push_back(table.describe(*s, later.spec.id, later.spec.vintage.label));
    } else if (auto from = table.describePredecessors(l->spec.id, u->id); !from.empty()) {
        out.push_back(from);
    }
    return out;
}

std::string systemNote(const Dataset& data, UnitKey key) {
    const Layer* l = data.layerOf(key);
    const AdminUnit* u = data.unitOf(key);
    if (!l || !u || l->spec.country != Country::VN) return {};
    return engine::unitSystemText(*l, *u) + ": the map shows that system now (V switches back).";
}

}  // namespace bl::app
