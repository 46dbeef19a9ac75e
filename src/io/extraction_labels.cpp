#include "io/extraction_labels.hpp"

#include <nlohmann/json.hpp>

#include "io/detail/json_file.hpp"

namespace bl::io {

using nlohmann::json;

Result<RawLabels> loadExtractionLabels(const std::string& path) {
    auto doc = readJsonFile(path, "labels file");
    if (!doc) return doc.error();
    if (!doc->is_object() || !doc->contains("articles") || !(*doc)["articles"].is_array())
        return makeError("labels file " + path + " has no \"articles\" array");
    RawLabels out;
    out.documents = stringField(*doc, "documents");
    const json& arr = (*doc)["articles"];
    for (size_t i = 0; i < arr.size(); ++i) {
        const json& a = arr[i];
        RawLabelledArticle r;
        r.file = stringField(a, "file");
        const std::string where = "labels file " + path + ", article " + std::to_string(i) + " (" + r.file + ")";
        if (r.file.empty()) return makeError(where + " has no \"file\"");
        if (a.contains("kinds") && a["kinds"].is_array())
            for (const json& k : a["kinds"])
                if (k.is_string()) r.kinds.push_back(k.get<std::string>());
        for (const json& l : a.value("links", json::array())) {
            RawLabelledLink x{stringField(l, "kind"), stringField(l, "vn_province"), stringField(l, "la_province")};
            if (x.kind != "twinning" && x.kind != "cooperation_plan" && x.kind != "other")
                return makeError(where + " has a link of kind \"" + x.kind + "\"");
            if (x.vnProvince.empty() || x.laProvince.empty())
                return makeError(where + " has a link without \"vn_province\" or \"la_province\"");
            r.links.push_back(std::move(x));
        }
        for (const json& g : a.value("gates", json::array())) {
            const std::string name = stringField(g, "name"), country = stringField(g, "country");
            if (name.empty() || (country != "VN" && country != "LA"))
                return makeError(where + " has a gate without \"name\" or with a country other than VN or LA");
            r.gates.emplace_back(name, country);
        }
        out.articles.push_back(std::move(r));
    }
    return out;
}

}  // namespace bl::io
