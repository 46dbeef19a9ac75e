#include "io/context_layer.hpp"

#include <algorithm>

#include "io/prepared_store.hpp"

namespace bl::io {

Result<ContextLayer> loadContextLayer(const ContextLayerSpec& spec, const std::string& dataRoot,
                                      const PreparedStore* store, std::string* notice) {
    // The boundary loader does the reading; the country and level it wants
    // are placeholders that nothing downstream sees (the result is no Layer).
    LayerSpec read;
    read.id = spec.id;
    read.path = spec.path;
    read.gdalLayer = spec.gdalLayer;
    read.vintage.label = "context";
    read.fields.id = spec.idField;
    read.fields.name = spec.nameField;
    auto layer = loadLayerPrepared(read, dataRoot, store, notice);
    if (!layer) return layer.error();
    ContextLayer out;
    out.spec = spec;
    out.preparedKey = layer->preparedKey;
    for (AdminUnit& u : layer->units) {
        ContextFeature f;
        f.own =
            std::any_of(spec.countries.begin(), spec.countries.end(), [&](const auto& c) { return c.second == u.id; });
        f.id = std::move(u.id);
        f.name = std::move(u.name);
        f.geometry = std::move(u.geometry);
        f.bounds = u.bounds;
        out.features.push_back(std::move(f));
    }
    return out;
}

}  // namespace bl::io
