#include "core/news/analyser.hpp"

#include <algorithm>
#include <cctype>

namespace bl::news {

void SentenceAnalyser::run() {
    m_lows.reserve(t.size());
    for (const auto& tok : t) m_lows.push_back(tok.low);
    findSlots();
    findOrgs();
    findGates();
    findPlaces();
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.i0 < b.i0; });
    linkQualifiers();
    markVenues();
    fillVillages();
    markReporters();
}

const std::string& SentenceAnalyser::low(size_t i) const {
    static const std::string none;
    return i < t.size() ? t[i].low : none;
}

int SentenceAnalyser::slotAt(size_t i) const {
    for (size_t k = 0; k < slots.size(); ++k)
        if (slots[k].i0 == i) return int(k);
    return -1;
}

// ---------------------------------------------------------------- names

void SentenceAnalyser::findSlots() {
    size_t i = 0;
    while (i < t.size()) {
        size_t clen = 0;
        const bool named = country(i, &clen).has_value();
        // A gate whose name starts with a country word: "Lao Bảo".
        if (named && t[i].cap) {
            if (const size_t n = m_res.gateNameAt(m_lows, i); n > clen) {
                Slot s;
                s.i0 = i;
                s.i1 = i + n;
                s.text = std::string(textOf(s.i0, s.i1));
                slots.push_back(std::move(s));
                i += n;
                continue;
            }
        }
        // "May district", "Long district": a name that is also a common
        // word, known as a unit and followed by its type word.
        if (t[i].type == Tok::Word && t[i].cap && !named && isStopWord(m_lex, t[i].low) && i + 1 < t.size() &&
            m_lex.districtWords.count(t[i + 1].low) && m_res.facts(t[i].low).known()) {
            Slot s;
            s.i0 = i;
            s.i1 = i + 1;
            s.text = std::string(textOf(i, i + 1));
            slots.push_back(std::move(s));
            ++i;
            continue;
        }
        if (t[i].type == Tok::Word && t[i].cap && !named && !isStopWord(m_lex, t[i].low)) {
            Slot s;
            s.i0 = i;
            while (i < t.size() && t[i].type == Tok::Word && t[i].cap && !isStopWord(m_lex, t[i].low) &&
                   !country(i, &clen))
                ++i;
            s.i1 = i;
            s.text = std::string(textOf(s.i0, s.i1));
            if (!isDateline(s)) slots.push_back(std::move(s));
            continue;
        }
        i += std::max<size_t>(clen, 1);
    }
    for (auto& s : slots) applySlotContext(s);
    // A plural type word after a list applies to every name in it.
    for (size_t j = slots.size(); j-- > 0;) {
        if (!slots[j].plural) continue;
        for (size_t k = j; k-- > 0;) {
            if (!onlyListGlue(slots[k].i1, slots[k + 1].i0) || slots[k].level || slots[k].village) break;
            slots[k].level = slots[j].level;
            slots[k].village = slots[j].village;
        }
    }
}

// A dateline in capitals ("KON TUM —") says where the story was filed; it
// is never a party.
bool SentenceAnalyser::isDateline(const Slot& s) const {
    bool caps = true;
    for (size_t k = s.i0; k < s.i1 && caps; ++k) {
        const std::string_view w = textOf(k, k + 1);
        bool upper = false;
        for (char c : w) {
            if (std::islower(static_cast<unsigned char>(c))) caps = false;
            if (std::isupper(static_cast<unsigned char>(c))) upper = true;
        }
        caps = caps && upper && w.size() > 1;
    }
    return caps;
}

// The level a type word around the name states, and the side a country
// word next to it states.
void SentenceAnalyser::applySlotContext(Slot& s) {
    bool plural = false, village = false;
    if (s.i1 < t.size()) {
        s.level = typeWordLevel(m_lex, t[s.i1].low, &plural, &village);
        s.plural = plural;
        s.village = village;
        s.city = t[s.i1].low == "city";
    }
    // "province of X", "the central province of X"
    if (!s.level && typeWordOf(s.i0)) {
        bool p2, v2;
        auto l = typeWordLevel(m_lex, t[s.i0 - 2].low, &p2, &v2);
        if (l || v2) { s.level = l; s.village = v2; }
    }
    s.side = sideBefore(s.i0);
    if (!s.side) s.side = sideAfter(s.i1 + (s.level || s.village || s.city ? 1 : 0));
}

// "the province of X" before token i0: the type word names X's level. Not
// "Minh Hóa district of X", where X holds the district named before it.
bool SentenceAnalyser::typeWordOf(size_t i0) const {
    if (i0 < 2 || t[i0 - 1].low != "of" || !isTypeWord(m_lex, t[i0 - 2].low)) return false;
    const bool namedBefore = i0 >= 3 && t[i0 - 3].cap && t[i0 - 3].type == Tok::Word && !isStopWord(m_lex, t[i0 - 3].low);
    return !namedBefore;
}

// Only ",", "and", country possessives and "the" between two names.
bool SentenceAnalyser::onlyListGlue(size_t a, size_t b) const {
    if (a >= b) return a == b;
    bool sep = false;
    for (size_t k = a; k < b;) {
        size_t len = 1;
        if (t[k].low == "," || t[k].low == "and" || t[k].low == "&") sep = true;
        else if (country(k, &len)) {
            k += len;
            continue;
        } else if (t[k].low != "'" && t[k].low != "s" && t[k].low != "the") return false;
        ++k;
    }
    return sep;
}

// A country named just before token i, across possessives, "the",
// adjectives, "province of" and org words: "Laos' Phongsaly",
// "Vietnamese border guard stations – X".
std::optional<Side> SentenceAnalyser::sideBefore(size_t i) const {
    size_t steps = 0;
    for (size_t k = i; k-- > 0 && steps < 6; ++steps) {
        const std::string& w = t[k].low;
        if (w == "," || w == "and" || w == ";" || w == "(" || w == ")") return std::nullopt;
        size_t len = 0;
        if (k >= 1)
            if (auto s = country(k - 1, &len); s && len == 2) return s;  // "Viet Nam" ending here
        if (auto s = country(k, &len)) return s;
        if (t[k].type == Tok::Word && t[k].cap && !isStopWord(m_lex, w)) return std::nullopt;  // another name
        if (t[k].type == Tok::Number) return std::nullopt;
    }
    return std::nullopt;
}

// "X province of Laos", "X (Laos)", "X, Laos"
std::optional<Side> SentenceAnalyser::sideAfter(size_t i) const {
    size_t len = 0;
    if (i + 1 < t.size() && (t[i].low == "of" || t[i].low == "(" || t[i].low == "in"))
        if (auto s = country(i + 1, &len)) return s;
    // "Phongsaly province, Laos." / "..., Laos, on Monday"
    if (i + 1 < t.size() && t[i].low == ",")
        if (auto s = country(i + 1, &len); s && (i + 1 + len >= t.size() || t[i + 1 + len].type == Tok::Punct))
            return s;
    return std::nullopt;
}

// ---------------------------------------------------------------- lists

// Past "[the] [country's] [adj]* [type of]" before a list of names.
size_t SentenceAnalyser::skipListLead(size_t i, std::optional<Level>* level) const {
    size_t k = i;
    for (size_t guard = 0; guard < 6 && k < t.size(); ++guard) {
        size_t len = 0;
        if (slotAt(k) >= 0) break;
        if (t[k].low == "the" || t[k].low == "'" || t[k].low == "s" || t[k].low == "-" || t[k].low == ":" ||
            t[k].low == "of") { ++k; continue; }
        if (country(k, &len)) { k += len; continue; }
        if (isTypeWord(m_lex, t[k].low) && k + 1 < t.size() && t[k + 1].low == "of") {
            bool p, v;
            *level = typeWordLevel(m_lex, t[k].low, &p, &v);
            k += 2;
            continue;
        }
        // adjectives: "central", "northern"; not "with", "to", "companies"
        if (t[k].type == Tok::Word && !t[k].cap && !isStopWord(m_lex, t[k].low) && !m_lex.venueWords.count(t[k].low) &&
            !m_lex.parentPrepositions.count(t[k].low) && !m_lex.groupReferences.count(t[k].low) &&
            !m_lex.guardUnitNouns.count(t[k].low) && t[k].low.back() != 's') {
            ++k;
            continue;
        }
        break;
    }
    return k;
}

// Parses a list of names from token i: [the] [country's] [adj]* [type of]
// X [, Y] [and Z] [type(s)]. Returns slot indices; *end past the list.
std::vector<int> SentenceAnalyser::placeList(size_t i, size_t* end, std::optional<Level>* level, bool gateWords) {
    std::vector<int> out;
    size_t k = skipListLead(i, level);
    while (k < t.size()) {
        const int s = slotAt(k);
        if (s < 0) break;
        out.push_back(s);
        k = slots[size_t(s)].i1;
        if (gateWords) k = skipGateWords(k);
        if (k < t.size() && isTypeWord(m_lex, t[k].low)) {
            bool p, v;
            if (auto l = typeWordLevel(m_lex, t[k].low, &p, &v)) *level = l;
            ++k;
        }
        // list glue
        size_t j = k;
        bool sep = false;
        while (j < t.size()) {
            size_t len = 0;
            if (t[j].low == "," || t[j].low == "and") { sep = true; ++j; continue; }
            if (t[j].low == "the" || t[j].low == "'" || t[j].low == "s") { ++j; continue; }
            if (country(j, &len)) { j += len; continue; }
            break;
        }
        if (!sep || slotAt(j) < 0) break;
        // "X and the Khammouane Provincial People's Committee": a new
        // organisation starts, not a list member.
        const size_t after = slots[size_t(slotAt(j))].i1;
        if (after < t.size() && m_lex.organisationHeads.count(t[after].low)) break;
        // "Phouvong district, Attapeu province": a coarser unit after a comma
        // holds the one before it; it is not one more of the list.
        if (*level && after < t.size() && t[k].low == ",")
            if (bool p2, v2; auto next = typeWordLevel(m_lex, t[after].low, &p2, &v2))
                if (int(*next) < int(**level)) break;
        k = j;
    }
    *end = k;
    return out;
}

// ---------------------------------------------------------------- roles

// "A under/of/from the B": B names A's parent. Applies to A's whole group.
void SentenceAnalyser::linkQualifiers() {
    for (size_t b = 1; b < items.size(); ++b) {
        const Item& q = items[b];
        if (q.kind == ItemKind::Gate) continue;
        // the item ending closest before q, outside q's group (gates name
        // places inside a list, they do not end one)
        size_t a = items.size();
        for (size_t c = 0; c < items.size(); ++c) {
            const Item& x = items[c];
            if (c == b || x.group == q.group || x.kind == ItemKind::Gate || x.i1 > q.i0) continue;
            if (a == items.size() || x.i1 > items[a].i1) a = c;
        }
        if (a < items.size()) applyQualifier(a, b);
    }
    // Within a group the country named at the head applies to all:
    // "three Vietnamese border guard stations – A, B and C".
    for (auto& x : items) {
        if (x.side) continue;
        for (const auto& y : items)
            if (y.group == x.group && y.side) x.side = y.side;
    }
    for (auto& x : items) {
        if (x.side || x.group < 0) continue;
        if (auto s = sideBefore(x.i0)) x.side = s;
    }
    // An item that took its holder's place takes the holder's own parent
    // too ("village of A Ngo commune, Đa Krông district").
    for (auto& x : items)
        if (x.heldBy >= 0 && x.parentText == x.placeText && !items[size_t(x.heldBy)].parentText.empty())
            x.parentText = items[size_t(x.heldBy)].parentText;
}

// Item b qualifies item a when only prepositions, "the" and country words
// stand between them.
void SentenceAnalyser::applyQualifier(size_t a, size_t b) {
    Item& p = items[a];
    Item& q = items[b];
    size_t k = p.i1;
    bool prep = false;
    while (k < q.i0) {
        const std::string& w = t[k].low;
        size_t len = 0;
        if (m_lex.parentPrepositions.count(w)) { prep = true; ++k; continue; }
        if (w == "the" || w == "'" || w == "s") { ++k; continue; }
        // "X, now under the Y": a comma and an adverb before the preposition
        if ((w == "," || w == "now" || w == "currently" || w == "formerly") && k + 1 < q.i0) { ++k; continue; }
        if (country(k, &len)) { k += len; continue; }
        break;
    }
    // "Dakcheung district, Sekong province": a stated coarser level after a
    // comma holds the unit before it.
    const bool apposition = !prep && k == p.i1 && k + 1 == q.i0 && t[k].low == "," && p.level && q.level &&
                            int(*q.level) < int(*p.level);
    if (apposition) {
        prep = true;
        k = q.i0;
    }
    if (!prep || k != q.i0) return;
    // A finer unit cannot hold a coarser one.
    if (p.level && q.level && int(*q.level) > int(*p.level)) return;
    q.qualifier = true;
    const std::string parent = q.placeText.empty() ? q.parentText : q.placeText;
    for (auto& x : items) {
        if (x.group != p.group) continue;
        if (x.parentText.empty()) x.parentText = parent;
        if (!x.side) x.side = q.side;
        if (x.placeText.empty()) {  // "Border Guard Company 119 from ... Phongsaly province"
            x.placeText = parent;
            x.level = q.level;
            x.heldBy = int(b);
        }
    }
}

// "in X", "visited the northwestern X": X is where it happened.
void SentenceAnalyser::markVenues() {
    const auto& loc = m_lex.venueWords;
    for (auto& x : items) {
        if (x.qualifier || x.kind == ItemKind::Gate) continue;
        size_t k = x.i0;
        while (k > 0) {
            const std::string& w = t[k - 1].low;
            size_t len = 0;
            if (w == "the" || w == "'" || w == "s" ||
                (t[k - 1].type == Tok::Word && !t[k - 1].cap && !loc.count(w) && k >= 2 && !isTypeWord(m_lex, w) &&
                 w != "of" && w != "and" && w != "from" && w != "with" && w != "between")) {
                // adjectives such as "northwestern"; stop at verbs we cannot tell apart
                if (w != "the" && w != "'" && w != "s" && x.i0 - k >= 3) break;
                --k;
                continue;
            }
            if (k >= 2 && country(k - 1, &len)) { --k; continue; }
            if (k >= 2)
                if (auto s = country(k - 2, &len); s && len == 2) { k -= 2; continue; }  // "Viet Nam"
            break;
        }
        if (k > 0 && loc.count(t[k - 1].low)) x.venue = true;
    }
}

// A village without a qualifier ("in Thuận commune, Hướng Hóa district, Xa
// Re village was twinned"): the unit holding it is the venue before it.
void SentenceAnalyser::fillVillages() {
    for (size_t v = 0; v < items.size(); ++v) {
        Item& x = items[v];
        if (!x.village || !x.placeText.empty()) continue;
        for (size_t k = v; k-- > 0;) {
            const Item& y = items[k];
            if (!y.venue || y.placeText.empty() || y.kind == ItemKind::Gate) continue;
            x.placeText = y.placeText;
            x.parentText = y.parentText;
            x.level = y.level;
            x.heldBy = int(k);
            if (!x.side) x.side = y.side;
            break;
        }
        x.venue = false;
    }
}

// "X announced that Y ...": X reports; Y acts.
void SentenceAnalyser::markReporters() {
    for (size_t k = 0; k + 1 < t.size(); ++k) {
        if (!m_lex.reportingVerbs.count(t[k].low)) continue;
        size_t j = k + 1;
        while (j < t.size() && j < k + 4 && t[j].low != "that") ++j;
        if (j >= t.size() || t[j].low != "that") continue;
        bool after = false;
        for (const auto& x : items) after = after || x.i0 > j;
        if (!after) continue;
        for (auto& x : items)
            if (x.i1 <= k) x.reporter = true;
    }
}

}  // namespace bl::news
