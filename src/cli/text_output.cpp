#include "cli/text_output.hpp"

#include "core/names/utf8.hpp"

namespace bl::cli {

namespace {

bool isControl(char32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0); }

std::string replaceControls(std::string_view s, bool keepNewlines) {
    bool clean = true;  // plain printable ASCII needs no decoding
    for (unsigned char b : s)
        if (b >= 0x80 || b == 0x7F || (b < 0x20 && !(keepNewlines && b == '\n'))) {
            clean = false;
            break;
        }
    if (clean) return std::string(s);
    std::string out;
    out.reserve(s.size() + 8);
    while (!s.empty()) {
        const char32_t c = popCodePoint(s);
        if (keepNewlines && c == '\n')
            out += '\n';
        else
            appendCodePoint(out, isControl(c) ? kReplacementCharacter : c);
    }
    return out;
}

}  // namespace

std::string printable(std::string_view s) { return replaceControls(s, false); }

std::string printableLines(std::string_view text) { return replaceControls(text, true); }

std::string csvField(std::string_view s) {
    std::string p = printable(s);
    if (p.find_first_of(",\"") == std::string::npos) return p;
    std::string q = "\"";
    for (char c : p) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

}  // namespace bl::cli
