#include "io/catalog.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "io/detail/json_file.hpp"
#include "io/regular_file.hpp"

namespace bl::io {

namespace fs = std::filesystem;
using nlohmann::json;

const LayerSpec* Catalog::layer(const std::string& id) const {
    for (const auto& l : layers)
        if (l.id == id) return &l;
    return nullptr;
}

namespace {

// Reads the fields of one JSON object, strictly typed. After the first
// error, `*error` holds it and every later read returns nothing, so a
// reader checks once after a group of fields.
struct FieldReader {
    const json& obj;
    std::string where;  // "catalog F, layer \"a\""
    std::optional<Error>* error;

    std::string str(const char* key) {
        if (*error) return {};
        auto r = optionalString(obj, key, where);
        if (!r) *error = r.error();
        return r ? *r : std::string();
    }
    std::vector<std::string> strs(const char* key) {
        if (*error) return {};
        auto r = optionalStrings(obj, key, where);
        if (!r) *error = r.error();
        return r ? *r : std::vector<std::string>();
    }
    // The object at `key`; nullptr when absent (or after an error).
    const json* object(const char* key) {
        if (*error || !obj.contains(key)) return nullptr;
        const json& v = obj.at(key);
        if (v.is_object()) return &v;
        *error = wrongJsonType(where, key, "an object", v);
        return nullptr;
    }
    bool flag(const char* key) {
        if (*error || !obj.contains(key)) return false;
        const json& v = obj.at(key);
        if (v.is_boolean()) return v.get<bool>();
        *error = wrongJsonType(where, key, "true or false", v);
        return false;
    }
};

Result<AliasTable> aliasesFrom(const json& j, const std::string& path) {
    const std::string where = "alias table " + path;
    if (!j.is_object())
        return makeError(where + " must hold a JSON object with a \"groups\" array (it holds " + jsonTypeName(j) + ")");
    if (!j.contains("groups")) return makeError(where + " has no \"groups\" array");
    const json& groups = j.at("groups");
    if (!groups.is_array()) return wrongJsonType(where, "groups", "an array of groups of names", groups);
    AliasTable table;
    for (size_t i = 0; i < groups.size(); ++i) {
        const json& g = groups[i];
        const std::string group = where + ": group " + std::to_string(i + 1);
        if (!g.is_array() || g.empty())
            return makeError(group + " must be a non-empty array of names (it is " +
                             (g.is_array() ? std::string("empty") : std::string(jsonTypeName(g))) + ")");
        std::vector<std::string> names;
        for (const auto& n : g) {
            if (!n.is_string())
                return makeError(group + " holds " + jsonTypeName(n) + " where a name (a string) belongs");
            names.push_back(n.get<std::string>());
        }
        table.addGroup(names);
    }
    return table;
}

// The id of an entry of "layers" or "context", named `where` in errors: the
// entry must be an object with a non-empty string "id".
Result<std::string> entryId(const json& e, const std::string& where) {
    if (!e.is_object()) return makeError(where + " must be an object (it is " + jsonTypeName(e) + ")");
    std::optional<Error> error;
    std::string id = FieldReader{e, where, &error}.str("id");
    if (error) return *error;
    if (id.empty()) return makeError(where + ": missing \"id\"");
    return id;
}

// One entry of "layers"; `index` is 0-based.
Result<LayerSpec> layerFrom(const json& l, size_t index, const std::string& file) {
    auto id = entryId(l, file + ", layer " + std::to_string(index + 1));
    if (!id) return id.error();
    std::optional<Error> error;
    LayerSpec s;
    s.id = *id;
    const std::string here = file + ", layer \"" + s.id + "\"";
    FieldReader r{l, here, &error};
    s.path = r.str("path");
    s.gdalLayer = r.str("layer");
    const std::string country = r.str("country"), level = r.str("level");
    s.parentLayer = r.str("parent_layer");
    s.source = r.str("source");
    s.license = r.str("license");
    s.attribution = r.str("attribution");
    s.knownGaps = r.strs("known_gaps");
    const json* vintage = r.object("vintage");
    const json* fields = r.object("fields");
    if (vintage) {
        FieldReader v{*vintage, here + ", \"vintage\"", &error};
        s.vintage = {v.str("label"), v.str("valid_from"), v.str("valid_to")};
    }
    if (fields) {
        FieldReader f{*fields, here + ", \"fields\"", &error};
        s.fields.id = f.str("id");
        s.fields.name = f.str("name");
        s.fields.shortName = f.str("short_name");
        s.fields.asciiName = f.str("ascii_name");
        s.fields.parentId = f.str("parent_id");
        s.fields.altNames = f.strs("alt_names");
    }
    if (error) return *error;
    if (s.path.empty()) return makeError(here + ": missing \"path\"");
    auto c = parseCountry(country);
    if (!c) return makeError(here + ": \"country\" must be VN or LA");
    s.country = *c;
    auto lv = parseLevel(level);
    if (!lv) return makeError(here + ": \"level\" must be province, district or commune");
    s.level = *lv;
    if (s.vintage.label.empty()) return makeError(here + ": missing \"vintage\".\"label\"");
    if (s.fields.id.empty() || s.fields.name.empty())
        return makeError(here + ": \"fields\" must name at least \"id\" and \"name\"");
    return s;
}

// One entry of "context"; `index` is 0-based. Its id must differ from every
// layer's (and earlier context entry's): both name entries of the store.
Result<ContextLayerSpec> contextFrom(const json& c, size_t index, const std::string& file, const Catalog& cat) {
    auto id = entryId(c, file + ", context entry " + std::to_string(index + 1));
    if (!id) return id.error();
    std::optional<Error> error;
    ContextLayerSpec s;
    s.id = *id;
    const std::string here = file + ", context \"" + s.id + "\"";
    FieldReader r{c, here, &error};
    s.path = r.str("path");
    s.gdalLayer = r.str("layer");
    s.source = r.str("source");
    s.license = r.str("license");
    s.attribution = r.str("attribution");
    const json* fields = r.object("fields");
    const json* countries = r.object("countries");
    if (fields) {
        FieldReader f{*fields, here + ", \"fields\"", &error};
        s.idField = f.str("id");
        s.nameField = f.str("name");
    }
    if (error) return *error;
    if (countries)
        for (const auto& [key, value] : countries->items()) {
            const auto country = parseCountry(key);
            if (!country)
                return makeError(here + ", \"countries\": \"" + key + "\" is not a country of the map (VN or LA)");
            if (!value.is_string())
                return wrongJsonType(here + ", \"countries\"", key, "a string (a feature id)", value);
            s.countries[*country] = value.get<std::string>();
        }
    if (s.path.empty()) return makeError(here + ": missing \"path\"");
    if (s.nameField.empty()) return makeError(here + ": \"fields\" must name at least \"name\"");
    if (!s.countries.empty() && s.idField.empty())
        return makeError(here + ": \"countries\" names feature ids, so \"fields\" must name \"id\"");
    if (cat.layer(s.id)) return makeError(here + ": the id is also a layer's; a context entry needs an id of its own");
    for (const auto& other : cat.context)
        if (other.id == s.id) return makeError(here + ": the id is used twice");
    return s;
}

// Following parent_layer upwards from any layer must end at a layer without
// a parent; every parent named exists.
Result<std::monostate> checkParents(const Catalog& cat, const std::string& file) {
    for (const auto& s : cat.layers)
        if (!s.parentLayer.empty() && !cat.layer(s.parentLayer))
            return makeError(file + ", layer \"" + s.id + "\": parent_layer \"" + s.parentLayer +
                             "\" is not a layer of this catalog");
    for (const auto& s : cat.layers) {
        std::string chain = s.id;
        const LayerSpec* at = &s;
        // A cycle that does not pass through `s` is found from one of its members.
        for (size_t steps = 0; !at->parentLayer.empty() && steps < cat.layers.size(); ++steps) {
            at = cat.layer(at->parentLayer);
            chain += " \u2192 " + at->id;
            if (at == &s)
                return makeError(file + ": parent_layer goes round in a circle: layer " + chain +
                                 "; a layer's parent must be a coarser layer, and the coarsest has none");
        }
    }
    return std::monostate{};
}

Result<Catalog> catalogFrom(const json& j, const std::string& path) {
    const std::string file = "catalog " + path;
    if (!j.is_object())
        return makeError(file + " must hold a JSON object with a \"layers\" array (it holds " + jsonTypeName(j) + ")");
    std::optional<Error> error;
    FieldReader top{j, file, &error};
    Catalog cat;
    cat.file = path;
    cat.attribution = top.str("attribution");
    const std::string aliasFile = top.str("aliases");
    if (error) return *error;
    if (j.contains("layers") && !j.at("layers").is_array())
        return wrongJsonType(file, "layers", "an array of layers", j.at("layers"));
    if (!j.contains("layers") || j.at("layers").empty()) return makeError(file + " has no \"layers\" array");
    const json& layers = j.at("layers");
    for (size_t i = 0; i < layers.size(); ++i) {
        auto s = layerFrom(layers[i], i, file);
        if (!s) return s.error();
        if (cat.layer(s->id)) return makeError(file + ", layer \"" + s->id + "\": the id is used twice");
        cat.layers.push_back(std::move(*s));
    }
    if (auto ok = checkParents(cat, file); !ok) return ok.error();

    if (j.contains("context")) {
        const json& context = j.at("context");
        if (!context.is_array()) return wrongJsonType(file, "context", "an array of context layers", context);
        for (size_t i = 0; i < context.size(); ++i) {
            auto c = contextFrom(context[i], i, file, cat);
            if (!c) return c.error();
            if (!c->attribution.empty()) cat.attribution += (cat.attribution.empty() ? "" : "; ") + c->attribution;
            cat.context.push_back(std::move(*c));
        }
    }

    std::vector<std::pair<std::string, std::string>> descriptions;
    std::string current;
    if (j.contains("vietnamese_systems")) {
        const json& systems = j.at("vietnamese_systems");
        if (!systems.is_array()) return wrongJsonType(file, "vietnamese_systems", "an array", systems);
        for (size_t i = 0; i < systems.size(); ++i) {
            const json& sys = systems[i];
            const std::string where = file + ", vietnamese_systems entry " + std::to_string(i + 1);
            if (!sys.is_object()) return makeError(where + " must be an object (it is " + jsonTypeName(sys) + ")");
            FieldReader r{sys, where, &error};
            const std::string label = r.str("vintage"), description = r.str("description");
            const bool isDefault = r.flag("default");
            if (error) return *error;
            const bool known = std::any_of(cat.layers.begin(), cat.layers.end(), [&](const LayerSpec& l) {
                return l.country == Country::VN && l.vintage.label == label;
            });
            if (!known)
                return makeError(file + ": vietnamese_systems names vintage '" + label +
                                 "', which no Vietnamese layer has");
            descriptions.emplace_back(label, description);
            if (isDefault) current = label;
        }
    }
    cat.vintages = makeVintagePolicy(cat.layers, descriptions, current);

    if (!aliasFile.empty()) {
        const fs::path ap = fs::path(path).parent_path() / aliasFile;
        auto aliases = loadAliases(ap.string());
        if (!aliases) return aliases.error();
        cat.aliases = std::move(*aliases);
    }
    return cat;
}

// Text → JSON → `from`, naming the file as `what`; a shape check missed in
// `from` still ends in our sentence, never the library's.
template <typename T>
Result<T> parseWith(const std::string& path, std::string_view text, const char* what,
                    Result<T> (*from)(const json&, const std::string&)) {
    auto doc = parseJsonText(text, path, what);
    if (!doc) return doc.error();
    try {
        return from(*doc, path);
    } catch (const json::exception&) {
        return makeError(std::string(what) + " " + path + " does not have the shape of a " + what);
    }
}

template <typename T>
Result<T> loadWith(const std::string& path, const char* what, Result<T> (*parse)(const std::string&, std::string_view)) {
    auto text = readRegularFile(path, what);
    if (!text) return text.error();
    return parse(path, *text);
}

}  // namespace

Result<AliasTable> parseAliases(const std::string& path, std::string_view text) {
    return parseWith<AliasTable>(path, text, "alias table", aliasesFrom);
}

Result<AliasTable> loadAliases(const std::string& path) { return loadWith<AliasTable>(path, "alias table", parseAliases); }

Result<Catalog> parseCatalog(const std::string& path, std::string_view text) {
    return parseWith<Catalog>(path, text, "catalog", catalogFrom);
}

Result<Catalog> loadCatalog(const std::string& path) { return loadWith<Catalog>(path, "catalog", parseCatalog); }

std::string defaultCatalogPath() { return (fs::path(BORDERLENS_SOURCE_DIR) / "geodata" / "catalog.json").string(); }

}  // namespace bl::io
