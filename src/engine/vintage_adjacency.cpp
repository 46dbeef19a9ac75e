#include "engine/vintage_adjacency.hpp"

#include "io/adjacency_cache.hpp"

namespace bl::engine {

std::vector<LevelAdjacency> levelsWithAdjacency(const io::Catalog& catalog, const std::string& vintage) {
    return planSystemAdjacency(catalog.layers, catalog.vintages, vintage);
}

Result<std::shared_ptr<const VintageAdjacency>> adjacencyOfVintage(const io::Catalog& catalog,
                                                                  std::shared_ptr<const Dataset> data,
                                                                  const std::string& vintage, unsigned threads,
                                                                  JobControl* control) {
    if (!catalog.vintages.find(vintage))
        return makeError("no Vietnamese system '" + vintage + "' in catalog " + catalog.file);
    auto out = std::make_shared<VintageAdjacency>();
    out->dataset = data;
    out->vintage = vintage;
    out->levels = levelsWithAdjacency(catalog, vintage);
    LayerPairs pairs;
    for (const auto& level : out->levels) pairs.insert(pairs.end(), level.pairs.begin(), level.pairs.end());
    for (size_t i = 0; i < pairs.size(); ++i) {
        if (control && control->stopRequested()) return makeError("computing adjacency was cancelled");
        const Layer* a = data->layer(pairs[i].first);
        const Layer* b = data->layer(pairs[i].second);
        if (a && b) {
            AdjacencyOptions opt;
            opt.threads = threads;
            auto r = io::cachedAdjacency(*data, *a, *b, opt, true);
            out->borders.insert(out->borders.end(), std::make_move_iterator(r.begin()), std::make_move_iterator(r.end()));
        }
        if (control) control->progress(float(i + 1) / float(pairs.size()), "computing adjacency (" + vintage + ")");
    }
    return std::shared_ptr<const VintageAdjacency>(std::move(out));
}

}  // namespace bl::engine
