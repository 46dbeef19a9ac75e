#pragma once
// Which layer pairs answer "who borders whom" at a level, without mixing the
// Vietnamese systems (before and after the 2025 reform): shared by the CLI
// and the viewer. Which systems exist, and which levels each has, is the
// catalog's VintagePolicy.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/boundaries/vintage.hpp"
#include "core/result.hpp"

namespace bl {

struct AdjacencyQuery {
    Level level = Level::District;
    std::string vintage;        // Vietnamese system label; empty = VintagePolicy::forLevel(level)
    bool crossBorderOnly = false;
};

// Layer id pairs (same id twice = domestic pairs within that layer).
// province and district: VN×VN, LA×LA, VN×LA in the system asked for (a
// system without that level is an error naming the one that has it);
// commune: VN communes × VN communes, VN communes × LA districts (the finest
// units each side has).
Result<std::vector<std::pair<std::string, std::string>>> planAdjacency(const std::vector<LayerSpec>& layers,
                                                                       const VintagePolicy& vintages,
                                                                       const AdjacencyQuery& q);

// The Vietnamese system a query resolves to.
std::string resolvedVintage(const VintagePolicy& vintages, const AdjacencyQuery& q);

}  // namespace bl
