#include "ui/viewer_state.hpp"

#include <algorithm>

namespace bl::ui {

void showVintage(const Dataset& data, const VintagePolicy& vintages, const std::string& wanted, ViewerState& state) {
    auto has = [&](const std::string& label) {
        return std::any_of(data.layers.begin(), data.layers.end(), [&](const Layer& l) {
            return l.spec.country == Country::VN && l.spec.vintage.label == label;
        });
    };
    std::string shown = has(wanted) ? wanted : has(vintages.current) ? vintages.current : std::string();
    if (shown.empty())  // data without the policy's systems (e.g. test fixtures): its latest
        for (const auto& l : data.layers)
            if (l.spec.country == Country::VN) shown = std::max(shown, l.spec.vintage.label);
    state.vnVintage = shown;
    state.layerVisible.assign(data.layers.size(), 0);
    for (size_t i = 0; i < data.layers.size(); ++i) {
        const LayerSpec& s = data.layers[i].spec;
        state.layerVisible[i] = s.country == Country::LA || s.vintage.label == shown;
    }
}

}  // namespace bl::ui
