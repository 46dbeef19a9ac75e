#include "core/boundaries/vintage.hpp"

#include <algorithm>

namespace bl {

bool AdminSystem::has(Level level) const { return std::find(levels.begin(), levels.end(), level) != levels.end(); }

Level AdminSystem::finest() const { return levels.empty() ? Level::Province : levels.back(); }

std::string AdminSystem::title() const { return description.empty() ? label : label + " (" + description + ")"; }

const AdminSystem* VintagePolicy::find(const std::string& label) const {
    for (const auto& s : systems)
        if (s.label == label) return &s;
    return nullptr;
}

std::string VintagePolicy::forLevel(Level level) const {
    if (const AdminSystem* c = find(current); c && c->has(level)) return current;
    for (auto it = systems.rbegin(); it != systems.rend(); ++it)
        if (it->has(level)) return it->label;
    return current;
}

std::string VintagePolicy::choices() const {
    std::string out;
    for (size_t i = 0; i < systems.size(); ++i)
        out += (i == 0 ? "" : i + 1 == systems.size() ? " or " : ", ") + systems[i].label;
    return out.empty() ? "(none in the catalog)" : out;
}

Result<std::string> VintagePolicy::check(const std::string& label, const std::string& option) const {
    if (find(label)) return label;
    return optionError(option + " must be " + choices() + " (the Vietnamese systems of the catalog; got '" + label + "')");
}

VintagePolicy makeVintagePolicy(const std::vector<LayerSpec>& layers,
                                const std::vector<std::pair<std::string, std::string>>& descriptions,
                                const std::string& current) {
    VintagePolicy p;
    std::string stillValid;
    for (const auto& l : layers) {
        if (l.country != Country::VN) continue;
        auto it = std::find_if(p.systems.begin(), p.systems.end(),
                               [&](const AdminSystem& s) { return s.label == l.vintage.label; });
        if (it == p.systems.end()) {
            p.systems.push_back({l.vintage.label, {}, {}});
            it = p.systems.end() - 1;
        }
        if (!it->has(l.level)) it->levels.push_back(l.level);
        if (l.vintage.validTo.empty()) stillValid = std::max(stillValid, l.vintage.label);
    }
    // Labels are years or ISO dates: their order is their time order.
    std::sort(p.systems.begin(), p.systems.end(), [](const auto& a, const auto& b) { return a.label < b.label; });
    for (auto& s : p.systems) {
        std::sort(s.levels.begin(), s.levels.end());
        for (const auto& [label, text] : descriptions)
            if (label == s.label) s.description = text;
    }
    p.current = !current.empty()                ? current
                : !stillValid.empty()           ? stillValid
                : p.systems.empty()             ? std::string{}
                                                : p.systems.back().label;
    return p;
}

}  // namespace bl
