#pragma once
// The rows the viewer's panels show, made from the engine's models: shared
// borders (explorer), a unit's neighbours (inspector), twinned pairs,
// documents, a unit across the 2025 reform. Figures and dates through the
// engine's one formatting (engine/figures.hpp, displayDate), so the panels
// say what the CLI and the exports say.
#include <optional>
#include <string>
#include <vector>

#include "engine/map_data.hpp"
#include "engine/news.hpp"
#include "engine/vintage_adjacency.hpp"
#include "ui/adjacency_panel.hpp"
#include "ui/documents_panel.hpp"
#include "ui/inspector_panel.hpp"
#include "ui/pairs_panel.hpp"

namespace bl::app {

std::vector<ui::SharedBorderRow> borderRows(const engine::VintageAdjacency& adjacency);
std::vector<ui::NeighbourRow> neighbourRows(const engine::VintageAdjacency& adjacency, const Dataset& data, UnitKey key);
std::vector<ui::TwinnedPairRow> pairRows(const engine::News& news, const std::string& vintage);
// Each document, with what the Docs tab's filters read: years, link kinds,
// the provinces the links resolve to (both sides, every system), the folded
// search key. Nothing selected: see markSelectedLink.
std::vector<ui::DocumentRow> documentRows(const engine::News& news);
// Marks the evidence of link `link` (none: nothing) in rows made from
// `news`, clearing any earlier mark.
void markSelectedLink(std::vector<ui::DocumentRow>& rows, const engine::News& news, std::optional<size_t> link);
// The unit across the reform: its successors, or its predecessors.
std::vector<std::string> successionNotes(const engine::MapData& data, UnitKey key);

// "Huyện Hướng Hóa is a district of the 2023 system" — why the map shows
// another system after a selection; empty for Lao units (in every system).
std::string systemNote(const Dataset& data, UnitKey key);

}  // namespace bl::app
