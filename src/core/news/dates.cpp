#include "core/news/dates.hpp"

#include <cctype>
#include <cstdio>

#include "core/news/extract.hpp"

namespace bl {

namespace news {

namespace {

int monthOf(const Lexicon& lex, const std::string& w) {
    for (size_t i = 0; i < lex.months.size(); ++i) {
        const std::string& m = lex.months[i];
        if (w == m) return int(i) + 1;
        // "Jan", "Sept" (but not "Mar", "May"... as words)
        if (w.size() >= 3 && w.size() <= 4 && m.compare(0, w.size(), w) == 0 && !lex.monthPrefixExceptions.count(w))
            return int(i) + 1;
    }
    return 0;
}

int dayOf(const Lexicon& lex, const Token& t) {
    if (t.type == Tok::Word)
        for (size_t i = 0; i < lex.ordinalDays.size(); ++i)
            if (t.low == lex.ordinalDays[i]) return int(i) + 1;
    const std::string& w = t.low;
    size_t k = 0;
    while (k < w.size() && std::isdigit(static_cast<unsigned char>(w[k]))) ++k;
    if (k == 0 || k > 2) return 0;
    const std::string suf = w.substr(k);
    if (!suf.empty() && suf != "st" && suf != "nd" && suf != "rd" && suf != "th") return 0;
    const int d = std::stoi(w.substr(0, k));
    return d >= 1 && d <= 31 ? d : 0;
}

int weekdayOf(const Lexicon& lex, const std::string& w) {
    for (size_t i = 0; i < lex.weekdays.size(); ++i)
        if (w == lex.weekdays[i]) return int(i);
    return -1;
}

// Days since 1970-01-01 (proleptic Gregorian).
long daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(long z, int* y, int* m, int* d) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    *d = int(doy - (153 * mp + 2) / 5 + 1);
    *m = int(mp < 10 ? mp + 3 : mp - 9);
    *y = int(yoe + era * 400 + (*m <= 2));
}

std::string isoDate(int y, int m, int d) {
    char buf[48];
    if (y) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else std::snprintf(buf, sizeof buf, "--%02d-%02d", m, d);
    return buf;
}

}  // namespace

int yearOf(const Token& t) {
    if (t.type != Tok::Number || t.low.size() != 4) return 0;
    const int y = std::stoi(t.low);
    return y >= 1900 && y <= 2100 ? y : 0;
}

std::optional<DocDate> dateAt(const Lexicon& lex, const std::vector<Token>& t, size_t i, size_t* end) {
    auto tok = [&](size_t k) -> const Token* { return k < t.size() ? &t[k] : nullptr; };
    auto yearAfter = [&](size_t k, size_t* e) -> int {
        if (tok(k) && t[k].low == ",") ++k;
        if (tok(k) && yearOf(t[k])) { *e = k + 1; return yearOf(t[k]); }
        return 0;
    };
    DocDate d;
    size_t e = i;
    // 2025-01-15
    if (yearOf(t[i]) && tok(i + 4) && t[i + 1].low == "-" && t[i + 2].type == Tok::Number && t[i + 3].low == "-" &&
        t[i + 4].type == Tok::Number) {
        const int m = std::stoi(t[i + 2].low), dd = std::stoi(t[i + 4].low);
        if (isCalendarDate(yearOf(t[i]), m, dd)) {
            d.year = yearOf(t[i]);
            d.month = m;
            d.day = dd;
            e = i + 5;
        }
    }
    // January 15[, 2025] / January the fifteenth
    if (!d.month && t[i].type == Tok::Word && monthOf(lex, t[i].low)) {
        size_t k = i + 1;
        if (tok(k) && t[k].low == ".") ++k;
        if (tok(k) && t[k].low == "the") ++k;
        if (tok(k) && dayOf(lex, t[k])) {
            d.month = monthOf(lex, t[i].low);
            d.day = dayOf(lex, t[k]);
            e = k + 1;
            d.year = yearAfter(k + 1, &e);
        }
    }
    // 15 January [2025] / the fifteenth of January[, 2025]
    if (!d.month && dayOf(lex, t[i])) {
        size_t k = i + 1;
        if (tok(k) && t[k].low == "of") ++k;
        if (tok(k) && t[k].type == Tok::Word && monthOf(lex, t[k].low)) {
            d.month = monthOf(lex, t[k].low);
            d.day = dayOf(lex, t[i]);
            e = k + 1;
            d.year = yearAfter(k + 1, &e);
        }
    }
    if (!d.month || !isCalendarDate(d.year, d.month, d.day)) return std::nullopt;  // "February 30"
    *end = e;
    d.iso = isoDate(d.year, d.month, d.day);
    d.status = d.year ? DateStatus::Inferred : DateStatus::Partial;
    d.note = d.year ? "date stated in the text" : "month and day stated, year not stated";
    return d;
}

std::optional<DocDate> eventDate(const Lexicon& lex, const std::vector<Token>& t, const DocDate& docDate) {
    for (size_t i = 0; i < t.size(); ++i) {
        size_t end = 0;
        if (auto d = dateAt(lex, t, i, &end)) {
            // The year of the document, or the one before for a month after
            // it (not when that year has no 29 February).
            const int year = docDate.year - (d->month > docDate.month ? 1 : 0);
            if (!d->year && docDate.year && isCalendarDate(year, d->month, d->day)) {
                d->year = year;
                d->iso = isoDate(d->year, d->month, d->day);
                d->status = DateStatus::Inferred;
                d->note = "month and day stated, year of the document date";
            }
            return d;
        }
        const int wd = weekdayOf(lex, t[i].low);
        if (wd >= 0 && i > 0 && t[i - 1].low == "on" && docDate.year && docDate.day) {
            // "on Monday": the last such day on or before the document date.
            const long dd = daysFromCivil(docDate.year, docDate.month, docDate.day);
            const int docWd = int(((dd % 7) + 11) % 7);  // 1970-01-01 was a Thursday
            const long ev = dd - ((docWd - wd + 7) % 7);
            DocDate r;
            civilFromDays(ev, &r.year, &r.month, &r.day);
            r.iso = isoDate(r.year, r.month, r.day);
            r.status = DateStatus::Inferred;
            r.note = "weekday on or before the document date";
            return r;
        }
    }
    return std::nullopt;
}

std::string findPeriod(const std::vector<Token>& t) {
    for (size_t i = 0; i + 2 < t.size(); ++i) {
        const int y0 = yearOf(t[i]);
        if (!y0) continue;
        if ((t[i + 1].low == "-" || t[i + 1].low == "to" || t[i + 1].low == "/") && t[i + 2].type == Tok::Number) {
            int y1 = 0;
            if (t[i + 2].low.size() == 4) y1 = yearOf(t[i + 2]);
            else if (t[i + 2].low.size() == 2) y1 = (y0 / 100) * 100 + std::stoi(t[i + 2].low);
            if (y1 > y0 && y1 - y0 <= 20) return std::to_string(y0) + "\u2013" + std::to_string(y1);
        }
    }
    for (size_t i = 1; i < t.size(); ++i)
        if (yearOf(t[i]) && t[i - 1].low == "for") return std::to_string(yearOf(t[i]));
    return {};
}

}  // namespace news

bool isCalendarDate(int year, int month, int day) {
    static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
    if (month != 2 || day != 29 || year == 0) return true;
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

namespace {

// The number written by `digits` ASCII digits at `at`, else -1.
int digitsAt(std::string_view s, size_t at, size_t digits) {
    if (at + digits > s.size()) return -1;
    int v = 0;
    for (size_t i = at; i < at + digits; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

const char* monthName(int m) {
    static const char* const kNames[12] = {"January", "February", "March",     "April",   "May",      "June",
                                           "July",    "August",   "September", "October", "November", "December"};
    return m >= 1 && m <= 12 ? kNames[m - 1] : nullptr;
}

}  // namespace

std::string displayDate(std::string_view iso) {
    if (iso.empty() || iso == "unknown") return "date unknown";
    const bool noYear = iso.rfind("--", 0) == 0;
    const int year = noYear ? 0 : digitsAt(iso, 0, 4);
    const size_t m = noYear ? 2 : 5;  // where the month starts
    if (!noYear && year < 0) return std::string(iso);
    if (!noYear && iso.size() == 4) return std::string(iso);
    if (!noYear && iso[4] != '-') return std::string(iso);
    const int month = digitsAt(iso, m, 2);
    if (!monthName(month)) return std::string(iso);
    std::string text = monthName(month);
    text += ' ';
    text += noYear ? std::string("(year not given)") : std::to_string(year);
    if (iso.size() == m + 2) return text;  // "January 2024"
    const int day = iso.size() == m + 5 && iso[m + 2] == '-' ? digitsAt(iso, m + 3, 2) : -1;
    if (day < 0 || !isCalendarDate(year, month, day)) return std::string(iso);
    if (!noYear) return std::string(iso);
    std::string out = std::to_string(day);
    out += ' ';
    return out + text;  // "15 January (year not given)"
}

DocDate findDate(std::string_view text, Span range, const Lexicon& lexicon) {
    news::FoldCache fc;
    for (const Sentence& s : splitSentences(text, range, lexicon)) {
        const auto t = news::tokenize(text, s.span, fc);
        for (size_t i = 0; i < t.size(); ++i) {
            size_t end = 0;
            if (auto d = news::dateAt(lexicon, t, i, &end)) return *d;
        }
    }
    return {};
}

}  // namespace bl
