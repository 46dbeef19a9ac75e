#pragma once
// Reads news articles (plain-text UTF-8, one per file) into Documents.
// The text is kept byte for byte (CRLF included) so that spans point into
// the file as it is on disk. A first line " date YYYY-MM-DD" states the date;
// the rest of that line, if any, is the article's first words.
//
// Errors name the file: not a regular file (a FIFO, a device such as
// /dev/zero, a directory), larger than 64 MB, empty, UTF-16 (with the iconv
// line that converts it), binary (a NUL byte anywhere, or many control
// bytes), invalid UTF-8 (with the byte offset), unreadable. A date line that
// names no calendar day ("2023-02-30") is not taken; Document::date.note
// says so. The lexicon's word lists find the headline, the trailing cut and
// a date stated in the text.
#include <string>
#include <vector>

#include "core/news/documents.hpp"
#include "core/news/lexicon.hpp"
#include "core/result.hpp"

namespace bl::io {

// Parses and analyses text already in memory; `file` names it in errors.
Result<Document> parseDocument(const std::string& file, std::string bytes, const Lexicon& lexicon);

Result<Document> readDocument(const std::string& path, const Lexicon& lexicon);

// The files these paths name: files as given, a directory's files (sorted,
// not recursive, hidden files skipped), in the order given. A directory
// that cannot be read or holds no file is an error naming it.
Result<std::vector<std::string>> listDocumentFiles(const std::vector<std::string>& paths);

// A document file's bytes, unchecked as text (parseDocument checks them);
// what is not a regular file, too large or unreadable is refused by name.
Result<std::string> readDocumentBytes(const std::string& path);

// Files and directories (their files, sorted, not recursive, hidden files
// skipped) in the order given. Stops at the first bad file: a FIFO or a
// device inside a directory is refused by name, never read.
Result<std::vector<Document>> readDocuments(const std::vector<std::string>& paths, const Lexicon& lexicon);

}  // namespace bl::io
