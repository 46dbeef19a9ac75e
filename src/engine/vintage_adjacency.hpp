#pragma once
// The shared borders a map of one Vietnamese system shows: every level the
// system has, and the Lao units' own neighbours at the Lao levels those pair
// with (core/boundaries/adjacency_plan.hpp, planSystemAdjacency), through the
// on-disk cache. The viewer's Inspector and Adjacency explorer read these.
#include <memory>
#include <string>
#include <vector>

#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/adjacency_plan.hpp"
#include "core/result.hpp"
#include "engine/job.hpp"
#include "io/catalog.hpp"

namespace bl::engine {

struct VintageAdjacency {
    std::shared_ptr<const Dataset> dataset;  // keeps the units the borders point to alive
    std::string vintage;
    std::vector<SharedBorder> borders;  // every layer pair, each pair's run sorted by descending shownKm
    std::vector<LevelAdjacency> levels;  // levelsWithAdjacency(catalog, vintage)
};

// Province, district and commune for the system `vintage`, whether each has
// shared borders in VintageAdjacency::borders (a border's level is
// adjacencyLevel(border): its finer unit's) and, when a level has only one
// country's units or none, a note saying why. For the explorer's level
// choice: in the shared data 2023 has province and district (no communes),
// 2025 province, district (Lao districts only: the reform abolished
// Vietnamese districts) and commune (2025 communes with each other and with
// the Lao districts).
std::vector<LevelAdjacency> levelsWithAdjacency(const io::Catalog& catalog, const std::string& vintage);

// `threads` for the computation (the viewer leaves a core to its UI).
Result<std::shared_ptr<const VintageAdjacency>> adjacencyOfVintage(const io::Catalog& catalog,
                                                                  std::shared_ptr<const Dataset> data,
                                                                  const std::string& vintage, unsigned threads,
                                                                  JobControl* control = nullptr);

}  // namespace bl::engine
