#pragma once
// The documents overlay model: news articles, the parties and places they
// name, and the cross-border links between a Vietnamese and a Lao party.
// Everything is traceable: spans are byte offsets [begin, end) into the
// document's file as read (CR bytes included), never into a copy.
// No I/O here; io/document_reader fills Document, core/extract fills Corpus.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/boundaries/crs.hpp"
#include "core/boundaries/model.hpp"

namespace bl {

struct Span {
    size_t begin = 0;
    size_t end = 0;  // exclusive
    bool empty() const { return end <= begin; }
};

enum class DateStatus {
    Stated,    // a " date YYYY-MM-DD" line at the top of the file
    Inferred,  // a full date found in the text ("on January 15, 2025")
    Partial,   // month and day found, the year is not stated: iso is "--MM-DD"
    Unknown,   // nothing found: iso is "unknown"
};
const char* toString(DateStatus s);

struct DocDate {
    std::string iso = "unknown";  // "2025-05-26", "--01-15" (ISO 8601 without year) or "unknown"
    DateStatus status = DateStatus::Unknown;
    std::string note;             // how it was found, e.g. "weekday before the document date"
    int year = 0, month = 0, day = 0;  // 0 = not known
};

// How an ISO date reads to people, the one form every text output and panel
// shows (CSV and JSON keep the ISO form):
//   "2024-01-15" -> "2024-01-15"          "--01-15" -> "15 January (year not given)"
//   "2024-01"    -> "January 2024"        "--01"    -> "January (year not given)"
//   "2024"       -> "2024"                "unknown", "" -> "date unknown"
// Anything else (not a calendar date, another form) is returned unchanged.
std::string displayDate(std::string_view iso);

// One article as read from disk. `text` holds the file's bytes (valid UTF-8).
struct Document {
    std::string file;        // path as given
    std::string text;
    Span body;               // after the date line, before any cut trailing material
    std::string title;       // headline when there is one, else empty
    DocDate date;
    std::string trailingCut; // why text after body.end was ignored ("See more" list); empty when nothing was cut
};

// How a resolved unit was found. Decisions look at this; `reason` says the
// same for people and may change wording freely.
enum class ResolvedBy {
    Name,           // the name matched a unit of the layer
    NameInContext,  // the name matched inside the enclosing place the text names
    Containment,    // carried from another vintage's unit by containment
    ContextOnly,    // no unit of that name: the enclosing province the text names
    Curated,        // our curated facts (a locality, a border gate)
    Succession,     // a pre-reform unit's successor (geodata/succession.json)
};

// A catalog unit a party or place resolves to, in one layer.
struct ResolvedUnit {
    std::string layerId;
    std::string unitId;
    std::string name;
    Level level = Level::Province;
    std::string parent;      // parent's display name
    std::string vintage;     // the layer's vintage label (see core/boundaries/vintage.hpp)
    Country country = Country::VN;
    double confidence = 0.0; // 0..1
    ResolvedBy by = ResolvedBy::Name;
    std::string reason;      // "exact name", "alias", "context: inside Savannakhet", "curated: ...", ...
};

// A party to a link: an organisation or authority tied to a place, or the
// place itself ("Thanh Hóa province").
struct Party {
    std::string name;        // as normalised from the text: "Military Command of Se Pon district"
    std::string place;       // the place name as written: "Se Pon"
    std::string parentPlace; // the enclosing place from context, as written ("Savannakhet"), may be empty
    Country country = Country::VN;
    Span span;               // the party's words in the document
    std::vector<ResolvedUnit> units;  // finest unit per vintage; empty when unresolved
    std::string resolution;  // why units is empty (or how the units were chosen)
    double confidence = 0.0;
    std::string reference;   // the words naming it by reference ("the two provinces", "Company 3"); empty when named
};

enum class LinkKind { Twinning, CooperationPlan, Other };
const char* toString(LinkKind k);  // "twinning", "cooperation_plan", "other"

// A relation between one Vietnamese and one Lao party stated in a document.
// A sentence listing several parties on each side yields one Link per pair.
struct Link {
    LinkKind kind = LinkKind::Other;
    size_t document = 0;     // index into Corpus::documents
    DocDate date;            // the event's date when stated, else the document's
    std::string period;      // "2026–2030", "2026", or empty
    Party vn;
    Party la;
    double confidence = 0.0;
    Span span;               // the sentence naming both parties
    Span cue;                // the words stating the relation (may lie in an earlier sentence)
    std::string reason;      // which rule fired
};

enum class PlaceKind { BorderGate, BorderStation };
const char* toString(PlaceKind k);  // "border_gate", "border_station"

struct Place {
    PlaceKind kind = PlaceKind::BorderGate;
    std::string name;
    std::string gateId;              // the gate pair in our catalogue; empty when not in it
    std::string gateName;            // that side's name in the catalogue ("Lao Bảo")
    std::optional<Country> country;  // side of the border; empty when the text does not tell
    size_t document = 0;
    std::vector<ResolvedUnit> units;
    std::optional<LonLat> position;  // from the curated gates file only
    std::string source;              // citation of the position
    bool approximate = true;         // no curated position: shown at its unit
    Span span;
    std::string resolution;
};

// Everything extracted from a set of documents. Links keep their resolved
// units per layer, so a consumer (the adjacency check of `borderlens pairs`)
// can pick the pair of units of one vintage with unitsIn().
struct Corpus {
    std::vector<Document> documents;
    std::vector<Link> links;
    std::vector<Place> places;
};

// The party's unit in one layer, or nullptr.
const ResolvedUnit* unitIn(const Party& p, const std::string& layerId);

}  // namespace bl
