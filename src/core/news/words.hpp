#pragma once
// INTERNAL to core/news/*.cpp: what the lexicon says about tokens (country
// names, administrative type words, stop words).
#include <optional>
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/news/lexicon.hpp"
#include "core/news/tokens.hpp"

namespace bl::news {

enum class Side { VN, LA, Third };

// A country named by the token(s) at i ("Vietnam", "Viet Nam", "Lao", ...);
// *len is the number of tokens used (1 when nothing is named).
std::optional<Side> countryAt(const Lexicon& lex, const std::vector<Token>& t, size_t i, size_t* len);

// The level a type word states ("district" -> District). *plural when it
// ends in "s"; *village for village words, which state no level.
std::optional<Level> typeWordLevel(const Lexicon& lex, const std::string& w, bool* plural, bool* village);
bool isTypeWord(const Lexicon& lex, const std::string& w);

// A capitalised word that is never part of a place name.
bool isStopWord(const Lexicon& lex, const std::string& w);

}  // namespace bl::news
