#include "io/extraction_labels.hpp"

#include <nlohmann/json.hpp>

#include "io/detail/json_file.hpp"

namespace bl::io {

using nlohmann::json;

Result<RawLabels> loadExtractionLabels(const std::string& path) {
    auto doc = readJsonFile(path, "labels file");
    if (!doc) return doc.error();
    const json* articles = arrayField(*doc, "articles");
    if (!articles) return makeError("labels file " + path + " has no \"articles\" array");
    RawLabels out;
    out.documents = stringField(*doc, "documents");
    const json& arr = *articles;
    for (size_t i = 0; i < arr.size(); ++i) {
        const json& a = arr[i];
        RawLabelledArticle r;
        r.file = stringField(a, "file");
        const std::string where = "labels file " + path + ", article " + std::to_string(i) + " (" + r.file + ")";
        if (r.file.empty()) return makeError(where + " has no \"file\"");
        r.kinds = stringArray(a, "kinds");
        const json none = json::array();
        const json* links = arrayField(a, "links");
        for (const json& l : links ? *links : none) {
            RawLabelledLink x{stringField(l, "kind"), stringField(l, "vn_province"), stringField(l, "la_province")};
            if (x.kind != "twinning" && x.kind != "cooperation_plan" && x.kind != "other")
                return makeError(where + " has a link of kind \"" + x.kind + "\"");
            if (x.vnProvince.empty() || x.laProvince.empty())
                return makeError(where + " has a link without \"vn_province\" or \"la_province\"");
            r.links.push_back(std::move(x));
        }
        const json* gates = arrayField(a, "gates");
        for (const json& g : gates ? *gates : none) {
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
