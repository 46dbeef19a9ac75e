#include "io/layer_loader.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/boundaries/crs.hpp"
#include "core/boundaries/geometry_ops.hpp"
#include "io/connection_text.hpp"
#include "io/gdal_messages.hpp"
#include "io/prepared_store.hpp"
#include "io/regular_file.hpp"

namespace bl::io {

namespace fs = std::filesystem;

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};

// Reads a ring and transforms it to the working CRS. `lonLat`: the source is
// geographic, so coordinates outside ±180/±90 are refused before the
// transform; projected coordinates are only checked for being finite. A
// point the transform cannot take also counts as not finite.
Ring ringFrom(const OGRLinearRing* r, OGRCoordinateTransformation* ct, bool lonLat, bool* finite) {
    const int n = r->getNumPoints();
    const size_t count = n > 0 ? static_cast<size_t>(n) : 0;
    std::vector<double> xs(count), ys(count);
    r->getPoints(xs.data(), sizeof(double), ys.data(), sizeof(double));
    for (size_t i = 0; i < count; ++i)
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i]) || (lonLat && (std::fabs(xs[i]) > 180.0 || std::fabs(ys[i]) > 90.0)))
            *finite = false;
    if (ct && count > 0 && *finite) {
        std::vector<int> ok(count);
        if (!ct->Transform(n, xs.data(), ys.data(), nullptr, ok.data())) *finite = false;
        for (size_t i = 0; i < count && *finite; ++i)
            if (!ok[i] || !std::isfinite(xs[i]) || !std::isfinite(ys[i])) *finite = false;
    }
    Ring out(count);
    for (size_t i = 0; i < count; ++i) out[i] = {xs[i], ys[i]};
    return out;
}

void collect(const OGRGeometry* g, OGRCoordinateTransformation* ct, bool lonLat, MultiPolygon& out, bool* finite) {
    if (!g) return;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon: {
        const auto* p = g->toPolygon();
        Polygon poly;
        if (const auto* ext = p->getExteriorRing()) poly.rings.push_back(ringFrom(ext, ct, lonLat, finite));
        for (int i = 0; i < p->getNumInteriorRings(); ++i) poly.rings.push_back(ringFrom(p->getInteriorRing(i), ct, lonLat, finite));
        if (!poly.rings.empty()) out.polygons.push_back(std::move(poly));
        break;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        const auto* c = g->toGeometryCollection();
        for (int i = 0; i < c->getNumGeometries(); ++i) collect(c->getGeometryRef(i), ct, lonLat, out, finite);
        break;
    }
    default:
        break;  // points and lines carry no area
    }
}

// Ids identify units everywhere (parents, caches, selections), so two
// features with one id would be told apart by load order alone: the second
// and later ones get "#2", "#3"... and the layer says so. Empty = all unique.
std::string makeIdsUnique(std::vector<AdminUnit>& units) {
    std::unordered_map<std::string, int> seen;
    for (const auto& u : units) seen.emplace(u.id, 0);
    std::vector<std::string> examples;
    size_t renamed = 0;
    for (auto& u : units) {
        int& n = seen[u.id];
        if (++n == 1) continue;
        std::string fresh;
        for (int k = n;; ++k) {
            fresh = u.id + "#" + std::to_string(k);
            if (!seen.count(fresh)) break;
        }
        if (examples.size() < 3) examples.push_back("\"" + u.id + "\" → " + fresh);
        seen.emplace(fresh, 1);
        u.id = fresh;
        ++renamed;
    }
    if (!renamed) return {};
    std::string list;
    for (const auto& e : examples) list += (list.empty() ? "" : ", ") + e;
    return std::to_string(renamed) + " feature" + (renamed == 1 ? " repeats an id" : "s repeat ids") +
           " of an earlier feature; told apart as " + list + (renamed > examples.size() ? ", …" : "");
}

bool isValidUtf8(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

// "Huyá»‡n" for "Huyện": a UTF-8 lead byte read as Latin-1 (Ã, Â, á, Ä, Æ...)
// followed by a continuation byte read as Latin-1 (U+0080..U+00BF).
bool looksDoubleEncoded(const std::string& s) {
    for (size_t i = 0; i + 3 < s.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
        const auto b2 = static_cast<unsigned char>(s[i + 2]), b3 = static_cast<unsigned char>(s[i + 3]);
        // U+00C2..U+00EF encoded as C3 82..C3 AF, then U+0080..U+00BF as C2 80..C2 BF
        if (b0 == 0xC3 && b1 >= 0x82 && b1 <= 0xAF && b2 == 0xC2 && b3 >= 0x80 && b3 <= 0xBF) return true;
    }
    return false;
}

int fieldIndex(OGRFeatureDefn* defn, const std::string& name) {
    return name.empty() ? -1 : defn->GetFieldIndex(name.c_str());
}

// A shapefile's companion file (".dbf", ".shx", ...) in either case, or
// empty when there is none.
fs::path sidecar(const fs::path& shp, const char* lower, const char* upper) {
    std::error_code ec;
    for (const char* ext : {lower, upper})
        if (fs::path s = fs::path(shp).replace_extension(ext); fs::exists(fs::symlink_status(s, ec))) return s;
    return {};
}

// What can be told about a layer's file before GDAL opens it: it is a
// regular file (GDAL opening a FIFO would wait for a writer forever), not
// empty, and a shapefile has its attributes and index beside it, each a
// regular file too.
Result<std::monostate> checkLayerFile(const LayerSpec& spec, const fs::path& p) {
    const std::string file = p.string();
    std::error_code ec;
    // GDAL's virtual file systems (/vsizip/, /vsimem/, ...) are not on disk.
    if (file.rfind("/vsi", 0) == 0) return std::monostate{};
    const std::string what = "layer " + spec.id + ": file";
    if (auto ok = checkRegularFile(file, what); !ok) return ok.error();
    if (fs::file_size(p, ec) == 0) return makeError(what + " " + file + " is empty");
    if (p.extension() != ".shp" && p.extension() != ".SHP") return std::monostate{};
    const fs::path dbf = sidecar(p, ".dbf", ".DBF"), shx = sidecar(p, ".shx", ".SHX");
    if (dbf.empty())
        return makeError("layer " + spec.id + ": shapefile " + file +
                         " has no .dbf beside it, so it has no attributes (names, ids) to read");
    if (shx.empty())
        return makeError("layer " + spec.id + ": shapefile " + file +
                         " has no .shx index beside it; copy the .shx that came with it, or rebuild it from the "
                         ".shp with: ogrinfo --config SHAPE_RESTORE_SHX YES " + file);
    for (const fs::path& s : {dbf, shx, sidecar(p, ".prj", ".PRJ"), sidecar(p, ".cpg", ".CPG")})
        if (!s.empty())
            if (auto ok = checkRegularFile(s.string(), what); !ok) return ok.error();
    return std::monostate{};
}

// Our words for a source GDAL cannot open, by what it should be.
std::string unreadableBecause(const fs::path& p, bool database) {
    if (database) return "cannot connect to the database or read from it";
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (ext == ".geojson" || ext == ".json") return "the GeoJSON is truncated or malformed";
    if (ext == ".shp") return "the shapefile is damaged";
    return "GDAL reads no vector data in it";
}

}  // namespace

std::string layerSource(const LayerSpec& spec, const std::string& dataRoot) {
    if (isPostgresSource(spec.path) || fs::path(spec.path).is_absolute()) return spec.path;
    return (fs::path(dataRoot) / spec.path).string();
}

Result<Layer> loadLayer(const LayerSpec& spec, const std::string& dataRoot, std::stop_token stop) {
    initGdal();
    const auto start = std::chrono::steady_clock::now();
    // A PostgreSQL connection string is opened as written: no data root, no
    // file checks; messages name it with its password hidden.
    const bool database = isPostgresSource(spec.path);
    const std::string source = layerSource(spec, dataRoot);
    const fs::path p = source;
    const std::string file = maskSecrets(source);
    if (!database)
        if (auto ok = checkLayerFile(spec, p); !ok) return Error{maskSecrets(ok.error().message), ok.error().kind};

    GdalMessages gdal;  // the library's words go after ours, never to stderr
    std::unique_ptr<GDALDataset, DatasetCloser> ds(
        GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds) {
        std::string detail = gdal.detail();  // libpq's words come in lines
        std::replace(detail.begin(), detail.end(), '\n', ' ');
        return makeError("layer " + spec.id + ": cannot read " + file + ": " + unreadableBecause(p, database) + detail);
    }
    OGRLayer* ogr = spec.gdalLayer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(spec.gdalLayer.c_str());
    if (!ogr) {
        std::string names;
        for (int i = 0; i < ds->GetLayerCount(); ++i) names += std::string(i ? ", " : "") + ds->GetLayer(i)->GetName();
        return makeError("layer " + spec.id + ": " + file + " has no " + (database ? "table" : "layer") + " \"" +
                         spec.gdalLayer + "\" (it has: " + (names.empty() ? "none" : names) + ")");
    }
    if (ogr->GetFeatureCount(TRUE) == 0)
        return makeError("layer " + spec.id + ": " + file + " holds no features (no polygon features to load)");
    OGRFeatureDefn* defn = ogr->GetLayerDefn();
    const FieldMapping& m = spec.fields;
    for (const std::string* f : {&m.id, &m.name, &m.shortName, &m.asciiName, &m.parentId}) {
        if (!f->empty() && fieldIndex(defn, *f) < 0)
            return makeError("layer " + spec.id + ": " + file + " has no field \"" + *f + "\" named in the catalog");
    }
    for (const auto& f : m.altNames)
        if (fieldIndex(defn, f) < 0)
            return makeError("layer " + spec.id + ": " + file + " has no field \"" + f + "\" named in the catalog");

    // Source CRS: as declared, else WGS84 when the extent fits lon/lat.
    OGRSpatialReference src;
    bool assumedWgs84 = false;
    if (const OGRSpatialReference* declared = ogr->GetSpatialRef()) {
        src = *declared;
    } else {
        OGREnvelope env;
        if (ogr->GetExtent(&env, TRUE) == OGRERR_NONE &&
            (env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90))
            return makeError("layer " + spec.id + ": " + file +
                             " declares no coordinate reference system and its coordinates are not longitude/latitude");
        src.SetWellKnownGeogCS("WGS84");
        assumedWgs84 = true;
    }
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference dst;
    dst.importFromProj4(kWorkingCrs);
    dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &dst));
    if (!ct) return makeError("layer " + spec.id + ": cannot transform " + file + " to the working CRS" + gdal.detail());
    const bool srcIsGeographic = src.IsGeographic();

    const int iId = fieldIndex(defn, m.id), iName = fieldIndex(defn, m.name);
    const int iShort = fieldIndex(defn, m.shortName), iAscii = fieldIndex(defn, m.asciiName);
    const int iParent = fieldIndex(defn, m.parentId);
    std::vector<int> iAlt;
    for (const auto& f : m.altNames) iAlt.push_back(fieldIndex(defn, f));

    Layer layer;
    layer.spec = spec;
    if (assumedWgs84)
        layer.warnings.push_back(file + " declares no coordinate reference system (no .prj?); its coordinates fit "
                                 "longitude/latitude, so WGS84 is assumed");
    GdalMessages reading;  // a failure while reading ends the features early: not a whole layer
    ogr->ResetReading();
    size_t index = 0;
    for (auto& feature : *ogr) {
        if (stop.stop_requested()) return makeError("loading " + spec.id + " was cancelled");
        ++index;
        auto text = [&](int i) { return i >= 0 && feature->IsFieldSetAndNotNull(i) ? std::string(feature->GetFieldAsString(i)) : std::string(); };
        AdminUnit u;
        u.id = text(iId);
        if (u.id.empty()) u.id = spec.id + "#" + std::to_string(feature->GetFID());
        u.name = text(iName);
        u.shortName = text(iShort);
        u.asciiName = text(iAscii);
        for (int i : iAlt) if (auto a = text(i); !a.empty()) u.altNames.push_back(a);
        u.parentId = text(iParent);
        if (u.name.empty()) u.name = u.shortName.empty() ? u.id : u.shortName;
        for (const std::string* text : {&u.name, &u.shortName, &u.parentId, &u.id}) {
            if (!isValidUtf8(*text))
                return makeError("layer " + spec.id + ": " + file + ", feature " + std::to_string(index) +
                                 ": names are not valid UTF-8; the source's encoding is wrong (for a shapefile, "
                                 "check that its .cpg names the encoding its bytes are in)");
            if (looksDoubleEncoded(*text))
                return makeError("layer " + spec.id + ": " + file + ", feature " + std::to_string(index) + " (\"" +
                                 *text + "\"): names look UTF-8 decoded as Latin-1 (for a shapefile, its .cpg "
                                 "probably names a single-byte encoding while the bytes are UTF-8)");
        }

        bool finite = true;
        collect(feature->GetGeometryRef(), ct.get(), srcIsGeographic, u.geometry, &finite);
        if (!finite) {
            return makeError("layer " + spec.id + ": " + file + ", feature " + std::to_string(index) + " (\"" + u.name +
                             (srcIsGeographic ? "\") has coordinates that are not finite or outside longitude/latitude range"
                                              : "\") has coordinates that are not finite or cannot be transformed from its "
                                                "declared coordinate reference system"));
        }
        const Validity v = makeValidPolygonal(u.geometry);
        if (v == Validity::Empty) { ++layer.skippedEmpty; continue; }
        if (v == Validity::Repaired) ++layer.repaired;
        u.bounds = u.geometry.bounds();
        layer.units.push_back(std::move(u));
    }
    if (!reading.errors().empty())
        return makeError("layer " + spec.id + ": cannot read " + file + " to the end: " + unreadableBecause(p, database) +
                         reading.detail());
    if (auto note = makeIdsUnique(layer.units); !note.empty()) layer.warnings.push_back(file + ": " + note);
    if (layer.units.empty())
        return makeError("layer " + spec.id + ": " + file + " holds no polygon features" +
                         (layer.skippedEmpty ? " (" + std::to_string(layer.skippedEmpty) + " empty geometries)" : ""));
    layer.loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return layer;
}

void resolveParents(Dataset& data) {
    for (auto& layer : data.layers) {
        if (layer.spec.parentLayer.empty()) {
            const char* country = layer.spec.country == Country::VN ? "Viet Nam" : "Lao PDR";
            for (auto& u : layer.units) u.parentName = country;
            continue;
        }
        const Layer* parent = data.layer(layer.spec.parentLayer);
        if (!parent) continue;  // not loaded in this selection
        std::unordered_map<std::string, const AdminUnit*> byId;
        for (const auto& p : parent->units) byId[p.id] = &p;
        for (auto& u : layer.units) {
            if (!layer.spec.fields.parentId.empty()) {
                if (auto it = byId.find(u.parentId); it != byId.end()) { u.parentName = it->second->name; continue; }
            }
            // Containment: the parent whose polygon holds a point of this unit.
            const auto pt = pointOnSurface(u.geometry);
            if (!pt) continue;
            for (const auto& p : parent->units) {
                if (p.bounds.intersects(Box{pt->x, pt->y, pt->x, pt->y}) && contains(p.geometry, *pt)) {
                    u.parentId = p.id;
                    u.parentName = p.name;
                    break;
                }
            }
        }
    }
}

std::vector<Result<Layer>> loadLayers(const std::vector<const LayerSpec*>& specs, const std::string& dataRoot,
                                      const LoadOptions& opt) {
    std::vector<uint64_t> bytes(specs.size());
    for (size_t i = 0; i < specs.size(); ++i) {
        if (isPostgresSource(specs[i]->path)) {  // size unknown, and the server may be slow: start it first
            bytes[i] = UINT64_MAX;
            continue;
        }
        std::error_code ec;
        const auto n = fs::file_size(layerSource(*specs[i], dataRoot), ec);
        bytes[i] = ec ? 0 : n;
    }
    std::vector<size_t> order(specs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return bytes[a] > bytes[b]; });

    std::vector<std::optional<Result<Layer>>> results(specs.size());
    std::atomic<size_t> next{0}, done{0};
    std::mutex reportMutex;
    auto worker = [&] {
        for (size_t k; (k = next++) < order.size();) {
            const size_t i = order[k];
            std::string notice;
            results[i] = loadLayerPrepared(*specs[i], dataRoot, opt.store, &notice, opt.stop);
            std::lock_guard lock(reportMutex);
            if (!notice.empty() && opt.notice) opt.notice(notice);
            if (opt.progress) opt.progress(specs[i]->id, ++done, specs.size());
        }
    };
    unsigned n = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
    n = std::min<unsigned>(n, unsigned(specs.size()));
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n; ++t) threads.emplace_back(worker);
    if (!specs.empty()) worker();
    for (auto& t : threads) t.join();
    std::vector<Result<Layer>> out;
    for (auto& r : results) out.push_back(std::move(*r));
    return out;
}

Result<Dataset> loadDataset(const Catalog& catalog, const std::string& dataRoot, const LoadOptions& opt) {
    std::vector<const LayerSpec*> todo;
    for (const auto& s : catalog.layers)
        if (opt.only.empty() || std::find(opt.only.begin(), opt.only.end(), s.id) != opt.only.end()) todo.push_back(&s);
    for (const auto& id : opt.only)
        if (!catalog.layer(id)) return optionError("unknown layer id \"" + id + "\" (not in catalog " + catalog.file + ")");

    // Parents are needed to name parents: pull them in.
    for (size_t i = 0; i < todo.size(); ++i)
        if (!todo[i]->parentLayer.empty()) {
            const LayerSpec* p = catalog.layer(todo[i]->parentLayer);
            if (std::find(todo.begin(), todo.end(), p) == todo.end()) todo.push_back(p);
        }

    std::vector<Result<Layer>> results = loadLayers(todo, dataRoot, opt);
    if (opt.stop.stop_requested()) return makeError("loading was cancelled");
    Dataset data;
    data.dataRoot = dataRoot;
    // Keep catalog order.
    for (const auto& s : catalog.layers)
        for (size_t i = 0; i < todo.size(); ++i)
            if (todo[i] == &s) {
                if (!results[i].ok()) return results[i].error();
                data.layers.push_back(std::move(results[i].value()));
            }
    resolveParents(data);
    return data;
}

}  // namespace bl::io
