#include "app/viewer_rows.hpp"

#include <algorithm>

#include "core/boundaries/adjacency_plan.hpp"
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

std::vector<ui::DocumentRow> documentRows(const engine::News& news, std::optional<size_t> link) {
    std::vector<ui::DocumentRow> rows;
    for (size_t i = 0; i < news.corpus.documents.size(); ++i) {
        const Document& doc = news.corpus.documents[i];
        ui::DocumentRow row{doc.title.empty() ? std::string("(no headline)") : doc.title, displayDate(doc.date.iso),
                            doc.file, {}, &doc.text, {}, 0};
        for (size_t k = 0; k < news.corpus.links.size(); ++k) {
            const Link& l = news.corpus.links[k];
            if (l.document != i || l.span.end <= l.span.begin || l.span.end > doc.text.size()) continue;
            const bool selected = link && *link == k;
            if (selected) row.evidence = doc.text.substr(l.span.begin, l.span.end - l.span.begin);
            row.spans.push_back({l.span.begin, l.span.end, selected});
            ++row.links;
        }
        // In text order, one span per sentence (links from one sentence share it).
        std::sort(row.spans.begin(), row.spans.end(), [](const auto& a, const auto& b) {
            return a.begin != b.begin ? a.begin < b.begin : a.selected > b.selected;
        });
        std::vector<ui::TextSpan> spans;
        for (const auto& s : row.spans)
            if (spans.empty() || s.begin >= spans.back().end) spans.push_back(s);
            else spans.back().selected = spans.back().selected || s.selected;
        row.spans = std::move(spans);
        rows.push_back(std::move(row));
    }
    return rows;
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
