#pragma once
// Positions for every gate of the catalogue. A gate pair with a cited
// coordinate keeps it. Every other pair is placed by us, and marked so: on
// the border stretch its Vietnamese district shares with its Lao district
// (the adjacency engine), at the middle of the stretch's length, with an
// uncertainty radius of half the stretch. When the two districts share no
// stretch, the stretch the Vietnamese district shares with the Lao province
// is used, and the note says so.
#include <string>
#include <vector>

#include "core/boundaries/adjacency.hpp"
#include "core/news/resolve.hpp"

namespace bl::engine {

class Session;

struct GatePlacementReport {
    size_t cited = 0;
    size_t derived = 0;
    std::vector<std::string> unplaced;  // "id: why"
};

// Fills position, precisionKm, positionSource and derived for the gates
// without a cited position. `vnDistricts` and `laDistricts` are the layers
// the catalogue's district names refer to; `shared` their international
// adjacency (computeAdjacency(vnDistricts, laDistricts)).
GatePlacementReport placeGates(std::vector<CuratedGate>& gates, const Layer& vnDistricts, const Layer& laDistricts,
                               const std::vector<SharedBorder>& shared);

// The same through a session: loads the two district layers (the
// Vietnamese system that has districts) and their adjacency (through the
// on-disk cache). Without such layers in the catalog, nothing is placed.
GatePlacementReport placeGates(Session& session, std::vector<CuratedGate>& gates);

}  // namespace bl::engine
