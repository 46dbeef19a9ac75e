#pragma once
// How the map looks, shared by both backends (OpenGL, cairo) and the legend:
// palette and line widths by country and level, the border, the context
// countries, the symbols.
#include <string>

#include "core/boundaries/model.hpp"
#include "render/engine_types.hpp"

namespace bl::render {

// Palette and widths by country and level (exposed for legends in export).
struct LayerLook {
    Rgba fill;
    Rgba outline;
    float widthPx = 1.0f;
};
LayerLook lookFor(Country country, Level level);
// The Viet Nam–Laos border (MapGeometry::border), over a white casing.
Rgba borderColour();

// The context countries (MapGeometry::contextFeatures), drawn under the
// map: neighbours in grey with their borders and names, the map's own
// countries as plain land under their layers (so no sea shows where the
// coarse context and the boundary layers disagree).
struct ContextLook {
    Rgba neighbourFill;
    Rgba ownLand;
    Rgba border;  // the neighbours' borders with other countries
    float borderWidthPx = 1.0f;
    Rgba label;
};
ContextLook contextLook();
// A neighbour's label: its name in capitals, letter-spaced (thin spaces).
std::string contextLabelText(const std::string& name);

// How a symbol is drawn, at style scale `s` (the map and the legend alike).
struct SymbolLook {
    Rgba colour;
    double radius = 6.5;  // pixels
    int sides = 4;
    double rotation = 0;  // radians
};
SymbolLook symbolLook(SymbolKind kind, float s);

// An export page's ink (text, scale bar) and rules (box frames, band lines, the neat line).
inline constexpr Rgba kPageInk{0.12f, 0.12f, 0.14f, 1};
inline constexpr Rgba kPageRule{0.55f, 0.55f, 0.58f, 1};

// A fill's lightness varied per unit (`shade` 0..1, FillVertex::shade) so
// neighbours stand apart; the fill shader does the same.
Rgba shadedFill(Rgba base, float shade, float amount = 0.10f);

}  // namespace bl::render
