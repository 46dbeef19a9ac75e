#include "core/news/discourse.hpp"

#include <algorithm>

namespace bl::news {

namespace {

size_t sideIndex(Side s) { return s == Side::LA ? 1 : 0; }

std::optional<size_t> numberWord(const std::string& w) {
    static const char* words[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    for (size_t i = 0; i < 10; ++i)
        if (w == words[i]) return i + 1;
    if (w == "both") return 2;
    if (!w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }) && w.size() < 3)
        return size_t(std::stoi(w));
    return std::nullopt;
}

}  // namespace

void DocumentMemory::note(Side side, const Party& p) {
    if (side == Side::Third || p.units.empty()) return;
    const std::string key = p.units.front().layerId + "|" + p.units.front().unitId;
    auto& list = m_named[sideIndex(side)];
    list.erase(std::remove_if(list.begin(), list.end(), [&](const Named& n) { return n.key == key; }), list.end());
    list.push_back({key, p});
}

std::vector<Party> DocumentMemory::last(Side side, size_t n) const {
    const auto& list = m_named[sideIndex(side)];
    std::vector<Party> out;
    const size_t from = n == 0 || n >= list.size() ? 0 : list.size() - n;
    for (size_t i = from; i < list.size(); ++i) out.push_back(list[i].party);
    return out;
}

std::optional<Party> DocumentMemory::onlyProvince(Side side) const {
    std::optional<Party> found;
    for (const auto& n : m_named[sideIndex(side)]) {
        if (n.party.units.front().level != Level::Province) continue;
        if (found && found->units.front().unitId != n.party.units.front().unitId) return std::nullopt;
        found = n.party;
    }
    return found;
}

std::vector<Reference> findReferences(const Lexicon& lex, const std::vector<Token>& t) {
    std::vector<Reference> out;
    for (size_t j = 0; j < t.size(); ++j) {
        const std::string& w = t[j].low;
        const bool group = lex.groupReferences.count(w) > 0;
        const bool counterpart = lex.counterpartWords.count(w) > 0;
        if (!group && !counterpart) continue;
        Reference r;
        r.i1 = j + 1;
        bool determiner = false;
        std::optional<size_t> count;
        size_t k = j;
        while (k > 0 && j - k < 5) {
            const std::string& p = t[k - 1].low;
            size_t len = 0;
            if (p == "the" || p == "their" || p == "its" || p == "all" || p == "these" || p == "those") {
                determiner = true;
            } else if (auto n = numberWord(p)) {
                count = n;
                determiner = determiner || p == "both";
            } else if (auto c = countryAt(lex, t, k - 1, &len)) {
                r.side = c;
            } else if (p == "'" || p == "s" || p == "partner" || p == "other" || p == "neighbouring" ||
                       p == "respective" || p == "friendly") {
            } else {
                break;
            }
            --k;
        }
        // "the Lao side" names one side; "both sides", "the two sides" name
        // the two parties together (a pair, see Reference::pair).
        if (!determiner || (w == "side" && !r.side)) continue;
        if (w == "sides") {
            if (r.side || (count && *count != 2)) continue;
            count = 2;
        }
        const bool plural = w.back() == 's';
        // "the provinces" alone names no one in particular; "their
        // counterparts", "the three Lao localities", "both provinces" do.
        const bool possessive = t[k].low == "their" || t[k].low == "its" || (k + 1 < j && t[k + 1].low == "their");
        if (group && !count && !r.side && !possessive) continue;
        r.count = count ? *count : plural ? 0 : 1;
        r.pair = !r.side && r.count == 2 && lex.pairReferences.count(w) > 0;
        r.unitNoun = w != "sides" && w != "parties" && w != "forces";
        r.i0 = k;
        out.push_back(r);
    }
    return out;
}

}  // namespace bl::news
