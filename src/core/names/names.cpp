#include "core/names/names.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <algorithm>

namespace bl {

namespace {

// Type prefixes. Some folded prefixes are also ordinary name words ("Quan
// Sơn" is not "Quận Sơn", "Xa" and "Phương" begin names too), so those are
// recognised only with their diacritics, in the case-folded NFC text; the
// rest are unambiguous once folded. Longest first.
constexpr std::array kMarkedPrefixes = {
    "thành phố ", "thị trấn ", "thị xã ", "đặc khu ", "tỉnh ", "huyện ", "quận ", "phường ", "xã ",
};
constexpr std::array kFoldedPrefixes = {
    "thanh pho ", "thi tran ", "thi xa ", "tinh ", "huyen ", "muang ", "meuang ", "mueang ", "khoueng ",
    "khouaeng ", "province of ", "district of ", "city of ",
};
constexpr std::array kSuffixes = {
    " province", " district", " commune", " ward", " city", " town", " capital",
};

// Case-folded, NFC, with single spaces: "  Huyện  Hướng Hóa" -> "huyện hướng hóa".
std::string foldCaseOnly(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size())));
    u.foldCase();
    if (U_SUCCESS(status)) {
        icu::UnicodeString n = nfc->normalize(u, status);
        if (U_SUCCESS(status)) u = n;
    }
    std::string s;
    u.toUTF8String(s);
    std::string r;
    for (char ch : s) {
        const bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
        if (space && (r.empty() || r.back() == ' ')) continue;
        r.push_back(space ? ' ' : ch);
    }
    return r;
}

std::string toFoldedAscii(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size())));
    icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(in, status) : in;
    if (U_FAILURE(status)) decomposed = in;

    icu::UnicodeString out;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        const int8_t type = u_charType(c);
        if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK)
            continue;
        if (c == 0x0110 || c == 0x0111) c = 'd';  // Đ đ do not decompose
        if (u_isalnum(c)) {
            out.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
        } else {
            out.append(UChar32(' '));
        }
    }
    std::string s;
    out.toUTF8String(s);
    // Collapse runs of spaces, trim.
    std::string r;
    r.reserve(s.size());
    for (char ch : s) {
        if (ch == ' ' && (r.empty() || r.back() == ' ')) continue;
        r.push_back(ch);
    }
    while (!r.empty() && r.back() == ' ') r.pop_back();
    return r;
}

bool startsWith(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }
bool endsWith(const std::string& s, std::string_view p) {
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

}  // namespace

std::string foldText(std::string_view utf8) { return toFoldedAscii(utf8); }

std::string foldName(std::string_view utf8) {
    // Strip at most one prefix and one suffix, but never the whole name
    // ("Xã" alone stays "xa").
    const std::string marked = foldCaseOnly(utf8);
    std::string s;
    for (std::string_view p : kMarkedPrefixes) {
        if (startsWith(marked, p) && marked.size() > p.size()) { s = toFoldedAscii(marked.substr(p.size())); break; }
    }
    if (s.empty()) {
        s = toFoldedAscii(utf8);
        for (std::string_view p : kFoldedPrefixes) {
            if (startsWith(s, p) && s.size() > p.size()) { s.erase(0, p.size()); break; }
        }
    }
    for (std::string_view p : kSuffixes) {
        if (endsWith(s, p) && s.size() > p.size()) { s.erase(s.size() - p.size()); break; }
    }
    return s;
}

std::string compactKey(std::string_view folded) {
    std::string r;
    r.reserve(folded.size());
    for (char c : folded)
        if (c != ' ') r.push_back(c);
    return r;
}

void AliasTable::addGroup(const std::vector<std::string>& spellings) {
    if (spellings.empty()) return;
    const std::string canon = foldName(spellings.front());
    for (const auto& s : spellings) m_canon[compactKey(foldName(s))] = canon;
    ++m_groups;
}

std::string AliasTable::canonical(const std::string& folded) const {
    auto it = m_canon.find(compactKey(folded));
    return it == m_canon.end() ? folded : it->second;
}

bool AliasTable::known(const std::string& folded) const { return m_canon.count(compactKey(folded)) != 0; }

size_t editDistance(std::string_view a, std::string_view b) {
    // Optimal string alignment: insertions, deletions, substitutions and
    // transpositions of adjacent letters ("hao" vs "hoa") cost one each.
    const size_t n = a.size(), m = b.size();
    std::vector<size_t> d((n + 1) * (m + 1));
    auto at = [&](size_t i, size_t j) -> size_t& { return d[i * (m + 1) + j]; };
    for (size_t i = 0; i <= n; ++i) at(i, 0) = i;
    for (size_t j = 0; j <= m; ++j) at(0, j) = j;
    for (size_t i = 1; i <= n; ++i)
        for (size_t j = 1; j <= m; ++j) {
            const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, at(i - 2, j - 2) + 1);
            at(i, j) = v;
        }
    return at(n, m);
}

}  // namespace bl
