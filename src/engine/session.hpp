#pragma once
// The headless engine's entry point: a catalog, a data root and the layers
// loaded from them on demand. Every front-end (each CLI command, the viewer,
// the export) opens one Session and asks it for what it needs: the layers a
// view of one Vietnamese system shows, the layers a query plans, or all of
// them. Each set of layers is read through GDAL once per session, whatever
// the number of requests.
//
// Thread-safety: every method may be called from several threads.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/boundaries/vintage.hpp"
#include "core/news/lexicon.hpp"
#include "core/news/resolve.hpp"
#include "core/result.hpp"
#include "io/catalog.hpp"
#include "io/prepared_store.hpp"

namespace bl::engine {

struct SessionOptions {
    std::string catalogPath;  // empty = geodata/catalog.json of this checkout
    std::string dataRoot;     // empty = the rules of io/data_root.hpp
    // The prepared-data store (io/prepared_store.hpp): on by default, in
    // storeDir (empty = its default place).
    bool useStore = true;
    std::string storeDir;
    // One line for each store entry found stale or damaged (and rebuilt);
    // called from loading threads, one call at a time.
    std::function<void(const std::string&)> notice;
};

// Per loaded layer: its id, how many are done of how many.
using LayerProgress = std::function<void(const std::string& layerId, size_t done, size_t total)>;

class Session {
public:
    // Reads the catalog (and its alias table) and finds the data root; no
    // layer is read yet. Errors name the file.
    static Result<std::shared_ptr<Session>> open(const SessionOptions& options);

    const io::Catalog& catalog() const { return *m_catalog; }
    std::shared_ptr<const io::Catalog> sharedCatalog() const { return m_catalog; }
    const VintagePolicy& vintages() const { return m_catalog->vintages; }
    const std::string& dataRoot() const { return m_dataRoot; }

    // Layer ids, in catalog order.
    std::vector<std::string> allLayers() const;
    // What a map of the Vietnamese system `vintage` shows: its layers and
    // every Lao layer.
    std::vector<std::string> layersShown(const std::string& vintage) const;

    // A dataset of exactly these layers (empty = all) and the parents they
    // name, in catalog order. The same set of layers gives the same dataset
    // object (so units compare equal by address across every use-case of
    // the session). Errors name
    // the file; an unknown id is an error naming the catalog. Each layer is
    // read once per session (from the prepared-data store when it holds it,
    // else through GDAL, then stored), whatever the sets it is part of.
    Result<std::shared_ptr<const Dataset>> load(const std::vector<std::string>& ids = {},
                                                const LayerProgress& progress = {}, std::stop_token stop = {});

    // Our curated border gates, localities and succession table (geodata/),
    // read once; every gate pair has a position (cited, or placed on its
    // districts' border stretch: see engine/gate_positions.hpp), from the
    // layers of `available` when it holds them, else from layers loaded for
    // it. The first call decides.
    Result<std::shared_ptr<const CuratedPlaces>> curated(std::shared_ptr<const Dataset> available = nullptr);
    // The gates the first curated() could not place, one line each ("id: why").
    std::vector<std::string> unplacedGates();
    // The news word lists (geodata/news_words.json), read once.
    Result<std::shared_ptr<const Lexicon>> lexicon();

    // The prepared-data store; null with SessionOptions::useStore false.
    const io::PreparedStore* store() const { return m_store.get(); }
    const std::function<void(const std::string&)>& notice() const { return m_notice; }
    std::shared_ptr<const io::PreparedStore> sharedStore() const { return m_store; }

private:
    Session() = default;
    std::shared_ptr<const io::Catalog> m_catalog;
    std::string m_dataRoot;
    std::shared_ptr<const io::PreparedStore> m_store;
    std::function<void(const std::string&)> m_notice;
    std::mutex m_mutex;
    // By id: each layer read, inside the first dataset it was read for
    // (moved there; a later set holding it copies it from there).
    std::map<std::string, const Layer*> m_layers;
    std::map<std::vector<std::string>, std::shared_ptr<const Dataset>> m_datasets;  // by sorted layer ids
    std::mutex m_curatedMutex;  // held while placing gates, which loads layers under m_mutex
    std::shared_ptr<const CuratedPlaces> m_curated;
    std::vector<std::string> m_unplacedGates;  // under m_curatedMutex
    std::shared_ptr<const Lexicon> m_lexicon;
};

}  // namespace bl::engine
