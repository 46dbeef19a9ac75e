#include "engine/session.hpp"

#include <algorithm>

#include "engine/gate_positions.hpp"

#include "io/data_root.hpp"
#include "io/gates.hpp"
#include "io/lexicon.hpp"
#include "io/layer_loader.hpp"

namespace bl::engine {

Result<std::shared_ptr<Session>> Session::open(const SessionOptions& options) {
    auto cat = io::loadCatalog(options.catalogPath.empty() ? io::defaultCatalogPath() : options.catalogPath);
    if (!cat) return cat.error();
    auto root = io::resolveDataRoot(options.dataRoot);
    if (!root) return root.error();
    std::shared_ptr<Session> s(new Session);
    s->m_catalog = std::make_shared<const io::Catalog>(std::move(*cat));
    s->m_dataRoot = *root;
    if (options.useStore) s->m_store = std::make_shared<const io::PreparedStore>(options.storeDir);
    s->m_notice = options.notice;
    return s;
}

std::vector<std::string> Session::allLayers() const {
    std::vector<std::string> ids;
    for (const auto& l : m_catalog->layers) ids.push_back(l.id);
    return ids;
}

std::vector<std::string> Session::layersShown(const std::string& vintage) const {
    std::vector<std::string> ids;
    for (const auto& l : m_catalog->layers)
        if (l.country == Country::LA || l.vintage.label == vintage) ids.push_back(l.id);
    return ids;
}

Result<std::shared_ptr<const Dataset>> Session::load(const std::vector<std::string>& ids, const LayerProgress& progress,
                                                     std::stop_token stop) {
    std::vector<std::string> wanted = ids.empty() ? allLayers() : ids;
    for (const auto& id : wanted)
        if (!m_catalog->layer(id))
            return optionError("unknown layer id \"" + id + "\" (not in catalog " + m_catalog->file + ")");
    // Parents name the units' parents: they come along.
    for (size_t i = 0; i < wanted.size(); ++i) {
        const std::string& parent = m_catalog->layer(wanted[i])->parentLayer;
        if (!parent.empty() && std::find(wanted.begin(), wanted.end(), parent) == wanted.end()) wanted.push_back(parent);
    }

    std::lock_guard lock(m_mutex);  // one loader at a time; the layers it reads are read in parallel
    std::vector<std::string> key = wanted;
    std::sort(key.begin(), key.end());
    if (auto it = m_datasets.find(key); it != m_datasets.end()) return it->second;

    // The layers not read yet, read in parallel.
    std::vector<const LayerSpec*> todo;
    for (const auto& id : wanted)
        if (!m_layers.count(id)) todo.push_back(m_catalog->layer(id));
    io::LoadOptions opt;
    opt.progress = progress;
    opt.stop = stop;
    opt.store = m_store.get();
    opt.notice = m_notice;
    std::vector<Result<Layer>> results = io::loadLayers(todo, m_dataRoot, opt);
    if (stop.stop_requested()) return makeError("loading was cancelled");
    for (const auto& r : results)
        if (!r.ok()) return r.error();

    // The set, in catalog order (layers just read moved in, others copied);
    // parents are named within it.
    Dataset data;
    data.dataRoot = m_dataRoot;
    for (const auto& l : m_catalog->layers) {
        if (std::find(wanted.begin(), wanted.end(), l.id) == wanted.end()) continue;
        if (auto it = m_layers.find(l.id); it != m_layers.end()) {
            data.layers.push_back(*it->second);
            continue;
        }
        for (size_t i = 0; i < todo.size(); ++i)
            if (todo[i]->id == l.id) data.layers.push_back(std::move(results[i].value()));
    }
    io::resolveParents(data);
    std::shared_ptr<const Dataset> shared = std::make_shared<const Dataset>(std::move(data));
    for (const auto& l : shared->layers) m_layers.emplace(l.spec.id, &l);  // kept: the datasets live as long as the session
    m_datasets.emplace(std::move(key), shared);
    return shared;
}

namespace {

// Reads a geodata file once: the slot keeps what `read` gave (under `mutex`).
template <typename T, typename Read>
Result<std::shared_ptr<const T>> readOnce(std::mutex& mutex, std::shared_ptr<const T>& slot, Read read) {
    std::lock_guard lock(mutex);
    if (!slot) {
        Result<T> r = read();
        if (!r) return r.error();
        slot = std::make_shared<const T>(std::move(*r));
    }
    return slot;
}

}  // namespace

Result<std::shared_ptr<const CuratedPlaces>> Session::curated(std::shared_ptr<const Dataset> available) {
    return readOnce(m_curatedMutex, m_curated, [&]() -> Result<CuratedPlaces> {
        auto c = io::loadCuratedPlaces(io::defaultGeodataDir());
        if (!c) return c.error();
        m_unplacedGates = placeGates(*this, c->gates, std::move(available)).unplaced;
        return c;
    });
}

std::vector<std::string> Session::unplacedGates() {
    std::lock_guard lock(m_curatedMutex);
    return m_unplacedGates;
}

Result<std::shared_ptr<const Lexicon>> Session::lexicon() {
    return readOnce(m_mutex, m_lexicon, [] { return io::loadLexicon(io::defaultLexiconPath()); });
}

}  // namespace bl::engine
