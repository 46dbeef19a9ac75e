#include "cli/text_output.hpp"

#include "core/names/utf8.hpp"

namespace bl::cli {

namespace {

bool isControl(char32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0); }

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

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
            appendUtf8(out, isControl(c) ? kReplacementCharacter : c);
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
