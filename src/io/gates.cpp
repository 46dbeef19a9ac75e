#include "io/gates.hpp"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "io/detail/json_file.hpp"

#include "io/catalog.hpp"
#include "io/succession.hpp"

namespace bl::io {

namespace fs = std::filesystem;
using nlohmann::json;


namespace {

// One side ("vn" or "la") of a gate pair entry.
Result<CuratedGate> gateSide(const json& side, Country country, const std::string& where) {
    CuratedGate c;
    c.country = country;
    c.name = stringField(side, "name");
    c.aliases = stringArray(side, "aliases");
    c.province = stringField(side, "province");
    c.district = stringField(side, "district");
    c.province2025 = stringField(side, "province_2025");
    c.commune2025 = stringField(side, "commune_2025");
    if (c.name.empty() || c.province.empty())
        return makeError(where + " needs \"name\" and \"province\" on its " +
                         (country == Country::VN ? "\"vn\"" : "\"la\"") + " side");
    return c;
}

}  // namespace

Result<std::vector<CuratedGate>> loadGates(const std::string& path) {
    auto doc = readJsonFile(path, "border gates file");
    if (!doc) return doc.error();
    const json* gates = arrayField(*doc, "gates");
    if (!gates) return makeError("border gates file " + path + " has no \"gates\" array");
    std::vector<CuratedGate> out;
    for (size_t i = 0; i < gates->size(); ++i) {
        const json& g = (*gates)[i];
        const std::string id = stringField(g, "id");
        const std::string where = "border gates file " + path + ", gate pair " + std::to_string(i) +
                                  (id.empty() ? "" : " (" + id + ")");
        if (!g.is_object() || id.empty() || !g.contains("vn") || !g.contains("la") || !g["vn"].is_object() ||
            !g["la"].is_object())
            return makeError(where + " needs an \"id\" and \"vn\" and \"la\" objects");
        const std::string level = stringField(g, "level");
        if (level != "international" && level != "national" && level != "auxiliary")
            return makeError(where + " has level \"" + level + "\"; expected international, national or auxiliary");
        const std::string source = stringField(g, "source");
        if (source.empty()) return makeError(where + " has no \"source\"; every entry must cite one");
        for (const auto& prev : out)
            if (prev.id == id) return makeError(where + " repeats the id of an earlier pair");
        auto vn = gateSide(g["vn"], Country::VN, where);
        if (!vn) return vn.error();
        auto la = gateSide(g["la"], Country::LA, where);
        if (!la) return la.error();
        std::optional<LonLat> position;
        double precision = 0.0;
        std::string positionSource;
        if (g.contains("position")) {
            const json& p = g["position"];
            if (!p.is_object() || !p.value("lon", json()).is_number() || !p.value("lat", json()).is_number() ||
                !p.value("precision_km", json()).is_number())
                return makeError(where + " has a \"position\" without numeric \"lon\", \"lat\" and \"precision_km\"");
            position = LonLat{p["lon"].get<double>(), p["lat"].get<double>()};
            precision = p["precision_km"].get<double>();
            positionSource = stringField(p, "source");
            if (positionSource.empty()) return makeError(where + " has a position without a \"source\"");
            if (!kBorderArea.expanded(1.0).contains(*position))
                return makeError(where + " has a position outside the border area");
        }
        for (CuratedGate* side : {&*vn, &*la}) {
            side->id = id;
            side->level = level;
            side->source = source;
            side->position = position;
            side->precisionKm = precision;
            side->positionSource = positionSource;
        }
        vn->pairedWith = la->name;
        la->pairedWith = vn->name;
        out.push_back(std::move(*vn));
        out.push_back(std::move(*la));
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
        l.aliases = stringArray(g, "aliases");
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
    auto s = loadSuccession((fs::path(geodataDir) / "succession.json").string());
    if (!s) return s.error();
    c.gates = std::move(*g);
    c.localities = std::move(*l);
    c.succession = std::move(*s);
    return c;
}

std::string defaultGeodataDir() { return fs::path(defaultCatalogPath()).parent_path().string(); }

}  // namespace bl::io
