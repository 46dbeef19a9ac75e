#include "io/document_reader.hpp"

#include <algorithm>
#include <filesystem>

#include "core/news/extract.hpp"
#include "io/regular_file.hpp"

namespace bl::io {

namespace fs = std::filesystem;

namespace {

// Far more than any article (the largest test is 10 MB): a bound on what
// one document may cost in memory.
constexpr uint64_t kMaxDocumentBytes = 64ull << 20;

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

// UTF-16 text: a byte-order mark, or (without one) the zero high bytes of
// mostly Latin text in every other byte. Empty when it is not UTF-16;
// else "little-endian" or "big-endian" and whether a mark says so.
struct Utf16 {
    const char* order = nullptr;
    bool marked = false;
};

Utf16 utf16Of(const std::string& s) {
    if (s.size() >= 2) {
        const auto b0 = static_cast<unsigned char>(s[0]), b1 = static_cast<unsigned char>(s[1]);
        if (b0 == 0xFF && b1 == 0xFE) return {"little-endian", true};
        if (b0 == 0xFE && b1 == 0xFF) return {"big-endian", true};
    }
    const size_t pairs = std::min<size_t>(s.size(), 4096) / 2;
    if (pairs < 4) return {};
    size_t zeroEven = 0, zeroOdd = 0;
    for (size_t i = 0; i < pairs; ++i) {
        zeroEven += s[2 * i] == '\0';
        zeroOdd += s[2 * i + 1] == '\0';
    }
    // ASCII and Latin-1 letters have a zero high byte; Vietnamese letters
    // outside Latin-1 (U+1Exx) do not, hence only a third.
    if (zeroOdd * 3 >= pairs && zeroEven * 20 < pairs) return {"little-endian", false};
    if (zeroEven * 3 >= pairs && zeroOdd * 20 < pairs) return {"big-endian", false};
    return {};
}

// The first NUL byte anywhere, else the first control byte when more than
// 1% of the first 64 KiB are control bytes (a text never has that many).
bool looksBinary(const std::string& s, size_t* at) {
    if (const size_t nul = s.find('\0'); nul != std::string::npos) {
        *at = nul;
        return true;
    }
    const size_t n = std::min<size_t>(s.size(), 1 << 16);
    size_t control = 0, first = std::string::npos;
    for (size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
            ++control;
            if (first == std::string::npos) first = i;
        }
    }
    *at = first;
    return n > 0 && control * 100 > n;
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
    if (const Utf16 u = utf16Of(bytes); u.order) {
        const std::string from = u.marked ? "UTF-16" : u.order[0] == 'l' ? "UTF-16LE" : "UTF-16BE";
        return makeError("document " + file + " is UTF-16 (" + u.order + "), not UTF-8; convert it first: iconv -f " +
                         from + " -t UTF-8 " + file + " > " + file + ".utf8.txt");
    }
    size_t at = 0;
    if (looksBinary(bytes, &at))
        return makeError("document " + file + " is binary (" + (bytes[at] == '\0' ? "NUL" : "control") +
                         " byte at offset " + std::to_string(at) + "); expected plain UTF-8 text");
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
    std::string impossibleDate;  // a date line naming no day of the calendar ("2023-02-30")
    if (d.text.compare(p, 5, "date ") == 0) {
        size_t q = p + 5;
        while (q < d.text.size() && d.text[q] == ' ') ++q;
        if (isDigits(d.text, q, 4) && d.text[q + 4] == '-' && isDigits(d.text, q + 5, 2) && d.text[q + 7] == '-' &&
            isDigits(d.text, q + 8, 2)) {
            DocDate dt;
            dt.year = std::stoi(d.text.substr(q, 4));
            dt.month = std::stoi(d.text.substr(q + 5, 2));
            dt.day = std::stoi(d.text.substr(q + 8, 2));
            if (isCalendarDate(dt.year, dt.month, dt.day)) {
                dt.iso = d.text.substr(q, 10);
                dt.status = DateStatus::Stated;
                dt.note = "date line";
                d.date = dt;
            } else {
                impossibleDate = d.text.substr(q, 10);
            }
            d.body.begin = q + 10;  // the line is a date line either way, not the article's text
            d.title = headline;
        }
    }
    analyseDocument(d, lexicon);
    if (!impossibleDate.empty())
        d.date.note = "the date line says " + impossibleDate + ", which is not a calendar date, so it was not taken (" +
                      (d.date.status == DateStatus::Unknown ? std::string("no date in the text either")
                                                            : "date used: " + d.date.note) + ")";
    return d;
}

Result<Document> readDocument(const std::string& path, const Lexicon& lexicon) {
    auto bytes = readDocumentBytes(path);
    if (!bytes) return bytes.error();
    return parseDocument(path, std::move(*bytes), lexicon);
}

Result<std::vector<std::string>> listDocumentFiles(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        std::vector<std::string> files;
        if (fs::is_directory(p, ec)) {
            for (const auto& e : fs::directory_iterator(p, ec)) {
                const std::string name = e.path().filename().string();
                // Not recursive: subdirectories are passed over. Anything else
                // (a FIFO, a device) is listed, so readDocument refuses it by name.
                if (!name.empty() && name[0] != '.' && !e.is_directory(ec)) files.push_back(e.path().string());
            }
            if (ec) return makeError("documents directory " + p + " cannot be read: " + ec.message());
            std::sort(files.begin(), files.end());
            if (files.empty()) return makeError("documents directory " + p + " holds no files");
        } else {
            files.push_back(p);
        }
        out.insert(out.end(), files.begin(), files.end());
    }
    return out;
}

Result<std::string> readDocumentBytes(const std::string& path) {
    return readRegularFile(path, "document", kMaxDocumentBytes);
}

Result<std::vector<Document>> readDocuments(const std::vector<std::string>& paths, const Lexicon& lexicon) {
    auto files = listDocumentFiles(paths);
    if (!files) return files.error();
    std::vector<Document> out;
    for (const auto& f : *files) {
        auto d = readDocument(f, lexicon);
        if (!d) return d.error();
        out.push_back(std::move(*d));
    }
    return out;
}

}  // namespace bl::io
