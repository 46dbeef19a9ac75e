#include "core/news/extract.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <deque>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/names/names.hpp"

namespace bl {

namespace {

// ---------------------------------------------------------------- text basics

char32_t decode(std::string_view s, size_t i, size_t* len) {
    const auto c = static_cast<unsigned char>(s[i]);
    auto cont = [&](size_t k) { return i + k < s.size() ? (static_cast<unsigned char>(s[i + k]) & 0x3F) : 0; };
    if (c < 0x80) { *len = 1; return c; }
    if ((c >> 5) == 0x6) { *len = 2; return ((c & 0x1F) << 6) | cont(1); }
    if ((c >> 4) == 0xE) { *len = 3; return ((c & 0x0F) << 12) | (cont(1) << 6) | cont(2); }
    *len = 4;
    return ((c & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
}

bool isWordChar(char32_t c) {
    if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
    const int8_t t = u_charType(static_cast<UChar32>(c));
    return u_isalnum(static_cast<UChar32>(c)) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string asciiLower(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && isSpace(s[b])) ++b;
    while (e > b && isSpace(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

// ---------------------------------------------------------------- tokens

enum class Tok { Word, Number, Punct };

struct Token {
    size_t b = 0, e = 0;
    Tok type = Tok::Punct;
    bool cap = false;
    std::string low;  // folded: lower case, marks removed
};

// Folding a token with ICU is the costly step; articles repeat words.
class FoldCache {
public:
    const std::string& fold(std::string_view w) {
        auto it = m_map.find(std::string(w));
        if (it != m_map.end()) return it->second;
        bool ascii = true;
        for (char c : w) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        std::string f = ascii ? asciiLower(w) : foldText(w);
        if (f.empty()) f = asciiLower(w);
        if (m_map.size() > 200000) m_map.clear();
        return m_map.emplace(std::string(w), std::move(f)).first->second;
    }

private:
    std::unordered_map<std::string, std::string> m_map;
};

std::vector<Token> tokenize(std::string_view text, Span r, FoldCache& fc) {
    std::vector<Token> out;
    size_t i = r.begin;
    while (i < r.end) {
        size_t len = 1;
        const char32_t c = decode(text, i, &len);
        if (isSpace(text[i])) { ++i; continue; }
        if (isWordChar(c)) {
            const size_t b = i;
            bool digits = std::isdigit(static_cast<int>(c < 0x80 ? c : 'x')) != 0;
            bool allDigits = true;
            while (i < r.end) {
                size_t l2 = 1;
                const char32_t d = decode(text, i, &l2);
                if (isWordChar(d)) {
                    allDigits = allDigits && d < 0x80 && std::isdigit(static_cast<int>(d));
                    i += l2;
                    continue;
                }
                // A hyphen joins letters when a lower-case letter follows: "Xa-van-na-khet".
                if (d == '-' && !digits && i + 1 < r.end) {
                    size_t l3 = 1;
                    const char32_t nx = decode(text, i + 1, &l3);
                    if (isWordChar(nx) && !u_isupper(static_cast<UChar32>(nx)) &&
                        !(nx < 0x80 && std::isdigit(static_cast<int>(nx)))) {
                        i += 1;
                        continue;
                    }
                }
                break;
            }
            Token t;
            t.b = b;
            t.e = i;
            t.type = allDigits ? Tok::Number : Tok::Word;
            t.cap = u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
            t.low = fc.fold(text.substr(b, i - b));
            out.push_back(std::move(t));
        } else {
            Token t;
            t.b = i;
            t.e = i + len;
            t.type = Tok::Punct;
            // Normalise the punctuation we reason about.
            if (c == 0x2019 || c == 0x2018 || c == '\'') t.low = "'";
            else if (c == 0x2013 || c == 0x2014 || c == '-' || c == 0x2012 || c == 0x2212) t.low = "-";
            else if (c == 0x201C || c == 0x201D) t.low = "\"";
            else t.low = std::string(text.substr(i, len));
            out.push_back(std::move(t));
            i += len;
        }
    }
    return out;
}

// ---------------------------------------------------------------- word lists

const std::unordered_set<std::string>& stopCaps() {
    // Capitalised words that are never part of a place name: function words
    // at a sentence start, organisation and title words, months, days.
    static const std::unordered_set<std::string> s = {
        "the", "on", "in", "at", "under", "with", "during", "after", "before", "for", "from", "to", "by",
        "of", "and", "or", "this", "that", "these", "those", "both", "two", "three", "four", "its", "their", "his",
        "her", "our", "it", "they", "he", "she", "we", "as", "while", "following", "meanwhile", "besides", "also",
        "according", "alongside", "since", "currently", "today", "yesterday", "last", "next", "over", "about",
        "among", "however", "all", "each", "many", "more", "most", "some", "such", "other", "another", "there",
        "here", "when", "where", "what", "who", "which", "how", "why", "if", "but", "so", "then", "earlier", "later",
        "speaking", "addressing", "at", "upon", "through", "within", "representatives", "leaders", "officials",
        "military", "command", "commands", "defence", "defense", "region", "zone", "border", "guard", "guards",
        "company", "battalion", "team", "station", "stations", "post", "posts", "gate", "gates", "international",
        "national", "main", "auxiliary", "secondary", "crossing", "checkpoint", "province", "provinces",
        "provincial", "district", "districts", "commune", "communes", "town", "city", "ward", "village", "people",
        "committee", "authorities", "department", "police", "public", "security", "army", "force", "forces",
        "office", "party", "ministry", "ministries", "government", "embassy", "consulate", "university", "hospital",
        "school", "bank", "union", "association", "federation", "front", "fatherland", "youth", "women", "steering",
        "central", "general", "secretary", "minister", "deputy", "president", "chairman", "chairwoman", "vice",
        "colonel", "lieutenant", "major", "senior", "commander", "director", "head", "chief", "ambassador", "mr",
        "mrs", "ms", "dr", "prime", "foreign", "affairs", "politburo", "assembly", "council", "conference",
        "consultation", "congress", "agreement", "memorandum", "plan", "programme", "program", "friendship",
        "road", "park", "bridge", "highway", "route", "river", "airport", "port", "corridor", "economic", "zone",
        "photo", "vna", "vns", "kpl", "vov", "see", "read", "related", "source", "news", "capital", "year",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mekong", "asean", "un", "vietnam", "vietnamese", "laos", "lao", "laotian", "viet", "pdr", "socialist",
        "republic", "democratic", "state", "states", "communist", "high", "level", "sector", "sectors", "delegation",
        "cooperation", "relations", "twin", "twinning", "sister", "no", "hq", "headquarters", "unit", "units",
        "cambodia", "cambodian", "thailand", "thai", "china", "chinese", "myanmar", "japan", "japanese", "korea",
        "korean", "singapore", "malaysia", "indonesia", "philippines", "france", "french", "russia", "russian",
        "india", "indian", "australia", "australian", "america", "american", "us", "usa", "venezuela", "venezuelan",
        "cuba", "cuban", "yunnan", "guangxi", "colonels", "soldiers", "officers", "residents", "farmers",
    };
    return s;
}

enum class Side { VN, LA, Third };

// A country named by the token(s) at i: "Vietnam", "Việt Nam", "Lao", ...
// Sets *len to the number of tokens used.
std::optional<Side> countryAt(const std::vector<Token>& t, size_t i, size_t* len) {
    *len = 1;
    if (i >= t.size() || t[i].type != Tok::Word) return std::nullopt;
    const std::string& w = t[i].low;
    if (w == "viet" && i + 1 < t.size() && t[i + 1].low == "nam") { *len = 2; return Side::VN; }
    if (w == "vietnam" || w == "vietnamese") return Side::VN;
    if (w == "laos" || w == "lao" || w == "laotian") return Side::LA;
    static const std::unordered_set<std::string> third = {
        "cambodia", "cambodian", "thailand", "thai", "china", "chinese", "myanmar", "burma", "burmese", "japan",
        "japanese", "korea", "korean", "singapore", "malaysia", "malaysian", "indonesia", "indonesian",
        "philippines", "philippine", "france", "french", "russia", "russian", "india", "indian", "australia",
        "australian", "america", "american", "usa", "venezuela", "venezuelan", "cuba", "cuban", "yunnan",
        "guangxi", "kampuchea"};
    if (third.count(w)) return Side::Third;
    return std::nullopt;
}

std::optional<Level> typeWordLevel(const std::string& w, bool* plural, bool* village) {
    *plural = false;
    *village = false;
    if (w == "province" || w == "provinces") { *plural = w.back() == 's'; return Level::Province; }
    if (w == "district" || w == "districts") { *plural = w.back() == 's'; return Level::District; }
    if (w == "commune" || w == "communes" || w == "ward" || w == "wards" || w == "town" || w == "township") {
        *plural = w.back() == 's';
        return Level::Commune;
    }
    if (w == "village" || w == "villages" || w == "hamlet" || w == "hamlets") {
        *plural = w.back() == 's';
        *village = true;
    }
    return std::nullopt;
}

bool isTypeWord(const std::string& w) {
    bool p, v;
    return typeWordLevel(w, &p, &v).has_value() || v || w == "city" || w == "cities";
}

const std::array<const char*, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                             "july",    "august",   "september", "october", "november", "december"};

int monthOf(const std::string& w) {
    for (size_t i = 0; i < kMonths.size(); ++i) {
        if (w == kMonths[i]) return int(i) + 1;
        if (w.size() >= 3 && w.size() <= 4 && std::string(kMonths[i]).compare(0, w.size(), w) == 0 && w != "may" &&
            w != "mar" && w != "jun")
            return int(i) + 1;  // "Jan", "Sept" (but not "Mar", "May"... as words)
    }
    return 0;
}

int dayOf(const Token& t) {
    static const std::map<std::string, int> words = {
        {"first", 1},          {"second", 2},         {"third", 3},          {"fourth", 4},
        {"fifth", 5},          {"sixth", 6},          {"seventh", 7},        {"eighth", 8},
        {"ninth", 9},          {"tenth", 10},         {"eleventh", 11},      {"twelfth", 12},
        {"thirteenth", 13},    {"fourteenth", 14},    {"fifteenth", 15},     {"sixteenth", 16},
        {"seventeenth", 17},   {"eighteenth", 18},    {"nineteenth", 19},    {"twentieth", 20},
        {"twenty-first", 21},  {"twenty-second", 22}, {"twenty-third", 23},  {"twenty-fourth", 24},
        {"twenty-fifth", 25},  {"twenty-sixth", 26},  {"twenty-seventh", 27}, {"twenty-eighth", 28},
        {"twenty-ninth", 29},  {"thirtieth", 30},     {"thirty-first", 31}};
    if (t.type == Tok::Word) {
        auto it = words.find(t.low);
        if (it != words.end()) return it->second;
    }
    const std::string& w = t.low;
    size_t k = 0;
    while (k < w.size() && std::isdigit(static_cast<unsigned char>(w[k]))) ++k;
    if (k == 0 || k > 2) return 0;
    const std::string suf = w.substr(k);
    if (!suf.empty() && suf != "st" && suf != "nd" && suf != "rd" && suf != "th") return 0;
    const int d = std::stoi(w.substr(0, k));
    return d >= 1 && d <= 31 ? d : 0;
}

int yearOf(const Token& t) {
    if (t.type != Tok::Number || t.low.size() != 4) return 0;
    const int y = std::stoi(t.low);
    return y >= 1900 && y <= 2100 ? y : 0;
}

int weekdayOf(const std::string& w) {
    static const std::array<const char*, 7> d = {"sunday",   "monday", "tuesday", "wednesday",
                                                 "thursday", "friday", "saturday"};
    for (size_t i = 0; i < d.size(); ++i)
        if (w == d[i]) return int(i);
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

// A date expression starting at token i, or nullopt. Sets *end past it.
std::optional<DocDate> dateAt(const std::vector<Token>& t, size_t i, size_t* end) {
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
        if (m >= 1 && m <= 12 && dd >= 1 && dd <= 31) {
            d.year = yearOf(t[i]);
            d.month = m;
            d.day = dd;
            e = i + 5;
        }
    }
    // January 15[, 2025] / January the fifteenth
    if (!d.month && t[i].type == Tok::Word && monthOf(t[i].low)) {
        size_t k = i + 1;
        if (tok(k) && t[k].low == ".") ++k;
        if (tok(k) && t[k].low == "the") ++k;
        if (tok(k) && dayOf(t[k])) {
            d.month = monthOf(t[i].low);
            d.day = dayOf(t[k]);
            e = k + 1;
            d.year = yearAfter(k + 1, &e);
        }
    }
    // 15 January [2025] / the fifteenth of January[, 2025]
    if (!d.month && dayOf(t[i])) {
        size_t k = i + 1;
        if (tok(k) && t[k].low == "of") ++k;
        if (tok(k) && t[k].type == Tok::Word && monthOf(t[k].low)) {
            d.month = monthOf(t[k].low);
            d.day = dayOf(t[i]);
            e = k + 1;
            d.year = yearAfter(k + 1, &e);
        }
    }
    if (!d.month) return std::nullopt;
    *end = e;
    d.iso = isoDate(d.year, d.month, d.day);
    d.status = d.year ? DateStatus::Inferred : DateStatus::Partial;
    d.note = d.year ? "date stated in the text" : "month and day stated, year not stated";
    return d;
}

// ---------------------------------------------------------------- sentence analysis

struct Slot {
    size_t i0 = 0, i1 = 0;  // tokens [i0, i1)
    std::string text;
    std::optional<Level> level;
    bool plural = false;     // followed by a plural type word
    bool village = false;
    bool city = false;
    std::optional<Side> side;
    bool used = false;
};

enum class ItemKind { Org, Place, Gate, Station };

struct Item {
    ItemKind kind = ItemKind::Org;
    std::string name;        // normalised display name
    int slot = -1;           // the place it is tied to
    std::string placeText;   // place as written (from the slot or a qualifier)
    std::string parentText;  // enclosing place from a qualifier
    std::optional<Level> level;
    std::optional<Side> side;
    size_t i0 = 0, i1 = 0;
    int group = -1;
    bool qualifier = false;  // names the parent of another item, not a party
    bool venue = false;      // where something happened, not a party
    bool reporter = false;   // the one announcing, not a party
    bool gateNamed = false;  // a station named after a border gate
    std::string gateName;    // display name of the gate ("Tây Trang International Border Gate")
    std::string gateKey;     // the gate's own name ("Tây Trang")
};

const std::unordered_set<std::string>& cueTwin() {
    static const std::unordered_set<std::string> s = {"twin", "twins", "twinned", "twinning"};
    return s;
}

bool isPactNoun(const std::vector<Token>& t, size_t i) {
    static const std::unordered_set<std::string> s = {
        "agreement", "agreements", "memorandum", "memoranda", "mou", "mous", "plan", "plans", "programme",
        "programmes", "program", "programs", "framework", "frameworks", "accord", "accords", "protocol",
        "regulation", "regulations", "pact", "charter", "minutes", "deal"};
    if (!s.count(t[i].low)) return false;
    if ((t[i].low == "plan" || t[i].low == "plans") && i + 1 < t.size() && t[i + 1].low == "to") return false;
    if (t[i].low == "minutes" && i > 0 && t[i - 1].type == Tok::Number) return false;
    return true;
}

bool isOtherCue(const std::string& w) {
    static const std::array<const char*, 14> stems = {"cooperat", "collaborat", "coordinat", "partner",
                                                      "support",  "assist",     "exchang",   "help",
                                                      "jointly",  "work together", "ties",   "pledg",
                                                      "agreed",   "talks"};
    for (const char* s : stems)
        if (w.compare(0, std::strlen(s), s) == 0) return true;
    return false;
}

struct Cue {
    std::optional<LinkKind> kind;
    Span span;
};

Cue findCue(const std::vector<Token>& t) {
    Cue twin, pact, other;
    for (size_t i = 0; i < t.size(); ++i) {
        const std::string& w = t[i].low;
        if (t[i].type != Tok::Word) continue;
        if (!twin.kind && (cueTwin().count(w) || w.compare(0, 5, "twin-") == 0)) {
            twin.kind = LinkKind::Twinning;
            twin.span = {t[i].b, t[i].e};
        }
        // "sister" only as a relation between places or units, not kinship.
        if (!twin.kind && (w == "sister" || w.compare(0, 7, "sister-") == 0) && i + 1 < t.size()) {
            static const std::unordered_set<std::string> rel = {
                "province", "provinces", "city",      "cities",    "district", "districts", "commune",
                "communes", "unit",      "units",     "relationship", "relations", "ties", "localities",
                "locality", "towns",     "town",      "-"};
            if (rel.count(t[i + 1].low) || w.size() > 7) {
                twin.kind = LinkKind::Twinning;
                twin.span = {t[i].b, t[i + 1].e};
            }
        }
        if (!pact.kind && isPactNoun(t, i)) {
            pact.kind = LinkKind::CooperationPlan;
            pact.span = {t[i].b, t[i].e};
        }
        if (!other.kind && isOtherCue(w)) {
            other.kind = LinkKind::Other;
            other.span = {t[i].b, t[i].e};
        }
    }
    if (twin.kind) return twin;
    if (pact.kind) return pact;
    return other;
}

bool hasAnaphor(const std::vector<Token>& t) {
    static const std::unordered_set<std::string> s = {"ceremony", "signing", "event", "occasion", "documents",
                                                      "document", "agreement", "deal", "pact", "meeting"};
    for (const auto& x : t)
        if (s.count(x.low)) return true;
    return false;
}

// "2026–2030", "2026-30", "from 2026 to 2030", "for 2026".
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

class SentenceAnalyser {
public:
    SentenceAnalyser(const std::vector<Token>& t, const Resolver& res) : t(t), m_res(res) {}

    void run() {
        findSlots();
        findOrgs();
        findPlaces();
        std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.i0 < b.i0; });
        linkQualifiers();
        markVenuesAndReporters();
    }

    const std::vector<Token>& t;
    std::vector<Slot> slots;
    std::vector<Item> items;

private:
    const Resolver& m_res;
    int m_groups = 0;

    const std::string& low(size_t i) const {
        static const std::string none;
        return i < t.size() ? t[i].low : none;
    }
    bool is(size_t i, const char* w) const { return i < t.size() && t[i].low == w; }

    int slotAt(size_t i) const {
        for (size_t k = 0; k < slots.size(); ++k)
            if (slots[k].i0 == i) return int(k);
        return -1;
    }

    void findSlots() {
        const auto& stop = stopCaps();
        size_t i = 0;
        while (i < t.size()) {
            size_t clen = 0;
            const bool country = countryAt(t, i, &clen).has_value();
            if (t[i].type == Tok::Word && t[i].cap && !country && !stop.count(t[i].low)) {
                Slot s;
                s.i0 = i;
                while (i < t.size() && t[i].type == Tok::Word && t[i].cap && !stop.count(t[i].low) &&
                       !countryAt(t, i, &clen))
                    ++i;
                s.i1 = i;
                s.text = std::string(textOf(s.i0, s.i1));
                // A dateline in capitals ("KON TUM —") says where the story
                // was filed; it is never a party.
                bool caps = true;
                for (size_t k = s.i0; k < s.i1 && caps; ++k) {
                    const std::string_view w = textOf(k, k + 1);
                    bool upper = false;
                    for (char c : w) {
                        if (std::islower(static_cast<unsigned char>(c))) caps = false;
                        if (std::isupper(static_cast<unsigned char>(c))) upper = true;
                    }
                    caps = caps && upper && w.size() > 1;
                }
                if (caps) continue;
                slots.push_back(std::move(s));
                continue;
            }
            i += std::max<size_t>(clen, 1);
        }
        for (auto& s : slots) {
            bool plural = false, village = false;
            if (s.i1 < t.size()) {
                s.level = typeWordLevel(t[s.i1].low, &plural, &village);
                s.plural = plural;
                s.village = village;
                s.city = t[s.i1].low == "city";
            }
            // "province of X", "the central province of X"
            if (!s.level && s.i0 >= 2 && t[s.i0 - 1].low == "of") {
                bool p2, v2;
                auto l = typeWordLevel(t[s.i0 - 2].low, &p2, &v2);
                if (l || v2) { s.level = l; s.village = v2; }
            }
            s.side = sideBefore(s.i0);
            if (!s.side) s.side = sideAfter(s.i1 + (s.level || s.village || s.city ? 1 : 0));
        }
        // A plural type word after a list applies to every name in it.
        for (size_t j = slots.size(); j-- > 0;) {
            if (!slots[j].plural) continue;
            for (size_t k = j; k-- > 0;) {
                if (!onlyListGlue(slots[k].i1, slots[k + 1].i0) || slots[k].level || slots[k].village) break;
                slots[k].level = slots[j].level;
                slots[k].village = slots[j].village;
            }
        }
    }

    std::string_view textOf(size_t i0, size_t i1) const { return {m_text->data() + t[i0].b, t[i1 - 1].e - t[i0].b}; }

public:
    const std::string* m_text = nullptr;

private:
    // Only ",", "and", country possessives and "the" between two names.
    bool onlyListGlue(size_t a, size_t b) const {
        if (a >= b) return a == b;
        bool sep = false;
        for (size_t k = a; k < b;) {
            size_t len = 1;
            if (t[k].low == "," || t[k].low == "and" || t[k].low == "&") sep = true;
            else if (countryAt(t, k, &len)) {
                k += len;
                continue;
            } else if (t[k].low == "'" || t[k].low == "s" || t[k].low == "the") {
            } else return false;
            ++k;
        }
        return sep;
    }

    // A country named just before token i, across possessives, "the",
    // adjectives, "province of" and org words: "Laos' Phongsaly",
    // "Vietnamese border guard stations – X".
    std::optional<Side> sideBefore(size_t i) const {
        size_t steps = 0;
        for (size_t k = i; k-- > 0 && steps < 6; ++steps) {
            const std::string& w = t[k].low;
            if (w == "," || w == "and" || w == ";" || w == "(" || w == ")") return std::nullopt;
            size_t len = 0;
            if (k >= 1 && t[k - 1].low == "viet" && w == "nam") return Side::VN;
            if (auto s = countryAt(t, k, &len)) return s;
            if (t[k].type == Tok::Word && t[k].cap && !stopCaps().count(w)) return std::nullopt;  // another name
            if (t[k].type == Tok::Number) return std::nullopt;
        }
        return std::nullopt;
    }

    // "X province of Laos", "X (Laos)", "X, Laos"
    std::optional<Side> sideAfter(size_t i) const {
        size_t len = 0;
        if (i + 1 < t.size() && (t[i].low == "of" || t[i].low == "(" || t[i].low == "in"))
            if (auto s = countryAt(t, i + 1, &len)) return s;
        return std::nullopt;
    }

    // Parses a list of names from token i: [the] [country's] [adj]* [type of]
    // X [, Y] [and Z] [type(s)]. Returns slot indices; *end past the list.
    std::vector<int> placeList(size_t i, size_t* end, std::optional<Level>* level, bool gateWords = false) {
        std::vector<int> out;
        size_t k = i;
        for (size_t guard = 0; guard < 6 && k < t.size(); ++guard) {
            size_t len = 0;
            if (slotAt(k) >= 0) break;
            if (t[k].low == "the" || t[k].low == "'" || t[k].low == "s" || t[k].low == "-" || t[k].low == ":" ||
                t[k].low == "of") { ++k; continue; }
            if (countryAt(t, k, &len)) { k += len; continue; }
            if (isTypeWord(t[k].low) && k + 1 < t.size() && t[k + 1].low == "of") {
                bool p, v;
                *level = typeWordLevel(t[k].low, &p, &v);
                k += 2;
                continue;
            }
            if (t[k].type == Tok::Word && !t[k].cap) { ++k; continue; }  // adjectives: "central", "northern"
            break;
        }
        while (k < t.size()) {
            const int s = slotAt(k);
            if (s < 0) break;
            out.push_back(s);
            k = slots[size_t(s)].i1;
            if (gateWords) k = skipGateWords(k);
            if (k < t.size() && isTypeWord(t[k].low)) {
                bool p, v;
                if (auto l = typeWordLevel(t[k].low, &p, &v)) *level = l;
                ++k;
            }
            // list glue
            size_t j = k;
            bool sep = false;
            while (j < t.size()) {
                size_t len = 0;
                if (t[j].low == "," || t[j].low == "and") { sep = true; ++j; continue; }
                if (t[j].low == "the" || t[j].low == "'" || t[j].low == "s") { ++j; continue; }
                if (countryAt(t, j, &len)) { j += len; continue; }
                break;
            }
            if (!sep || slotAt(j) < 0) break;
            // "X and the Khammouane Provincial People's Committee": a new
            // organisation starts, not a list member.
            static const std::unordered_set<std::string> orgHead = {
                "provincial", "people",  "military", "border",     "party",   "department",
                "police",     "authorities", "committee", "defence", "defense"};
            const size_t after = slots[size_t(slotAt(j))].i1;
            if (after < t.size() && orgHead.count(t[after].low)) break;
            k = j;
        }
        *end = k;
        return out;
    }

    // "International Border Gate", "border gate", "Border Crossing" after a name.
    size_t skipGateWords(size_t k) const {
        size_t j = k;
        static const std::unordered_set<std::string> adj = {"international", "national", "main", "auxiliary",
                                                            "secondary", "sub", "bilateral", "local"};
        while (j < t.size() && adj.count(t[j].low)) ++j;
        if (j + 1 < t.size() && t[j].low == "border" &&
            (t[j + 1].low == "gate" || t[j + 1].low == "crossing" || t[j + 1].low == "checkpoint"))
            return j + 2;
        return k;
    }

    bool gateWordsAt(size_t k) const { return skipGateWords(k) != k; }

    void addOrg(ItemKind kind, std::string name, int slot, size_t i0, size_t i1, int group,
                std::optional<Level> level) {
        Item it;
        it.kind = kind;
        it.name = std::move(name);
        it.slot = slot;
        it.i0 = i0;
        it.i1 = i1;
        it.group = group;
        it.level = level;
        if (slot >= 0) {
            Slot& s = slots[size_t(slot)];
            s.used = true;
            it.placeText = s.text;
            it.side = s.side;
            if (!it.level) it.level = s.level;
        }
        items.push_back(std::move(it));
    }

    static std::string levelWord(std::optional<Level> l) { return l ? std::string(" ") + toString(*l) : ""; }

    void findOrgs() {
        for (size_t i = 0; i < t.size(); ++i) {
            const std::string& w = t[i].low;
            // Military Command(s) of X [and Y] [districts]  /  X [Provincial] Military Command
            if (w == "military" && (is(i + 1, "command") || is(i + 1, "commands"))) {
                size_t end = i + 2;
                if (is(i + 2, "of")) {
                    std::optional<Level> lvl;
                    auto list = placeList(i + 3, &end, &lvl);
                    const int g = m_groups++;
                    for (int s : list)
                        addOrg(ItemKind::Org, "Military Command of " + slots[size_t(s)].text + levelWord(lvl), s, i,
                               end, g, lvl);
                    if (!list.empty()) { i = end - 1; continue; }
                }
                const int s = slotEndingBefore(i);
                if (s >= 0 && !slots[size_t(s)].used) {
                    addOrg(ItemKind::Org, slots[size_t(s)].text + " Military Command", s, slots[size_t(s)].i0,
                           i + 2, m_groups++, Level::Province);
                }
                continue;
            }
            // Defence Command Region 5 - Khe Sanh
            if ((w == "defence" || w == "defense") && is(i + 1, "command") && i + 3 < t.size() &&
                (is(i + 2, "region") || is(i + 2, "zone") || is(i + 2, "area")) && t[i + 3].type == Tok::Number) {
                size_t k = i + 4;
                if (is(k, "-") || is(k, ",")) ++k;
                const int s = slotAt(k);
                std::string name = "Defence Command " + std::string(textOf(i + 2, i + 4));
                if (s >= 0) {
                    addOrg(ItemKind::Org, name + " - " + slots[size_t(s)].text, s, i, slots[size_t(s)].i1,
                           m_groups++, std::nullopt);
                    i = slots[size_t(s)].i1 - 1;
                } else {
                    addOrg(ItemKind::Org, name, -1, i, i + 4, m_groups++, std::nullopt);
                }
                continue;
            }
            if (w == "border" && (is(i + 1, "guard") || is(i + 1, "guards"))) {
                const std::string& n2 = low(i + 2);
                // Border Guard Company 119
                if ((n2 == "company" || n2 == "battalion" || n2 == "team" || n2 == "squadron") && i + 3 < t.size() &&
                    t[i + 3].type == Tok::Number) {
                    addOrg(ItemKind::Org, std::string(textOf(i, i + 4)), -1, i, i + 4, m_groups++, std::nullopt);
                    i += 3;
                    continue;
                }
                // border guard station(s) [–:] X, Y and Z  /  X [gate words] Border Guard Station
                if (n2 == "station" || n2 == "stations" || n2 == "post" || n2 == "posts") {
                    const int before = slotEndingBefore(i, true);
                    if (before >= 0 && !slots[size_t(before)].used) {
                        addStation(before, slots[size_t(before)].i0, i + 3, m_groups++);
                        i += 2;
                        continue;
                    }
                    size_t end = i + 3;
                    std::optional<Level> lvl;
                    auto list = placeList(i + 3, &end, &lvl, true);
                    const int g = m_groups++;
                    for (int s : list) addStation(s, i, end, g);
                    if (!list.empty()) i = end - 1;
                    continue;
                }
                // X [Provincial] Border Guard [Command]  /  Border Guard (Command) of X
                size_t after = i + 2;
                if (is(after, "command") || is(after, "force") || is(after, "forces") || is(after, "high"))
                    ++after;
                if (is(after, "command")) ++after;
                const int s = slotEndingBefore(i);
                if (s >= 0 && !slots[size_t(s)].used) {
                    addOrg(ItemKind::Org, slots[size_t(s)].text + " Border Guard", s, slots[size_t(s)].i0, after,
                           m_groups++, Level::Province);
                    continue;
                }
                if (is(after, "of")) {
                    std::optional<Level> lvl;
                    size_t end = after;
                    auto list = placeList(after + 1, &end, &lvl);
                    const int g = m_groups++;
                    for (int s2 : list)
                        addOrg(ItemKind::Org, "Border Guard of " + slots[size_t(s2)].text + levelWord(lvl), s2, i,
                               end, g, lvl);
                    if (!list.empty()) i = end - 1;
                }
                continue;
            }
            // X border post(s)
            if (w == "border" && (is(i + 1, "post") || is(i + 1, "posts"))) {
                const int s = slotEndingBefore(i, true);
                if (s >= 0 && !slots[size_t(s)].used) addStation(s, slots[size_t(s)].i0, i + 2, m_groups++);
                continue;
            }
            // provincial authorities of/from X and Y [provinces]; X (provincial) authorities;
            // People's Committee of X; X People's Committee; X Department of ...
            if (w == "authorities" || w == "administration" || w == "government" || w == "leaders" ||
                w == "officials" || w == "delegation" || w == "delegations" ||
                (w == "committee" && i >= 2 && t[i - 1].low == "s" && t[i - 2].low == "'") ||
                (w == "committee" && i >= 1 && t[i - 1].low == "party") ||
                (w == "department" || w == "police")) {
                const bool provincial = i >= 1 && (t[i - 1].low == "provincial" || t[i - 1].low == "local");
                std::string head = std::string(textOf(provincial ? i - 1 : i, i + 1));
                if (w == "committee") {
                    size_t k = i;
                    while (k > 0 && (t[k - 1].low == "people" || t[k - 1].low == "'" || t[k - 1].low == "s" ||
                                     t[k - 1].low == "provincial" || t[k - 1].low == "party"))
                        --k;
                    head = std::string(textOf(k, i + 1));
                }
                if (is(i + 1, "of") || is(i + 1, "from")) {
                    std::optional<Level> lvl;
                    size_t end = i + 2;
                    auto list = placeList(i + 2, &end, &lvl);
                    const int g = m_groups++;
                    for (int s : list)
                        if (!slots[size_t(s)].used)
                            addOrg(ItemKind::Org, head + " of " + slots[size_t(s)].text + levelWord(lvl), s, i, end,
                                   g, lvl);
                    if (!list.empty()) i = end - 1;
                    continue;
                }
                size_t k = i;
                while (k > 0 && (t[k - 1].low == "provincial" || t[k - 1].low == "local" || t[k - 1].low == "people" ||
                                 t[k - 1].low == "'" || t[k - 1].low == "s" || t[k - 1].low == "party" ||
                                 t[k - 1].low == "province" || t[k - 1].low == "district"))
                    --k;
                const int s = slotEndingBefore(k + 1);
                if (s >= 0 && !slots[size_t(s)].used && k == slots[size_t(s)].i1) {
                    std::optional<Level> lvl = slots[size_t(s)].level;
                    for (size_t q = k; q < i; ++q)
                        if (t[q].low == "provincial" || t[q].low == "province") lvl = Level::Province;
                    addOrg(ItemKind::Org, slots[size_t(s)].text + " " + std::string(textOf(k, i + 1)), s,
                           slots[size_t(s)].i0, i + 1, m_groups++, lvl);
                }
                continue;
            }
        }
    }

    // The slot ending right before token i; with `gates`, also across gate
    // words ("Tây Trang International Border Gate | Border Guard Station").
    int slotEndingBefore(size_t i, bool gates = false) const {
        size_t k = i;
        if (k >= 1 && (t[k - 1].low == "provincial" || t[k - 1].low == "province")) --k;
        for (size_t s = 0; s < slots.size(); ++s) {
            if (slots[s].i1 == k) return int(s);
            if (gates && skipGateWords(slots[s].i1) == k && skipGateWords(slots[s].i1) != slots[s].i1) return int(s);
        }
        return -1;
    }

    void addStation(int s, size_t i0, size_t i1, int group) {
        const Slot& sl = slots[size_t(s)];
        const size_t afterGate = skipGateWords(sl.i1);
        const bool gate = afterGate != sl.i1;
        const std::string base = gate ? std::string(textOf(sl.i0, afterGate)) : sl.text;
        addOrg(ItemKind::Station, base + " Border Guard Station", s, i0, i1, group, std::nullopt);
        items.back().gateNamed = gate;
        if (gate) {
            items.back().gateName = base;
            items.back().gateKey = sl.text;
        }
        items.back().level = Level::Commune;
    }

    void findPlaces() {
        // Border gates: "X [International] Border Gate", "X - Y border gate pair", "border gate of X".
        for (size_t s = 0; s < slots.size(); ++s) {
            Slot& sl = slots[s];
            if (sl.village) continue;
            const size_t g = skipGateWords(sl.i1);
            bool gate = g != sl.i1;
            // "X - Y border gate(s)": X is a gate too (the pair across the border).
            if (!gate && sl.i1 + 1 < t.size() && t[sl.i1].low == "-") {
                const int nx = slotAt(sl.i1 + 1);
                if (nx >= 0 && gateWordsAt(slots[size_t(nx)].i1)) gate = true;
            }
            if (!gate && sl.i0 >= 3 && t[sl.i0 - 1].low == "of" && t[sl.i0 - 2].low == "gate" &&
                t[sl.i0 - 3].low == "border")
                gate = true;
            if (!gate) continue;
            Item it;
            it.kind = ItemKind::Gate;
            const std::string words = g != sl.i1 ? std::string(textOf(sl.i1, g)) : "border gate";
            it.name = sl.text + " " + words;
            it.gateName = it.name;
            it.gateKey = sl.text;
            it.slot = int(s);
            it.placeText = sl.text;
            it.side = sl.side;
            it.i0 = sl.i0;
            it.i1 = std::max(g, sl.i1);
            it.group = m_groups++;
            items.push_back(std::move(it));
        }
        // Places that act on their own: "X province", "Thanh Hoa" (a province name).
        for (size_t s = 0; s < slots.size(); ++s) {
            Slot& sl = slots[s];
            if (sl.used || sl.village) continue;
            bool gateSlot = false;
            for (const auto& it : items)
                if (it.kind == ItemKind::Gate && it.slot == int(s)) gateSlot = true;
            if (gateSlot) continue;
            if (!sl.level) {
                const NameFacts f = m_res.facts(sl.text);
                if (!f.province) continue;
            }
            Item it;
            it.kind = ItemKind::Place;
            it.name = sl.text + levelWord(sl.level);
            it.slot = int(s);
            it.placeText = sl.text;
            it.side = sl.side;
            it.level = sl.level;
            it.i0 = sl.i0 > 0 && sl.i0 >= 2 && t[sl.i0 - 1].low == "of" && isTypeWord(t[sl.i0 - 2].low) ? sl.i0 - 2
                                                                                                          : sl.i0;
            it.i1 = sl.i1 + (sl.level && sl.i1 < t.size() && isTypeWord(t[sl.i1].low) ? 1 : 0);
            it.group = m_groups++;
            items.push_back(std::move(it));
        }
    }

    // "A under/of/from the B": B names A's parent. Applies to A's whole group.
    void linkQualifiers() {
        for (size_t b = 1; b < items.size(); ++b) {
            Item& q = items[b];
            if (q.kind == ItemKind::Gate) continue;
            // the item ending closest before q, outside q's group (gates name
            // places inside a list, they do not end one)
            size_t a = items.size();
            for (size_t c = 0; c < items.size(); ++c) {
                const Item& x = items[c];
                if (c == b || x.group == q.group || x.kind == ItemKind::Gate || x.i1 > q.i0) continue;
                if (a == items.size() || x.i1 > items[a].i1) a = c;
            }
            if (a >= items.size()) continue;
            Item& p = items[a];
            size_t k = p.i1;
            bool prep = false;
            while (k < q.i0) {
                const std::string& w = t[k].low;
                size_t len = 0;
                if (w == "under" || w == "of" || w == "from" || w == "in" || w == "within" || w == "belonging" ||
                    w == "to" || w == "attached") { prep = true; ++k; continue; }
                if (w == "the" || w == "'" || w == "s") { ++k; continue; }
                if (countryAt(t, k, &len)) { k += len; continue; }
                break;
            }
            if (!prep || k != q.i0) continue;
            // A finer unit cannot hold a coarser one.
            if (p.level && q.level && int(*q.level) > int(*p.level)) continue;
            q.qualifier = true;
            const std::string parent = q.placeText.empty() ? q.parentText : q.placeText;
            for (auto& x : items) {
                if (x.group != p.group) continue;
                if (x.parentText.empty()) x.parentText = parent;
                if (!x.side) x.side = q.side;
                if (x.placeText.empty()) {  // "Border Guard Company 119 from ... Phongsaly province"
                    x.placeText = parent;
                    x.level = q.level;
                }
            }
            if (q.kind == ItemKind::Place) q.qualifier = true;
        }
        // Within a group the country named at the head applies to all:
        // "three Vietnamese border guard stations – A, B and C".
        for (auto& x : items) {
            if (x.side) continue;
            for (const auto& y : items)
                if (y.group == x.group && y.side) x.side = y.side;
        }
        for (auto& x : items) {
            if (x.side || x.group < 0) continue;
            if (auto s = sideBefore(x.i0)) x.side = s;
        }
    }

    void markVenuesAndReporters() {
        static const std::unordered_set<std::string> loc = {"in",     "at",      "to",     "near",    "inside",
                                                            "across", "along",   "toward", "towards", "via",
                                                            "through", "visited", "visit",  "hosted",  "held"};
        for (auto& x : items) {
            if (x.qualifier || x.kind == ItemKind::Gate) continue;
            size_t k = x.i0;
            while (k > 0) {
                const std::string& w = t[k - 1].low;
                size_t len = 0;
                if (w == "the" || w == "'" || w == "s" || (t[k - 1].type == Tok::Word && !t[k - 1].cap &&
                                                           !loc.count(w) && k >= 2 && !isTypeWord(w) && w != "of" &&
                                                           w != "and" && w != "from" && w != "with" && w != "between")) {
                    // adjectives such as "northwestern"; stop at verbs we cannot tell apart
                    if (w != "the" && w != "'" && w != "s" && x.i0 - k >= 3) break;
                    --k;
                    continue;
                }
                if (k >= 2 && countryAt(t, k - 1, &len)) { --k; continue; }
                if (k >= 2 && t[k - 2].low == "viet" && w == "nam") { k -= 2; continue; }
                break;
            }
            if (k > 0 && loc.count(t[k - 1].low)) x.venue = true;
        }
        // "X announced that Y ...": X reports; Y acts.
        static const std::unordered_set<std::string> say = {"announced", "said",    "stated",   "reported",
                                                            "noted",     "told",    "added",    "stressed",
                                                            "affirmed",  "revealed", "confirmed", "informed"};
        for (size_t k = 0; k + 1 < t.size(); ++k) {
            if (!say.count(t[k].low)) continue;
            size_t j = k + 1;
            while (j < t.size() && j < k + 4 && t[j].low != "that") ++j;
            if (j >= t.size() || t[j].low != "that") continue;
            bool after = false;
            for (const auto& x : items) after = after || x.i0 > j;
            if (!after) continue;
            for (auto& x : items)
                if (x.i1 <= k) x.reporter = true;
        }
    }
};

}  // namespace

// ---------------------------------------------------------------- public: text

std::vector<Sentence> splitSentences(std::string_view text, Span range) {
    std::vector<Sentence> out;
    static const std::unordered_set<std::string> abbrev = {
        "mr", "mrs", "ms", "dr", "lt", "col", "gen", "maj", "capt", "sen", "rep", "no", "st", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "e.g", "i.e", "vs",
        "inc", "co", "ltd", "prof", "sr", "jr", "gov", "vol", "fig"};
    size_t para = 0;
    size_t lineStart = range.begin;
    while (lineStart < range.end) {
        size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string_view::npos || lineEnd > range.end) lineEnd = range.end;
        size_t s = lineStart;
        auto push = [&](size_t b, size_t e) {
            while (b < e && isSpace(text[b])) ++b;
            while (e > b && isSpace(text[e - 1])) --e;
            if (e > b) out.push_back({{b, e}, para});
        };
        for (size_t i = lineStart; i < lineEnd; ++i) {
            const char c = text[i];
            if (c != '.' && c != '!' && c != '?') continue;
            size_t j = i + 1;
            while (j < lineEnd && (text[j] == '.' || text[j] == '/' || text[j] == '"' || text[j] == ')' ||
                                   static_cast<unsigned char>(text[j]) == 0xE2))
                j += static_cast<unsigned char>(text[j]) == 0xE2 ? 3 : 1;  // ”, ’ are 3 bytes
            if (j > lineEnd) j = lineEnd;
            if (j < lineEnd && !isSpace(text[j])) continue;
            size_t n = j;
            while (n < lineEnd && isSpace(text[n])) ++n;
            if (n < lineEnd) {
                size_t len = 1;
                const char32_t nc = decode(text, n, &len);
                if (!(u_isupper(static_cast<UChar32>(nc)) || (nc < 0x80 && std::isdigit(static_cast<int>(nc))) ||
                      nc == '"' || nc == 0x201C || nc == '('))
                    continue;
            }
            if (c == '.') {
                size_t w = i;
                while (w > lineStart && (std::isalpha(static_cast<unsigned char>(text[w - 1])) || text[w - 1] == '.'))
                    --w;
                const std::string word = asciiLower(text.substr(w, i - w));
                if (abbrev.count(word)) continue;
                if (word.size() == 1 && std::isupper(static_cast<unsigned char>(text[w]))) continue;  // initials
            }
            push(s, j);
            s = j;
        }
        push(s, lineEnd);
        ++para;
        lineStart = lineEnd + 1;
    }
    return out;
}

size_t findTrailingCut(std::string_view text, Span range, std::string* why) {
    static const std::array<const char*, 17> markers = {
        "see more",    "read more",     "related news", "related articles", "related stories",
        "related",     "more news",     "other news",   "most read",        "most viewed",
        "latest news", "you may also like", "also read", "recommended",     "top stories",
        "more stories", "tags"};
    static const std::unordered_set<std::string> signoff = {"vna", "vns", "vna/vns", "kpl", "vov", "vtv", "xinhua",
                                                            "vientiane times", "-vna", "- vna", "(vna)"};
    size_t lineStart = range.begin;
    bool seenText = false;
    while (lineStart < range.end) {
        size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string_view::npos || lineEnd > range.end) lineEnd = range.end;
        std::string line = asciiLower(trim(text.substr(lineStart, lineEnd - lineStart)));
        while (!line.empty() && (line.back() == ':' || line.back() == '.' || line.back() == '>')) line.pop_back();
        if (seenText && !line.empty()) {
            for (const char* m : markers)
                if (line == m) {
                    if (why) *why = "trailing material after a \"" + trim(text.substr(lineStart, lineEnd - lineStart)) + "\" line";
                    return lineStart;
                }
            if (signoff.count(line)) {
                // Everything after the agency's sign-off line is not the article.
                size_t next = lineEnd + 1;
                while (next < range.end && isSpace(text[next])) ++next;
                if (next < range.end) {
                    if (why) *why = "trailing material after the sign-off line \"" +
                                    trim(text.substr(lineStart, lineEnd - lineStart)) + "\"";
                    return next;
                }
            }
        }
        if (!line.empty()) seenText = true;
        lineStart = lineEnd + 1;
    }
    return range.end;
}

DocDate findDate(std::string_view text, Span range) {
    FoldCache fc;
    for (const Sentence& s : splitSentences(text, range)) {
        const auto t = tokenize(text, s.span, fc);
        for (size_t i = 0; i < t.size(); ++i) {
            size_t end = 0;
            if (auto d = dateAt(t, i, &end)) return *d;
        }
    }
    return {};
}

bool mentionsVietnamAndLaos(std::string_view text, Span range) {
    const std::string low = asciiLower(text.substr(range.begin, range.end - range.begin));
    auto has = [&](const char* w) {
        for (size_t p = low.find(w); p != std::string::npos; p = low.find(w, p + 1)) {
            const bool leftOk = p == 0 || !std::isalpha(static_cast<unsigned char>(low[p - 1]));
            const size_t e = p + std::strlen(w);
            const bool rightOk = e >= low.size() || !std::isalpha(static_cast<unsigned char>(low[e]));
            if (leftOk && rightOk) return true;
        }
        return false;
    };
    // Vietnamese outlets often do not name their own country; the Lao side
    // must be named. Links need a party on each side anyway.
    return has("laos") || has("lao") || has("laotian");
}

void analyseDocument(Document& doc) {
    std::string why;
    doc.body.end = findTrailingCut(doc.text, doc.body, &why);
    doc.trailingCut = why;
    // Headline: a short first line (3 to 25 words) that does not end like a sentence.
    size_t lineStart = doc.body.begin;
    for (int n = 0; n < 3 && lineStart < doc.body.end; ++n) {
        size_t lineEnd = doc.text.find('\n', lineStart);
        if (lineEnd == std::string::npos || lineEnd > doc.body.end) lineEnd = doc.body.end;
        const std::string line = trim(std::string_view(doc.text).substr(lineStart, lineEnd - lineStart));
        lineStart = lineEnd + 1;
        if (line.empty()) continue;
        size_t words = 0;
        bool inWord = false;
        for (char c : line) {
            if (!isSpace(c) && !inWord) ++words;
            inWord = !isSpace(c);
        }
        const char last = line.back();
        if (words >= 3 && words <= 25 && last != '.' && last != '!' && last != ',') {
            doc.title = line;
            break;
        }
        if (words >= 3) break;  // the article starts without a headline
    }
    if (doc.date.status != DateStatus::Stated) {
        doc.date = findDate(doc.text, doc.body);
        if (doc.date.status == DateStatus::Unknown) doc.date.note = "no date line and no date in the text";
    }
}

// ---------------------------------------------------------------- public: extraction

namespace {

struct Analysed {
    Sentence sentence;
    std::vector<Token> tokens;
    Cue cue;
};

// Event date stated in a sentence, completed from the document's date.
std::optional<DocDate> eventDate(const std::vector<Token>& t, const DocDate& docDate) {
    for (size_t i = 0; i < t.size(); ++i) {
        size_t end = 0;
        if (auto d = dateAt(t, i, &end)) {
            if (!d->year && docDate.year) {
                // The year of the document, or the one before for a month after it.
                d->year = docDate.year - (d->month > docDate.month ? 1 : 0);
                d->iso = isoDate(d->year, d->month, d->day);
                d->status = DateStatus::Inferred;
                d->note = "month and day stated, year of the document date";
            }
            return d;
        }
        const int wd = weekdayOf(t[i].low);
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

Party makeParty(const Item& it, const std::vector<Token>& t, const PlaceResolution& r) {
    Party p;
    p.name = it.name;
    p.place = it.placeText;
    p.parentPlace = it.parentText;
    p.span = {t[it.i0].b, t[it.i1 - 1].e};
    p.units = r.units;
    p.country = it.side == Side::LA ? Country::LA : Country::VN;
    p.confidence = r.units.empty() ? 0.0 : r.confidence;
    p.resolution = r.reason;
    return p;
}

}  // namespace

void extractDocument(const Document& doc, size_t index, const Resolver& resolver, std::vector<Link>& links,
                     std::vector<Place>& places) {
    if (!mentionsVietnamAndLaos(doc.text, doc.body)) return;
    FoldCache fc;
    std::deque<Analysed> done;  // the last few sentences, for references back
    std::set<std::string> seenLinks, seenPlaces;
    // The headline only repeats the body in short; links come from the body.
    Span body = doc.body;
    if (!doc.title.empty()) {
        const size_t at = doc.text.find(doc.title, body.begin);
        if (at != std::string::npos && at < body.end) body.begin = std::min(body.end, at + doc.title.size());
    }
    const auto sentences = splitSentences(doc.text, body);
    // The lead sentence usually says when the event took place.
    std::optional<DocDate> leadDate;
    if (!sentences.empty()) leadDate = eventDate(tokenize(doc.text, sentences.front().span, fc), doc.date);
    for (const Sentence& s : sentences) {
        Analysed a;
        a.sentence = s;
        a.tokens = tokenize(doc.text, s.span, fc);
        a.cue = findCue(a.tokens);
        done.push_back(std::move(a));
        if (done.size() > 4) done.pop_front();
        const auto& t = done.back().tokens;
        if (t.empty()) continue;

        SentenceAnalyser an(t, resolver);
        an.m_text = &doc.text;
        an.run();

        // Third countries in the sentence and no Lao side: nothing here is ours.
        bool third = false, laos = false;
        for (size_t i = 0; i < t.size(); ++i) {
            size_t len = 0;
            if (auto c = countryAt(t, i, &len)) {
                third = third || *c == Side::Third;
                laos = laos || *c == Side::LA;
            }
        }

        // Resolve every item once; a party's side comes from the text, else
        // from where its place resolves.
        std::vector<PlaceResolution> res(an.items.size());
        for (size_t k = 0; k < an.items.size(); ++k) {
            Item& it = an.items[k];
            if (it.side == Side::Third) continue;
            if (it.placeText.empty()) continue;
            PlaceQuery q;
            q.name = it.placeText;
            q.level = it.level;
            if (it.side) q.country = *it.side == Side::LA ? Country::LA : Country::VN;
            q.parent = it.placeText == it.parentText ? std::string() : it.parentText;
            if (it.kind == ItemKind::Gate || it.gateNamed) {
                const CuratedGate* g = resolver.gate(it.gateKey, q.country);
                if (g) {
                    res[k] = resolver.resolveGate(*g);
                    if (!it.side) it.side = g->country == Country::LA ? Side::LA : Side::VN;
                    continue;
                }
            }
            // No stated parent: try a province named in the same sentence
            // (the reporter's, the venue's) when it is on the same side.
            if (q.parent.empty() && (!it.level || *it.level != Level::Province)) {
                for (size_t j = 0; j < an.items.size() && q.parent.empty(); ++j) {
                    const Item& c = an.items[j];
                    if (j == k || c.placeText.empty() || c.placeText == it.placeText) continue;
                    if (c.level != Level::Province && !(resolver.facts(c.placeText).province)) continue;
                    PlaceQuery cq = q;
                    cq.parent = c.placeText;
                    PlaceResolution cr = resolver.resolve(cq);
                    if (cr.units.empty() || cr.confidence < 0.8) continue;
                    const std::string pf = foldName(c.placeText);
                    bool inside = true;
                    for (const auto& u : cr.units)
                        inside = inside && (foldName(u.parent) == pf || u.reason.find("context") != std::string::npos ||
                                            u.reason.find("curated") != std::string::npos);
                    if (inside) {
                        res[k] = cr;
                        it.parentText = c.placeText;
                        q.parent = c.placeText;
                    }
                }
                if (!q.parent.empty()) {
                    if (!it.side && res[k].country) it.side = *res[k].country == Country::LA ? Side::LA : Side::VN;
                    continue;
                }
            }
            res[k] = resolver.resolve(q);
            if (!it.side && res[k].country) it.side = *res[k].country == Country::LA ? Side::LA : Side::VN;
        }

        // Places: gates and stations.
        if (!(third && !laos)) {
            for (size_t k = 0; k < an.items.size(); ++k) {
                const Item& it = an.items[k];
                const bool gate = it.kind == ItemKind::Gate;
                if (!gate && it.kind != ItemKind::Station) continue;
                if (it.side == Side::Third) continue;
                for (int pass = 0; pass < (it.gateNamed ? 2 : 1); ++pass) {
                    Place p;
                    const bool asGate = gate || pass == 1;
                    p.kind = asGate ? PlaceKind::BorderGate : PlaceKind::BorderStation;
                    p.name = pass == 1 ? it.gateName : it.name;
                    if (it.side) p.country = *it.side == Side::LA ? Country::LA : Country::VN;
                    p.document = index;
                    p.units = res[k].units;
                    p.resolution = res[k].reason;
                    p.span = {t[it.i0].b, t[it.i1 - 1].e};
                    if (asGate) {
                        const Slot& sl = an.slots[size_t(it.slot)];
                        p.span = {t[sl.i0].b, t[std::min(it.kind == ItemKind::Gate ? it.i1 : it.i1, t.size()) - 1].e};
                        if (it.kind == ItemKind::Station) {
                            size_t e = sl.i1;
                            while (e < t.size() && t[e].low != "border") ++e;
                            p.span = {t[sl.i0].b, t[std::min(e + 1, t.size() - 1)].e};
                        }
                        if (const CuratedGate* g = resolver.gate(it.gateKey, p.country)) {
                            p.position = g->position;
                            p.source = g->source;
                            p.approximate = !g->position;
                            if (!p.country) p.country = g->country;
                        }
                    }
                    const std::string key = std::string(toString(p.kind)) + "|" + foldName(p.name);
                    if (seenPlaces.insert(key).second) places.push_back(std::move(p));
                }
            }
        }

        // Parties on each side.
        std::vector<size_t> vn, la;
        for (size_t k = 0; k < an.items.size(); ++k) {
            const Item& it = an.items[k];
            if (it.qualifier || it.venue || it.reporter || it.kind == ItemKind::Gate) continue;
            if (!it.side || *it.side == Side::Third) continue;
            if (it.placeText.empty()) continue;
            (*it.side == Side::VN ? vn : la).push_back(k);
        }
        if (vn.empty() || la.empty()) continue;

        // The relation: stated here, or by an earlier sentence this one refers back to.
        Cue cue = done.back().cue;
        std::string period = findPeriod(t);
        std::optional<DocDate> when = eventDate(t, doc.date);
        std::string rule = "relation stated in the sentence";
        double cueFactor = 1.0;
        if ((!cue.kind || *cue.kind == LinkKind::Other) && hasAnaphor(t)) {
            for (size_t back = 2; back <= 3 && back <= done.size(); ++back) {
                const Analysed& prev = done[done.size() - back];
                if (prev.cue.kind && *prev.cue.kind != LinkKind::Other) {
                    cue = prev.cue;
                    if (period.empty()) period = findPeriod(prev.tokens);
                    if (!when) when = eventDate(prev.tokens, doc.date);
                    rule = "relation stated in the preceding sentence this one refers to";
                    cueFactor = 0.9;
                    break;
                }
            }
        }
        if (!cue.kind) continue;
        for (size_t a : vn)
            for (size_t b : la) {
                Link l;
                l.kind = *cue.kind;
                l.document = index;
                l.date = when ? *when : leadDate ? *leadDate : doc.date;
                l.period = period;
                l.vn = makeParty(an.items[a], t, res[a]);
                l.la = makeParty(an.items[b], t, res[b]);
                l.vn.country = Country::VN;
                l.la.country = Country::LA;
                l.span = s.span;
                l.cue = cue.span;
                l.reason = rule;
                const double pv = l.vn.units.empty() ? 0.3 : l.vn.confidence;
                const double pl = l.la.units.empty() ? 0.3 : l.la.confidence;
                l.confidence = std::round(std::min(pv, pl) * cueFactor * 1000) / 1000;
                const std::string key = std::string(toString(l.kind)) + "|" + foldName(l.vn.name) + "|" +
                                        foldName(l.la.name);
                if (seenLinks.insert(key).second) links.push_back(std::move(l));
            }
    }
}

Corpus extractCorpus(std::vector<Document> documents, const Resolver& resolver) {
    Corpus c;
    c.documents = std::move(documents);
    for (size_t i = 0; i < c.documents.size(); ++i) extractDocument(c.documents[i], i, resolver, c.links, c.places);
    return c;
}

}  // namespace bl
