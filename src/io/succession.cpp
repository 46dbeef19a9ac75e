#include "io/succession.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "io/detail/json_file.hpp"
#include "io/json_text.hpp"

namespace bl::io {

using nlohmann::json;

Result<SuccessionTable> loadSuccession(const std::string& path) {
    auto doc = readJsonFile(path, "succession table");
    if (!doc) return doc.error();
    const json* units = arrayField(*doc, "units");
    if (!units) return makeError("succession table " + path + " has no \"units\" array");
    SuccessionTable t;
    t.method = stringField(*doc, "method");
    const json& arr = *units;
    for (size_t i = 0; i < arr.size(); ++i) {
        const json& u = arr[i];
        const std::string where = "succession table " + path + ", unit " + std::to_string(i);
        Succession s;
        s.layerId = stringField(u, "layer");
        s.unitId = stringField(u, "id");
        s.name = stringField(u, "name");
        s.vintage = stringField(u, "vintage");
        auto level = parseLevel(stringField(u, "level"));
        const json* to = arrayField(u, "to");
        if (s.layerId.empty() || s.unitId.empty() || !level || !to)
            return makeError(where + " needs \"layer\", \"id\", \"level\" and a \"to\" array");
        s.level = *level;
        for (const json& v : *to) {
            Successor x{stringField(v, "layer"), stringField(v, "id"), stringField(v, "name"), 0.0};
            const json share = v.is_object() ? v.value("share", json()) : json();
            if (x.layerId.empty() || x.unitId.empty() || !share.is_number() || share.get<double>() < 0 ||
                share.get<double>() > 1.0001)
                return makeError(where + " (" + s.name + ") has a successor without \"layer\", \"id\" or a share in 0..1");
            x.share = share.get<double>();
            s.to.push_back(std::move(x));
        }
        t.units.push_back(std::move(s));
    }
    return t;
}

std::string successionJson(const SuccessionTable& t, const std::string& madeWith) {
    auto esc = [](const std::string& s) { return dumpJson(json(s)); };
    std::string out = "{\n \"description\": " +
                      esc("For each unit of the Vietnamese system before the 1 July 2025 reform, the units of the "
                          "later system that took its territory and the share of its area each took. Computed by "
                          "borderlens from the catalog's boundary layers (not copied from any list); checked "
                          "against the public list of the 2025 mergers in mergers_2025.json by the test suite and "
                          "by `borderlens succession --check`. Written by the borderlens team's program.") +
                      ",\n \"method\": " + esc(t.method) + ",\n \"made_with\": " + esc(madeWith) +
                      ",\n \"units\": [\n";
    for (size_t i = 0; i < t.units.size(); ++i) {
        const Succession& s = t.units[i];
        out += "  {\"layer\": " + esc(s.layerId) + ", \"id\": " + esc(s.unitId) + ", \"name\": " + esc(s.name) +
               ", \"level\": " + esc(toString(s.level)) + ", \"vintage\": " + esc(s.vintage) + ", \"to\": [";
        for (size_t j = 0; j < s.to.size(); ++j) {
            const Successor& x = s.to[j];
            char share[32];
            std::snprintf(share, sizeof share, "%.3f", x.share);
            out += std::string(j ? ", " : "") + "{\"layer\": " + esc(x.layerId) + ", \"id\": " + esc(x.unitId) +
                   ", \"name\": " + esc(x.name) + ", \"share\": " + share + "}";
        }
        out += std::string("]}") + (i + 1 < t.units.size() ? "," : "") + "\n";
    }
    return out + " ]\n}\n";
}

Result<MergerList> loadMergerList(const std::string& path) {
    auto doc = readJsonFile(path, "merger list");
    if (!doc) return doc.error();
    const json* provinces = arrayField(*doc, "provinces");
    if (!provinces) return makeError("merger list " + path + " has no \"provinces\" array");
    MergerList m;
    m.source = stringField(*doc, "source");
    for (const json& p : *provinces) {
        std::vector<std::string> from = stringArray(p, "from_2023");
        const std::string name = stringField(p, "name_2025");
        if (name.empty() || from.empty())
            return makeError("merger list " + path + " has an entry without \"name_2025\" or \"from_2023\"");
        m.provinces.emplace_back(name, std::move(from));
    }
    return m;
}

}  // namespace bl::io
