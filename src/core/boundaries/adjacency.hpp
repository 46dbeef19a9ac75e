#pragma once
// Adjacency: which units of two layers share border segments, how long, and
// where. Pure algorithm on the model (GEOS C API inside adjacency.cpp).
//
// Within one source, neighbours share exact edges, so domestic adjacency uses
// a tiny tolerance against floating-point noise. Across the international
// border the two countries' sources disagree (typically 40-160 m, up to
// ~2.4 km), so international adjacency uses a tolerance corridor: the part of
// A's boundary lying within toleranceM of B's boundary (and vice versa) is
// their shared border, measured geodesically on each side; the length shown
// for it everywhere is shownKm (the mean of the two sides).
#include <functional>
#include <string>
#include <vector>

#include "core/boundaries/geometry.hpp"
#include "core/boundaries/model.hpp"

namespace bl {

enum class AdjacencyKind { Domestic, International };
const char* toString(AdjacencyKind k);

struct AdjacencyOptions {
    // Corridor half-width in metres. Negative = choose by kind: 5 m for
    // domestic pairs, kDefaultInternationalToleranceM across the border.
    double toleranceM = -1.0;
    double minSharedKm = 0.0;        // drop pairs sharing less than this
    bool includePointContacts = false;  // report corners (shared length ~0)
    unsigned threads = 0;            // 0 = hardware concurrency
    std::function<void(size_t done, size_t total)> progress;
};

inline constexpr double kDefaultDomesticToleranceM = 5.0;
inline constexpr double kDefaultInternationalToleranceM = 1000.0;

// One unordered pair of units whose boundaries run together.
struct SharedBorder {
    const Layer* layerA = nullptr;
    const AdminUnit* a = nullptr;
    const Layer* layerB = nullptr;
    const AdminUnit* b = nullptr;
    AdjacencyKind kind = AdjacencyKind::Domestic;
    double sharedKm = 0.0;           // geodesic length of the shared stretch (A's side)
    double sharedKmB = 0.0;          // the same measured on B's side
    double medianGapM = 0.0;         // distance between the two lines along the stretch
    double maxGapM = 0.0;
    std::vector<LineString> segments;  // A's boundary along the stretch, working CRS
};

// The one length of a shared border every output shows (CLI, verdicts,
// overlay labels, exports, the viewer), km: the mean of both sides'
// measurements where both saw the stretch (across the border the two sources
// digitise it differently), else the one side that did. Sides differ across
// the border (e.g. Huyện Hướng Hóa / Sepone: 77.6 and 77.8 km, shown 77.7).
double shownKm(const SharedBorder& s);

// All pairs between layers a and b (a == b: domestic pairs within one layer,
// each unordered pair once). Sorted by descending shownKm (ties by the units'
// ids); minSharedKm applies to shownKm too.
std::vector<SharedBorder> computeAdjacency(const Layer& a, const Layer& b, const AdjacencyOptions& opt = {});

// The tolerance in force for a pair of layers under these options.
double effectiveToleranceM(const Layer& a, const Layer& b, const AdjacencyOptions& opt);

}  // namespace bl
