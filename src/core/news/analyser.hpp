#pragma once
// INTERNAL to core/news/*.cpp: the analysis of one sentence. It finds the
// capitalised names (slots), the organisations and places tied to them
// (items: "Military Command of Se Pon district", "Tây Trang International
// Border Gate"), which item names another's parent, and which items are only
// venues or reporters. Resolution and links are left to extract.cpp.
//
// Split over two files: analyser.cpp (names, lists, roles) and mentions.cpp
// (the organisation and place rules).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/news/lexicon.hpp"
#include "core/news/resolve.hpp"
#include "core/news/tokens.hpp"
#include "core/news/words.hpp"

namespace bl::news {

// A run of capitalised words that may name a place.
struct Slot {
    size_t i0 = 0, i1 = 0;  // tokens [i0, i1)
    std::string text;
    std::optional<Level> level;
    bool plural = false;     // followed by a plural type word
    bool village = false;
    bool city = false;
    std::optional<Side> side;
    bool used = false;       // an organisation is tied to it
};

enum class ItemKind { Org, Place, Gate, Station };

struct Item {
    ItemKind kind = ItemKind::Org;
    std::string name;        // normalised display name
    int slot = -1;           // the place it is tied to
    std::string placeText;   // place as written (from the slot or a qualifier)
    std::string parentText;  // enclosing place from a qualifier
    std::optional<Level> level;
    std::optional<Side> side;
    size_t i0 = 0, i1 = 0;   // tokens [i0, i1)
    int group = -1;          // items of one list share a group
    bool qualifier = false;  // names the parent of another item, not a party
    bool venue = false;      // where something happened, not a party
    bool reporter = false;   // the one announcing, not a party
    bool village = false;    // a village: acts through the unit holding it
    bool numbered = false;   // a unit known by its number ("Company 3"); its place may come from the article
    int heldBy = -1;         // the item whose place it took ("Company 119 from X province", "village of Y")
    bool gateNamed = false;  // a station named after a border gate
    std::string gateName;    // display name of the gate ("Tây Trang International Border Gate")
    std::string gateKey;     // the gate's own name ("Tây Trang")
};

class SentenceAnalyser {
public:
    // `text` is the document the tokens point into. All references must
    // outlive the analyser.
    SentenceAnalyser(const std::vector<Token>& tokens, const std::string& text, const Resolver& resolver,
                     const Lexicon& lexicon)
        : t(tokens), m_text(text), m_res(resolver), m_lex(lexicon) {}

    void run();

    const std::vector<Token>& t;
    std::vector<Slot> slots;
    std::vector<Item> items;  // in text order after run()

private:
    // analyser.cpp: names, lists, roles
    void findSlots();
    void applySlotContext(Slot& s);
    bool isDateline(const Slot& s) const;
    bool typeWordOf(size_t i0) const;
    bool onlyListGlue(size_t a, size_t b) const;
    std::optional<Side> sideBefore(size_t i) const;
    std::optional<Side> sideAfter(size_t i) const;
    std::vector<int> placeList(size_t i, size_t* end, std::optional<Level>* level, bool gateWords = false);
    size_t skipListLead(size_t i, std::optional<Level>* level) const;
    void linkQualifiers();
    void applyQualifier(size_t a, size_t b);
    void markVenues();
    void fillVillages();
    void markReporters();

    // mentions.cpp: organisations and places
    void findOrgs();
    bool militaryCommand(size_t& i);
    bool defenceCommand(size_t& i);
    bool borderGuard(size_t& i);
    bool borderPost(size_t i);
    bool authority(size_t& i);
    bool numberedUnit(size_t& i);
    void findGates();
    bool gateNounAt(size_t k) const;
    void findPlaces();
    size_t skipGateWords(size_t k) const;
    int slotEndingBefore(size_t i, bool gates = false) const;
    void addOrg(ItemKind kind, std::string name, int slot, size_t i0, size_t i1, int group,
                std::optional<Level> level);
    void addStation(int s, size_t i0, size_t i1, int group);

    const std::string& low(size_t i) const;
    bool is(size_t i, const char* w) const { return i < t.size() && t[i].low == w; }
    int slotAt(size_t i) const;
    std::string_view textOf(size_t i0, size_t i1) const {
        return {m_text.data() + t[i0].b, t[i1 - 1].e - t[i0].b};
    }
    std::optional<Side> country(size_t i, size_t* len) const { return countryAt(m_lex, t, i, len); }

    const std::string& m_text;
    const Resolver& m_res;
    const Lexicon& m_lex;
    int m_groups = 0;
    std::vector<std::string_view> m_lows;  // the tokens' folded words
};

}  // namespace bl::news
