#include "io/corpus_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "io/connection_text.hpp"
#include "io/corpus_record.hpp"
#include "io/gdal_messages.hpp"
#include "io/qgis_styles.hpp"

namespace bl::io {

namespace fs = std::filesystem;

std::string defaultCorpusStore() {
    fs::path base;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) base = x;
    else if (const char* h = std::getenv("HOME"); h && *h) base = fs::path(h) / ".local" / "share";
    else base = fs::temp_directory_path();
    return (base / "borderlens" / "corpus.gpkg").string();
}

namespace {

struct Field {
    const char* name;
    OGRFieldType type = OFTString;
    OGRFieldSubType subtype = OFSTNone;
};
struct Table {
    const char* name;
    OGRwkbGeometryType geometry;
    std::vector<Field> fields;
};

constexpr OGRFieldType kInt = OFTInteger, kInt64 = OFTInteger64, kReal = OFTReal;
const Field kBool{nullptr, OFTInteger, OFSTBoolean};
Field boolean(const char* name) { return {name, kBool.type, kBool.subtype}; }

// The schema, version kCorpusSchemaVersion. Every name is lower case ASCII
// (PostgreSQL folds unquoted names) but layer_styles', which are QGIS's own.
const std::vector<Table>& schema() {
    static const std::vector<Table> tables = {
        {"store_meta", wkbNone, {{"key"}, {"value"}}},
        {"documents", wkbNone,
         {{"sha"}, {"file"}, {"name"}, {"bytes", kInt64}, {"date"}, {"date_status"}, {"title"},
          {"extractor", kInt}, {"ingested"}, {"text"}, {"record"}}},
        {"links", wkbNone,
         {{"doc_sha"}, {"link_no", kInt}, {"kind"}, {"date"}, {"date_status"}, {"period"}, {"vn_party"}, {"la_party"},
          {"vn_place"}, {"la_place"}, {"evidence"}, {"span_begin", kInt64}, {"span_end", kInt64},
          {"confidence", kReal}, {"reason"}, {"nearest_gate"}, {"record"}}},
        {"link_verdicts", wkbNone,
         {{"doc_sha"}, {"link_no", kInt}, {"vintage"}, {"level"}, {"vn_layer"}, {"vn_unit_id"}, {"vn_unit"},
          {"la_layer"}, {"la_unit_id"}, {"la_unit"}, boolean("touches"), {"shared_km", kReal},
          {"distance_km", kReal}}},
        {"link_lines", wkbLineString,
         {{"doc_sha"}, {"link_no", kInt}, {"vintage"}, {"kind"}, {"date"}, {"vn_unit"}, {"la_unit"},
          boolean("touches"), {"shared_km", kReal}}},
        {"pair_borders", wkbMultiLineString,
         {{"pair_key"}, {"vintage"}, {"vn_layer"}, {"vn_unit_id"}, {"vn_unit"}, {"la_layer"}, {"la_unit_id"},
          {"la_unit"}, {"shared_km", kReal}}},
        {"places", wkbPoint,
         {{"doc_sha"}, {"place_no", kInt}, {"kind"}, {"name"}, {"country"}, {"gate_id"}, {"unit"},
          boolean("approximate"), {"source"}, {"span_begin", kInt64}, {"span_end", kInt64}, {"record"}}},
        {"gates", wkbPoint,
         {{"gate_id"}, {"name"}, {"level"}, {"precision_km", kReal}, boolean("derived"), {"source"}}},
        {"layer_styles", wkbNone,
         {{"f_table_catalog"}, {"f_table_schema"}, {"f_table_name"}, {"f_geometry_column"}, {"styleName"},
          {"styleQML"}, {"styleSLD"}, boolean("useAsDefault"), {"description"}, {"owner"}, {"ui"},
          {"update_time", OFTDateTime}}},
    };
    return tables;
}

const char* const kIndexes[] = {
    "CREATE UNIQUE INDEX IF NOT EXISTS documents_sha ON documents (sha)",
    "CREATE INDEX IF NOT EXISTS links_doc ON links (doc_sha)",
    "CREATE INDEX IF NOT EXISTS link_verdicts_doc ON link_verdicts (doc_sha)",
    "CREATE INDEX IF NOT EXISTS link_lines_doc ON link_lines (doc_sha)",
    "CREATE INDEX IF NOT EXISTS places_doc ON places (doc_sha)",
    "CREATE UNIQUE INDEX IF NOT EXISTS pair_borders_key ON pair_borders (pair_key)",
};

// Tables a document's rows live in (removed together).
const char* const kDocumentTables[] = {"documents", "links", "link_verdicts", "link_lines", "places"};

// The tables' CRS (lon, lat order); layers take a reference to it.
OGRSpatialReference& lonLat() {
    static OGRSpatialReference srs = [] {
        OGRSpatialReference s;
        s.importFromEPSG(4326);
        s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return s;
    }();
    return srs;
}

std::string nowIso() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

OGRLineString lineOf(const std::vector<LonLat>& pts) {
    OGRLineString l;
    for (const auto& p : pts) l.addPoint(p.lon, p.lat);
    return l;
}

bool isHex(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

std::string str(OGRFeature& f, const char* field) {
    const int i = f.GetFieldIndex(field);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : std::string();
}

// A feature of `layer` filled by `fill`, created; errors name the table.
template <class F>
Result<std::monostate> create(OGRLayer* layer, const std::string& shown, F fill) {
    OGRFeature feature(layer->GetLayerDefn());
    fill(feature);
    GdalMessages said;
    if (layer->CreateFeature(&feature) != OGRERR_NONE)
        return makeError("corpus store " + shown + ": cannot write a row of " + layer->GetName() + maskSecrets(said.detail()));
    return std::monostate{};
}

}  // namespace

Result<std::unique_ptr<CorpusStore>> CorpusStore::open(const std::string& name, Mode mode) {
    initGdal();
    std::unique_ptr<CorpusStore> s(new CorpusStore);
    s->m_name = name;
    s->m_shown = maskSecrets(name);
    s->m_postgres = isPostgresSource(name);
    const std::string what = "corpus store " + s->m_shown;
    const bool write = mode == Mode::Write;
    if (!s->m_postgres) {
        std::error_code ec;
        const fs::path p(name);
        const bool exists = fs::exists(p, ec);
        if (!exists && !write) return makeError(what + " does not exist (run borderlens ingest --store to make it)");
        if (exists && !fs::is_regular_file(p, ec)) return makeError(what + " is not a regular file");
        if (write) {
            const fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
            fs::create_directories(dir, ec);
            if (ec) return makeError(what + ": cannot create the folder " + dir.string() + ": " + ec.message());
            // One writer at a time: a lock on the folder (not on the file,
            // whose descriptors SQLite's own locks must not share).
            s->m_lockFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (s->m_lockFd < 0 || ::flock(s->m_lockFd, LOCK_EX) != 0)
                return makeError(what + ": cannot lock the folder " + dir.string());
        }
        if (write && !fs::exists(p, ec)) {
            GDALDriver* gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
            GdalMessages said;
            s->m_ds = gpkg ? gpkg->Create(name.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr;
            if (!s->m_ds) return makeError(what + ": cannot create the GeoPackage" + said.detail());
        }
    }
    if (!s->m_ds) {
        const char* pgDrivers[] = {"PostgreSQL", nullptr};
        const char* gpkgDrivers[] = {"GPKG", nullptr};
        GdalMessages said;
        s->m_ds = GDALDataset::Open(name.c_str(), GDAL_OF_VECTOR | (write ? GDAL_OF_UPDATE : GDAL_OF_READONLY),
                                    s->m_postgres ? pgDrivers : gpkgDrivers, nullptr, nullptr);
        if (!s->m_ds)
            return makeError(what + (s->m_postgres ? ": cannot connect" : " is not a GeoPackage borderlens can open") +
                             maskSecrets(said.detail()));
    }
    if (write) {
        if (s->m_postgres) {
            // Another ingest into the same database waits here until this one is done.
            if (auto ok = s->sql("SELECT pg_advisory_lock(hashtext('borderlens corpus store'))"); !ok) return ok.error();
        } else if (auto ok = s->sql("PRAGMA busy_timeout = 60000"); !ok) {
            return ok.error();
        }
        if (auto ok = s->ensureSchema(); !ok) return ok.error();
    } else if (!s->m_ds->GetLayerByName("documents") || !s->m_ds->GetLayerByName("links")) {
        return makeError(what + " is not a borderlens corpus store (no documents and links tables)");
    }
    return s;
}

CorpusStore::~CorpusStore() {
    if (m_ds && m_inTransaction) m_ds->RollbackTransaction();
    if (m_ds) GDALClose(m_ds);
    if (m_lockFd >= 0) ::close(m_lockFd);
}

Result<std::monostate> CorpusStore::sql(const std::string& statement) {
    GdalMessages said;
    OGRLayer* result = m_ds->ExecuteSQL(statement.c_str(), nullptr, nullptr);
    if (result) m_ds->ReleaseResultSet(result);
    if (!said.errors().empty())
        return makeError("corpus store " + m_shown + ": " + statement.substr(0, 60) + " failed" + maskSecrets(said.detail()));
    return std::monostate{};
}

std::string CorpusStore::sqlValue(const std::string& query) {
    GdalMessages said;
    std::string value;
    if (OGRLayer* result = m_ds->ExecuteSQL(query.c_str(), nullptr, nullptr)) {
        if (std::unique_ptr<OGRFeature> f(result->GetNextFeature()); f && f->GetFieldCount() > 0)
            value = f->GetFieldAsString(0);
        m_ds->ReleaseResultSet(result);
    }
    return value;
}

Result<std::monostate> CorpusStore::ensureSchema() {
    const std::string what = "corpus store " + m_shown;
    bool created = false;
    for (const Table& t : schema()) {
        OGRLayer* layer = m_ds->GetLayerByName(t.name);
        if (layer) {
            // A table of another program (or an older schema): every column we write must be there.
            for (const Field& f : t.fields)
                if (layer->GetLayerDefn()->GetFieldIndex(f.name) < 0)
                    return makeError(what + ": table " + t.name + " has no column " + f.name +
                                     " (not a borderlens store of schema " + std::to_string(kCorpusSchemaVersion) + ")");
            continue;
        }
        char** options = nullptr;
        options = CSLSetNameValue(options, "FID", "fid");
        if (t.geometry != wkbNone) options = CSLSetNameValue(options, "GEOMETRY_NAME", "geom");
        GdalMessages said;
        layer = m_ds->CreateLayer(t.name, t.geometry == wkbNone ? nullptr : &lonLat(), t.geometry, options);
        CSLDestroy(options);
        if (!layer) return makeError(what + ": cannot create table " + t.name + maskSecrets(said.detail()));
        for (const Field& f : t.fields) {
            OGRFieldDefn def(f.name, f.type);
            def.SetSubType(f.subtype);
            if (layer->CreateField(&def) != OGRERR_NONE)
                return makeError(what + ": cannot create column " + t.name + "." + f.name + maskSecrets(said.detail()));
        }
        created = true;
    }
    if (!created) return std::monostate{};
    for (const char* index : kIndexes)
        if (auto ok = sql(index); !ok) return ok;
    // Fresh tables: the schema version and QGIS's styles.
    OGRLayer* meta = m_ds->GetLayerByName("store_meta");
    for (const auto& kv : std::vector<std::pair<std::string, std::string>>{
             {"schema", std::to_string(kCorpusSchemaVersion)}, {"created", nowIso()}, {"application", "borderlens"}}) {
        auto ok = create(meta, m_shown, [&](OGRFeature& f) {
            f.SetField("key", kv.first.c_str());
            f.SetField("value", kv.second.c_str());
        });
        if (!ok) return ok;
    }
    OGRLayer* styles = m_ds->GetLayerByName("layer_styles");
    // QGIS finds a PostgreSQL table's style by database, schema and table.
    const std::string database = m_postgres ? sqlValue("SELECT current_database()") : "";
    for (const Table& t : schema()) {
        if (t.geometry == wkbNone) continue;
        const std::string qml = qgisStyle(t.name);
        if (qml.empty()) continue;
        auto ok = create(styles, m_shown, [&](OGRFeature& f) {
            f.SetField("f_table_catalog", database.c_str());
            f.SetField("f_table_schema", m_postgres ? "public" : "");
            f.SetField("f_table_name", t.name);
            f.SetField("f_geometry_column", "geom");
            f.SetField("styleName", t.name);
            f.SetField("styleQML", qml.c_str());
            f.SetField("styleSLD", "");
            f.SetField("useAsDefault", 1);
            f.SetField("description", "borderlens");
            f.SetField("owner", "");
            f.SetField("ui", "");
            f.SetField("update_time", nowIso().c_str());
        });
        if (!ok) return ok;
    }
    return std::monostate{};
}

Result<std::map<std::string, StoredDocument>> CorpusStore::documents() {
    std::map<std::string, StoredDocument> out;
    OGRLayer* docs = m_ds->GetLayerByName("documents");
    if (!docs) return out;
    const char* skip[] = {"text", "record", "title", nullptr};
    docs->SetIgnoredFields(skip);
    docs->ResetReading();
    while (std::unique_ptr<OGRFeature> f{docs->GetNextFeature()})
        out[str(*f, "sha")] = {str(*f, "file"), f->GetFieldAsInteger("extractor")};
    docs->SetIgnoredFields(nullptr);
    return out;
}

Result<std::monostate> CorpusStore::begin() {
    GdalMessages said;
    if (m_ds->StartTransaction(FALSE) != OGRERR_NONE)
        return makeError("corpus store " + m_shown + ": cannot start a transaction" + maskSecrets(said.detail()));
    m_inTransaction = true;
    m_borderKeys.clear();
    if (OGRLayer* borders = m_ds->GetLayerByName("pair_borders")) {
        const char* skip[] = {"vintage", "vn_layer", "vn_unit_id", "vn_unit", "la_layer", "la_unit_id", "la_unit", "shared_km", "OGR_GEOMETRY", nullptr};
        borders->SetIgnoredFields(skip);
        borders->ResetReading();
        while (std::unique_ptr<OGRFeature> f{borders->GetNextFeature()}) m_borderKeys.insert(str(*f, "pair_key"));
        borders->SetIgnoredFields(nullptr);
    }
    return std::monostate{};
}

Result<std::monostate> CorpusStore::removeDocuments(const std::vector<std::string>& shas) {
    for (size_t i = 0; i < shas.size(); i += 500) {
        std::string list;
        for (size_t j = i; j < std::min(shas.size(), i + 500); ++j) {
            if (!isHex(shas[j])) return makeError("corpus store " + m_shown + ": not a document hash: " + shas[j]);
            list += (list.empty() ? "'" : ",'") + shas[j] + "'";
        }
        for (const char* table : kDocumentTables)
            if (auto ok = sql(std::string("DELETE FROM ") + table + " WHERE " +
                              (std::string(table) == "documents" ? "sha" : "doc_sha") + " IN (" + list + ")");
                !ok)
                return ok;
    }
    return std::monostate{};
}

Result<std::monostate> CorpusStore::add(const DocumentEntry& e) {
    const std::string ingested = nowIso();
    const StoreDocument& d = e.doc;
    auto ok = create(m_ds->GetLayerByName("documents"), m_shown, [&](OGRFeature& f) {
        f.SetField("sha", d.sha.c_str());
        f.SetField("file", d.file.c_str());
        f.SetField("name", d.name.c_str());
        f.SetField("bytes", static_cast<GIntBig>(d.bytes));
        f.SetField("date", d.date.c_str());
        f.SetField("date_status", d.dateStatus.c_str());
        f.SetField("title", d.title.c_str());
        f.SetField("extractor", d.extractor);
        f.SetField("ingested", ingested.c_str());
        f.SetField("text", d.text.c_str());
        f.SetField("record", d.record.c_str());
    });
    if (!ok) return ok;
    OGRLayer* links = m_ds->GetLayerByName("links");
    for (const StoreLink& l : e.links) {
        ok = create(links, m_shown, [&](OGRFeature& f) {
            f.SetField("doc_sha", d.sha.c_str());
            f.SetField("link_no", l.no);
            f.SetField("kind", l.kind.c_str());
            f.SetField("date", l.date.c_str());
            f.SetField("date_status", l.dateStatus.c_str());
            f.SetField("period", l.period.c_str());
            f.SetField("vn_party", l.vnParty.c_str());
            f.SetField("la_party", l.laParty.c_str());
            f.SetField("vn_place", l.vnPlace.c_str());
            f.SetField("la_place", l.laPlace.c_str());
            f.SetField("evidence", l.evidence.c_str());
            f.SetField("span_begin", static_cast<GIntBig>(l.span.begin));
            f.SetField("span_end", static_cast<GIntBig>(l.span.end));
            f.SetField("confidence", l.confidence);
            f.SetField("reason", l.reason.c_str());
            f.SetField("nearest_gate", l.nearestGate.c_str());
            f.SetField("record", l.record.c_str());
        });
        if (!ok) return ok;
    }
    OGRLayer* verdicts = m_ds->GetLayerByName("link_verdicts");
    for (const StoreVerdict& v : e.verdicts) {
        ok = create(verdicts, m_shown, [&](OGRFeature& f) {
            f.SetField("doc_sha", d.sha.c_str());
            f.SetField("link_no", v.link);
            f.SetField("vintage", v.vintage.c_str());
            f.SetField("level", v.level.c_str());
            f.SetField("vn_layer", v.vnLayer.c_str());
            f.SetField("vn_unit_id", v.vnUnitId.c_str());
            f.SetField("vn_unit", v.vnUnit.c_str());
            f.SetField("la_layer", v.laLayer.c_str());
            f.SetField("la_unit_id", v.laUnitId.c_str());
            f.SetField("la_unit", v.laUnit.c_str());
            f.SetField("touches", v.touches ? 1 : 0);
            if (v.touches) f.SetField("shared_km", v.sharedKm);
            else f.SetField("distance_km", v.distanceKm);
        });
        if (!ok) return ok;
    }
    OGRLayer* lines = m_ds->GetLayerByName("link_lines");
    for (const StoreLine& l : e.lines) {
        ok = create(lines, m_shown, [&](OGRFeature& f) {
            f.SetField("doc_sha", d.sha.c_str());
            f.SetField("link_no", l.link);
            f.SetField("vintage", l.vintage.c_str());
            f.SetField("kind", l.kind.c_str());
            f.SetField("date", l.date.c_str());
            f.SetField("vn_unit", l.vnUnit.c_str());
            f.SetField("la_unit", l.laUnit.c_str());
            f.SetField("touches", l.touches ? 1 : 0);
            if (l.touches) f.SetField("shared_km", l.sharedKm);
            OGRLineString g = lineOf(l.line);
            f.SetGeometry(&g);
        });
        if (!ok) return ok;
    }
    OGRLayer* places = m_ds->GetLayerByName("places");
    for (const StorePlace& p : e.places) {
        ok = create(places, m_shown, [&](OGRFeature& f) {
            f.SetField("doc_sha", d.sha.c_str());
            f.SetField("place_no", p.no);
            f.SetField("kind", p.kind.c_str());
            f.SetField("name", p.name.c_str());
            f.SetField("country", p.country.c_str());
            f.SetField("gate_id", p.gateId.c_str());
            f.SetField("unit", p.unit.c_str());
            f.SetField("approximate", p.approximate ? 1 : 0);
            f.SetField("source", p.source.c_str());
            f.SetField("span_begin", static_cast<GIntBig>(p.span.begin));
            f.SetField("span_end", static_cast<GIntBig>(p.span.end));
            f.SetField("record", p.record.c_str());
            if (p.position) {
                OGRPoint pt(p.position->lon, p.position->lat);
                f.SetGeometry(&pt);
            }
        });
        if (!ok) return ok;
    }
    return std::monostate{};
}

Result<std::monostate> CorpusStore::addBorder(const StoreBorder& b) {
    if (!m_borderKeys.insert(b.key).second) return std::monostate{};
    return create(m_ds->GetLayerByName("pair_borders"), m_shown, [&](OGRFeature& f) {
        f.SetField("pair_key", b.key.c_str());
        f.SetField("vintage", b.vintage.c_str());
        f.SetField("vn_layer", b.vnLayer.c_str());
        f.SetField("vn_unit_id", b.vnUnitId.c_str());
        f.SetField("vn_unit", b.vnUnit.c_str());
        f.SetField("la_layer", b.laLayer.c_str());
        f.SetField("la_unit_id", b.laUnitId.c_str());
        f.SetField("la_unit", b.laUnit.c_str());
        f.SetField("shared_km", b.sharedKm);
        OGRMultiLineString g;
        for (const auto& line : b.lines) {
            OGRLineString l = lineOf(line);
            g.addGeometry(&l);
        }
        f.SetGeometry(&g);
    });
}

Result<std::monostate> CorpusStore::replaceGates(const std::vector<StoreGate>& gates) {
    if (auto ok = sql("DELETE FROM gates"); !ok) return ok;
    OGRLayer* layer = m_ds->GetLayerByName("gates");
    for (const StoreGate& g : gates) {
        auto ok = create(layer, m_shown, [&](OGRFeature& f) {
            f.SetField("gate_id", g.id.c_str());
            f.SetField("name", g.name.c_str());
            f.SetField("level", g.level.c_str());
            f.SetField("precision_km", g.precisionKm);
            f.SetField("derived", g.derived ? 1 : 0);
            f.SetField("source", g.source.c_str());
            OGRPoint pt(g.position.lon, g.position.lat);
            f.SetGeometry(&pt);
        });
        if (!ok) return ok;
    }
    return std::monostate{};
}

Result<std::monostate> CorpusStore::commit() {
    GdalMessages said;
    if (m_ds->CommitTransaction() != OGRERR_NONE)
        return makeError("corpus store " + m_shown + ": cannot commit" + maskSecrets(said.detail()));
    m_inTransaction = false;
    return std::monostate{};
}

Result<Corpus> CorpusStore::readCorpus() {
    const std::string what = "corpus store " + m_shown;
    struct Row {
        std::string sha;
        int no = 0;
        std::string record;
    };
    // Every row of a table's (sha, number, record), sorted.
    auto rows = [&](const char* table, const char* number) {
        std::vector<Row> out;
        OGRLayer* layer = m_ds->GetLayerByName(table);
        if (!layer) return out;
        layer->ResetReading();
        while (std::unique_ptr<OGRFeature> f{layer->GetNextFeature()})
            out.push_back({str(*f, "doc_sha"), f->GetFieldAsInteger(number), str(*f, "record")});
        std::sort(out.begin(), out.end(), [](const Row& a, const Row& b) { return std::tie(a.sha, a.no) < std::tie(b.sha, b.no); });
        return out;
    };
    Corpus corpus;
    std::map<std::string, size_t> index;  // sha -> document
    OGRLayer* docs = m_ds->GetLayerByName("documents");
    docs->ResetReading();
    std::vector<std::pair<std::string, Document>> read;
    while (std::unique_ptr<OGRFeature> f{docs->GetNextFeature()}) {
        auto d = documentFromRecord(str(*f, "file"), str(*f, "text"), str(*f, "record"));
        if (!d) return makeError(what + ": document " + str(*f, "file") + ": " + d.error().message);
        read.emplace_back(str(*f, "sha"), std::move(*d));
    }
    std::sort(read.begin(), read.end(), [](const auto& a, const auto& b) { return a.second.file < b.second.file; });
    for (auto& [sha, d] : read) {
        index[sha] = corpus.documents.size();
        corpus.documents.push_back(std::move(d));
    }
    for (const Row& r : rows("links", "link_no")) {
        auto it = index.find(r.sha);
        if (it == index.end()) continue;  // a link of a document no longer stored
        auto l = linkFromRecord(r.record, it->second);
        if (!l) return makeError(what + ": " + corpus.documents[it->second].file + ": " + l.error().message);
        corpus.links.push_back(std::move(*l));
    }
    for (const Row& r : rows("places", "place_no")) {
        auto it = index.find(r.sha);
        if (it == index.end()) continue;
        auto p = placeFromRecord(r.record, it->second);
        if (!p) return makeError(what + ": " + corpus.documents[it->second].file + ": " + p.error().message);
        corpus.places.push_back(std::move(*p));
    }
    // Links and places in document order, as extraction gives them.
    std::stable_sort(corpus.links.begin(), corpus.links.end(), [](const Link& a, const Link& b) { return a.document < b.document; });
    std::stable_sort(corpus.places.begin(), corpus.places.end(), [](const Place& a, const Place& b) { return a.document < b.document; });
    return corpus;
}

Result<StoreInfo> CorpusStore::info() {
    StoreInfo info;
    info.name = m_shown;
    info.driver = m_postgres ? "PostgreSQL" : "GPKG";
    if (!m_postgres) {
        std::error_code ec;
        const auto n = fs::file_size(m_name, ec);
        info.sizeBytes = ec ? -1 : static_cast<int64_t>(n);
    }
    for (const Table& t : schema())
        if (OGRLayer* layer = m_ds->GetLayerByName(t.name)) info.tables.emplace_back(t.name, layer->GetFeatureCount());
    OGRLayer* docs = m_ds->GetLayerByName("documents");
    const char* skip[] = {"text", "record", "title", "file", "name", "sha", nullptr};
    docs->SetIgnoredFields(skip);
    docs->ResetReading();
    while (std::unique_ptr<OGRFeature> f{docs->GetNextFeature()}) {
        ++info.extractorVersions[f->GetFieldAsInteger("extractor")];
        info.lastIngest = std::max(info.lastIngest, str(*f, "ingested"));
    }
    docs->SetIgnoredFields(nullptr);
    return info;
}

Result<std::monostate> CorpusStore::vacuum() {
    if (m_postgres) {
        for (const Table& t : schema())
            if (auto ok = sql(std::string("VACUUM ANALYZE ") + t.name); !ok) return ok;
        return std::monostate{};
    }
    return sql("VACUUM");
}

Result<std::vector<std::string>> CorpusStore::exportGeoJson(const std::string& dir, bool force) {
    std::vector<std::string> written;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return makeError("cannot create the folder " + dir + ": " + ec.message());
    GDALDriver* geojson = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    if (!geojson) return makeError("GDAL has no GeoJSON driver");
    std::vector<std::pair<OGRLayer*, fs::path>> todo;
    for (const Table& t : schema()) {
        if (std::string(t.name) == "layer_styles" || std::string(t.name) == "store_meta") continue;
        OGRLayer* layer = m_ds->GetLayerByName(t.name);
        if (!layer) continue;
        const fs::path out = fs::path(dir) / (std::string(t.name) + ".geojson");
        if (fs::exists(out, ec) && !force) return makeError(out.string() + " exists (--force replaces it)");
        todo.emplace_back(layer, out);
    }
    for (auto& [layer, out] : todo) {
        const fs::path tmp = out.string() + ".part";
        fs::remove(tmp, ec);
        GdalMessages said;
        GDALDataset* ds = geojson->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        if (!ds) return makeError("cannot write " + out.string() + said.detail());
        char** options = CSLSetNameValue(nullptr, "RFC7946", "YES");
        OGRLayer* copy = ds->CopyLayer(layer, layer->GetName(), options);
        CSLDestroy(options);
        GDALClose(ds);
        if (!copy) {
            fs::remove(tmp, ec);
            return makeError("cannot write " + out.string() + maskSecrets(said.detail()));
        }
        fs::rename(tmp, out, ec);
        if (ec) return makeError("cannot write " + out.string() + ": " + ec.message());
        written.push_back(out.string());
    }
    return written;
}

}  // namespace bl::io
