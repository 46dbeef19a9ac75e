#pragma once
// Positions for every gate of the catalogue. A gate pair with a cited
// coordinate keeps it. Every other pair is placed by us, and marked so: on
// the border stretch its Vietnamese district shares with its Lao district
// (the adjacency engine; the shorter stretch of its 2025 commune when the
// catalogue names one that has it), at the middle of the stretch's length,
// with an uncertainty radius of half the stretch. When the two districts share no
// stretch, the stretch the Vietnamese district shares with the Lao province
// is used, and the note says so.
#include <memory>
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

// The communes of the later Vietnamese system and their stretches with the
// Lao districts, for a finer placement where the catalogue names the commune.
struct CommuneStretches {
    const Layer* layer = nullptr;
    const std::vector<SharedBorder>* shared = nullptr;
};

// Fills position, precisionKm, positionSource and derived for the gates
// without a cited position. `vnDistricts` and `laDistricts` are the layers
// the catalogue's district names refer to; `shared` their international
// adjacency (computeAdjacency(vnDistricts, laDistricts)). With `communes`,
// a gate whose 2025 commune shares a stretch with its Lao district (inside
// its 2023 district) is placed on that shorter stretch instead.
GatePlacementReport placeGates(std::vector<CuratedGate>& gates, const Layer& vnDistricts, const Layer& laDistricts,
                               const std::vector<SharedBorder>& shared, const CommuneStretches* communes = nullptr);

// The units of `layer` called one of `names` (folded, short or full name),
// and every unit within `marginM` of them (a copy): their adjacency with
// another layer, for those units, is what the whole layer gives (each one's
// neighbours are there to tell its internal edges from its outer ones), at
// a fraction of the cost. The units keep their order.
Layer unitsAround(const Layer& layer, const std::vector<std::string>& names, double marginM = 2000.0);

// The same through a session: the district layers (the Vietnamese system
// that has districts, the Lao one) and the later system's communes, from
// `available` when it holds them, else loaded on their own; their adjacency
// computed around the units the gates name (unitsAround). The placements
// are kept in the prepared-data store. Without such layers in the catalog,
// nothing is placed.
GatePlacementReport placeGates(Session& session, std::vector<CuratedGate>& gates,
                               std::shared_ptr<const Dataset> available = nullptr);

}  // namespace bl::engine
