#include "engine/corpus_generator.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string_view>

#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/adjacency_plan.hpp"
#include "engine/adjacency_memo.hpp"

namespace bl::engine {

namespace fs = std::filesystem;

namespace {

// splitmix64: the same sequence on every platform and library (the
// standard distributions are not), so a seed names one corpus everywhere.
class Rng {
public:
    explicit Rng(uint64_t seed) : m_state(seed) {}
    uint64_t next() {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    size_t below(size_t n) { return n ? size_t(next() % n) : 0; }
    bool percent(unsigned p) { return below(100) < p; }
    int between(int lo, int hi) { return lo + int(below(size_t(hi - lo + 1))); }
    template <typename T, size_t N>
    const T& pick(const std::array<T, N>& a) {
        return a[below(N)];
    }

private:
    uint64_t m_state;
};

bool isAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// ---- seeds -----------------------------------------------------------------

GeneratorUnit unitOf(const Layer& layer, const AdminUnit& u, const Dataset& data) {
    GeneratorUnit g;
    g.layerId = layer.spec.id;
    g.unitId = u.id;
    g.name = u.briefName();
    g.asciiName = u.asciiName.empty() || !isAscii(u.asciiName) ? g.name : u.asciiName;
    if (const Layer* parents = data.layer(layer.spec.parentLayer)) {
        if (const AdminUnit* p = parents->find(u.parentId)) {
            g.province = p->briefName();
            g.provinceAscii = p->asciiName.empty() || !isAscii(p->asciiName) ? g.province : p->asciiName;
        }
    }
    return g;
}

// A spelling of a Vietnamese gate name without diacritics: the alias of as
// many words that is plain ASCII, else any plain alias, else the name.
std::string asciiGateName(const CuratedGate& g) {
    const auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' '); };
    if (isAscii(g.name)) return g.name;
    for (const auto& a : g.aliases)
        if (isAscii(a) && words(a) == words(g.name)) return a;
    for (const auto& a : g.aliases)
        if (isAscii(a)) return a;
    return g.name;
}

bool gateOnBorder(const CuratedGate& vn, const CuratedGate& la, const GeneratorPair& p) {
    if (p.level == Level::Province) return vn.province == p.vn.name && la.province == p.la.name;
    return vn.district == p.vn.name && vn.province == p.vn.province && la.district == p.la.name &&
           la.province == p.la.province;
}

}  // namespace

Result<GeneratorSeeds> generatorSeeds(Session& session, bool useCache, double minSharedKm) {
    const auto& catalog = session.catalog();
    AdjacencyQuery districts{Level::District, "", true};
    AdjacencyQuery provinces{Level::Province, resolvedVintage(session.vintages(), districts), true};
    std::vector<std::pair<Level, std::pair<std::string, std::string>>> plans;
    std::vector<std::string> ids;
    for (const AdjacencyQuery& q : {provinces, districts}) {
        auto plan = planAdjacency(catalog.layers, session.vintages(), q);
        if (!plan) return plan.error();
        for (const auto& [a, b] : *plan) {
            if (a == b) continue;
            plans.push_back({q.level, {a, b}});
            ids.push_back(a);
            ids.push_back(b);
        }
    }
    if (plans.empty()) return makeError("the catalog " + catalog.file + " has no Vietnamese and Lao layers to pair");
    auto data = session.load(ids);
    if (!data) return data.error();
    auto curated = session.curated(*data);
    if (!curated) return curated.error();

    GeneratorSeeds seeds;
    const auto& gates = (*curated)->gates;  // VN side, then LA side, per pair
    for (size_t i = 0; i + 1 < gates.size(); i += 2)
        seeds.gates.push_back({gates[i].id, gates[i].level, gates[i].name, asciiGateName(gates[i]), gates[i + 1].name});

    AdjacencyMemo memo(*data, useCache);
    for (const auto& [level, layers] : plans) {
        const Layer* a = (*data)->layer(layers.first);
        const Layer* b = (*data)->layer(layers.second);
        if (!a || !b)
            return makeError("the catalog " + catalog.file + " has no layer " + layers.first + " or " + layers.second);
        if (a->spec.country != Country::VN) std::swap(a, b);
        auto& out = level == Level::Province ? seeds.provinces : seeds.districts;
        for (const SharedBorder& s : memo.between(*a, *b)) {
            if (shownKm(s) < minSharedKm) continue;
            const bool vnFirst = s.layerA == a;
            GeneratorPair p;
            p.level = level;
            p.vn = unitOf(*a, vnFirst ? *s.a : *s.b, **data);
            p.la = unitOf(*b, vnFirst ? *s.b : *s.a, **data);
            p.sharedKm = shownKm(s);
            for (size_t g = 0; g < seeds.gates.size(); ++g)
                if (gateOnBorder(gates[2 * g], gates[2 * g + 1], p)) p.gates.push_back(g);
            out.push_back(std::move(p));
        }
    }
    if (seeds.provinces.empty() && seeds.districts.empty())
        return makeError("no Vietnamese and Lao units of the catalog " + catalog.file + " share " +
                         std::to_string(minSharedKm) + " km of border");
    return seeds;
}

namespace {

// ---- words -------------------------------------------------------------------

constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};

struct Day {
    std::chrono::sys_days days;
    std::chrono::year_month_day ymd() const { return std::chrono::year_month_day(days); }
    std::string iso() const {
        const auto d = ymd();
        char b[16];
        std::snprintf(b, sizeof b, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
        return b;
    }
    std::string monthDay() const {
        const auto d = ymd();
        return std::string(kMonths[unsigned(d.month()) - 1]) + " " + std::to_string(unsigned(d.day()));
    }
    std::string weekday() const { return kWeekdays[std::chrono::weekday(days).c_encoding()]; }
};

// A party's words. `appositive`: they end in ", X" and take a closing comma
// when the sentence goes on ("..., Nghệ An province, and ..."). `bare`: they
// name the place alone ("Kon Tum province"), not an organisation of it.
struct Phrase {
    std::string text;
    bool appositive = false;
    bool bare = false;
};

struct Style {
    bool ascii = false;  // names without diacritics (as some outlets write them)
};

const std::string& vnName(const GeneratorUnit& u, Style s) { return s.ascii ? u.asciiName : u.name; }
const std::string& vnProvince(const GeneratorUnit& u, Style s) { return s.ascii ? u.provinceAscii : u.province; }

// `allowBare` false: an organisation, never the place alone. After "the
// People's Committee of A and", a bare "B province" reads as a second place
// of the same committee, so a list whose first party is an organisation
// names the second by an organisation too.
Phrase vnParty(const GeneratorPair& p, Style s, Rng& rng, bool allowBare) {
    const std::string& n = vnName(p.vn, s);
    if (p.level == Level::Province) {
        switch (rng.below(allowBare ? 6 : 5)) {
            case 0:
                return {"the People's Committee of " + n + " province"};
            case 1:
                return {"the Military Command of " + n + " province"};
            case 2:
                return {"the " + n + " Provincial Border Guard"};
            case 3:
                return {"the Border Guard Command of " + n + " province"};
            case 4:
                return {"the " + n + " provincial People's Committee"};
            default:
                return {n + " province", false, true};
        }
    }
    const std::string& pr = vnProvince(p.vn, s);
    switch (rng.below(allowBare ? 5 : 4)) {
        case 0:
            return {"the Military Command of " + n + " district, " + pr + " province", true};
        case 1:
            return {"the People's Committee of " + n + " district in " + pr + " province"};
        case 2:
            return {"the Military Command of " + n + " district in " + pr + " province"};
        case 3:
            return {"the authorities of " + n + " district, " + pr + " province", true};
        default:
            return {n + " district of " + pr + " province", false, true};
    }
}

Phrase laParty(const GeneratorPair& p, Rng& rng, bool allowBare) {
    const std::string& n = p.la.name;
    if (p.level == Level::Province) {
        switch (rng.below(allowBare ? 6 : 4)) {
            case 0:
                return {"the Military Command of " + n + " province of Laos"};
            case 1:
                return {"the administration of " + n + " province, Laos", true};
            case 2:
                return {"the Military Command of Laos' " + n + " province"};
            case 3:
                return {"the Public Security Department of " + n + " province of Laos"};
            case 4:
                return {"the Lao province of " + n, false, true};
            default:
                return {"Laos' " + n + " province", false, true};
        }
    }
    const std::string& pr = p.la.province;
    switch (rng.below(allowBare ? 4 : 3)) {
        case 0:
            return {"the Military Command of " + n + " district of Laos' " + pr + " province"};
        case 1:
            return {"the administration of " + n + " district in Laos' " + pr + " province"};
        case 2:
            return {"the Military Command of " + n + " district, " + pr + " province of Laos"};
        default:
            return {n + " district of " + pr + " province, Laos", true, true};
    }
}

// ---- templates -------------------------------------------------------------
// {VN} {LA}: the parties; {WHEN}: "on Tuesday", "on March 4" or nothing;
// {PERIOD}: a plan's period ("2026–2030", "2026"); {THE_PERIOD}: "the
// 2026–2030 period" or "2026"; {N}: a number. Literal text starts in lower
// case: the first letter of a sentence is raised when it is written.

struct LinkTemplate {
    LinkKind kind;
    const char* text;
};

constexpr std::array<LinkTemplate, 18> kLinkTemplates = {{
    {LinkKind::Twinning, "{VN} and {LA} signed an agreement {WHEN} to become twinned units."},
    {LinkKind::Twinning,
     "{VN} and {LA} established twin relations {WHEN}, promising to keep the frontier between them calm."},
    {LinkKind::Twinning,
     "at a ceremony {WHEN}, {VN} and {LA} set up twinning relations in front of about {N} officers and villagers."},
    {LinkKind::Twinning, "{VN} was formally twinned with {LA} {WHEN}."},
    {LinkKind::Twinning, "a twinning agreement between {VN} and {LA} was signed {WHEN}."},
    {LinkKind::Twinning, "{LA} and {VN} became twinned units under an agreement reached {WHEN}."},
    {LinkKind::CooperationPlan, "{VN} and {LA} signed a cooperation plan for {THE_PERIOD} {WHEN}."},
    {LinkKind::CooperationPlan, "{VN} and {LA} adopted a plan of cooperation for {PERIOD} at a conference {WHEN}."},
    {LinkKind::CooperationPlan,
     "{VN} and {LA} {WHEN} inked a memorandum of understanding on border cooperation for {PERIOD}."},
    {LinkKind::CooperationPlan, "{VN} signed a cooperation plan for {PERIOD} with {LA} {WHEN}."},
    {LinkKind::CooperationPlan,
     "{LA} and {VN} signed the minutes of their annual meeting {WHEN}, setting out tasks for {PERIOD}."},
    {LinkKind::CooperationPlan, "{VN} and {LA} approved a framework agreement on cooperation for {THE_PERIOD} {WHEN}."},
    {LinkKind::Other, "{VN} and {LA} agreed {WHEN} to hold joint patrols along their common border every quarter."},
    {LinkKind::Other,
     "{VN} and {LA} pledged {WHEN} to cooperate in the fight against drug trafficking and illegal migration."},
    {LinkKind::Other, "{VN} and {LA} held talks {WHEN} on coordination in border management."},
    {LinkKind::Other, "{VN} will help {LA} build two schools and a clinic for villages near the border this year."},
    {LinkKind::Other, "{VN} and {LA} exchanged information on the situation along the frontier at a meeting {WHEN}."},
    {LinkKind::Other, "{LA} and {VN} agreed {WHEN} to coordinate the search for people missing in the floods."},
}};

constexpr std::array<const char*, 4> kTwinningHeadlines = {
    "{vn} and {la} border units become twins", "{vn}, {la} set up twinning ties",
    "Twinning pact links {vn} and {la} across the border", "{vn} forces twin with units of {la}"};
constexpr std::array<const char*, 3> kPlanHeadlines = {"{vn}, {la} sign cooperation plan for {PERIOD}",
                                                       "{vn} and {la} map out border cooperation for {PERIOD}",
                                                       "New cooperation plan for {vn} and Lao neighbour {la}"};
constexpr std::array<const char*, 3> kOtherHeadlines = {"{vn} and {la} step up work on the border",
                                                        "{vn}, {la} vow closer coordination against smuggling",
                                                        "Border forces of {vn} and {la} review a year of work"};

// Sentences of our own that name no place, no party and no relation, so
// that they add length without adding links.
constexpr std::array<const char*, 22> kFiller = {
    "Over the past year, patrol teams covered about {N} kilometres of the frontier and repaired {M} boundary markers "
    "damaged by landslides.",
    "The text sets out how commanders will share information on smuggling routes, illegal logging and unauthorised "
    "crossings.",
    "A telephone line between the duty officers of the neighbouring posts will be kept open day and night.",
    "Delegates laid wreaths at a memorial to soldiers who fell in the wars of the last century.",
    "The meeting reviewed the handling of {N} cases of illegal entry and {M} drug seizures since January.",
    "Medical teams will visit remote villages every quarter to vaccinate children and treat common illnesses.",
    "Commanders said the frontier had remained calm and that no serious incident had been recorded this year.",
    "Local farmers were shown new rice varieties and ways of raising cattle suited to upland fields.",
    "Ceremonies of this kind have become a regular feature of life along the frontier in recent years.",
    "Young officers from the posts will attend language classes so that patrol leaders can speak with villagers "
    "directly.",
    "A new road to the area, finished last year, has cut the journey from the district centre to about {M} hours.",
    "Residents of border villages were reminded not to shelter strangers and to report unfamiliar vehicles to the "
    "nearest post.",
    "Trade through the local crossings rose by about {M} percent in the first half of the year, according to customs "
    "figures.",
    "The delegations toured a school and a clinic built with money from the provincial budget.",
    "Commanders called for closer attention to forest fires during the dry months.",
    "Gifts were presented to families who had found lost cattle and stray travellers and taken them back to their "
    "owners.",
    "About {N} households in the area still lack a steady supply of clean water, officials said.",
    "Several veterans who served on the frontier in the 1970s attended as guests of honour.",
    "Weather permitting, the first combined exercise is scheduled for the coming dry season.",
    "Officers were reminded that most of the frontier runs through steep forest with few paths.",
    "Each unit will report on progress at a review meeting at the end of the year.",
    "Mobile phone coverage along the border still has gaps, which makes radio sets essential for the posts.",
};

// What introduces a second link, about another pair, later in an article.
constexpr std::array<const char*, 4> kOtherEvent = {"In a separate meeting, ", "On the same day, ",
                                                    "Elsewhere on the border, ", "Earlier this month, "};

// {G}: the Vietnamese gate's name, {GL}: the Lao one's; {LEVEL}: "international", ...
constexpr std::array<const char*, 4> kGateSentences = {
    "the ceremony took place at the {G} {LEVEL} border gate, where the delegations were welcomed by customs officers.",
    "much of the trade between the two areas passes through the {G}–{GL} border gate pair.",
    "officials at the {G} border gate said that about {N} people had crossed there each day this year.",
    "on the Lao side, the {GL} border checkpoint handled about {N} lorries of farm produce last month.",
};

// Builds a new string rather than replacing in place: GCC 12 warns falsely
// (-Wrestrict) on std::string::replace with short literals.
void replaceAll(std::string& s, std::string_view from, std::string_view to) {
    if (s.find(from) == std::string::npos) return;
    std::string out;
    out.reserve(s.size() + to.size());
    size_t start = 0;
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, start)) {
        out.append(s, start, at - start);
        out.append(to);
        start = at + from.size();
    }
    out.append(s, start, std::string::npos);
    s = std::move(out);
}

// Puts a party's words in place of `key`, with the closing comma of an
// appositive when a word follows.
void placeParty(std::string& s, std::string_view key, const Phrase& p) {
    const size_t at = s.find(key);
    if (at == std::string::npos) return;
    const size_t after = at + key.size();
    const bool wordFollows = after + 1 < s.size() && s[after] == ' ' && s[after + 1] != '.' && s[after + 1] != ',';
    s.replace(at, key.size(), p.text + (p.appositive && wordFollows ? "," : ""));
}

void tidy(std::string& s) {
    replaceAll(s, "  ", " ");
    replaceAll(s, "  ", " ");
    replaceAll(s, " ,", ",");
    replaceAll(s, " .", ".");
    replaceAll(s, ",,", ",");
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
    return s;
}

std::string numbered(std::string s, Rng& rng) {
    replaceAll(s, "{N}", std::to_string(rng.between(12, 480)));
    replaceAll(s, "{M}", std::to_string(rng.between(2, 40)));
    return s;
}

struct ArticleContext {
    Rng& rng;
    Style style;
    Day date;
};

std::string whenWords(const ArticleContext& c) {
    const Day event{c.date.days - std::chrono::days(c.rng.between(1, 5))};
    switch (c.rng.below(4)) {
        case 0:
            return "on " + event.weekday();
        case 1:
            return "on " + event.monthDay();
        default:
            return "";
    }
}

std::string periodFor(Rng& rng) { return rng.percent(75) ? "2026\u20132030" : "2026"; }

// One link sentence about `pair` of `kind` (a template of that kind).
std::string linkSentence(const ArticleContext& c, const GeneratorPair& pair, LinkKind kind, const std::string& period,
                         ExpectedLink& expected) {
    std::vector<const LinkTemplate*> choices;
    for (const auto& t : kLinkTemplates)
        if (t.kind == kind) choices.push_back(&t);
    std::string s = choices[c.rng.below(choices.size())]->text;
    replaceAll(s, "{WHEN}", whenWords(c));
    replaceAll(s, "{THE_PERIOD}", period.size() == 4 ? period : "the " + period + " period");  // a year, or a range
    replaceAll(s, "{PERIOD}", period);
    s = numbered(std::move(s), c.rng);
    tidy(s);
    // In a list ("A and B"), the second is bare only when the first is.
    const size_t vnAt = s.find("{VN}"), laAt = s.find("{LA}");
    const bool list = s.find("{VN} and {LA}") != std::string::npos || s.find("{LA} and {VN}") != std::string::npos;
    if (vnAt < laAt) {
        const Phrase vn = vnParty(pair, c.style, c.rng, true);
        placeParty(s, "{VN}", vn);
        placeParty(s, "{LA}", laParty(pair, c.rng, !list || vn.bare));
    } else {
        const Phrase la = laParty(pair, c.rng, true);
        placeParty(s, "{LA}", la);
        placeParty(s, "{VN}", vnParty(pair, c.style, c.rng, !list || la.bare));
    }
    expected.kind = kind;
    expected.level = pair.level;
    expected.vnName = vnName(pair.vn, c.style);
    expected.laName = pair.la.name;
    expected.vnLayer = pair.vn.layerId;
    expected.vnUnitId = pair.vn.unitId;
    expected.laLayer = pair.la.layerId;
    expected.laUnitId = pair.la.unitId;
    expected.period = kind == LinkKind::CooperationPlan ? period : "";
    return s;
}

LinkKind kindFor(Rng& rng) {
    const size_t r = rng.below(10);
    return r < 4 ? LinkKind::Twinning : r < 8 ? LinkKind::CooperationPlan : LinkKind::Other;
}

const GeneratorPair& pickPair(const GeneratorSeeds& seeds, Rng& rng) {
    const bool district = !seeds.districts.empty() && (seeds.provinces.empty() || rng.percent(55));
    const auto& from = district ? seeds.districts : seeds.provinces;
    return from[rng.below(from.size())];
}

std::string headline(const ArticleContext& c, const GeneratorPair& pair, LinkKind kind, const std::string& period) {
    std::string h = kind == LinkKind::Twinning          ? c.rng.pick(kTwinningHeadlines)
                    : kind == LinkKind::CooperationPlan ? c.rng.pick(kPlanHeadlines)
                                                        : c.rng.pick(kOtherHeadlines);
    replaceAll(h, "{vn}", vnName(pair.vn, c.style));
    replaceAll(h, "{la}", pair.la.name);
    replaceAll(h, "{PERIOD}", period);
    return h;
}

std::string upperAscii(std::string s) {
    for (char& ch : s)
        if (ch >= 'a' && ch <= 'z') ch = char(ch - 'a' + 'A');
    return s;
}

// The place and agency words before the first sentence, as the agencies
// write them (or none).
std::string dateline(const ArticleContext& c, const GeneratorPair& pair) {
    const std::string& place = pair.level == Level::Province ? pair.vn.name : pair.vn.province;
    const std::string& placeAscii = pair.level == Level::Province ? pair.vn.asciiName : pair.vn.provinceAscii;
    switch (c.rng.below(4)) {
        case 0:
            return upperAscii(placeAscii) + " \u2014 ";
        case 1:
            return (c.style.ascii ? placeAscii : place) + " (VNA) \u2013 ";
        case 2: {
            const auto d = c.date.ymd();
            return upperAscii(placeAscii) + ", " + c.date.monthDay() + ", " + std::to_string(int(d.year())) +
                   " (VNA) \u2013 ";
        }
        default:
            return "";
    }
}

std::string gateSentence(const ArticleContext& c, const GeneratorGate& g) {
    std::string s = c.rng.pick(kGateSentences);
    replaceAll(s, "{G}", c.style.ascii ? g.vnAscii : g.vnName);
    replaceAll(s, "{GL}", g.laName);
    replaceAll(s, "{LEVEL}", g.level);
    s = numbered(std::move(s), c.rng);
    tidy(s);
    return capitalised(s);
}

Day startDay() { return {std::chrono::sys_days(std::chrono::year(2023) / 1 / 1)}; }
// Articles are dated before the 2025 reform took effect: the district names
// they use were the units of the day.
constexpr int kDaySpan = 911;  // 2023-01-01 .. 2025-06-30

uint64_t articleSeed(uint64_t seed, size_t index) {
    Rng mix(seed ^ (0xD1B54A32D192ED03ull * (uint64_t(index) + 1)));
    return mix.next();
}

}  // namespace

GeneratedArticle generateArticle(const GeneratorSeeds& seeds, size_t index, uint64_t seed) {
    Rng rng(articleSeed(seed, index));
    ArticleContext c{rng, Style{rng.percent(25)}, Day{startDay().days + std::chrono::days(rng.below(kDaySpan))}};
    GeneratedArticle a;
    char name[32];
    std::snprintf(name, sizeof name, "gen_%06zu.txt", index);
    a.file = name;
    a.date = c.date.iso();

    const GeneratorPair& main = pickPair(seeds, rng);
    const LinkKind kind = kindFor(rng);
    const std::string period = periodFor(rng);
    ExpectedLink first;
    const std::string lead = capitalised(linkSentence(c, main, kind, period, first));
    a.links.push_back(first);

    std::vector<std::string> paragraphs;
    std::vector<size_t> filler(kFiller.size());
    for (size_t i = 0; i < filler.size(); ++i) filler[i] = i;
    for (size_t i = filler.size(); i > 1; --i) std::swap(filler[i - 1], filler[rng.below(i)]);
    size_t nextFiller = 0;
    auto fillerSentence = [&] { return numbered(kFiller[filler[nextFiller++ % filler.size()]], rng); };

    // Every draw from rng is its own statement: the order in which the
    // operands of one expression are evaluated is unspecified, and the
    // bytes must not depend on the compiler.
    auto paragraph = [&](std::string first, unsigned percentTwo) {
        if (rng.percent(percentTwo)) first += " " + fillerSentence();
        return first;
    };
    const std::string opening = dateline(c, main) + lead;
    paragraphs.push_back(paragraph(opening, 50));
    const int more = rng.between(2, 5);
    for (int i = 0; i < more; ++i) paragraphs.push_back(paragraph(fillerSentence(), 40));
    if (!main.gates.empty() && rng.percent(60)) {
        const GeneratorGate& g = seeds.gates[main.gates[rng.below(main.gates.size())]];
        const long at = 1 + long(rng.below(2));
        paragraphs.insert(paragraphs.begin() + at, gateSentence(c, g));
        a.gates.push_back(g.id);
    }
    if (rng.percent(30)) {
        // A second pair, neither of whose units is the first's.
        for (int tries = 0; tries < 8; ++tries) {
            const GeneratorPair& other = pickPair(seeds, rng);
            if (other.vn.unitId == main.vn.unitId || other.la.unitId == main.la.unitId) continue;
            ExpectedLink second;
            const LinkKind otherKind = kindFor(rng);
            const std::string otherPeriod = periodFor(rng);
            const std::string s = linkSentence(c, other, otherKind, otherPeriod, second);
            paragraphs.insert(paragraphs.end() - 1, std::string(rng.pick(kOtherEvent)) + s);
            a.links.push_back(second);
            break;
        }
    }

    a.text = " date " + a.date + "\n" + headline(c, main, kind, period) + "\n\n";
    for (size_t i = 0; i < paragraphs.size(); ++i)
        a.text += paragraphs[i] + (i + 1 == paragraphs.size() && rng.percent(30) ? " \u2014 VNA" : "") + "\n\n";
    a.text.pop_back();
    return a;
}

Result<GeneratedCorpus> writeGeneratedCorpus(const std::string& dir, size_t count, uint64_t seed,
                                             const GeneratorSeeds& seeds) {
    if (seeds.provinces.empty() && seeds.districts.empty())
        return makeError("no border pairs to write articles about (the generator's seeds are empty)");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return makeError("cannot make the folder " + dir + ": " + ec.message());
    GeneratedCorpus out;
    out.dir = dir;
    out.articles.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        GeneratedArticle a = generateArticle(seeds, i, seed);
        const std::string path = (fs::path(dir) / a.file).string();
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f.write(a.text.data(), std::streamsize(a.text.size()));
        f.close();
        if (!f) return makeError("cannot write " + path);
        out.bytes += a.text.size();
        a.text.clear();
        a.text.shrink_to_fit();
        out.articles.push_back(std::move(a));
    }
    return out;
}

Result<GeneratedCorpus> writeGeneratedCorpus(const std::string& dir, size_t count, uint64_t seed, Session& session,
                                             bool useCache) {
    auto seeds = generatorSeeds(session, useCache);
    if (!seeds) return seeds.error();
    return writeGeneratedCorpus(dir, count, seed, *seeds);
}

}  // namespace bl::engine
