#pragma once
// The boundary model: catalog layers of administrative units. No GDAL, GEOS or
// GL types here; io/ fills these structs, everything else reads them.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/boundaries/geometry.hpp"

namespace bl {

enum class Country { VN, LA };
enum class Level { Province, District, Commune };

const char* toString(Country c);
const char* toString(Level l);
std::optional<Country> parseCountry(const std::string& s);  // "VN", "LA" (any case)
std::optional<Level> parseLevel(const std::string& s);      // "province", ...

// Validity period of a layer, ISO dates; an empty string means open-ended.
struct Vintage {
    std::string label;      // a year as the catalog names it; VintagePolicy tells what it means
    std::string validFrom;  // "2025-07-01"
    std::string validTo;    // "2025-06-30"
};

// How a source's attribute fields map onto AdminUnit. Empty = not present.
struct FieldMapping {
    std::string id;
    std::string name;
    std::string shortName;
    std::string asciiName;
    std::vector<std::string> altNames;  // further fields worth matching on
    std::string parentId;               // field holding the parent's id
};

struct LayerSpec {
    std::string id;           // catalog id, e.g. "vn_adm2_2023"
    std::string path;         // relative to the data root (or absolute)
    std::string gdalLayer;    // layer name inside the dataset; empty = first
    Country country = Country::VN;
    Level level = Level::Province;
    Vintage vintage;
    FieldMapping fields;
    std::string parentLayer;  // catalog id of the enclosing level, if any
    std::string source;
    std::string license;
    std::string attribution;
    std::vector<std::string> knownGaps;
};

struct AdminUnit {
    std::string id;          // stable id within its layer
    std::string name;        // display name, diacritics and type prefix kept
    std::string shortName;   // without the type prefix
    std::string asciiName;
    std::vector<std::string> altNames;
    std::string parentId;
    std::string parentName;  // display name of the parent (or the country)
    MultiPolygon geometry;   // working CRS, valid (repaired if needed)
    Box bounds;

    // The name without its type prefix when there is one ("Hướng Hóa" for
    // "Huyện Hướng Hóa"): map labels, brief texts.
    const std::string& briefName() const { return shortName.empty() ? name : shortName; }
};

struct Layer {
    LayerSpec spec;
    std::vector<AdminUnit> units;
    size_t repaired = 0;     // invalid geometries fixed with GEOSMakeValid
    size_t skippedEmpty = 0; // features without any area, reported, never hidden
    std::vector<std::string> warnings;  // assumptions made while loading (e.g. CRS)
    double loadSeconds = 0.0;
    // What the layer was made from (source file identity, catalog entry,
    // working CRS: io/prepared_store.hpp); keys what is derived from it.
    // Empty when the source could not be identified.
    std::string preparedKey;
    bool fromStore = false;  // read back from the prepared-data store, not parsed

    const AdminUnit* find(const std::string& unitId) const;
};

// A unit by position: Dataset::layers[layer].units[unit] (and the same index
// in the map geometry prepared from that dataset). Valid for one Dataset.
struct UnitKey {
    int layer = -1;
    int unit = -1;
    bool valid() const { return layer >= 0 && unit >= 0; }
    friend bool operator==(const UnitKey&, const UnitKey&) = default;
};

// All layers of a catalog, loaded. Immutable once built; share as
// std::shared_ptr<const Dataset> between threads.
struct Dataset {
    std::string dataRoot;
    std::vector<Layer> layers;

    const Layer* layer(const std::string& id) const;

    // Positions of units and layers of this dataset; an invalid key or null
    // when the unit is not part of it.
    UnitKey keyOf(const AdminUnit* unit) const;
    const Layer* layerOf(UnitKey key) const;
    const AdminUnit* unitOf(UnitKey key) const;

    // The province holding unit `unitId` of layer `layerId` (the unit itself
    // when it is one), up the catalog's parent layers; {null, null} when the
    // unit or a parent is not in this dataset.
    std::pair<const Layer*, const AdminUnit*> provinceOf(const std::string& layerId, const std::string& unitId) const;
};

}  // namespace bl
