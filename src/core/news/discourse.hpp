#pragma once
// INTERNAL to core/news/*.cpp: what an article has named so far, and the
// words that refer back to it. A party may be named by reference ("the
// three Lao localities", "both provinces", "their counterparts", "the Lao
// side") or only by its number ("Company 3") with its province named
// elsewhere in the article; the extractor relates such mentions to the
// parties the article named before.
#include <optional>
#include <string>
#include <vector>

#include "core/news/documents.hpp"
#include "core/news/lexicon.hpp"
#include "core/news/tokens.hpp"
#include "core/news/words.hpp"

namespace bl::news {

// Distinct places and parties the article has named on each side, in order.
class DocumentMemory {
public:
    // A resolved party (its first unit tells it apart from the others).
    void note(Side side, const Party& p);
    // The last `n` distinct ones on `side` (0 = all), in text order.
    std::vector<Party> last(Side side, size_t n) const;
    // The one province the article names on `side` (as a party resolved to
    // it), or nothing when it names none or several.
    std::optional<Party> onlyProvince(Side side) const;

private:
    struct Named {
        std::string key;
        Party party;
    };
    std::vector<Named> m_named[2];
};

// "the three Lao localities", "both provinces", "their Lao counterparts",
// "the Lao side", "its counterpart".
struct Reference {
    std::optional<Side> side;  // stated by a country word
    size_t count = 0;          // how many it names; 0 = all named so far
    bool pair = false;         // "the two provinces", "both sides": one party of each side
    bool unitNoun = false;     // the head noun names units ("provinces"), not just "sides"
    size_t i0 = 0, i1 = 0;
};
std::vector<Reference> findReferences(const Lexicon& lex, const std::vector<Token>& t);

}  // namespace bl::news
