#include "core/news/tokens.hpp"

#include <unicode/uchar.h>

#include <cctype>

#include "core/names/names.hpp"
#include "core/news/extract.hpp"

namespace bl {

namespace news {

char32_t decode(std::string_view s, size_t i, size_t* len) {
    const auto c = static_cast<unsigned char>(s[i]);
    auto cont = [&](size_t k) { return i + k < s.size() ? (static_cast<unsigned char>(s[i + k]) & 0x3F) : 0; };
    if (c < 0x80) { *len = 1; return c; }
    if ((c >> 5) == 0x6) { *len = 2; return ((c & 0x1F) << 6) | cont(1); }
    if ((c >> 4) == 0xE) { *len = 3; return ((c & 0x0F) << 12) | (cont(1) << 6) | cont(2); }
    *len = 4;
    return ((c & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
}

bool isWordChar(char32_t c) {
    if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
    const int8_t t = u_charType(static_cast<UChar32>(c));
    return u_isalnum(static_cast<UChar32>(c)) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

bool isUpperOrTitle(char32_t c) { return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)); }

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string asciiLower(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && isSpace(s[b])) ++b;
    while (e > b && isSpace(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

const std::string& FoldCache::fold(std::string_view w) {
    auto it = m_map.find(std::string(w));
    if (it != m_map.end()) return it->second;
    bool ascii = true;
    for (char c : w) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    std::string f = ascii ? asciiLower(w) : foldText(w);
    if (f.empty()) f = asciiLower(w);
    if (m_map.size() > 200000) m_map.clear();
    return m_map.emplace(std::string(w), std::move(f)).first->second;
}

namespace {

bool isAsciiDigit(char32_t c) { return c < 0x80 && std::isdigit(static_cast<int>(c)); }

// End of the word starting at b (letters, digits, joining hyphens).
size_t wordEnd(std::string_view text, size_t b, size_t end, bool* allDigits) {
    size_t first = 1;
    const bool digits = isAsciiDigit(decode(text, b, &first));
    *allDigits = true;
    size_t i = b;
    while (i < end) {
        size_t len = 1;
        const char32_t d = decode(text, i, &len);
        if (isWordChar(d)) {
            *allDigits = *allDigits && isAsciiDigit(d);
            i += len;
            continue;
        }
        // A hyphen joins letters when a lower-case letter follows: "Xa-van-na-khet".
        if (d == '-' && !digits && i + 1 < end) {
            size_t l3 = 1;
            const char32_t nx = decode(text, i + 1, &l3);
            if (isWordChar(nx) && !u_isupper(static_cast<UChar32>(nx)) && !isAsciiDigit(nx)) {
                i += 1;
                continue;
            }
        }
        break;
    }
    return i;
}

// The punctuation we reason about, normalised.
std::string punctuation(std::string_view text, size_t i, size_t len, char32_t c) {
    if (c == 0x2019 || c == 0x2018 || c == '\'') return "'";
    if (c == 0x2013 || c == 0x2014 || c == '-' || c == 0x2012 || c == 0x2212) return "-";
    if (c == 0x201C || c == 0x201D) return "\"";
    return std::string(text.substr(i, len));
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, Span r, FoldCache& fc) {
    std::vector<Token> out;
    size_t i = r.begin;
    while (i < r.end) {
        size_t len = 1;
        const char32_t c = decode(text, i, &len);
        if (isSpace(text[i])) { ++i; continue; }
        Token t;
        t.b = i;
        if (isWordChar(c)) {
            bool allDigits = true;
            i = wordEnd(text, i, r.end, &allDigits);
            t.type = allDigits ? Tok::Number : Tok::Word;
            t.cap = isUpperOrTitle(c);
            t.low = fc.fold(text.substr(t.b, i - t.b));
        } else {
            t.type = Tok::Punct;
            t.low = punctuation(text, i, len, c);
            i += len;
        }
        t.e = i;
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace news

using namespace news;

namespace {

// Past the closing marks after a sentence end (". ", ".” ", ".) ").
size_t afterClosingMarks(std::string_view text, size_t i, size_t lineEnd) {
    size_t j = i + 1;
    while (j < lineEnd && (text[j] == '.' || text[j] == '/' || text[j] == '"' || text[j] == ')' ||
                           static_cast<unsigned char>(text[j]) == 0xE2))
        j += static_cast<unsigned char>(text[j]) == 0xE2 ? 3 : 1;  // ”, ’ are 3 bytes
    return j > lineEnd ? lineEnd : j;
}

// Whether what follows position n can start a sentence.
bool startsSentence(std::string_view text, size_t n, size_t lineEnd) {
    if (n >= lineEnd) return true;
    size_t len = 1;
    const char32_t nc = decode(text, n, &len);
    return u_isupper(static_cast<UChar32>(nc)) || (nc < 0x80 && std::isdigit(static_cast<int>(nc))) || nc == '"' ||
           nc == 0x201C || nc == '(';
}

// A full stop at i after an abbreviation or an initial ends nothing.
bool isAbbreviationStop(std::string_view text, size_t lineStart, size_t i, const Lexicon& lex) {
    size_t w = i;
    while (w > lineStart && (std::isalpha(static_cast<unsigned char>(text[w - 1])) || text[w - 1] == '.')) --w;
    const std::string word = asciiLower(text.substr(w, i - w));
    if (lex.abbreviations.count(word)) return true;
    return word.size() == 1 && std::isupper(static_cast<unsigned char>(text[w]));  // initials
}

}  // namespace

std::vector<Sentence> splitSentences(std::string_view text, Span range, const Lexicon& lexicon) {
    std::vector<Sentence> out;
    size_t para = 0;
    size_t lineStart = range.begin;
    while (lineStart < range.end) {
        size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string_view::npos || lineEnd > range.end) lineEnd = range.end;
        size_t s = lineStart;
        auto push = [&](size_t b, size_t e) {
            while (b < e && isSpace(text[b])) ++b;
            while (e > b && isSpace(text[e - 1])) --e;
            if (e > b) out.push_back({{b, e}, para});
        };
        for (size_t i = lineStart; i < lineEnd; ++i) {
            const char c = text[i];
            if (c != '.' && c != '!' && c != '?') continue;
            const size_t j = afterClosingMarks(text, i, lineEnd);
            if (j < lineEnd && !isSpace(text[j])) continue;
            size_t n = j;
            while (n < lineEnd && isSpace(text[n])) ++n;
            if (!startsSentence(text, n, lineEnd)) continue;
            if (c == '.' && isAbbreviationStop(text, lineStart, i, lexicon)) continue;
            push(s, j);
            s = j;
        }
        push(s, lineEnd);
        ++para;
        lineStart = lineEnd + 1;
    }
    return out;
}

}  // namespace bl
