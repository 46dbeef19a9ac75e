#include "app/data_loader.hpp"

#include "core/news/extract.hpp"
#include "io/adjacency_cache.hpp"
#include "io/data_root.hpp"
#include "io/document_reader.hpp"
#include "io/gates.hpp"
#include "io/layer_loader.hpp"
#include "io/lexicon.hpp"

namespace bl::app {

namespace {

// Documents are an overlay: without them (no documents folder, a bad file)
// the map still opens, and the panels say why.
void loadDocuments(MapData& data) {
    auto root = io::resolveDocumentsRoot("");
    if (!root) { data.documentsNote = root.error().message; return; }
    auto lexicon = io::loadLexicon(io::defaultLexiconPath());
    if (!lexicon) { data.documentsNote = lexicon.error().message; return; }
    auto docs = io::readDocuments({*root}, *lexicon);
    if (!docs) { data.documentsNote = docs.error().message; return; }
    auto curated = io::loadCuratedPlaces(io::defaultGeodataDir());
    if (!curated) { data.documentsNote = curated.error().message; return; }
    data.curated = std::move(*curated);
    const Resolver resolver(*data.dataset, data.catalog.aliases, data.curated);
    data.corpus = extractCorpus(std::move(*docs), resolver, *lexicon);
    const AdjacencyLookup lookup = [&](const Layer& vn, const Layer& la) -> const std::vector<SharedBorder>& {
        auto key = std::make_pair(&vn, &la);
        auto it = data.linkAdjacency.find(key);
        if (it == data.linkAdjacency.end())
            it = data.linkAdjacency.emplace(key, io::cachedAdjacency(*data.dataset, vn, la, AdjacencyOptions{}, true)).first;
        return it->second;
    };
    for (const auto& link : data.corpus.links)
        data.linkChecks.push_back(checkLink(link, *data.dataset, data.curated.gates, lookup));
    if (data.corpus.links.empty()) data.documentsNote = "no cross-border links in the documents of " + *root;
}

}  // namespace

Result<std::shared_ptr<const MapData>> loadMapData(const std::string& catalogPath, const std::string& dataRoot,
                                                   const LoadProgress& progress) {
    auto report = [&](float f, const std::string& s) {
        if (progress) progress(f, s);
    };
    report(0.0f, "reading the catalog");
    auto cat = io::loadCatalog(catalogPath.empty() ? io::defaultCatalogPath() : catalogPath);
    if (!cat) return cat.error();
    auto root = io::resolveDataRoot(dataRoot);
    if (!root) return root.error();
    auto data = std::make_shared<MapData>();
    data->catalog = std::move(*cat);
    io::LoadOptions opt;
    opt.progress = [&](const std::string& id, size_t done, size_t total) {
        report(0.5f * float(done) / float(total), "loaded " + id);
    };
    auto ds = io::loadDataset(data->catalog, *root, opt);
    if (!ds) return ds.error();
    data->dataset = std::make_shared<const Dataset>(std::move(*ds));
    report(0.5f, "indexing names");
    data->gazetteer = std::make_unique<Gazetteer>(*data->dataset, data->catalog.aliases);
    report(0.55f, "preparing the map (simplifying, triangulating, label anchors)");
    render::GeometryOptions gopt;
    gopt.progress = [&](size_t done, size_t total) {
        report(0.55f + 0.45f * float(done) / float(total), "preparing the map");
    };
    data->geometry = std::make_shared<const render::MapGeometry>(render::buildMapGeometry(*data->dataset, gopt));
    report(0.97f, "reading the documents");
    loadDocuments(*data);
    report(1.0f, "ready");
    return std::shared_ptr<const MapData>(std::move(data));
}

BackgroundLoader::BackgroundLoader(std::string catalogPath, std::string dataRoot) {
    m_thread = std::thread([this, catalogPath = std::move(catalogPath), dataRoot = std::move(dataRoot)] {
        auto r = loadMapData(catalogPath, dataRoot, [this](float f, const std::string& s) {
            std::lock_guard lock(m_mutex);
            m_fraction = f;
            m_stage = s;
        });
        {
            std::lock_guard lock(m_mutex);
            m_result.emplace(std::move(r));
        }
        m_finished = true;
    });
}

BackgroundLoader::~BackgroundLoader() {
    if (m_thread.joinable()) m_thread.join();
}

float BackgroundLoader::fraction() const {
    std::lock_guard lock(m_mutex);
    return m_fraction;
}

std::string BackgroundLoader::stage() const {
    std::lock_guard lock(m_mutex);
    return m_stage;
}

}  // namespace bl::app
