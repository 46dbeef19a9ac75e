#pragma once
// The shared borders a map of one Vietnamese system shows: provinces, and
// the finest level that system has (districts, or communes × Lao districts),
// as core/boundaries/adjacency_plan.hpp plans them, through the on-disk
// cache. The viewer's Inspector and Adjacency explorer read these.
#include <memory>
#include <string>
#include <vector>

#include "core/boundaries/adjacency.hpp"
#include "core/result.hpp"
#include "engine/job.hpp"
#include "io/catalog.hpp"

namespace bl::engine {

struct VintageAdjacency {
    std::shared_ptr<const Dataset> dataset;  // keeps the units the borders point to alive
    std::string vintage;
    std::vector<SharedBorder> borders;  // every level, each sorted by descending km
};

// `threads` for the computation (the viewer leaves a core to its UI).
Result<std::shared_ptr<const VintageAdjacency>> adjacencyOfVintage(const io::Catalog& catalog,
                                                                  std::shared_ptr<const Dataset> data,
                                                                  const std::string& vintage, unsigned threads,
                                                                  JobControl* control = nullptr);

}  // namespace bl::engine
