#pragma once
// The word lists of the news extractor: plain data, filled by io/lexicon
// from geodata/news_words.json (or by a test). Core never reads a file.
//
// Every word is folded as the tokenizer folds it: lower case, diacritics
// removed ("viet nam", not "Việt Nam"). A list either is a set (membership
// only) or has a fixed order stated on the field.
#include <string>
#include <unordered_set>
#include <vector>

namespace bl {

struct Lexicon {
    using Words = std::unordered_set<std::string>;

    // Capitalised words that never start or continue a place name. Months,
    // weekdays and country words count as stop words without being listed.
    Words stopWords;

    // Country names; an entry may be two words ("viet nam").
    Words vietnam;
    Words laos;            // a text naming none of these is not ours
    Words thirdCountries;  // a party placed there is on neither side

    std::vector<std::string> months;       // 12, January first
    Words monthPrefixExceptions;           // "mar": a word, not a month
    std::vector<std::string> weekdays;     // 7, Sunday first
    std::vector<std::string> ordinalDays;  // 31, "first" first

    Words abbreviations;    // a full stop after these does not end a sentence
    Words trailingMarkers;  // a line of only this starts unrelated material
    Words agencySignoffs;   // what follows such a line is not the article

    // Administrative type words ("X province", "districts of").
    Words provinceWords;
    Words districtWords;
    Words communeWords;
    Words villageWords;
    Words cityWords;

    // Cues of a relation.
    Words twinningCues;
    Words sisterRelationNouns;               // "sister provinces", not kinship
    Words pactNouns;                         // a cooperation plan
    std::vector<std::string> cooperationStems;  // other cooperation, by word start
    Words anaphors;                          // "the ceremony": refers back
    Words signingVerbs;                      // "signed", "inked": before a document noun
    Words signedDocumentNouns;               // "a document on cooperation": a plan when signed

    // References to parties named earlier in the article.
    Words groupReferences;    // "the three Lao localities", "both provinces": head nouns
    Words counterpartWords;   // "their counterparts", "the Lao side"
    Words pairReferences;     // "the two provinces", "both sides": one party of each side
    Words subjectPronouns;    // "it signed ... with X": the party named before on X's other side

    // Organisations and places.
    Words gateAdjectives;     // "International" in "X International Border Gate"
    Words gateNouns;          // "gate" in "border gate"
    Words guardUnitNouns;     // "Company" in "Border Guard Company 119"
    Words authorityWords;     // "authorities of X", "X Department"
    Words organisationHeads;  // after a name, a new organisation starts

    // Roles in a sentence.
    Words parentPrepositions;  // "A under the B": B holds A
    Words venueWords;          // "in X": X is a venue, not a party
    Words reportingVerbs;      // "X said that": X reports, not a party
};

}  // namespace bl
