#pragma once
// Rules that turn an English news article into links and places: sentence
// splitting, the cut of unrelated trailing material, dates, mentions of
// administrative units, organisations tied to places, border gates and
// stations, and the relations (twinning, cooperation plans, other stated
// cooperation) between a Vietnamese and a Lao party. General rules and the
// gazetteer only: nothing here knows any particular article.
//
// All spans are byte offsets into Document::text. Pure functions of their
// inputs; safe to call from several threads with a shared const Resolver
// and Lexicon. The word lists the rules use come from the Lexicon
// (geodata/news_words.json, read by io/lexicon); the rules themselves live
// in the files of core/news/ named after them (tokens, dates, cues,
// analyser, mentions, document_analysis).
#include <string>
#include <string_view>
#include <vector>

#include "core/news/documents.hpp"
#include "core/news/lexicon.hpp"
#include "core/news/resolve.hpp"

namespace bl {

struct Sentence {
    Span span;
    size_t paragraph = 0;  // index of the line (paragraph) holding it
};

// Splits [range.begin, range.end) into sentences: a line is a paragraph; a
// sentence ends at . ! ? followed by a space and a capital (the lexicon's
// abbreviations such as "Lt." or "No." and initials do not end one). CR
// counts as space.
std::vector<Sentence> splitSentences(std::string_view text, Span range, const Lexicon& lexicon);

// Fills title, trailing cut and (unless a date line stated it) the date of a
// document whose text and body are set. Called by io/document_reader.
void analyseDocument(Document& doc, const Lexicon& lexicon);

// Where unrelated trailing material starts inside `range` (a line of one of
// the lexicon's trailing markers such as "See more", or what follows an
// agency sign-off line); range.end when there is none. `why` names the
// marker.
size_t findTrailingCut(std::string_view text, Span range, const Lexicon& lexicon, std::string* why);

// The first calendar date stated in `range` ("January 15, 2025", "15 January
// 2025", "on the fifteenth of March", "2025-01-15"). Without a year it is
// Partial. Nothing found: Unknown.
DocDate findDate(std::string_view text, Span range, const Lexicon& lexicon);

// True when the day exists in the (proleptic Gregorian) calendar: month
// 1..12, day within the month, 29 February in leap years only. year 0 (not
// stated) allows 29 February. "2023-02-30" is no date, stated or found.
bool isCalendarDate(int year, int month, int day);

// True when the text of `range` can be about Viet Nam - Laos relations: it
// names Laos (a word of Lexicon::laos: "Laos", "Lao", "Laotian").
// Vietnamese outlets seldom name their own country, so Viet Nam is not
// required; links need a party on each side anyway.
bool mentionsVietnamAndLaos(std::string_view text, Span range, const Lexicon& lexicon);

// The version of what extraction and resolution make of a document. A
// corpus store records it per document; ingest extracts a stored document
// of another version again. Raise it whenever a change to the extractor,
// the word lists or the resolver changes the links or places of a text.
inline constexpr int kExtractorVersion = 1;

// Links and places of one document, appended to `links` and `places`.
void extractDocument(const Document& doc, size_t index, const Resolver& resolver, const Lexicon& lexicon,
                     std::vector<Link>& links, std::vector<Place>& places);

// All documents, in order.
Corpus extractCorpus(std::vector<Document> docs, const Resolver& resolver, const Lexicon& lexicon);

}  // namespace bl
