#pragma once
// Loads catalog layers through GDAL/OGR (any vector format GDAL reads),
// reprojects them into the working CRS (core/crs.hpp), validates every
// geometry and repairs invalid ones with GEOS (counted in Layer::repaired),
// and links every unit to its parent.
#include <functional>
#include <stop_token>
#include <string>

#include "core/boundaries/model.hpp"
#include "core/result.hpp"
#include "io/catalog.hpp"

namespace bl::io {

// What GDAL opens for a layer: a PostgreSQL connection string as written,
// an absolute path as is, a relative one under `dataRoot`.
std::string layerSource(const LayerSpec& spec, const std::string& dataRoot);

// One layer; `dataRoot` resolves a relative spec.path. Errors name the file
// and the problem (missing, unreadable, no such layer, missing field, ...).
// A spec.path that is a PostgreSQL connection string ("PG:...", see
// io/connection_text.hpp) is opened as written, spec.gdalLayer naming the
// table; errors name it with its password hidden.
// A stop request (`stop`) ends it between features with an error.
Result<Layer> loadLayer(const LayerSpec& spec, const std::string& dataRoot, std::stop_token stop = {});

class PreparedStore;

struct LoadOptions {
    std::vector<std::string> only;  // layer ids to load; empty = all
    unsigned threads = 0;           // 0 = hardware concurrency
    std::function<void(const std::string& layerId, size_t done, size_t total)> progress;
    std::stop_token stop;           // a stop request ends loading with an error, promptly
    // Through the prepared-data store (io/prepared_store.hpp) when given;
    // `notice` hears of each entry found stale or damaged (one call at a time).
    const PreparedStore* store = nullptr;
    std::function<void(const std::string&)> notice;
};

// These layers, read in parallel (largest files first, so the threads
// finish together); results in the order given. `opt.only` is not used.
std::vector<Result<Layer>> loadLayers(const std::vector<const LayerSpec*>& specs, const std::string& dataRoot,
                                      const LoadOptions& opt = {});

// All (or the selected) layers, loaded in parallel, parents resolved.
Result<Dataset> loadDataset(const Catalog& catalog, const std::string& dataRoot, const LoadOptions& opt = {});

// Parent links: by the parent-id field where the mapping has one, else by
// containment of a point on the unit's surface in the parent layer.
void resolveParents(Dataset& data);

}  // namespace bl::io
