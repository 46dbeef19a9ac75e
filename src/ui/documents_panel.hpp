#pragma once
// Documents: each article with its date; the evidence sentence of the selected
// link highlighted. The app converts the documents model into rows; null =
// not available yet.
#include <string>
#include <vector>

#include "ui/viewer_state.hpp"

namespace bl::ui {

struct DocumentRow {
    std::string title;
    std::string date;      // ISO
    std::string source;    // file or publisher
    std::string evidence;  // the sentence supporting the selected link, empty if none
};

class DocumentsPanel {
public:
    void drawContent(const std::vector<DocumentRow>* rows);
};

}  // namespace bl::ui
