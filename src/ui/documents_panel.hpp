#pragma once
// Documents: each article with its date, its links' provinces and the
// evidence sentence of the selected link; clicking one opens the reader with
// the article's whole text, every sentence that gave a link highlighted (the
// selected link's in a stronger colour, scrolled to). The app converts the
// documents model into rows; null = not available yet.
//
// With thousands of documents the list is filtered (years, province, link
// kind, text) and drawn through ImGuiListClipper, so only the visible rows
// cost anything; a timeline counts the links of the shown documents per
// year. Filtering and counting are plain functions below (no ImGui), run
// again only when the filter or the documents change (DocumentList).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/viewer_state.hpp"

namespace bl::ui {

struct TextSpan {
    size_t begin = 0, end = 0;  // bytes into the text
    bool selected = false;      // the selected link's evidence
};

// Which kinds of link (core LinkKind) a document has, or a filter admits.
struct LinkKinds {
    bool twinning = false, cooperationPlan = false, other = false;
    bool all() const { return twinning && cooperationPlan && other; }
    friend bool operator==(const LinkKinds&, const LinkKinds&) = default;
};

// A province a document's links resolve to, on either side and in any
// system, by its brief name ("Quảng Trị", "Savannakhet").
struct DocumentProvince {
    std::string name;
    Country country = Country::VN;
    friend bool operator==(const DocumentProvince&, const DocumentProvince&) = default;
};

struct DocumentRow {
    std::string title;
    std::string date;                   // as shown (core/news displayDate)
    std::string source;                 // file or publisher
    std::string evidence;               // the sentence supporting the selected link, empty if none
    const std::string* text = nullptr;  // the whole text (owned by the corpus)
    std::vector<TextSpan> spans;        // evidence of every link from it, in order, not overlapping
    size_t links = 0;                   // links found in it (several may share a sentence)

    // What the filters read, made with the row (never per frame):
    int year = 0;                             // the document's year; 0 = unknown or partial date
    std::vector<int> linkYears;               // each link's year (its event's date, else the document's); 0 = not known
    LinkKinds kinds;                          // the kinds of its links
    std::vector<DocumentProvince> provinces;  // each once
    std::string searchKey;                    // documentSearchKey(title, source)
};

// What the text filter searches: the title and the file name of `source`
// (not its folders), diacritics and case folded (core/names foldText).
std::string documentSearchKey(std::string_view title, std::string_view source);

struct DocumentFilter {
    int yearFrom = 0, yearTo = 0;              // inclusive; 0 = open end. A document passes when its year
                                               // or one of its links' years lies in the range.
    bool undated = true;                       // documents with no year at all (partial or unknown dates, links too)
    std::optional<DocumentProvince> province;  // one of the row's provinces; none = any
    LinkKinds kinds{true, true, true};         // a document with a link of a ticked kind passes; all ticked =
                                               // no restriction (documents without links pass too)
    std::string text;                          // every word of it in the searchKey (folded alike); empty = any
    bool yearsOpen() const { return yearFrom == 0 && yearTo == 0; }
    friend bool operator==(const DocumentFilter&, const DocumentFilter&) = default;
};

// The indices into `rows` of the documents that pass, in order.
std::vector<size_t> filterDocuments(const std::vector<DocumentRow>& rows, const DocumentFilter& filter);

// Links per year of some documents.
struct LinkTimeline {
    int firstYear = 0;            // the year of perYear[0]; 0 when no link has a year
    std::vector<size_t> perYear;  // firstYear, firstYear + 1, ...: years without links count 0
    size_t undated = 0;           // links whose year is not known
    size_t count(int year) const;
    size_t busiest() const;  // the highest count of a year
};
// The links of rows[i] for each i of `indices`, per year, over [firstYear,
// lastYear] (both 0: the years the links have).
LinkTimeline linksPerYear(const std::vector<DocumentRow>& rows, const std::vector<size_t>& indices, int firstYear = 0,
                          int lastYear = 0);

// What the filters can choose from, over all documents.
struct DocumentFacets {
    struct Province {
        DocumentProvince province;
        size_t documents = 0;
    };
    std::vector<Province> provinces;                      // Vietnamese first, then Lao; by name, diacritics folded
    int firstYear = 0, lastYear = 0;                      // of the documents and their links; 0 when none has one
    size_t undated = 0;                                   // documents with no year at all
    size_t twinning = 0, cooperationPlan = 0, other = 0;  // documents with a link of that kind
};
DocumentFacets documentFacets(const std::vector<DocumentRow>& rows);

// The Docs tab's filtered list: the facets, the indices shown and their
// timeline, each computed again only when what it depends on changed.
class DocumentList {
public:
    DocumentFilter filter;  // edit freely; noticed by the next update()

    // `source` identifies the model the rows were made from (held weakly):
    // rows made again from the same model (another link selected) keep the
    // results; another model, or another number of rows, is new data.
    // Returns true when the shown list was computed again.
    bool update(const std::vector<DocumentRow>& rows, const std::shared_ptr<const void>& source);

    const std::vector<size_t>& shown() const { return m_shown; }  // indices into the rows
    const LinkTimeline& timeline() const { return m_timeline; }   // over the facets' years
    const DocumentFacets& facets() const { return m_facets; }
    uint64_t generation() const { return m_generation; }  // times the shown list was computed

private:
    std::weak_ptr<const void> m_source;
    bool m_hasData = false;
    size_t m_rows = 0;
    DocumentFilter m_applied;
    DocumentFacets m_facets;
    std::vector<size_t> m_shown;
    LinkTimeline m_timeline;
    uint64_t m_generation = 0;
};

class DocumentsPanel {
public:
    // `source`: the model the rows were made from (see DocumentList::update).
    void drawContent(const std::vector<DocumentRow>* rows, const std::shared_ptr<const void>& source = {});
    // Opens document `i` (an index into all rows, whatever the filter) in
    // the reader, e.g. the document of a pair chosen.
    void open(size_t i) { m_reading = int(i), m_scroll = true; }
    int reading() const { return m_reading; }
    const DocumentList& list() const { return m_list; }

private:
    void drawFilters();
    void drawTimeline();
    void drawList(const std::vector<DocumentRow>& rows);
    void drawReader(const DocumentRow& d);

    DocumentList m_list;
    char m_text[128] = {};  // the text filter as typed
    int m_reading = -1;     // the document open in the reader
    bool m_scroll = false;
};

}  // namespace bl::ui
