#include "app/map_export_job.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/boundaries/crs.hpp"
#include "render/fonts.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"

namespace bl::app {

namespace {

const render::Rgba kPairColour{0.85f, 0.12f, 0.55f, 1.0f};
const render::Rgba kFocusColour{0.10f, 0.35f, 0.95f, 1.0f};

render::UnitKey keyOf(const Dataset& d, const AdminUnit* u) {
    for (size_t li = 0; li < d.layers.size(); ++li) {
        const auto& units = d.layers[li].units;
        if (!units.empty() && u >= &units.front() && u <= &units.back())
            return {int(li), int(u - &units.front())};
    }
    return {};
}

std::string kindText(LinkKind k) {
    switch (k) {
        case LinkKind::Twinning:
            return "Twinning";
        case LinkKind::CooperationPlan:
            return "Cooperation plan";
        case LinkKind::Other:
            return "Cooperation link";
    }
    return "Link";
}

std::string km1(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f km", v);
    return b;
}

// Lon/lat box -> working CRS box (edges sampled: the conic bends parallels).
Box boxOf(const std::array<double, 4>& b) {
    const WorkingCrs& crs = threadCrs();
    Box out;
    const double lon0 = std::min(b[0], b[2]), lon1 = std::max(b[0], b[2]);
    const double lat0 = std::min(b[1], b[3]), lat1 = std::max(b[1], b[3]);
    for (int i = 0; i <= 16; ++i) {
        const double t = i / 16.0;
        for (Vec2 p : {crs.forward({lon0 + t * (lon1 - lon0), lat0}), crs.forward({lon0 + t * (lon1 - lon0), lat1}),
                       crs.forward({lon0, lat0 + t * (lat1 - lat0)}), crs.forward({lon1, lat0 + t * (lat1 - lat0)})})
            out.extend(p);
    }
    return out;
}

const std::string& shortOf(const AdminUnit& u) { return u.shortName.empty() ? u.name : u.shortName; }

// "2025-05-26"; "15 January (year not stated)" for "--01-15".
std::string dateText(const DocDate& d) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    if (d.iso.size() == 7 && d.iso.rfind("--", 0) == 0 && d.month >= 1 && d.month <= 12)
        return std::to_string(d.day) + " " + months[d.month - 1] + " (year not stated)";
    return d.iso == "unknown" ? "date unknown" : d.iso;
}

}  // namespace

Result<std::monostate> validate(const ExportRequest& r) {
    if (r.output.empty()) return makeError("-o: an output file is needed (e.g. -o map.png)");
    if (auto ok = render::checkExportSize(r.width, r.height, "--size"); !ok) return ok.error();
    if (!(r.dpi >= 24 && r.dpi <= 1200)) return makeError("--dpi must be between 24 and 1200");
    const int frames = int(!r.focus.empty()) + int(r.pair >= 0) + int(r.bbox.has_value()) + int(r.frame.has_value());
    if (frames > 1) return makeError("--focus, --pair and --bbox exclude each other: give at most one");
    if (r.bbox) {
        const auto& b = *r.bbox;
        if (std::abs(b[1]) > 85 || std::abs(b[3]) > 85 || std::abs(b[0]) > 180 || std::abs(b[2]) > 180 ||
            b[0] == b[2] || b[1] == b[3])
            return makeError("--bbox must be LON1,LAT1,LON2,LAT2 in degrees with distinct corners");
        if (std::max(b[0], b[2]) < 95 || std::min(b[0], b[2]) > 115 || std::max(b[1], b[3]) < 5 ||
            std::min(b[1], b[3]) > 30)
            return makeError("--bbox lies outside the working area (about 95-115°E, 5-30°N)");
    }
    if (r.vintage != "2023" && r.vintage != "2025") return makeError("--vintage must be 2023 or 2025");
    if (r.maxTile < 0 || (r.maxTile > 0 && r.maxTile < 16)) return makeError("tile size must be at least 16 pixels");
    return std::monostate{};
}

io::GeoTransform geoTransformOf(const render::Camera& c) {
    const Vec2 tl = c.toWorld({0, 0});
    return {tl.x, c.metresPerPixel, 0.0, tl.y, 0.0, -c.metresPerPixel};
}

Result<render::ExportSpec> buildExportSpec(const ExportRequest& r, const ExportSources& src) {
    if (auto ok = validate(r); !ok) return ok.error();
    const Dataset& data = *src.data;
    const render::MapGeometry& g = *src.geometry;
    render::ExportSpec spec;
    spec.width = r.width;
    spec.height = r.height;
    spec.dpi = r.dpi;
    spec.maxTile = r.maxTile;
    spec.attribution = src.catalog ? src.catalog->attribution : "";
    spec.scene.style.labels = r.labels;

    // Layers.
    std::string shown;
    if (!r.layers.empty()) {
        spec.scene.layerVisible.assign(data.layers.size(), 0);
        for (const auto& id : r.layers) {
            auto it = std::find_if(data.layers.begin(), data.layers.end(), [&](const Layer& l) { return l.spec.id == id; });
            if (it == data.layers.end()) return makeError("--layers: no layer '" + id + "' (see borderlens layers)");
            spec.scene.layerVisible[size_t(it - data.layers.begin())] = 1;
        }
        shown = "layers " + [&] {
            std::string s;
            for (const auto& id : r.layers) s += (s.empty() ? "" : ", ") + id;
            return s;
        }();
    } else {
        std::string laVintage;
        for (const auto& l : data.layers) {
            const bool on = l.spec.country == Country::LA || l.spec.vintage.label == r.vintage;
            spec.scene.layerVisible.push_back(on);
            if (l.spec.country == Country::LA && laVintage.empty()) laVintage = l.spec.vintage.label;
        }
        shown = "Vietnamese units " + r.vintage + (r.vintage == "2025" ? " (after the July 2025 reform)" : " (before the 2025 reform)") +
                ", Lao units " + (laVintage.empty() ? "?" : laVintage);
    }
    auto visibleLayer = [&](const Layer* l) {
        const size_t li = size_t(l - &data.layers.front());
        return li < spec.scene.layerVisible.size() && spec.scene.layerVisible[li];
    };

    // Border gates with a known position.
    if (src.curated)
        for (const auto& gate : src.curated->gates) {
            if (!gate.position) continue;
            spec.scene.overlay.symbols.push_back({threadCrs().forward(*gate.position), render::SymbolKind::BorderGate,
                                                  gate.precisionKm > 1.0, gate.name});
        }

    std::string what = "Vietnam–Laos border area", docDate;
    Box frame = g.borderBounds.empty() ? g.bounds : g.borderBounds;
    if (r.pair >= 0) {
        if (!src.corpus) return makeError("--pair: no documents are loaded");
        if (size_t(r.pair) >= src.corpus->links.size())
            return makeError("--pair " + std::to_string(r.pair) + ": the documents give " +
                             std::to_string(src.corpus->links.size()) + " links (0.." +
                             std::to_string(int(src.corpus->links.size()) - 1) + "; see borderlens pairs)");
        const Link& link = src.corpus->links[size_t(r.pair)];
        static const std::vector<CuratedGate> noGates;
        const LinkCheck check = checkLink(link, data, src.curated ? src.curated->gates : noGates, src.adjacency);
        // The finest verdict of the chosen vintage whose units share a border
        // (else the finest of that vintage): the resolved units, else their provinces.
        const AdjacencyVerdict* v = nullptr;
        const AdjacencyVerdict* finest = nullptr;
        for (const auto& cand : check.verdicts) {
            if (cand.vintage != r.vintage || !cand.vn || !cand.la) continue;
            if (!finest) finest = &cand;
            if (cand.touches) {
                v = &cand;
                break;
            }
        }
        if (!v) v = finest;
        if (!v)
            for (const auto& cand : check.verdicts)
                if (cand.vn && cand.la) {
                    v = &cand;
                    break;
                }
        if (!v)
            return makeError("--pair " + std::to_string(r.pair) + ": the link's parties are not resolved onto units" +
                             (check.note.empty() ? "" : " (" + check.note + ")"));
        const render::UnitKey kv = keyOf(data, v->vn), kl = keyOf(data, v->la);
        for (auto k : {kv, kl})
            if (k.valid() && size_t(k.layer) < spec.scene.layerVisible.size()) spec.scene.layerVisible[size_t(k.layer)] = 1;
        spec.scene.overlay.highlights.push_back({kv, kPairColour});
        spec.scene.overlay.highlights.push_back({kl, kPairColour});
        if (kv.valid() && kl.valid())
            spec.scene.overlay.connectors.push_back({g.layers[size_t(kv.layer)].anchors[size_t(kv.unit)].position,
                                                     g.layers[size_t(kl.layer)].anchors[size_t(kl.unit)].position,
                                                     kPairColour, ""});
        if (v->touches && v->border) spec.scene.overlay.segments.push_back({v->border->segments, kPairColour, 5.0f, km1(v->sharedKm)});
        frame = Box{};
        frame.extend(v->vn->bounds);
        frame.extend(v->la->bounds);
        what = shortOf(*v->vn) + " – " + shortOf(*v->la);
        docDate = dateText(link.date);
        const std::string doc = std::filesystem::path(src.corpus->documents[link.document].file).filename().string();
        spec.info.push_back(v->vn->name + " (Viet Nam) – " + v->la->name + " (Laos)");
        spec.info.push_back(kindText(link.kind) + ", " + docDate + (link.period.empty() ? "" : ", for " + link.period) +
                            ": " + link.vn.name + " – " + link.la.name);
        spec.info.push_back("Source: " + doc);
        if (finest && finest != v)
            spec.info.push_back("Resolved units " + finest->vn->name + " – " + finest->la->name +
                                (finest->touches ? ": share " + km1(finest->sharedKm) : ": " + km1(finest->distanceKm) + " apart"));
        spec.info.push_back(v->touches ? "Shared border: " + km1(v->sharedKm) + " (" + std::string(toString(v->vnLayer->spec.level)) +
                                             "s, " + v->vintage + " units, geodesic)"
                                       : "No shared border: " + km1(v->distanceKm) + " apart (" + v->vintage + " units)");
        if (check.nearestGate)
            spec.info.push_back("Nearest border gate: " + check.nearestGate->name +
                                (check.nearestGate->distanceKm < 0.5 ? " (between the two units)"
                                                                     : " (" + km1(check.nearestGate->distanceKm) + ")"));
    } else if (!r.focus.empty()) {
        if (!src.gazetteer) return makeError("--focus: no gazetteer is loaded");
        FindOptions fo;
        fo.limit = 50;
        const auto matches = src.gazetteer->find(r.focus, fo);
        const GazetteerMatch* best = nullptr;
        for (const auto& m : matches)
            if (visibleLayer(m.ref.layer)) {
                best = &m;
                break;
            }
        if (!best) return makeError("--focus: nothing shown is called '" + r.focus + "' (try borderlens find)");
        const render::UnitKey k = keyOf(data, best->ref.unit);
        spec.scene.overlay.highlights.push_back({k, kFocusColour});
        frame = best->ref.unit->bounds;
        const double pad = std::max(frame.maxX - frame.minX, frame.maxY - frame.minY) * 0.08;
        frame = frame.expanded(pad);
        what = best->ref.unit->name + (best->ref.unit->parentName.empty() ? "" : ", " + best->ref.unit->parentName);
    } else if (r.bbox) {
        frame = boxOf(*r.bbox);
        char b[128];
        std::snprintf(b, sizeof b, "%.2f–%.2f°E, %.2f–%.2f°N", std::min((*r.bbox)[0], (*r.bbox)[2]),
                      std::max((*r.bbox)[0], (*r.bbox)[2]), std::min((*r.bbox)[1], (*r.bbox)[3]),
                      std::max((*r.bbox)[1], (*r.bbox)[3]));
        what = std::string("Vietnam–Laos border, ") + b;
    } else if (r.frame) {
        frame = *r.frame;
    }
    spec.frame = frame;
    spec.title = r.title.empty() ? what : r.title;
    spec.subtitle = r.subtitle.empty() ? shown + (docDate.empty() ? "" : "; document dated " + docDate) : r.subtitle;
    if (spec.frame.empty()) return makeError("nothing to show: the frame is empty");
    return spec;
}

Result<ExportOutcome> runExport(const ExportRequest& r, const ExportSources& src) {
    using Clock = std::chrono::steady_clock;
    if (auto ok = validate(r); !ok) return ok.error();
    if (auto w = io::checkWritable(r.output, r.force); !w) return w.error();
    auto spec = buildExportSpec(r, src);
    if (!spec) return spec.error();
    const auto t0 = Clock::now();
    auto fonts = render::loadFonts(float(r.dpi / 96.0));
    if (!fonts) return fonts.error();
    auto renderer = render::MapRenderer::create(*fonts);
    if (!renderer) return renderer.error();
    // MapRenderer wants shared ownership; the sources outlive this call.
    (*renderer)->setData(std::shared_ptr<const Dataset>(src.data, [](const Dataset*) {}),
                         std::shared_ptr<const render::MapGeometry>(src.geometry, [](const render::MapGeometry*) {}));
    auto image = render::renderExport(**renderer, *fonts, *src.data, *src.geometry, *spec);
    if (!image) return image.error();
    ExportOutcome out;
    out.camera = render::exportCamera(*spec, *fonts);
    const auto t1 = Clock::now();
    out.renderSeconds = std::chrono::duration<double>(t1 - t0).count();
    std::optional<io::GeoTransform> gt;
    if (r.georef) gt = geoTransformOf(out.camera);
    auto files = io::writeExportPng(r.output, *image, r.dpi, gt, kWorkingCrs, r.force);
    if (!files) return files.error();
    out.files = *files;
    out.writeSeconds = std::chrono::duration<double>(Clock::now() - t1).count();
    std::error_code ec;
    out.bytes = size_t(std::filesystem::file_size(r.output, ec));
    return out;
}

BackgroundExport::BackgroundExport(ExportRequest request, ExportSources src) {
    m_thread = std::thread([this, request = std::move(request), src = std::move(src)] {
        auto ctx = render::HeadlessContext::create();
        if (!ctx)
            m_result.emplace(ctx.error());
        else
            m_result.emplace(runExport(request, src));
        m_finished = true;
    });
}

BackgroundExport::~BackgroundExport() {
    if (m_thread.joinable()) m_thread.join();
}

}  // namespace bl::app
