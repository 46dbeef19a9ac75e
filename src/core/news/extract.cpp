// Document and corpus assembly: sentences in, parties resolved, places and
// links out. The rules for one sentence are in analyser/mentions, the word
// lists in the Lexicon.
#include "core/news/extract.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <set>

#include "core/names/names.hpp"
#include "core/news/analyser.hpp"
#include "core/news/discourse.hpp"
#include "core/news/cues.hpp"
#include "core/news/dates.hpp"
#include "core/news/tokens.hpp"
#include "core/news/words.hpp"

namespace bl {

using namespace news;

namespace {

Country countryOf(Side s) { return s == Side::LA ? Country::LA : Country::VN; }
Side sideOf(Country c) { return c == Country::LA ? Side::LA : Side::VN; }

struct Analysed {
    Sentence sentence;
    std::vector<Token> tokens;
    Cue cue;
};

// The relation a sentence's links state, with where it was stated.
struct Relation {
    Cue cue;
    std::string period;
    std::optional<DocDate> when;
    std::string rule;
    double factor = 1.0;  // lower when the relation is stated in an earlier sentence
};

Party makeParty(const Item& it, const std::vector<Token>& t, const PlaceResolution& r) {
    Party p;
    p.name = it.name;
    p.place = it.placeText;
    p.parentPlace = it.parentText;
    p.span = {t[it.i0].b, t[it.i1 - 1].e};
    p.units = r.units;
    p.country = it.side == Side::LA ? Country::LA : Country::VN;
    p.confidence = r.units.empty() ? 0.0 : r.confidence;
    p.resolution = r.reason;
    return p;
}

// Third countries in the sentence and no Lao side: nothing here is ours.
bool onlyThirdCountries(const Lexicon& lex, const std::vector<Token>& t) {
    bool third = false, laos = false;
    for (size_t i = 0; i < t.size(); ++i) {
        size_t len = 0;
        if (auto c = countryAt(lex, t, i, &len)) {
            third = third || *c == Side::Third;
            laos = laos || *c == Side::LA;
        }
    }
    return third && !laos;
}

// One document's extraction, sentence by sentence.
class DocumentExtraction {
public:
    DocumentExtraction(const Document& doc, size_t index, const Resolver& resolver, const Lexicon& lexicon,
                       std::vector<Link>& links, std::vector<Place>& places)
        : m_doc(doc), m_index(index), m_res(resolver), m_lex(lexicon), m_links(links), m_places(places) {}

    void run();

private:
    void sentence(const Sentence& s);
    bool namesLaoProvince();
    std::vector<PlaceResolution> resolveItems(SentenceAnalyser& an) const;
    bool resolveInSentenceProvince(const SentenceAnalyser& an, size_t k, PlaceQuery& q, Item& it,
                                   PlaceResolution& out) const;
    void addPlaces(const SentenceAnalyser& an, const std::vector<PlaceResolution>& res, bool thirdCountries);
    Place makePlace(const SentenceAnalyser& an, const Item& it, const PlaceResolution& r, bool asGate,
                    bool gateName) const;
    std::optional<Relation> relation() const;
    void addReferredParties(const SentenceAnalyser& an, std::vector<Party>& vn, std::vector<Party>& la) const;
    void addLinks(const Relation& rel, const std::vector<Party>& vn, const std::vector<Party>& la, Span span);

    const Document& m_doc;
    size_t m_index;
    const Resolver& m_res;
    const Lexicon& m_lex;
    std::vector<Link>& m_links;
    std::vector<Place>& m_places;

    FoldCache m_fold;
    std::deque<Analysed> m_done;  // the last few sentences, for references back
    std::optional<DocDate> m_leadDate;
    std::set<std::string> m_seenLinks, m_seenPlaces;
    DocumentMemory m_memory;
};

// A text that never says "Laos" may still name a Lao province ("the
// Administration of Saravane province"): a name only Laos has.
bool DocumentExtraction::namesLaoProvince() {
    const auto t = tokenize(m_doc.text, m_doc.body, m_fold);
    for (size_t i = 0; i < t.size(); ++i) {
        if (!t[i].cap || t[i].type != Tok::Word) continue;
        for (size_t n = 1; n <= 2 && i + n <= t.size(); ++n) {
            const std::string name(m_doc.text.substr(t[i].b, t[i + n - 1].e - t[i].b));
            const NameFacts f = m_res.facts(name);
            if (f.la && f.province && !f.vn) return true;
        }
    }
    return false;
}

void DocumentExtraction::run() {
    if (!mentionsVietnamAndLaos(m_doc.text, m_doc.body, m_lex) && !namesLaoProvince()) return;
    // The headline only repeats the body in short; links come from the body.
    Span body = m_doc.body;
    if (!m_doc.title.empty()) {
        const size_t at = m_doc.text.find(m_doc.title, body.begin);
        if (at != std::string::npos && at < body.end) body.begin = std::min(body.end, at + m_doc.title.size());
    }
    const auto sentences = splitSentences(m_doc.text, body, m_lex);
    // The lead sentence usually says when the event took place.
    if (!sentences.empty())
        m_leadDate = eventDate(m_lex, tokenize(m_doc.text, sentences.front().span, m_fold), m_doc.date);
    for (const Sentence& s : sentences) sentence(s);
}

void DocumentExtraction::sentence(const Sentence& s) {
    Analysed a;
    a.sentence = s;
    a.tokens = tokenize(m_doc.text, s.span, m_fold);
    a.cue = findCue(m_lex, a.tokens);
    m_done.push_back(std::move(a));
    if (m_done.size() > 4) m_done.pop_front();
    const auto& t = m_done.back().tokens;
    if (t.empty()) return;

    SentenceAnalyser an(t, m_doc.text, m_res, m_lex);
    an.run();
    const std::vector<PlaceResolution> res = resolveItems(an);
    addPlaces(an, res, onlyThirdCountries(m_lex, t));

    // Parties on each side: the items of the sentence, then the ones it
    // names by reference to what the article named before.
    std::vector<Party> vn, la;
    for (size_t k = 0; k < an.items.size(); ++k) {
        const Item& it = an.items[k];
        if (it.qualifier || it.venue || it.reporter || it.kind == ItemKind::Gate) continue;
        if (!it.side || *it.side == Side::Third) continue;
        if (it.placeText.empty()) continue;
        (*it.side == Side::VN ? vn : la).push_back(makeParty(it, t, res[k]));
    }
    const auto rel = relation();
    if (rel) addReferredParties(an, vn, la);
    if (rel && !vn.empty() && !la.empty()) addLinks(*rel, vn, la, s.span);
    for (size_t k = 0; k < an.items.size(); ++k) {
        const Item& it = an.items[k];
        if (it.side && it.kind != ItemKind::Gate && !res[k].units.empty())
            m_memory.note(*it.side, makeParty(it, t, res[k]));
    }
}

// Numbered units and references back ("Company 3", "the three Lao
// localities", "their counterparts"): a side the sentence lacks, or the
// side a country word states, gets the parties the article named before.
void DocumentExtraction::addReferredParties(const SentenceAnalyser& an, std::vector<Party>& vn,
                                            std::vector<Party>& la) const {
    const auto& t = an.t;
    auto missing = [&]() -> std::optional<Side> {
        if (vn.empty() && !la.empty()) return Side::VN;
        if (la.empty() && !vn.empty()) return Side::LA;
        return std::nullopt;
    };
    auto covered = [&](size_t i0, size_t i1) {
        for (const auto& it : an.items)
            if (!it.placeText.empty() && it.i0 < i1 && i0 < it.i1) return true;
        return false;
    };
    auto add = [&](Side side, Party p, size_t i0, size_t i1, const std::string& why) {
        p.span = {t[i0].b, t[i1 - 1].e};
        p.reference = m_doc.text.substr(p.span.begin, p.span.end - p.span.begin);
        p.country = side == Side::LA ? Country::LA : Country::VN;
        p.resolution = why + (p.resolution.empty() ? "" : "; " + p.resolution);
        p.confidence *= 0.8;
        for (auto& u : p.units) u.confidence *= 0.8;
        (side == Side::VN ? vn : la).push_back(std::move(p));
    };
    for (const Item& u : an.items) {
        if (!u.numbered || !u.placeText.empty()) continue;  // a qualifier gave it its place
        const std::optional<Side> side = u.side ? u.side : missing();
        if (!side || *side == Side::Third) continue;
        auto province = m_memory.onlyProvince(*side);
        if (!province) continue;
        province->name = u.name;
        add(*side, std::move(*province), u.i0, u.i1, "a unit known by its number; its province is the one the article names");
    }
    // "In March it signed a plan with the Military Command of X": a pronoun
    // subject before the cue stands for the party last named on the side the
    // sentence lacks.
    if (const auto side = missing()) {
        std::optional<size_t> pronoun;
        for (size_t k = 0; k + 1 < t.size() && !pronoun; ++k) {
            if (t[k].low == "with" || t[k].low == ",") break;  // the subject comes first
            if (m_lex.subjectPronouns.count(t[k].low) && t[k + 1].type == Tok::Word && !t[k + 1].cap) pronoun = k;
        }
        auto last = pronoun ? m_memory.last(*side, 1) : std::vector<Party>{};
        if (!last.empty())
            add(*side, last.front(), *pronoun, *pronoun + 1, "named earlier in the article, referred to by a pronoun");
    }
    for (const Reference& r : findReferences(m_lex, t)) {
        if (covered(r.i0, r.i1)) continue;
        const std::optional<Side> side = r.side ? r.side : missing();
        // "the two provinces", "both sides" in a sentence naming no party:
        // one of each side, the last named; once the article has stated a
        // link, such words go on about it ("under the documents, both
        // sides ..."). With one side named, "both provinces" are two of the
        // other side ("X signed programmes with both provinces"), and "both
        // sides" is no party at all.
        const bool named = !vn.empty() || !la.empty();
        if (r.pair && !named) {
            bool linked = false;
            for (const Link& l : m_links) linked = linked || l.document == m_index;
            auto a = m_memory.last(Side::VN, 1), b = m_memory.last(Side::LA, 1);
            if (linked || a.empty() || b.empty()) continue;
            const std::string words(m_doc.text.substr(t[r.i0].b, t[r.i1 - 1].e - t[r.i0].b));
            add(Side::VN, a.front(), r.i0, r.i1, "named earlier in the article (\"" + words + "\")");
            add(Side::LA, b.front(), r.i0, r.i1, "named earlier in the article (\"" + words + "\")");
            continue;
        }
        if (r.pair && !r.unitNoun) continue;
        if (!side || *side == Side::Third) continue;
        auto earlier = m_memory.last(*side, r.count);
        if (earlier.empty() || earlier.size() > 4 || (r.count && earlier.size() < r.count)) continue;
        for (auto& p : earlier) add(*side, std::move(p), r.i0, r.i1, "named earlier in the article, referred to here");
    }
}

// Resolve every item once; a party's side comes from the text, else from
// where its place resolves.
std::vector<PlaceResolution> DocumentExtraction::resolveItems(SentenceAnalyser& an) const {
    std::vector<PlaceResolution> res(an.items.size());
    // Holders first: an item that took a holder's place takes its side too.
    std::vector<size_t> order;
    for (size_t k = 0; k < an.items.size(); ++k)
        if (an.items[k].heldBy < 0) order.push_back(k);
    for (size_t k = 0; k < an.items.size(); ++k)
        if (an.items[k].heldBy >= 0) order.push_back(k);
    for (size_t k : order) {
        Item& it = an.items[k];
        if (!it.side && it.heldBy >= 0) it.side = an.items[size_t(it.heldBy)].side;
        if (it.side == Side::Third || it.placeText.empty()) continue;
        PlaceQuery q;
        q.name = it.placeText;
        q.level = it.level;
        if (it.side) q.country = countryOf(*it.side);
        q.parent = it.placeText == it.parentText ? std::string() : it.parentText;
        if (it.kind == ItemKind::Gate || it.gateNamed) {
            if (const CuratedGate* g = m_res.gate(it.gateKey, q.country)) {
                res[k] = m_res.resolveGate(*g);
                if (!it.side) it.side = sideOf(g->country);
                continue;
            }
        }
        if (!(q.parent.empty() && (!it.level || *it.level != Level::Province)) ||
            !resolveInSentenceProvince(an, k, q, it, res[k]))
            res[k] = m_res.resolve(q);
        if (!it.side && res[k].country) it.side = sideOf(*res[k].country);
    }
    return res;
}

// No stated parent: try a province named in the same sentence (the
// reporter's, the venue's) when the place lies inside it. True when one
// did; `it` and `q` then name it as the parent.
bool DocumentExtraction::resolveInSentenceProvince(const SentenceAnalyser& an, size_t k, PlaceQuery& q, Item& it,
                                                   PlaceResolution& out) const {
    for (size_t j = 0; j < an.items.size(); ++j) {
        const Item& c = an.items[j];
        if (j == k || c.placeText.empty() || c.placeText == it.placeText) continue;
        if (c.level != Level::Province && !(m_res.facts(c.placeText).province)) continue;
        PlaceQuery cq = q;
        cq.parent = c.placeText;
        PlaceResolution cr = m_res.resolve(cq);
        if (cr.units.empty() || cr.confidence < 0.8) continue;
        const std::string pf = foldName(c.placeText);
        bool inside = true;
        for (const auto& u : cr.units)
            inside = inside && (foldName(u.parent) == pf || u.by == ResolvedBy::NameInContext ||
                                u.by == ResolvedBy::ContextOnly || u.by == ResolvedBy::Curated);
        if (inside) {
            out = cr;
            it.parentText = c.placeText;
            q.parent = c.placeText;
            return true;
        }
    }
    return false;
}

// Gates and stations; a station named after a gate gives the gate too.
// A sentence about a third country keeps only the gates of our catalogue
// (all on the Viet Nam - Laos border, whatever else it speaks of).
void DocumentExtraction::addPlaces(const SentenceAnalyser& an, const std::vector<PlaceResolution>& res,
                                   bool thirdCountries) {
    for (size_t k = 0; k < an.items.size(); ++k) {
        const Item& it = an.items[k];
        const bool gate = it.kind == ItemKind::Gate;
        if (!gate && it.kind != ItemKind::Station) continue;
        if (thirdCountries && !gate) continue;
        if (it.side == Side::Third) continue;
        for (int pass = 0; pass < (it.gateNamed ? 2 : 1); ++pass) {
            Place p = makePlace(an, it, res[k], gate || pass == 1, pass == 1);
            // A gate outside our catalogue is on another border.
            if (p.kind == PlaceKind::BorderGate && p.gateId.empty()) continue;
            const std::string key = std::string(toString(p.kind)) + "|" +
                                    (p.gateId.empty() ? foldName(p.name)
                                                      : p.gateId + "|" + (p.country ? toString(*p.country) : "?"));
            if (m_seenPlaces.insert(key).second) m_places.push_back(std::move(p));
        }
    }
}

Place DocumentExtraction::makePlace(const SentenceAnalyser& an, const Item& it, const PlaceResolution& r, bool asGate,
                                    bool gateName) const {
    const auto& t = an.t;
    Place p;
    p.kind = asGate ? PlaceKind::BorderGate : PlaceKind::BorderStation;
    p.name = gateName ? it.gateName : it.name;
    if (it.side) p.country = countryOf(*it.side);
    p.document = m_index;
    p.units = r.units;
    p.resolution = r.reason;
    p.span = {t[it.i0].b, t[it.i1 - 1].e};
    if (!asGate) return p;
    p.span = {t[it.i0].b, t[std::min(it.i1, t.size()) - 1].e};
    if (it.kind == ItemKind::Station) {
        const Slot& sl = an.slots[size_t(it.slot)];
        size_t e = sl.i1;
        while (e < t.size() && t[e].low != "border") ++e;
        p.span = {t[sl.i0].b, t[std::min(e + 1, t.size() - 1)].e};
    }
    if (const CuratedGate* g = m_res.gate(it.gateKey, p.country)) {
        p.gateId = g->id;
        p.gateName = g->name;
        p.position = g->position;
        p.source = g->positionSource.empty() ? g->source : g->positionSource;
        p.approximate = !g->position;
        if (!p.country) p.country = g->country;
    }
    return p;
}

// The relation: stated in the current sentence, or by an earlier sentence
// this one refers back to ("at the ceremony").
std::optional<Relation> DocumentExtraction::relation() const {
    const auto& t = m_done.back().tokens;
    Relation r;
    r.cue = m_done.back().cue;
    r.period = findPeriod(t);
    r.when = eventDate(m_lex, t, m_doc.date);
    r.rule = "relation stated in the sentence";
    if ((!r.cue.kind || *r.cue.kind == LinkKind::Other) && hasAnaphor(m_lex, t)) {
        for (size_t back = 2; back <= 3 && back <= m_done.size(); ++back) {
            const Analysed& prev = m_done[m_done.size() - back];
            if (!prev.cue.kind || *prev.cue.kind == LinkKind::Other) continue;
            r.cue = prev.cue;
            if (r.period.empty()) r.period = findPeriod(prev.tokens);
            if (!r.when) r.when = eventDate(m_lex, prev.tokens, m_doc.date);
            r.rule = "relation stated in the preceding sentence this one refers to";
            r.factor = 0.9;
            break;
        }
    }
    if (!r.cue.kind) return std::nullopt;
    return r;
}

// One link per pair of a Vietnamese and a Lao party.
void DocumentExtraction::addLinks(const Relation& rel, const std::vector<Party>& vn, const std::vector<Party>& la,
                                  Span span) {
    auto sameUnits = [](const Party& x, const Party& y) {
        return !x.units.empty() && !y.units.empty() && x.units.front().unitId == y.units.front().unitId &&
               x.units.front().layerId == y.units.front().layerId;
    };
    for (const Party& a : vn)
        for (const Party& b : la) {
            // A pair named by reference restates a relation the article has
            // already given them ("under the documents, both sides ...").
            if (!a.reference.empty() || !b.reference.empty()) {
                bool known = false;
                for (const Link& k : m_links)
                    known = known || (k.document == m_index && sameUnits(k.vn, a) && sameUnits(k.la, b));
                if (known) continue;
            }
            Link l;
            l.kind = *rel.cue.kind;
            l.document = m_index;
            l.date = rel.when ? *rel.when : m_leadDate ? *m_leadDate : m_doc.date;
            l.period = rel.period;
            l.vn = a;
            l.la = b;
            l.vn.country = Country::VN;
            l.la.country = Country::LA;
            l.span = span;
            l.cue = rel.cue.span;
            l.reason = rel.rule;
            const double pv = l.vn.units.empty() ? 0.3 : l.vn.confidence;
            const double pl = l.la.units.empty() ? 0.3 : l.la.confidence;
            l.confidence = std::round(std::min(pv, pl) * rel.factor * 1000) / 1000;
            const std::string key =
                std::string(toString(l.kind)) + "|" + foldName(l.vn.name) + "|" + foldName(l.la.name);
            if (m_seenLinks.insert(key).second) m_links.push_back(std::move(l));
        }
}

}  // namespace

void extractDocument(const Document& doc, size_t index, const Resolver& resolver, const Lexicon& lexicon,
                     std::vector<Link>& links, std::vector<Place>& places) {
    DocumentExtraction(doc, index, resolver, lexicon, links, places).run();
}

Corpus extractCorpus(std::vector<Document> docs, const Resolver& resolver, const Lexicon& lexicon) {
    Corpus c;
    c.documents = std::move(docs);
    for (size_t i = 0; i < c.documents.size(); ++i)
        extractDocument(c.documents[i], i, resolver, lexicon, c.links, c.places);
    return c;
}

}  // namespace bl
