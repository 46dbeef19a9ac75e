// The Docs tab's filters and timeline without ImGui: on 10,000 synthetic
// documents with 30,000 links (the size a corpus store may hold), and on the
// rows the viewer makes from the shared articles.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <numeric>
#include <set>

#include "app/viewer_rows.hpp"
#include "core/names/names.hpp"
#include "engine/news.hpp"
#include "engine/session.hpp"
#include "ui/documents_panel.hpp"

using namespace bl;
using namespace bl::ui;

namespace {

const DocumentProvince kVn[] = {{"Quảng Trị", Country::VN}, {"Điện Biên", Country::VN}, {"Thanh Hóa", Country::VN}};
const DocumentProvince kLa[] = {
    {"Savannakhet", Country::LA}, {"Phongsaly", Country::LA}, {"Houaphan", Country::LA}, {"Salavan", Country::LA}};

// Row i: year 2001 + i % 20, every tenth without one (its links neither:
// no document of 2001 or 2011);
// three links, the third a year later; kinds by i % 3 (every 7th has
// all three); one Vietnamese and one Lao province.
std::vector<DocumentRow> syntheticRows(size_t n = 10000) {
    std::vector<DocumentRow> rows(n);
    for (size_t i = 0; i < n; ++i) {
        DocumentRow& r = rows[i];
        r.title = "Article " + std::to_string(i) + (i % 5 == 0 ? " on the Lao Bảo gate" : " on border cooperation");
        r.source = "/corpus/" + std::to_string(i % 100) + "/doc_" + std::to_string(i) + ".txt";
        r.year = i % 10 == 0 ? 0 : 2001 + int(i % 20);
        r.linkYears = {r.year, r.year, r.year ? r.year + 1 : 0};
        r.links = 3;
        r.kinds = {i % 3 == 0, i % 3 == 1, i % 3 == 2};
        if (i % 7 == 0) r.kinds = {true, true, true};
        r.provinces = {kVn[i % 3], kLa[i % 4]};
        r.searchKey = documentSearchKey(r.title, r.source);
    }
    return rows;
}

const std::vector<DocumentRow>& rows10k() {
    static const std::vector<DocumentRow> rows = syntheticRows();
    return rows;
}

// The documents `keep` accepts, by brute force: what filterDocuments must give.
template <typename F>
std::vector<size_t> expected(const std::vector<DocumentRow>& rows, F keep) {
    std::vector<size_t> out;
    for (size_t i = 0; i < rows.size(); ++i)
        if (keep(rows[i])) out.push_back(i);
    return out;
}

bool hasYearIn(const DocumentRow& r, int lo, int hi) {
    if (r.year >= lo && r.year <= hi) return true;
    return std::any_of(r.linkYears.begin(), r.linkYears.end(), [&](int y) { return y && y >= lo && y <= hi; });
}

}  // namespace

TEST_CASE("Docs filter: a year range keeps documents dated in it or with a link in it, the undated by their own choice",
          "[ui][documents]") {
    const auto& rows = rows10k();
    REQUIRE(rows.size() == 10000);
    REQUIRE(std::accumulate(rows.begin(), rows.end(), size_t(0), [](size_t n, const auto& r) { return n + r.links; }) ==
            30000);
    CHECK(filterDocuments(rows, {}).size() == rows.size());

    DocumentFilter f;
    f.yearFrom = 2005, f.yearTo = 2007;
    f.undated = false;
    const auto inRange = filterDocuments(rows, f);
    CHECK(inRange == expected(rows, [](const DocumentRow& r) { return hasYearIn(r, 2005, 2007); }));
    // 2005..2007 as the document's year, and 2004's through its third link.
    CHECK(inRange.size() == 4 * 500);

    f.undated = true;
    const auto withUndated = filterDocuments(rows, f);
    CHECK(withUndated.size() == inRange.size() + 1000);

    DocumentFilter undatedOnly;
    undatedOnly.yearFrom = undatedOnly.yearTo = 1900;
    CHECK(filterDocuments(rows, undatedOnly) == expected(rows, [](const DocumentRow& r) { return r.year == 0; }));

    DocumentFilter openEnded;  // from 2019 on: 2019, 2020, and 2018's later links
    openEnded.yearFrom = 2019;
    openEnded.undated = false;
    CHECK(filterDocuments(rows, openEnded) ==
          expected(rows, [](const DocumentRow& r) { return hasYearIn(r, 2019, 9999); }));
    DocumentFilter dated;
    dated.undated = false;
    CHECK(filterDocuments(rows, dated).size() == 9000);
}

TEST_CASE("Docs filter: by province of either side, by link kind, by text", "[ui][documents]") {
    const auto& rows = rows10k();
    DocumentFilter f;
    f.province = DocumentProvince{"Savannakhet", Country::LA};
    CHECK(filterDocuments(rows, f) ==
          expected(rows, [](const DocumentRow& r) { return r.provinces[1].name == "Savannakhet"; }));
    CHECK(filterDocuments(rows, f).size() == 2500);
    f.province = DocumentProvince{"Quảng Trị", Country::VN};
    CHECK(filterDocuments(rows, f).size() == 3334);
    f.province = DocumentProvince{"Quảng Trị", Country::LA};  // the name on the other side: none
    CHECK(filterDocuments(rows, f).empty());

    DocumentFilter k;
    k.kinds = {false, true, false};
    CHECK(filterDocuments(rows, k) == expected(rows, [](const DocumentRow& r) { return r.kinds.cooperationPlan; }));
    k.kinds = {true, false, true};
    CHECK(filterDocuments(rows, k) ==
          expected(rows, [](const DocumentRow& r) { return r.kinds.twinning || r.kinds.other; }));
    k.kinds = {false, false, false};
    CHECK(filterDocuments(rows, k).empty());
    std::vector<DocumentRow> withUnlinked = rows;
    withUnlinked[3].kinds = {};
    withUnlinked[3].linkYears.clear();
    CHECK(filterDocuments(withUnlinked, {}).size() == rows.size());  // all kinds ticked: no restriction

    DocumentFilter t;
    t.text = "LAO bao";  // folded like the titles: diacritics and case
    CHECK(filterDocuments(rows, t) ==
          expected(rows, [](const DocumentRow& r) { return r.title.find("Lao Bảo") != std::string::npos; }));
    CHECK(filterDocuments(rows, t).size() == 2000);
    t.text = "doc_4242.txt";  // the file name
    CHECK(filterDocuments(rows, t) == std::vector<size_t>{4242});
    t.text = "corpus";  // not the folders
    CHECK(filterDocuments(rows, t).empty());
    t.text = "  ";
    CHECK(filterDocuments(rows, t).size() == rows.size());
}

TEST_CASE("Docs filter: the shown indices point into the full list, in order, and nothing else passes",
          "[ui][documents]") {
    const auto& rows = rows10k();
    DocumentFilter f;
    f.yearFrom = 2015, f.yearTo = 2016;
    f.undated = false;
    f.province = DocumentProvince{"Điện Biên", Country::VN};
    f.kinds = {true, false, false};
    f.text = "lao bảo";
    const auto shown = filterDocuments(rows, f);
    REQUIRE_FALSE(shown.empty());
    CHECK(std::is_sorted(shown.begin(), shown.end()));
    const std::set<size_t> in(shown.begin(), shown.end());
    CHECK(in.size() == shown.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        const DocumentRow& r = rows[i];
        const bool passes = hasYearIn(r, 2015, 2016) && r.provinces[0].name == "Điện Biên" && r.kinds.twinning &&
                            r.title.find("Lao Bảo") != std::string::npos;
        INFO(i << " " << r.title);
        CHECK(passes == (in.count(i) == 1));
    }
}

TEST_CASE("Docs timeline: links per year of the filtered documents, gaps as zero, the undated apart",
          "[ui][documents]") {
    const auto& rows = rows10k();
    std::vector<size_t> all(rows.size());
    std::iota(all.begin(), all.end(), size_t(0));
    const LinkTimeline t = linksPerYear(rows, all);
    CHECK(t.firstYear == 2002);
    REQUIRE(t.perYear.size() == 20);  // 2002..2021 (2020's later links)
    CHECK(t.count(2002) == 500 * 2);
    CHECK(t.count(2003) == 500 * 3);
    CHECK(t.count(2011) == 500);  // no document of 2011: 2010's later links
    CHECK(t.count(2012) == 500 * 2);
    CHECK(t.count(2021) == 500);
    CHECK(t.count(2001) == 0);
    CHECK(t.undated == 3000);
    CHECK(std::accumulate(t.perYear.begin(), t.perYear.end(), size_t(0)) + t.undated == 30000);
    CHECK(t.busiest() == 1500);

    DocumentFilter f;
    f.province = DocumentProvince{"Phongsaly", Country::LA};
    const auto some = filterDocuments(rows, f);
    const LinkTimeline s = linksPerYear(rows, some, 1995, 2030);  // over a wider axis
    CHECK(s.firstYear == 1995);
    CHECK(s.perYear.size() == 36);
    size_t n2005 = 0;
    for (size_t i : some) n2005 += size_t(std::count(rows[i].linkYears.begin(), rows[i].linkYears.end(), 2005));
    CHECK(s.count(2005) == n2005);
    CHECK(s.count(1995) == 0);
    CHECK(linksPerYear(rows, {}).perYear.empty());
}

TEST_CASE("Docs facets: provinces by country and name with their documents, years, kinds", "[ui][documents]") {
    const DocumentFacets f = documentFacets(rows10k());
    CHECK(f.firstYear == 2002);
    CHECK(f.lastYear == 2021);
    CHECK(f.undated == 1000);
    REQUIRE(f.provinces.size() == 7);
    // Vietnamese first; by name with diacritics folded (Điện Biên before Quảng Trị).
    CHECK(f.provinces[0].province == DocumentProvince{"Điện Biên", Country::VN});
    CHECK(f.provinces[1].province == DocumentProvince{"Quảng Trị", Country::VN});
    CHECK(f.provinces[1].documents == 3334);
    CHECK(f.provinces[3].province == DocumentProvince{"Houaphan", Country::LA});
    CHECK(f.twinning == expected(rows10k(), [](const DocumentRow& r) { return r.kinds.twinning; }).size());
}

TEST_CASE("Docs list: filtering runs again only when the filter or the documents change", "[ui][documents]") {
    const auto& rows = rows10k();
    auto model = std::make_shared<int>(1);  // stands for the news model the rows came from
    DocumentList list;
    CHECK(list.update(rows, model));
    CHECK(list.generation() == 1);
    CHECK(list.shown().size() == rows.size());
    for (int frame = 0; frame < 100; ++frame) CHECK_FALSE(list.update(rows, model));
    CHECK(list.generation() == 1);

    list.filter.text = "lao bao";
    CHECK(list.update(rows, model));
    CHECK(list.generation() == 2);
    CHECK(list.shown().size() == 2000);
    CHECK_FALSE(list.update(rows, model));

    // Rows made again from the same model (another link selected): kept.
    std::vector<DocumentRow> again = rows;
    again[0].evidence = "the selected link's sentence";
    CHECK_FALSE(list.update(again, model));
    CHECK(list.generation() == 2);

    // Another model, or another number of documents: new data.
    auto other = std::make_shared<int>(1);
    CHECK(list.update(rows, other));
    CHECK(list.generation() == 3);
    CHECK_FALSE(list.update(rows, other));
    std::vector<DocumentRow> fewer(rows.begin(), rows.begin() + 100);
    CHECK(list.update(fewer, other));
    CHECK(list.shown() ==
          std::vector<size_t>{0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95});
    CHECK(list.facets().undated == 10);
    CHECK(list.timeline().firstYear == list.facets().firstYear);
    CHECK(list.generation() == 4);
}

TEST_CASE("Docs rows of 10,000 documents and 30,000 links: each link in its document, once", "[ui][documents]") {
    engine::News news;  // no dataset: no provinces, everything else
    for (size_t i = 0; i < 10000; ++i) {
        Document d;
        d.file = "/corpus/gen_" + std::to_string(i) + ".txt";
        d.text = "Sentence one. Sentence two. Sentence three.";
        d.title = i % 2 ? "Twinning " + std::to_string(i) : "";
        d.date.year = i % 4 ? 2010 + int(i % 15) : 0;
        news.corpus.documents.push_back(std::move(d));
    }
    for (size_t k = 0; k < 30000; ++k) {  // spread over the documents, out of order
        Link l;
        l.document = (k * 7919) % 10000;
        l.kind = LinkKind(k % 3);
        l.date.year = k % 5 ? 2011 + int(k % 13) : 0;
        l.span = {14 * (k % 3), 14 * (k % 3) + 13};
        news.corpus.links.push_back(l);
    }
    auto rows = app::documentRows(news);
    app::markSelectedLink(rows, news, size_t(4));  // another link first: its mark goes
    app::markSelectedLink(rows, news, size_t(12345));
    REQUIRE(rows.size() == 10000);
    size_t links = 0, selected = 0;
    for (const DocumentRow& r : rows) {
        links += r.links;
        selected += r.evidence.empty() ? 0 : 1;
        REQUIRE(r.linkYears.size() == r.links);
        REQUIRE(r.provinces.empty());
    }
    CHECK(links == 30000);
    CHECK(selected == 1);
    const DocumentRow& chosen = rows[(12345 * 7919) % 10000];
    CHECK(chosen.evidence == "Sentence one.");
    CHECK(rows[1].title == "Twinning 1");
    CHECK(rows[0].title == "(no headline)");
    CHECK(rows[4].year == 0);
    DocumentFilter f;
    f.kinds = {false, true, false};
    size_t plans = 0;
    for (const DocumentRow& r : rows) plans += r.kinds.cooperationPlan;
    CHECK(filterDocuments(rows, f).size() == plans);
    f = {};
    f.text = "twinning 77";
    // Odd numbers (a headline) with "77" in them.
    CHECK(filterDocuments(rows, f) == expected(rows, [](const DocumentRow& r) {
              return r.title != "(no headline)" && r.source.find("77") != std::string::npos;
          }));
}

TEST_CASE("Docs rows from the shared articles: years, kinds and the provinces their links resolve to",
          "[ui][documents][real]") {
    auto session = engine::Session::open({});
    REQUIRE(session);
    engine::NewsRequest req;
    req.checkLinks = false;
    auto news = engine::readNews(**session, req);
    REQUIRE(news);
    const Corpus& c = (*news)->corpus;
    const std::vector<DocumentRow> rows = app::documentRows(**news);
    REQUIRE(rows.size() == c.documents.size());
    size_t links = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        INFO(c.documents[i].file);
        CHECK(rows[i].year == c.documents[i].date.year);
        CHECK(rows[i].linkYears.size() == rows[i].links);
        CHECK(rows[i].searchKey == documentSearchKey(rows[i].title, rows[i].source));
        links += rows[i].links;
    }
    CHECK(links == c.links.size());

    const DocumentFacets f = documentFacets(rows);
    std::set<std::pair<std::string, Country>> listed;
    for (const auto& p : f.provinces) listed.insert({p.province.name, p.province.country});
    // Verified on the shared articles (ingest --json): the links resolve into
    // these provinces, the Vietnamese ones in 2023 and 2025 alike.
    for (const auto& p : std::vector<std::pair<std::string, Country>>{{"Quảng Trị", Country::VN},
                                                                      {"Điện Biên", Country::VN},
                                                                      {"Savannakhet", Country::LA},
                                                                      {"Salavan", Country::LA},
                                                                      {"Phongsaly", Country::LA},
                                                                      {"Houaphan", Country::LA}}) {
        INFO(p.first);
        CHECK(listed.count(p) == 1);
    }
    // Thanh Hóa (2023) and Thanh Hoá (2025) are one province, listed once.
    CHECK(std::count_if(f.provinces.begin(), f.provinces.end(),
                        [](const auto& p) { return foldName(p.province.name) == "thanh hoa"; }) == 1);
    // Each link's parties: the province of every resolved unit is listed
    // for its document.
    for (const Link& l : c.links)
        for (const Party* party : {&l.vn, &l.la})
            for (const ResolvedUnit& u : party->units) {
                const std::string province = u.level == Level::Province ? u.name : u.parent;
                const auto& mine = rows[l.document].provinces;
                INFO(u.name << " in " << province);
                CHECK(std::any_of(mine.begin(), mine.end(), [&](const DocumentProvince& p) {
                    return p.country == u.country && foldName(p.name) == foldName(province);
                }));
            }

    DocumentFilter sav;
    sav.province = DocumentProvince{"Savannakhet", Country::LA};
    const auto shown = filterDocuments(rows, sav);
    REQUIRE_FALSE(shown.empty());
    for (size_t i : shown) {
        INFO(rows[i].title);
        CHECK(rows[i].text == &c.documents[i].text);  // the index points into the full list
    }
}
