#include "io/connection_text.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace bl::io {

namespace {

using Span = std::pair<size_t, size_t>;  // [begin, end) of a secret

char lower(char c) { return char(std::tolower(static_cast<unsigned char>(c))); }
bool space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

bool equalsCi(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool startsWithCi(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && equalsCi(s.substr(0, prefix.size()), prefix);
}

// The value after "<key> = " at `k` (libpq's conninfo rules), or after
// "?key=" / "&key=" in a URI query.
Span keywordValue(std::string_view s, size_t k, bool inQuery) {
    size_t m = k;
    if (inQuery) {
        while (m < s.size() && s[m] != '&' && s[m] != '#' && !space(s[m])) ++m;
        return {k, m};
    }
    if (k < s.size() && s[k] == '\'') {
        for (m = k + 1; m < s.size() && s[m] != '\''; ++m)
            if (s[m] == '\\') ++m;
        return {k + 1, std::min(m, s.size())};
    }
    for (; m < s.size() && !space(s[m]); ++m)
        if (s[m] == '\\') ++m;
    return {k, std::min(m, s.size())};
}

void keywordSecrets(std::string_view s, std::vector<Span>& out) {
    constexpr std::string_view kKey = "password";
    for (size_t i = 0; i < s.size();) {
        if (!identChar(s[i])) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < s.size() && identChar(s[j])) ++j;
        const std::string_view ident = s.substr(i, j - i);
        const bool inQuery = i > 0 && (s[i - 1] == '?' || s[i - 1] == '&');
        size_t k = j;
        if (ident.size() >= kKey.size() && equalsCi(ident.substr(ident.size() - kKey.size()), kKey)) {
            while (k < s.size() && space(s[k]) && !inQuery) ++k;
            if (k < s.size() && s[k] == '=') {
                ++k;
                while (k < s.size() && space(s[k]) && !inQuery) ++k;
                const Span v = keywordValue(s, k, inQuery);
                if (v.second > v.first) out.push_back(v);
            }
        }
        i = j;
    }
}

void uriSecrets(std::string_view s, std::vector<Span>& out) {
    for (size_t p = 0; p < s.size(); ++p) {
        size_t t = 0;
        for (std::string_view scheme : {"postgresql://", "postgres://"})
            if (startsWithCi(s.substr(p), scheme)) {
                t = p + scheme.size();
                break;
            }
        if (!t) continue;
        size_t e = t;
        while (e < s.size() && !space(s[e]) && s[e] != '?' && s[e] != '#') ++e;
        const size_t at = s.substr(t, e - t).rfind('@');
        if (at == std::string_view::npos) continue;
        const size_t colon = s.substr(t, at).find(':');
        if (colon != std::string_view::npos && colon + 1 < at) out.push_back({t + colon + 1, t + at});
    }
}

}  // namespace

bool isPostgresSource(std::string_view source) {
    return startsWithCi(source, "PG:") || startsWithCi(source, "PGB:") || source.substr(0, 13) == "postgresql://";
}

std::string maskSecrets(std::string_view text) {
    std::vector<Span> secrets;
    keywordSecrets(text, secrets);
    uriSecrets(text, secrets);
    std::sort(secrets.begin(), secrets.end());
    std::string out;
    out.reserve(text.size());
    size_t done = 0;
    for (const auto& [begin, end] : secrets) {
        if (end <= done) continue;  // inside one already hidden
        if (begin >= done) {
            out.append(text.substr(done, begin - done));
            out += "***";
        }
        done = end;  // an overlap extends the hidden span
    }
    out.append(text.substr(done));
    return out;
}

}  // namespace bl::io
