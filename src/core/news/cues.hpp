#pragma once
// INTERNAL to core/news/*.cpp: the words of a sentence that state a relation
// (twinning, a cooperation plan, other cooperation) and references back to
// an earlier sentence's event.
#include <optional>
#include <vector>

#include "core/news/documents.hpp"
#include "core/news/lexicon.hpp"
#include "core/news/tokens.hpp"

namespace bl::news {

struct Cue {
    std::optional<LinkKind> kind;  // empty: the sentence states no relation
    Span span;                     // the cue's words
};

// The strongest cue of the sentence: twinning, else a pact noun, else
// another cooperation word; the first of its kind.
Cue findCue(const Lexicon& lex, const std::vector<Token>& t);

// "the ceremony", "the agreement": the sentence refers to an earlier event.
bool hasAnaphor(const Lexicon& lex, const std::vector<Token>& t);

}  // namespace bl::news
