#include "io/detail/json_file.hpp"

#include <fstream>

namespace bl::io {

Result<nlohmann::json> readJsonFile(const std::string& path, const char* what) {
    std::ifstream in(path);
    if (!in) return makeError(std::string(what) + " " + path + " cannot be opened (missing or unreadable)");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        return makeError(std::string(what) + " " + path + " is not valid JSON: " + e.what());
    }
}

std::string stringField(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> stringArray(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    if (const nlohmann::json* a = arrayField(j, key))
        for (const auto& v : *a)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

const nlohmann::json* arrayField(const nlohmann::json& j, const char* key) {
    if (!j.is_object()) return nullptr;
    auto it = j.find(key);
    return it != j.end() && it->is_array() ? &*it : nullptr;
}

}  // namespace bl::io
