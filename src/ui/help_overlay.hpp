#pragma once
// The shortcuts, listed once: the help overlay (F1 or ?) shows this table,
// and the app's key handling follows it (app/map_input.cpp).
#include <span>

namespace bl::ui {

struct Shortcut {
    const char* keys;
    const char* action;
};

std::span<const Shortcut> shortcuts();

// A window centred over `x, y, w, h` (the map) listing the shortcuts; it
// closes on its button, F1, ? or Escape (the app clears `open`).
void drawHelpOverlay(bool& open, float x, float y, float w, float h);

}  // namespace bl::ui
