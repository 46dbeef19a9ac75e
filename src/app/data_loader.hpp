#pragma once
// Everything the map needs, loaded and prepared off the UI thread: catalog,
// dataset, gazetteer, map geometry. Handed over as an immutable snapshot.
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <map>
#include <vector>

#include "core/boundaries/adjacency.hpp"
#include "core/news/documents.hpp"
#include "core/names/gazetteer.hpp"
#include "core/news/link_check.hpp"
#include "core/news/resolve.hpp"
#include "core/boundaries/model.hpp"
#include "core/result.hpp"
#include "io/catalog.hpp"
#include "render/map_geometry.hpp"

namespace bl::app {

struct MapData {
    io::Catalog catalog;
    std::shared_ptr<const Dataset> dataset;
    std::unique_ptr<Gazetteer> gazetteer;  // refers to dataset and catalog.aliases
    std::shared_ptr<const render::MapGeometry> geometry;

    // The documents overlay: links and places from the articles in the
    // documents root, each link checked against adjacency. The checks point
    // into linkAdjacency. documentsNote says why there is nothing.
    CuratedPlaces curated;
    Corpus corpus;
    std::map<std::pair<const Layer*, const Layer*>, std::vector<SharedBorder>> linkAdjacency;
    std::vector<LinkCheck> linkChecks;  // parallel to corpus.links
    std::string documentsNote;
};

// progress(fraction 0..1, what is happening); called from the loading thread.
using LoadProgress = std::function<void(float, const std::string&)>;

// Loads synchronously on the calling thread. Empty catalogPath/dataRoot mean
// the defaults (geodata/catalog.json; --data-root rules of io/data_root.hpp).
Result<std::shared_ptr<const MapData>> loadMapData(const std::string& catalogPath, const std::string& dataRoot,
                                                   const LoadProgress& progress = {});

// Runs loadMapData on its own thread; poll from the UI thread.
class BackgroundLoader {
public:
    BackgroundLoader(std::string catalogPath, std::string dataRoot);
    ~BackgroundLoader();
    BackgroundLoader(const BackgroundLoader&) = delete;
    BackgroundLoader& operator=(const BackgroundLoader&) = delete;

    bool finished() const { return m_finished.load(); }
    float fraction() const;
    std::string stage() const;
    // Valid once finished(): the data, or the error.
    const Result<std::shared_ptr<const MapData>>& result() const { return *m_result; }

private:
    mutable std::mutex m_mutex;
    float m_fraction = 0.0f;
    std::string m_stage = "starting";
    std::optional<Result<std::shared_ptr<const MapData>>> m_result;
    std::atomic<bool> m_finished{false};
    std::thread m_thread;
};

}  // namespace bl::app
