#pragma once
// The dataset catalog (geodata/catalog.json): which layers exist, where they
// live under the data root, how their fields map onto AdminUnit, and where
// they come from. Our own file; see README "Data".
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/boundaries/model.hpp"
#include "core/boundaries/vintage.hpp"
#include "core/names/names.hpp"
#include "core/result.hpp"

namespace bl::io {

// A context layer ("context" in the catalog): countries drawn under the map
// for orientation (neighbours in grey with their names, land apart from
// sea). Never a LayerSpec: it takes no part in adjacency, the gazetteer or
// documents, and a missing file only leaves it out of the map.
struct ContextLayerSpec {
    std::string id;         // catalog id, distinct from every layer's
    std::string path;       // relative to the data root (or absolute)
    std::string gdalLayer;  // layer name inside the dataset; empty = first
    std::string idField;    // feature id (e.g. ISO 3166-1 numeric); may be empty
    std::string nameField;  // the name drawn as a label
    // The ids of the features that are the map's own countries (keys "VN",
    // "LA" in the catalog): drawn as land under their administrative
    // layers, not in grey and without a label.
    std::map<Country, std::string> countries;
    std::string source;
    std::string license;
    std::string attribution;
};

struct Catalog {
    std::string file;                 // where it was read from
    std::string attribution;          // one line for maps and exports (the context layers' own appended)
    std::vector<LayerSpec> layers;
    std::vector<ContextLayerSpec> context;  // optional; drawn under the map only
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
// refused with the circle ("layer a → b → a"). A "context" entry must be an
// object with an "id" no layer or other context entry has, a "path" and
// "fields"."name"; its "countries" keys must be VN or LA.
Result<Catalog> parseCatalog(const std::string& path, std::string_view text);
Result<AliasTable> parseAliases(const std::string& path, std::string_view text);

// Default catalog: geodata/catalog.json of this checkout.
std::string defaultCatalogPath();

}  // namespace bl::io
