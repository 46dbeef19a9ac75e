#pragma once
// Checks shared by the commands' options, run by CLI11 while it parses (so a
// bad value is refused with exit 2 before anything is loaded).
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/result.hpp"

namespace bl::cli {

// An empty value ("") is refused: it would silently mean the default.
extern const CLI::Validator NonEmpty;
// A whole number 0, 1, 2, … (a list position such as --pair N).
extern const CLI::Validator Index;
// NaN and infinities are refused (CLI11's Range lets NaN through).
extern const CLI::Validator Finite;

// "WIDTHxHEIGHT" in pixels, each side 64..maxSide; errors quote the text as
// given and name the option (no overflow into another size).
Result<std::pair<int, int>> parseSize(const std::string& text, const std::string& option, int maxSide);

// The word of `words` nearest `typed` (edit distance at most a third of its
// length, at least 1), or "" — for "did you mean".
std::string closestWord(const std::string& typed, const std::vector<std::string>& words);

// After a parse error: the first word of the command line that is neither
// an option, an option's value nor a known (sub)command, with the nearest
// command name: "unknown command 'adjacncy'; did you mean 'adjacency'?".
// Empty when every word is known.
std::string didYouMean(const CLI::App& app, int argc, const char* const* argv);

}  // namespace bl::cli
