#pragma once
// Layers: toggle the layers of the shown Vietnamese system (chosen in the
// toolbar) and the Lao layers, and see
// every layer's source, licence and known gaps from the catalog.
#include "core/boundaries/model.hpp"
#include "io/catalog.hpp"
#include "ui/viewer_state.hpp"

namespace bl::ui {

class LayersPanel {
public:
    void drawContent(const io::Catalog& catalog, const Dataset& data, ViewerState& state);
};

}  // namespace bl::ui
