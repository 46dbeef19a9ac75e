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

UnitKey Dataset::keyOf(const AdminUnit* unit) const {
    for (size_t li = 0; li < layers.size(); ++li) {
        const auto& units = layers[li].units;
        if (!units.empty() && unit >= units.data() && unit < units.data() + units.size())
            return {int(li), int(unit - units.data())};
    }
    return {};
}

const Layer* Dataset::layerOf(UnitKey key) const {
    if (!key.valid() || size_t(key.layer) >= layers.size()) return nullptr;
    return &layers[size_t(key.layer)];
}

const AdminUnit* Dataset::unitOf(UnitKey key) const {
    const Layer* l = layerOf(key);
    if (!l || size_t(key.unit) >= l->units.size()) return nullptr;
    return &l->units[size_t(key.unit)];
}

std::pair<const Layer*, const AdminUnit*> Dataset::provinceOf(const std::string& layerId, const std::string& unitId) const {
    const Layer* l = layer(layerId);
    const AdminUnit* u = l ? l->find(unitId) : nullptr;
    // Bounded by the number of layers: a catalog cannot make it cycle.
    for (size_t steps = 0; l && u && l->spec.level != Level::Province && steps < layers.size(); ++steps) {
        l = layer(l->spec.parentLayer);
        u = l ? l->find(u->parentId) : nullptr;
    }
    if (!l || !u || l->spec.level != Level::Province) return {nullptr, nullptr};
    return {l, u};
}

}  // namespace bl
