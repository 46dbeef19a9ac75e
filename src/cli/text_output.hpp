#pragma once
// Text that reaches a terminal or a CSV reader never carries raw control
// characters: a name from a source holding a newline, a carriage return or
// an escape sequence would split records, or drive the terminal. JSON output
// needs none of this (io/json_text.hpp escapes controls and replaces invalid
// UTF-8).
#include <string>
#include <string_view>

namespace bl::cli {

// `s` with every C0 control (TAB, LF and CR included), DEL, C1 control and
// invalid UTF-8 byte replaced by U+FFFD: one field of a text table.
std::string printable(std::string_view s);

// The same for a whole text output made of lines: '\n' is kept, every other
// control replaced. A safety net behind printable() on each field.
std::string printableLines(std::string_view text);

// One CSV field per RFC 4180, after printable(): quoted when it holds a comma
// or a double quote (doubled inside); never a raw CR or LF.
std::string csvField(std::string_view s);

}  // namespace bl::cli
