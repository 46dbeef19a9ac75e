#pragma once
// A generated corpus of news articles in our style, for the ingest benchmark
// (`borderlens bench ingest`) and for tests of the extractor at scale. The
// sentences are our own templates (no article's text is reused); the names
// come from the catalog's layers and the gate catalogue: Vietnamese and Lao
// provinces and districts that share a border (through the adjacency cache)
// and the gates on their border, so every generated link checks as touching.
//
// Each article is a file in the format of io/document_reader: a first line
// " date YYYY-MM-DD", a headline, a blank line, the body. Each states one or
// two links (twinning, a cooperation plan, other cooperation) between a
// Vietnamese and a Lao party, and may name a gate of the pair's border. What
// an article states is returned with it, so a test can hold the extractor to
// it. Deterministic: the same seeds, count and seed give the same bytes.
#include <cstdint>
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/news/documents.hpp"
#include "core/result.hpp"
#include "engine/session.hpp"

namespace bl::engine {

// One side of a border pair as the templates write it.
struct GeneratorUnit {
    std::string layerId, unitId;          // the unit the name is meant to resolve to
    std::string name, asciiName;          // "Hướng Hóa" / "Huong Hoa" (the same for Lao names)
    std::string province, provinceAscii;  // enclosing province of a district; empty for a province
};

// A Vietnamese and a Lao unit of one level that share a border.
struct GeneratorPair {
    Level level = Level::Province;
    GeneratorUnit vn, la;
    double sharedKm = 0.0;
    std::vector<size_t> gates;  // indices into GeneratorSeeds::gates on this border
};

// A gate pair of the catalogue (geodata/border_gates.json).
struct GeneratorGate {
    std::string id;     // "lao-bao"
    std::string level;  // "international", "national", "auxiliary"
    std::string vnName, vnAscii, laName;
};

// What the templates draw from. Built once from a session; plain data after.
struct GeneratorSeeds {
    std::vector<GeneratorPair> provinces, districts;
    std::vector<GeneratorGate> gates;
};

// The province and district pairs across the border in the Vietnamese system
// that has districts (VintagePolicy::forLevel), sharing at least
// `minSharedKm` km, and the catalogue's gates on their borders. Loads those
// layers through the session and reads adjacency through the on-disk cache
// unless `useCache` is false. Errors name the layer or file.
Result<GeneratorSeeds> generatorSeeds(Session& session, bool useCache = true, double minSharedKm = 3.0);

// A link an article states, and the units its parties are meant to resolve to.
struct ExpectedLink {
    LinkKind kind = LinkKind::Other;
    Level level = Level::Province;
    std::string vnName, laName;  // the place names as written
    std::string vnLayer, vnUnitId, laLayer, laUnitId;
    std::string period;  // "2026–2030", "2026" or empty (cooperation plans only)
};

struct GeneratedArticle {
    std::string file;                 // file name inside the corpus folder ("gen_000042.txt")
    std::string text;                 // the file's bytes (empty in GeneratedCorpus::articles)
    std::string date;                 // the stated date, ISO
    std::vector<ExpectedLink> links;  // in the order the article states them
    std::vector<std::string> gates;   // ids of the catalogue gates it names
};

// Article `index` of the corpus of `seed`: a pure function of its arguments
// (an article does not depend on the others, so one can be regenerated or
// changed alone). `seeds` must hold at least one pair.
GeneratedArticle generateArticle(const GeneratorSeeds& seeds, size_t index, uint64_t seed);

struct GeneratedCorpus {
    std::string dir;
    std::vector<GeneratedArticle> articles;  // text left empty: the files hold it
    size_t bytes = 0;                        // written in all
};

// Writes articles 0..count-1 of `seed` into `dir` (made when missing; files
// of the same names are replaced, others left alone). Errors name the file.
Result<GeneratedCorpus> writeGeneratedCorpus(const std::string& dir, size_t count, uint64_t seed,
                                             const GeneratorSeeds& seeds);
// The same, with the seeds of generatorSeeds(session).
Result<GeneratedCorpus> writeGeneratedCorpus(const std::string& dir, size_t count, uint64_t seed, Session& session,
                                             bool useCache = true);

}  // namespace bl::engine
