// The generated corpus of `bench ingest`: the same seed gives the same
// bytes, and the real extractor reads back what the generator meant each
// article to state (the link, its kind, the units of both parties, the gate),
// so the benchmark ingests articles that behave like ours.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/corpus_generator.hpp"
#include "engine/news.hpp"
#include "engine/session.hpp"
#include "session_support.hpp"
#include "support.hpp"

using namespace bl;
using namespace bl::engine;

namespace fs = std::filesystem;

namespace {

std::shared_ptr<Session> session() { return bl::test::realSession(); }

const GeneratorSeeds& realSeeds() {
    static const GeneratorSeeds seeds = [] {
        auto r = generatorSeeds(*session());
        if (!r) FAIL(r.error().message);
        return *r;
    }();
    return seeds;
}

// A fresh folder under the temporary directory, removed at scope exit.
class Folder {
public:
    Folder() {
        std::string tmpl = (fs::temp_directory_path() / "borderlens-gen-XXXXXX").string();
        m_path = mkdtemp(tmpl.data());
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    std::string path() const { return m_path.string(); }

private:
    fs::path m_path;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Two made-up pairs: enough for the generator, no data needed.
GeneratorSeeds madeUpSeeds() {
    GeneratorSeeds s;
    s.gates.push_back({"g1", "national", "Cửa Một", "Cua Mot", "Pak One"});
    GeneratorPair p;
    p.level = Level::Province;
    p.vn = {"vn_p", "1", "Tỉnh Một", "Tinh Mot", "", ""};
    p.la = {"la_p", "A", "Khoueng", "Khoueng", "", ""};
    p.gates = {0};
    s.provinces.push_back(p);
    GeneratorPair d;
    d.level = Level::District;
    d.vn = {"vn_d", "11", "Huyện Hai", "Huyen Hai", "Tỉnh Một", "Tinh Mot"};
    d.la = {"la_d", "A1", "Muang", "Muang", "Khoueng", "Khoueng"};
    s.districts.push_back(d);
    return s;
}

const char* kindName(LinkKind k) { return toString(k); }

}  // namespace

TEST_CASE("Generated articles are the same for the same seed and start with a date line and a headline",
          "[generator]") {
    const GeneratorSeeds seeds = madeUpSeeds();
    size_t differ = 0;
    for (size_t i = 0; i < 200; ++i) {
        const GeneratedArticle a = generateArticle(seeds, i, 7);
        const GeneratedArticle b = generateArticle(seeds, i, 7);
        INFO(a.text);
        CHECK(a.text == b.text);
        CHECK(a.file == b.file);
        differ += generateArticle(seeds, i, 8).text != a.text;
        REQUIRE(a.text.rfind(" date " + a.date + "\n", 0) == 0);
        CHECK(a.date >= "2023-01-01");
        CHECK(a.date <= "2025-06-30");
        const size_t headlineEnd = a.text.find('\n', 17);
        REQUIRE(headlineEnd != std::string::npos);
        CHECK(headlineEnd > 17);
        CHECK(a.text.compare(headlineEnd, 2, "\n\n") == 0);
        CHECK(a.text.find("{") == std::string::npos);
        CHECK(a.text.find("  ") == std::string::npos);
        REQUIRE_FALSE(a.links.empty());
        CHECK(a.links.size() <= 2);
        for (const auto& l : a.links) {
            CHECK(a.text.find(l.vnName) != std::string::npos);
            CHECK(a.text.find(l.laName) != std::string::npos);
            CHECK(l.period.empty() == (l.kind != LinkKind::CooperationPlan));
        }
    }
    CHECK(differ > 190);

    Folder one, two;
    auto c1 = writeGeneratedCorpus(one.path(), 25, 42, seeds);
    auto c2 = writeGeneratedCorpus(two.path(), 25, 42, seeds);
    REQUIRE(c1);
    REQUIRE(c2);
    REQUIRE(c1->articles.size() == 25);
    CHECK(c1->bytes == c2->bytes);
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(one.path())) {
        ++files;
        CHECK(slurp(e.path()) == slurp(fs::path(two.path()) / e.path().filename()));
    }
    CHECK(files == 25);
    CHECK(slurp(fs::path(one.path()) / c1->articles[3].file) == generateArticle(seeds, 3, 42).text);
}

TEST_CASE("Generated border pairs share a border and the gates lie on it", "[generator][real]") {
    const GeneratorSeeds& seeds = realSeeds();
    CHECK(seeds.provinces.size() >= 15);
    CHECK(seeds.districts.size() >= 40);
    CHECK(seeds.gates.size() >= 26);
    size_t withGate = 0;
    for (const auto* pairs : {&seeds.provinces, &seeds.districts})
        for (const auto& p : *pairs) {
            INFO(p.vn.name << " / " << p.la.name);
            CHECK(p.sharedKm >= 3.0);
            CHECK_FALSE(p.vn.asciiName.empty());
            CHECK(p.vn.province.empty() == (p.level == Level::Province));
            CHECK(p.la.province.empty() == (p.level == Level::Province));
            withGate += !p.gates.empty();
        }
    CHECK(withGate >= 20);
}

// Measured when written: these 40 articles state 53 links, all found with
// their kind, units and period (13 more links come from datelines); 3000
// articles of seed 99: recall 0.999 (3 with another kind after "In a
// separate meeting", 1 lost to a dateline naming the same place), precision
// 0.997 (13 extra: "May district" of Phongsaly, May read as the month), gates
// 1016 of 1026 (the catalogue's "Muang Po" is not found).
TEST_CASE("The extractor finds the generated links with their kind and intended units", "[generator][real]") {
    Folder dir;
    auto corpus = writeGeneratedCorpus(dir.path(), 40, 20260101, realSeeds());
    REQUIRE(corpus);
    NewsRequest req;
    req.paths = {dir.path()};
    req.checkLinks = true;
    auto read = readNews(*session(), req);
    REQUIRE(read);
    const News& news = **read;
    REQUIRE(news.corpus.documents.size() == corpus->articles.size());
    std::map<std::string, size_t> docOf;
    for (size_t i = 0; i < news.corpus.documents.size(); ++i)
        docOf[fs::path(news.corpus.documents[i].file).filename().string()] = i;

    auto inDateline = [&](const Link& l) {
        const std::string& text = news.corpus.documents[l.document].text;
        const size_t agency = text.find(" (VNA) \u2013 ");
        return agency != std::string::npos && l.vn.span.end <= agency;
    };
    auto sameUnits = [](const Link& l, const ExpectedLink& e) {
        const ResolvedUnit* vn = unitIn(l.vn, e.vnLayer);
        const ResolvedUnit* la = unitIn(l.la, e.laLayer);
        return vn && la && vn->unitId == e.vnUnitId && la->unitId == e.laUnitId;
    };
    size_t expected = 0, found = 0, wrongKind = 0, wrongPeriod = 0, plans = 0, touching = 0;
    size_t gatesExpected = 0, gatesFound = 0;
    std::vector<std::string> misses;
    std::vector<bool> matched(news.corpus.links.size(), false);
    for (const auto& a : corpus->articles) {
        REQUIRE(docOf.count(a.file));
        const size_t doc = docOf[a.file];
        for (const auto& e : a.links) {
            ++expected;
            const Link* hit = nullptr;
            size_t hitIndex = 0;
            for (size_t i = 0; i < news.corpus.links.size(); ++i) {
                const Link& l = news.corpus.links[i];
                if (l.document != doc || !sameUnits(l, e)) continue;
                const bool better = !hit || (l.kind == e.kind && hit->kind != e.kind) ||
                                    (l.kind == hit->kind && inDateline(*hit) && !inDateline(l));
                if (better) {
                    hit = &l;
                    hitIndex = i;
                }
            }
            const std::string what = a.file + ": " + kindName(e.kind) + " " + e.vnName + " / " + e.laName;
            if (!hit) {
                misses.push_back("missed " + what);
                continue;
            }
            matched[hitIndex] = true;
            if (hit->kind != e.kind) {
                ++wrongKind;
                misses.push_back("kind " + std::string(kindName(hit->kind)) + " for " + what);
                continue;
            }
            ++found;
            if (e.kind == LinkKind::CooperationPlan) {
                ++plans;
                if (hit->period != e.period) {
                    ++wrongPeriod;
                    misses.push_back("period '" + hit->period + "' for " + what + " (" + e.period + ")");
                }
            }
            const LinkCheck& check = news.checks[hitIndex];
            for (const auto& v : check.verdicts)
                if (v.vnLayer && v.vnLayer->spec.id == e.vnLayer && v.laLayer && v.laLayer->spec.id == e.laLayer) {
                    touching += v.touches;
                    break;
                }
        }
        for (const auto& id : a.gates) {
            ++gatesExpected;
            bool hit = false;
            for (const auto& p : news.corpus.places) hit = hit || (p.document == docOf[a.file] && p.gateId == id);
            gatesFound += hit;
            if (!hit) misses.push_back("missed gate " + id + " in " + a.file);
        }
    }
    // Links no article meant. The extractor takes the place of a mixed-case
    // agency dateline ("Điện Biên (VNA) – The Military Command of Mường Chà
    // district ...") for a party: a weakness of the extractor, not of the
    // generated text, counted apart so that the generator is held to the rest.
    size_t extra = 0, fromDateline = 0;
    for (size_t i = 0; i < matched.size(); ++i)
        if (!matched[i]) {
            const Link& l = news.corpus.links[i];
            const bool dateline = inDateline(l);
            (dateline ? fromDateline : extra) += 1;
            misses.push_back(std::string(dateline ? "dateline " : "extra ") + kindName(l.kind) + " " + l.vn.name +
                             " / " + l.la.name + " in " +
                             fs::path(news.corpus.documents[l.document].file).filename().string());
        }
    const double recall = double(found) / double(expected);
    const double precision = double(news.corpus.links.size() - extra - fromDateline) /
                             double(std::max<size_t>(news.corpus.links.size() - fromDateline, 1));
    std::ostringstream summary;
    summary << "links: " << found << " of " << expected << " found with the right kind and units (recall " << recall
            << "), " << wrongKind << " with another kind, " << extra << " extra of "
            << news.corpus.links.size() - fromDateline << " (precision " << precision << "), " << fromDateline
            << " more from a dateline; periods right " << plans - wrongPeriod << " of " << plans << "; touching "
            << touching << " of " << found << "; gates " << gatesFound << " of " << gatesExpected;
    std::string listed;
    for (const auto& m : misses) listed += m + "\n";
    INFO(summary.str());
    INFO(listed);
    CHECK(expected >= 45);
    CHECK(recall >= 0.95);
    CHECK(precision >= 0.9);
    CHECK(wrongPeriod == 0);
    CHECK(touching == found);
    CHECK(gatesFound >= gatesExpected * 9 / 10);
}
