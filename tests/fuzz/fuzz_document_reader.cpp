// libFuzzer target: arbitrary bytes as a news article -> reader (UTF-8,
// date line, trailing cut) -> extraction and resolution against the real
// catalog (or the fixtures when the shared data is absent). Must never
// crash or hang; bad bytes are errors, not faults.
#include <cstdint>
#include <memory>
#include <string>

#include "core/news/extract.hpp"
#include "core/news/resolve.hpp"
#include "io/catalog.hpp"
#include "io/data_root.hpp"
#include "io/document_reader.hpp"
#include "io/gates.hpp"
#include "io/layer_loader.hpp"
#include "io/lexicon.hpp"

namespace {

struct World {
    bl::io::Catalog catalog;
    bl::Dataset data;
    bl::CuratedPlaces curated;
    bl::Lexicon lexicon;
    std::unique_ptr<bl::Resolver> resolver;
};

World* makeWorld() {
    auto* w = new World;
    auto root = bl::io::resolveDataRoot("");
    std::string catalogPath = bl::io::defaultCatalogPath();
    std::string dataRoot = root ? *root : std::string(BORDERLENS_SOURCE_DIR "/tests/fixtures");
    if (!root) catalogPath = BORDERLENS_SOURCE_DIR "/tests/fixtures/catalog.json";
    auto cat = bl::io::loadCatalog(catalogPath);
    if (!cat) __builtin_trap();
    w->catalog = std::move(*cat);
    auto data = bl::io::loadDataset(w->catalog, dataRoot);
    if (!data) __builtin_trap();
    w->data = std::move(*data);
    auto curated = bl::io::loadCuratedPlaces(bl::io::defaultGeodataDir());
    if (curated) w->curated = std::move(*curated);
    auto lexicon = bl::io::loadLexicon(bl::io::defaultLexiconPath());
    if (!lexicon) __builtin_trap();
    w->lexicon = std::move(*lexicon);
    w->resolver = std::make_unique<bl::Resolver>(w->data, w->catalog.aliases, w->curated);
    return w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
    static World* world = makeWorld();  // lives for the process
    auto doc = bl::io::parseDocument("fuzz.txt", std::string(reinterpret_cast<const char*>(bytes), size),
                                     world->lexicon);
    if (!doc) return 0;
    std::vector<bl::Document> docs;
    docs.push_back(std::move(*doc));
    const bl::Corpus corpus = bl::extractCorpus(std::move(docs), *world->resolver, world->lexicon);
    for (const auto& l : corpus.links)
        if (l.span.end > size || l.span.begin > l.span.end) __builtin_trap();  // spans must point into the input
    return 0;
}
