#pragma once
// Small synthetic units for renderer and export tests (working-CRS metres).
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/boundaries/model.hpp"
#include "engine/export_request.hpp"

namespace bl::test {

inline MultiPolygon rect(double x0, double y0, double x1, double y1) {
    MultiPolygon mp;
    mp.polygons.push_back({{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}});
    return mp;
}

inline AdminUnit unit(std::string id, std::string name, MultiPolygon g) {
    AdminUnit u;
    u.id = std::move(id);
    u.name = u.shortName = std::move(name);
    u.geometry = std::move(g);
    u.bounds = u.geometry.bounds();
    return u;
}

inline Layer fixtureLayer(std::string id, Country c, Level l, std::string vintage, std::vector<AdminUnit> units) {
    Layer layer;
    layer.spec.id = std::move(id);
    layer.spec.country = c;
    layer.spec.level = l;
    layer.spec.vintage.label = std::move(vintage);
    layer.units = std::move(units);
    return layer;
}

// The export tests' map: a Vietnamese province split into two districts
// east of a border at x = 0 (106°E in the working CRS), a Lao province west
// of it. Made-up names.
inline std::shared_ptr<const Dataset> exportFixtureData() {
    auto d = std::make_shared<Dataset>();
    const double km = 1000.0;
    d->layers.push_back(fixtureLayer("vn_p", Country::VN, Level::Province, "2025",
                                     {unit("1", "Đắk Ếp", rect(0, 0, 100 * km, 100 * km))}));
    d->layers.push_back(fixtureLayer("vn_d", Country::VN, Level::District, "2025",
                                     {unit("11", "Ở Trên", rect(0, 50 * km, 100 * km, 100 * km)),
                                      unit("12", "Đồng Dưới", rect(0, 0, 100 * km, 50 * km))}));
    d->layers.push_back(fixtureLayer("la_p", Country::LA, Level::Province, "2019",
                                     {unit("L1", "Muang Xé", rect(-100 * km, 0, 0, 100 * km))}));
    return d;
}

// exportFixtureData's pair as an export draws it: both units, their shared
// border with its length, a connector, an approximate gate, the info box.
inline void addFixturePair(engine::ExportSpec& spec) {
    const double km = 1000.0;
    const engine::Rgba c{0.85f, 0.12f, 0.55f, 1.0f};
    spec.scene.overlay.highlights.push_back({{0, 0}, c});
    spec.scene.overlay.highlights.push_back({{2, 0}, c});
    spec.scene.overlay.segments.push_back({{{{0, 5 * km}, {0, 95 * km}}}, c, 5.0f, "90.0 km"});
    spec.scene.overlay.connectors.push_back({{-50 * km, 50 * km}, {50 * km, 50 * km}, c, ""});
    spec.scene.overlay.symbols.push_back({{0, 30 * km}, engine::SymbolKind::BorderGate, true, "Gate A"});
    spec.info = {"Đắk Ếp – Muang Xé", "Twinning, 2025-01-01"};
}

}  // namespace bl::test
