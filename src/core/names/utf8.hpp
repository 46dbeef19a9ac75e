#pragma once
// UTF-8 decoding, one code point at a time, for text layout. Malformed input
// never stops decoding: each bad byte becomes U+FFFD. And the encoding back.
#include <string>
#include <string_view>

namespace bl {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes the code point at the front of `utf8` (which must not be empty) and
// drops its bytes. Overlong forms, surrogates, values above U+10FFFF, stray
// continuation bytes and truncated sequences yield U+FFFD and drop one byte.
char32_t popCodePoint(std::string_view& utf8);

// Appends the UTF-8 bytes of code point `c` (at most U+10FFFF).
void appendCodePoint(std::string& out, char32_t c);

}  // namespace bl
