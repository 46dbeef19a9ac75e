#include "io/document_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/news/extract.hpp"

namespace bl::io {

namespace fs = std::filesystem;

namespace {

// Offset of the first invalid UTF-8 sequence, or npos.
size_t invalidUtf8At(const std::string& s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        unsigned cp = 0;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
        else return i;
        for (size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return i;
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (d & 0x3F);
        }
        // Overlong forms, surrogates, beyond U+10FFFF.
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return std::string::npos;
}

bool looksBinary(const std::string& s, size_t* at) {
    const size_t n = std::min<size_t>(s.size(), 1 << 16);
    size_t control = 0;
    for (size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0) { *at = i; return true; }
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    *at = 0;
    return n > 0 && control * 100 > n;  // more than 1% control bytes
}

bool isDigits(const std::string& s, size_t b, size_t n) {
    if (b + n > s.size()) return false;
    for (size_t i = b; i < b + n; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

}  // namespace

Result<Document> parseDocument(const std::string& file, std::string bytes, const Lexicon& lexicon) {
    size_t ws = 0;
    while (ws < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[ws]))) ++ws;
    if (ws == bytes.size())
        return makeError("document " + file + " is empty; expected the plain text of a news article");
    size_t at = 0;
    if (looksBinary(bytes, &at))
        return makeError("document " + file + " is binary (control byte at offset " + std::to_string(at) +
                         "); expected plain UTF-8 text");
    if (const size_t bad = invalidUtf8At(bytes); bad != std::string::npos)
        return makeError("document " + file + " is not valid UTF-8 (byte offset " + std::to_string(bad) +
                         "); convert it to UTF-8 first");
    Document d;
    d.file = file;
    d.text = std::move(bytes);
    d.body = {0, d.text.size()};
    if (d.text.size() >= 3 && static_cast<unsigned char>(d.text[0]) == 0xEF &&
        static_cast<unsigned char>(d.text[1]) == 0xBB && static_cast<unsigned char>(d.text[2]) == 0xBF)
        d.body.begin = 3;  // byte-order mark
    // " date YYYY-MM-DD" (leading space optional), the article may follow on
    // the same line; first, or after a headline line.
    size_t p = d.body.begin;
    while (p < d.text.size() && (d.text[p] == ' ' || d.text[p] == '\t')) ++p;
    std::string headline;
    if (d.text.compare(p, 5, "date ") != 0) {
        const size_t eol = d.text.find('\n', p);
        size_t q = eol == std::string::npos ? d.text.size() : eol + 1;
        while (q < d.text.size() && (d.text[q] == ' ' || d.text[q] == '\t')) ++q;
        if (eol != std::string::npos && eol - p < 300 && d.text.compare(q, 5, "date ") == 0) {
            headline = d.text.substr(p, eol - p);
            while (!headline.empty() && (headline.back() == '\r' || headline.back() == ' ')) headline.pop_back();
            p = q;
        }
    }
    if (d.text.compare(p, 5, "date ") == 0) {
        size_t q = p + 5;
        while (q < d.text.size() && d.text[q] == ' ') ++q;
        if (isDigits(d.text, q, 4) && d.text[q + 4] == '-' && isDigits(d.text, q + 5, 2) && d.text[q + 7] == '-' &&
            isDigits(d.text, q + 8, 2)) {
            DocDate dt;
            dt.year = std::stoi(d.text.substr(q, 4));
            dt.month = std::stoi(d.text.substr(q + 5, 2));
            dt.day = std::stoi(d.text.substr(q + 8, 2));
            if (dt.month >= 1 && dt.month <= 12 && dt.day >= 1 && dt.day <= 31) {
                dt.iso = d.text.substr(q, 10);
                dt.status = DateStatus::Stated;
                dt.note = "date line";
                d.date = dt;
                d.body.begin = q + 10;
                d.title = headline;
            }
        }
    }
    analyseDocument(d, lexicon);
    return d;
}

Result<Document> readDocument(const std::string& path, const Lexicon& lexicon) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return makeError("document " + path + " is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("document " + path + " cannot be opened (missing or unreadable)");
    std::ostringstream ss;
    ss << in.rdbuf();
    return parseDocument(path, ss.str(), lexicon);
}

Result<std::vector<Document>> readDocuments(const std::vector<std::string>& paths, const Lexicon& lexicon) {
    std::vector<Document> out;
    for (const auto& p : paths) {
        std::error_code ec;
        std::vector<std::string> files;
        if (fs::is_directory(p, ec)) {
            for (const auto& e : fs::directory_iterator(p, ec)) {
                const std::string name = e.path().filename().string();
                if (!name.empty() && name[0] != '.' && e.is_regular_file(ec)) files.push_back(e.path().string());
            }
            if (ec) return makeError("documents directory " + p + " cannot be read: " + ec.message());
            std::sort(files.begin(), files.end());
            if (files.empty()) return makeError("documents directory " + p + " holds no files");
        } else {
            files.push_back(p);
        }
        for (const auto& f : files) {
            auto d = readDocument(f, lexicon);
            if (!d) return d.error();
            out.push_back(std::move(*d));
        }
    }
    return out;
}

}  // namespace bl::io
