#pragma once
// The renderer draws what the engine prepares: the engine's plain-data
// types (scene, overlay, map geometry, export spec) under the names the
// renderer's code uses.
#include "engine/export_request.hpp"
#include "engine/map_geometry.hpp"
#include "engine/scene.hpp"

namespace bl::render {

using engine::ExportSpec;
using engine::GeometryOptions;
using engine::FillVertex;
using engine::HighlightedUnit;
using engine::kLodCount;
using engine::kLodTolerancesM;
using engine::LayerLod;
using engine::levelShownAtScale;
using engine::LineStrip;
using engine::LineVertex;
using engine::lodForScale;
using engine::MapGeometry;
using engine::MapStyle;
using engine::Overlay;
using engine::OverlayConnector;
using engine::OverlaySegment;
using engine::OverlaySymbol;
using engine::Range;
using engine::Rgba;
using engine::Scene;
using engine::ScreenFont;
using engine::ScreenItem;
using engine::SymbolKind;

}  // namespace bl::render
