#pragma once
// Search: diacritic- and spelling-tolerant lookup through Gazetteer::find.
// Keyboard first: Up/Down move through the results while typing, Enter
// selects the highlighted one (the first by default); a click does the same.
// Results of either Vietnamese system are listed with their system: the app
// switches the map to the system of the unit chosen.
#include <string>
#include <vector>

#include "core/names/gazetteer.hpp"
#include "ui/viewer_state.hpp"

namespace bl::ui {

class SearchPanel {
public:
    void drawContent(const Gazetteer& gazetteer, const Dataset& data, ViewerState& state);
    // Puts the keyboard into the query field on the next frame (Ctrl+F, /).
    void focus() { m_focus = true; }
    const std::vector<GazetteerMatch>& results() const { return m_results; }
    const std::string& query() const { return m_lastQuery; }
    int highlighted() const { return m_cursor; }

private:
    char m_query[256] = {};
    std::string m_lastQuery;
    std::vector<GazetteerMatch> m_results;
    int m_cursor = 0;  // the result Enter selects
    bool m_focus = false;
    bool m_scrollToCursor = false;
};

}  // namespace bl::ui
