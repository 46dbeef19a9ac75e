#pragma once
// INTERNAL to core/news/*.cpp: dates and periods stated in a sentence's
// tokens. The public findDate() is declared in core/news/extract.hpp.
#include <optional>
#include <string>
#include <vector>

#include "core/news/documents.hpp"
#include "core/news/lexicon.hpp"
#include "core/news/tokens.hpp"

namespace bl::news {

// 2025 from a four-digit number token in 1900..2100, else 0.
int yearOf(const Token& t);

// "2025-01-15", "January 15[, 2025]", "15 January [2025]", "the fifteenth of
// March" starting at token i, or nullopt. *end is set past it.
std::optional<DocDate> dateAt(const Lexicon& lex, const std::vector<Token>& t, size_t i, size_t* end);

// The event date stated in a sentence, completed from the document's date:
// a date without a year takes the document's (the year before for a later
// month); "on Monday" is the last Monday on or before the document date.
std::optional<DocDate> eventDate(const Lexicon& lex, const std::vector<Token>& t, const DocDate& docDate);

// "2026–2030", "2026-30", "from 2026 to 2030", "for 2026"; empty when none.
std::string findPeriod(const std::vector<Token>& t);

}  // namespace bl::news
