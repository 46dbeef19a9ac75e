#pragma once
// INTERNAL to core/news/*.cpp: UTF-8 decoding, character classes and the
// tokenizer the extraction rules work on. Public entry points are in
// core/news/extract.hpp.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/news/documents.hpp"

namespace bl::news {

// The code point at byte i of valid UTF-8; *len is its length in bytes.
char32_t decode(std::string_view s, size_t i, size_t* len);
// Letters, digits and combining marks.
bool isWordChar(char32_t c);
bool isUpperOrTitle(char32_t c);
bool isSpace(char c);  // ASCII white space, CR included
std::string asciiLower(std::string_view s);
std::string trim(std::string_view s);

enum class Tok { Word, Number, Punct };

struct Token {
    size_t b = 0, e = 0;  // byte span in the document
    Tok type = Tok::Punct;
    bool cap = false;     // starts with a capital
    std::string low;      // folded: lower case, marks removed; quotes and dashes normalised
};

// Folding a token with ICU is the costly step; articles repeat words.
// One cache per thread (not thread-safe).
class FoldCache {
public:
    const std::string& fold(std::string_view w);

private:
    std::unordered_map<std::string, std::string> m_map;
};

// Words, numbers and punctuation of [r.begin, r.end). A hyphen joins letters
// when a lower-case letter follows ("Xa-van-na-khet", "twenty-first").
std::vector<Token> tokenize(std::string_view text, Span r, FoldCache& fc);

}  // namespace bl::news
