#pragma once
// Which layer pairs answer "who borders whom" at a level, without mixing the
// Vietnamese systems (before and after the 2025 reform): shared by the CLI
// and the viewer. Which systems exist, and which levels each has, is the
// catalog's VintagePolicy.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/boundaries/adjacency.hpp"
#include "core/boundaries/model.hpp"
#include "core/boundaries/vintage.hpp"
#include "core/result.hpp"

namespace bl {

struct AdjacencyQuery {
    Level level = Level::District;
    std::string vintage;        // Vietnamese system label; empty = VintagePolicy::forLevel(level)
    bool crossBorderOnly = false;
};

using LayerPairs = std::vector<std::pair<std::string, std::string>>;

// Layer id pairs (same id twice = domestic pairs within that layer).
// province and district: VN×VN, LA×LA, VN×LA in the system asked for (a
// system without that level is an error naming the one that has it);
// commune: VN communes × VN communes, LA districts × LA districts, VN
// communes × LA districts (the finest units each side has, each with its
// neighbours on its own side too).
Result<LayerPairs> planAdjacency(const std::vector<LayerSpec>& layers, const VintagePolicy& vintages,
                                 const AdjacencyQuery& q);

// The Vietnamese system a query resolves to.
std::string resolvedVintage(const VintagePolicy& vintages, const AdjacencyQuery& q);

// The level a shared border is listed at: its finer unit's (a 2025 commune
// and the Lao district it borders: commune).
Level adjacencyLevel(const SharedBorder& border);

// What a map of one Vietnamese system lists neighbours for, at one level.
struct LevelAdjacency {
    Level level = Level::Province;
    LayerPairs pairs;          // whose borders are at this level (adjacencyLevel); empty: none
    bool vietnamese = false;   // the system's Vietnamese units of this level are there
    bool lao = false;          // Lao units of this level are there
    // One or two sentences for people: empty when both countries' units are
    // there; else what the level holds, or why it holds nothing, e.g.
    // "Lao districts only: the 2025 Vietnamese system has no districts (2023
    // has them). Their Vietnamese neighbours are 2025 communes, listed at
    // commune level."
    std::string note;

    bool available() const { return !pairs.empty(); }
};

// Province, district and commune (in that order) for the system `vintage`:
// the levels the system has, as planAdjacency plans them, and every Lao
// layer those plans pair with gets its own domestic pairs too (a Lao
// district shown beside 2025 communes has its Lao neighbours). The union of
// the pairs is what adjacencyOfVintage computes. An unknown system: all
// three levels empty, each note saying so.
std::vector<LevelAdjacency> planSystemAdjacency(const std::vector<LayerSpec>& layers, const VintagePolicy& vintages,
                                                const std::string& vintage);

}  // namespace bl
