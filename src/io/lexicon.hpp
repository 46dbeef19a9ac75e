#pragma once
// The news extractor's word lists from geodata/news_words.json:
// {"description": "...", "<list>": {"description": "...", "words": [...]}, ...}.
// Every list core uses must be present, as an array of non-empty strings;
// months, weekdays and ordinal days must have 12, 7 and 31 words in order.
// Errors name the file and the offending key.
#include <string>

#include "core/news/lexicon.hpp"
#include "core/result.hpp"

namespace bl::io {

Result<Lexicon> loadLexicon(const std::string& path);

// geodata/news_words.json of this checkout (beside the catalog).
std::string defaultLexiconPath();

}  // namespace bl::io
