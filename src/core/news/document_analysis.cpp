// What a document says about itself: where the article ends, its headline,
// its date, and whether it can be about Viet Nam - Laos relations.
#include <cctype>

#include "core/news/extract.hpp"
#include "core/news/tokens.hpp"

namespace bl {

using news::asciiLower;
using news::isSpace;
using news::trim;

namespace {

// The line at `lineStart` in lower case, trailing ':', '.', '>' dropped.
std::string markerLine(std::string_view text, size_t lineStart, size_t lineEnd) {
    std::string line = asciiLower(trim(text.substr(lineStart, lineEnd - lineStart)));
    while (!line.empty() && (line.back() == ':' || line.back() == '.' || line.back() == '>')) line.pop_back();
    return line;
}

// Headline: a short first line (3 to 25 words) that does not end like a
// sentence; empty when the article starts without one.
std::string findHeadline(const std::string& text, Span body) {
    size_t lineStart = body.begin;
    for (int n = 0; n < 3 && lineStart < body.end; ++n) {
        size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string::npos || lineEnd > body.end) lineEnd = body.end;
        const std::string line = trim(std::string_view(text).substr(lineStart, lineEnd - lineStart));
        lineStart = lineEnd + 1;
        if (line.empty()) continue;
        size_t words = 0;
        bool inWord = false;
        for (char c : line) {
            if (!isSpace(c) && !inWord) ++words;
            inWord = !isSpace(c);
        }
        const char last = line.back();
        if (words >= 3 && words <= 25 && last != '.' && last != '!' && last != ',') return line;
        if (words >= 3) break;  // the article starts without a headline
    }
    return {};
}

}  // namespace

size_t findTrailingCut(std::string_view text, Span range, const Lexicon& lexicon, std::string* why) {
    size_t lineStart = range.begin;
    bool seenText = false;
    while (lineStart < range.end) {
        size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string_view::npos || lineEnd > range.end) lineEnd = range.end;
        const std::string line = markerLine(text, lineStart, lineEnd);
        if (seenText && !line.empty()) {
            const std::string asWritten = trim(text.substr(lineStart, lineEnd - lineStart));
            if (lexicon.trailingMarkers.count(line)) {
                if (why) *why = "trailing material after a \"" + asWritten + "\" line";
                return lineStart;
            }
            if (lexicon.agencySignoffs.count(line)) {
                // Everything after the agency's sign-off line is not the article.
                size_t next = lineEnd + 1;
                while (next < range.end && isSpace(text[next])) ++next;
                if (next < range.end) {
                    if (why) *why = "trailing material after the sign-off line \"" + asWritten + "\"";
                    return next;
                }
            }
        }
        if (!line.empty()) seenText = true;
        lineStart = lineEnd + 1;
    }
    return range.end;
}

bool mentionsVietnamAndLaos(std::string_view text, Span range, const Lexicon& lexicon) {
    const std::string low = asciiLower(text.substr(range.begin, range.end - range.begin));
    auto has = [&](const std::string& w) {
        for (size_t p = low.find(w); p != std::string::npos; p = low.find(w, p + 1)) {
            const bool leftOk = p == 0 || !std::isalpha(static_cast<unsigned char>(low[p - 1]));
            const size_t e = p + w.size();
            const bool rightOk = e >= low.size() || !std::isalpha(static_cast<unsigned char>(low[e]));
            if (leftOk && rightOk) return true;
        }
        return false;
    };
    // Vietnamese outlets often do not name their own country; the Lao side
    // must be named. Links need a party on each side anyway.
    for (const auto& w : lexicon.laos)
        if (has(w)) return true;
    return false;
}

void analyseDocument(Document& doc, const Lexicon& lexicon) {
    std::string why;
    doc.body.end = findTrailingCut(doc.text, doc.body, lexicon, &why);
    doc.trailingCut = why;
    if (doc.title.empty()) doc.title = findHeadline(doc.text, doc.body);  // else the reader found it above the date line
    if (doc.date.status != DateStatus::Stated) {
        doc.date = findDate(doc.text, doc.body, lexicon);
        if (doc.date.status == DateStatus::Unknown) doc.date.note = "no date line and no date in the text";
    }
}

}  // namespace bl
