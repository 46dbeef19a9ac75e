#pragma once
// Checks a cross-border link from the documents against the geometry: for
// each Vietnamese vintage, do the two parties' units share a border (and how
// long), at the resolved level and at province level; if not, how far apart
// they are; which curated border gate is nearest. Used by `borderlens pairs`
// and the viewer's Twinned pairs panel.
#include <functional>
#include <mutex>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

#include "core/boundaries/adjacency.hpp"
#include "core/news/documents.hpp"
#include "core/boundaries/model.hpp"
#include "core/news/resolve.hpp"

namespace bl {

struct AdjacencyVerdict {
    std::string vintage;        // the Vietnamese system's label (VintagePolicy)
    const Layer* vnLayer = nullptr;
    const AdminUnit* vn = nullptr;
    const Layer* laLayer = nullptr;
    const AdminUnit* la = nullptr;
    bool touches = false;
    double sharedKm = 0.0;      // when touching: shownKm of `border`
    double distanceKm = 0.0;    // when not: geodesic distance between the nearest points
    const SharedBorder* border = nullptr;  // the shared stretch, owned by the lookup's results
};

struct GateProximity {
    std::string id;             // the pair's id in the catalogue
    std::string name;           // "Na Mèo – Nam Soi" (Vietnamese side first)
    std::string level;          // "international", "national", "auxiliary"
    LonLat position;
    double precisionKm = 0.0;   // uncertainty radius of the position
    bool derived = false;       // placed by us on the districts' border stretch, not cited
    bool onThisBorder = false;  // the gate's own districts are the two units (or lie in them)
    double distanceKm = 0.0;    // to the farther of the two units: ~0 when the gate lies between them
    std::string source;         // of the position
};

// "Na Mèo – Nam Soi (national), on this border; position derived, ± 21.4 km"
// or "Nậm Cắn – Nam Khan (international), 105.5 km; position cited, ± 8 km".
// The one text for a nearest gate in the CLI, the viewer and exports.
std::string describeGate(const GateProximity& g);

struct LinkCheck {
    std::vector<AdjacencyVerdict> verdicts;  // resolved level first, then provinces, per vintage
    std::optional<GateProximity> nearestGate;
    std::string note;                        // why nothing could be checked
};

// Adjacency results of a layer pair (Vietnamese layer first); results must
// stay alive as long as the LinkCheck that points into them.
using AdjacencyLookup = std::function<const std::vector<SharedBorder>&(const Layer& vn, const Layer& la)>;

LinkCheck checkLink(const Link& link, const Dataset& data, const std::vector<CuratedGate>& gates,
                    const AdjacencyLookup& adjacency);

// checkLink, remembered by the units the link resolved to (all a check
// depends on): the links of one pair of units, most of a large corpus, are
// checked once. One memo per dataset, gate list and lookup. Thread-safe.
class LinkCheckMemo {
public:
    LinkCheck check(const Link& link, const Dataset& data, const std::vector<CuratedGate>& gates,
                    const AdjacencyLookup& adjacency);

private:
    std::mutex m_mutex;
    std::unordered_map<std::string, LinkCheck> m_checks;
};

// Geodesic distance in km between the nearest points of two geometries
// (0 when they touch or overlap).
double distanceKm(const MultiPolygon& a, const MultiPolygon& b);

}  // namespace bl
