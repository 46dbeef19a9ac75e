#pragma once
// Everything a map needs, prepared once and shared read-only between the
// viewer's panels, its renderer and the export: the layers asked for, the
// gazetteer over them, the drawable geometry (levels of detail, triangles,
// label anchors), our curated gates and, when asked, the documents. Built
// off the UI thread (engine/job.hpp) and handed over as
// std::shared_ptr<const MapData>.
#include <memory>
#include <string>
#include <vector>

#include "core/names/gazetteer.hpp"
#include "core/result.hpp"
#include "engine/job.hpp"
#include "engine/map_geometry.hpp"
#include "engine/news.hpp"
#include "engine/session.hpp"

namespace bl::engine {

struct MapData {
    // Declaration order matters: the gazetteer refers to the dataset and
    // the catalog's aliases, so it is destroyed before them.
    std::shared_ptr<const io::Catalog> catalog;
    std::shared_ptr<const Dataset> dataset;
    std::shared_ptr<const Gazetteer> gazetteer;
    std::shared_ptr<const MapGeometry> geometry;
    std::shared_ptr<const CuratedPlaces> curated;  // empty places when geodata/ could not be read
    std::shared_ptr<const News> news;              // null when not asked for or not readable
    std::string newsNote;                          // why there are no documents (or no links)
    std::string contextNote;                       // why a context layer is not drawn (empty: all are)
};

struct MapRequest {
    std::vector<std::string> layers;  // layer ids; empty = every layer
    bool news = false;                // read the documents too (every layer is then loaded)
    bool newsRequired = false;        // with news: a document error fails the whole request
    NewsRequest newsRequest;
};

// Loads and prepares synchronously; `control` (may be null) receives
// progress and stop requests. Documents are an overlay: unless required,
// their failure leaves `news` null and says why in `newsNote`. The catalog's
// context layers (neighbouring countries, drawn under the map) are read
// alongside the boundaries, into `geometry` only: one that cannot be read is
// left out, said once in `contextNote` and through the session's notice (on
// standard error when the session has none).
Result<std::shared_ptr<const MapData>> prepareMap(Session& session, const MapRequest& request,
                                                  JobControl* control = nullptr);

}  // namespace bl::engine
