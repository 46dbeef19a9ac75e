#pragma once
// The dataset catalog (geodata/catalog.json): which layers exist, where they
// live under the data root, how their fields map onto AdminUnit, and where
// they come from. Our own file; see README "Data".
#include <string>
#include <string_view>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/boundaries/vintage.hpp"
#include "core/names/names.hpp"
#include "core/result.hpp"

namespace bl::io {

struct Catalog {
    std::string file;                 // where it was read from
    std::string attribution;          // one line for maps and exports
    std::vector<LayerSpec> layers;
    AliasTable aliases;
    VintagePolicy vintages;           // the Vietnamese systems, from the layers and "vietnamese_systems"

    const LayerSpec* layer(const std::string& id) const;
};

// Reads a catalog and the alias table it names (path relative to the
// catalog). Errors name the file and the offending entry.
Result<Catalog> loadCatalog(const std::string& path);

// The alias table alone: {"groups": [["sepone", "se pon", ...], ...]}.
Result<AliasTable> loadAliases(const std::string& path);

// The same for text already read, as if from `path` (named in messages; a
// catalog's alias table is read relative to it). Every field is checked for
// its JSON type; a catalog whose parent_layer links go round in a circle is
// refused with the circle ("layer a → b → a").
Result<Catalog> parseCatalog(const std::string& path, std::string_view text);
Result<AliasTable> parseAliases(const std::string& path, std::string_view text);

// Default catalog: geodata/catalog.json of this checkout.
std::string defaultCatalogPath();

}  // namespace bl::io
