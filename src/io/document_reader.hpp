#pragma once
// Reads news articles (plain-text UTF-8, one per file) into Documents.
// The text is kept byte for byte (CRLF included) so that spans point into
// the file as it is on disk. A first line " date YYYY-MM-DD" states the date;
// the rest of that line, if any, is the article's first words.
//
// Errors name the file: empty, binary (NUL or control bytes), invalid UTF-8
// (with the byte offset), unreadable. The lexicon's word lists find the
// headline, the trailing cut and a date stated in the text.
#include <string>
#include <vector>

#include "core/news/documents.hpp"
#include "core/news/lexicon.hpp"
#include "core/result.hpp"

namespace bl::io {

// Parses and analyses text already in memory; `file` names it in errors.
Result<Document> parseDocument(const std::string& file, std::string bytes, const Lexicon& lexicon);

Result<Document> readDocument(const std::string& path, const Lexicon& lexicon);

// Files and directories (their regular files, sorted, not recursive, hidden
// files skipped) in the order given. Stops at the first bad file.
Result<std::vector<Document>> readDocuments(const std::vector<std::string>& paths, const Lexicon& lexicon);

}  // namespace bl::io
