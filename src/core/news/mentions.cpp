// The organisation and place rules of SentenceAnalyser (see analyser.hpp).
#include <algorithm>

#include "core/news/analyser.hpp"

namespace bl::news {

namespace {

std::string levelWord(std::optional<Level> l) { return l ? std::string(" ") + toString(*l) : ""; }

}  // namespace

void SentenceAnalyser::addOrg(ItemKind kind, std::string name, int slot, size_t i0, size_t i1, int group,
                              std::optional<Level> level) {
    Item it;
    it.kind = kind;
    it.name = std::move(name);
    it.slot = slot;
    it.i0 = i0;
    it.i1 = i1;
    it.group = group;
    it.level = level;
    if (slot >= 0) {
        Slot& s = slots[size_t(slot)];
        s.used = true;
        it.placeText = s.text;
        it.side = s.side;
        if (!it.level) it.level = s.level;
    }
    items.push_back(std::move(it));
}

void SentenceAnalyser::addStation(int s, size_t i0, size_t i1, int group) {
    const Slot& sl = slots[size_t(s)];
    const size_t afterGate = skipGateWords(sl.i1);
    const bool gate = afterGate != sl.i1;
    const std::string base = gate ? std::string(textOf(sl.i0, afterGate)) : sl.text;
    addOrg(ItemKind::Station, base + " Border Guard Station", s, i0, i1, group, std::nullopt);
    items.back().gateNamed = gate;
    if (gate) {
        items.back().gateName = base;
        items.back().gateKey = sl.text;
    }
    items.back().level = Level::Commune;
}

// "gate", "gates", "crossing", "checkpoints": a gate noun of the lexicon.
bool SentenceAnalyser::gateNounAt(size_t k) const {
    if (k >= t.size()) return false;
    std::string w = t[k].low;
    if (w.size() > 1 && w.back() == 's') w.pop_back();
    return m_lex.gateNouns.count(w) > 0;
}

// Gate words after a name, past them; k when there are none: "International
// Border Gate", "border gate pair", "checkpoint", "international border gates".
size_t SentenceAnalyser::skipGateWords(size_t k) const {
    size_t j = k;
    while (j < t.size() && m_lex.gateAdjectives.count(t[j].low)) ++j;
    if (j < t.size() && t[j].low == "border") ++j;
    if (!gateNounAt(j)) return k;
    ++j;
    if (j < t.size() && (t[j].low == "pair" || t[j].low == "pairs" || t[j].low == "area")) ++j;
    return j;
}

// The slot ending right before token i; with `gates`, also across gate
// words ("Tây Trang International Border Gate | Border Guard Station").
int SentenceAnalyser::slotEndingBefore(size_t i, bool gates) const {
    size_t k = i;
    if (k >= 1 && (t[k - 1].low == "provincial" || t[k - 1].low == "province")) --k;
    for (size_t s = 0; s < slots.size(); ++s) {
        if (slots[s].i1 == k) return int(s);
        if (gates && skipGateWords(slots[s].i1) == k && skipGateWords(slots[s].i1) != slots[s].i1) return int(s);
    }
    return -1;
}

// ---------------------------------------------------------------- organisations

// Each rule returns whether token i starts its pattern; it may move i to
// the last token it used.
void SentenceAnalyser::findOrgs() {
    for (size_t i = 0; i < t.size(); ++i) {
        if (militaryCommand(i) || defenceCommand(i) || borderGuard(i) || borderPost(i)) continue;
        if (numberedUnit(i)) continue;
        authority(i);
    }
}

// "Border Protection Company 2", "Battalion 3": a unit known by its number;
// its place comes from a qualifier ("of May district") or the article.
bool SentenceAnalyser::numberedUnit(size_t& i) {
    if (!t[i].cap || !m_lex.guardUnitNouns.count(t[i].low) || i + 1 >= t.size() || t[i + 1].type != Tok::Number)
        return false;
    for (const auto& it : items)
        if (it.i0 <= i && i < it.i1) return false;
    size_t i0 = i;
    while (i0 > 0 && i - i0 < 3 && t[i0 - 1].cap &&
           (t[i0 - 1].low == "border" || t[i0 - 1].low == "guard" || t[i0 - 1].low == "protection" ||
            t[i0 - 1].low == "defence" || t[i0 - 1].low == "defense" || t[i0 - 1].low == "army"))
        --i0;
    addOrg(ItemKind::Org, std::string(textOf(i0, i + 2)), -1, i0, i + 2, m_groups++, std::nullopt);
    items.back().numbered = true;
    if (i0 > 0)
        if (auto s = sideBefore(i0)) items.back().side = s;
    ++i;
    return true;
}

// Military Command(s) of X [and Y] [districts]  /  X [Provincial] Military Command
bool SentenceAnalyser::militaryCommand(size_t& i) {
    if (t[i].low != "military" || !(is(i + 1, "command") || is(i + 1, "commands"))) return false;
    size_t end = i + 2;
    if (is(i + 2, "of")) {
        std::optional<Level> lvl;
        auto list = placeList(i + 3, &end, &lvl);
        const int g = m_groups++;
        for (int s : list)
            addOrg(ItemKind::Org, "Military Command of " + slots[size_t(s)].text + levelWord(lvl), s, i, end, g, lvl);
        if (!list.empty()) {
            i = end - 1;
            return true;
        }
    }
    const int s = slotEndingBefore(i);
    if (s >= 0 && !slots[size_t(s)].used)
        addOrg(ItemKind::Org, slots[size_t(s)].text + " Military Command", s, slots[size_t(s)].i0, i + 2, m_groups++,
               Level::Province);
    return true;
}

// Defence Command Region 5 - Khe Sanh
bool SentenceAnalyser::defenceCommand(size_t& i) {
    const std::string& w = t[i].low;
    if (!((w == "defence" || w == "defense") && is(i + 1, "command") && i + 3 < t.size() &&
          (is(i + 2, "region") || is(i + 2, "zone") || is(i + 2, "area")) && t[i + 3].type == Tok::Number))
        return false;
    size_t k = i + 4;
    if (is(k, "-") || is(k, ",")) ++k;
    const int s = slotAt(k);
    const std::string name = "Defence Command " + std::string(textOf(i + 2, i + 4));
    if (s >= 0) {
        addOrg(ItemKind::Org, name + " - " + slots[size_t(s)].text, s, i, slots[size_t(s)].i1, m_groups++,
               std::nullopt);
        i = slots[size_t(s)].i1 - 1;
    } else {
        addOrg(ItemKind::Org, name, -1, i, i + 4, m_groups++, std::nullopt);
    }
    return true;
}

// Border Guard Company 119; border guard station(s) [–:] X, Y and Z;
// X [gate words] Border Guard Station; X [Provincial] Border Guard [Command];
// Border Guard (Command) of X.
bool SentenceAnalyser::borderGuard(size_t& i) {
    if (t[i].low != "border" || !(is(i + 1, "guard") || is(i + 1, "guards"))) return false;
    const std::string& n2 = low(i + 2);
    if (m_lex.guardUnitNouns.count(n2) && i + 3 < t.size() && t[i + 3].type == Tok::Number) {
        addOrg(ItemKind::Org, std::string(textOf(i, i + 4)), -1, i, i + 4, m_groups++, std::nullopt);
        items.back().numbered = true;
        i += 3;
        return true;
    }
    if (n2 == "station" || n2 == "stations" || n2 == "post" || n2 == "posts") {
        const int before = slotEndingBefore(i, true);
        if (before >= 0 && !slots[size_t(before)].used) {
            addStation(before, slots[size_t(before)].i0, i + 3, m_groups++);
            i += 2;
            return true;
        }
        size_t end = i + 3;
        std::optional<Level> lvl;
        auto list = placeList(i + 3, &end, &lvl, true);
        const int g = m_groups++;
        for (int s : list) addStation(s, i, end, g);
        if (!list.empty()) i = end - 1;
        return true;
    }
    size_t after = i + 2;
    if (is(after, "command") || is(after, "force") || is(after, "forces") || is(after, "high")) ++after;
    if (is(after, "command")) ++after;
    const int s = slotEndingBefore(i);
    if (s >= 0 && !slots[size_t(s)].used) {
        addOrg(ItemKind::Org, slots[size_t(s)].text + " Border Guard", s, slots[size_t(s)].i0, after, m_groups++,
               Level::Province);
        return true;
    }
    if (is(after, "of")) {
        std::optional<Level> lvl;
        size_t end = after;
        auto list = placeList(after + 1, &end, &lvl);
        const int g = m_groups++;
        for (int s2 : list)
            addOrg(ItemKind::Org, "Border Guard of " + slots[size_t(s2)].text + levelWord(lvl), s2, i, end, g, lvl);
        if (!list.empty()) i = end - 1;
    }
    return true;
}

// X border post(s)
bool SentenceAnalyser::borderPost(size_t i) {
    if (t[i].low != "border" || !(is(i + 1, "post") || is(i + 1, "posts"))) return false;
    const int s = slotEndingBefore(i, true);
    if (s >= 0 && !slots[size_t(s)].used) addStation(s, slots[size_t(s)].i0, i + 2, m_groups++);
    return true;
}

// provincial authorities of/from X and Y [provinces]; X (provincial)
// authorities; People's Committee of X; X People's Committee; X Department.
bool SentenceAnalyser::authority(size_t& i) {
    const std::string& w = t[i].low;
    const bool committee = w == "committee" && ((i >= 2 && t[i - 1].low == "s" && t[i - 2].low == "'") ||
                                                (i >= 1 && t[i - 1].low == "party"));
    if (!m_lex.authorityWords.count(w) && !committee) return false;
    const bool provincial = i >= 1 && (t[i - 1].low == "provincial" || t[i - 1].low == "local");
    std::string head = std::string(textOf(provincial ? i - 1 : i, i + 1));
    if (w == "committee") {
        size_t k = i;
        while (k > 0 && (t[k - 1].low == "people" || t[k - 1].low == "'" || t[k - 1].low == "s" ||
                         t[k - 1].low == "provincial" || t[k - 1].low == "party"))
            --k;
        head = std::string(textOf(k, i + 1));
    }
    if (is(i + 1, "of") || is(i + 1, "from")) {
        std::optional<Level> lvl;
        size_t end = i + 2;
        auto list = placeList(i + 2, &end, &lvl);
        const int g = m_groups++;
        for (int s : list)
            if (!slots[size_t(s)].used)
                addOrg(ItemKind::Org, head + " of " + slots[size_t(s)].text + levelWord(lvl), s, i, end, g, lvl);
        if (!list.empty()) i = end - 1;
        return true;
    }
    size_t k = i;
    while (k > 0 && (t[k - 1].low == "provincial" || t[k - 1].low == "local" || t[k - 1].low == "people" ||
                     t[k - 1].low == "'" || t[k - 1].low == "s" || t[k - 1].low == "party" ||
                     t[k - 1].low == "province" || t[k - 1].low == "district"))
        --k;
    const int s = slotEndingBefore(k + 1);
    if (s >= 0 && !slots[size_t(s)].used && k == slots[size_t(s)].i1) {
        std::optional<Level> lvl = slots[size_t(s)].level;
        for (size_t q = k; q < i; ++q)
            if (t[q].low == "provincial" || t[q].low == "province") lvl = Level::Province;
        addOrg(ItemKind::Org, slots[size_t(s)].text + " " + std::string(textOf(k, i + 1)), s, slots[size_t(s)].i0,
               i + 1, m_groups++, lvl);
    }
    return true;
}

// ---------------------------------------------------------------- places

// Border gates of our catalogue, found by their names: a gate name (any
// spelling; "Lao Bảo" starts with a country word) followed by gate words
// ("X International Border Gate", "X border gate pair"), a list of names
// before them ("the Tây Trang, Lao Bảo and Bờ Y international border
// gates", "the Nậm Cắn–Nam Khan and Thanh Thủy–Nậm On border gate
// pairs"), or a name after "border gate of|at". In "X–Y" the first is the
// Vietnamese side and the second the Lao side. A name without gate words
// ("Na Meo village") is no gate; a gate outside the catalogue (the China
// border) is not ours.
void SentenceAnalyser::findGates() {
    struct Run {
        size_t i0, i1;
        std::vector<const CuratedGate*> gates;
    };
    const auto& lows = m_lows;
    std::vector<Run> runs;
    bool gateTopic = false;  // the sentence speaks of gates, crossings or checkpoints
    for (size_t i = 0; i < t.size();) {
        gateTopic = gateTopic || gateNounAt(i);
        std::vector<const CuratedGate*> g;
        // Not the end of a longer name ("Lệ Thanh" is not the gate Thanh).
        size_t clen = 0;
        const bool inName = i > 0 && t[i - 1].cap && t[i - 1].type == Tok::Word && !isStopWord(m_lex, t[i - 1].low) &&
                            !country(i - 1, &clen);
        const size_t n = t[i].cap && !inName ? m_res.gateNameAt(lows, i, &g) : 0;
        if (n) {
            runs.push_back({i, i + n, std::move(g)});
            i += n;
        } else if (i >= 1 && t[i - 1].low == "-" && t[i].cap && t[i].type == Tok::Word && !isStopWord(m_lex, t[i].low) &&
                   !runs.empty() && runs.back().i1 == i - 1) {
            // "Hồng Vân – Cô Tài border gate pair": a counterpart we do not
            // know by that spelling still carries the list to its gate words.
            size_t e = i;
            while (e < t.size() && t[e].cap && t[e].type == Tok::Word && !isStopWord(m_lex, t[e].low)) ++e;
            runs.push_back({i, e, {}});
            i = e;
        } else {
            ++i;
        }
    }
    auto glue = [&](size_t a, size_t b, bool* dash) {
        for (size_t k = a; k < b; ++k) {
            const std::string& w = t[k].low;
            if (w == "-") *dash = true;
            else if (w != "," && w != "and" && w != "the" && w != "or") return false;
        }
        return b > a;
    };
    for (size_t r = 0; r < runs.size();) {
        // A list of names joined by commas, "and" and dashes.
        size_t last = r;
        std::vector<bool> dashBefore(1, false);
        while (last + 1 < runs.size()) {
            bool dash = false;
            if (!glue(runs[last].i1, runs[last + 1].i0, &dash)) break;
            dashBefore.push_back(dash);
            ++last;
        }
        const size_t after = skipGateWords(runs[last].i1);
        const size_t i0 = runs[r].i0;
        // "the border gates of A and B", "the auxiliary gates of A and B", "the gate at A"
        const bool before = i0 >= 2 && (t[i0 - 1].low == "of" || t[i0 - 1].low == "at") && gateNounAt(i0 - 2);
        // A name in a sentence about gates, not a unit or an organisation:
        // "the busiest crossing was Densavanh, followed by Nam Phao".
        auto bare = [&](const Run& run) {
            if (run.gates.empty() || !gateTopic) return false;
            if (run.i1 < t.size() && (isTypeWord(m_lex, t[run.i1].low) || m_lex.organisationHeads.count(t[run.i1].low) ||
                                      m_lex.villageWords.count(t[run.i1].low)))
                return false;
            if (run.i0 >= 1 && t[run.i0 - 1].low == "of") return false;
            for (const auto& sl : slots)  // part of a longer name ("Thanh Hoa")
                if (sl.i0 <= run.i0 && run.i1 <= sl.i1 && (sl.i1 - sl.i0) > (run.i1 - run.i0)) return false;
            return true;
        };
        if (after == runs[last].i1 && !before) {
            bool any = false;
            for (size_t k = r; k <= last; ++k) any = any || bare(runs[k]);
            if (!any) {
                r = last + 1;
                continue;
            }
        }
        const std::string words = after != runs[last].i1 ? std::string(textOf(runs[last].i1, after)) : "border gate";
        const bool plural = words.find("gates") != std::string::npos || words.find("pair") != std::string::npos;
        const int g = m_groups++;
        for (size_t k = r; k <= last; ++k) {
            const Run& run = runs[k];
            if (run.gates.empty()) continue;
            if (after == runs[last].i1 && !before && !bare(run)) continue;
            // The side: a name of one side only; else the place in an "X–Y" pair.
            const bool second = k > r && dashBefore[k - r];
            std::optional<Side> side;
            for (const CuratedGate* cg : run.gates) {
                const Side s2 = cg->country == Country::VN ? Side::VN : Side::LA;
                if (!side) side = s2;
                else if (*side != s2) side = second ? Side::LA : Side::VN;
            }
            Item it;
            it.kind = ItemKind::Gate;
            it.gateKey = std::string(textOf(run.i0, run.i1));
            const std::string single = plural ? "border gate" : words;
            it.name = it.gateKey + " " + (k == last ? (plural ? single : words) : single);
            it.gateName = it.name;
            it.slot = -1;
            for (size_t q = 0; q < slots.size(); ++q)
                if (slots[q].i0 < run.i1 && run.i0 < slots[q].i1) {
                    slots[q].used = true;
                    if (slots[q].i0 == run.i0) it.slot = int(q);
                }
            it.placeText = it.gateKey;
            it.side = side;
            it.i0 = run.i0;
            it.i1 = k == last ? after : run.i1;
            it.group = g;
            items.push_back(std::move(it));
        }
        r = last + 1;
    }
}

// Places that act on their own: "X province", "Thanh Hoa" (a province name).
void SentenceAnalyser::findPlaces() {
    for (size_t s = 0; s < slots.size(); ++s) {
        Slot& sl = slots[s];
        if (sl.used) continue;
        if (sl.village) {
            // A village is below every layer: it acts through the unit that
            // holds it ("X village of Y commune, Z district"), found later
            // from its qualifier or the venue before it (fillVillages).
            Item it;
            it.kind = ItemKind::Place;
            it.village = true;
            it.name = sl.text + " village";
            it.slot = int(s);
            it.side = sl.side;
            it.i0 = sl.i0;
            it.i1 = std::min(sl.i1 + 1, t.size());
            it.group = m_groups++;
            items.push_back(std::move(it));
            continue;
        }
        bool gateSlot = false;
        for (const auto& it : items)
            if (it.kind == ItemKind::Gate && it.slot == int(s)) gateSlot = true;
        if (gateSlot) continue;
        if (!sl.level && !m_res.facts(sl.text).province) continue;
        Item it;
        it.kind = ItemKind::Place;
        it.name = sl.text + levelWord(sl.level);
        it.slot = int(s);
        it.placeText = sl.text;
        it.side = sl.side;
        it.level = sl.level;
        const bool typeOf = typeWordOf(sl.i0);
        it.i0 = typeOf ? sl.i0 - 2 : sl.i0;
        it.i1 = sl.i1 + (sl.level && sl.i1 < t.size() && isTypeWord(m_lex, t[sl.i1].low) ? 1 : 0);
        it.group = m_groups++;
        items.push_back(std::move(it));
    }
}

}  // namespace bl::news
