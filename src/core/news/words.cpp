#include "core/news/words.hpp"

#include <algorithm>

namespace bl::news {

namespace {

std::optional<Side> sideOf(const Lexicon& lex, const std::string& w) {
    if (lex.vietnam.count(w)) return Side::VN;
    if (lex.laos.count(w)) return Side::LA;
    if (lex.thirdCountries.count(w)) return Side::Third;
    return std::nullopt;
}

bool listed(const std::vector<std::string>& list, const std::string& w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

}  // namespace

std::optional<Side> countryAt(const Lexicon& lex, const std::vector<Token>& t, size_t i, size_t* len) {
    *len = 1;
    if (i >= t.size() || t[i].type != Tok::Word) return std::nullopt;
    if (i + 1 < t.size() && t[i + 1].type == Tok::Word)
        if (auto s = sideOf(lex, t[i].low + " " + t[i + 1].low)) {
            *len = 2;
            return s;
        }
    return sideOf(lex, t[i].low);
}

std::optional<Level> typeWordLevel(const Lexicon& lex, const std::string& w, bool* plural, bool* village) {
    *plural = false;
    *village = false;
    const bool endsInS = !w.empty() && w.back() == 's';
    if (lex.provinceWords.count(w)) { *plural = endsInS; return Level::Province; }
    if (lex.districtWords.count(w)) { *plural = endsInS; return Level::District; }
    if (lex.communeWords.count(w)) { *plural = endsInS; return Level::Commune; }
    if (lex.villageWords.count(w)) {
        *plural = endsInS;
        *village = true;
    }
    return std::nullopt;
}

bool isTypeWord(const Lexicon& lex, const std::string& w) {
    bool p, v;
    return typeWordLevel(lex, w, &p, &v).has_value() || v || lex.cityWords.count(w);
}

bool isStopWord(const Lexicon& lex, const std::string& w) {
    return lex.stopWords.count(w) || listed(lex.months, w) || listed(lex.weekdays, w) || sideOf(lex, w).has_value();
}

}  // namespace bl::news
