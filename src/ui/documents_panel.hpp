#pragma once
// Documents: each article with its date and the evidence sentence of the
// selected link; "Read" opens the article's whole text with every sentence
// that gave a link highlighted (the selected link's in a stronger colour,
// scrolled to). The app converts the documents model into rows; null = not
// available yet.
#include <cstddef>
#include <string>
#include <vector>

#include "ui/viewer_state.hpp"

namespace bl::ui {

struct TextSpan {
    size_t begin = 0, end = 0;  // bytes into the text
    bool selected = false;      // the selected link's evidence
};

struct DocumentRow {
    std::string title;
    std::string date;      // as shown (core/news displayDate)
    std::string source;    // file or publisher
    std::string evidence;  // the sentence supporting the selected link, empty if none
    const std::string* text = nullptr;  // the whole text (owned by the corpus)
    std::vector<TextSpan> spans;        // evidence of every link from it, in order, not overlapping
    size_t links = 0;                   // links found in it (several may share a sentence)
};

class DocumentsPanel {
public:
    void drawContent(const std::vector<DocumentRow>* rows);
    // Opens document `i` in the reader (e.g. the document of a pair chosen).
    void open(size_t i) { m_reading = int(i), m_scroll = true; }
    int reading() const { return m_reading; }

private:
    int m_reading = -1;  // the document open in the reader
    bool m_scroll = false;
};

}  // namespace bl::ui
