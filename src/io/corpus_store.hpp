#pragma once
// A corpus store: what ingest extracted from the documents, kept where other
// tools can read it. A GeoPackage file (the default, one per user) or a
// PostgreSQL/PostGIS database ("PG:dbname=borderlens"), both through GDAL,
// one code path. Tables (lower-case names, lon/lat EPSG:4326 geometries):
//   documents      one row per document: file, hash (XXH3 of its bytes),
//                  bytes, date, title, extractor version, ingest time, text
//   links          one row per link: kind, date, period, parties, evidence
//                  sentence and byte spans, confidence, rule, nearest gate
//   link_verdicts  per link, per Vietnamese system and level: the resolved
//                  units and the adjacency verdict (shared km or distance)
//   link_lines     connector line per link and system, between its units
//   pair_borders   the shared border of each linked pair of units
//   places         gates and stations the documents name (points)
//   gates          our curated gate points with their uncertainty (km)
//   layer_styles   QGIS styles of the spatial tables (QGIS reads them)
//   store_meta     schema version
// The `record` column of documents, links and places is the lossless JSON
// (io/corpus_record.hpp) our readers use. A connection string's password
// is never printed: every message names the store by shownName().
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/boundaries/crs.hpp"
#include "core/news/documents.hpp"
#include "core/result.hpp"

class GDALDataset;

namespace bl::io {

// $XDG_DATA_HOME/borderlens/corpus.gpkg (~/.local/share when unset).
std::string defaultCorpusStore();

inline constexpr int kCorpusSchemaVersion = 1;

// The rows of one document, flattened; `record` columns from corpus_record.
struct StoreDocument {
    std::string sha, file, name, date, dateStatus, title, text, record;
    int64_t bytes = 0;
    int extractor = 0;
};
struct StoreLink {
    int no = 0;  // the link's index within its document
    std::string kind, date, dateStatus, period, vnParty, laParty, vnPlace, laPlace, evidence, reason, record;
    std::string nearestGate;  // engine's describeGate of the link's nearest gate; empty when none
    Span span;
    double confidence = 0.0;
};
struct StoreVerdict {
    int link = 0;  // StoreLink::no
    std::string vintage, level, vnLayer, vnUnitId, vnUnit, laLayer, laUnitId, laUnit;
    bool touches = false;
    double sharedKm = 0.0, distanceKm = 0.0;
};
struct StoreLine {  // a link's connector in one system
    int link = 0;
    std::string vintage, kind, date, vnUnit, laUnit;
    bool touches = false;
    double sharedKm = 0.0;
    std::vector<LonLat> line;
};
struct StorePlace {
    int no = 0;
    std::string kind, name, country, gateId, unit, source, record;
    bool approximate = true;
    Span span;
    std::optional<LonLat> position;
};
struct DocumentEntry {
    StoreDocument doc;
    std::vector<StoreLink> links;
    std::vector<StoreVerdict> verdicts;
    std::vector<StoreLine> lines;
    std::vector<StorePlace> places;
};
struct StoreBorder {  // unique by key (system and both units)
    std::string key, vintage, vnLayer, vnUnitId, vnUnit, laLayer, laUnitId, laUnit;
    double sharedKm = 0.0;
    std::vector<std::vector<LonLat>> lines;
};
struct StoreGate {
    std::string id, name, level, source;
    double precisionKm = 0.0;
    bool derived = false;
    LonLat position;
};

struct StoredDocument {  // what the store knows of a document it holds
    std::string file;
    int extractor = 0;
};

struct StoreInfo {
    std::string name;      // shown name (password masked)
    std::string driver;    // "GPKG" or "PostgreSQL"
    int64_t sizeBytes = -1;  // the file's size; -1 for a database
    std::vector<std::pair<std::string, int64_t>> tables;  // name, rows
    std::map<int, int64_t> extractorVersions;             // version -> documents
    std::string lastIngest;                               // newest ingest time, ISO
};

class CorpusStore {
public:
    enum class Mode { Read, Write };
    // Write creates the store (and its tables) when missing and takes the
    // store's writer lock (another ingest into it waits: a PostgreSQL
    // advisory lock, a lock on a GeoPackage's folder). Read needs the store
    // to exist. Errors name the store (password masked).
    static Result<std::unique_ptr<CorpusStore>> open(const std::string& name, Mode mode);
    ~CorpusStore();
    CorpusStore(const CorpusStore&) = delete;
    CorpusStore& operator=(const CorpusStore&) = delete;

    const std::string& shownName() const { return m_shown; }
    bool isPostgres() const { return m_postgres; }

    // Every stored document by hash.
    Result<std::map<std::string, StoredDocument>> documents();

    // Writing: begin, remove / add, commit (a store destroyed before commit
    // rolls back).
    Result<std::monostate> begin();
    Result<std::monostate> removeDocuments(const std::vector<std::string>& shas);
    Result<std::monostate> add(const DocumentEntry& entry);
    Result<std::monostate> addBorder(const StoreBorder& border);  // a key already stored is skipped
    bool hasBorder(const std::string& key) const { return m_borderKeys.count(key) > 0; }  // after begin()
    Result<std::monostate> replaceGates(const std::vector<StoreGate>& gates);
    Result<std::monostate> commit();

    // Reading: the documents, links and places as they were extracted
    // (documents in file order, links and places in their order).
    Result<Corpus> readCorpus();
    Result<StoreInfo> info();
    Result<std::monostate> vacuum();
    // Each table with rows as DIR/<table>.geojson (attributes only for the
    // tables without geometry); returns the files written.
    // With `force`, files of those names are replaced; without, they stop it.
    Result<std::vector<std::string>> exportGeoJson(const std::string& dir, bool force);

private:
    CorpusStore() = default;
    Result<std::monostate> ensureSchema();
    Result<std::monostate> sql(const std::string& statement);
    std::string sqlValue(const std::string& query);  // first column of the first row, "" if none
    std::string m_name, m_shown;
    bool m_postgres = false;
    GDALDataset* m_ds = nullptr;
    int m_lockFd = -1;
    bool m_inTransaction = false;
    std::set<std::string> m_borderKeys;  // read at begin(), grown by addBorder()
};

}  // namespace bl::io
