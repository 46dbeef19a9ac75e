#pragma once
// INTERNAL to core/*.cpp adapters: the GEOS reentrant C API with RAII.
// Public headers never include this; they speak MultiPolygon and LineString.
#include <geos_c.h>

#include <memory>
#include <vector>

#include "core/boundaries/geometry.hpp"

namespace bl::geos {

// The calling thread's GEOS context (one per thread, created on first use).
GEOSContextHandle_t ctx();

struct GeomDeleter {
    void operator()(GEOSGeometry* g) const { if (g) GEOSGeom_destroy_r(ctx(), g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    void operator()(const GEOSPreparedGeometry* g) const { if (g) GEOSPreparedGeom_destroy_r(ctx(), g); }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

GeomPtr toGeos(const MultiPolygon& mp);
GeomPtr toGeosLine(const LineString& line);
GeomPtr toGeosRing(const Ring& ring);

// Polygonal parts of any geometry (collections are walked), others dropped.
MultiPolygon polygonsFrom(const GEOSGeometry* g);
// Linear parts of any geometry, as separate line strings.
std::vector<LineString> linesFrom(const GEOSGeometry* g);

}  // namespace bl::geos
