#include "engine/figures.hpp"

#include <cmath>
#include <cstdio>

namespace bl::engine {

namespace {

// "Viet Nam" / "Lao" for an international pair; the unit's name within a country.
std::string sideName(const SharedBorder& b, bool sideA) {
    const Layer* layer = sideA ? b.layerA : b.layerB;
    const AdminUnit* unit = sideA ? b.a : b.b;
    if (b.kind == AdjacencyKind::International) return layer->spec.country == Country::VN ? "Viet Nam" : "Lao";
    return unit->briefName();
}

std::string gapText(double metres) {
    char buf[32];
    if (metres < 999.5) std::snprintf(buf, sizeof buf, "%.0f m", metres);
    else std::snprintf(buf, sizeof buf, "%.1f km", metres / 1000.0);
    return buf;
}

}  // namespace

std::string kmText(double km) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f km", km);
    return b;
}

std::string shownKmText(const SharedBorder& border) { return kmText(shownKm(border)); }

std::string sidesText(const SharedBorder& b) {
    if (b.sharedKm <= 0 || b.sharedKmB <= 0) {
        const bool onA = b.sharedKm > 0;
        return "measured on the " + sideName(b, onA) + " side only (" + kmText(onA ? b.sharedKm : b.sharedKmB) + ")";
    }
    if (b.kind == AdjacencyKind::Domestic && std::fabs(b.sharedKm - b.sharedKmB) < 0.05)
        return "one boundary line, " + kmText(b.sharedKm);
    std::string out = sideName(b, true) + " side " + kmText(b.sharedKm) + ", " + sideName(b, false) + " side " +
                      kmText(b.sharedKmB);
    if (b.kind == AdjacencyKind::International) out += ", lines " + gapText(b.medianGapM) + " apart (median)";
    return out;
}

std::string unitSystemText(const Layer& layer, const AdminUnit& unit) {
    return unit.briefName() + " is a " + toString(layer.spec.level) + " of the " + layer.spec.vintage.label + " system";
}

std::string verdictText(const AdjacencyVerdict& v) {
    const std::string units = v.vintage + " " + v.vn->name + " x " + v.la->name;
    if (v.touches) return units + ": share " + kmText(v.sharedKm) + " of border";
    return units + ": do not touch, " + kmText(v.distanceKm) + " apart";
}

}  // namespace bl::engine
