#include "core/boundaries/model.hpp"

#include <algorithm>
#include <cctype>

namespace bl {

const char* toString(Country c) { return c == Country::VN ? "VN" : "LA"; }

const char* toString(Level l) {
    switch (l) {
    case Level::Province: return "province";
    case Level::District: return "district";
    case Level::Commune: return "commune";
    }
    return "?";
}

static std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::optional<Country> parseCountry(const std::string& s) {
    const std::string l = lower(s);
    if (l == "vn") return Country::VN;
    if (l == "la") return Country::LA;
    return std::nullopt;
}

std::optional<Level> parseLevel(const std::string& s) {
    const std::string l = lower(s);
    if (l == "province") return Level::Province;
    if (l == "district") return Level::District;
    if (l == "commune") return Level::Commune;
    return std::nullopt;
}

const AdminUnit* Layer::find(const std::string& unitId) const {
    for (const auto& u : units)
        if (u.id == unitId) return &u;
    return nullptr;
}

const Layer* Dataset::layer(const std::string& id) const {
    for (const auto& l : layers)
        if (l.spec.id == id) return &l;
    return nullptr;
}

}  // namespace bl
