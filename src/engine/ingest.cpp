#include "engine/ingest.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include "core/boundaries/geometry_ops.hpp"
#include "core/news/extract.hpp"
#include "core/news/link_check.hpp"
#include "engine/adjacency_memo.hpp"
#include "engine/news.hpp"
#include "io/connection_text.hpp"
#include "io/corpus_record.hpp"
#include "io/corpus_store.hpp"
#include "io/data_root.hpp"
#include "io/document_reader.hpp"
#include "io/prepared_store.hpp"

namespace bl::engine {

namespace fs = std::filesystem;

namespace {

struct Pending {
    std::string path;  // absolute, as stored
    std::string bytes;
    std::string sha;
};

std::vector<LonLat> lonLats(const LineString& line) {
    std::vector<LonLat> out;
    out.reserve(line.size());
    for (const Vec2& p : line) out.push_back(threadCrs().inverse(p));
    return out;
}

// A point inside each unit, computed once per unit.
class UnitPoints {
public:
    std::optional<LonLat> of(const AdminUnit* u) {
        auto [it, fresh] = m_points.try_emplace(u);
        if (fresh)
            if (auto p = pointOnSurface(u->geometry)) it->second = threadCrs().inverse(*p);
        return it->second;
    }

private:
    std::map<const AdminUnit*, std::optional<LonLat>> m_points;
};

std::string partyPlace(const Party& p) { return p.parentPlace.empty() ? p.place : p.place + ", " + p.parentPlace; }

// The rows of document `d` (index `di` in the corpus).
// A linked pair's shared border, its lines converted to lon/lat only when
// the store does not hold it yet.
struct PairBorder {
    io::StoreBorder row;
    const std::vector<LineString>* segments = nullptr;  // working CRS
};

// `linkIndex` and `placeIndex`: the corpus's links and places of it.
io::DocumentEntry entryOf(const Corpus& corpus, const std::vector<LinkCheck>& checks, size_t di, const std::string& sha,
                          const std::vector<size_t>& linkIndex, const std::vector<size_t>& placeIndex,
                          UnitPoints& points, std::map<std::string, PairBorder>& borders) {
    const Document& d = corpus.documents[di];
    io::DocumentEntry e;
    e.doc.sha = sha;
    e.doc.file = d.file;
    e.doc.name = fs::path(d.file).filename().string();
    e.doc.bytes = int64_t(d.text.size());
    e.doc.date = d.date.iso;
    e.doc.dateStatus = toString(d.date.status);
    e.doc.title = d.title;
    e.doc.extractor = kExtractorVersion;
    e.doc.text = d.text;
    e.doc.record = io::documentRecord(d);
    int no = 0;
    for (size_t li : linkIndex) {
        const Link& l = corpus.links[li];
        io::StoreLink row;
        row.no = no;
        row.kind = toString(l.kind);
        row.date = l.date.iso;
        row.dateStatus = toString(l.date.status);
        row.period = l.period;
        row.vnParty = l.vn.name;
        row.laParty = l.la.name;
        row.vnPlace = partyPlace(l.vn);
        row.laPlace = partyPlace(l.la);
        if (l.span.end <= d.text.size()) row.evidence = d.text.substr(l.span.begin, l.span.end - l.span.begin);
        row.span = l.span;
        row.confidence = l.confidence;
        row.reason = l.reason;
        row.record = io::linkRecord(l);
        if (li < checks.size() && checks[li].nearestGate) row.nearestGate = describeGate(*checks[li].nearestGate);
        e.links.push_back(std::move(row));
        if (li < checks.size()) {
            const LinkCheck& c = checks[li];
            std::set<std::string> lined;  // one connector per system: its finest verdict
            for (const AdjacencyVerdict& v : c.verdicts) {
                if (!v.vn || !v.la) continue;
                io::StoreVerdict sv;
                sv.link = no;
                sv.vintage = v.vintage;
                sv.level = toString(v.vnLayer->spec.level);
                sv.vnLayer = v.vnLayer->spec.id;
                sv.vnUnitId = v.vn->id;
                sv.vnUnit = v.vn->name;
                sv.laLayer = v.laLayer->spec.id;
                sv.laUnitId = v.la->id;
                sv.laUnit = v.la->name;
                sv.touches = v.touches;
                sv.sharedKm = v.sharedKm;
                sv.distanceKm = v.distanceKm;
                e.verdicts.push_back(sv);
                if (v.touches && v.border) {
                    // Each pair once; its lines in lon/lat when it is written.
                    const std::string key = v.vintage + "|" + sv.vnLayer + ":" + sv.vnUnitId + "|" + sv.laLayer + ":" + sv.laUnitId;
                    if (auto [it, fresh] = borders.try_emplace(key); fresh) {
                        io::StoreBorder& b = it->second.row;
                        b.key = key;
                        b.vintage = v.vintage, b.vnLayer = sv.vnLayer, b.vnUnitId = sv.vnUnitId, b.vnUnit = sv.vnUnit;
                        b.laLayer = sv.laLayer, b.laUnitId = sv.laUnitId, b.laUnit = sv.laUnit;
                        b.sharedKm = v.sharedKm;
                        it->second.segments = &v.border->segments;
                    }
                }
                if (!lined.insert(v.vintage).second) continue;
                const auto a = points.of(v.vn), b = points.of(v.la);
                if (!a || !b) continue;
                e.lines.push_back({no, v.vintage, toString(l.kind), l.date.iso, v.vn->name,
                                   v.la->name, v.touches, v.sharedKm, {*a, *b}});
            }
        }
        ++no;
    }
    no = 0;
    for (size_t pi : placeIndex) {
        const Place& p = corpus.places[pi];
        io::StorePlace row;
        row.no = no++;
        row.kind = toString(p.kind);
        row.name = p.name;
        row.country = p.country ? toString(*p.country) : "";
        row.gateId = p.gateId;
        row.unit = p.units.empty() ? "" : p.units.front().name;
        row.source = p.source;
        row.approximate = p.approximate;
        row.span = p.span;
        row.position = p.position;
        row.record = io::placeRecord(p);
        e.places.push_back(std::move(row));
    }
    return e;
}

}  // namespace

Result<IngestReport> ingestIntoStore(Session& session, const IngestRequest& request, std::stop_token stop) {
    const auto t0 = std::chrono::steady_clock::now();
    auto say = [&](const std::string& line) {
        if (request.progress) request.progress(line);
    };
    std::vector<std::string> paths = request.paths;
    if (paths.empty()) {
        auto root = io::resolveDocumentsRoot("");
        if (!root) return root.error();
        paths.push_back(*root);
    }
    auto files = io::listDocumentFiles(paths);
    if (!files) return files.error();
    // Every file read and hashed before the store is touched: a bad one
    // stops it all, naming the file, and leaves no store behind.
    std::vector<Pending> read;
    for (const std::string& f : *files) {
        if (stop.stop_requested()) return makeError("ingest was cancelled");
        auto bytes = io::readDocumentBytes(f);
        if (!bytes) return bytes.error();
        Pending p{fs::absolute(f).lexically_normal().string(), std::move(*bytes), {}};
        p.sha = io::contentHash(p.bytes);
        read.push_back(std::move(p));
    }
    const std::string storeName = request.store.empty() ? io::defaultCorpusStore() : request.store;
    std::error_code ec;
    const bool fresh = !io::isPostgresSource(storeName) && !fs::exists(storeName, ec);
    auto store = io::CorpusStore::open(storeName, io::CorpusStore::Mode::Write);
    if (!store) return store.error();
    // A GeoPackage this run made is removed again when the run fails: a
    // failed first ingest leaves nothing behind.
    struct RemoveUnlessKept {
        std::unique_ptr<io::CorpusStore>& store;
        std::string path;
        bool keep = false;
        ~RemoveUnlessKept() {
            if (keep || path.empty()) return;
            store.reset();
            std::error_code ec;
            fs::remove(path, ec);
        }
    } guard{*store, fresh ? storeName : std::string()};
    IngestReport report;
    report.store = (*store)->shownName();
    auto stored = (*store)->documents();
    if (!stored) return stored.error();
    std::map<std::string, std::string> storedByFile;  // file -> hash
    for (const auto& [sha, d] : *stored) storedByFile[d.file] = sha;

    // Which documents are new or changed: their bytes' hash decides.
    std::vector<Pending> pending;
    std::vector<std::string> removed;  // hashes whose rows go
    std::set<std::string> seen;
    for (Pending& p : read) {
        ++report.documents;
        if (!seen.insert(p.sha).second) {  // the same bytes twice in this run
            ++report.unchanged;
            continue;
        }
        if (auto it = stored->find(p.sha); it != stored->end()) {
            if (it->second.extractor == kExtractorVersion) {
                ++report.unchanged;
                continue;
            }
            removed.push_back(p.sha);  // extracted by another version: again
            ++report.replaced;
        } else if (auto byFile = storedByFile.find(p.path); byFile != storedByFile.end()) {
            removed.push_back(byFile->second);  // the file changed: its earlier rows go
            ++report.replaced;
        } else {
            ++report.added;
        }
        pending.push_back(std::move(p));
    }
    read.clear();
    say(std::to_string(report.added) + " new, " + std::to_string(report.replaced) + " changed, " +
        std::to_string(report.unchanged) + " unchanged of " + std::to_string(report.documents) + " documents");
    if (pending.empty()) {
        guard.keep = true;
        report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return report;
    }

    auto lexicon = session.lexicon();
    if (!lexicon) return lexicon.error();
    std::vector<Document> docs;
    std::vector<std::string> shas;
    for (Pending& p : pending) {
        auto d = io::parseDocument(p.path, std::move(p.bytes), **lexicon);
        if (!d) return d.error();
        docs.push_back(std::move(*d));
        shas.push_back(p.sha);
    }
    pending.clear();
    say("loading the boundaries");
    auto data = session.load({}, {}, stop);
    if (!data) return data.error();
    auto curated = session.curated(*data);
    if (!curated) return curated.error();
    say("extracting from " + std::to_string(docs.size()) + " documents");
    const Resolver resolver(**data, session.catalog().aliases, **curated);
    const Corpus corpus = extractOnAllCores(std::move(docs), resolver, **lexicon);
    AdjacencyMemo adjacency(*data, request.useCache);
    auto checked = checkLinks(corpus, **data, **curated, adjacency, stop);
    if (!checked) return checked.error();
    const std::vector<LinkCheck>& checks = *checked;

    say("writing " + std::to_string(corpus.links.size()) + " links to " + report.store);
    io::CorpusStore& s = **store;
    if (auto ok = s.begin(); !ok) return ok.error();
    if (auto ok = s.removeDocuments(removed); !ok) return ok.error();
    UnitPoints points;
    std::map<std::string, PairBorder> borders;
    std::vector<std::vector<size_t>> linksOf(corpus.documents.size()), placesOf(corpus.documents.size());
    for (size_t i = 0; i < corpus.links.size(); ++i) linksOf[corpus.links[i].document].push_back(i);
    for (size_t i = 0; i < corpus.places.size(); ++i) placesOf[corpus.places[i].document].push_back(i);
    for (size_t i = 0; i < corpus.documents.size(); ++i) {
        io::DocumentEntry e = entryOf(corpus, checks, i, shas[i], linksOf[i], placesOf[i], points, borders);
        report.links += e.links.size();
        report.places += e.places.size();
        if (auto ok = s.add(e); !ok) return ok.error();
    }
    for (auto& [key, b] : borders) {
        if (s.hasBorder(key)) continue;
        for (const LineString& segment : *b.segments) b.row.lines.push_back(lonLats(segment));
        if (auto ok = s.addBorder(b.row); !ok) return ok.error();
    }
    std::vector<io::StoreGate> gates;
    for (const CuratedGate& g : (*curated)->gates)
        if (g.position) gates.push_back({g.id, g.name, g.level, g.positionSource, g.precisionKm, g.derived, *g.position});
    if (auto ok = s.replaceGates(gates); !ok) return ok.error();
    if (auto ok = s.commit(); !ok) return ok.error();
    guard.keep = true;
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

}  // namespace bl::engine
