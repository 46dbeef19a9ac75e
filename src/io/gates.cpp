#include "io/gates.hpp"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "io/detail/json_file.hpp"

#include "io/catalog.hpp"

namespace bl::io {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<std::string> strs(const json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it != j.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

// The array at `key` of a top-level object; nullptr when the document is not
// an object or has no such array.
const json* arrayField(const json& doc, const char* key) {
    if (!doc.is_object()) return nullptr;
    auto it = doc.find(key);
    return it != doc.end() && it->is_array() ? &*it : nullptr;
}

}  // namespace

Result<std::vector<CuratedGate>> loadGates(const std::string& path) {
    auto doc = readJsonFile(path, "border gates file");
    if (!doc) return doc.error();
    const json* gates = arrayField(*doc, "gates");
    if (!gates) return makeError("border gates file " + path + " has no \"gates\" array");
    const json& arr = *gates;
    std::vector<CuratedGate> out;
    for (size_t i = 0; i < arr.size(); ++i) {
        const json& g = arr[i];
        CuratedGate c;
        c.name = stringField(g, "name");
        c.aliases = strs(g, "aliases");
        auto country = parseCountry(stringField(g, "country"));
        c.province = stringField(g, "province");
        c.district = stringField(g, "district");
        c.pairedWith = stringField(g, "paired_with");
        c.source = stringField(g, "source");
        const std::string where = "border gates file " + path + ", gate " + std::to_string(i) + " (" + c.name + ")";
        if (c.name.empty() || !country || c.province.empty())
            return makeError(where + " needs \"name\", \"country\" (VN or LA) and \"province\"");
        if (c.source.empty()) return makeError(where + " has no \"source\"; every entry must cite one");
        c.country = *country;
        if (g.contains("lon") || g.contains("lat")) {
            if (!g.value("lon", json()).is_number() || !g.value("lat", json()).is_number())
                return makeError(where + " has a non-numeric \"lon\"/\"lat\"");
            c.position = LonLat{g["lon"].get<double>(), g["lat"].get<double>()};
            if (g.contains("precision_km") && !g["precision_km"].is_number())
                return makeError(where + " has a non-numeric \"precision_km\"");
            c.precisionKm = g.value("precision_km", 5.0);
            if (!kBorderArea.expanded(1.0).contains(*c.position))
                return makeError(where + " has a position outside the border area");
        }
        out.push_back(std::move(c));
    }
    return out;
}

Result<std::vector<Locality>> loadLocalities(const std::string& path) {
    auto doc = readJsonFile(path, "localities file");
    if (!doc) return doc.error();
    const json* localities = arrayField(*doc, "localities");
    if (!localities) return makeError("localities file " + path + " has no \"localities\" array");
    const json& arr = *localities;
    std::vector<Locality> out;
    for (size_t i = 0; i < arr.size(); ++i) {
        const json& g = arr[i];
        Locality l;
        l.name = stringField(g, "name");
        l.aliases = strs(g, "aliases");
        l.kind = stringField(g, "kind");
        auto country = parseCountry(stringField(g, "country"));
        l.province = stringField(g, "province");
        l.district = stringField(g, "district");
        l.source = stringField(g, "source");
        const std::string where = "localities file " + path + ", entry " + std::to_string(i) + " (" + l.name + ")";
        if (l.name.empty() || !country || l.province.empty() || l.district.empty())
            return makeError(where + " needs \"name\", \"country\", \"province\" and \"district\" (the enclosing district of the Vietnamese system that has districts)");
        if (l.source.empty()) return makeError(where + " has no \"source\"; every entry must cite one");
        l.country = *country;
        out.push_back(std::move(l));
    }
    return out;
}

Result<CuratedPlaces> loadCuratedPlaces(const std::string& geodataDir) {
    CuratedPlaces c;
    auto g = loadGates((fs::path(geodataDir) / "border_gates.json").string());
    if (!g) return g.error();
    auto l = loadLocalities((fs::path(geodataDir) / "localities.json").string());
    if (!l) return l.error();
    c.gates = std::move(*g);
    c.localities = std::move(*l);
    return c;
}

std::string defaultGeodataDir() { return fs::path(defaultCatalogPath()).parent_path().string(); }

}  // namespace bl::io
