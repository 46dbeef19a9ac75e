#pragma once
// Which layer pairs answer "who borders whom" at a level, without mixing the
// Vietnamese 2023 and 2025 systems: shared by the CLI and the viewer.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/result.hpp"

namespace bl {

struct AdjacencyQuery {
    Level level = Level::District;
    std::string vintage;        // Vietnamese vintage label; empty = the level's default
    bool crossBorderOnly = false;
};

// Layer id pairs (same id twice = domestic pairs within that layer).
// province: VN×VN, LA×LA, VN×LA (vintage default 2025);
// district: VN×VN, LA×LA, VN×LA (2023 only: the 2025 system has no districts);
// commune: VN communes × VN communes, VN communes × LA districts (the finest
// units each side has; 2025 only).
Result<std::vector<std::pair<std::string, std::string>>> planAdjacency(const std::vector<LayerSpec>& layers,
                                                                       const AdjacencyQuery& q);

// The Vietnamese vintage a query resolves to.
std::string resolvedVintage(const AdjacencyQuery& q);

}  // namespace bl
