#include "engine/vintage_adjacency.hpp"

#include "core/boundaries/adjacency_plan.hpp"
#include "io/adjacency_cache.hpp"

namespace bl::engine {

Result<std::shared_ptr<const VintageAdjacency>> adjacencyOfVintage(const io::Catalog& catalog,
                                                                  std::shared_ptr<const Dataset> data,
                                                                  const std::string& vintage, unsigned threads,
                                                                  JobControl* control) {
    const AdminSystem* sys = catalog.vintages.find(vintage);
    if (!sys) return makeError("no Vietnamese system '" + vintage + "' in catalog " + catalog.file);
    auto out = std::make_shared<VintageAdjacency>();
    out->dataset = data;
    out->vintage = vintage;
    std::vector<std::pair<std::string, std::string>> pairs;
    std::vector<Level> levels{Level::Province};
    if (sys->finest() != Level::Province) levels.push_back(sys->finest());
    for (Level level : levels) {
        auto plan = planAdjacency(catalog.layers, catalog.vintages, {level, vintage, false});
        if (plan) pairs.insert(pairs.end(), plan->begin(), plan->end());
    }
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
