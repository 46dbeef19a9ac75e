#pragma once
// The lossless form of what was extracted from a document, as one JSON text
// per row of a corpus store (io/corpus_store.hpp): the `record` column of
// the documents, links and places tables. The other columns flatten the same
// facts for people and other tools (QGIS, SQL); this one gives our own
// readers back exactly the Document, Link and Place that were written.
// Errors say what is wrong with the record; the caller names the store.
#include <string>
#include <string_view>

#include "core/news/documents.hpp"
#include "core/result.hpp"

namespace bl::io {

// Everything of a Document but its file name and text (stored in columns).
std::string documentRecord(const Document& d);
Result<Document> documentFromRecord(std::string file, std::string text, std::string_view record);

// A link or place without its document index (the row's document says it).
std::string linkRecord(const Link& l);
Result<Link> linkFromRecord(std::string_view record, size_t document);
std::string placeRecord(const Place& p);
Result<Place> placeFromRecord(std::string_view record, size_t document);

}  // namespace bl::io
