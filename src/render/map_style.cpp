#include "render/map_style.hpp"

#include <cmath>

#include "core/names/utf8.hpp"

namespace bl::render {

LayerLook lookFor(Country c, Level l) {
    const bool vn = c == Country::VN;
    switch (l) {
        case Level::Province:
            return vn ? LayerLook{{0.99f, 0.91f, 0.78f, 1}, {0.58f, 0.28f, 0.12f, 1}, 1.7f}
                      : LayerLook{{0.83f, 0.93f, 0.83f, 1}, {0.12f, 0.42f, 0.26f, 1}, 1.7f};
        case Level::District:
            return vn ? LayerLook{{0.99f, 0.91f, 0.78f, 1}, {0.72f, 0.50f, 0.36f, 0.9f}, 0.75f}
                      : LayerLook{{0.83f, 0.93f, 0.83f, 1}, {0.40f, 0.62f, 0.46f, 0.9f}, 0.75f};
        case Level::Commune:
            return {{0.99f, 0.91f, 0.78f, 1}, {0.78f, 0.62f, 0.50f, 0.8f}, 0.5f};
    }
    return {};
}

Rgba borderColour() { return {0.33f, 0.08f, 0.36f, 1.0f}; }

ContextLook contextLook() {
    return {
        {0.84f, 0.84f, 0.83f, 1}, {0.96f, 0.95f, 0.91f, 1}, {0.56f, 0.56f, 0.58f, 1}, 1.0f, {0.40f, 0.40f, 0.43f, 1}};
}

std::string contextLabelText(const std::string& name) {
    std::string out;
    std::string_view rest(name);
    while (!rest.empty()) {
        char32_t c = popCodePoint(rest);
        if (c >= U'a' && c <= U'z') c -= U'a' - U'A';
        if (!out.empty()) appendCodePoint(out, U'\u2009');
        appendCodePoint(out, c);
    }
    return out;
}

SymbolLook symbolLook(SymbolKind kind, float s) {
    switch (kind) {
        case SymbolKind::BorderGate:
            return {{0.80f, 0.10f, 0.10f, 1}, 6.5 * s, 4, 0.0};  // red square
        case SymbolKind::Station:
            return {{0.10f, 0.20f, 0.60f, 1}, 6.5 * s, 4, M_PI / 4};  // blue diamond
        case SymbolKind::Item:
            return {{0.10f, 0.16f, 0.32f, 1}, 9.0 * s, 32, 0.0};  // dark disc holding a number
        case SymbolKind::Document:
            return {{0.05f, 0.55f, 0.60f, 1}, 6.5 * s, 24, 0.0};  // teal disc
    }
    return {};
}

Rgba shadedFill(Rgba c, float shade, float amount) {
    const float k = amount * shade;
    return {c.r * (1 - k) + k * 0.35f, c.g * (1 - k) + k * 0.35f, c.b * (1 - k) + k * 0.35f, c.a};
}

}  // namespace bl::render
