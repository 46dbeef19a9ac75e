#pragma once
// Curated place facts of our own (geodata/): border gates with a public
// source for each position (border_gates.json) and localities below the
// finest level of some vintage (localities.json). Both are small and cite a
// source per entry; an entry without one is rejected.
#include <string>

#include "core/news/resolve.hpp"
#include "core/result.hpp"

namespace bl::io {

// {"gates": [{"id", "level", "vn": {"name", "aliases", "province",
//   "district", "province_2025", "commune_2025"}, "la": {"name", "aliases",
//   "province", "district"}, "position": {"lon", "lat", "precision_km",
//   "source"} (optional), "source"}]}: two CuratedGate per pair, VN first.
Result<std::vector<CuratedGate>> loadGates(const std::string& path);

// {"localities": [{"name", "aliases", "kind", "country", "province",
//   "district", "source"}]}  (district: in the Vietnamese system that has districts)
Result<std::vector<Locality>> loadLocalities(const std::string& path);

// Both files from the geodata directory of this checkout (beside the catalog).
Result<CuratedPlaces> loadCuratedPlaces(const std::string& geodataDir);
std::string defaultGeodataDir();

}  // namespace bl::io
