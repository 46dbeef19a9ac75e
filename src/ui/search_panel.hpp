#pragma once
// Search: diacritic- and spelling-tolerant lookup through Gazetteer::find;
// clicking a result selects the unit and flies to it.
#include <string>
#include <vector>

#include "core/names/gazetteer.hpp"
#include "ui/viewer_state.hpp"

namespace bl::ui {

class SearchPanel {
public:
    void drawContent(const Gazetteer& gazetteer, const Dataset& data, ViewerState& state);

private:
    char m_query[256] = {};
    std::string m_lastQuery;
    std::vector<GazetteerMatch> m_results;
};

}  // namespace bl::ui
