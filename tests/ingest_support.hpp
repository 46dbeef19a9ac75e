#pragma once
// The documents pipeline on the real data, built once per test process.
#include <set>
#include <string>
#include <tuple>

#include "core/news/extract.hpp"
#include "core/news/resolve.hpp"
#include "io/data_root.hpp"
#include "io/document_reader.hpp"
#include "io/gates.hpp"
#include "io/lexicon.hpp"
#include "support.hpp"

namespace bl::test {

inline const CuratedPlaces& curatedPlaces() {
    static const CuratedPlaces c = [] {
        auto r = io::loadCuratedPlaces(io::defaultGeodataDir());
        if (!r) FAIL(r.error().message);
        return *r;
    }();
    return c;
}

// The project's word lists (geodata/news_words.json).
inline const Lexicon& lexicon() {
    static const Lexicon l = [] {
        auto r = io::loadLexicon(io::defaultLexiconPath());
        if (!r) FAIL(r.error().message);
        return *r;
    }();
    return l;
}

inline const Resolver& realResolver() {
    static const Resolver r(*realData(), realCatalog().aliases, curatedPlaces());
    return r;
}

inline Corpus ingest(const std::vector<std::string>& paths) {
    auto docs = io::readDocuments(paths, lexicon());
    if (!docs) FAIL(docs.error().message);
    return extractCorpus(std::move(*docs), realResolver(), lexicon());
}

inline std::string sharedDocument(const std::string& name) {
    auto root = io::resolveDocumentsRoot("");
    if (!root) FAIL(root.error().message);
    return (fs::path(*root) / name).string();
}

inline std::string unitName(const std::vector<ResolvedUnit>& units, const std::string& vintage) {
    for (const auto& u : units)
        if (u.vintage == vintage) return u.name;
    return "-";
}

// kind, vn party, la party, VN 2023 unit, VN 2025 unit, LA 2019 unit, period
using LinkRow = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string, std::string>;

inline std::set<LinkRow> linkRows(const Corpus& c, const std::string& fileSuffix) {
    std::set<LinkRow> out;
    for (const auto& l : c.links) {
        const std::string& f = c.documents[l.document].file;
        if (f.size() < fileSuffix.size() || f.compare(f.size() - fileSuffix.size(), fileSuffix.size(), fileSuffix) != 0)
            continue;
        out.insert({toString(l.kind), l.vn.name, l.la.name, unitName(l.vn.units, "2023"), unitName(l.vn.units, "2025"),
                    unitName(l.la.units, "2019"), l.period});
    }
    return out;
}

// kind, name, country, first unit (2023 or 2019)
using PlaceRow = std::tuple<std::string, std::string, std::string, std::string>;

inline std::set<PlaceRow> placeRows(const Corpus& c, const std::string& fileSuffix) {
    std::set<PlaceRow> out;
    for (const auto& p : c.places) {
        const std::string& f = c.documents[p.document].file;
        if (f.size() < fileSuffix.size() || f.compare(f.size() - fileSuffix.size(), fileSuffix.size(), fileSuffix) != 0)
            continue;
        out.insert({toString(p.kind), p.name, p.country ? toString(*p.country) : "?",
                    p.units.empty() ? "-" : p.units.front().name});
    }
    return out;
}

}  // namespace bl::test
