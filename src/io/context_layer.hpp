#pragma once
// Reading a context layer (io/catalog.hpp ContextLayerSpec): the countries
// drawn under the map. Read like a boundary layer (GDAL, the working CRS,
// geometries made valid, through the prepared-data store) but kept apart
// from every Dataset, so it never reaches adjacency, the gazetteer or the
// documents' resolution.
#include <string>
#include <vector>

#include "core/boundaries/geometry.hpp"
#include "core/result.hpp"
#include "io/catalog.hpp"

namespace bl::io {

class PreparedStore;

struct ContextFeature {
    std::string id;
    std::string name;
    bool own = false;       // one of the map's own countries (ContextLayerSpec::countries)
    MultiPolygon geometry;  // working CRS, valid
    Box bounds;
};

struct ContextLayer {
    ContextLayerSpec spec;
    std::vector<ContextFeature> features;
    // What it was made from (io/prepared_store.hpp layerIdentity); keys what
    // is derived from it. Empty when the source could not be identified.
    std::string preparedKey;
};

// One context layer; `dataRoot` resolves a relative path. Errors are those
// of a boundary layer (they name the file: missing, unreadable, no such
// layer or field, ...). `store` may be null; `notice` receives one line when
// its entry there was stale or damaged (and is rebuilt).
Result<ContextLayer> loadContextLayer(const ContextLayerSpec& spec, const std::string& dataRoot,
                                      const PreparedStore* store = nullptr, std::string* notice = nullptr);

}  // namespace bl::io
