#include "engine/map_geometry.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "io/byte_codec.hpp"

namespace bl::engine {

size_t lodForScale(double mpp) {
    size_t lod = 0;
    for (size_t i = 0; i < kLodCount; ++i)
        if (kLodTolerancesM[i] <= mpp * 0.5) lod = i;
    return lod;
}

bool levelShownAtScale(Level level, double mpp) {
    switch (level) {
        case Level::Province:
            return true;
        case Level::District:
            return mpp <= 1500.0;
        case Level::Commune:
            return mpp <= 350.0;
    }
    return true;
}

void LineStrip::append(const LineString& in, Vec2 origin) {
    LineString line;
    line.reserve(in.size());
    for (const Vec2& p : in)
        if (line.empty() || p.x != line.back().x || p.y != line.back().y) line.push_back(p);
    if (line.size() < 2) return;
    const bool closed = line.size() > 3 && line.front().x == line.back().x && line.front().y == line.back().y;
    if (closed) line.pop_back();
    const size_t n = line.size();
    auto dir = [&](size_t a, size_t b) {
        const double dx = line[b].x - line[a].x, dy = line[b].y - line[a].y;
        const double len = std::hypot(dx, dy);
        return Vec2{dx / len, dy / len};
    };
    const size_t count = closed ? n + 1 : n;
    const size_t start = vertices.size();
    for (size_t k = 0; k < count; ++k) {
        const size_t i = k % n;
        Vec2 nPrev, nNext;
        const bool hasPrev = closed || i > 0, hasNext = closed || i + 1 < n;
        if (hasPrev) {
            Vec2 d = dir((i + n - 1) % n, i);
            nPrev = {-d.y, d.x};
        }
        if (hasNext) {
            Vec2 d = dir(i, (i + 1) % n);
            nNext = {-d.y, d.x};
        }
        if (!hasPrev) nPrev = nNext;
        if (!hasNext) nNext = nPrev;
        Vec2 m{nPrev.x + nNext.x, nPrev.y + nNext.y};
        double len = std::hypot(m.x, m.y);
        if (len < 1e-9) {
            m = nNext;
            len = 1.0;
        }
        m = {m.x / len, m.y / len};
        const float x = float(line[i].x - origin.x), y = float(line[i].y - origin.y);
        // Miter length 1/cos(half angle). Past twice the half width (turns
        // sharper than 120°: islands' tips, thin inlets) a bevel instead:
        // the vertex twice, along each segment's normal, so no spike sticks out.
        const double c = m.x * nNext.x + m.y * nNext.y;
        const bool bevel = c < 0.5;
        if (!bevel) m = {m.x / c, m.y / c};
        const Vec2 first = bevel ? nPrev : m, second = bevel ? nNext : m;
        LineVertex a{x, y, float(first.x), float(first.y)}, b{x, y, float(-first.x), float(-first.y)};
        if (k == 0 && start > 0) {
            vertices.push_back(vertices.back());  // degenerate join with the previous polyline
            vertices.push_back(a);
        }
        vertices.push_back(a);
        vertices.push_back(b);
        if (bevel) {
            vertices.push_back({x, y, float(second.x), float(second.y)});
            vertices.push_back({x, y, float(-second.x), float(-second.y)});
        }
    }
}

// Bumped when what a level holds or how it is made changes (store key).
static constexpr int kLodAlgorithm = 4;  // 2: shared arcs, fans; 3: bevel joins; 4: our Douglas-Peucker for the border

// The layers whose union outline holds the Viet Nam–Laos border (Laos's
// provinces), and those it runs along (Viet Nam's provinces, of any system).
static bool outlinesTheBorder(const LayerSpec& s) { return s.country == Country::LA && s.level == Level::Province; }
static bool bordersLaos(const LayerSpec& s) { return s.country == Country::VN && s.level == Level::Province; }
// Bumped when what the border is made of changes (store key of the border levels).
static constexpr int kBorderAlgorithm = 3;  // 2: only the stretches along Viet Nam; 3: where apart
// Bumped when how a context level is made changes (its store key).
static constexpr int kContextAlgorithm = 1;

struct MapGeometry::Slot {
    enum class State { Idle, Queued, Building, Ready };
    std::mutex mutex;
    std::condition_variable done;
    State state = State::Idle;
    std::unique_ptr<const LayerLod> lod;
    std::atomic<const LayerLod*> ready{nullptr};
    std::vector<std::function<void()>> callbacks;  // of request(), called once built
};

// One background thread, started by the first request(), building the
// levels asked for in order.
struct MapGeometry::Builder {
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::pair<size_t, size_t>> queue;
    std::atomic<size_t> pending{0};
    std::atomic<bool> stop{false};
    std::thread thread;
};

MapGeometry::MapGeometry(std::shared_ptr<const Dataset> data, GeometryOptions options)
    : m_data(std::move(data)), m_options(std::move(options)), m_builder(std::make_unique<Builder>()) {
    for (const auto& l : m_data->layers)
        for (const auto& u : l.units) {
            bounds.extend(u.bounds);
            vertexCount += u.geometry.vertexCount();
            if (outlinesTheBorder(l.spec)) borderBounds.extend(u.bounds);
        }
    m_borderIndex = m_data->layers.size();
    m_contextIndex = m_borderIndex + 1;
    m_slots = std::make_unique<Slot[]>((m_contextIndex + 1) * kLodCount);
    // The context's levels are keyed by its layers' sources; named after the first.
    for (auto& layer : m_options.context) {
        if (layer.preparedKey.empty()) m_contextUnidentified = true;
        m_contextKey += layer.preparedKey;
        if (m_contextSpec.id.empty()) {
            m_contextSpec.id = layer.spec.id;
            m_contextSpec.path = layer.spec.path;
            m_contextSpec.gdalLayer = layer.spec.gdalLayer;
        }
        for (auto& f : layer.features) m_context.push_back(std::move(f));
    }
    if (m_contextUnidentified) m_contextKey.clear();
    m_options.context.clear();
    m_topologyOnce = std::make_unique<std::once_flag[]>(m_borderIndex);
    m_topology.resize(m_borderIndex);
}

MapGeometry::~MapGeometry() {
    {
        std::lock_guard lock(m_builder->mutex);
        m_builder->stop = true;
    }
    m_builder->wake.notify_all();
    if (m_builder->thread.joinable()) m_builder->thread.join();
}

bool MapGeometry::filled(size_t layer) const {
    return m_options.fillProvinces && layer < m_data->layers.size() &&
           m_data->layers[layer].spec.level == Level::Province;
}

MapGeometry::Slot& MapGeometry::slot(size_t index, size_t level) const {
    return m_slots[index * kLodCount + std::min(level, kLodCount - 1)];
}

const LayerLod* MapGeometry::lodIfReady(size_t layer, size_t level) const {
    return layer < m_borderIndex ? slot(layer, level).ready.load(std::memory_order_acquire) : nullptr;
}

const LayerLod& MapGeometry::lod(size_t layer, size_t level) const { return ensure(layer, level); }

const LineStrip& MapGeometry::border(size_t level) const { return ensure(m_borderIndex, level).outline; }

const LayerLod& MapGeometry::context(size_t level) const { return ensure(m_contextIndex, level); }

const LayerLod* MapGeometry::contextIfReady(size_t level) const {
    return slot(m_contextIndex, level).ready.load(std::memory_order_acquire);
}

void MapGeometry::requestContext(size_t level, std::function<void()> ready) const {
    request(m_contextIndex, level, std::move(ready));
}

const std::vector<LabelAnchor>& MapGeometry::borderApart() const {
    return ensure(m_borderIndex, kLodCount - 1).anchors;
}

const LineStrip* MapGeometry::borderIfReady(size_t level) const {
    const LayerLod* l = slot(m_borderIndex, level).ready.load(std::memory_order_acquire);
    return l ? &l->outline : nullptr;
}

const LayerLod& MapGeometry::ensure(size_t index, size_t level) const {
    Slot& s = slot(index, level);
    if (const LayerLod* l = s.ready.load(std::memory_order_acquire)) return *l;
    {
        std::unique_lock lock(s.mutex);
        s.done.wait(lock, [&] { return s.state != Slot::State::Building; });
        if (s.state == Slot::State::Ready) return *s.lod;
        s.state = Slot::State::Building;  // queued or idle: built here (the builder then finds it ready)
    }
    LayerLod built = build(index, level);
    std::vector<std::function<void()>> callbacks;
    const LayerLod* result = nullptr;
    {
        std::lock_guard lock(s.mutex);
        s.lod = std::make_unique<const LayerLod>(std::move(built));
        result = s.lod.get();
        s.ready.store(result, std::memory_order_release);
        s.state = Slot::State::Ready;
        callbacks.swap(s.callbacks);
    }
    s.done.notify_all();
    for (auto& c : callbacks)
        if (c) c();
    return *result;
}

void MapGeometry::request(size_t layer, size_t level, std::function<void()> ready) const {
    if (layer > m_contextIndex) return;
    Slot& s = slot(layer, level);
    {
        std::lock_guard lock(s.mutex);
        if (s.state == Slot::State::Ready) return;
        s.callbacks.push_back(std::move(ready));
        if (s.state != Slot::State::Idle) return;
        s.state = Slot::State::Queued;
    }
    Builder& b = *m_builder;
    {
        std::lock_guard lock(b.mutex);
        b.queue.emplace_back(layer, std::min(level, kLodCount - 1));
        ++b.pending;
        if (!b.thread.joinable())
            b.thread = std::thread([this] {
                Builder& w = *m_builder;
                for (;;) {
                    std::pair<size_t, size_t> job;
                    {
                        std::unique_lock lock(w.mutex);
                        w.wake.wait(lock, [&] { return w.stop || !w.queue.empty(); });
                        if (w.stop) return;
                        job = w.queue.front();
                        w.queue.pop_front();
                    }
                    (void)ensure(job.first, job.second);
                    --w.pending;
                }
            });
    }
    b.wake.notify_one();
}

void MapGeometry::requestBorder(size_t level, std::function<void()> ready) const {
    request(m_borderIndex, level, std::move(ready));
}

size_t MapGeometry::pending() const { return m_builder->pending.load(); }

std::optional<Vec2> MapGeometry::anchor(UnitKey key) const {
    const AdminUnit* unit = m_data->unitOf(key);
    if (!unit) return std::nullopt;
    for (size_t level = 1; level < kLodCount; ++level)
        if (const LayerLod* l = lodIfReady(size_t(key.layer), level)) return l->anchors[size_t(key.unit)].position;
    return labelAnchor(unit->geometry).position;
}

const std::vector<LineString>& MapGeometry::borderLines() const {
    std::lock_guard lock(m_borderMutex);
    if (!m_borderLines) {
        std::vector<const MultiPolygon*> lao, vn;
        for (const auto& l : m_data->layers)
            for (const auto& u : l.units) {
                if (outlinesTheBorder(l.spec)) lao.push_back(&u.geometry);
                if (bordersLaos(l.spec)) vn.push_back(&u.geometry);
            }
        std::vector<LineString> lines;
        std::vector<std::vector<double>> gaps;
        if (!lao.empty() && !vn.empty())
            lines = stretchesAlong(unionOutline(lao), vn, kBorderNearM, kBorderBridgeM, &gaps);
        std::vector<LabelAnchor> apart;
        for (size_t k = 0; k < lines.size(); ++k)
            for (size_t i = 0; i < lines[k].size(); ++i)
                if (gaps[k][i] >= kBorderApartM) apart.push_back({lines[k][i], gaps[k][i]});
        m_borderApart = std::make_unique<const std::vector<LabelAnchor>>(std::move(apart));
        m_borderLines = std::make_unique<const std::vector<LineString>>(std::move(lines));
    }
    return *m_borderLines;
}

const ArcTopology& MapGeometry::topology(size_t layer) const {
    std::call_once(m_topologyOnce[layer], [&] {
        std::vector<const MultiPolygon*> units;
        for (const auto& u : m_data->layers[layer].units) units.push_back(&u.geometry);
        m_topology[layer] = std::make_unique<const ArcTopology>(units);
    });
    return *m_topology[layer];
}

namespace {

// Fan triangles of every ring of `mp` (from each ring's first vertex).
void appendFans(const MultiPolygon& mp, Vec2 origin, float shade, std::vector<FillVertex>& out) {
    for (const auto& poly : mp.polygons)
        for (const auto& ring : poly.rings) {
            if (ring.size() < 4) continue;
            const FillVertex a{float(ring[0].x - origin.x), float(ring[0].y - origin.y), shade};
            for (size_t i = 1; i + 2 < ring.size(); ++i) {
                out.push_back(a);
                out.push_back({float(ring[i].x - origin.x), float(ring[i].y - origin.y), shade});
                out.push_back({float(ring[i + 1].x - origin.x), float(ring[i + 1].y - origin.y), shade});
            }
        }
}

}  // namespace

LayerLod MapGeometry::build(size_t index, size_t level) const {
    const double tol = kLodTolerancesM[level];
    // What the level is made from, to key it in the store: the layer (for
    // the border, every Lao and Vietnamese province layer; for the context,
    // its layers), the level and how it is made.
    std::string key, name;
    if (index == m_borderIndex) {
        const Layer* lao = nullptr;
        std::string along;  // the Vietnamese layers, in the name: datasets of either system keep their own entry
        bool identified = true;
        for (const auto& l : m_data->layers)
            if (outlinesTheBorder(l.spec) || bordersLaos(l.spec)) {
                identified = identified && !l.preparedKey.empty();
                key += l.preparedKey;
                if (bordersLaos(l.spec)) along += "-" + l.spec.id;
                if (!lao && outlinesTheBorder(l.spec)) lao = &l;
            }
        if (!identified || !lao) key.clear();
        if (!key.empty()) {
            key += "border along Viet Nam: near " + std::to_string(kBorderNearM) + " bridge " +
                   std::to_string(kBorderBridgeM) + " algorithm " + std::to_string(kBorderAlgorithm) + "\n";
            name = io::entryName(lao->spec, m_data->dataRoot, "border" + along + "-" + std::to_string(level));
        }
    } else if (index == m_contextIndex) {
        if (!m_contextKey.empty()) {
            key = m_contextKey + "context: triangles, shared borders, algorithm " + std::to_string(kContextAlgorithm) +
                  "\n";
            name = io::entryName(m_contextSpec, m_data->dataRoot, "context" + std::to_string(level));
        }
    } else if (const Layer& l = m_data->layers[index]; !l.preparedKey.empty()) {
        key = l.preparedKey;
        name = io::entryName(l.spec, m_data->dataRoot, "lod" + std::to_string(level));
    }
    const bool fill = filled(index);
    if (!key.empty()) {
        key += "level " + std::to_string(level) + " tolerance " + std::to_string(tol) + " fill " +
               std::to_string(fill) + " algorithm " + std::to_string(kLodAlgorithm) + "\n";
        if (m_options.store) {
            auto hit = m_options.store->read(name, key);
            if (hit.payload) {
                auto lod = decodeLod(*hit.payload);
                // Per-unit arrays must match the layer: a damaged level is never drawn.
                const bool context = index == m_contextIndex;
                const size_t units = index == m_borderIndex ? 0
                                     : context              ? m_context.size()
                                                            : m_data->layers[index].units.size();
                const bool anchorsFit = index == m_borderIndex || lod->anchors.size() == (context ? 0 : units);
                if (lod && lod->outlineRanges.size() == units && anchorsFit &&
                    lod->fillRanges.size() == (fill || context ? units : 0))
                    return std::move(*lod);
                hit.why = "prepared data " + name + " in " + m_options.store->dir() +
                          " does not fit its layer (damaged); rebuilding it";
            }
            if (!hit.why.empty() && m_options.notice) m_options.notice(hit.why);
        }
    }

    LayerLod lod;
    lod.toleranceM = tol;
    if (index == m_contextIndex) {
        lod = buildContext(level);
    } else if (index == m_borderIndex) {
        for (const auto& line : borderLines()) lod.outline.append(simplifyDouglasPeucker(line, tol), origin);
        if (level == kLodCount - 1) {  // where the sources are apart: kept once, with the coarsest level
            std::lock_guard lock(m_borderMutex);
            lod.anchors = *m_borderApart;
        }
    } else {
        const Layer& layer = m_data->layers[index];
        if (level == 0) lod.anchors = ensure(index, 1).anchors;  // full detail adds nothing to where a label goes
        const std::vector<MultiPolygon> simplified =
            level > 0 ? topology(index).simplified(tol) : std::vector<MultiPolygon>{};
        for (size_t i = 0; i < layer.units.size(); ++i) {
            if (m_builder->stop) break;  // being destroyed: no one will read it
            const MultiPolygon& mp = level > 0 ? simplified[i] : layer.units[i].geometry;
            Range r{uint32_t(lod.outline.vertices.size()), 0};
            for (const auto& poly : mp.polygons)
                for (const auto& ring : poly.rings) lod.outline.append(ring, origin);
            r.count = uint32_t(lod.outline.vertices.size()) - r.first;
            lod.outlineRanges.push_back(r);
            if (fill) {
                Range f{uint32_t(lod.fill.size()), 0};
                appendFans(mp, origin, float((i * 3) % 5) / 4.0f, lod.fill);
                f.count = uint32_t(lod.fill.size()) - f.first;
                lod.fillRanges.push_back(f);
            }
            if (level > 0)  // a unit smaller than the tolerance keeps a point anchor with no room for a label
                lod.anchors.push_back(mp.empty() ? LabelAnchor{layer.units[i].bounds.center(), 0.0} : labelAnchor(mp));
        }
    }
    if (m_options.store && !key.empty() && !m_builder->stop) (void)m_options.store->write(name, key, encodeLod(lod));
    return lod;
}

namespace {

bool samePoint(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }

uint64_t cellKey(long ix, long iy) { return uint64_t(uint32_t(int32_t(ix))) << 32 | uint32_t(int32_t(iy)); }

double segmentDistance(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// Per vertex of `lines`, the distance to the nearest segment of `along`'s
// rings, or infinity beyond `reach`. The segments are put in a grid of
// cells `reach` wide, and only into cells next to some vertex: the
// Vietnamese provinces hold far more vertices than the few near Laos.
std::vector<std::vector<double>> distancesTo(const std::vector<LineString>& lines,
                                             const std::vector<const MultiPolygon*>& along, double reach) {
    auto cellOf = [&](double v) { return long(std::floor(v / reach)); };
    std::unordered_set<uint64_t> wanted;
    Box area;
    for (const auto& line : lines)
        for (const Vec2& p : line) {
            area.extend(p);
            for (long dy = -1; dy <= 1; ++dy)
                for (long dx = -1; dx <= 1; ++dx) wanted.insert(cellKey(cellOf(p.x) + dx, cellOf(p.y) + dy));
        }
    const Box reachable = area.expanded(reach);
    std::unordered_map<uint64_t, std::vector<std::pair<Vec2, Vec2>>> grid;
    for (const MultiPolygon* mp : along)
        for (const auto& poly : mp->polygons)
            for (const auto& ring : poly.rings)
                for (size_t i = 1; i < ring.size(); ++i) {
                    const Vec2 a = ring[i - 1], b = ring[i];
                    const Box sb{
                        std::max(std::min(a.x, b.x), reachable.minX), std::max(std::min(a.y, b.y), reachable.minY),
                        std::min(std::max(a.x, b.x), reachable.maxX), std::min(std::max(a.y, b.y), reachable.maxY)};
                    if (sb.empty() || sb.minY > sb.maxY) continue;
                    for (long iy = cellOf(sb.minY); iy <= cellOf(sb.maxY); ++iy)
                        for (long ix = cellOf(sb.minX); ix <= cellOf(sb.maxX); ++ix)
                            if (wanted.count(cellKey(ix, iy))) grid[cellKey(ix, iy)].emplace_back(a, b);
                }
    std::vector<std::vector<double>> out;
    for (const auto& line : lines) {
        std::vector<double> d(line.size(), std::numeric_limits<double>::infinity());
        for (size_t i = 0; i < line.size(); ++i) {
            const Vec2 p = line[i];
            for (long dy = -1; dy <= 1; ++dy)
                for (long dx = -1; dx <= 1; ++dx) {
                    auto it = grid.find(cellKey(cellOf(p.x) + dx, cellOf(p.y) + dy));
                    if (it == grid.end()) continue;
                    for (const auto& [a, b] : it->second) d[i] = std::min(d[i], segmentDistance(p, a, b));
                }
            if (d[i] > reach) d[i] = std::numeric_limits<double>::infinity();
        }
        out.push_back(std::move(d));
    }
    return out;
}

// Runs [first, last] of consecutive vertices within `nearM`, in the order
// j = 0..n-1 of the vertices at(j); runs apart by a departure that stays
// within `bridgeM` are one run.
template <typename At>
std::vector<std::pair<size_t, size_t>> nearRuns(size_t n, At at, const std::vector<double>& d, double nearM,
                                                double bridgeM) {
    std::vector<std::pair<size_t, size_t>> runs;
    for (size_t j = 0; j < n;) {
        if (d[at(j)] > nearM) {
            ++j;
            continue;
        }
        const size_t first = j;
        while (j < n && d[at(j)] <= nearM) ++j;
        double departure = 0;
        if (!runs.empty())
            for (size_t k = runs.back().second + 1; k < first; ++k) departure = std::max(departure, d[at(k)]);
        if (!runs.empty() && departure <= bridgeM)
            runs.back().second = j - 1;
        else
            runs.emplace_back(first, j - 1);
    }
    return runs;
}

}  // namespace

std::vector<LineString> stretchesAlong(const std::vector<LineString>& input,
                                       const std::vector<const MultiPolygon*>& along, double nearM, double bridgeM,
                                       std::vector<std::vector<double>>* gaps) {
    // Vertices at most nearM / 2 apart, so a stretch ends within that of
    // where the line leaves the other side (a long segment is not all or nothing).
    std::vector<LineString> lines;
    for (const LineString& in : input) {
        LineString line;
        for (size_t i = 0; i < in.size(); ++i) {
            if (i > 0) {
                const Vec2 a = in[i - 1], b = in[i];
                const int steps = int(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / (nearM / 2)));
                for (int k = 1; k < steps; ++k)
                    line.push_back({a.x + (b.x - a.x) * k / steps, a.y + (b.y - a.y) * k / steps});
            }
            line.push_back(in[i]);
        }
        lines.push_back(std::move(line));
    }
    const std::vector<std::vector<double>> dist = distancesTo(lines, along, std::max(nearM, bridgeM));
    std::vector<LineString> out;
    for (size_t k = 0; k < lines.size(); ++k) {
        const LineString& line = lines[k];
        const std::vector<double>& d = dist[k];
        if (line.size() < 2) continue;
        const bool closed = line.size() > 3 && samePoint(line.front(), line.back());
        const size_t n = closed ? line.size() - 1 : line.size();
        // A closed line is walked from a vertex off the stretches, so none is cut at its start.
        size_t start = 0;
        if (closed) {
            while (start < n && d[start] <= nearM) ++start;
            if (start == n) {
                out.push_back(line);
                if (gaps) gaps->push_back(d);
                continue;
            }
        }
        auto at = [&](size_t j) { return (start + j) % n; };
        std::vector<std::pair<size_t, size_t>> runs = nearRuns(n, at, d, nearM, bridgeM);
        if (closed && !runs.empty()) {
            // The departure across the start: bridged, it joins the last run to the first.
            double departure = 0;
            for (size_t j = runs.back().second + 1; j < n + runs.front().first; ++j)
                departure = std::max(departure, d[at(j)]);
            if (departure <= bridgeM) {
                if (runs.size() == 1) {
                    out.push_back(line);
                    if (gaps) gaps->push_back(d);
                    continue;
                }
                runs.front() = {runs.back().first, runs.front().second + n};
                runs.pop_back();
            }
        }
        for (const auto& [first, last] : runs) {
            if (last == first) continue;  // a single vertex: a touch, not a stretch
            LineString stretch;
            std::vector<double> gap;
            for (size_t j = first; j <= last; ++j) {
                stretch.push_back(line[at(j)]);
                gap.push_back(d[at(j)]);
            }
            out.push_back(std::move(stretch));
            if (gaps) gaps->push_back(std::move(gap));
        }
    }
    return out;
}

namespace {

// An edge of a ring, its ends in a fixed order, so both features sharing it
// key it alike.
struct EdgeKey {
    double x0, y0, x1, y1;
    EdgeKey(Vec2 a, Vec2 b) {
        if (b.x < a.x || (b.x == a.x && b.y < a.y)) std::swap(a, b);
        x0 = a.x, y0 = a.y, x1 = b.x, y1 = b.y;
    }
    bool operator==(const EdgeKey& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};
struct EdgeHash {
    size_t operator()(const EdgeKey& e) const {
        uint64_t h = 1469598103934665603ull;
        for (double v : {e.x0, e.y0, e.x1, e.y1}) {
            uint64_t bits = 0;
            std::memcpy(&bits, &v, sizeof bits);
            h = (h ^ bits) * 1099511628211ull;
        }
        return size_t(h ^ (h >> 29));
    }
};

// The stretches of `ring` made of edges in `shared`, as polylines (the whole
// ring when every edge is shared).
void appendSharedStretches(const Ring& ring, const std::unordered_map<EdgeKey, int, EdgeHash>& uses, Vec2 origin,
                           LineStrip& out) {
    if (ring.size() < 4) return;
    const size_t m = ring.size() - 1;  // edges
    auto shared = [&](size_t i) {
        auto it = uses.find(EdgeKey(ring[i % m], ring[(i + 1) % m]));
        return it != uses.end() && it->second > 1;
    };
    size_t start = 0;
    while (start < m && shared(start)) ++start;
    if (start == m) {
        out.append(ring, origin);
        return;
    }
    LineString run;
    for (size_t j = 1; j <= m; ++j) {
        const size_t i = start + j;  // edge i runs from vertex i to i + 1 (mod m)
        if (j < m && shared(i)) {
            if (run.empty()) run.push_back(ring[i % m]);
            run.push_back(ring[(i + 1) % m]);
        } else if (!run.empty()) {
            out.append(run, origin);
            run.clear();
        }
    }
}

// The part of `ring` inside `b` (Sutherland–Hodgman); a concave ring that
// leaves and re-enters `b` is joined along its edge, which does not move the
// largest circle inside. Empty when nothing is left.
Ring clipRing(const Ring& ring, const Box& b) {
    if (ring.size() < 4) return {};
    std::vector<Vec2> pts(ring.begin(), ring.end() - 1);
    for (int side = 0; side < 4 && !pts.empty(); ++side) {
        auto inside = [&](Vec2 p) {
            return side == 0 ? p.x >= b.minX : side == 1 ? p.x <= b.maxX : side == 2 ? p.y >= b.minY : p.y <= b.maxY;
        };
        auto crossing = [&](Vec2 p, Vec2 q) {
            if (side < 2) {
                const double x = side == 0 ? b.minX : b.maxX, t = (x - p.x) / (q.x - p.x);
                return Vec2{x, p.y + t * (q.y - p.y)};
            }
            const double y = side == 2 ? b.minY : b.maxY, t = (y - p.y) / (q.y - p.y);
            return Vec2{p.x + t * (q.x - p.x), y};
        };
        std::vector<Vec2> next;
        for (size_t i = 0; i < pts.size(); ++i) {
            const Vec2 p = pts[i], q = pts[(i + 1) % pts.size()];
            if (inside(p)) next.push_back(p);
            if (inside(p) != inside(q)) next.push_back(crossing(p, q));
        }
        pts.swap(next);
    }
    if (pts.size() < 3) return {};
    pts.push_back(pts.front());
    return pts;
}

MultiPolygon clipToBox(const MultiPolygon& mp, const Box& b) {
    MultiPolygon out;
    for (const auto& poly : mp.polygons) {
        if (poly.rings.empty()) continue;
        Box pb;
        for (const Vec2& p : poly.rings.front()) pb.extend(p);
        if (!pb.intersects(b)) continue;
        Polygon part;
        for (const auto& ring : poly.rings) {
            Ring r = clipRing(ring, b);
            if (r.empty() && part.rings.empty()) break;  // the exterior is gone: so are its holes
            if (!r.empty()) part.rings.push_back(std::move(r));
        }
        if (!part.rings.empty()) out.polygons.push_back(std::move(part));
    }
    return out;
}

}  // namespace

const std::vector<MultiPolygon>& MapGeometry::contextShapes(size_t level) const {
    std::call_once(m_contextTopologyOnce, [&] {
        std::vector<const MultiPolygon*> shapes;
        for (const auto& f : m_context) shapes.push_back(&f.geometry);
        m_contextTopology = std::make_unique<const ArcTopology>(shapes);
    });
    std::lock_guard lock(m_contextMutex);
    auto it = m_contextShapes.find(level);
    if (it == m_contextShapes.end()) {
        std::vector<MultiPolygon> shapes;
        if (level == 0)
            for (const auto& f : m_context) shapes.push_back(f.geometry);
        else
            shapes = m_contextTopology->simplified(kLodTolerancesM[level]);
        it = m_contextShapes.emplace(level, std::move(shapes)).first;
    }
    return it->second;
}

LayerLod MapGeometry::buildContext(size_t level) const {
    LayerLod lod;
    lod.toleranceM = kLodTolerancesM[level];
    if (m_context.empty()) return lod;
    const std::vector<MultiPolygon>& shapes = contextShapes(level);
    // How many rings use each edge: one used twice is a border between two
    // countries (shared arcs are simplified alike, so they stay identical).
    std::unordered_map<EdgeKey, int, EdgeHash> uses;
    for (const auto& mp : shapes)
        for (const auto& poly : mp.polygons)
            for (const auto& ring : poly.rings)
                for (size_t i = 1; i < ring.size(); ++i) ++uses[EdgeKey(ring[i - 1], ring[i])];
    for (size_t i = 0; i < m_context.size(); ++i) {
        Range f{uint32_t(lod.fill.size()), 0};
        for (const Vec2& p : triangulate(shapes[i]))
            lod.fill.push_back({float(p.x - origin.x), float(p.y - origin.y), 0.0f});
        f.count = uint32_t(lod.fill.size()) - f.first;
        lod.fillRanges.push_back(f);
        Range r{uint32_t(lod.outline.vertices.size()), 0};
        if (!m_context[i].own)
            for (const auto& poly : shapes[i].polygons)
                for (const auto& ring : poly.rings) appendSharedStretches(ring, uses, origin, lod.outline);
        r.count = uint32_t(lod.outline.vertices.size()) - r.first;
        lod.outlineRanges.push_back(r);
    }
    return lod;
}

std::vector<ContextLabelSite> MapGeometry::sitesIn(const Box& cell, double toleranceM) const {
    // The coarsest level within half the circles' tolerance: fewer vertices, the same circles.
    size_t level = 0;
    while (level + 1 < kLodCount && kLodTolerancesM[level + 1] <= toleranceM / 2) ++level;
    const std::vector<MultiPolygon>& shapes = contextShapes(level);
    std::vector<ContextLabelSite> out;
    for (size_t i = 0; i < m_context.size(); ++i) {
        if (m_context[i].own || !m_context[i].bounds.intersects(cell)) continue;
        const MultiPolygon part = clipToBox(shapes[i], cell);
        if (part.empty()) continue;
        const LabelAnchor a = labelAnchor(part, toleranceM);
        if (a.radiusM > 0) out.push_back({i, a.position, a.radiusM});
    }
    return out;
}

std::vector<ContextLabelSite> MapGeometry::contextLabelSites(const Box& view) const {
    if (m_context.empty() || view.empty()) return {};
    {
        std::lock_guard lock(m_contextMutex);
        for (const auto& [box, sites] : m_recentSites)
            if (box.minX == view.minX && box.minY == view.minY && box.maxX == view.maxX && box.maxY == view.maxY)
                return sites;
    }
    // The view, then its quarters: alternatives where a label collides.
    const Vec2 c = view.center();
    const double tolerance = std::max(view.maxX - view.minX, view.maxY - view.minY) / 200;
    std::vector<ContextLabelSite> sites;
    for (const Box& b : {view, Box{view.minX, view.minY, c.x, c.y}, Box{c.x, view.minY, view.maxX, c.y},
                         Box{view.minX, c.y, c.x, view.maxY}, Box{c.x, c.y, view.maxX, view.maxY}}) {
        const auto in = sitesIn(b, tolerance);
        sites.insert(sites.end(), in.begin(), in.end());
    }
    std::lock_guard lock(m_contextMutex);
    m_recentSites.emplace_front(view, sites);
    if (m_recentSites.size() > 8) m_recentSites.pop_back();
    return sites;
}

std::string encodeLod(const LayerLod& lod) {
    io::ByteWriter w;
    w.pod(lod.toleranceM);
    w.array(lod.fill);
    w.array(lod.fillRanges);
    w.array(lod.outline.vertices);
    w.array(lod.outlineRanges);
    w.array(lod.anchors);
    return std::move(w.bytes());
}

std::optional<LayerLod> decodeLod(std::string_view bytes) {
    io::ByteReader r(bytes);
    LayerLod lod;
    lod.toleranceM = r.pod<double>();
    lod.fill = r.array<FillVertex>();
    lod.fillRanges = r.array<Range>();
    lod.outline.vertices = r.array<LineVertex>();
    lod.outlineRanges = r.array<Range>();
    lod.anchors = r.array<LabelAnchor>();
    if (!r.ok() || !r.atEnd()) return std::nullopt;
    // Ranges must lie within their arrays: a damaged level must not be drawn.
    for (const Range& x : lod.fillRanges)
        if (uint64_t(x.first) + x.count > lod.fill.size()) return std::nullopt;
    for (const Range& x : lod.outlineRanges)
        if (uint64_t(x.first) + x.count > lod.outline.vertices.size()) return std::nullopt;
    return lod;
}

}  // namespace bl::engine
