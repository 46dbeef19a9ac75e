#include "cli/options.hpp"

#include <cmath>
#include <cstdlib>

#include "cli/commands.hpp"
#include "core/names/names.hpp"

namespace bl::cli {

const CLI::Validator NonEmpty(
    [](std::string& value) { return value.empty() ? std::string("an empty value is not allowed") : std::string(); },
    "NOT EMPTY", "NonEmpty");

const CLI::Validator Index(
    [](std::string& value) {
        const bool digits = !value.empty() && value.size() <= 9 && value.find_first_not_of("0123456789") == std::string::npos;
        return digits ? std::string() : "'" + value + "' is not a position in the list (0, 1, 2, ...)";
    },
    "INDEX", "Index");

const CLI::Validator Finite(
    [](std::string& value) {
        char* end = nullptr;
        const double v = std::strtod(value.c_str(), &end);
        if (end == value.c_str() || *end != '\0') return "'" + value + "' is not a number";
        return std::isfinite(v) ? std::string() : "'" + value + "' is not a finite number";
    },
    "FINITE", "Finite");

Result<std::pair<int, int>> parseSize(const std::string& text, const std::string& option, int maxSide) {
    const std::string range = "each side must be 64.." + std::to_string(maxSide) + " pixels";
    const size_t x = text.find_first_of("xX");
    auto digits = [](const std::string& s) {
        return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
    };
    if (x == std::string::npos || !digits(text.substr(0, x)) || !digits(text.substr(x + 1)))
        return makeError(option + " must be WIDTHxHEIGHT in pixels, e.g. 1600x1000 (got '" + text + "')");
    auto side = [&](const std::string& s) -> long long {
        return s.size() > 9 ? -1 : std::stoll(s);  // more than 9 digits: out of range whatever it is
    };
    const long long w = side(text.substr(0, x)), h = side(text.substr(x + 1));
    if (w < 64 || h < 64 || w > maxSide || h > maxSide)
        return makeError(option + " " + text + " is out of range: " + range);
    return std::pair<int, int>{int(w), int(h)};
}

int fail(const Error& error) {
    return error.kind == ErrorKind::Option ? failOption(error.message) : fail(error.message);
}

std::string closestWord(const std::string& typed, const std::vector<std::string>& words) {
    std::string best;
    size_t bestDistance = std::max<size_t>(1, typed.size() / 3) + 1;
    for (const auto& w : words) {
        const size_t d = editDistance(typed, w);
        if (d < bestDistance) {
            bestDistance = d;
            best = w;
        }
    }
    return best;
}

std::string didYouMean(const CLI::App& app, int argc, const char* const* argv) {
    const CLI::App* current = &app;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word == "--") break;
        if (word.size() > 1 && word[0] == '-') {
            // An option: skip its value when it takes one and it is not glued on.
            if (word.find('=') != std::string::npos) continue;
            const CLI::Option* opt = nullptr;
            for (const CLI::App* a = current; a && !opt; a = a->get_parent()) opt = a->get_option_no_throw(word);
            if (opt && opt->get_items_expected_min() > 0) ++i;
            continue;
        }
        std::vector<std::string> names;
        for (const CLI::App* sub : current->get_subcommands([](const CLI::App*) { return true; })) {
            if (sub->get_name() == word) {
                current = sub;
                names.clear();
                break;
            }
            names.push_back(sub->get_name());
        }
        if (names.empty()) continue;  // descended into a subcommand, or a command's own argument
        const std::string what = current == &app ? "command" : current->get_name() + " command";
        const std::string near = closestWord(word, names);
        std::string list;
        for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
        return "unknown " + what + " '" + word + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?") +
               " (commands: " + list + ")";
    }
    return {};
}

}  // namespace bl::cli
