#pragma once
// Succession across an administrative reform, computed from the layers: for
// each unit of an earlier Vietnamese system, the units of a later system
// that took its territory, with the share of its area each took (area of
// the overlap in the working CRS over the unit's area). Shares below a
// threshold are dropped: they are where the two sources' boundaries
// disagree, not territory that moved.
//
// geodata/succession.json holds the table for the catalog's own data, made
// by `borderlens succession --write` (io/succession reads and writes it);
// the resolver uses it to carry a pre-reform name into the later system.
#include <stop_token>
#include <string>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/boundaries/vintage.hpp"

namespace bl {

struct Successor {
    std::string layerId;
    std::string unitId;
    std::string name;
    double share = 0.0;  // of the earlier unit's area, 0..1
};

struct Succession {
    std::string layerId;  // the earlier unit's layer
    std::string unitId;
    std::string name;
    Level level = Level::Province;
    std::string vintage;       // the earlier system's label
    std::vector<Successor> to;  // per later layer, largest share first
};

struct SuccessionTable {
    std::string method;  // how it was made, for people
    std::vector<Succession> units;

    const Succession* find(const std::string& layerId, const std::string& unitId) const;
    // The successors of `s` in one later layer (largest share first).
    std::vector<const Successor*> successorsIn(const Succession& s, const std::string& layerId) const;
    bool empty() const { return units.empty(); }

    // "Quảng Bình (2023) → part of Quảng Trị (2025)" (merged whole into a
    // larger unit), "Quảng Trị (2023) → Quảng Trị (2025)", "Hướng Hóa (2023)
    // → split: Lao Bảo 24%, Khe Sanh 18%, … (2025)". Short names; `layerId`
    // is the later layer described.
    std::string describe(const Succession& s, const std::string& layerId, const std::string& laterVintage) const;
    // For a unit of a later system: "From 2023: Quảng Bình (all of it),
    // Quảng Trị (all of it)"; empty when no earlier unit passed 5% or more
    // of its area to it.
    std::string describePredecessors(const std::string& layerId, const std::string& unitId) const;
};

struct SuccessionOptions {
    double minShare = 0.01;      // successors holding less are boundary mismatch
    double minCoverage = 0.5;    // a later layer covering less of a unit does not cover it (partial layers)
    std::stop_token stop;
};

// Every Vietnamese unit of every system but the last, against every
// Vietnamese layer of each later system. Layers must be loaded; units
// outside a partial later layer (communes of border provinces only) get no
// successors in it.
SuccessionTable computeSuccession(const Dataset& data, const VintagePolicy& policy,
                                  const SuccessionOptions& options = {});

}  // namespace bl
