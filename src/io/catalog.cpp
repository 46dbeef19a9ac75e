#include "io/catalog.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "io/detail/json_file.hpp"

namespace bl::io {

namespace fs = std::filesystem;
using nlohmann::json;

const LayerSpec* Catalog::layer(const std::string& id) const {
    for (const auto& l : layers)
        if (l.id == id) return &l;
    return nullptr;
}

Result<AliasTable> loadAliases(const std::string& path) {
    auto doc = readJsonFile(path, "alias table");
    if (!doc) return doc.error();
    AliasTable table;
    const json& j = *doc;
    if (!j.is_object() || !j.contains("groups") || !j["groups"].is_array())
        return makeError("alias table " + path + " has no \"groups\" array");
    const json& groups = j["groups"];
    for (size_t i = 0; i < groups.size(); ++i) {
        const json& g = groups[i];
        if (!g.is_array() || g.empty())
            return makeError("alias table " + path + ": group " + std::to_string(i) + " is not a non-empty array of names");
        std::vector<std::string> names;
        for (const auto& n : g) {
            if (!n.is_string()) return makeError("alias table " + path + ": group " + std::to_string(i) + " holds a non-string");
            names.push_back(n.get<std::string>());
        }
        table.addGroup(names);
    }
    return table;
}

Result<Catalog> loadCatalog(const std::string& path) {
    auto doc = readJsonFile(path, "catalog");
    if (!doc) return doc.error();
    const json& j = *doc;
    Catalog cat;
    cat.file = path;
    cat.attribution = stringField(j, "attribution");
    if (!j.contains("layers") || !j["layers"].is_array() || j["layers"].empty())
        return makeError("catalog " + path + " has no \"layers\" array");

    for (size_t i = 0; i < j["layers"].size(); ++i) {
        const json& l = j["layers"][i];
        const std::string where = "catalog " + path + ", layer " + std::to_string(i + 1);
        LayerSpec s;
        s.id = stringField(l, "id");
        if (s.id.empty()) return makeError(where + ": missing \"id\"");
        const std::string here = "catalog " + path + ", layer \"" + s.id + "\"";
        if (cat.layer(s.id)) return makeError(here + ": the id is used twice");
        s.path = stringField(l, "path");
        if (s.path.empty()) return makeError(here + ": missing \"path\"");
        s.gdalLayer = stringField(l, "layer");
        auto country = parseCountry(stringField(l, "country"));
        if (!country) return makeError(here + ": \"country\" must be VN or LA");
        s.country = *country;
        auto level = parseLevel(stringField(l, "level"));
        if (!level) return makeError(here + ": \"level\" must be province, district or commune");
        s.level = *level;
        if (l.contains("vintage")) {
            const json& v = l["vintage"];
            s.vintage = {stringField(v, "label"), stringField(v, "valid_from"), stringField(v, "valid_to")};
        }
        if (s.vintage.label.empty()) return makeError(here + ": missing \"vintage\".\"label\"");
        const json& f = l.value("fields", json::object());
        s.fields.id = stringField(f, "id");
        s.fields.name = stringField(f, "name");
        s.fields.shortName = stringField(f, "short_name");
        s.fields.asciiName = stringField(f, "ascii_name");
        s.fields.parentId = stringField(f, "parent_id");
        if (f.contains("alt_names"))
            for (const auto& a : f["alt_names"])
                if (a.is_string()) s.fields.altNames.push_back(a.get<std::string>());
        if (s.fields.id.empty() || s.fields.name.empty())
            return makeError(here + ": \"fields\" must name at least \"id\" and \"name\"");
        s.parentLayer = stringField(l, "parent_layer");
        s.source = stringField(l, "source");
        s.license = stringField(l, "license");
        s.attribution = stringField(l, "attribution");
        if (l.contains("known_gaps"))
            for (const auto& g : l["known_gaps"])
                if (g.is_string()) s.knownGaps.push_back(g.get<std::string>());
        cat.layers.push_back(std::move(s));
    }
    for (const auto& s : cat.layers)
        if (!s.parentLayer.empty() && !cat.layer(s.parentLayer))
            return makeError("catalog " + path + ", layer \"" + s.id + "\": parent_layer \"" + s.parentLayer +
                             "\" is not a layer of this catalog");

    std::vector<std::pair<std::string, std::string>> descriptions;
    std::string current;
    if (j.contains("vietnamese_systems")) {
        const json& systems = j["vietnamese_systems"];
        if (!systems.is_array()) return makeError("catalog " + path + ": \"vietnamese_systems\" must be an array");
        for (const auto& sys : systems) {
            const std::string label = stringField(sys, "vintage");
            const bool known = std::any_of(cat.layers.begin(), cat.layers.end(), [&](const LayerSpec& l) {
                return l.country == Country::VN && l.vintage.label == label;
            });
            if (!known)
                return makeError("catalog " + path + ": vietnamese_systems names vintage '" + label +
                                 "', which no Vietnamese layer has");
            descriptions.emplace_back(label, stringField(sys, "description"));
            if (sys.is_object() && sys.value("default", false)) current = label;
        }
    }
    cat.vintages = makeVintagePolicy(cat.layers, descriptions, current);

    const std::string aliasFile = stringField(j, "aliases");
    if (!aliasFile.empty()) {
        const fs::path ap = fs::path(path).parent_path() / aliasFile;
        auto aliases = loadAliases(ap.string());
        if (!aliases) return aliases.error();
        cat.aliases = std::move(*aliases);
    }
    return cat;
}

std::string defaultCatalogPath() { return (fs::path(BORDERLENS_SOURCE_DIR) / "geodata" / "catalog.json").string(); }

}  // namespace bl::io
